/**
 * Reading flow files from disk: YAML parsed with positions and validated. Used by
 * the build (which compiles the bundled flows to JSON), by `flows validate`, by
 * operator folders and by tests; the start-up path reads the compiled JSON instead.
 */
import { readdir, realpath } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { shownPath } from '../util/safe-text.js';
import { FILES_AT_ONCE, inLanes } from '../util/lanes.js';
import { decodeUtf8, parseLocatedYaml, readProblem, reasonRef, type Problem } from '../data/located-yaml.js';
import { readDataFile } from '../data/read-file.js';
import type { Flow, Lang } from '../engine/types.js';
import { problemTranslator } from '../i18n/problems.js';
import { validateFlow } from './validate-flow.js';
import '../core.js';

const DATA_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/**
 * Whether a file of a folder is one of its data files, for runs, `flows validate` and `flows test` alike: `.yaml`,
 * `.yml` or `.json` in any case ("NFC.YAML" too), and not hidden. A hidden file is an editor's or a system's
 * (macOS's "._name.yaml" beside every file copied from its disks, Emacs's ".#name.yaml" lock link), never a flow.
 */
export function isDataFileName(name: string): boolean {
  return !name.startsWith('.') && DATA_EXTENSIONS.has(extname(name).toLowerCase());
}

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

/** What idConflicts finds: problems, each at the `id:` of the file that claims an id another file claimed before it. */
export interface IdConflicts {
  /** Files whose id a file before them in the same folder has: that one keeps it, these are not used. */
  repeated: Problem[];
  /** Files whose id a file of an earlier folder has: these, in the folder named later, are used in its place. */
  replacing: Problem[];
}

/**
 * The flow ids files claim twice, in the order the files are read (folder by folder, as operator folders are
 * loaded): two files of one folder, or files of two folders, where the later one takes the place of the earlier.
 * A flow of `replaceable` (the bundled flows' folder) may be replaced: that is what operator folders are for.
 * `flows validate`, `flows test` and the operator folders of a run all use it, so they report the same files.
 */
export async function idConflicts(flows: readonly { file: string; id?: string | undefined }[], lang: Lang = 'en', options: { replaceable?: string } = {}): Promise<IdConflicts> {
  const message = problemTranslator(lang);
  const replaceable = options.replaceable === undefined ? undefined : resolve(options.replaceable);
  const inFolder = new Map<string, string>();
  // Who holds each id so far, outside the replaceable folder: a file of an earlier folder, as the same folder's are repeats.
  const holder = new Map<string, string>();
  const found: IdConflicts = { repeated: [], replacing: [] };
  for (const { file, id } of flows) {
    if (id === undefined) continue;
    const folder = resolve(dirname(file));
    const key = `${folder}\u0000${id}`;
    const first = inFolder.get(key);
    if (first !== undefined) {
      found.repeated.push(await atId(file, message('flow.idUsed', { id, other: shownPath(first) }), lang));
      continue;
    }
    inFolder.set(key, file);
    if (folder === replaceable) continue;
    const earlier = holder.get(id);
    if (earlier !== undefined) found.replacing.push(await atId(file, message('flow.idInTwoFolders', { id, other: shownPath(earlier) }), lang));
    holder.set(id, file);
  }
  return found;
}

/**
 * Each group's paths (the files of one folder or of one path named on the command line, in order) without those
 * that are the same file as a path of an earlier group: a folder named twice (`d`, `./d`, a link to it), or a file
 * named beside its folder, is read once, under the name it had first. Within a group none is left out: two names
 * of one file in a folder are two flow files, each held to its own name. A path that cannot be resolved (missing, a
 * broken link) is kept, for its reader to report.
 */
export async function withoutRepeats(groups: readonly (readonly string[])[]): Promise<string[][]> {
  // One group cannot repeat an earlier one: no file need be resolved (a run with one operator folder, most runs).
  if (groups.length < 2) return groups.map((g) => [...g]);
  const real = await Promise.all(groups.map((g) => Promise.all(g.map((path) => realpath(path).catch(() => resolve(path))))));
  const seen = new Set<string>();
  return groups.map((group, i) => {
    const kept = group.filter((_, j) => !seen.has(real[i]![j]!));
    for (const r of real[i]!) seen.add(r);
    return kept;
  });
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
    .filter(isFlowFileEntry)
    .map((e) => join(dir, e.name))
    .sort();
}

