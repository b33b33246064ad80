/** Running the test cases written in a flow file, and measuring which paths they cover. */
import { resolve } from '../engine/engine.js';
import type { Flow, FlowTest } from '../engine/types.js';

export interface FlowTestResult {
  test: FlowTest;
  pass: boolean;
  /** The outcome reached, or the first question the answers did not cover. */
  reached: { type: 'outcome' | 'question'; id: string };
  /** Answers the test gave that its path never asked. */
  unused: string[];
  /** Answer edges walked, as "question=value". */
  edges: string[];
}

export interface FlowTestReport {
  flow: Flow;
  results: FlowTestResult[];
  uncoveredOutcomes: string[];
  uncoveredEdges: string[];
  /** Share of outcomes and answer edges reached by at least one test, 0–100. */
  coverage: number;
}

/** Runs one test case through the engine. */
export function runFlowTest(flow: Flow, test: FlowTest): FlowTestResult {
  const next = resolve(flow, test.answers);
  const edges = next.session.path.map((s) => `${s.question}=${s.answer}`);
  const used = new Set(next.session.path.map((s) => s.question));
  const unused = Object.keys(test.answers).filter((k) => !used.has(k));
  if (next.type === 'question') return { test, pass: false, reached: { type: 'question', id: next.question.id }, unused, edges };
  return { test, pass: next.outcome.id === test.expect && unused.length === 0, reached: { type: 'outcome', id: next.outcome.id }, unused, edges };
}

/** Runs every test of a flow and reports the outcomes and answer edges no test reaches. */
export function runFlowTests(flow: Flow): FlowTestReport {
  const results = flow.tests.map((t) => runFlowTest(flow, t));
  const reachedOutcomes = new Set(results.filter((r) => r.reached.type === 'outcome').map((r) => r.reached.id));
  const walked = new Set(results.flatMap((r) => r.edges));
  const allEdges = Object.values(flow.questions).flatMap((q) => q.answers.map((a) => `${q.id}=${a.value}`));
  const uncoveredOutcomes = Object.keys(flow.outcomes).filter((id) => !reachedOutcomes.has(id));
  const uncoveredEdges = allEdges.filter((e) => !walked.has(e));
  const total = Object.keys(flow.outcomes).length + allEdges.length;
  const covered = total - uncoveredOutcomes.length - uncoveredEdges.length;
  return { flow, results, uncoveredOutcomes, uncoveredEdges, coverage: total === 0 ? 100 : (covered / total) * 100 };
}
