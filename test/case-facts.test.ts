/** Which case facts an agent is asked for: crypto facts only for crypto cases. */
import { describe, expect, it } from 'vitest';
import { branchOf, factsToAsk, settleFacts, type FactBranches } from '../src/diagnosis/case-facts.js';
import type { CaseFact } from '../src/engine/types.js';
import { resolve, start } from '../src/engine/engine.js';
import { bundledFlows } from './helpers.js';

const CRYPTO = ['txid', 'chain', 'address', 'memo'];
const GENERAL = ['account-id', 'time', 'amount', 'error'];
/** payment-failed's answers to its payments team (an outcome that names no facts of its own). */
const PAYMENTS = { network: 'ok', balance: 'sufficient', verification: 'verified', payee: 'accepts', limit: 'within-limits', 'security-check': 'none', 'record-error': 'no-error' };

async function facts(flowId: string, answers: Record<string, string>, known = {}) {
  const flow = (await bundledFlows()).find((f) => f.id === flowId)!;
  const path = Object.entries(answers).map(([question, answer]) => ({ question, answer }));
  // The outcome the answers reach (tests give a full path).
  const outcome = resolve(flow, answers, start(flow));
  if (outcome.type !== 'outcome') throw new Error(`${flowId}: the answers reach no outcome`);
  return factsToAsk(flow, outcome.outcome, path, known);
}

describe('the facts asked at an outcome', () => {
  it('leave out TxID, chain, address and memo when nothing says the case is about crypto', async () => {
    expect(await facts('payment-failed', PAYMENTS)).toEqual(GENERAL);
    expect(await facts('deposit-missing', { method: 'bank-card', 'record-status': 'none' })).toEqual(GENERAL);
    expect(await facts('contact-support', { topic: 'payments', 'payment-kind': 'money' })).toEqual(GENERAL);
  });

  it('include them when an answer, a chain check, the flow or a known fact says crypto', async () => {
    const all = ['account-id', 'time', 'amount', 'txid', 'chain', 'address', 'memo', 'error'];
    expect(await facts('contact-support', { topic: 'payments', 'payment-kind': 'crypto' })).toEqual(all);
    expect(await facts('deposit-missing', { method: 'crypto', 'send-status': 'not-sent' })).toEqual(all);
    // A withdrawal flow with chain checks and no "crypto or not" question is about crypto on every path.
    expect(await facts('withdrawal-delayed', { status: 'broadcast', confirmations: 'not-found' })).toEqual(all);
    // A withdrawal that failed before it was sent has no TxID to ask for (QA: desk).
    expect(await facts('withdrawal-delayed', { status: 'failed', 'funds-returned': 'not-returned' })).toEqual(['account-id', 'time', 'amount', 'chain', 'address']);
    expect(await facts('payment-failed', PAYMENTS, { chain: 'LTC' })).toEqual(expect.arrayContaining(CRYPTO));
  });

  it('are those the outcome names, when it names them: no amount for a forgotten password or a fake support contact', async () => {
    expect(await facts('forgot-password', { 'contact-access': 'no-access' })).toEqual(['account-id', 'time', 'error']);
    // …and the number, account or website the person posing as support used, which only the outcomes that name it ask (QA: desk).
    expect(await facts('suspicious-contact', { request: 'recovery-phrase', 'shared-phrase': 'shared' })).toEqual(['account-id', 'time', 'contact']);
    expect(await facts('payment-failed', { network: 'ok', balance: 'sufficient', verification: 'rejected' })).not.toContain('contact');
    // A theft is traced by its transactions, crypto ones too; an error message has no place in it (QA: agent).
    expect(await facts('account-compromised', {})).toEqual(['account-id', 'time', 'amount', 'txid', 'chain', 'address']);
    // Money sent to a scammer is a case with an amount.
    expect(await facts('suspicious-contact', { request: 'transfer', paid: 'paid' })).toContain('amount');
    // An outcome that names its facts gets those, in a crypto case too.
    expect(await facts('payment-failed', { network: 'ok', balance: 'sufficient', verification: 'rejected' }, { chain: 'LTC' })).toEqual(['account-id', 'time', 'error']);
  });

  it('asks crypto facts an outcome names as named, though nothing says the case is crypto (QA: author)', async () => {
    const flow = structuredClone((await bundledFlows()).find((f) => f.id === 'payment-failed')!);
    const outcome = { ...flow.outcomes['escalate-payments']!, facts: ['txid', 'chain'] as CaseFact[] };
    expect(factsToAsk(flow, outcome, [], {})).toEqual(['txid', 'chain']);
  });
});

describe('facts and the branch they were typed on', () => {
  const crypto = [{ question: 'method', answer: 'crypto' }, { question: 'send-status', answer: 'completed' }];
  const card = [{ question: 'method', answer: 'bank-card' }];

  it('are set aside when an answer on the way to them changes, brought back when it is given again, and stay while only gone back over', () => {
    const facts: Partial<Record<CaseFact, string>> = { chain: 'BTC', txid: 'zzz', 'account-id': 'A-1' };
    const branches: FactBranches = { branch: new Map([['chain', crypto], ['txid', crypto]]), setAside: [] };
    const skipped = new Set<CaseFact>();
    // Gone back over (the first answer still stands, or none yet): kept.
    expect(settleFacts(facts, branches, crypto.slice(0, 1), {}, skipped)).toEqual({ back: [], aside: [] });
    expect(settleFacts(facts, branches, [], {}, skipped).aside).toEqual([]);
    // Another answer: set aside; the account id given up front belongs to the whole case.
    expect(settleFacts(facts, branches, card, {}, skipped)).toEqual({ back: [], aside: ['chain', 'txid'] });
    expect(facts).toEqual({ 'account-id': 'A-1' });
    // The crypto answer again: back, with the branch they were typed on.
    expect(settleFacts(facts, branches, crypto.slice(0, 1), {}, skipped).back.sort()).toEqual(['chain', 'txid']);
    expect(facts).toEqual({ chain: 'BTC', txid: 'zzz', 'account-id': 'A-1' });
    expect(branches.setAside).toEqual([]);
  });

  it('give back a value given up front that a typed one replaced, and let a fact left empty there be asked again', () => {
    const facts: Partial<Record<CaseFact, string>> = { chain: 'ETH' };
    const branches: FactBranches = { branch: new Map([['chain', crypto], ['address', crypto]]), setAside: [] };
    const skipped = new Set<CaseFact>(['address']);
    settleFacts(facts, branches, card, { chain: 'LTC' }, skipped);
    expect(facts).toEqual({ chain: 'LTC' });
    expect(skipped.size).toBe(0);
  });

  it('belong where they were first given on the branch; one given up front and kept as it is belongs to the whole case', () => {
    const branches: FactBranches = { branch: new Map([['chain', crypto.slice(0, 1)]]), setAside: [] };
    expect(branchOf(branches, 'chain', crypto, false)).toEqual(crypto.slice(0, 1));
    expect(branchOf(branches, 'chain', card, false)).toEqual(card);
    expect(branchOf(branches, 'txid', crypto, true)).toBeUndefined();
    expect(branchOf(branches, 'txid', crypto, false)).toEqual(crypto);
  });
});
