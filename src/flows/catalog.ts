/**
 * The flows a run can use. The bundled flows are compiled to one JSON file at
 * build time (already validated), so start-up reads JSON and never loads the
 * YAML parser.
 */
import { readFile } from 'node:fs/promises';
import type { Flow } from '../engine/types.js';
import { WalletHelpError, ExitCode } from '../errors.js';
import type { Translate } from '../i18n/i18n.js';
import { BUNDLED_FLOWS_JSON } from '../paths.js';

export interface FlowCatalog {
  /** Flows by id, in menu order. */
  flows: Map<string, Flow>;
}

/** Reads the compiled bundled flows. */
export async function loadBundledCatalog(t: Translate, file: string = BUNDLED_FLOWS_JSON): Promise<FlowCatalog> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new WalletHelpError('flows_missing', t('error.flowsMissing', { file }), ExitCode.internal);
  }
  const flows = JSON.parse(text) as Flow[];
  return catalogOf(flows);
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

/** A catalog of already validated flows, in menu order. */
export function catalogOf(flows: readonly Flow[]): FlowCatalog {
  const sorted = [...flows].sort((a, b) => menuRank(a.id) - menuRank(b.id) || a.id.localeCompare(b.id));
  return { flows: new Map(sorted.map((f) => [f.id, f])) };
}
