/**
 * Small helpers for validating untrusted parsed data against our formats while
 * collecting every problem with its position (instead of stopping at the first).
 */
import type { LocatedValue, PathKey, Problem } from './located-yaml.js';
import { ID_PATTERN, LANGS, type Lang, type Localized } from '../engine/types.js';
import { list, problemTranslator, ref, type ProblemKey, type ProblemParam, type ProblemParams, type ProblemRef, type ProblemTranslate } from '../i18n/problems.js';
import { characterName, clip } from '../util/safe-text.js';
import { MAX_PROBLEMS } from './limits.js';
import { closest, editDistance } from '../util/suggest.js';
import { detached } from '../util/detach.js';
import { langOf, meantLang } from '../i18n/i18n.js';
import type { TextFinding } from '../safety/data-text.js';

export type Obj = Record<string, unknown>;

/** A catalogue noun phrase naming what is checked ("the flow title"), or one with parameters. */
export type What = Extract<ProblemKey, `what.${string}`> | ProblemRef;

/** What a validator looks for in the free texts of its files (src/safety/data-text.ts), injected so that answers files do not load it. */
export type TextScreen = (text: string) => readonly TextFinding[];

/** Collects problems for one file, worded in `lang`. */
export class Checker {
  readonly problems: Problem[] = [];
  readonly message: ProblemTranslate;
  constructor(
    readonly doc: LocatedValue,
    readonly lang: Lang = 'en',
    private readonly screen?: TextScreen,
    /** The keys of the format's own mappings: one found among texts was indented a level too far. */
    private readonly structureKeys: ReadonlySet<string> = new Set(),
  ) {
    this.message = problemTranslator(lang);
    this.good = screen && goodTextsOf(screen);
  }

  /** The texts of each language this checker's screen found good before (see GOOD_TEXTS). */
  private readonly good: Record<Lang, Set<string>> | undefined;

  report(path: readonly PathKey[], key: ProblemKey, params?: ProblemParams, which: 'key' | 'value' = 'value'): void {
    if (this.problems.length >= MAX_PROBLEMS) {
      this.suppressed++;
      return;
    }
    this.problems.push(this.doc.problem(path, this.message(key, this.hidden(params)), which));
  }

  /**
   * The parameters of a problem with every text in them that the screen takes for a secret (a key, an id, a target
   * named in a file: `0c28…: 1`) said as what it looks like, not quoted: problems are printed, logged and shown on
   * every run that skips the file (QA: hostile review).
   */
  private hidden<P extends ProblemParams | undefined>(params: P): P {
    if (params === undefined || !this.screen) return params;
    let out: Record<string, ProblemParam> | undefined;
    for (const [name, value] of Object.entries(params)) {
      const shown = this.hiddenParam(value);
      if (shown !== value) (out ??= { ...params })[name] = shown;
    }
    return (out ?? params) as P;
  }

  private hiddenParam(value: ProblemParam): ProblemParam {
    if (typeof value === 'string') {
      const kind = this.secretIn(value);
      return kind === undefined ? value : ref('found.hidden', { kind: ref(`secret.${kind}` as ProblemKey) });
    }
    if (typeof value === 'object' && 'key' in value && value.params) {
      const params = this.hidden(value.params);
      return params === value.params ? value : ref(value.key, params);
    }
    return value;
  }

  /** The kind of secret the checker's screen finds in a text, if any. */
  private secretIn(text: string): string | undefined {
    const found = this.screen?.(text).find((f) => f.type === 'secret');
    return found?.type === 'secret' ? found.kind : undefined;
  }

  /** A text to quote in a problem, cut to `max` characters: one the screen takes for a secret is said as that, judged whole. */
  private quoted(text: string, max: number): ProblemParam {
    return this.secretIn(text) === undefined ? clip(text, max) : this.hiddenParam(text);
  }

  /** What a wrong value is, for "… not {found}": a text the screen takes for a secret is said as that, whole, before any of it is cut to be quoted. */
  private found(value: unknown): ProblemRef {
    const kind = typeof value === 'string' ? this.secretIn(value) : undefined;
    return kind === undefined ? describe(value) : ref('found.secretText', { kind: ref(`secret.${kind}` as ProblemKey) });
  }

