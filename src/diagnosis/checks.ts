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
import type { LookalikeReason, UnknownReason } from '../safety/verify.js';
import type { CheckOptions, CheckTiming, ConnectivityResult } from '../checks/network.js';
import { clip, sentValue } from '../util/safe-text.js';
import { chainFromText } from '../checks/chains.js';

/** What a check did, for the result document and the case record. */
/** Why a connectivity check is `unknown`: the device is online, but the provider's service was not reached. */
export type ConnectivityUnknown = NonNullable<ConnectivityResult['unknownReason']>;

export interface CheckRecord {
  question: string;
  check: string;
  /** The typed text in normal form (E.164, host, handle), or null when nothing was typed. */
  input: string | null;
  /** For a contact check: the text as it was typed, when its normal form differs ("+1 202-555-0134", "@handle"). */
  typed?: string;
  /** For a contact check that found a look-alike: the official contact it imitates. */
  imitates?: string;
  result: string;
  /** For a contact check: how a look-alike imitates, or why it could not be compared; for a connectivity check that is `unknown`, why (see ConnectivityResult). */
  reasons: (LookalikeReason | UnknownReason | ConnectivityUnknown)[];
  /** For measured checks: each layer with its time, and why a layer failed. */
  timings?: CheckTiming[];
  detail?: string;
  /** For the crypto transfer checks: the chain checked against (its id). */
  chain?: string;
}

/**
 * Runs a question's check on typed text. Returns the answer it gives, or
 * undefined when the text cannot be checked (not a contact, or empty where the
 * question has no "not given" answer), so the caller asks instead. `option`
 * names the command-line option the text came from, for a refusal.
 */
export async function runCheck(
  q: Question,
  typed: string,
  providers: readonly Provider[],
  t: Translate,
  option?: '--check-input',
): Promise<ContactChecked | Uncomparable | undefined> {
  if (q.check !== 'verify-contact') return undefined;
  const spec = CHECKS[q.check];
  const text = typed.trim();
  if (text === '') {
    if (!q.answers.some((a) => a.value === spec.empty)) return undefined;
    return { answer: spec.empty, record: { question: q.id, check: q.check, input: null, result: spec.empty, reasons: [] } };
  }
  // Typed text is screened like every answer: a secret is refused, never checked.
  await refuseSecrets(t, [{ text, where: q.id, field: option }]);
  return checkContact(q.id, text, providers);
}

/** What the contact check of `question` makes of `text`, already screened (a question's typed text, or a case fact). */
export async function checkContact(
  question: string,
  text: string,
  providers: readonly Provider[],
): Promise<ContactChecked | Uncomparable | undefined> {
  const { bareHandle, isShortNumber, otherPlatform, spoofableKind, verifyContact } = await import('../safety/verify.js');
  const result = verifyContact(text, providers);
  // A short service number ("95588") is said as what it is, as verify says it (QA: checks review); so are an account without
  // its platform ("kefu888") and one on a platform the directory cannot list ("抖音：xxx") (QA: Chinese user).
  if (result.verdict === 'invalid') return isShortNumber(text) ? 'short-number' : otherPlatform(text) ? 'other-platform' : bareHandle(text) ? 'bare-handle' : undefined;
  // A national number cannot be compared without its country, nor "@name" without its platform: no verdict, never "official".
  if (result.reasons.includes('needs-country')) return 'needs-country';
  if (result.reasons.includes('needs-platform')) return 'needs-platform';
  const spoofable = spoofableKind(result);
  const input = result.normalized ?? clip(result.input);
  const asTyped = clip(result.input);
  // Whose contact it is, or imitates: the provider by name, as verify says it.
  const match = result.match;
  const owner = match ? { provider: providers.find((p) => p.id === match.provider)?.name ?? match.provider, queue: match.queue } : undefined;
  return {
    answer: result.verdict,
    record: {
      question,
      check: 'verify-contact',
      input,
      ...(asTyped !== input ? { typed: asTyped } : {}),
      result: result.verdict,
      reasons: result.reasons,
      ...(result.verdict === 'lookalike' && match ? { imitates: match.value } : {}),
    },
    ...(spoofable ? { spoofable } : {}),
    ...(owner ? { owner } : {}),
  };
}

/** What a contact check found: the answer it gives, its record, and what the verdict line says besides. */
export type ContactChecked = { answer: string; record: CheckRecord; spoofable?: 'phone' | 'email'; owner?: { provider: string; queue: string | null } };

/**
 * Typed text that is a contact but cannot be compared as given: a national number, a handle without its platform (one
 * the directory lists, "@name", or any, "kefu888"), a short service number, an account on a platform the directory cannot list.
 */
export type Uncomparable = 'needs-country' | 'needs-platform' | 'short-number' | 'bare-handle' | 'other-platform';
const UNCOMPARABLE: ReadonlySet<unknown> = new Set<Uncomparable>(['needs-country', 'needs-platform', 'short-number', 'bare-handle', 'other-platform']);

/** Whether a check's outcome (or a verify reason) says the contact could not be compared at all. */
export function isUncomparable(value: unknown): value is Uncomparable {
  return UNCOMPARABLE.has(value);
}

/** The case facts checks use: chain, txid, address, memo. */
export type CheckFacts = Partial<Record<'chain' | 'txid' | 'address' | 'memo', string>>;

