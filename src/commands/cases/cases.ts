/** `wallet-help cases list|show|export|stats`: the case log, for tickets and for learning what callers need. */
import { caseById, casesFile, MAX_CASE_LOG_BYTES, readCases, type CaseRecord } from '../../cases/store.js';
import { UsageError } from '../../errors.js';
import { andList, orList, sentences } from '../../i18n/i18n.js';
import { layoutFor, writeWarning, writeWarnings } from '../../render/layout.js';
import { redactCaseRecord } from '../../safety/screen.js';
import { formatTableTime } from '../../render/time.js';
import { clip, safeText, safeJson, shownPath } from '../../util/safe-text.js';
import { fileReason } from '../../util/read-error.js';
import { closest } from '../../util/suggest.js';
import type { Context } from '../context.js';
import '../../core.js';
import { zoneLabel } from '../../render/user-zone.js';

export interface CasesFilter {
  since?: string;
  flow?: string;
  outcome?: string;
}

/** The saved cases matching the filter (what users typed in them screened again), and how many are saved in all; unreadable lines are reported on stderr, skipped and left in the file. */
async function cases(ctx: Context, filter: CasesFilter = {}): Promise<{ list: CaseRecord[]; total: number }> {
  const { cases: all, skipped, unreadable } = await readCases(ctx.io.env);
  // A log that cannot be read is an error, not "no cases": a script got [] and exit 0, every case hidden (QA: robustness review).
  if (unreadable) {
    const file = shownPath(casesFile(ctx.io.env));
    const said = ctx.t('cases.unreadable', { file, reason: fileReason(ctx.t, unreadable, MAX_CASE_LOG_BYTES) });
    throw new UsageError('case_log_unreadable', unreadable === 'ETOOBIG' ? sentences(ctx.t, said, ctx.t('cases.tooLargeHint', { file })) : said, { file, reason: unreadable });
  }
  // Each line by its number, up to a screenful: a log full of junk (bytes written over it) is said in one more line, not one per line.
  const file = casesFile(ctx.io.env);
  // Why, in words (QA: robustness review, "cannot be read" said nothing of it).
  const said = skipped.map((s) => ctx.t(s.reason === 'torn' ? 'cases.torn' : s.reason === 'not-json' ? 'cases.notJson' : 'cases.invalid', { line: s.line, file }));
  await writeWarnings(ctx.io.stderr, ctx.t('warning.prefix'), said, (count) => ctx.t('cases.invalidMore', { count, file }));
  let since: number | undefined;
  if (filter.since !== undefined) {
    // A time without an offset is the user's wall-clock time, as the list shows times; a date alone is its midnight.
    const { DateTime } = await import('../../vendor/luxon.js');
    const at = DateTime.fromISO(filter.since, { zone: ctx.userZone() });
    if (!at.isValid) throw new UsageError('invalid_since', ctx.t('cases.badSince', { value: clip(filter.since) }), { value: clip(filter.since) });
    since = at.toMillis();
  }
  if (filter.flow !== undefined) await warnUnknownFlow(ctx, filter.flow, all);
  if (filter.outcome !== undefined) await warnUnknownOutcome(ctx, filter.outcome, all);
  const list = all.filter(
    (c) =>
      (since === undefined || Date.parse(c.endedAt) >= since) &&
      (filter.flow === undefined || c.flow === filter.flow) &&
      (filter.outcome === undefined || c.outcome?.id === filter.outcome || c.outcome?.kind === filter.outcome || (filter.outcome === 'cancelled' && c.status === 'cancelled')),
  );
  // The log is a file anyone can edit or copy from elsewhere: what users typed is screened again as it is shown, as a summary at
  // the end of a case screens it (QA: a phrase written into a saved fact by hand was shown and exported whole).
  return { list: await Promise.all(list.map(redactCaseRecord)), total: all.length };
}

