/** Turns a parsed directory file into a Directory, reporting every problem with its position. */
import { Checker } from '../data/checker.js';
import type { LocatedValue, PathKey, Problem } from '../data/located-yaml.js';
import { QUEUES, type Queue } from '../engine/types.js';
import { isValidTimeZone, parseDayRanges, parseWeeklyHours, type DateException } from './hours.js';
import { CHANNEL_TYPES, type Channel, type Directory, type Provider } from './types.js';

const ROOT_KEYS = ['$schema', 'providers'];
const PROVIDER_KEYS = ['id', 'name', 'website', 'example', 'timezone', 'exceptions', 'queues'];
const CHANNEL_KEYS = ['type', 'value', 'hours', 'timezone', 'exceptions', 'response', 'cost', 'languages'];
const EXCEPTION_KEYS = ['date', 'hours', 'note'];

/** Validates a directory document; `source` names it in results ("bundled" or the file). */
export function validateDirectory(doc: LocatedValue, source: string): { directory?: Directory; problems: Problem[] } {
  const c = new Checker(doc);
  const root = c.object(doc.value, [], 'a directory file', ROOT_KEYS, ['providers']);
  if (!root) return { problems: c.problems };
  const list = c.array(root.providers, ['providers'], 'providers', 1);
  const providers: Provider[] = [];
  const ids = new Set<string>();
  list?.forEach((raw, i) => {
    const p = readProvider(c, raw, ['providers', i]);
    if (!p) return;
    if (ids.has(p.id)) c.report(['providers', i, 'id'], `provider id "${p.id}" is used twice; give each provider its own id`);
    ids.add(p.id);
    providers.push(p);
  });
  return c.problems.length > 0 ? { problems: c.problems } : { directory: { source, providers }, problems: [] };
}

function readProvider(c: Checker, raw: unknown, path: PathKey[]): Provider | undefined {
  const p = c.object(raw, path, 'a provider', PROVIDER_KEYS, ['id', 'name', 'website', 'timezone', 'queues']);
  if (!p) return undefined;
  const id = c.id(p.id, [...path, 'id'], 'the provider id');
  const name = c.string(p.name, [...path, 'name'], 'the provider name');
  const website = readUrl(c, p.website, [...path, 'website'], 'the official website');
  let example = false;
  if (p.example !== undefined) {
    if (typeof p.example !== 'boolean') c.report([...path, 'example'], 'example must be true or false');
    else example = p.example;
  }
  const timezone = readZone(c, p.timezone, [...path, 'timezone']);
  const shared = p.exceptions === undefined ? [] : readExceptions(c, p.exceptions, [...path, 'exceptions']);
  const queuesRaw = c.map(p.queues, [...path, 'queues'], 'queues');
  const queues: Partial<Record<Queue, Channel[]>> = {};
  for (const [queue, channelsRaw] of Object.entries(queuesRaw ?? {})) {
    const qpath = [...path, 'queues', queue];
    if (!(QUEUES as readonly string[]).includes(queue)) {
      c.report(qpath, `unknown queue "${queue}"; queues are ${QUEUES.join(', ')}`, 'key');
      continue;
    }
    const list = c.array(channelsRaw, qpath, `the channels of queue "${queue}"`, 1);
    const channels: Channel[] = [];
    list?.forEach((ch, i) => {
      const channel = readChannel(c, ch, [...qpath, i], timezone, shared);
      if (channel) channels.push(channel);
    });
    queues[queue as Queue] = channels;
  }
  if (!id || !name || !website || !timezone || !queuesRaw) return undefined;
  return { id, name, website, example, queues };
}

