// Service hours of support channels: parsing of the hours notation used in the
// directory file and the open/closed state of a channel at a given instant.
//
// Pure module: no I/O and no clock. Every instant is passed in by the caller.

import type { Localized } from '../engine/types.js';
import { IANAZone } from 'luxon';
import { problemTranslator, ref, type ProblemKey, type ProblemParams, type ProblemRef } from '../i18n/problems.js';

/** Minutes from local midnight; `end` may exceed 1440 for a range that runs past midnight. */
export interface TimeRange {
  start: number;
  end: number;
}

/** `days[0]` is Monday … `days[6]` is Sunday. */
export type WeeklyHours = { kind: 'always' } | { kind: 'weekly'; days: TimeRange[][] };

export interface DateException {
  /** YYYY-MM-DD, a date local to the schedule's zone. */
  date: string;
  /** Replaces the weekly ranges of that date; `[]` means closed all day. */
  ranges: TimeRange[];
  /** Why the day differs (a holiday's name), as the directory says it: in each language, or one text for all. */
  note?: Localized;
}

export interface Schedule {
  /** IANA time zone name, e.g. "Europe/Berlin". */
  timezone: string;
  weekly: WeeklyHours;
  exceptions: DateException[];
}

/** A message key of the hours notation's problems. */
export type HoursProblemKey = Extract<ProblemKey, `hours.${string}`>;

export interface ParseError {
  /** The explanation in English; `key` and `params` word it in any language (problemTranslator). */
  message: string;
  /** 0-based character offset into the parsed text. */
  offset: number;
  key: HoursProblemKey;
  params: ProblemParams;
}

export interface ChannelState {
  openNow: boolean;
  nextOpen: Date | null;
  nextClose: Date | null;
}

type ParseResult<T> = { ok: true; value: T } | { ok: false; error: ParseError };

const MINUTES_PER_DAY = 1440;
const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
const DAY_TOKENS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;

// ---------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------

/** Internal control flow only: converted into a returned ParseError at the API boundary. */
class HoursSyntaxError extends Error {
  constructor(
    readonly key: HoursProblemKey,
    readonly params: ProblemParams,
    readonly offset: number,
  ) {
    super(key);
  }
}

/** A parsed range that remembers where it was written, for overlap messages. */
interface SourcedRange extends TimeRange {
  offset: number;
  /** The weekly rule it was written in: its days, all its ranges, and where it stands in the text (start and end). */
  rule?: { days: readonly boolean[]; ranges: readonly SourcedRange[]; span: readonly [number, number] };
}

/** A range as seen on one particular day: its own range, or the spill of the previous day's. */
interface DayItem {
  start: number;
  end: number;
  source: SourcedRange;
  /** Day the range was written for (differs from the checked day for spills). */
  ownerDay: number;
  spill: boolean;
}

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
}

function isLetter(ch: string): boolean {
  return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
}

function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Formats minutes as HH:MM, wrapping overnight ends back into 00:00–24:00. */
function formatMinutes(minutes: number): string {
  const m = minutes > MINUTES_PER_DAY ? minutes - MINUTES_PER_DAY : minutes;
  return `${pad2(Math.floor(m / 60))}:${pad2(m % 60)}`;
}

/** Ranges in the directory's notation ("10:00-14:00,15:00-17:00"), or "off" for a day without any. */
export function rangesText(ranges: readonly TimeRange[]): string {
  return ranges.length === 0 ? 'off' : ranges.map(formatRange).join(',');
}

function formatRange(r: TimeRange): string {
  return `${formatMinutes(r.start)}-${formatMinutes(r.end)}`;
}

/** Cursor over [pos, end) of the text; offsets stay relative to the whole text. */
class Scanner {
  constructor(
    readonly text: string,
    public pos: number,
    readonly end: number,
  ) {}

  atEnd(): boolean {
    return this.pos >= this.end;
  }

  peek(): string {
    return this.pos < this.end ? this.text.charAt(this.pos) : '';
  }

