/** `wallet-help config list|get|set|unset|path`: the settings file, stored with conf. */
import { langOf, listOf, meantLang, sentences } from '../../i18n/i18n.js';
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { CONFIG_FILE_NAME, CONFIG_KEYS, configDir, isConfigKey, meantSettings, valueProblem, type ConfigKey, type KeySpec } from '../../config/config.js';
import { chooseProvider, openDirectory, openDirectoryWithWarnings } from '../../directory/source.js';
import type { Directory } from '../../directory/types.js';
import type { Problem } from '../../data/located-yaml.js';
import { folderProblem, folderProblemText } from '../../flows/catalog.js';
import { UsageError } from '../../errors.js';
import { loadScanner, mayHoldSecret, refuseSecrets } from '../../safety/screen.js';
import { layoutFor, writeWarning } from '../../render/layout.js';
import { makeDir } from '../../util/make-dir.js';
import { readDataFileSync } from '../../data/read-file.js';
import { MAX_DATA_FILE_BYTES } from '../../data/limits.js';
import { fileReason } from '../../util/read-error.js';
import { clip, safeJson, sentValue, shownPath } from '../../util/safe-text.js';
import { didYouMean, suggestionHint } from '../../util/suggest.js';
import type { Context } from '../context.js';
import '../../core.js';

export type ConfigAction = 'list' | 'get' | 'set' | 'unset' | 'path';

export interface ConfigOptions {
  action: ConfigAction;
  key?: string;
  value?: string;
  json: boolean;
}

