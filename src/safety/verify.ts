/**
 * `wallet-help verify <contact>`: is this phone number, e-mail address, website or
 * social handle one of the official contacts in the support directory, or does it
 * imitate one? Fake support numbers and look-alike sites are how wallet users lose
 * money, so a contact that is not listed is never reported as official.
 *
 * Pure: no I/O, no clock. Phones are normalized by libphonenumber-js, registrable
 * domains and public suffixes come from tldts, IDN ⇄ punycode from node:url.
 *
 * Decisions (the API has no room for more detail, so they are written down here):
 * - Phones: official = same E.164 number. National forms need `defaultCountry`;
 *   without it such a number is kind 'phone', normalized null, verdict 'unknown'
 *   with the reason 'needs-country'
 *   (it cannot be compared: the caller should ask for the country code). A leading
 *   00 is read as the international prefix. Numbers are normalized even when
 *   libphonenumber does not consider them valid (fiction ranges). A number of a length
 *   its country's numbers never have is compared all the same (a digit added or dropped is
 *   a 'similar-number' look-alike); like no official number, it is 'invalid' with its
 *   `misdialled` length, or, written too short without its country, 'unknown' with the
 *   reason 'needs-area-code'. An extension ("ext. 12") is accepted and not compared.
 * - E-mail: official = the exact address is a listed e-mail channel (case-insensitive).
 *   An unlisted address at an official domain (e.g. billing@example.com) is 'unknown'
 *   with no reasons: the domain belongs to the provider, but the address is not a
 *   published contact. The brand inside the local part at any host that is not the
 *   provider's (free mail or otherwise) is a 'brand-with-extra-words' look-alike.
 * - Shared domains (free mail, social networks, help-desk platforms): listing one
 *   contact there (acme.help@gmail.com, acme.zendesk.com) never makes the whole
 *   domain official; only that exact address or host is.
 * - Hosts: official = same registrable domain as a listed website, URL or e-mail
 *   host (so help.example.com is official when www.example.com is), or exactly a
 *   listed host on a shared domain. The IDNA mapping folds full-width letters to
 *   ASCII (ｅｘａｍｐｌｅ.com *is* example.com in a browser), so such a host is
 *   official; other scripts are not folded and are look-alikes.
 * - 'edit-distance' is reported for ASCII names only; non-ASCII resemblance is the
 *   'homoglyph' class. Limits scale with the brand: none below 4 characters,
 *   1 up to 5, 2 from 6.
 * - 'brand-with-extra-words' also covers the brand used bare at an unofficial place
 *   (examplewallet.com when the site is example.com, @ExampleWallet when the
 *   provider lists no such handle, example@gmail.com).
 * - 'other-tld' also covers an official handle on another platform (same name,
 *   another place).
 * - 'subdomain-trick' also covers the brand in a URL's user-info part
 *   (https://www.example.com@evil.io/ really goes to evil.io).
 * - 'redirect': a link on an official host that carries another site's address in
 *   its query or fragment (https://www.example.com/out?url=https://evil.io), the
 *   shape of an open redirect that lends the official name to any site.
 * - A bare "@handle" names no platform, and a name on one platform can be anyone's on
 *   another: it is never official. Where a listed social channel has that name, it is
 *   'unknown' with the reason 'needs-platform' and `match` names the listed channel (ask
 *   again with the platform); otherwise it is judged for look-alikes like any handle.
 *   A listed handle without a platform (the directory validator refuses one; a hand-made
 *   Provider may hold one) matches no handle: it cannot say where it is official.
 * - Invisible format characters (zero-width, bidi overrides) count as control
 *   characters: such input is 'invalid'.
 * - `match.provider` is the provider id; for the website `match.type` is 'website'
 *   and `match.queue` null.
 */
import { domainToASCII, domainToUnicode } from 'node:url';
import { isSupportedCountry, parsePhoneNumberFromString, validatePhoneNumberLength, type CountryCode } from 'libphonenumber-js/min';
import { parse as parseDomain } from 'tldts';
import { channelValues, type Provider } from '../directory/types.js';
import { OTHER_PLATFORMS, PLATFORM_NAMES, PLATFORM_NAMES_ZH } from './platforms.js';
import { editDistance } from '../util/suggest.js';
import { lookalikeLetters, pairs } from './secrets.js';
import '../core.js';

export type ContactKind = 'phone' | 'email' | 'url' | 'handle';
export type Verdict = 'official' | 'lookalike' | 'unknown' | 'invalid';
export type LookalikeReason = 'brand-with-extra-words' | 'edit-distance' | 'other-tld' | 'homoglyph' | 'punycode' | 'subdomain-trick' | 'redirect' | 'extra-recipient' | 'similar-number';
/**
 * Why a contact could not be compared: a national phone number without its country, one too short to be whole (a
 * local number without its area code), or a handle without its platform ("@name") where the directory lists that
 * name on a platform (anyone may hold it on another).
 */
export type UnknownReason = 'needs-country' | 'needs-platform' | 'needs-area-code';

/**
 * For an official phone number or e-mail address, which of the two it is: caller ID and sender addresses
 * can be faked, so a call or message showing it may still be a scam (said wherever the verdict is).
 */
export function spoofableKind(result: Pick<VerifyResult, 'verdict' | 'kind'>): 'phone' | 'email' | undefined {
  return result.verdict === 'official' && (result.kind === 'phone' || result.kind === 'email') ? result.kind : undefined;
}

export interface VerifyResult {
  /** As given, trimmed. */
  input: string;
  /** null when invalid. */
  kind: ContactKind | null;
  /** E.164 for phones, lowercase ASCII host for urls, local@host for e-mails, the handle lowercased without @ (for an invalid number of the wrong length, as written in E.164 form). */
  normalized: string | null;
  verdict: Verdict;
  /** For official: the matching channel; for lookalike: the official contact it imitates; for 'needs-platform': the listed handle of that name. */
  match?: { provider: string; queue: string | null; type: string; value: string };
  /** For lookalike: how it imitates; for unknown: why it could not be compared, when it could not. */
  reasons: (LookalikeReason | UnknownReason)[];
  /** For invalid: a number with its country but a length no number there has, like none of the official ones. */
  misdialled?: MisdialledLength;
}

const REASON_ORDER: readonly LookalikeReason[] = ['brand-with-extra-words', 'edit-distance', 'other-tld', 'homoglyph', 'punycode', 'subdomain-trick', 'redirect', 'extra-recipient', 'similar-number'];
const MAX_INPUT = 256;