  skipSpaces(): void {
    while (this.pos < this.end && isSpace(this.text.charAt(this.pos))) this.pos++;
  }

  readWhile(pred: (ch: string) => boolean): string {
    const from = this.pos;
    while (this.pos < this.end && pred(this.text.charAt(this.pos))) this.pos++;
    return this.text.slice(from, this.pos);
  }

  /** A short excerpt starting at the cursor, to quote in error messages. */
  excerpt(): string {
    let to = this.pos;
    while (to < this.end && to - this.pos < 20) {
      const ch = this.text.charAt(to);
      if (isSpace(ch) || ch === ',' || ch === ';') break;
      to++;
    }
    return to === this.pos ? this.text.charAt(this.pos) : this.text.slice(this.pos, to);
  }
}

function fail(key: HoursProblemKey, params: ProblemParams, offset: number): never {
  throw new HoursSyntaxError(key, params, offset);
}

function dayIndex(word: string, offset: number): number {
  const index = (DAY_TOKENS as readonly string[]).indexOf(word);
  if (index >= 0) return index;
  if (word === 'PH' || word === 'SH') {
    fail('hours.holiday', { word }, offset);
  }
  return fail('hours.unknownDay', { word }, offset);
}

/** Reads `HH:MM`; 24:00 is accepted here and rejected as a start by the caller. */
function parseTime(sc: Scanner): number {
  const from = sc.pos;
  const token = sc.readWhile((ch) => !isSpace(ch) && ch !== ',' && ch !== ';' && ch !== '-');
  if (token === '') {
    if (sc.atEnd()) fail('hours.expectedTime.end', {}, from);
    fail('hours.expectedTime', { found: sc.excerpt() }, from);
  }
  const match = /^(\d\d):(\d\d)$/.exec(token);
  if (!match) malformedTime(token, from);
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 24) fail('hours.hourRange', { hour: match[1] ?? '', token }, from);
  if (minutes > 59) fail('hours.minuteRange', { minutes: match[2] ?? '', token }, from + 3);
  if (hours === 24 && minutes !== 0) fail('hours.pastDay', { token }, from);
  return hours * 60 + minutes;
}

/** Dashes and words that are not "-" between two times, as people write them (and as the cards print hours). */
const OTHER_DASH = /[\u2010-\u2015\u2212~\uff5e\u81f3\u5230]/u;

/** What is wrong with a token read where a time belongs, said as the usual mistakes are. */
function malformedTime(token: string, from: number): never {
  const dash = OTHER_DASH.exec(token);
  if (dash) fail('hours.otherDash', { dash: dash[0] }, from + dash.index);
  if (token === '24/7') fail('hours.allDay', {}, from);
  // "Mo-Fr 09:00-18:00, Sa 10:00-14:00": a day where the next time was expected.
  const day = /^[A-Z][a-z]/.exec(token)?.[0];
  if (day !== undefined && (DAY_TOKENS as readonly string[]).includes(day)) fail('hours.dayInTimes', { word: token }, from);
  return fail('hours.malformedTime', { token }, from);
}

function parseRange(sc: Scanner): SourcedRange {
  const offset = sc.pos;
  const start = parseTime(sc);
  if (start === MINUTES_PER_DAY) fail('hours.start24', {}, offset);
  const startText = sc.text.slice(offset, sc.pos);
  sc.skipSpaces();
  if (sc.peek() !== '-') {
    if (sc.atEnd()) fail('hours.expectedDash.end', { start: startText }, sc.pos);
    fail('hours.expectedDash', { start: startText, found: sc.excerpt() }, sc.pos);
  }
  sc.pos++;
  sc.skipSpaces();
  let end = parseTime(sc);
  if (end === start) {
    if (start === 0) fail('hours.zeroMidnight', {}, offset);
    fail('hours.zero', { range: formatRange({ start, end }) }, offset);
  }
  // An end at or before the start means the range runs past midnight into the next day.
  if (end < start) end += MINUTES_PER_DAY;
  return { start, end, offset };
}

