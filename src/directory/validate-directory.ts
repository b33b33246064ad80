/** Turns a parsed directory file into a Directory, reporting every problem with its position. */
import { getDomain } from 'tldts';
import { Checker, isPlainObject, whatRef, type What } from '../data/checker.js';
import type { LocatedValue, PathKey, Problem } from '../data/located-yaml.js';
import { LANGS, QUEUES, type Lang, type Localized, type Queue } from '../engine/types.js';
import { list, ref, type ProblemKey, type ProblemRef } from '../i18n/problems.js';
import { isValidTimeZone, parseDayRanges, parseWeeklyHours, type DateException, type ParseError } from './hours.js';
import { screenDataText } from '../safety/data-text.js';
import { detectKind, isSharedDomain, parseHandle, redirectTarget, verifyContact } from '../safety/verify.js';
import { clip, foldWidth } from '../util/safe-text.js';
import { MAX_PROBLEMS } from '../data/limits.js';
import { problemDidYouMean } from '../util/suggest.js';
import { CHANNEL_TYPES, type Channel, type ChannelType, type Directory, type Provider, type ProviderChecks } from './types.js';

/**
 * Directory texts (the provider's name, notes) are checked for secrets, requests for secrets and
 * contacts: a contact belongs in a channel, where its type and domain are checked (see checkValue),
 * and verify knows it. A channel value is itself a contact: it is screened for the rest only.
 */
const screenDirectoryText = (text: string) => screenDataText(text, { contacts: true });
/**
 * How an address or a channel's value is screened: without its user information ("https://admin:S3cret!@…"), which
 * the checks below say as what it is (a password in an address), never quoting it.
 */
const screenChannelValue = (text: string) => screenDataText(withoutUserInfo(text), { contacts: false });

/** The registrable domain of a host; a site on shared hosting (foo.github.io, foo.vercel.app) is its own. */
const domainOf = (host: string) => getDomain(host, { allowPrivateDomains: true });

const ROOT_KEYS = ['$schema', 'providers'];
const PROVIDER_KEYS = ['id', 'name', 'website', 'example', 'timezone', 'exceptions', 'queues', 'checks'];
const CHECK_KEYS = ['apiHost', 'apiPort', 'statusUrl', 'clockUrl', 'explorers', 'confirmations'];
const CHAIN_NAMES = ['btc', 'ltc', 'eth', 'erc20', 'bep20', 'trx', 'xrp', 'xlm', 'eos', 'atom', 'bnb'];
const CHANNEL_KEYS = ['type', 'value', 'hours', 'timezone', 'exceptions', 'response', 'cost', 'languages'];
const EXCEPTION_KEYS = ['date', 'hours', 'note'];

/**
 * Validates a directory document; `source` names it in results ("bundled" or the file). Problems are worded in `lang`.
 * `warnings`, for a valid directory, are what it lacks that the bundled flows need (a security queue) and channels that
 * are never open: not wrong, but worth an author's look.
 */
