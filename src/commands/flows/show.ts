/** `wallet-help flows show <id>`: the whole tree, readable during a call. */
import { preparationOf, type Flow } from '../../engine/types.js';
import { safeText, safeJson } from '../../util/safe-text.js';
import { listOf } from '../../i18n/i18n.js';
import type { Context } from '../context.js';
import { findFlow } from '../../diagnosis/diagnosis.js';
import { layoutFor } from '../../render/layout.js';
import { queueTeam } from '../../render/queue.js';
import '../../core.js';

export interface FlowsShowOptions {
  id: string;
  json: boolean;
}

/** The tree as the documented JSON shape, in one language. */
export function flowDocument(flow: Flow, lang: Context['lang']) {
  return {
    id: flow.id,
    version: flow.version,
    title: flow.title[lang],
    description: flow.description[lang],
    start: flow.start,
    questions: Object.values(flow.questions).map((q) => ({
      id: q.id,
      text: q.text[lang],
      ...(q.agent ? { agent: q.agent[lang] } : {}),
      // A question a check can answer: a script gives verify-contact's text with --check-input ID=TEXT, prompted by `input`.
      ...(q.check ? { check: q.check } : {}),
      ...(q.input ? { input: q.input[lang] } : {}),
      answers: q.answers.map((a) => ({ value: a.value, label: a.label[lang], next: a.next })),
    })),
    outcomes: Object.values(flow.outcomes).map((o) => ({
      id: o.id,
      kind: o.kind,
      title: o.title[lang],
      queue: o.queue ?? null,
      steps: o.steps.map((s) => s[lang]),
      ...(o.agentTitle ? { agentTitle: o.agentTitle[lang] } : {}),
      ...(o.agent ? { agentSteps: o.agent.map((s) => s[lang]) } : {}),
      prepare: preparationOf(o).map((p) => p[lang]),
      // The case facts the outcome names for its ticket; without them, an agent is asked for all that fit the case.
      ...(o.facts ? { facts: o.facts } : {}),
    })),
  };
}

/** Prints every question with its answers and every outcome with its steps. */
export async function runFlowsShow(opts: FlowsShowOptions, ctx: Context): Promise<void> {
  const { io, t, lang } = ctx;
  const { flows, broken } = await ctx.flows();
  const flow = findFlow(flows, opts.id, ctx, broken);
  const doc = flowDocument(flow, lang);
  if (opts.json) {
    io.stdout.write(`${safeJson(doc, 2)}\n`);
    return;
  }
  const s = (await ctx.styles()).out;
  // On a terminal every line is wrapped under its own text (a step under the step, an answer's label under the label):
  // long Chinese lines were broken by the terminal at its edge, back at the first column.
  const layout = await layoutFor(io.stdout);
  const lines = [s.bold(layout.wrap(`${doc.id} · ${safeText(doc.title)}`)), layout.wrap(t('flows.show.meta', { version: doc.version, start: doc.start })), '', s.bold(t('flows.show.questions'))];
  // An agent (--agent, the role setting) reads the tree on a call: what to ask the caller under each question, and the steps as they are told.
  const agent = ctx.role === 'agent';
  for (const q of doc.questions) {
    lines.push(layout.hanging(`  ${s.cyan(q.id)}  `, safeText(q.text)));
    if (agent && q.agent) lines.push(s.dim(layout.hanging('    ', t('flows.show.agentAsks', { text: safeText(q.agent) }))));
    const width = Math.max(...q.answers.map((a) => a.value.length));
    for (const a of q.answers) lines.push(layout.hanging(`    ${a.value.padEnd(width)}  `, `${safeText(a.label)}  → ${a.next}`));
  }
  if (doc.questions.length === 0) lines.push(`  ${t('flows.show.noQuestions')}`);
  lines.push('', s.bold(t('flows.show.outcomes')));
  for (const o of doc.outcomes) {
    // The team in the reader's words ("account support", "账户客服"): the id means nothing to a reader of Chinese.
    const queue = o.queue ? ` → ${queueTeam(t, o.queue)}` : '';
    lines.push(layout.hanging(`  ${s.cyan(o.id)}  `, `[${t(`kind.${o.kind}`)}${queue}] ${safeText(agent ? (o.agentTitle ?? o.title) : o.title)}`));
    (agent ? (o.agentSteps ?? o.steps) : o.steps).forEach((step, i) => lines.push(layout.hanging(`    ${i + 1}. `, safeText(step))));
    // What an escalation needs from the caller: what to have ready, and the facts asked for the ticket.
    if (o.prepare.length > 0) lines.push(layout.hanging('    ', t(agent ? 'outcome.prepare.agent' : 'outcome.prepare')), ...o.prepare.map((p) => layout.hanging('      - ', safeText(p))));
    if (o.facts) lines.push(layout.hanging('    ', t('flows.show.facts', { facts: listOf(t, o.facts.map((f) => t(`fact.${f}`))) })));
  }
  io.stdout.write(`${lines.join('\n')}\n`);
}
