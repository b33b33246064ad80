/** `wallet-help diagnose [flow]`: walk a flow with answers from flags, a file or prompts. */
import { checkAnswers, resolve, step, type Next } from '../../engine/engine.js';
import { toResult, type DiagnosisResult } from '../../engine/result.js';
import type { Flow } from '../../engine/types.js';
import { UsageError } from '../../errors.js';
import { canPrompt } from '../../io/io.js';
import { clip, safeText } from '../../util/safe-text.js';
import type { Context } from '../context.js';
import { unknownFlow } from '../find-flow.js';
import { ANSWER_SHORTCUTS, parseAnswerFlags, readAnswersFile } from './answers.js';

export interface DiagnoseOptions {
  flow?: string;
  /** Repeated `--answer ID=VALUE`. */
  answer: string[];
  network?: string;
  balance?: string;
  verification?: string;
  /** `--answers FILE` (`-` for stdin). */
  answers?: string;
  /** False with `--no-input`. */
  input: boolean;
  json: boolean;
}

/** Runs a diagnosis and prints the outcome (human text or one JSON document). */
export async function runDiagnose(opts: DiagnoseOptions, ctx: Context): Promise<DiagnosisResult> {
  const { io, t, lang } = ctx;
  const interactive = canPrompt(io, opts);
  const catalog = await ctx.flows();
  const flow = await chooseFlow(opts.flow, ctx, interactive, catalog.flows);

  // An answers file first; flags override it, so a script can adjust one answer.
  const given: Record<string, string> = Object.create(null);
  if (opts.answers !== undefined) Object.assign(given, await readAnswersFile(ctx, opts.answers));
  const shortcuts = ANSWER_SHORTCUTS.flatMap((name) => (opts[name] === undefined ? [] : [`${name}=${opts[name]}`]));
  const flagged = parseAnswerFlags(ctx, [...opts.answer, ...shortcuts]);
  Object.assign(given, flagged);
  rejectBadAnswers(ctx, flow, given);

  let next: Next = resolve(flow, given);
  while (next.type === 'question') {
    const q = next.question;
    if (!interactive) {
      const values = q.answers.map((a) => a.value);
      throw new UsageError(
        'missing_answer',
        `${t('error.missingAnswer', { question: q.id, text: safeText(q.text[lang]) })}\n${t('error.missingAnswer.hint', { question: q.id, values: values.join(', ') })}`,
        { question: { id: q.id, text: q.text[lang], values } },
      );
    }
    const prompter = await io.prompter();
    const answer = await prompter.select({
      message: safeText(q.text[lang]),
      choices: q.answers.map((a) => ({ value: a.value, name: safeText(a.label[lang]) })),
    });
    next = step(flow, next.session, answer);
  }

  const result: DiagnosisResult & { warnings?: string[] } = toResult(flow, next.outcome, next.session, lang);
  const queue = next.outcome.queue;
  let missingContact: string | undefined;
  if (queue) {
    // Fixes need no contact, so the directory (and luxon) load only for escalations and alerts.
    const { contactCard } = await import('../../directory/contact.js');
    const { directory, provider } = await ctx.provider();
    result.outcome.contact = contactCard(provider, queue, ctx.now, lang, { alert: next.outcome.kind === 'alert' });
    if (!result.outcome.contact) {
      missingContact = t('contact.missingQueue', { source: directory.source, queue: t(`queue.${queue}`), provider: provider.name, url: provider.website });
      result.warnings = [missingContact];
    }
  }
  if (opts.json) {
    io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return result;
  }
  // Loaded only for people: the JSON path stays lean.
  const { renderOutcome } = await import('../../render/outcome.js');
  const width = io.stdout.isTTY ? io.stdout.columns : undefined;
  let text = renderOutcome(result, t, ctx.style.out, width);
  if (result.outcome.contact) {
    const { renderContactCard } = await import('../../render/contact.js');
    text += `\n${renderContactCard(result.outcome.contact, { t, lang, style: ctx.style.out, now: ctx.now, userZone: ctx.userZone, width })}`;
  } else if (missingContact) text += `\n${missingContact}\n`;
  io.stdout.write(text);
  return result;
}

async function chooseFlow(id: string | undefined, ctx: Context, interactive: boolean, flows: Map<string, Flow>): Promise<Flow> {
  const { t, lang } = ctx;
  const ids = [...flows.keys()];
  if (id === undefined) {
    if (!interactive) throw new UsageError('missing_flow', t('error.needFlow', { flows: ids.join(', ') }), { flows: ids });
    const prompter = await ctx.io.prompter();
    const picked = await prompter.select({
      message: t('diagnose.pickFlow'),
      choices: [...flows.values()].map((f) => ({ value: f.id, name: safeText(f.title[lang]), description: safeText(f.description[lang]) })),
    });
    return flows.get(picked)!;
  }
  const flow = flows.get(id);
  if (flow) return flow;
  throw unknownFlow(id, ids, ctx);
}

function rejectBadAnswers(ctx: Context, flow: Flow, given: Record<string, string>): void {
  const { t, lang } = ctx;
  const [problem] = checkAnswers(flow, given);
  if (!problem) return;
  if (problem.type === 'unknown-question') {
    const questions = Object.keys(flow.questions);
    const message =
      questions.length === 0
        ? t('error.unknownQuestion.none', { flow: flow.id, question: clip(problem.question) })
        : t('error.unknownQuestion', { flow: flow.id, question: clip(problem.question), questions: questions.join(', ') });
    throw new UsageError('unknown_question', message, { question: clip(problem.question), questions });
  }
  const values = problem.question.answers.map((a) => a.value);
  throw new UsageError(
    'invalid_value',
    t('error.invalidValue', { value: clip(problem.value), question: problem.question.id, text: safeText(problem.question.text[lang]), values: values.join(', ') }),
    { question: problem.question.id, value: clip(problem.value), values },
  );
}
