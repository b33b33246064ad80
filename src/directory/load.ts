/** Reading a directory file (the operator's, in YAML) and the compiled bundled demo. */
import { decodeUtf8, parseLocatedYaml, readProblem, type Problem } from '../data/located-yaml.js';
import { readDataFile } from '../data/read-file.js';
import type { Lang } from '../engine/types.js';
import type { Directory } from './types.js';
import { validateDirectory } from './validate-directory.js';
import '../core.js';

/** Parses and validates directory text. Problems are worded in `lang`. */
export function loadDirectoryText(text: string, file: string, source = file, lang: Lang = 'en'): { directory?: Directory; problems: Problem[]; warnings?: Problem[] } {
  const { doc, problems } = parseLocatedYaml(text, file, lang);
  if (problems.length > 0) return { problems };
  return validateDirectory(doc, source, lang);
}

/** Reads, parses and validates a directory file. Never throws for bad content. Problems are worded in `lang`. */
export async function loadDirectoryFile(
  file: string,
  read: (path: string) => Promise<Uint8Array> = readDataFile,
  lang: Lang = 'en',
): Promise<{ directory?: Directory; problems: Problem[]; warnings?: Problem[] }> {
  let bytes: Uint8Array;
  try {
    bytes = await read(file);
  } catch (err) {
    return { problems: [readProblem(err, file, lang)] };
  }
  const decoded = decodeUtf8(bytes, file, lang);
  if ('problem' in decoded) return { problems: [decoded.problem] };
  return loadDirectoryText(decoded.text, file, file, lang);
}
