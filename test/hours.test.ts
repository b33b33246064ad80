import { describe, it, expect } from 'vitest';
import { problemTranslator } from '../src/i18n/problems.js';
import {
  channelState,
  isValidTimeZone,
  parseDayRanges,
  parseWeeklyHours,
  type DateException,
  type ParseError,
  type WeeklyHours,
} from '../src/directory/hours.js';

// Instants are written as ISO strings with an explicit offset so every expectation
// can be checked by hand; comparisons go through toISOString().
const iso = (text: string): string => new Date(text).toISOString();

function weekly(text: string): WeeklyHours {
  const result = parseWeeklyHours(text);
  if (!result.ok) throw new Error(`unexpected parse error: ${result.error.message} at ${result.error.offset}`);
  return result.value;
}

function exception(date: string, text: string): DateException {
  const result = parseDayRanges(text);
  if (!result.ok) throw new Error(`unexpected parse error: ${result.error.message}`);
  return { date, ranges: result.value };
}

interface Seen {
  openNow: boolean;
  nextOpen: string | null;
  nextClose: string | null;
}

function stateAt(text: string, timezone: string, at: string, exceptions: DateException[] = [], horizon?: number): Seen {
  const s = channelState({ timezone, weekly: weekly(text), exceptions }, new Date(at), horizon);
  return {
    openNow: s.openNow,
    nextOpen: s.nextOpen ? s.nextOpen.toISOString() : null,
    nextClose: s.nextClose ? s.nextClose.toISOString() : null,
  };
}

const open = (until: string | null): Seen => ({ openNow: true, nextOpen: null, nextClose: until === null ? null : iso(until) });
const closed = (opens: string | null): Seen => ({ openNow: false, nextOpen: opens === null ? null : iso(opens), nextClose: null });

function parseError(text: string): ParseError {
  const result = parseWeeklyHours(text);
  if (result.ok) throw new Error(`expected "${text}" to be rejected`);
  return result.error;
}

const r = (start: number, end: number) => ({ start, end });

describe('parseWeeklyHours: accepted forms', () => {
  it('24/7 is always open', () => {
    expect(parseWeeklyHours('24/7')).toEqual({ ok: true, value: { kind: 'always' } });
    expect(parseWeeklyHours('  24/7 ')).toEqual({ ok: true, value: { kind: 'always' } });
  });

  it('office hours on a day range', () => {
    const value = weekly('Mo-Fr 09:00-18:00');
    expect(value).toEqual({
      kind: 'weekly',
      days: [[r(540, 1080)], [r(540, 1080)], [r(540, 1080)], [r(540, 1080)], [r(540, 1080)], [], []],
    });
  });

  it('several rules, with or without spaces around ";"', () => {
    const a = weekly('Mo-Fr 09:00-18:00; Sa 10:00-14:00');
    const b = weekly('Mo-Fr 09:00-18:00;Sa 10:00-14:00');
    expect(a).toEqual(b);
    expect(a.kind === 'weekly' && a.days[5]).toEqual([r(600, 840)]);
    expect(a.kind === 'weekly' && a.days[6]).toEqual([]);
  });

  it('several ranges a day, sorted by start', () => {
    const value = weekly('Mo 13:00-18:00,09:00-12:00');
    expect(value.kind === 'weekly' && value.days[0]).toEqual([r(540, 720), r(780, 1080)]);
  });

  it('ranges of several rules for one day add up', () => {
    const value = weekly('Mo-Fr 09:00-12:00; Mo 13:00-15:00');
    expect(value.kind === 'weekly' && value.days[0]).toEqual([r(540, 720), r(780, 900)]);
    expect(value.kind === 'weekly' && value.days[1]).toEqual([r(540, 720)]);
  });

  it('day lists and mixed lists of days and ranges', () => {
    const value = weekly('Mo,We,Fr 10:00-11:00; Tu-Th,Su 12:00-13:00');
    if (value.kind !== 'weekly') throw new Error('weekly expected');
    expect(value.days.map((d) => d.length)).toEqual([1, 1, 2, 1, 1, 0, 1]);
  });

  it('day ranges wrap around the week: Fr-Mo is Fr, Sa, Su, Mo', () => {
    const value = weekly('Fr-Mo 10:00-12:00');
    if (value.kind !== 'weekly') throw new Error('weekly expected');
    expect(value.days.map((d) => d.length)).toEqual([1, 0, 0, 0, 1, 1, 1]);
  });

  it('overnight ranges end past 1440', () => {
    expect(weekly('Fr 22:00-02:00')).toEqual({ kind: 'weekly', days: [[], [], [], [], [r(1320, 1560)], [], []] });
    const midnight = weekly('Sa 18:00-00:00');
    expect(midnight.kind === 'weekly' && midnight.days[5]).toEqual([r(1080, 1440)]);
  });

  it('24:00 ends a day and 00:00-24:00 is a whole day', () => {
    const value = weekly('Mo 18:00-24:00; Tu 00:00-24:00');
    expect(value.kind === 'weekly' && value.days.slice(0, 2)).toEqual([[r(1080, 1440)], [r(0, 1440)]]);
  });

  it('"off" and "closed" drop what earlier rules said for those days', () => {
    const value = weekly('Mo-Sa 09:00-18:00; Sa off');
    expect(value.kind === 'weekly' && value.days[5]).toEqual([]);
    const closedDay = weekly('Mo-Su 09:00-18:00; Sa,Su closed');
    expect(closedDay.kind === 'weekly' && closedDay.days.slice(5)).toEqual([[], []]);
    const reopened = weekly('Sa off; Sa 10:00-12:00');
    expect(reopened.kind === 'weekly' && reopened.days[5]).toEqual([r(600, 720)]);
  });

  it('"off" on a day does not clear the overnight spill from the day before', () => {
    const value = weekly('Fr 22:00-02:00; Sa off');
    expect(value.kind === 'weekly' && value.days[4]).toEqual([r(1320, 1560)]);
  });

  it('adjacent ranges, and a spill touching the next day’s range, are not overlaps', () => {
    expect(parseWeeklyHours('Mo 09:00-12:00,12:00-18:00').ok).toBe(true);
    expect(parseWeeklyHours('Fr 22:00-02:00; Sa 02:00-06:00').ok).toBe(true);
  });

  it('24/7 combined with other rules becomes weekly hours', () => {
    const value = weekly('24/7; Su off');
    expect(value.kind).toBe('weekly');
    expect(value.kind === 'weekly' && value.days.map((d) => d.length)).toEqual([1, 1, 1, 1, 1, 1, 0]);
  });

  it('times without a day selector apply to every day', () => {
    const value = weekly('10:00-16:00');
    expect(value.kind === 'weekly' && value.days.every((d) => d.length === 1)).toBe(true);
  });

  it('spaces inside selectors and ranges are tolerated', () => {
    expect(weekly('Mo - Fr , Su  09:00 - 12:00 , 13:00-14:00')).toEqual(
      weekly('Mo-Fr,Su 09:00-12:00,13:00-14:00'),
    );
  });
});

