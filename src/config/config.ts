/**
 * The user's settings file. Every run reads it (it can set the language and
 * colour), so reading is a plain JSON read; conf, which brings a JSON Schema
 * validator start-up should not pay for, is loaded only by `wallet-help config`
 * to write it atomically. Values are checked against the key table below, the
 * one schema of the settings, both when read and before conf writes them.
 */
import { renameSync, statSync, type Stats } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { readDataFileSync } from '../data/read-file.js';
import { NoSettingsFolderError } from '../errors.js';
import { currentFolder } from '../util/current-folder.js';
import { ID_PATTERN } from '../engine/types.js';
import { list, ref, type ProblemRef } from '../i18n/problem-ref.js';
import { closest } from '../util/suggest.js';
import type { SecretKind } from '../safety/kinds.js';

export interface KeySpec {
  /** Allowed values, or the kind of free value. */
  values?: readonly string[];
  kind?: 'path' | 'id';
  /** Message key of the description shown by `config list --help`. */
  summary: string;
}

/** Every setting, with its allowed values. */
export const CONFIG_KEYS = {
  lang: { values: ['en', 'zh'], summary: 'language of the output' },
  provider: { kind: 'id', summary: 'provider id in the support directory' },
  contactsFile: { kind: 'path', summary: 'the support directory file (YAML)' },
  flowsDir: { kind: 'path', summary: 'a folder of operator flows' },
  role: { values: ['user', 'agent'], summary: 'who runs the tool: a wallet user or a support agent' },
  color: { values: ['auto', 'always', 'never'], summary: 'colour: auto (on terminals), always or never' },
  saveCases: { values: ['true', 'false'], summary: 'save every case to the case log (cases.jsonl in the settings folder)' },
} as const satisfies Record<string, KeySpec>;

export type ConfigKey = keyof typeof CONFIG_KEYS;

/** What people call a setting, by the setting it is ("colour" is color): for "did you mean" on the command line and in the file. */
const KEY_SYNONYMS: Readonly<Record<string, ConfigKey>> = {
  directory: 'contactsFile', contacts: 'contactsFile', contactsfile: 'contactsFile', flows: 'flowsDir', flowsdir: 'flowsDir',
  language: 'lang', colour: 'color', savecases: 'saveCases', agent: 'role',
};

/** The settings a key that is none likely means: what people call it ("colour"), else the closest by spelling ("provder"). */
export function meantSettings(key: string): ConfigKey[] {
  // Own keys only: "constructor" or "__proto__" (a hand-edited file, a typed key) is no synonym of anything.
  const lower = key.toLowerCase();
  return Object.hasOwn(KEY_SYNONYMS, lower) ? [KEY_SYNONYMS[lower]!] : (closest(key, Object.keys(CONFIG_KEYS)) as ConfigKey[]);
}
export type Config = Partial<Record<ConfigKey, string>>;

export const CONFIG_FILE_NAME = 'config.json';

/** The folder name, as env-paths is given it with no suffix. */
const APP = 'wallet-help';

/**
 * The config folder: WALLET_HELP_CONFIG_DIR, else the platform's standard place (no "-nodejs" suffix). A leading "~"
 * in WALLET_HELP_CONFIG_DIR is the home folder (a shell leaves it as it is inside quotes, and a folder named "~" was
 * made in the current one), and a relative path is made absolute, so every message names the folder in use. A relative
 * XDG_CONFIG_HOME is ignored, as the XDG specification says: settings that moved with the current folder would be lost.
 *
 * The standard places are env-paths' (a test holds the two together on each platform), read from `env`, the run's
 * environment: env-paths reads the process's, and works out five folders and the temporary one with Node's os module
 * when it is imported, which every run paid for one folder (about 1.6 M instructions of a start of ~100 M).
 */
export function configDir(env: Readonly<Record<string, string | undefined>>): string {
  const own = env.WALLET_HELP_CONFIG_DIR;
  // (Made absolute against the current folder as the run knows it: one removed since has no path to ask for.)
  if (own) return resolve(currentFolder(env), /^~(?=$|[/\\])/.test(own) ? homeDir(env) + own.slice(1) : own);
  if (process.platform === 'darwin') return join(homeDir(env), 'Library', 'Preferences', APP);
  if (process.platform === 'win32') return join(env.APPDATA || join(homeDir(env), 'AppData', 'Roaming'), APP, 'Config');
  const xdg = env.XDG_CONFIG_HOME;
  return join(xdg && isAbsolute(xdg) ? xdg : join(homeDir(env), '.config'), APP);
}

/**
 * The home folder as Node's os.homedir() finds it, read from `env`: HOME, on Windows USERPROFILE, else what the
 * system says (the password database, the user's profile). The os module loads only then. One that is empty or
 * relative is none (settings and cases would follow the current folder, and look lost from any other), and with none
 * at all (a container's user missing from the password database, where os.homedir() throws) there is no settings
 * folder: NoSettingsFolderError (QA: robustness review; every command crashed with a stack trace).
 */
function homeDir(env: Readonly<Record<string, string | undefined>>): string {
  const given = process.platform === 'win32' ? env.USERPROFILE : env.HOME;
  if (given && isAbsolute(given)) return given;
  // The system's own record of the user (os.homedir() would give back an empty or relative HOME as it is).
  let found: string;
  try {
    found = process.getBuiltinModule('node:os').userInfo().homedir;
  } catch {
    throw new NoSettingsFolderError();
  }
  if (!found || !isAbsolute(found)) throw new NoSettingsFolderError();
  return found;
}

