/**
 * Secret detection and redaction for free text.
 *
 * Fake "support agents" talk wallet users into typing their recovery phrase,
 * keys or one-time codes. Every answer and every --answer value goes through
 * `findSecrets`/`redactSecrets` before it is echoed, stored or logged, so a
 * secret never travels further than the keyboard.
 *
 * The rules lean towards recall (a missed secret is worse than a redacted
 * sentence), but each one is shaped so ordinary troubleshooting answers (ids,
 * amounts, dates, phone numbers, transaction ids, addresses, plain English or
 * Chinese sentences) pass untouched. All offsets are UTF-16 offsets into the
 * input; findings are sorted and never overlap (overlapping ones are merged).
 *
 * Word lists, Base58Check and the BIP39 checksum come from @scure/bip39 and
 * @scure/base; Chinese word segmentation comes from ICU (Intl.Segmenter).
 */
import { wordlist as englishList } from '@scure/bip39/wordlists/english.js';
import { wordlist as chineseList } from '@scure/bip39/wordlists/simplified-chinese.js';
import { wordlist as traditionalList } from '@scure/bip39/wordlists/traditional-chinese.js';
import { base58, base64, createBase58check, type BytesCoder } from '@scure/base';
import { sha256 } from '@noble/hashes/sha2.js';
import '../core.js';
import { lookalikeLetters } from './lookalikes.js';
import { foldWidth } from '../util/safe-text.js';
import { matchesOf } from '../util/matches.js';

// The look-alike table goes with the scanner (its one chunk: a run that screens a fact opens no other file for it).
export { lookalikeLetters, pairs, withLatinLookalikes } from './lookalikes.js';

import type { SecretKind } from './kinds.js';

export type { SecretKind };

/** One secret: `text.slice(start, end)` is the secret (UTF-16 offsets). */
export interface SecretFinding {
  kind: SecretKind;
  start: number;
  end: number;
}

export interface SecretScanOptions {
  /**
   * The text holds numbers by nature (an amount, a time, an error message, a
   * memo or tag): a number standing alone is data, and only a labelled
   * one-time code ("2FA code 4321", "验证码 1234") is a finding.
   */
  numbersExpected?: boolean;
  /**
   * The question asked for a transaction id (64 hex digits, or 0x + 64 hex for
   * Ethereum-style chains). A raw private key has exactly the same shape, so by
   * default every bare 64-hex string is reported as a possible private key; with
   * this option it is reported only when labelled ("private key", "privkey",
   * "secret", "seed", "私钥", "密钥", …) just before it.
   */
  allowHex64?: boolean;
  /**
   * The text is long prose (the texts of data files), not an answer: a phrase counts
   * only when written with something between its words. Reading phrases into Chinese
   * written without spaces is tuned for short answers; over whole paragraphs of
   * ordinary Chinese it flags sentences, and it is the costly part of a scan.
   */
  prose?: boolean;
  /**
   * The text is one line typed at a prompt. A phrase pasted as a numbered list arrives a line at
   * a time, and only its first line is read: "1. abandon", one word of the list after its number,
   * is then a finding too (no account id, amount or time looks like that).
   */
  typedLine?: boolean;
}

/** The text that replaces each kind of secret in `redactSecrets`. */
export const REDACTION_MARKERS: Readonly<Record<SecretKind, string>> = {
  'recovery-phrase': '[redacted recovery phrase]',
  'private-key': '[redacted private key]',
  'wif-key': '[redacted WIF key]',
  'extended-private-key': '[redacted extended private key]',
  'card-number': '[redacted card number]',
  'card-security-code': '[redacted card security code]',
  'one-time-code': '[redacted one-time code]',
  password: '[redacted password]',
};

/** BIP39 phrases have 12, 15, 18, 21 or 24 words. */
const PHRASE_LENGTHS = [12, 15, 18, 21, 24] as const;
const MIN_PHRASE_WORDS = 12;
/** An English phrase a word short (one left out, or one mistyped between two runs: see bridgedRun) is one too. */
const MIN_SHORT_PHRASE_WORDS = MIN_PHRASE_WORDS - 1;
/** Misspelt words a detected phrase may be extended across (see `extendRun`). */
const MAX_BRIDGES = 3;

// ---------------------------------------------------------------------------
// Lazily built tables (the CLI calls this on every answer; build them once).
// ---------------------------------------------------------------------------

interface Tables {
  english: Set<string>;
  /** The first four letters of every English list word of four letters or more: they alone tell the words apart. */
  englishPrefixes: Set<string>;
  /** Chinese character -> index in the BIP39 list (the list is ordered by frequency). */
  chinese: Map<string, number>;
  /** Per Chinese list index: log(P_random / P_natural), see `randomness`. */
  chineseScore: Float64Array;
  /** Words of wallet support that ICU's dictionary lacks, by length (see `WordCounts`). */
  domainWords: Set<string>;
  base58check: BytesCoder;
}

let tables: Tables | undefined;

function getTables(): Tables {
  if (tables) return tables;
  const chinese = new Map<string, number>();
  chineseList.forEach((c, i) => chinese.set(c, i));
  // The Traditional list is the same list, word for word, in Traditional characters (773 of them differ): a phrase
  // written in it is as secret, and each character keeps its Simplified twin's rank.
  traditionalList.forEach((c, i) => {
    if (!chinese.has(c)) chinese.set(c, i);
  });
  // Natural text draws characters roughly by Zipf's law over the frequency rank
  // (the BIP39 Chinese list is sorted by frequency); a generated phrase draws
  // them uniformly. Score = log(P_uniform(rank) / P_zipf(rank)).
  const n = chineseList.length;
  let h = 0;
  for (let r = 0; r < n; r++) h += 1 / (r + ZIPF_OFFSET);
  const chineseScore = new Float64Array(n);
  for (let r = 0; r < n; r++) chineseScore[r] = Math.log(((r + ZIPF_OFFSET) * h) / n);
  tables = { english: new Set(englishList), englishPrefixes: new Set(englishList.filter((w) => w.length >= 4).map((w) => w.slice(0, 4))), chinese, chineseScore, domainWords: new Set(DOMAIN_WORDS.split(' ')), base58check: createBase58check(sha256) };
  return tables;
}

/**
 * Whether a word is a common English word, in the singular or the plural ("updates", "friends", "families"): one of the
 * BIP39 English list's 2,048 or of the words for what messaging apps hold, which the list lacks. A word of a sentence,
 * where a made-up account name ("wallethelpdesk") is none.
 */
export function isCommonEnglishWord(word: string): boolean {
  const { english } = getTables();
  const w = word.toLowerCase();
  const singular = [w, w.replace(/s$/, ''), w.replace(/es$/, ''), w.replace(/ies$/, 'y')];
  return singular.some((s) => english.has(s) || APP_WORDS.has(s));
}
const APP_WORDS = new Set(['channel', 'sticker', 'contact', 'setting', 'profile', 'community', 'announcement', 'notification', 'status', 'reply', 'relative', 'colleague', 'neighbor', 'neighbour', 'classmate', 'coworker', 'stranger', 'scammer']);

let segmenter: Intl.Segmenter | null | undefined;
function getSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined) {
    segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
  }
  return segmenter;
}

// ---------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------

/**
 * Finds secrets in free text. `numbersExpected`: true where numbers are data
 * (then only labelled one-time codes are findings). `allowHex64`: true when the
 * question asked for a transaction id (then bare 64-hex is not a finding unless labelled).
 */
export function findSecrets(text: string, opts: SecretScanOptions = {}): SecretFinding[] {
  // Fast path for flow answer ids, short words and the like: every detector needs
  // a digit, a non-ASCII character (Chinese, full-width forms), a password label
  // or at least 43 characters (11 three-letter words and 10 separators, a phrase a word short; keys are longer still),
  // or a phrase's name and room for five words after it. (From 47, twelve words' room, an eleven-word phrase of 43 to
  // 46 characters went unread.)
  // (Not for a line typed at a prompt, where eight short list words make a finding: see findTypedRuns.)
  if (opts.typedLine !== true && text.length < MIN_SHORT_PHRASE_WORDS * 4 - 1 && !NEEDS_SCAN.test(text) && !PASSWORD_HINT.test(text) && !(text.length >= 28 && FRAGMENT_HINT.test(text))) return [];
  // Characters shown as nothing, look-alike letters, accents and mathematical letters hide no secret: the text is read as
  // seen, and each finding placed back in the text.
  if (DISGUISED.test(text) || hasIgnorable(text)) {
    const { seen, offsets } = asSeen(text);
    // (Read once: what is left of such letters, a Cyrillic word, is read as it is.)
    return scan(seen, opts).map((f) => ({ ...f, start: offsets[f.start]!, end: endOfCharacter(text, offsets[f.end - 1]! + 1) }));
  }
  return scan(text, opts);
}

/** findSecrets on a text read as seen. */
function scan(text: string, opts: SecretScanOptions): SecretFinding[] {
  const folded = foldWidth(text);
  const found: SecretFinding[] = [];
  if (opts.typedLine === true) {
    const first = NUMBERED_FIRST_WORD.exec(folded);
    const { english, chinese } = getTables();
    if (first && (english.has(first[1]!.toLowerCase()) || chinese.has(first[1]!))) return [{ kind: 'recovery-phrase', start: 0, end: text.length }];
    findTypedRuns(folded, found);
  }
  // 12 Chinese characters, or 11 English words of 3+ letters with separators (a phrase a word short is one too).
  // In prose (data files) only a phrase with something between every two words counts: at least 10 characters that
  // are not letters, which most sentences of a flow do not have (found natively, before tokenising).
  const phraseMayFit = folded.length >= MIN_SHORT_PHRASE_WORDS * 4 - 1 || (folded.length >= 12 && HAN.test(folded));
  if (phraseMayFit && (opts.prose !== true || SEPARATED_WORDS.test(folded))) findPhrases(folded, found, opts.prose === true);
  if (folded.length >= 36 && opts.prose !== true) findGluedPhrases(folded, found);
  findHexKeys(folded, opts.allowHex64 === true, found);
  findBase58Keys(folded, found);
  findEncodedKeys(folded, opts.allowHex64 === true, found);
  findCards(folded, found);
  findCardSecurityCodes(folded, found);
  if (opts.prose !== true && FRAGMENT_HINT.test(folded)) findLabelledFragments(folded, found);
  // Before codes: a labelled password of digits ("支付密码 246810") is named a password.
  findPasswords(folded, found);
  findCodes(folded, opts.numbersExpected === true, found);
  return mergeFindings(found);
}

