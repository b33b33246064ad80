/** Opening the directory in use (the operator's file, or the compiled demo) and choosing a provider in it. */
import { promises as fsp } from 'node:fs';
import { readDataFile } from '../data/read-file.js';
import type { Problem } from '../data/located-yaml.js';
import { ExitCode, UsageError, WalletHelpError } from '../errors.js';
import { listOf, type Translate } from '../i18n/i18n.js';
import { BUNDLED_DIRECTORY_JSON } from '../paths.js';
import { cannotRead } from '../util/read-error.js';
import { clip, sentValue } from '../util/safe-text.js';
import type { Lang } from '../engine/types.js';
import type { Directory, Provider } from './types.js';

/**
 * The operator's directory file when one is named (parsed and validated; the
 * YAML parser loads only then), else the bundled demo compiled at build time.
 */
export async function openDirectory(file: string | undefined, t: Translate, read: (path: string) => Promise<Uint8Array> = readDataFile, lang: Lang = 'en'): Promise<Directory> {
  return (await openDirectoryWithWarnings(file, t, read, lang)).directory;
}

/** openDirectory, with what a valid file lacks that is worth a word (a team the bundled flows send cases to; see validateDirectory). */
export async function openDirectoryWithWarnings(file: string | undefined, t: Translate, read: (path: string) => Promise<Uint8Array> = readDataFile, lang: Lang = 'en'): Promise<{ directory: Directory; warnings: Problem[] }> {
  if (file === undefined) {
    try {
      return { directory: JSON.parse(await fsp.readFile(BUNDLED_DIRECTORY_JSON, 'utf8')) as Directory, warnings: [] };
    } catch {
      throw new WalletHelpError('directory_missing', t('error.directoryMissing', { file: BUNDLED_DIRECTORY_JSON }), ExitCode.internal);
    }
  }
  let bytes: Uint8Array;
  try {
    bytes = await read(file);
  } catch (err) {
    const message = cannotRead(t, file, err);
    throw new UsageError('directory_invalid', message, { file, problems: [{ file, line: 1, column: 1, message }] });
  }
  const { loadDirectoryFile } = await import('./load.js');
  const { formatProblem } = await import('../data/located-yaml.js');
  const { directory, problems, warnings } = await loadDirectoryFile(file, async () => bytes, lang);
  if (!directory) {
    throw new UsageError('directory_invalid', [t('error.directory', { file }), ...problems.map((p) => `  ${formatProblem(p)}`)].join('\n'), { file, problems });
  }
  return { directory, warnings: warnings ?? [] };
}

/** The directory's other providers, when none was chosen and the first was taken (cards name them); else none. */
export function unchosenOthers(directory: Directory, provider: Provider, chosen: boolean): string[] {
  return chosen ? [] : directory.providers.filter((p) => p !== provider).map((p) => p.id);
}

/**
 * The provider with this id, or the directory's first when none is named. An id the directory does not have is
 * `unknown_provider`, with the id as sent (`provider`), where it was named (`source`: `--provider`,
 * `WALLET_HELP_PROVIDER` or `setting`, when the caller knows) and the directory's `providers`. Every way an id comes
 * here is screened before (the command line, the variables, the settings file when read, the library's options).
 */
export function chooseProvider(directory: Directory, id: string | undefined, t: Translate, source?: ProviderSource): Provider {
  const found = id === undefined ? directory.providers[0] : directory.providers.find((p) => p.id === id);
  if (found) return found;
  const providers = directory.providers.map((p) => p.id);
  throw new UsageError('unknown_provider', t('error.unknownProvider', { provider: clip(id ?? ''), providers: listOf(t, providers) }), { provider: sentValue(id ?? ''), ...(source ? { source } : {}), providers });
}

/** Where a provider id was named: the flag, the variable or the provider setting. */
export type ProviderSource = '--provider' | 'WALLET_HELP_PROVIDER' | 'setting';
