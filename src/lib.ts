/**
 * wallet-help as a library: the same flows, engine and result documents as the
 * CLI's `--json`, without spawning a process.
 *
 *   import { loadFlows, diagnose } from 'wallet-help';
 *   const flows = await loadFlows();
 *   const result = await diagnose(flows, { flow: 'payment-failed', answers: { network: 'offline' } });
 */
import { statSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { ContactBook } from './diagnosis/contact-book.js';
import { diagnoseWith, type BrokenFlows, type FullResult } from './diagnosis/diagnosis.js';
import { chooseProvider, openDirectory } from './directory/source.js';
import type { Directory } from './directory/types.js';
import { BUNDLED_DIRECTORY_JSON } from './paths.js';
import { LANGS, type Flow, type Lang } from './engine/types.js';
import { MAX_TEXT_OPTION_LENGTH, NOW_FROM_YEAR, NOW_TO_YEAR, nowInRange } from './data/limits.js';
import { ExitCode, UsageError, WalletHelpError } from './errors.js';
import { folderProblem, folderProblemText, loadBundledFlows, withOperatorFolders } from './flows/catalog.js';
import { readRequest, screenRequest, screenRequestId } from './diagnosis/request.js';
import { listOf, meantLang, sentences, translator, type Translate } from './i18n/i18n.js';
import { refuseSecrets, type LibraryOption } from './safety/screen.js';
import { clip, mayHoldSecret, quotedKey, sentValue } from './util/safe-text.js';
import { closest, suggestionHint } from './util/suggest.js';

export type { DiagnosisResult } from './engine/result.js';
export type { ContactCard, ChannelView } from './directory/contact.js';
export type { Flow, Lang, Localized, Outcome, OutcomeKind, Question, Queue } from './engine/types.js';
export type { Problem } from './data/located-yaml.js';
export { ExitCode, UsageError, WalletHelpError };
export { SecretError } from './safety/screen.js';
export type { FullResult };

/** The flows a diagnosis can use, with the problems of operator files: those skipped, and flows used in place of one with their id in an earlier folder. */
export interface FlowSet {
  flows: ReadonlyMap<string, Flow>;
  /** Where each flow came from: "bundled" or the operator folder. */
  sources: ReadonlyMap<string, string>;
  problems: readonly import('./data/located-yaml.js').Problem[];
  /** Operator flow files that are broken, by the flow id their name gives: diagnosing one says so (`broken_flow`). */
  broken?: BrokenFlows;
}

export interface LoadFlowsOptions {
  /** Folders of operator flows; a flow with a bundled id replaces it. */
  dirs?: readonly string[];
}

/** Loads the bundled flows plus any operator folders. Throws a UsageError (`invalid_option`) for options of the wrong shape. */
export async function loadFlows(options: LoadFlowsOptions = {}): Promise<FlowSet> {
  const t = await translator('en');
  if (!isRecord(options as unknown)) throw new UsageError('invalid_option', t('lib.badOptions', { fn: 'loadFlows', example: '{ dirs: ["./our-flows"] }' }), { option: null });
  refuseUnknownKeys(t, 'loadFlows', options, ['dirs']);
  const dirs: unknown = options.dirs ?? [];
  if (!Array.isArray(dirs) || !dirs.every((d) => typeof d === 'string')) throw new UsageError('invalid_option', t('lib.badDirs'), { option: 'dirs' });
  // Screened before a message can name a folder, as --flows is on the command line.
  await refuseSecretOptions(t, { dirs });
  // An empty path would be the current folder, its package.json read as a broken flow (QA: scripts).
  if (dirs.some((d: string) => d.trim() === '')) throw new UsageError('flows_folder', t('error.flowsFolder.empty', { source: t('flowsFolder.library') }), { dir: '' });
  const folders = dirs.map((d) => resolvePath(d));
  // A folder that is not there is a mistake of the caller, as --flows is on the command line.
  for (const dir of folders) {
    const problem = await folderProblem(dir);
    if (problem) throw new UsageError('flows_folder', folderProblemText(t, problem, dir, t('flowsFolder.library')), { dir: sentValue(dir, 200) });
  }
  const bundled = await loadBundledFlows(t);
  const catalog = await withOperatorFolders(bundled, folders);
  return {
    flows: catalog.flows,
    sources: new Map([...catalog.entries].map(([id, e]) => [id, e.origin])),
    problems: [...catalog.problems, ...catalog.replaced],
    broken: catalog.broken,
  };
}

export interface DiagnoseRequest {
  flow: string;
  /** Question ids and their values; absent or null: no answers. */
  answers?: Readonly<Record<string, string>> | null;
  /** As a --batch line has one: taken, not used (a batch echoes it; a caller holds its own request). */
  id?: string | number | null;
}

export interface DiagnoseOptions {
  lang?: Lang;
  /** The instant service hours are evaluated at (default: now). */
  now?: Date;
  /** A directory file (YAML) to take contacts from; default: the bundled demo. */
  contactsFile?: string;
  /** Provider id in the directory; default: the first. */
  provider?: string;
}

/**
 * Runs one diagnosis and returns the document `wallet-help diagnose --json`
 * prints. Throws a UsageError (exit code 2 in the CLI) whose `code` and
 * `details` match the CLI's JSON errors: for an unknown flow, question or value,
 * a missing answer, a secret, an unknown `lang` (`invalid_lang`), a `now` that is
 * not a valid Date (`invalid_now`), a request or options of the wrong shape
 * (`missing_flow`, `invalid_answers`, `invalid_option`).
 */
export async function diagnose(flows: FlowSet, request: DiagnoseRequest, options: DiagnoseOptions = {}): Promise<FullResult> {
  const english = await translator('en');
  if (!isRecord(options as unknown)) throw new UsageError('invalid_option', english('lib.badOptions', { fn: 'diagnose', example: '{ lang: "zh" }' }), { option: null });
  refuseUnknownKeys(english, 'diagnose', options, ['lang', 'now', 'contactsFile', 'provider']);
  // A request holds what a --batch line holds: the flow, its answers, and an id (which only a batch line echoes).
  if (isRecord(request)) {
    const key = Object.keys(request).find((k) => !REQUEST_KEYS.includes(k));
    if (key !== undefined) throw new UsageError('invalid_request', english('lib.unknownRequestKey', { key: quotedKey(key) }), { key: keyDetail(key) });
  }
  // Every option a message may quote is screened first, as the command line is (a provider id, a file name).
  await refuseSecretOptions(english, { lang: options.lang, now: options.now, contactsFile: options.contactsFile, provider: options.provider });
  const lang: unknown = options.lang ?? 'en';
  // An unknown language would give a document without texts: refused like --lang is.
  if (typeof lang !== 'string' || !(LANGS as readonly string[]).includes(lang)) {
    const suggestions = typeof lang === 'string' ? meantLang(lang) : [];
    throw new UsageError('invalid_lang', sentences(english, english('error.badLang', { lang: clip(String(lang)) }), suggestionHint(english, suggestions)), { lang: sentValue(String(lang)), suggestions });
  }
  const t = await translator(lang as Lang);
  const now: unknown = options.now ?? new Date();
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    const value = now instanceof Date ? 'Invalid Date' : String(now);
    throw new UsageError('invalid_now', t('lib.badNow', { value: typeof now === 'string' ? `"${clip(value)}"` : clip(value) }), { value: sentValue(value) });
  }
  // The range --now takes, for the same reasons (a year before 1970 was written "1 Jan 1").
  if (!nowInRange(now)) throw new UsageError('invalid_now', t('lib.nowRange', { value: now.toISOString(), from: NOW_FROM_YEAR, to: NOW_TO_YEAR }), { value: now.toISOString() });
  for (const option of ['contactsFile', 'provider'] as const) {
    const value: unknown = options[option];
    if (value !== undefined && typeof value !== 'string') throw new UsageError('invalid_option', t('lib.badText', { option }), { option });
  }
  // What loadFlows() returns holds its flows in a map-like catalogue (read lazily, not a Map): checked by shape.
  const catalog: unknown = isRecord(flows) ? flows.flows : undefined;
  if (!isRecord(catalog) || typeof catalog.get !== 'function' || typeof catalog.keys !== 'function') throw new UsageError('invalid_option', t('lib.badFlows'), { option: 'flows' });
  const env = { lang: lang as Lang, t, now, answersIn: 'request' as const };
  // Callers are scripts: a request of the wrong shape is a usage error, with the code and details a batch line gets.
  const read = readRequest(t, flows.flows, isRecord(request) ? request.flow : undefined, isRecord(request) ? request.answers : undefined);
  // The id is screened as a batch line's is: the same request, the same refusal (QA: scripts).
  if (isRecord(request)) await screenRequestId(t, request.id);
  await screenRequest(t, read);
  const { flow, answers } = read;
  // A directory or provider named is checked on every call, not only when an outcome needs a contact: a mistyped
  // contactsFile passed every fix and failed the first security alert in production (QA: library review).
  // (After the request's own mistakes, which are said first, as before.)
  const named = options.contactsFile !== undefined || options.provider !== undefined;
  const first = diagnoseWith(env, flows.flows, flow, answers, undefined, flows.broken);
  if (!first.outcome.queue && !named) return first;
  const directory = await directoryFor(options.contactsFile, t, env.lang);
  const provider = chooseProvider(directory, options.provider, t);
  return first.outcome.queue ? diagnoseWith(env, flows.flows, flow, answers, new ContactBook(directory, provider, env), flows.broken) : first;
}