/** A --flow that names no flow and no saved case is most likely mistyped: say so, with the closest ids. */
async function warnUnknownFlow(ctx: Context, flow: string, all: readonly CaseRecord[]): Promise<void> {
  const ids = new Set([...(await ctx.flows()).flows.keys(), ...all.map((c) => c.flow)]);
  if (ids.has(flow)) return;
  const suggestions = closest(flow, ids);
  const hint = suggestions.length > 0 ? [ctx.t('error.unknownFlow.suggest', { suggestions: orList(ctx.t, suggestions) })] : [];
  await writeWarning(ctx.io.stderr, ctx.t('warning.prefix'), sentences(ctx.t, ctx.t('error.unknownFlow', { flow: clip(flow) }), ...hint));
}

/** An --outcome that is no outcome of any flow or saved case, no kind and not "cancelled" is most likely mistyped: said, with the closest. */
async function warnUnknownOutcome(ctx: Context, outcome: string, all: readonly CaseRecord[]): Promise<void> {
  const ids = new Set<string>(['fix', 'escalate', 'alert', 'cancelled']);
  for (const flow of (await ctx.flows()).flows.values()) for (const id of Object.keys(flow.outcomes)) ids.add(id);
  for (const c of all) if (c.outcome) ids.add(c.outcome.id);
  if (ids.has(outcome)) return;
  // Close in spelling only: outcome ids share their words (fix-…, escalate-…), which would suggest half of them.
  const suggestions = closest(outcome, ids, 3, false);
  const hint = suggestions.length > 0 ? ctx.t('cli.didYouMean', { suggestion: orList(ctx.t, suggestions) }) : '';
  await writeWarning(ctx.io.stderr, ctx.t('warning.prefix'), sentences(ctx.t, ctx.t('cases.unknownOutcome', { outcome: clip(outcome) }), hint));
}

/** One line per case. */
export async function runCasesList(opts: CasesFilter & { json: boolean }, ctx: Context): Promise<void> {
  const { list, total } = await cases(ctx, opts);
  if (opts.json) {
    ctx.io.stdout.write(`${safeJson(list, 2)}\n`);
    return;
  }
  const [{ table }, { out }] = await Promise.all([import('../../render/table.js'), ctx.styles()]);
  // Times in the user's zone, named in the header (the log keeps UTC); kinds and roles in the user's language.
  const zone = ctx.userZone();
  const rows = list.map((c) =>
    [
      c.id.slice(0, 8),
      formatTableTime(c.endedAt, zone),
      c.flow,
      // A case cancelled after its outcome (at the facts after an alert) keeps that outcome, marked cancelled.
      (c.outcome ? `${ctx.t(`cases.kind.${c.outcome.kind}`)} ${c.outcome.id}${c.status === 'cancelled' ? ` (${ctx.t('cases.cancelled')})` : ''}` : c.status === 'cancelled' ? ctx.t('cases.cancelled') : '') +
        // A secret given during the case (refused, never kept) is for the team lead to see in the list, not only in the
        // case: the account is at risk whatever the outcome (QA: desk).
        (c.refused?.length ? `${c.outcome || c.status === 'cancelled' ? ' · ' : ''}${ctx.t('cases.exposed', { kinds: andList(ctx.t, c.refused.map((k) => ctx.t(`secret.${k}`))) })}` : ''),
      ctx.t(`cases.role.${c.role}`),
    ].map((cell) => safeText(cell)),
  );
  const header = [ctx.t('cases.col.id'), ctx.t('cases.col.timeIn', { zone: zoneLabel(zone) }), ctx.t('cases.col.flow'), ctx.t('cases.col.outcome'), ctx.t('cases.col.role')];
  const layout = await layoutFor(ctx.io.stdout);
  ctx.io.stdout.write(rows.length === 0 ? `${layout.wrap(ctx.t(total > 0 ? 'cases.noMatch' : 'cases.empty'))}\n` : await table([header, ...rows], out, layout.width));
}

