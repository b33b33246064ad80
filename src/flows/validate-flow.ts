/**
 * Turns a parsed flow file into a Flow, reporting every problem with its position:
 * wrong shapes, unknown keys, missing translations, unknown targets, unreachable
 * nodes, cycles, duplicate ids, queues, shared-question contracts and tests.
 */
import { Checker, directoryKey, isCleanText, isPlainObject, whatRef, type Obj, type What } from '../data/checker.js';
import type { LocatedValue, Problem } from '../data/located-yaml.js';
import { shownPath } from '../util/safe-text.js';
import { checkAnswers } from '../engine/engine.js';
import {
  CASE_FACTS,
  CHECKS,
  LANGS,
  OUTCOME_KINDS,
  QUEUES,
  SHARED_QUESTIONS,
  type Answer,
  type CaseFact,
  type CheckName,
  type Flow,
  type FlowTest,
  type Lang,
  type Localized,
  type Outcome,
  type Question,
} from '../engine/types.js';
import { list, ref } from '../i18n/problems.js';
import { findSecretMention, screenDataText } from '../safety/data-text.js';
import { problemDidYouMean as didYouMean } from '../util/suggest.js';

/** Flow texts are checked for contacts, secrets and requests for secrets. */
const screenFlowText = (text: string) => screenDataText(text, { contacts: true });

/** Steps that point to the contact card under them. */
const CONTACTS_BELOW = /contacts? (?:shown|listed) below|下方列出的(?:联系方式|渠道|客服)/i;

const FLOW_KEYS = ['$schema', 'id', 'version', 'title', 'description', 'start', 'questions', 'outcomes', 'tests'];
const QUESTION_KEYS = ['text', 'agent', 'answers', 'check', 'input'];
const QUESTION_REQUIRED = ['text', 'answers'];
const ANSWER_KEYS = ['value', 'label', 'next'];
const OUTCOME_KEYS = ['kind', 'title', 'agentTitle', 'steps', 'agent', 'queue', 'prepare', 'facts'];
const OUTCOME_REQUIRED = ['kind', 'title', 'steps'];
const TEST_KEYS = ['name', 'answers', 'expect'];
const TEST_REQUIRED = ['answers', 'expect'];
/** Every key of the flow format's own mappings. */
const STRUCTURE_KEYS: ReadonlySet<string> = new Set([...FLOW_KEYS, ...QUESTION_KEYS, ...ANSWER_KEYS, ...OUTCOME_KEYS, ...TEST_KEYS]);

/**
 * Validates one flow document; `expectedId` is the file name's stem, which the id must match.
 * Problems are worded in `lang`.
 */
/**
 * Validates one flow document; `expectedId` is the file name's stem, which the
 * id must match. `requireAgent` (flows validate, the build) also requires the
 * agent wording of every question and outcome; a flow without it still runs,
 * and agent mode then shows the user wording.
 */
