/** "Did you mean …?" suggestions for mistyped ids. */

import { orList, type Translate } from '../i18n/i18n.js';
import { ref, type ProblemParam } from '../i18n/problem-ref.js';

/** Optimal string alignment distance (Levenshtein plus adjacent swaps). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The candidates closest to `input`: near in spelling, or (with `byWord`) with a
 * word (between dashes) that starts with it, that it starts with, or that is near
 * it in spelling ("withdrawl" for withdrawal-delayed: the whole id is too far away).
 * Words help with a user's guess at a name; for a typo in an id that was meant to be
 * written out in full, where many ids share a word ("fix-…"), they would only mislead.
 */
export function closest(input: string, candidates: Iterable<string>, max = 3, byWord = true): string[] {
  const needle = input.toLowerCase().slice(0, 100);
  const scored: { c: string; score: number }[] = [];
  for (const c of candidates) {
    const dist = editDistance(needle, c);
    const limit = Math.max(2, Math.floor(c.length / 3));
    if (dist <= limit) scored.push({ c, score: dist });
    else if (byWord && needle.length >= 3 && c.split('-').some((part) => part.startsWith(needle) || needle.startsWith(part) || (part.length >= 4 && editDistance(needle, part) <= Math.max(1, Math.floor(part.length / 4))))) {
      scored.push({ c, score: limit + 1 });
    }
  }
  return scored.sort((x, y) => x.score - y.score || x.c.localeCompare(y.c)).slice(0, max).map((s) => s.c);
}

/** The closest of `candidates` to a mistyped `input`, and the sentence offering them ("Did you mean …?"), or '' when none is close. */
export function didYouMean(t: Translate, input: string, candidates: Iterable<string>): { suggestions: string[]; hint: string } {
  const suggestions = closest(input, candidates);
  return { suggestions, hint: suggestions.length > 0 ? t('cli.didYouMean', { suggestion: orList(t, suggestions) }) : '' };
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