  /** The problems found, with a last line counting those not listed. */
  finish(): Problem[] {
    if (this.suppressed === 0) return this.problems;
    return [...this.problems, { file: this.doc.file, line: 1, column: 1, message: this.message('problems.more', { count: this.suppressed }) }];
  }

  private suppressed = 0;

  // The good* methods below answer the common case (nothing wrong) without a path or a wording, which only a
  // problem needs: hot loops call `c.goodX(value) ?? c.x(value, path, what)`, so a flow of thousands of
  // nodes builds neither unless something is wrong. Each is exactly "x() would report nothing".

  /** The value when object() would accept it without a problem, else undefined. */
  goodObject(value: unknown, allowed: readonly string[], required: readonly string[]): Obj | undefined {
    if (!isPlainObject(value)) return undefined;
    for (const key of Object.keys(value)) if (!allowed.includes(key)) return undefined;
    for (const key of required) if (!Object.hasOwn(value, key)) return undefined;
    return value;
  }

  /** The value when localized() would accept it without a problem (with the checker's own screen), else undefined. */
  goodLocalized(value: unknown): Localized | undefined {
    if (!isPlainObject(value)) return undefined;
    // Exactly one key a language, counted without building the list of keys.
    let keys = 0;
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      if (!(LANGS as readonly string[]).includes(key)) return undefined;
      keys++;
    }
    if (keys !== LANGS.length) return undefined;
    // A text remembered as good ends in no space (one that does is never remembered): only a new text is looked at for it.
    let spaced = false;
    for (const lang of LANGS) {
      const text = value[lang];
      const good = this.good?.[lang];
      if (good?.has(text as string)) continue;
      if (!isCleanText(text, true) || (this.screen && this.screen(text).length > 0)) return undefined;
      if (lang === 'zh' && untranslated(text)) return undefined;
      if (isSpaceCode(text.charCodeAt(text.length - 1))) spaced = true;
      else if (good) {
        if (good.size >= MAX_GOOD_TEXTS) good.clear();
        // A copy: a text cut from a file's text would keep the whole file (see detached).
        good.add(detached(text));
      }
    }
    return spaced ? withoutTrailingBreaks(value as Localized) : (value as Localized);
  }

  /** The value when id() would accept it without a problem, else undefined. */
  goodId(value: unknown): string | undefined {
    // The pattern admits no blank text and no unsafe character.
    if (typeof value !== 'string' || !ID_PATTERN.test(value)) return undefined;
    return this.idFinding(value) === undefined ? value : undefined;
  }

  /**
   * What the screen finds in an id that an id must not be: a secret (64 hex digits), or, where the screen looks for
   * contacts (flows), a contact ("call-14155550100-for-help", "telegram-walletfix88"): ids are shown in summaries,
   * `--json` and `flows list` (QA: hostile review). Only an id that could hold one is screened (every id of a flow passes
   * here): 12 characters or more (a secret, a handle with its platform), or five digits (a number to call).
   */
  private idFinding(id: string): TextFinding | undefined {
    if (!this.screen || (id.length < 12 && !hasFiveDigits(id))) return undefined;
    // Read as the words it is made of ("telegram walletfix88"), as a reader takes it: the dashes join them (a dash between
    // digits stays, as a number is written with it).
    // (A secret only from 12 characters: a short run of digits, "000000", reads as a one-time code, and is an id all the same.)
    return (id.length >= 12 ? this.screen(id).find((f) => f.type === 'secret') : undefined) ?? this.screen(id.replace(WORD_DASH, ' ')).find((f) => f.type === 'contact');
  }

  /** The value when map() would accept it without a problem, else undefined. */
  goodMap(value: unknown): Obj | undefined {
    return isPlainObject(value) && Object.keys(value).every((key) => !UNSAFE_IN_LINE.test(key)) ? value : undefined;
  }

  /**
   * A mapping with only the allowed keys; `required` keys must be present. A misspelt key ("hour:") is said once,
   * as the key it likely means: not also as that key missing, nor its value as "nothing" (see `absent`).
   */
  object(value: unknown, path: readonly PathKey[], what: What, allowed: readonly string[], required: readonly string[], texts = false): Obj | undefined {
    if (!isPlainObject(value)) {
      if (!this.wasAbsent(value, path)) this.report(path, 'check.notMapping', { what: whatRef(what), found: this.found(value) });
      return undefined;
    }
    let meant: Set<string> | undefined;
    this.meant = undefined;
    // "text:" with nothing after it, and then "en:" and "zh:" at its own indentation, not under it: one slip, said once,
    // at that key (QA: flow authoring; it was the languages as two unknown keys, and the text as nothing).
    const keys = Object.keys(value);
    const firstLang = keys.findIndex((k) => (LANGS as readonly string[]).includes(k) && !allowed.includes(k));
    const emptyBefore = firstLang > 0 ? keys.slice(0, firstLang).reverse().find((k) => allowed.includes(k) && value[k] === null) : undefined;
    if (emptyBefore !== undefined) {
      this.report([...path, emptyBefore], 'check.languagesNotIndented', { key: emptyBefore, what: whatRef(what) }, 'key');
      this.absent.add(pathKey([...path, emptyBefore]));
    }
    for (const key of keys) {
      if (emptyBefore !== undefined && (LANGS as readonly string[]).includes(key)) continue;
      if (!allowed.includes(key)) {
        // In a mapping of texts, a "key" with a space is the rest of a text that YAML cut at a comma ({ en: First, then
        // second }), and a key of the format itself ("agent:" under "text:") was indented a level too far.
        const problem = !texts ? 'check.unknownKey' : /\s/.test(key.trim()) ? 'check.textCutAtComma' : this.structureKeys.has(key) ? 'check.indentedTooFar' : 'check.unknownKey';
        const suggestion = problem === 'check.unknownKey' ? nearKey(key, allowed.filter((k) => !Object.hasOwn(value, k))) : undefined;
        if (suggestion !== undefined) {
          (meant ??= new Set()).add(suggestion);
          this.report([...path, key], 'check.unknownKeyMeant', { key, what: whatRef(what), suggestion }, 'key');
        } else this.report([...path, key], problem, { key, what: whatRef(what), allowed: list(allowed) }, 'key');
      }
    }
    for (const key of required) {
      if (Object.hasOwn(value, key)) continue;
      if (!meant?.has(key)) this.report(path, 'check.missingKey', { what: whatRef(what), key });
      this.absent.add(pathKey([...path, key]));
    }
    this.meant = meant;
    return value;
  }

  /** The keys the last object() took a misspelt key for ("hz" for "zh"), each already said once as that key. */
  private meant: Set<string> | undefined;

  /** Required keys found missing (or misspelt), by path: their value is not reported again as "nothing". */
  private readonly absent = new Set<string>();

  /** Whether `value` is the missing value of a required key object() has already reported. */
  private wasAbsent(value: unknown, path: readonly PathKey[]): boolean {
    return (value === undefined || value === null) && this.absent.size > 0 && this.absent.has(pathKey(path));
  }

  /** A mapping whose keys are names chosen by the author (ids); values are checked by the caller. */
  map(value: unknown, path: readonly PathKey[], what: What): Obj | undefined {
    if (!isPlainObject(value)) {
      if (this.wasAbsent(value, path)) return undefined;
      this.report(path, 'check.notMapping', { what: whatRef(what), found: this.found(value) });
      return undefined;
    }
    for (const key of Object.keys(value)) if (UNSAFE_IN_LINE.test(key)) this.cleanKey(key, [...path, key], what);
    return value;
  }

  /** A text that is not blank; newlines only where the text may run over several lines. */
  string(value: unknown, path: readonly PathKey[], what: What, multiline = false): string | undefined {
    if (!isText(value)) {
      if (this.wasAbsent(value, path)) return undefined;
      // "label: { en: 12 }", "+12", "0o17", "true": YAML reads them as a number or a yes/no, and the text is lost
      // ("+12" is 12, "0o17" is 15): said with what to do (QA: flow authoring).
      const key = typeof value === 'number' || typeof value === 'boolean' ? 'check.textAsValue' : 'check.notText';
      this.report(path, key, { what: whatRef(what), found: this.found(value) });
      return undefined;
    }
    return this.clean(value, path, what, multiline) ? value : undefined;
  }

  /**
   * False, with a problem, when a text holds a control character (C0, C1, ESC; a newline
   * only where `multiline` does not allow it) or a bidirectional embedding, override or
   * isolate: a data file must not be able to rewrite a terminal or disguise what it says.
   */
  clean(text: string, path: readonly PathKey[], what: What, multiline = false): boolean {
    const found = unsafeCharacter(text, multiline);
    if (found === undefined) return true;
    this.report(path, isInvisible(found) ? 'check.invisibleChar' : 'check.controlChar', { what: whatRef(what), char: found });
    return false;
  }

  /** Reports what the screen (the checker's own, or `screen`) finds in a free text (a contact, a secret, a request for one); false when it finds something. */
  screened(text: string, path: readonly PathKey[], what: What, screen: TextScreen | undefined = this.screen): boolean {
    if (!screen) return true;
    return this.reportFindings(screen(text), path, what);
  }

  private reportFindings(findings: readonly TextFinding[], path: readonly PathKey[], what: What): boolean {
    for (const f of findings) {
      const params = { what: whatRef(what), kind: ref(`${f.type}.${f.kind}` as ProblemKey) };
      if (f.type === 'contact') this.report(path, 'screen.contact', { ...params, text: clip(f.text, 60) });
      // Moving money is asked of someone, not asked for: a sentence of its own.
      else if (f.type === 'request' && f.kind === 'move-funds') this.report(path, 'screen.moveFunds', { what: whatRef(what) });
      else if (f.type === 'request' && f.kind === 'weaken-security') this.report(path, 'screen.weakenSecurity', { what: whatRef(what) });
      else if (f.type === 'request' && f.kind === 'search-for-contact') this.report(path, 'screen.searchContact', { what: whatRef(what) });
      else if (f.type === 'request' && f.kind === 'private-contact') this.report(path, 'screen.privateContact', { what: whatRef(what) });
      else this.report(path, f.type === 'secret' ? 'screen.secret' : 'screen.request', params);
    }
    return findings.length === 0;
  }

  /** Like clean(), for a key the author chose. */
  cleanKey(key: string, path: readonly PathKey[], what: What): boolean {
    const found = unsafeCharacter(key, false);
    if (found === undefined) return true;
    this.report(path, isInvisible(found) ? 'check.invisibleCharKey' : 'check.controlCharKey', { what: whatRef(what), char: found }, 'key');
    return false;
  }

  /** An identifier: lowercase letters, digits and dashes, as used in flags and JSON. */
  id(value: unknown, path: readonly PathKey[], what: What, which: 'key' | 'value' = 'value'): string | undefined {
    // "value: 1" is the number 1 in YAML: the id meant is the text "1".
    if (typeof value === 'number' && ID_PATTERN.test(String(value))) {
      this.report(path, 'check.idAsNumber', { what: whatRef(what), value: String(value) }, which);
      return undefined;
    }
    const s = this.string(value, path, what);
    if (s === undefined) return undefined;
    if (!ID_PATTERN.test(s)) {
      // The example is the id written right ("Acme Pay" → "acme-pay"), when there are letters or digits to make it of.
      const example = s.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'record-status';
      this.report(path, 'check.badId', { what: whatRef(what), value: this.quoted(s, 40), example }, which);
      return undefined;
    }
    // An id is typed, echoed and logged everywhere: one shaped like a secret (64 hex digits) would be refused as one.
    const found = this.idFinding(s);
    if (found?.type === 'secret') {
      this.report(path, 'check.idLikeSecret', { what: whatRef(what), kind: ref(`secret.${found.kind}`) }, which);
      return undefined;
    }
    if (found?.type === 'contact') {
      this.report(path, 'screen.contact', { what: whatRef(what), kind: ref(`contact.${found.kind}` as ProblemKey), text: clip(found.text, 60) }, which);
      return undefined;
    }
    return s;
  }

  oneOf<T extends string>(value: unknown, path: readonly PathKey[], what: What, allowed: readonly T[]): T | undefined {
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      if (this.wasAbsent(value, path)) return undefined;
      // "Amount", "tx-id", "escalation": the value meant, when one is that close.
      const [meant] = typeof value === 'string' ? closest(value, allowed, 1, false) : [];
      const hint = meant === undefined ? '' : ref('flow.didYouMean', { suggestion: meant });
      this.report(path, 'check.notOneOf', { what: whatRef(what), allowed: list(allowed), found: this.found(value), hint });
      return undefined;
    }
    return value as T;
  }

  integer(value: unknown, path: readonly PathKey[], what: What, min: number): number | undefined {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
      if (this.wasAbsent(value, path)) return undefined;
      // A whole number too large to keep exactly is said to be too large, not "not a whole number".
      if (typeof value === 'number' && Number.isInteger(value) && value >= min) this.report(path, 'check.tooLargeInteger', { what: whatRef(what), max: Number.MAX_SAFE_INTEGER });
      else this.report(path, 'check.notInteger', { what: whatRef(what), min, found: this.found(value) });
      return undefined;
    }
    return value;
  }

  array(value: unknown, path: readonly PathKey[], what: What, minItems: number): unknown[] | undefined {
    if (!Array.isArray(value)) {
      if (this.wasAbsent(value, path)) return undefined;
      this.report(path, 'check.notList', { what: whatRef(what), found: this.found(value) });
      return undefined;
    }
    if (value.length < minItems) {
      this.report(path, minItems === 1 ? 'check.tooFew.one' : 'check.tooFew.other', { what: whatRef(what), min: minItems });
    }
    return value;
  }

  /** A text given in every language (`en:` and `zh:`), screened by the checker's screen or `screen`. */
  localized(value: unknown, path: readonly PathKey[], what: What, screen: TextScreen | undefined = this.screen): Localized | undefined {
    // One text where every language's is needed ("label: Yes, I did"): say how to write them.
    if (typeof value === 'string') {
      this.report(path, 'check.oneText', { what: whatRef(what), found: this.found(value), langs: list(LANGS) });
      return undefined;
    }
    // Only pairs with a text that fails come here: one that swallowed the other language's key after it ("Add the
    // card⏎ zh: 绑定…") is a quote opened and never closed on its line, which is what to say first (the rest follows).
    if (isPlainObject(value)) {
      for (const lang of LANGS) {
        const text = value[lang];
        if (typeof text === 'string' && RAN_ON.test(text)) this.report([...path, lang], 'check.openQuote', { what: whatRef(what), lang });
      }
    }
    const obj = this.object(value, path, what, LANGS, [], true);
    if (!obj) return undefined;
    const meant = this.meant;
    let ok = true;
    // Every text of a flow passes here: a clean one costs no path and no wording, which only a problem needs.
    for (const lang of LANGS) {
      if (!Object.hasOwn(obj, lang)) {
        // A language key misspelt ("hz:", "eng:") was said as the key it likely means: not also as that language missing (QA: author #3).
        if (!meant?.has(lang)) this.report(path, MISSING_TEXT[lang], { what: whatRef(what) });
        ok = false;
        continue;
      }
      const text = obj[lang];
      const inLang = () => ref('what.inLang', { what: whatRef(what), lang });
      if (!isCleanText(text, true)) {
        // What a text hiding characters asks for or holds is said first (the screen reads it as it is seen): an invisible
        // character in "recov\u200bery phrase" is the least of it.
        const findings = screen && typeof text === 'string' ? screen(text) : [];
        if (findings.length > 0) this.reportFindings(findings, [...path, lang], inLang());
        else this.string(text, [...path, lang], inLang(), true);
        ok = false;
      } else if (lang === 'zh' && untranslated(text)) {
        this.report([...path, lang], 'check.untranslated', { what: whatRef(what) });
        ok = false;
      } else if (screen) {
        const findings = screen(text);
        if (findings.length > 0) ok = this.reportFindings(findings, [...path, lang], inLang()) && ok;
      }
    }
    return ok ? withoutTrailingBreaks(obj as Localized) : undefined;
  }
}

