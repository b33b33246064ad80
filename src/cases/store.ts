/**
 * The case log: one JSON line per finished or cancelled case, appended to a
 * file in the settings folder. Appends are single writes to a file opened for
 * appending, so two processes saving at once never interleave or lose lines;
 * a torn last line (power cut) is skipped on read with a warning and left in
 * place. Each unfinished interactive case is kept in a small file of its own for
 * --resume, so starting another case never loses one.
 */
import { constants, promises as fsp } from 'node:fs';
import { join } from 'node:path';
import { SECRET_KINDS, type SecretKind } from '../safety/kinds.js';
import { configDir } from '../config/config.js';
import { DataFileError, readDataFile } from '../data/read-file.js';
import { makeDir } from '../util/make-dir.js';
import type { CheckRecord } from '../diagnosis/checks.js';
import type { PathStep } from '../engine/engine.js';
import { CASE_FACTS, clipFact, ID_PATTERN, LANGS, OUTCOME_KINDS, QUEUES, type CaseFact, type Lang, type OutcomeKind, type Queue } from '../engine/types.js';
import { UsageError } from '../errors.js';
import { listOf, type Translate } from '../i18n/i18n.js';
import { clip, hiddenCharacter, withoutHidden } from '../util/safe-text.js';

/** One case as saved: what was asked and answered, what came out, and the facts for the ticket (already screened). */
export interface CaseRecord {
  id: string;
  status: 'finished' | 'cancelled';
  flow: string;
  version: number;
  lang: Lang;
  role: 'user' | 'agent';
  startedAt: string;
  endedAt: string;
  /** The user's time zone when the case was recorded. */
  timeZone: string;
  path: PathStep[];
  checks: CheckRecord[];
  outcome: { id: string; kind: OutcomeKind; title: string; queue: Queue | null } | null;
  /**
   * `providerId` is absent from cases saved before it was recorded. `hoursAt`: the instant `openNow` was worked out
   * for, when it was not the time of the case (--now, to plan a callback).
   */
  contact: { provider: string; providerId?: string; queue: Queue; source: string; example: boolean; hoursAt?: string; channels: { type: string; value: string; openNow: boolean; hours?: string; timezone?: string; exception?: { date: string; hours: string; note?: string } }[] } | null;
  facts: Partial<Record<CaseFact, string>>;
  /** The kinds of secret typed at the case's prompts and refused (never the secrets): support treats them as exposed. */
  refused?: SecretKind[];
}

/** An interactive case not finished yet: everything --resume needs to go on as the case began. */
export interface CaseProgress {
  id: string;
  flow: string;
  version: number;
  role: 'user' | 'agent';
  /** Whether the finished case goes to the case log. */
  save: boolean;
  startedAt: string;
  path: PathStep[];
  checks: CheckRecord[];
  facts: Partial<Record<CaseFact, string>>;
  /** The summary format the case was begun with (--summary), for the summary at its end. */
  summary?: 'text' | 'md' | 'json';
  /** The language the case goes on in: the one it began in, or the one --lang named when it was continued. Absent from files of earlier versions. */
  lang?: Lang;
  /** Facts to offer again, ready to correct: gone back over, or among the fact prompts in progress. */
  reask?: CaseFact[];
  /** The fact prompt the case stood at, when it was stopped at one. */
  factAt?: CaseFact;
  /** The check question each fact was last asked for (Back at it goes back over the fact). */
  askedAt?: Partial<Record<CaseFact, string>>;
  /** The kinds of secret typed at the case's prompts and refused so far. */
  refused?: SecretKind[];
  /** Questions gone back to, asked by hand from then on (their checks do not answer them again). */
  byHand?: string[];
  /** The answers each fact typed (or left empty) at a prompt was given after: its branch. Absent: the whole case's. */
  factBranches?: Partial<Record<CaseFact, PathStep[]>>;
  /** Facts typed on a branch gone back out of: not the case's until that branch is taken again. */
  setAside?: { fact: CaseFact; value: string; branch: PathStep[] }[];
  /** The problem was chosen from the menu: Back at the first question (and Start over) return to it, resumed too. */
  fromMenu?: boolean;
}

type Env = Readonly<Record<string, string | undefined>>;

