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

/**
 * Facts asked only where an outcome names them: the number, account or site a person posing as support used, which a
 * security case needs (QA: desk, the scammer's contact went unrecorded where a secret was given away) and no other has.
 */
export const NAMED_ONLY_FACTS: readonly CaseFact[] = ['contact'];

/** The answer value a flow's "crypto or not" question gives for crypto (deposit-missing, contact-support). */
const CRYPTO_ANSWER = 'crypto';

/** A question whose check reads a chain, TxID or address: it is asked only about crypto. */
const asksChain = (q: Question | undefined): boolean => q?.check !== undefined && (CHECKS[q.check].facts.length > 0 || q.check === 'memo');

/**
 * Whether the case is about crypto: an answer on the path says so, a chain check was
 * on the path, or a crypto fact is already known (one in force: a fact typed on a
 * branch gone back out of is set aside, see settleFacts). Otherwise a flow that offers
 * a crypto answer was answered the other way; a flow without one is about crypto
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
  return CASE_FACTS.filter((k) => !NAMED_ONLY_FACTS.includes(k) && (crypto || !CRYPTO_FACTS.includes(k)));
}

/** Whether a fact typed where the answers were `branch` belongs to the case at `path`: one starts the other (the same answers as far as both go). */
export function onBranch(branch: readonly PathStep[], path: readonly PathStep[]): boolean {
  const n = Math.min(branch.length, path.length);
  for (let i = 0; i < n; i++) if (branch[i]!.question !== path[i]!.question || branch[i]!.answer !== path[i]!.answer) return false;
  return true;
}

/** A fact typed on a branch gone back out of: kept aside, not part of the case, until that branch is taken again. */
export interface SetAsideFact {
  fact: CaseFact;
  value: string;
  branch: PathStep[];
}

/** Where the typed facts of a case belong: the answers each was typed after (its branch), and those set aside. */
export interface FactBranches {
  /** The branch of each fact typed, or left empty, at a prompt. A fact given up front (--fact) has none: it belongs to the whole case. */
  branch: Map<CaseFact, PathStep[]>;
  setAside: SetAsideFact[];
}

/**
 * Settles the facts for the answers that stand (`path`), after Back or a new answer. A fact typed on a branch the
 * path has left (an answer on the way to its prompt was changed) is set aside: it no longer counts, so a TxID
 * typed for a crypto deposit does not make a card top-up a crypto case, and it is not asked, offered or kept with
 * the case, its summary or its ticket; a value given up front that it replaced stands again, and a fact left empty
 * there may be asked again. A fact set aside whose branch the path takes again comes back. Facts the path has only
 * gone back over (it may still take their branch) stay. Returns the facts brought back, to offer again, ready to
 * correct, and those set aside. Changes `facts`, `branches` and `skipped` in place.
 */
export function settleFacts(
  facts: Partial<Record<CaseFact, string>>,
  branches: FactBranches,
  path: readonly PathStep[],
  given: Readonly<Partial<Record<CaseFact, string>>>,
  skipped: Set<CaseFact>,
): { back: CaseFact[]; aside: CaseFact[] } {
  const aside: CaseFact[] = [];
  for (const [fact, branch] of [...branches.branch]) {
    if (onBranch(branch, path)) continue;
    branches.branch.delete(fact);
    aside.push(fact);
    const value = facts[fact];
    if (value !== undefined) {
      // One value per fact and branch: a later one set aside on the same branch replaces it.
      branches.setAside = branches.setAside.filter((a) => !(a.fact === fact && sameBranch(a.branch, branch)));
      branches.setAside.push({ fact, value, branch });
    } else skipped.delete(fact);
    if (given[fact] !== undefined) facts[fact] = given[fact];
    else delete facts[fact];
  }
  const back: CaseFact[] = [];
  // The latest set aside first: of two for the same fact on the branch taken, the one typed last comes back.
  for (let i = branches.setAside.length - 1; i >= 0; i--) {
    const kept = branches.setAside[i]!;
    if (!onBranch(kept.branch, path)) continue;
    branches.setAside.splice(i, 1);
    if (branches.branch.has(kept.fact)) continue;
    facts[kept.fact] = kept.value;
    branches.branch.set(kept.fact, kept.branch);
    skipped.delete(kept.fact);
    back.push(kept.fact);
  }
  return { back, aside };
}

/**
 * The branch a fact answered at a prompt belongs to, typed where the answers are `path`: where it was first given on
 * this branch (a fact typed before a check and confirmed at the escalation still belongs where the check was). A
 * value given up front and kept as it is stays the whole case's (undefined).
 */
export function branchOf(branches: FactBranches, fact: CaseFact, path: readonly PathStep[], keptAsGiven: boolean): PathStep[] | undefined {
  const before = branches.branch.get(fact);
  if (before === undefined) return keptAsGiven ? undefined : [...path];
  return onBranch(before, path) && before.length <= path.length ? before : [...path];
}

function sameBranch(a: readonly PathStep[], b: readonly PathStep[]): boolean {
  return a.length === b.length && onBranch(a, b);
}
