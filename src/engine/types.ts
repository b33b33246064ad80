/** The data model of a diagnostic flow, as the engine sees it after loading and validation. */

/** An id of a flow, question, answer value or outcome: lowercase letters and digits, dashes between them. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];

/** A text in every supported language. */
export type Localized = Record<Lang, string>;

export const OUTCOME_KINDS = ['fix', 'escalate', 'alert'] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

export const QUEUES = ['payments', 'account', 'security', 'general'] as const;
export type Queue = (typeof QUEUES)[number];

export interface Answer {
  value: string;
  label: Localized;
  next: string;
}

export interface Question {
  id: string;
  text: Localized;
  /** What a support agent asks the caller and listens for. */
  agent?: Localized;
  answers: Answer[];
  /** A check that can answer this question from something the user types (see CHECKS). */
  check?: CheckName;
  /** The prompt for what the check needs typed in. */
  input?: Localized;
}

/**
 * Checks a question can run: the answer values each can produce (the question
 * must offer all of them) and the value for "nothing typed", which it may offer.
 */
export const CHECKS = {
  /** Compares a typed phone number, address, website or handle with the official directory. */
  'verify-contact': { results: ['official', 'lookalike', 'unknown'], empty: 'not-given', input: true, facts: [], thisDevice: false },
  /**
   * Measures DNS, TCP, TLS and HTTP to the provider's API: answers the shared network question. It measures the device
   * wallet-help runs on (`thisDevice`), which is the user's own, but not the caller's on a support agent's desk.
   */
  connectivity: { results: ['ok', 'unstable', 'offline'], empty: undefined, input: false, facts: [], thisDevice: true },
  /** Asks the provider's explorer for the TxID's confirmations, against the confirmations it requires. */
  confirmations: { results: ['confirming', 'confirmed', 'not-found'], empty: undefined, input: false, facts: ['chain', 'txid'], thisDevice: false },
  /** Whether the deposit address belongs to the chosen chain (checksums, other chains). */
  'address-chain': { results: ['same', 'different'], empty: undefined, input: false, facts: ['chain', 'address'], thisDevice: false },
  /** Whether the chain needs a memo or tag, and whether the one given is well formed. */
  memo: { results: ['not-needed', 'given', 'missing-or-wrong'], empty: undefined, input: false, facts: ['chain'], thisDevice: false },
} as const;
export type CheckName = keyof typeof CHECKS;

/** The facts of a case that support may need for a ticket, in the order of the case log. */
export const CASE_FACTS = ['account-id', 'time', 'amount', 'txid', 'chain', 'address', 'memo', 'error', 'contact'] as const;

/** The longest a case fact is kept (UTF-16 code units), in a case, its summaries and the case log. */
export const MAX_FACT_LENGTH = 500;

/**
 * A fact's value cut to MAX_FACT_LENGTH, never between the two halves of a character outside the Basic Multilingual
 * Plane (an emoji): half a character is text that strict JSON readers refuse, and it would be written into the output.
 */
export function clipFact(value: string): string {
  if (value.length <= MAX_FACT_LENGTH) return value;
  const cut = value.slice(0, MAX_FACT_LENGTH);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}
export type CaseFact = (typeof CASE_FACTS)[number];

export interface Outcome {
  id: string;
  kind: OutcomeKind;
  title: Localized;
  steps: Localized[];
  /** Support queue: required for escalate and alert outcomes; for a fix, the team to turn to if it does not help. */
  queue?: Queue;
  /** What to have ready before contacting support (escalate and alert only; see preparationOf for the default). */
  prepare?: Localized[];
  /** The steps as a support agent tells them to the caller, one for each step. */
  agent?: Localized[];
  /** The title as a support agent reads it, where the title speaks to the user ("Fix the caller's connection"). */
  agentTitle?: Localized;
  /** For an escalation or alert, the case facts support needs (an agent is asked for these); all that fit the case when absent. */
  facts?: CaseFact[];
}

/**
 * What to have ready when an escalation or alert names no `prepare` of its own. The one list every output gives
 * (text, --json, batch, the library, flows show), worded so that a user and an agent read it alike.
 */
export const DEFAULT_PREPARE: readonly Localized[] = [
  { en: 'the account ID (never the password)', zh: '账户 ID（绝不要提供密码）' },
  { en: 'when it happened, with the time zone', zh: '问题发生的时间（注明时区）' },
  { en: 'the exact error message', zh: '完整的错误提示' },
  { en: 'screenshots and the transaction record', zh: '截图和交易记录' },
];

/** What to have ready before contacting support about an outcome: its own list, the default one for an escalation or alert without one, nothing for a fix. */
export function preparationOf(outcome: Pick<Outcome, 'kind' | 'prepare'>): readonly Localized[] {
  if (outcome.kind === 'fix') return [];
  return outcome.prepare && outcome.prepare.length > 0 ? outcome.prepare : DEFAULT_PREPARE;
}

export interface FlowTest {
  name: string;
  answers: Record<string, string>;
  expect: string;
}

export interface Flow {
  id: string;
  version: number;
  title: Localized;
  description: Localized;
  start: string;
  questions: Record<string, Question>;
  outcomes: Record<string, Outcome>;
  tests: FlowTest[];
}

/** Questions many flows share: their ids and values are a contract scripts rely on. */
export const SHARED_QUESTIONS: Readonly<Record<string, readonly string[]>> = {
  network: ['ok', 'unstable', 'offline'],
  balance: ['sufficient', 'insufficient'],
  verification: ['verified', 'pending', 'unverified', 'rejected'],
};