/** Whether a folder entry is read as a flow file: a file (or a link to one) with a data file's name. */
export function isFlowFileEntry(entry: { name: string; isFile(): boolean; isSymbolicLink(): boolean }): boolean {
  return (entry.isFile() || entry.isSymbolicLink()) && isDataFileName(entry.name);
}

/** Loads every flow of a folder: the valid ones, and the problems of the others. */
export async function loadFlowDir(dir: string, lang: Lang = 'en', requireAgent = false): Promise<{ flows: Flow[]; problems: Problem[] }> {
  const { flows, problems } = await loadFlowFolders([dir], lang, requireAgent);
  return { flows: flows.map((f) => f.flow), problems };
}

/** A flow file that could not be loaded: the flow id its name gives, and its problems. */
export interface BrokenFlow {
  id: string;
  file: string;
  problems: Problem[];
}

/** What loadFlowFolders read. */
export interface LoadedFolders {
  /** The valid flows, folder by folder, with their files; a later one may have the id of an earlier one (see `replacing`). */
  flows: { flow: Flow; file: string }[];
  /** The problems of the files that are not used: broken files, and a second file of a folder with one flow id. */
  problems: Problem[];
  /** Flows that take the place of a flow with their id in an earlier folder (they are used), each said at its `id:`. */
  replacing: Problem[];
  /** The broken files, with the flow each was meant to be. */
  broken: BrokenFlow[];
}

/**
 * Loads the flows of operator folders, in the order named: each real file once (a folder named twice, or through
 * a link, is read once), each flow id once in a folder (the first file keeps it), and a flow of a later folder in
 * place of one with its id in an earlier folder.
 */
export async function loadFlowFolders(dirs: readonly string[], lang: Lang = 'en', requireAgent = false): Promise<LoadedFolders> {
  const message = problemTranslator(lang);
  const problems: Problem[] = [];
  const listed = await Promise.all(
    dirs.map((dir) =>
      listFlowFiles(dir).catch((err: unknown) => {
        problems.push({ file: dir, line: 1, column: 1, message: message('folder.cannotRead', { reason: reasonRef((err as NodeJS.ErrnoException).code) }) });
        return [];
      }),
    ),
  );
  const perFolder = await withoutRepeats(listed);
  const files = perFolder.flat();
  const folderOf = perFolder.flatMap((inFolder, k) => inFolder.map(() => k));
  const results = await inLanes(files, FILES_AT_ONCE, (f) => loadFlowFile(f, lang, requireAgent));
  const { repeated, replacing } = await idConflicts(results.map((r, i) => ({ file: files[i]!, id: r.flow?.id })), lang);
  const repeatedFiles = new Map(repeated.map((p) => [p.file, p]));
  const flows: { flow: Flow; file: string }[] = [];
  const broken: BrokenFlow[] = [];
  results.forEach((r, i) => {
    const file = files[i]!;
    problems.push(...r.problems);
    // The file name is the flow id: a broken file still says which flow it was meant to be.
    if (!r.flow) {
      broken.push({ id: basename(file, extname(file)), file, problems: r.problems });
      return;
    }
    const twice = repeatedFiles.get(file);
    if (twice) {
      problems.push(twice);
      return;
    }
    flows.push({ flow: r.flow, file });
  });
  // A broken file in a later folder was meant to take the place of the flow of an earlier one: that flow is not
  // used in its stead (an outdated outcome passed off as the current one), so the id is a broken flow, as a
  // broken replacement of a bundled flow is. A good file in a yet later folder still takes its place.
  const brokenFrom = new Map<string, number>();
  results.forEach((r, i) => {
    if (!r.flow) brokenFrom.set(basename(files[i]!, extname(files[i]!)), folderOf[i]!);
  });
  const folderOfFile = new Map(brokenFrom.size === 0 ? [] : files.map((file, i) => [file, folderOf[i]!]));
  const used = brokenFrom.size === 0 ? flows : flows.filter(({ flow, file }) => folderOfFile.get(file)! >= (brokenFrom.get(flow.id) ?? -1));
  return { flows: used, problems, replacing, broken };
}