describe('parseWeeklyHours: errors carry an offset and an explanation', () => {
  const cases: Array<[text: string, offset: number, message: RegExp]> = [
    ['', 0, /^no opening hours given: write e\.g\. Mo-Fr 09:00-18:00, or 24\/7$/],
    ['   ', 0, /no opening hours given/],
    ['Mn 09:00-18:00', 0, /^unknown day "Mn": use Mo, Tu, We, Th, Fr, Sa or Su$/],
    ['Mo-Fx 09:00-10:00', 3, /^unknown day "Fx": use Mo, Tu, We, Th, Fr, Sa or Su$/],
    ['Mo-Fr 09:00-18:00; monday 10:00-11:00', 19, /^unknown day "monday"/],
    ['PH off', 0, /holidays.*list holiday dates as exceptions/],
    ['Mo-Fr', 5, /^"Mo-Fr" has no times: add hours such as "Mo-Fr 09:00-18:00", or write "Mo-Fr off"$/],
    ['Mo-Fr 09:00-18:00; Sa', 21, /^"Sa" has no times/],
    ['Mo 9:00-18:00', 3, /^malformed time "9:00": write times as HH:MM/],
    ['Mo 09.00-18:00', 3, /^malformed time "09.00"/],
    ['Mo 09:00-6pm', 9, /^malformed time "6pm"/],
    // The usual mistakes, said as such (QA: author): the dash the cards print, a rule after ",", 24/7 as a day's hours.
    ['Mo-Fr 09:00–18:00', 11, /^write a range with a plain hyphen "-", not "–": e\.g\. 09:00-18:00$/],
    ['Mo-Fr 09:00～18:00', 11, /^write a range with a plain hyphen "-", not "～"/],
    ['Mo-Fr 09:00-18:00, Sa 10:00-14:00', 19, /^"Sa" is a day, where a time was expected: separate rules with ";"/],
    ['Sa 24/7', 3, /^24\/7 is not a time: for a whole day write 00:00-24:00$/],
    ['Mo 09:60-18:00', 6, /^minutes 60 in "09:60" are out of range: minutes go from 00 to 59$/],
    ['Mo 25:00-26:00', 3, /^hour 25 in "25:00" is out of range: hours go from 00 to 24$/],
    ['Mo 09:00-24:30', 9, /^"24:30" is past the end of the day: the latest time is 24:00$/],
    ['Mo 24:00-02:00', 3, /^a range cannot start at 24:00/],
    ['Mo 10:00-10:00', 3, /^range 10:00-10:00 has zero length/],
    ['Mo 00:00-00:00', 3, /^range 00:00-00:00 has zero length: for a whole day write 00:00-24:00$/],
    ['Mo 09:00 18:00', 9, /^expected "-" after 09:00 but found "18:00": write a range as HH:MM-HH:MM/],
    ['Mo 09:00', 8, /^expected "-" after 09:00 but found nothing/],
    ['Mo 09:00-', 9, /^expected a time \(HH:MM, e\.g\. 09:00\) but found the end of the rule$/],
    ['Mo 09:00-18:00,', 15, /^expected a time/],
    ['Mo Tu 09:00-10:00', 3, /^expected times after "Mo" but found the day "Tu": separate days with ","/],
    ['Mo-Fr foo', 6, /^expected times \(HH:MM-HH:MM\) or "off" after "Mo-Fr" but found "foo"/],
    ['Mo, 09:00-10:00', 4, /^expected a day after "," but found "09:00-10:00": use Mo, Tu/],
    ['Mo- 09:00-10:00', 4, /^expected a day after "Mo-"/],
    ['Mo 09:00-12:00 Tu 10:00-11:00', 15, /^unexpected "Tu" after the times: separate time ranges with "," and rules with ";"/],
    ['Sa off 10:00-12:00', 7, /^unexpected "10:00-12:00" after "off"/],
    ['24/7 Mo', 5, /^unexpected "Mo" after 24\/7/],
    ['@home', 0, /^unexpected "@home": a rule starts with days/],
    ['Mo-Fr 09:00-18:00;', 17, /^empty rule: remove the extra ";"/],
    ['Mo 09:00-10:00;; Tu 09:00-10:00', 15, /^empty rule/],
    ['; Mo 09:00-10:00', 0, /^empty rule/],
    // Overlaps: reported at the range written later, naming the one it collides with.
    ['Mo 09:00-12:00,11:00-13:00', 15, /^11:00-13:00 on Mo overlaps 09:00-12:00 on Mo: opening hours must not overlap/],
    ['Mo-Fr 09:00-18:00; We 17:00-19:00', 22, /^17:00-19:00 on We overlaps 09:00-18:00 on We/],
    [
      'Fr 22:00-03:00; Sa 02:00-05:00',
      19,
      /^02:00-05:00 on Sa overlaps the overnight range Fr 22:00-03:00 \(running until 03:00 on Sa\): opening hours must not overlap/,
    ],
    ['Su 22:00-03:00; Mo 01:00-02:00', 19, /^01:00-02:00 on Mo overlaps the overnight range Su 22:00-03:00/],
    ['Mo 01:00-02:00; Su 22:00-03:00', 19, /^the overnight range Su 22:00-03:00 \(running until 03:00 on Mo\) overlaps 01:00-02:00 on Mo/],
    ['24/7; Mo 10:00-11:00', 9, /^10:00-11:00 on Mo overlaps 00:00-24:00 on Mo/],
  ];

  for (const [text, offset, message] of cases) {
    it(`rejects ${JSON.stringify(text)} at offset ${offset}`, () => {
      const error = parseError(text);
      expect(error.message).toMatch(message);
      expect(error.offset).toBe(offset);
      expect(error.offset).toBeGreaterThanOrEqual(0);
      expect(error.offset).toBeLessThanOrEqual(text.length);
    });
  }

  it('offers the hours written without overlap when a rule gives some of another rule\'s days hours of their own (QA: author #10)', () => {
    expect(parseError('Mo-Fr 09:00-18:00; Fr 09:00-15:00').message).toBe(
      '09:00-15:00 on Fr overlaps 09:00-18:00 on Fr: opening hours must not overlap. To give Fr hours of its own, leave it out of the rule for the other days: "Mo-Th 09:00-18:00; Fr 09:00-15:00"',
    );
    expect(parseError('Mo-Su 10:00-20:00; Sa,Su 10:00-16:00').message).toMatch(/: "Mo-Fr 10:00-20:00; Sa,Su 10:00-16:00"$/);
    expect(parseError('We 17:00-19:00; Mo-Fr 09:00-12:00,13:00-18:00').message).toMatch(/To give We hours of its own, .*: "We 17:00-19:00; Mo,Tu,Th,Fr 09:00-12:00,13:00-18:00"$/);
    // Every other rule stays as it was: the suggestion dropped Saturday, or the weekdays (QA: directory authors).
    const suggested = (text: string) => /: "([^"]+)"$/.exec(parseError(text).message)?.[1];
    expect(suggested('Mo-Fr 09:00-18:00; Sa 10:00-14:00; Fr 09:00-15:00')).toBe('Mo-Th 09:00-18:00; Sa 10:00-14:00; Fr 09:00-15:00');
    expect(suggested('Sa-Su 10:00-12:00; Mo-Fr 09:00-18:00; Sa 11:00-13:00')).toBe('Su 10:00-12:00; Mo-Fr 09:00-18:00; Sa 11:00-13:00');
    for (const text of ['Mo-Fr 09:00-18:00; Sa 10:00-14:00; Fr 09:00-15:00', 'Sa-Su 10:00-12:00; Mo-Fr 09:00-18:00; Sa 11:00-13:00', 'Mo-Su 10:00-20:00; Sa,Su 10:00-16:00']) {
      expect(parseWeeklyHours(suggested(text)!).ok, text).toBe(true);
    }
    // The same days twice, or ranges of one rule, are no such case: merge or fix the times.
    expect(parseError('Mo-Fr 09:00-18:00; Mo-Fr 17:00-19:00').message).toMatch(/merge them into one range or fix the times$/);
    expect(parseError('Mo 09:00-12:00,11:00-13:00').message).toMatch(/merge them into one range or fix the times$/);
    const zh = parseError('Mo-Fr 09:00-18:00; Fr 09:00-15:00');
    expect(problemTranslator('zh')(zh.key, zh.params)).toBe('Fr 09:00-15:00 与 Fr 09:00-18:00 重叠：服务时段不能重叠。如果要让 Fr 使用单独的时间，请把它从其他日子的规则中去掉：“Mo-Th 09:00-18:00; Fr 09:00-15:00”');
  });

  it('reports the earliest problem when several ranges overlap', () => {
    const error = parseError('Mo 09:00-12:00; Tu 09:00-12:00; Mo 10:00-11:00; Tu 11:00-13:00');
    expect(error.offset).toBe(35);
  });
});

