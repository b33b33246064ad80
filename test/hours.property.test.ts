import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  channelState,
  parseDayRanges,
  parseWeeklyHours,
  type DateException,
  type Schedule,
  type TimeRange,
  type WeeklyHours,
} from '../src/directory/hours.js';

// ---------------------------------------------------------------------------
// Independent reference: wall clock from Intl.DateTimeFormat (no luxon), one
// minute at a time, straight from the definition of "open".
// ---------------------------------------------------------------------------

const MIN = 60_000;
const DAY = 86_400_000;
const HORIZON_DAYS = 3;
const ZONES = [
  'America/New_York',
  'Europe/Berlin',
  'Australia/Sydney',
  'America/Santiago',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'Asia/Shanghai',
  'UTC',
  'Pacific/Chatham',
] as const;
const DAY_NAMES = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;
const INTL_WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

interface Wall {
  year: number;
  month: number;
  day: number;
  minute: number;
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClock(zone: string, ms: number): Wall {
  let fmt = formatters.get(zone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
    });
    formatters.set(zone, fmt);
  }
  const parts: Record<string, string> = {};
  for (const p of fmt.formatToParts(new Date(ms))) parts[p.type] = p.value;
  const weekday = INTL_WEEKDAYS.indexOf(parts.weekday ?? '');
  if (weekday < 0) throw new Error(`unexpected weekday ${parts.weekday}`);
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    minute: Number(parts.hour) * 60 + Number(parts.minute),
    weekday,
  };
}

/** YYYY-MM-DD of a local date shifted by `days`, by plain calendar arithmetic. */
function dateString(year: number, month: number, day: number, days = 0): string {
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

function offsetMinutes(zone: string, ms: number): number {
  const w = wallClock(zone, ms);
  const wallMs = Date.UTC(w.year, w.month - 1, w.day) + w.minute * MIN;
  return Math.round((wallMs - Math.floor(ms / MIN) * MIN) / MIN);
}

function rangesOn(schedule: Schedule, date: string, weekday: number): TimeRange[] {
  const ex = schedule.exceptions.find((e) => e.date === date);
  if (ex) return ex.ranges;
  if (schedule.weekly.kind === 'always') return [{ start: 0, end: 1440 }];
  return schedule.weekly.days[weekday] ?? [];
}

function referenceOpen(schedule: Schedule, ms: number): boolean {
  const w = wallClock(schedule.timezone, ms);
  const today = rangesOn(schedule, dateString(w.year, w.month, w.day), w.weekday);
  if (today.some((r) => r.start <= w.minute && w.minute < Math.min(r.end, 1440))) return true;
  const yesterday = rangesOn(schedule, dateString(w.year, w.month, w.day, -1), (w.weekday + 6) % 7);
  return yesterday.some((r) => r.end > 1440 && w.minute < r.end - 1440);
}

function referenceState(schedule: Schedule, at: number, horizonDays: number): { open: boolean; change: number | null } {
  const open = referenceOpen(schedule, at);
  const end = at + horizonDays * DAY;
  for (let t = Math.floor(at / MIN) * MIN + MIN; t <= end; t += MIN) {
    if (referenceOpen(schedule, t) !== open) return { open, change: t };
  }
  return { open, change: null };
}

// Offset transitions of every zone in 2025–2027, found with Intl, to aim instants at them.
const TRANSITIONS = new Map<string, number[]>();
for (const zone of ZONES) {
  const found: number[] = [];
  let t = Date.UTC(2024, 11, 20);
  let off = offsetMinutes(zone, t);
  while (t < Date.UTC(2028, 0, 10)) {
    const next = t + DAY;
    const nextOff = offsetMinutes(zone, next);
    if (nextOff !== off) {
      let lo = t / MIN;
      let hi = next / MIN;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (offsetMinutes(zone, mid * MIN) === off) lo = mid;
        else hi = mid;
      }
      found.push(hi * MIN);
    }
    t = next;
    off = nextOff;
  }
  TRANSITIONS.set(zone, found);
}

// ---------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------

const pad2 = (n: number) => String(n).padStart(2, '0');
const hhmm = (m: number) => `${pad2(Math.floor(m / 60))}:${pad2(m % 60)}`;
/** Writes a range as the notation does: overnight ends wrap, a day end is 24:00. */
const formatRange = (r: TimeRange) => `${hhmm(r.start)}-${r.end > 1440 ? hhmm(r.end - 1440) : hhmm(r.end)}`;

