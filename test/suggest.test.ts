/** "Did you mean …?" (src/util/suggest.ts): a typo gets the id it was meant to be; an answer never gets its opposite. */
import { describe, expect, it } from 'vitest';
import { closest } from '../src/util/suggest.js';
import { run } from './helpers.js';

describe('suggestions', () => {
  it('offer the id a typo was meant to be', () => {
    expect(closest('offlne', ['ok', 'offline', 'unstable'], 3, false)).toEqual(['offline']);
    expect(closest('ko', ['ok', 'offline'], 3, false)).toEqual(['ok']);
    expect(closest('paymnt-failed', ['payment-failed', 'fees'])).toEqual(['payment-failed']);
  });

  it('never offer an id that replaces all of what was typed: "no", "x" or 离线 is not "ok" (QA: script integrator)', () => {
    for (const typed of ['no', 'x', '0', '2', '离线', '是的']) expect(closest(typed, ['ok', 'offline', 'unstable'], 3, false), typed).toEqual([]);
  });

  it('never offer the opposite of what was typed: "unpaid" is not a typo of "paid" (QA: script integrator)', () => {
    expect(closest('unpaid', ['paid', 'not-paid'], 3, false)).toEqual([]);
    expect(closest('unshared', ['shared', 'not-shared'], 3, false)).toEqual([]);
    expect(closest('not-sure', ['sure', 'unsure'], 3, false)).toEqual([]);
    expect(closest('sure', ['not-sure'], 3, false)).toEqual([]);
  });

  it('say so in the error a script reads', async () => {
    const r = await run(['diagnose', 'payment-failed', '--network', 'no', '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).error).toMatchObject({ code: 'invalid_value', suggestions: [] });
    const scam = await run(['diagnose', 'suspicious-contact', '-a', 'request=unlock-fee', '-a', 'paid=unpaid', '--json']);
    expect(JSON.parse(scam.stdout).error.suggestions).toEqual([]);
  });
});