/**
 * A text as shown: without the line break a YAML block (`|`, `>`) ends with, nor spaces after it, which `--json` would
 * carry and a step on screen would end with (QA: author #10). The same object when no text has one, as nearly none do.
 */
/** A dash beside a letter: between the words of an id. */
const WORD_DASH = /-(?=[a-z])|(?<=[a-z])-/g;

function hasFiveDigits(text: string): boolean {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39 && ++digits === 5) return true;
  }
  return false;
}

/** Whether a UTF-16 code is one of the characters JavaScript's \\s and trimEnd() take for space. */
function isSpaceCode(c: number): boolean {
  if (c > 0x20 && c < 0x85) return false;
  return c <= 0x20 || c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
function withoutTrailingBreaks(texts: Localized): Localized {
  // (The last character alone is looked at, as a number: every text of a flow passes here.)
  let spaced = false;
  for (const lang of LANGS) {
    const text = texts[lang];
    if (isSpaceCode(text.charCodeAt(text.length - 1))) spaced = true;
  }
  if (!spaced) return texts;
  return Object.fromEntries(LANGS.map((lang) => [lang, texts[lang].trimEnd()])) as Localized;
}

/**
 * What string() accepts: text that is not blank. Hot loops test this first and call
 * string(), with the path and wording it needs for a problem, only when it fails.
 */
export function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

// Control characters, bidirectional embeddings and overrides, and characters shown as nothing (a soft hyphen, zero-width
// spaces and joiners, a word joiner, a byte order mark): "Example\u200b Wallet" passed for the provider's name, and a
// text printed them as they were (QA: directory and authoring reviews). A joiner between emoji is how they are written.
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_LINE = /[\u0000-\u001f\u007f-\u009f\u00ad\u200b\u200c\u202a-\u202e\u2060\u2066-\u2069\ufeff]|\u200d(?![\ud83c-\ud83e\u2600-\u27bf])/;
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_LINES = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u00ad\u200b\u200c\u202a-\u202e\u2060\u2066-\u2069\ufeff]|\u200d(?![\ud83c-\ud83e\u2600-\u27bf])/;
/** The characters of those shown as nothing, said as such rather than as control characters. */
const INVISIBLE = /^[\u00ad\u200b-\u200d\u2060\ufeff]$/;