/**
 * Who runs the tool: a support agent with --agent, else as WALLET_HELP_ROLE says (when it names a role; an unknown one
 * is warned about where the command's context is made), else the role setting; a wallet user by default. The one rule
 * for every command, and for a secret refused on the command line before any command runs.
 */
export function roleOf(agentFlag: boolean, env: Readonly<Record<string, string | undefined>>, config: Config): 'user' | 'agent' {
  const envRole = envSetting(env, 'WALLET_HELP_ROLE');
  const setting = envRole === 'user' || envRole === 'agent' ? envRole : config.role;
  return agentFlag || setting === 'agent' ? 'agent' : 'user';
}

/**
 * A variable's value, or undefined when it is not set or set empty (`WALLET_HELP_PROVIDER=`): an empty variable is
 * unset, as WALLET_HELP_LANG and WALLET_HELP_CONFIG_DIR have always been read, and as a shell user clearing one means it.
 */
export function envSetting(env: Readonly<Record<string, string | undefined>>, name: string): string | undefined {
  const value = env[name];
  return value === '' ? undefined : value;
}

export function isConfigKey(key: string): key is ConfigKey {
  return Object.hasOwn(CONFIG_KEYS, key);
}

/** Why a value is not allowed for a key, as a message reference to word in the reader's language; undefined when it is allowed. */
export function valueProblem(key: ConfigKey, value: unknown): ProblemRef | undefined {
  const spec: KeySpec = CONFIG_KEYS[key];
  if (typeof value !== 'string' || value.trim() === '') return ref('config.notText');
  if (spec.values && !spec.values.includes(value)) return ref('config.notOneOf', { values: list(spec.values) });
  if (spec.kind === 'id' && !ID_PATTERN.test(value)) return ref('config.badId');
  if (value.length > 4096) return ref('config.tooLong');
  return undefined;
}

export interface ConfigRead {
  config: Config;
  file: string;
  /** Problems to tell the user about (in English sentences; the caller may translate the frame). */
  warnings: ConfigWarning[];
}

export type ConfigWarning =
  | { type: 'corrupt'; file: string; keptAs: string }
  | { type: 'corrupt-kept'; file: string; reason: string }
  /** `reason` is the system error code (EACCES, EISDIR, …), or ENOTREG (not a regular file) or ETOOBIG (larger than a data file may be). */
  | { type: 'unreadable'; file: string; reason: string }
  /** `problem` is worded in the user's language once that is known (it may come from this very file). */
  | { type: 'bad-value'; file: string; key: ConfigKey; value: unknown; problem: ProblemRef }
  | { type: 'unknown-key'; file: string; key: string }
  /** A value that holds a secret (a phrase pasted into the file): ignored, and never shown. Added by screenSettings. */
  | { type: 'secret'; file: string; key: ConfigKey; kind: SecretKind }
  /** A key of the file that is no setting and holds a secret: never shown (config unset would refuse it too). Added by screenSettings. */
  | { type: 'secret-key'; file: string; kind: SecretKind };

/**
 * Reads the settings. A file that is not JSON is moved aside (kept, never
 * wiped) and reported once; bad keys or values are reported and ignored.
 */
export function readConfig(env: Readonly<Record<string, string | undefined>>, now: () => Date = () => new Date(), again = true): ConfigRead {
  let file: string;
  try {
    file = join(configDir(env), CONFIG_FILE_NAME);
  } catch (err) {
    // No settings folder: no settings to read (what writes them says so).
    if (err instanceof NoSettingsFolderError) return { config: {}, file: '', warnings: [] };
    throw err;
  }
  const warnings: ConfigWarning[] = [];
  let text: string;
  let read: Stats | undefined;
  try {
    // Most people have no settings file: asking first spares every such run a thrown error (~0.07 ms with its stack).
    read = statSync(file, { throwIfNoEntry: false });
    if (read === undefined) return { config: {}, file, warnings };
    text = readDataFileSync(file).toString('utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') warnings.push({ type: 'unreadable', file, reason: code ?? 'EIO' });
    return { config: {}, file, warnings };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error('not an object');
  } catch {
    const keptAs = `${file}.corrupt-${now().toISOString().replace(/[:.]/g, '-')}`;
    // Another run may have moved it aside meanwhile (and said so), and `config set` then written a new one:
    // only the file that was read is moved, and a new one is read instead.
    const since = statSync(file, { throwIfNoEntry: false });
    if (since === undefined) return { config: {}, file, warnings };
    if (again && (since.ino !== read.ino || since.size !== read.size || since.mtimeMs !== read.mtimeMs)) return readConfig(env, now, false);
    try {
      renameSync(file, keptAs);
      warnings.push({ type: 'corrupt', file, keptAs });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { config: {}, file, warnings };
      // Readable but damaged, in a folder where it cannot be moved aside: it stays as it is.
      warnings.push({ type: 'corrupt-kept', file, reason: (err as NodeJS.ErrnoException).code ?? 'EIO' });
    }
    return { config: {}, file, warnings };
  }
  const config: Config = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (key === '__internal__') continue; // conf's own bookkeeping
    if (!isConfigKey(key)) {
      warnings.push({ type: 'unknown-key', file, key });
      continue;
    }
    // A yes-or-no setting written by hand as JSON's true or false means what "true" or "false" do.
    const given = typeof value === 'boolean' && (CONFIG_KEYS[key] as KeySpec).values?.includes(String(value)) ? String(value) : value;
    // The language may come from this very file, so the reason is kept as a reference to word later.
    const problem = valueProblem(key, given);
    if (problem) warnings.push({ type: 'bad-value', file, key, value, problem });
    else config[key] = given as string;
  }
  return { config, file, warnings };
}