/**
 * The directory of a call, read again only when its file changed (its device, inode, size or times): read, parsed and
 * checked on every call, it made each diagnosis that ended at a contact some twenty times dearer than one that did
 * not, in a back end that calls for every message (QA: script integrator). A file that cannot be looked at is opened
 * as before, to be said as openDirectory says it.
 */
async function directoryFor(file: string | undefined, t: Translate, lang: Lang): Promise<Directory> {
  const path = file === undefined ? BUNDLED_DIRECTORY_JSON : resolvePath(file);
  let stamp: string;
  try {
    // Asked synchronously: a stat through the thread pool cost more than the whole diagnosis.
    const s = statSync(path);
    // The change time too, which no one can set back: a file edited to the same size, its time then restored, is read again (review).
    stamp = `${s.dev}:${s.ino}:${s.size}:${s.mtimeMs}:${s.ctimeMs}:${lang}`;
  } catch {
    return openDirectory(file, t, undefined, lang);
  }
  const kept = directories.get(path);
  if (kept?.stamp === stamp) return kept.directory;
  const directory = await openDirectory(file, t, undefined, lang);
  if (directories.size >= MAX_DIRECTORIES) directories.delete(directories.keys().next().value!);
  directories.set(path, { stamp, directory });
  return directory;
}

