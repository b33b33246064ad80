import { describe, it, expect } from 'vitest';
import { generateKeyPairSync, sign as edSign } from 'node:crypto';
import fc from 'fast-check';
import { entropyToMnemonic, generateMnemonic, validateMnemonic } from '@scure/bip39';
import { wordlist as english } from '@scure/bip39/wordlists/english.js';
import { wordlist as chinese } from '@scure/bip39/wordlists/simplified-chinese.js';
import { wordlist as traditional } from '@scure/bip39/wordlists/traditional-chinese.js';
import { base58, base64, bech32, createBase58check } from '@scure/base';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, randomBytes } from '@noble/hashes/utils.js';
import {
  findSecrets,
  redactSecrets,
  REDACTION_MARKERS,
  type SecretFinding,
  type SecretKind,
  type SecretScanOptions,
} from '../src/safety/secrets.js';

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

const b58c = createBase58check(sha256);
const STRENGTHS = [128, 160, 192, 224, 256] as const;

function concat(...parts: (Uint8Array | number[])[]): Uint8Array {
  return Uint8Array.from(parts.flatMap((p) => [...p]));
}

/** True when one finding of `kind` covers text[start..end). */
function covered(findings: SecretFinding[], kind: SecretKind, start: number, end: number): boolean {
  return findings.some((f) => f.kind === kind && f.start <= start && f.end >= end);
}

/** `secret` occurs in `text` and one finding of `kind` covers it. */
function expectFound(text: string, secret: string, kind: SecretKind, opts?: SecretScanOptions): void {
  const at = text.indexOf(secret);
  expect(at, 'test bug: secret not in text').toBeGreaterThanOrEqual(0);
  const findings = findSecrets(text, opts);
  expect(covered(findings, kind, at, at + secret.length), `${kind} in ${JSON.stringify(text)}: ${JSON.stringify(findings)}`).toBe(true);
  const redacted = redactSecrets(text, opts);
  expect(redacted).not.toContain(secret);
  expect(redacted).toContain(REDACTION_MARKERS[kind]);
}

function expectClean(text: string, opts?: SecretScanOptions): void {
  expect(findSecrets(text, opts), JSON.stringify(text)).toEqual([]);
  expect(redactSecrets(text, opts)).toBe(text);
}

/** Every word of the phrase, in order from `from` (where the phrase starts), lies inside a recovery-phrase finding. */
function expectPhraseCovered(text: string, words: string[], from = 0): void {
  const findings = findSecrets(text);
  let pos = from;
  const lower = text.toLowerCase();
  for (const w of words) {
    const at = lower.indexOf(w.toLowerCase(), pos);
    expect(at, `test bug: ${w} not in text`).toBeGreaterThanOrEqual(0);
    expect(covered(findings, 'recovery-phrase', at, at + w.length), `${w} of ${JSON.stringify(text)}: ${JSON.stringify(findings)}`).toBe(true);
    pos = at + w.length;
  }
}

/** No two consecutive phrase words remain, in any spelling the phrase was written in. */
function expectNoPairLeft(redacted: string, words: string[], sep: string): void {
  for (let i = 0; i + 1 < words.length; i++) {
    expect(redacted).not.toContain(`${words[i]}${sep}${words[i + 1]}`);
  }
}

/** Deterministic phrases for unspaced Chinese (whose detection is statistical, see secrets.ts). */
function fixedChinese(seed: number, bits: number): string {
  return entropyToMnemonic(sha256(new TextEncoder().encode(`wallet-help ${seed}`)).slice(0, bits / 8), chinese);
}

/** Random list words that do NOT form a valid mnemonic. */
function invalidPhrase(count: number, list: string[]): string[] {
  for (;;) {
    const words = [...randomBytes(count * 2)].reduce<string[]>((acc, _b, i, bytes) => {
      if (i % 2 === 0) acc.push(list[((bytes[i]! << 8) | bytes[i + 1]!) % list.length]!);
      return acc;
    }, []);
    if (!validateMnemonic(words.join(' '), list)) return words;
  }
}

/** Independent Luhn check digit: the classic lookup-table formulation. */
function luhnCheckDigit(payload: string): string {
  const doubled = [0, 2, 4, 6, 8, 1, 3, 5, 7, 9];
  let sum = 0;
  [...payload].reverse().forEach((ch, i) => {
    const d = Number(ch);
    sum += i % 2 === 0 ? doubled[d]! : d;
  });
  return String((10 - (sum % 10)) % 10);
}

function wif(key: Uint8Array, compressed: boolean, version = 0x80): string {
  return b58c.encode(concat([version], key, compressed ? [0x01] : []));
}

const XPRV_VERSION = [0x04, 0x88, 0xad, 0xe4];
const TPRV_VERSION = [0x04, 0x35, 0x83, 0x94];
const XPUB_VERSION = [0x04, 0x88, 0xb2, 0x1e];

/** BIP32 serialization: version, depth, parent fingerprint, child number, chain code, key data. */
function extendedKey(version: number[], chainCode: Uint8Array, keyData: Uint8Array): string {
  return b58c.encode(concat(version, [0], [0, 0, 0, 0], [0, 0, 0, 0], chainCode, keyData));
}

/** Changes one character (not the first four) to another Base58 character. */
function corrupt(s: string, at: number): string {
  const c = s[at]!;
  return s.slice(0, at) + (c === '2' ? '3' : '2') + s.slice(at + 1);
}

// ---------------------------------------------------------------------------
// Recovery phrases: English
// ---------------------------------------------------------------------------

describe('recovery phrases (English)', () => {
  it('redacts a phrase that holds the word "phrase" (a BIP39 word, as in the marker)', () => {
    let phrase = generateMnemonic(english, 128);
    while (!phrase.split(' ').includes('phrase')) phrase = generateMnemonic(english, 128);
    const text = `1. ${phrase.split(' ').join(' ')}`;
    expect(redactSecrets(text)).toBe('1. [redacted recovery phrase]');
  });

  for (const bits of STRENGTHS) {
    const phrase = generateMnemonic(english, bits);
    const words = phrase.split(' ');
    it(`finds a generated ${words.length}-word phrase, exactly`, () => {
      expect(findSecrets(phrase)).toEqual([{ kind: 'recovery-phrase', start: 0, end: phrase.length }]);
      expect(redactSecrets(phrase)).toBe('[redacted recovery phrase]');
    });
    const wide = [...phrase].map((c) => (c === ' ' ? c : String.fromCharCode(c.charCodeAt(0) + 0xfee0))).join('');
    // name -> [text before, the phrase as written, text after]
    const variants: Record<string, [string, string, string]> = {
      'numbered "1. "': ['', words.map((w, i) => `${i + 1}. ${w}`).join(' '), ''],
      'numbered "1) " on lines': ['', words.map((w, i) => `${i + 1}) ${w}`).join('\n'), ''],
      'numbered "1-"': ['', words.map((w, i) => `${i + 1}-${w}`).join(' '), ''],
      'numbered "#1 "': ['', words.map((w, i) => `#${i + 1} ${w}`).join('  '), ''],
      'comma-separated': ['', words.join(','), ''],
      'comma and space': ['', words.join(', '), ''],
      'newline-separated': ['', words.join('\n'), ''],
      'CRLF and tabs': ['', words.join('\r\n\t'), ''],
      'full-width commas': ['', words.join('，'), ''],
      'ideographic commas and spaces': ['', words.join('、\u3000'), ''],
      'upper case': ['', phrase.toUpperCase(), ''],
      'mixed case': ['', words.map((w, i) => (i % 2 ? w.toUpperCase() : w[0]!.toUpperCase() + w.slice(1))).join(' '), ''],
      'extra spaces': ['   ', words.join('    '), '   '],
      'in a sentence': ['The agent asked for it, so here: ', phrase, '. Is my wallet safe now?'],
      'in Chinese text': ['客服让我发助记词：', phrase, '，这样安全吗'],
      'full-width letters': ['', wide, ''],
    };
    for (const [name, [before, body, after]] of Object.entries(variants)) {
      it(`finds the ${words.length}-word phrase ${name}`, () => {
        const text = before + body + after;
        const shown = name === 'full-width letters' ? wide.split(' ') : words;
        expectPhraseCovered(text, shown, before.length);
        const redacted = redactSecrets(text);
        expect(redacted.startsWith(before) && redacted.endsWith(after)).toBe(true);
        const middle = redacted.slice(before.length, redacted.length - after.length);
        expect(middle.split('[redacted recovery phrase]')).toHaveLength(2);
        // No word of the phrase is left around the marker (whose own words, such as "phrase", are BIP39 words too).
        const around = middle.replace('[redacted recovery phrase]', ' ').toLowerCase();
        for (const w of shown) expect(around).not.toMatch(new RegExp(`(?<![a-z])${w.toLowerCase()}(?![a-z])`));
      });
    }
  }

  it('finds phrases whose checksum fails (mistyped or made-up), 12 and 24 words', () => {
    for (const count of [12, 24]) {
      const words = invalidPhrase(count, english);
      expect(validateMnemonic(words.join(' '), english)).toBe(false);
      expectFound(words.join(' '), words.join(' '), 'recovery-phrase');
    }
  });

  it('swallows a misspelt word and the words after it once a phrase is found', () => {
    const words = generateMnemonic(english, 256).split(' ');
    words[17] = `${words[17]}x`; // not a list word any more
    const text = `${words.join(' ')} thanks`;
    expectPhraseCovered(text, words);
    expect(redactSecrets(text)).toBe('[redacted recovery phrase] thanks');
  });

  it('flags a phrase a word short: 11 list words, or two runs a mistyped word joins, as a phrase is copied; not ten, nor runs a word of a sentence or commas join (QA: library review)', () => {
    // Quoted in an error ("invalid value …"), eleven words of a phrase leave 2,048 guesses to take the wallet.
    const eleven = invalidPhrase(11, english);
    expectFound(eleven.join(' '), eleven.join(' '), 'recovery-phrase');
    // Only as a phrase is copied, words and spaces: eleven list words with commas are a list in a sentence (review).
    expectClean(`1. ${eleven.join(', ')}; and that is all`);
    expectClean('Have these ready before you call: account number, amount, date, time zone, network, address, memo, transaction hash and screenshots.');
    const words = generateMnemonic(english).split(' ');
    const typo = [...words.slice(0, 5), `${words[5]}x`, ...words.slice(6)].join(' ');
    expectFound(typo, typo, 'recovery-phrase');
    const ten = invalidPhrase(10, english);
    expectClean(ten.join(' '));
    expectClean(`${ten.join(' ')} the ${invalidPhrase(10, english).join(' ')}`);
    expectClean(`${invalidPhrase(5, english).join(' ')} and ${invalidPhrase(6, english).join(' ')}`);
  });

  it('reads a run of millions of letters without overflowing the stack, and still finds a glued phrase beside it (QA: library review)', () => {
    expect(findSecrets('p'.repeat(6e6))).toEqual([]);
    expect(findSecrets('ab'.repeat(3e6))).toEqual([]);
    const glued = 'legalwinnerthankyearwavesausageworthusefullegalwinnerthankyellow';
    expectFound(`${'p'.repeat(1e5)} ${glued}`, glued, 'recovery-phrase');
  });

  it('does not flag ordinary English that uses many list words', () => {
    const sentences = [
      'I sent the money again today but the account balance is still empty and support did not answer',
      'Please help, what can you do about this? I have a problem with my account access after the update',
      'The app says my card was declined again, so I tried another card and it also failed this morning',
      'Someone called me and said they are from support and asked me to confirm my wallet phrase, is this normal?',
      'I want to cancel the order because the item never arrived and the seller does not reply to any message',
      'My daughter used my phone to buy a game and now the bank account shows a strange fee from last month',
      'Why is the network fee so high today? Last week it was much lower for the same amount of coin',
      'I forgot my password and the email with the code never came, can you check the system for me',
      'After the bridge transfer the token balance shows zero but the explorer says the transaction is confirmed',
      'They promised a bonus reward if I deposit more cash before the deadline, then the website went offline',
      'Able to log in, but every time I try to move funds there is an error about a limit on my account',
    ];
    for (const s of sentences) expectClean(s);
    expectClean(sentences.join('\n'));
  });
});

