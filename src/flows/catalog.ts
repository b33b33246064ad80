/**
 * The flows a run can use: the bundled ones, replaced or extended by operator
 * folders. The bundled flows are compiled at build time (already validated) to
 * JSON files plus an index of their ids, titles and descriptions (the problem menu),
 * so a run reads only the flows it uses, and loads the YAML parser only when an
 * operator folder is configured. Each flow is compiled in every language (the
 * library's) and once per language with its texts in that language only (a run
 * speaks one language and reads a file half the size).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Problem } from '../data/located-yaml.js';
import type { BrokenFlow } from './load.js';
import type { Flow, Lang, Localized } from '../engine/types.js';
import { ExitCode, WalletHelpError } from '../errors.js';
import type { Translate } from '../i18n/i18n.js';
import { BUNDLED_FLOWS_JSON_DIR } from '../paths.js';
import { fileReason } from '../util/read-error.js';
import { clip, shownPath } from '../util/safe-text.js';

export interface CatalogEntry {
  flow: Flow;
  /** "bundled", or the operator folder it came from. */
  origin: string;
  /** The operator file, for operator flows. */
  file?: string;
  /** An operator flow that took the place of the bundled flow with the same id. */
  replaces: boolean;
}

/** What the problem menu shows of a flow; the bundled ones are in the index, no flow file is read for the menu. */
export type FlowSummary = Pick<Flow, 'id' | 'title' | 'description'>;

export interface FlowCatalog {
  /** Flows by id, in menu order. */
  flows: ReadonlyMap<string, Flow>;
  entries: ReadonlyMap<string, CatalogEntry>;
  /** Problems of operator files that were skipped. */
  problems: Problem[];
  /** Operator flows used in place of a flow with their id in an earlier operator folder, each said at the later file's `id:`. */
  replaced: Problem[];
  /** Flows whose operator file is broken (and that no other operator file provides), by id: a broken replacement of a bundled flow included. */
  broken: ReadonlyMap<string, BrokenFlow>;
}

/** The name of the compiled index of bundled flows (their summaries), beside `<id>.json` and `<id>.<lang>.json` per flow. */
export const FLOW_INDEX = 'index.json';

/** The name of a compiled bundled flow: in every language, or in `lang` only (see flowInLanguage). */
export function flowFileName(id: string, lang?: Lang): string {
  return lang ? `${id}.${lang}.json` : `${id}.json`;
}

/**
 * The flow with each of its texts in `lang` only, for the build: what a run in that language
 * reads. Its texts are read with `[lang]` like those of any flow; another language's are absent.
 */
export function flowInLanguage(flow: Flow, lang: Lang): Flow {
  const one = (text: Localized): Localized => ({ [lang]: text[lang] }) as Localized;
  const each = <T, U>(record: Record<string, T>, f: (value: T) => U): Record<string, U> => Object.fromEntries(Object.entries(record).map(([k, v]) => [k, f(v)]));
  return {
    ...flow,
    title: one(flow.title),
    description: one(flow.description),
    questions: each(flow.questions, (q) => ({
      ...q,
      text: one(q.text),
      ...(q.agent ? { agent: one(q.agent) } : {}),
      ...(q.input ? { input: one(q.input) } : {}),
      answers: q.answers.map((a) => ({ ...a, label: one(a.label) })),
    })),
    outcomes: each(flow.outcomes, (o) => ({
      ...o,
      title: one(o.title),
      steps: o.steps.map(one),
      ...(o.agent ? { agent: o.agent.map(one) } : {}),
      ...(o.agentTitle ? { agentTitle: one(o.agentTitle) } : {}),
      ...(o.prepare ? { prepare: o.prepare.map(one) } : {}),
    })),
  };
}

/** The index the build writes for `flows`. */
export function flowIndex(flows: readonly Flow[]): FlowSummary[] {
  return flows.map(({ id, title, description }) => ({ id, title, description }));
}