describe('parseDayRanges', () => {
  it('parses one day of ranges, overnight included', () => {
    expect(parseDayRanges('10:00-14:00,15:00-17:00')).toEqual({ ok: true, value: [r(600, 840), r(900, 1020)] });
    expect(parseDayRanges('22:00-02:00')).toEqual({ ok: true, value: [r(1320, 1560)] });
    expect(parseDayRanges(' 00:00-24:00 ')).toEqual({ ok: true, value: [r(0, 1440)] });
  });

  it('"off" and "closed" mean closed all day', () => {
    expect(parseDayRanges('off')).toEqual({ ok: true, value: [] });
    expect(parseDayRanges(' closed ')).toEqual({ ok: true, value: [] });
  });

  it('rejects bad input with an offset', () => {
    const cases: Array<[string, number, RegExp]> = [
      ['', 0, /^no hours given/],
      ['holiday', 0, /^unexpected "holiday": write times such as 10:00-14:00,15:00-17:00, or "closed"/],
      ['closed 10:00-12:00', 7, /^unexpected "10:00-12:00" after "closed"/],
      ['10:00-14:00,13:00-15:00', 12, /^13:00-15:00 overlaps 10:00-14:00: opening hours must not overlap/],
      ['10:00-14:61', 9, /^minutes 61/],
      ['Mo 10:00-12:00', 0, /^unexpected "Mo"/],
    ];
    for (const [text, offset, message] of cases) {
      const result = parseDayRanges(text);
      expect(result.ok, text).toBe(false);
      if (!result.ok) {
        expect(result.error.message, text).toMatch(message);
        expect(result.error.offset, text).toBe(offset);
      }
    }
  });
});

