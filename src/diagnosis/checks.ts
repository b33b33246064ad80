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
import { clip } from '../util/safe-text.js';

/** What a check did, for the result document and the case record. */
export interface CheckRecord {
  question: string;
  check: string;
  /** The typed text in normal form (E.164, host, handle), or null when nothing was typed. */
  input: string | null;
  result: string;
  reasons: LookalikeReason[];
}

/**
 * Runs a question's check on typed text. Returns the answer it gives, or
 * undefined when the text cannot be checked (not a contact, or empty where the
 * question has no "not given" answer), so the caller asks instead.
 */
export async function runCheck(q: Question, typed: string, providers: readonly Provider[], t: Translate): Promise<{ answer: string; record: CheckRecord } | undefined> {
  if (!q.check) return undefined;
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

/** The error for --check-input text that is not a contact, or names a question without a check. */
export function badCheckInput(t: Translate, question: string, reason: 'no-check' | 'not-contact'): UsageError {
  return reason === 'no-check'
    ? new UsageError('invalid_check_input', t('check.noCheck', { question: clip(question) }), { question: clip(question) })
    : new UsageError('invalid_check_input', t('check.notContact', { question: clip(question) }), { question: clip(question) });
}