export function validateFlow(doc: LocatedValue, expectedId?: string, lang: Lang = 'en', requireAgent = false): { flow?: Flow; problems: Problem[] } {
  const c = new Checker(doc, lang, screenFlowText, STRUCTURE_KEYS);
  // A support directory among the flows (an easy slip in an operator folder): one sentence, not a problem per key.
  // A directory with "providers" mistyped ("provider", "provders") is one too, as long as nothing of a flow is there.
  const key = directoryKey(doc.value);
  if (key !== undefined) {
    c.report([], 'flow.isDirectory', { key });
    return { problems: c.finish() };
  }
  const root = c.object(doc.value, [], 'what.flowFile', FLOW_KEYS, ['id', 'version', 'title', 'description', 'start', 'questions', 'outcomes', 'tests']);
  if (!root) return { problems: c.finish() };

  // A required key that is missing was reported above, once: its value is not checked as well ("not nothing").
  const id = root.id === undefined ? undefined : c.id(root.id, ['id'], 'what.flowId');
  if (id && expectedId !== undefined && id !== expectedId) {
    // The file's name as it is (one with an escape or a bidi mark is shown with it written out, not as another name).
    c.report(['id'], 'flow.idMismatch', { id, expected: shownPath(expectedId) });
  }
  const version = root.version === undefined ? undefined : c.integer(root.version, ['version'], 'what.version', 1);
  const title = root.title === undefined ? undefined : (c.goodLocalized(root.title) ?? c.localized(root.title, ['title'], 'what.flowTitle'));
  const description = root.description === undefined ? undefined : (c.goodLocalized(root.description) ?? c.localized(root.description, ['description'], 'what.flowDescription'));

  const questions = readQuestions(c, root, requireAgent);
  const outcomes = readOutcomes(c, root, requireAgent);

  for (const qid of Object.keys(questions)) {
    if (Object.hasOwn(outcomes, qid)) c.report(['outcomes', qid], 'flow.nodeBoth', { id: qid }, 'key');
  }
  // Ids declared in the file, valid or not, so one broken node does not make every reference to it an error too.
  // Looked up in the file's own mappings; listed only for the hint of a problem.
  const declaredIn = [root.questions, root.outcomes].filter(isPlainObject);
  const isNode = (n: string) => declaredIn.some((nodes) => Object.hasOwn(nodes, n));
  const declared = () => declaredIn.flatMap((nodes) => Object.keys(nodes));

  const startId = root.start === undefined ? undefined : c.string(root.start, ['start'], 'what.start');
  // Without its questions or outcomes (reported above, often a misspelt "qestions:"), every id would be unknown:
  // the one mistake is said once.
  const sectionsGiven = root.questions !== undefined && root.outcomes !== undefined;
  if (startId !== undefined && !isNode(startId) && sectionsGiven) {
    c.report(['start'], 'flow.startUnknown', { id: startId, hint: didYouMean(startId, declared()) });
  }
  for (const q of sectionsGiven ? Object.values(questions) : []) {
    q.answers.forEach((a, i) => {
      if (!isNode(a.next)) {
        c.report(['questions', q.id, 'answers', i, 'next'], 'flow.nextUnknown', { value: a.value, next: a.next, hint: didYouMean(a.next, declared()) });
      }
    });
  }

  const structureOk = c.problems.length === 0;
  if (startId !== undefined && structureOk) checkGraph(c, startId, questions, outcomes);
  if (structureOk) checkLookalikeLeads(c, questions, outcomes);

  const tests = readTests(c, root);
  if (c.problems.length > 0 || !id || version === undefined || !title || !description || startId === undefined) {
    return { problems: c.finish() };
  }
  const flow: Flow = { id, version, title, description, start: startId, questions, outcomes, tests };
  checkTests(c, flow);
  return c.problems.length > 0 ? { problems: c.finish() } : { flow, problems: [] };
}

/**
 * A question's or outcome's own key (`steps:`, `agent:`) indented too little stands among the node ids and
 * would be read as a node of that name, "not a mapping". Said as what it is, with the node it likely belongs
 * to. A node named so that is written as one (a mapping with node keys) is left to the checks of nodes.
 */
function dedentedKey(c: Checker, section: 'questions' | 'outcomes', keys: readonly string[], id: string, value: unknown, previous: string | undefined): boolean {
  if (previous === undefined || !keys.includes(id)) return false;
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).some((k) => keys.includes(k))) return false;
  c.report([section, id], section === 'questions' ? 'flow.dedentedQuestionKey' : 'flow.dedentedOutcomeKey', { key: id, id: previous }, 'key');
  return true;
}

/**
 * A set of texts for the few answers of a question: a list searched in turn while it is short (a question has two to
 * five answers, and a Set per question was a cost of its own over a folder's hundred thousand questions), a Set
 * beyond that, so a question of thousands of answers stays linear.
 */
