/**
 * Options that apply to every command, resolved in one place with one order of
 * precedence: command-line flag, then WALLET_HELP_* environment variable, then
 * the settings file, then the default. The bundled data is compiled JSON; an
 * operator's YAML directory or flow folder is parsed (and the YAML parser
 * loaded) only when one is configured.
 */
import { delimiter, dirname, join, resolve } from 'node:path';
import type { Context } from './commands/context.js';
import { CONFIG_FILE_NAME, configDir, envSetting, roleOf, type Config } from './config/config.js';
import type { Problem } from './data/located-yaml.js';
import type { Directory, Provider } from './directory/types.js';
import type { Flow, Lang } from './engine/types.js';
import { chooseProvider, openDirectory, type ProviderSource } from './directory/source.js';
import { UsageError } from './errors.js';
import { listOf } from './i18n/i18n.js';
import { folderProblem, folderProblemText, withOperatorFolders, type FlowCatalog } from './flows/catalog.js';
import { sayRunWarning } from './render/layout.js';
import { clip, sentValue, shownPath } from './util/safe-text.js';

/** The global options as commander parsed them. */
export interface GlobalOptions {
  now?: string;
  contacts?: string;
  provider?: string;
  flows?: string[];
  agent?: boolean;
}

/** What main knows before commander runs. */
export type BaseContext = Omit<Context, 'provider' | 'providerChosen' | 'flows' | 'flowDirs' | 'flowDirsGiven' | 'contactsFile' | 'role' | 'roleGiven' | 'nowGiven' | 'inLanguage'> & {
  /** The bundled flows (replaceable in tests). */
  bundledFlows(): Promise<ReadonlyMap<string, Flow>>;
  /** The same, speaking another language. */
  inLanguage(lang: Lang): Promise<BaseContext>;
  /** The wrapping code, loaded before commander runs when it may write help on a terminal (its help hooks are synchronous). */
  helpWrapping?: typeof import('./render/wrap.js');
};

/**
 * The context for one command, with the global options applied. `quiet` for the same run's context in another
 * language: what is wrong with the settings (a bad WALLET_HELP_ROLE, a flow folder gone) was said already.
 */
export async function applyGlobals(base: BaseContext, g: GlobalOptions, quiet = false): Promise<Context> {
  const { io, t, config } = base;
  // An empty --now is a mistake like any other value; an empty variable is unset (envSetting), as an empty WALLET_HELP_LANG is.
  const nowText = g.now ?? envSetting(io.env, 'WALLET_HELP_NOW');
  // Read in a module of its own, loaded only when a time is given: most runs have none.
  const now = nowText !== undefined ? await (await import('./now.js')).parseNow(nowText, g.now === undefined ? 'WALLET_HELP_NOW' : '--now', base, quiet) : base.now;
  const contactsFile = g.contacts ?? envSetting(io.env, 'WALLET_HELP_CONTACTS') ?? config.contactsFile;
  const providerId = g.provider ?? envSetting(io.env, 'WALLET_HELP_PROVIDER') ?? config.provider;
  // An unknown WALLET_HELP_ROLE is ignored with a warning, as an unknown WALLET_HELP_LANG is: the setting then decides.
  const envRole = envSetting(io.env, 'WALLET_HELP_ROLE');
  const envRoleOk = envRole === undefined || envRole === 'user' || envRole === 'agent';
  if (!envRoleOk && !quiet) await sayRunWarning(base, t('warning.badEnvRole', { value: clip(envRole) }));
  const role = roleOf(g.agent === true, io.env, config);
  // An empty --flows is a mistake (an unset variable: --flows "$OUR_FLOWS"), not "no folder": the run would go on
  // without the operator's flows and say nothing (QA: scripts).
  if (g.flows?.some((d) => d.trim() === '')) throw new UsageError('flows_folder', t('error.flowsFolder.empty', { source: t('flowsFolder.flag') }), { dir: '' });
  const folders = flowFolders(g.flows, io.env.WALLET_HELP_FLOWS, config, io.cwd);
  const flowDirs = folders.dirs;

  let chosen: Promise<{ directory: Directory; provider: Provider }> | undefined;
  // Where a value came from, when the command line does not show it: an error about it says so.
  const namedBy = (flag: string | undefined, variable: string, key: 'contactsFile' | 'provider') =>
    flag !== undefined ? undefined : envSetting(io.env, variable) !== undefined ? variable : config[key] !== undefined ? t('source.setting', { key }) : undefined;
  const named = (source: string | undefined) => (err: unknown): never => {
    if (source === undefined || !(err instanceof UsageError)) throw err;
    throw new UsageError(err.code, t('error.namedBy', { message: err.message, source }), err.details);
  };
  // Where the provider id was named, for an error about it (details give it to scripts).
  const providerSource: ProviderSource | undefined =
    g.provider !== undefined ? '--provider' : envSetting(io.env, 'WALLET_HELP_PROVIDER') !== undefined ? 'WALLET_HELP_PROVIDER' : config.provider !== undefined ? 'setting' : undefined;
  const provider = () =>
    (chosen ??= openDirectory(contactsFile, t, io.readFile, base.lang)
      .catch(named(namedBy(g.contacts, 'WALLET_HELP_CONTACTS', 'contactsFile')))
      .then(async (directory) => {
        // The provider setting goes with the directory of the settings. A directory given for this run (--contacts,
        // WALLET_HELP_CONTACTS) that lacks that provider is used with its first one, and said so, rather than refused:
        // the setting named a provider of another file (QA: desk, a one-off file was refused for the setting's provider).
        const settingElsewhere = providerSource === 'setting' && contactsFile !== config.contactsFile;
        if (settingElsewhere && !directory.providers.some((p) => p.id === providerId)) {
          const used = directory.providers[0]!;
          const providers = listOf(t, directory.providers.map((p) => p.id));
          if (!quiet) await sayRunWarning(base, t('warning.providerSettingElsewhere', { provider: clip(providerId ?? ''), file: shownPath(contactsFile ?? ''), used: used.id, providers }));
          return { directory, provider: used };
        }
        try {
          return { directory, provider: chooseProvider(directory, providerId, t, providerSource) };
        } catch (err) {
          return named(namedBy(g.provider, 'WALLET_HELP_PROVIDER', 'provider'))(err);
        }
      }));

  let catalog: Promise<FlowCatalog> | undefined;
  let warned: Promise<void> | undefined;
  const load = () => (catalog ??= base.bundledFlows().then(async (bundled) => withOperatorFolders(bundled, await usableFolders(folders, base, quiet), base.lang)));
  // What the operator folders' files hold that a run does not use as written is said once, on standard error.
  const warn = async (result: FlowCatalog) => {
    if (result.problems.length === 0 && result.replaced.length === 0) return;
    const { formatProblem } = await import('./data/located-yaml.js');
    // One line a file, however many problems it has: its first, and how many more (flows validate lists them all).
    const byFile = new Map<string, Problem[]>();
    for (const p of result.problems) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
    for (const [file, [first, ...rest]] of byFile) {
      const problem = formatProblem(first!);
      const line = rest.length === 0 ? t('warning.flowSkipped', { problem, dir: shownPath(dirname(file)) }) : t('warning.flowSkippedMore', { problem, more: rest.length, dir: shownPath(dirname(file)) });
      await sayRunWarning(base, line);
    }
    // Not skipped: the later folder's flow is used, as the problem says.
    for (const p of result.replaced) await sayRunWarning(base, formatProblem(p));
  };
  const flows = async (options: { warn?: boolean } = {}) => {
    const result = await load();
    if (options.warn !== false && !quiet) await (warned ??= warn(result));
    return result;
  };
  const inLanguage = async (lang: Lang) => applyGlobals(await base.inLanguage(lang), g, true);
  return { ...base, inLanguage, now, nowGiven: nowText !== undefined, role, roleGiven: g.agent === true, provider, providerChosen: providerId !== undefined, flows, flowDirs, flowDirsGiven: folders.source === 'flag' && flowDirs.length > 0, ...(contactsFile === undefined ? {} : { contactsFile }) };
}