describe('a part of a phrase or a key, written after its name (QA: Chinese user: nine words of twelve were kept and printed)', () => {
  it('is a secret from five list words, or 16 hex digits, after the name', () => {
    expectFound('助记词是 legal winner thank year wave sausage worth useful legal', 'legal winner thank year wave sausage worth useful legal', 'recovery-phrase');
    expectFound('my seed phrase is legal winner thank year wave', 'legal winner thank year wave', 'recovery-phrase');
    expectFound('Recovery phrase: "legal winner thank year wave"', 'legal winner thank year wave', 'recovery-phrase');
    expectFound('mnemonic words legal winner thank year wave sausage', 'legal winner thank year wave sausage', 'recovery-phrase');
    expectFound('助记词：的 一 是 在 不 了 有 和 人 这', '的 一 是 在 不 了 有 和 人 这', 'recovery-phrase');
    expectFound('私钥 4c0883a69102937d6231471b5dbb6204fe512961708279', '4c0883a69102937d6231471b5dbb6204fe512961708279', 'private-key');
    expectFound('private key is 0x4c0883a69102937d62', '0x4c0883a69102937d62', 'private-key');
  });

  it('is found however short the words: eleven of three letters are 43 characters (the quick path skipped texts under 47)', () => {
    expectFound('act add age aim air all any arm art ask bag', 'act add age aim air all any arm art ask bag', 'recovery-phrase');
  });

  it('is found however the name and the words are written (review)', () => {
    const words = 'legal winner thank year wave';
    for (const text of [`助記詞是 ${words} sausage`, `seed phrase - ${words}`, `seed phrase — ${words}`, `seed phrase, ${words}`, `seed phrase -> ${words}`, `seed phrase (${words})`, `助记词是「${words}」`, `12-word phrase: ${words}`, `24-word seed: ${words}`, `seed: ${words}`, `my seed phrase is legal, winner, thank, year, wave`, 'seed phrase:\nlegal\nwinner\nthank\nyear\nwave']) {
      expect(findSecrets(text).map((f) => f.kind), text).toEqual(['recovery-phrase']);
    }
    expectFound('助记词是 1. legal 2. winner 3. thank 4. year 5. wave', 'legal 2. winner 3. thank 4. year 5. wave', 'recovery-phrase');
    // Parted unevenly (a stray comma in a pasted phrase), from eight words, which leave four of twelve to a search (review).
    expectFound('seed phrase: legal winner thank, year wave sausage worth useful', 'legal winner thank, year wave sausage worth useful', 'recovery-phrase');
    expectFound('助记词：的 一 是，在 不 了 有 和', '的 一 是，在 不 了 有 和', 'recovery-phrase');
    for (const text of ['私鑰 4c0883a69102937d6231471b5dbb6204fe5129617082', 'privkey: 4c0883a69102937d', 'private_key=4c0883a69102937d']) expect(findSecrets(text).map((f) => f.kind), text).toEqual(['private-key']);
  });

  it('is eight list words in a row, parted alike, in a line typed at a prompt, even without a name (QA: Chinese user)', () => {
    const nine = 'legal winner thank year wave sausage worth useful legal';
    expect(findSecrets(nine, { typedLine: true }).map((f) => f.kind)).toEqual(['recovery-phrase']);
    expect(findSecrets('的 一 是 在 不 了 有 和', { typedLine: true }).map((f) => f.kind)).toEqual(['recovery-phrase']);
    // Short words too: eight of three letters are 31 characters, under the quick path's length for other text.
    expect(findSecrets('act add age aim air all any arm', { typedLine: true }).map((f) => f.kind)).toEqual(['recovery-phrase']);
    // Not in other text (a data file, a script's value), where eleven words are the rule, nor seven, nor a sentence parted unevenly.
    expect(findSecrets(nine)).toEqual([]);
    for (const text of ['legal winner thank year wave sausage worth', 'network error, please try again later, thank you', 'Transfer failed: please check your balance and try again']) {
      expect(findSecrets(text, { typedLine: true }), text).toEqual([]);
    }
  });

  it('is not what people say about their phrase or key', () => {
    for (const text of [
      // List words run on after the name, but across a comma, as a sentence does (review: both were refused).
      'recovery phrase is now useless, please help fix it',
      'seed phrase account balance zero now, please help',
      'the seed of the problem: my account was locked',
      'what is a 12-word phrase? I never got one',
      'phrase: please help me',
      'seed phrase: never share it',
      'my recovery phrase is correct, first word is wrong',
      '我的助记词是我自己保管的，放在家里',
      'private key 0x1234',
      'I lost my private key backup',
      'seed phrase - lost',
      'the recovery phrase I wrote down has twelve words',
      '助记词 一共 12 个',
    ]) expectClean(text);
  });

  it('is not looked for in prose (data files), where an author names a phrase to warn of it', () => {
    expectClean('Never type your recovery phrase: legal advice from anyone who asks for it is a scam.', { prose: true });
  });
});

// ---------------------------------------------------------------------------
// Recovery phrases: Chinese
// ---------------------------------------------------------------------------

