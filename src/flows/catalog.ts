/**
 * The flows a run can use: the bundled ones, replaced or extended by operator
 * folders. The bundled flows are compiled to one JSON file at build time
 * (already validated), so start-up reads JSON and loads the YAML parser only
 * when an operator folder is configured.
 */
import { readFile } from 'node:fs/promises';
import type { Problem } from '../data/located-yaml.js';
import type { Flow, Lang } from '../engine/types.js';
import { ExitCode, WalletHelpError } from '../errors.js';
import type { Translate } from '../i18n/i18n.js';
import { BUNDLED_FLOWS_JSON } from '../paths.js';

export interface CatalogEntry {
  flow: Flow;
  /** "bundled", or the operator folder it came from. */
  origin: string;
  /** The operator file, for operator flows. */
  file?: string;
  /** An operator flow that took the place of the bundled flow with the same id. */
  replaces: boolean;
}

export interface FlowCatalog {
  /** Flows by id, in menu order. */
  flows: Map<string, Flow>;
  entries: Map<string, CatalogEntry>;
  /** Problems of operator files that were skipped. */
  problems: Problem[];
}

/** Reads the compiled bundled flows. */
export async function loadBundledFlows(t: Translate, file: string = BUNDLED_FLOWS_JSON): Promise<Flow[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new WalletHelpError('flows_missing', t('error.flowsMissing', { file }), ExitCode.internal);
  }
  return JSON.parse(text) as Flow[];
}

/** Adds the flows of operator folders to the bundled ones; a broken file is reported and skipped. */
export async function withOperatorFolders(bundled: readonly Flow[], dirs: readonly string[], lang: Lang = 'en'): Promise<FlowCatalog> {
  const entries: CatalogEntry[] = bundled.map((flow) => ({ flow, origin: 'bundled', replaces: false }));
  const problems: Problem[] = [];
  if (dirs.length > 0) {
    const { loadFlowDirWithFiles } = await import('./load.js');
    for (const dir of dirs) {
      const loaded = await loadFlowDirWithFiles(dir, lang);
      problems.push(...loaded.problems);
      for (const { flow, file } of loaded.flows) {
        const i = entries.findIndex((e) => e.flow.id === flow.id);
        const entry = { flow, origin: dir, file, replaces: i !== -1 && entries[i]!.origin === 'bundled' };
        if (i === -1) entries.push(entry);
        else entries[i] = { ...entry, replaces: entries[i]!.origin === 'bundled' || entries[i]!.replaces };
      }
    }
  }
  return catalogOf(entries, problems);
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

/** A catalog of already validated flows (or catalog entries), in menu order. */
export function catalogOf(items: readonly (Flow | CatalogEntry)[], problems: Problem[] = []): FlowCatalog {
  const entries = items.map((x) => ('flow' in x ? x : { flow: x, origin: 'bundled', replaces: false }));
  entries.sort((a, b) => menuRank(a.flow.id) - menuRank(b.flow.id) || a.flow.id.localeCompare(b.flow.id));
  return {
    flows: new Map(entries.map((e) => [e.flow.id, e.flow])),
    entries: new Map(entries.map((e) => [e.flow.id, e])),
    problems,
  };
}