/** Reads `range("," range)*` and requires the rest of the scanner's region to be blank. */
function parseRangeList(sc: Scanner): SourcedRange[] {
  const ranges: SourcedRange[] = [];
  for (;;) {
    ranges.push(parseRange(sc));
    sc.skipSpaces();
    if (sc.peek() !== ',') break;
    sc.pos++;
    sc.skipSpaces();
  }
  if (!sc.atEnd()) {
    fail('hours.afterTimes', { found: sc.excerpt() }, sc.pos);
  }
  return ranges;
}

/** Reads a day selector such as `Mo-Fr,Su`; returns which weekdays it names. */
function parseDaySelector(sc: Scanner): boolean[] {
  const selected: boolean[] = [false, false, false, false, false, false, false];
  for (;;) {
    const wordStart = sc.pos;
    const word = sc.readWhile(isLetter);
    if (word === '') {
      if (sc.atEnd()) fail('hours.dayAfterComma.end', {}, wordStart);
      fail('hours.dayAfterComma', { found: sc.excerpt() }, wordStart);
    }
    const first = dayIndex(word, wordStart);
    const afterFirst = sc.pos;
    sc.skipSpaces();
    if (sc.peek() === '-') {
      sc.pos++;
      sc.skipSpaces();
      const lastStart = sc.pos;
      const lastWord = sc.readWhile(isLetter);
      if (lastWord === '') {
        if (sc.atEnd()) fail('hours.dayAfterDash.end', { word }, lastStart);
        fail('hours.dayAfterDash', { word, found: sc.excerpt() }, lastStart);
      }
      const last = dayIndex(lastWord, lastStart);
      // Ranges may wrap around the end of the week: Fr-Mo is Fr, Sa, Su, Mo.
      for (let d = first; ; d = (d + 1) % 7) {
        selected[d] = true;
        if (d === last) break;
      }
    } else {
      selected[first] = true;
      sc.pos = afterFirst;
    }
    const beforeComma = sc.pos;
    sc.skipSpaces();
    if (sc.peek() !== ',') {
      sc.pos = beforeComma;
      return selected;
    }
    sc.pos++;
    sc.skipSpaces();
  }
}

type Rule =
  | { kind: 'always' }
  | { kind: 'off'; days: boolean[] }
  | { kind: 'ranges'; days: boolean[]; ranges: SourcedRange[] };

const ALL_DAYS: readonly boolean[] = [true, true, true, true, true, true, true];

function parseRule(sc: Scanner): Rule {
  const ruleStart = sc.pos;
  if (sc.text.startsWith('24/7', sc.pos) && sc.pos + 4 <= sc.end) {
    sc.pos += 4;
    sc.skipSpaces();
    if (!sc.atEnd()) fail('hours.after247', { found: sc.excerpt() }, sc.pos);
    return { kind: 'always' };
  }
  const first = sc.peek();
  if (isDigit(first)) {
    // No day selector: like opening_hours, the times apply to every day.
    return { kind: 'ranges', days: [...ALL_DAYS], ranges: parseRangeList(sc) };
  }
  if (!isLetter(first)) {
    fail('hours.ruleStart', { found: sc.excerpt() }, sc.pos);
  }
  const days = parseDaySelector(sc);
  const selectorText = sc.text.slice(ruleStart, sc.pos);
  const afterSelector = sc.pos;
  sc.skipSpaces();
  if (sc.atEnd()) {
    fail('hours.noTimes', { days: selectorText }, afterSelector);
  }
  if (isLetter(sc.peek())) {
    const wordStart = sc.pos;
    const word = sc.readWhile(isLetter);
    if (word === 'off' || word === 'closed') {
      sc.skipSpaces();
      if (!sc.atEnd()) fail('hours.afterOff', { found: sc.excerpt(), word }, sc.pos);
      return { kind: 'off', days };
    }
    if ((DAY_TOKENS as readonly string[]).includes(word)) {
      fail('hours.dayNotTimes', { days: selectorText, word }, wordStart);
    }
    fail('hours.timesOrOff', { days: selectorText, word }, wordStart);
  }
  return { kind: 'ranges', days, ranges: parseRangeList(sc) };
}