/** Whether the directory names what a question's measured check needs (the facts are gathered separately). */
export function canMeasure(q: Question, provider: Provider, facts: CheckFacts = {}): boolean {
  switch (q.check) {
    case 'connectivity':
      return Boolean(provider.checks?.apiHost);
    case 'confirmations':
      return facts.chain === undefined || Boolean(provider.checks?.explorers?.[chainFromText(facts.chain) ?? '']);
    case 'address-chain':
    case 'memo':
      return true;
    default:
      return false;
  }
}

/**
 * Runs a question's measured check (one that needs no typed text) against the
 * provider's targets. Undefined when the directory names no target: the
 * question is then asked instead.
 */
export async function runMeasuredCheck(
  q: Question,
  provider: Provider,
  opts: CheckOptions,
  facts: CheckFacts = {},
): Promise<{ answer: string | undefined; record: CheckRecord; unknownReason?: ConnectivityUnknown; certificateProblem?: true } | undefined> {
  if (q.check === 'confirmations' || q.check === 'address-chain' || q.check === 'memo') return runTransferCheck(q, provider, opts, facts);
  if (!canMeasure(q, provider) || !provider.checks?.apiHost) return undefined;
  const { checkConnectivity } = await import('../checks/network.js');
  const target = { apiHost: provider.checks.apiHost, ...(provider.checks.apiPort ? { apiPort: provider.checks.apiPort } : {}), ...(provider.checks.statusUrl ? { statusUrl: provider.checks.statusUrl } : {}) };
  const r = await checkConnectivity(target, opts);
  // Layer names are ids (dns, tcp, tls, http), the same in every language.
  const detail = r.failedLayer ? `(${r.failedLayer})` : r.viaProxy ? `(proxy ${r.viaProxy})` : undefined;
  return {
    // A name the DNS server says does not exist on a device with a network, or a connection the provider's host refused:
    // measured, but not an answer (the question is asked).
    answer: r.result === 'unknown' ? undefined : r.result,
    record: { question: q.id, check: q.check ?? 'connectivity', input: provider.checks.apiHost, result: r.result, reasons: r.unknownReason ? [r.unknownReason] : [], timings: r.timings, ...(detail ? { detail } : {}) },
    ...(r.unknownReason ? { unknownReason: r.unknownReason } : {}),
    ...(r.certificateProblem ? { certificateProblem: true as const } : {}),
  };
}

/**
 * The crypto transfer checks, from the case facts; undefined when they cannot decide (the question is then asked).
 * An address that is not one of the chain given at all (a typo) is measured, not undecided: recorded as `invalid`
 * with the problem as its detail, and the question is asked.
 */
async function runTransferCheck(q: Question, provider: Provider, opts: CheckOptions, facts: CheckFacts): Promise<{ answer: string | undefined; record: CheckRecord } | undefined> {
  const crypto = await import('../checks/crypto.js');
  // The chain as people write it ("BTC", "USDT TRC20", "莱特币"): one the checks know, or no check.
  const chain = facts.chain === undefined ? undefined : chainFromText(facts.chain);
  if (!chain) return undefined;
  const record = (result: string, input: string | null, detail?: string): { answer: string; record: CheckRecord } => ({
    answer: result,
    record: { question: q.id, check: q.check!, input, result, reasons: [], ...(detail ? { detail } : {}), chain },
  });
  if (q.check === 'address-chain') {
    if (!facts.address) return undefined;
    const a = crypto.checkAddress(chain, facts.address);
    // Valid on the chain given proves the same network only where no other network takes the same address:
    // an 0x address is valid on Ethereum and BNB Smart Chain alike, the classic wrong-network deposit.
    if (a.valid) return a.validOn.every((c) => crypto.sameNetwork(c, chain)) ? record('same', a.normalized ?? facts.address.trim()) : undefined;
    if (a.problem === 'other-chain') return record('different', facts.address.trim(), a.validOn.join(', '));
    if (a.problem === 'checksum' || a.problem === 'format') return { ...record('invalid', facts.address.trim(), a.problem), answer: undefined };
    return undefined;
  }
  if (q.check === 'memo') {
    const m = crypto.checkMemo(chain, facts.memo);
    // A memo left empty is a fact skipped, not a memo known to be missing: where the chain needs one, the question is asked.
    if (m.required && !facts.memo?.trim()) return undefined;
    return record(!m.required ? 'not-needed' : m.given && m.valid ? 'given' : 'missing-or-wrong', facts.memo?.trim() || null, m.problem);
  }
  const base = provider.checks?.explorers?.[chain];
  const txid = facts.txid ? crypto.checkTxid(chain, facts.txid) : undefined;
  if (!base || !txid?.valid) return undefined;
  const { checkConfirmations } = await import('../checks/network.js');
  const required = provider.checks?.confirmations?.[chain] ?? 1;
  const r = await checkConfirmations(base, (txid.normalized ?? facts.txid!).replace(/^0x/i, ''), required, opts);
  if (r.result === 'unknown') return undefined;
  return record(r.result, txid.normalized ?? facts.txid!.trim(), `${r.confirmations}/${required}`);
}

/** The error for --check-input text that is not a contact, or names a question without a check. */
export function badCheckInput(t: Translate, question: string, reason: 'no-check' | 'no-input' | 'not-contact' | Uncomparable): UsageError {
  const key = ({ 'no-check': 'check.noCheck', 'no-input': 'check.noInput', 'needs-country': 'check.needsCountry', 'needs-platform': 'check.needsPlatform', 'short-number': 'check.shortNumber', 'bare-handle': 'check.bareHandle', 'other-platform': 'check.otherPlatform', 'not-contact': 'check.notContact' } as const)[reason];
  return new UsageError('invalid_check_input', t(key, { question: clip(question) }), { question: { id: sentValue(question) } });
}