/** The first character a data file's text must not hold, as "U+001B (ESC)", or undefined; a newline is allowed when `multiline`. */
export function unsafeCharacter(text: string, multiline: boolean): string | undefined {
  const m = (multiline ? UNSAFE_IN_LINES : UNSAFE_IN_LINE).exec(text);
  if (!m) return undefined;
  return characterName(m[0].charCodeAt(0));
}

/** Whether a character unsafeCharacter named is one shown as nothing. */
function isInvisible(name: string): boolean {
  return INVISIBLE.test(String.fromCharCode(Number.parseInt(name.slice(2, 6), 16)));
}

/**
 * The texts goodLocalized found clean (no unsafe character) and its screen found nothing in, a set per screen and
 * language (a Chinese text also found translated): the texts of a folder's files repeat (answer labels, agent wording,
 * steps), and a text seen before is then one lookup, not a character scan and the screen's own lookup. Bounded like
 * the screen's memory (src/safety/data-text.ts).
 */
const GOOD_TEXTS = new WeakMap<TextScreen, Record<Lang, Set<string>>>();
const MAX_GOOD_TEXTS = 50_000;

function goodTextsOf(screen: TextScreen): Record<Lang, Set<string>> {
  let good = GOOD_TEXTS.get(screen);
  if (!good) GOOD_TEXTS.set(screen, (good = { en: new Set(), zh: new Set() }));
  return good;
}