/** `day` is null for a lone exception date, which has no weekday name to mention. */
function describeItem(item: DayItem, day: number | null): string | ProblemRef {
  const range = formatRange(item.source);
  if (day === null) return range;
  if (!item.spill) return ref('hours.item.day', { range, day: DAY_TOKENS[day] ?? '' });
  return ref('hours.item.overnight', { owner: DAY_TOKENS[item.ownerDay] ?? '', range, end: formatMinutes(item.end), day: DAY_TOKENS[day] ?? '' });
}

/** Days as a selector: runs of days with "-", the rest with "," ("Mo-Th", "Mo,We,Fr"). */
function daySelector(days: readonly boolean[]): string {
  const parts: string[] = [];
  for (let d = 0; d < 7; d++) {
    if (!days[d]) continue;
    let end = d;
    while (end + 1 < 7 && days[end + 1]) end++;
    parts.push(end === d ? DAY_TOKENS[d]! : `${DAY_TOKENS[d]!}${end === d + 1 ? ',' : '-'}${DAY_TOKENS[end]!}`);
    d = end;
  }
  return parts.join(',');
}

/**
 * For two overlapping rules where one covers some of the other's days with other hours ("Mo-Fr 09:00-18:00;
 * Fr 09:00-15:00", a short Friday), the whole `text` written so that they do not overlap: the wider rule without
 * those days, every other rule as it was. Undefined for any other overlap.
 */
function narrowerRule(a: DayItem, b: DayItem, text: string): { days: string; fixed: string } | undefined {
  const [ra, rb] = [a.source.rule, b.source.rule];
  if (a.spill || b.spill || !ra || !rb || ra === rb) return undefined;
  const within = (x: readonly boolean[], y: readonly boolean[]) => x.every((on, d) => !on || y[d]) && x.some((on, d) => on !== y[d]);
  const [narrow, wide] = within(ra.days, rb.days) ? [ra, rb] : within(rb.days, ra.days) ? [rb, ra] : [];
  if (!narrow || !wide) return undefined;
  const rest = wide.days.map((on, d) => on && !narrow.days[d]);
  const days = daySelector(narrow.days);
  return { days, fixed: `${text.slice(0, wide.span[0])}${daySelector(rest)} ${rangesText(wide.ranges)}${text.slice(wide.span[1])}`.trim() };
}

/** Finds overlapping items of one day; returns the error to report, at the later-written range. */
function findOverlap(items: DayItem[], day: number | null, text = ''): HoursSyntaxError | null {
  const sorted = [...items].sort((a, b) => a.start - b.start || a.end - b.end);
  let best: HoursSyntaxError | null = null;
  let reach: DayItem | null = null;
  for (const item of sorted) {
    if (reach && item.start < reach.end) {
      const [earlier, later] = reach.source.offset <= item.source.offset ? [reach, item] : [item, reach];
      const params = { later: describeItem(later, day), earlier: describeItem(earlier, day) };
      const narrower = day === null ? undefined : narrowerRule(earlier, later, text);
      const error = narrower
        ? new HoursSyntaxError('hours.overlapNarrower', { ...params, ...narrower }, later.source.offset)
        : new HoursSyntaxError('hours.overlap', params, later.source.offset);
      if (!best || error.offset < best.offset) best = error;
    }
    if (!reach || item.end > reach.end) reach = item;
  }
  return best;
}

function toResult<T>(produce: () => T): ParseResult<T> {
  try {
    return { ok: true, value: produce() };
  } catch (e) {
    if (e instanceof HoursSyntaxError) {
      return { ok: false, error: { message: problemTranslator('en')(e.key, e.params), offset: e.offset, key: e.key, params: e.params } };
    }
    throw e;
  }
}

function stripSources(ranges: SourcedRange[]): TimeRange[] {
  return [...ranges].sort((a, b) => a.start - b.start).map((r) => ({ start: r.start, end: r.end }));
}

