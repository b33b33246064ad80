/**
 * Validating any of our data files by path: flow files and directory files,
 * told apart by their content (a directory has `providers` at the top).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { decodeUtf8, parseLocatedYaml, type Problem } from '../data/located-yaml.js';
import { validateDirectory } from '../directory/validate-directory.js';
import type { Flow, Lang } from '../engine/types.js';
import { problemTranslator, ref } from '../i18n/problems.js';
import { validateFlow } from './validate-flow.js';
import '../core.js';

export interface CheckedFile {
  file: string;
  kind: 'flow' | 'directory' | 'unknown';
  flow?: Flow;
  problems: Problem[];
}

const DATA_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/** Expands folders to the YAML files inside (sorted); files stay as given. Problems are worded in `lang`. */
export async function expandPaths(paths: readonly string[], lang: Lang = 'en'): Promise<{ files: string[]; problems: Problem[] }> {
  const message = problemTranslator(lang);
  const files: string[] = [];
  const problems: Problem[] = [];
  for (const path of paths) {
    try {
      const info = await stat(path);
      if (info.isDirectory()) {
        const names = (await readdir(path)).filter((n) => DATA_EXTENSIONS.has(extname(n))).sort();
        files.push(...names.map((n) => join(path, n)));
      } else files.push(path);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      problems.push({ file: path, line: 1, column: 1, message: code === 'ENOENT' ? message('path.missing') : message('path.cannotRead', { reason: code ?? ref('reason.unknown') }) });
    }
  }
  return { files, problems };
}

/** Reads and validates one data file as whatever kind it is. Never throws for bad content. Problems are worded in `lang`. */
export async function checkDataFile(file: string, lang: Lang = 'en', requireAgent = false): Promise<CheckedFile> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? ref('reason.unknown');
    return { file, kind: 'unknown', problems: [{ file, line: 1, column: 1, message: problemTranslator(lang)('file.cannotReadParen', { reason }) }] };
  }
  const decoded = decodeUtf8(bytes, file, lang);
  if ('problem' in decoded) return { file, kind: 'unknown', problems: [decoded.problem] };
  const { doc, problems } = parseLocatedYaml(decoded.text, file, lang);
  if (problems.length > 0) return { file, kind: 'unknown', problems };
  const value = doc.value;
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.hasOwn(value, 'providers')) {
    return { file, kind: 'directory', problems: validateDirectory(doc, file, lang).problems };
  }
  const result = validateFlow(doc, basename(file, extname(file)), lang, requireAgent);
  return { file, kind: 'flow', ...(result.flow ? { flow: result.flow } : {}), problems: result.problems };
}
