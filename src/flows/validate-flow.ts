/**
 * Turns a parsed flow file into a Flow, reporting every problem with its position:
 * wrong shapes, unknown keys, missing translations, unknown targets, unreachable
 * nodes, cycles, duplicate ids, queues, shared-question contracts and tests.
 */
import { Checker, type Obj } from '../data/checker.js';
import type { LocatedValue, Problem } from '../data/located-yaml.js';
import { checkAnswers } from '../engine/engine.js';
import {
  OUTCOME_KINDS,
  QUEUES,
  SHARED_QUESTIONS,
  type Answer,
  type Flow,
  type FlowTest,
  type Localized,
  type Outcome,
  type Question,
} from '../engine/types.js';

const FLOW_KEYS = ['$schema', 'id', 'version', 'title', 'description', 'start', 'questions', 'outcomes', 'tests'];
const QUESTION_KEYS = ['text', 'agent', 'answers'];
const ANSWER_KEYS = ['value', 'label', 'next'];
const OUTCOME_KEYS = ['kind', 'title', 'steps', 'queue', 'prepare'];
const TEST_KEYS = ['name', 'answers', 'expect'];

/** Validates one flow document; `expectedId` is the file name's stem, which the id must match. */
export function validateFlow(doc: LocatedValue, expectedId?: string): { flow?: Flow; problems: Problem[] } {
  const c = new Checker(doc);
  const root = c.object(doc.value, [], 'a flow file', FLOW_KEYS, ['id', 'version', 'title', 'description', 'start', 'questions', 'outcomes', 'tests']);
  if (!root) return { problems: c.problems };

  const id = c.id(root.id, ['id'], 'the flow id');
  if (id && expectedId !== undefined && id !== expectedId) {
    c.report(['id'], `the flow id "${id}" must match its file name "${expectedId}.yaml"; rename one of them`);
  }
  const version = c.integer(root.version, ['version'], 'version', 1);
  const title = c.localized(root.title, ['title'], 'the flow title');
  const description = c.localized(root.description, ['description'], 'the flow description');

  const questions = readQuestions(c, root);
  const outcomes = readOutcomes(c, root);

  for (const qid of Object.keys(questions)) {
    if (Object.hasOwn(outcomes, qid)) c.report(['outcomes', qid], `"${qid}" is both a question and an outcome; node ids must be unique`, 'key');
  }
  // Ids declared in the file, valid or not, so one broken node does not make every reference to it an error too.
  const declared = new Set([...ownKeys(root.questions), ...ownKeys(root.outcomes)]);
  const isNode = (n: string) => declared.has(n);

  const startId = c.string(root.start, ['start'], 'start');
  if (startId !== undefined && !isNode(startId)) {
    c.report(['start'], `start names "${startId}", which is neither a question nor an outcome of this flow`);
  }
  for (const q of Object.values(questions)) {
    q.answers.forEach((a, i) => {
      if (!isNode(a.next)) {
        c.report(['questions', q.id, 'answers', i, 'next'], `answer "${a.value}" leads to "${a.next}", which is neither a question nor an outcome of this flow`);
      }
    });
  }

  const structureOk = c.problems.length === 0;
  if (startId !== undefined && structureOk) checkGraph(c, startId, questions, outcomes);

  const tests = readTests(c, root);
  if (c.problems.length > 0 || !id || version === undefined || !title || !description || startId === undefined) {
    return { problems: c.problems };
  }
  const flow: Flow = { id, version, title, description, start: startId, questions, outcomes, tests };
  checkTests(c, flow);
  return c.problems.length > 0 ? { problems: c.problems } : { flow, problems: [] };
}

function ownKeys(value: unknown): string[] {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.keys(value) : [];
}

