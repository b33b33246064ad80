/** `wallet-help diagnose [flow]`: walk a flow with answers from flags, a file or prompts. */
import type { ContactBook } from '../../diagnosis/contact-book.js';
import { findFlow, finish, missingAnswer, rejectBadAnswers, type FullResult } from '../../diagnosis/diagnosis.js';
import { appendCase, casesFile, CASE_FACTS, clearProgress, loadProgress, saveProgress, type CaseFact, type CaseProgress, type CaseRecord } from '../../cases/store.js';
import { back, current, resolve, start, step, type Next, type PathStep } from '../../engine/engine.js';
import type { Flow } from '../../engine/types.js';
import { flowSummaries } from '../../flows/catalog.js';
import { CancelError, UsageError } from '../../errors.js';
import { canPrompt } from '../../io/io.js';
import type { KeyHints } from '../../io/prompter.js';
import { listOf, type Translate } from '../../i18n/i18n.js';
import { layoutFor } from '../../render/layout.js';
import { SUMMARY_FORMATS, renderSummary, type SummaryFormat } from '../../render/summary.js';
import { loadScanner, refuseSecrets, suspectInputs } from '../../safety/screen.js';
import { checkTimeout, withProgress } from '../../checks/progress.js';
import { badCheckInput, canMeasure, runCheck, runMeasuredCheck, type CheckRecord } from '../../diagnosis/checks.js';
import { CHECKS } from '../../engine/types.js';
import { clip, safeText } from '../../util/safe-text.js';
import type { Context } from '../context.js';
import { ANSWER_SHORTCUTS, parseAnswerFlags, readAnswersFile } from './answers.js';
import '../../core.js';

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
  /** Repeated `--fact KEY=VALUE`: case facts for the summary and the case log. */
  fact?: string[];
  /** False with `--no-input`. */
  input: boolean;
  json: boolean;
  /** Save the case to the case log (default: the saveCases setting). */
  save?: boolean;
  /** Continue the unfinished interactive case. */
  resume?: boolean;
  /** Print a case summary in this format. */
  summary?: string;
  /** False with `--no-checks`: ask instead of measuring. */
  checks?: boolean;
  /** Time limit of each check, in milliseconds. */
  timeout?: string;
}

/**
 * How each fact is screened: a TxID or address is long hex by nature, and an
 * error message, time or amount carries numbers that are not one-time codes.
 */
const FACT_SCAN: Record<CaseFact, { allowHex64?: boolean; expectCode?: boolean }> = {
  'account-id': {},
  time: { expectCode: true },
  amount: { expectCode: true },
  txid: { allowHex64: true },
  chain: {},
  address: { allowHex64: true },
  memo: { expectCode: true },
  error: { expectCode: true },
};

const BACK = '__back';
const RESTART = '__restart';
const SHOW_PATH = '__path';

