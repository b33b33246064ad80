/**
 * What a bad batch line costs, counted in work rather than time: a script that sends the
 * same mistake on every line (QA: 20,000 lines of {"flow":"nope"} took 17 s, good lines 0.8 s)
 * gets its suggestions worked out and its error screened once, not once a line.
 */
import { describe, expect, it, vi } from 'vitest';
import { UsageError } from '../src/errors.js';
import { editDistance } from '../src/util/suggest.js';
import { bundledFlows, run } from './helpers.js';

const counts = vi.hoisted(() => ({ scans: 0, distances: 0 }));

vi.mock('../src/safety/secrets.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/safety/secrets.js')>();
  return {
    ...actual,
    findSecrets: (...args: Parameters<typeof actual.findSecrets>) => {
      counts.scans++;
      return actual.findSecrets(...args);
    },
  };
});

/** Optimal string alignment distance, written plainly: what editDistance must agree with. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

describe('bad batch lines are cheap', () => {
  it('screens a mistake repeated on every line once, and answers every line alike', async () => {
    const mistakes = ['{"flow":"nope"}', '{"flow":"payment-failed","answers":{"netwrk":"offline"}}', '{"flow":"payment-failed","answers":{"network":"maybe"}}', '{"flow":"payment-failed","answers":{"network":"ok"}}'];
    const input = Array.from({ length: 400 }, (_, i) => mistakes[i % mistakes.length]!.replace('{', `{"id":${i},`));
    // Loading the flows screens their texts: counted from after that.
    await bundledFlows();
    counts.scans = 0;
    const r = await run(['diagnose', '--batch', '-'], { stdin: `${input.join('\n')}\n` });
    expect(r.code).toBe(1);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => o.error.code)).toEqual(input.map((_, i) => ['unknown_flow', 'unknown_question', 'invalid_value', 'missing_answer'][i % 4]));
    out.forEach((o, i) => {
      expect(o.id).toBe(i);
      expect(o.line).toBe(i + 1);
      // The same error, word for word, on every line that makes the same mistake.
      expect(o.error).toEqual(out[i % 4].error);
    });
    expect(out[0].error).toMatchObject({ flow: 'nope' });
    expect(out[1].error).toMatchObject({ suggestions: ['network'] });
    // Each distinct mistake: its unknown input, its message and its details, each once (was 3 to 4 scans a line: 1,300 here).
    expect(counts.scans).toBeLessThanOrEqual(4 * 3);
  });

  it('builds a usage error without a stack, since none is ever shown', () => {
    const err = new UsageError('invalid_value', 'A sentence for the user.');
    expect(err.stack).toBe('UsageError: A sentence for the user.');
    expect(err).toMatchObject({ code: 'invalid_value', exitCode: 2, details: {} });
    // Other errors keep theirs.
    expect(new Error('bug').stack).toContain('\n    at ');
  });

  it('agrees with the plain edit distance, and with a limit stops at limit + 1', () => {
    const words = ['', 'a', 'ab', 'ba', 'nope', 'fees', 'network', 'netwrok', 'ntework', 'payment-failed', 'paymnet-faild', 'account-compromised', '支付失败', 'withdrawl', 'withdrawal-delayed'];
    for (const a of words) {
      for (const b of words) {
        const exact = reference(a, b);
        expect(editDistance(a, b), `${a} ${b}`).toBe(exact);
        for (const limit of [0, 1, 2, 3, 5]) expect(editDistance(a, b, limit), `${a} ${b} ${limit}`).toBe(Math.min(exact, limit + 1));
      }
    }
  });
});