export const casesFile = (env: Env) => join(configDir(env), 'cases.jsonl');
/** Unfinished cases, one file each, named by the case id. */
export const unfinishedCasesDir = (env: Env) => join(configDir(env), 'unfinished-cases');
export const progressFile = (env: Env, id: string) => join(unfinishedCasesDir(env), `${id}.json`);
/** Where the one unfinished case was kept before each had its own file: still read, so an update loses none. */
const legacyProgressFile = (env: Env) => join(configDir(env), 'case-in-progress.json');
/** A case id that can name a file: what wallet-help makes (a UUID), or letters, digits and dashes. */
const FILE_ID = /^[0-9A-Za-z][0-9A-Za-z-]{0,63}$/;
/** Unfinished cases kept; past this, the ones touched longest ago go. */
export const MAX_UNFINISHED = 20;

/** Appends one case as one line, in one write. */
/** Saves a finished or cancelled case at the end of the log; true when the log is now larger than the cases commands read. */
export async function appendCase(env: Env, record: CaseRecord): Promise<boolean> {
  await makeDir(configDir(env));
  const size = await writeRegularFile(casesFile(env), `${JSON.stringify(record)}\n`, constants.O_APPEND);
  return size > MAX_CASE_LOG_BYTES;
}

/** The largest case log read: about 100,000 cases. */
export const MAX_CASE_LOG_BYTES = 256 * 1024 * 1024;
/** The case in progress is a few kilobytes. */
const MAX_PROGRESS_BYTES = 1024 * 1024;

/**
 * Writes (`O_APPEND`) or replaces (`O_TRUNC`) a file of ours, only if it is a regular file: a FIFO
 * or a device put in its place would block the run or swallow the case (ENOTREG). Opened without
 * blocking, so a FIFO with no reader fails at once instead of waiting for one.
 */
async function writeRegularFile(file: string, text: string, mode: number): Promise<number> {
  const handle = await fsp.open(file, constants.O_WRONLY | constants.O_CREAT | constants.O_NONBLOCK | mode, 0o600);
  try {
    const before = await handle.stat();
    if (!before.isFile()) throw new DataFileError('ENOTREG');
    await handle.writeFile(text, 'utf8');
    // The size it has now (appended to, it was that size before).
    return (mode & constants.O_APPEND ? before.size : 0) + Buffer.byteLength(text);
  } finally {
    await handle.close();
  }
}

export interface ReadCases {
  cases: CaseRecord[];
  /** Lines that could not be read: torn or damaged; reported, skipped and left as they are. */
  /** `not-json`: no JSON; `invalid`: JSON, but not a case as wallet-help writes one (a field missing or of another kind). */
  skipped: { line: number; reason: 'torn' | 'not-json' | 'invalid' }[];
  /** The system error when the log exists but cannot be read (it is left alone). */
  unreadable?: string;
}

/**
 * Reads the case log; a missing file is an empty log. A case can have several
 * lines (cancelled, then resumed and finished): the latest line of an id is the
 * case's state, so every reader sees one case per id, in the order of its latest line.
 */
export async function readCases(env: Env): Promise<ReadCases> {
  let text: string;
  try {
    // Through the data-file reader: a FIFO or a device in its place is refused, not read forever.
    text = (await readDataFile(casesFile(env), MAX_CASE_LOG_BYTES)).toString('utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { cases: [], skipped: [] };
    return { cases: [], skipped: [], unreadable: code ?? 'EIO' };
  }
  const lines = text.split('\n');
  const endsClean = text.endsWith('\n');
  const cases = new Map<string, CaseRecord>();
  const skipped: ReadCases['skipped'] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const last = i === lines.length - 1 && !endsClean;
    const found = caseIn(line);
    if (found) {
      cases.delete(found.record.id);
      cases.set(found.record.id, withFactsAsTyped(found.record));
    }
    if (!found || found.glued) skipped.push({ line: i + 1, reason: last || found?.glued ? 'torn' : isJson(line) ? 'invalid' : 'not-json' });
  });
  return { cases: [...cases.values()], skipped };
}

/**
 * The record with its facts as a prompt would have taken them: a hand-edited log may hold a zero-width space, an escape
 * sequence or another hidden character in one (refused when typed), which the screen and every export then showed as
 * a value that looks like another (QA: robustness review). Such characters are left out.
 */
function withFactsAsTyped(record: CaseRecord): CaseRecord {
  const entries = Object.entries(record.facts);
  if (entries.every(([key, value]) => hiddenCharacter(value!, key === 'error') === undefined)) return record;
  return { ...record, facts: Object.fromEntries(entries.map(([key, value]) => [key, withoutHidden(value!, key === 'error')])) };
}