/**
 * The compiled bundled flows: the index is read now, each flow when it is first
 * asked for (a diagnosis of one problem reads one small file). With `lang`, the
 * flows hold their texts in that language only: for a run, whose every text is in
 * its one language.
 */
export async function loadBundledFlows(t: Translate, dir: string = BUNDLED_FLOWS_JSON_DIR, lang?: Lang): Promise<ReadonlyMap<string, Flow>> {
  const read = (name: string): unknown => {
    const file = join(dir, name);
    try {
      return JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      throw new WalletHelpError('flows_missing', t('error.flowsMissing', { file }), ExitCode.internal);
    }
  };
  return new FlowShelf(read(FLOW_INDEX) as FlowSummary[], (id) => read(flowFileName(id, lang)) as Flow);
}

/** The summaries of `flows`, in their order, reading no flow that is not read yet. */
export function flowSummaries(flows: ReadonlyMap<string, Flow>): FlowSummary[] {
  return flows instanceof FlowShelf ? flows.summaries() : [...flows.values()];
}

/** A read-only map of flows whose values are loaded on first use. */
class FlowShelf implements ReadonlyMap<string, Flow> {
  readonly #summaries: readonly FlowSummary[];
  readonly #ids: readonly string[];
  readonly #load: (id: string) => Flow;
  readonly #loaded = new Map<string, Flow>();

  constructor(summaries: readonly FlowSummary[], load: (id: string) => Flow) {
    this.#summaries = summaries;
    this.#ids = summaries.map((s) => s.id);
    this.#load = load;
  }