function readQuestions(c: Checker, root: Obj): Record<string, Question> {
  const out: Record<string, Question> = Object.create(null);
  const raw = c.map(root.questions ?? {}, ['questions'], 'questions');
  if (!raw) return out;
  for (const [qid, value] of Object.entries(raw)) {
    const path = ['questions', qid];
    const id = c.id(qid, path, 'a question id', 'key');
    const q = c.object(value, path, `question "${qid}"`, QUESTION_KEYS, ['text', 'answers']);
    if (!id || !q) continue;
    const text = c.localized(q.text, [...path, 'text'], `the text of question "${qid}"`);
    const agent = q.agent === undefined ? undefined : c.localized(q.agent, [...path, 'agent'], `the agent wording of question "${qid}"`);
    const answersRaw = c.array(q.answers, [...path, 'answers'], `the answers of question "${qid}"`, 2);
    const answers: Answer[] = [];
    const seen = new Set<string>();
    answersRaw?.forEach((a, i) => {
      const apath = [...path, 'answers', i];
      const obj = c.object(a, apath, `an answer of question "${qid}"`, ANSWER_KEYS, ANSWER_KEYS);
      if (!obj) return;
      const value = c.id(obj.value, [...apath, 'value'], 'an answer value');
      const label = c.localized(obj.label, [...apath, 'label'], `the label of answer "${String(obj.value)}"`);
      const next = c.string(obj.next, [...apath, 'next'], `where answer "${String(obj.value)}" leads ("next")`);
      if (value !== undefined && seen.has(value)) c.report([...apath, 'value'], `answer value "${value}" appears twice in question "${qid}"`);
      if (value !== undefined) seen.add(value);
      if (value !== undefined && label && next !== undefined) answers.push({ value, label, next });
    });
    const shared = SHARED_QUESTIONS[id];
    if (shared && answersRaw) {
      const values = answers.map((a) => a.value).sort();
      if (values.join() !== [...shared].sort().join()) {
        c.report([...path, 'answers'], `"${id}" is a shared question: its answers must be exactly ${shared.join(', ')}, so scripts can rely on them`);
      }
    }
    if (text) out[id] = agent ? { id, text, agent, answers } : { id, text, answers };
  }
  return out;
}

function readOutcomes(c: Checker, root: Obj): Record<string, Outcome> {
  const out: Record<string, Outcome> = Object.create(null);
  const raw = c.map(root.outcomes, ['outcomes'], 'outcomes');
  if (!raw) return out;
  if (Object.keys(raw).length === 0) c.report(['outcomes'], 'a flow needs at least one outcome');
  for (const [oid, value] of Object.entries(raw)) {
    const path = ['outcomes', oid];
    const id = c.id(oid, path, 'an outcome id', 'key');
    const o = c.object(value, path, `outcome "${oid}"`, OUTCOME_KEYS, ['kind', 'title', 'steps']);
    if (!id || !o) continue;
    const kind = c.oneOf(o.kind, [...path, 'kind'], `the kind of outcome "${oid}"`, OUTCOME_KINDS);
    const title = c.localized(o.title, [...path, 'title'], `the title of outcome "${oid}"`);
    const steps = localizedList(c, o.steps, [...path, 'steps'], `the steps of outcome "${oid}"`);
    let queue: Outcome['queue'];
    if (kind === 'fix') {
      if (o.queue !== undefined) c.report([...path, 'queue'], `outcome "${oid}" is a fix, which the user solves alone: remove its queue, or make it an escalate outcome`, 'key');
      if (o.prepare !== undefined) c.report([...path, 'prepare'], `outcome "${oid}" is a fix: "prepare" is only for escalate and alert outcomes`, 'key');
    } else if (kind) {
      if (o.queue === undefined) c.report(path, `outcome "${oid}" is ${kind === 'alert' ? 'an alert' : 'an escalation'} and needs the support queue it goes to: queue: ${QUEUES.join(' | ')}`);
      else queue = c.oneOf(o.queue, [...path, 'queue'], `the queue of outcome "${oid}"`, QUEUES);
    }
    const prepare = o.prepare === undefined ? undefined : localizedList(c, o.prepare, [...path, 'prepare'], `what to prepare for outcome "${oid}"`);
    if (kind && title && steps) {
      const outcome: Outcome = { id, kind, title, steps };
      if (queue) outcome.queue = queue;
      if (prepare) outcome.prepare = prepare;
      out[id] = outcome;
    }
  }
  return out;
}