export function validateDirectory(doc: LocatedValue, source: string, lang: Lang = 'en'): { directory?: Directory; problems: Problem[]; warnings?: Problem[] } {
  const c = new Checker(doc, lang, screenDirectoryText);
  // A flow given as the directory (an easy slip with two kinds of YAML file): one sentence, not a problem per key.
  const top = typeof doc.value === 'object' && doc.value !== null && !Array.isArray(doc.value) ? doc.value : undefined;
  if (top && !Object.hasOwn(top, 'providers') && ['questions', 'outcomes'].some((k) => Object.hasOwn(top, k))) {
    c.report([], 'dir.isFlow');
    return { problems: c.finish() };
  }
  const root = c.object(doc.value, [], 'what.directoryFile', ROOT_KEYS, ['providers']);
  if (!root) return { problems: c.finish() };
  const items = c.array(root.providers, ['providers'], 'what.providers', 1);
  const providers: Provider[] = [];
  const ids = new Set<string>();
  items?.forEach((raw, i) => {
    const p = readProvider(c, raw, ['providers', i]);
    if (!p) return;
    if (ids.has(p.id)) c.report(['providers', i, 'id'], 'dir.providerTwice', { id: p.id });
    ids.add(p.id);
    providers.push(p);
  });
  if (c.problems.length > 0) return { problems: c.finish() };
  // Every bundled alert (a stolen account, funds moving, a fake agent) goes to security: without it they show no contact.
  // The other teams too: every one of them has bundled outcomes that show its card (a test keeps that true).
  const warnings = providers.flatMap((p, i) => [
    ...((p.queues.security ?? []).length > 0 ? [] : [doc.problem(['providers', i, 'queues'], c.message('dir.noSecurityQueue', { id: p.id }), 'key')]),
    ...OTHER_QUEUES.filter((q) => (p.queues[q] ?? []).length === 0).map((queue) => doc.problem(['providers', i, 'queues'], c.message('dir.noQueue', { id: p.id, queue, cases: ref(`dir.queueCases.${queue}`) }), 'key')),
    // A channel whose hours never open ("Su off"), on no day of the week nor of its exceptions: its card always says closed.
    ...Object.entries(p.queues).flatMap(([queue, channels]) =>
      (channels ?? []).flatMap((ch, j) =>
        ch.weekly.kind === 'weekly' && ch.weekly.days.every((d) => d.length === 0) && ch.exceptions.every((e) => e.ranges.length === 0)
          ? [doc.problem(['providers', i, 'queues', queue, j, 'hours'], c.message('dir.neverOpen', { type: ch.type, queue, hours: clip(ch.hours, 40) }))]
          : [],
      ),
    ),
  ]);
  warnings.push(...sharedContacts(providers, doc, c));
  // As many as problems are listed at most (a directory of thousands of providers, each without a team), then a count.
  if (warnings.length > MAX_PROBLEMS) warnings.splice(MAX_PROBLEMS, Infinity, { file: doc.file, line: 1, column: 1, message: c.message('warnings.more', { count: warnings.length - MAX_PROBLEMS }) });
  return { directory: { source, providers }, problems: [], ...(warnings.length > 0 ? { warnings } : {}) };
}

/** The teams besides security, in the order of QUEUES. */
const OTHER_QUEUES = QUEUES.filter((q): q is Exclude<Queue, 'security'> => q !== 'security');

function readProvider(c: Checker, raw: unknown, path: PathKey[]): Provider | undefined {
  const p = c.object(raw, path, 'what.provider', PROVIDER_KEYS, ['id', 'name', 'website', 'timezone', 'queues']);
  if (!p) return undefined;
  const id = c.id(p.id, [...path, 'id'], 'what.providerId');
  const name = c.string(p.name, [...path, 'name'], 'what.providerName');
  if (name !== undefined) c.screened(name, [...path, 'name'], 'what.providerName');
  const website = readUrl(c, p.website, [...path, 'website'], 'what.website');
  // The contacts must be at the official website's domain; a look-alike of it is named as such.
  const official: Official | undefined = website ? { domain: domainOf(new URL(website).hostname), provider: { id: id ?? '', name: name ?? '', website, example: false, queues: {} } } : undefined;
  let example = false;
  if (p.example !== undefined) {
    if (typeof p.example !== 'boolean') c.report([...path, 'example'], 'dir.exampleBool');
    else example = p.example;
  }
  const timezone = readZone(c, p.timezone, [...path, 'timezone']);
  const shared = p.exceptions === undefined ? [] : readExceptions(c, p.exceptions, [...path, 'exceptions']);
  const queuesRaw = c.map(p.queues, [...path, 'queues'], 'what.queues');
  const queues: Partial<Record<Queue, Channel[]>> = {};
  for (const [queue, channelsRaw] of Object.entries(queuesRaw ?? {})) {
    const qpath = [...path, 'queues', queue];
    if (!(QUEUES as readonly string[]).includes(queue)) {
      // "Payments:" or "securty:": said as the queue it likely means, as a misspelt key is.
      const meant = QUEUES.find((q) => q === queue.toLowerCase().trim());
      c.report(qpath, 'dir.unknownQueue', { queue, queues: list(QUEUES), hint: meant ? problemDidYouMean(meant, [meant]) : problemDidYouMean(queue, QUEUES) }, 'key');
      continue;
    }
    const items = c.array(channelsRaw, qpath, ref('what.queueChannels', { queue }), 1);
    const channels: Channel[] = [];
    items?.forEach((ch, i) => {
      const channel = readChannel(c, ch, [...qpath, i], timezone, shared, official);
      if (channel) channels.push(channel);
    });
    queues[queue as Queue] = channels;
  }
  if (!id || !name || !website || !timezone || !queuesRaw) return undefined;
  const checks = p.checks === undefined ? undefined : readChecks(c, p.checks, [...path, 'checks']);
  return checks ? { id, name, website, example, queues, checks } : { id, name, website, example, queues };
}