/** Where the operator flow folders of a run were named. */
type FolderSource = 'flag' | 'env' | 'setting';

/** Operator flow folders: --flows (repeatable), else WALLET_HELP_FLOWS (a path list), else the settings' flowsDir. */
function flowFolders(flag: string[] | undefined, env: string | undefined, config: Config, cwd: string): { dirs: string[]; source: FolderSource } {
  const [list, source]: [string[], FolderSource] =
    flag && flag.length > 0 ? [flag, 'flag'] : env ? [env.split(delimiter), 'env'] : config.flowsDir ? [[config.flowsDir], 'setting'] : [[], 'flag'];
  return { dirs: list.filter((d) => d.trim() !== '').map((d) => resolve(cwd, d)), source };
}

/**
 * A flows folder with no flow file in it is said so: the run goes on without its flows, and "there is no flow" would
 * not say why. Its subfolders are named, as flows validate names them: they are not read (QA: flow authoring; a team
 * kept its flows in flows/team/).
 */
async function sayIfNoFlowFiles(dir: string, base: BaseContext): Promise<void> {
  const [{ readdir }, { isFlowFileEntry }] = await Promise.all([import('node:fs/promises'), import('./flows/load.js')]);
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => undefined);
  if (!entries || entries.some(isFlowFileEntry)) return;
  const { t } = base;
  const subfolders = entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => shownPath(join(dir, e.name)));
  const said = subfolders.length === 0 ? t('warning.flowsFolderEmpty', { dir: shownPath(dir) }) : t('warning.flowsFolderSubfolders', { dir: shownPath(dir), subfolders: listOf(t, subfolders.slice(0, 5)) });
  await sayRunWarning(base, said);
}

/**
 * The flow folders that exist. One named on the command line that does not is a
 * usage error; one from the environment or the settings is left out with a
 * warning naming where it was set, so a stale setting does not stop every run.
 */
async function usableFolders(folders: { dirs: string[]; source: FolderSource }, base: BaseContext, quiet: boolean): Promise<string[]> {
  const { io, t } = base;
  const usable: string[] = [];
  for (const dir of folders.dirs) {
    const problem = await folderProblem(dir);
    if (!problem) {
      usable.push(dir);
      if (!quiet) await sayIfNoFlowFiles(dir, base);
      continue;
    }
    const source =
      folders.source === 'flag' ? t('flowsFolder.flag') : folders.source === 'env' ? t('flowsFolder.env') : t('flowsFolder.setting', { file: shownPath(join(configDir(io.env), CONFIG_FILE_NAME)) });
    const message = folderProblemText(t, problem, dir, source);
    if (folders.source === 'flag') throw new UsageError('flows_folder', message, { dir: sentValue(dir, 200) });
    if (!quiet) await sayRunWarning(base, t('warning.flowsFolder', { problem: message }));
  }
  return usable;
}