/** Runs one config action. */
export async function runConfig(opts: ConfigOptions, ctx: Context): Promise<void> {
  const { io, t } = ctx;
  const dir = configDir(io.env);
  const file = join(dir, CONFIG_FILE_NAME);
  // A key written twice in a file edited by hand: JSON.parse, which reads the settings at every start, keeps the last
  // without a word. Said where settings are looked at (not at every start: finding it means reading the file twice).
  if (opts.action === 'list' || opts.action === 'get') await warnRepeatedKey(ctx, file);
  refuseExtraWord(opts, ctx);
  switch (opts.action) {
    case 'path':
      // As every file name is shown: an escape in WALLET_HELP_CONFIG_DIR written out, not acted on (QA: robustness review);
      // the JSON document keeps the path as it is, escaped as JSON escapes it.
      io.stdout.write(opts.json ? `${safeJson({ file })}\n` : `${shownPath(file)}\n`);
      return;
    case 'list': {
      // A value the file holds but that is not allowed is ignored everywhere else; here it is shown, marked invalid.
      const invalid = await invalidValues(ctx);
      const rows = [];
      for (const key of Object.keys(CONFIG_KEYS) as ConfigKey[]) {
        const spec: KeySpec = CONFIG_KEYS[key];
        rows.push({ key, value: ctx.config[key] ?? null, allowed: await allowed(key, ctx), ...(spec.values ? { values: [...spec.values] } : {}), ...(invalid.has(key) ? { invalid: invalid.get(key)! } : {}) });
      }
      if (opts.json) io.stdout.write(`${JSON.stringify({ file, settings: rows }, null, 2)}\n`);
      else {
        const { table } = await import('../../render/table.js');
        const cells = rows.map((r) => [r.key, r.value ?? r.invalid ?? t('config.unset'), r.allowed]);
        io.stdout.write(await table([[t('config.col.key'), t('config.col.value'), t('config.col.allowed')], ...cells], (await ctx.styles()).out, (await layoutFor(io.stdout)).width));
      }
      return;
    }
    case 'get': {
      const key = needKey(opts.key, ctx);
      const value = ctx.config[key];
      // A value the file holds but that is ignored is no value, and is said as that, not as "not set" (QA: scripts review).
      const invalid = value === undefined ? (await invalidValues(ctx)).get(key) : undefined;
      if (opts.json) io.stdout.write(`${JSON.stringify({ key, value: value ?? null, ...(invalid === undefined ? {} : { invalid }) })}\n`);
      else if (value !== undefined) io.stdout.write(`${value}\n`);
      // Standard output stays empty, as a script reading the value expects; a person is told why.
      else io.stderr.write(`${invalid === undefined ? t('config.get.notSet', { key }) : t('config.get.ignored', { key, invalid })}\n`);
      return;
    }
    case 'set': {
      const key = needKey(opts.key, ctx);
      if (opts.value === undefined) throw new UsageError('missing_value', t('config.error.noValue', { key }), { key });
      // Before a path is resolved: an empty path resolves to the current folder, which would then be read as flows.
      if (opts.value.trim() === '') throw await refusedValue(ctx, key, opts.value, (allowed) => t('config.error.empty', { key, allowed }));
      const spec: KeySpec = CONFIG_KEYS[key];
      // Paths are stored absolute, so the setting means the same from any folder.
      // A language as a locale tag (zh-CN, en_GB) is stored as the language it names, as --lang reads it.
      const value = spec.kind === 'path' ? resolve(io.cwd, opts.value) : key === 'lang' ? (langOf(opts.value) ?? opts.value) : opts.value;
      await refuseSecrets(t, [{ text: opts.value, field: 'value' }]);
      const problem = valueProblem(key, value);
      if (problem) throw await refusedValue(ctx, key, opts.value, (allowed) => t('config.error.badValue', { key, value: clip(opts.value!), allowed }));
      // A directory or provider that cannot be used would break every diagnosis later: refuse it now, saying why.
      let directory: Directory | undefined;
      let warnings: Problem[] = [];
      if (key === 'contactsFile') {
        ({ directory, warnings } = await openDirectoryWithWarnings(value, t, io.readFile, ctx.lang));
        // The provider setting must still name one of its providers, or every later run fails on it.
        if (ctx.config.provider !== undefined && !directory.providers.some((p) => p.id === ctx.config.provider)) {
          throw new UsageError('invalid_config_value', t('config.error.providerNotIn', { provider: ctx.config.provider, file: value, providers: listOf(t, directory.providers.map((p) => p.id)) }), { key, value: sentValue(opts.value), provider: ctx.config.provider });
        }
      }
      if (key === 'provider') chooseProvider(await openDirectory(ctx.contactsFile, t, io.readFile, ctx.lang), value, t);
      if (key === 'flowsDir') {
        const problem = await folderProblem(value);
        if (problem) throw new UsageError('invalid_config_value', folderProblemText(t, problem, value, t('flowsFolder.configSet')), { key, value: sentValue(opts.value), dir: clip(value) });
      }
      await withStore(dir, ctx, 'set', (store) => store.set(key, value));
      if (opts.json) io.stdout.write(`${JSON.stringify({ key, value })}\n`);
      else io.stderr.write(`${t('config.set.done', { key, value })}\n`);
      if (key === 'flowsDir') await warnOfBrokenFlows(value, ctx);
      // What flows validate warns of, said the same way: every team it lacks, a line never open, a contact shared (QA:
      // directory review; only a missing security team was said here).
      for (const w of warnings) await writeWarning(io.stderr, t('warning.prefix'), w.message);
      return;
    }
    case 'unset': {
      // A key the file holds is removed even when it is not a setting (a typo, an old key): the warning says to.
      const known = opts.key === undefined || isConfigKey(opts.key);
      if (known) needKey(opts.key, ctx);
      const { key, held } = await withStore(dir, ctx, 'unset', (store) => {
        const key = known || !store.has(opts.key!) ? needKey(opts.key, ctx) : opts.key!;
        // Unsetting what is not set changes nothing, and says so rather than "Removed" (in JSON, `removed`).
        const held = store.has(key);
        if (held) store.delete(key);
        return { key, held };
      });
      if (opts.json) io.stdout.write(`${JSON.stringify({ key, value: null, removed: held })}\n`);
      else io.stderr.write(`${t(held ? 'config.unset.done' : 'config.unset.notSet', { key: clip(key) })}\n`);
      return;
    }
  }
}

/**
 * Says how many files of a flows folder just saved have problems, and how to see them. Saved all the same: a run
 * skips a broken file with a warning and uses the other flows (unlike a broken directory file, which would take
 * the contacts from every diagnosis), and a folder may be set while its flows are still being written.
 */
