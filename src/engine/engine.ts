/**
 * The flow engine: pure functions from a flow and the answers so far to the next
 * question or the outcome. No prompts, printing, files or clock in here, so every
 * adapter (prompts, flags, batch, library) drives the same logic and sessions are
 * plain JSON that can be saved and resumed.
 */
import { SHARED_QUESTIONS, type Flow, type Outcome, type Question } from './types.js';

export interface PathStep {
  question: string;
  answer: string;
}

/** Where a run stands: the answers given, in order. Plain JSON. */
export interface Session {
  flow: string;
  path: PathStep[];
}

export type Next =
  | { type: 'question'; question: Question; session: Session }
  | { type: 'outcome'; outcome: Outcome; session: Session };

/** A fresh session for `flow`. */
export function start(flow: Flow): Session {
  return { flow: flow.id, path: [] };
}

/** The node the session stands on: the question to ask next, or the outcome reached. */
export function current(flow: Flow, session: Session): Next {
  let nodeId = flow.start;
  for (const step of session.path) {
    const question = flow.questions[nodeId];
    if (!question || question.id !== step.question) {
      throw new Error(`session does not fit flow ${flow.id}: expected ${nodeId}, found ${step.question}`);
    }
    const answer = question.answers.find((a) => a.value === step.answer);
    if (!answer) throw new Error(`session does not fit flow ${flow.id}: ${step.answer} is not an answer of ${step.question}`);
    nodeId = answer.next;
  }
  return nodeAt(flow, nodeId, session);
}

/** Answers the current question and returns where that leads. */
export function step(flow: Flow, session: Session, answer: string): Next {
  const here = current(flow, session);
  if (here.type !== 'question') throw new Error(`flow ${flow.id} already reached outcome ${here.outcome.id}`);
  if (!here.question.answers.some((a) => a.value === answer)) {
    throw new Error(`${answer} is not an answer of ${here.question.id}`);
  }
  return current(flow, { flow: session.flow, path: [...session.path, { question: here.question.id, answer }] });
}

/** Drops the last answer: the session as it was before that question was answered. */
export function back(session: Session): Session {
  return { flow: session.flow, path: session.path.slice(0, -1) };
}

/**
 * Walks the flow with a set of known answers (flags, a file, a batch line) as far
 * as they reach: stops at the first question without an answer, or at the outcome.
 * The answers must already be checked against the flow (see `checkAnswers`).
 */
export function resolve(flow: Flow, answers: Readonly<Record<string, string>>, from: Session = start(flow)): Next {
  let next = current(flow, from);
  while (next.type === 'question') {
    const given = Object.hasOwn(answers, next.question.id) ? answers[next.question.id] : undefined;
    if (given === undefined) return next;
    next = step(flow, next.session, given);
  }
  return next;
}

export type AnswerProblem =
  | { type: 'unknown-question'; question: string }
  | { type: 'invalid-value'; question: Question; value: string }
  | { type: 'invalid-shared-value'; question: string; value: string; values: readonly string[] };

/**
 * Checks answers given up front: every id must be a question of the flow, every value one of its answers. With
 * `shared`, an answer to a shared question (network, balance, verification) the flow does not ask is taken, as one
 * that does not count (`unused`), when its value is one of that question's fixed values: a script answers them once
 * and sends them to every flow, the stolen-account emergency too (QA: script integrator).
 */
export function checkAnswers(flow: Flow, answers: Readonly<Record<string, string>>, shared = false): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  for (const id of Object.keys(answers)) {
    const value = answers[id]!;
    const question = Object.hasOwn(flow.questions, id) ? flow.questions[id] : undefined;
    const values = shared && !question && Object.hasOwn(SHARED_QUESTIONS, id) ? SHARED_QUESTIONS[id] : undefined;
    if (values) {
      if (!values.includes(value)) problems.push({ type: 'invalid-shared-value', question: id, value, values });
    } else if (!question) problems.push({ type: 'unknown-question', question: id });
    else if (!offers(question, value)) problems.push({ type: 'invalid-value', question, value });
  }
  return problems;
}

function offers(question: Question, value: string | undefined): boolean {
  for (const a of question.answers) if (a.value === value) return true;
  return false;
}

function nodeAt(flow: Flow, nodeId: string, session: Session): Next {
  const question = Object.hasOwn(flow.questions, nodeId) ? flow.questions[nodeId] : undefined;
  if (question) return { type: 'question', question, session };
  const outcome = Object.hasOwn(flow.outcomes, nodeId) ? flow.outcomes[nodeId] : undefined;
  if (outcome) return { type: 'outcome', outcome, session };
  throw new Error(`flow ${flow.id} has no node ${nodeId}`);
}
