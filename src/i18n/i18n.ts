/** Looking up messages and choosing the language. */
import { en, type MessageKey } from './messages.js';
import type { Lang } from '../engine/types.js';
import { safeText } from '../util/safe-text.js';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/**
 * A translator for one language; `{name}` placeholders are filled from `params`.
 * The Chinese catalogue loads only when it is asked for.
 */
export async function translator(lang: Lang): Promise<Translate> {
  if (lang === 'zh') {
    const { zh } = await import('./messages-zh.js');
    return (key, params) => fill(zh[key], params, true);
  }
  return (key, params) => fill(en[key], params);
}

/**
 * Fills the `{name}` placeholders of a template from `params`; unknown names stay
 * as written. Values come from files and input, so their control characters and
 * escape sequences are removed here, once for every message.
 */
export function fill(template: string, params?: Readonly<Record<string, string | number>>, chinese = false): string {
  if (!params) return template;
  // "{files|file|files}": the first word when the count `files` is 1, the second otherwise (English nouns after a count).
  const counted = template.includes('|') ? template.replace(PLURAL, (whole, name: string, one: string, other: string) => (Object.hasOwn(params, name) ? (Number(params[name]) === 1 ? one : other) : whole)) : template;
  if (!chinese) return counted.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? safeText(String(params[name])) : whole));
  // Chinese text spaces a Latin word or a number from the characters beside it, and nothing else: a value is spaced as
  // what it turns out to be ("有效的 EOS 地址", "是我们的钱包的官方联系方式", "是 Example Wallet 的"; QA: Chinese review).
  return counted.replace(/( ?)\{(\w+)\}( ?)/g, (whole, before: string, name: string, after: string, at: number, text: string) => {
    if (!Object.hasOwn(params, name)) return whole;
    const value = safeText(String(params[name]));
    if (value === '') return `${before}${after}`;
    // A value with Latin letters, digits or a path's or a handle's marks in it ("telegram:示例钱包客服", "~/桌面/流程") keeps
    // the spaces written around it, or it would run into the words after it (review).
    const token = TOKEN_CHAR.test(value);
    return `${spaceBetween(text[at - 1], before, value[0]!, token)}${value}${spaceBetween(value.at(-1)!, after, text[at + whole.length], token)}`;
  });
}
const PLURAL = /\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g;

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const TOKEN_CHAR = /[A-Za-z0-9/:@._~\\-]/;
const LATIN_OR_DIGIT = /[A-Za-z0-9]/;
/** Wide punctuation (“”（）、，。：) beside which Chinese text puts no space. */
const WIDE_MARK = /[\u3000-\u303f\uff00-\uffef\u2018-\u201d]/;

/**
 * The space between two characters of Chinese text, one of them from a value: the template's own (`written`) unless the
 * two are Chinese (or wide punctuation) on both sides and the value is words, not a `token` (a handle, a path), where
 * none belongs; one added between Chinese and a Latin letter or
 * digit. At the start or end of the text, as written.
 */
function spaceBetween(left: string | undefined, written: string, right: string | undefined, token: boolean): string {
  if (left === undefined || right === undefined) return written;
  const wide = (c: string) => HAN.test(c) || WIDE_MARK.test(c);
  if (written === ' ') return !token && wide(left) && wide(right) ? '' : ' ';
  if ((HAN.test(left) && LATIN_OR_DIGIT.test(right)) || (LATIN_OR_DIGIT.test(left) && HAN.test(right))) return ' ';
  // A token's path or handle marks beside Chinese ("由/etc/config.json 中"): spaced as a Latin word is. Other marks beside
  // Chinese are not (the dash of "显示什么状态？——已完成…（TxID）"; QA: interactive review).
  return token && !/\s/.test(left + right) && ((HAN.test(left) && TOKEN_CHAR.test(right)) || (TOKEN_CHAR.test(left) && HAN.test(right))) ? ' ' : '';
}

/** A list the way the language writes it ("a, b, c" / "a、b、c"): one separator, no Intl object to build. */
export function listOf(t: Translate, items: readonly string[]): string {
  return items.join(t('list.separator'));
}

/** A name with what it means beside it ("sufficient (Enough money)" / "sufficient（余额充足）"). */
export function withAside(t: Translate, text: string, aside: string): string {
  return t('summary.aside', { text, aside });
}

/** Sentences written one after another: a space between them in English, none in Chinese. */
export function sentences(t: Translate, ...parts: readonly string[]): string {
  return parts.filter((p) => p !== '').join(t('sentence.separator'));
}

/** Things together the way the language writes them ("a, b and c" / "a、b和c", "memo 和 confirmations"). */
export function andList(t: Translate, items: readonly string[]): string {
  if (items.length < 2) return items.join('');
  return joinedBy(listOf(t, items.slice(0, -1)), t('list.and'), items.at(-1)!);
}

/** Alternatives the way the language writes them ("a, b or c" / "甲、乙或丙", "ok 或 offline"). */
export function orList(t: Translate, items: readonly string[]): string {
  if (items.length < 2) return items.join('');
  return joinedBy(listOf(t, items.slice(0, -1)), t('list.or'), items.at(-1)!);
}

/**
 * Two parts joined by a word. An English word comes with its spaces; a Chinese one ("和", "或") is spaced from a
 * Latin letter or digit beside it, as Chinese text spaces Latin words, and from nothing else: "memo 和 confirmations",
 * "账户被锁定和忘记密码", "suspicious-contact（有人自称客服）或 contact-support" (QA: zh user).
 */
function joinedBy(left: string, word: string, right: string): string {
  const bare = word.trim();
  if (/[A-Za-z]/.test(bare)) return `${left}${word}${right}`;
  // The characters a reader sees beside the word: colour codes around a part are not text.
  const seen = (text: string) => safeText(text);
  const space = (c: string | undefined) => (c !== undefined && /[A-Za-z0-9]/.test(c) ? ' ' : '');
  return `${left}${space(seen(left).at(-1))}${bare}${space(seen(right)[0])}${right}`;
}

/** The language a tag names: "zh", "zh-CN", "zh_CN.UTF-8", "en-GB", in any case; undefined for any other. */
export function langOf(tag: string): Lang | undefined {
  const m = /^(en|zh)(?:[-_.@][a-z0-9]|$)/i.exec(tag.trim());
  return m ? (m[1]!.toLowerCase() as Lang) : undefined;
}

/** Names people give a language that are not its tag, in any case. */
const LANG_NAMES: Readonly<Record<string, Lang>> = {
  chinese: 'zh', cn: 'zh', chs: 'zh', 中文: 'zh', 汉语: 'zh', 简体中文: 'zh', 中文简体: 'zh',
  english: 'en', eng: 'en', 英文: 'en', 英语: 'en',
};

/** The language a refused tag most likely means ("chinese", "cn", "中文": zh), for a "did you mean"; none for other words. */
export function meantLang(tag: string): Lang[] {
  const name = tag.trim().toLowerCase();
  return Object.hasOwn(LANG_NAMES, name) ? [LANG_NAMES[name]!] : [];
}

/**
 * The language to use when no flag chose one: WALLET_HELP_LANG, then the config
 * (passed in), then the locale variables, then English.
 */
export function detectLang(env: Readonly<Record<string, string | undefined>>, configured?: string): Lang {
  const fromEnv = env.WALLET_HELP_LANG === undefined ? undefined : langOf(env.WALLET_HELP_LANG);
  if (fromEnv) return fromEnv;
  if (configured === 'en' || configured === 'zh') return configured;
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value) return value.toLowerCase().startsWith('zh') ? 'zh' : 'en';
  }
  return 'en';
}