/** Minutes, biased towards round values so that DST hours (01:00–03:00) are hit often. */
const minuteArb = (max: number) =>
  fc.oneof(
    fc.integer({ min: 0, max }),
    fc.integer({ min: 0, max: Math.floor(max / 30) }).map((x) => x * 30),
    fc.integer({ min: 0, max: Math.floor(max / 60) }).map((x) => x * 60),
  );
const lengthArb = fc.oneof(
  fc.integer({ min: 1, max: 1439 }),
  fc.integer({ min: 1, max: 47 }).map((x) => x * 30),
  fc.integer({ min: 1, max: 300 }),
);
const gapArb = fc.oneof(fc.constant(0), minuteArb(2000), fc.integer({ min: 1, max: 120 }));
const piecesArb = fc.array(fc.record({ gap: gapArb, len: lengthArb }), { maxLength: 12 });

/** Non-overlapping ranges laid out on the circular week, then attributed to the day they start on. */
const weeklyDaysArb: fc.Arbitrary<TimeRange[][]> = fc
  .record({ rotation: minuteArb(10079), pieces: piecesArb })
  .map(({ rotation, pieces }) => {
    const days: TimeRange[][] = [[], [], [], [], [], [], []];
    let pos = rotation;
    for (const { gap, len } of pieces) {
      const start = pos + gap;
      const end = start + len;
      if (end > rotation + 10080) break;
      const abs = start % 10080;
      const s = abs % 1440;
      days[Math.floor(abs / 1440)]!.push({ start: s, end: s + len });
      pos = end;
    }
    for (const d of days) d.sort((a, b) => a.start - b.start);
    return days;
  });

/** One date's ranges: starts within the day, the last may run past midnight. */
const dayRangesArb: fc.Arbitrary<TimeRange[]> = fc
  .record({ first: minuteArb(1439), pieces: fc.array(fc.record({ gap: gapArb, len: lengthArb }), { maxLength: 4 }) })
  .map(({ first, pieces }) => {
    const ranges: TimeRange[] = [];
    let pos = first;
    for (const { gap, len } of pieces) {
      const start = pos + gap;
      if (start >= 1440) break;
      ranges.push({ start, end: start + len });
      pos = start + len;
    }
    return ranges;
  });

/** Small deterministic PRNG so one generated seed drives all the rendering choices. */
function prng(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n: number) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) % n + n) % n;
  };
}

function daySelector(days: number[], pick: (n: number) => number): string {
  // Optionally compress consecutive days (wrapping Su→Mo) into ranges such as Fr-Mo.
  if (pick(3) === 0 || days.length === 7) return days.map((d) => DAY_NAMES[d]).join(pick(4) === 0 ? ', ' : ',');
  const set = new Set(days);
  const runs: Array<[number, number]> = [];
  const starts = days.filter((d) => !set.has((d + 6) % 7));
  for (const s of starts) {
    let e = s;
    while (set.has((e + 1) % 7)) e = (e + 1) % 7;
    runs.push([s, e]);
  }
  return runs
    .map(([s, e]) => (s === e ? DAY_NAMES[s] : `${DAY_NAMES[s]}${pick(4) === 0 ? ' - ' : '-'}${DAY_NAMES[e]}`))
    .join(',');
}

