/**
 * Validating any of our data files by path: flow files and directory files,
 * told apart by their content (a directory has `providers` at the top).
 */
import { readdir, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import { directoryKey } from '../data/checker.js';
import { decodeUtf8, parseLocatedYaml, readProblem, reasonRef, type Problem } from '../data/located-yaml.js';
import { readDataFile, readDataFileSync } from '../data/read-file.js';
import { validateDirectory } from '../directory/validate-directory.js';
import type { Flow, Lang } from '../engine/types.js';
import { problemTranslator } from '../i18n/problems.js';
import { BUNDLED, CHECK_WORKER_SCRIPT } from '../paths.js';
import { isDataFileName, withoutRepeats } from './load.js';
import { FILES_AT_ONCE, inLanes } from '../util/lanes.js';
import { validateFlow } from './validate-flow.js';
import '../core.js';

export interface CheckedFile {
  file: string;
  kind: 'flow' | 'directory' | 'unknown';
  flow?: Flow;
  problems: Problem[];
  /** What a valid file lacks that is worth a look, not wrong (a directory without a security queue). */
  warnings?: Problem[];
}

/** What expandPaths found. */
export interface ExpandedPaths {
  files: string[];
  problems: Problem[];
  /** For each file found in a folder named, that folder (as named). */
  folderOf: Map<string, string>;
  /** Folders inside the folders named, which are not read (nor are they at run time). */
  subfolders: string[];
}

/**
 * Expands folders to the YAML files inside (sorted); files stay as given. A file that an earlier path already
 * names (a folder and a file in it, one folder twice, a link to it) is checked once. Problems are worded in `lang`.
 * Folders inside a folder are not read, as a run does not read them: they are listed in `subfolders`.
 */
export async function expandPaths(paths: readonly string[], lang: Lang = 'en'): Promise<ExpandedPaths> {
  const message = problemTranslator(lang);
  const groups: string[][] = [];
  const problems: Problem[] = [];
  const folderOf = new Map<string, string>();
  const subfolders: string[] = [];
  for (const path of paths) {
    try {
      const info = await stat(path);
      if (info.isDirectory()) {
        const entries = (await readdir(path, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        // A folder named like a data file ("old.yaml/") is a folder all the same.
        for (const e of entries) if (e.isDirectory()) subfolders.push(join(path, e.name));
        const names = entries.filter((e) => !e.isDirectory() && isDataFileName(e.name)).map((e) => e.name);
        // A folder with nothing to check is a mistake (a wrong path in CI), not a pass.
        if (names.length === 0) problems.push({ file: path, line: 1, column: 1, message: message('path.noDataFiles') });
        const files = names.map((n) => join(path, n));
        for (const f of files) folderOf.set(f, path);
        groups.push(files);
      } else groups.push([path]);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      problems.push({ file: path, line: 1, column: 1, message: code === 'ENOENT' ? message('path.missing') : message('path.cannotRead', { reason: reasonRef(code) }) });
    }
  }
  // The same file twice would also be reported as claiming its own flow id.
  return { files: (await withoutRepeats(groups)).flat(), problems, folderOf, subfolders };
}

/**
 * A directory file in a folder of flows (one a run reads flows from, or one holding flow files) is read by every run
 * as a broken flow and skipped with a warning: flows validate and flows test say so too, in the run's words (the
 * loader's own verdict), rather than check it as the directory it would be elsewhere. Returns the files so marked.
 */
export async function directoriesAmongFlows(checked: { file: string; kind: CheckedFile['kind']; problems: Problem[]; warnings?: Problem[] }[], folderOf: ReadonlyMap<string, string>, flowFolders: readonly string[], lang: Lang): Promise<Set<string>> {
  const marked = new Set<string>();
  const directories = checked.filter((c) => c.kind === 'directory' && folderOf.has(c.file));
  if (directories.length === 0) return marked;
  const runFolders = new Set(flowFolders.map((f) => resolve(f)));
  const { loadFlowFile } = await import('./load.js');
  for (const d of directories) {
    const folder = folderOf.get(d.file)!;
    const amongFlows = runFolders.has(resolve(folder)) || checked.some((c) => c.kind !== 'directory' && folderOf.get(c.file) === folder);
    if (!amongFlows) continue;
    d.problems = (await loadFlowFile(d.file, lang)).problems;
    delete d.warnings;
    marked.add(d.file);
  }
  return marked;
}

/** What validating a file found, without the flow itself (so that checking many files keeps little in memory). */
export interface FileVerdict {
  file: string;
  kind: CheckedFile['kind'];
  /** The flow id, for a valid flow. */
  id?: string;
  problems: Problem[];
  warnings?: Problem[];
}

/** Checks many files, a few at a time, keeping only their verdicts; in the order given. */
export async function checkDataFiles(files: readonly string[], lang: Lang = 'en', requireAgent = false): Promise<FileVerdict[]> {
  // Many files are shared out among threads, one a core (check-parallel.ts).
  if (files.length >= PARALLEL_FROM && BUNDLED && availableParallelism() > 1) {
    const { checkInParallel } = await import('./check-parallel.js');
    return checkInParallel(files, lang, requireAgent, CHECK_WORKER_SCRIPT);
  }
  return inLanes(files, FILES_AT_ONCE, (file) => checkDataFileVerdict(file, lang, requireAgent));
}

/** Checks one file and keeps its verdict, not the flow. */
export async function checkDataFileVerdict(file: string, lang: Lang, requireAgent: boolean): Promise<FileVerdict> {
  return verdictOf(await checkDataFile(file, lang, requireAgent));
}

/**
 * checkDataFileVerdict, reading the file synchronously: for a thread whose only work is checking
 * files (check-parallel.ts), where waiting for the disk blocks nothing and costs less than the
 * four trips through the event loop of an asynchronous read.
 */
export function checkDataFileVerdictSync(file: string, lang: Lang, requireAgent: boolean): FileVerdict {
  let bytes: Uint8Array;
  try {
    bytes = readDataFileSync(file);
  } catch (err) {
    return verdictOf({ file, kind: 'unknown', problems: [readProblem(err, file, lang)] });
  }
  return verdictOf(checkDataBytes(file, bytes, lang, requireAgent));
}

function verdictOf({ file, kind, flow, problems, warnings }: CheckedFile): FileVerdict {
  return { file, kind, ...(flow ? { id: flow.id } : {}), problems, ...(warnings ? { warnings } : {}) };
}

/** From this many files on, starting threads pays for itself. */
const PARALLEL_FROM = 64;

/** Reads and validates one data file as whatever kind it is. Never throws for bad content. Problems are worded in `lang`. */
export async function checkDataFile(file: string, lang: Lang = 'en', requireAgent = false): Promise<CheckedFile> {
  let bytes: Uint8Array;
  try {
    bytes = await readDataFile(file);
  } catch (err) {
    return { file, kind: 'unknown', problems: [readProblem(err, file, lang)] };
  }
  return checkDataBytes(file, bytes, lang, requireAgent);
}

/** Validates the bytes of a data file as whatever kind it is; `file` names it in problems and gives a flow's expected id. */
function checkDataBytes(file: string, bytes: Uint8Array, lang: Lang, requireAgent: boolean): CheckedFile {
  const decoded = decodeUtf8(bytes, file, lang);
  if ('problem' in decoded) return { file, kind: 'unknown', problems: [decoded.problem] };
  const { doc, problems } = parseLocatedYaml(decoded.text, file, lang);
  if (problems.length > 0) return { file, kind: 'unknown', problems };
  // A directory with its one key misspelt ("provders:") is still a directory: said as that key, not as nine flow problems.
  if (directoryKey(doc.value) !== undefined) {
    const { problems, warnings } = validateDirectory(doc, file, lang);
    return { file, kind: 'directory', problems, ...(warnings ? { warnings } : {}) };
  }
  const result = validateFlow(doc, basename(file, extname(file)), lang, requireAgent);
  return { file, kind: 'flow', ...(result.flow ? { flow: result.flow } : {}), problems: result.problems };
}
