/** Service hours the way the reader's language writes them ("Mo-Fr 09:00-18:00" → "Mon–Fri 09:00–18:00", "周一至周五 09:00–18:00"). */
import { parseWeeklyHours, type TimeRange } from '../directory/hours.js';
import type { Lang } from '../engine/types.js';
import { listOf, type Translate } from '../i18n/i18n.js';
import { safeText } from '../util/safe-text.js';
import { weekdayNames } from './time.js';
import '../core.js';

/**
 * The weekly hours of a channel in the reader's language: days with the same
 * hours together, three or more consecutive days as a range (two are listed). Text that is not the hours
 * notation (the directory was validated, so it should not happen) is shown as written.
 */
export function formatHours(hours: string, lang: Lang, t: Translate): string {
  const parsed = parseWeeklyHours(hours);
  if (!parsed.ok) return safeText(hours);
  if (parsed.value.kind === 'always') return t('hours.always');
  const days = parsed.value.days;
  const names = weekdayNames(lang);
  // Days grouped by their hours, in the order of the week.
  const groups = new Map<string, number[]>();
  days.forEach((ranges, day) => {
    if (ranges.length === 0) return;
    const key = ranges.map(formatRange).join(',');
    groups.set(key, [...(groups.get(key) ?? []), day]);
  });
  if (groups.size === 0) return t('hours.closed');
  const rules = [...groups.values()].map((group) => {
    // The whole week is "daily", "每天": "Mon–Sun", "周一至周日" is not how either language says it.
    if (group.length === 7) return `${t('hours.everyDay')} ${listOf(t, days[group[0]!]!.map(formatRange))}`;
    // Runs of days in a row; one that goes on over the end of the week ("Fr-Mo") is one run, from Friday to Monday, as
    // written (QA: directory review: it was "Mon, Fri–Sun").
    const runs: number[][] = [];
    for (const day of group) {
      const last = runs.at(-1);
      if (last && day === last.at(-1)! + 1) last.push(day);
      else runs.push([day]);
    }
    if (runs.length > 1 && runs[0]![0] === 0 && runs.at(-1)!.at(-1) === 6) runs.push([...runs.pop()!, ...runs.shift()!]);
    // Two days in a row are listed ("Sat, Sun", "周六、周日"): a range ("周六至周日") is for three days or more.
    const said = runs.flatMap((run) => (run.length < 3 ? run.map((day) => names[day]!) : [t('hours.dayRange', { from: names[run[0]!]!, to: names[run.at(-1)!]! })]));
    return `${listOf(t, said)} ${listOf(t, days[group[0]!]!.map(formatRange))}`;
  });
  return rules.join(t('hours.ruleSeparator'));
}

/** A day's ranges in the directory's notation ("10:00-14:00,15:00-17:00") the way the reader's language writes them. */
export function formatDayHours(text: string, t: Translate): string {
  if (text === 'off') return t('hours.closed');
  return listOf(t, text.split(',').map((r) => r.replace('-', '–')));
}

/**
 * A holiday or a short day, as the card and the summary say it: the hours of that date, and why. A day closed is said
 * as one ("当天休息（春节）", not "当天：不开放（春节）"; QA: desk). `note` is shown as it is given (escape it first).
 */
export function exceptionText(exception: { hours: string; note?: string }, t: Translate, note = exception.note): string {
  if (exception.hours === 'off') return note ? t('contact.exceptionClosedNoted', { note }) : t('contact.exceptionClosed');
  const hours = formatDayHours(exception.hours, t);
  return note ? t('contact.exceptionNoted', { hours, note }) : t('contact.exception', { hours });
}

function formatRange(r: TimeRange): string {
  return `${clock(r.start)}–${clock(r.end)}`;
}

/** HH:MM; an end past midnight (an overnight range) is written as the next day's time. */
function clock(minutes: number): string {
  const m = minutes > 1440 ? minutes - 1440 : minutes;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