describe('recovery phrases (Simplified Chinese)', () => {
  for (const bits of STRENGTHS) {
    const phrase = generateMnemonic(chinese, bits);
    const chars = phrase.split(' ');
    const n = chars.length;
    const spaced: Record<string, [string, string]> = {
      spaced: ['', phrase],
      'numbered "1. "': ['', chars.map((c, i) => `${i + 1}. ${c}`).join(' ')],
      'numbered, no space': ['', chars.map((c, i) => `${i + 1}.${c}`).join('')],
      'full-width commas': ['', chars.join('，')],
      'ideographic commas': ['', chars.join('、')],
      'one per line': ['', chars.join('\n')],
      'ideographic spaces': ['', chars.join('\u3000')],
      'in a sentence': ['我的助记词是：', `${phrase}。请帮我看看`],
    };
    for (const [name, [before, rest]] of Object.entries(spaced)) {
      it(`finds a generated ${n}-character phrase, ${name}`, () => {
        const text = before + rest;
        expectPhraseCovered(text, chars, before.length);
        expectNoPairLeft(redactSecrets(text), chars, '');
        expectNoPairLeft(redactSecrets(text), chars, ' ');
      });
    }
    it(`finds a ${n}-character phrase written without spaces, as one finding over the whole text`, () => {
      // Unspaced detection is statistical (checksum + "reads as random", see
      // secrets.ts; it misses about 1 generated 12-character phrase in 3,000), so
      // this uses a fixed phrase; test/secrets-zh.test.ts measures the rates.
      const unspaced = fixedChinese(1000 + bits, bits).split(' ').join('');
      expect(findSecrets(unspaced)).toEqual([{ kind: 'recovery-phrase', start: 0, end: unspaced.length }]);
    });
  }

  it('finds fixed unspaced phrases of every length, alone, after a label, glued into a sentence and in groups', () => {
    for (const bits of STRENGTHS) {
      for (let seed = 0; seed < 20; seed++) {
        const chars = fixedChinese(seed, bits).split(' ');
        const unspaced = chars.join('');
        expectPhraseCovered(unspaced, chars);
        expectPhraseCovered(`助记词：${unspaced}`, chars, 4);
        expectPhraseCovered(`你好，我的助记词是${unspaced}请帮我看看`, chars, 9);
        const grouped = chars.map((c, i) => (i % 4 === 3 ? `${c} ` : c)).join('').trim();
        expectPhraseCovered(grouped, chars);
        expectNoPairLeft(redactSecrets(`我的助记词是${unspaced}请帮我看看`), chars, '');
      }
    }
  });

  it('finds spaced phrases whose checksum fails, but needs the checksum without spaces', () => {
    const chars = invalidPhrase(12, chinese);
    expectFound(chars.join(' '), chars.join(' '), 'recovery-phrase');
    expectFound(chars.join('，'), chars.join('，'), 'recovery-phrase');
    expectClean(chars.join(''));
  });

  it('does not flag ordinary Chinese, unspaced text being almost all list characters', () => {
    const sentences = [
      '我的提现一直没有到账，已经等了三个小时，请问是什么原因',
      '我昨天在手机上给朋友转了一笔钱但是对方说一直没有收到请问怎么处理',
      '客服说我的账户被冻结了需要先交一笔保证金才能解冻这是真的吗',
      '有人打电话说是官方客服要我提供验证码和助记词我没有给他',
      '充值的钱已经从银行卡扣掉了但是钱包余额里面还是没有显示出来',
      '我想把钱包里的数字货币转到交易所但是一直提示地址格式不对',
      '今天早上登录的时候系统提示密码错误我试了好几次现在账户被锁定了',
      '这个月的手续费比上个月高了很多我想知道具体是怎么计算的',
      '我的银行卡已经绑定成功了可是付款的时候总是说交易失败请稍后再试',
      '请问实名认证需要多长时间我上传了身份证照片已经两天了还在审核中',
      '昨天晚上十点左右我在网上买东西付款之后订单状态一直显示处理中',
    ];
    for (const s of sentences) {
      expect([...s].filter((c) => chinese.includes(c)).length / [...s].length).toBeGreaterThan(0.8);
      expectClean(s);
    }
    expectClean(sentences.join(''));
    expectClean(sentences.join('\n'));
  });
});

describe('recovery phrases (Traditional Chinese, QA: hostile review)', () => {
  const entropy = fc.constantFrom(16, 20, 24, 28, 32).chain((n) => fc.uint8Array({ minLength: n, maxLength: n }));
  it('finds a phrase of the Traditional list, spaced, unspaced and after its label, and redacts it', () => {
    fc.assert(
      fc.property(entropy, (ent) => {
        const chars = entropyToMnemonic(ent, traditional).split(' ');
        for (const text of [chars.join(' '), chars.join(''), `助記詞 ${chars.join(' ')}`]) {
          expect(findSecrets(text).map((f) => f.kind), text).toContain('recovery-phrase');
          expectNoPairLeft(redactSecrets(text), chars, ' ');
        }
      }),
      { seed: 20261123, numRuns: 100 },
    );
  });

  it('leaves everyday Traditional Chinese alone', () => {
    for (const text of ['請問我的提款為什麼還沒有到帳？已經等了三天了。', '我忘記密碼了，請問要怎麼重新設定？', '付款失敗，銀行說餘額不足，可是我剛剛才存錢進去。', '請不要把助記詞告訴任何人，客服不會向你索取。']) {
      expect(findSecrets(text), text).toEqual([]);
      expect(findSecrets(text, { prose: true }), text).toEqual([]);
    }
  });
});

describe('recovery phrases: property', () => {
  const separators = [' ', '\n', ', ', '. ', '：', '\t'];
  const entropy = fc.constantFrom(16, 20, 24, 28, 32).chain((n) => fc.uint8Array({ minLength: n, maxLength: n }));
  const surrounding = fc.string({ unit: 'binary', maxLength: 40 });

  it('finds any English mnemonic inside random text and leaves no two consecutive words', () => {
    fc.assert(
      fc.property(entropy, surrounding, surrounding, fc.constantFrom(...separators), (ent, before, after, sep) => {
        const words = entropyToMnemonic(ent, english).split(' ');
        const phrase = words.join(sep);
        const text = `${before} ${phrase}\n${after}`;
        const at = before.length + 1;
        expect(covered(findSecrets(text), 'recovery-phrase', at, at + phrase.length)).toBe(true);
        const redacted = redactSecrets(text);
        expectNoPairLeft(redacted, words, sep);
        expectNoPairLeft(redacted, words, ' ');
      }),
    );
  });

  it('finds any spaced Chinese mnemonic inside random text and leaves no two consecutive characters', () => {
    fc.assert(
      fc.property(entropy, surrounding, surrounding, fc.constantFrom(' ', '，', '、', '\n'), (ent, before, after, sep) => {
        const chars = entropyToMnemonic(ent, chinese).split(' ');
        const phrase = chars.join(sep);
        const text = `${before}\n${phrase} ${after}`;
        const at = before.length + 1;
        expect(covered(findSecrets(text), 'recovery-phrase', at, at + phrase.length)).toBe(true);
        expectNoPairLeft(redactSecrets(text), chars, sep);
      }),
    );
  });

  it('finds a mnemonic with characters shown as nothing slipped into it, and redacts all of it (hostile review)', () => {
    // Zero-width space and joiners, soft hyphen, word joiner, variation selectors, a tag character, the byte order mark:
    // the phrase on screen is the phrase. Before, one after every "n" (U+FE0F) let a phrase through as a case fact.
    const hidden = fc.constantFrom('\u200b', '\u200c', '\u200d', '\u00ad', '\u2060', '\ufe0f', '\ufe0e', '\u{e0041}', '\ufeff', '\u034f');
    fc.assert(
      fc.property(entropy, surrounding, fc.array(fc.tuple(fc.nat(), hidden), { minLength: 1, maxLength: 30 }), (ent, before, inserts) => {
        const plain = entropyToMnemonic(ent, english);
        let phrase = plain;
        for (const [at, ch] of inserts) {
          const i = at % (phrase.length + 1);
          // Between two units of one character (an inserted tag character) would be no text anyone sees.
          if (/[\ud800-\udbff]/.test(phrase[i - 1] ?? '')) continue;
          phrase = phrase.slice(0, i) + ch + phrase.slice(i);
        }
        const text = `${before} ${phrase}\nthanks`;
        const at = before.length + 1;
        const found = findSecrets(text);
        // From the phrase's first letter to its last: what hides before or after it is no part of it.
        const first = phrase.indexOf(plain[0]!);
        const last = phrase.lastIndexOf(plain.at(-1)!) + 1;
        expect(covered(found, 'recovery-phrase', at + first, at + last), JSON.stringify(found)).toBe(true);
        const redacted = redactSecrets(text).replace(/\p{Default_Ignorable_Code_Point}/gu, '');
        expectNoPairLeft(redacted, plain.split(' '), ' ');
      }),
      { seed: 20261123, numRuns: 300 },
    );
    // Typed at a prompt, a phrase hidden so is found the same way.
    const phrase = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';
    expect(findSecrets(phrase.replaceAll('n', 'n\ufe0f'), { typedLine: true }).map((f) => f.kind)).toEqual(['recovery-phrase']);
    expect(findSecrets(`key ${'ab'.repeat(32).replace(/(.{8})/g, '$1\u200b')}`).map((f) => f.kind)).toEqual(['private-key']);
  });

  it('finds a phrase written in look-alike letters, with accents or in mathematical letters, and redacts all of it (hostile review)', () => {
    const plain = 'legal winner thank year wave sausage worth useful legal winner thank yellow';
    const bold = (text: string) => [...text].map((c) => (c === ' ' ? c : String.fromCodePoint(0x1d41a + c.charCodeAt(0) - 97))).join('');
    for (const disguised of [plain.replaceAll('e', '\u0435'), plain.replaceAll('a', 'á'), plain.replaceAll('w', 'w\u0301'), bold(plain), plain.replaceAll('o', '\u03bf')]) {
      const text = `words: ${disguised} thanks`;
      expect(findSecrets(text).map((f) => [f.kind, text.slice(f.start, f.end)]), disguised).toEqual([['recovery-phrase', disguised]]);
      expect(redactSecrets(text)).toBe(`words: ${REDACTION_MARKERS['recovery-phrase']} thanks`);
    }
    // Everyday text in those scripts, with accents, is no secret.
    for (const text of ['Привет мир, как дела у тебя сегодня утром', 'Café au lait à la crème, naïve résumé déjà vu', 'Ελληνικά γράμματα είναι ωραία', 'Ça coûte 1 234,56 €, merci beaucoup pour votre aide aujourd’hui']) {
      expect(findSecrets(text), text).toEqual([]);
    }
  });

  it('finds a phrase written by the first four letters of its words, as wallets accept it (hostile review)', () => {
    fc.assert(
      fc.property(entropy, fc.constantFrom(' ', ', ', '\n'), (ent, sep) => {
        const short = entropyToMnemonic(ent, english).split(' ').map((w) => w.slice(0, 4));
        const text = `words: ${short.join(sep)}`;
        expect(covered(findSecrets(text), 'recovery-phrase', 7, text.length), text).toBe(true);
      }),
      { seed: 20261123, numRuns: 200 },
    );
    // Ordinary four-letter English does not read as one.
    for (const text of ['Wait more than half hour then call your bank back when your card gets work done here.', 'this user will open that file from work only when they come back home next week']) {
      expect(findSecrets(text, { prose: true }), text).toEqual([]);
      expect(findSecrets(text), text).toEqual([]);
    }
  });

  it('in prose, reads twelve Chinese list characters as a phrase only with something between every two of them', () => {
    const chars = entropyToMnemonic(new Uint8Array(16).fill(7), chinese).split(' ');
    const spaced = chars.join(' ');
    const tenSeparators = `${chars[0]}${chars[1]} ${chars.slice(2).join(' ')}`;
    expect(findSecrets(spaced, { prose: true })).toEqual([{ kind: 'recovery-phrase', start: 0, end: spaced.length }]);
    expect(findSecrets(tenSeparators, { prose: true })).toEqual([]);
    // Outside prose (an answer, a note), a phrase needs no separators at all.
    expect(findSecrets(tenSeparators)).toEqual([{ kind: 'recovery-phrase', start: 0, end: tenSeparators.length }]);
  });

  it('finds unspaced Chinese mnemonics inside random text (fixed seed: detection is statistical)', () => {
    fc.assert(
      fc.property(entropy, surrounding, surrounding, (ent, before, after) => {
        const chars = entropyToMnemonic(ent, chinese).split(' ');
        const phrase = chars.join('');
        const text = `${before}\n${phrase} ${after}`;
        const at = before.length + 1;
        expect(covered(findSecrets(text), 'recovery-phrase', at, at + phrase.length)).toBe(true);
        expectNoPairLeft(redactSecrets(text), chars, '');
      }),
      { seed: 20261121, numRuns: 200 },
    );
  });
});

