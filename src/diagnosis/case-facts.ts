/**
 * Which case facts support needs at an outcome. Pure: a flow, the outcome and the
 * answers in, the fact keys out. An outcome may name the facts its team needs (a
 * forgotten password has no amount), and those are asked. Otherwise account, time,
 * amount and error fit every case, and TxID, chain, address and memo are asked only
 * in a crypto case, so a card or bank case never asks them.
 */
import type { PathStep } from '../engine/engine.js';
import { CASE_FACTS, CHECKS, type CaseFact, type Flow, type Outcome, type Question } from '../engine/types.js';

/** Facts only a crypto transaction has. */
export const CRYPTO_FACTS: readonly CaseFact[] = ['txid', 'chain', 'address', 'memo'];

/** The answer value a flow's "crypto or not" question gives for crypto (deposit-missing, contact-support). */
const CRYPTO_ANSWER = 'crypto';

/** A question whose check reads a chain, TxID or address: it is asked only about crypto. */
const asksChain = (q: Question | undefined): boolean => q?.check !== undefined && (CHECKS[q.check].facts.length > 0 || q.check === 'memo');

/**
 * Whether the case is about crypto: an answer on the path says so, a chain check was
 * on the path, or a crypto fact is already known. Otherwise a flow that offers a
 * crypto answer was answered the other way; a flow without one is about crypto
 * when it has chain checks (a crypto withdrawal), and not otherwise (a payment).
 */
export function isCryptoCase(flow: Flow, path: readonly PathStep[], known: Partial<Record<CaseFact, string>>): boolean {
  if (path.some((p) => p.answer === CRYPTO_ANSWER || asksChain(flow.questions[p.question]))) return true;
  if (CRYPTO_FACTS.some((k) => known[k] !== undefined)) return true;
  const questions = Object.values(flow.questions);
  if (questions.some((q) => q.answers.some((a) => a.value === CRYPTO_ANSWER))) return false;
  return questions.some(asksChain);
}

/** The facts to ask for at an outcome, in the fixed order of the case log. */
export function factsToAsk(flow: Flow, outcome: Outcome, path: readonly PathStep[], known: Partial<Record<CaseFact, string>>): CaseFact[] {
  // What the outcome names is what its team needs: asked as named, crypto facts too (the author chose them for it).
  if (outcome.facts) return CASE_FACTS.filter((k) => outcome.facts!.includes(k));
  const crypto = isCryptoCase(flow, path, known);
  return CASE_FACTS.filter((k) => crypto || !CRYPTO_FACTS.includes(k));
}