/**
 * The text with every finding replaced by a fixed marker such as
 * "[redacted recovery phrase]". Text outside the findings is kept as it is.
 */
export function redactSecrets(text: string, opts: SecretScanOptions = {}): string {
  const findings = findSecrets(text, opts);
  if (findings.length === 0) return text;
  let out = '';
  let pos = 0;
  for (const f of findings) {
    out += text.slice(pos, f.start) + REDACTION_MARKERS[f.kind];
    pos = f.end;
  }
  return out + text.slice(pos);
}

// ---------------------------------------------------------------------------
// Preparation
// ---------------------------------------------------------------------------

const NEEDS_SCAN = /[\d\u0080-\uffff]/;

/**
 * Characters a terminal or an editor shows as nothing (Unicode's Default_Ignorable_Code_Point): zero-width spaces and
 * joiners, the word joiner and invisible operators, soft hyphens, bidirectional marks, variation selectors, tag
 * characters, Hangul fillers. Written inside a phrase or a key ("aban\uFE0Fdon …"), they hid it from every rule while
 * whoever saw it read it whole.
 */
let ignorable: RegExp | undefined;
/** Made on first use: a Unicode property escape costs every run that loads the scanner, most of which scan no text. */
function hasIgnorable(text: string): boolean {
  return (ignorable ??= /\p{Default_Ignorable_Code_Point}/u).test(text);
}
/** The ignorable characters shown as a blank rather than as nothing: the Hangul fillers ("seed\u3164phrase" reads "seed phrase"). */
const BLANK_FILLER = /^[\u115f\u1160\u3164\uffa0]$/;

/** A text as it is seen (see asSeen): most texts hold no character shown as nothing, and are what they are. */
export function seenText(text: string): string {
  return hasIgnorable(text) ? asSeen(text, false).seen : text;
}

/** The blocks of combining marks, as plain ranges (a Unicode property escape costs every run that loads the scanner). */
const COMBINING = '\\u0300-\\u036f\\u1ab0-\\u1aff\\u1dc0-\\u1dff\\u20d0-\\u20ff\\ufe20-\\ufe2f';
/**
 * Letters a secret can be disguised with and still be read: accented Latin letters and marks on letters, Greek,
 * Cyrillic, small capitals and other phonetic letters, mathematical alphanumerics ("𝐥𝐞𝐠𝐚𝐥", whose surrogate pairs start
 * \uD835). Chinese text has none, and is read as it is.
 */
// eslint-disable-next-line no-misleading-character-class -- ranges of combining marks and a surrogate half, on purpose
const DISGUISED = new RegExp(`[\\u00c0-\\u02af\\u0370-\\u03ff\\u0400-\\u052f\\u1d00-\\u1dbf\\ua730\\ua731\\ud835${COMBINING}]`);

/**
 * A text as it is seen: the Hangul fillers as a space, every other ignorable character left out. `offsets[i]` is the
 * offset in `text` of the UTF-16 unit at `i` in `seen`, so that what is found in the one is placed in the other.
 */
function asSeen(text: string, letters = true): { seen: string; offsets: number[] } {
  let seen = '';
  const offsets: number[] = [];
  let at = 0;
  for (const ch of text) {
    if (BLANK_FILLER.test(ch)) {
      seen += ' ';
      offsets.push(at);
    } else if (!hasIgnorable(ch)) {
      // With `letters`, a letter as the plain one it is read as: a look-alike as its Latin letter, an accent or other mark
      // left out, a mathematical or other compatibility form as its plain form ("𝐥" as "l").
      const read = letters && DISGUISED.test(ch) ? (lookalikeLetters().get(ch) ?? ch.normalize('NFKD').replace(MARKS, '')) : ch;
      seen += read;
      for (let i = 0; i < read.length; i++) offsets.push(at + Math.min(i, ch.length - 1));
    }
    at += ch.length;
  }
  return { seen, offsets };
}
// eslint-disable-next-line no-misleading-character-class -- ranges of combining marks, on purpose
const MARKS = new RegExp(`[${COMBINING}]`, 'g');
// eslint-disable-next-line no-misleading-character-class -- ranges of combining marks, on purpose
const MARK = new RegExp(`^[${COMBINING}]`);

/** A text without the accents and other marks set on its letters ("récovery" reads "recovery"). */
export function withoutMarks(text: string): string {
  return DISGUISED.test(text) ? text.normalize('NFD').replace(MARKS, '').normalize('NFC') : text;
}