/**
 * The channels of provider `i` whose contact an earlier provider lists too: verify names the first as its owner, so a
 * desk checking the number hears the wrong name (QA: directory review; a copy-pasted block). A warning: two brands of one
 * company may share a line.
 */
function sharedContacts(providers: readonly Provider[], doc: LocatedValue, c: Checker): Problem[] {
  // One pass, each contact remembered with the first provider that lists it: a directory of thousands stays fast.
  const owner = new Map<string, string>();
  const warnings: Problem[] = [];
  providers.forEach((p, i) => {
    for (const [queue, channels] of Object.entries(p.queues)) {
      (channels ?? []).forEach((ch, j) => {
        if (typeof ch.value !== 'string') return;
        const key = contactKey(ch.type, ch.value);
        const other = owner.get(key);
        if (other === undefined) owner.set(key, p.id);
        else if (other !== p.id) warnings.push(doc.problem(['providers', i, 'queues', queue, j, 'value'], c.message('dir.sharedContact', { type: ch.type, value: clip(ch.value, 60), id: p.id, other })));
      });
    }
  });
  return warnings;
}

/** A contact as compared across providers: a number by its digits, anything else in lower case. */
function contactKey(type: ChannelType, value: string): string {
  return type === 'phone' ? `phone:${value.replace(/[^\d+]/g, '')}` : `${type}:${value.trim().toLowerCase()}`;
}

/** The provider's official domain, and the provider as the verify command sees it with only its website listed. */
interface Official {
  domain: string | null;
  provider: Provider;
}

function readChannel(c: Checker, raw: unknown, path: PathKey[], providerZone: string | undefined, shared: DateException[], official: Official | undefined): Channel | undefined {
  const ch = c.object(raw, path, 'what.channel', CHANNEL_KEYS, ['type', 'value', 'hours']);
  if (!ch) return undefined;
  const type = c.oneOf(ch.type, [...path, 'type'], 'what.channelType', CHANNEL_TYPES);
  const value = readValue(c, ch.value, type, [...path, 'value'], official);
  const hoursText = c.string(ch.hours, [...path, 'hours'], 'what.hours');
  let weekly;
  if (hoursText !== undefined) {
    // Hours typed on a Chinese keyboard ("09：00-18：00；…") are read, and kept, as the ASCII they show; one unit for one,
    // so a problem's column is still where it is written.
    const parsed = parseWeeklyHours(foldWidth(hoursText));
    if (parsed.ok) weekly = parsed.value;
    else reportAt(c, [...path, 'hours'], hoursText, parsed.error, 'dir.serviceHours');
  }
  const timezone = ch.timezone === undefined ? providerZone : readZone(c, ch.timezone, [...path, 'timezone']);
  const own = ch.exceptions === undefined ? [] : readExceptions(c, ch.exceptions, [...path, 'exceptions']);
  // Provider-wide exceptions (public holidays) apply to channels with weekly hours in the provider's zone;
  // a 24/7 line keeps running, and a team in another zone (a London line of a Shanghai provider) keeps
  // its country's days, unless they list their own. A channel's own exception for a date replaces the provider's.
  const inherited = weekly?.kind === 'weekly' && timezone === providerZone ? shared.filter((s) => !own.some((o) => o.date === s.date)) : [];
  const exceptions = [...own, ...inherited].sort((a, b) => a.date.localeCompare(b.date));
  const response = ch.response === undefined ? undefined : c.localized(ch.response, [...path, 'response'], 'what.response');
  const cost = ch.cost === undefined ? undefined : c.localized(ch.cost, [...path, 'cost'], 'what.cost');
  let languages: string[] = [];
  if (ch.languages !== undefined) {
    const items = c.array(ch.languages, [...path, 'languages'], 'what.languages', 1);
    languages = (items ?? []).flatMap((l, i) => {
      const s = c.string(l, [...path, 'languages', i], 'what.language');
      if (s !== undefined && !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(s)) {
        c.report([...path, 'languages', i], 'dir.languageTag', { language: s });
        return [];
      }
      // A tag of the right shape that names no language: "cn" and "jp" are countries (Chinese is zh, Japanese ja).
      if (s !== undefined && new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }).of(s.split('-')[0]!) === undefined) {
        const meant = COUNTRY_NOT_LANGUAGE[s.split('-')[0]!];
        c.report([...path, 'languages', i], 'dir.languageUnknown', { language: s, hint: meant ? problemDidYouMean(meant, [meant]) : '' });
        return [];
      }
      return s === undefined ? [] : [s];
    });
  }
  if (!type || value === undefined || hoursText === undefined || !weekly || !timezone) return undefined;
  // Kept as read, without the spaces around it ("24/7 " is always open, and said so; QA: directory review).
  const channel: Channel = { type, value, hours: foldWidth(hoursText).trim(), timezone, weekly, exceptions, languages };
  if (response) channel.response = response;
  if (cost) channel.cost = cost;
  return channel;
}