/** Runs a diagnosis and prints the outcome (human text or one JSON document). */
export async function runDiagnose(opts: DiagnoseOptions, ctx: Context): Promise<FullResult> {
  const { io, t, lang, role } = ctx;
  const interactive = canPrompt(io, opts);
  const saving = opts.save ?? ctx.config.saveCases === 'true';
  if (opts.summary !== undefined && !(SUMMARY_FORMATS as readonly string[]).includes(opts.summary)) {
    throw new UsageError('invalid_summary_format', t('summary.badFormat', { format: clip(opts.summary) }));
  }
  const catalog = await ctx.flows();

  // An answers file first; flags override it, so a script can adjust one answer.
  const given: Record<string, string> = Object.create(null);
  if (opts.answers !== undefined) Object.assign(given, await readAnswersFile(ctx, opts.answers));
  const shortcuts = ANSWER_SHORTCUTS.flatMap((name) => (opts[name] === undefined ? [] : [`${name}=${opts[name]}`]));
  const flagged = parseAnswerFlags(ctx, [...opts.answer, ...shortcuts]);
  Object.assign(given, flagged);
  const facts = parseFacts(ctx, opts.fact ?? []);
  await refuseSecrets(t, Object.entries(facts).map(([key, text]) => ({ text, where: key, ...FACT_SCAN[key as CaseFact] })));

  let resumed: CaseProgress | undefined;
  if (opts.resume) {
    if (!interactive) throw new UsageError('resume_needs_terminal', t('resume.terminal'));
    resumed = await loadProgress(io.env);
    if (!resumed || !catalog.flows.has(resumed.flow)) throw new UsageError('nothing_to_resume', t('resume.none'));
  }
  // Nothing the user typed is used or echoed before it is screened for secrets.
  const flowId = resumed?.flow ?? opts.flow;
  if (flowId !== undefined) await refuseSecrets(t, suspectInputs(catalog.flows, flowId, given));
  // A flow picked from the problem menu can be left for the menu again (Back at its first question, Start over).
  const fromMenu = flowId === undefined;
  let flow = await chooseFlow(flowId, ctx, interactive, catalog.flows);
  const checkInputs = parseCheckInputs(ctx, opts.checkInput ?? []);
  /** The answers and check texts given up front, screened and checked against the flow that runs. */
  const admit = async (f: Flow) => {
    if (fromMenu) await refuseSecrets(t, suspectInputs(catalog.flows, f.id, given));
    rejectBadAnswers(ctx, f, given);
    for (const id of Object.keys(checkInputs)) if (!f.questions[id]?.check) throw badCheckInput(t, id, 'no-check');
  };
  await admit(flow);
  // A case id is needed only when the case is kept or summarised; node:crypto costs start-up time otherwise.
  const caseId = resumed?.id ?? (saving || interactive || opts.summary !== undefined ? (await import('node:crypto')).randomUUID() : '');
  const startedAt = resumed?.startedAt ?? ctx.now.toISOString();
  let checks: CheckRecord[] = resumed?.checks ?? [];
  Object.assign(facts, resumed?.facts ?? {}, facts);
  const notes: string[] = [];
  let next: Next;
  try {
    next = resolve(flow, given, resumed ? { flow: flow.id, path: resumed.path } : start(flow));
  } catch {
    throw new UsageError('resume_mismatch', t('resume.mismatch', { flow: flow.id }));
  }
  if (resumed) io.stdout.write(`${(await layoutFor(io.stdout)).wrap(t('resume.continuing', { time: resumed.startedAt }))}\n`);
  // Moving forward takes the answers given up front as soon as their question comes; Back and Start over do not,
  // so a given answer can be changed.
  const forward = (session: Next['session'], answer: string): Next => resolve(flow, given, step(flow, session, answer).session);
  const progress = (session: Next['session']) =>
    interactive ? saveProgress(io.env, { id: caseId, flow: flow.id, version: flow.version, role, startedAt, path: session.path, checks, facts }) : Promise.resolve();

  try {
    while (next.type === 'question') {
      const q = next.question;
      if (q.check && !CHECKS[q.check].input && opts.checks !== false) {
        // A measured check answers on its own, when the directory names a target; otherwise the question is asked.
        const { provider } = await ctx.provider();
        // Facts a check needs (chain, TxID, address) come from --fact, or are asked on a terminal.
        if (interactive && canMeasure(q, provider, facts)) await askFacts(ctx, facts, CHECKS[q.check].facts);
        if (q.check === 'memo' && interactive && facts.memo === undefined && facts.chain) await askFacts(ctx, facts, ['memo']);
        const ran = !canMeasure(q, provider, facts) ? undefined : await withProgress(
          ctx,
          t(`check.running.${q.check}`),
          () => runMeasuredCheck(q, provider, { timeoutMs: checkTimeout(ctx, opts.timeout), env: io.env, ...(io.signal ? { signal: io.signal } : {}) }, facts),
          (r) => ({ text: t(`check.measured.${r!.answer as 'ok'}`, { detail: r!.record.detail ?? '' }).trim(), ok: r?.answer === 'ok' }),
          opts.json,
        );
        if (ran) {
          checks = [...checks.filter((c) => c.question !== q.id), ran.record];
          next = forward(next.session, ran.answer);
          await progress(next.session);
          continue;
        }
      }
      if (q.check && CHECKS[q.check].input) {
        // An answer given up front has already won; otherwise the check answers from typed text.
        const typed = Object.hasOwn(checkInputs, q.id) ? checkInputs[q.id] : interactive ? await (await io.prompter()).input({ message: safeText(q.input![lang]) }) : undefined;
        if (typed !== undefined) {
          const { directory } = await ctx.provider();
          const ran = await runCheck(q, typed, directory.providers, t);
          if (!ran && !interactive) throw badCheckInput(t, q.id, 'not-contact');
          if (ran) {
            checks = [...checks.filter((c) => c.question !== q.id), ran.record];
            notes.push(checkLine(ctx, ran.record));
            next = forward(next.session, ran.answer);
            await progress(next.session);
            continue;
          }
        }
      }
      if (!interactive) throw missingAnswer(ctx, q);
      const prompter = await io.prompter();
      const path = next.session.path;
      const navigation = path.length > 0
        ? [{ value: BACK, name: t('nav.back') }, { value: RESTART, name: t('nav.restart') }, { value: SHOW_PATH, name: t('nav.path') }]
        : fromMenu ? [{ value: BACK, name: t('nav.back') }] : [];
      const answer = await prompter.select({
        message: safeText((role === 'agent' && q.agent ? q.agent : q.text)[lang]),
        choices: [...q.answers.map((a) => ({ value: a.value, name: safeText(a.label[lang]) })), ...navigation],
        keys: keyHints(t),
      });
      if (answer === SHOW_PATH) {
        io.stdout.write((await layoutFor(io.stdout)).wrap(describePath(ctx, flow, path)));
        continue;
      }
      if (fromMenu && (answer === RESTART || (answer === BACK && path.length === 0))) {
        // Back to the problem menu, the flow left there chosen: a wrong choice of problem is undone without Ctrl+C.
        flow = await chooseFlow(undefined, ctx, interactive, catalog.flows, flow.id);
        await admit(flow);
        checks = [];
        notes.length = 0;
        next = resolve(flow, given, start(flow));
        await progress(next.session);
        continue;
      }
      // Back and Start over return to exactly the earlier state: the session is just the answers so far.
      next = answer === BACK ? current(flow, back(next.session)) : answer === RESTART ? current(flow, start(flow)) : forward(next.session, answer);
      const kept = new Set(next.session.path.map((p) => p.question));
      checks = checks.filter((c) => kept.has(c.question));
      await progress(next.session);
    }

    if (role === 'agent' && interactive && next.outcome.queue) await askFacts(ctx, facts);
  } catch (err) {
    // A signal that stops a running check ends the case like one at a prompt.
    const cancel = err instanceof CancelError ? err : err instanceof Error && err.name === 'AbortError' ? new CancelError(io.signal?.reason === 'SIGHUP' ? 129 : 143) : undefined;
    if (cancel && saving) {
      await appendCase(io.env, caseRecord(ctx, { id: caseId, status: 'cancelled', flow, startedAt, session: next.session, checks, facts, result: undefined })).catch((saveErr: NodeJS.ErrnoException) =>
        io.stderr.write(`${t('cases.saveFailed', { file: casesFile(io.env), reason: saveErr.code ?? 'EIO' })}\n`),
      );
    }
    throw cancel ?? err;
  }

  // Fixes need no contact, so the directory (and luxon) load only for escalations and alerts.
  let contacts: ContactBook | undefined;
  if (next.outcome.queue) {
    const { ContactBook } = await import('../../diagnosis/contact-book.js');
    const { directory, provider } = await ctx.provider();
    contacts = new ContactBook(directory, provider, ctx);
  }
  const result: FullResult & { checks?: CheckRecord[]; facts?: CaseRecord['facts']; role?: 'agent'; agentSteps?: string[]; case?: string; summary?: string } = finish(ctx, flow, next.outcome, next.session, contacts);
  if (checks.length > 0) result.checks = checks;
  // The facts of the case travel with the result, for the ticket.
  if (Object.keys(facts).length > 0) result.facts = Object.fromEntries(CASE_FACTS.flatMap((k) => (facts[k] === undefined ? [] : [[k, facts[k]]])));
  if (role === 'agent' && next.outcome.agent) {
    result.role = 'agent';
    result.agentSteps = next.outcome.agent.map((s) => s[lang]);
  }
  const summaryFormat = (opts.summary as SummaryFormat | undefined) ?? (role === 'agent' && interactive && !opts.json ? 'text' : undefined);
  // The case record (and the time zone it names) is built only when the case is kept or summarised.
  const record = saving || summaryFormat ? caseRecord(ctx, { id: caseId, status: 'finished', flow, startedAt, session: next.session, checks, facts, result }) : undefined;
  let saveProblem: string | undefined;
  if (saving && record) {
    try {
      await appendCase(io.env, record);
      result.case = caseId;
    } catch (err) {
      // The diagnosis matters more than the log: show it, and say the case was not kept.
      saveProblem = t('cases.saveFailed', { file: casesFile(io.env), reason: (err as NodeJS.ErrnoException).code ?? 'EIO' });
      result.warnings = [...(result.warnings ?? []), saveProblem];
    }
  }
  if (interactive) await clearProgress(io.env);
  const summary = summaryFormat && record ? await summaryText(ctx, record, flow, summaryFormat) : undefined;

  if (opts.json) {
    if (summary !== undefined) result.summary = summary;
    if (saveProblem) io.stderr.write(`${t('warning.prefix')}${saveProblem}\n`);
    io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return result;
  }
  // Loaded only for people: the JSON path stays lean.
  const { renderOutcome } = await import('../../render/outcome.js');
  const layout = await layoutFor(io.stdout);
  const { out: style } = await ctx.styles();
  const shown = result.agentSteps ? { ...result, outcome: { ...result.outcome, steps: result.agentSteps } } : result;
  let text = notes.map((n) => `${layout.wrap(n)}\n`).join('') + renderOutcome(shown, t, style, layout);
  if (result.outcome.contact) {
    const { renderContactCard } = await import('../../render/contact.js');
    text += `\n${renderContactCard(result.outcome.contact, { t, lang, style, now: ctx.now, userZone: ctx.userZone(), layout })}`;
  }
  for (const w of result.warnings ?? []) text += `\n${layout.wrap(w)}\n`;
  // A JSON summary is data to copy whole; text and Markdown are read on the screen.
  if (summary !== undefined) text += `\n${summaryFormat === 'json' ? summary : layout.wrap(summary)}`;
  if (saving) text += `\n${layout.wrap(saveProblem ?? t('cases.saved', { id: caseId }))}\n`;
  io.stdout.write(text);
  return result;
}