/** An end offset moved past the rest of the character it falls in: the low half of a surrogate pair, marks set on it. */
function endOfCharacter(text: string, end: number): number {
  let at = end;
  if (/[\udc00-\udfff]/.test(text.charAt(at)) && /[\ud800-\udbff]/.test(text.charAt(at - 1))) at++;
  while (at < text.length && MARK.test(text.charAt(at))) at++;
  return at;
}
/** The first line of a phrase pasted as a numbered list: "1. abandon", "1) abandon", "#1 abandon", "1、的", "一、的". */
const NUMBERED_FIRST_WORD = /^\s*(?:#\s*)?(?:1|01|一)\s*[.)、:：-]?\s*([a-zA-Z]{3,8}|\p{Script=Han})\s*$/u;
/**
 * Room for a phrase written out in prose: at least 10 characters that are not letters (what separates its words), anywhere
 * in the text. One anchored search that stops at the eleventh, where a count of every such character made a list of them.
 */
const SEPARATED_WORDS = new RegExp(`^(?:[\\p{L}\\p{M}]*[^\\p{L}\\p{M}]){${MIN_SHORT_PHRASE_WORDS - 1}}`, 'u');
const HAN = /\p{Script=Han}/u;


function mergeFindings(found: SecretFinding[]): SecretFinding[] {
  if (found.length <= 1) return found;
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: SecretFinding[] = [];
  for (const f of found) {
    const last = out[out.length - 1];
    if (last && f.start < last.end) {
      // Overlap: one finding covering both, named after the longer one.
      if (f.end - f.start > last.end - last.start) last.kind = f.kind;
      last.end = Math.max(last.end, f.end);
    } else {
      out.push({ ...f });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Recovery phrases
// ---------------------------------------------------------------------------

type Script = 'latin' | 'han' | 'other';
interface Token {
  start: number;
  end: number;
  script: Script;
  /** Lower-cased word (latin) or the character (han). */
  key: string;
}

// A token is one Han character or a maximal run of other letters. Whatever lies
// between two tokens (spaces, newlines, digits, punctuation, "1.", "#2", "3)",
// "，", "、") is a separator, which is how numbering and punctuation are ignored.
const TOKEN = /\p{Script=Han}|(?:(?!\p{Script=Han})[\p{L}\p{M}])+/gu;
const LATIN_WORD = /^[a-z]+$/;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of matchesOf(TOKEN, text)) {
    const word = m[0];
    const start = m.index;
    if (word.length === 1 && HAN_CHAR.test(word)) {
      tokens.push({ start, end: start + 1, script: 'han', key: word });
    } else if (word.length > 1 && HAN_CHAR.test(word)) {
      // An astral Han character (surrogate pair): never a list character.
      tokens.push({ start, end: start + word.length, script: 'other', key: word });
    } else {
      const key = word.toLowerCase();
      tokens.push({ start, end: start + word.length, script: LATIN_WORD.test(key) ? 'latin' : 'other', key });
    }
  }
  return tokens;
}
const HAN_CHAR = /^\p{Script=Han}$/u;

// ---------------------------------------------------------------------------
// Parts of a phrase or a key, written after its name
// ---------------------------------------------------------------------------

/** Cheap test: text without one of these names neither a phrase nor a key. */
const FRAGMENT_HINT = /phrase|word|seed|mnemonic|key|助[记記]|恢[复復]|[备備]份|[种種]子|私[钥鑰匙]|[密秘][钥鑰]/i;
/** Names of a recovery phrase. */
const PHRASE_NAME = /(?<![A-Za-z])(?:(?:seed|recovery|secret|backup|wallet)[ -]?(?:phrase|words)|mnemonic(?:[ -]?(?:phrase|words))?|(?:12|24|twelve|twenty[ -]four)[ -]words?(?:[ -](?:phrase|seed))?|(?:seed|phrase)(?=\s*[:=]))(?![A-Za-z])|助[记記][词詞码碼]|恢[复復](?:短[语語]|[词詞])|[备備]份(?:[词詞]|短[语語])|[种種]子(?:短[语語]|[词詞])/gi;
/** Names of a private key. */
const KEY_NAME = /(?<![A-Za-z])(?:priv(?:ate)?[ _-]?key|prv[ _-]?key)(?![A-Za-z])|私[钥鑰匙]|[密秘][钥鑰]/gi;
/**
 * What stands between a name and its value: "is", ":", "=", a dash, an arrow, a comma, a bracket, "是", or only a space
 * (full-width forms are folded before), an opening quote, and the number of a numbered list ("1. legal 2. winner …").
 */
const FRAGMENT_LEAD = /(?:\s*(?:(?:is|was|are|were)(?![A-Za-z])|->|=>|[:=,([\u2013\u2014-]|就是|是|为|為|如下))*\s*["'\u2018\u201c\u300c\u300e]?\s*(?:\d{1,2}[.)\u3001:]\s*)?/iy;
/** A key, or most of one: 16 hex digits or more, or 20 Base58 characters or more (with a digit, as no word has). */
const KEY_PART = /(?:0x)?[0-9a-f]{16,}(?![0-9a-z])|[1-9A-HJ-NP-Za-km-z]{20,}(?![0-9A-Za-z])/iy;
/** List words in a row after a phrase's name that make a part of it, parted alike as a phrase is written. */
const MIN_LABELLED_WORDS = 5;
/**
 * The same, parted unevenly ("legal winner thank, year wave …", "legal,winner, thank"), as a sentence is too ("is now
 * useless, please help fix it"): from eight, which leave the other four of twelve to a quick search (review).
 */
const MIN_LABELLED_WORDS_UNEVEN = 8;
const LABELLED_RUN = { even: MIN_LABELLED_WORDS, uneven: MIN_LABELLED_WORDS_UNEVEN };

/**
 * A part of a recovery phrase or of a key, written after its name: "助记词是 legal winner thank year wave sausage", "seed
 * phrase: legal winner thank year wave", "私钥 4c0883a69102937d6231…". Without its name a run of list words counts only
 * from eleven (findPhrases), as prose has shorter ones; named, five are enough, and a key counts from 16 hex digits.
 * A phrase written nine words of twelve leaves the rest to a quick search, and it was kept and printed (QA: Chinese user).
 * Said as it is typed only (answers, facts, the command line), not in prose.
 */
function findLabelledFragments(text: string, found: SecretFinding[]): void {
  for (const [label, kind] of [[PHRASE_NAME, 'recovery-phrase'], [KEY_NAME, 'private-key']] as const) {
    for (const m of matchesOf(label, text)) {
      FRAGMENT_LEAD.lastIndex = m.index + m[0].length;
      const from = FRAGMENT_LEAD.exec(text) ? FRAGMENT_LEAD.lastIndex : m.index + m[0].length;
      if (kind === 'private-key') {
        KEY_PART.lastIndex = from;
        const key = KEY_PART.exec(text);
        if (key && (/^(?:0x)?[0-9a-f]+$/i.test(key[0]) || /\d/.test(key[0]))) found.push({ kind, start: from, end: from + key[0].length });
        continue;
      }
      const end = listWordsFrom(text, from);
      if (end !== undefined) found.push({ kind, start: from, end });
    }
  }
}

/**
 * Where a run of list words that starts at `from` ends (Chinese characters apart from each other), if it has at least
 * `least.even` words parted alike, or `least.uneven` parted otherwise.
 */
function listWordsFrom(text: string, from: number, least: { even: number; uneven: number } = LABELLED_RUN): number | undefined {
  const { english, chinese } = getTables();
  const value = text.slice(from, from + 400);
  const tokens = tokenize(value);
  if (tokens[0]?.start !== 0) return undefined;
  let count = 0;
  let end = 0;
  // The words of a phrase are mostly parted alike (spaces, ", ", a new line, a number each); a sentence is not: "is now
  // useless, please help fix it" is a run of list words across a comma (review: a false alarm). Parted unevenly, the run
  // needs more words to count (a stray comma in a pasted phrase still counts from eight).
  let parting: string | undefined;
  let even = true;
  for (const [k, t] of tokens.entries()) {
    const listed = t.script === 'latin' ? english.has(t.key) : t.script === 'han' && chinese.has(t.key) && (k === 0 || tokens[k - 1]!.end < t.start);
    if (!listed || (k > 0 && t.script !== tokens[0]!.script)) break;
    if (k > 0) {
      const between = value.slice(tokens[k - 1]!.end, t.start);
      const kind = /^\s*\d{1,2}[.)\u3001:]?\s*$/.test(between) ? '#' : between.replace(/\s+/g, ' ');
      if ((parting ??= kind) !== kind) even = false;
    }
    count++;
    end = t.end;
  }
  return count >= (even ? least.even : least.uneven) ? from + end : undefined;
}

/**
 * In a line typed at a prompt (a fact, a contact): eight list words or more in a row, parted alike, are most of a phrase
 * even without its name. Nine words of twelve typed at the contact prompt were shown as typed and quoted back (QA:
 * Chinese user); the rest of such a phrase is a quick search. A typed line is short, and the words of honest text there
 * (an error message, a time) are parted by words no list has ("the", "to", "your") long before eight.
 */
function findTypedRuns(text: string, found: SecretFinding[]): void {
  if (text.length < MIN_TYPED_RUN * 2 - 1) return;
  const tokens = tokenize(text);
  for (let i = 0; i + MIN_TYPED_RUN <= tokens.length; i++) {
    if (i > 0 && tokens[i - 1]!.end === tokens[i]!.start) continue;
    const end = listWordsFrom(text, tokens[i]!.start, TYPED_RUN);
    if (end !== undefined) {
      found.push({ kind: 'recovery-phrase', start: tokens[i]!.start, end });
      return;
    }
  }
}
const MIN_TYPED_RUN = 8;
/** Without a name, only a run parted alike: one parted unevenly is a sentence. */
const TYPED_RUN = { even: MIN_TYPED_RUN, uneven: Infinity };

function findPhrases(text: string, found: SecretFinding[], spacedOnly: boolean): void {
  const { english, chinese } = getTables();
  const tokens = tokenize(text);
  if (tokens.length < MIN_SHORT_PHRASE_WORDS) return;
  const inList = tokens.map((t) =>
    t.script === 'latin' ? english.has(t.key) : t.script === 'han' ? chinese.has(t.key) : false,
  );

  findAbbreviatedPhrase(tokens, found);
  const budget: ChecksumBudget = { left: MAX_PHRASE_CHECKS };
  // Maximal runs of consecutive list words of one script.
  let i = 0;
  while (i < tokens.length) {
    if (!inList[i]) {
      i++;
      continue;
    }
    const script = tokens[i]!.script;
    let j = i + 1;
    while (j < tokens.length && inList[j] && tokens[j]!.script === script) j++;
    // English: a phrase with a word left out, or one mistyped between two runs of list words, is the phrase too, all but
    // a word or two of it ("steel rather rude arrest dignity merryx father …": eleven words, 2,048 guesses from the
    // wallet). Quoted in an error, it gave away the phrase less one word (QA: library review).
    if (script === 'latin' && j - i < MIN_PHRASE_WORDS) {
      const bridged = bridgedRun(text, tokens, inList, i, j);
      if (bridged !== undefined) {
        addRun(tokens, inList, i, bridged, found);
        i = bridged;
        continue;
      }
    }
    if (j - i >= MIN_PHRASE_WORDS) {
      if (script === 'latin') {
        // English: 12+ consecutive list words is a phrase, checksum or not (a
        // mistyped phrase is still a secret). Ordinary sentences break the run
        // quickly: "the", "to", "my", "is", "and", "I", "not", plurals and past
        // tenses are not list words, so 12 in a row practically never happens.
        addRun(tokens, inList, i, j, found);
      } else {
        findChinese(text, tokens, inList, i, j, found, spacedOnly, budget);
      }
    }
    i = j;
  }
}

/**
 * A phrase written the short way wallets accept (BIP39 words are told apart by their first four letters): "lega winn
 * than year …". Twelve tokens in a row, each the first four letters of a list word or a three-letter list word, at
 * least half of them four letters long (prose has few runs of twelve short words, and fewer of list words).
 */
function findAbbreviatedPhrase(tokens: Token[], found: SecretFinding[]): void {
  const { english, englishPrefixes } = getTables();
  const short = tokens.map((t) => t.script === 'latin' && ((t.key.length === 4 && englishPrefixes.has(t.key)) || (t.key.length === 3 && english.has(t.key))));
  for (let i = 0; i < tokens.length; ) {
    let j = i;
    while (j < tokens.length && short[j]) j++;
    const four = tokens.slice(i, j).filter((t) => t.key.length === 4).length;
    if (j - i >= MIN_PHRASE_WORDS && four >= MIN_PHRASE_WORDS / 2) found.push({ kind: 'recovery-phrase', start: tokens[i]!.start, end: tokens[j - 1]!.end });
    i = Math.max(j, i + 1);
  }
}

/**
 * Twelve to twenty-four list words of three to eight letters, written without anything between them: a run of 36 to 192
 * letters. Bounded, and read from a run's start only: `[A-Za-z]{36,}` over a run of millions of letters overflowed V8's
 * backtracking stack (a RangeError from a library call with a 5 MB flow id; QA: library review).
 */
const GLUED = /(?<![A-Za-z])[A-Za-z]{36,192}(?![A-Za-z])/g;

/**
 * A phrase written as one word ("legalwinnerthank…", "LegalWinnerThank…"): a run of letters that splits
 * wholly into 12 or more list words. BIP39 words are told apart by their first four letters, so at
 * each place at most a few words fit and the search is short.
 */
function findGluedPhrases(text: string, found: SecretFinding[]): void {
  const { english } = getTables();
  for (const m of matchesOf(GLUED, text)) {
    const run = m[0].toLowerCase();
    // words[i]: the most list words run[i..] splits into, or -1 when it does not split into list words.
    const words = new Int32Array(run.length + 1).fill(-1);
    words[run.length] = 0;
    for (let i = run.length - 1; i >= 0; i--) {
      for (let len = 3; len <= 8 && i + len <= run.length; len++) {
        const rest = words[i + len]!;
        if (rest >= 0 && english.has(run.slice(i, i + len))) {
          words[i] = Math.max(words[i]!, rest + 1);
        }
      }
    }
    if (words[0]! >= MIN_PHRASE_WORDS) found.push({ kind: 'recovery-phrase', start: m.index, end: m.index + m[0].length });
  }
}

/**
 * The end of an English phrase short of a word that starts with the run of list words [from, to): the run alone of
 * MIN_SHORT_PHRASE_WORDS words, or it and the run after one other word of the same script (a typo), together that many;
 * undefined otherwise. Prose has no such runs: "the", "to", "is", "my", plurals and past tenses are no list words.
 */
function bridgedRun(text: string, tokens: Token[], inList: boolean[], from: number, to: number): number | undefined {
  const needed = MIN_SHORT_PHRASE_WORDS;
  let end = to;
  if (to - from < needed) {
    const bridge = tokens[to];
    if (bridge === undefined || bridge.script !== 'latin' || inList[to] || bridge.key.length > 12 || FUNCTION_WORDS.has(bridge.key)) return undefined;
    end = to + 1;
    while (end < tokens.length && inList[end] && tokens[end]!.script === 'latin') end++;
    if (to - from + (end - to - 1) < needed) return undefined;
  }
  // Words as a phrase is copied, with nothing but spaces and line breaks between them: a list in a sentence ("account
  // number, amount, date, time zone, network, address, …") has commas, and passes (review). Twelve words are found
  // with any separators.
  return /^[A-Za-z\s]+$/.test(text.slice(tokens[from]!.start, tokens[end - 1]!.end)) ? end : undefined;
}

/** Words of English sentences that join two runs of list words in prose, and are no typo of one: never a bridge. */
const FUNCTION_WORDS = new Set(['the', 'and', 'for', 'with', 'that', 'this', 'you', 'your', 'are', 'was', 'but', 'not', 'has', 'have', 'from', 'they', 'them', 'its', 'our', 'then', 'than', 'into', 'onto', 'or', 'of', 'to', 'in', 'on', 'at', 'by', 'is', 'be', 'as', 'an', 'a', 'i', 'we', 'my', 'me', 'so', 'if', 'it']);

function addRun(tokens: Token[], inList: boolean[], from: number, to: number, found: SecretFinding[]): void {
  const [a, b] = extendRun(tokens, inList, from, to);
  found.push({ kind: 'recovery-phrase', start: tokens[a]!.start, end: tokens[b - 1]!.end });
}

/**
 * Once a run is known to be a phrase, the redaction also swallows a misspelt
 * word and the list words after (or before) it: in "abandon … abandun … zoo"
 * the words after the typo are as secret as the ones before. A bridge is one
 * token of the same script that is not a list word, directly followed
 * (preceded) by a list word. This only widens findings, never creates them.
 */
function extendRun(tokens: Token[], inList: boolean[], from: number, to: number): [number, number] {
  const script = tokens[from]!.script;
  const bridgeable = (k: number) => {
    const t = tokens[k];
    return t !== undefined && t.script === script && !inList[k] && t.key.length <= 12;
  };
  const listWord = (k: number) => tokens[k] !== undefined && inList[k] === true && tokens[k]!.script === script;
  let a = from;
  let b = to;
  let bridges = 0;
  while (bridges < MAX_BRIDGES && bridgeable(b) && listWord(b + 1)) {
    bridges++;
    b += 2;
    while (listWord(b)) b++;
  }
  while (bridges < MAX_BRIDGES && bridgeable(a - 1) && listWord(a - 2)) {
    bridges++;
    a -= 2;
    while (listWord(a - 1)) a--;
  }
  return [a, b];
}

/**
 * Chinese phrases, tokens[from..to) being consecutive list characters.
 *
 * Written with something between every character ("的 一 是 …", "1.的 2.一",
 * "的，一，是"), 12 or more list characters are a phrase, checksum or not:
 * ordinary Chinese is not written that way.
 *
 * Written without spaces it is different. The list holds the 2048 most frequent
 * characters, which cover about 97% of everyday text, so runs of 12+ list
 * characters are everywhere in ordinary Chinese ("我的提现一直没有到账" is all
 * list characters). There a 12/15/18/21/24-character window must pass the BIP39
 * checksum. The checksum alone is far too weak: it is 4 bits for 12 words, so
 * 1 window in 16 passes by chance, and a long sentence has many windows (on the
 * bundled flow texts, checksum-only flagged 1 in 5 sentences). So a window must
 * also read as random characters rather than language (`randomness`): two
 * likelihood ratios of "generated" against "written", added up per character:
 *  - how frequent the character is (a phrase draws all 2048 alike, text mostly
 *    the first few hundred), and
 *  - whether the character lies in a word of two or more characters, as ICU's
 *    dictionary segmentation (Intl.Segmenter) reads the block, or in a word of
 *    `DOMAIN_WORDS` (wallet words ICU lacks: 充值, 页面, 余额, 来电者, …). Measured:
 *    2.2% of a generated phrase's characters lie in such words, 69% of those of
 *    text windows that pass the checksum.
 * Windows do not cross punctuation (only spaces, for phrases written in groups
 * like "的一是在 不了有和 人这中大"), so clauses are examined one at a time.
 *
 * Measured by test/secrets-zh.test.ts on ordinary Chinese (the bundled flows,
 * the Chinese message catalogue, the directory and 165 everyday sentences about
 * payments, logins, verification, fees and scams: 1,310 clauses of 12+ list
 * characters, 390 windows passing the checksum): none is flagged. Before, with
 * frequency and ICU words as two separate tests, 12 texts were (ICU splits
 * 充|值, 页|面, 来|电|者, so "at most half the window in words" let them through).
 * Generated phrases, alone, after a label or glued inside a sentence: about 1
 * 12-character phrase in 3,000 is missed (13 of 40,000), none of 10,000 of each
 * longer length; a miss is a phrase that happens to hold several very common
 * characters or to form words.
 * A flagged window is widened to the whole block it stands in, so text glued to
 * the phrase ("我的助记词是…") cannot keep a piece of it.
 */
function findChinese(text: string, tokens: Token[], inList: boolean[], from: number, to: number, found: SecretFinding[], spacedOnly: boolean, budget: ChecksumBudget): void {
  const gapBefore = (k: number) => tokens[k]!.start > tokens[k - 1]!.end;

  // Separated runs: every pair of neighbours has something in between.
  const separatedRuns: [number, number][] = [];
  let s = from;
  for (let k = from + 1; k <= to; k++) {
    if (k === to || !gapBefore(k)) {
      if (k - s >= MIN_PHRASE_WORDS) {
        addRun(tokens, inList, s, k, found);
        separatedRuns.push([s, k]);
      }
      s = k;
    }
  }

  // Unspaced blocks: list characters with nothing or only white space between
  // (unless a separated run above already covers the block).
  if (spacedOnly) return;
  let b = from;
  for (let k = from + 1; k <= to; k++) {
    if (k === to || !onlySpace(text, tokens[k - 1]!.end, tokens[k]!.start)) {
      const done = separatedRuns.some(([x, y]) => x <= b && k <= y);
      if (k - b >= MIN_PHRASE_WORDS && !done) findInBlock(tokens.slice(b, k), found, budget);
      b = k;
    }
  }
}

/** text[from..to) is empty or white space. */
function onlySpace(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!SPACE.test(text[i]!)) return false;
  return true;
}
const SPACE = /\s/;

/** The checksums one text may still cost (see MAX_PHRASE_CHECKS). */
interface ChecksumBudget {
  left: number;
}

/**
 * Windows of Chinese list characters that look generated, checked with a checksum in one text at most. Prose has
 * next to none (its characters form words), a pasted phrase a few dozen; a megabyte of one rare character repeated
 * ("号号号…", in a batch line) has one at every place, which cost a SHA-256 each: 10 s. A block with a window past
 * the limit is reported as a phrase, unread, as a text with more number runs than are read is reported as a number.
 */
const MAX_PHRASE_CHECKS = 1024;

function findInBlock(block: Token[], found: SecretFinding[], budget: ChecksumBudget): void {
  const { chinese, chineseScore } = getTables();
  const ranks = block.map((t) => chinese.get(t.key)!);
  // Frequency scores summed from the start, so a window's sum is one subtraction.
  const frequency = new Float64Array(ranks.length + 1);
  ranks.forEach((r, k) => (frequency[k + 1] = frequency[k]! + chineseScore[r]!));
  let inWord: WordCounts | undefined;
  for (let i = 0; i + MIN_PHRASE_WORDS <= ranks.length; i++) {
    for (const n of PHRASE_LENGTHS) {
      if (i + n > ranks.length) break;
      // Cheapest test first: the best the window can score if none of it lies in a word.
      const freq = frequency[i + n]! - frequency[i]!;
      if ((freq + n * NOT_IN_WORD_SCORE) / n < RANDOM_SCORE_MIN) continue;
      // Then the words, found for the block as far as its windows reach, before the checksum: a SHA-256 for every
      // window of a long block of rare characters that form words ("密码密码…", 1 MB in a batch line) took most of a minute.
      inWord ??= new WordCounts(block.map((t) => t.key).join(''));
      if (randomness(freq, inWord, i, n) < RANDOM_SCORE_MIN) continue;
      if (budget.left-- > 0 && !checksumValid(ranks, i, n)) continue;
      found.push({ kind: 'recovery-phrase', start: block[0]!.start, end: block[block.length - 1]!.end });
      return; // the whole block is one finding
    }
  }
}

/**
 * The BIP39 checksum of the list indexes ranks[from..from+n): 11 bits each, the
 * first 32n/3 bits being the entropy and the last n/3 bits the first bits of its
 * SHA-256. The same test as validateMnemonic, without its string handling (a
 * hundred times faster; a long text has hundreds of windows).
 */
function checksumValid(ranks: number[], from: number, n: number): boolean {
  const entropy = new Uint8Array((n * 4) / 3);
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let k = from; k < from + n; k++) {
    acc = (acc << 11) | ranks[k]!;
    bits += 11;
    while (bits >= 8 && o < entropy.length) {
      bits -= 8;
      entropy[o++] = (acc >>> bits) & 0xff;
    }
    acc &= (1 << bits) - 1;
  }
  return sha256(entropy)[0]! >>> (8 - bits) === acc;
}

/** Offset of the Zipf model of character frequency (fitted loosely; see `getTables`). */
const ZIPF_OFFSET = 10;
/**
 * Share of characters inside a word (ICU or `DOMAIN_WORDS`), measured: in
 * generated phrases, and in windows of ordinary text that pass the checksum.
 */
const IN_WORD_RANDOM = 0.022;
const IN_WORD_TEXT = 0.69;
const IN_WORD_SCORE = Math.log(IN_WORD_RANDOM / IN_WORD_TEXT);
const NOT_IN_WORD_SCORE = Math.log((1 - IN_WORD_RANDOM) / (1 - IN_WORD_TEXT));
/**
 * Mean score a window needs. Generated phrases average about +1.8; windows of
 * ordinary text that pass the checksum about -3, the highest measured about -1.5.
 */
const RANDOM_SCORE_MIN = -0.5;

/**
 * Mean log-likelihood ratio of "generated" (every list character alike, rarely
 * in a word) against "written" (characters by frequency, mostly in words) for
 * the window of n characters at `from`; `freq` is its summed frequency score.
 */
function randomness(freq: number, inWord: WordCounts, from: number, n: number): number {
  const words = inWord.before(from + n) - inWord.before(from);
  return (freq + words * IN_WORD_SCORE + (n - words) * NOT_IN_WORD_SCORE) / n;
}

/**
 * Wallet and payment words that ICU's dictionary (Node 20, ICU 78) does not
 * know and segments character by character. Only characters of the BIP39 list
 * matter here; a random phrase holds one of these about once in 10,000.
 */
const DOMAIN_WORDS =
  '充值 提现 余额 页面 来电 来电者 限额 返现 扣款 扣费 手续费 验证码 助记词 实名 客服 银行卡 提币 充币 链上 工单 转出 ' +
  '付款码 收款码 额度 截图 闪退 手机号 身份证 人脸 风控 解锁 重置 链接 返利 刷单 保证金 商户 储蓄卡 费率 哈希 主网 代币 ' +
  '稳定币 比特币 排查 网银 奖励金 提额 降额 异地 弹窗 话费 水电费 垫付 杀猪盘 官网 二维码 扫码 打款 法币 币种 公链 ' +
  '冷钱包 热钱包 主链 跨链 矿工费 确认数 场外 处理中 待支付 注销 头像 短信码 动态码 双重验证 验证器 安全中心 自托管 ' +
  '离线 盗刷 被盗 盗号 客诉 回访 工号 来电号码 工作日 节假日 刷脸 监护人';
const DOMAIN_WORD_MAX = 4;
/** The characters ICU segments at once, and those it reads on either side of them for context (see WordCounts). */
const SEGMENT_PIECE = 1024;
const SEGMENT_CONTEXT = 32;

/**
 * How many characters before each place are inside a multi-character word (one UTF-16 unit each): a dictionary word
 * of ICU's segmentation or one of `DOMAIN_WORDS`; without ICU only the latter count, which errs on the side of
 * redacting. Summed from the start, so a window's count is one subtraction; and found a piece at a time, as far as
 * the windows asked about reach: a long block is often decided in its first piece (a phrase found, or the checksum
 * budget spent), and segmenting all of a megabyte took a second.
 */
class WordCounts {
  private readonly mask: Uint8Array;
  private readonly sums: Uint32Array;
  /** The characters whose counts are known. */
  private known = 0;

  constructor(private readonly chars: string) {
    this.mask = new Uint8Array(chars.length);
    this.sums = new Uint32Array(chars.length + 1);
  }

  /** Characters inside a word among the first `k`. */
  before(k: number): number {
    while (this.known < k) this.nextPiece();
    return this.sums[k]!;
  }

  private nextPiece(): void {
    const { chars, mask, sums } = this;
    const from = this.known;
    const to = Math.min(chars.length, from + SEGMENT_PIECE);
    const seg = getSegmenter();
    if (seg) {
      // Each piece is read with some of its neighbours on either side: ICU takes more than linear time on a long run
      // of Chinese (20,000 characters 0.1 s, 80,000 15 s), and a window needs only the words around it.
      const start = Math.max(0, from - SEGMENT_CONTEXT);
      for (const part of seg.segment(chars.slice(start, Math.min(chars.length, to + SEGMENT_CONTEXT)))) {
        if (part.segment.length < 2) continue;
        const a = Math.max(from, start + part.index);
        const b = Math.min(to, start + part.index + part.segment.length);
        if (a < b) mask.fill(1, a, b);
      }
    }
    // Words starting in this piece (one may run into the next, whose counts are not taken yet).
    const { domainWords } = getTables();
    for (let i = from; i < to && i + 1 < chars.length; i++) {
      for (let len = 2; len <= DOMAIN_WORD_MAX && i + len <= chars.length; len++) {
        if (domainWords.has(chars.slice(i, i + len))) mask.fill(1, i, i + len);
      }
    }
    for (let k = from; k < to; k++) sums[k + 1] = sums[k]! + mask[k]!;
    this.known = to;
  }
}

// ---------------------------------------------------------------------------
// Raw private keys (64 hex)
// ---------------------------------------------------------------------------

const HEX64 = /(?<![0-9A-Fa-f])(?:0[xX])?[0-9A-Fa-f]{64}(?![0-9A-Fa-f])/g;
/**
 * Hex in groups (of 2 to 32, as a key is copied from a paper backup, a screen, a hex dump or code: "abababab abababab …",
 * "0c 28 fc …", "0c:28:fc:…", two halves on two lines, "0x0c, 0x28, …"), one separator throughout; 64 digits in all is a key.
 */
const HEX_SEPARATOR = String.raw`(?: {1,3}|[:_.,|;/-] ?|\t|\r?\n)`;
const HEX_GROUP = String.raw`(?:0[xX])?[0-9A-Fa-f]{2,32}`;
const HEX_GROUPS = new RegExp(String.raw`(?<![0-9A-Za-z])${HEX_GROUP}(?:${HEX_SEPARATOR}${HEX_GROUP}){1,31}(?![0-9A-Za-z])`, 'g');
const HEX_SEPARATORS = new RegExp(HEX_SEPARATOR, 'g');
// Labels that make a 64-hex string a key even where a transaction id is expected.
// "key" alone counts unless it is a public key ("pubkey", "public key").
const KEY_LABEL = /priv|secret|seed|prv|私钥|密钥|秘钥|助记/i;
const KEY_WORD = /(?<![a-z])key(?![a-z])/i;
const PUBLIC_KEY = /pub(?:lic)?[\s_-]*key/i;
const LABEL_REACH = 32;
/**
 * Labels that make a 64-hex string a transaction's hash wherever it is (an error message quoting the transaction that
 * failed: "tx 4a5e…33b failed"), unless a key label stands by it too. A private key is not written as a transaction.
 */
const TX_LABEL = /(?<![a-z])(?:tx|txid|txn|txhash|hash|transaction)(?![a-z])|交易|哈希/i;

/**
 * 64 hex digits in groups of one size (4, 8 or 16) with one separator, as a key is written out: not UUIDs
 * (8-4-4-4-12) or IPv6 addresses side by side, whose digits can add up to 64 too.
 */
function evenHexGroups(text: string): boolean {
  const separators = new Set(text.match(HEX_SEPARATORS));
  if (separators.size !== 1) return false;
  const groups = text.split(HEX_SEPARATORS).map((g) => (/^0x/i.test(g) ? g.slice(2) : g));
  const size = groups[0]!.length;
  return (size === 2 || size === 4 || size === 8 || size === 16 || size === 32) && groups.length * size === 64 && groups.every((g) => g.length === size);
}

/** The words just before a key-shaped string call it a key: "private key", "secret", "私钥", or "key" unless it is a public one. */
function keyLabelled(before: string): boolean {
  return KEY_LABEL.test(before) || (KEY_WORD.test(before) && !PUBLIC_KEY.test(before));
}

function findHexKeys(text: string, allowHex64: boolean, found: SecretFinding[]): void {
  if (text.length < 64) return;
  const grouped = [...matchesOf(HEX_GROUPS, text)].filter((m) => evenHexGroups(m[0]));
  for (const m of [...matchesOf(HEX64, text), ...grouped]) {
    const start = m.index;
    const before = text.slice(Math.max(0, start - LABEL_REACH), start);
    if (!keyLabelled(before) && (allowHex64 || TX_LABEL.test(before))) continue;
    found.push({ kind: 'private-key', start, end: start + m[0].length });
  }
}

// ---------------------------------------------------------------------------
// WIF and extended private keys (Base58Check)
// ---------------------------------------------------------------------------

const B58 = '1-9A-HJ-NP-Za-km-z';
/**
 * xprv/tprv (BIP32) and yprv/zprv/uprv/vprv/Yprv/Zprv/Uprv/Vprv (SLIP-132) are
 * 111 characters. Matched by prefix, alphabet and length alone, checksum or not
 * (a corrupted extended key still holds most of the key), and a few dropped
 * characters (up to a dozen) are tolerated.
 */
const XPRV = new RegExp(`[xtyzuvYZUV]prv[${B58}]{95,}`, 'g');

/**
 * Where a WIF key may start: 5 or 9 (51 characters, uncompressed), K, L or c (52, compressed) at the start of a word,
 * and 50 more characters that are Base58 or what joins groups, as a key is written whole or in groups copied from a
 * paper backup or read out in pieces ("KwDi BpsU 7XyT …", "5Hue-CGU8-rMjx-…", four rows on four lines). Most words
 * that start so meet an "l", an "I", an "O", a "0" or punctuation well before that, so few places are read further;
 * and one search finds both forms (a second one for groups cost a screened text some 3% more).
 */
const WIF_START = new RegExp(String.raw`(?<![${B58}])[59KLc][${B58}\s,\u2010-\u2015-]{50}`, 'g');
/** Base58's characters, by character code. */
const IS_B58 = new Uint8Array(128);
for (const c of '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz') IS_B58[c.charCodeAt(0)] = 1;
/** What joins two groups: up to three of a space, a tab, a line break, a dash and a comma ("\r\n", " - ", ", "; QA: red-team review). */
const MAX_JOIN = 3;
function joinsGroups(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x2d || c === 0x2c || (c >= 0x2010 && c <= 0x2015);
}
const NOT_B58 = new RegExp(`[^${B58}]`, 'g');
/** Random Base58 has digits, capitals and small letters (a key of 51 without one of them: less than 1 in 5,000). */
const HAS_DIGIT = /\d/;
const HAS_UPPER = /[A-Z]/;
const HAS_LOWER = /[a-z]/;

/** `s` is Base58Check of a private key as wallets export it: version 0x80 (0xef on testnet), 32 bytes, and 0x01 when compressed. */
function isWif(s: string): boolean {
  let payload: Uint8Array;
  try {
    payload = getTables().base58check.decode(s);
  } catch {
    return false; // bad checksum: not a WIF (could be any address-like string)
  }
  const version = payload[0];
  return (version === 0x80 || version === 0xef) && (payload.length === 33 || (payload.length === 34 && payload[33] === 0x01));
}

function findBase58Keys(text: string, found: SecretFinding[]): void {
  if (text.length < 51) return;
  findWif(text, found);
  if (text.length >= 54 && MAY_BE_TEZOS_KEY.test(text)) {
    for (const m of matchesOf(TEZOS_KEY, text)) if (isTezosKey(m[0])) found.push({ kind: 'private-key', start: m.index, end: m.index + m[0].length });
  }
  if (text.length >= 86 && MAY_HOLD_BASE58_64.test(text)) findBase58Keypairs(text, found);
  if (text.length < 98) return;
  for (const m of matchesOf(XPRV, text)) {
    found.push({ kind: 'extended-private-key', start: m.index, end: m.index + m[0].length });
  }
}

/**
 * Tezos secret keys as wallets and `octez-client` export them unencrypted: Base58Check with a prefix that makes them
 * start "edsk" (Ed25519, a 32-byte seed or the 64-byte key), "spsk" (secp256k1) or "p2sk" (P-256). Public keys ("edpk")
 * and addresses ("tz1") pass.
 */
const TEZOS_KEY = new RegExp(`(?<![${B58}])(?:edsk|spsk|p2sk)[${B58}]{50}(?:[${B58}]{44})?(?![${B58}])`, 'g');
const MAY_BE_TEZOS_KEY = /edsk|spsk|p2sk/;
/** The version bytes of each, by the length of what follows them. */
const TEZOS_PREFIXES: readonly (readonly [prefix: readonly number[], bytes: number])[] = [
  [[13, 15, 58, 7], 32],
  [[43, 246, 78, 7], 64],
  [[17, 162, 224, 201], 32],
  [[16, 81, 238, 189], 32],
];

function isTezosKey(s: string): boolean {
  let payload: Uint8Array;
  try {
    payload = getTables().base58check.decode(s);
  } catch {
    return false;
  }
  return TEZOS_PREFIXES.some(([prefix, bytes]) => payload.length === prefix.length + bytes && prefix.every((b, i) => payload[i] === b));
}

/** Keys in groups checked in one text at most (see findWif). */
const MAX_GROUPED_CHECKS = 64;

/**
 * WIF keys, whole or in groups. From each place one may start, its word is the key when it has the key's length;
 * a shorter one is joined with the groups after it until they hold as many characters. Either must pass the
 * Base58Check checksum and hold a private key (`isWif`), so words next to a key in groups ("my key is … thanks" is
 * all Base58) and groups of other strings are not one.
 */
function findWif(text: string, found: SecretFinding[]): void {
  let groupedChecks = 0;
  // Each place is searched from the one after the last: a match runs over the next places a key may start.
  for (let at = 0; ; ) {
    WIF_START.lastIndex = at;
    const start = WIF_START.exec(text);
    if (!start) return;
    at = start.index + 1;
    const size = start[0][0] === '5' || start[0][0] === '9' ? 51 : 52;
    // Base58 characters, read one by one across what joins groups, until there are as many as a key has.
    let count = 0;
    let groups = 1;
    let gap = 0;
    let end = start.index;
    for (let i = start.index; i < text.length && count < size; i++) {
      const c = text.charCodeAt(i);
      if (c < 128 && IS_B58[c] === 1) {
        if (gap > 0) {
          // In groups, the first 51 characters already hold capitals and small letters (a key's first 38 lack one of
          // them once in a billion): a run of short words ("c c c …") is read no further.
          if (groups === 1 && (groupedChecks >= MAX_GROUPED_CHECKS || !(HAS_UPPER.test(start[0]) && HAS_LOWER.test(start[0])))) break;
          groups++;
          gap = 0;
        }
        count++;
        end = i + 1;
      } else if (gap < MAX_JOIN && joinsGroups(c)) gap++;
      else break;
    }
    // The key ends where a group ends.
    const next = text.charCodeAt(end);
    if (count !== size || (next < 128 && IS_B58[next] === 1)) continue;
    const joined = groups === 1 ? text.slice(start.index, end) : text.slice(start.index, end).replace(NOT_B58, '');
    if (groups > 1 && (!HAS_DIGIT.test(joined) || !HAS_UPPER.test(joined) || !HAS_LOWER.test(joined))) continue;
    // A text made so that every place holds a key's worth of groups (1 MB of "K a 1 ") would cost a checksum at each,
    // about 2 s; a person pasting a key in groups pastes one or two. Past MAX_GROUPED_CHECKS, groups are not joined.
    if (groups > 1) groupedChecks++;
    if (isWif(joined)) found.push({ kind: 'wif-key', start: start.index, end });
  }
}

// ---------------------------------------------------------------------------
// Ed25519 keys in Base64, Base58 or as a list of bytes (Solana and other chains)
// ---------------------------------------------------------------------------

/**
 * A keypair as `solana-keygen` writes its key file and wallets' scripts hold it: a JSON list of 64 numbers, "[174,47,…]",
 * spread over lines or not (a debugger prints "Uint8Array(64) [ 174, 47, …]"). Nothing public is written that way.
 */
const BYTE_LIST = /\[\s*\d{1,3}(?:\s*,\s*\d{1,3}){63}\s*,?\s*\]/g;
const BYTE_LIST_MIN = 129; // "[" and 64 digits with 63 commas and "]"
/**
 * 32 or 64 bytes in Base64 with their padding ("…=", "…=="): a key as WireGuard, Tendermint (priv_validator_key.json) and
 * other Ed25519 tools write it. Not inside a longer run of Base64, nor right after "sha256-" or "sha512-" (a digest of
 * subresource integrity or npm's lock file, which is Base64 of 32 or 64 bytes too).
 */
const BASE64_KEY = /(?<![A-Za-z0-9+/_-])(?:[A-Za-z0-9+/]{43}=|[A-Za-z0-9+/]{86}==)(?![A-Za-z0-9+/=_-])/g;
/** 64 bytes in Base58 (86 to 88 characters): a Solana keypair as Phantom and Solflare export it, or a transaction's signature. */
const BASE58_64 = new RegExp(`(?<![${B58}+/])[${B58}]{86,88}(?![${B58}+/=])`, 'g');
/**
 * Whether a text may hold 86 Base58 characters in a row, tested before they are looked for: some digit (which 86 random
 * Base58 characters lack once in two million) with 42 more Base58 characters before it or 43 after it, which every
 * digit of such a run has. Digits are few in prose and mostly stand in short numbers, so this is quick.
 */
const MAY_HOLD_BASE58_64 = new RegExp(`[1-9](?:(?<=[${B58}]{43})|[${B58}]{43})`);
/** Ed25519's group order L, little-endian (RFC 8032). */
const ED25519_ORDER = Uint8Array.from([0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14, ...new Array<number>(15).fill(0), 0x10]);
/** The DER head of a PKCS #8 Ed25519 private key, before its 32 bytes (RFC 8410). */
const PKCS8_ED25519 = [0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20];

/**
 * Key material written as Ed25519 wallets write it.
 *
 * 64 bytes (Base58 of 86-88 characters, Base64 ending "==") are either a keypair (32 secret bytes, then the public key
 * made from them) or a signature, and a Solana transaction is named by its signature: users paste those on purpose, to
 * ask why a transfer failed, and refusing them would block the question. Their shape is the same, but their numbers
 * are not: a signature's second half is a number below Ed25519's group order L (RFC 8032, which Solana holds every
 * signature to), which 15 keypairs in 16 are not; and the rest are told by making the public key from the first half
 * (Node's crypto, only for such strings). So a signature passes, and a keypair is refused with or without a label. A
 * 64-byte string that is neither (a keypair with a typo) is refused too unless it could be a signature; called a key
 * ("private key:", "私钥"), it is refused whatever it is.
 *
 * 32 bytes in Base64 ("…=") cannot be told from public values of that size (a public key, a hash: TON writes its
 * transaction hashes so): as with 64 hex digits, such a string is refused unless a transaction, a hash or a public key
 * is named just before it, or the question asked for a transaction id (`allowHex64`) and no key label stands by it.
 * 32 bytes in Base58 (43-44 characters) are left alone: that is every Solana address and many a transaction hash.
 */
function findEncodedKeys(text: string, allowHex64: boolean, found: SecretFinding[]): void {
  if (text.length < 44) return;
  if (text.length >= BYTE_LIST_MIN && text.includes('[')) {
    for (const m of matchesOf(BYTE_LIST, text)) {
      if (m[0].match(/\d+/g)!.every((n) => Number(n) <= 255)) found.push({ kind: 'private-key', start: m.index, end: m.index + m[0].length });
    }
  }
  if (text.includes('=')) {
    for (const m of matchesOf(BASE64_KEY, text)) {
      // Mixed case: no word, hex or run of one letter; 43 random Base64 characters lack capitals or small letters once in billions.
      if (!HAS_UPPER.test(m[0]) || !HAS_LOWER.test(m[0])) continue;
      let bytes: Uint8Array;
      try {
        bytes = base64.decode(m[0]);
      } catch {
        continue; // not canonical Base64 (padding bits set)
      }
      const before = text.slice(Math.max(0, m.index - LABEL_REACH), m.index);
      if (bytes.length === 32 && !keyLabelled(before) && (allowHex64 || TX_LABEL.test(before) || PUBLIC_KEY.test(before))) continue;
      if (bytes.length === 64 && !keyLabelled(before) && !isKeypair(bytes)) continue;
      found.push({ kind: 'private-key', start: m.index, end: m.index + m[0].length });
    }
  }
}

/** Keypairs in Base58 (64 bytes, 86-88 characters), told from signatures as `findEncodedKeys` says. */
function findBase58Keypairs(text: string, found: SecretFinding[]): void {
  for (const m of matchesOf(BASE58_64, text)) {
    const bytes = base58.decode(m[0]);
    if (bytes.length !== 64) continue;
    const before = text.slice(Math.max(0, m.index - LABEL_REACH), m.index);
    if (keyLabelled(before) || isKeypair(bytes)) found.push({ kind: 'private-key', start: m.index, end: m.index + m[0].length });
  }
}

/** 64 bytes that are not an Ed25519 signature (see findEncodedKeys): a keypair, or something else no one should see. */
function isKeypair(bytes: Uint8Array): boolean {
  return !belowOrder(bytes.subarray(32)) || publicKeyOf(bytes.subarray(0, 32)).every((b, i) => b === bytes[32 + i]);
}

/** A 32-byte little-endian number is below Ed25519's group order L, as a signature's second half is. */
function belowOrder(s: Uint8Array): boolean {
  for (let i = 31; i >= 0; i--) {
    if (s[i] !== ED25519_ORDER[i]) return s[i]! < ED25519_ORDER[i]!;
  }
  return false;
}

/** The Ed25519 public key of a 32-byte secret (RFC 8032), from Node's crypto, loaded on the first such string. */
function publicKeyOf(secret: Uint8Array): Uint8Array {
  const { createPrivateKey, createPublicKey } = process.getBuiltinModule('node:crypto');
  const key = createPrivateKey({ key: Buffer.from([...PKCS8_ED25519, ...secret]), format: 'der', type: 'pkcs8' });
  // The SubjectPublicKeyInfo of an Ed25519 key ends in the key's 32 bytes.
  return createPublicKey(key).export({ format: 'der', type: 'spki' }).subarray(-32);
}

// ---------------------------------------------------------------------------
// Card numbers
// ---------------------------------------------------------------------------

/**
 * Digit groups joined by spaces (thin and narrow ones too) or dashes, not glued to letters (hex strings,
 * ids) and not after "+" (international phone numbers such as
 * "+86 138 0013 8000", 13 digits).
 */
const DIGIT_GROUPS = /(?<![0-9A-Za-z])\+?\d+(?:[ \u00a0\u2000-\u200a\u202f\u205f\u2010-\u2015\u2212_|-]{1,5}\d+)*(?![0-9A-Za-z])/g;
/**
 * A card written in groups of four with dots, slashes or commas ("4111.1111.1111.1111"), or with separators of more than
 * one kind ("4111 1111-1111.1111"; QA: red-team review): only in groups of four, as an amount ("4.004123456789012345
 * ETH") or a date is written with dots and slashes too.
 */
const DOTTED_CARD = /(?<![0-9A-Za-z.,/])\d{4}[ ./,-]\d{4}[ ./,-]\d{4}[ ./,-]\d{1,7}(?![0-9A-Za-z]|[.,/]\d)/g;

/**
 * Issuer prefixes (IIN): Visa 4; Mastercard 51–55 and 2221–2720; Mir 2200–2204;
 * Amex 34, 37; Discover 6011, 644–649, 65; UnionPay 62; JCB 35; Diners 30, 36,
 * 38, 39. Together with Luhn (which 1 random number in 10 passes) this keeps
 * order numbers, timestamps and phone numbers without "+" from looking like cards.
 */
const CARD_IIN = /^(?:4|5[1-5]|222[1-9]|22[3-9]|2[3-6]|27[01]|2720|220[0-4]|3[0456789]|6011|64[4-9]|65|62)/;

function luhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

function findCards(text: string, found: SecretFinding[]): void {
  if (text.length < 13) return;
  for (const m of matchesOf(DOTTED_CARD, text)) {
    const digits = m[0].replace(/[ ./,-]/g, '');
    if (digits.length >= 13 && digits.length <= 19 && CARD_IIN.test(digits) && luhn(digits)) found.push({ kind: 'card-number', start: m.index, end: m.index + m[0].length });
  }
  for (const m of matchesOf(DIGIT_GROUPS, text)) {
    const seq = m[0];
    if (seq.startsWith('+')) continue;
    const groups = [...matchesOf(/\d+/g, seq)].map((g) => ({ start: m.index + g.index, digits: g[0] }));
    // Any consecutive groups holding 13-19 digits in total may be a card.
    for (let i = 0; i < groups.length; i++) {
      let digits = '';
      for (let j = i; j < groups.length; j++) {
        digits += groups[j]!.digits;
        if (digits.length > 19) break;
        if (digits.length >= 13 && CARD_IIN.test(digits) && luhn(digits)) {
          found.push({ kind: 'card-number', start: groups[i]!.start, end: groups[j]!.start + groups[j]!.digits.length });
        }
      }
    }
  }
}

// ---------------------------------------------------------------------------
// One-time codes
// ---------------------------------------------------------------------------

/**
 * 4-8 digits, or 6 digits written "123 456" / "123-456", in pairs ("12 34 56") or one by one ("4 8 2 9 1 3", as a code
 * is read out), standing alone; Google's codes come as "G-482913".
 */
const CODE = /(?<![0-9A-Za-z+])(?:G-)?(?:\d{3}[ -]\d{3}|\d{2}(?: \d{2}){2,3}|\d(?:[ -]\d){3,7}|\d{4,8})(?![0-9A-Za-z])/g;
/** Part of a longer number: a date, a decimal, a time, a grouped number. */
const JOINED_BEFORE = /\d[ .,:/-]$/;
const JOINED_AFTER = /^[ .,:/-]\d/;
/** Only punctuation, symbols and spaces: the input is essentially the code. */
const ONLY_FILLER = /^[\s\p{P}\p{S}]*$/u;
/** Ends in 000: an amount rather than a code when it stands alone. */
const ROUND = /000$/;
// A Latin label starts a word: "82fa 3197" in a key written in groups is no "2FA" code (a flaky test found it).
const CODE_LABEL =
  /(?<![0-9A-Za-z])(?:code|otp|2fa|mfa|totp|authenticator|pin|passcode|sms)|验证码|驗證碼|校验码|动态码|動態碼|动态密码|短信码|确认码|安全码|密码|密碼|口令/gi;
/** "code" after these words names something that is not a secret. */
const NOT_SECRET_CODE =
  /(?:error|status|http|exit|return|response|reason|promo|promotion|referral|invite|invitation|coupon|discount|voucher|zip|postal|post|area|country|currency|order|product|tracking|swift|bank|branch|sort|qr|bar)[\s_-]*$/i;
/** "code" after these words names a one-time code. */
const SECRET_CODE = /(?:2fa|mfa|otp|totp|sms|text|verification|verify|security|auth\w*|login|log-in|one[\s-]?time|confirmation|access|google|e-?mail)[\s_-]*$/i;
const CODE_REACH_BEFORE = 24;
const CODE_REACH_AFTER = 16;

/**
 * A 4-8 digit number is a one-time code when it is labelled ("code", "OTP",
 * "2FA", "PIN", "验证码", "密码" within a few characters), or when the whole input
 * is the number and it has 6-8 digits (OTPs are mostly 6 digits; a lone 4-digit
 * number is more likely an amount "5000" or a year "2026", and a lone round
 * number such as "100000" is an amount too). Numbers inside a sentence
 * ("I paid 5000 yuan"), dates, decimals and times are left alone. Where
 * numbers are expected (`numbersExpected`), only a labelled code counts.
 */
function findCodes(text: string, numbersExpected: boolean, found: SecretFinding[]): void {
  for (const m of matchesOf(CODE, text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (JOINED_BEFORE.test(text.slice(Math.max(0, start - 2), start))) continue;
    if (JOINED_AFTER.test(text.slice(end, end + 2))) continue;
    const digits = m[0].replace(/\D/g, '').length;
    const alone =
      !numbersExpected &&
      digits >= 6 &&
      !ROUND.test(m[0]) &&
      ONLY_FILLER.test(text.slice(0, start)) &&
      ONLY_FILLER.test(text.slice(end));
    // "G-482913" is how Google sends its codes: the prefix labels it.
    if (alone || m[0].startsWith('G-') || labelled(text, start, end, numbersExpected)) found.push({ kind: 'one-time-code', start, end });
  }
  // A code read out in uneven groups ("4829 13", "48-2913"), as a caller says it and an agent types it: 6 to 8 digits
  // in two to four groups, a code only where it is labelled (QA: agent; the regular groupings above were the only ones).
  for (const m of matchesOf(UNEVEN_CODE, text)) {
    const start = m.index;
    const end = start + m[0].length;
    const digits = m[0].replace(/\D/g, '').length;
    if (digits < 6 || digits > 8 || DATE_LIKE.test(m[0]) || found.some((f) => f.start < end && start < f.end)) continue;
    if (JOINED_BEFORE.test(text.slice(Math.max(0, start - 2), start)) || JOINED_AFTER.test(text.slice(end, end + 2))) continue;
    if (labelled(text, start, end, numbersExpected)) found.push({ kind: 'one-time-code', start, end });
  }
}

/** Digits in two to four groups of one to five, split by a space or a dash: a one-time code read out in parts. */
const UNEVEN_CODE = /(?<![0-9A-Za-z+])\d{1,5}(?:[ -]\d{1,5}){1,3}(?![0-9A-Za-z])/g;
/** A date written with dashes or spaces ("2026-11-23", "23 11 2026"): its digits are no code. */
const DATE_LIKE = /^(?:\d{4}[ -]\d{1,2}[ -]\d{1,2}|\d{1,2}[ -]\d{1,2}[ -]\d{4})$/;

/**
 * Whether a code label stands near text[start..end). Where numbers are
 * expected, "code" alone is too common to count ("Payment failed (code 1002)"):
 * it must say what kind of code it is ("2FA code", "SMS code", "verification code").
 */
function labelled(text: string, start: number, end: number, numbersExpected: boolean): boolean {
  const from = Math.max(0, start - CODE_REACH_BEFORE);
  const near = text.slice(from, Math.min(text.length, end + CODE_REACH_AFTER));
  for (const l of matchesOf(CODE_LABEL, near)) {
    const word = l[0].toLowerCase();
    const at = from + l.index;
    // Latin labels must be whole words ("pin" not in "spinning", "code" in "passcode" is fine).
    if (/^[a-z]/.test(word)) {
      if (/[A-Za-z]/.test(text[at - 1] ?? '') && word !== 'code') continue;
      if (/[A-Za-z]/.test(text[at + word.length] ?? '') && !(word === 'code' && /^codes?\b/i.test(text.slice(at)))) continue;
    }
    if (word === 'code' && NOT_SECRET_CODE.test(text.slice(Math.max(0, at - 16), at))) continue;
    if (word === 'code' && numbersExpected && !SECRET_CODE.test(text.slice(Math.max(0, at - 16), at))) continue;
    return true;
  }
  return false;
}

// ---------------------------------------------------------------------------
// Card security codes
// ---------------------------------------------------------------------------

/**
 * The three or four digits on the back of a card (CVV, CVC, the card security code, 安全码), named by their label:
 * with the card's number and expiry date they pay online, and no one helping with a wallet needs them. Three digits
 * alone are anything (an amount, an error), so only a labelled one counts: "CVV 123", "cvc2: 4821", "安全码是 123".
 */
const CARD_SECURITY_CODE = /(?<![A-Za-z0-9])(?:cvv2?|cvc2?|cvn|card\s+(?:verification|security)\s+(?:value|code|number)|(?:卡片?|银行卡|信用卡)?(?:背面的?)?安全码|卡背面的?(?:三|3)位数字?)(?![A-Za-z])\s*(?:(?:is|was|=|:|-|是|为|：)\s*)?(\d{3,4})(?![\d.,:/-]?\d)/gi;

function findCardSecurityCodes(text: string, found: SecretFinding[]): void {
  if (!MAY_NAME_CARD_CODE.test(text)) return;
  for (const m of matchesOf(CARD_SECURITY_CODE, text)) {
    const end = m.index + m[0].length;
    found.push({ kind: 'card-security-code', start: end - m[1]!.length, end });
  }
}
const MAY_NAME_CARD_CODE = /cv|card|安全码|背面/i;

// ---------------------------------------------------------------------------
// Passwords
// ---------------------------------------------------------------------------

/** Cheap test for the fast path: text without one of these cannot hold a labelled password. */
const PASSWORD_HINT = /pass|p@ss|pw|pin|口令|密|碼/i;
/**
 * Password labels: English words (whole words; "PIN" and "passphrase", the
 * BIP39 25th word, too; in leetspeak, "p4ssw0rd", "P@55W0RD", and "p4ss" before "is" or ":") and Chinese "密码"
 * (登录密码, 支付密码, 交易密码, …) and "口令".
 * A word right after a path separator is a file's name, not a label ("/etc/passwd: …"); one glued to a digit is part of
 * a code ("…T6PW EH2f…", a WIF key copied in groups of four, read "PW EH2f").
 */
const PASSWORD_LABEL = /(?<![A-Za-z0-9/\\])(?:p[a@4](?:ss|[s5$]{2})(?:\s?w[o0]rd|wort|wd|code|phrase)s?|p(?:[@4][s5$]{2}|a(?:[5$][s5$]|s[5$]))(?=\s*(?:is\b|[:=]))|pwd|pw|pin(?:[ -]?code)?)(?![A-Za-z])|密\s?[码碼]|口令/gi;
/**
 * Chinese characters and punctuation (as ranges: a Unicode property escape costs every run that loads the scanner).
 * A value ends where they start: "密码是abc12345请帮我" holds "abc12345". Any other character is part of it, so a
 * value may start with a letter ASCII lacks ("Øresund99", "Łódź2024!", "Пётр2024").
 */
const HAN_RANGES = String.raw`\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff`;
const CJK = String.raw`\u3000-\u303f${HAN_RANGES}`;
/**
 * The most of a value read after a label. A value runs to the next space, and every label inside it starts a
 * value of its own: read whole, "pw:pw:pw:…" was read again from each label (160 KB took 84 s). A longer value
 * is looked at by its first 256 characters, and its finding runs to its end (found once per run of them).
 */
const MAX_VALUE = 256;
/**
 * A label's value, read in one search: (1) what stands between label and value, (2) Chinese characters the value
 * starts with, if any, (3) the rest of the value.
 *
 * (1) "is", "was", ":", "=", an arrow, a comma or a dash, "is:", and their Chinese forms ("是", "是：", "为"; full-width
 * forms are folded to ASCII before this runs); or a value in brackets right after the label ("password(Hunter2!2024)").
 * After an English label a space at least; a Chinese label may be glued to its value.
 *
 * (2) Up to four Chinese characters, a name before digits ("密码是：李雷2024abc"), count only when (3) is a password by
 * itself and (1) is more than a space, or a space after an English label and (3) mixes letters and digits (see findPasswords). Five or more, or none after them, are a sentence:
 * "密码是对的但登录不了", "密码是去年设置的2024".
 */
const VALUE_AFTER = String.raw`([${HAN_RANGES}]{1,4})?([^\s${CJK}]{1,${MAX_VALUE}})`;
const LATIN_VALUE = new RegExp(String.raw`(["']?\s*(?:(?:is|was)\s*)?(?:->|=>|\u2192|[:=,\u2013\u2014]|\s-)\s*|\s*(?:is|was)\s+|\((?=[^\s)]{4,}\))|\s+)${VALUE_AFTER}`, 'y');
const HAN_VALUE = new RegExp(String.raw`(\s*(?:(?:就是|是|为)\s*[:=]?|[:=])\s*|\s*)${VALUE_AFTER}`, 'y');
const VALUE_RUN = new RegExp(String.raw`[^\s${CJK}]*`, 'y');
/** Opening and closing punctuation around a value: "…", “…”, (…), a full stop. */
const EDGE_PUNCTUATION = /^["'`(<[{\u2018\u201c\u00ab]+|["'`)>\]}.,;:!?\u2019\u201d\u00bb]+$/g;
/** An error code such as "E1001" or "ERR-42" right after the label ("wrong password E1001") is not a password. */
const ERROR_CODE = /^[A-Z]{1,4}[-_]?\d+$/;
/** The password of a web address's user information: "scheme://user:PASSWORD@host". */
const URL_PASSWORD = /\b[a-z][a-z0-9+.-]*:\/\/[^\s/?#@:]*:([^\s/?#@]+)@/gi;
/** Symbols that, among letters, make a word a password ("Secret!pass"). */
const PASSWORD_SYMBOL = /[!@#$%^&*+=?~]/;

/**
 * A password is a value right after a password label: "my password is
 * Hunter2!2024", "pw: S3cr3t!pass", "密码是 abc12345", "支付密码：246810". The value
 * must look like a password rather than a word: four characters or more with
 * a digit, or letters with a symbol inside. So "I forgot my password", "the
 * password is wrong", "password reset failed" and "密码错误" pass untouched; a
 * password of letters only reads like any word and is left alone, and so is a
 * value written before its label.
 */
function findPasswords(text: string, found: SecretFinding[]): void {
  // A password in a web address ("https://alice:Hunter2024!@example.com"): the address's own syntax labels it.
  if (text.includes('://')) {
    for (const m of matchesOf(URL_PASSWORD, text)) {
      const end = m.index + m[0].length - 1;
      found.push({ kind: 'password', start: end - m[1]!.length, end });
    }
  }
  // Where the run a long value stands in ends, once found for it.
  let runEnd = -1;
  for (const m of matchesOf(PASSWORD_LABEL, text)) {
    const latin = /^[a-z]/i.test(m[0]);
    const pattern = latin ? LATIN_VALUE : HAN_VALUE;
    pattern.lastIndex = m.index + m[0].length;
    const v = pattern.exec(text);
    if (!v) continue;
    const [, lead, head, token] = v as unknown as [string, string, string | undefined, string];
    const connector = lead.trim() !== '';
    const core = token.replace(EDGE_PUNCTUATION, '');
    // Chinese characters glued to "密码" are the sentence ("密码错误3次"), not a value. After an English label and a space
    // they are a name that starts a password ("password 李雷2024abc") when the rest mixes letters and digits, as a count
    // or a year ("password 设置于2024年") does not.
    if (head !== undefined && !connector && !(latin && /\d/.test(core) && /[A-Za-z]/.test(core))) continue;
    if (core.length < 4) continue;
    if (!/\d/.test(core) && !(/[A-Za-z]/.test(core) && PASSWORD_SYMBOL.test(core))) continue;
    // Without "is" or ":", a bracket or an error code after the label is part of the sentence, not its value.
    if (!connector && (/^[(<[{]/.test(token) || ERROR_CODE.test(core))) continue;
    if (lead.startsWith('(') && ERROR_CODE.test(core)) continue;
    let end = v.index + v[0].length;
    if (token.length === MAX_VALUE) {
      if (end >= runEnd) {
        VALUE_RUN.lastIndex = end;
        VALUE_RUN.exec(text);
        runEnd = VALUE_RUN.lastIndex;
      }
      end = runEnd;
    }
    found.push({ kind: 'password', start: v.index + lead.length, end });
  }
}