// ---------------------------------------------------------------------------
// Keys
// ---------------------------------------------------------------------------

describe('raw private keys (64 hex)', () => {
  const keys = Array.from({ length: 5 }, () => bytesToHex(randomBytes(32)));

  it('finds a key written in pairs, in fours with two spaces, in halves, or with underscores, dots or commas (hostile review)', () => {
    for (const hex of keys) {
      const pairs = hex.match(/../g)!;
      const eights = hex.match(/.{8}/g)!;
      for (const written of [pairs.join(' '), pairs.join(':'), hex.match(/.{4}/g)!.join('  '), `${hex.slice(0, 32)} ${hex.slice(32)}`, eights.join('_'), eights.join('.'), eights.join(', ')]) {
        expectFound(`my key: ${written} thanks`, written, 'private-key');
      }
    }
    // Two separators mixed, or groups of uneven sizes, are no key written out (a UUID, addresses side by side).
    expect(findSecrets('ids 123e4567-e89b-12d3-a456-426614174000 123e4567-e89b-12d3-a456-4266141740')).toEqual([]);
  });

  it('flags bare 64-hex by default, in any case and with 0x', () => {
    for (const hex of keys) {
      expectFound(hex, hex, 'private-key');
      expectFound(hex.toUpperCase(), hex.toUpperCase(), 'private-key');
      expectFound(`0x${hex}`, `0x${hex}`, 'private-key');
      expectFound(`here it is: ${hex} ok?`, hex, 'private-key');
      expect(findSecrets(hex)).toEqual([{ kind: 'private-key', start: 0, end: 64 }]);
    }
  });

  it('with allowHex64 (a TxID is expected) flags 64-hex only when labelled', () => {
    const opts = { allowHex64: true };
    for (const hex of keys) {
      expectClean(hex, opts);
      expectClean(`0x${hex}`, opts);
      expectClean(`txid: ${hex}`, opts);
      expectClean(`The transaction hash is 0x${hex}, still pending`, opts);
      expectClean(`public key ${hex}`, opts);
      expectFound(`private key: ${hex}`, hex, 'private-key', opts);
      expectFound(`privkey=${hex}`, hex, 'private-key', opts);
      expectFound(`my secret is 0x${hex}`, `0x${hex}`, 'private-key', opts);
      expectFound(`私钥：${hex}`, hex, 'private-key', opts);
      expectFound(`这是我的密钥 ${hex}`, hex, 'private-key', opts);
      expectFound(`my key: ${hex}`, hex, 'private-key', opts);
    }
  });

  it('anywhere, a 64-hex labelled as a transaction is its hash, unless a key label stands by it too (QA: user: an error message quoting a TxID was refused as a private key)', () => {
    for (const hex of keys) {
      expectClean(`tx ${hex} failed`);
      expectClean(`Transaction 0x${hex} reverted: out of gas`);
      expectClean(`txid=${hex}`);
      expectClean(`交易哈希 ${hex} 失败`);
      expectFound(`private key for the tx: ${hex}`, hex, 'private-key');
      expectFound(`the hash of my seed: ${hex}`, hex, 'private-key');
      expectFound(`${hex} is the tx`, hex, 'private-key');
    }
  });

  it('does not flag other hex lengths: addresses, public keys, hashes', () => {
    const hex = keys[0]!;
    expectClean(`0x${bytesToHex(randomBytes(20))}`); // Ethereum address
    expectClean(`02${hex}`); // compressed public key, 66 hex
    expectClean(bytesToHex(randomBytes(20))); // RIPEMD-160 / address hash
    expectClean(hex.slice(0, 63));
  });
});

describe('raw private keys written in pieces (QA: hostile review)', () => {
  const key = '0c28fca386c7a227600b2fe50b7cae11ec86d3bf1fbe471be89827e19d72aa1d';
  const pairs = key.match(/../g)!;
  it('finds a key split over two lines, in groups joined by tabs, bars, semicolons or slashes, and written as a list of bytes', () => {
    for (const text of [`${key.slice(0, 32)}\n${key.slice(32)}`, `${key.slice(0, 32)}\r\n${key.slice(32)}`, key.match(/.{8}/g)!.join('\t'), key.match(/.{16}/g)!.join('|'), key.match(/.{4}/g)!.join(';'), key.match(/.{8}/g)!.join('/'), pairs.map((p) => `0x${p}`).join(', '), `[${pairs.map((p) => `0x${p}`).join(',')}]`]) {
      expect(findSecrets(text).map((f) => f.kind), JSON.stringify(text)).toEqual(['private-key']);
      expect(redactSecrets(text), JSON.stringify(text)).not.toMatch(/0c28|aa1d/);
    }
  });
  it('still leaves alone what only adds up to 64 digits: UUIDs side by side, mixed separators', () => {
    const uuid = '123e4567-e89b-12d3-a456-426614174000';
    expect(findSecrets(`${uuid}\n${uuid}`)).toEqual([]);
    expect(findSecrets(`${key.slice(0, 32)}\n${key.slice(32, 48)};${key.slice(48)}`)).toEqual([]);
  });
});

describe('WIF keys', () => {
  it('finds generated WIF keys: mainnet and testnet, compressed and not', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.boolean(), fc.constantFrom(0x80, 0xef), (key, compressed, version) => {
        const w = wif(key, compressed, version);
        expect(w).toHaveLength(compressed ? 52 : 51);
        expect(w[0]).toMatch(version === 0x80 ? (compressed ? /[KL]/ : /5/) : compressed ? /c/ : /9/);
        expectFound(w, w, 'wif-key');
        expectFound(`import this: ${w}.`, w, 'wif-key');
        expect(findSecrets(`key ${w}`)).toEqual([{ kind: 'wif-key', start: 4, end: 4 + w.length }]);
      }),
      { numRuns: 50 },
    );
  });

  it('finds the well-known example WIF keys', () => {
    expectFound('5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTJ', '5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTJ', 'wif-key');
    expectFound('KwDiBf89QgGbjEhKnhXJuH7LrciVrZi3qYjgd9M7rFU73sVHnoWn', 'KwDiBf89QgGbjEhKnhXJuH7LrciVrZi3qYjgd9M7rFU73sVHnoWn', 'wif-key');
    // In groups of four parted by commas, as a list copied from a note (QA: red-team review).
    const commas = 'KwDi,Bf89,QgGb,jEhK,nhXJ,uH7L,rciV,rZi3,qYjg,d9M7,rFU7,3sVH,noWn';
    expectFound(`key: ${commas}`, commas, 'wif-key');
    expectFound(`key: ${commas.replace(/,/g, ', ')}`, commas.replace(/,/g, ', '), 'wif-key');
    expectClean('Keep calm, buy more coins, sell nothing, wait for the market');
  });

  it('does not flag WIF-shaped strings whose checksum fails, nor other versions', () => {
    for (let i = 0; i < 20; i++) {
      const w = wif(randomBytes(32), i % 2 === 0);
      const bad = corrupt(w, 10 + i);
      expect(bad).not.toBe(w);
      expectClean(bad);
    }
    // Valid Base58Check of the right shape and first letter, but another version byte.
    const other = wif(randomBytes(32), true, 0x81);
    expect(other).toMatch(/^[KL5]/);
    expect(other.length === 51 || other.length === 52).toBe(true);
    expectClean(other);
  });
});