/**
 * Domains where many unrelated people or companies have addresses, pages or
 * handles: free mail, social networks, help-desk platforms. A listed contact there
 * vouches for itself only, never for the whole domain, and the domain's name is
 * not a brand. (Platforms that are public suffixes, like github.io, tldts handles.)
 */
const SHARED_DOMAINS = new Set([
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'yahoo.com', 'ymail.com', 'aol.com',
  'icloud.com', 'me.com', 'proton.me', 'protonmail.com', 'protonmail.ch', 'gmx.com', 'gmx.net', 'mail.com', 'yandex.com', 'yandex.ru',
  'qq.com', 'foxmail.com', '163.com', '126.com', 'yeah.net', 'sina.com', 'sina.cn', 'sohu.com', 'aliyun.com', 'naver.com',
  'x.com', 'twitter.com', 't.me', 'telegram.me', 'weibo.com', 'weibo.cn', 'facebook.com', 'instagram.com', 'tiktok.com', 'youtube.com',
  'linkedin.com', 'wechat.com', 'zendesk.com', 'freshdesk.com', 'intercom.help', 'helpscoutdocs.com', 'google.com', 'bit.ly',
  // Sites whose pages belong to their users, told apart by the path (sites.google.com/view/NAME, github.com/NAME).
  // Not a company's own domain that also hosts others' pages (line.me is LINE Pay's too): its provider would lose it.
  'github.com', 'gitlab.com', 'bitbucket.org', 'medium.com', 'linktr.ee', 'notion.so', 'reddit.com', 'discord.gg',
  'wa.me', 'forms.gle', 'tinyurl.com', 'wjx.cn', 'jinshuju.net',
]);

/** Social hosts (without www./m./mobile.) and the platform they belong to. */
const SOCIAL_HOSTS: Readonly<Record<string, string>> = {
  'x.com': 'x', 'twitter.com': 'x', 'weibo.com': 'weibo', 'weibo.cn': 'weibo', 't.me': 'telegram', 'telegram.me': 'telegram',
  'instagram.com': 'instagram', 'facebook.com': 'facebook', 'fb.com': 'facebook', 'tiktok.com': 'tiktok', 'youtube.com': 'youtube',
};
export { HANDLE_PLATFORMS } from './platforms.js';

/** A platform's name, in English or Chinese, longest first (新浪微博 before 微博). */
const PLATFORM_WORD = [...Object.keys(PLATFORM_NAMES), ...Object.keys(PLATFORM_NAMES_ZH)].sort((a, b) => b.length - a.length).join('|');
/** What may follow a platform's name before the account: "QQ号", "微信账号", "WeChat ID". */
const ACCOUNT_WORD = String.raw`(?:号|號|账号|帐号|賬號|帳號|[\s_-]*id)?`;
/**
 * "platform:name" as people write it, in NFKC form (the full-width colon of Chinese input methods, "wechat：name", is a
 * colon then): the platform's name (group 1) and what follows the colon (group 2). Not "x://…", a link.
 */
const NAMED_ON_PLATFORM = new RegExp(String.raw`^(${PLATFORM_WORD})${ACCOUNT_WORD}\s*:\s*(?!\/\/)(.*)$`, 'isu');
/**
 * The same in text copied from a message (verifyContact only), after words before it and with a space for the colon:
 * "客服微信：kefu888", "官方QQ号 12345678", "WeChat ID: kefu888". (Text naming 企业微信, WeCom, never gets here: contactIn.)
 */
const PLATFORM_LABEL = new RegExp(String.raw`^\p{Script=Han}{0,8}?(${PLATFORM_WORD})${ACCOUNT_WORD}(\s*:\s*|\s+)(?!\/\/)(?=\S)(.*)$`, 'isu');
/** A platform no handle here can name, at the start of text copied from a message ("抖音：xxx", "企业微信号 xxx"): group 1. */
const OTHER_PLATFORM_LABEL = new RegExp(String.raw`^\p{Script=Han}{0,8}?(${OTHER_PLATFORMS.join('|')})${ACCOUNT_WORD}(?:\s*:\s*|\s+)\S`, 'iu');
/**
 * Another platform named anywhere in the text, however written: Traditional characters, spaces, "版" ("企業微信",
 * "企业 微信", "企业版微信", "抖音微信"). Such text is never read as an account on a platform a handle can name: the
 * generic label was taken off before "微信：name", and an account on WeCom was called the official WeChat one (review).
 */
const OTHER_PLATFORM_NAMED = /(企\s*[业業]\s*(?:版\s*)?(?:微\s*信|wechat|weixin)|微\s*信\s*(?:公\s*[众眾]\s*[号號]|群|小\s*程\s*序)|公\s*[众眾]\s*[号號]|抖\s*音|快\s*手|小\s*[红紅]\s*[书書]|[钉釘]\s*[钉釘]|[视視]\s*[频頻]\s*[号號])/u;

/** A platform's id by any of its names. */
function platformId(name: string): string | undefined {
  const lower = name.toLowerCase();
  return Object.hasOwn(PLATFORM_NAMES, lower) ? PLATFORM_NAMES[lower] : Object.hasOwn(PLATFORM_NAMES_ZH, name) ? PLATFORM_NAMES_ZH[name] : undefined;
}
/** First path segments that are site pages, not accounts. */
const SOCIAL_RESERVED = new Set(['home', 'i', 'intent', 'share', 'search', 'hashtag', 'explore', 'settings', 'login', 'joinchat', 'addstickers', 'watch', 'p', 'groups', 'pages']);

/*
 * Confusables: the look-alike letters (src/safety/lookalikes.ts), and ASCII I | 0 1, which also stand for letters in a
 * brand's name (but are what they are in a sentence). Full-width forms and mathematical letters are folded by NFKC,
 * accents by stripping combining marks; "rn"→"m" and "vv"→"w" are applied after the table.
 */
const CONFUSABLES = new Map<string, string>([...lookalikeLetters(), ...pairs('I|01', 'llol')]);

/** The look-alike skeleton: two strings with the same skeleton are visually confusable. */
function skeleton(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFKC')) out += CONFUSABLES.get(ch) ?? CONFUSABLES.get(ch.toLowerCase()) ?? ch.toLowerCase();
  return out.normalize('NFD').replace(/\p{M}/gu, '').replace(/rn/g, 'm').replace(/vv/g, 'w');
}

