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
  const catalogue: Record<MessageKey, string> = lang === 'zh' ? (await import('./messages-zh.js')).zh : en;
  return (key, params) => fill(catalogue[key], params);
}

/**
 * Fills the `{name}` placeholders of a template from `params`; unknown names stay
 * as written. Values come from files and input, so their control characters and
 * escape sequences are removed here, once for every message.
 */
export function fill(template: string, params?: Readonly<Record<string, string | number>>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? safeText(String(params[name])) : whole));
}

/** Joins a list the way each language does ("a, b or c" / "a、b 或 c"). */
export function orList(lang: Lang, items: readonly string[]): string {
  return new Intl.ListFormat(lang === 'zh' ? 'zh-CN' : 'en', { type: 'disjunction' }).format(items);
}

/**
 * The language to use when no flag chose one: WALLET_HELP_LANG, then the config
 * (passed in), then the locale variables, then English.
 */
export function detectLang(env: Readonly<Record<string, string | undefined>>, configured?: string): Lang {
  const fromEnv = env.WALLET_HELP_LANG;
  if (fromEnv === 'en' || fromEnv === 'zh') return fromEnv;
  if (configured === 'en' || configured === 'zh') return configured;
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value) return value.toLowerCase().startsWith('zh') ? 'zh' : 'en';
  }
  return 'en';
}