/** What string() accepts, for hot loops: a text that is not blank and holds no unsafe character. */
export function isCleanText(value: unknown, multiline = false): value is string {
  return isText(value) && !(multiline ? UNSAFE_IN_LINES : UNSAFE_IN_LINE).test(value);
}

const MISSING_TEXT = { en: 'check.missingEn', zh: 'check.missingZh' } as const satisfies Record<Lang, ProblemKey>;
/** Chinese characters (CJK ideographs and their extension A), as plain ranges: a Unicode property escape costs start-up. */
const HAN_CHAR = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
/**
 * An English sentence: a word English sentences are made of, among three or more words. A name (BNB Smart Chain,
 * Google Play Store) is the same in both languages and has none. Each match starts at a word's start (\b), so a
 * long run of letters is scanned once, not from every letter of it.
 */
const ENGLISH_SENTENCE = /\b(?:the|a|an|to|your|you|is|are|and|or|of|in|on|for|with|it|this|that|not|if|then|do|does)\b/i;
const THREE_WORDS = /\b[A-Za-z]{2,}[\s,]+[A-Za-z]{2,}[\s,]+[A-Za-z]{2,}/;

/** A Chinese text that is an English sentence, with no Chinese in it: left untranslated (copied from en). */
export function untranslated(zh: string): boolean {
  return !HAN_CHAR.test(zh) && THREE_WORDS.test(zh) && ENGLISH_SENTENCE.test(zh);
}