/**
 * A channel's value: one text, or for chat and web (an in-app path, a page) one per language
 * (`en:` and `zh:`), since the menus of an app and the pages of a site are worded in each.
 * A number, an address or a handle is the same in every language.
 */
function readValue(c: Checker, raw: unknown, type: ChannelType | undefined, path: PathKey[], official: Official | undefined): string | Localized | undefined {
  if (!isPlainObject(raw)) {
    const given = c.string(raw, path, 'what.channelValue');
    // Full-width letters and digits ("ｐａｙｍｅｎｔｓ@…", "＋８６ …", as a Chinese keyboard types them) are the address they show,
    // and verify reads them so: the directory keeps them as ASCII, so that the address typed by anyone matches.
    const value = given !== undefined && type !== 'chat' && type !== 'web' ? given.normalize('NFKC') : given;
    if (value === undefined || !type || !checkValue(c, type, value, path, official)) return undefined;
    // An address is shown as an address: "mailto:" is how a web page links to it, not part of it.
    return type === 'email' ? value.trim().replace(/^mailto:/i, '') : value;
  }
  if (type && type !== 'chat' && type !== 'web') {
    c.report(path, 'dir.valuePerLanguage', { type });
    return undefined;
  }
  const value = c.localized(raw, path, 'what.channelValue', screenChannelValue);
  if (!value || !type) return undefined;
  let ok = true;
  for (const lang of LANGS) if (!checkValue(c, type, value[lang], [...path, lang], official)) ok = false;
  return ok ? value : undefined;
}

/**
 * A channel value must be what its type says, and only one: one phone number, one
 * e-mail address, an https:// address (or, for chat and web, a path in the app), a
 * handle. Addresses must be at the official website's domain.
 */