class SmallSet {
  private items: string[] = [];
  private set: Set<string> | undefined;
  has(text: string): boolean {
    return this.set ? this.set.has(text) : this.items.includes(text);
  }
  add(text: string): void {
    if (this.set) this.set.add(text);
    else if (this.items.push(text) > SMALL) this.set = new Set(this.items);
  }
}

/** A map from a language and a text to a text, kept like SmallSet. */
class SmallMap {
  private keys: string[] = [];
  private values: string[] = [];
  private map: Map<string, string> | undefined;
  get(lang: Lang, text: string): string | undefined {
    if (this.map) return this.map.get(`${lang}:${text}`);
    for (let i = 0; i < this.keys.length; i += 2) if (this.keys[i] === lang && this.keys[i + 1] === text) return this.values[i / 2];
    return undefined;
  }
  set(lang: Lang, text: string, value: string): void {
    if (this.map) this.map.set(`${lang}:${text}`, value);
    else if (this.values.push(value) > SMALL) {
      this.keys.push(lang, text);
      this.map = new Map(this.values.map((v, i) => [`${this.keys[2 * i]}:${this.keys[2 * i + 1]}`, v]));
    } else this.keys.push(lang, text);
  }
}

/** How many entries SmallSet and SmallMap search in turn. */
const SMALL = 8;

function readQuestions(c: Checker, root: Obj, requireAgent: boolean): Record<string, Question> {
  const raw = c.map(root.questions ?? {}, ['questions'], 'what.questions');
  return readNodes(c, 'questions', raw, QUESTION_KEYS, (qid, value) => readQuestion(c, qid, value, requireAgent));
}

/** The nodes of a section, by id, each read by `read`; a key of a node indented too little is said as that (dedentedKey). */
function readNodes<T extends { id: string }>(c: Checker, section: 'questions' | 'outcomes', raw: Obj | undefined, keys: readonly string[], read: (id: string, value: unknown) => T | undefined): Record<string, T> {
  const out: Record<string, T> = Object.create(null);
  let previous: string | undefined;
  for (const [id, value] of Object.entries(raw ?? {})) {
    if (dedentedKey(c, section, keys, id, value, previous)) continue;
    previous = id;
    const node = read(id, value);
    if (node) out[node.id] = node;
  }
  return out;
}

/**
 * One question, or undefined when it is broken (its problems reported). A function of its own rather than the body of
 * readQuestions' loop: V8 then optimizes it once, where a loop over a flow's questions was compiled twice (on the
 * stack, then as a whole), on every thread of a large `flows validate`.
 */