function readChannel(c: Checker, raw: unknown, path: PathKey[], providerZone: string | undefined, shared: DateException[]): Channel | undefined {
  const ch = c.object(raw, path, 'a channel', CHANNEL_KEYS, ['type', 'value', 'hours']);
  if (!ch) return undefined;
  const type = c.oneOf(ch.type, [...path, 'type'], 'the channel type', CHANNEL_TYPES);
  const value = c.string(ch.value, [...path, 'value'], 'the channel value');
  const hoursText = c.string(ch.hours, [...path, 'hours'], 'the service hours');
  let weekly;
  if (hoursText !== undefined) {
    const parsed = parseWeeklyHours(hoursText);
    if (parsed.ok) weekly = parsed.value;
    else reportAt(c, [...path, 'hours'], hoursText, parsed.error.offset, `service hours: ${parsed.error.message}`);
  }
  const timezone = ch.timezone === undefined ? providerZone : readZone(c, ch.timezone, [...path, 'timezone']);
  const own = ch.exceptions === undefined ? [] : readExceptions(c, ch.exceptions, [...path, 'exceptions']);
  // Provider-wide exceptions (public holidays) apply to channels with weekly hours; a 24/7 line keeps
  // running unless it lists its own. A channel's own exception for a date replaces the provider's.
  const inherited = weekly?.kind === 'weekly' ? shared.filter((s) => !own.some((o) => o.date === s.date)) : [];
  const exceptions = [...own, ...inherited].sort((a, b) => a.date.localeCompare(b.date));
  const response = ch.response === undefined ? undefined : c.localized(ch.response, [...path, 'response'], 'the response time note');
  const cost = ch.cost === undefined ? undefined : c.localized(ch.cost, [...path, 'cost'], 'the cost note');
  let languages: string[] = [];
  if (ch.languages !== undefined) {
    const list = c.array(ch.languages, [...path, 'languages'], 'languages', 1);
    languages = (list ?? []).flatMap((l, i) => {
      const s = c.string(l, [...path, 'languages', i], 'a language');
      if (s !== undefined && !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(s)) {
        c.report([...path, 'languages', i], `language "${s}" must be a language tag such as en, zh or zh-HK`);
        return [];
      }
      return s === undefined ? [] : [s];
    });
  }
  if (!type || value === undefined || hoursText === undefined || !weekly || !timezone) return undefined;
  const channel: Channel = { type, value, hours: hoursText, timezone, weekly, exceptions, languages };
  if (response) channel.response = response;
  if (cost) channel.cost = cost;
  return channel;
}

function readExceptions(c: Checker, raw: unknown, path: PathKey[]): DateException[] {
  const list = c.array(raw, path, 'exceptions', 0) ?? [];
  const out: DateException[] = [];
  const dates = new Set<string>();
  list.forEach((item, i) => {
    const e = c.object(item, [...path, i], 'an exception', EXCEPTION_KEYS, ['date', 'hours']);
    if (!e) return;
    const date = typeof e.date === 'string' && isCalendarDate(e.date) ? e.date : undefined;
    if (!date) c.report([...path, i, 'date'], 'the date must be a calendar date written YYYY-MM-DD, such as 2026-10-01');
    else if (dates.has(date)) c.report([...path, i, 'date'], `${date} has two exceptions; keep one`);
    const hoursText = c.string(e.hours, [...path, i, 'hours'], 'the hours of the exception ("off" when closed)');
    if (date) dates.add(date);
    if (!date || hoursText === undefined) return;
    const parsed = parseDayRanges(hoursText);
    if (!parsed.ok) reportAt(c, [...path, i, 'hours'], hoursText, parsed.error.offset, `exception hours: ${parsed.error.message}`);
    else out.push({ date, ranges: parsed.value });
  });
  return out;
}

function readZone(c: Checker, raw: unknown, path: PathKey[]): string | undefined {
  const zone = c.string(raw, path, 'the time zone');
  if (zone === undefined) return undefined;
  if (!isValidTimeZone(zone)) {
    c.report(path, `unknown time zone "${zone}"; use an IANA name such as Asia/Shanghai, Europe/Berlin or America/New_York`);
    return undefined;
  }
  return zone;
}

function readUrl(c: Checker, raw: unknown, path: PathKey[], what: string): string | undefined {
  const s = c.string(raw, path, what);
  if (s === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    c.report(path, `${what} must be a full web address such as https://www.example.com/support`);
    return undefined;
  }
  if (url.protocol !== 'https:') {
    c.report(path, `${what} must use https://, so users can trust the page they check the contacts on`);
    return undefined;
  }
  return s;
}

/** Places an error inside a scalar: the column of the value plus the offset the parser found. */
function reportAt(c: Checker, path: PathKey[], text: string, offset: number, message: string): void {
  const at = c.doc.locate(path);
  const raw = c.doc.source?.slice(at.offset, at.offset + 1);
  const quoted = raw === '"' || raw === "'" ? 1 : 0;
  c.problems.push({ file: c.doc.file, line: at.line, column: at.column + quoted + Math.min(offset, text.length), message });
}

function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}