function isJson(line: string): boolean {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
}

/** Where a saved case starts: every record is written with its id first. */
const RECORD_START = '{"id":';

/**
 * The case a log line holds. A case saved after a torn line (a power cut mid-write) was appended to
 * the fragment, on the same line: the case is then the end of the line that reads as a whole record
 * (`glued`: the fragment before it is still reported). Reading it back this way loses nothing and
 * needs no repair of the file, nor a check before every append that two saving processes could race.
 */
function caseIn(line: string): { record: CaseRecord; glued: boolean } | undefined {
  // A record's own text cannot hold RECORD_START (its strings escape their quotes): a line holds one fragment
  // and one record at most. A few tries bound the work on a damaged line made of nothing else.
  for (let at = 0, tries = 0; at !== -1 && tries < 8; at = line.indexOf(RECORD_START, at + 1), tries++) {
    try {
      const value = JSON.parse(at === 0 ? line : line.slice(at)) as unknown;
      if (isCaseRecord(value)) return { record: value, glued: at > 0 };
    } catch {
      // Not a whole record from here: the next place a record could start.
    }
  }
  return undefined;
}

/**
 * A line is a case only when every field the commands read has its type and its values are of their kinds (ids,
 * times, known roles, languages, teams): the log is input like any other, and a line edited by hand or copied from
 * elsewhere is skipped with a warning rather than shown half (QA: a role of "admin" or a question "__proto__" made
 * `cases` fail on a value it could not read).
 */
function isCaseRecord(v: unknown): v is CaseRecord {
  if (!isRecord(v)) return false;
  const r = v;
  const outcomeOk = r.outcome === null || (isRecord(r.outcome) && isId(r.outcome.id) && oneOf(r.outcome.kind, OUTCOME_KINDS) && isText(r.outcome.title) && (r.outcome.queue === null || oneOf(r.outcome.queue, QUEUES)));
  const pathOk = Array.isArray(r.path) && r.path.every((p) => isRecord(p) && isId(p.question) && isId(p.answer));
  const factsOk = isRecord(r.facts) && Object.entries(r.facts).every(([key, value]) => oneOf(key, CASE_FACTS) && isText(value));
  const refusedOk = r.refused === undefined || (Array.isArray(r.refused) && r.refused.every((k) => oneOf(k, SECRET_KINDS)));
  return (
    isId(r.id) &&
    isId(r.flow) &&
    oneOf(r.lang, LANGS) &&
    oneOf(r.role, ['user', 'agent'] as const) &&
    isTime(r.startedAt) &&
    isTime(r.endedAt) &&
    isText(r.timeZone) &&
    (r.status === 'finished' || r.status === 'cancelled') &&
    typeof r.version === 'number' &&
    pathOk &&
    Array.isArray(r.checks) &&
    r.checks.every(isCheckRecord) &&
    outcomeOk &&
    (r.contact === null || isContactRecord(r.contact)) &&
    factsOk &&
    refusedOk
  );
}

function isContactRecord(v: unknown): boolean {
  if (!isRecord(v)) return false;
  const channelOk = (ch: unknown) =>
    isRecord(ch) && isText(ch.type) && isText(ch.value) && typeof ch.openNow === 'boolean' && (ch.nextOpen === undefined || isTime(ch.nextOpen)) && (ch.hours === undefined || isText(ch.hours)) && (ch.timezone === undefined || isText(ch.timezone)) &&
    (ch.exception === undefined || (isRecord(ch.exception) && isText(ch.exception.date) && isText(ch.exception.hours) && (ch.exception.note === undefined || isText(ch.exception.note))));
  return (
    isText(v.provider) &&
    (v.providerId === undefined || isId(v.providerId)) &&
    oneOf(v.queue, QUEUES) &&
    isText(v.source) &&
    typeof v.example === 'boolean' &&
    (v.hoursAt === undefined || isTime(v.hoursAt)) &&
    Array.isArray(v.channels) &&
    v.channels.every(channelOk)
  );
}