function readQuestion(c: Checker, qid: string, value: unknown, requireAgent: boolean): Question | undefined {
  const path = ['questions', qid];
  const id = c.goodId(qid) ?? c.id(qid, path, 'what.questionId', 'key');
  const q = c.goodObject(value, QUESTION_KEYS, QUESTION_REQUIRED) ?? c.object(value, path, ref('what.question', { id: qid }), QUESTION_KEYS, QUESTION_REQUIRED);
  if (!id || !q) return undefined;
  const text = q.text === undefined ? undefined : (c.goodLocalized(q.text) ?? c.localized(q.text, [...path, 'text'], ref('what.questionText', { id: qid })));
  if (requireAgent && q.agent === undefined) c.report(path, 'flow.questionNeedsAgent', { id: qid });
  const agent = q.agent === undefined ? undefined : (c.goodLocalized(q.agent) ?? c.localized(q.agent, [...path, 'agent'], ref('what.questionAgent', { id: qid })));
  const answersRaw = q.answers === undefined ? undefined : Array.isArray(q.answers) && q.answers.length >= 2 ? q.answers : c.array(q.answers, [...path, 'answers'], ref('what.questionAnswers', { id: qid }), 2);
  const answers: Answer[] = [];
  const seen = new SmallSet();
  // Labels per language: two answers the user cannot tell apart on screen lead to different places.
  const labels = new SmallMap();
  answersRaw?.forEach((a: unknown, i) => {
    const obj = c.goodObject(a, ANSWER_KEYS, ANSWER_KEYS) ?? c.object(a, [...path, 'answers', i], ref('what.questionAnswer', { id: qid }), ANSWER_KEYS, ANSWER_KEYS);
    if (!obj) return;
    const value = obj.value === undefined ? undefined : (c.goodId(obj.value) ?? c.id(obj.value, [...path, 'answers', i, 'value'], 'what.answerValue'));
    const label = obj.label === undefined ? undefined : (c.goodLocalized(obj.label) ?? c.localized(obj.label, [...path, 'answers', i, 'label'], ref('what.answerLabel', { value: String(obj.value) })));
    const next = obj.next === undefined ? undefined : isCleanText(obj.next) ? obj.next : c.string(obj.next, [...path, 'answers', i, 'next'], ref('what.answerNext', { value: String(obj.value) }));
    if (value !== undefined && seen.has(value)) c.report([...path, 'answers', i, 'value'], 'flow.answerTwice', { value, id: qid });
    if (value !== undefined) seen.add(value);
    if (value !== undefined && label) {
      for (const lang of LANGS) {
        const shown = label[lang].trim().toLowerCase();
        const other = labels.get(lang, shown);
        if (other !== undefined && other !== value) c.report([...path, 'answers', i, 'label', lang], 'flow.labelTwice', { value, other, id: qid, label: label[lang].trim() });
        else labels.set(lang, shown, value);
      }
    }
    if (value !== undefined && label && next !== undefined) answers.push({ value, label, next });
  });
  const shared = Object.hasOwn(SHARED_QUESTIONS, id) ? SHARED_QUESTIONS[id] : undefined;
  // (With an answer already reported as broken, the list is not judged again.)
  if (shared && answersRaw && answers.length === answersRaw.length) {
    const values = answers.map((a) => a.value).sort();
    if (values.join() !== [...shared].sort().join()) {
      c.report([...path, 'answers'], 'flow.sharedAnswers', { id, values: list(shared) });
    }
  }
  let check: CheckName | undefined;
  let input: Localized | undefined;
  if (q.check !== undefined) {
    check = c.oneOf(q.check, [...path, 'check'], ref('what.questionCheck', { id: qid }), Object.keys(CHECKS) as CheckName[]);
    if (check && CHECKS[check].input && q.input === undefined) c.report(path, 'flow.checkNeedsInput', { id: qid });
    if (check && answersRaw) {
      const missing = CHECKS[check].results.filter((r) => !answers.some((a) => a.value === r));
      if (missing.length > 0) c.report([...path, 'answers'], 'flow.checkResults', { id: qid, check, values: list(missing) });
    }
  } else if (q.input !== undefined) c.report([...path, 'input'], 'flow.inputWithoutCheck', { id: qid }, 'key');
  if (q.input !== undefined) input = c.localized(q.input, [...path, 'input'], ref('what.questionInput', { id: qid }));
  if (!text) return undefined;
  const question: Question = agent ? { id, text, agent, answers } : { id, text, answers };
  if (check) Object.assign(question, input ? { check, input } : { check });
  return question;
}

function readOutcomes(c: Checker, root: Obj, requireAgent: boolean): Record<string, Outcome> {
  const raw = root.outcomes === undefined ? undefined : c.map(root.outcomes, ['outcomes'], 'what.outcomes');
  if (raw && Object.keys(raw).length === 0) c.report(['outcomes'], 'flow.noOutcome');
  return readNodes(c, 'outcomes', raw, OUTCOME_KEYS, (oid, value) => readOutcome(c, oid, value, requireAgent));
}

