/**
 * The bundled CLI's catalogues in sections (src/i18n/sections.ts): every text read as from
 * the plain catalogue, and a section parsed only when one of its texts is first asked for.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { en, type MessageKey } from '../src/i18n/messages.js';
import { zh } from '../src/i18n/messages-zh.js';
import { SECTIONS, sectionedCatalogue, sectionOf, sectionTexts } from '../src/i18n/sections.js';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('sectioned catalogues', () => {
  it.each([
    ['en', en],
    ['zh', zh],
  ] as const)('give every text of the %s catalogue, and nothing for a key it does not have', (_lang, catalogue) => {
    const sectioned = sectionedCatalogue<MessageKey>(sectionTexts(catalogue));
    for (const key of Object.keys(catalogue) as MessageKey[]) expect(sectioned[key], key).toBe(catalogue[key]);
    expect((sectioned as Record<string, string | undefined>)['no.such.key']).toBeUndefined();
    expect((sectioned as Record<string, string | undefined>)['constructor']).toBeUndefined();
    expect((sectioned as Record<symbol, unknown>)[Symbol.iterator]).toBeUndefined();
  });

  it('put the help texts of the program, its commands and options in the first section, and the rest in the others', () => {
    expect(sectionOf('program.description')).toBe(0);
    expect(sectionOf('opt.lang')).toBe(0);
    expect(sectionOf('cmd.diagnose')).toBe(0);
    expect(sectionOf('diagnose.opt.json')).toBe(0);
    expect(sectionOf('diagnose.arg.flow')).toBe(0);
    expect(sectionOf('diagnose.notes')).toBe(0);
    expect(sectionOf('kind.fix')).toBe(1);
    expect(sectionOf('error.unknownFlow')).toBe(1);
    const texts = sectionTexts(en);
    expect(texts).toHaveLength(SECTIONS);
    // The first section is the smaller part: what every run parses.
    expect(texts[0]!.length).toBeLessThan(texts[1]!.length / 2);
  });

  it('parse a section the first time one of its texts is asked for, and once', () => {
    const sectioned = sectionedCatalogue<MessageKey>(sectionTexts(en));
    const parse = vi.spyOn(JSON, 'parse');
    expect(sectioned['opt.lang']).toBe(en['opt.lang']);
    expect(sectioned['cmd.diagnose']).toBe(en['cmd.diagnose']);
    expect(parse).toHaveBeenCalledTimes(1);
    expect(sectioned['kind.fix']).toBe(en['kind.fix']);
    expect(sectioned['error.unknownFlow']).toBe(en['error.unknownFlow']);
    expect(parse).toHaveBeenCalledTimes(2);
  });
});