describe('extended private keys', () => {
  it('finds generated xprv and tprv keys', () => {
    for (let i = 0; i < 10; i++) {
      const chain = randomBytes(32);
      const key = concat([0], randomBytes(32));
      const xprv = extendedKey(XPRV_VERSION, chain, key);
      const tprv = extendedKey(TPRV_VERSION, chain, key);
      expect(xprv).toMatch(/^xprv/);
      expect(xprv).toHaveLength(111);
      expect(tprv).toMatch(/^tprv/);
      expect(findSecrets(xprv)).toEqual([{ kind: 'extended-private-key', start: 0, end: 111 }]);
      expectFound(`account key ${xprv} from my backup`, xprv, 'extended-private-key');
      expectFound(tprv, tprv, 'extended-private-key');
    }
  });

  it('finds the BIP32 test vector and a corrupted copy of it (checksum not required)', () => {
    const vector =
      'xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi';
    expectFound(vector, vector, 'extended-private-key');
    const bad = corrupt(vector, 50);
    expect(() => b58c.decode(bad)).toThrow();
    expectFound(bad, bad, 'extended-private-key');
    expectFound(`zprv${vector.slice(4)}`, `zprv${vector.slice(4)}`, 'extended-private-key');
  });

  it('does not flag extended public keys', () => {
    const xpub = extendedKey(XPUB_VERSION, randomBytes(32), concat([0x02], randomBytes(32)));
    expect(xpub).toMatch(/^xpub/);
    expectClean(xpub);
  });
});

// ---------------------------------------------------------------------------
// Ed25519 keys (Solana, WireGuard, Tendermint) and WIF keys in groups
// ---------------------------------------------------------------------------

/** An Ed25519 keypair as Solana holds it (32 secret bytes, then the public key), made by Node's crypto and read through JWK. */
function ed25519Keypair(): { secret: Uint8Array; publicKey: Uint8Array; keypair: Uint8Array; sign: (message: string) => Uint8Array } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const secret = new Uint8Array(Buffer.from(privateKey.export({ format: 'jwk' }).d!, 'base64url'));
  const pub = new Uint8Array(Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url'));
  return { secret, publicKey: pub, keypair: concat(secret, pub), sign: (message) => new Uint8Array(edSign(null, Buffer.from(message), privateKey)) };
}

/** A keypair whose public key, read as a little-endian number, is below Ed25519's group order, as a signature's second half is (1 in 16). */
function keypairShapedLikeASignature(): ReturnType<typeof ed25519Keypair> {
  for (;;) {
    const k = ed25519Keypair();
    if (k.publicKey[31]! < 0x10) return k;
  }
}

describe('Ed25519 keys in Base58, Base64 and as a list of bytes (QA: hostile review)', () => {
  it('finds a Tezos secret key (edsk, spsk, p2sk), checked by its checksum, and leaves public keys and broken copies alone', () => {
    const b58check = createBase58check(sha256);
    const tezos = (prefix: number[], bytes: number) => b58check.encode(Uint8Array.from([...prefix, ...randomBytes(bytes)]));
    const keys = [tezos([13, 15, 58, 7], 32), tezos([43, 246, 78, 7], 64), tezos([17, 162, 224, 201], 32), tezos([16, 81, 238, 189], 32)];
    expect(keys.map((k) => k.slice(0, 4))).toEqual(['edsk', 'edsk', 'spsk', 'p2sk']);
    for (const key of keys) expectFound(`my tezos key: ${key} thanks`, key, 'private-key');
    // A public key, and a key with one character changed (its checksum fails), are no secret.
    const edpk = tezos([13, 15, 37, 217], 32);
    expect(edpk.startsWith('edpk')).toBe(true);
    expectClean(`baker public key ${edpk}`);
    const broken = keys[0]!.slice(0, 20) + (keys[0]![20] === 'a' ? 'b' : 'a') + keys[0]!.slice(21);
    expect(findSecrets(`key ${broken}`).filter((f) => f.kind === 'private-key')).toEqual([]);
  });

  it('finds a Solana key file (a JSON list of 64 bytes), on one line, spread over lines or as Node prints it, and leaves other lists alone', () => {
    const { keypair } = ed25519Keypair();
    const bytes = [...keypair];
    const json = JSON.stringify(bytes);
    expectFound(json, json, 'private-key');
    expectFound(`cat ~/.config/solana/id.json\n${json}\nis this safe?`, json, 'private-key');
    const pretty = `[\n  ${bytes.join(',\n  ')}\n]`;
    expectFound(pretty, pretty, 'private-key');
    const printed = `[\n  ${bytes.join(', ')}\n]`;
    expectFound(`Uint8Array(64) ${printed}`, printed, 'private-key');
    // Wherever the question expects numbers or a TxID, a key file is still one.
    expectFound(json, json, 'private-key', { numbersExpected: true, allowHex64: true });
    // 63 or 65 numbers, a number above 255, short lists: no key file.
    const fixed = Array.from({ length: 65 }, (_, i) => (i * 37 + 11) % 256);
    expectClean(JSON.stringify(fixed.slice(0, 63)));
    expectClean(JSON.stringify(fixed));
    expectClean(JSON.stringify([...fixed.slice(0, 63), 256]));
    expectClean('amounts [100, 250, 75] and ids [3, 4]');
  });

  it('finds a keypair in Base58 as Phantom and Solflare export it, and leaves signatures (Solana transaction ids) and addresses alone', () => {
    for (let i = 0; i < 10; i++) {
      const k = ed25519Keypair();
      const b58 = base58.encode(k.keypair);
      expect(b58.length).toBeGreaterThanOrEqual(86);
      expectFound(b58, b58, 'private-key');
      expectFound(`phantom export: ${b58} ok?`, b58, 'private-key');
      // A keypair is no signature even where a transaction id is expected.
      expectFound(b58, b58, 'private-key', { allowHex64: true });
      const signature = base58.encode(k.sign(`transfer ${i}`));
      expectClean(signature);
      expectClean(`my transfer ${signature} failed, why?`);
      expectClean(`https://solscan.io/tx/${signature}`);
      expectClean(signature, { allowHex64: true });
      expectClean(`send to ${base58.encode(k.publicKey)} please`);
    }
    // A keypair whose second half could be a signature's is told by its public key (about 1 in 16 keypairs).
    for (let i = 0; i < 3; i++) {
      const b58 = base58.encode(keypairShapedLikeASignature().keypair);
      expectFound(`${b58}`, b58, 'private-key');
    }
    // Called a private key, a string of this shape is refused whatever it is.
    const signature = base58.encode(ed25519Keypair().sign('x'));
    expectFound(`private key: ${signature}`, signature, 'private-key');
    for (const address of ['11111111111111111111111111111111', 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA', '7xKXtg2CW87d97TXJSDpbD5jBkheTqA83TZRuJosgAsU']) expectClean(address);
  });

  it('finds 32- and 64-byte keys in Base64 unless a public key, a transaction or a hash is named, and leaves digests alone', () => {
    const k = ed25519Keypair();
    const secret = base64.encode(k.secret);
    const pub = base64.encode(k.publicKey);
    expect(secret).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expectFound(secret, secret, 'private-key');
    expectFound(`[Interface]\nPrivateKey = ${secret}\nAddress = 10.0.0.2/32`, secret, 'private-key');
    expectFound(`private key: ${secret}`, secret, 'private-key', { allowHex64: true });
    expectClean(`[Peer]\nPublicKey = ${pub}\nEndpoint = 203.0.113.1:51820`);
    expectClean(`tx hash ${pub} still pending`);
    expectClean(secret, { allowHex64: true });
    // Tendermint's priv_validator_key.json holds the 64-byte keypair; a signature in Base64 passes.
    const keypair = base64.encode(k.keypair);
    expectFound(`"priv_key": {"type": "tendermint/PrivKeyEd25519", "value": "${keypair}"}`, keypair, 'private-key');
    expectClean(`signature ${base64.encode(k.sign('vote'))}`);
    // Subresource and lock-file digests are Base64 of 32 or 64 bytes after their algorithm's name.
    expectClean(`integrity="sha256-${base64.encode(sha256(new Uint8Array(3)))}"`);
    expectClean(`"integrity": "sha512-${base64.encode(concat(sha256(new Uint8Array(1)), sha256(new Uint8Array(2))))}"`);
    // What was left alone before still is: UUIDs, IPv6 addresses, a TxID where one is expected.
    expectClean(`request 550e8400-e29b-41d4-a716-446655440000 from 2001:db8::1 failed, tx ${bytesToHex(randomBytes(32))}`, { allowHex64: true });
  });
});

describe('WIF keys written in groups (QA: hostile review)', () => {
  const separators = [' ', '  ', '-', ' - ', '\n', '\t', '\u2013'];
  const grouped = (key: string, size: number, sep: string) => key.match(new RegExp(`.{1,${size}}`, 'g'))!.join(sep);

  it('finds a WIF key copied in groups of three to thirteen, joined by spaces, dashes, tabs or lines, alone or in a sentence', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.boolean(), fc.constantFrom(0x80, 0xef), fc.integer({ min: 3, max: 26 }), fc.constantFrom(...separators), (key, compressed, version, size, sep) => {
        const written = grouped(wif(key, compressed, version), size, sep);
        expectFound(written, written, 'wif-key');
        expectFound(`my paper backup says ${written} thanks`, written, 'wif-key');
      }),
      { seed: 20261124, numRuns: 200 },
    );
    const example = 'KwDiBf89QgGbjEhKnhXJuH7LrciVrZi3qYjgd9M7rFU73sVHnoWn';
    expect(findSecrets(`WIF: ${grouped(example, 4, ' ')}`)).toEqual([{ kind: 'wif-key', start: 5, end: 5 + 64 }]);
  });

  it('leaves alone groups whose checksum fails, other versions, addresses in groups and sentences (and still finds the key)', () => {
    for (let i = 0; i < 20; i++) {
      const key = wif(randomBytes(32), i % 2 === 0);
      expectFound(grouped(key, 4, ' '), grouped(key, 4, ' '), 'wif-key');
      expectClean(grouped(corrupt(key, 10 + i), 4, ' '));
      expectClean(grouped(wif(randomBytes(32), true, 0x81), 4, '-'));
      expectClean(grouped(b58c.encode(concat([0x00], randomBytes(20))), 4, ' '));
    }
    // A group ending in a digit and "PW" is no password label (a run of the test above found "…T6PW EH2f…" as one).
    expectClean('KwPX T6PW EH2f QhUP HiyB AKnE wguT eDXY wTTV W2hj bwF8 i69u H3xe');
    for (const text of [
      'can you check my transfer, it has been pending since yesterday morning and support says wait',
      'Kindly send the bank statement again because the transfer to my account never arrived yet',
      'LTC sent to my Binance deposit address 3 days ago, still not credited, what can I do now?',
    ]) {
      expectClean(text);
    }
  });
});