function checkValue(c: Checker, type: ChannelType, value: string, path: PathKey[], official: Official | undefined): boolean {
  // Screened before any message can quote it (every one below does): a secret is said as a secret, never shown in part.
  if (!c.screened(value, path, 'what.channelValue', screenChannelValue)) return false;
  // Whatever stands before "@" in an address (a staging link's "admin:S3cret!") is never quoted: messages go to CI logs and --json warnings.
  const shown = clip(withoutUserInfo(value), 60);
  if (type !== 'phone' && type !== 'email' && hasUserInfo(value)) {
    c.report(path, 'dir.channelUserInfo', { type, value: shown });
    return false;
  }
  // An address on the official host that forwards to another site: verify calls it a look-alike, so it is never listed as official.
  const site = type === 'phone' || type === 'email' ? null : redirectTarget(value);
  if (site !== null) {
    c.report(path, 'dir.redirectValue', { what: ref('what.channelAddress', { type }), value: shown, site: clip(site, 60) });
    return false;
  }
  const kind = detectKind(value);
  let ok: boolean;
  switch (type) {
    case 'phone':
      ok = kind === 'phone';
      if (!ok) c.report(path, 'dir.phoneValue', { value: shown });
      // A national number means a different line in every country: the directory says which.
      else if (!value.trim().startsWith('+')) {
        c.report(path, 'dir.phoneInternational', { value: shown });
        ok = false;
      }
      break;
    case 'email':
      // The address alone: "?subject=…" or "?bcc=…" after it is a link's, and a copy to anyone.
      ok = kind === 'email' && !value.includes('?');
      if (!ok) c.report(path, 'dir.emailValue', { value: shown });
      break;
    case 'ticket':
      ok = isHttps(value);
      if (!ok) c.report(path, 'dir.httpsValue', { type, value: shown });
      break;
    case 'web':
    case 'chat': {
      // A path that leads through another company's messenger ("WhatsApp › Chats › WalletHelpDesk") names an account anyone
      // can open under that name: it is a handle, listed as one (with its platform), which verify then knows.
      const messenger = isHttps(value) ? undefined : MESSENGER.exec(value)?.[0];
      if (messenger) {
        c.report(path, 'dir.pathThroughMessenger', { type, value: shown, app: messenger });
        return false;
      }
      ok = isHttps(value) || isAppPath(value);
      if (!ok) c.report(path, 'dir.pathOrHttpsValue', { type, value: shown });
      break;
    }
    case 'social': {
      // A handle must say where it is: "@acme" would make an account of that name on every platform look official.
      const handle = kind === 'handle' ? parseHandle(value) : BARE_HANDLE.test(value) ? { platform: null, handle: value } : null;
      if (handle && handle.platform === null) {
        c.report(path, 'dir.handleNoPlatform', { value: shown, handle: clip(handle.handle, 40) });
        return false;
      }
      if (handle) return true;
      // Any other https:// address is a page like a web channel's, held to the official domain below: a "social" link to
      // a site of anyone's would be called official (QA: directory review).
      ok = isHttps(value);
      if (!ok) c.report(path, 'dir.handleValue', { value: shown });
      break;
    }
  }
  if (!ok) return false;
  const host = type === 'email' ? value.replace(/^mailto:/i, '').split('@')[1] : isHttps(value) ? new URL(value).hostname : undefined;
  if (host === undefined || !official) return true;
  // A website with no domain anyone registers (an IP address, a local name such as localhost: a test server, an intranet)
  // holds its contacts to its very host, or any address at all would pass as the provider's (QA: directory review).
  if (official.domain === null) {
    const site = new URL(official.provider.website).hostname;
    if (host.toLowerCase() === site.toLowerCase()) return true;
    c.report(path, 'dir.offHostValue', { type, value: shown, host: clip(site, 60) });
    return false;
  }
  if (domainOf(host) === official.domain) {
    // On a site whose pages belong to many owners (github.com/NAME, sites.google.com/view/NAME) the website's own pages
    // are the provider's, and nothing else there is: what verify, with the website alone listed, calls official.
    if (!isSharedDomain(official.domain) || verifyContact(value, [official.provider]).verdict === 'official') return true;
    c.report(path, 'dir.sharedHostValue', { type, value: shown, domain: official.domain, website: clip(official.provider.website, 60) });
    return false;
  }
  const verdict = verifyContact(value, [official.provider]);
  const params = { type, value: shown, domain: official.domain };
  if (verdict.verdict === 'lookalike') c.report(path, 'dir.lookalikeValue', { ...params, reasons: list(verdict.reasons) });
  else c.report(path, 'dir.offDomainValue', params);
  return false;
}

const BARE_HANDLE = /^[\p{L}\p{N}_.-]{1,64}$/u;