/** One outcome, or undefined when it is broken (its problems reported); a function of its own as readQuestion is. */
function readOutcome(c: Checker, oid: string, value: unknown, requireAgent: boolean): Outcome | undefined {
  const path = ['outcomes', oid];
  const id = c.goodId(oid) ?? c.id(oid, path, 'what.outcomeId', 'key');
  const o = c.goodObject(value, OUTCOME_KEYS, OUTCOME_REQUIRED) ?? c.object(value, path, ref('what.outcome', { id: oid }), OUTCOME_KEYS, OUTCOME_REQUIRED);
  if (!id || !o) return undefined;
  const kind = o.kind === undefined ? undefined : (OUTCOME_KINDS as readonly unknown[]).includes(o.kind) ? (o.kind as Outcome['kind']) : c.oneOf(o.kind, [...path, 'kind'], ref('what.outcomeKind', { id: oid }), OUTCOME_KINDS);
  const title = o.title === undefined ? undefined : (c.goodLocalized(o.title) ?? c.localized(o.title, [...path, 'title'], ref('what.outcomeTitle', { id: oid })));
  const agentTitle = o.agentTitle === undefined ? undefined : (c.goodLocalized(o.agentTitle) ?? c.localized(o.agentTitle, [...path, 'agentTitle'], ref('what.outcomeAgentTitle', { id: oid })));
  const steps = o.steps === undefined ? undefined : (goodLocalizedList(c, o.steps) ?? localizedList(c, o.steps, [...path, 'steps'], ref('what.outcomeSteps', { id: oid })));
  let queue: Outcome['queue'];
  if (kind === 'fix') {
    // A fix may name the team to turn to when it does not solve the problem; it still prepares nothing.
    if (o.prepare !== undefined) c.report([...path, 'prepare'], 'flow.fixPrepare', { id: oid }, 'key');
  } else if (kind && o.queue === undefined) {
    c.report(path, kind === 'alert' ? 'flow.alertNeedsQueue' : 'flow.escalationNeedsQueue', { id: oid, queues: QUEUES.join(' | ') });
  }
  if (kind && o.queue !== undefined) queue = (QUEUES as readonly unknown[]).includes(o.queue) ? (o.queue as Outcome['queue']) : c.oneOf(o.queue, [...path, 'queue'], ref('what.outcomeQueue', { id: oid }), QUEUES);
  const prepare = o.prepare === undefined ? undefined : (goodLocalizedList(c, o.prepare) ?? localizedList(c, o.prepare, [...path, 'prepare'], ref('what.outcomePrepare', { id: oid })));
  // What to have ready for support: naming a secret there is asking for it.
  prepare?.forEach((item, i) => {
    for (const lang of LANGS) {
      const kind = findSecretMention(item[lang]);
      if (kind) c.report([...path, 'prepare', i, lang], 'flow.prepareSecret', { id: oid, n: i + 1, lang, kind: ref(`request.${kind}`) });
    }
  });
  let facts: CaseFact[] | undefined;
  if (o.facts !== undefined) {
    // What an agent records for the ticket: a fix opens none.
    if (kind === 'fix') c.report([...path, 'facts'], 'flow.fixFacts', { id: oid }, 'key');
    else facts = readFacts(c, o.facts, [...path, 'facts'], oid);
  }
  if (requireAgent && o.agent === undefined) c.report(path, 'flow.outcomeNeedsAgent', { id: oid });
  const agent = o.agent === undefined ? undefined : (goodLocalizedList(c, o.agent) ?? localizedList(c, o.agent, [...path, 'agent'], ref('what.outcomeAgent', { id: oid })));
  if (agent && steps && agent.length !== steps.length) c.report([...path, 'agent'], 'flow.agentSteps', { id: oid, steps: steps.length, agent: agent.length });
  // A step that sends the user to "the contacts shown below" needs a queue, or nothing is shown below it.
  if (kind === 'fix' && o.queue === undefined && [steps, agent].some((texts) => texts?.some((l) => LANGS.some((lang) => CONTACTS_BELOW.test(l[lang]))))) {
    c.report(path, 'flow.contactsWithoutQueue', { id: oid, queues: QUEUES.join(' | ') });
  }
  if (!kind || !title || !steps) return undefined;
  const outcome: Outcome = { id, kind, title, steps };
  if (agent) outcome.agent = agent;
  if (agentTitle) outcome.agentTitle = agentTitle;
  if (queue) outcome.queue = queue;
  if (prepare) outcome.prepare = prepare;
  if (facts) outcome.facts = facts;
  return outcome;
}