// ---------------------------------------------------------------------------
// Card numbers
// ---------------------------------------------------------------------------

describe('passwords written as data (QA: red-team review)', () => {
  it('finds the password of a web address and a password key of JSON or a dict, quoted', () => {
    expectFound('https://alice:Hunter2024!@example.com', 'Hunter2024!', 'password');
    expectFound('ftp://bob:s3cret-pw@files.example.org/x', 's3cret-pw', 'password', { numbersExpected: true });
    expectFound('{"user":"alice","password":"Hunter2024!"}', 'Hunter2024!', 'password', { numbersExpected: true });
    expectFound("{'password': 'abc12345'}", 'abc12345', 'password');
  });

  it('leaves addresses without a password and JSON without one alone', () => {
    for (const text of ['https://example.com/path?x=1', 'https://user@example.com', 'see https://example.com:8443/x@y', 'mailto:a@b.com', '"password": "********"', '"password":"required"']) {
      expect(findSecrets(text), text).toEqual([]);
    }
  });
});

describe('card security codes (QA: red-team review)', () => {
  it('finds three or four digits named as the code on the back of a card, in English and Chinese, where numbers are expected too', () => {
    for (const [text, code] of [
      ['CVV 123', '123'],
      ['CVV2: 123', '123'],
      ['cvc 4821', '4821'],
      ['the CVV is 123', '123'],
      ['card security code is 123', '123'],
      ['error CVV 123 not accepted', '123'],
      ['安全码 123', '123'],
      ['安全码是123', '123'],
      ['卡背面3位数 456', '456'],
    ] as const) {
      expectFound(text, code, 'card-security-code');
      expectFound(text, code, 'card-security-code', { numbersExpected: true });
    }
  });

  it('leaves the label alone without its code, and other numbers near it', () => {
    for (const text of ['CVV check failed', 'cvv field was empty, error 400', 'CVC mismatch (code 123)', 'the card verification value failed', 'CVV 123.45', 'cvv 12345', 'Enter the CVV (3 digits on the back) at checkout.']) {
      expect(findSecrets(text, { numbersExpected: true }).filter((f) => f.kind === 'card-security-code'), text).toEqual([]);
    }
  });
});

describe('card numbers', () => {
  it('finds a card written with wide gaps, dashes of any kind, underscores or bars (hostile review)', () => {
    for (const written of ['4111,1111,1111,1111', '4111    1111    1111    1111', '4111 \u2013 1111 \u2013 1111 \u2013 1111', '4111_1111_1111_1111', '4111|1111|1111|1111', '5555\u20145555\u20145555\u20144444', '4111 1111-1111.1111', '4111-1111 1111,1111']) {
      expectFound(`card ${written} please`, written, 'card-number');
    }
  });

  it('finds the classic test numbers, grouped or not', () => {
    const numbers = [
      '4111 1111 1111 1111',
      '5555-5555-5555-4444',
      '378282246310005',
      '3782 822463 10005',
      '6011 1111 1111 1117',
      '3530111333300000',
      '6200000000000005',
      '2223003122003222',
      '4111111111111111',
    ];
    for (const n of numbers) {
      expectFound(n, n, 'card-number');
      expectFound(`my card is ${n}, expiry 12/28`, n, 'card-number');
      expectFound(`卡号${n}`, n, 'card-number');
    }
    // Full-width digits as typed by a Chinese IME.
    const wide = '４１１１１１１１１１１１１１１１';
    expect(findSecrets(`卡号：${wide}`)).toEqual([{ kind: 'card-number', start: 3, end: 3 + wide.length }]);
  });

  it('finds generated Luhn-valid numbers with known issuer prefixes', () => {
    const prefixes = ['4', '51', '55', '2221', '2720', '34', '37', '6011', '65', '62', '35', '30', '36', '38'];
    fc.assert(
      fc.property(
        fc.constantFrom(...prefixes),
        fc.integer({ min: 13, max: 19 }),
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 19, maxLength: 19 }),
        fc.constantFrom('', ' ', '-'),
        (prefix, length, digits, sep) => {
          const payload = (prefix + digits.join('')).slice(0, length - 1);
          const number = payload + luhnCheckDigit(payload);
          const grouped = number.match(/.{1,4}/g)!.join(sep);
          expectFound(`pay with ${grouped} please`, grouped, 'card-number');
        },
      ),
    );
  });

  it('checks its Luhn generator against the known test numbers', () => {
    expect(luhnCheckDigit('411111111111111')).toBe('1');
    expect(luhnCheckDigit('555555555555444')).toBe('4');
    expect(luhnCheckDigit('37828224631000')).toBe('5');
  });

  it('does not flag phone numbers, Luhn failures, unknown prefixes, order numbers, timestamps, dates', () => {
    expectClean('+86 138 0013 8000');
    expectClean('call me on +86 138 0013 8000 please');
    expectClean('+1 202-555-0143');
    expectClean('+44 20 7946 0958');
    // Indonesian mobile: 13 digits, UnionPay-like prefix 62 and Luhn-valid, but after "+".
    expect(luhnCheckDigit('628123456789')).toBe('9');
    expectClean('+62 812 3456 7899');
    expectClean('+6281234567899');
    expectClean('4111 1111 1111 1112'); // Luhn fails
    expectClean('5555555555554445');
    const payload = '910000000000000'; // no issuer starts with 9
    expectClean(payload + luhnCheckDigit(payload));
    expectClean('order 20261121000123456');
    expectClean('订单号 1202611210001234');
    expectClean('1763712000000'); // Unix time in ms
    expectClean('2026-11-21 14:30');
    expectClean('12345678901234567890123'); // too long for a card
  });
});

// ---------------------------------------------------------------------------
// One-time codes
// ---------------------------------------------------------------------------