describe('isValidTimeZone', () => {
  it('accepts IANA names and rejects the rest', () => {
    for (const zone of ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe']) {
      expect(isValidTimeZone(zone), zone).toBe(true);
    }
    for (const zone of ['', ' ', 'Mars/Olympus_Mons', 'Europe/Berlinn', 'GMT+25']) {
      expect(isValidTimeZone(zone), zone).toBe(false);
    }
  });
});

describe('channelState: weekly rules', () => {
  it('24/7 never closes', () => {
    expect(stateAt('24/7', 'Europe/Berlin', '2026-06-10T03:00+02:00')).toEqual(open(null));
  });

  it('24/7 still honours a closed date', () => {
    const xmas = [exception('2026-12-25', 'closed')];
    expect(stateAt('24/7', 'Europe/Berlin', '2026-12-24T12:00+01:00', xmas)).toEqual(open('2026-12-25T00:00+01:00'));
    expect(stateAt('24/7', 'Europe/Berlin', '2026-12-25T10:00+01:00', xmas)).toEqual(closed('2026-12-26T00:00+01:00'));
  });

  it('office hours Mo-Fr', () => {
    const text = 'Mo-Fr 09:00-18:00';
    // Monday 2026-06-08.
    expect(stateAt(text, 'UTC', '2026-06-08T08:59Z')).toEqual(closed('2026-06-08T09:00Z'));
    expect(stateAt(text, 'UTC', '2026-06-08T09:00Z')).toEqual(open('2026-06-08T18:00Z'));
    expect(stateAt(text, 'UTC', '2026-06-08T17:59:59.999Z')).toEqual(open('2026-06-08T18:00Z'));
    expect(stateAt(text, 'UTC', '2026-06-08T18:00Z')).toEqual(closed('2026-06-09T09:00Z'));
    // Friday evening: next opening is Monday.
    expect(stateAt(text, 'UTC', '2026-06-12T19:00Z')).toEqual(closed('2026-06-15T09:00Z'));
  });

  it('several ranges a day and adjacent ranges', () => {
    expect(stateAt('Mo-Fr 09:00-12:00,13:00-18:00', 'UTC', '2026-06-08T10:00Z')).toEqual(open('2026-06-08T12:00Z'));
    expect(stateAt('Mo-Fr 09:00-12:00,13:00-18:00', 'UTC', '2026-06-08T12:30Z')).toEqual(closed('2026-06-08T13:00Z'));
    expect(stateAt('Mo-Fr 09:00-12:00,12:00-18:00', 'UTC', '2026-06-08T10:00Z')).toEqual(open('2026-06-08T18:00Z'));
  });

  it('whole days in a row merge into one opening', () => {
    expect(stateAt('Mo-Su 00:00-24:00', 'UTC', '2026-06-08T10:00Z')).toEqual(open(null));
    expect(stateAt('Mo-Fr 00:00-24:00', 'UTC', '2026-06-10T10:00Z')).toEqual(open('2026-06-13T00:00Z'));
  });

  it('overnight range Friday→Saturday', () => {
    const text = 'Fr 22:00-02:00';
    expect(stateAt(text, 'UTC', '2026-06-12T21:00Z')).toEqual(closed('2026-06-12T22:00Z'));
    expect(stateAt(text, 'UTC', '2026-06-12T23:00Z')).toEqual(open('2026-06-13T02:00Z'));
    expect(stateAt(text, 'UTC', '2026-06-13T01:59Z')).toEqual(open('2026-06-13T02:00Z'));
    expect(stateAt(text, 'UTC', '2026-06-13T02:00Z')).toEqual(closed('2026-06-19T22:00Z'));
  });

  it('overnight range Sunday→Monday wraps around the week', () => {
    const text = 'Su 22:00-02:00';
    // Monday 2026-06-08 01:00 belongs to Sunday's opening.
    expect(stateAt(text, 'UTC', '2026-06-08T01:00Z')).toEqual(open('2026-06-08T02:00Z'));
    expect(stateAt(text, 'UTC', '2026-06-08T03:00Z')).toEqual(closed('2026-06-14T22:00Z'));
  });

  it('a spill ending where the next day’s range starts is one opening', () => {
    expect(stateAt('Fr 22:00-02:00; Sa 02:00-06:00', 'UTC', '2026-06-12T23:00Z')).toEqual(open('2026-06-13T06:00Z'));
  });

  it('wrap-around day range Fr-Mo', () => {
    const text = 'Fr-Mo 10:00-12:00';
    // Tuesday 2026-06-09 → Friday.
    expect(stateAt(text, 'UTC', '2026-06-09T11:00Z')).toEqual(closed('2026-06-12T10:00Z'));
    expect(stateAt(text, 'UTC', '2026-06-14T11:00Z')).toEqual(open('2026-06-14T12:00Z'));
    expect(stateAt(text, 'UTC', '2026-06-14T12:00Z')).toEqual(closed('2026-06-15T10:00Z'));
  });

  it('"off" closes a day, but not the spill of the day before', () => {
    expect(stateAt('Mo-Sa 09:00-18:00; Sa off', 'UTC', '2026-06-13T10:00Z')).toEqual(closed('2026-06-15T09:00Z'));
    expect(stateAt('Fr 22:00-02:00; Sa off', 'UTC', '2026-06-13T01:00Z')).toEqual(open('2026-06-13T02:00Z'));
  });

  it('returns null when nothing changes within the horizon', () => {
    expect(stateAt('Mo 09:00-10:00', 'UTC', '2026-06-09T12:00Z', [], 3)).toEqual(closed(null));
    expect(stateAt('Mo 09:00-10:00', 'UTC', '2026-06-09T12:00Z', [], 6)).toEqual(closed('2026-06-15T09:00Z'));
    expect(stateAt('Mo 09:00-10:00', 'UTC', '2026-06-08T09:00Z', [], 1)).toEqual(open('2026-06-08T10:00Z'));
    expect(stateAt('Mo 09:00-10:00', 'UTC', '2026-06-08T09:00Z', [], 0)).toEqual(open(null));
    // A change exactly on the horizon still counts.
    expect(stateAt('Mo 09:00-10:00', 'UTC', '2026-06-07T21:00Z', [], 0.5)).toEqual(closed('2026-06-08T09:00Z'));
    expect(stateAt('Mo 09:00-10:00', 'UTC', '2026-06-07T21:00Z', [], 0.4999)).toEqual(closed(null));
  });
});

