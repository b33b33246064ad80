/** Reading a directory file (the operator's, in YAML) and the compiled bundled demo. */
import { readFile } from 'node:fs/promises';
import { decodeUtf8, parseLocatedYaml, type Problem } from '../data/located-yaml.js';
import type { Directory } from './types.js';
import { validateDirectory } from './validate-directory.js';

/** Parses and validates directory text. */
export function loadDirectoryText(text: string, file: string, source = file): { directory?: Directory; problems: Problem[] } {
  const { doc, problems } = parseLocatedYaml(text, file);
  if (problems.length > 0) return { problems };
  return validateDirectory(doc, source);
}

/** Reads, parses and validates a directory file. Never throws for bad content. */
export async function loadDirectoryFile(file: string, read: (path: string) => Promise<Uint8Array> = readFile): Promise<{ directory?: Directory; problems: Problem[] }> {
  let bytes: Uint8Array;
  try {
    bytes = await read(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { problems: [{ file, line: 1, column: 1, message: code === 'ENOENT' ? 'no such file' : `cannot read the file (${code ?? 'unknown error'})` }] };
  }
  const decoded = decodeUtf8(bytes, file);
  if ('problem' in decoded) return { problems: [decoded.problem] };
  return loadDirectoryText(decoded.text, file);
}
