/**
 * One diagnosis from a flow id and answers to the result document, shared by
 * the interactive command, batch mode and the library, so all three give the
 * same results and the same errors. No I/O: the directory is loaded before.
 */
import { dirname } from 'node:path';
import type { Problem } from '../data/located-yaml.js';
import { checkAnswers, resolve, type Next } from '../engine/engine.js';
import { toResult, type DiagnosisResult } from '../engine/result.js';
import { CHECKS, LANGS, type Flow, type Lang, type Localized, type Outcome, type Question } from '../engine/types.js';
import { flowSummaries } from '../flows/catalog.js';
import type { ContactBook } from './contact-book.js';
import { UsageError } from '../errors.js';
import { listOf, orList, sentences, withAside, type Translate } from '../i18n/i18n.js';
import { closest, suggestionHint } from '../util/suggest.js';
import { clip, formatProblem, safeText, sentValue, shownPath } from '../util/safe-text.js';

export interface DiagnosisEnv {
  lang: Lang;
  t: Translate;
  /** The instant service hours are evaluated at. */
  now: Date;
  /** How the answers came: command-line flags (the default), or a request's `answers` (a batch line, the library); a missing one is asked for that way. */
  answersIn?: 'flags' | 'request';
}

/** The result with the contact filled in, and warnings when the directory lacks the queue: what the library's diagnose returns. */
export type FullResult = DiagnosisResult & { warnings?: string[] };

/**
 * The document `diagnose --json` and a `--batch` line print: the result, and, when the contacts could not be loaded at
 * all (exit 3), the error that stopped them, as an error document gives it (`code`, `message`, details). The library
 * throws that error instead, so its result type has no such field.
 */
export type DiagnoseDocument = FullResult & { contactsError?: ContactsError };

/** Why the contacts of a run could not be loaded: what the error would have been (`unknown_provider`, `directory_invalid`, …). */
export interface ContactsError {
  code: string;
  message: string;
  [detail: string]: unknown;
}

/** The error, as `contactsError` gives it: a script tells its own mistake (a provider id) from a broken file by its code. */
export function contactsErrorOf(err: { code: string; message: string; details: Record<string, unknown> }): ContactsError {
  return { code: err.code, message: err.message, ...err.details };
}

/** Operator flow files that could not be loaded, by the flow id their name gives. */
export type BrokenFlows = ReadonlyMap<string, { file: string; problems: readonly Problem[] }>;

/**
 * The flow with this id; else a usage error: that its file is broken (with its
 * first problem) when one is, or that there is no such flow, naming the closest ids.
 */
export function findFlow(flows: ReadonlyMap<string, Flow>, id: string, env: Pick<DiagnosisEnv, 't' | 'lang'>, broken?: BrokenFlows): Flow {
  // A broken operator file wins over a bundled flow of the same id: it was meant to replace it, and
  // answering with the bundled one instead would pass off its outcome as the operator's.
  const bad = broken?.get(id);
  const flow = flows.get(id);
  if (flow && !bad) return flow;
  if (bad) {
    const [first] = bad.problems;
    // The problem ends its own sentence: with its "?" when it asks (did you mean …?), else with a full stop.
    const text = first ? formatProblem(first) : '';
    const problem = text === '' || /[.?!。？！]$/u.test(text) ? text : `${text}${env.lang === 'zh' ? '。' : '.'}`;
    throw new UsageError('broken_flow', env.t('error.brokenFlow', { flow: clip(id), file: shownPath(bad.file), problem, dir: shownPath(dirname(bad.file)) }), {
      flow: id,
      file: bad.file,
      problems: bad.problems,
    });
  }
  // Each id with its title: a user who typed the problem in words, in either language, finds the id for it. The
  // summaries hold every language's title (a run's compiled flows hold its own only) and read no flow file.
  throw unknownFlow(id, [...flows.keys()], env, new Map(flowSummaries(flows).map((s) => [s.id, s.title])));
}