describe('channelState: exceptions', () => {
  const office = 'Mo-Fr 09:00-18:00';

  it('a closed holiday skips the day', () => {
    const xmas = [exception('2026-12-25', 'closed')];
    expect(stateAt(office, 'Europe/Berlin', '2026-12-24T17:00+01:00', xmas)).toEqual(open('2026-12-24T18:00+01:00'));
    expect(stateAt(office, 'Europe/Berlin', '2026-12-24T18:30+01:00', xmas)).toEqual(closed('2026-12-28T09:00+01:00'));
  });

  it('a closure of three weeks reopens within the default horizon; a longer one runs past it (QA: directory review)', () => {
    const off = (from: string, days: number): DateException[] =>
      Array.from({ length: days }, (_, i) => ({ date: new Date(Date.parse(`${from}T00:00Z`) + i * 86_400_000).toISOString().slice(0, 10), ranges: [] }));
    // Christmas to after the New Year: it said "no opening in the next two weeks".
    expect(stateAt(office, 'UTC', '2026-12-18T18:00Z', off('2026-12-21', 18))).toEqual(closed('2027-01-08T09:00Z'));
    expect(stateAt(office, 'UTC', '2026-07-31T19:00Z', off('2026-08-01', 80))).toEqual(closed(null));
    expect(stateAt(office, 'UTC', '2026-07-31T19:00Z', off('2026-08-01', 80), 90)).toEqual(closed('2026-10-20T09:00Z'));
  });

  it('a special opening on a Sunday', () => {
    const special = [exception('2026-12-20', '10:00-14:00')];
    expect(stateAt(office, 'Europe/Berlin', '2026-12-19T12:00+01:00', special)).toEqual(closed('2026-12-20T10:00+01:00'));
    expect(stateAt(office, 'Europe/Berlin', '2026-12-20T13:00+01:00', special)).toEqual(open('2026-12-20T14:00+01:00'));
  });

  it('an exception replaces the weekly hours of its date', () => {
    const short = [exception('2026-12-24', '09:00-12:00')];
    expect(stateAt(office, 'UTC', '2026-12-24T11:00Z', short)).toEqual(open('2026-12-24T12:00Z'));
    expect(stateAt(office, 'UTC', '2026-12-24T12:00Z', short)).toEqual(closed('2026-12-25T09:00Z'));
  });

  it('the overnight spill of the day before a holiday still applies', () => {
    const text = 'Mo-Fr 20:00-02:00';
    const xmas = [exception('2026-12-25', 'closed')];
    // Thursday 24th 23:00: the opening started on the 24th and runs until 02:00 on the (closed) 25th.
    expect(stateAt(text, 'UTC', '2026-12-24T23:00Z', xmas)).toEqual(open('2026-12-25T02:00Z'));
    // Friday's own evening opening is gone; next is Monday evening.
    expect(stateAt(text, 'UTC', '2026-12-25T03:00Z', xmas)).toEqual(closed('2026-12-28T20:00Z'));
  });

  it('an exception’s overnight range spills into the next date, even a closed one', () => {
    const nye = [exception('2026-12-31', '22:00-03:00'), exception('2027-01-01', 'closed')];
    expect(stateAt(office, 'UTC', '2026-12-31T21:00Z', nye)).toEqual(closed('2026-12-31T22:00Z'));
    expect(stateAt(office, 'UTC', '2027-01-01T02:00Z', nye)).toEqual(open('2027-01-01T03:00Z'));
    expect(stateAt(office, 'UTC', '2027-01-01T03:00Z', nye)).toEqual(closed('2027-01-04T09:00Z'));
  });

  it('rejects an invalid schedule instead of guessing', () => {
    const base = { weekly: weekly(office), exceptions: [] };
    expect(() => channelState({ ...base, timezone: 'Mars/Base' }, new Date('2026-01-01T00:00Z'))).toThrow(/unknown time zone/);
    expect(() =>
      channelState({ ...base, timezone: 'UTC', exceptions: [{ date: '2026-02-30', ranges: [] }] }, new Date('2026-01-01T00:00Z')),
    ).toThrow(/invalid exception date/);
    expect(() => channelState({ ...base, timezone: 'UTC' }, new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('channelState: time zones', () => {
  const office = 'Mo-Fr 09:00-18:00';

  it('support in Shanghai, user in New York: Friday night is already Saturday there', () => {
    // Friday 2026-03-13 21:30 in New York (EDT) = Saturday 09:30 in Shanghai.
    expect(stateAt(office, 'Asia/Shanghai', '2026-03-13T21:30-04:00')).toEqual(closed('2026-03-15T21:00-04:00'));
    // Sunday 2026-03-15 21:30 in New York = Monday 09:30 in Shanghai.
    expect(stateAt(office, 'Asia/Shanghai', '2026-03-15T21:30-04:00')).toEqual(open('2026-03-16T06:00-04:00'));
  });

  it('support in New York, user in Tokyo', () => {
    // Saturday 2026-01-10 08:00 in Tokyo = Friday 18:00 in New York (EST): just closed.
    expect(stateAt(office, 'America/New_York', '2026-01-10T08:00+09:00')).toEqual(closed('2026-01-12T09:00-05:00'));
    // Saturday 01:00 in Tokyo = Friday 11:00 in New York.
    expect(stateAt(office, 'America/New_York', '2026-01-10T01:00+09:00')).toEqual(open('2026-01-09T18:00-05:00'));
  });

  it('half-hour zone Asia/Kolkata', () => {
    expect(stateAt(office, 'Asia/Kolkata', '2026-06-08T03:00Z')).toEqual(closed('2026-06-08T09:00+05:30'));
    expect(stateAt(office, 'Asia/Kolkata', '2026-06-08T12:00Z')).toEqual(open('2026-06-08T18:00+05:30'));
  });
});

describe('channelState: daylight-saving transitions', () => {
  describe('America/New_York spring forward, Sunday 2026-03-08 02:00 EST → 03:00 EDT', () => {
    const zone = 'America/New_York';
    it('a range ending inside the gap closes when the gap ends', () => {
      expect(stateAt('Su 01:00-02:30', zone, '2026-03-08T01:30-05:00')).toEqual(open('2026-03-08T03:00-04:00'));
    });
    it('a range starting inside the gap opens when the gap ends', () => {
      expect(stateAt('Su 02:30-05:00', zone, '2026-03-08T01:30-05:00')).toEqual(closed('2026-03-08T03:00-04:00'));
      expect(stateAt('Su 02:30-05:00', zone, '2026-03-08T03:30-04:00')).toEqual(open('2026-03-08T05:00-04:00'));
    });
    it('a range across the gap is one hour shorter', () => {
      expect(stateAt('Su 01:00-04:00', zone, '2026-03-08T01:30-05:00')).toEqual(open('2026-03-08T04:00-04:00'));
    });
    it('an overnight spill ending inside the gap', () => {
      expect(stateAt('Sa 22:00-02:30', zone, '2026-03-08T01:00-05:00')).toEqual(open('2026-03-08T03:00-04:00'));
    });
    it('a range lying wholly inside the gap never opens that day', () => {
      expect(stateAt('Su 02:10-02:50', zone, '2026-03-08T01:30-05:00')).toEqual(closed('2026-03-15T02:10-04:00'));
    });
  });

  describe('America/New_York fall back, Sunday 2026-11-01 02:00 EDT → 01:00 EST', () => {
    const zone = 'America/New_York';
    it('a range inside the repeated hour opens twice', () => {
      const text = 'Su 01:00-01:30';
      expect(stateAt(text, zone, '2026-11-01T00:30-04:00')).toEqual(closed('2026-11-01T01:00-04:00'));
      expect(stateAt(text, zone, '2026-11-01T01:15-04:00')).toEqual(open('2026-11-01T01:30-04:00'));
      expect(stateAt(text, zone, '2026-11-01T01:45-04:00')).toEqual(closed('2026-11-01T01:00-05:00'));
      expect(stateAt(text, zone, '2026-11-01T01:10-05:00')).toEqual(open('2026-11-01T01:30-05:00'));
    });
    it('a range across the repeated hour is one hour longer', () => {
      expect(stateAt('Su 00:00-02:00', zone, '2026-11-01T01:30-04:00')).toEqual(open('2026-11-01T02:00-05:00'));
    });
    it('a range starting inside the repeated hour closes while the clock is turned back', () => {
      const text = 'Su 01:30-03:00';
      expect(stateAt(text, zone, '2026-11-01T01:00-04:00')).toEqual(closed('2026-11-01T01:30-04:00'));
      expect(stateAt(text, zone, '2026-11-01T01:40-04:00')).toEqual(open('2026-11-01T01:00-05:00'));
      expect(stateAt(text, zone, '2026-11-01T01:10-05:00')).toEqual(closed('2026-11-01T01:30-05:00'));
      expect(stateAt(text, zone, '2026-11-01T01:40-05:00')).toEqual(open('2026-11-01T03:00-05:00'));
    });
  });

  describe('Europe/Berlin spring forward, Sunday 2026-03-29 02:00 CET → 03:00 CEST', () => {
    const zone = 'Europe/Berlin';
    it('an overnight spill ending inside the gap', () => {
      expect(stateAt('Sa 22:00-02:30', zone, '2026-03-29T01:30+01:00')).toEqual(open('2026-03-29T03:00+02:00'));
    });
    it('a range starting at the vanished 02:00', () => {
      expect(stateAt('Su 02:00-04:00', zone, '2026-03-29T01:30+01:00')).toEqual(closed('2026-03-29T03:00+02:00'));
      expect(stateAt('Su 02:00-04:00', zone, '2026-03-29T03:30+02:00')).toEqual(open('2026-03-29T04:00+02:00'));
    });
  });

  describe('Europe/Berlin fall back, Sunday 2026-10-25 03:00 CEST → 02:00 CET', () => {
    const zone = 'Europe/Berlin';
    it('a range in the repeated hour closes when the clock goes back, then reopens', () => {
      const text = 'Su 02:30-03:30';
      expect(stateAt(text, zone, '2026-10-25T02:45+02:00')).toEqual(open('2026-10-25T02:00+01:00'));
      expect(stateAt(text, zone, '2026-10-25T02:10+01:00')).toEqual(closed('2026-10-25T02:30+01:00'));
      expect(stateAt(text, zone, '2026-10-25T02:45+01:00')).toEqual(open('2026-10-25T03:30+01:00'));
    });
    it('an overnight spill into the repeated hour applies on both occurrences', () => {
      const text = 'Sa 23:00-02:30';
      expect(stateAt(text, zone, '2026-10-25T00:00+02:00')).toEqual(open('2026-10-25T02:30+02:00'));
      expect(stateAt(text, zone, '2026-10-25T02:45+02:00')).toEqual(closed('2026-10-25T02:00+01:00'));
      expect(stateAt(text, zone, '2026-10-25T02:15+01:00')).toEqual(open('2026-10-25T02:30+01:00'));
    });
  });

  describe('Australia/Lord_Howe, 30-minute shift', () => {
    const zone = 'Australia/Lord_Howe';
    it('fall back on 2026-04-05 02:00 (+11:00) → 01:30 (+10:30)', () => {
      expect(stateAt('Su 01:00-02:00', zone, '2026-04-05T01:30+11:00')).toEqual(open('2026-04-05T02:00+10:30'));
      expect(stateAt('Su 01:45-03:00', zone, '2026-04-05T01:50+11:00')).toEqual(open('2026-04-05T01:30+10:30'));
      expect(stateAt('Su 01:45-03:00', zone, '2026-04-05T01:35+10:30')).toEqual(closed('2026-04-05T01:45+10:30'));
    });
    it('spring forward on 2026-10-04 02:00 (+10:30) → 02:30 (+11:00)', () => {
      expect(stateAt('Su 02:10-04:00', zone, '2026-10-04T01:50+10:30')).toEqual(closed('2026-10-04T02:30+11:00'));
    });
  });

  it('Pacific/Chatham (+13:45) fall back on 2026-04-05 03:45 → 02:45 (+12:45)', () => {
    const text = 'Su 02:00-03:00';
    const zone = 'Pacific/Chatham';
    expect(stateAt(text, zone, '2026-04-05T02:50+13:45')).toEqual(open('2026-04-05T03:00+13:45'));
    // 03:30 is closed, then the clock goes back to 02:45, which is inside the range again.
    expect(stateAt(text, zone, '2026-04-05T03:30+13:45')).toEqual(closed('2026-04-05T02:45+12:45'));
    expect(stateAt(text, zone, '2026-04-05T02:50+12:45')).toEqual(open('2026-04-05T03:00+12:45'));
  });
});

