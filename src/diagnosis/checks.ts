/**
 * Checks that answer a question from something the user types, run at the
 * edge (they need the directory): today verify-contact, which compares a
 * claimed support contact with the official ones.
 */
import type { Question } from '../engine/types.js';
import { CHECKS } from '../engine/types.js';
import { UsageError } from '../errors.js';
import type { Translate } from '../i18n/i18n.js';
import type { Provider } from '../directory/types.js';
import { refuseSecrets } from '../safety/screen.js';
import type { LookalikeReason } from '../safety/verify.js';
import type { CheckOptions, CheckTiming } from '../checks/network.js';
import { clip } from '../util/safe-text.js';

/** What a check did, for the result document and the case record. */
export interface CheckRecord {
  question: string;
  check: string;
  /** The typed text in normal form (E.164, host, handle), or null when nothing was typed. */
  input: string | null;
  result: string;
  reasons: LookalikeReason[];
  /** For measured checks: each layer with its time, and why a layer failed. */
  timings?: CheckTiming[];
  detail?: string;
}

/**
 * Runs a question's check on typed text. Returns the answer it gives, or
 * undefined when the text cannot be checked (not a contact, or empty where the
 * question has no "not given" answer), so the caller asks instead.
 */
export async function runCheck(q: Question, typed: string, providers: readonly Provider[], t: Translate): Promise<{ answer: string; record: CheckRecord } | undefined> {
  if (q.check !== 'verify-contact') return undefined;
  const spec = CHECKS[q.check];
  const text = typed.trim();
  if (text === '') {
    if (!q.answers.some((a) => a.value === spec.empty)) return undefined;
    return { answer: spec.empty, record: { question: q.id, check: q.check, input: null, result: spec.empty, reasons: [] } };
  }
  // Typed text is screened like every answer: a secret is refused, never checked.
  await refuseSecrets(t, [{ text, where: q.id }]);
  const { verifyContact } = await import('../safety/verify.js');
  const result = verifyContact(text, providers);
  if (result.verdict === 'invalid') return undefined;
  return { answer: result.verdict, record: { question: q.id, check: q.check, input: result.normalized ?? clip(result.input), result: result.verdict, reasons: result.reasons } };
}

/** Whether the directory names what a question's measured check needs. */
export function canMeasure(q: Question, provider: Provider): boolean {
  return q.check === 'connectivity' && Boolean(provider.checks?.apiHost);
}

/**
 * Runs a question's measured check (one that needs no typed text) against the
 * provider's targets. Undefined when the directory names no target: the
 * question is then asked instead.
 */
export async function runMeasuredCheck(q: Question, provider: Provider, opts: CheckOptions): Promise<{ answer: string; record: CheckRecord } | undefined> {
  if (!canMeasure(q, provider) || !provider.checks?.apiHost) return undefined;
  const { checkConnectivity } = await import('../checks/network.js');
  const target = { apiHost: provider.checks.apiHost, ...(provider.checks.apiPort ? { apiPort: provider.checks.apiPort } : {}), ...(provider.checks.statusUrl ? { statusUrl: provider.checks.statusUrl } : {}) };
  const r = await checkConnectivity(target, opts);
  // Layer names are ids (dns, tcp, tls, http), the same in every language.
  const detail = r.failedLayer ? `(${r.failedLayer})` : r.viaProxy ? `(proxy ${r.viaProxy})` : undefined;
  return {
    answer: r.result,
    record: { question: q.id, check: q.check ?? 'connectivity', input: provider.checks.apiHost, result: r.result, reasons: [], timings: r.timings, ...(detail ? { detail } : {}) },
  };
}

/** The error for --check-input text that is not a contact, or names a question without a check. */
export function badCheckInput(t: Translate, question: string, reason: 'no-check' | 'not-contact'): UsageError {
  return reason === 'no-check'
    ? new UsageError('invalid_check_input', t('check.noCheck', { question: clip(question) }), { question: clip(question) })
    : new UsageError('invalid_check_input', t('check.notContact', { question: clip(question) }), { question: clip(question) });
}