/** A text that runs on into the keys after it ("…card zh: 绑定新卡 steps: - { en: …"): what an unclosed quote makes. */
const RAN_ON = /\s(?:en|zh):\s/;

/** The keys only a flow file has at its top. */
const FLOW_TOP_KEYS = ['id', 'start', 'questions', 'outcomes'];

/**
 * The top-level key that makes a parsed file a support directory, or undefined for any other file: "providers", or
 * in a file with nothing of a flow, a key that is a slip of it ("provider", "provders", "Providers"). Flows and
 * directories are YAML files alike; this is how both readers tell them apart, before any check.
 */
export function directoryKey(value: unknown): string | undefined {
  if (!isPlainObject(value)) return undefined;
  if (Object.hasOwn(value, 'providers')) return 'providers';
  if (FLOW_TOP_KEYS.some((k) => Object.hasOwn(value, k))) return undefined;
  return Object.keys(value).find((k) => nearKey(k, ['providers']) !== undefined);
}

/** A path as one text, for sets of paths. */
function pathKey(path: readonly PathKey[]): string {
  return path.join('\u0000');
}

/**
 * The allowed key a misspelt one most likely means ("hour" for hours, "Providers", "qestions"), among `candidates`
 * (the allowed keys not already there): one edit away, or two for a longer key; undefined when none is that close.
 */