function parseWeeklyOrThrow(text: string): WeeklyHours {
  if (text.trim() === '') fail('hours.emptyWeekly', {}, 0);
  const perDay: SourcedRange[][] = [[], [], [], [], [], [], []];
  let ruleCount = 0;
  let onlyAlways = true;
  let ruleStart = 0;
  while (ruleStart <= text.length) {
    const semicolon = text.indexOf(';', ruleStart);
    const ruleEnd = semicolon === -1 ? text.length : semicolon;
    const sc = new Scanner(text, ruleStart, ruleEnd);
    sc.skipSpaces();
    if (sc.atEnd()) {
      // Either ";;", a leading ";" or a trailing ";": point at the stray separator.
      const stray = semicolon === -1 ? ruleStart - 1 : semicolon;
      fail('hours.emptyRule', {}, Math.max(0, stray));
    }
    const ruleOffset = sc.pos;
    const rule = parseRule(sc);
    ruleCount++;
    const span = [ruleOffset, ruleOffset + text.slice(ruleOffset, ruleEnd).trimEnd().length] as const;
    if (rule.kind === 'ranges') for (const r of rule.ranges) r.rule = { days: rule.days, ranges: rule.ranges, span };
    if (rule.kind === 'always') {
      for (const ranges of perDay) ranges.push({ start: 0, end: MINUTES_PER_DAY, offset: ruleOffset });
    } else {
      onlyAlways = false;
      rule.days.forEach((selected, d) => {
        if (!selected) return;
        const list = perDay[d]!;
        // Like opening_hours, "off" discards what earlier rules said about that day.
        if (rule.kind === 'off') list.length = 0;
        else list.push(...rule.ranges);
      });
    }
    if (semicolon === -1) break;
    ruleStart = semicolon + 1;
  }
  if (onlyAlways && ruleCount === 1) return { kind: 'always' };

  let firstError: HoursSyntaxError | null = null;
  for (let d = 0; d < 7; d++) {
    const prev = (d + 6) % 7;
    const items: DayItem[] = perDay[d]!.map((r) => ({ start: r.start, end: r.end, source: r, ownerDay: d, spill: false }));
    for (const r of perDay[prev]!) {
      if (r.end > MINUTES_PER_DAY) {
        items.push({ start: 0, end: r.end - MINUTES_PER_DAY, source: r, ownerDay: prev, spill: true });
      }
    }
    const error = findOverlap(items, d, text);
    if (error && (!firstError || error.offset < firstError.offset)) firstError = error;
  }
  if (firstError) throw firstError;
  return { kind: 'weekly', days: perDay.map(stripSources) };
}

function parseDayRangesOrThrow(text: string): TimeRange[] {
  const sc = new Scanner(text, 0, text.length);
  sc.skipSpaces();
  if (sc.atEnd()) fail('hours.emptyDay', {}, 0);
  if (isLetter(sc.peek())) {
    const wordStart = sc.pos;
    const word = sc.readWhile(isLetter);
    if (word !== 'off' && word !== 'closed') {
      fail('hours.unexpectedWord', { word }, wordStart);
    }
    sc.skipSpaces();
    if (!sc.atEnd()) fail('hours.afterOff', { found: sc.excerpt(), word }, sc.pos);
    return [];
  }
  const ranges = parseRangeList(sc);
  // Only same-day overlaps can happen here: an overnight part lies on the following date.
  const error = findOverlap(
    ranges.map((r) => ({ start: r.start, end: r.end, source: r, ownerDay: 0, spill: false })),
    null,
  );
  if (error) throw error;
  return stripSources(ranges);
}

/** Operators write hours by hand, so mistakes come back as a located, explained error rather than an exception. */
export function parseWeeklyHours(text: string): { ok: true; value: WeeklyHours } | { ok: false; error: ParseError } {
  return toResult(() => parseWeeklyOrThrow(text));
}