/** One case, as the ticket summary. */
export async function runCasesShow(opts: { id: string; format: string; formatGiven?: boolean; json: boolean }, ctx: Context): Promise<void> {
  // Ids are lower-case; one copied from a ticket may be upper-case, or carry spaces around it.
  const id = opts.id.trim().toLowerCase();
  if (id === '') throw new UsageError('missing_case_id', ctx.t('cases.noId'));
  // The format is checked first: a wrong one is a mistake whatever the log holds, and is not hidden behind a case id.
  const [{ SUMMARY_FORMATS }, { renderSummary }] = await Promise.all([import('../../render/summary-kinds.js'), import('../../render/summary.js')]);
  if (!(SUMMARY_FORMATS as readonly string[]).includes(opts.format)) throw new UsageError('invalid_summary_format', ctx.t('summary.badFormat', { option: '--format', format: clip(opts.format) }), { value: clip(opts.format), values: [...SUMMARY_FORMATS] });
  // --json is --format json: beside --format text or md one of the two would silently win (QA).
  if (opts.json && opts.formatGiven && opts.format !== 'json') throw new UsageError('option_conflict', ctx.t('cases.formatAndJson', { format: opts.format }), { options: ['--format', '--json'] });
  const { list } = await cases(ctx);
  const record = caseById(list, opts.id, ctx.t);
  if (!record) throw new UsageError('unknown_case', ctx.t('cases.unknown', { id: clip(opts.id) }), { id: clip(opts.id) });
  const flow = (await ctx.flows()).flows.get(record.flow);
  if (!flow || opts.json || opts.format === 'json') {
    ctx.io.stdout.write(`${safeJson(record, 2)}\n`);
    return;
  }
  // Markdown is copied into a ticket whole: only text is laid out for the terminal.
  ctx.io.stdout.write(renderSummary(record, flow, opts.format as 'text' | 'md', ctx.t, ctx.lang, true, await layoutFor(ctx.io.stdout)));
}

/** The cases an ambiguous id start lists by their ids; the rest are counted. */
const CSV_COLUMNS = ['id', 'status', 'flow', 'version', 'role', 'lang', 'startedAt', 'endedAt', 'timeZone', 'outcome', 'kind', 'queue', 'answers', 'checks', 'provider', 'facts', 'refused'] as const;

/** The exit point of a case left before its first answer, in the statistics' JSON. */
const BEFORE_FIRST_ANSWER = '(start)';
/** The exit point of a case whose flow went straight to its outcome, asking nothing (account-compromised). */
const NO_QUESTIONS = '(no questions)';

/** Exports the cases as CSV (for spreadsheets) or JSON Lines. */
export async function runCasesExport(opts: CasesFilter & { format: string }, ctx: Context): Promise<void> {
  const { list, total } = await cases(ctx, opts);
  // Nothing exported is said on standard error, as cases list says it: the export itself stays data (a header, or nothing).
  if (list.length === 0) ctx.io.stderr.write(`${ctx.t(total > 0 ? 'cases.noMatch' : 'cases.empty')}\n`);
  if (opts.format === 'jsonl') {
    ctx.io.stdout.write(list.map((c) => `${safeJson(c)}\n`).join(''));
    return;
  }
  if (opts.format !== 'csv') throw new UsageError('invalid_export_format', ctx.t('cases.badFormat', { format: clip(opts.format) }));
  const rows = list.map((c) => [
    c.id,
    c.status,
    c.flow,
    String(c.version),
    c.role,
    c.lang,
    c.startedAt,
    c.endedAt,
    c.timeZone,
    c.outcome?.id ?? '',
    c.outcome?.kind ?? '',
    c.outcome?.queue ?? '',
    c.path.map((p) => `${p.question}=${p.answer}`).join('; '),
    c.checks.map((k) => `${k.question}: ${k.result}`).join('; '),
    c.contact?.provider ?? '',
    Object.entries(c.facts)
      .map(([k, v]) => `${k}: ${v}`)
      .join('\n'),
    // The kinds of secret refused during the case (never the secrets).
    (c.refused ?? []).join('; '),
  ]);
  // A byte-order mark tells spreadsheet programs the file is UTF-8 (Chinese text stays readable).
  // Every cell without escape sequences and control characters, as list and show print them: a spreadsheet is not the only
  // reader of the export, and a hand-edited log's escapes reached the terminal through it (QA: robustness review).
  ctx.io.stdout.write(`\uFEFF${[[...CSV_COLUMNS], ...rows].map((r) => r.map((cell) => csvField(safeText(cell, true))).join(',')).join('\r\n')}\r\n`);
}