function nearKey(key: string, candidates: readonly string[]): string | undefined {
  // A language by another of its names ("cn", "zh-CN", "chinese", "中文" for zh): too far in spelling, plain in meaning (QA: UX review).
  const lang = langOf(key) ?? meantLang(key)[0];
  if (lang !== undefined && candidates.includes(lang) && lang !== key) return lang;
  const written = key.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const limit = Math.min(c.length, written.length) <= 4 ? 1 : 2;
    const d = editDistance(written, c.toLowerCase(), limit);
    if (d <= limit && d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best;
}

/** The reference a `What` stands for, to pass as the `{what}` of a larger phrase. */
export function whatRef(what: What): ProblemRef {
  return typeof what === 'string' ? ref(what) : what;
}

export function isPlainObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Names the type of a wrong value for error messages, without echoing long content. */
export function describe(value: unknown): ProblemRef {
  if (value === null || value === undefined) return ref('found.nothing');
  if (Array.isArray(value)) return ref('found.list');
  if (typeof value === 'object') return ref('found.mapping');
  if (typeof value === 'string') return value.trim() === '' ? ref('found.emptyText') : ref('found.text', { text: clip(value, 40) });
  return ref(typeof value === 'number' ? 'found.number' : 'found.value', { value: String(value) });
}
