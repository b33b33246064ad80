/** Which case facts an agent is asked for: crypto facts only for crypto cases. */
import { describe, expect, it } from 'vitest';
import { factsToAsk } from '../src/diagnosis/case-facts.js';
import { bundledFlows } from './helpers.js';

const CRYPTO = ['txid', 'chain', 'address', 'memo'];
const GENERAL = ['account-id', 'time', 'amount', 'error'];

async function facts(flowId: string, answers: Record<string, string>, known = {}) {
  const flow = (await bundledFlows()).find((f) => f.id === flowId)!;
  return factsToAsk(flow, Object.entries(answers).map(([question, answer]) => ({ question, answer })), known);
}

describe('the facts asked at an outcome', () => {
  it('leave out TxID, chain, address and memo when nothing says the case is about crypto', async () => {
    expect(await facts('payment-failed', { network: 'ok', balance: 'sufficient', verification: 'rejected' })).toEqual(GENERAL);
    expect(await facts('deposit-missing', { method: 'bank-card', 'record-status': 'none' })).toEqual(GENERAL);
    expect(await facts('contact-support', { topic: 'payments', 'payment-kind': 'money' })).toEqual(GENERAL);
    expect(await facts('account-compromised', {})).toEqual(GENERAL);
  });

  it('include them when an answer, a chain check, the flow or a known fact says crypto', async () => {
    const all = ['account-id', 'time', 'amount', 'txid', 'chain', 'address', 'memo', 'error'];
    expect(await facts('contact-support', { topic: 'payments', 'payment-kind': 'crypto' })).toEqual(all);
    expect(await facts('deposit-missing', { method: 'crypto', 'send-status': 'not-sent' })).toEqual(all);
    // A withdrawal flow with chain checks and no "crypto or not" question is about crypto on every path.
    expect(await facts('withdrawal-delayed', { status: 'failed', 'funds-returned': 'not-returned' })).toEqual(all);
    expect(await facts('payment-failed', { network: 'ok' }, { chain: 'LTC' })).toEqual(expect.arrayContaining(CRYPTO));
  });
});
