import { describe, expect, it } from 'vitest';
import { back, checkAnswers, current, resolve, start, step } from '../src/engine/engine.js';
import { toResult } from '../src/engine/result.js';
import type { Flow } from '../src/engine/types.js';

const L = (en: string) => ({ en, zh: `${en}（中文）` });

const flow: Flow = {
  id: 'demo',
  version: 3,
  title: L('Demo'),
  description: L('Demo flow'),
  start: 'network',
  questions: {
    network: {
      id: 'network',
      text: L('Network?'),
      answers: [
        { value: 'ok', label: L('OK'), next: 'balance' },
        { value: 'unstable', label: L('Unstable'), next: 'fix-net' },
        { value: 'offline', label: L('Offline'), next: 'fix-net' },
      ],
    },
    balance: {
      id: 'balance',
      text: L('Balance?'),
      answers: [
        { value: 'sufficient', label: L('Enough'), next: 'escalate' },
        { value: 'insufficient', label: L('Not enough'), next: 'fix-balance' },
      ],
    },
  },
  outcomes: {
    'fix-net': { id: 'fix-net', kind: 'fix', title: L('Fix network'), steps: [L('Reconnect')] },
    'fix-balance': { id: 'fix-balance', kind: 'fix', title: L('Top up'), steps: [L('Top up')] },
    escalate: { id: 'escalate', kind: 'escalate', queue: 'payments', title: L('Contact'), steps: [L('Call')], prepare: [L('Record')] },
  },
  tests: [],
};

describe('engine', () => {
  it('starts at the start node with an empty path', () => {
    const s = start(flow);
    expect(s).toEqual({ flow: 'demo', path: [] });
    const here = current(flow, s);
    expect(here.type).toBe('question');
    if (here.type === 'question') expect(here.question.id).toBe('network');
  });

  it('steps through answers to an outcome and records the path', () => {
    let next = step(flow, start(flow), 'ok');
    expect(next.type === 'question' && next.question.id).toBe('balance');
    next = step(flow, next.session, 'sufficient');
    expect(next.type).toBe('outcome');
    if (next.type !== 'outcome') return;
    expect(next.outcome.id).toBe('escalate');
    expect(next.session.path).toEqual([
      { question: 'network', answer: 'ok' },
      { question: 'balance', answer: 'sufficient' },
    ]);
  });

  it('does not change the session it was given (sessions are values)', () => {
    const s = start(flow);
    step(flow, s, 'ok');
    expect(s.path).toEqual([]);
  });

  it('goes back to exactly the earlier state', () => {
    const first = step(flow, start(flow), 'ok');
    const second = step(flow, first.session, 'insufficient');
    const undone = current(flow, back(second.session));
    expect(undone).toEqual(first);
  });

  it('resolves known answers as far as they reach, ignoring answers off the path', () => {
    const r = resolve(flow, { network: 'offline', balance: 'insufficient' });
    expect(r.type === 'outcome' && r.outcome.id).toBe('fix-net');
    expect(r.session.path).toEqual([{ question: 'network', answer: 'offline' }]);
    const partial = resolve(flow, { network: 'ok' });
    expect(partial.type === 'question' && partial.question.id).toBe('balance');
  });

  it('survives a session that is plain JSON (save and resume)', () => {
    const mid = step(flow, start(flow), 'ok');
    const revived = JSON.parse(JSON.stringify(mid.session));
    expect(step(flow, revived, 'insufficient')).toEqual(step(flow, mid.session, 'insufficient'));
  });

  it('rejects an answer that is not offered', () => {
    expect(() => step(flow, start(flow), 'maybe')).toThrow(/not an answer of network/);
  });

  it('reports unknown questions and values, and ignores inherited keys', () => {
    expect(checkAnswers(flow, { network: 'fast', colour: 'red' })).toEqual([
      { type: 'invalid-value', question: flow.questions.network, value: 'fast' },
      { type: 'unknown-question', question: 'colour' },
    ]);
    const hostile = JSON.parse('{"__proto__": "x", "toString": "y"}');
    expect(checkAnswers(flow, hostile).map((p) => p.type)).toEqual(['unknown-question', 'unknown-question']);
    expect(resolve(flow, { toString: 'ok' } as Record<string, string>).type).toBe('question');
  });

  it('builds the JSON result in the chosen language', () => {
    const r = resolve(flow, { network: 'ok', balance: 'sufficient' });
    if (r.type !== 'outcome') throw new Error('expected an outcome');
    expect(toResult(flow, r.outcome, r.session, 'zh')).toEqual({
      flow: 'demo',
      version: 3,
      outcome: { id: 'escalate', kind: 'escalate', title: 'Contact（中文）', steps: ['Call（中文）'], queue: 'payments', prepare: ['Record（中文）'], contact: null },
      answers: { network: 'ok', balance: 'sufficient' },
      path: [
        { question: 'network', answer: 'ok' },
        { question: 'balance', answer: 'sufficient' },
      ],
      lang: 'zh',
    });
  });
});
