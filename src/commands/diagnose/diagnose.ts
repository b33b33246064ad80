/** `wallet-help diagnose [flow]`: walk a flow with answers from flags, a file or prompts. */
import type { ContactBook } from '../../diagnosis/contact-book.js';
import { findFlow, finish, missingAnswer, rejectBadAnswers, type FullResult } from '../../diagnosis/diagnosis.js';
import { resolve, step, type Next } from '../../engine/engine.js';
import type { Flow } from '../../engine/types.js';
import { UsageError } from '../../errors.js';
import { canPrompt } from '../../io/io.js';
import { refuseSecrets, suspectInputs } from '../../safety/screen.js';
import { safeText } from '../../util/safe-text.js';
import type { Context } from '../context.js';
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
export async function runDiagnose(opts: DiagnoseOptions, ctx: Context): Promise<FullResult> {
  const { io, t, lang } = ctx;
  const interactive = canPrompt(io, opts);
  const catalog = await ctx.flows();

  // An answers file first; flags override it, so a script can adjust one answer.
  const given: Record<string, string> = Object.create(null);
  if (opts.answers !== undefined) Object.assign(given, await readAnswersFile(ctx, opts.answers));
  const shortcuts = ANSWER_SHORTCUTS.flatMap((name) => (opts[name] === undefined ? [] : [`${name}=${opts[name]}`]));
  const flagged = parseAnswerFlags(ctx, [...opts.answer, ...shortcuts]);
  Object.assign(given, flagged);
  // Nothing the user typed is used or echoed before it is screened for secrets.
  if (opts.flow !== undefined) await refuseSecrets(t, suspectInputs(catalog.flows, opts.flow, given));
  const flow = await chooseFlow(opts.flow, ctx, interactive, catalog.flows);
  if (opts.flow === undefined) await refuseSecrets(t, suspectInputs(catalog.flows, flow.id, given));
  rejectBadAnswers(ctx, flow, given);

  let next: Next = resolve(flow, given);
  while (next.type === 'question') {
    const q = next.question;
    if (!interactive) throw missingAnswer(ctx, q);
    const prompter = await io.prompter();
    const answer = await prompter.select({
      message: safeText(q.text[lang]),
      choices: q.answers.map((a) => ({ value: a.value, name: safeText(a.label[lang]) })),
    });
    next = step(flow, next.session, answer);
  }

  // Fixes need no contact, so the directory (and luxon) load only for escalations and alerts.
  let contacts: ContactBook | undefined;
  if (next.outcome.queue) {
    const { ContactBook } = await import('../../diagnosis/contact-book.js');
    const { directory, provider } = await ctx.provider();
    contacts = new ContactBook(directory, provider, ctx);
  }
  const result = finish(ctx, flow, next.outcome, next.session, contacts);
  if (opts.json) {
    io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return result;
  }
  // Loaded only for people: the JSON path stays lean.
  const { renderOutcome } = await import('../../render/outcome.js');
  const width = io.stdout.isTTY ? io.stdout.columns : undefined;
  const { out: style } = await ctx.styles();
  let text = renderOutcome(result, t, style, width);
  if (result.outcome.contact) {
    const { renderContactCard } = await import('../../render/contact.js');
    text += `\n${renderContactCard(result.outcome.contact, { t, lang, style, now: ctx.now, userZone: ctx.userZone(), width })}`;
  }
  for (const w of result.warnings ?? []) text += `\n${w}\n`;
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
  return findFlow(flows, id, ctx);
}