async function warnOfBrokenFlows(dir: string, ctx: Context): Promise<void> {
  const { loadFlowFolders } = await import('../../flows/load.js');
  const { problems } = await loadFlowFolders([dir], ctx.lang);
  const files = new Set(problems.map((p) => p.file)).size;
  if (files === 0) return;
  await writeWarning(ctx.io.stderr, ctx.t('warning.prefix'), ctx.t('config.warn.flowsProblems', { count: files, dir: clip(dir) }));
}

/** What people call each role, by the role it is. */
const ROLE_NAMES: Readonly<Record<string, 'user' | 'agent'>> = {
  support: 'agent', staff: 'agent', desk: 'agent', operator: 'agent', 客服: 'agent', 坐席: 'agent', 客服人员: 'agent', 工作人员: 'agent',
  customer: 'user', client: 'user', 用户: 'user', 客户: 'user',
};

function meantRole(value: string): string[] {
  const name = value.trim().toLowerCase();
  return Object.hasOwn(ROLE_NAMES, name) ? [ROLE_NAMES[name]!] : [];
}

/**
 * A value refused for a setting: the value as sent, what the setting takes in words, and for a setting of fixed values
 * the list of them (for scripts) and the closest to what was typed ("agnet": did you mean "agent"?). The value has been
 * screened (main screens every argument that may hold a secret).
 */
async function refusedValue(ctx: Context, key: ConfigKey, value: string, message: (allowed: string) => string): Promise<UsageError> {
  const words = await allowed(key, ctx);
  const spec: KeySpec = CONFIG_KEYS[key];
  // A language by its name ("chinese", "中文") is no misspelling of a tag, and is suggested as the tag it names; a role
  // by what people call it ("客服", "support"), as the role it is (QA: zh user).
  const named = key === 'lang' ? meantLang(value) : key === 'role' ? meantRole(value) : spec.values?.includes('true') ? meantBoolean(value) : [];
  // Nothing given is near every short value: the message says it is empty and lists them, with nothing to suggest.
  const { suggestions, hint } = named.length > 0 ? { suggestions: named, hint: suggestionHint(ctx.t, named) } : spec.values && value.trim() !== '' ? didYouMean(ctx.t, value.trim(), spec.values) : { suggestions: [], hint: '' };
  return new UsageError('invalid_config_value', sentences(ctx.t, message(words), hint), { key, value: sentValue(value), allowed: words, ...(spec.values ? { values: [...spec.values], suggestions } : {}) });
}

/** Yes or no as people type it ("yes", "on", "1", "是", "否"), as the true or false it means (QA: Chinese user). */
function meantBoolean(value: string): string[] {
  const v = value.trim().toLowerCase();
  if (/^(?:yes|y|on|1|enable|enabled|是|是的|对|开|开启|打开|启用)$/.test(v)) return ['true'];
  if (/^(?:no|n|off|0|disable|disabled|否|不|不是|关|关闭|停用)$/.test(v)) return ['false'];
  return [];
}

/** Warns of a key the settings file has twice; one that may hold a secret is not quoted. */
async function warnRepeatedKey(ctx: Context, file: string): Promise<void> {
  if (!existsSync(file)) return;
  let text: string;
  try {
    // As the settings are read at start (config.ts): a regular file of bounded size.
    text = readDataFileSync(file).toString('utf8');
  } catch {
    return;
  }
  const { findJsonProblem } = await import('../../data/strict-json.js');
  const problem = findJsonProblem(text.replace(/^\uFEFF/, ''));
  if (problem?.kind !== 'duplicate' || problem.key === undefined) return;
  // Quoted as the warning of an unknown key quotes it, unless it may hold a secret.
  const key = problem.key;
  const message = isConfigKey(key) ? ctx.t('config.repeatedKey', { file: shownPath(file), key }) : mayHoldSecret(key) ? ctx.t('config.repeatedOtherKey', { file: shownPath(file) }) : ctx.t('config.repeatedUnknownKey', { file: shownPath(file), key: clip(key, 40) });
  await writeWarning(ctx.io.stderr, ctx.t('warning.prefix'), message);
}

