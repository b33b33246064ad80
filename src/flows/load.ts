/**
 * Reading flow files from disk: YAML parsed with positions and validated. Used by
 * the build (which compiles the bundled flows to JSON), by `flows validate`, by
 * operator folders and by tests; the start-up path reads the compiled JSON instead.
 */
import { readdir } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { decodeUtf8, parseLocatedYaml, readProblem, type Problem } from '../data/located-yaml.js';
import { readDataFile } from '../data/read-file.js';
import type { Flow, Lang } from '../engine/types.js';
import { problemTranslator } from '../i18n/problems.js';
import { validateFlow } from './validate-flow.js';
import '../core.js';

const FLOW_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/** Parses and validates flow text; the file name (without extension) must equal the flow id. Problems are worded in `lang`. */
export function loadFlowText(text: string, file: string, lang: Lang = 'en', requireAgent = false): { flow?: Flow; problems: Problem[] } {
  const { doc, problems } = parseLocatedYaml(text, file, lang);
  if (problems.length > 0) return { problems };
  return validateFlow(doc, basename(file, extname(file)), lang, requireAgent);
}

/** Reads, parses and validates one flow file. Never throws for bad content. */
export async function loadFlowFile(file: string, lang: Lang = 'en', requireAgent = false): Promise<{ flow?: Flow; problems: Problem[] }> {
  let bytes: Uint8Array;
  try {
    bytes = await readDataFile(file);
  } catch (err) {
    return { problems: [readProblem(err, file, lang)] };
  }
  const decoded = decodeUtf8(bytes, file, lang);
  if ('problem' in decoded) return { problems: [decoded.problem] };
  return loadFlowText(decoded.text, file, lang, requireAgent);
}

/**
 * Where a data file writes the value at `path` (e.g. ['tests', 2] or ['id']), for a report that points at
 * it; undefined when the file can no longer be read or parsed. Looked up only for a problem found
 * elsewhere (a failing test, an id used twice), so checking a file never pays for it.
 */
export async function locateInFile(file: string, path: readonly (string | number)[], lang: Lang = 'en'): Promise<{ line: number; column: number } | undefined> {
  try {
    const decoded = decodeUtf8(await readDataFile(file), file, lang);
    if ('problem' in decoded) return undefined;
    const { doc, problems } = parseLocatedYaml(decoded.text, file, lang);
    if (problems.length > 0) return undefined;
    const { line, column } = doc.locate(path);
    return { line, column };
  } catch {
    return undefined;
  }
}

/**
 * Flows whose id a file before them in the same folder already has (that one keeps it): a problem each,
 * at its `id:`, naming the other file. `flows validate`, `flows test` and an operator folder all use it.
 */
export async function repeatedIds(flows: readonly { file: string; id?: string | undefined }[], lang: Lang = 'en'): Promise<Problem[]> {
  const message = problemTranslator(lang);
  const first = new Map<string, string>();
  const problems: Problem[] = [];
  for (const { file, id } of flows) {
    if (id === undefined) continue;
    const key = `${dirname(file)}\u0000${id}`;
    const other = first.get(key);
    if (other === undefined) first.set(key, file);
    else problems.push(await atId(file, message('flow.idUsed', { id, other }), lang));
  }
  return problems;
}

/** A flow of a later operator folder that takes the place of one with its id in an earlier folder: said at its `id:`. */
export async function shadowsProblem(file: string, id: string, other: string, lang: Lang = 'en'): Promise<Problem> {
  return atId(file, problemTranslator(lang)('flow.idInTwoFolders', { id, other }), lang);
}

/** A problem about a flow's id, placed at its `id:` (or the file's start, when the file can no longer be read). */
async function atId(file: string, message: string, lang: Lang): Promise<Problem> {
  return { file, ...((await locateInFile(file, ['id'], lang)) ?? { line: 1, column: 1 }), message };
}

/**
 * The flow files of a folder, sorted by name: files and symbolic links to them, as `flows validate`
 * checks them (a link to anything but a regular file is then refused when it is read, and reported).
 */
export async function listFlowFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => (e.isFile() || e.isSymbolicLink()) && FLOW_EXTENSIONS.has(extname(e.name)))
    .map((e) => join(dir, e.name))
    .sort();
}

/** Loads every flow of a folder: the valid ones, and the problems of the others. */
export async function loadFlowDir(dir: string, lang: Lang = 'en', requireAgent = false): Promise<{ flows: Flow[]; problems: Problem[] }> {
  const { flows, problems } = await loadFlowDirWithFiles(dir, lang, requireAgent);
  return { flows: flows.map((f) => f.flow), problems };
}

/** A flow file that could not be loaded: the flow id its name gives, and its problems. */
export interface BrokenFlow {
  id: string;
  file: string;
  problems: Problem[];
}

/** Like loadFlowDir, keeping the file each flow came from, and which flow each broken file was meant to be. */
export async function loadFlowDirWithFiles(dir: string, lang: Lang = 'en', requireAgent = false): Promise<{ flows: { flow: Flow; file: string }[]; problems: Problem[]; broken: BrokenFlow[] }> {
  const message = problemTranslator(lang);
  let files: string[];
  try {
    files = await listFlowFiles(dir);
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    return { flows: [], problems: [{ file: dir, line: 1, column: 1, message: message('folder.cannotRead', { reason }) }], broken: [] };
  }
  const results = await Promise.all(files.map((f) => loadFlowFile(f, lang, requireAgent)));
  const flows: { flow: Flow; file: string }[] = [];
  const problems: Problem[] = [];
  const broken: BrokenFlow[] = [];
  const repeated = new Map((await repeatedIds(results.map((r, i) => ({ file: files[i]!, id: r.flow?.id })), lang)).map((p) => [p.file, p]));
  results.forEach((r, i) => {
    const file = files[i]!;
    problems.push(...r.problems);
    // The file name is the flow id: a broken file still says which flow it was meant to be.
    if (!r.flow) {
      broken.push({ id: basename(file, extname(file)), file, problems: r.problems });
      return;
    }
    const twice = repeated.get(file);
    if (twice) {
      problems.push(twice);
      return;
    }
    flows.push({ flow: r.flow, file });
  });
  return { flows, problems, broken };
}