function localizedList(c: Checker, value: unknown, path: (string | number)[], what: string): Localized[] | undefined {
  const list = c.array(value, path, what, 1);
  if (!list) return undefined;
  const out: Localized[] = [];
  list.forEach((item, i) => {
    const l = c.localized(item, [...path, i], `${what}, entry ${i + 1}`);
    if (l) out.push(l);
  });
  return out.length === list.length && out.length > 0 ? out : undefined;
}

/** Reachability and cycles, found in one depth-first walk from the start. */
function checkGraph(c: Checker, startId: string, questions: Record<string, Question>, outcomes: Record<string, Outcome>): void {
  const state = new Map<string, 'active' | 'done'>();
  // Iterative DFS so a hostile, very deep flow cannot overflow the stack.
  const stack: { id: string; edge: number }[] = [{ id: startId, edge: 0 }];
  state.set(startId, 'active');
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const q = questions[frame.id];
    const answer = q?.answers[frame.edge];
    if (!q || !answer) {
      state.set(frame.id, 'done');
      stack.pop();
      continue;
    }
    const edgeIndex = frame.edge++;
    const seen = state.get(answer.next);
    if (seen === 'active') {
      const loop = [...stack.slice(stack.findIndex((f) => f.id === answer.next)).map((f) => f.id), answer.next];
      c.report(['questions', q.id, 'answers', edgeIndex, 'next'], `answer "${answer.value}" leads back to "${answer.next}", making a loop (${loop.join(' → ')}); every path must end in an outcome`);
    } else if (seen === undefined) {
      state.set(answer.next, 'active');
      stack.push({ id: answer.next, edge: 0 });
    }
  }
  for (const id of Object.keys(questions)) {
    if (!state.has(id)) c.report(['questions', id], `question "${id}" cannot be reached from start "${startId}"; link an answer to it or remove it`, 'key');
  }
  for (const id of Object.keys(outcomes)) {
    if (!state.has(id)) c.report(['outcomes', id], `outcome "${id}" cannot be reached from start "${startId}"; link an answer to it or remove it`, 'key');
  }
}

function readTests(c: Checker, root: Obj): FlowTest[] {
  const out: FlowTest[] = [];
  const list = c.array(root.tests ?? [], ['tests'], 'tests', 1);
  list?.forEach((item, i) => {
    const path = ['tests', i];
    const t = c.object(item, path, `test ${i + 1}`, TEST_KEYS, ['answers', 'expect']);
    if (!t) return;
    const name = t.name === undefined ? `test ${i + 1}` : c.string(t.name, [...path, 'name'], `the name of test ${i + 1}`);
    const answersObj = c.map(t.answers, [...path, 'answers'], `the answers of test ${i + 1}`);
    const answers: Record<string, string> = Object.create(null);
    let ok = answersObj !== undefined;
    for (const [k, v] of Object.entries(answersObj ?? {})) {
      const s = c.string(v, [...path, 'answers', k], `the answer to "${k}"`);
      if (s === undefined) ok = false;
      else answers[k] = s;
    }
    const expect = c.string(t.expect, [...path, 'expect'], `the expected outcome of test ${i + 1}`);
    if (ok && name !== undefined && expect !== undefined) out.push({ name, answers, expect });
  });
  return out;
}

/** Tests must name real questions, values and outcomes; whether they pass is `flows test`'s job. */
function checkTests(c: Checker, flow: Flow): void {
  flow.tests.forEach((t, i) => {
    for (const p of checkAnswers(flow, t.answers)) {
      if (p.type === 'unknown-question') c.report(['tests', i, 'answers', p.question], `test "${t.name}" answers "${p.question}", which is not a question of this flow`, 'key');
      else c.report(['tests', i, 'answers', p.question.id], `test "${t.name}" answers "${p.question.id}" with "${p.value}"; allowed: ${p.question.answers.map((a) => a.value).join(', ')}`);
    }
    if (!Object.hasOwn(flow.outcomes, t.expect)) {
      c.report(['tests', i, 'expect'], `test "${t.name}" expects "${t.expect}", which is not an outcome of this flow`);
    }
  });
}