/** Renders a week plan in varied but well-formed notation; parsing it must give the plan back. */
function renderWeek(days: TimeRange[][], seed: number): string {
  const pick = prng(seed);
  const prelude: string[] = [];
  const rules: string[] = [];
  const groups = new Map<string, number[]>();
  days.forEach((ranges, d) => {
    if (ranges.length === 0) {
      if (pick(3) === 0) prelude.push(`${DAY_NAMES[d]} ${pick(2) ? 'off' : 'closed'}`);
      return;
    }
    const key = ranges.map(formatRange).join(',');
    groups.set(key, [...(groups.get(key) ?? []), d]);
    if (pick(5) === 0) {
      // A rule that a later "off" throws away.
      prelude.push(`${DAY_NAMES[d]} 10:00-11:00`, `${DAY_NAMES[d]} off`);
    }
  });
  for (const [, groupDays] of groups) {
    const ranges = days[groupDays[0]!]!;
    const selector = daySelector(groupDays, pick);
    // Split the ranges of a selector over one or two rules.
    const cut = ranges.length > 1 && pick(2) === 0 ? 1 + pick(ranges.length - 1) : ranges.length;
    for (const chunk of [ranges.slice(0, cut), ranges.slice(cut)]) {
      if (chunk.length === 0) continue;
      const sep = pick(4) === 0 ? ' , ' : ',';
      rules.push(`${selector}${pick(4) === 0 ? '  ' : ' '}${chunk.map(formatRange).join(sep)}`);
    }
  }
  for (let i = rules.length - 1; i > 0; i--) {
    const j = pick(i + 1);
    [rules[i], rules[j]] = [rules[j]!, rules[i]!];
  }
  const all = [...prelude, ...rules];
  if (all.length === 0) all.push('Mo-Su off');
  const joiner = [';', '; ', ' ; '][pick(3)]!;
  return (pick(5) === 0 ? ' ' : '') + all.join(joiner) + (pick(5) === 0 ? ' ' : '');
}

function weeklyOrThrow(text: string): WeeklyHours {
  const result = parseWeeklyHours(text);
  if (!result.ok) throw new Error(`"${text}" rejected: ${result.error.message} at ${result.error.offset}`);
  return result.value;
}

const instantArb = fc.oneof(
  { weight: 1, arbitrary: fc.record({ near: fc.constant(false), pick: fc.nat(), delta: fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 11, 31) }) }) },
  // Near an offset change of the zone: from 1.5 days before to half a day after, often on whole minutes.
  {
    weight: 2,
    arbitrary: fc.record({
      near: fc.constant(true),
      pick: fc.nat(),
      delta: fc.oneof(fc.integer({ min: -36 * 60, max: 12 * 60 }).map((m) => m * MIN), fc.integer({ min: -36 * 60 * MIN, max: 12 * 60 * MIN })),
    }),
  },
);

function resolveInstant(zone: string, spec: { near: boolean; pick: number; delta: number }): number {
  const transitions = TRANSITIONS.get(zone) ?? [];
  if (!spec.near || transitions.length === 0) return spec.delta;
  return transitions[spec.pick % transitions.length]! + spec.delta;
}

const scheduleArb = fc.record({
  zone: fc.constantFrom(...ZONES),
  always: fc.integer({ min: 0, max: 9 }).map((x) => x === 0),
  days: weeklyDaysArb,
  seed: fc.integer(),
  instant: instantArb,
  exceptions: fc.uniqueArray(fc.record({ dayOffset: fc.integer({ min: -2, max: 4 }), ranges: dayRangesArb }), {
    selector: (e) => e.dayOffset,
    maxLength: 3,
  }),
});

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

describe('channelState agrees with a minute-by-minute reference', () => {
  it('random schedules, zones, exceptions and instants (3-day horizon)', () => {
    fc.assert(
      fc.property(scheduleArb, (g) => {
        const at = resolveInstant(g.zone, g.instant);
        const local = wallClock(g.zone, at);
        const weekly: WeeklyHours = g.always ? { kind: 'always' } : { kind: 'weekly', days: g.days };
        if (weekly.kind === 'weekly') {
          // The rendered notation must parse back to exactly the generated plan.
          expect(weeklyOrThrow(renderWeek(weekly.days, g.seed))).toEqual(weekly);
        }
        const exceptions: DateException[] = g.exceptions.map((e) => {
          const text = e.ranges.length === 0 ? 'closed' : e.ranges.map(formatRange).join(',');
          const parsed = parseDayRanges(text);
          expect(parsed).toEqual({ ok: true, value: e.ranges });
          return { date: dateString(local.year, local.month, local.day, e.dayOffset), ranges: e.ranges };
        });
        const schedule: Schedule = { timezone: g.zone, weekly, exceptions };

        const got = channelState(schedule, new Date(at), HORIZON_DAYS);
        const want = referenceState(schedule, at, HORIZON_DAYS);
        const context = { at: new Date(at).toISOString(), zone: g.zone };
        expect({ ...context, openNow: got.openNow }).toEqual({ ...context, openNow: want.open });
        const change = want.change === null ? null : new Date(want.change).toISOString();
        if (want.open) {
          expect(got.nextOpen).toBeNull();
          expect({ ...context, nextClose: got.nextClose?.toISOString() ?? null }).toEqual({ ...context, nextClose: change });
        } else {
          expect(got.nextClose).toBeNull();
          expect({ ...context, nextOpen: got.nextOpen?.toISOString() ?? null }).toEqual({ ...context, nextOpen: change });
        }
      }),
      { numRuns: 250 },
    );
  });

  it('the reported change is itself consistent: the state flips there', () => {
    fc.assert(
      fc.property(scheduleArb, (g) => {
        const at = resolveInstant(g.zone, g.instant);
        const schedule: Schedule = {
          timezone: g.zone,
          weekly: g.always ? { kind: 'always' } : { kind: 'weekly', days: g.days },
          exceptions: [],
        };
        const s = channelState(schedule, new Date(at));
        const change = s.openNow ? s.nextClose : s.nextOpen;
        if (change === null) return;
        expect(change.getTime()).toBeGreaterThan(at);
        expect(referenceOpen(schedule, change.getTime())).toBe(!s.openNow);
        expect(referenceOpen(schedule, change.getTime() - MIN)).toBe(s.openNow);
        expect(channelState(schedule, change).openNow).toBe(!s.openNow);
      }),
      { numRuns: 300 },
    );
  });
});