describe('one-time codes', () => {
  it('finds a labelled code read out in pairs or digit by digit, after "sms", and Google\'s G- codes (hostile review)', () => {
    for (const [text, code] of [
      ['sms code 12 34 56', '12 34 56'],
      ['验证码是 4 8 2 9 1 3', '4 8 2 9 1 3'],
      ['sms 482913', '482913'],
      ['G-482913 is your Google verification code.', 'G-482913'],
      ['2FA code: 4-8-2-9-1-3', '4-8-2-9-1-3'],
      ['驗證碼 482913', '482913'],
    ] as const) {
      expectFound(text, code, 'one-time-code');
      expectFound(text, code, 'one-time-code', { numbersExpected: true });
    }
    // Numbers in sentences stay data: unlabelled pairs, a time, a version.
    for (const text of ['I paid 12 34 56 in three parts', 'It happened at 10 30 today', 'version 1 2 3 4']) expect(findSecrets(text), text).toEqual([]);
  });

  it('finds a labelled code read out in uneven groups, as a caller splits it and an agent types it (QA: agent)', () => {
    for (const [text, code] of [
      ['OTP 4829 13', '4829 13'],
      ['sms code 4829-13', '4829-13'],
      ['2fa code is 4829 13', '4829 13'],
      ['caller read the SMS code 48 2913 to the scammer', '48 2913'],
      ['验证码 4829 13', '4829 13'],
      ['verification code 1 23456 7', '1 23456 7'],
    ] as const) {
      expectFound(text, code, 'one-time-code');
      expectFound(text, code, 'one-time-code', { numbersExpected: true });
    }
    // Unlabelled, a date, or too few or too many digits: data.
    for (const text of ['error 4829 13 at checkout', 'verification code failed on 2026-11-23', 'sent 1000 200 USDT', 'sms code 48 29', 'OTP 1234 5678 9']) {
      expect(findSecrets(text, { numbersExpected: true }), text).toEqual([]);
    }
  });

  it('finds a code that is the whole answer, or a labelled one', () => {
    const cases: [string, string][] = [
      ['123456', '123456'],
      ['  123456\n', '123456'],
      ['"654321"', '654321'],
      ['123 456', '123 456'],
      ['123-456', '123-456'],
      ['12345678', '12345678'],
      ['code: 4821', '4821'],
      ['My 2FA code is 482913', '482913'],
      ['OTP 12345', '12345'],
      ['the verification code they sent: 739201, is that ok?', '739201'],
      ['验证码：123456', '123456'],
      ['验证码是 8294', '8294'],
      ['短信验证码123456，请不要告诉别人', '123456'],
      ['code 100000', '100000'],
      ['１２３４５６', '１２３４５６'],
    ];
    for (const [text, code] of cases) expectFound(text, code, 'one-time-code');
    expect(findSecrets('code: 4821')).toEqual([{ kind: 'one-time-code', start: 6, end: 10 }]);
  });

  it('where numbers are data (an amount, a time, an error message), flags only a labelled code', () => {
    const opts = { numbersExpected: true };
    for (const text of ['123456', '123 456', '250000', '14:30 2026-11-21', 'Payment failed (code 1002)', 'error code 5004', 'E1001 card declined']) expectClean(text, opts);
    expectFound('2FA code 4321', '4321', 'one-time-code', opts);
    expectFound('验证码 1234', '1234', 'one-time-code', opts);
    expectFound('the SMS code was 739201', '739201', 'one-time-code', opts);
    expectFound('verification code: 482913', '482913', 'one-time-code', opts);
    expectFound('动态码 5820', '5820', 'one-time-code', opts);
  });

  it('does not flag amounts, years, dates, times, versions, error codes or numbers inside sentences', () => {
    for (const text of [
      '5000',
      '2026',
      '100000',
      '2500000',
      '2026-11-21',
      '21/11/2026',
      '14:30',
      '3.1415',
      '5,000.00',
      'v1.2.3',
      'I paid 5000 yuan',
      'I paid 150000 yuan yesterday and it is still pending',
      'error code 5004',
      'The app shows HTTP status code 5031 again',
      '我付了5000元',
      '错误码 100023',
      'It happened in 2026 and again in 2027',
      'the code was sent to 138 0013 8000 but never came',
      '验证码发到了 138-0013-8000 但是一直没收到',
      'OTP expired at 2026-11-21 14:30:05',
    ]) {
      expectClean(text);
    }
  });

  it('finds only the code in a sentence that also has an amount', () => {
    const text = 'I paid 5000 yuan, then the code 482913 arrived';
    expect(findSecrets(text)).toEqual([{ kind: 'one-time-code', start: 32, end: 38 }]);
    expect(redactSecrets(text)).toBe('I paid 5000 yuan, then the code [redacted one-time code] arrived');
  });
});

// ---------------------------------------------------------------------------
// Passwords
// ---------------------------------------------------------------------------

describe('written to slip past (QA: hostile review)', () => {
  it('finds a password after "is:", a comma or a dash, and a card number in thin or narrow spaces', () => {
    for (const text of ['my password is: Hunter22', 'password - Hunter22', 'password, Hunter22', 'password \u2014 Hunter22', 'pw: Hunter22!']) {
      expect(findSecrets(text).map((f) => [f.kind, text.slice(f.start, f.end)]), text).toEqual([['password', 'Hunter22'.concat(text.endsWith('!') ? '!' : '')]]);
    }
    for (const space of ['\u2009', '\u202f', '\u2002', '\u205f']) {
      const text = ['5500', '0000', '0000', '0004'].join(space);
      expect(findSecrets(text).map((f) => f.kind), JSON.stringify(space)).toEqual(['card-number']);
    }
    // Still no password: a word after the comma, a dash in a word.
    for (const text of ['I forgot my password, then reset it', 'the password-reset link expired', 'password - forgotten again']) expect(findSecrets(text), text).toEqual([]);
  });
});

describe('passwords', () => {
  it('finds a password after a label spelled otherwise: p@ssword, pass word, passwort, 密 码, 密碼 (hostile review)', () => {
    for (const text of ['p@ssword: Hunter2!', 'pass word: Hunter2!', 'passwort: Hunter2!', '密 码：abc12345', '密碼：abc12345']) expectFound(text, text.includes('abc') ? 'abc12345' : 'Hunter2!', 'password');
    expect(findSecrets('my passport number is wrong')).toEqual([]);
    // In leetspeak (QA: hostile review, left the day before): digits and signs for letters, and the short "p4ss" before "is" or ":".
    for (const text of ['p4ssw0rd: Hunter2!', 'P@55W0RD: Hunter2!', 'pa55word: Hunter2!', 'my p4ss is Hunter2!', 'pa$$: Hunter2!']) expectFound(text, 'Hunter2!', 'password');
    // Plain "pass" is a word: only a spelling no word has is a label.
    for (const text of ['pass: ABCD1234', 'I will pass 2024 exams', 'a pass for 2 people']) expect(findSecrets(text), text).toEqual([]);
  });

  it('finds a password after an arrow or in brackets right after its label (hostile review)', () => {
    expectFound('password -> Hunter2!2024', 'Hunter2!2024', 'password');
    expectFound('pw => S3cr3t!pass', 'S3cr3t!pass', 'password');
    expectFound('password(Hunter2!2024)', 'Hunter2!2024', 'password');
    // An error code in brackets is the sentence's, not a value.
    expect(findSecrets('wrong password(E1001)')).toEqual([]);
  });

  it('finds a value right after a password label, in English and Chinese, wherever numbers are expected or not', () => {
    const cases: [string, string][] = [
      ['my password is Hunter2!2024', 'Hunter2!2024'],
      ['alice pw: S3cr3t!pass', 'S3cr3t!pass'],
      ['pwd=abc12345', 'abc12345'],
      ['Password: "Tr0ub4dor&3"', 'Tr0ub4dor&3'],
      ['the passcode was 9a8b7c6d', '9a8b7c6d'],
      ['my PIN is 1234', '1234'],
      ['pw: Secret!pass', 'Secret!pass'],
      ['我的密码是 abc12345', 'abc12345'],
      ['登录密码：Abc@2024，怎么办', 'Abc@2024'],
      ['支付密码 246810', '246810'],
      ['密码abc12345', 'abc12345'],
    ];
    for (const [text, password] of cases) {
      expectFound(text, password, 'password');
      expectFound(text, password, 'password', { numbersExpected: true });
    }
  });

  it('leaves sentences that only mention a password alone', () => {
    for (const text of [
      'I forgot my password',
      'the password is wrong',
      'my password is incorrect again',
      'password reset failed',
      'Wrong password E1001',
      'Wrong password, 3 attempts left',
      'password must be 8-20 characters',
      'password: ********',
      'spinning 1234 times',
      '密码错误3次',
      '我忘记了支付密码',
      '密码已修改 2026-11-21',
      // A file named in a message is no label (QA: zh user, a directory error about /etc/passwd became a password alarm).
      '无法使用客服目录 /etc/passwd：\n  /etc/passwd:1:1: 目录文件必须是映射',
      'C:\\secrets\\passwords: 2024 backup',
    ]) {
      expectClean(text);
      expectClean(text, { numbersExpected: true });
    }
    // Beside a path, the label still counts.
    expectFound('/etc/passwd passwd: S3cr3t!2024', 'S3cr3t!2024', 'password');
    expectFound('wifi-password: Summer2024', 'Summer2024', 'password');
  });
});

describe('passwords that start with a letter ASCII lacks (QA: hostile review)', () => {
  it('finds a value that starts with a letter or a Chinese name, after its label, in English and Chinese', () => {
    const cases: [string, string][] = [
      // Accented letters were read as plain ones already (the text is read as seen); these are not.
      ['my password is Ñandú2024!', 'Ñandú2024!'],
      ['password: ümlaut99', 'ümlaut99'],
      ['password: Øresund99', 'Øresund99'],
      ['pw: Łódź2024!', 'Łódź2024!'],
      ['my password is Пётр2024', 'Пётр2024'],
      ['password: Ωmega#pass', 'Ωmega#pass'],
      ['password: abcØ2024', 'abcØ2024'],
      ['密码是：李雷2024abc', '李雷2024abc'],
      ['我的登录密码为 王芳Abc123，怎么办', '王芳Abc123'],
      ['密码是李雷2024abc请帮我看看', '李雷2024abc'],
      ['my password is 李雷2024abc', '李雷2024abc'],
      // An English label and a space, then a name glued to letters and digits.
      ['password 李雷2024abc', '李雷2024abc'],
      ['my password 王芳Abc123 does not work', '王芳Abc123'],
    ];
    for (const [text, password] of cases) {
      expectFound(text, password, 'password');
      expectFound(text, password, 'password', { numbersExpected: true });
    }
  });

  it('leaves sentences alone whose words after the label are not a password (and still finds the one that is)', () => {
    expectFound('密码是：韩梅2025xyz', '韩梅2025xyz', 'password');
    for (const text of [
      'my password is not working',
      'password: über alles',
      'my password is Ærø',
      '密码是对的但登录不了',
      '我的密码是对的，但是一直登录不了',
      '密码错误3次',
      '密码：错误3次',
      '密码是第3次输错了',
      '密碼是對的但是登入不了',
      'password – 3 attempts left',
      // After an English label and a space, Chinese words and a count, a year, a date or an error code are the sentence.
      'password 错误3次',
      'password 设置于2024年',
      'password 已过期2024',
      'password 修改于2024-11-21',
      'password 错误E1001',
      'password 重置成功v2',
    ]) {
      expectClean(text);
      expectClean(text, { numbersExpected: true });
    }
  });
});