/** The case facts an outcome names: known ones, each once, at least one. */
function readFacts(c: Checker, value: unknown, path: (string | number)[], oid: string): CaseFact[] | undefined {
  // "facts: amount" (or "facts: amount, time"): the list it was meant to be.
  if (typeof value === 'string' && value.split(',').every((f) => (CASE_FACTS as readonly string[]).includes(f.trim()))) {
    c.report(path, 'flow.factsNotList', { id: oid, fact: value.split(',').map((f) => f.trim()).join(', ') });
    return undefined;
  }
  const items = c.array(value, path, ref('what.outcomeFacts', { id: oid }), 1);
  if (!items) return undefined;
  const facts: CaseFact[] = [];
  items.forEach((item, i) => {
    const fact = c.oneOf(item, [...path, i], ref('what.entry', { what: ref('what.outcomeFacts', { id: oid }), n: i + 1 }), CASE_FACTS);
    if (fact && facts.includes(fact)) c.report([...path, i], 'flow.factTwice', { fact, id: oid });
    else if (fact) facts.push(fact);
  });
  return facts.length === items.length && facts.length > 0 ? facts : undefined;
}

/** The value when localizedList() would accept it without a problem, else undefined. */
function goodLocalizedList(c: Checker, value: unknown): Localized[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const out: Localized[] = [];
  for (const item of value) {
    const texts = c.goodLocalized(item);
    if (texts === undefined) return undefined;
    out.push(texts);
  }
  return out;
}

function localizedList(c: Checker, value: unknown, path: (string | number)[], what: What): Localized[] | undefined {
  const items = c.array(value, path, what, 1);
  if (!items) return undefined;
  const out: Localized[] = [];
  items.forEach((item, i) => {
    const l = c.localized(item, [...path, i], ref('what.entry', { what: whatRef(what), n: i + 1 }));
    if (l) out.push(l);
  });
  return out.length === items.length && out.length > 0 ? out : undefined;
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
      c.report(['questions', q.id, 'answers', edgeIndex, 'next'], 'flow.loop', { value: answer.value, next: answer.next, loop: loop.join(' → ') });
    } else if (seen === undefined) {
      state.set(answer.next, 'active');
      stack.push({ id: answer.next, edge: 0 });
    }
  }
  for (const id of Object.keys(questions)) {
    if (!state.has(id)) c.report(['questions', id], 'flow.questionUnreachable', { id, start: startId }, 'key');
  }
  for (const id of Object.keys(outcomes)) {
    if (!state.has(id)) c.report(['outcomes', id], 'flow.outcomeUnreachable', { id, start: startId }, 'key');
  }
}

/**
 * A contact check's look-alike verdict (a contact that imitates an official one) is a scam found: every outcome it can
 * lead to is an alert, or an escalation to the security team. A flow that sent it to a fix ("The caller is genuine
 * support") would turn the check's warning into its opposite (QA: flow authoring review).
 */
