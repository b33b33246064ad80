/**
 * References to problem messages, kept apart from the catalogues so that code on
 * the start-up path (reading the settings file) can name a problem without
 * loading every message: the words are looked up only when it is reported.
 */
import type { ProblemKey } from './problems.js';

/** A message not yet put into words: translated in the language of whoever reports it. */
export interface ProblemRef {
  readonly key: ProblemKey;
  readonly params?: ProblemParams;
}

/** A list of values, joined the way the language does ("a, b" / "a、b"). */
export interface ProblemList {
  readonly list: readonly string[];
}

export type ProblemParam = string | number | ProblemRef | ProblemList;
export type ProblemParams = Readonly<Record<string, ProblemParam>>;

/** Shorthand for a message reference. */
export function ref(key: ProblemKey, params?: ProblemParams): ProblemRef {
  return params ? { key, params } : { key };
}

/** Shorthand for a list parameter. */
export function list(items: readonly string[]): ProblemList {
  return { list: items };
}