// ---------------------------------------------------------------------------
// Things that must pass untouched
// ---------------------------------------------------------------------------

describe('near misses', () => {
  it('leaves flow answer values, ids and short words alone', () => {
    for (const v of ['ok', 'insufficient', 'record-status', 'yes', 'no', 'not-sure', 'deposit-missing', 'wallet', '']) expectClean(v);
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,12}(?:-[a-z]{1,12}){0,3}$/), (id) => {
        expect(findSecrets(id)).toEqual([]);
      }),
    );
  });

  it('leaves Bitcoin and Ethereum addresses alone', () => {
    for (let i = 0; i < 10; i++) {
      expectClean(b58c.encode(concat([0x00], randomBytes(20)))); // 1...
      expectClean(b58c.encode(concat([0x05], randomBytes(20)))); // 3...
      expectClean(bech32.encode('bc', [0, ...bech32.toWords(randomBytes(20))])); // bc1q...
      expectClean(`0x${bytesToHex(randomBytes(20))}`);
    }
    expectClean('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa');
    expectClean('3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy');
    expectClean('bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq');
    expectClean('send it to 0x742d35Cc6634C0532925a3b844Bc454e4438f44e on Ethereum');
  });

  it('leaves a TxID alone when one is expected', () => {
    const txid = bytesToHex(randomBytes(32));
    expectClean(txid, { allowHex64: true });
    expectClean(`deposit ${txid} has 3 confirmations`, { allowHex64: true });
  });
});

// ---------------------------------------------------------------------------
// Redaction and offsets
// ---------------------------------------------------------------------------

describe('redactSecrets and offsets', () => {
  it('replaces each finding and keeps the rest of the text', () => {
    const phrase = generateMnemonic(english, 128);
    const hex = bytesToHex(randomBytes(32));
    const w = wif(randomBytes(32), true);
    const text = `Agent 😀 asked for ${phrase}; and the hex ${hex}, and ${w}, and card 4111-1111-1111-1111 and code 123456. Bye`;
    const findings = findSecrets(text);
    expect(findings.map((f) => f.kind)).toEqual(['recovery-phrase', 'private-key', 'wif-key', 'card-number', 'one-time-code']);
    expect(findings.map((f) => text.slice(f.start, f.end))).toEqual([phrase, hex, w, '4111-1111-1111-1111', '123456']);
    expect(redactSecrets(text)).toBe(
      'Agent 😀 asked for [redacted recovery phrase]; and the hex [redacted private key], and [redacted WIF key], ' +
        'and card [redacted card number] and code [redacted one-time code]. Bye',
    );
  });

  it('returns sorted, non-overlapping findings inside the text, and redaction matches them (random text)', () => {
    const pieces = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc.constantFrom('4111 1111 1111 1111', 'code 123456', ' 5000 ', '验证码', ' abandon', '的 ', '\n'),
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const findings = findSecrets(text);
        let last = 0;
        for (const f of findings) {
          expect(f.start).toBeGreaterThanOrEqual(last);
          expect(f.end).toBeGreaterThan(f.start);
          expect(f.end).toBeLessThanOrEqual(text.length);
          last = f.end;
        }
        let rebuilt = '';
        let pos = 0;
        for (const f of findings) {
          rebuilt += text.slice(pos, f.start) + REDACTION_MARKERS[f.kind];
          pos = f.end;
        }
        expect(redactSecrets(text)).toBe(rebuilt + text.slice(pos));
      }),
    );
  });

  it('merges overlapping findings into one', () => {
    const words = generateMnemonic(english, 128).split(' ');
    const text = `${words.slice(0, 6).join(' ')} 4111 1111 1111 1111 ${words.slice(6).join(' ')}`;
    expect(findSecrets(text)).toEqual([{ kind: 'recovery-phrase', start: 0, end: text.length }]);
    expect(redactSecrets(text)).toBe('[redacted recovery phrase]');
  });

  it('is unchanged text when there is nothing to find', () => {
    const text = '我的提现一直没有到账，已经等了三个小时。I paid 5000 yuan on 2026-11-21, txid below.';
    expect(redactSecrets(text)).toBe(text);
  });
});

describe('secrets written the ways a script passed them on (QA: script)', () => {
  it('finds a phrase written as one word, in lower case or CamelCase', () => {
    for (let i = 0; i < 5; i++) {
      const words = generateMnemonic(english, i % 2 ? 256 : 128).split(' ');
      const glued = words.join('');
      const camel = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
      expectFound(glued, glued, 'recovery-phrase');
      expectFound(`network: ${camel}`, camel, 'recovery-phrase');
    }
    // Long words of other kinds are no phrase: a run must split wholly into twelve or more list words.
    for (const word of ['pneumonoultramicroscopicsilicovolcanoconiosis', 'abcdefghijklmnopqrstuvwxyzabcdefghijklmnop', 'thequickbrownfoxjumpsoverthelazydogagainandagain']) expectClean(word);
  });

  it('finds a private key in groups of hex digits', () => {
    const hex = bytesToHex(randomBytes(32));
    for (const size of [4, 8, 16]) {
      const grouped = hex.match(new RegExp(`.{${size}}`, 'g'))!.join(size === 4 ? '-' : ' ');
      expectFound(`key ${grouped} ok`, grouped, 'private-key');
    }
    // UUIDs and IPv6 addresses side by side are no key (review), nor groups of mixed sizes or separators.
    expectClean('request 550e8400-e29b-41d4-a716-446655440000 6ba7b810-9dad-11d1-80b4-00c04fd430c8 failed');
    expectClean('2001:0db8:85a3:0000:0000:8a2e:0370:7334 2001:0db8:85a3:0000:0000:8a2e:0370:7335');
    expectClean(`${hex.slice(0, 16)} ${hex.slice(16, 24)}-${hex.slice(24, 32)} ${hex.slice(32, 48)} ${hex.slice(48)}`);
    // 60 or 68 digits in groups are no key; a TxID where one is expected is not flagged unless labelled.
    expectClean(hex.slice(0, 60).match(/.{4}/g)!.join(' '));
    expect(findSecrets(hex.match(/.{8}/g)!.join(' '), { allowHex64: true })).toEqual([]);
    // A group ending in "2fa" is no label of the digits after it (this test failed once on such a key).
    expectClean('0518 15c2 7ef0 2a4a 7310 1d45 503e 7b6c 82fa 3197 ba14 e502 158e 16f6 89a0');
    expectFound('2FA 3197', '3197', 'one-time-code');
  });

  it('finds a card number grouped with dots or slashes', () => {
    expectFound('4111.1111.1111.1111', '4111.1111.1111.1111', 'card-number');
    expectFound('card 5555/5555/5555/4444', '5555/5555/5555/4444', 'card-number');
    // Dates and amounts written with dots and slashes are not, an amount to the wei neither (review).
    for (const text of ['2026/11/22 10:30', '1.234.567,89', 'version 20.20.2', '12.05.2026', '4.004123456789012345 ETH', '4111.111111111111']) expectClean(text);
  });
});

describe('long crafted text is screened, and the screening ends (hostile review)', () => {
  // A batch line may be 1 MB and an answers file 2 MB: each text is screened whole. How fast is the benchmark's to
  // measure; each test's own bound (30 s, against 84 s and most of a minute before) catches the old blow-ups.

  it('labels inside a password value are not each read to its end: 150 KB of "pw:pw:…" (84 s before)', () => {
    expect(findSecrets('pw:'.repeat(50_000))).toBeInstanceOf(Array);
    // A value longer than what is read of it is still redacted whole.
    const long = `password: S3cret!${'x'.repeat(400)} and more`;
    expect(redactSecrets(long)).toBe('password: [redacted password] and more');
  }, 30_000);

  it('a long run of one rare Chinese list character is read up to a limit, and reported as a phrase past it (10 s a megabyte before)', () => {
    // Every place of "号号号…" looks generated (a rare character, in no word): each cost a checksum. Past the limit, the
    // block is reported unread, as a text with more number runs than are read is reported as a number.
    const text = '号'.repeat(200_000);
    expect(findSecrets(text)).toEqual([{ kind: 'recovery-phrase', start: 0, end: text.length }]);
    // Prose is untouched by the limit: its characters form words, so its windows are never checked.
    expect(findSecrets('请先检查网络，然后重新打开应用再试一次。'.repeat(20_000))).toEqual([]);
  }, 30_000);

  it('a long run of Chinese list characters is segmented in pieces: 120,000 characters (most of a minute before)', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const text = Array.from({ length: 120_000 }, () => chinese[Math.floor(next() * 2048)]!).join('');
    expect(findSecrets(text).length).toBeGreaterThan(0);
  }, 30_000);
});