function checkLookalikeLeads(c: Checker, questions: Record<string, Question>, outcomes: Record<string, Outcome>): void {
  for (const q of Object.values(questions)) {
    if (q.check !== 'verify-contact') continue;
    q.answers.forEach((a, i) => {
      if (a.value !== 'lookalike') return;
      // Every node the answer leads to, questions on the way included (the graph may loop: each node once).
      const seen = new Set<string>([a.next]);
      const todo = [a.next];
      for (let node = todo.pop(); node !== undefined; node = todo.pop()) {
        const outcome = Object.hasOwn(outcomes, node) ? outcomes[node] : undefined;
        if (outcome) {
          if (outcome.kind !== 'alert' && !(outcome.kind === 'escalate' && outcome.queue === 'security')) {
            c.report(['questions', q.id, 'answers', i, 'next'], 'flow.lookalikeLeadsAway', { id: q.id, outcome: outcome.id, kind: outcome.kind });
            return;
          }
          continue;
        }
        for (const next of (Object.hasOwn(questions, node) ? questions[node]!.answers : []).map((b) => b.next)) {
          if (!seen.has(next)) {
            seen.add(next);
            todo.push(next);
          }
        }
      }
    });
  }
}

function readTests(c: Checker, root: Obj): FlowTest[] {
  const out: FlowTest[] = [];
  const items = root.tests === undefined ? undefined : c.array(root.tests, ['tests'], 'what.tests', 1);
  items?.forEach((item, i) => {
    const path = ['tests', i];
    const n = i + 1;
    const t = c.goodObject(item, TEST_KEYS, TEST_REQUIRED) ?? c.object(item, path, ref('what.test', { n }), TEST_KEYS, TEST_REQUIRED);
    if (!t) return;
    const name = t.name === undefined ? unnamedTest(c, n) : c.string(t.name, [...path, 'name'], ref('what.testName', { n }), true);
    if (name !== undefined && t.name !== undefined) c.screened(name, [...path, 'name'], ref('what.testName', { n }));
    const answersObj = t.answers === undefined ? undefined : (c.goodMap(t.answers) ?? c.map(t.answers, [...path, 'answers'], ref('what.testAnswers', { n })));
    const answers: Record<string, string> = Object.create(null);
    let ok = answersObj !== undefined;
    for (const k of Object.keys(answersObj ?? {})) {
      const v = answersObj![k];
      if (isCleanText(v)) answers[k] = v;
      else {
        c.string(v, [...path, 'answers', k], ref('what.testAnswer', { question: k }));
        ok = false;
      }
    }
    const expect = t.expect === undefined ? undefined : isCleanText(t.expect) ? t.expect : c.string(t.expect, [...path, 'expect'], ref('what.testExpect', { n }));
    if (ok && name !== undefined && expect !== undefined) out.push({ name, answers, expect });
  });
  return out;
}

/** The name of an unnamed test ("test 3"), worded once a process for each number and language: flows have many. */
function unnamedTest(c: Checker, n: number): string {
  const names = (UNNAMED_TESTS[c.lang] ??= []);
  return (names[n] ??= c.message('what.test', { n }));
}

const UNNAMED_TESTS: Partial<Record<Lang, string[]>> = {};

/** Tests must name real questions, values and outcomes; whether they pass is `flows test`'s job. */
function checkTests(c: Checker, flow: Flow): void {
  flow.tests.forEach((t, i) => {
    for (const p of checkAnswers(flow, t.answers)) {
      if (p.type === 'unknown-question') {
        c.report(['tests', i, 'answers', p.question], 'flow.testUnknownQuestion', { name: t.name, question: p.question, hint: didYouMean(p.question, Object.keys(flow.questions)) }, 'key');
      }
      else if (p.type === 'invalid-value') {
        c.report(['tests', i, 'answers', p.question.id], 'flow.testBadValue', {
          name: t.name,
          question: p.question.id,
          value: p.value,
          allowed: list(p.question.answers.map((a) => a.value)),
        });
      }
    }
    if (!Object.hasOwn(flow.outcomes, t.expect)) {
      c.report(['tests', i, 'expect'], 'flow.testUnknownOutcome', { name: t.name, expect: t.expect, hint: didYouMean(t.expect, Object.keys(flow.outcomes)) });
    }
  });
}

