/** --now and WALLET_HELP_NOW: the instant whose service hours a run works out (to plan a callback), read from ISO-8601. */
import { NOW_FROM_YEAR, NOW_TO_YEAR, nowInRange } from './data/limits.js';
import { UsageError } from './errors.js';
import { sayRunWarning } from './render/layout.js';
import { formatDateTime } from './render/time.js';
import { zoneLabel } from './render/user-zone.js';
import type { BaseContext } from './settings.js';
import { orList } from './i18n/i18n.js';
import { clip, sentValue } from './util/safe-text.js';
import './core.js';

/** An ISO-8601 date, or date and time with an optional offset (hours 00-23, minutes 00-59, as RFC 3339 writes them). */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3])(?::?[0-5]\d)?)?)?$/i;

/** Reads --now or WALLET_HELP_NOW (`name`, for the message): an ISO-8601 date and time; without an offset it is the user's local time. */
export async function parseNow(text: string, name: string, ctx: BaseContext, quiet: boolean): Promise<Date> {
  const fail = () => new UsageError('invalid_now', ctx.t('error.badNow', { name, value: clip(text) }), { value: sentValue(text), source: name });
  if (!ISO_INSTANT.test(text.trim())) throw fail();
  const { DateTime } = await import('./vendor/luxon.js');
  const parsed = DateTime.fromISO(text.trim().replace(' ', 'T'), { zone: ctx.userZone(), setZone: false });
  if (!parsed.isValid) throw fail();
  const date = parsed.toJSDate();
  if (!nowInRange(date)) throw new UsageError('invalid_now', ctx.t('error.nowRange', { name, value: clip(text), from: NOW_FROM_YEAR, to: NOW_TO_YEAR }), { value: sentValue(text), source: name });
  // A local time the clocks skipped (02:30 on the night they go forward) is read as the time an hour on: said, as the
  // hours then are for another time than the one given.
  const wall = /[T ](\d{2}):(\d{2})(?!.*(?:Z|[+-]\d{2}(?::?\d{2})?)$)/i.exec(text.trim());
  // (24:00 is the end of a day, written as ISO-8601 allows: midnight of the next, no skipped time.)
  if (wall && !quiet && wall[1] !== '24' && (parsed.hour !== Number(wall[1]) || parsed.minute !== Number(wall[2]))) {
    await sayRunWarning(ctx, ctx.t('warning.nowSkipped', { name, value: clip(text.trim()), zone: zoneLabel(ctx.userZone()), time: formatDateTime(date.toISOString(), ctx.userZone(), ctx.lang) }));
  } else if (wall && !quiet) {
    // A local time the clocks went back over (01:30 on that night) happens twice: the later is taken, and said, with
    // how to give either one (QA: agent; a callback planned for that night could be an hour off without a word).
    const both = parsed.getPossibleOffsets();
    if (both.length > 1) {
      const written = both.map((d) => d.toISO({ suppressMilliseconds: true, suppressSeconds: true, includeOffset: true })!);
      await sayRunWarning(ctx, ctx.t('warning.nowTwice', { name, value: clip(text.trim()), zone: zoneLabel(ctx.userZone()), choices: orList(ctx.t, written) }));
    }
  }
  return date;
}