/** The record the case log keeps, and summaries are made from. */
function caseRecord(
  ctx: Context,
  c: { id: string; status: CaseRecord['status']; flow: Flow; startedAt: string; session: Next['session']; checks: CheckRecord[]; facts: CaseRecord['facts']; result: FullResult | undefined },
): CaseRecord {
  const outcome = c.result?.outcome;
  const contact = outcome?.contact;
  return {
    id: c.id,
    status: c.status,
    flow: c.flow.id,
    version: c.flow.version,
    lang: ctx.lang,
    role: ctx.role,
    startedAt: c.startedAt,
    endedAt: ctx.io.now().toISOString(),
    timeZone: ctx.userZone(),
    path: c.session.path,
    checks: c.checks,
    outcome: outcome ? { id: outcome.id, kind: outcome.kind, title: outcome.title, queue: outcome.queue } : null,
    contact: contact
      ? { provider: contact.provider, queue: contact.queue, source: contact.source, example: contact.example, channels: contact.channels.map((ch) => ({ type: ch.type, value: ch.value, openNow: ch.openNow })) }
      : null,
    // Facts in one fixed order, whatever order they were given in.
    facts: Object.fromEntries(CASE_FACTS.flatMap((k) => (c.facts[k] === undefined ? [] : [[k, c.facts[k]]]))),
  };
}