describe('parser robustness', () => {
  it('well-formed notation always parses to the intended week', () => {
    fc.assert(
      fc.property(weeklyDaysArb, fc.integer(), (days, seed) => {
        const text = renderWeek(days, seed);
        const result = parseWeeklyHours(text);
        expect(result, text).toEqual({ ok: true, value: { kind: 'weekly', days } });
      }),
      { numRuns: 500 },
    );
  });

  const notationChars = fc.constantFrom(
    ...'MoTuWeThFrSaSu0123456789:-,; /offclosed24/7PH\t\n'.split(''),
    'Mo',
    'Fr',
    '09:00',
    '24:00',
    '-',
    ';',
    ',',
    ' ',
    'off',
  );
  const garbageArb = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ unit: notationChars, maxLength: 30 }),
    // A valid text with a few characters replaced, deleted or inserted.
    fc
      .tuple(weeklyDaysArb, fc.integer(), fc.array(fc.tuple(fc.nat(), fc.nat(2), notationChars), { minLength: 1, maxLength: 3 }))
      .map(([days, seed, edits]) => {
        let text = renderWeek(days, seed);
        for (const [where, kind, ch] of edits) {
          const i = text.length === 0 ? 0 : where % text.length;
          if (kind === 0) text = text.slice(0, i) + ch + text.slice(i + 1);
          else if (kind === 1) text = text.slice(0, i) + text.slice(i + 1);
          else text = text.slice(0, i) + ch + text.slice(i);
        }
        return text;
      }),
  );

  it('random input never throws and errors point inside the text', () => {
    fc.assert(
      fc.property(garbageArb, (text) => {
        for (const result of [parseWeeklyHours(text), parseDayRanges(text)]) {
          if (result.ok) continue;
          expect(result.error.offset).toBeGreaterThanOrEqual(0);
          expect(result.error.offset).toBeLessThanOrEqual(text.length);
          expect(Number.isInteger(result.error.offset)).toBe(true);
          expect(result.error.message.length).toBeGreaterThan(10);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('whatever parses is well-formed: sorted, in range, without overlaps', () => {
    fc.assert(
      fc.property(garbageArb, (text) => {
        const result = parseWeeklyHours(text);
        if (!result.ok || result.value.kind === 'always') return;
        const days = result.value.days;
        expect(days).toHaveLength(7);
        days.forEach((ranges, d) => {
          const spill = (days[(d + 6) % 7] ?? []).filter((r) => r.end > 1440).map((r) => ({ start: 0, end: r.end - 1440 }));
          const all = [...ranges, ...spill].sort((a, b) => a.start - b.start);
          for (const r of ranges) {
            expect(r.start).toBeGreaterThanOrEqual(0);
            expect(r.start).toBeLessThan(1440);
            expect(r.end).toBeGreaterThan(r.start);
            expect(r.end - r.start).toBeLessThanOrEqual(1440);
          }
          for (let i = 1; i < all.length; i++) expect(all[i]!.start).toBeGreaterThanOrEqual(all[i - 1]!.end);
        });
      }),
      { numRuns: 2000 },
    );
  });
});