function isCheckRecord(v: unknown): v is CheckRecord {
  if (!isRecord(v)) return false;
  return isId(v.question) && isId(v.check) && isId(v.result) && (v.input === null || isText(v.input)) && (v.typed === undefined || isText(v.typed)) && [v.imitates, v.detail].every((x) => x === undefined || isText(x)) && (v.chain === undefined || isId(v.chain)) && (v.timings === undefined || Array.isArray(v.timings)) && Array.isArray(v.reasons) && v.reasons.every(isText);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
const isText = (v: unknown): v is string => typeof v === 'string';
const isId = (v: unknown): v is string => typeof v === 'string' && ID_PATTERN.test(v);
const oneOf = <T extends string>(v: unknown, values: readonly T[]): v is T => typeof v === 'string' && (values as readonly string[]).includes(v);
/** A time as the log writes it (ISO 8601), one a date can be made of. */
const isTime = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));

/** Files written aside by this process so far, for a name no other write uses. */
let writesAside = 0;

/**
 * Saves an unfinished case (written aside, then renamed, so a crash leaves the old or the new one), in its own
 * file: another case begun meanwhile has one of its own. Past MAX_UNFINISHED, the cases touched longest ago go.
 */
export async function saveProgress(env: Env, progress: CaseProgress): Promise<void> {
  if (!FILE_ID.test(progress.id)) throw new Error(`case id unfit for a file name: ${progress.id}`);
  await makeDir(unfinishedCasesDir(env));
  await removeLeftovers(env);
  const file = progressFile(env, progress.id);
  const created = await fsp.access(file).then(
    () => false,
    () => true,
  );
  // A file aside of this write's own: two runs going on with one case (resumed in two terminals) would otherwise
  // write into one file aside, and one rename the other's half-written text into place, or find it gone.
  const aside = `${file}.${process.pid}-${++writesAside}.tmp`;
  try {
    await writeRegularFile(aside, JSON.stringify(progress), constants.O_TRUNC);
    await fsp.rename(aside, file);
  } catch (err) {
    // A disk that filled up mid-write leaves no half file behind.
    await fsp.rm(aside, { force: true }).catch(() => undefined);
    throw err;
  }
  // The case of the old single file now lives with the others.
  const moved = await removeLegacyProgress(env, progress.id);
  // Only a case new to the folder makes room: a case going on (or moving in) keeps every other.
  if (!created || moved) return;
  const kept = (await progressFiles(env)).filter((c) => !c.legacy);
  for (const { file: old } of kept.slice(MAX_UNFINISHED)) await fsp.rm(old, { force: true });
}

/** A file written aside by saveProgress: `<id>.json.<pid>-<n>.tmp`. */
const ASIDE = /^.+\.json\.(\d+)-\d+\.tmp$/;

/** How old a file aside must be to be a leftover whatever its process: a write takes milliseconds. */
const LEFTOVER_AGE_MS = 60_000;

/**
 * Removes the files aside that a run stopped mid-write left (kill -9, a power cut), which nothing else would ever
 * remove: those whose process is gone, or older than a minute. One being written now (this run's or another's) is kept.
 */
