/** Times and durations the way each language writes them, through Intl. */
import type { Lang } from '../engine/types.js';
import { listOf, type Translate } from '../i18n/i18n.js';

const LOCALES: Record<Lang, string> = { en: 'en-GB', zh: 'zh-CN' };

/**
 * Intl formatters, made once a run for each language, zone and shape: making one loads
 * ICU data and costs far more than formatting (a directory lists many channels).
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.DisplayNames>();
function formatter<T extends Intl.DateTimeFormat | Intl.DisplayNames>(key: string, make: () => T): T {
  let f = formatters.get(key) as T | undefined;
  if (!f) formatters.set(key, (f = make()));
  return f;
}

/** The time of day in `zone`, "09:00", in every language. */
const clock = (locale: string, zone: string) => formatter(`time ${locale} ${zone}`, () => new Intl.DateTimeFormat(locale, { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }));

/** "Mon 09:00" / "周一 09:00" in `zone`; with the date when it is more than six days away. */
export function formatWhen(at: Date, now: Date, zone: string, lang: Lang): string {
  const far = at.getTime() - now.getTime() > 6 * 86_400_000;
  const locale = LOCALES[lang];
  const day = formatter(`day ${locale} ${zone} ${far}`, () => new Intl.DateTimeFormat(locale, { timeZone: zone, weekday: 'short', ...(far ? { month: 'short', day: 'numeric' } : {}) }));
  const time = clock(locale, zone);
  const shown = `${day.format(at)} ${time.format(at)}`;
  // A time the clocks show twice (when they go back, 01:00 to 02:00 in New York) is said with its offset: "until Sun
  // 01:00" printed at 01:45 meant the second 01:00 (QA: directory review). Shifts are 30 minutes to 2 hours.
  const twice = [-120, -60, -30, 30, 60, 120].some((m) => {
    const other = new Date(at.getTime() + m * 60_000);
    return `${day.format(other)} ${time.format(other)}` === shown;
  });
  if (!twice) return shown;
  const offset = formatter(`offset ${locale} ${zone}`, () => new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'shortOffset' })).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value;
  return offset ? `${shown} ${offset}` : shown;
}

/** A date and time in `zone`, the way the language writes it ("22 Nov 2026, 14:36" / "2026年11月22日 14:36"); the ISO text when it cannot be read. */
export function formatDateTime(iso: string, zone: string, lang: Lang): string {
  const locale = LOCALES[lang];
  try {
    const at = new Date(iso);
    if (Number.isNaN(at.getTime())) return iso;
    return formatter(`datetime ${locale} ${zone}`, () => new Intl.DateTimeFormat(locale, { timeZone: zone, dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' })).format(at);
  } catch {
    return iso;
  }
}

/**
 * When something ran, from `start` to `end`, in `zone`: "22 Nov 2026, 15:00 to 23 Nov 2026, 07:46"; within one day the
 * date is said once ("23 Nov 2026, 06:53 to 07:10"), and within one minute the time is ("23 Nov 2026, 07:46").
 */
export function formatDateTimeRange(start: string, end: string, zone: string, lang: Lang, t: Translate): string {
  const began = formatDateTime(start, zone, lang);
  const ended = formatDateTime(end, zone, lang);
  if (began === ended) return ended;
  const locale = LOCALES[lang];
  const day = (iso: string) => formatter(`date ${locale} ${zone}`, () => new Intl.DateTimeFormat(locale, { timeZone: zone, dateStyle: 'medium' })).format(new Date(iso));
  let shownEnd = ended;
  try {
    if (day(start) === day(end)) shownEnd = clock(locale, zone).format(new Date(end));
  } catch {
    // A time or zone that cannot be read is said as formatDateTime says it.
  }
  return t('summary.time.range', { start: began, end: shownEnd });
}

/** A date and time in `zone` for a table column: "2026-11-22 19:46", the same in every language; the ISO text when it cannot be read. */
export function formatTableTime(iso: string, zone: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  // Swedish writes dates the ISO way (year-month-day, 24-hour clock).
  return formatter(`table ${zone}`, () => new Intl.DateTimeFormat('sv-SE', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })).format(at);
}

/** Short weekday names, Monday first ("Mon" … / "周一" …). */
export function weekdayNames(lang: Lang): string[] {
  const locale = LOCALES[lang];
  const day = formatter(`weekday ${locale}`, () => new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'short' }));
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => day.format(Date.UTC(2024, 0, 1 + i)));
}

/**
 * Language names in the reader's language ("English, Chinese" / "英语、中文"), listed as listOf lists: what
 * Intl.ListFormat's narrow style writes in both languages, without building one (about 23 M instructions, 5 ms).
 */
export function formatLanguages(tags: readonly string[], lang: Lang, t: Translate): string {
  const locale = LOCALES[lang];
  const names = formatter(`names ${locale}`, () => new Intl.DisplayNames([locale], { type: 'language' }));
  return listOf(
    t,
    tags.map((tag) => {
      try {
        return names.of(tag) ?? tag;
      } catch {
        return tag;
      }
    }),
  );
}

/** When zones are named: a recent date, the same on every run. */
const NAMED_AT = Date.UTC(2026, 0, 1);

/**
 * A channel's time zone as the card names it: its IANA id, and in Chinese its name before it ("英国时间，Europe/London",
 * "中国标准时间，Asia/Shanghai"): to a reader of Chinese the id is jargon (QA: zh user); English readers know the ids'
 * city names. A zone Intl names only by its offset (UTC) keeps its id alone.
 */
export function zoneShown(zone: string, lang: Lang, t: Translate): string {
  if (lang !== 'zh') return zone;
  try {
    const name = formatter(`zone ${zone}`, () => new Intl.DateTimeFormat(LOCALES.zh, { timeZone: zone, timeZoneName: 'longGeneric' }))
      // Named as the zone is now, not as it was in 1970 (Lord Howe Island was on Sydney's time then, and named for it; QA:
      // checks review). The generic name does not change with summer time.
      .formatToParts(NAMED_AT)
      .find((p) => p.type === 'timeZoneName')?.value;
    return name === undefined || /^(?:GMT|UTC)/.test(name) ? zone : t('hours.zoneNamed', { name, zone });
  } catch {
    return zone;
  }
}

/** "13 h 20 min" / "13 小时 20 分钟", rounded up to the minute (over a day, to the nearest hour); a part that is zero is left out ("2 d", not "2 d 0 h"). */
export function formatDuration(ms: number, t: Translate): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  // More than a day is said in days and hours, to the nearest hour (the time itself is shown beside it): "1 d 1 h" for
  // 1 d 0 h 59 min, where the minutes were dropped and it said "1 d" (QA: directory review).
  if (minutes > 1440) {
    const hours = Math.round(minutes / 60);
    const [days, h] = [Math.floor(hours / 24), hours % 24];
    return h === 0 ? t('duration.d', { d: days }) : t('duration.dh', { d: days, h });
  }
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) return h === 0 ? t('duration.d', { d }) : t('duration.dh', { d, h });
  if (h > 0) return m === 0 ? t('duration.h', { h }) : t('duration.hm', { h, m });
  return t('duration.m', { m });
}
