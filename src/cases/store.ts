/**
 * The case log: one JSON line per finished or cancelled case, appended to a
 * file in the settings folder. Appends are single writes to a file opened for
 * appending, so two processes saving at once never interleave or lose lines;
 * a torn last line (power cut) is skipped on read with a warning and left in
 * place. The case in progress is kept in its own small file for --resume.
 */
import { constants, promises as fsp } from 'node:fs';
import { join } from 'node:path';
import { configDir } from '../config/config.js';
import { DataFileError, readDataFile } from '../data/read-file.js';
import { makeDir } from '../util/make-dir.js';
import type { CheckRecord } from '../diagnosis/checks.js';
import type { PathStep } from '../engine/engine.js';
import { CASE_FACTS, type CaseFact, type Lang, type OutcomeKind, type Queue } from '../engine/types.js';

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
  contact: { provider: string; providerId?: string; queue: Queue; source: string; example: boolean; hoursAt?: string; channels: { type: string; value: string; openNow: boolean }[] } | null;
  facts: Partial<Record<CaseFact, string>>;
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
}

type Env = Readonly<Record<string, string | undefined>>;

export const casesFile = (env: Env) => join(configDir(env), 'cases.jsonl');
const progressFile = (env: Env) => join(configDir(env), 'case-in-progress.json');

/** Appends one case as one line, in one write. */
export async function appendCase(env: Env, record: CaseRecord): Promise<void> {
  await makeDir(configDir(env));
  await writeRegularFile(casesFile(env), `${JSON.stringify(record)}\n`, constants.O_APPEND);
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
async function writeRegularFile(file: string, text: string, mode: number): Promise<void> {
  const handle = await fsp.open(file, constants.O_WRONLY | constants.O_CREAT | constants.O_NONBLOCK | mode, 0o600);
  try {
    if (!(await handle.stat()).isFile()) throw new DataFileError('ENOTREG');
    await handle.writeFile(text, 'utf8');
  } finally {
    await handle.close();
  }
}

export interface ReadCases {
  cases: CaseRecord[];
  /** Lines that could not be read: torn or damaged; reported, skipped and left as they are. */
  skipped: { line: number; reason: 'torn' | 'invalid' }[];
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
      cases.set(found.record.id, found.record);
    }
    if (!found || found.glued) skipped.push({ line: i + 1, reason: last || found?.glued ? 'torn' : 'invalid' });
  });
  return { cases: [...cases.values()], skipped };
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

/** A line is a case only when every field the commands read has its type: the log is input like any other. */
function isCaseRecord(v: unknown): v is CaseRecord {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const r = v as Record<string, unknown>;
  const str = (x: unknown) => typeof x === 'string';
  const outcomeOk = r.outcome === null || (typeof r.outcome === 'object' && r.outcome !== null && str((r.outcome as Record<string, unknown>).id) && str((r.outcome as Record<string, unknown>).kind));
  const contactOk = r.contact === null || (typeof r.contact === 'object' && r.contact !== null && Array.isArray((r.contact as Record<string, unknown>).channels));
  const pathOk = Array.isArray(r.path) && r.path.every((p) => typeof p === 'object' && p !== null && str((p as Record<string, unknown>).question) && str((p as Record<string, unknown>).answer));
  const factsOk = typeof r.facts === 'object' && r.facts !== null && !Array.isArray(r.facts) && Object.values(r.facts).every(str);
  return (
    [r.id, r.flow, r.lang, r.role, r.startedAt, r.endedAt, r.timeZone].every(str) &&
    (r.status === 'finished' || r.status === 'cancelled') &&
    typeof r.version === 'number' &&
    pathOk &&
    Array.isArray(r.checks) &&
    outcomeOk &&
    contactOk &&
    factsOk
  );
}

function isCheckRecord(v: unknown): v is CheckRecord {
  if (typeof v !== 'object' || v === null) return false;
  const c = v as Record<string, unknown>;
  return [c.question, c.check, c.result].every((x) => typeof x === 'string') && (c.input === null || typeof c.input === 'string') && Array.isArray(c.reasons) && c.reasons.every((r) => typeof r === 'string');
}

/** Saves the case in progress (written aside, then renamed, so a crash leaves the old or the new one). */
export async function saveProgress(env: Env, progress: CaseProgress): Promise<void> {
  await makeDir(configDir(env));
  const file = progressFile(env);
  await writeRegularFile(`${file}.tmp`, JSON.stringify(progress), constants.O_TRUNC);
  await fsp.rename(`${file}.tmp`, file);
}

/** The case in progress, if one was left unfinished (the file is input like any other: a damaged one is no case). */
export async function loadProgress(env: Env): Promise<CaseProgress | undefined> {
  let value: unknown;
  try {
    value = JSON.parse((await readDataFile(progressFile(env), MAX_PROGRESS_BYTES)).toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const p = value as Record<string, unknown>;
  const str = (x: unknown): x is string => typeof x === 'string';
  const pathOk = Array.isArray(p.path) && p.path.every((s) => typeof s === 'object' && s !== null && str((s as Record<string, unknown>).question) && str((s as Record<string, unknown>).answer));
  if (!str(p.id) || !str(p.flow) || !str(p.startedAt) || !pathOk) return undefined;
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
    // Only known facts, as text: a hand-edited file adds nothing else.
    facts: Object.fromEntries(CASE_FACTS.flatMap((k) => (Object.hasOwn(facts, k) && str(facts[k]) ? [[k, facts[k].slice(0, 500)]] : []))),
    ...(p.summary === 'text' || p.summary === 'md' || p.summary === 'json' ? { summary: p.summary } : {}),
  };
}

export async function clearProgress(env: Env): Promise<void> {
  await fsp.rm(progressFile(env), { force: true });
}
