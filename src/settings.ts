/**
 * Options that apply to every command, resolved in one place with one order of
 * precedence: command-line flag, then WALLET_HELP_* environment variable, then
 * the default. The bundled data is compiled JSON; an operator's YAML directory
 * is parsed (and the YAML parser loaded) only when one is configured.
 */
import { readFile } from 'node:fs/promises';
import type { Context } from './commands/context.js';
import type { Directory, Provider } from './directory/types.js';
import { ExitCode, UsageError, WalletHelpError } from './errors.js';
import { BUNDLED_DIRECTORY_JSON } from './paths.js';
import { clip } from './util/safe-text.js';

/** The global options as commander parsed them. */
export interface GlobalOptions {
  now?: string;
  contacts?: string;
  provider?: string;
}

/** The context for one command, with the global options applied. */
export async function applyGlobals(base: Omit<Context, 'provider'>, g: GlobalOptions): Promise<Context> {
  const { io, t } = base;
  const nowText = g.now ?? io.env.WALLET_HELP_NOW;
  const now = nowText ? await parseNow(nowText, base) : base.now;
  const contactsFile = g.contacts ?? io.env.WALLET_HELP_CONTACTS;
  const providerId = g.provider ?? io.env.WALLET_HELP_PROVIDER;
  let chosen: Promise<{ directory: Directory; provider: Provider }> | undefined;
  const provider = () =>
    (chosen ??= loadDirectory(base, contactsFile).then((directory) => {
      const found = providerId === undefined ? directory.providers[0] : directory.providers.find((p) => p.id === providerId);
      if (!found) {
        const providers = directory.providers.map((p) => p.id);
        throw new UsageError('unknown_provider', t('error.unknownProvider', { provider: clip(providerId ?? ''), providers: providers.join(', ') }), { providers });
      }
      return { directory, provider: found };
    }));
  return { ...base, now, provider };
}

async function loadDirectory(ctx: Omit<Context, 'provider'>, file: string | undefined): Promise<Directory> {
  const { io, t } = ctx;
  if (file === undefined) {
    try {
      return { ...(JSON.parse(await readFile(BUNDLED_DIRECTORY_JSON, 'utf8')) as Directory), source: 'bundled' };
    } catch {
      throw new WalletHelpError('directory_missing', t('error.directoryMissing', { file: BUNDLED_DIRECTORY_JSON }), ExitCode.internal);
    }
  }
  const { loadDirectoryFile } = await import('./directory/load.js');
  const { formatProblem } = await import('./data/located-yaml.js');
  const { directory, problems } = await loadDirectoryFile(file, io.readFile);
  if (!directory) {
    throw new UsageError('directory_invalid', [t('error.directory', { file }), ...problems.map((p) => `  ${formatProblem(p)}`)].join('\n'), { file, problems });
  }
  return directory;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/** Reads --now: an ISO-8601 date and time; without an offset it is the user's local time. */
async function parseNow(text: string, ctx: Omit<Context, 'provider'>): Promise<Date> {
  const fail = () => new UsageError('invalid_now', ctx.t('error.badNow', { value: clip(text) }), { value: clip(text) });
  if (!ISO_INSTANT.test(text.trim())) throw fail();
  const { DateTime } = await import('luxon');
  const parsed = DateTime.fromISO(text.trim().replace(' ', 'T'), { zone: ctx.userZone, setZone: false });
  if (!parsed.isValid) throw fail();
  return parsed.toJSDate();
}
