/**
 * wallet-help as a library: the same flows, engine and result documents as the
 * CLI's `--json`, without spawning a process.
 *
 *   import { loadFlows, diagnose } from 'wallet-help';
 *   const flows = await loadFlows();
 *   const result = await diagnose(flows, { flow: 'payment-failed', answers: { network: 'offline' } });
 */
import { resolve as resolvePath } from 'node:path';
import { ContactBook } from './diagnosis/contact-book.js';
import { diagnoseWith, type FullResult } from './diagnosis/diagnosis.js';
import { chooseProvider, openDirectory } from './directory/source.js';
import type { Flow, Lang } from './engine/types.js';
import { ExitCode, UsageError, WalletHelpError } from './errors.js';
import { loadBundledFlows, withOperatorFolders } from './flows/catalog.js';
import { refuseSecrets, suspectInputs } from './safety/screen.js';
import { translator } from './i18n/i18n.js';

export type { DiagnosisResult } from './engine/result.js';
export type { ContactCard, ChannelView } from './directory/contact.js';
export type { Flow, Lang, Localized, Outcome, OutcomeKind, Question, Queue } from './engine/types.js';
export type { Problem } from './data/located-yaml.js';
export { ExitCode, UsageError, WalletHelpError };
export { SecretError } from './safety/screen.js';
export type { FullResult };

/** The flows a diagnosis can use, with the problems of operator files that were skipped. */
export interface FlowSet {
  flows: ReadonlyMap<string, Flow>;
  /** Where each flow came from: "bundled" or the operator folder. */
  sources: ReadonlyMap<string, string>;
  problems: readonly import('./data/located-yaml.js').Problem[];
}

export interface LoadFlowsOptions {
  /** Folders of operator flows; a flow with a bundled id replaces it. */
  dirs?: readonly string[];
}

/** Loads the bundled flows plus any operator folders. */
export async function loadFlows(options: LoadFlowsOptions = {}): Promise<FlowSet> {
  const bundled = await loadBundledFlows(await translator('en'));
  const catalog = await withOperatorFolders(bundled, (options.dirs ?? []).map((d) => resolvePath(d)));
  return {
    flows: catalog.flows,
    sources: new Map([...catalog.entries].map(([id, e]) => [id, e.origin])),
    problems: catalog.problems,
  };
}

export interface DiagnoseRequest {
  flow: string;
  answers?: Readonly<Record<string, string>>;
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
 * prints. Throws a UsageError (exit code 2 in the CLI) for an unknown flow,
 * question or value, or a missing answer; its `code` and `details` match the
 * CLI's JSON errors.
 */
export async function diagnose(flows: FlowSet, request: DiagnoseRequest, options: DiagnoseOptions = {}): Promise<FullResult> {
  const lang = options.lang ?? 'en';
  const env = { lang, t: await translator(lang), now: options.now ?? new Date() };
  // Callers are scripts: a request of the wrong shape is a usage error, as on the command line.
  const raw: unknown = request?.answers ?? {};
  if (typeof request?.flow !== 'string' || typeof raw !== 'object' || raw === null || Array.isArray(raw) || !Object.values(raw).every((v) => typeof v === 'string')) {
    throw new UsageError('invalid_request', env.t('lib.badRequest'));
  }
  const answers: Record<string, string> = Object.assign(Object.create(null), raw);
  await refuseSecrets(env.t, suspectInputs(flows.flows, request.flow, answers));
  const first = diagnoseWith(env, flows.flows, request.flow, answers, undefined);
  if (!first.outcome.queue) return first;
  const directory = await openDirectory(options.contactsFile, env.t, undefined, lang);
  const provider = chooseProvider(directory, options.provider, env.t);
  return diagnoseWith(env, flows.flows, request.flow, answers, new ContactBook(directory, provider, env));
}
