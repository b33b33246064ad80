/** `wallet-help diagnose [flow]`: walk a flow with answers from flags, a file or prompts. */
import type { ContactBook } from '../../diagnosis/contact-book.js';
import { agentWording, contactsErrorOf, findFlow, finish, missingAnswer, rejectBadAnswers, type ContactsError, type DiagnoseDocument, type FullResult } from '../../diagnosis/diagnosis.js';
import { appendCase, caseById, casesFile, clearProgress, MAX_CASE_LOG_BYTES, loadProgress, progressFile, saveProgress, unfinishedCasesDir, type CaseProgress, type DamagedProgress, type CaseRecord } from '../../cases/store.js';
import { back, current, resolve, start, step, type Next, type PathStep } from '../../engine/engine.js';
import { flowSummaries, type FlowCatalog } from '../../flows/catalog.js';
import { asCancel, CancelError, ExitCode, NoSettingsFolderError, SilentError, UsageError, WalletHelpError } from '../../errors.js';
import { canPrompt } from '../../io/io.js';
import type { KeyHints } from '../../io/prompter.js';
import { listOf, sentences, withAside, type Translate } from '../../i18n/i18n.js';
import { didYouMean } from '../../util/suggest.js';
import { afterMark, layoutFor, UNWRAPPED, writeWarning, writeWarnings, type Layout } from '../../render/layout.js';
import { formatDateTime } from '../../render/time.js';
import { zoneLabel } from '../../render/user-zone.js';
import { refusedSentences, SUMMARY_FORMATS, type SummaryFormat } from '../../render/summary-kinds.js';
import { FACT_SCAN, FACTS_TOGETHER, joinTexts, loadScanner, redactCaseRecord, refusalMessage, refuseSecretAcrossFacts, refuseSecrets, secretAnswerKey, SecretError, shownRunWarnings, suspectInputs } from '../../safety/screen.js';
import type { SecretScanOptions } from '../../safety/secrets.js';
import { SECRET_KINDS, type SecretKind } from '../../safety/kinds.js';
import { platformList } from '../../safety/platforms.js';
import { checkTimeout, withProgress } from '../../checks/progress.js';
import { badCheckInput, canMeasure, checkContact, isUncomparable, runCheck, runMeasuredCheck, type CheckRecord, type ConnectivityUnknown, type Uncomparable } from '../../diagnosis/checks.js';
import { CASE_FACTS, CHECKS, clipFact, MAX_FACT_LENGTH, type CaseFact, type CheckName, type Flow, type Queue } from '../../engine/types.js';
import { branchOf, factsToAsk, settleFacts, type FactBranches } from '../../diagnosis/case-facts.js';
import { unchosenOthers } from '../../directory/source.js';
import { clip, hiddenCharacter, mayHoldSecret, safeText, sentValue, safeJson, shownPath, withoutHidden } from '../../util/safe-text.js';
import { fileReason } from '../../util/read-error.js';
import type { Context } from '../context.js';
import { ANSWER_SHORTCUTS, parseAnswerFlags, placeInAnswersFile, readAnswersFile, refuseNotText } from './answers.js';
import '../../core.js';
import { chainFromText, MEMO_CHAINS, tokenWithoutNetwork } from '../../checks/chains.js';
import { chainName } from '../../render/chain.js';
import { contactCheckLine, measuredText } from '../../render/check-lines.js';
import type { MessageKey } from '../../i18n/messages.js';
import { queueTeam } from '../../render/queue.js';

/** Check results that mean all is well there (marked ✔; anything else, ⚠). */
const GOOD_RESULTS: ReadonlySet<string> = new Set(['ok', 'confirmed', 'same', 'not-needed', 'given']);