async function removeLeftovers(env: Env): Promise<void> {
  const folder = unfinishedCasesDir(env);
  let names: string[];
  try {
    names = await fsp.readdir(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = ASIDE.exec(name)?.[1];
    if (pid === undefined) continue;
    const file = join(folder, name);
    try {
      const stat = await fsp.lstat(file);
      if (!stat.isFile()) continue;
      const old = Date.now() - stat.mtimeMs > LEFTOVER_AGE_MS;
      if (old || (Number(pid) !== process.pid && !processAlive(Number(pid)))) await fsp.rm(file, { force: true });
    } catch {
      // Renamed into place or removed by its own run meanwhile, or cannot be removed: left for a later run.
    }
  }
}

/** Whether a process of this id runs (on this machine); one of another user's counts as running. */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** Why a file among the unfinished cases is none: the system's error, or `ENOTJSON` (damaged, cut off) or `ENOTCASE` (not a case as wallet-help writes one). */
export type DamagedProgress = { file: string; reason: string };

/**
 * The unfinished cases, the one touched last first. Each file is input like any other: a damaged one, or one
 * whose name is not its case's id, is no case; each is told to `damaged`, and left as it is.
 */
export async function loadProgress(env: Env, damaged: (found: DamagedProgress) => void = () => undefined): Promise<CaseProgress[]> {
  await removeLeftovers(env);
  const cases: CaseProgress[] = [];
  for (const { file, legacy } of await progressFiles(env, damaged)) {
    let text: string;
    try {
      text = (await readDataFile(file, MAX_PROGRESS_BYTES)).toString('utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // Gone since the folder was listed: finished, or made room for another, by a run meanwhile.
      if (code !== 'ENOENT') damaged({ file, reason: code ?? 'EIO' });
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      damaged({ file, reason: 'ENOTJSON' });
      continue;
    }
    const progress = asProgress(value);
    if (!progress || (!legacy && file !== progressFile(env, progress.id))) {
      damaged({ file, reason: 'ENOTCASE' });
      continue;
    }
    // A case with nothing answered yet is nothing to continue (written so by earlier versions).
    if (progress.path.length > 0 || Object.keys(progress.facts).length > 0) cases.push(progress);
  }
  return cases;
}

/** The files that may hold an unfinished case (the old single file too), the one written last first. */
async function progressFiles(env: Env, damaged: (found: DamagedProgress) => void = () => undefined): Promise<{ file: string; legacy: boolean; mtime: number }[]> {
  let names: string[] = [];
  try {
    names = (await fsp.readdir(unfinishedCasesDir(env))).filter((name) => name.endsWith('.json'));
  } catch (err) {
    // No folder yet: no case, unless the old single file holds one. A folder that cannot be read is said, with why:
    // "no unfinished case" hid the cases it holds (QA: robustness review).
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') damaged({ file: unfinishedCasesDir(env), reason: code ?? 'EIO' });
  }
  const candidates = [...names.map((name) => ({ file: join(unfinishedCasesDir(env), name), legacy: false })), { file: legacyProgressFile(env), legacy: true }];
  const found: { file: string; legacy: boolean; mtime: number }[] = [];
  for (const c of candidates) {
    try {
      const stat = await fsp.lstat(c.file);
      if (stat.isFile()) found.push({ ...c, mtime: stat.mtimeMs });
    } catch {
      // Gone meanwhile, or never there.
    }
  }
  return found.sort((a, b) => b.mtime - a.mtime);
}

/** A path of answers as a progress file holds it (the file is input like any other): steps of two texts, or nothing. */
function asPath(value: unknown): PathStep[] | undefined {
  const str = (x: unknown): x is string => typeof x === 'string';
  if (!Array.isArray(value) || !value.every((s) => typeof s === 'object' && s !== null && str((s as Record<string, unknown>).question) && str((s as Record<string, unknown>).answer))) return undefined;
  return (value as PathStep[]).map((s) => ({ question: s.question, answer: s.answer }));
}

/** Where the typed facts of a progress file belong, and those set aside: only known facts, texts and paths; at most 100 set aside. */
function factBranchesOf(p: Record<string, unknown>): Pick<CaseProgress, 'factBranches' | 'setAside'> {
  const branches = typeof p.factBranches === 'object' && p.factBranches !== null && !Array.isArray(p.factBranches) ? (p.factBranches as Record<string, unknown>) : undefined;
  const factBranches = branches ? Object.fromEntries(CASE_FACTS.flatMap((k) => (Object.hasOwn(branches, k) && asPath(branches[k]) ? [[k, asPath(branches[k])!]] : []))) : undefined;
  const setAside = Array.isArray(p.setAside)
    ? p.setAside.flatMap((a: unknown) => {
        if (typeof a !== 'object' || a === null) return [];
        const { fact, value, branch } = a as Record<string, unknown>;
        const path = asPath(branch);
        return isCaseFact(fact) && typeof value === 'string' && hiddenCharacter(value, fact === 'error') === undefined && path ? [{ fact, value: clipFact(value), branch: path }] : [];
      }).slice(-100)
    : undefined;
  return { ...(factBranches ? { factBranches } : {}), ...(setAside ? { setAside } : {}) };
}

function asProgress(value: unknown): CaseProgress | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const p = value as Record<string, unknown>;
  const str = (x: unknown): x is string => typeof x === 'string';
  const pathOk = asPath(p.path) !== undefined;
  // startedAt goes into the case log and its statistics: a time, or no case.
  if (!str(p.id) || !FILE_ID.test(p.id) || !str(p.flow) || !str(p.startedAt) || Number.isNaN(Date.parse(p.startedAt)) || !pathOk) return undefined;
  const facts = typeof p.facts === 'object' && p.facts !== null ? (p.facts as Record<string, unknown>) : {};
  return {
    id: p.id,
    flow: p.flow,
    version: typeof p.version === 'number' ? p.version : 0,
    role: p.role === 'agent' ? 'agent' : 'user',
    save: p.save === true,
    startedAt: p.startedAt,
    path: (p.path as PathStep[]).map((s) => ({ question: s.question, answer: s.answer })),
    checks: Array.isArray(p.checks) ? p.checks.filter(isCheckRecord) : [],
    // Only known facts, as text a prompt would have taken: a hand-edited file adds nothing else. A fact holding an escape
    // sequence or another hidden character (refused when typed) went into the case log and on to a terminal (QA:
    // robustness review): it is left out, and asked for again.
    facts: Object.fromEntries(CASE_FACTS.flatMap((k) => (Object.hasOwn(facts, k) && str(facts[k]) && hiddenCharacter(facts[k], k === 'error') === undefined ? [[k, clipFact(facts[k])]] : []))),
    ...(p.summary === 'text' || p.summary === 'md' || p.summary === 'json' ? { summary: p.summary } : {}),
    ...(p.lang === 'en' || p.lang === 'zh' ? { lang: p.lang } : {}),
    ...(Array.isArray(p.reask) ? { reask: CASE_FACTS.filter((k) => (p.reask as unknown[]).includes(k)) } : {}),
    ...(isCaseFact(p.factAt) ? { factAt: p.factAt } : {}),
    ...(typeof p.askedAt === 'object' && p.askedAt !== null ? { askedAt: Object.fromEntries(Object.entries(p.askedAt).filter(([k, q]) => isCaseFact(k) && str(q))) } : {}),
    ...(Array.isArray(p.refused) ? { refused: SECRET_KINDS.filter((k) => (p.refused as unknown[]).includes(k)) } : {}),
    // Question ids, as the path holds them; at most as many as a flow may have questions.
    ...(p.fromMenu === true ? { fromMenu: true } : {}),
    ...(Array.isArray(p.byHand) ? { byHand: p.byHand.filter((q): q is string => str(q) && q.length <= 200).slice(0, 1000) } : {}),
    ...factBranchesOf(p),
  };
}

function isCaseFact(v: unknown): v is CaseFact {
  return (CASE_FACTS as readonly unknown[]).includes(v);
}

/** Forgets an unfinished case once it is finished: nothing is left of it to continue. */
export async function clearProgress(env: Env, id: string): Promise<void> {
  if (FILE_ID.test(id)) await fsp.rm(progressFile(env, id), { force: true });
  await removeLegacyProgress(env, id);
}

/** Removes the old single file when it holds the case `id`; whether it did. */
async function removeLegacyProgress(env: Env, id: string): Promise<boolean> {
  try {
    const value: unknown = JSON.parse((await readDataFile(legacyProgressFile(env), MAX_PROGRESS_BYTES)).toString('utf8'));
    if (asProgress(value)?.id !== id) return false;
    await fsp.rm(legacyProgressFile(env), { force: true });
    return true;
  } catch {
    // Not there (the usual case), or not a case: nothing of this case to remove.
    return false;
  }
}

/** Candidates an ambiguous case id names in its message, at most. */
const MAX_CANDIDATES_SHOWN = 10;

/**
 * The case `typed` names among `cases` (the case log's, or the unfinished ones): a full id names its case, otherwise its
 * first characters must name exactly one (in any letter case, spaces around it dropped: an id copied from a ticket).
 * Undefined when none does; several are `ambiguous_case`, with each id as cases list shows it, or whole where that does
 * not tell it from the others, so the next command can be typed from the message (QA: desk).
 */
export function caseById<T extends { id: string }>(cases: readonly T[], typed: string, t: Translate): T | undefined {
  const id = typed.trim().toLowerCase();
  const exact = cases.filter((c) => c.id === id);
  const matches = exact.length > 0 ? exact : cases.filter((c) => c.id.startsWith(id));
  if (matches.length <= 1) return matches[0];
  const ids = matches.map((c) => c.id);
  const told = ids.slice(0, MAX_CANDIDATES_SHOWN).map((one) => distinctStart(one, ids));
  const shown = ids.length > MAX_CANDIDATES_SHOWN ? t('cases.andMore', { ids: listOf(t, told), count: ids.length - MAX_CANDIDATES_SHOWN }) : listOf(t, told);
  throw new UsageError('ambiguous_case', t('cases.ambiguous', { id: clip(typed), ids: shown }), { candidates: ids });
}

/** An id as cases list shows it (its first 8 characters) when that start names it alone among `ids`; else the whole id. */
function distinctStart(id: string, ids: readonly string[]): string {
  const start = id.slice(0, 8);
  return ids.every((other) => other === id || !other.startsWith(start)) ? start : id;
}
