import { describe, expect, it } from 'vitest';
import { resolve, start, step, type Next } from '../src/engine/engine.js';
import { preparationOf, type Flow } from '../src/engine/types.js';
import { runFlowTests } from '../src/flows/flow-tests.js';
import { bundledFlows } from './helpers.js';

const CATALOG = [
  'payment-failed',
  'deposit-missing',
  'withdrawal-delayed',
  'forgot-password',
  'login-failed',
  'account-locked',
  'account-compromised',
  'suspicious-contact',
  'fees',
  'complaint',
  'contact-support',
];

/** Every path through a flow, walked with the engine itself. */
function allPaths(flow: Flow): Extract<Next, { type: 'outcome' }>[] {
  const done: Extract<Next, { type: 'outcome' }>[] = [];
  const walk = (next: Next) => {
    if (next.type === 'outcome') {
      done.push(next);
      return;
    }
    for (const a of next.question.answers) walk(step(flow, next.session, a.value));
  };
  walk(resolve(flow, {}, start(flow)));
  return done;
}

const flows = await bundledFlows();
const byId = new Map(flows.map((f) => [f.id, f]));

describe('the bundled flows', () => {
  it('include the whole catalog', () => {
    for (const id of CATALOG) expect(byId.has(id), id).toBe(true);
  });

  it('quotes, where a step sends to another problem "in this tool", that problem\'s title as the menu shows it', () => {
    const titles = { en: new Set(flows.map((f) => f.title.en)), zh: new Set(flows.map((f) => f.title.zh)) };
    const quoted = { en: /"([^"]+)" in this tool/g, zh: /本工具(?:里|的问题菜单里(?:选择|切换到))“([^”]+)”/g };
    let seen = 0;
    for (const f of flows) {
      for (const o of Object.values(f.outcomes)) {
        for (const s of [...o.steps, ...(o.agent ?? [])]) {
          for (const lang of ['en', 'zh'] as const) {
            for (const m of s[lang].matchAll(quoted[lang])) {
              seen++;
              expect(titles[lang].has(m[1]!), `${f.id}/${o.id}: ${m[1]}`).toBe(true);
            }
          }
        }
      }
    }
    expect(seen).toBeGreaterThan(0);
  });

  describe.each(flows.map((f) => [f.id, f] as const))('%s', (_id, flow) => {
    it('names, where a step points to the contacts shown below, the team those contacts are for (QA: agent)', () => {
      for (const o of Object.values(flow.outcomes)) {
        for (const text of [...o.steps, ...(o.agent ?? [])].map((s) => s.en)) {
          if (!/shown below/.test(text)) continue;
          for (const m of text.matchAll(/\b(payments|account|security|general) (?:support|team|contact)/g)) expect(m[1], `${o.id}: ${text}`).toBe(o.queue);
        }
      }
    });

    it('words what to have ready, and its title, for the user and for an agent reading it to a caller alike: no "you" or "I" (QA: agent)', () => {
      const texts = [flow.title, ...Object.values(flow.outcomes).flatMap((o) => preparationOf(o))];
      for (const t of texts) {
        expect(t.en, t.en).not.toMatch(/\b(you|your|yours|yourself|I|me|my|mine)\b/i);
        expect(t.zh, t.zh).not.toMatch(/[你您我]/);
      }
    });

    it('ends every path in an outcome with concrete steps in both languages', () => {
      const paths = allPaths(flow);
      expect(paths.length).toBeGreaterThan(0);
      for (const p of paths) {
        expect(p.outcome.steps.length).toBeGreaterThan(0);
        for (const s of p.outcome.steps) {
          expect(s.en.length).toBeGreaterThan(10);
          expect(s.zh).toMatch(/[\u4e00-\u9fff]/);
        }
        if (p.outcome.kind !== 'fix') expect(p.outcome.queue).toBeDefined();
      }
      // Every outcome is the end of some path.
      expect(new Set(paths.map((p) => p.outcome.id))).toEqual(new Set(Object.keys(flow.outcomes)));
    });

    it('ships test cases that pass and reach every outcome and every answer', () => {
      const report = runFlowTests(flow);
      for (const r of report.results) expect(r.pass, `${r.test.name}: reached ${r.reached.type} ${r.reached.id}, unused ${r.unused.join()}`).toBe(true);
      expect(report.uncoveredOutcomes).toEqual([]);
      expect(report.uncoveredEdges).toEqual([]);
    });

    it('asks, before sending anyone to support, whether a refresh or a second look settles it: no escalation starts with one (QA: desk)', () => {
      for (const o of Object.values(flow.outcomes)) {
        if (o.kind === 'fix') continue;
        for (const s of [...o.steps, ...(o.agent ?? [])]) {
          expect(s.en, `${o.id}: ${s.en}`).not.toMatch(/\brefresh\b|log out and back in|^(?:Ask the caller to )?look for\b/i);
          expect(s.zh, `${o.id}: ${s.zh}`).not.toMatch(/刷新|退出后重新登录/);
        }
      }
    });

    it('has the agent wording of every question and of every step', () => {
      for (const q of Object.values(flow.questions)) expect(q.agent, q.id).toBeDefined();
      for (const o of Object.values(flow.outcomes)) expect(o.agent?.length, o.id).toBe(o.steps.length);
    });

    it('has an agent title for every outcome whose title speaks to the user, and none that does (QA: interactive review)', () => {
      for (const o of Object.values(flow.outcomes)) {
        const speaks = /\byou(?:r|rs|'re|'ve)?\b/i.test(o.title.en) || o.title.zh.includes('你');
        if (speaks) expect(o.agentTitle, o.id).toBeDefined();
        if (o.agentTitle) {
          expect(o.agentTitle.en, o.id).not.toMatch(/\byou(?:r|rs|'re|'ve)?\b/i);
          expect(o.agentTitle.zh, o.id).not.toContain('你');
        }
      }
    });

    it('never mentions a phone number, e-mail address or web address', () => {
      const text = JSON.stringify(flow);
      expect(text).not.toMatch(/\+?\d[\d -]{7,}\d/);
      expect(text).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
      expect(text).not.toMatch(/https?:\/\/|www\.|\.com\b|\.cn\b/i);
    });
  });

  it('payment-failed asks network, then balance, then verification', () => {
    const flow = byId.get('payment-failed')!;
    const first = resolve(flow, {});
    expect(first.type === 'question' && first.question.id).toBe('network');
    for (const bad of ['offline', 'unstable']) {
      const r = resolve(flow, { network: bad });
      expect(r.type === 'outcome' && r.outcome.kind).toBe('fix');
    }
    const second = resolve(flow, { network: 'ok' });
    expect(second.type === 'question' && second.question.id).toBe('balance');
    const broke = resolve(flow, { network: 'ok', balance: 'insufficient' });
    expect(broke.type === 'outcome' && broke.outcome.kind).toBe('fix');
    const third = resolve(flow, { network: 'ok', balance: 'sufficient' });
    expect(third.type === 'question' && third.question.id).toBe('verification');
    for (const v of ['pending', 'unverified', 'rejected']) {
      const r = resolve(flow, { network: 'ok', balance: 'sufficient', verification: v });
      expect(r.type, v).toBe('outcome');
    }
    const rarer = resolve(flow, { network: 'ok', balance: 'sufficient', verification: 'verified' });
    expect(rarer.type).toBe('question');
    // Past the rare causes, the last resort is the payments team.
    const ends = allPaths(flow).filter((p) => p.session.path.length === Math.max(...allPaths(flow).map((x) => x.session.path.length)));
    expect(ends.some((p) => p.outcome.kind === 'escalate' && p.outcome.queue === 'payments')).toBe(true);
  });

  it('account-compromised goes straight to a security alert', () => {
    const flow = byId.get('account-compromised')!;
    const r = resolve(flow, {});
    expect(r.type).toBe('outcome');
    if (r.type !== 'outcome') return;
    expect(r.outcome).toMatchObject({ kind: 'alert', queue: 'security' });
    expect(r.outcome.steps.length).toBeGreaterThanOrEqual(4);
    expect(r.session.path).toEqual([]);
  });

  it('suspicious-contact alerts whenever they asked for a secret, remote access or a transfer', () => {
    const flow = byId.get('suspicious-contact')!;
    const paths = allPaths(flow);
    const dangerous = /phrase|key|password|code|remote|transfer|fee/;
    const sawDangerous = new Set<string>();
    for (const p of paths) {
      const asked = p.session.path.find((s) => dangerous.test(s.answer));
      if (asked) {
        sawDangerous.add(asked.answer);
        expect(p.outcome, `${JSON.stringify(p.session.path)}`).toMatchObject({ kind: 'alert', queue: 'security' });
      }
    }
    expect(sawDangerous.size).toBeGreaterThanOrEqual(5);
  });
});