/** Date exceptions carry one day's hours without a day selector, so they need their own entry point. */
export function parseDayRanges(text: string): { ok: true; value: TimeRange[] } | { ok: false; error: ParseError } {
  return toResult(() => parseDayRangesOrThrow(text));
}

const zoneValidity = new Map<string, boolean>();

/** The directory is validated up front so that channelState never meets a zone it cannot resolve. */
export function isValidTimeZone(zone: string): boolean {
  if (typeof zone !== 'string' || zone.trim() === '') return false;
  let valid = zoneValidity.get(zone);
  if (valid === undefined) {
    try {
      // Constructing the formatter is enough to make Intl reject an unknown zone.
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      valid = IANAZone.create(zone).isValid;
    } catch {
      valid = false;
    }
    zoneValidity.set(zone, valid);
  }
  return valid;
}

// ---------------------------------------------------------------------------
// Open/closed state
// ---------------------------------------------------------------------------
//
// The schedule is turned into a set W of open intervals on the local wall-clock
// timeline (local date × 1440 + range, ranges past 24:00 running into the next
// date). An instant t is open iff wallclock(t) ∈ W. Between two UTC-offset
// changes wallclock(t) = t + offset, so the open instants of such a segment are
// W shifted by -offset. Gaps and overlaps at DST changes then follow by
// construction: a boundary inside a gap takes effect at the first instant after
// the gap, and a repeated wall-clock hour is open on both occurrences.

type DayLookup = (dayNumber: number) => readonly TimeRange[];

const FULL_DAY: readonly TimeRange[] = [{ start: 0, end: MINUTES_PER_DAY }];

/** Days since 1970-01-01 of a proleptic Gregorian date (no Date object, no clock). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function exceptionDayNumber(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (match) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    const day = Number(match[3]);
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    const monthDays = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
    if (monthDays !== undefined && day >= 1 && day <= monthDays) return daysFromCivil(year, month, day);
  }
  throw new RangeError(`invalid exception date "${date}": use YYYY-MM-DD`);
}

function makeDayLookup(schedule: Schedule): { lookup: DayLookup; spillDays: number } {
  const exceptions = new Map<number, TimeRange[]>();
  let maxEnd = MINUTES_PER_DAY;
  for (const ex of schedule.exceptions) {
    const key = exceptionDayNumber(ex.date);
    // Two entries for one date add up rather than silently dropping one of them.
    const list = exceptions.get(key) ?? [];
    list.push(...ex.ranges);
    exceptions.set(key, list);
    for (const r of ex.ranges) maxEnd = Math.max(maxEnd, r.end);
  }
  const weekly = schedule.weekly;
  if (weekly.kind === 'weekly') {
    for (const day of weekly.days) for (const r of day) maxEnd = Math.max(maxEnd, r.end);
  }
  const lookup: DayLookup = (dayNumber) => {
    const ex = exceptions.get(dayNumber);
    if (ex) return ex;
    if (weekly.kind === 'always') return FULL_DAY;
    // 1970-01-01 was a Thursday, index 3 with Monday = 0.
    const weekday = (((dayNumber + 3) % 7) + 7) % 7;
    return weekly.days[weekday] ?? [];
  };
  return { lookup, spillDays: Math.max(0, Math.ceil(maxEnd / MINUTES_PER_DAY) - 1) };
}

/** Open instants within [from, to) given a constant UTC offset (minutes), sorted and merged. */
function openIntervals(
  lookup: DayLookup,
  spillDays: number,
  from: number,
  to: number,
  offsetMinutes: number,
): Array<[number, number]> {
  const shift = offsetMinutes * MS_PER_MINUTE;
  const wallFrom = from + shift;
  const wallTo = to + shift;
  const firstDay = Math.floor(wallFrom / MS_PER_DAY) - spillDays;
  const lastDay = Math.floor((wallTo - 1) / MS_PER_DAY);
  const found: Array<[number, number]> = [];
  for (let day = firstDay; day <= lastDay; day++) {
    const base = day * MS_PER_DAY;
    for (const r of lookup(day)) {
      const lo = Math.max(base + r.start * MS_PER_MINUTE, wallFrom);
      const hi = Math.min(base + r.end * MS_PER_MINUTE, wallTo);
      if (lo < hi) found.push([lo - shift, hi - shift]);
    }
  }
  if (found.length < 2) return found;
  found.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const interval of found) {
    const last = merged[merged.length - 1];
    if (last && interval[0] <= last[1]) last[1] = Math.max(last[1], interval[1]);
    else merged.push([interval[0], interval[1]]);
  }
  return merged;
}