/** An address with a scheme and user information before its host ("https://admin:pass@host/"). */
const USER_INFO = /^([a-z][a-z0-9+.-]*:\/\/)[^/?#\s]*@/i;

/** A web address with a user name or password before its host, as a browser would read it. */
function hasUserInfo(value: string): boolean {
  if (!USER_INFO.test(value.trim())) return false;
  try {
    const url = new URL(value.trim());
    return url.username !== '' || url.password !== '';
  } catch {
    return true;
  }
}

/** The value with whatever stands between "//" and "@" masked: a password there is never repeated. */
function withoutUserInfo(value: string): string {
  return value.replace(USER_INFO, '$1***@');
}

/** One https:// address, without a user name or password in it ("https://www.official.example@evil.io/" goes to evil.io). */
function isHttps(value: string): boolean {
  if (/\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

/** A path in the provider's app ("App › Me › Help › Chat with us"): no scheme, and no contact of any kind. */
/** A messenger of another company, at the start of a path in an app. */
const MESSENGER = /^\s*(?:whatsapp|telegram|wechat|weixin|line|signal|messenger|facebook|viber|skype|discord|kakao(?:talk)?|snapchat|instagram|threema|qq|微信|钉钉)(?=\s*(?:[›>»/|]|$))/i;

function isAppPath(value: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(value) && detectKind(value) === null && screenDataText(value, { contacts: true }).every((f) => f.type !== 'contact');
}

function readExceptions(c: Checker, raw: unknown, path: PathKey[]): DateException[] {
  const items = c.array(raw, path, 'what.exceptions', 0) ?? [];
  const out: DateException[] = [];
  const dates = new Set<string>();
  items.forEach((item, i) => {
    const e = c.object(item, [...path, i], 'what.exception', EXCEPTION_KEYS, ['date', 'hours']);
    if (!e) return;
    const date = typeof e.date === 'string' && isCalendarDate(e.date) ? e.date : undefined;
    if (!date) c.report([...path, i, 'date'], 'dir.badDate');
    else if (dates.has(date)) c.report([...path, i, 'date'], 'dir.dateTwice', { date });
    const hoursText = c.string(e.hours, [...path, i, 'hours'], 'what.exceptionHours');
    // One text for every language, or one a language (a card in Chinese shows the Chinese).
    let note: Localized | undefined;
    if (isPlainObject(e.note)) note = c.localized(e.note, [...path, i, 'note'], 'what.exceptionNote');
    else if (e.note !== undefined) {
      const text = c.string(e.note, [...path, i, 'note'], 'what.exceptionNote');
      if (text !== undefined && c.screened(text, [...path, i, 'note'], 'what.exceptionNote') && text.trim()) note = { en: text.trim(), zh: text.trim() };
    }
    if (date) dates.add(date);
    if (!date || hoursText === undefined) return;
    const parsed = parseDayRanges(foldWidth(hoursText));
    if (!parsed.ok) reportAt(c, [...path, i, 'hours'], hoursText, parsed.error, 'dir.exceptionHours');
    else out.push({ date, ranges: parsed.value, ...(note ? { note } : {}) });
  });
  return out;
}

/** Country codes written where a language is meant, and the language meant. */
const COUNTRY_NOT_LANGUAGE: Readonly<Record<string, string>> = { cn: 'zh', jp: 'ja', kr: 'ko', gr: 'el', dk: 'da', se: 'sv', ua: 'uk', cz: 'cs', vn: 'vi', il: 'he', ir: 'fa', gb: 'en', us: 'en' };

/** Cities people write as a zone that the zone database names by another city of the same zone (lower case, no spaces). */
const ZONE_OF_CITY: Readonly<Record<string, string>> = {
  beijing: 'Asia/Shanghai', peking: 'Asia/Shanghai', shenzhen: 'Asia/Shanghai', guangzhou: 'Asia/Shanghai', hangzhou: 'Asia/Shanghai', chengdu: 'Asia/Shanghai', wuhan: 'Asia/Shanghai', nanjing: 'Asia/Shanghai', china: 'Asia/Shanghai',
  hongkong: 'Asia/Hong_Kong', macau: 'Asia/Macau', taipei: 'Asia/Taipei', newdelhi: 'Asia/Kolkata', delhi: 'Asia/Kolkata', mumbai: 'Asia/Kolkata', bangalore: 'Asia/Kolkata', osaka: 'Asia/Tokyo', kyoto: 'Asia/Tokyo',
  washington: 'America/New_York', boston: 'America/New_York', miami: 'America/New_York', sanfrancisco: 'America/Los_Angeles', seattle: 'America/Los_Angeles', dallas: 'America/Chicago', houston: 'America/Chicago',
  munich: 'Europe/Berlin', frankfurt: 'Europe/Berlin', hamburg: 'Europe/Berlin', geneva: 'Europe/Zurich', milan: 'Europe/Rome', barcelona: 'Europe/Madrid', manchester: 'Europe/London', edinburgh: 'Europe/London',
  abudhabi: 'Asia/Dubai',
};

/** Two to five capitals, such as BST, CST or CEST: an abbreviation (UTC, GMT and UCT are names). */
const ZONE_ABBREVIATION = /^(?!(?:UTC|GMT|UCT)$)[A-Z]{2,5}$/;

function readZone(c: Checker, raw: unknown, path: PathKey[]): string | undefined {
  const zone = c.string(raw, path, 'what.timezone');
  if (zone === undefined) return undefined;
  // An abbreviation is no IANA name, though the runtime may take some: BST as Asia/Dhaka, CST as America/Chicago (not China).
  if (ZONE_ABBREVIATION.test(zone)) {
    c.report(path, 'dir.zoneAbbreviation', { zone });
    return undefined;
  }
  const known = KNOWN_ZONES.get(zone);
  if (known !== undefined) return known;
  if (!isValidTimeZone(zone)) {
    // A city people name that the zone database files under another ("Asia/Beijing" is Asia/Shanghai), or a fixed offset
    // ("UTC+8", whose Etc/ zone counts the other way: Etc/GMT-8); else the closest name.
    const city = ZONE_OF_CITY[zone.split('/').pop()!.toLowerCase().replace(/[\s_-]/g, '')];
    const offset = /^(?:UTC|GMT)\s*([+-])\s*(\d{1,2})(?::?00)?$/i.exec(zone.trim());
    const meant = city ?? (offset && Number(offset[2]) <= 14 ? `Etc/GMT${offset[1] === '+' ? '-' : '+'}${Number(offset[2])}` : undefined);
    c.report(path, 'dir.unknownZone', { zone, hint: meant !== undefined && isValidTimeZone(meant) ? problemDidYouMean(meant, [meant]) : problemDidYouMean(zone, Intl.supportedValuesOf('timeZone')) });
    return undefined;
  }
  // As written, but in the zone database's letter case ("asia/shanghai" is shown as Asia/Shanghai). Only the case:
  // the runtime's own name for a zone may be an old one (Europe/Kyiv comes back as Europe/Kiev).
  const resolved = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  const shown = resolved.toLowerCase() === zone.toLowerCase() ? resolved : zone;
  if (KNOWN_ZONES.size < MAX_KNOWN_ZONES) KNOWN_ZONES.set(zone, shown);
  return shown;
}

/**
 * Zones found valid, with the name shown: a directory names a few zones over and over, and asking ICU costs about
 * 0.1 ms a time (a directory of 5,000 providers spent half a second on it). Bounded, as the zone database is.
 */
const KNOWN_ZONES = new Map<string, string>();
const MAX_KNOWN_ZONES = 1024;

/** The targets the checks measure: the provider's API host, status and clock URLs, explorers and required confirmations. */
function readChecks(c: Checker, raw: unknown, path: PathKey[]): ProviderChecks | undefined {
  const o = c.object(raw, path, 'what.checks', CHECK_KEYS, []);
  if (!o) return undefined;
  const checks: ProviderChecks = {};
  if (o.apiHost !== undefined) {
    const host = c.string(o.apiHost, [...path, 'apiHost'], 'what.apiHost');
    if (host !== undefined && !/^[a-z0-9.-]+$|^\[[0-9a-f:]+\]$/i.test(host)) c.report([...path, 'apiHost'], 'dir.badHost');
    else if (host !== undefined) checks.apiHost = host;
  }
  if (o.apiPort !== undefined) {
    const port = c.integer(o.apiPort, [...path, 'apiPort'], 'what.apiPort', 1);
    if (port !== undefined && port > 65535) c.report([...path, 'apiPort'], 'dir.badPort');
    else if (port !== undefined) checks.apiPort = port;
  }
  for (const key of ['statusUrl', 'clockUrl'] as const) {
    if (o[key] === undefined) continue;
    const url = readUrl(c, o[key], [...path, key], key === 'statusUrl' ? 'what.statusUrl' : 'what.clockUrl');
    if (url) checks[key] = url;
  }
  if (o.explorers !== undefined) {
    const m = c.map(o.explorers, [...path, 'explorers'], 'what.explorers');
    checks.explorers = {};
    for (const [chain, url] of Object.entries(m ?? {})) {
      if (!CHAIN_NAMES.includes(chain)) c.report([...path, 'explorers', chain], 'dir.unknownChain', { chain, chains: CHAIN_NAMES.join(', ') }, 'key');
      const u = readUrl(c, url, [...path, 'explorers', chain], 'what.explorer');
      if (u && CHAIN_NAMES.includes(chain)) checks.explorers[chain] = u;
    }
  }
  if (o.confirmations !== undefined) {
    const m = c.map(o.confirmations, [...path, 'confirmations'], 'what.confirmations');
    checks.confirmations = {};
    for (const [chain, n] of Object.entries(m ?? {})) {
      if (!CHAIN_NAMES.includes(chain)) c.report([...path, 'confirmations', chain], 'dir.unknownChain', { chain, chains: CHAIN_NAMES.join(', ') }, 'key');
      const count = c.integer(n, [...path, 'confirmations', chain], 'what.confirmationCount', 1);
      if (count !== undefined && CHAIN_NAMES.includes(chain)) checks.confirmations[chain] = count;
    }
  }
  return checks;
}

function readUrl(c: Checker, raw: unknown, path: PathKey[], what: What): string | undefined {
  const s = c.string(raw, path, what);
  // Screened before a message quotes it, and at all: the website is shown on every card.
  if (s === undefined || !c.screened(s, path, what, screenChannelValue)) return undefined;
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    c.report(path, 'dir.urlFormat', { what: whatRef(what) });
    return undefined;
  }
  if (url.protocol !== 'https:') {
    c.report(path, 'dir.urlHttps', { what: whatRef(what) });
    return undefined;
  }
  // "https://www.official.example@evil.io/" is evil.io; a password has no place in a published address either.
  if (url.username !== '' || url.password !== '') {
    c.report(path, 'dir.urlUserInfo', { what: whatRef(what) });
    return undefined;
  }
  // The official website that forwards elsewhere would make verify call the provider's own site a look-alike.
  const site = what === 'what.website' ? redirectTarget(s) : null;
  if (site !== null) {
    c.report(path, 'dir.redirectValue', { what: whatRef(what), value: clip(s, 60), site: clip(site, 60) });
    return undefined;
  }
  return s;
}

/** Places an hours error inside a scalar: the column of the value plus the offset the parser found. */
function reportAt(c: Checker, path: PathKey[], text: string, error: ParseError, frame: Extract<ProblemKey, 'dir.serviceHours' | 'dir.exceptionHours'>): void {
  const at = c.doc.locate(path);
  const raw = c.doc.source?.slice(at.offset, at.offset + 1);
  const quoted = raw === '"' || raw === "'" ? 1 : 0;
  const problem: ProblemRef = { key: error.key, params: error.params };
  // The place in the text is its place in the file only where the file writes the text as it reads, on one line: a
  // text with escapes ("\u0020") or over several lines (">-") is pointed at where it starts (review: the column was past
  // the end of its line).
  const written = c.doc.source?.slice(at.offset + quoted, at.offset + quoted + text.length);
  const asWritten = written === text && !text.includes('\n');
  c.problems.push({ file: c.doc.file, line: at.line, column: at.column + (asWritten ? quoted + Math.min(error.offset, text.length) : 0), message: c.message(frame, { problem }) });
}

function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}