  summaries(): FlowSummary[] {
    return [...this.#summaries];
  }

  get size(): number {
    return this.#ids.length;
  }

  has(id: string): boolean {
    return this.#ids.includes(id);
  }

  get(id: string): Flow | undefined {
    if (!this.has(id)) return undefined;
    let flow = this.#loaded.get(id);
    if (!flow) this.#loaded.set(id, (flow = this.#load(id)));
    return flow;
  }

  keys(): MapIterator<string> {
    return this.#ids.values();
  }

  *values(): MapIterator<Flow> {
    for (const id of this.#ids) yield this.get(id)!;
  }

  *entries(): MapIterator<[string, Flow]> {
    for (const id of this.#ids) yield [id, this.get(id)!];
  }

  [Symbol.iterator](): MapIterator<[string, Flow]> {
    return this.entries();
  }

  forEach(callback: (flow: Flow, id: string, map: ReadonlyMap<string, Flow>) => void, thisArg?: unknown): void {
    for (const [id, flow] of this) callback.call(thisArg, flow, id, this);
  }
}

/**
 * Adds the flows of operator folders to the bundled ones: a broken file is reported and skipped, and a flow of a
 * later folder takes the place of one with its id in an earlier folder (reported too: likelier a slip than meant).
 */
export async function withOperatorFolders(bundled: ReadonlyMap<string, Flow>, dirs: readonly string[], lang: Lang = 'en'): Promise<FlowCatalog> {
  // Without operator folders nothing needs a flow's content yet: they stay unread until used.
  if (dirs.length === 0) return bundledCatalog(bundled);
  const entries: CatalogEntry[] = [...bundled.values()].map((flow) => ({ flow, origin: 'bundled', replaces: false }));
  const { loadFlowFolders } = await import('./load.js');
  const loaded = await loadFlowFolders(dirs, lang);
  const broken = new Map<string, BrokenFlow>();
  for (const b of loaded.broken) if (!broken.has(b.id)) broken.set(b.id, b);
  for (const { flow, file } of loaded.flows) {
    const entry = { flow, origin: dirname(file), file, replaces: false };
    const i = entries.findIndex((e) => e.flow.id === flow.id);
    if (i === -1) entries.push(entry);
    else entries[i] = { ...entry, replaces: entries[i]!.origin === 'bundled' || entries[i]!.replaces };
  }
  // A flow another operator file provides after all is not missing. A bundled one does not make up for a
  // broken replacement: using it would pass off its outcome as the operator's (findFlow says broken_flow).
  for (const e of entries) if (e.origin !== 'bundled') broken.delete(e.flow.id);
  return catalogOf(entries, loaded.problems, broken, loaded.replacing);
}

/** Why a folder of flows cannot be used at all. */
export type FolderProblem = { kind: 'missing' | 'not-folder' } | { kind: 'unreadable'; code: string };

/** Why a folder of flows cannot be used at all, or undefined when it can be listed. */
export async function folderProblem(dir: string): Promise<FolderProblem | undefined> {
  try {
    const { stat } = await import('node:fs/promises');
    return (await stat(dir)).isDirectory() ? undefined : { kind: 'not-folder' };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // A link that leads back to itself is no folder either: it was taken for one, and its "files" reported as one broken
    // flow file (QA: robustness review). Any other failure (a name too long, no permission) is said with its reason: it
    // was reported as a broken flow file, with advice to validate the folder above it (QA: robustness review).
    return code === 'ENOENT' || code === 'ENOTDIR' ? { kind: 'missing' } : code === 'ELOOP' ? { kind: 'not-folder' } : { kind: 'unreadable', code: code ?? 'EIO' };
  }
}

/** What is wrong with a flows folder, in words: `source` says what named it (the --flows option, a variable, the settings). */
export function folderProblemText(t: Translate, problem: FolderProblem, dir: string, source: string): string {
  // Whole: a path cut at 60 characters hid the very part that was mistyped (one of thousands is cut, as no folder is that long).
  const shown = shownPath(dir.length > MAX_SHOWN_PATH ? clip(dir, MAX_SHOWN_PATH) : dir);
  if (problem.kind === 'unreadable') return t('error.flowsFolder.unreadable', { dir: shown, source, reason: fileReason(t, problem.code) });
  return t(problem.kind === 'missing' ? 'error.flowsFolder.missing' : 'error.flowsFolder.notFolder', { dir: shown, source });
}
const MAX_SHOWN_PATH = 1000;

/** The bundled flows alone, in menu order, each read when first used. */
function bundledCatalog(bundled: ReadonlyMap<string, Flow>): FlowCatalog {
  const flows = new FlowShelf(flowSummaries(bundled).sort((a, b) => byMenu(a.id, b.id)), (id) => bundled.get(id)!);
  let entries: Map<string, CatalogEntry> | undefined;
  return {
    flows,
    get entries() {
      return (entries ??= new Map([...flows].map(([id, flow]) => [id, { flow, origin: 'bundled', replaces: false }])));
    },
    problems: [],
    replaced: [],
    broken: new Map(),
  };
}

/** The problem menu's order: the most common problems first, emergencies early; other flows follow by id. */
const MENU_ORDER = [
  'payment-failed',
  'deposit-missing',
  'withdrawal-delayed',
  'login-failed',
  'forgot-password',
  'account-locked',
  'account-compromised',
  'suspicious-contact',
  'fees',
  'promotion-missing',
  'complaint',
  'contact-support',
];

function menuRank(id: string): number {
  const i = MENU_ORDER.indexOf(id);
  return i === -1 ? MENU_ORDER.length : i;
}

/** Compares flow ids in the problem menu's order. */
export function byMenu(a: string, b: string): number {
  return menuRank(a) - menuRank(b) || a.localeCompare(b);
}

/** A catalog of already validated flows (or catalog entries), in menu order. */
export function catalogOf(items: readonly (Flow | CatalogEntry)[], problems: Problem[] = [], broken: ReadonlyMap<string, BrokenFlow> = new Map(), replaced: Problem[] = []): FlowCatalog {
  const entries = items.map((x) => ('flow' in x ? x : { flow: x, origin: 'bundled', replaces: false }));
  entries.sort((a, b) => byMenu(a.flow.id, b.flow.id));
  return {
    flows: new Map(entries.map((e) => [e.flow.id, e.flow])),
    entries: new Map(entries.map((e) => [e.flow.id, e])),
    problems,
    replaced,
    broken,
  };
}
