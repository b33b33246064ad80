/** The contact card for a queue at an instant: which channels are open, and when that changes. Pure. */
import { DateTime } from 'luxon';
import type { Lang, Queue } from '../engine/types.js';
import { channelState, rangesText } from './hours.js';
import { channelValue, type Channel, type Provider } from './types.js';

export interface ChannelView {
  type: Channel['type'];
  value: string;
  hours: string;
  timezone: string;
  openNow: boolean;
  /** ISO-8601 with the support's offset; null when open now or never opening within two months (HORIZON_DAYS). */
  nextOpen: string | null;
  nextClose: string | null;
  notes: string[];
  languages: string[];
  /** The support's date of the instant has other hours than the week's (a holiday): which, and why when the directory says. */
  exception?: { date: string; hours: string; note?: string };
}

export interface ContactCard {
  /** The provider's name, as shown to people. */
  provider: string;
  /** Its id in the directory: what --provider, the provider setting and `contacts --json` use. */
  providerId: string;
  queue: Queue;
  /** The official page the contacts are published on. */
  source: string;
  example: boolean;
  channels: ChannelView[];
}

/** Evaluates one channel at `at`. */
export function channelView(channel: Channel, at: Date, lang: Lang): ChannelView {
  const state = channelState({ timezone: channel.timezone, weekly: channel.weekly, exceptions: channel.exceptions }, at);
  const iso = (d: Date | null) => (d ? DateTime.fromJSDate(d, { zone: channel.timezone }).toISO({ suppressMilliseconds: true }) : null);
  const today = channel.exceptions.length === 0 ? undefined : DateTime.fromJSDate(at, { zone: channel.timezone }).toISODate();
  const exception = today === undefined ? undefined : channel.exceptions.find((e) => e.date === today);
  return {
    type: channel.type,
    value: channelValue(channel, lang),
    hours: channel.hours,
    timezone: channel.timezone,
    openNow: state.openNow,
    nextOpen: state.openNow ? null : iso(state.nextOpen),
    nextClose: state.openNow ? iso(state.nextClose) : null,
    notes: [channel.response?.[lang], channel.cost?.[lang]].filter((n): n is string => n !== undefined),
    // A copy: the directory is kept from call to call by the library, and a caller may change what it is given (review).
    languages: [...channel.languages],
    ...(exception ? { exception: { date: exception.date, hours: rangesText(exception.ranges), ...(exception.note ? { note: exception.note[lang] } : {}) } } : {}),
  };
}

/**
 * The card for one queue of a provider, or null when the directory has no
 * channels for it. Open channels come first; for alerts, channels that are
 * always open (the 24/7 security lines) lead.
 */
export function contactCard(provider: Provider, queue: Queue, at: Date, lang: Lang, opts: { alert?: boolean } = {}): ContactCard | null {
  const channels = provider.queues[queue];
  if (!channels || channels.length === 0) return null;
  const views = channels.map((c) => ({ channel: c, view: channelView(c, at, lang) }));
  const rank = (x: (typeof views)[number]) => (opts.alert && x.channel.weekly.kind === 'always' && x.channel.exceptions.length === 0 ? 0 : 1) * 2 + (x.view.openNow ? 0 : 1);
  // Array.prototype.sort is stable: the directory's own order holds within a group.
  views.sort((a, b) => rank(a) - rank(b));
  return { provider: provider.name, providerId: provider.id, queue, source: provider.website, example: provider.example, channels: views.map((v) => v.view) };
}