/** The error for an unknown flow id: suggestions when some are close, else the list. */
export function unknownFlow(id: string, ids: string[], env: Pick<DiagnosisEnv, 't' | 'lang'>, titles?: ReadonlyMap<string, Partial<Localized>>): UsageError {
  const { t } = env;
  // Close in spelling; else, for a problem typed in words ("支付失败"), the flows whose title in some language holds its characters in order.
  const spelled = closest(id, ids);
  const worded = spelled.length > 0 || !titles ? spelled : ids.filter((key) => Object.values(titles.get(key) ?? {}).some((title) => typeof title === 'string' && inOrder(id, title))).slice(0, 3);
  // Said in other Chinese words ("付款失败" for 支付或转账失败): the flows whose title shares the most of its characters.
  const suggestions = worded.length > 0 || !titles ? worded : sharingMost(id, ids, titles);
  const shown = (key: string) => titles?.get(key)?.[env.lang] ?? titles?.get(key)?.en;
  const named = (key: string) => (shown(key) !== undefined ? withAside(t, key, safeText(shown(key)!)) : key);
  // A flow file's path where its id belongs: the folder goes with --flows, and the id names the flow (QA: author).
  // The folder quoted when it has a space, as a shell needs it.
  const folder = /[\\/]/.test(id) ? id.replace(/[\\/][^\\/]*$/, '') || '/' : '.';
  const file = /\.(?:ya?ml|json)$/i.test(id) ? t('error.unknownFlow.path', { dir: clip(/\s/.test(folder) ? `"${folder}"` : folder), id: clip(id.replace(/^.*[\\/]/, '').replace(/\.(?:ya?ml|json)$/i, '')) }) : undefined;
  const hint = file ?? (suggestions.length > 0 ? t('error.unknownFlow.suggest', { suggestions: orList(t, suggestions.map(named)) }) : t('error.unknownFlow.list', { flows: listOf(t, ids.map(named)) }));
  return new UsageError('unknown_flow', sentences(t, t('error.unknownFlow', { flow: clip(id) }), hint), { flow: sentValue(id), suggestions });
}

/**
 * The flows (at most three) whose title, in some language, holds the most of the Chinese characters typed: at least two,
 * and at least half of them. A problem said in other words shares most of its characters with the title it means
 * ("付款失败" three of four with 支付或转账失败, two with 登录失败).
 */
function sharingMost(typed: string, ids: readonly string[], titles: ReadonlyMap<string, Partial<Localized>>): string[] {
  const chars = [...new Set(typed.match(/[\u3400-\u4dbf\u4e00-\u9fff]/g) ?? [])];
  if (chars.length < 2) return [];
  const scores = ids.map((key) => {
    const texts = Object.values(titles.get(key) ?? {}).filter((title): title is string => typeof title === 'string');
    return { key, score: Math.max(0, ...texts.map((title) => chars.filter((c) => title.includes(c)).length)) };
  });
  const best = Math.max(...scores.map((s) => s.score));
  if (best < 2 || best * 2 < chars.length) return [];
  return scores.filter((s) => s.score === best).map((s) => s.key).slice(0, 3);
}

/** Whether every character of `typed` (two or more, spaces aside) appears in `title` in the same order. */
function inOrder(typed: string, title: string): boolean {
  const chars = [...typed.replace(/\s+/g, '').toLowerCase()];
  if (chars.length < 2) return false;
  let at = 0;
  const text = title.toLowerCase();
  for (const c of chars) {
    at = text.indexOf(c, at);
    if (at === -1) return false;
    at += c.length;
  }
  return true;
}

/** Refuses answers to questions the flow does not have, and values it does not offer. */
export function rejectBadAnswers(env: DiagnosisEnv, flow: Flow, given: Readonly<Record<string, string>>): void {
  const { t, lang } = env;
  const [problem] = checkAnswers(flow, given, true);
  if (!problem) return;
  if (problem.type === 'invalid-shared-value') {
    const suggestions = closest(problem.value, problem.values, 3, false);
    throw new UsageError(
      'invalid_value',
      sentences(t, t('error.invalidSharedValue', { value: clip(problem.value), question: problem.question, values: listOf(t, [...problem.values]) }), suggestionHint(t, suggestions)),
      { question: { id: problem.question }, value: sentValue(problem.value), values: [...problem.values], suggestions },
    );
  }
  if (problem.type === 'unknown-question') {
    const questions = Object.keys(flow.questions);
    const suggestions = closest(problem.question, questions);
    const suggest = suggestions.length > 0 ? [t('error.unknownFlow.suggest', { suggestions: orList(t, suggestions) })] : [];
    const message =
      questions.length === 0
        ? t('error.unknownQuestion.none', { flow: flow.id, question: clip(problem.question) })
        : sentences(t, t('error.unknownQuestion', { flow: flow.id, question: clip(problem.question) }), ...suggest, t('error.unknownQuestion.list', { questions: listOf(t, questions) }));
    throw new UsageError('unknown_question', message, { question: { id: sentValue(problem.question) }, questions, suggestions });
  }
  const values = problem.question.answers.map((a) => a.value);
  // What was meant: an answer's label typed as the value ("No, it is not enough", "不够"), in any language the flow
  // holds (a run's compiled flows hold its own only), else a value close in spelling.
  const typed = problem.value.trim().toLowerCase();
  const meant = (label: string | undefined) => typeof label === 'string' && (label.trim().toLowerCase() === typed || (typed.length >= 2 && label.includes(typed) && typed.length * 3 >= label.length));
  const byLabel = problem.question.answers.filter((a) => LANGS.some((l) => meant(a.label[l]))).map((a) => a.value);
  const suggestions = byLabel.length > 0 ? byLabel : typed === '' ? [] : closest(problem.value, values);
  throw new UsageError(
    'invalid_value',
    sentences(t, t('error.invalidValue', { value: clip(problem.value), question: problem.question.id, text: safeText(problem.question.text[lang]), values: labelledValues(t, problem.question, lang) }), suggestionHint(t, suggestions)),
    { question: questionRef(problem.question, lang), value: sentValue(problem.value), values, suggestions },
  );
}

