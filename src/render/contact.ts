/** The contact card: channels open now first, hours in the support's zone, the next change in the user's. */
import type { ContactCard } from '../directory/contact.js';
import type { Lang } from '../engine/types.js';
import { listOf, type Translate } from '../i18n/i18n.js';
import { safeText } from '../util/safe-text.js';
import type { Layout } from './layout.js';
import { queueTeam } from './queue.js';
import type { Style } from './style.js';
import { exceptionText, formatHours } from './hours.js';
import { formatDateTime, formatDuration, formatLanguages, formatWhen, zoneShown } from './time.js';
import '../core.js';
import { zoneLabel } from './user-zone.js';

export interface ContactRenderOptions {
  t: Translate;
  lang: Lang;
  style: Style;
  now: Date;
  userZone: string;
  layout: Layout;
  /** Say that the provider is a fictional example (once per screen is enough). */
  exampleNotice?: boolean;
  /** `now` was given (--now), not read from the clock: a channel is "open" at that instant, not "open now". */
  nowGiven?: boolean;
  /** With nowGiven, say which instant the card is for (once per screen is enough). */
  nowNotice?: boolean;
  /** The directory's other providers, when none was chosen and the first was taken: said under the heading. */
  otherProviders?: readonly string[];
  /** A card whose channels were all left out as closed (`contacts --open`): when the first of them opens (ISO-8601), or null for none within two months (HORIZON_DAYS). */
  firstOpening?: string | null;
}

/** The line that says the card is the directory's first provider's, when it lists others and none was chosen. */
export function otherProvidersLine(t: Translate, provider: string, others: readonly string[]): string {
  return t('contact.otherProviders', { provider: safeText(provider), others: listOf(t, others.map((o) => safeText(o))) });
}

/** The line that says a card's open or closed is for the instant given with --now. */
export function hoursAtLine(o: ContactRenderOptions): string {
  return o.t('contact.hoursAt', { time: formatDateTime(o.now.toISOString(), o.userZone, o.lang), zone: userZoneShown(o) });
}

/** The reader's zone as the card names it: named as channels' zones are ("中国标准时间，Asia/Shanghai"; QA: Chinese user), an offset zone as its offset. */
function userZoneShown(o: ContactRenderOptions): string {
  const label = zoneLabel(o.userZone);
  return label === o.userZone ? zoneShown(label, o.lang, o.t) : label;
}

/** When a channel next closes (it is open) or opens (it is closed), in the user's time: "opens Mon 09:00 your time, UTC (in 6 h)". */
function changeText(change: string, open: boolean, o: ContactRenderOptions): string {
  const at = new Date(change);
  const when = formatWhen(at, o.now, o.userZone, o.lang);
  const inText = o.t('contact.in', { duration: formatDuration(at.getTime() - o.now.getTime(), o.t) });
  // The zone named: 'your time' is the agent's, not the caller's, at a support desk (QA: agent).
  return o.t(open ? 'contact.until' : 'contact.opens', { time: when, zone: userZoneShown(o), in: inText });
}

/** Renders a contact card for people. */
export function renderContactCard(card: ContactCard, o: ContactRenderOptions): string {
  const { t, style } = o;
  const { hanging } = o.layout;
  const lines: string[] = [];
  lines.push(hanging('', style.bold(t('contact.heading', { provider: safeText(card.provider), team: queueTeam(t, card.queue) }))));
  if (card.example && o.exampleNotice !== false) lines.push(hanging('', style.yellow(t('contact.example'))));
  if (o.nowGiven && o.nowNotice !== false) lines.push(hanging('', hoursAtLine(o)));
  if (o.otherProviders && o.otherProviders.length > 0) lines.push(hanging('', otherProvidersLine(t, card.provider, o.otherProviders)));
  if (card.channels.length === 0) {
    // Only --open leaves a card without channels: say that none is open, when the first opens, and how to see them all.
    const next = o.firstOpening ? t('contact.firstOpens', { opens: changeText(o.firstOpening, false, o) }) : t('contact.never');
    lines.push(hanging('  ', t('contact.none', { closed: t(o.nowGiven ? 'contact.noneThen' : 'contact.noneNow'), next })));
  }
  for (const ch of card.channels) {
    const mark = ch.openNow ? style.green(`● ${t(o.nowGiven ? 'contact.openThen' : 'contact.open')}`) : style.dim(`○ ${t('contact.closed')}`);
    // The value keeps its place under itself when it continues on the next line.
    lines.push(hanging(`  ${mark}  ${style.bold(t(`channel.${ch.type}`))}  `, safeText(ch.value)));
    const details: string[] = [];
    if (ch.hours === '24/7' && ch.openNow && ch.nextClose === null) details.push(t('contact.always'));
    else details.push(t('hours.inZone', { hours: formatHours(ch.hours, o.lang, t), zone: zoneShown(ch.timezone, o.lang, t) }));
    // A holiday or a short day: the hours of that date, and why, so the card does not contradict the week it prints.
    if (ch.exception) {
      details.push(exceptionText(ch.exception, t, ch.exception.note ? safeText(ch.exception.note) : undefined));
      // Open on a day closed all day: the hours that began the evening before run on past midnight. Said, or the card
      // reads "open" beside "closed this day" (QA: author #8).
      if (ch.openNow && ch.exception.hours === 'off') details.push(t('contact.carriedOver'));
    }
    const change = ch.openNow ? ch.nextClose : ch.nextOpen;
    if (change) details.push(changeText(change, ch.openNow, o));
    else if (!ch.openNow) details.push(t('contact.never'));
    details.push(...ch.notes.map((n) => safeText(n)));
    if (ch.languages.length > 0) details.push(t('contact.languages', { languages: formatLanguages(ch.languages, o.lang, t) }));
    lines.push(hanging('      ', details.join(' · ')));
  }
  if (o.exampleNotice !== false) lines.push(hanging('', t('contact.source', { url: safeText(card.source) })));
  return `${lines.join('\n')}\n`;
}