export interface DiagnoseOptions {
  flow?: string;
  /** Repeated `--answer ID=VALUE`. */
  answer: string[];
  /** Repeated shortcuts (`--network VALUE`): each is an `--answer` of its question. */
  network: string[];
  balance: string[];
  verification: string[];
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

/** What the line of a connectivity check says when the device is online but the service was not reached: the question is asked. */
const UNKNOWN_ASKED = { 'name-not-found': 'check.measured.nameNotFound', refused: 'check.measured.refused', 'no-answer': 'check.measured.noAnswer' } as const satisfies Record<ConnectivityUnknown, MessageKey>;

const BACK = '__back';
const RESTART = '__restart';
const SHOW_PATH = '__path';

/** Runs a diagnosis and prints the outcome (human text or one JSON document). */
export async function runDiagnose(opts: DiagnoseOptions, runCtx: Context): Promise<FullResult> {
  const interactive = canPrompt(runCtx.io, opts);
  if (opts.summary !== undefined && !(SUMMARY_FORMATS as readonly string[]).includes(opts.summary)) {
    throw new UsageError('invalid_summary_format', runCtx.t('summary.badFormat', { option: '--summary', format: clip(opts.summary) }), { value: clip(opts.summary), values: [...SUMMARY_FORMATS] });
  }
  // Checked up front, whether or not a check runs: a bad value is a mistake even when it happens not to matter.
  const timeoutMs = checkTimeout(runCtx, opts.timeout);
  const resuming = opts.resume ? await caseToResume(opts, runCtx, interactive) : undefined;
  const resumed = resuming?.progress;
  // A resumed case goes on in its language, as it goes on in its role: a Chinese case continued from an English
  // shell is still Chinese (QA). --lang on this run names another, which the case keeps from then on.
  const ctx = resumed?.lang !== undefined && resumed.lang !== runCtx.lang && !runCtx.langGiven ? await runCtx.inLanguage(resumed.lang) : runCtx;
  const { io, t, lang } = ctx;
  const catalog = await ctx.flows();
  // A directory that cannot be loaded (a broken file, an unknown provider) must not cost the user the steps,
  // least of all an emergency's: the diagnosis goes on without contacts, says why, and exits with its own code.
  let contactsProblem: string | undefined;
  let contactsError: ContactsError | undefined;
  const directoryIfLoaded = async () => {
    try {
      return await ctx.provider();
    } catch (err) {
      if (!(err instanceof WalletHelpError) || err instanceof CancelError) throw err;
      contactsProblem ??= err.message;
      contactsError ??= contactsErrorOf(err);
      return undefined;
    }
  };

  // An answers file first; flags override it, so a script can adjust one answer.
  const given: Record<string, string> = Object.create(null);
  const answersFile = opts.answers === undefined ? undefined : await readAnswersFile(ctx, opts.answers, opts.input);
  if (answersFile) Object.assign(given, answersFile.answers);
  const shortcuts = ANSWER_SHORTCUTS.flatMap((name) => opts[name].map((value) => `${name}=${value}`));
  const flagged = parseAnswerFlags(ctx, [...opts.answer, ...shortcuts]);
  Object.assign(given, flagged);
  const { facts, cut: factsCut } = parseFacts(ctx, opts.fact ?? []);
  await refuseSecrets(t, Object.entries(facts).map(([key, text]) => ({ text, where: key, field: '--fact' as const, ...FACT_SCAN[key as CaseFact] })), ctx.role);
  await refuseSecretAcrossFacts(t, facts, ctx.role, '--fact');
  // Start over begins a new problem: the facts typed for the old one go (those given with --fact stay).
  const givenFacts = { ...facts };
  const startOverFacts = () => {
    for (const key of Object.keys(facts) as CaseFact[]) delete facts[key];
    Object.assign(facts, givenFacts);
  };

  // The summary format asked for, or the one the resumed case was begun with.
  const summaryAsked = (opts.summary as SummaryFormat | undefined) ?? resumed?.summary;
  // A resumed case goes on as it began: with its role and its save setting (--save can still turn saving on).
  // --agent on the resume turns the agent's wording on, as --lang names another language, and the case keeps it;
  // the role setting or WALLET_HELP_ROLE of this shell does not (QA: desk, --agent was silently ignored).
  const role = resumed && ctx.roleGiven ? 'agent' : (resumed?.role ?? ctx.role);
  const saving = opts.save ?? resumed?.save ?? ctx.config.saveCases === 'true';
  // Nothing the user typed is used or echoed before it is screened for secrets.
  const flowId = resumed?.flow ?? opts.flow;
  // A flow picked from the problem menu can be left for the menu again (Back at its first question, Start over);
  // continued with --resume too (QA: agent; a caller who called back about another problem meant a new case).
  const fromMenu = resumed ? resumed.fromMenu === true : flowId === undefined;
  const checkInputs = parseCheckInputs(ctx, opts.checkInput ?? []);
  /**
   * A secret refused in an answer a flag gave (`-a 482913=ok`, `--network 482913`, too short for the command line's own
   * screen) names the flag, as that screen names it: `answers` is a request's field, or an answers file's (QA: script integrator).
   */
  const namedByFlag = (err: unknown): unknown => {
    if (!(err instanceof SecretError) || err.details.field !== 'answers') return err;
    const id = secretAnswerKey(err) ?? (err.details.question as { id?: unknown } | undefined)?.id;
    if (typeof id !== 'string' || !Object.hasOwn(flagged, id)) return err;
    const byAnswer = opts.answer.some((arg) => arg.indexOf('=') > 0 && arg.slice(0, arg.indexOf('=')).trim() === id);
    err.details.field = byAnswer || !(ANSWER_SHORTCUTS as readonly string[]).includes(id) ? '--answer' : `--${id}`;
    return err;
  };
  /** The answers and check texts given up front, screened and checked against the flow that runs. */
  const admit = async (f: Flow) => {
    try {
      if (fromMenu) await refuseSecrets(t, suspectInputs(catalog.flows, f.id, given), role);
      rejectBadAnswers(ctx, f, given);
    } catch (err) {
      // An answer from the answers file is pointed out where the file gives it.
      throw placeInAnswersFile(namedByFlag(err), answersFile, flagged);
    }
    for (const id of Object.keys(checkInputs)) {
      // A question the flow does not have is that error (with did-you-mean), not "runs no check".
      if (!Object.hasOwn(f.questions, id)) rejectBadAnswers(ctx, f, { [id]: '' });
      if (!f.questions[id]!.check) throw badCheckInput(t, id, 'no-check');
      // A check that measures on its own (the connection) takes no text: the text would be dropped without a word.
      if (!CHECKS[f.questions[id]!.check!].input) throw badCheckInput(t, id, 'no-input');
    }
  };
  let flow: Flow;
  try {
    // In the order a --batch line or a library call is read (src/diagnosis/request.ts): the flow id and the answers are
    // screened, then an answer that is not text is reported, then the flow is read.
    if (flowId !== undefined) {
      await refuseSecrets(t, suspectInputs(catalog.flows, flowId, given), role);
      await refuseNotText(t, answersFile, catalog.flows.get(flowId), role);
    }
    flow = await chooseFlow(flowId, ctx, role, interactive, catalog);
    if (flowId === undefined) await refuseNotText(t, answersFile, flow, role);
  } catch (err) {
    throw placeInAnswersFile(namedByFlag(err), answersFile, flagged);
  }
  await admit(flow);
  // A case id is needed only when the case is kept or resumable; node:crypto costs start-up time otherwise.
  const caseId = resumed?.id ?? (saving || interactive ? (await import('node:crypto')).randomUUID() : '');
  // The case's own times are the clock's: --now only moves the instant service hours are worked out for.
  const startedAt = resumed?.startedAt ?? ctx.io.now().toISOString();
  let checks: CheckRecord[] = resumed?.checks ?? [];
  Object.assign(facts, resumed?.facts ?? {}, facts);
  // What a check typed in found (a contact checked), said before the outcome while its question's answer stands.
  let notes: { question: string; text: string }[] = [];
  let next: Next;
  try {
    next = resolve(flow, given, resumed ? { flow: flow.id, path: resumed.path } : start(flow));
  } catch (err) {
    if (!resumed) throw err;
    throw resumeMismatch(ctx, catalog, flow, resumed);
  }
  if (resumed) {
    const layout = await layoutFor(io.stdout);
    // With its zone, as summaries and the case log give a time (a case may be continued elsewhere, or after a clock change).
    // A flow that asks nothing (an alert) has no answers to recap; a secret refused before the interruption is said again,
    // as the summary says it (QA: interactive review).
    const asks = Object.hasOwn(flow.questions, flow.start);
    const refused = refusedSentences(t, resumed.refused ?? [], role).map((s) => `${s}\n`).join('');
    const when = (iso: string) => `${formatDateTime(iso, ctx.userZone(), lang)} ${zoneLabel(ctx.userZone())}`;
    // Named by its id, with the other unfinished cases about the same problem (a desk has several callers with one
    // problem): the one continued can be told from them, and the one meant reached (QA: desk, a caller's callback
    // continued another caller's case).
    const others = resuming!.others;
    // Each with what tells two callers' cases apart when they began in the same minute: the account ID typed, and the
    // last answer given (QA: desk).
    // An account ID is screened as a resumed case's facts are (withoutSecrets): a file written before a rule was added may
    // hold what is now known to be a secret, and it is not shown beside another caller's case (review).
    const scanner = others.slice(0, MAX_OTHER_CASES).some((p) => p.facts['account-id'] !== undefined) ? await loadScanner() : undefined;
    const otherDetails = (p: (typeof others)[number]): string => {
      const last = p.path.at(-1);
      const label = last ? flow.questions[last.question]?.answers.find((a) => a.value === last.answer)?.label[lang] : undefined;
      const typed = p.facts['account-id'];
      const account = typed !== undefined && scanner?.findSecrets(typed, FACT_SCAN['account-id']).length === 0 ? typed : undefined;
      return [t('resume.otherStarted', { time: when(p.startedAt) }), ...(account ? [t('resume.otherAccount', { account: safeText(clip(account, 40)) })] : []), ...(label ? [t('resume.otherLast', { answer: safeText(label) })] : [])].join(t('summary.asideSeparator'));
    };
    const otherLines = others.length === 0 ? '' : `${t('resume.others')}\n${others.slice(0, MAX_OTHER_CASES).map((p) => `  ${t('resume.otherCase', { command: resumeCommand(ctx, catalog, flow.id, caseArg(p.id)), details: otherDetails(p) })}\n`).join('')}${others.length > MAX_OTHER_CASES ? `  ${t('resume.othersMore', { count: others.length - MAX_OTHER_CASES })}\n` : ''}`;
    const recap = `${t('resume.continuing', { id: resumed.id.slice(0, 8), time: when(resumed.startedAt), title: safeText(flow.title[lang]) })}\n${otherLines}${asks ? describePath(ctx, flow, resumed.path, role) : ''}${refused}`;
    io.stdout.write(layout.wrap(recap) + describeFacts(ctx, facts, layout));
  }
  // Moving forward takes the answers given up front as soon as their question comes; Back and Start over do not,
  // so a given answer can be changed.
  const forward = (session: Next['session'], answer: string): Next => resolve(flow, given, step(flow, session, answer).session);
  // What a check found, for a question gone back over: the question is then answered by hand (byHand), and what was
  // measured stays with the case when the facts it was measured on are still those (QA: agent; the address check of a
  // wrong-network deposit vanished from the ticket after Back). A contact typed for a check is offered again.
  const checkedBefore = new Map<string, { record: CheckRecord; note?: { question: string; text: string }; facts: string }>();
  const factsOfRecord = (record: CheckRecord) => JSON.stringify(CHECKS[record.check as CheckName]?.facts.map((f) => facts[f] ?? null) ?? []);
  // Only the checks (and what they found) of the answers that stand.
  const keepFor = (session: Next['session']) => {
    const kept = new Set(session.path.map((p) => p.question));
    for (const record of checks) {
      if (!kept.has(record.question)) checkedBefore.set(record.question, { record, note: notes.find((n) => n.question === record.question), facts: factsOfRecord(record) });
    }
    checks = checks.filter((c) => kept.has(c.question));
    notes = notes.filter((n) => kept.has(n.question));
  };
  /**
   * A question answered by hand after Back: what its check measured before comes back with the case, on the same facts.
   * Not a check of a typed contact: its prompt, gone back to, was left empty (the contact was withdrawn) or it ran again.
   */
  const restoreCheck = (question: string) => {
    const before = checkedBefore.get(question);
    if (!before || CHECKS[before.record.check as CheckName]?.input || before.facts !== factsOfRecord(before.record)) return;
    checks = [...checks.filter((c) => c.question !== question), before.record];
    if (before.note) notes = [...notes.filter((n) => n.question !== question), before.note];
  };
  // The answer each question gone back to had: its menu opens on it, as it was (QA: the cursor was on the first answer).
  const answeredBefore = new Map<string, string>();
  // Back returns to exactly the earlier state: the question before, its answer selected, and only the checks of the answers that stand.
  const goBack = (session: Next['session']): Next => {
    const dropped = session.path.at(-1);
    if (dropped) answeredBefore.set(dropped.question, dropped.answer);
    const earlier = current(flow, back(session));
    keepFor(earlier.session);
    return earlier;
  };
  // Where the fact prompts stand: kept with the case, so a resumed case asks them as the case never interrupted would.
  const prompts: FactPrompts = {
    reask: new Set(resumed?.reask ?? []),
    skipped: new Set(),
    askedAt: new Map(Object.entries(resumed?.askedAt ?? {}) as [CaseFact, string][]),
    ...(resumed?.factAt ? { resumeAt: resumed.factAt } : {}),
    refused: new Set(resumed?.refused ?? []),
  };
  // Where the facts typed belong: a fact typed on a branch gone back out of is set aside, and comes back, ready to
  // correct, when that branch is taken again (QA: a TxID typed for a crypto deposit made a card top-up crypto).
  const branches: FactBranches = {
    branch: new Map(Object.entries(resumed?.factBranches ?? {}) as [CaseFact, PathStep[]][]),
    setAside: resumed?.setAside ? [...resumed.setAside] : [],
  };
  /** The facts settled for the answers that stand: set aside, or brought back to be offered again. */
  const settle = (session: Next['session']) => {
    const { back: brought, aside } = settleFacts(facts, branches, session.path, givenFacts, prompts.skipped);
    for (const fact of aside) prompts.reask.delete(fact);
    for (const fact of brought) prompts.reask.add(fact);
  };
  // Questions gone back to: asked by hand from then on, so Back can change an answer a check gave
  // (running the check again would answer it the same way and go straight on, which made Back a loop).
  // Kept with the case: a resumed case does not let a check answer again what was gone back to.
  const byHand = new Set<string>(resumed?.byHand ?? []);
  // Start over begins anew: nothing answered, checked or typed for the problem left stands (facts given with --fact do).
  const startOver = () => {
    startOverFacts();
    checks = [];
    notes = [];
    checkedBefore.clear();
    answeredBefore.clear();
    prompts.reask.clear();
    prompts.skipped.clear();
    prompts.askedAt.clear();
    byHand.clear();
    branches.branch.clear();
    branches.setAside = [];
  };
  // The progress file could not be written (a read-only or full disk, a file where the folder should be): the
  // diagnosis matters more than --resume, so it goes on, said once, and Ctrl+C no longer promises what was not kept.
  let progressLost = false;
  // Whether the case in progress is on disk: only then does Ctrl+C say it can be continued (review: answers given up front,
  // cancelled at the first prompt, were promised to --resume without ever being written).
  // A resumed case is on disk from the start: Ctrl+C before any new answer says how to continue it again (review).
  let kept = resumed !== undefined;
  // Why the case was not saved to the log: the file's reason, or no settings folder at all (no home folder; review).
  const notSaved = (err: NodeJS.ErrnoException): string => (err instanceof NoSettingsFolderError ? t('cases.noFolder') : t('cases.saveFailed', { file: shownPath(casesFile(io.env)), reason: fileReason(t, err.code) }));
  const progressFailed = async (err: NodeJS.ErrnoException): Promise<void> => {
    if (progressLost) return;
    progressLost = true;
    // No settings folder at all (no home folder): the diagnosis goes on all the same, said with what to set (review).
    if (err instanceof NoSettingsFolderError) {
      await writeWarning(io.stderr, t('warning.prefix'), t('resume.noFolder'));
      return;
    }
    await writeWarning(io.stderr, t('warning.prefix'), t('resume.keepFailed', { file: shownPath(unfinishedCasesDir(io.env)), reason: fileReason(t, err.code) }));
  };
  // Kept once something was answered or typed: an empty case is nothing to continue, and would hide one that is
  // (--resume takes the latest). Gone back to nothing, it is nothing again. Called after every move, so the facts
  // are settled for the answers that stand first.
  const progress = async (session: Next['session']): Promise<void> => {
    settle(session);
    if (!interactive) return;
    if (session.path.length === 0 && Object.keys(facts).length === 0 && prompts.refused.size === 0) {
      await clearProgress(io.env, caseId).catch(progressFailed);
      kept = false;
      return;
    }
    await saveProgress(io.env, {
      id: caseId,
      flow: flow.id,
      version: flow.version,
      lang,
      role,
      save: saving,
      startedAt,
      path: session.path,
      checks,
      facts,
      ...(prompts.reask.size > 0 ? { reask: CASE_FACTS.filter((k) => prompts.reask.has(k)) } : {}),
      ...(prompts.at ? { factAt: prompts.at } : {}),
      ...(prompts.askedAt.size > 0 ? { askedAt: Object.fromEntries(prompts.askedAt) } : {}),
      ...(prompts.refused.size > 0 ? { refused: [...prompts.refused] } : {}),
      ...(byHand.size > 0 ? { byHand: [...byHand] } : {}),
      ...(branches.branch.size > 0 ? { factBranches: Object.fromEntries(branches.branch) } : {}),
      ...(branches.setAside.length > 0 ? { setAside: branches.setAside } : {}),
      ...(summaryAsked ? { summary: summaryAsked } : {}),
      ...(fromMenu ? { fromMenu: true } : {}),
    }).then(() => {
      kept = true;
    }, progressFailed);
  };
  // Continued in another language (--lang) or as an agent (--agent), the case goes on so from now on.
  if (resumed && (resumed.lang !== lang || resumed.role !== role)) await progress(next.session);
  // A case cancelled at a prompt (or by a signal that stops a running check) is kept as cancelled when saving is on.
  // The outcome already given, when a run is cancelled after it (at an alert's facts): the log keeps that the alert was shown.
  let shown: FullResult | undefined;
  const cancelled = async (err: unknown): Promise<unknown> => {
    const cancel = asCancel(err);
    // "Cancelled." in the language of the case, which a resumed case may speak instead of the run's.
    if (cancel) cancel.translate = t;
    // What was answered is kept (the case in progress): said where it is said that the run was cancelled, when there is any.
    if (cancel && interactive && kept && !progressLost && (next.session.path.length > 0 || Object.keys(facts).length > 0)) {
      // Named by its id, always: the flow's name continues the latest case about it, which by the time of a callback may
      // be another caller's (QA: desk; before, the id was given only where another such case was already waiting).
      cancel.hint = t('resume.hint', { command: resumeCommand(ctx, catalog, flow.id, caseArg(caseId)) });
    }
    if (cancel && saving) {
      await appendCase(io.env, caseRecord(ctx, { id: caseId, status: 'cancelled', role, flow, startedAt, session: next.session, checks: caseChecks(), facts, result: shown, refused: prompts.refused })).catch((saveErr: NodeJS.ErrnoException) =>
        io.stderr.write(`${notSaved(saveErr)}\n`),
      );
    }
    return cancel ?? err;
  };
  // Prompts speak as the case began: a resumed agent case warns the agent, whatever the role now.
  const caseCtx: Context = role === ctx.role ? ctx : { ...ctx, role };
  // `check`: the question whose check the facts are asked for.
  // The contact a person posing as support used, typed as a fact: checked against the official contacts at once, as the
  // contact check of a question is, and said on the screen (QA: desk; it was recorded, never checked).
  /** The verdict on the contact fact, for the ticket as for the screen (QA: desk; the ticket showed the number alone). */
  let contactChecked: { fact: string; record: CheckRecord } | undefined;
  /** The contact fact checked against the official contacts, its verdict kept for the ticket; what the check found, where it could compare. */
  const checkContactFact = async (value: string) => {
    const loaded = await directoryIfLoaded();
    if (!loaded) return undefined;
    // (Screened as the fact it was typed as, whose long numbers are numbers.)
    const out = await checkContact('contact', value.trim(), loaded.directory.providers);
    if (!out || isUncomparable(out)) return undefined;
    contactChecked = { fact: clipFact(value), record: out.record };
    return out;
  };
  const contactVerdict = async (typed: string): Promise<string | undefined> => {
    const out = await checkContactFact(typed);
    return out && checkLine(ctx, role, out.record, out.owner, out.spoofable);
  };
  /** The checks of the case: those of its questions, and the verdict on the contact fact while the fact is the one checked. */
  const caseChecks = (): CheckRecord[] => (contactChecked && facts.contact === contactChecked.fact ? [...checks, contactChecked.record] : checks);
  const askForFacts = (keys: readonly CaseFact[], canGoBack: boolean, check?: string) => askFacts(caseCtx, facts, keys, { flow: flow.id, canGoBack, prompts, check, path: next.session.path, branches, given: givenFacts, saved: () => progress(next.session), contactVerdict });

  const backByHand = (session: Next['session']): Next => {
    const to = goBack(session);
    if (to.type === 'question') byHand.add(to.question.id);
    return to;
  };
  /** The outcome reached, as the result document and the text that shows it. */
  const present = async (reached: Extract<Next, { type: 'outcome' }>) => {
    const outcome = reached.outcome;
    // A fix without a queue needs no contact, so the directory (and luxon) load only for outcomes that name a queue.
    let contacts: ContactBook | undefined;
    if (outcome.queue) {
      const loaded = await directoryIfLoaded();
      if (loaded) {
        const { ContactBook } = await import('../../diagnosis/contact-book.js');
        contacts = new ContactBook(loaded.directory, loaded.provider, ctx);
      }
    }
    const result: DiagnoseDocument & { checks?: CheckRecord[]; facts?: CaseRecord['facts']; role?: 'agent'; agentTitle?: string; agentSteps?: string[]; case?: string; summary?: string | CaseRecord } = finish(ctx, flow, outcome, reached.session, contacts, given);
    if (contactsProblem !== undefined) result.warnings = [...(result.warnings ?? []), t('contact.unavailable', { reason: contactsProblem })];
    if (contactsError !== undefined) result.contactsError = contactsError;
    if (factsCut.length > 0) result.warnings = [...(result.warnings ?? []), ...factsCut.map((key) => t('fact.cut', { key, max: MAX_FACT_LENGTH }))];
    // The contact fact given with --fact, or kept by a resumed case, is checked for the ticket too: no prompt checked it.
    if (contacts && facts.contact !== undefined && contactChecked?.fact !== facts.contact) await checkContactFact(facts.contact);
    if (caseChecks().length > 0) result.checks = caseChecks();
    // A text given for a check whose question this path did not ask did not count either (QA: UX review).
    const notAsked = Object.keys(checkInputs).filter((id) => !Object.hasOwn(result.answers, id));
    // In the flow's order, then the shared answers the flow does not ask, as the result lists them (review: they were dropped).
    if (notAsked.length > 0) result.unused = [...Object.keys(flow.questions).filter((id) => result.unused?.includes(id) || notAsked.includes(id)), ...(result.unused ?? []).filter((id) => !Object.hasOwn(flow.questions, id))];
    Object.assign(result, agentWording(role, outcome, lang));
    let text = '';
    if (!opts.json) {
      // Text for people is wrapped to the terminal; loaded only for people: the JSON path stays lean.
      const layout = await layoutFor(io.stdout);
      const { renderOutcome } = await import('../../render/outcome.js');
      const { out: style } = await ctx.styles();
      // An agent reads the steps and the safety notice as what to tell the caller.
      const agentNotice = role === 'agent' && result.outcome.notice ? { notice: contacts ? t(result.outcome.contact ? 'safety.notice.agent' : 'safety.notice.agent.noQueue', { url: contacts.provider.website }) : t('safety.notice.agent.noContacts') } : {};
      const told = { ...result, outcome: { ...result.outcome, ...(result.agentTitle ? { title: result.agentTitle } : {}), ...(result.agentSteps ? { steps: result.agentSteps } : {}), ...agentNotice } };
      // A check's line starts with its mark ("✘ Checked: …"): continuation lines go under its text, as a check's result line does.
      text = notes.map((n) => `${afterMark(layout, n.text)}\n`).join('') + renderOutcome(told, t, style, layout, role === 'agent');
      if (result.outcome.contact) {
        const { renderContactCard } = await import('../../render/contact.js');
        // A directory of several providers, none chosen: the card says it is the first one's (QA: author).
        const otherProviders = contacts ? unchosenOthers(contacts.directory, contacts.provider, ctx.providerChosen) : [];
        text += `\n${renderContactCard(result.outcome.contact, { t, lang, style, now: ctx.now, nowGiven: ctx.nowGiven, userZone: ctx.userZone(), layout, otherProviders })}`;
      }
      for (const w of result.warnings ?? []) text += `\n${layout.wrap(w)}\n`;
    }
    return { result, text };
  };
  // The outcome as presented; an alert's is on the screen already when its facts are asked (its text is then empty).
  let presented: Awaited<ReturnType<typeof present>> | undefined;
  try {
    for (;;) {
      while (next.type === 'question') {
        const q = next.question;
        const path = next.session.path;
        // On an agent's desk, a check of this device measures the agent's computer, not the caller's phone: the caller is asked.
        if (q.check && !CHECKS[q.check].input && opts.checks !== false && !(role === 'agent' && CHECKS[q.check].thisDevice)) {
          // A measured check answers on its own, when the directory names a target; otherwise the question is asked.
          // Without a directory there is nothing to measure against: the question is asked.
          const provider = (await directoryIfLoaded())?.provider;
          // A question gone back to is asked by hand: no check.
          const measuring = !byHand.has(q.id);
          // Facts a check needs (chain, TxID, address) come from --fact, or are asked on a terminal where it may measure;
          // and once more, ready to correct, where Back went back over them or a resumed case stood at them, whatever
          // the chain typed then allows (QA: the TxID was never asked again after "ltc", which no explorer here reads).
          const again = CHECKS[q.check].facts.some((k) => prompts.reask.has(k));
          let wentBack = false;
          if (provider && interactive && (again || (measuring && canMeasure(q, provider, facts)))) wentBack = (await askForFacts(CHECKS[q.check].facts, path.length > 0, q.id)) === 'back';
          // The memo is asked only for a chain that has one (XRP, XLM, EOS, ATOM, BNB Beacon Chain): for any other the check answers alone.
          const memoChain = q.check === 'memo' && facts.chain !== undefined && MEMO_CHAINS.some((c) => c === chainFromText(facts.chain!));
          if (provider && !wentBack && memoChain && interactive && (prompts.reask.has('memo') || (measuring && facts.memo === undefined))) wentBack = (await askForFacts(['memo'], path.length > 0, q.id)) === 'back';
          if (wentBack) {
            next = backByHand(next.session);
            await progress(next.session);
            continue;
          }
          // Without the facts it needs (left empty, or not given to a script) a check has nothing to go on: the question is asked.
          const hasFacts = CHECKS[q.check].facts.every((f) => Boolean(facts[f]?.trim()));
          // A TxID that is not one of the chain given is most likely mistyped, or the chain is: said so (QA: agent).
          const measurable = measuring && provider !== undefined && canMeasure(q, provider, facts) && hasFacts;
          // Only where the check runs: the crypto libraries are loaded for it anyway.
          const txidChain = measurable && q.check === 'confirmations' ? chainFromText(facts.chain!) : undefined;
          const txidMisfit = txidChain !== undefined && !(await import('../../checks/crypto.js')).checkTxid(txidChain, facts.txid!).valid;
          const ran = !measurable ? undefined : await withProgress(
            ctx,
            t(`check.running.${q.check}`),
            () => runMeasuredCheck(q, provider, { timeoutMs, env: io.env, ...(io.signal ? { signal: io.signal } : {}) }, facts),
            // A check that cannot decide (a fact left empty, an address valid on several networks) leaves the question to be asked.
            (r) =>
              r?.answer !== undefined
                ? { text: measuredText(t, r.record), ok: GOOD_RESULTS.has(r.answer) }
                : {
                    // Measured without an answer: an address that is no address of the chain (a typo), or a server name not found.
                    text: r?.record.result === 'invalid'
                      ? t('check.measured.thenAsked', { found: measuredText(t, r.record) })
                      : r ? t(r.unknownReason ? UNKNOWN_ASKED[r.unknownReason] : 'check.measured.undecided') : txidMisfit ? t('check.measured.txidMisfit', { chain: chainName(t, txidChain!) }) : t('check.measured.undecided'),
                    ok: false,
                  },
            opts.json,
            t(`check.done.${q.check}`),
          );
          // What was measured goes to the case even when it decides nothing (the question is then asked).
          if (ran) checks = [...checks.filter((c) => c.question !== q.id), ran.record];
          // Offline because the far end could not prove who it is (a Wi-Fi sign-in page, an inspecting proxy, a wrong
          // clock): said before the connection fix, whose steps are about a lost connection (QA: directory authors).
          notes = notes.filter((n) => n.question !== q.id);
          if (ran?.certificateProblem) notes.push({ question: q.id, text: t('check.note.certificate', { host: safeText(ran.record.input ?? '') }) });
          if (ran?.answer !== undefined) {
            next = forward(next.session, ran.answer);
            await progress(next.session);
            continue;
          }
        }
        if (q.check && CHECKS[q.check].input) {
          // An answer given up front has already won; otherwise the check answers from typed text.
          let ran: Exclude<Awaited<ReturnType<typeof runCheck>>, Uncomparable>;
          let wentBack = false;
          if (Object.hasOwn(checkInputs, q.id)) {
            // A script that asked for the check gets the directory's error; a person is asked the question instead.
            const loaded = interactive ? await directoryIfLoaded() : await ctx.provider();
            const out = loaded ? await runCheck(q, checkInputs[q.id]!, loaded.directory.providers, t, '--check-input') : undefined;
            if (isUncomparable(out) && !interactive) throw badCheckInput(t, q.id, out);
            ran = isUncomparable(out) ? undefined : out;
            if (!ran && !interactive) throw badCheckInput(t, q.id, 'not-contact');
          } else if (interactive) {
            const loaded = await directoryIfLoaded();
            // Text that is not a contact is asked for again; only an empty line goes on to the question.
            // An agent sees what to ask the caller above the prompt, as at every question; "<" goes back.
            const prompt = safeText(q.input![lang]);
            // One after the other as sentences are written: a space in English, none in Chinese (QA: interactive review,
            // the line break became a space, "…的账号。 输入…").
            const message = role === 'agent' && q.agent ? sentences(t, safeText(q.agent[lang]), prompt) : prompt;
            for (;;) {
              if (!loaded) break;
              // Gone back to, the contact typed before is offered, ready to correct (as facts are).
              const typedBefore = checkedBefore.get(q.id)?.record;
              const offered = typedBefore ? (typedBefore.typed ?? typedBefore.input ?? undefined) : undefined;
              const typed = await askText(caseCtx, flow.id, path.length > 0 ? t('fact.withBackHint', { text: message }) : message, {}, offered, { kinds: prompts.refused, saved: () => progress(next.session) });
              if (path.length > 0 && isBack(typed.trim(), undefined)) {
                wentBack = true;
                break;
              }
              const out = await runCheck(q, typed, loaded.directory.providers, t);
              ran = isUncomparable(out) ? undefined : out;
              if (ran || typed.trim() === '') break;
              // Words that are no contact are not quoted back: several words of a recovery phrase, too few to be refused as one,
              // were printed again under the prompt (QA: Chinese user). A single word or two, a mistyped contact, is quoted.
              const again = isUncomparable(out) ? ({ 'needs-country': 'check.needsCountryTyped', 'needs-platform': 'check.needsPlatformTyped', 'short-number': 'check.shortNumberTyped', 'bare-handle': 'check.bareHandleTyped', 'other-platform': 'check.otherPlatformTyped' } as const satisfies Record<Uncomparable, MessageKey>)[out] : typed.trim().split(/\s+/).length > 2 ? 'check.notContactWords' : 'check.notContactTyped';
              // The account as it would be typed with its platform ("微信:kefu888"), and the platforms it can be on, in the words of the language.
              // (Already loaded: the check ran.)
              const verify = out === 'bare-handle' || out === 'other-platform' ? await import('../../safety/verify.js') : undefined;
              const handle = out === 'needs-platform' ? clip(typed.trim().replace(/^[@＠]/, ''), 40) : clip(verify?.bareHandle(typed) ?? '', 40);
              const platform = clip(verify?.otherPlatform(typed) ?? '', 40);
              io.stderr.write(`${(await layoutFor(io.stderr)).wrap(t(again, { input: clip(typed.trim()), handle, platform, platforms: platformList(t) }))}\n`);
            }
          }
          if (wentBack) {
            next = backByHand(next.session);
            await progress(next.session);
            continue;
          }
          if (ran) {
            checks = [...checks.filter((c) => c.question !== q.id), ran.record];
            notes = [...notes.filter((n) => n.question !== q.id), { question: q.id, text: checkLine(ctx, role, ran.record, ran.owner, ran.spoofable) }];
            next = forward(next.session, ran.answer);
            await progress(next.session);
            continue;
          }
        }
        if (!interactive) throw missingAnswer(ctx, q);
        // Answers given up front (flags, --answers) are kept before the first question is asked, as every later answer is.
        if (!kept) await progress(next.session);
        const prompter = await io.prompter();
        const navigation = path.length > 0
          ? [{ value: BACK, name: t('nav.back') }, { value: RESTART, name: t('nav.restart') }, { value: SHOW_PATH, name: t('nav.path') }]
          : fromMenu ? [{ value: BACK, name: t('nav.back') }] : [];
        const before = answeredBefore.get(q.id);
        const answer = await prompter.select({
          message: safeText((role === 'agent' && q.agent ? q.agent : q.text)[lang]),
          choices: [...q.answers.map((a) => ({ value: a.value, name: safeText(a.label[lang]) })), ...navigation],
          keys: keyHints(t),
          ...(before !== undefined && q.answers.some((a) => a.value === before) ? { default: before } : {}),
        });
        if (answer === SHOW_PATH) {
          // With the facts typed so far: what an agent reads back when the caller asks what has been noted (QA: agent).
          const layout = await layoutFor(io.stdout);
          io.stdout.write(layout.wrap(describePath(ctx, flow, path, role)) + describeFacts(ctx, facts, layout));
          continue;
        }
        // Start over drops every answer, with no way back: asked again first. A digit typed at the list picks an entry by its
        // number, and an agent typing a TxID into the wrong place landed on it and lost the case (QA: interactive review).
        if (answer === RESTART && path.length > 0) {
          const sure = await prompter.select({
            message: t('nav.restartConfirm', { count: path.length }),
            choices: [{ value: 'keep', name: t('nav.restartKeep') }, { value: 'restart', name: t('nav.restartYes') }],
            default: 'keep',
            keys: keyHints(t),
          });
          if (sure !== 'restart') continue;
        }
        // A resumed case that stood at a fact prompt and is now at a question has gone on from there.
        prompts.resumeAt = undefined;
        if (fromMenu && (answer === RESTART || (answer === BACK && path.length === 0))) {
          // Back to the problem menu, the flow left there chosen: a wrong choice of problem is undone without Ctrl+C.
          // What was answered is dropped first: Ctrl+C at the menu keeps (and --resume brings back) no discarded answer.
          startOver();
          next = current(flow, start(flow));
          await progress(next.session);
          flow = await chooseFlow(undefined, ctx, role, interactive, catalog, flow.id);
          await admit(flow);
          next = resolve(flow, given, start(flow));
          await progress(next.session);
          continue;
        }
        // Back and Start over return to exactly the earlier state: the session is just the answers so far.
        // Back from a check's question also goes back over the facts asked for the check (a mistyped TxID can be corrected).
        if (answer === BACK && q.check) for (const k of factsOfCheck(q.check)) if (prompts.askedAt.get(k) === q.id) prompts.reask.add(k);
        if (answer !== BACK && answer !== RESTART) answeredBefore.delete(q.id);
        next = answer === BACK ? backByHand(next.session) : answer === RESTART ? current(flow, start(flow)) : forward(next.session, answer);
        if (answer === RESTART) startOver();
        keepFor(next.session);
        if (answer !== BACK && answer !== RESTART) restoreCheck(q.id);
        await progress(next.session);
      }
      // An agent at an escalation records the facts support needs before the outcome; Back at the first returns to the last question.
      // A fix that names a queue is no ticket: no facts.
      if (role === 'agent' && interactive && next.outcome.kind === 'escalate') {
        if ((await askForFacts(factsToAsk(flow, next.outcome, next.session.path, facts), next.session.path.length > 0)) === 'back') {
          next = backByHand(next.session);
          await progress(next.session);
          continue;
        }
      }
      if (role === 'agent' && interactive && next.outcome.kind === 'alert') {
        // In an emergency time matters: the urgent steps and the contact first, then the facts (each can be skipped).
        // "<" at the first goes back to the last question, as at an escalation; an alert with no question before it has none.
        presented = await present(next);
        io.stdout.write(presented.text);
        presented.text = '';
        shown = presented.result;
        if ((await askForFacts(factsToAsk(flow, next.outcome, next.session.path, facts), next.session.path.length > 0)) === 'back') {
          presented = undefined;
          shown = undefined;
          next = backByHand(next.session);
          await progress(next.session);
          continue;
        }
      }
      break;
    }
  } catch (err) {
    throw await cancelled(err);
  }
  const { result } = (presented ??= await present(next));
  let text = presented.text;
  // Text for people is wrapped to the terminal; for a file or a pipe it is left as it is.
  const layout = opts.json ? UNWRAPPED : await layoutFor(io.stdout);
  // The facts of the case travel with the result, for the ticket.
  if (Object.keys(facts).length > 0) result.facts = Object.fromEntries(CASE_FACTS.flatMap((k) => (facts[k] === undefined ? [] : [[k, facts[k]]])));

  const summaryFormat = summaryAsked ?? (role === 'agent' && interactive && !opts.json ? 'text' : undefined);
  // The case record (and the time zone it names) is built only when the case is kept or summarised.
  const record = saving || summaryFormat ? caseRecord(ctx, { id: caseId, status: 'finished', role, flow, startedAt, session: next.session, checks: caseChecks(), facts, result, refused: prompts.refused }) : undefined;
  // What saving the case went wrong with: warnings on standard error, and in the JSON document's `warnings`.
  const saveWarnings: string[] = [];
  if (saving && record) {
    try {
      // Saved, but past what the cases commands read: said on every save until it is moved aside (QA: robustness review).
      if (await appendCase(io.env, record)) saveWarnings.push(t('cases.logTooLarge', { file: shownPath(casesFile(io.env)), max: `${MAX_CASE_LOG_BYTES / (1024 * 1024)} MB` }));
      result.case = caseId;
    } catch (err) {
      // The diagnosis matters more than the log: show it, and say the case was not kept.
      saveWarnings.push(notSaved(err as NodeJS.ErrnoException));
    }
    if (saveWarnings.length > 0) result.warnings = [...(result.warnings ?? []), ...saveWarnings];
  }
  // A finished case left among the unfinished ones would be offered to --resume again: said, with what to remove.
  if (interactive) {
    // (With no settings folder, nothing was kept to remove: said once already.)
    await clearProgress(io.env, caseId).catch((err: NodeJS.ErrnoException) =>
      err instanceof NoSettingsFolderError ? undefined : writeWarning(io.stderr, t('warning.prefix'), t('resume.clearFailed', { file: shownPath(unfinishedCasesDir(io.env)), reason: fileReason(t, err.code) })),
    );
  }
  // Only a case in the log has an id worth showing: "cases show" finds nothing else.
  const summary = summaryFormat && record ? await summaryText(ctx, record, flow, summaryFormat, result.case !== undefined, layout) : undefined;

  if (opts.json) {
    // A JSON summary is embedded as the object it is, not as a string of JSON to parse a second time.
    if (summary !== undefined) result.summary = summaryFormat === 'json' ? (JSON.parse(summary) as CaseRecord) : summary;
    for (const w of saveWarnings) await writeWarning(io.stderr, t('warning.prefix'), w);
    // The run's own warnings first (a skipped operator flow, a bad variable), as standard error said them; one that holds
    // what looks like a secret (a flow file named with a recovery phrase) is said as what it holds (review).
    if (ctx.warned.length > 0) result.warnings = [...(await shownRunWarnings(t, ctx.warned)), ...(result.warnings ?? [])];
    io.stdout.write(`${safeJson(result, 2)}\n`);
    if (contactsProblem !== undefined) throw new SilentError(ExitCode.contactsUnavailable);
    return result;
  }
  // Text is read on the screen; Markdown and JSON are copied into a ticket whole: a line broken inside a code span breaks it.
  if (summary !== undefined) text += `\n${summary}`;
  if (result.case !== undefined) text += `\n${layout.wrap(t('cases.saved', { id: caseId }))}\n`;
  io.stdout.write(text);
  // A case not saved, or a log grown too large to read, is a warning on standard error, as in JSON (QA: robustness review).
  for (const w of saveWarnings) await writeWarning(io.stderr, t('warning.prefix'), w);
  // Answers given up front that this path never asked: said, not dropped without a word (--json has them as `unused`).
  if (result.unused) {
    const shown = result.unused.map((id) => (Object.hasOwn(given, id) ? `${id}=${given[id]}` : id));
    await writeWarning(io.stderr, t('warning.prefix'), t('diagnose.unused', { answers: listOf(t, shown) }));
  }
  if (contactsProblem !== undefined) throw new SilentError(ExitCode.contactsUnavailable);
  return result;
}

/**
 * The unfinished case --resume continues: the latest whose flow this run has (an operator flow's folder may not be
 * given this time), or with a flow named, the latest about that flow, never another problem. Checked against the
 * flow as it is now, and screened: the progress file is input like any other.
 */
async function caseToResume(opts: DiagnoseOptions, ctx: Context, interactive: boolean): Promise<{ progress: CaseProgress; others: CaseProgress[] }> {
  const { io, t } = ctx;
  if (!interactive) throw new UsageError('resume_needs_terminal', t('resume.terminal'));
  const catalog = await ctx.flows();
  const damaged: DamagedProgress[] = [];
  const unfinished = await loadProgress(io.env, (found) => damaged.push(found));
  // A case that cannot be read is said, never passed over in silence: it may be the one meant. Up to a screenful,
  // as the case log's damaged lines are: a folder full of junk is counted past that.
  const said = damaged.map(({ file, reason }) => {
    const why = reason === 'ENOTJSON' ? t('resume.notJson') : reason === 'ENOTCASE' ? t('resume.notCase') : fileReason(t, reason);
    return t(file === unfinishedCasesDir(io.env) ? 'resume.folderUnreadable' : 'resume.damaged', { file, reason: why });
  });
  await writeWarnings(io.stderr, t('warning.prefix'), said, (count) => t('resume.damagedMore', { count, folder: unfinishedCasesDir(io.env) }));
  if (unfinished.length === 0) throw new UsageError('nothing_to_resume', t('resume.none'));
  let resumed: CaseProgress | undefined;
  if (opts.flow === undefined) {
    resumed = unfinished.find((p) => catalog.flows.has(p.flow) || catalog.broken.has(p.flow));
    if (!resumed) throw new UsageError('nothing_to_resume', t('resume.notLoaded', { flow: clip(unfinished[0]!.flow) }), { flow: clip(unfinished[0]!.flow) });
  } else {
    // A case named by its id (or the start of it, as cases list shows it), where no flow has that name: one case of
    // several about the same problem (QA: agent). The start of an id the tool made is no secret, even as eight digits
    // that read as a one-time code; anything else is screened before it is quoted.
    const screenName = () => refuseSecrets(t, suspectInputs(catalog.flows, opts.flow!, {}));
    let byId: CaseProgress | undefined;
    try {
      byId = !catalog.flows.has(opts.flow) && CASE_ID_START.test(opts.flow.trim()) ? caseById(unfinished, opts.flow, t) : undefined;
    } catch (err) {
      await screenName();
      throw err;
    }
    if (byId) resumed = byId;
    else {
      await screenName();
      const named = findFlow(catalog.flows, opts.flow, ctx);
      resumed = unfinished.find((p) => p.flow === named.id);
      if (!resumed) {
        // The command that continues that very case (QA: README, a bare --resume continued another one): its flow named,
        // with the folder it came from where this run was given it; a flow this run lacks needs its folder first.
        const caseFlow = unfinished[0]!.flow;
        const said = catalog.flows.has(caseFlow)
          ? t('resume.otherFlow', { flow: named.id, caseFlow, command: resumeCommand(ctx, catalog, caseFlow) })
          : t('resume.otherFlowNotLoaded', { flow: named.id, caseFlow: clip(caseFlow) });
        throw new UsageError('resume_other_flow', said, { flow: caseFlow });
      }
    }
  }
  // The case's flow broken since (an operator file with a mistake): said so, naming the file, like any use of it.
  if (!catalog.flows.has(resumed.flow)) {
    if (catalog.broken.has(resumed.flow)) findFlow(catalog.flows, resumed.flow, ctx, catalog.broken);
    throw new UsageError('nothing_to_resume', t('resume.none'));
  }
  // A flow whose version changed since the case began is another tree: its answers may lead elsewhere now
  // (a progress file from before versions were kept says 0, and is judged by its path alone).
  const caseFlow = catalog.flows.get(resumed.flow)!;
  if (resumed.version > 0 && resumed.version !== caseFlow.version) throw resumeMismatch(ctx, catalog, caseFlow, resumed);
  const chosen = resumed;
  return { progress: await withoutSecrets(chosen, ctx), others: unfinished.filter((p) => p.flow === chosen.flow && p.id !== chosen.id) };
}

/** The start of a case's id, as --resume takes it (caseById), or undefined for an id it does not take (a file of an early version). */
function caseArg(id: string): string | undefined {
  const start = id.slice(0, 8);
  return CASE_ID_START.test(start) ? start : undefined;
}

/** What --resume takes for the start of a case's id, where no flow has that name. */
const CASE_ID_START = /^[0-9a-f][0-9a-f-]{3,}$/i;

/** How many other unfinished cases about the same problem a resumed case lists (the rest counted). */
const MAX_OTHER_CASES = 5;

/**
 * The progress file is input too: its facts (those set aside as well) are screened like typed ones. One that holds a
 * secret is taken out of the case and the file at once, said with the file, and asked for again; the secret is named
 * among those given during the case (treat as exposed). Refusing the whole case left the secret on disk, said it "was
 * not stored", and named neither the file nor the case, and no other case could be resumed (QA: robustness review).
 */
async function withoutSecrets(resumed: CaseProgress, ctx: Context): Promise<CaseProgress> {
  const { findSecrets } = await loadScanner();
  const exposed = new Set<SecretKind>();
  const clean = (key: CaseFact, text: string) => {
    const [found] = findSecrets(text, FACT_SCAN[key]);
    if (found) exposed.add(found.kind);
    return !found;
  };
  let facts = Object.fromEntries(Object.entries(resumed.facts).filter(([key, text]) => clean(key as CaseFact, text)));
  let setAside = resumed.setAside?.filter((a) => clean(a.fact, a.value));
  // Split over several facts, it is a secret together: all of them go.
  try {
    await refuseSecretAcrossFacts(ctx.t, { ...facts, ...Object.fromEntries((setAside ?? []).map((a) => [a.fact, a.value])) }, resumed.role);
  } catch (err) {
    if (!(err instanceof SecretError)) throw err;
    exposed.add(err.details.kind as SecretKind);
    facts = {};
    setAside = [];
  }
  if (exposed.size === 0) return resumed;
  const cleaned: CaseProgress = { ...resumed, facts, ...(setAside ? { setAside } : {}), refused: [...new Set([...(resumed.refused ?? []), ...exposed])] };
  await saveProgress(ctx.io.env, cleaned).catch(() => undefined);
  const kinds = listOf(ctx.t, [...exposed].map((kind) => ctx.t(`secret.${kind}`)));
  await writeWarning(ctx.io.stderr, ctx.t('warning.prefix'), ctx.t(resumed.role === 'agent' ? 'resume.secretRemoved.agent' : 'resume.secretRemoved', { kinds, file: progressFile(ctx.io.env, resumed.id) }));
  return cleaned;
}

/**
 * The command that continues a case: its flow named, and the folder of an operator flow when this run had it
 * from --flows (a later run does not have it otherwise).
 */
function resumeCommand(ctx: Context, catalog: FlowCatalog, flowId: string, caseId?: string): string {
  return diagnoseCommand(ctx, catalog, flowId, [caseId ?? flowId, '--resume']);
}

/** `wallet-help diagnose` with `args`, and the folder of the operator flow `flowId` when this run had it from --flows. */
function diagnoseCommand(ctx: Context, catalog: FlowCatalog, flowId: string, args: readonly string[]): string {
  const origin = catalog.entries.get(flowId)?.origin;
  const folder = origin !== undefined && origin !== 'bundled' && ctx.flowDirsGiven ? `--flows ${/[\s"'$`\\]/.test(origin) ? JSON.stringify(origin) : origin} ` : '';
  return `wallet-help ${folder}diagnose ${args.join(' ')}`;
}

/**
 * An unfinished case its flow no longer fits, said with why (the version it began with and the one now, or the first
 * of its answers the flow no longer takes) and the command that starts the case again with the answers that still
 * fit: those to questions the flow still asks, with a value it still offers (ids of the flow, so safe to echo).
 */
function resumeMismatch(ctx: Context, catalog: FlowCatalog, flow: Flow, resumed: CaseProgress): UsageError {
  const { t } = ctx;
  const fits = (s: PathStep) => Object.hasOwn(flow.questions, s.question) && flow.questions[s.question]!.answers.some((a) => a.value === s.answer);
  const gone = resumed.path.find((s) => !fits(s));
  const why =
    resumed.version > 0 && resumed.version !== flow.version
      ? t('resume.whyVersion', { flow: flow.id, was: resumed.version, now: flow.version })
      : !gone
        ? t('resume.whyOrder', { flow: flow.id })
        : Object.hasOwn(flow.questions, gone.question)
          ? t('resume.whyAnswer', { flow: flow.id, question: gone.question, value: clip(gone.answer, 40) })
          : t('resume.whyQuestion', { flow: flow.id, question: clip(gone.question, 40) });
  const command = diagnoseCommand(ctx, catalog, flow.id, [flow.id, ...resumed.path.filter(fits).map((s) => `--answer ${s.question}=${s.answer}`)]);
  return new UsageError('resume_mismatch', t('resume.mismatch', { why, command }), { flow: flow.id, version: flow.version, caseVersion: resumed.version, command });
}

/** The record the case log keeps, and summaries are made from. */
function caseRecord(
  ctx: Context,
  c: { id: string; status: CaseRecord['status']; role: CaseRecord['role']; flow: Flow; startedAt: string; session: Next['session']; checks: CheckRecord[]; facts: CaseRecord['facts']; result: (FullResult & { agentTitle?: string }) | undefined; refused: ReadonlySet<SecretKind> },
): CaseRecord {
  const outcome = c.result?.outcome;
  const contact = outcome?.contact;
  return {
    id: c.id,
    status: c.status,
    flow: c.flow.id,
    version: c.flow.version,
    lang: ctx.lang,
    role: c.role,
    startedAt: c.startedAt,
    endedAt: ctx.io.now().toISOString(),
    timeZone: ctx.userZone(),
    path: c.session.path,
    checks: c.checks,
    // An agent's ticket names the outcome as the agent read it (QA: interactive review, "Fix your connection" in a ticket).
    outcome: outcome ? { id: outcome.id, kind: outcome.kind, title: c.result?.agentTitle ?? outcome.title, queue: outcome.queue } : null,
    contact: contact
      ? {
          provider: contact.provider,
          providerId: contact.providerId,
          queue: contact.queue,
          source: contact.source,
          example: contact.example,
          ...(ctx.nowGiven ? { hoursAt: ctx.now.toISOString() } : {}),
          // With their hours: a callback is planned from the ticket, read when "open at …" is long past (QA: desk).
          channels: contact.channels.map((ch) => ({ type: ch.type, value: ch.value, openNow: ch.openNow, hours: ch.hours, timezone: ch.timezone, ...(ch.exception ? { exception: ch.exception } : {}) })),
        }
      : null,
    // Facts in one fixed order, whatever order they were given in.
    facts: Object.fromEntries(CASE_FACTS.flatMap((k) => (c.facts[k] === undefined ? [] : [[k, c.facts[k]]]))),
    ...(c.refused.size > 0 ? { refused: SECRET_KINDS.filter((k) => c.refused.has(k)) } : {}),
  };
}

/**
 * The summary in a format, with anything users typed that still looks like a secret redacted; `saved` says whether
 * it has an id to show. Text is laid out for where it is shown; Markdown and JSON are copied into a ticket whole.
 */
async function summaryText(ctx: Context, record: CaseRecord, flow: Flow, format: SummaryFormat, saved: boolean, layout: Layout): Promise<string> {
  // Loaded for a summary only: it reads and writes service hours (see summary-kinds.ts).
  const { renderSummary } = await import('../../render/summary.js');
  return renderSummary(await redactCaseRecord(record), flow, format, ctx.t, ctx.lang, saved, format === 'text' ? layout : UNWRAPPED);
}

/** What typed at a fact prompt goes back, like Back at a question (a prompt for text has no menu). */
const FACT_BACK = ['<', '＜'];

/**
 * Whether what was typed at a fact prompt means "back": "<" (or the full-width "＜" a Chinese input
 * method types), alone or typed after the value the prompt offered, which is on the line ready to edit.
 */
function isBack(value: string, offered: string | undefined): boolean {
  return FACT_BACK.some((key) => value === key || (offered !== undefined && value === `${offered.trim()}${key}`));
}

/** Where the fact prompts of a case stand: kept with its progress, so a resumed case asks them as before. */
interface FactPrompts {
  /** Facts offered again, ready to correct: gone back over, or among the prompts in progress. */
  reask: Set<CaseFact>;
  /** Facts left empty in this run: not asked again later in it (say at the escalation after a check asked for them). */
  skipped: Set<CaseFact>;
  /** The check question each fact was last asked for: Back at that question goes back over it. */
  askedAt: Map<CaseFact, string>;
  /** The fact prompt shown, while one is. */
  at?: CaseFact;
  /** Where a resumed case stood: its prompts go on from there, or from a fact left empty before it. */
  resumeAt?: CaseFact;
  /** The kinds of secret typed at the case's prompts and refused: the ticket says so (support treats them as exposed). */
  refused: Set<SecretKind>;
}

/** The facts asked for a check's question (the memo too, for the memo check): offered again once Back goes back over it. */
function factsOfCheck(check: CheckName): readonly CaseFact[] {
  return check === 'memo' ? [...CHECKS.memo.facts, 'memo'] : CHECKS[check].facts;
}

/**
 * Asks for the facts among `keys` not known yet, and those to offer again, in order. Empty skips one; "<"
 * goes back to the one before, offered as it was, and at the first one returns 'back' (when `canGoBack`: the
 * caller returns to the last question, and these facts are offered again on the way forward). `saved` runs
 * after each change: until all are answered the prompts are in progress, so --resume goes on with them as
 * they stood, every fact typed among them ready to correct.
 */
async function askFacts(
  ctx: Context,
  facts: CaseRecord['facts'],
  keys: readonly CaseFact[],
  o: {
    flow: string;
    canGoBack: boolean;
    prompts: FactPrompts;
    check?: string | undefined;
    /** The answers the facts are typed after: the branch they belong to. */
    path: readonly PathStep[];
    branches: FactBranches;
    /** Facts given up front (--fact): one kept as it was stays the whole case's. */
    given: CaseRecord['facts'];
    saved: () => Promise<void>;
    /** The line that says what a contact typed as the `contact` fact is, checked against the official contacts. */
    contactVerdict?: (typed: string) => Promise<string | undefined>;
  },
): Promise<'done' | 'back'> {
  const { reask, skipped } = o.prompts;
  const asked = keys.filter((key) => (facts[key] === undefined && !skipped.has(key)) || reask.has(key));
  for (const key of asked) reask.add(key);
  let i = resumedAt(asked, facts, o.prompts.resumeAt);
  o.prompts.resumeAt = undefined;
  // A TxID that is not one of the chain given (or a chain the TxID is not one of), offered to correct; typed once more as it was: kept.
  const misfit: Partial<Record<CaseFact, string>> = {};
  let misfitTold: string | undefined;
  // The memo of a chain that has none (the chain typed just before it): not asked, in either direction (QA: agent).
  const needless = (key: CaseFact): boolean => {
    const chain = key === 'memo' && facts.chain !== undefined ? chainFromText(facts.chain) : undefined;
    return chain !== undefined && !MEMO_CHAINS.some((c) => c === chain);
  };
  let backwards = false;
  while (i < asked.length) {
    const key = asked[i]!;
    if (needless(key)) {
      if (!backwards) i += 1;
      else if (i > 0) i -= 1;
      else if (o.canGoBack) {
        o.prompts.at = undefined;
        return 'back';
      } else backwards = false;
      continue;
    }
    o.prompts.at = key;
    const back = i > 0 || o.canGoBack;
    // What is known of it is offered, ready to correct: typed before, or gone back over. The caller's account ID is
    // the caller's on every branch: typed on one gone back out of, it is offered on this one too, to confirm with
    // Enter, not kept unasked (QA: agent; the agent had to ask for it again after correcting an answer).
    const offered = misfit[key] ?? facts[key] ?? (key === 'account-id' ? o.branches.setAside.filter((a) => a.fact === key).at(-1)?.value : undefined);
    // A secret typed here is masked, refused and asked for again (askText), so what comes back is safe to keep.
    // The facts typed so far are screened with it: a phrase read out over two of them is refused at the second, and the
    // part of it kept in the first is dropped.
    const together = {
      others: () => (Object.entries(facts) as [CaseFact, string | undefined][]).filter((e): e is [CaseFact, string] => e[0] !== key && typeof e[1] === 'string' && e[1] !== ''),
      drop: (keys: readonly string[]) => {
        for (const k of keys) delete facts[k as CaseFact];
      },
    };
    const value = (await askText(ctx, o.flow, ctx.t(back ? 'fact.promptBack' : 'fact.prompt', { fact: ctx.t(`fact.${key}`) }), FACT_SCAN[key], offered, { kinds: o.prompts.refused, saved: o.saved }, together)).trim();
    if (isBack(value, offered)) {
      // Where there is nothing to go back to, "<" is no fact either: asked again.
      if (!back) continue;
      if (i === 0) {
        o.prompts.at = undefined;
        return 'back';
      }
      // The fact before is kept (and saved) until it is answered again: a run cancelled at it loses nothing.
      i -= 1;
      backwards = true;
      o.prompts.at = asked[i];
      await o.saved();
      continue;
    }
    // A token sent on several networks ("USDT") names no chain: the network is asked for, as check --chain asks for it,
    // with what was typed offered to complete (QA: Chinese user; no check could run on it, and nothing said why).
    const token = key === 'chain' && value !== '' && value !== misfitTold && value !== facts[key] ? tokenWithoutNetwork(value) : undefined;
    if (token) {
      ctx.io.stderr.write(`${(await layoutFor(ctx.io.stderr)).wrap(ctx.t('fact.networkMissing', { missing: ctx.t(`chain.needsNetwork.${token}`) }))}\n`);
      misfit[key] = value;
      misfitTold = value;
      continue;
    }
    // Kept as it was offered, it was typed (and any misfit said) before.
    if ((key === 'txid' || key === 'chain') && value !== '' && value !== misfitTold && value !== facts[key]) {
      // A TxID and a chain that do not fit: one was mistyped or pasted from another transfer, most likely.
      // Said at once, with what was just typed offered to correct (QA: agent).
      const chainText = key === 'chain' ? value : facts.chain;
      const txid = key === 'txid' ? value : facts.txid;
      const chain = chainText === undefined ? undefined : chainFromText(chainText);
      if (chain && txid && !(await import('../../checks/crypto.js')).checkTxid(chain, txid).valid) {
        const layout = await layoutFor(ctx.io.stderr);
        ctx.io.stderr.write(`${layout.wrap(ctx.t(key === 'txid' ? 'fact.txidMisfit' : 'fact.chainMisfit', { chain: chainName(ctx.t, chain) }))}\n`);
        misfit[key] = value;
        misfitTold = value;
        continue;
      }
    }
    // An address or a memo that cannot be one of the chain given (a checksum that fails, a tag that is no number):
    // said at once, like a TxID that does not fit, for the agent to catch the typo while the caller is there (QA: desk).
    if ((key === 'address' || key === 'memo') && value !== '' && value !== misfitTold && value !== facts[key]) {
      const told = await chainMisfit(ctx.t, key, value, facts.chain);
      if (told !== undefined) {
        ctx.io.stderr.write(`${(await layoutFor(ctx.io.stderr)).wrap(told)}\n`);
        misfit[key] = value;
        misfitTold = value;
        continue;
      }
    }
    // The number, account or site a person posing as support used: whether it is an official one, said at once.
    if (key === 'contact' && value !== '' && value !== facts[key] && o.contactVerdict) {
      const verdict = await o.contactVerdict(value);
      if (verdict !== undefined) ctx.io.stderr.write(`${(await layoutFor(ctx.io.stderr)).wrap(verdict)}\n`);
    }
    backwards = false;
    delete misfit[key];
    if (o.check !== undefined) o.prompts.askedAt.set(key, o.check);
    if (value !== '') {
      facts[key] = clipFact(value);
      // What the case keeps is said when it is less than what was typed: the summary ended mid-word with no sign (QA: interactive review).
      if (facts[key] !== value) ctx.io.stderr.write(`${(await layoutFor(ctx.io.stderr)).wrap(ctx.t('fact.cutTyped', { max: MAX_FACT_LENGTH }))}\n`);
      skipped.delete(key);
    } else {
      // An offered value cleared at the prompt is taken away; a fact left empty is not asked again.
      delete facts[key];
      skipped.add(key);
    }
    const branch = branchOf(o.branches, key, o.path, value !== '' && facts[key] === o.given[key]);
    if (branch) o.branches.branch.set(key, branch);
    else o.branches.branch.delete(key);
    i += 1;
    o.prompts.at = asked[i];
    await o.saved();
  }
  // All answered: nothing left to offer again here.
  for (const key of asked) reask.delete(key);
  o.prompts.at = undefined;
  if (asked.length > 0) await o.saved();
  return 'done';
}

/**
 * What is wrong with an address or a memo typed for the chain given, in words, when it cannot be one of that chain:
 * an address whose checksum fails or that has no address's form (one of another chain is for the check to say), a
 * memo or tag the chain cannot carry (an XRP tag is a number). Undefined when it may be right, or the chain is unknown.
 */
async function chainMisfit(t: Translate, key: 'address' | 'memo', value: string, chainText: string | undefined): Promise<string | undefined> {
  const chain = chainText === undefined ? undefined : chainFromText(chainText);
  if (!chain) return undefined;
  const crypto = await import('../../checks/crypto.js');
  if (key === 'address') {
    const a = crypto.checkAddress(chain, value);
    return a.problem === 'checksum' || a.problem === 'format' ? t('fact.addressMisfit', { chain: chainName(t, chain), problem: t(`checkcmd.problem.${a.problem}`) }) : undefined;
  }
  return crypto.checkMemo(chain, value).problem === 'format' ? t(chain === 'xrp' ? 'fact.tagMisfit' : 'fact.memoMisfit', { chain: chainName(t, chain) }) : undefined;
}

/**
 * Where fact prompts begin: at the first, or in a resumed case at the one it stood at, or at a fact left empty
 * before that (facts left empty are asked again).
 */
function resumedAt(asked: readonly CaseFact[], facts: CaseRecord['facts'], stood: CaseFact | undefined): number {
  const at = stood === undefined ? -1 : asked.indexOf(stood);
  if (at === -1) return 0;
  const empty = asked.findIndex((key) => facts[key] === undefined);
  return empty === -1 ? at : Math.min(at, empty);
}

/**
 * The facts recorded so far, for the recap of a resumed case, laid out: a value's continuation lines go under the
 * value, so they are not read as another fact (QA: they went back to the label's column).
 */
function describeFacts(ctx: Context, facts: CaseRecord['facts'], layout: Layout): string {
  const known = CASE_FACTS.filter((k) => facts[k] !== undefined);
  if (known.length === 0) return '';
  const line = (k: CaseFact) => layout.hanging(`  ${ctx.t('summary.label', { label: ctx.t(`fact.${k}`), value: '' })}`, safeText(facts[k]!));
  return `${layout.wrap(ctx.t('fact.known'))}\n${known.map(line).join('\n')}\n`;
}

/**
 * Every text prompt of a diagnosis. What looks like a secret is drawn as
 * bullets while it is typed; once submitted it is refused with a warning (to
 * the agent, in agent mode) and the question is asked again, so the session
 * and its answers go on and the secret is never shown, used or kept.
 */
async function askText(
  ctx: Context,
  flow: string,
  message: string,
  scan: SecretScanOptions = {},
  offered?: string,
  refused?: { kinds: Set<SecretKind>; saved: () => Promise<void> },
  /** Texts typed before for the same case (the other facts), which a secret may be split over with this one. */
  together?: { others: () => [string, string][]; drop: (keys: readonly string[]) => void },
): Promise<string> {
  const prompter = await ctx.io.prompter();
  const { findSecrets } = await loadScanner();
  /** A secret this text completes with the texts typed before: its kind, and the keys of those it spans. */
  const across = (text: string): { kind: SecretKind; keys: string[] } | undefined => {
    const others = together?.others() ?? [];
    if (others.length === 0 || text.trim() === '') return undefined;
    const joined = joinTexts([...others, ['', text]]);
    const found = findSecrets(joined.text, FACTS_TOGETHER)[0];
    return found && { kind: found.kind, keys: joined.keysIn(found.start, found.end).filter((k) => k !== '') };
  };
  const secretIn = (text: string) => findSecrets(text, { ...scan, typedLine: true })[0]?.kind ?? across(text)?.kind;
  for (;;) {
    const typed = await prompter.input({ message, mask: (text) => secretIn(text) !== undefined, ...(offered !== undefined ? { default: offered } : {}) });
    // An invisible character (a zero-width space pasted from a chat) is no part of what was meant: said with its place, and the
    // text without it offered to keep or correct. A secret it hid (digits split by it) is a secret still, and is never offered.
    const hidden = hiddenCharacter(typed.trim());
    const kind = secretIn(typed) ?? (hidden ? secretIn(withoutHidden(typed)) : undefined);
    if (kind === undefined && hidden) {
      ctx.io.stderr.write(`${(await layoutFor(ctx.io.stderr)).wrap(ctx.t('fact.hiddenTyped', hidden))}\n`);
      offered = withoutHidden(typed.trim());
      continue;
    }
    if (kind === undefined) return typed;
    // A secret split over this text and earlier ones: the parts kept before go too.
    const parts = across(typed)?.keys;
    if (parts && parts.length > 0) together?.drop(parts);
    // Noted with the case at once: a run cancelled at the prompt asked again keeps that it was given.
    if (refused) {
      refused.kinds.add(kind);
      await refused.saved();
    }
    const { err } = await ctx.styles();
    // Wrapped to the terminal like all text: at 40 columns an unwrapped warning breaks mid-word.
    const layout = await layoutFor(ctx.io.stderr);
    ctx.io.stderr.write(`${layout.hanging(err.yellow.bold(ctx.t('warning.prefix')), refusalMessage(ctx.t, kind, ctx.role, flow))}\n${layout.wrap(ctx.t('safety.typeAgain'))}\n`);
  }
}

/**
 * Parses `--fact KEY=VALUE`; one key given twice (in any letter case) with different values is an error. A value longer
 * than a case keeps is cut, and `cut` names its key, for a warning: a script passing a long error text is told.
 */
function parseFacts(ctx: Context, flags: readonly string[]): { facts: CaseRecord['facts']; cut: CaseFact[] } {
  const facts: CaseRecord['facts'] = {};
  const cut: CaseFact[] = [];
  for (const arg of flags) {
    const eq = arg.indexOf('=');
    // Keys in any case (TXID=…); a refused one is quoted without its value, which may be anything (a TxID, an address),
    // and text that may hold a secret is not quoted at all: screened leniently (a TxID under a mistyped key is no
    // private key), 60 of a key's 64 hex digits would otherwise be shown (QA: script).
    const key = eq > 0 ? arg.slice(0, eq).trim().toLowerCase() : '';
    // A known key with nothing after "=" (`--fact "txid=$TXID"` with the variable unset) is said as that.
    if ((CASE_FACTS as readonly string[]).includes(key) && arg.slice(eq + 1).trim() === '') throw new UsageError('invalid_fact', ctx.t('fact.empty', { key }), { key, keys: [...CASE_FACTS] });
    if (!(CASE_FACTS as readonly string[]).includes(key)) {
      const written = eq > 0 ? arg.slice(0, eq) : arg;
      const shown = `${mayHoldSecret(written) ? '…' : written}${eq > 0 ? '=…' : ''}`;
      const { suggestions, hint } = eq > 0 ? didYouMean(ctx.t, key, CASE_FACTS) : { suggestions: [], hint: '' };
      throw new UsageError('invalid_fact', sentences(ctx.t, ctx.t('fact.bad', { keys: listOf(ctx.t, CASE_FACTS), arg: clip(shown) }), hint), { value: clip(shown), keys: [...CASE_FACTS], suggestions });
    }
    const whole = arg.slice(eq + 1).trim();
    const value = clipFact(whole);
    if (value !== whole && !cut.includes(key as CaseFact)) cut.push(key as CaseFact);
    // An invisible character (a zero-width space pasted from a chat) is refused with its place, as in a data file: kept, a TxID or
    // address would fail its checks and the summary would show a value that is not the one kept. The value is not quoted.
    // An error message may be copied with its line breaks (the one fact that is free text).
    const hidden = hiddenCharacter(value, key === 'error');
    if (hidden) throw new UsageError('invalid_fact', ctx.t('fact.hidden', { key, ...hidden }), { key, ...hidden });
    // Neither value is quoted: they are screened for secrets only once parsed.
    if (facts[key as CaseFact] !== undefined && facts[key as CaseFact] !== value) throw new UsageError('fact_twice', ctx.t('fact.twice', { key }), { key });
    facts[key as CaseFact] = value;
  }
  return { facts, cut };
}

/** The answers so far, for "show the answers so far". */
function describePath(ctx: Context, flow: Flow, path: readonly PathStep[], role: 'user' | 'agent'): string {
  if (path.length === 0) return `${ctx.t('nav.pathEmpty')}\n`;
  const lines = path.map((p, i) => {
    const q = flow.questions[p.question];
    const label = q?.answers.find((a) => a.value === p.answer)?.label[ctx.lang] ?? p.answer;
    // In the words the question was asked in: an agent's, where the flow has them.
    const asked = (role === 'agent' && q?.agent ? q.agent : q?.text)?.[ctx.lang] ?? p.question;
    return `  ${i + 1}. ${ctx.t('summary.answer', { question: safeText(asked), answer: safeText(label) })}`;
  });
  return `${ctx.t('nav.pathTitle')}\n${lines.join('\n')}\n`;
}

/** Parses `--check-input ID=TEXT` (the text may itself contain "="); one question given two texts is `answer_twice`, as two answers are. */
function parseCheckInputs(ctx: Context, flags: readonly string[]): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const arg of flags) {
    const eq = arg.indexOf('=');
    if (eq <= 0) throw new UsageError('invalid_check_input', ctx.t('check.format', { arg: clip(arg) }), { arg: sentValue(arg) });
    const id = arg.slice(0, eq).trim();
    // An invisible character is refused with its place, as in a fact: the check would find no contact in what looks like one.
    const hidden = hiddenCharacter(arg.slice(eq + 1).trim());
    if (hidden) throw new UsageError('invalid_check_input', ctx.t('check.hidden', { question: clip(id), ...hidden }), { question: { id: sentValue(id) }, ...hidden });
    // The texts are not quoted: they are screened for secrets only when the check runs.
    // Compared as used, spaces around it dropped: the same text with a trailing space is the same text (QA: scripts review).
    if (Object.hasOwn(out, id) && out[id]!.trim() !== arg.slice(eq + 1).trim()) throw new UsageError('answer_twice', ctx.t('check.inputTwice', { question: clip(id) }), { question: { id: sentValue(id) } });
    out[id] = arg.slice(eq + 1);
  }
  return out;
}

/**
 * What a contact check found, shown before the outcome, as `verify` says it: the contact as typed, whose official
 * contact it is or which one it imitates, and how (QA: desk).
 */
function checkLine(ctx: Context, role: 'user' | 'agent', r: CheckRecord, owner?: { provider: string; queue: string | null }, spoofable?: 'phone' | 'email'): string {
  const line = contactCheckLine(ctx.t, r, { ...(owner ? { provider: owner.provider } : {}), ...(owner?.queue ? { queue: queueTeam(ctx.t, owner.queue as Queue) } : {}) });
  // An official number or address can still be shown by a scammer (caller ID, sender addresses): said at once, as verify
  // says it, and to an agent as what to tell the caller (QA: Chinese review; the caller's advice was said to the agent).
  return spoofable ? `${line}\n  ${ctx.t(`verify.spoofable.${spoofable}${role === 'agent' ? '.agent' : ''}`)}` : line;
}

/** The words of the key hint under a list, in the user's language. */
function keyHints(t: Translate): KeyHints {
  return { navigate: t('prompt.keys.navigate'), select: t('prompt.keys.select'), choose: (count, fallback) => (fallback === undefined ? t('prompt.line.choose', { count }) : t('prompt.line.chooseDefault', { count, fallback })), retry: (count) => t('prompt.line.retry', { count }) };
}

/** The flow named, or (without a name) the one picked from the problem menu; `current` is where the menu's cursor starts. */
async function chooseFlow(id: string | undefined, ctx: Context, role: Context['role'], interactive: boolean, catalog: FlowCatalog, current?: string): Promise<Flow> {
  const { t, lang } = ctx;
  const { flows } = catalog;
  const ids = [...flows.keys()];
  if (id === undefined) {
    // Each id with its title: the ids are English words, which a reader of Chinese cannot guess from.
    if (!interactive) throw new UsageError('missing_flow', t('error.needFlow', { flows: listOf(t, ids.map((key) => withAside(t, key, safeText(flows.get(key)!.title[lang])))) }), { flows: ids });
    const prompter = await ctx.io.prompter();
    const picked = await prompter.select({
      message: t(role === 'agent' ? 'diagnose.pickFlow.agent' : 'diagnose.pickFlow'),
      choices: flowSummaries(flows).map((f) => ({ value: f.id, name: safeText(f.title[lang]), description: safeText(f.description[lang]) })),
      keys: keyHints(t),
      ...(current === undefined ? {} : { default: current }),
    });
    return flows.get(picked)!;
  }
  return findFlow(flows, id, ctx, catalog.broken);
}