/** A question's values, each with its label in the reader's language: the values are ids, which a reader of Chinese cannot guess from. */
function labelledValues(t: Translate, q: Question, lang: Lang): string {
  return listOf(t, q.answers.map((a) => withAside(t, a.value, safeText(a.label[lang]))));
}

/** A question as every JSON error names it: an object with its id, and its text and values; and the check that answers it, if one does. */
export function questionRef(q: Question, lang: Lang): { id: string; text: string; values: string[]; check?: string } {
  return { id: q.id, text: q.text[lang], values: q.answers.map((a) => a.value), ...(q.check ? { check: q.check } : {}) };
}

/** The error for a question that has no answer when no prompt is possible. */
export function missingAnswer(env: DiagnosisEnv, q: Question): UsageError {
  const { t, lang } = env;
  const question = questionRef(q, lang);
  return new UsageError(
    'missing_answer',
    `${t('error.missingAnswer', { question: q.id, text: safeText(q.text[lang]) })}\n${t(missingAnswerHint(env.answersIn === 'request', q), { question: q.id, values: labelledValues(t, q, lang) })}`,
    { question },
  );
}

/**
 * How to answer a question a script left unanswered: a question whose check reads a contact is answered by the check
 * (--check-input, or verify before a request), not by the script declaring the verdict (QA: script; the hint said only
 * to answer "official").
 */
function missingAnswerHint(inRequest: boolean, q: Question): 'error.missingAnswer.hint' | 'error.missingAnswer.hintRequest' | 'error.missingAnswer.hintCheck' | 'error.missingAnswer.hintRequestCheck' {
  const typed = q.check !== undefined && CHECKS[q.check].input;
  return inRequest ? (typed ? 'error.missingAnswer.hintRequestCheck' : 'error.missingAnswer.hintRequest') : typed ? 'error.missingAnswer.hintCheck' : 'error.missingAnswer.hint';
}

/** What an agent reads and tells the caller instead of the title and the steps (`role`, `agentTitle`, `agentSteps`), for an agent's case. */
export function agentWording(role: 'user' | 'agent', outcome: Outcome, lang: Lang): { role?: 'agent'; agentTitle?: string; agentSteps?: string[] } {
  // A flow without agent wording still runs for an agent, who is then shown the user's title and steps (as on screen).
  return role === 'agent' ? { role: 'agent', agentTitle: (outcome.agentTitle ?? outcome.title)[lang], agentSteps: (outcome.agent ?? outcome.steps).map((s) => s[lang]) } : {};
}

/**
 * The result document for an outcome, with the contact card of its queue (escalations, alerts and fixes
 * that name one) and the safety notice, which an outcome with a queue carries even when the contacts
 * could not be loaded: then it points to the official app and the website the user already knows.
 */
export function finish(env: DiagnosisEnv, flow: Flow, outcome: Outcome, session: Next['session'], contacts: ContactBook | undefined, given?: Readonly<Record<string, string>>): FullResult {
  const result: FullResult = toResult(flow, outcome, session, env.lang, given);
  if (outcome.queue && contacts) {
    result.outcome.contact = contacts.card(outcome.queue, outcome.kind === 'alert');
    result.outcome.notice = result.outcome.contact ? contacts.notice : contacts.noticeWithoutCard;
    if (!result.outcome.contact) result.warnings = [contacts.missing(outcome.queue)];
  } else if (outcome.queue) result.outcome.notice = env.t('safety.notice.noContacts');
  return result;
}

/**
 * A complete non-interactive diagnosis: checks the answers, walks the flow and
 * builds the result. Throws a UsageError for an unknown or broken flow, an
 * unknown question or value, or a missing answer.
 */
export function diagnoseWith(env: DiagnosisEnv, flows: ReadonlyMap<string, Flow>, flowId: string, answers: Readonly<Record<string, string>>, contacts: ContactBook | undefined, broken?: BrokenFlows): FullResult {
  const flow = findFlow(flows, flowId, env, broken);
  rejectBadAnswers(env, flow, answers);
  const next = resolve(flow, answers);
  if (next.type === 'question') throw missingAnswer(env, next.question);
  return finish(env, flow, next.outcome, next.session, contacts, answers);
}
