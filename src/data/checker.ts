/**
 * Small helpers for validating untrusted parsed data against our formats while
 * collecting every problem with its position (instead of stopping at the first).
 */
import type { LocatedValue, PathKey, Problem } from './located-yaml.js';
import { LANGS, type Localized } from '../engine/types.js';
import { clip } from '../util/safe-text.js';

export type Obj = Record<string, unknown>;

/** Collects problems for one file. */
export class Checker {
  readonly problems: Problem[] = [];
  constructor(readonly doc: LocatedValue) {}

  report(path: readonly PathKey[], message: string, which: 'key' | 'value' = 'value'): void {
    this.problems.push(this.doc.problem(path, message, which));
  }

  /** A mapping with only the allowed keys; `required` keys must be present. */
  object(value: unknown, path: readonly PathKey[], what: string, allowed: readonly string[], required: readonly string[]): Obj | undefined {
    if (!isPlainObject(value)) {
      this.report(path, `${what} must be a mapping (key: value pairs), not ${describe(value)}`);
      return undefined;
    }
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) {
        this.report([...path, key], `unknown key "${key}" in ${what}; allowed keys: ${allowed.join(', ')}`, 'key');
      }
    }
    for (const key of required) {
      if (!Object.hasOwn(value, key)) this.report(path, `${what} is missing "${key}"`);
    }
    return value;
  }

  /** A mapping whose keys are names chosen by the author (ids); values are checked by the caller. */
  map(value: unknown, path: readonly PathKey[], what: string): Obj | undefined {
    if (!isPlainObject(value)) {
      this.report(path, `${what} must be a mapping (key: value pairs), not ${describe(value)}`);
      return undefined;
    }
    return value;
  }

  string(value: unknown, path: readonly PathKey[], what: string): string | undefined {
    if (typeof value !== 'string' || value.trim() === '') {
      this.report(path, `${what} must be a non-empty text, not ${describe(value)}`);
      return undefined;
    }
    return value;
  }

  /** An identifier: lowercase letters, digits and dashes, as used in flags and JSON. */
  id(value: unknown, path: readonly PathKey[], what: string, which: 'key' | 'value' = 'value'): string | undefined {
    const s = this.string(value, path, what);
    if (s === undefined) return undefined;
    if (!ID_PATTERN.test(s)) {
      this.report(path, `${what} "${clip(s, 40)}" must use lowercase letters, digits and single dashes (like "record-status")`, which);
      return undefined;
    }
    return s;
  }

  oneOf<T extends string>(value: unknown, path: readonly PathKey[], what: string, allowed: readonly T[]): T | undefined {
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      this.report(path, `${what} must be one of ${allowed.join(', ')}, not ${describe(value)}`);
      return undefined;
    }
    return value as T;
  }

  integer(value: unknown, path: readonly PathKey[], what: string, min: number): number | undefined {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
      this.report(path, `${what} must be a whole number of at least ${min}, not ${describe(value)}`);
      return undefined;
    }
    return value;
  }

  array(value: unknown, path: readonly PathKey[], what: string, minItems: number): unknown[] | undefined {
    if (!Array.isArray(value)) {
      this.report(path, `${what} must be a list, not ${describe(value)}`);
      return undefined;
    }
    if (value.length < minItems) {
      this.report(path, `${what} needs at least ${minItems} ${minItems === 1 ? 'entry' : 'entries'}`);
    }
    return value;
  }

  /** A text given in every language (`en:` and `zh:`). */
  localized(value: unknown, path: readonly PathKey[], what: string): Localized | undefined {
    const obj = this.object(value, path, what, LANGS, []);
    if (!obj) return undefined;
    let ok = true;
    for (const lang of LANGS) {
      if (!Object.hasOwn(obj, lang)) {
        this.report(path, `${what} is missing its ${LANG_NAMES[lang]} text ("${lang}:")`);
        ok = false;
      } else if (this.string(obj[lang], [...path, lang], `${what} (${lang})`) === undefined) ok = false;
    }
    return ok ? (obj as Localized) : undefined;
  }
}

const LANG_NAMES = { en: 'English', zh: 'Chinese' } as const;

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isPlainObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Names the type of a wrong value for error messages, without echoing long content. */
export function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return value.trim() === '' ? 'an empty text' : `the text "${clip(value, 40)}"`;
  return `${typeof value === 'number' ? 'the number' : 'the value'} ${String(value)}`;
}