/** First whole minute in (lo, hi] whose offset differs from `loOffset`; zone offsets change on whole minutes. */
function findOffsetChange(zone: IANAZone, lo: number, hi: number, loOffset: number): number {
  let a = Math.floor(lo / MS_PER_MINUTE);
  let b = Math.ceil(hi / MS_PER_MINUTE);
  while (b - a > 1) {
    const mid = Math.floor((a + b) / 2);
    if (zone.offset(mid * MS_PER_MINUTE) === loOffset) a = mid;
    else b = mid;
  }
  return Math.min(Math.max(b * MS_PER_MINUTE, lo + 1), hi);
}

/**
 * Callers show "open until …"/"opens …", so the state comes with the next change, found day by day within a bounded
 * horizon: two months, past a closure over Christmas or the Spring Festival (two weeks said nothing of when a line
 * closed for three reopens; QA: directory review). A day is a few lookups: the walk costs nothing a card would notice.
 */
export const HORIZON_DAYS = 62;
export function channelState(schedule: Schedule, at: Date, horizonDays = HORIZON_DAYS): ChannelState {
  const atMs = at.getTime();
  if (!Number.isFinite(atMs)) throw new RangeError('channelState: "at" is not a valid date');
  if (!Number.isFinite(horizonDays) || horizonDays < 0) {
    throw new RangeError(`channelState: horizonDays must be a non-negative number, got ${horizonDays}`);
  }
  if (!isValidTimeZone(schedule.timezone)) {
    throw new RangeError(`unknown time zone "${schedule.timezone}": use an IANA name such as Europe/Berlin`);
  }
  if (schedule.weekly.kind === 'always' && schedule.exceptions.length === 0) {
    // Nothing can ever close it, so skip the day-by-day walk.
    return { openNow: true, nextOpen: null, nextClose: null };
  }
  const zone = IANAZone.create(schedule.timezone);
  const { lookup, spillDays } = makeDayLookup(schedule);
  const horizonEnd = atMs + horizonDays * MS_PER_DAY;
  // One millisecond past the horizon, so an opening cut by the horizon is told apart from one ending on it.
  const limit = horizonEnd + 1;
  const closeAt = (end: number): ChannelState => ({
    openNow: true,
    nextOpen: null,
    nextClose: end <= horizonEnd ? new Date(end) : null,
  });

  let openNow = false;
  let openUntil = atMs;
  let segStart = atMs;
  let segOffset = zone.offset(atMs);
  while (segStart < limit) {
    const probe = Math.min(segStart + MS_PER_DAY, limit);
    const probeOffset = zone.offset(probe);
    let segEnd = probe;
    let nextOffset = probeOffset;
    if (probeOffset !== segOffset) {
      segEnd = findOffsetChange(zone, segStart, probe, segOffset);
      nextOffset = zone.offset(segEnd);
    }
    for (const [start, end] of openIntervals(lookup, spillDays, segStart, segEnd, segOffset)) {
      if (!openNow) {
        if (start > atMs) return { openNow: false, nextOpen: new Date(start), nextClose: null };
        openNow = true;
        openUntil = end;
      } else if (start <= openUntil) {
        openUntil = Math.max(openUntil, end);
      } else {
        return closeAt(openUntil);
      }
    }
    if (openNow && openUntil < segEnd) return closeAt(openUntil);
    segStart = segEnd;
    segOffset = nextOffset;
  }
  return openNow ? closeAt(openUntil) : { openNow: false, nextOpen: null, nextClose: null };
}