/** Directories read, by path; the oldest goes first when it is full. */
const directories = new Map<string, { stamp: string; directory: Directory }>();
const MAX_DIRECTORIES = 16;

/** Refuses options that hold a secret (`secret_refused`, with the option as `field`), never quoting them. */
async function refuseSecretOptions(t: Translate, options: Partial<Record<LibraryOption, unknown>>): Promise<void> {
  // What no option can be is not read through, however long: said by its length, never quoted (QA: library review).
  for (const [field, value] of Object.entries(options) as [LibraryOption, unknown][]) {
    if ((Array.isArray(value) ? value : [value]).some((v) => typeof v === 'string' && v.length > MAX_TEXT_OPTION_LENGTH)) {
      throw new UsageError('invalid_option', t('request.textTooLong', { field, max: MAX_TEXT_OPTION_LENGTH }), { option: field });
    }
  }
  const suspects = (Object.entries(options) as [LibraryOption, unknown][]).flatMap(([field, value]) =>
    (Array.isArray(value) ? value : [value]).flatMap((v) => (typeof v === 'string' && mayHoldSecret(v) ? [{ text: v, field }] : [])),
  );
  await refuseSecrets(t, suspects);
}

const REQUEST_KEYS: readonly string[] = ['flow', 'answers', 'id'];

/**
 * An option the function does not take is refused, not ignored: a misspelt `{ dir: … }` or an option of another
 * function (`{ role: 'agent' }`) would otherwise run as if it had not been given (QA: script). A key that may hold
 * a secret is not quoted.
 */
function refuseUnknownKeys(t: Translate, fn: 'diagnose' | 'loadFlows', options: object, known: readonly string[]): void {
  const key = Object.keys(options).find((k) => !known.includes(k));
  if (key === undefined) return;
  const suggestions = mayHoldSecret(key) ? [] : closest(key, known);
  throw new UsageError('invalid_option', sentences(t, t('lib.unknownOption', { fn, option: quotedKey(key), options: listOf(t, known) }), suggestionHint(t, suggestions)), { option: keyDetail(key), suggestions });
}

/** An unknown key in an error's details: as sent, unless it may hold a secret. */
function keyDetail(key: string): string {
  return mayHoldSecret(key) ? '…' : sentValue(key);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