/** What a setting takes, in words: its values, the directory's provider ids, or a file or a folder. */
async function allowed(key: ConfigKey, ctx: Context): Promise<string> {
  const spec: KeySpec = CONFIG_KEYS[key];
  if (spec.values) return spec.values.join(' | ');
  if (key === 'provider') {
    try {
      return (await openDirectory(ctx.contactsFile, ctx.t, ctx.io.readFile, ctx.lang)).providers.map((p) => p.id).join(' | ');
    } catch (err) {
      // A directory that cannot be read is reported where it is used; here the column only says what kind of value it takes.
      if (err instanceof UsageError) return ctx.t('config.allowed.provider');
      throw err;
    }
  }
  return ctx.t(key === 'contactsFile' ? 'config.allowed.file' : 'config.allowed.folder');
}

/** The setting named, or a usage error with the settings it likely means (see meantSettings). */
/**
 * Refuses a word an action does not take, rather than ignore it: "config get lang zh" meant set, and "config list lang"
 * meant get (QA: UX review; commander allows the key and value of every action). Said with the command meant.
 */
function refuseExtraWord(opts: ConfigOptions, ctx: Context): void {
  const takesNone = opts.action === 'list' || opts.action === 'path';
  const extra = takesNone ? opts.key : opts.action === 'get' || opts.action === 'unset' ? opts.value : undefined;
  if (extra === undefined) return;
  const { t } = ctx;
  const hint =
    opts.action === 'get' && opts.key !== undefined && isConfigKey(opts.key)
      ? t('config.hint.set', { key: opts.key, value: clip(extra) })
      : takesNone && isConfigKey(extra)
        ? t('config.hint.get', { key: extra })
        : '';
  const message = t('config.error.tooMany', { action: opts.action, takes: t(takesNone ? 'config.takes.none' : 'config.takes.key'), extra: clip(extra) });
  throw new UsageError('usage', hint ? sentences(t, message, hint) : message, { action: opts.action, extra: sentValue(extra) });
}

/** The settings the file holds with a value that is ignored, each with what it is and why ("zh-CN (invalid: …; ignored)"). */
async function invalidValues(ctx: Context): Promise<Map<string, string>> {
  const { t } = ctx;
  const invalid = new Map<string, string>();
  const { problemTranslator } = await import('../../i18n/problems.js');
  const word = problemTranslator(ctx.lang);
  for (const w of ctx.configWarnings) {
    if (w.type === 'bad-value') invalid.set(w.key, t('config.invalid', { value: await shownValue(w.value), reason: word(w.problem.key, w.problem.params) }));
    if (w.type === 'secret') invalid.set(w.key, t('config.invalid', { value: '…', reason: t('config.holdsSecret', { kind: t(`secret.${w.kind}`) }) }));
  }
  return invalid;
}

function needKey(key: string | undefined, ctx: Context): ConfigKey {
  const keys = Object.keys(CONFIG_KEYS);
  if (key === undefined) throw new UsageError('missing_key', ctx.t('config.error.noKey', { keys: listOf(ctx.t, keys) }), { keys });
  if (!isConfigKey(key)) {
    // In the language's own list and sentence punctuation ("lang、provider", no space after "。").
    const suggestions = meantSettings(key);
    // "config set lang=zh": the setting and its value as one word.
    const eq = key.indexOf('=');
    const written = eq > 0 ? key.slice(0, eq) : undefined;
    const hint = written !== undefined && isConfigKey(written) ? ctx.t('config.hint.set', { key: written, value: clip(key.slice(eq + 1)) }) : suggestionHint(ctx.t, suggestions);
    throw new UsageError('unknown_config_key', sentences(ctx.t, ctx.t('config.error.unknownKey', { key: clip(key), keys: listOf(ctx.t, keys) }), hint), { key: clip(key), keys, suggestions });
  }
  return key;
}

/** A stored value for display: printable, short, and never a secret someone typed into the file. */
async function shownValue(value: unknown): Promise<string> {
  // Screened whole: the first 60 characters of a recovery phrase are most of it, and no longer look like one.
  const whole = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  if (!mayHoldSecret(whole)) return clip(whole);
  const { findSecrets } = await loadScanner();
  return findSecrets(whole).length > 0 ? '…' : clip(whole);
}

interface Store {
  set(key: string, value: string): void;
  delete(key: string): void;
  has(key: string): boolean;
}

