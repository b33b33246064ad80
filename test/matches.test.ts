import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { matchesOf } from '../src/util/matches.js';

const shape = (ms: Iterable<RegExpMatchArray>) => [...ms].map((m) => [m.index, [...m]]);

describe('matchesOf', () => {
  // Expressions of every kind the screens use, and the awkward ones: empty matches, code points, stickiness.
  const expressions = [/\d+/g, /a*/g, /(?:)/gu, /\p{L}+/gu, /[^\p{L}\p{M}]/gu, /x|/gy, /(?<=a)b?/g, /./gu, /\p{Script=Han}|(?:(?!\p{Script=Han})[\p{L}\p{M}])+/gu];
  const texts = fc.string({ unit: fc.constantFrom('a', 'b', 'x', '1', ' ', '中', '\u{1F600}', '\u{20000}', '\ud800', 'é', '\u0301'), maxLength: 30 });

  it('gives what matchAll gives, for any text (empty matches step over a whole character where the expression reads code points)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...expressions), texts, (re, text) => {
        re.lastIndex = 0;
        const expected = shape(text.matchAll(re));
        expect(shape(matchesOf(re, text))).toEqual(expected);
        expect(re.lastIndex).toBe(0);
      }),
      { seed: 20261123, numRuns: 2000 },
    );
  });

  it('keeps its own place: a loop over the same expression inside another does not disturb it, and a loop may stop early', () => {
    const re = /\d/g;
    const pairs: string[] = [];
    for (const a of matchesOf(re, '12')) for (const b of matchesOf(re, '345')) pairs.push(a[0] + b[0]);
    expect(pairs).toEqual(['13', '14', '15', '23', '24', '25']);
    re.lastIndex = 5;
    for (const m of matchesOf(re, '678')) if (m[0] === '7') break;
    expect(re.lastIndex).toBe(5);
    expect([...matchesOf(re, '90')].map((m) => m[0])).toEqual(['9', '0']);
  });

  it('refuses an expression without the g flag, as matchAll does (exec would find the first match for ever)', () => {
    expect(() => [...matchesOf(/\d/, '1')]).toThrow(TypeError);
    expect(() => [...matchesOf(/\d/y, '1')]).toThrow(TypeError);
  });
});