/** The summary in a format, with anything that still looks like a secret redacted. */
async function summaryText(ctx: Context, record: CaseRecord, flow: Flow, format: SummaryFormat): Promise<string> {
  const { redactSecrets } = await loadScanner();
  return redactSecrets(renderSummary(record, flow, format, ctx.t, ctx.lang), { allowHex64: true, expectCode: true });
}

/** Asks for the facts not known yet (all of them by default: an agent at an escalation); empty answers are skipped. */
async function askFacts(ctx: Context, facts: CaseRecord['facts'], keys: readonly string[] = CASE_FACTS): Promise<void> {
  const prompter = await ctx.io.prompter();
  for (const key of keys as readonly CaseFact[]) {
    if (facts[key] !== undefined) continue;
    const value = (await prompter.input({ message: ctx.t('fact.prompt', { fact: ctx.t(`fact.${key}`) }) })).trim();
    if (value === '') continue;
    await refuseSecrets(ctx.t, [{ text: value, where: key, ...FACT_SCAN[key] }]);
    facts[key] = value.slice(0, 500);
  }
}

/** Parses `--fact KEY=VALUE`. */
function parseFacts(ctx: Context, flags: readonly string[]): CaseRecord['facts'] {
  const facts: CaseRecord['facts'] = {};
  for (const arg of flags) {
    const eq = arg.indexOf('=');
    const key = eq > 0 ? arg.slice(0, eq).trim() : '';
    if (!(CASE_FACTS as readonly string[]).includes(key) || arg.slice(eq + 1).trim() === '') {
      throw new UsageError('invalid_fact', ctx.t('fact.bad', { keys: listOf(ctx.t, CASE_FACTS), arg: clip(arg) }));
    }
    facts[key as CaseFact] = arg.slice(eq + 1).trim().slice(0, 500);
  }
  return facts;
}

