/** "Did you mean …?" suggestions for mistyped ids. */

import { orList, type Translate } from '../i18n/i18n.js';
import { ref, type ProblemParam } from '../i18n/problem-ref.js';

/**
 * Optimal string alignment distance (Levenshtein plus adjacent swaps). With a `limit`, any distance
 * above it comes back as `limit + 1`, which lets it stop as soon as no alignment can come within it.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const cols = b.length + 1;
  // Three rows of the table (the swap looks two back), reused from call to call.
  if (rows[0].length < cols) rows = [new Uint32Array(cols * 2), new Uint32Array(cols * 2), new Uint32Array(cols * 2)];
  let [before, previous, current] = rows;
  for (let j = 0; j < cols; j++) previous[j] = j;
  let previousMin = 0;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j < cols; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) v = Math.min(v, before[j - 2]! + 1);
      current[j] = v;
      if (v < rowMin) rowMin = v;
    }
    // Each cell comes from the row above (plus 0 or 1) or, by a swap, from two rows above (plus 1):
    // when both rows are past the limit, every later one is too.
    if (rowMin > limit && previousMin > limit) return limit + 1;
    previousMin = rowMin;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[b.length]!, limit + 1);
}

let rows: [Uint32Array, Uint32Array, Uint32Array] = [new Uint32Array(64), new Uint32Array(64), new Uint32Array(64)];

/**
 * The candidates closest to `input`: near in spelling, or (with `byWord`) with a
 * word (between dashes) that starts with it, that it starts with, or that is near
 * it in spelling ("withdrawl" for withdrawal-delayed: the whole id is too far away).
 * Words help with a user's guess at a name; for a typo in an id that was meant to be
 * written out in full, where many ids share a word ("fix-…"), they would only mislead.
 */
export function closest(input: string, candidates: Iterable<string>, max = 3, byWord = true): string[] {
  const needle = input.toLowerCase().slice(0, 100);
  const list = [...candidates];
  // A batch gives the same mistake line after line: each distinct one is worked out once.
  const key = JSON.stringify([needle, max, byWord, list]);
  let found = suggested.get(key);
  if (found === undefined) {
    found = closestUncached(needle, list, max, byWord);
    if (suggested.size >= SUGGESTED_LIMIT) suggested.delete(suggested.keys().next().value!);
    suggested.set(key, found);
  }
  return [...found];
}

/** Suggestions worked out, by input and candidates; the oldest go first when it is full. */
const suggested = new Map<string, readonly string[]>();
const SUGGESTED_LIMIT = 1000;

function closestUncached(needle: string, candidates: readonly string[], max: number, byWord: boolean): string[] {
  const scored: { c: string; score: number }[] = [];
  for (const c of candidates) {
    // The opposite is never offered: "unpaid" is not a typo of "paid", nor "unshared" of "shared" (QA: script integrator:
    // a bot that takes the one suggestion turned "unpaid" into "paid" in the scam flow).
    if (negates(needle, c.toLowerCase())) continue;
    // A third of the id, and fewer edits than the id has characters: two edits made "no", "x" or "离线" (offline)
    // into "ok", a whole id that shares nothing with them (QA: script integrator). "tx" is still "txid" typed short.
    const limit = Math.min(Math.max(2, Math.floor(c.length / 3)), c.length - 1);
    const dist = editDistance(needle, c, limit);
    if (dist <= limit) scored.push({ c, score: dist });
    else if (byWord && needle.length >= 3 && c.split('-').some((part) => part.startsWith(needle) || needle.startsWith(part) || (part.length >= 4 && nearWord(needle, part)))) {
      scored.push({ c, score: limit + 1 });
    }
  }
  return scored.sort((x, y) => x.score - y.score || x.c.localeCompare(y.c)).slice(0, max).map((s) => s.c);
}

/** Prefixes that turn a word into its opposite. */
const NEGATIONS = ['un', 'non-', 'non', 'not-', 'not', 'no-', 'dis', 'in'] as const;

/** Whether one of `a` and `b` is the other with a negating prefix ("unpaid" and "paid", "not-sure" and "sure"). */
function negates(a: string, b: string): boolean {
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  return NEGATIONS.some((p) => long.length === p.length + short.length && long.startsWith(p) && long.endsWith(short));
}

/** Whether `needle` is a typo of the word `part` (of an id between dashes). */
function nearWord(needle: string, part: string): boolean {
  const limit = Math.max(1, Math.floor(part.length / 4));
  return editDistance(needle, part, limit) <= limit;
}

/** The closest of `candidates` to a mistyped `input`, and the sentence offering them ("Did you mean …?"), or '' when none is close. */
export function didYouMean(t: Translate, input: string, candidates: Iterable<string>): { suggestions: string[]; hint: string } {
  const suggestions = closest(input, candidates);
  return { suggestions, hint: suggestionHint(t, suggestions) };
}

/** "Did you mean …?" for suggestions found some other way, or nothing when there are none. */
export function suggestionHint(t: Translate, suggestions: readonly string[]): string {
  return suggestions.length > 0 ? t('cli.didYouMean', { suggestion: orList(t, suggestions) }) : '';
}

/**
 * For a file problem: "; did you mean …?" when one candidate is close to the unknown `id` (a typo), else nothing.
 * Candidates are compared in lower case (a time zone typed "asia/shangai") and suggested as written.
 */
export function problemDidYouMean(id: string, candidates: Iterable<string>): ProblemParam {
  const written = new Map<string, string>();
  for (const c of candidates) written.set(c.toLowerCase(), c);
  const [suggestion] = closest(id, written.keys(), 1, false);
  return suggestion === undefined ? '' : ref('flow.didYouMean', { suggestion: written.get(suggestion)! });
}
