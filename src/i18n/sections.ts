/**
 * The message catalogues of the bundled CLI, in sections parsed on first use. Every run
 * declares its program, so it needs the help texts of the commands and options; most runs
 * that print JSON (scripts) need nothing else. The build (scripts/build.mjs) writes each
 * catalogue as one JSON text per section, and a run parses a section only when it first
 * looks up one of its texts: a `diagnose … --json` or `--help` parses about a seventh of the
 * English catalogue instead of all of it. The sources and the library use the plain objects.
 */

/** The sections, by number: 0 holds the help texts every program declaration uses, 1 all the others. */
export const SECTIONS = 2;

/** The section of a message key: help texts of the program, its commands, options and arguments, and the rest. */
export function sectionOf(key: string): number {
  return /^(?:program|opt|cmd|help)\.|\.(?:opt|arg)\.|\.notes$/.test(key) ? 0 : 1;
}

/** A catalogue as the build writes it: one JSON text per section (`stringify` writes each, JSON.stringify unless given). */
export function sectionTexts(catalogue: Readonly<Record<string, string>>, stringify: (section: Record<string, string>) => string = JSON.stringify): string[] {
  const sections: Record<string, string>[] = Array.from({ length: SECTIONS }, () => ({}));
  for (const [key, text] of Object.entries(catalogue)) sections[sectionOf(key)]![key] = text;
  return sections.map(stringify);
}

/**
 * A catalogue read as the plain object is (`catalogue[key]`), from one JSON text per section
 * (`texts[sectionOf(key)]`), each parsed the first time one of its keys is looked up.
 */
export function sectionedCatalogue<K extends string>(texts: readonly string[]): Readonly<Record<K, string>> {
  const parsed: (Readonly<Record<string, string>> | undefined)[] = [];
  return new Proxy(Object.freeze({}) as Readonly<Record<K, string>>, {
    get(_target, key) {
      if (typeof key !== 'string') return undefined;
      const section = sectionOf(key);
      const inSection = (parsed[section] ??= JSON.parse(texts[section]!) as Readonly<Record<string, string>>);
      return Object.hasOwn(inSection, key) ? inSection[key] : undefined;
    },
  });
}