/** The answers so far, for "show the answers so far". */
function describePath(ctx: Context, flow: Flow, path: readonly PathStep[]): string {
  if (path.length === 0) return `${ctx.t('nav.pathEmpty')}\n`;
  const lines = path.map((p, i) => {
    const q = flow.questions[p.question];
    const label = q?.answers.find((a) => a.value === p.answer)?.label[ctx.lang] ?? p.answer;
    return `  ${i + 1}. ${safeText(q?.text[ctx.lang] ?? p.question)} — ${safeText(label)}`;
  });
  return `${ctx.t('nav.pathTitle')}\n${lines.join('\n')}\n`;
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

/** The words of the key hint under a list, in the user's language. */
function keyHints(t: Translate): KeyHints {
  return { navigate: t('prompt.keys.navigate'), select: t('prompt.keys.select') };
}

/** The flow named, or (without a name) the one picked from the problem menu; `current` is where the menu's cursor starts. */
async function chooseFlow(id: string | undefined, ctx: Context, interactive: boolean, flows: ReadonlyMap<string, Flow>, current?: string): Promise<Flow> {
  const { t, lang } = ctx;
  const ids = [...flows.keys()];
  if (id === undefined) {
    if (!interactive) throw new UsageError('missing_flow', t('error.needFlow', { flows: listOf(t, ids) }), { flows: ids });
    const prompter = await ctx.io.prompter();
    const picked = await prompter.select({
      message: t('diagnose.pickFlow'),
      choices: flowSummaries(flows).map((f) => ({ value: f.id, name: safeText(f.title[lang]), description: safeText(f.description[lang]) })),
      keys: keyHints(t),
      ...(current === undefined ? {} : { default: current }),
    });
    return flows.get(picked)!;
  }
  return findFlow(flows, id, ctx);
}