/** Letters and digits only, lowercased: "Example Wallet" → "examplewallet". */
function squash(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

function isAscii(text: string): boolean {
  return /^[\x20-\x7e]*$/.test(text);
}

/** How many edits still count as imitating a name of this length. */
function editLimit(token: string): number {
  const n = Array.from(token).length;
  return n < 4 ? 0 : n <= 5 ? 1 : 2;
}

// ---------------------------------------------------------------------------
// Parsing contacts

interface Host {
  /** Lowercase ASCII (punycode) host name, no trailing dot. */
  ascii: string;
  unicode: string;
  isIp: boolean;
  /** Registrable domain (ASCII), its label before the public suffix (Unicode), and the suffix. */
  domain: string | null;
  label: string | null;
  labelAscii: string | null;
  suffix: string | null;
  /** Subdomain labels, Unicode. */
  sub: string[];
}

/** How a number with its country has a length no number there has: a digit added or dropped (see parsePhone). */
export type MisdialledLength = 'too-long' | 'too-short' | 'wrong-length';

type Parsed =
  /** `misdialled`: only verifyContact reads such numbers (to compare them with the official ones); as a contact, they are none. */
  | { kind: 'phone'; e164: string | null; callingCode: string; national: string; misdialled?: MisdialledLength }
  /** `copies`: other addresses a mailto: link also writes to (its to, cc and bcc fields). */
  | { kind: 'email'; local: string; host: Host; address: string; copies: string[] }
  | { kind: 'url'; host: Host; userinfo: string; path: string; carries: Host | null }
  | { kind: 'handle'; platform: string | null; handle: string };

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const TLD = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{2,59})$/;
const HANDLE = /^[\p{L}\p{N}_.-]{1,64}$/u;
const PHONE = /^\+?[\d\s().\-/]+$/;
/** An extension after the number ("ext. 12", "x12", "#12"); E.164 leaves it out. */
const EXTENSION = /\s*(?:ext\.?|x|#)\s*\d{1,7}$/i;

function makeHost(raw: string): Host | null {
  const ascii = raw.toLowerCase().replace(/\.$/, '');
  if (!ascii) return null;
  if (ascii.startsWith('[') || IPV4.test(ascii)) return { ascii, unicode: ascii, isIp: true, domain: null, label: null, labelAscii: null, suffix: null, sub: [] };
  const p = parseDomain(ascii, { allowPrivateDomains: true });
  if (p.isIp) return { ascii, unicode: ascii, isIp: true, domain: null, label: null, labelAscii: null, suffix: null, sub: [] };
  const unicode = domainToUnicode(ascii) || ascii;
  return {
    ascii,
    unicode,
    isIp: false,
    domain: p.domain,
    label: p.domainWithoutSuffix ? domainToUnicode(p.domainWithoutSuffix) || p.domainWithoutSuffix : null,
    labelAscii: p.domainWithoutSuffix,
    suffix: p.publicSuffix,
    sub: p.subdomain ? p.subdomain.split('.').map((l) => domainToUnicode(l) || l) : [],
  };
}

/** A host written without a scheme must look like a real name: a dot and a letters-only top-level label. */
function plausibleBareHost(host: Host): boolean {
  if (host.isIp) return IPV4.test(host.ascii);
  const last = host.ascii.split('.').pop() ?? '';
  return host.ascii.includes('.') && TLD.test(last) && host.domain !== null;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function socialFromUrl(url: URL): Parsed | null {
  const bare = url.hostname.toLowerCase().replace(/^(?:www|m|mobile)\./, '');
  const platform = SOCIAL_HOSTS[bare];
  if (!platform) return null;
  const segments = url.pathname.split('/').filter(Boolean).map(safeDecode);
  let first = segments[0];
  if (first !== undefined && ((platform === 'weibo' && (first === 'u' || first === 'n')) || (platform === 'telegram' && first === 's'))) first = segments[1];
  if (first === undefined || SOCIAL_RESERVED.has(first.toLowerCase())) return null;
  const handle = first.replace(/^@/, '');
  return HANDLE.test(handle) ? { kind: 'handle', platform, handle } : null;
}

function parseUrl(text: string, hasScheme: boolean): Parsed | null {
  if (!hasScheme && !/^[^\s/?#@\\:]+(?::\d{1,5})?(?:[/?#]\S*)?$/u.test(text)) return null;
  let url: URL;
  try {
    url = new URL(hasScheme ? text : `https://${text}`);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const host = makeHost(url.hostname);
  if (!host || (!hasScheme && !plausibleBareHost(host))) return null;
  const social = socialFromUrl(url);
  if (social) return social;
  const userinfo = safeDecode(`${url.username}${url.password ? `:${url.password}` : ''}`);
  return { kind: 'url', host, userinfo, path: url.pathname.replace(/\/+$/, '').toLowerCase(), carries: carriedHost(url, host) };
}

/** Query parameters that name where a link sends on to: their value counts even as a bare host (`?url=evil.io`). */
const REDIRECT_PARAMS: ReadonlySet<string> = new Set(['url', 'uri', 'redirect', 'redirect_uri', 'redirect_url', 'redirecturl', 'next', 'to', 'target', 'dest', 'destination', 'continue', 'return', 'returnto', 'return_to', 'returnurl', 'r', 'u', 'link', 'goto', 'go', 'out', 'forward', 'callback']);
/** An address with a scheme ("https://", "https:/", "https:\\") or without one ("//evil.io", "/\\evil.io"), as browsers read them. */
const CARRIED_URL = /^\s*(?:[a-z][a-z0-9+.-]*:[\\/]*|[\\/]{2,}|\/\\)([^\s/?#\\]+)/i;
/** A bare host, for the values of REDIRECT_PARAMS: a dotted name. */
const BARE_HOST = /^\s*([a-z0-9-]+(?:\.[a-z0-9-]+)+)(?=[/:?#]|\s*$)/i;

/**
 * Another site's address carried in a link (`?url=https://evil.io`, `#//evil.io`, `/out/https%3A%2F%2Fevil.io`),
 * where a redirect may send on to. Values are decoded up to three times: a redirect chain encodes again at each hop.
 */
function carriedHost(url: URL, own: Host): Host | null {
  const candidates: { value: string; bare: boolean }[] = [
    ...[...url.searchParams.entries()].map(([name, value]) => ({ value, bare: REDIRECT_PARAMS.has(name.toLowerCase()) })),
    { value: url.hash.slice(1), bare: false },
    // The path from each of its segments on: an address in it may be encoded into one segment or written out over several.
    ...url.pathname.split('/').map((_, i, segments) => ({ value: segments.slice(i).join('/'), bare: false })),
    // Parameters written into the path (`/out;next=https://evil.io`), which servers read as query parameters.
    ...[...url.pathname.matchAll(/;([^=;/]+)=([^;]*)/g)].map((m) => ({ value: m[2]!, bare: REDIRECT_PARAMS.has(safeDecode(m[1]!).toLowerCase()) })),
  ];
  for (const { value, bare } of candidates) {
    let text = value;
    for (let round = 0; round < 3 && /%[0-9a-f]{2}/i.test(text); round++) text = safeDecode(text);
    // As a browser reads an address: tabs and line breaks left out ("https:/%09/evil.io"), an ideographic full stop a dot ("evil。io").
    text = text.replace(/[\t\n\r]/g, '').replace(/[\u3002\uff0e\uff61]/g, '.');
    const m = CARRIED_URL.exec(text) ?? (bare ? BARE_HOST.exec(text) : null);
    if (!m) continue;
    let hostname: string;
    try {
      hostname = new URL(`https://${m[1]!}`).hostname;
    } catch {
      continue;
    }
    const host = makeHost(hostname);
    // Only a real other site: a name with a registrable domain (or an address), not a word of a path.
    if (host && (host.domain !== null || host.isIp) && (host.domain ?? host.ascii) !== (own.domain ?? own.ascii)) return host;
  }
  return null;
}

function parseEmail(text: string): Parsed | null {
  // "mailto:?to=support@example.com": the address in the query, as mail programs read it (QA: checks review; the whole
  // "?to=…" was taken for the name before the "@").
  const bare = /^mailto:\?(.*)$/is.exec(text);
  if (bare) {
    // Every "to" (in any case) counts: the first is the address, the others are copies (review: a second "to" was dropped
    // and the link called official).
    const params = [...new URLSearchParams(bare[1])];
    const to = params.filter(([name]) => name.toLowerCase() === 'to').flatMap(([, value]) => value.split(/[,;]/)).map((a) => a.trim()).filter((a) => a !== '');
    const [first, ...others] = to;
    if (first === undefined || first.startsWith('?')) return null;
    const rest = new URLSearchParams([...params.filter(([name]) => name.toLowerCase() !== 'to'), ...others.map((a): [string, string] => ['to', a])]).toString();
    return parseEmail(`mailto:${first}${rest ? `?${rest}` : ''}`);
  }
  const m = /^(?:mailto:)?([^\s@]{1,64})@([^\s@?]+)(?:\?(.*))?$/i.exec(text);
  if (!m) return null;
  const host = makeHost(domainToASCII(m[2]!));
  if (!host || host.isIp || !plausibleBareHost(host)) return null;
  const local = m[1]!.toLowerCase();
  const address = `${local}@${host.ascii}`;
  // "mailto:support@example.com?bcc=someone@evil.io" writes to the official address and to another one as well.
  const copies: string[] = [];
  for (const [name, value] of new URLSearchParams(m[3] ?? '')) {
    if (!/^(?:to|cc|bcc)$/i.test(name)) continue;
    for (const other of value.split(/[,;]/)) if (other.trim() !== '' && other.trim().toLowerCase() !== address) copies.push(other.trim());
  }
  return { kind: 'email', local, host, address, copies };
}

/** A phone number; with `misdialled`, also one with its country that has too many or too few digits ("+1 202-555-01430"). */
function parsePhone(text: string, country: CountryCode | undefined, misdialled = false): Parsed | 'garbage' | null {
  const s = text.normalize('NFKC').replace(/^tel:/i, '').trim();
  const number = s.replace(EXTENSION, '');
  if (!PHONE.test(number) || IPV4.test(number)) return null;
  const digits = number.replace(/\D/g, '');
  if (digits.length < 3) return 'garbage';
  const international = s.startsWith('+') ? s : s.startsWith('00') ? `+${s.slice(2)}` : null;
  if (international === null && !country) return digits.length >= 6 && digits.length <= 15 ? { kind: 'phone', e164: null, callingCode: '', national: digits } : 'garbage';
  const p = international !== null ? parsePhoneNumberFromString(international) : parsePhoneNumberFromString(s, country);
  if (!p) return 'garbage';
  if (!p.isPossible()) {
    const length = misdialled ? MISDIALLED[validatePhoneNumberLength(p.number) ?? ''] : undefined;
    return length ? { kind: 'phone', e164: p.number, callingCode: p.countryCallingCode, national: p.nationalNumber, misdialled: length } : 'garbage';
  }
  return { kind: 'phone', e164: p.number, callingCode: p.countryCallingCode, national: p.nationalNumber };
}

const MISDIALLED: Record<string, MisdialledLength | undefined> = { TOO_LONG: 'too-long', TOO_SHORT: 'too-short', INVALID_LENGTH: 'wrong-length' };

/** A short service number ("95588", "10086"): no number the directory's can be compared with, said as what it is. */
export function isShortNumber(text: string): boolean {
  return /^\d{3,6}$/.test(text.trim().replace(/[\s-]/g, ''));
}

/** The country calling code of a number written in E.164 form ("1" for "+120255501430"), even one of an impossible length. */
export function callingCodeOf(e164: string): string | undefined {
  return parsePhoneNumberFromString(e164)?.countryCallingCode;
}

/** Whether libphonenumber knows this ISO 3166 country code (any case), so national numbers can be read for it. */
export function isCountryCode(code: string): boolean {
  return countryCode(code) !== undefined;
}

function countryCode(code: string | undefined): CountryCode | undefined {
  const upper = code?.toUpperCase();
  return upper && isSupportedCountry(upper) ? upper : undefined;
}

function unusable(text: string): boolean {
  return text === '' || text.length > MAX_INPUT || /[\p{Cc}\p{Cf}]/u.test(text);
}

/** Reads one contact; null when it is none of the four kinds. */
function classify(text: string, country: CountryCode | undefined): Parsed | null {
  if (unusable(text)) return null;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1]?.toLowerCase();
  if (scheme === 'http' || scheme === 'https') return parseUrl(text, true);
  if (scheme === 'mailto') return parseEmail(text);
  if (scheme === 'tel') {
    const phone = parsePhone(text, country);
    return phone === 'garbage' ? null : phone;
  }
  // "wechat:name", and as Chinese users write it: "微信：name", "QQ号:12345678" (QA: Chinese user). The label and its colon
  // are read folded (full-width, as a Chinese input method types them); the account as it is written: no platform's
  // account is spelt in full-width letters, and a name shown so is dressed up as the official one (review).
  const named = NAMED_ON_PLATFORM.exec(text.normalize('NFKC'));
  const platform = named && text.endsWith(named[2]!) ? platformId(named[1]!) : undefined;
  if (named && platform) {
    const handle = named[2]!.trim().replace(/^@/, '');
    return HANDLE.test(handle) ? { kind: 'handle', platform, handle } : null;
  }
  if (text.startsWith('@')) {
    const handle = text.slice(1);
    return HANDLE.test(handle) ? { kind: 'handle', platform: null, handle } : null;
  }
  if (text.includes('@') && !text.includes('/')) return parseEmail(text);
  const phone = parsePhone(text, country);
  if (phone === 'garbage') return null;
  if (phone) return phone;
  return parseUrl(text, false);
}

/** A number with its country and a length no number there has (see parsePhone), or undefined. */
function misdialledPhone(text: string, country: CountryCode | undefined): Parsed | undefined {
  const phone = parsePhone(text, country, true);
  return phone && phone !== 'garbage' && phone.kind === 'phone' && phone.misdialled ? phone : undefined;
}

/** A social handle as read from `input`, with its platform (null for "@name", which names none); null when it is no handle. */
export function parseHandle(input: string): { platform: string | null; handle: string } | null {
  const parsed = classify(input.trim(), undefined);
  return parsed?.kind === 'handle' ? { platform: parsed.platform, handle: parsed.handle } : null;
}

/**
 * The other site a link passes visitors on to (`https://www.example.com/out?url=https://evil.io` → "evil.io"), or null:
 * the shape verifyContact calls a 'redirect' look-alike, which a directory must not list as official.
 */
export function redirectTarget(input: string): string | null {
  const parsed = classify(input.trim(), undefined);
  return parsed?.kind === 'url' && parsed.carries ? parsed.carries.unicode : null;
}

/** Classifies a string: phone, e-mail, URL or host name, or social handle ("@name", "x.com/name", "platform:name"). */
export function detectKind(input: string, defaultCountry?: string): ContactKind | null {
  return classify(input.trim(), countryCode(defaultCountry))?.kind ?? null;
}

// ---------------------------------------------------------------------------
// The official contacts

interface Official {
  provider: Provider;
  queue: string | null;
  type: string;
  value: string;
  parsed: Parsed;
}

interface Brand {
  /** Lowercase, Unicode. */
  token: string;
  /** For registrable-domain labels: the ASCII label and its public suffix. */
  ascii?: string;
  suffix?: string;
  /** For handles: the platform (null when the listing names none). */
  platform?: string | null;
  source: 'domain' | 'name' | 'handle';
  contacts: Official[];
}

function officialContacts(provider: Provider, country: CountryCode | undefined): Official[] {
  const out: Official[] = [];
  const website = classify(provider.website.trim(), country);
  if (website) out.push({ provider, queue: null, type: 'website', value: provider.website, parsed: website });
  for (const [queue, channels] of Object.entries(provider.queues)) {
    for (const channel of channels ?? []) {
      for (const published of channelValues(channel)) {
        const value = published.trim();
        let parsed = classify(value, country);
        if (!parsed && channel.type === 'social' && HANDLE.test(value)) parsed = { kind: 'handle', platform: null, handle: value };
        if (parsed) out.push({ provider, queue, type: channel.type, value: published, parsed });
      }
    }
  }
  return out;
}

function hostOf(p: Parsed): Host | null {
  return p.kind === 'url' || p.kind === 'email' ? p.host : null;
}

function isShared(host: Host): boolean {
  return host.domain !== null && isSharedDomain(host.domain);
}

/** A registrable domain whose pages or addresses belong to many owners (github.com, google.com, gmail.com): the host alone is nobody's. */
export function isSharedDomain(domain: string): boolean {
  return SHARED_DOMAINS.has(domain);
}

/** The names a provider's contacts could be imitated by: domain labels, its name and id, its handles. */
function brands(provider: Provider, contacts: readonly Official[]): Brand[] {
  const out: Brand[] = [];
  const add = (b: Omit<Brand, 'contacts'>, c: Official[]): void => {
    const same = out.find((x) => x.token === b.token && x.suffix === b.suffix && x.platform === b.platform && x.source === b.source);
    if (same) same.contacts.push(...c);
    else out.push({ ...b, contacts: c });
  };
  for (const c of contacts) {
    const host = hostOf(c.parsed);
    if (host?.label && host.labelAscii && host.suffix && !isShared(host)) add({ token: host.label.toLowerCase(), ascii: host.labelAscii, suffix: host.suffix, source: 'domain' }, [c]);
    if (c.parsed.kind === 'handle') add({ token: c.parsed.handle.toLowerCase(), platform: c.parsed.platform, source: 'handle' }, [c]);
  }
  const taken = new Set(out.map((b) => squash(b.token)));
  const site = contacts.filter((c) => c.type === 'website');
  for (const name of [provider.name, provider.id]) {
    const token = squash(name);
    if (token.length >= 4 && !taken.has(token)) {
      taken.add(token);
      out.push({ token, source: 'name', contacts: site.length > 0 ? site : [...contacts] });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Look-alike tests

/**
 * How `candidate` (a domain label, handle or e-mail local part) imitates `token`.
 * `bareIsBrand`: the exact token at this place counts as 'brand-with-extra-words'.
 */
function nameReasons(candidate: string, token: string, bareIsBrand: boolean): LookalikeReason[] {
  const c = candidate.toLowerCase();
  if (c === token) return bareIsBrand ? ['brand-with-extra-words'] : [];
  const out = new Set<LookalikeReason>();
  const cs = squash(c);
  const ts = squash(token);
  const contains = ts.length >= 4 && cs !== ts && cs.includes(ts);
  if (contains || (bareIsBrand && cs === ts)) out.add('brand-with-extra-words');
  const limit = editLimit(token);
  const rawDistance = isAscii(c) && isAscii(token) ? editDistance(c, token) : Infinity;
  if (rawDistance >= 1 && rawDistance <= limit) out.add('edit-distance');
  // Homoglyph: the skeleton brings the candidate closer to the token than its spelling does.
  const kc = skeleton(candidate);
  if (kc === c) return [...out];
  const kt = skeleton(token);
  const skDistance = editDistance(kc, kt);
  if (skDistance < rawDistance && skDistance <= limit) out.add('homoglyph');
  const kcs = squash(kc);
  const kts = squash(kt);
  if (!contains && kts.length >= 4 && kcs !== kts && kcs.includes(kts)) out.add('homoglyph').add('brand-with-extra-words');
  return [...out];
}

/** The brand (or its skeleton) appears inside `text`: a subdomain label or a URL's user-info. */
function containsBrand(text: string, token: string): boolean {
  const t = squash(skeleton(token));
  const s = squash(skeleton(text));
  return t.length >= 4 ? s.includes(t) : s === t;
}

function hostReasons(host: Host, userinfo: string, b: Brand, officialHosts: readonly Host[]): LookalikeReason[] {
  const out = new Set<LookalikeReason>();
  if (b.source === 'handle') return [];
  if (host.label !== null) {
    if (b.source === 'domain' && host.labelAscii === b.ascii && host.suffix !== b.suffix) out.add('other-tld');
    else for (const r of nameReasons(host.label, b.token, b.source === 'name')) out.add(r);
  }
  for (const label of host.sub) {
    if (label === 'www') continue;
    if (containsBrand(label, b.token)) {
      out.add('subdomain-trick');
      if (skeleton(label) !== label.toLowerCase() && !squash(label).includes(squash(b.token))) out.add('homoglyph');
    }
  }
  if (userinfo && containsBrand(userinfo, b.token)) out.add('subdomain-trick');
  // The whole host, for look-alikes in the suffix too (example.cоm).
  const strip = (h: string): string => skeleton(h).replace(/^www\./, '');
  if (b.source === 'domain' && !host.isIp && skeleton(host.unicode) !== host.unicode) {
    for (const o of officialHosts) if (o.labelAscii === b.ascii && o.suffix === b.suffix && strip(host.unicode) === strip(o.unicode)) out.add('homoglyph');
  }
  return [...out];
}

/** How the contact imitates one brand of a provider. */
function brandReasons(parsed: Parsed, b: Brand, officialHosts: readonly Host[], handles: ReadonlySet<string>): LookalikeReason[] {
  switch (parsed.kind) {
    case 'phone':
      return [];
    case 'url': {
      const out = hostReasons(parsed.host, parsed.userinfo, b, officialHosts);
      // On a shared host the owner is named in the path (sites.google.com/view/ourwallet-refund-desk): a segment that
      // holds the brand, look-alike letters folded, is an imitation. One a letter or two away only when it has a digit
      // or a letter of another script in it (b1nance): on a host of everybody's pages, an ordinary word ("finance" for
      // "binance") is someone else's page, not an imitation.
      if (isShared(parsed.host) && b.source !== 'handle') {
        for (const segment of parsed.path.split('/')) {
          const name = safeDecode(segment);
          if (!name) continue;
          if (containsBrand(name, b.token)) out.push(skeleton(name) !== name.toLowerCase() && !squash(name).includes(squash(b.token)) ? 'homoglyph' : 'brand-with-extra-words');
          else if (/[0-9]|[^ -~]/.test(name)) out.push(...nameReasons(name, b.token, false));
        }
      }
      // A listed handle's profile page on a host dressed as its platform: x.com.evil.io/ourwallet_help, or
      // x.com@evil.io/… (QA: checks review; they were "not official" only).
      if (b.source === 'handle' && !isShared(parsed.host) && dressedAsPlatform(parsed.host.ascii, parsed.userinfo, b.platform) && parsed.path.split('/').some((segment) => safeDecode(segment)?.replace(/^@/, '').toLowerCase() === b.token)) out.push('subdomain-trick');
      return out;
    }
    case 'email': {
      const out = hostReasons(parsed.host, '', b, officialHosts);
      // The brand in the local part: examplewallet.support@gmail.com.
      if (b.source !== 'handle') out.push(...nameReasons(parsed.local, b.token, true).filter((r) => r !== 'edit-distance'));
      return out;
    }
    case 'handle': {
      if (b.source === 'handle') return parsed.handle.toLowerCase() === b.token ? ['other-tld'] : nameReasons(parsed.handle, b.token, false);
      // A domain or name that is also a listed handle was judged as that handle.
      return handles.has(squash(b.token)) ? [] : nameReasons(parsed.handle, b.token, true);
    }
  }
}

/** Whether a host ("x.com.evil.io", "t.me-login.net") or what is written before an "@" ("x.com@evil.io") passes for the host of a platform (any, when `platform` is null). */
function dressedAsPlatform(host: string, userinfo: string, platform: string | null | undefined): boolean {
  const name = (h: string) => h.replace(/^(?:www|m|mobile)\./, '');
  // Before an "@" with a port or a password after it ("x.com:443@evil.io"), and anywhere among the labels ("support.x.com.evil.io").
  const before = name(userinfo.toLowerCase().replace(/:.*$/s, ''));
  return Object.entries(SOCIAL_HOSTS).some(([social, of]) => (platform == null || of === platform) && (`.${host}`.includes(`.${social}.`) || `.${host}`.includes(`.${social}-`) || before === social));
}

function sortReasons(reasons: Iterable<LookalikeReason>): LookalikeReason[] {
  const set = new Set(reasons);
  return REASON_ORDER.filter((r) => set.has(r));
}

function matchOf(c: Official): NonNullable<VerifyResult['match']> {
  return { provider: c.provider.id, queue: c.queue, type: c.type, value: c.value };
}

/** Of the contacts behind a brand, the one the input most likely imitates. */
function pickContact(contacts: readonly Official[], parsed: Parsed): Official {
  const rank = (c: Official): number => {
    if (parsed.kind === 'email' && c.parsed.kind === 'email') return c.parsed.local === parsed.local ? 0 : 1;
    if (parsed.kind === 'handle' && c.parsed.kind === 'handle') return 0;
    if (parsed.kind === 'url' && c.type === 'website') return 0;
    if (parsed.kind === 'url' && c.parsed.kind === 'url') return 1;
    return c.type === 'website' ? 2 : 3;
  };
  return [...contacts].sort((a, b) => rank(a) - rank(b))[0]!;
}

interface Candidate {
  reasons: LookalikeReason[];
  contact: Official;
}

/** The strongest imitation among the brands: most reasons, then directory order. */
function best(found: Candidate[]): Candidate | undefined {
  let top: Candidate | undefined;
  for (const f of found) if (f.reasons.length > 0 && (!top || f.reasons.length > top.reasons.length)) top = f;
  return top;
}

/**
 * How many digits apart two national numbers are: of one length, the digits that differ (a swap of two is two); of lengths
 * one apart, 1 where one digit was added or dropped ("5555 01000" for "5555 0100"; QA: checks review); otherwise Infinity:
 * more would make any longer number of the same area look like the official one.
 */
function digitsApart(a: string, b: string): number {
  if (a.length === b.length) {
    // Digits changed in place (a swap is two): not shifted, which would make "202-555-1430" a copy of "202-555-0143" (review).
    let diff = 0;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff++;
    return diff;
  }
  // One digit added or dropped: the shorter is the longer without one of its digits.
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (long.length - short.length !== 1) return Infinity;
  for (let i = 0; i < long.length; i++) if (long.slice(0, i) + long.slice(i + 1) === short) return 1;
  return Infinity;
}

/** Up to two digits apart. */
const SIMILAR_DIGITS = 2;

// ---------------------------------------------------------------------------

/** Messaging apps, whose accounts a phone number names (the number's owner is not thereby the official line). */
const MESSAGING_APP = /whats\s*app|telegram|signal|viber|line|wechat|weixin|微信|skype|messenger|imessage|kakao|zalo|qq/i;

/**
 * The contact in text copied from a message: a label before it ("客服电话：", "Phone:"), the punctuation
 * around it ("，", "。", quotes, brackets) and a full-width "＠" (an input method's) taken off. Anything
 * else full-width stays: a platform does not fold a handle as a browser folds a host.
 */
function contactIn(text: string): string {
  const unmarked = text.replace(/＠/g, '@');
  // Text that names a platform no handle here can name reads as no contact at all (see otherPlatform).
  // In Chinese anywhere; by a Latin name ("WeCom: name", "douyin kefu") only as the label it starts with: inside a web or
  // e-mail address ("example.com.douyin-gift.cn") the letters are compared as the address's, a look-alike (review).
  const folded = unmarked.normalize('NFKC');
  if (OTHER_PLATFORM_NAMED.test(folded) || OTHER_PLATFORM_LABEL.test(folded)) return '';
  // A platform named before an account, with words before it or a space for its colon ("客服微信：kefu888", "QQ号 12345678"):
  // the account on that platform, not a label to drop (QA: Chinese user; the account was left without its platform).
  // Not a lone "x" before a space, which may be anything; and only an account: "微信：+86 …" is read as before.
  const label = PLATFORM_LABEL.exec(folded);
  // The account as written: the label and its colon are folded (a Chinese input method types "：" and full-width
  // letters), the account is not ("ＥｘａｍｐｌｅＷａｌｌｅｔ" is no official handle's spelling; review).
  if (label && (label[1]!.length > 1 || label[2]!.includes(':')) && unmarked.endsWith(label[3]!)) {
    const handle = around(label[3]!).replace(/^@/, '');
    if (HANDLE.test(handle)) return `${platformId(label[1]!)}:${handle}`;
  }
  return around(
    unmarked
      // An address with the name mail programs show before it: "Example Wallet <support@example.com>".
      .replace(/^[^<>]{0,60}<([^<>\s]+@[^<>\s]+)>\s*$/u, '$1')
      // A label before it: "电话：", "客服电话 ", "Phone:".
      .replace(/^(?:\p{Script=Han}{1,12}(?:\s*[:：]\s*|\s+)|(?:phone|telephone|hotline|e-?mail|website|web site|site|url|contact|number)\s*[:：]\s*)(?=\S)/iu, ''),
  );
}

/** What surrounds a contact in a message, taken off: a note after it, spaces and punctuation (see contactIn). */
function around(text: string): string {
  return text
    // A note after the contact, as messages add one ("（24小时）", "(24h)"); not one that names a messaging app: an
    // account on it named by a number ("(WhatsApp)", "WhatsApp +1 …") is not the phone line the directory lists,
    // so it stays unreadable rather than "official".
    .replace(/[（(]([^（）()]{1,24})[）)]\s*$/u, (note, inside: string) => (MESSAGING_APP.test(inside) ? note : ''))
    .trimEnd()
    .replace(/^[\s"'“”‘’「」『』《》（【,.;:!?、。，；：！？]+|[\s"'“”‘’「」『』《》）】,.;:!?、。，；：！？]+$/gu, '');
}

/**
 * The account in `input` when it is one without its platform and no other contact ("kefu888"), in NFKC form, or
 * undefined: "not a contact" said nothing of what was missing; the platform before it is (QA: Chinese user).
 */
export function bareHandle(input: string): string | undefined {
  const text = input.trim();
  if (text.length > MAX_INPUT) return undefined;
  const read = contactIn(text).normalize('NFKC');
  return BARE_HANDLE.test(read) && classify(read, undefined) === null ? read : undefined;
}
/** An account name as platforms allow it: letters (one at least), digits, "_", "." and "-", starting with a letter or digit. */
const BARE_HANDLE = /^(?=[A-Za-z0-9_.-]*[A-Za-z])[A-Za-z0-9][A-Za-z0-9_.-]{2,63}$/;

/**
 * The platform `input` names an account on when no handle here can name it ("抖音：xxx", "企业微信号 xxx"), as written
 * (in NFKC form), or undefined: the directory cannot list such an account, so it cannot be compared (QA: Chinese user).
 */
export function otherPlatform(input: string): string | undefined {
  const text = input.trim();
  if (text.length > MAX_INPUT) return undefined;
  const folded = text.normalize('NFKC');
  // Named anywhere, with an account beside it ("企業微信：kefu", "抖音微信 kefu"); the name alone is no account.
  return OTHER_PLATFORM_LABEL.exec(folded)?.[1] ?? (/[A-Za-z0-9]/.test(folded) ? OTHER_PLATFORM_NAMED.exec(folded)?.[1] : undefined);
}

/** Checks a contact against the providers' official contacts (channel values of every queue, plus the provider website's host). */
export function verifyContact(input: string, providers: readonly Provider[], opts: { defaultCountry?: string } = {}): VerifyResult {
  const text = input.trim();
  const country = countryCode(opts.defaultCountry);
  // Read as copied from a message (punctuation, a label); shown as it was given. Text far longer than any contact
  // is none, before the trimming of what surrounds one (whose patterns take time on long runs of spaces) runs.
  const read = text.length > MAX_INPUT * 2 ? null : contactIn(text);
  // A number with a digit added or dropped is none, but it is compared with the official numbers all the same: that is
  // how a fake one is made ("+86 10 5555 01000" for "+86 10 5555 0100"; QA: checks review).
  const parsed = read === null ? null : (classify(read, country) ?? (unusable(read) ? null : misdialledPhone(read, country)));
  if (!parsed) return { input: text, kind: null, normalized: null, verdict: 'invalid', reasons: [] };

  // A page on a shared host is named by its path too: the host alone is everybody's.
  const normalized = parsed.kind === 'phone' ? parsed.e164 : parsed.kind === 'email' ? parsed.address : parsed.kind === 'url' ? (isShared(parsed.host) ? `${parsed.host.ascii}${parsed.path}` : parsed.host.ascii) : parsed.handle.toLowerCase();
  const result = (verdict: Verdict, contact?: Official, reasons: (LookalikeReason | UnknownReason)[] = []): VerifyResult => ({
    input: text,
    kind: parsed.kind,
    normalized,
    verdict,
    ...(contact ? { match: matchOf(contact) } : {}),
    reasons,
  });

  const perProvider = providers.map((p) => ({ provider: p, contacts: officialContacts(p, country) }));
  const all = perProvider.flatMap((p) => p.contacts);
  const found: Candidate[] = [];

  switch (parsed.kind) {
    case 'phone': {
      if (parsed.e164 === null) return result('unknown', undefined, ['needs-country']);
      // Compared without extensions: the line is what a scammer imitates.
      const phones = all.filter((c): c is Official & { parsed: { kind: 'phone'; e164: string; callingCode: string; national: string } } => c.parsed.kind === 'phone' && c.parsed.e164 !== null && c.parsed.misdialled === undefined);
      const same = phones.find((c) => c.parsed.e164 === parsed.e164);
      if (same) return result('official', same);
      // The official number it is closest to (fewest digits apart, then directory order); the same national
      // number under another country's code imitates too.
      const apart = (c: (typeof phones)[number]) => (c.parsed.callingCode === parsed.callingCode ? digitsApart(c.parsed.national, parsed.national) : c.parsed.national === parsed.national ? 1 : Infinity);
      let near: (typeof phones)[number] | undefined;
      for (const c of phones) if (apart(c) <= SIMILAR_DIGITS && (near === undefined || apart(c) < apart(near))) near = c;
      if (near) return result('lookalike', near, ['similar-number']);
      if (!parsed.misdialled) return result('unknown');
      // Too short, written without its country: a local number without its area code ("5550143" with --country US), which
      // can be compared once it is given whole (QA: checks review). Otherwise no number its country can have: said why.
      // (Seven digits or more: fewer is a short service number, said as one; review.)
      const written = !/^\s*(?:tel:)?\s*(?:\+|00)/i.test(read ?? '');
      if (written && parsed.misdialled !== 'too-long' && parsed.national.length >= 7) return result('unknown', undefined, ['needs-area-code']);
      if (written && isShortNumber(read ?? '')) return { input: text, kind: null, normalized: null, verdict: 'invalid', reasons: [] };
      return { input: text, kind: null, normalized: parsed.e164, verdict: 'invalid', reasons: [], misdialled: parsed.misdialled };
    }
    case 'email': {
      const same = all.find((c) => c.parsed.kind === 'email' && c.parsed.address === parsed.address);
      // Official, but also sending a copy to an address the directory does not list: whoever gets the copy reads it all.
      const unlisted = parsed.copies.filter((copy) => !all.some((c) => c.parsed.kind === 'email' && c.parsed.address === copy.toLowerCase()));
      if (same && unlisted.length > 0) return result('lookalike', same, ['extra-recipient']);
      if (same) return result('official', same);
      if (parsed.host.domain !== null && !isShared(parsed.host) && all.some((c) => hostOf(c.parsed)?.domain === parsed.host.domain)) return result('unknown');
      break;
    }
    case 'url': {
      const { host } = parsed;
      const urls = all.filter((c) => c.parsed.kind === 'url');
      const samePath = urls.find((c) => c.parsed.kind === 'url' && c.parsed.host.ascii === host.ascii && c.parsed.path === parsed.path);
      // On a shared host (sites.google.com, github.com) a listed page vouches only for itself and what lies under it:
      // any other path there is someone else's page.
      const shared = isShared(host);
      const sameHost = urls.find((c) => c.parsed.kind === 'url' && c.parsed.host.ascii === host.ascii && (!shared || (c.parsed.path !== '' && parsed.path.startsWith(`${c.parsed.path}/`))));
      const sameDomain =
        host.domain !== null && !isShared(host) ? all.filter((c) => hostOf(c.parsed)?.domain === host.domain).sort((a, b) => Number(a.parsed.kind !== 'url') - Number(b.parsed.kind !== 'url'))[0] : undefined;
      const official = samePath ?? sameHost ?? sameDomain;
      // An official host that passes the visitor on to an unofficial one lends its name to that site.
      const onTo = parsed.carries;
      if (official && onTo && !all.some((c) => hostOf(c.parsed)?.ascii === onTo.ascii || (onTo.domain !== null && !isShared(onTo) && hostOf(c.parsed)?.domain === onTo.domain))) {
        return result('lookalike', official, ['redirect']);
      }
      if (official) return result('official', official);
      break;
    }
    case 'handle': {
      const handle = parsed.handle.toLowerCase();
      const named = all.filter((c) => c.parsed.kind === 'handle' && c.parsed.platform !== null && c.parsed.handle.toLowerCase() === handle);
      // "@name" may be the listed account or anyone's of that name elsewhere (a Telegram impostor of an X account).
      if (parsed.platform === null && named.length > 0) return result('unknown', named[0], ['needs-platform']);
      const same = named.find((c) => c.parsed.kind === 'handle' && c.parsed.platform === parsed.platform);
      if (same) return result('official', same);
      break;
    }
  }

  for (const { provider, contacts } of perProvider) {
    const officialHosts = contacts.map((c) => hostOf(c.parsed)).filter((h): h is Host => h !== null && !h.isIp && !isShared(h));
    const provBrands = brands(provider, contacts);
    const handles = new Set(provBrands.filter((b) => b.source === 'handle').map((b) => squash(b.token)));
    const reasons = new Set<LookalikeReason>();
    // The contact imitated: the brand with most reasons, then the longest (most specific) name.
    let contact: Official | undefined;
    let most = 0;
    let longest = 0;
    for (const b of provBrands) {
      const r = brandReasons(parsed, b, officialHosts, handles);
      for (const x of r) reasons.add(x);
      if (r.length > 0 && (r.length > most || (r.length === most && b.token.length > longest))) {
        most = r.length;
        longest = b.token.length;
        contact = pickContact(b.contacts, parsed);
      }
    }
    if (contact) found.push({ reasons: sortReasons(reasons), contact });
  }
  const top = best(found);
  if (!top) return result('unknown');
  let reasons = top.reasons;
  if (reasons.includes('homoglyph') && /(?:^|[.@/])xn--/i.test(text)) reasons = sortReasons([...reasons, 'punycode']);
  return result('lookalike', top.contact, reasons);
}

