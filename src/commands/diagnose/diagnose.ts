/** `wallet-help diagnose [flow]`: walk a flow with answers from flags, a file or prompts. */
import type { ContactBook } from '../../diagnosis/contact-book.js';
import { findFlow, finish, missingAnswer, rejectBadAnswers, type FullResult } from '../../diagnosis/diagnosis.js';
import { resolve, step, type Next } from '../../engine/engine.js';
import type { Flow } from '../../engine/types.js';
import { UsageError } from '../../errors.js';
import { canPrompt } from '../../io/io.js';
import { refuseSecrets, suspectInputs } from '../../safety/screen.js';
import { badCheckInput, runCheck, type CheckRecord } from '../../diagnosis/checks.js';
import { clip, safeText } from '../../util/safe-text.js';
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
  /** Repeated `--check-input ID=TEXT`: text for a question's check (e.g. the contact to verify). */
  checkInput?: string[];
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

  const checkInputs = parseCheckInputs(ctx, opts.checkInput ?? []);
  for (const id of Object.keys(checkInputs)) if (!flow.questions[id]?.check) throw badCheckInput(t, id, 'no-check');
  const checks: CheckRecord[] = [];
  const notes: string[] = [];
  let next: Next = resolve(flow, given);
  while (next.type === 'question') {
    const q = next.question;
    if (q.check) {
      // An answer given up front has already won; otherwise the check answers from typed text.
      const typed = Object.hasOwn(checkInputs, q.id) ? checkInputs[q.id] : interactive ? await (await io.prompter()).input({ message: safeText(q.input![lang]) }) : undefined;
      if (typed !== undefined) {
        const { directory } = await ctx.provider();
        const ran = await runCheck(q, typed, directory.providers, t);
        if (!ran && !interactive) throw badCheckInput(t, q.id, 'not-contact');
        if (ran) {
          checks.push(ran.record);
          notes.push(checkLine(ctx, ran.record));
          next = step(flow, next.session, ran.answer);
          continue;
        }
      }
    }
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
  const result: FullResult & { checks?: CheckRecord[] } = finish(ctx, flow, next.outcome, next.session, contacts);
  if (checks.length > 0) result.checks = checks;
  if (opts.json) {
    io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return result;
  }
  // Loaded only for people: the JSON path stays lean.
  const { renderOutcome } = await import('../../render/outcome.js');
  const width = io.stdout.isTTY ? io.stdout.columns : undefined;
  const { out: style } = await ctx.styles();
  let text = notes.map((n) => `${n}\n`).join('') + renderOutcome(result, t, style, width);
  if (result.outcome.contact) {
    const { renderContactCard } = await import('../../render/contact.js');
    text += `\n${renderContactCard(result.outcome.contact, { t, lang, style, now: ctx.now, userZone: ctx.userZone(), width })}`;
  }
  for (const w of result.warnings ?? []) text += `\n${w}\n`;
  io.stdout.write(text);
  return result;
}

/** Parses `--check-input ID=TEXT` (the text may itself contain "="). */
function parseCheckInputs(ctx: Context, flags: readonly string[]): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const arg of flags) {
    const eq = arg.indexOf('=');
    if (eq <= 0) throw new UsageError('invalid_check_input', ctx.t('check.format', { arg: clip(arg) }));
    out[arg.slice(0, eq).trim()] = arg.slice(eq + 1);
  }
  return out;
}

/** One line saying what a check found, shown before the outcome. */
function checkLine(ctx: Context, r: CheckRecord): string {
  const input = r.input === null ? '' : safeText(r.input);
  return ctx.t(`check.result.${r.result as 'official' | 'lookalike' | 'unknown' | 'not-given'}`, { input });
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
