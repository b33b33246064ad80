/** The compiled bundled flows: an index read at once, each flow read when it is first used. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FLOW_INDEX, flowFileName, flowIndex, flowInLanguage, flowSummaries, loadBundledFlows, withOperatorFolders } from '../src/flows/catalog.js';
import { resolve } from '../src/engine/engine.js';
import { toResult } from '../src/engine/result.js';
import { LANGS, type Lang } from '../src/engine/types.js';
import { WalletHelpError } from '../src/errors.js';
import { translator } from '../src/i18n/i18n.js';
import { bundledFlows } from './helpers.js';

/** A compiled-flows folder: real flows for `good`, a broken file for each id in `broken`. */
async function compiled(good: string[], broken: string[]): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'wallet-help-compiled-'));
  const flows = await bundledFlows();
  const summary = (id: string) => flowIndex(flows.filter((f) => f.id === id))[0] ?? { id, title: { en: id, zh: id }, description: { en: id, zh: id } };
  writeFileSync(join(dir, FLOW_INDEX), JSON.stringify([...broken, ...good].map(summary)));
  for (const id of good) writeFileSync(join(dir, `${id}.json`), JSON.stringify(flows.find((f) => f.id === id)));
  for (const id of broken) writeFileSync(join(dir, `${id}.json`), '{ not json');
  return dir;
}

describe('the compiled bundled flows', () => {
  it('give the problem menu from the index alone: no flow file is read for it, bundled or in menu order', async () => {
    const t = await translator('en');
    // Every flow file is broken: the menu must not need any of them.
    const flows = await loadBundledFlows(t, await compiled([], ['fees', 'payment-failed', 'login-failed']));
    const summaries = flowSummaries(flows);
    expect(summaries.map((s) => s.id)).toEqual(['fees', 'payment-failed', 'login-failed']);
    const catalog = await withOperatorFolders(flows, []);
    expect(flowSummaries(catalog.flows).map((s) => s.id)).toEqual(['payment-failed', 'login-failed', 'fees']);
    expect(flowSummaries(catalog.flows)[0]?.title.en).toBe('Payment or transfer failed');
    expect(() => catalog.flows.get('fees')).toThrow(WalletHelpError);
  });

  it('summarise the real bundled flows with their titles and descriptions in both languages', async () => {
    const t = await translator('en');
    const real = await bundledFlows();
    const menu = flowSummaries((await withOperatorFolders(await loadBundledFlows(t), [])).flows);
    expect(menu[0]?.id).toBe('payment-failed');
    for (const s of menu) {
      const flow = real.find((f) => f.id === s.id)!;
      expect(s).toEqual({ id: flow.id, title: flow.title, description: flow.description });
    }
    expect(menu).toHaveLength(real.length);
  });

  it('read a flow only when it is used: a broken file of another flow does not matter', async () => {
    const t = await translator('en');
    const flows = await loadBundledFlows(t, await compiled(['payment-failed', 'fees'], ['login-failed']));
    expect([...flows.keys()]).toEqual(['login-failed', 'payment-failed', 'fees']);
    expect(flows.size).toBe(3);
    expect(flows.has('fees')).toBe(true);
    expect(flows.get('payment-failed')?.id).toBe('payment-failed');
    expect(flows.get('no-such-flow')).toBeUndefined();
  });

  it('report a damaged installation as an internal error naming the file', async () => {
    const t = await translator('en');
    const dir = await compiled(['fees'], ['login-failed']);
    const flows = await loadBundledFlows(t, dir);
    let error: unknown;
    try {
      for (const flow of flows.values()) expect(flow.id).toBe('fees');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(WalletHelpError);
    expect((error as WalletHelpError).code).toBe('flows_missing');
    expect((error as WalletHelpError).message).toContain(join(dir, 'login-failed.json'));
    // What to do in both places it happens: a copy of the sources, and an installed copy, where no build runs (QA: library review).
    expect((error as WalletHelpError).message).toContain('In a copy of the sources, run "npm run build" in its folder; an installed copy is damaged: install wallet-help again.');
    await expect(loadBundledFlows(t, join(dir, 'missing'))).rejects.toMatchObject({ code: 'flows_missing' });
  });

  it('come in menu order, without reading any flow until one is asked for', async () => {
    const t = await translator('en');
    const flows = await loadBundledFlows(t, await compiled(['fees', 'payment-failed'], ['complaint']));
    const catalog = await withOperatorFolders(flows, []);
    expect([...catalog.flows.keys()]).toEqual(['payment-failed', 'fees', 'complaint']);
    expect(catalog.flows.get('fees')?.id).toBe('fees');
    expect(() => catalog.entries).toThrow(WalletHelpError);
  });
});

/** `value` with the `lang` text taken out of every object that holds a text per language (keys exactly en and zh). */
function withoutLanguage(value: unknown, lang: Lang): unknown {
  if (Array.isArray(value)) return value.map((v) => withoutLanguage(v, lang));
  if (typeof value !== 'object' || value === null) return value;
  const keys = Object.keys(value).sort();
  if (keys.join() === [...LANGS].sort().join()) return Object.fromEntries(Object.entries(value).filter(([k]) => k !== lang));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutLanguage(v, lang)]));
}

describe('a bundled flow in one language (what a run reads)', () => {
  it('is the flow with every text of the other language taken out, and diagnoses the same', async () => {
    for (const flow of await bundledFlows()) {
      for (const lang of LANGS) {
        const other = LANGS.find((l) => l !== lang)!;
        const one = flowInLanguage(flow, lang);
        expect(JSON.stringify(one)).not.toContain(`"${other}":`);
        expect(JSON.parse(JSON.stringify(one))).toEqual(withoutLanguage(JSON.parse(JSON.stringify(flow)), other));
        for (const test of flow.tests) {
          const full = resolve(flow, test.answers);
          const read = resolve(one, test.answers);
          expect(full.type).toBe('outcome');
          if (full.type !== 'outcome' || read.type !== 'outcome') throw new Error(`${flow.id}: ${test.name} does not end`);
          expect(toResult(one, read.outcome, read.session, lang)).toEqual(toResult(flow, full.outcome, full.session, lang));
        }
      }
    }
  });

  it('is the file a run in that language reads', async () => {
    const t = await translator('zh');
    const dir = await compiled([], ['fees']);
    const fees = (await bundledFlows()).find((f) => f.id === 'fees')!;
    writeFileSync(join(dir, flowFileName('fees', 'zh')), JSON.stringify(flowInLanguage(fees, 'zh')));
    const flows = await loadBundledFlows(t, dir, 'zh');
    expect(flows.get('fees')?.title).toEqual({ zh: fees.title.zh });
    // Without a language, the file with every language is read (the library's): here it is broken.
    const everyLanguage = await loadBundledFlows(t, dir);
    expect(() => everyLanguage.get('fees')).toThrow(WalletHelpError);
  });
});