/** RFC 4180: quote fields with commas, quotes or line breaks, doubling quotes; neutralize spreadsheet formulas. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Counts by flow, outcome and exit point, share escalated, median time to outcome. */
export async function runCasesStats(opts: CasesFilter & { json: boolean }, ctx: Context): Promise<void> {
  const { list } = await cases(ctx, opts);
  const count = (key: (c: CaseRecord) => string | undefined) => {
    const m: Record<string, number> = {};
    for (const c of list) {
      const k = key(c);
      if (k !== undefined) m[k] = (m[k] ?? 0) + 1;
    }
    return Object.fromEntries(Object.entries(m).sort((a, b) => b[1] - a[1]));
  };
  const finished = list.filter((c) => c.status === 'finished' && c.outcome);
  const reached = list.filter((c) => c.outcome);
  const durations = finished.map((c) => (Date.parse(c.endedAt) - Date.parse(c.startedAt)) / 1000).filter((d) => Number.isFinite(d) && d >= 0).sort((a, b) => a - b);
  const median = durations.length === 0 ? null : durations.length % 2 ? durations[(durations.length - 1) / 2]! : (durations[durations.length / 2 - 1]! + durations[durations.length / 2]!) / 2;
  const stats = {
    cases: list.length,
    finished: finished.length,
    cancelled: list.length - finished.length,
    byFlow: count((c) => c.flow),
    byOutcome: count((c) => (c.outcome ? `${c.flow}/${c.outcome.id}` : undefined)),
    // Where cases leave the tree: the last question answered before the outcome (or before cancelling).
    // A case with no answer that reached its outcome was not left early: its flow asks nothing (QA: desk).
    byExitPoint: count((c) => {
      const last = c.path.at(-1);
      return last ? `${c.flow}/${last.question}=${last.answer}` : `${c.flow}/${c.outcome ? NO_QUESTIONS : BEFORE_FIRST_ANSWER}`;
    }),
    // Of the cases that reached an outcome, cancelled ones too (an alert whose facts were cut short was still an alert).
    escalatedShare: reached.length === 0 ? null : reached.filter((c) => c.outcome!.kind !== 'fix').length / reached.length,
    medianSecondsToOutcome: median,
  };
  if (opts.json) {
    ctx.io.stdout.write(`${safeJson(stats, 2)}\n`);
    return;
  }
  const t = ctx.t;
  // "(start)" and "(no questions)" are the JSON's words for a case left before its first answer and one whose flow
  // asked nothing; people read them in their language.
  const shown = (k: string) =>
    k.endsWith(`/${BEFORE_FIRST_ANSWER}`) ? `${k.slice(0, -BEFORE_FIRST_ANSWER.length)}${t('cases.stats.start')}` : k.endsWith(`/${NO_QUESTIONS}`) ? `${k.slice(0, -NO_QUESTIONS.length)}${t('cases.stats.noQuestions')}` : k;
  const block = (title: string, m: Record<string, number>) => [title, ...Object.entries(m).map(([k, v]) => `  ${String(v).padStart(5)}  ${safeText(shown(k))}`)];
  const lines = [
    t('cases.stats.total', { cases: stats.cases, finished: stats.finished, cancelled: stats.cancelled }),
    t('cases.stats.escalated', { share: stats.escalatedShare === null ? '—' : `${Math.round(stats.escalatedShare * 100)}%` }),
    t('cases.stats.median', { seconds: median === null ? '—' : Math.round(median) }),
    '',
    ...block(t('cases.stats.byFlow'), stats.byFlow),
    '',
    ...block(t('cases.stats.byOutcome'), stats.byOutcome),
    '',
    ...block(t('cases.stats.byExit'), stats.byExitPoint),
  ];
  ctx.io.stdout.write(`${lines.join('\n')}\n`);
}