/**
 * Runs `work` on the settings file through conf, loaded only here: it brings a schema validator start-up should not pay
 * for. Its file errors become a sentence. The file is locked meanwhile: two `config set` at once each read the file and
 * wrote it back with their own key, and one key was lost though both said "Saved" (QA: robustness review).
 */
async function withStore<T>(cwd: string, ctx: Context, action: 'set' | 'unset', work: (store: Store) => T): Promise<T> {
  const [{ Conf }, { lockFile }] = await Promise.all([import('../../vendor/conf.js'), import('../../util/file-lock.js')]);
  const file = join(cwd, CONFIG_FILE_NAME);
  const unwritable = (err: unknown) => {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code !== undefined ? fileReason(ctx.t, code) : err instanceof SyntaxError ? ctx.t('config.reason.notJson') : ctx.t('error.unknownReason');
    // A full disk is not a file to check the rights of, nor is a file another run is changing.
    const stuck = code === 'ELOCKED' && (err as { stuck?: boolean }).stuck === true;
    const key = code === 'ENOSPC' || code === 'EDQUOT' ? 'config.error.storeFull' : stuck ? 'config.error.storeLockStuck' : code === 'ELOCKED' ? 'config.error.storeLocked' : 'config.error.store';
    return new UsageError('config_unwritable', ctx.t(key, { file: shownPath(file), reason, lock: shownPath(`${file}.lock`) }), { reason: code ?? reason });
  };
  const guard = <T>(work: () => T): T => {
    try {
      return work();
    } catch (err) {
      throw unwritable(err);
    }
  };
  // The folder first, made by us: conf's own recursive mkdir spins forever where a folder cannot be made (/proc).
  await makeDir(cwd).catch((err: unknown) => {
    throw unwritable(err);
  });
  const release = await lockFile(file).catch((err: unknown) => {
    throw unwritable(err);
  });
  try {
    // A copy conf was writing aside when its run was killed (atomically's "config.json.tmp-…"): with the lock held no
    // other run is writing one, so any there is left over, and goes (QA: robustness review; they piled up).
    await removeWrittenAside(cwd, basename(file));
    // conf reads the file with a blocking read: a pipe or a device in its place hung `config set` past every signal, and
    // a link to /dev/zero filled the memory (QA: robustness review). It is first read as a run reads it.
    let mode: number | undefined;
    try {
      readDataFileSync(file);
      const held = statSync(file);
      // A file made read-only is not written over (its folder may allow the new copy); its rights are kept otherwise.
      accessSync(file, constants.W_OK);
      mode = held.mode & 0o777;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // Too large for a run to read: set would be saved and never used. Unset may still make it small enough.
      if (code === 'ETOOBIG' && action === 'set') throw new UsageError('config_unwritable', ctx.t('config.error.storeTooLarge', { file: shownPath(file), max: `${MAX_DATA_FILE_BYTES / (1024 * 1024)} MB` }), { reason: code });
      if (code !== 'ENOENT' && code !== 'ETOOBIG') throw unwritable(err);
    }
    // Keys are names, not paths: "config unset a.b" removes the key "a.b" a hand-edited file holds (the warning
    // says to), and "__proto__" or "constructor" are keys like any other, where dot-prop would refuse or miss them.
    const store = guard(() => new Conf<Record<string, string>>({ projectName: 'wallet-help', projectSuffix: '', cwd, configName: 'config', clearInvalidConfig: false, accessPropertiesByDotNotation: false, ...(mode !== undefined ? { configFileMode: mode } : {}) }));
    return work({ set: (key, value) => guard(() => store.set(key, value)), delete: (key) => guard(() => store.delete(key)), has: (key) => guard(() => store.has(key)) });
  } finally {
    await release();
  }
}

/** The copies atomically writes beside `name` before renaming one into place: `<name>.tmp-<10 digits><6 hex>`. */
async function removeWrittenAside(folder: string, name: string): Promise<void> {
  const aside = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.tmp-\\d{10}[a-f0-9]{6}$`);
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return;
  }
  for (const found of names.filter((n) => aside.test(n))) await rm(join(folder, found), { force: true }).catch(() => undefined);
}
