/**
 * Screening of the texts of data files we do not trust (operator flows, directory
 * notes), in any language: a contact written into the text (a fake hotline is how
 * scams start; contacts come only from the directory), a secret carried in it, and a
 * request to share a recovery phrase, private key, password or one-time code, or to
 * give remote access. Official support never asks for those, so neither may a flow.
 *
 * The request rules read the text clause by clause and look for a sharing verb with
 * a secret as its object ("type your recovery phrase into the chat", "请把助记词发给客服");
 * a clause that forbids it ("never give anyone your password", "不要把密码告诉任何人"),
 * describes what a scammer did ("if someone asks you to send your seed phrase") or
 * tells of the past ("刚刚透露了密码") is not a request. They lean towards catching
 * requests: a flow author can reword a warning, a user cannot undo a leaked phrase.
 *
 * Used when flows are validated (the build, `flows validate`, operator folders), never
 * on the bundled flows at run time, which are compiled after passing it.
 */
import { findNumbers, type CountryCode } from 'libphonenumber-js/min';
import { ConverterBuilder } from 'opencc-js/core';
import TS_CHARACTERS from 'opencc-js/dict/TSCharacters';
import * as T2CN from 'opencc-js/preset/t2cn';
import { parse as parseDomain } from 'tldts';
import { findSecrets, isCommonEnglishWord, seenText, withLatinLookalikes, withoutMarks, type SecretKind } from './secrets.js';
import { detectKind, type ContactKind } from './verify.js';
import { detached } from '../util/detach.js';
import { matchesOf } from '../util/matches.js';
import '../core.js';

export type RequestKind = AskedSecret | 'remote-access' | 'move-funds' | 'pay-to-unlock' | 'connect-wallet' | 'weaken-security' | 'search-for-contact' | 'private-contact';
/** The secrets a text can ask for (or, in what to have ready for support, name). */
export type AskedSecret = 'recovery-phrase' | 'private-key' | 'password' | 'one-time-code' | 'card-security';

/** What a text should not hold; a contact is quoted, a secret never. */
export type TextFinding = { type: 'contact'; kind: ContactKind; text: string } | { type: 'secret'; kind: SecretKind } | { type: 'request'; kind: RequestKind };

/**
 * The findings in one text, at most one of each type. `contacts`: look for contacts
 * too (flows; a directory's notes sit beside its contacts and are checked for secrets
 * and requests only).
 */
export function screenDataText(text: string, opts: { contacts: boolean }): readonly TextFinding[] {
  // Texts repeat across the files of a folder (steps, agent wording, answer labels): each is screened once a process.
  const seen = opts.contacts ? screenedWithContacts : screenedWithout;
  let found = seen.get(text);
  if (!found) {
    if (seen.size >= MAX_REMEMBERED) seen.clear();
    // Kept as copies: a text cut from a file's text would keep the whole file (see detached).
    found = Object.freeze(screen(text, opts).map((f) => (f.type === 'contact' ? { ...f, text: detached(f.text) } : f)));
    seen.set(detached(text), found);
  }
  return found;
}

const screenedWithContacts = new Map<string, readonly TextFinding[]>();
const screenedWithout = new Map<string, readonly TextFinding[]>();
/** Enough for the distinct texts of a large folder; memory stays bounded however many files are checked. */
const MAX_REMEMBERED = 50_000;

function screen(text: string, opts: { contacts: boolean }): TextFinding[] {
  const normal = asRead(text);
  const out: TextFinding[] = [];
  if (opts.contacts) {
    const contact = findContact(normal);
    if (contact) out.push({ type: 'contact', ...contact });
  }
  // Prose names numbers as data ("Payment failed (code 1002)"): a code counts only as one labelled a one-time code. (The
  // scanner reads look-alike letters and accents itself.)
  const [secret] = findSecrets(normal, { prose: true, numbersExpected: true });
  if (secret) out.push({ type: 'secret', kind: secret.kind });
  const request = findRequest(asWords(normal));
  if (request) out.push({ type: 'request', kind: request });
  return out;
}

/**
 * A character written otherwise in Simplified Chinese (the characters of OpenCC's Traditional-to-Simplified table):
 * most texts have none, and the converter below, whose tables take about 10 ms to build, is then never built.
 */
let traditionalChar: RegExp | undefined;
/** A character other than printable ASCII, a tab or a line break. */
const NOT_PLAIN = /[^\t\n\r -~]/;
/** Traditional Chinese (as written in Taiwan, with its own words: 遠端 for 远程, 軟體 for 软件) to Simplified, built on first use. */
let toSimplified: ((text: string) => string) | undefined;

/**
 * A text as a reader takes it in: as seen (secrets.ts: without the characters shown as nothing, which hid a word or a
 * number from every rule below: "recov\u200Bery phrase", "+1 4\u200C15 555 01\u200D00"), in compatibility form (NFKC:
 * full-width "ｐｈｒａｓｅ" and "１２３" as plain letters and digits), and Chinese in Simplified characters: "請把助記詞發給客服"
 * asks for the recovery phrase as plainly as "请把助记词发给客服", and every reader of Chinese reads both. What the screen
 * looks at; a contact it finds is quoted as so read.
 */
function asRead(text: string): string {
  // Printable ASCII, as most English texts are, is read as written: no such character is ignorable, changed by NFKC or Traditional.
  if (!NOT_PLAIN.test(text)) return text;
  const normal = seenText(text).normalize('NFKC');
  traditionalChar ??= new RegExp(`[${TS_CHARACTERS.split('|').map((entry) => entry.slice(0, entry.indexOf(' ')).replace(/[\\\]^-]/g, '\\$&')).join('')}]`, 'u');
  if (!traditionalChar.test(normal)) return normal;
  const convert = (toSimplified ??= ConverterBuilder(T2CN)({ from: 'twp', to: 'cn' }));
  return convert(normal);
}

/**
 * Words as the Latin words they pass for, for the rules on requests and on secrets named: "rеcovery phrase" with a Cyrillic
 * е, "re\u0301covery phrase" with an accent set on a letter, "s33d phr4se" with digits or symbols for letters (one or two
 * between letters, or @ and $ at a word's start: "2FA", "web3", "12-word" and amounts stay as they are). Not for the
 * secret rules, which read a key in hex as it is written, nor for contacts, quoted as written (a look-alike letter in a
 * web address is the trick to show).
 */
function asWords(text: string): string {
  const latin = withoutMarks(withLatinLookalikes(text));
  return LEET_CHAR.test(latin) ? latin.replace(LEET, (ch) => LEET_LETTER[ch]!) : latin;
}
const LEET_LETTER: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '@': 'a', $: 's' };
const LEET_CHAR = /[0134578@$]/;
const LEET = /(?<=[A-Za-z][0134578@$]?)[0134578@$](?=[0134578@$]?[A-Za-z])|(?<![\w@$])[@$](?=[A-Za-z])/g;

// ---------------------------------------------------------------------------
// Contacts

/** Countries whose national numbers are tried: the users this tool speaks to. International (+…) numbers are found whatever they are. */
const PHONE_COUNTRIES: readonly CountryCode[] = ['US', 'GB', 'CN'];
/**
 * Where a phone number can stand: a run of digits and the punctuation libphonenumber reads inside one (its
 * VALID_PUNCTUATION, with the leading plus signs and brackets; a newline, a colon or a letter ends a number).
 * Only these runs go to the phone-number library, one by one: it costs about 50 µs a character of text with
 * digits in it (a parse, and a thrown error, per candidate), so a 2 MB file of "1 1 1 …" took minutes a country.
 * A run starts at the first of its leading signs and brackets: from each of them, a long row of "((((" was read to
 * its end each time.
 */
const NUMBER_RUN = /(?<![+\uff0b(\uff08[\uff3b])[+\uff0b(\uff08[\uff3b]*\p{Nd}(?:[\p{Nd}\-\u2010-\u2015\u2212\u30fc\uff0d/\uff0f.\uff0e \u00a0\u3000()\uff08\uff09[\]\uff3b\uff3d~\u2053\u223c\uff5e+\uff0b]*\p{Nd})?/gu;
/** No phone number has fewer digits (6 with a "+", 7 without, in the countries tried); a run with fewer is no number to call. */
const MIN_NUMBER_DIGITS = 7;
const MIN_INTERNATIONAL_DIGITS = 6;
/**
 * The runs of one text the library reads (about 0.2 ms a country each): prose holds a few numbers, and a text
 * with more runs of seven digits than this is reported at the first one past it, rather than read for minutes.
 */
const MAX_NUMBER_RUNS = 32;
/**
 * Longer than any phone number is written ("+86 (0)10 8888 8888 ext. 1234" is 30 characters): a run this long is
 * no number written for a reader, and a real one could hide among its digits, so it is reported itself.
 */
const MAX_NUMBER_RUN = 64;
/** After a run, the characters libphonenumber reads to tell a time stamp ("2026-10-01 09:30") from a number. */
const NUMBER_CONTEXT = 3;
const DIGIT = /\p{Nd}/gu;
/** The labels of numbers that are not phone numbers, right before one. */
const OTHER_NUMBER = /(?:\b(?:version|build|order|invoice|reference|ref|transaction|tx|txn|ticket|case|serial|tracking)(?:\s+(?:number|no\.?|id|#))?(?:\s+(?:is|was))?|(?:订单号?|单号|流水号|交易号|编号|工单号?|版本号?)(?:\s*[是为])?)\s*[:#：]?\s*(?:[A-Z]{1,4}-)?$/i;
// (Not "account" or "ID": an account's id can be a phone number to call or add: "客服账号 13800138000".)
/** An error code's label ("code 400-1002", "error 5001002"): a code of up to eight digits is that, a longer number may be one to call. */
const ERROR_CODE_BEFORE = /\b(?:error|code)(?:\s+(?:number|no\.?|#|code))?\s*[:#]?\s*$/i;
const MAX_CODE_DIGITS = 8;
/** An identifier's capitals and a dash before its digits ("REF-", "WH-"); not a word that says a number to call ("TEL-"). */
const ID_PREFIX = /(?<![A-Za-z])(?!(?:TEL|PH|PHONE|FAX|CALL|WA|WX|QQ|SMS|HOTLINE)-)[A-Z]{2,5}-$/;
/** Digits grouped by threes after a first group of one to three, with a space of any width: how an amount is written in many countries. */
const THOUSANDS = /^\d{1,3}(?:[ \u00a0\u202f]\d{3}){2,}$/;
const ROUND_THOUSANDS = /^\d{1,3}(?:[ \u00a0\u202f]000){2,}$/;
const QUANTITY_BEFORE = /(?:\b(?:over|above|under|below|up\s+to|more\s+than|less\s+than|at\s+least|at\s+most|exceeding|beyond|limit\s+of|maximum\s+of|minimum\s+of)|超过|高于|低于|不超过|不低于|上限为?|下限为?)\s*$/i;
/** Currency codes an amount is written with (not any three capitals: "Call 555 123 456 NOW" is a number to call). */
const CURRENCY = 'USD|EUR|GBP|JPY|CNY|RMB|HKD|TWD|SGD|AUD|NZD|CAD|CHF|KRW|INR|IDR|THB|VND|PHP|MYR|RUB|BRL|MXN|ZAR|TRY|AED|SAR|NGN|KES|USDT|USDC|BTC|ETH';
/** A currency or a unit right after an amount: its code, its sign, or its name. */
const AMOUNT_AFTER = new RegExp(`^[ \u00a0]?(?:(?:${CURRENCY})\\b|[元円圆块万萬¥€£$]|(?:yuan|dollars?|euros?|pounds?|yen|rupiah|rupees?|won|coins?|tokens?|satoshis?|sats)\\b)`);
/** A currency right before an amount: its sign, or its code. */
const AMOUNT_BEFORE = new RegExp(`(?:[¥€£$]|(?<![A-Za-z])(?:${CURRENCY}))[ \u00a0]?$`);
/** Nor is an IPv4 address ("could not reach 192.168.1.1"): a site reached by number is a contact of its own (see IP_ADDRESS). */
const DOTTED_QUAD = /^\d{1,3}(?:\.\d{1,3}){3}$/;
/** Dates are not phone numbers. */
const DATE = /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$/;
/** Candidate contacts inside a text: runs of characters a URL, address or handle is made of (Chinese around one is not part of it). */
const CANDIDATE = /[A-Za-z0-9\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff@._~:/?#%&=+-]+/gu;
const SCHEME_URL = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * A short service number or an account on a messaging app, named as such: "客服热线 95188", "call 10086",
 * "加客服微信 evil_support", "QQ 12345678", "Telegram: help_desk". Numbers this short are no phone number
 * to the phone-number library, and a messaging id has no @ or dot to give it away.
 */
const NAMED_NUMBER = /(?:热线|电话|拨打|致电|来电|呼叫|\b(?:call|dial|phone|hotline|ring)\b)[^\d\n]{0,8}?(\d(?:[\d -]{2,}\d))(?![\d.])/i;
/**
 * The platform, then how the id is announced: "微信号", "QQ id", "微信号是 wallethelp"; a colon ("Telegram username:
 * help_desk"); a search in Chinese ("微信搜索 wallethelp88", "在电报上搜索 WalletHelpDesk"); or "is", after which the id must
 * look like one ("Our WeChat ID is Wallet_Help"). 电报 and 纸飞机 ("paper plane", its icon) are Telegram in Chinese, 飞机
 * too where an account of it is added ("加飞机：…", "飞机号"). A handle word alone ("Telegram username settings") announces nothing.
 */
const NAMED_ACCOUNT = /(?:微信|微\s信|薇信|威信|威芯|薇芯|徽信|V信|vx|(?:加|客服|官方)\s*[Vv](?=\s*[:：])|加微(?!信)(?=\s*[:：])|QQ|电报|纸飞机|加飞机|飞机(?=号|群|\s*[:：])|\b(?:wechat|weixin|wx|telegram|tg|whatsapp|line|signal|skype|discord|kakao(?:talk)?|viber|facebook|fb|instagram|ig|snapchat|threema|messenger)\b)(号|账号|帐号|群号|好友|\s*id\b|\s*[,(（]\s*id\b)?(?:\s+(?:group|channel|bot))?(\s+(?:handle|username|user\s*name|account\s+name|open\s+chat))?\s*(?:([:：])|(\sis\s|(?<=号|id)\s*[是为])|[上里中]?\s*(搜索?|查找|添加))?\s*((?:live:)?[A-Za-z0-9][-_.A-Za-z0-9]{4,31})/i;
const MESSAGING = String.raw`telegram|whatsapp|wechat|line|signal|skype|discord|viber|facebook|instagram|twitter|snapchat|threema|kakao(?:talk)?|messenger`;
/** The words every rule of ACCOUNT_AS has, a cheap test before them (most texts name an app in other words, if at all). */
const MAY_SAY_ACCOUNT = /(?:us|me)\s+(?:on|at|via)\s|look\s+for\s/i;
/**
 * An account said in words: "find us on Telegram as WalletHelpDesk", "On Telegram, look for WalletHelpDesk", "look for
 * WalletHelpDesk on Telegram" (QA: hostile review). The same words carry plain English ("find us on Telegram as always",
 * "look for updates on Telegram"), so the id must look like one (see looksLikeHandle).
 */
const ACCOUNT_AS = [
  new RegExp(String.raw`\b(?:us|me)\s+(?:on|at|via)\s+(?:${MESSAGING})\s+(?:as|under)\s+(@?[A-Za-z0-9][-_.A-Za-z0-9]{3,31})`, 'i'),
  new RegExp(String.raw`\bon\s+(?:${MESSAGING}),?\s+(?:look|search)\s+for\s+(@?[A-Za-z0-9][-_.A-Za-z0-9]{3,31})`, 'i'),
  new RegExp(String.raw`\blook\s+for\s+(@?[A-Za-z0-9][-_.A-Za-z0-9]{3,31})\s+(?:on|via)\s+(?:${MESSAGING})\b`, 'i'),
];
/** A messaging or social app named anywhere in a text (the searches below are read only then). */
const MESSAGING_NAMED = new RegExp(String.raw`\b(?:${MESSAGING}|wechat|weixin|tg|kakao)\b|微信|电报|纸飞机|飞机|抖音|快手|微博|小红书|公众号|视频号`, 'i');
/** "search for walletfixhelp", "by searching WalletFixHelp", "搜索 walletfixcn". */
const SEARCHED_FOR = /(?:\bsearch(?:ing)?\s+(?:for\s+)?|\blook(?:ing)?\s+up\s+|搜索\s*|查找\s*)(@?[A-Za-z0-9][-_.A-Za-z0-9]{3,31})\b/i;
/** A name to search for, quoted after a search or an official-account word, or "under the name …". */
const NAMED_TO_SEARCH = /(?:\bsearch(?:ing)?\s+(?:for\s+)?|搜索\s*|(?:公众号|小程序|视频号|抖音号?|快手号?)\s*)[“"「『]([^”"」』\n]{2,40})[”"」』]|\bunder\s+the\s+name\s+[“"]?((?:[A-Z][\w.-]*)(?:\s+[A-Z][\w.-]*){0,3})|\bsearch(?:ing)?\s+(?:for\s+)?((?:[A-Z][a-z]*[A-Z][\w.-]*|[A-Z][\w.-]+)(?:\s+[A-Z][\w.-]+){1,3})/;
/**
 * A name searched for in a messaging app (see findContact): in the clause that names the app, or the one right after it
 * ("Our night team answers on Signal; search for WalletFix Support"), and not where the search happens somewhere else (an
 * app store, the inbox, a menu: "We are not on Telegram. Search for WalletHelp in the App Store"; false-alarm review).
 */
function searchedInApp(text: string): string | undefined {
  const clauses = text.split(/[.;:!?。；！？，,]\s*/);
  for (const [i, clause] of clauses.entries()) {
    if (!/search|look(?:ing)?\s+up|搜索|查找|公众号|小程序|视频号|抖音号|快手号|under\s+the\s+name/i.test(clause) || SEARCHED_ELSEWHERE.test(clause)) continue;
    const here = MESSAGING_NAMED.test(clause);
    if (!here && !(i > 0 && MESSAGING_NAMED.test(clauses[i - 1]!))) continue;
    const searched = SEARCHED_FOR.exec(clause);
    if (searched && !DETERMINER.test(searched[1]!) && (looksLikeHandle(searched[1]!) || !plainWord(searched[1]!))) return searched[1]!;
    const named = NAMED_TO_SEARCH.exec(clause);
    // A name of capitalised words without quotes ("search for Report Spam") only where the app is named in the same clause.
    if (named && (here || named[3] === undefined)) return (named[1] ?? named[2] ?? named[3])!.trim().replace(/[.,;:!?]+$/, '');
  }
  return undefined;
}
/** Places a search happens that are no messaging app. */
const SEARCHED_ELSEWHERE = /app\s*store|google\s+play|play\s+store|应用商店|应用市场|应用宝|browser|浏览器|help\s+cent(?:er|re)|帮助中心|inbox|收件箱|e-?mail|邮件|settings|设置|menu|菜单|search\s+engine|google\b(?!\s+play)|百度/i;
const DETERMINER = /^(?:your|their|my|the|our|his|her|its|this|that|for|a|an)$/i;
/** A Discord name with its legacy four-digit tag. */
const DISCORD_TAG = /(?<![\w#])([A-Za-z0-9_.]{2,32}#\d{4})(?![\w#])/;
/** A word to text to a short number: "text HELP to 62241". */
const SMS_SHORT_CODE = /\b(?:[Tt]ext|SMS|[Ss]ms|[Ss]end)\s+[“"]?[A-Z][A-Z0-9]{1,11}[”"]?\s+to\s+(\d{4,6})\b/;
/**
 * Whether a word said as an account is one: an @, a digit, an underscore or a dot in it, a capital inside it
 * ("WalletHelpDesk"), or words run together as handles are and English is not ("wallethelpdesk": two of the words
 * support accounts are named with).
 */
function looksLikeHandle(id: string): boolean {
  return /^@|[\d_.]|[a-z][A-Z]/.test(id) || new Set(id.toLowerCase().match(HANDLE_WORDS)).size >= 2;
}
/** Words a sentence after a colon starts with that BIP39's list lacks ("WhatsApp: support never messages first"). */
const SENTENCE_LEAD = /^(?:support|anyone|anybody|everyone|someone|somebody|nobody|none|they|we|our|you|your|there|this|that|these|those|its|replies|responses|messages|agents?|staff|team|only|never|always|please|note|scammers?|fake|beware|warning)$/i;
const HANDLE_WORDS = /wallet|help|support|desk|service|official|team|care|admin|crypto|coin|bank|chat/g;
/** A word of a sentence where a name could stand: a common one, or one shaped as an adjective or a participle ("case-sensitive", "displayed"). */
function plainWord(word: string): boolean {
  return isCommonEnglishWord(word) || /(?:ed|en|ble|al|ive|ing|ous|ful|less|ant|ent|ary)$/i.test(word) || /^(?:new|free|here|yours|mine|ok|set|taken|missing|different|important|visible|same|unknown|unique|offline|online|busy|closed|open|live|down|back|paused|full|slow|quiet)$/i.test(word);
}
/**
 * An account named after a verb, with its platform after it: "message wallethelpdesk on Telegram", "add us as help_desk on Viber".
 * A common English word there ("find updates on Telegram") is no account (see findContact).
 */
const ACCOUNT_ON_PLATFORM = /\b(?:message|contact|add|find|follow|dm|text|search\s+for|reach|ping|chat\s+with|write\s+to)\s+(?:us\s+)?(?:at\s+|as\s+)?(@?(?!(?:us|our|the|support|team|agent|them|him|her|customer|service|staff|help|helpdesk|someone|anyone|nobody|people)\b)[A-Za-z0-9][-_.A-Za-z0-9]{3,31})\s+(?:on|in|via)\s+(?:telegram|whatsapp|wechat|line|signal|skype|discord|viber|facebook|instagram|twitter|snapchat|threema|kakao(?:talk)?|messenger)\b/i;
/**
 * An e-mail address or a host written with "at" and "dot" for "@" and ".", to slip past: "help at wallet dot com",
 * "help[at]wallet[dot]com", the defanged "evil[.]io" and "help[@]evil(.)io", and in Chinese "help艾特wallet点com".
 * Each starts only where a run of the name's characters starts (the look-behind): started inside one too, every try
 * read to the run's end, and 20 KB of "a-a-a-…" took 1.5 s, the time growing with the square of the length. A match
 * from inside a run is one from its start as well, so the same matches are found.
 */
const SPELLED_AT = String.raw`(?:\s*[([{]\s*(?:at|@)\s*[)\]}]\s*|\s+at\s+|\s*艾特\s*)`;
const SPELLED_DOT = String.raw`(?:\s*[([{]\s*(?:dot|\.)\s*[)\]}]\s*|\s+dot\s+|\s+\.\s+|\s*点\s*)`;
const SPELLED_EMAIL = new RegExp(String.raw`\b(?<![A-Za-z0-9][._%+-]*)[A-Za-z0-9._%+-]+${SPELLED_AT}[A-Za-z0-9-]+(?:${SPELLED_DOT}[A-Za-z0-9-]+)+\b`, 'gi');
const SPELLED_HOST = new RegExp(String.raw`\b(?<![A-Za-z0-9]-*)[A-Za-z0-9-]+(?:${SPELLED_DOT}[A-Za-z0-9-]+)+\b`, 'gi');
const SPELLED_DOTS = new RegExp(SPELLED_DOT, 'gi');
/**
 * What every spelled-out host has, a "dot" (any case), a full stop between spaces or in brackets, or 点: the two searches above, which try
 * each word of a text as the start of one, run only where one can be (most texts have neither).
 */
const MAY_SPELL_DOT = /dot|\s\.\s|[([{]\s*\.\s*[)\]}]|点/i;
const SPELLED_ATS = new RegExp(SPELLED_AT, 'gi');
/**
 * Whether a spelled-out host is one: its suffix a real one, and where "dot" and "at" are plain words ("look at the dot next
 * to the name", "a red dot at the corner"), a suffix addresses are made of and a name that is no English word of a sentence.
 */
function spelledHost(spelled: string): boolean {
  const host = spelled.replace(SPELLED_DOTS, '.').replace(SPELLED_ATS, '@').split('@').at(-1)!;
  const domain = parseDomain(host);
  if (domain.isIcann !== true || !domain.domainWithoutSuffix) return false;
  if (/[([{]/.test(spelled)) return true;
  return COMMON_SUFFIX.test(domain.publicSuffix ?? '') && !SENTENCE_WORD.test(domain.domainWithoutSuffix);
}
const COMMON_SUFFIX = /^(?:com|net|org|io|co|info|biz|xyz|app|top|vip|cc|me|ai|online|site|store|tech|cn|com\.cn|hk|tw|uk|co\.uk|us|gg|help|support|finance|pro|link|live|club|shop|cash|exchange|services|network|chat|fun|ly|sh|ws|ru|de|sg|jp|kr)$/i;
const SENTENCE_WORD = /^(?:the|a|an|this|that|these|those|your|our|my|its|it|next|red|blue|green|grey|gray|white|black|small|big|loading)$/i;
/**
 * A host with a space on one side of a dot, which a reader joins up: "walletsupport. com", "help.walletsupport. com/ticket",
 * "walletsupport .com" (QA: hostile review; spaces on both sides are SPELLED_DOT's). Sentences have a full stop and a
 * space too, and many a word after one is a suffix (.community, .help, .support): a new sentence starts with a capital,
 * so the suffix counts only written in lower case, as addresses are, and only a common one (see spacedHost). It starts
 * only where a name starts, not after a dot or a dash of one, as SPELLED_HOST does.
 */
const SPACED_HOST = /\b(?<![A-Za-z0-9]-*)(?<![A-Za-z0-9-]\.)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*(?:\.[ \t]+|[ \t]+\.)[a-z]{2,6}(?:\.[a-z]{2,3})?\b(?!-)(?:\/\S*)?/g;
/** What every such host has: a dot with a space on one side and a lower-case letter after it (the dot first: a quicker search). */
const MAY_SPACE_DOT = /\.(?:[ \t]+[a-z]|(?<=[ \t]\.)[a-z])/;
/**
 * Whether a host written with a spaced dot is one: a common suffix (COMMON_SUFFIX) after a name of three characters or
 * more that is no word of a sentence nor an abbreviation with its full stop: "e.g. me", "vs. net", "etc. com", and
 * "any .com site" name no host. A suffix that is an English word too ("app", "top", "online") after a full stop and a
 * space may be a sentence begun in lower case ("Restart the phone. top up the card"): it counts with a subdomain or a
 * path, which no sentence has.
 */
function spacedHost(spaced: string): boolean {
  const [host, path] = spaced.split('/');
  const domain = parseDomain(host!.replace(/[ \t]+/g, ''));
  const name = domain.domainWithoutSuffix ?? '';
  if (domain.isIcann !== true || !COMMON_SUFFIX.test(domain.publicSuffix ?? '') || name.length < 3 || SENTENCE_WORD.test(name) || NOT_A_NAME.test(name)) return false;
  return !(WORD_SUFFIX.test(domain.publicSuffix!) && /\.[ \t]/.test(spaced) && path === undefined && !domain.subdomain);
}
const NOT_A_NAME = /^(?:etc|approx|incl|excl|esp|min|max|fig|ref|nos|tel|dept|mrs|ave|inc|ltd|corp|misc|any|every|each|some|other|own|one|all|and|for|see|via)$/i;
const WORD_SUFFIX = /^(?:co|app|top|me|us|ai|info|online|site|store|tech)$/;

/**
 * A site reached by its IPv4 address: one to visit or open, or with a path or a port. An address named in a network
 * step ("could not reach 192.168.1.1", "check whether 8.8.8.8 answers") is not a place to go.
 */
const IPV4 = String.raw`(?<![\d.])(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}(?![\d.]*\d)`;
/** The words that send a reader to a place: an address after them is one to go to. */
const VISIT = String.raw`(?:\b(?:visit|open|go\s+to|browse\s+to|log\s+in\s+at|sign\s+in\s+at)\s+|访问|打开|登录|登入)`;
const IP_ADDRESS = new RegExp(String.raw`${VISIT}\s*(${IPV4}(?:[:/]\S*)?)|(${IPV4}[:/]\S+)`, 'i');
/**
 * A site reached by its IPv6 address, in brackets as a URL writes one: "http://[2001:db8::1]/help", "https://[::1]:8443/",
 * or bare with a port or a path, "[2001:db8::1]:443" (QA: hostile review). As with IPv4, an address alone in brackets is
 * a place to go only after "visit" or "open"; a bracket that holds no IPv6 address ("[12:30:45]", "[a:b:c]") is none.
 */
const IPV6_SITE = /(\b[a-z][a-z0-9+.-]*:\/\/(?:[^\s/@[\]]+@)?)?\[([0-9a-f:.]{2,45})(?:%[\w.~-]+)?\](:\d{1,5})?([/?#][^\s\]"'<>]*)?/gi;
/** What every IPv6 address in brackets has: a bracket, then two colons among hex digits. */
const MAY_BE_IPV6 = /\[[0-9a-f.]*:[0-9a-f.]*:/i;
const VISIT_BEFORE = new RegExp(String.raw`${VISIT}\s*$`, 'i');

/** The first site reached by its IPv6 address in a text, as written (see IPV6_SITE). */
function findIpv6Site(text: string): string | undefined {
  for (const m of matchesOf(IPV6_SITE, text)) {
    if (!URL.canParse(`http://[${m[2]!}]/`)) continue;
    if (m[1] || m[3] || m[4] || VISIT_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index))) return m[0].replace(/[.,;:!?)]+$/, '');
  }
  return undefined;
}

/**
 * A number written in words, as it is read out to slip past ("four one five, five five five, zero one four three",
 * "一三八零零一三八零零零"), in digits: seven words or more in a row, one digit each.
 */
function digitsOfWords(text: string): string {
  return text
    .replace(EN_DIGIT_WORDS, (run) => run.split(/[\s,.-]+/).map((w) => EN_DIGIT[w.toLowerCase()] ?? '').join(''))
    .replace(ZH_DIGIT_WORDS, (run) => [...run].map((c) => ZH_DIGIT[c] ?? c).join(''));
}
const EN_DIGIT: Record<string, string> = { plus: '+', zero: '0', oh: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9' };
const EN_DIGIT_WORD = String.raw`(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)`;
const EN_DIGIT_WORDS = new RegExp(String.raw`\b(?:plus[\s,.-]+)?${EN_DIGIT_WORD}(?:[\s,.-]+${EN_DIGIT_WORD}){6,}\b`, 'gi');
// With the financial numerals (壹贰叁…), as a number is written where plain digits would be seen (QA: red-team review).
const ZH_DIGIT: Record<string, string> = { 零: '0', 〇: '0', 一: '1', 幺: '1', 壹: '1', 二: '2', 两: '2', 贰: '2', 三: '3', 叁: '3', 四: '4', 肆: '4', 五: '5', 伍: '5', 六: '6', 陆: '6', 七: '7', 柒: '7', 八: '8', 捌: '8', 九: '9', 玖: '9' };
/** Adding or contacting right before a messaging app: what follows it is an account. */
const ADD_BEFORE = /(?:加|添加|联系|关注)\s*$/;
/** Whose a messaging app named with "is" is, right before it: "our", "your", "the official", "the support team's". */
const OWNER_BEFORE = /\b(?:our|my|your|their|the|official|support|team'?s?|desk'?s?|agent'?s?)\s+$/i;
/** Seven or more Chinese digits in a row, or in groups parted by a space or a dash ("一三八 零零一三 八零零零"). */
const ZH_DIGIT_WORDS = /[零〇一幺壹二两贰三叁四肆五伍六陆七柒八捌九玖](?:[ \u3000-]?[零〇一幺壹二两贰三叁四肆五伍六陆七柒八捌九玖]){6,}/g;

/** The first contact in a text: a phone number, e-mail address, URL or host name, or social handle. */
export function findContact(written: string): { kind: ContactKind; text: string } | undefined {
  // Written to slip past the rules below: an ideographic full stop for a dot ("help。example。com", which browsers read as
  // a dot), underscores, stars or middle dots between the digits of a number. Each is one character for one.
  const text = digitsOfWords(written.replace(/(?<=[A-Za-z0-9])[\u3002\uff61](?=[ \t]?[A-Za-z0-9])/g, '.').replace(/(?<=\d)[_*\u00b7\u2022](?=\d)/g, ' '));
  const phone = findPhoneNumber(text);
  if (phone !== undefined) return { kind: 'phone', text: phone };
  const named = NAMED_NUMBER.exec(text);
  if (named && named[1]!.replace(/\D/g, '').length >= 5) return { kind: 'phone', text: named[1]! };
  const vanity = (THREE_CAPITALS.test(text) && MAY_BE_VANITY.test(text) ? findVanityNumber(text) : undefined) ?? (MAY_BE_TOLL_FREE.test(text) ? findTollFreeWord(text) : undefined);
  if (vanity !== undefined) return { kind: 'phone', text: vanity };
  if (MAY_SPELL_DOT.test(text)) {
    for (const [spelled] of matchesOf(SPELLED_EMAIL, text)) if (spelledHost(spelled)) return { kind: 'email', text: spelled };
    for (const [host] of matchesOf(SPELLED_HOST, text)) if (spelledHost(host)) return { kind: 'url', text: host };
  }
  if (MAY_SPACE_DOT.test(text)) {
    for (const [spaced] of matchesOf(SPACED_HOST, text)) if (spacedHost(spaced)) return { kind: 'url', text: spaced.replace(/[.,;:!?)]+$/, '') };
  }
  const ip = IP_ADDRESS.exec(text);
  if (ip) return { kind: 'url', text: (ip[1] ?? ip[2])! };
  const ipv6 = text.includes('[') && MAY_BE_IPV6.test(text) ? findIpv6Site(text) : undefined;
  if (ipv6 !== undefined) return { kind: 'url', text: ipv6 };
  const onPlatform = ACCOUNT_ON_PLATFORM.exec(text);
  // A plain word is what is found there, not who: "Find updates on Telegram", "Message friends on WhatsApp".
  if (onPlatform && (looksLikeHandle(onPlatform[1]!) || !isCommonEnglishWord(onPlatform[1]!))) return { kind: 'handle', text: onPlatform[1]! };
  const account = NAMED_ACCOUNT.exec(text);
  // The full stop of the sentence is no part of the id.
  const id = account?.[6]!.replace(/[.-]+$/, '');
  // An id looks like one (a digit, an underscore or a dot in it), or is announced as one ("微信号", "ID:", "username is", "微信搜索"):
  // "WeChat account" is no id. "line" is a word too ("see line 10234 of the log"): LINE's ids count when announced.
  // Said with "is", the word may be plain English ("Your Telegram username is shown in Settings"): it must look like a handle.
  const saidIs = account?.[4] !== undefined && /is/i.test(account[4]);
  // Adding or contacting the account says it is one too: "加微信 walletfix", "联系Telegram客服 walletfixdesk".
  // A colon alone announces nothing where a sentence goes on after it in plain words ("Never add an agent on WhatsApp:
  // support does not work that way", "Note on WeChat: replies can take a day"; false-alarm review).
  const proseAfterColon = account !== null && account[3] !== undefined && account[1] === undefined && account[2] === undefined && id !== undefined && (plainWord(id) || SENTENCE_LEAD.test(id)) && !looksLikeHandle(id) && /^\s+[a-z]/.test(text.slice(account.index + account[0].length));
  const announced = account !== null && !saidIs && !proseAfterColon && (account[1] !== undefined || account[3] !== undefined || account[4] !== undefined || account[5] !== undefined || ADD_BEFORE.test(text.slice(Math.max(0, account.index - 4), account.index)));
  // With "is" after "username" or "ID", or after whose the app is and the app ("Our Telegram is walletfix.", "The support
  // Telegram is walletfix."), a name that ends
  // the clause and is no word of a sentence is one too (QA: hostile review), where "… username is private.", "… is shown
  // in Settings" and "Our Telegram is offline." say nothing.
  const namedIs =
    saidIs &&
    id !== undefined &&
    (account[1] !== undefined || account[2] !== undefined || OWNER_BEFORE.test(text.slice(Math.max(0, account.index - 16), account.index))) &&
    /^(?:[.,;!?)]+(?:\s|$)|$)/.test(text.slice(account.index + account[0].length)) &&
    !plainWord(id);
  if (account && id && (announced || namedIs || ((saidIs ? looksLikeHandle(id) : /[\d_.]/.test(id)) && !/^line\b/i.test(account[0])))) return { kind: 'handle', text: id };
  // Searched for in an app the text names ("open Telegram and search for walletfixhelp", "打开电报，搜索 walletfixcn"), or a name
  // to search for there, quoted or "under the name" (red-team review).
  if (MESSAGING_NAMED.test(text)) {
    const found = searchedInApp(text);
    if (found !== undefined) return { kind: 'handle', text: found };
  }
  // A Discord name with its four-digit tag ("walletfix#4821"), and a short number to text a word to ("text HELP to 62241").
  const tagged = /discord/i.test(text) ? DISCORD_TAG.exec(text) : null;
  if (tagged) return { kind: 'handle', text: tagged[1]! };
  const shortCode = SMS_SHORT_CODE.exec(text);
  if (shortCode) return { kind: 'phone', text: shortCode[1]! };
  if (MAY_SAY_ACCOUNT.test(text)) {
    for (const rule of ACCOUNT_AS) {
      const named = rule.exec(text)?.[1]!.replace(/[.-]+$/, '');
      if (named && looksLikeHandle(named)) return { kind: 'handle', text: named };
    }
  }
  for (const [match] of matchesOf(CANDIDATE, text)) {
    if (!/[@.:]./.test(match)) continue;
    const candidate = match.replace(/^[.:/?#&=+-]+|[.:/?#&=+-]+$/g, '');
    if (candidate.length < 3) continue;
    if (SCHEME_URL.test(candidate)) return { kind: 'url', text: candidate };
    // An e-mail address with "#" for its "@", to be swapped back by the reader ("walletfix88#qq.com（#换成@）"): at a mail
    // provider, or where the text says to swap it (QA: red-team review).
    const hashed = HASH_FOR_AT.exec(candidate);
    if (hashed && parseDomain(hashed[1]!).isIcann === true && (MAIL_HOSTS.has(hashed[1]!.toLowerCase()) || SWAP_FOR_AT.test(text) || MAIL_WORD.test(text))) return { kind: 'email', text: candidate };
    const kind = detectKind(candidate);
    if (kind === 'email' || (kind === 'handle' && candidate.length >= 4)) return { kind, text: candidate };
    // A host written without a scheme counts when its suffix is a real one (so "Node.js" or "e.g." are not hosts).
    if (kind === 'url' && parseDomain(candidate.split(/[/?#]/)[0]!).isIcann === true) return { kind, text: candidate };
  }
  return undefined;
}

/** A local part, "#" where "@" belongs, and a host. */
const HASH_FOR_AT = /^[A-Za-z0-9._%+-]{2,64}#([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)$/;
/** Mail providers whose addresses are passed around so. */
const MAIL_HOSTS = new Set(['qq.com', '163.com', '126.com', 'yeah.net', 'sina.com', 'sina.cn', 'sohu.com', 'foxmail.com', 'aliyun.com', '139.com', 'gmail.com', 'outlook.com', 'hotmail.com', 'live.com', 'yahoo.com', 'icloud.com', 'proton.me', 'protonmail.com']);
/** Words that say an e-mail address follows: "发邮件至", "邮箱", "e-mail". */
const MAIL_WORD = /邮件|邮箱|e-?mail|\bmail\s+to\b|\bwrite\s+to\b/i;
/** Words that say to put "@" back: "#换成@", "把#改为@", "replace # with @". */
const SWAP_FOR_AT = /(?:换成|替换成|替换为|改成|改为|换为)\s*[@＠]|replace\s+(?:the\s+)?#\s+(?:with|by)\s+@/i;

/** The first phone number written in a text, as written (see NUMBER_RUN: only the runs where one can stand are read). */
function findPhoneNumber(text: string): string | undefined {
  // The library throws an error for every candidate it cannot parse; their stack traces were half its time.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    let runs = 0;
    for (const run of matchesOf(NUMBER_RUN, text)) {
      const written = run[0];
      const digits = written.match(DIGIT)?.length ?? 0;
      const international = /^[([\uff08\uff3b]*[+\uff0b]/.test(written);
      if (digits < (international ? MIN_INTERNATIONAL_DIGITS : MIN_NUMBER_DIGITS) || DATE.test(written) || DOTTED_QUAD.test(written)) continue;
      if (written.length > MAX_NUMBER_RUN || ++runs > MAX_NUMBER_RUNS) return written;
      // A number labelled as another kind of number ("build 20240512", "order number 20260315001", "订单号 …", "code
      // 400-1002") is that; so is one after an id's capitals and a dash ("REF-20250701-0042", "WH-2025-000123").
      const before = text.slice(Math.max(0, run.index - 24), run.index);
      if (!international && (OTHER_NUMBER.test(before) || ID_PREFIX.test(before) || (digits <= MAX_CODE_DIGITS && ERROR_CODE_BEFORE.test(before)))) continue;
      // An amount in groups of three ("1 000 000 JPY", "上限为 1 000 000 元", "€ 2 500 000"), as many countries write one.
      // So is one of round thousands ("1 000 000"), or one that starts with one or two digits after a word of quantity
      // ("over 10 250 000"): no number to call is written so ("reach us over 212 555 123" still is one; QA: flow authoring).
      if (!international && THOUSANDS.test(written) && (ROUND_THOUSANDS.test(written) || AMOUNT_AFTER.test(text.slice(run.index + written.length, run.index + written.length + 12)) || AMOUNT_BEFORE.test(text.slice(Math.max(0, run.index - 6), run.index)) || (/^\d{1,2}[ \u00a0\u202f]/.test(written) && QUANTITY_BEFORE.test(text.slice(Math.max(0, run.index - 16), run.index))))) continue;
      const at = run.index;
      const near = text.slice(at, at + written.length + NUMBER_CONTEXT);
      for (const defaultCountry of PHONE_COUNTRIES) {
        // POSSIBLE: fiction ranges (555-01xx) and numbers the small metadata cannot validate count too. (The types leave the option out.)
        for (const found of findNumbers(near, { defaultCountry, leniency: 'POSSIBLE', v2: true } as { defaultCountry: CountryCode; v2: true })) {
          const start = at + found.startsAt;
          const end = at + found.endsAt;
          const number = text.slice(start, end);
          // Digits inside a longer token (a key, a transaction id) are not a number to call.
          const glued = /[A-Za-z0-9]/.test(text.charAt(start - 1)) || /[A-Za-z0-9]/.test(text.charAt(end));
          if (!DATE.test(number) && !glued) return number;
        }
      }
    }
    return undefined;
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

/**
 * A vanity number: a phone number with some of its digits printed as the letters of the keypad, the way scam hotlines
 * are advertised ("1-800-FLOWERS", "1 (800) WALLET-1", "400-WALLET-88", "call 0800 HELP NOW"; QA: hostile review). A
 * prefix of three or four digits, maybe after a country code, then groups of capital letters or of digits, with a run
 * of three capitals and ten to fifteen keys in all, as a number dialled has. Letters first ("Error E-1001", "SHA-256"),
 * a short prefix ("step 2-FA", "iOS 17") and short runs ("100 USDT", seven keys) are no number. Lower-case letters are
 * not read: prose is, and a number is printed in capitals to be read as one.
 */
const VANITY = /(?<![\w.,+(-])(\+\d{1,3}[-. ]?|1[-. ]?)?(?:(\(\d{3,4}\))\s?(?:[A-Z]+\d*|\d+)|(\d{3,4}))(?:[-. ](?:[A-Z]+\d*|\d+)){1,5}(?![\w-])/g;
/**
 * What every vanity number has: three capitals in a row (most texts have none: the cheaper test first), and a digit, a
 * separator and capitals (maybe after another group of digits).
 */
const MAY_BE_VANITY = /\d[-. )]\s?(?:\d+[-. ])?[A-Z]{2}/;
const THREE_CAPITALS = /[A-Z]{3}/;
/**
 * Groups parted by spaces alone are read as a number only where one is meant (after a country code, a bracketed or
 * trunk prefix, or "call" and its kin): "Error 404 NOT FOUND" and "Send 800 USDT TRC20" are no numbers.
 */
const CALL_BEFORE = /(?:\b(?:call|dial|phone|ring|hotline|text|tel)\b|热线|电话|拨打|致电|呼叫)[^\d\n]{0,12}$/i;
/** Amounts, dates and times written with capitals are no words spelled on a keypad: "800 USDT TRC20", "2026-JUNE-15", "0900 UTC DAILY". */
const NOT_KEYPAD_WORD = /^(?:USDT?|USDC|BUSD|DAI|EUR|GBP|CNY|RMB|HKD|JPY|BTC|ETH|BNB|SOL|TRX|XRP|DOGE|ADA|LTC|MATIC|TRC|ERC|BEP|SATS?|GWEI|JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?|SEPT?(?:EMBER)?|OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?|UTC|GMT|CET|CEST|BST|EST|EDT|PST|PDT|CST|HKT|SGT|JST)$/;
/** Labels of codes that are not numbers to call, right before one: "Error 1001-CARD-LOCK". */
const CODE_LABEL = /\b(?:error|code|status|step|model|part|sku)\s*[:#]?\s*$/i;

/** The first vanity number in a text, as written (see VANITY). */
function findVanityNumber(text: string): string | undefined {
  for (const m of matchesOf(VANITY, text)) {
    const written = m[0];
    const keys = written.match(/[A-Z0-9]/g)!.length;
    if (keys < 10 || keys > 15 || !/[A-Z]{3}/.test(written)) continue;
    const letters = written.match(/[A-Z]+/g)!;
    if (letters.some((word) => NOT_KEYPAD_WORD.test(word))) continue;
    const before = text.slice(Math.max(0, m.index - 24), m.index);
    if (OTHER_NUMBER.test(before) || CODE_LABEL.test(before)) continue;
    // Spaces between the groups: only with a country code, a bracketed or trunk (0…) prefix, or "call" before it.
    const groups = written.slice(written.indexOf(m[2] ?? m[3]!) + (m[2] ?? m[3]!).length);
    if (/\s/.test(groups.replace(/^\s+/, '')) && !m[1] && !m[2] && !m[3]!.startsWith('0') && !CALL_BEFORE.test(before)) continue;
    return written;
  }
  return undefined;
}

/**
 * A toll-free number with a word for its last digits, as brands print theirs: "1-800-Flowers", "(888) Help-Now", "call
 * 800-wallets" (QA: hostile review; VANITY reads capitals only). A North American toll-free prefix after a 1 or +1, in
 * brackets, or after "call" and its kin, then a word of four letters or more: "the 800-meter test" names no number.
 */
const TOLL_FREE_WORD = /(?<![\w.,+(-])(?:\+?1[-. ]?)?(\(\s*8(?:00|88|77|66|55|44|33)\s*\)|8(?:00|88|77|66|55|44|33))[-. ]?\s?[A-Za-z][A-Za-z0-9]{3,}(?:-[A-Za-z0-9]+)?(?![\w-])/g;
/** What every such number has: a toll-free prefix with a separator, a bracket or a letter after it. */
const MAY_BE_TOLL_FREE = /8(?:00|88|77|66|55|44|33)[-. )]?\s?[A-Za-z]/;

/**
 * The first toll-free number with a word in a text, as written (see TOLL_FREE_WORD). Spaces alone between its parts
 * ("1 800 yuan", an amount) count only after "+1" or "call"; an amount or a unit for the word ("800-series") is none.
 */
function findTollFreeWord(text: string): string | undefined {
  for (const m of matchesOf(TOLL_FREE_WORD, text)) {
    const word = /[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)?$/.exec(m[0])![0];
    if (NOT_KEYPAD_WORD.test(word.toUpperCase()) || NOT_A_NUMBER_WORD.test(word)) continue;
    if (/^(?:\+1|1-|1\.8\d\d\.)/.test(m[0]) || m[1]!.startsWith('(') || CALL_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index))) return m[0];
  }
  return undefined;
}
const NOT_A_NUMBER_WORD = /^(?:yuan|dollars?|euros?|pounds?|coins?|tokens?|units?|points?|series|models?|meters?|metres?|miles?|pages?|words?|items?|times?|users?|people|seconds?|minutes?|hours?|days?|weeks?|months?|years?)$/i;

// ---------------------------------------------------------------------------
// Requests for secrets

/** Sentences; an English sentence is read clause by clause (a Chinese comma often follows a negation: “不要以…为由，把…交给任何人”). */
const SENTENCE = /\.(?!\w)|[;!?\n。；！？]/;
/** Clauses: requests and their negations live in one clause. */
const CLAUSE = /,(?!\d|\s*(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d+(?:st|nd|rd|th))\b)|:\s/;
/** The words a request names: most texts name none, and the rules are not run on them. */
const SECRET_WORDS = /phrase|seed|\bsrp\b|install|log\s*in|sign\s*in|backup|sheet|link|approve|tax|charge|settle|amount|control|stream|hand|give|apple|itunes|steam|voucher|qr|sign|metamask|苹果卡|游戏卡|点卡|E卡|卡密|激活金|税|数字|位数|扫码|fee|gift|deposit|\bpay|connect|sync|validate|解冻|礼品卡|购物卡|充值卡|保证金|激活费|税费|连接|授权|同步|wallet\.dat|xprv|\blet\b|allow|permit|authori[sz]e|mnemonic|words?\b|key|pass|pin|code|otp|2fa|credential|login|screen|remote|desk|viewer|support|assist|take\s+(?:over|control)|airdroid|supremo|cvv|cvc|card|digit|sms|text\s+message|fund|balance|money|coins|crypto|assets|savings|tokens|usdt|usdc|btc|bitcoin|eth|everything|it\s+all|account|助记|短语|恢复词|恢复码|备份词|单词|个词|正反面|背面|卡面|无障碍|二维码|签名|托管|转账|手续费|押金|补交|补缴|trusted|unbind|(?:withdrawal|security)\s+lock|google|bing|baidu|search\s+engine|first\s+result|百度|必应|搜索引擎|网上|搜索结果|种子|私钥|私匙|密语|密钥|秘钥|密码|口令|码|短信|屏幕|录屏|远程|微信|电报|wechat|whatsapp|telegram|远控|向日葵|卡号|安全码|[账帐]户|钱包|地址|authenticator|authentication|authy|(?:two|2)[- ]?(?:factor|step)|mfa|whitelist|allow\s*list|phishing|security|passkey|e-?mail|phone|mobile|number|验证|谷歌|\bGA\b|白名单|防钓鱼|邮箱|手机|号码|安全锁|提现锁/i;

const EN_SECRETS: readonly [AskedSecret, string][] = [
  [
    'recovery-phrase',
    String.raw`(?:secret\s+)?(?:recovery|seed|secret|backup|mnemonic|wallet)[\s_-]*(?:phrase|words?|sentence)s?|(?:recovery|seed|backup)\s+(?:sheet|card|paper)s?|mnemonic|seed|srp|(?:\d+|twelve|twenty[- ]four)[- ]words?(?:\s+(?:phrase|list))?|words\s+(?:you|they|the\s+caller)\s+wrote\s+down|(?<=\bwords?\s+(?:of|from|in)\s+(?:the|your|their)\s+)phrase`,
  ],
  ['private-key', String.raw`(?:private|secret)[\s_-]*keys?|priv\s*keys?|keystore(?:\s+file)?|xprv|wallet\.dat(?:\s+file)?|wallet\s+backup\s+files?`],
  // Not "password reset link", "password rules", "password manager": things about a password that are not one.
  ['password', String.raw`(?:passwords?|passcodes?|passphrases?|pins?(?:\s+codes?)?)(?!\s+(?:reset|rules?|requirements?|manager|strength|policy|hint|change|recovery)\b)|login\s+details|credentials`],
  // The code on the back of a card, or its whole number: with them anyone can pay with the card.
  [
    'card-security',
    String.raw`cvv2?|cvc2?|card\s+(?:verification|security)\s+(?:value|code|number)|(?:security\s+code|(?:three|3|four|4)[- ]digits?(?:\s+code)?)\s+on\s+the\s+back(?:\s+of\s+(?:the|your)\s+card)?|(?:full|whole|complete|entire|16-digit|bank)\s+card\s+numbers?|(?<!(?:last|final)\s+(?:four|4)\s+digits\s+of\s+(?:the|your|their)\s+)card(?:'s)?\s+numbers?|card's\s+(?:expiry|expiration)\s+date\s+and\s+(?:the\s+)?(?:cvv2?|cvc2?|security\s+code|(?:three|3|four|4)[- ]digits?\s+on\s+the\s+back)|(?:long\s+|card\s+)?number\s+on\s+the\s+front(?:\s+of\s+(?:the|your|their)\s+card)?|(?:three|3|four|4)\s+(?:numbers|digits)\s+on\s+the\s+(?:signature\s+(?:strip|panel)|back(?:\s+of\s+(?:the|your|their)\s+card)?)|(?:front\s+and\s+(?:the\s+)?back|both\s+sides)\s+of\s+(?:the\s+|your\s+|their\s+)?(?:bank\s+|credit\s+|debit\s+)?cards?(?![^.]*\b(?:covered|hidden|masked|blurred|blanked)\b)`,
  ],
  [
    'one-time-code',
    String.raw`(?:one[- ]time|verification|2fa|two[- ]factor|sms|otp|authenticator|security|login|confirmation|auth|reset|(?:\d|four|five|six|seven|eight)[- ]digit)\s+(?:pass)?codes?|otps?|(?:2fa\s+|two[- ]factor\s+)?(?:backup|recovery)\s+codes?|(?:\d|four|five|six|seven|eight)[- ]digit\s+numbers?(?:\s+(?:from|in)\s+(?:the\s+|your\s+)?(?:sms|text(?:\s+message)?|message|e-?mail|app))?|(?:sms|text\s+message)(?:es|s)?\s+(?:you\s+(?:just\s+)?(?:got|received)|with\s+the\s+code|(?:we|I)\s+(?:just\s+)?(?:sent|texted)(?:\s+(?:you|them|him|her))?)|codes?\s+(?:we\s+(?:just\s+)?(?:sent|texted)(?:\s+to\s+your\s+(?:e-?mail|phone|number|inbox))?|sent\s+to\s+you(?:r\s+(?:e-?mail|phone|number|inbox))?|you\s+(?:just\s+)?(?:got|received))|codes?\s+(?:from|in)\s+(?:the\s+|your\s+|that\s+)?(?:sms|text(?:\s+message)?|message|e-?mail|(?:(?:google|microsoft)\s+)?(?:authenticator|authy)(?:\s+app)?|app)|(?:six|6|eight|8)\s+(?:numbers|digits)\s+(?:from|in|on|shown\s+in)\s+(?:the\s+|your\s+|their\s+)?(?:(?:google|microsoft)\s+)?(?:authenticator|authy)(?:\s+app)?|(?:(?:(?:google|microsoft)\s+)?authenticator|authy|2fa|two[- ]factor|totp|mfa)\s+(?:app\s+)?(?:setup\s+|secret\s+|backup\s+)?keys?|setup\s+keys?|(?:2fa|totp|mfa)\s+secrets?|codes?\s+on\s+your\s+(?:phone|screen)|codes?\s+(?:that\s+(?:was|were)\s+)?(?:just\s+)?texted\s+(?:to\s+)?you|(?:six|6|four|4|eight|8)\s+digits\s+(?:we|they)\s+(?:texted|sent)(?:\s+you)?|(?:number|digits)\s+(?:from|in)\s+the\s+(?:sms|text)|codes?\s+(?:google|the\s+bank|your\s+bank)\s+sent\s+you|codes?\s+(?:(?:they|the\s+caller|he|she)\s+(?:just\s+)?(?:got|received|get|receive)|(?:that|which)\s+(?:just\s+)?arrived)|(?:current\s+)?codes?\s+(?:(?:their|your|the)\s+)?(?:authenticator|authy|2fa)(?:\s+app)?\s+shows|current\s+(?:2fa\s+|authenticator\s+|verification\s+|login\s+)?codes?|codes?\s+on\s+(?:their|his|her)\s+(?:phone|screen)|codes?\s+by\s+(?:sms|text(?:\s+message)?|e-?mail)|(?<=\b(?:send|text|e-?mail|sms)\s+(?:you|them|the\s+caller)\s+)(?:a|an|the)\s+(?:(?:one-time|verification|security|confirmation|login)\s+)?codes?|codes?\s+(?:as\s+soon\s+as|when|once)\s+(?:their|your|the)\s+(?:phone|app|screen)\s+shows\s+it|(?<=\b(?:with|containing|contains|holds)\s+(?:the|your|a)\s+)codes?|(?:confirmation|verification|security)\s+(?:texts?|sms|text\s+messages?)`,
  ],
];
/** Whose secret: the reader's (never "my", which is how a user's own answer reads). */
const EN_OWNER = String.raw`(?:(?:your|their|his|her|the\s+caller's|the\s+user's|the\s+customer's|the|this|that|all|both)\s+)?`;
/**
 * Up to two words between the owner and the secret ("12-word", "full wallet"), but no preposition or conjunction; or
 * something else asked with it ("your username and password", "your email or phone and your PIN").
 */
const EN_WORDS = String.raw`(?:(?!(?:to|and|or|with|for|of|in|on|into|from|by|at|after|before)\b)[\w'-]+\s+){0,2}(?:(?:and|or|&)\s+(?:(?:your|their|the)\s+)?(?:(?!(?:to|and|or|with|for|of|in|on|into|from|by|at|after|before)\b)[\w'-]+\s+)?)?(?:[\w'-]+\s*[/+]\s*|[/+&]\s+)?`;
/** Who a secret would go to: "us", "the agent", "the support agent", "our support team", "customer service". */
const EN_WHOM = String.raw`us|me|him|her|them|the\s+caller|(?:(?:the|an?|our)\s+)?(?:group\s+|channel\s+)?(?:admin|administrator|moderator|mod)s?|customer\s+(?:service|support|care)|(?:(?:the|an?|our|a)\s+)?(?:support\s+|service\s+|security\s+|tech(?:nical)?\s+)?(?:agent|team|staff|representative|rep|officer|specialist|desk|technician|engineer|expert|advis[eo]r|consultant)|support`;
const EN_TO = String.raw`(?:(?:${EN_WHOM})\s+)?`;
const EN_SHARE = String.raw`send|share|give|tell|provide|submit|attach|read\s+out|read\s+back|read|say|spell\s+out|dictate|recite|repeat(?:\s+back)?|disclose|forward|hand\s+over|upload|post|(?:reply|respond|answer)(?:\s+to\s+(?:the|this|our|my|that)\s+(?:ticket|e-?mail|message|chat|sms|text))?\s+with|let\s+(?:us|me|the\s+agent|an\s+agent|support|our\s+team)\s+(?:know|have|see|hear|check|verify|read)`;
/** Verbs that are nouns too ("email password"): a request only with someone to send to. */
const EN_SEND_TO = String.raw`e-?mail|text|dm|message|whatsapp|telegram`;
const EN_RECIPIENT = String.raw`(?:${EN_WHOM})\s+`;
const EN_SHOW = String.raw`reveal|revealing|show|showing|display|displaying|view|viewing`;
const EN_TYPE = String.raw`type|typing|enter|entering|input|inputting|paste|pasting|write|writing|fill\s+in|import|importing|export|exporting`;
/** Where typing a secret gives it away: a chat, a message, a form or page someone sent, support. */
const EN_PEOPLE = String.raw`chat|message|reply|support|agent|team|us|me|e-?mail|ticket|call|dm|telegram|whatsapp`;
const EN_DESTINATION = new RegExp(String.raw`\b(?:${EN_PEOPLE}|form|link|here|below|this\s+(?:page|site|website))\b`);
/** Where a typed password or code goes to someone: a form, a page or "below" is where it is typed to log in or reset. */
const EN_PERSON_DESTINATION = new RegExp(String.raw`\b(?:${EN_PEOPLE})\b`);
const EN_ASK = String.raw`ask\s+${EN_TO}for|request|collect|(?:we|i|we'll|i'll|support|(?:the|an?|our)\s+(?:support\s+|security\s+|tech(?:nical)?\s+)?(?:agent|team|staff|technician|engineer|specialist)|customer\s+(?:service|support)|(?:(?:the|your|this)\s+)?(?:account\s+|identity\s+|ownership\s+)?(?:verification|refund|unlock(?:ing)?|review|identity\s+check|ownership\s+check))\s+(?:will\s+|would\s+|also\s+|first\s+)?(?:needs?|requires?|must\s+(?:have|see|receive|get|hear)|needs?\s+to\s+(?:see|have|receive|hear|check|verify|know))`;

/** A picture or copy of the secret is the secret: "send us a screenshot of your backup phrase". */
/** Part of it: "the first three words of", "each word of", "word number 5 of", "a few words of". */
const EN_PART = String.raw`(?:each|all|some|any|a\s+few|one|two|three|four|several)\s+of\s+(?:the\s+(?:\w+\s+)?words?\s+(?:of|from|in)\s+)?|(?:the\s+)?(?:\w+,\s+){0,4}(?:(?:first|last|next|each|every|one|\w+)\s+(?:(?:and|or|&)\s+(?:the\s+)?(?:first|last|next|\w+)\s+)?)?(?:(?:two|three|four|five|six|\d+|a\s+few|a\s+couple\s+of|several)\s+)?words?\s+(?:(?:number\s+)?#?\d+\s+)?(?:of|from|in|on)\s+`;
const EN_COPY = String.raw`(?:(?:a|an|the)\s+)?(?:(?:screenshot|screen\s+shot|photo|picture|image|scan|copy)s?\s+of|(?:e-?mail|message|sms|text(?:\s+message)?)s?\s+(?:from\s+(?:us|the\s+bank|the\s+app|support)\s+)?(?:with|containing|that\s+(?:has|holds|contains)))\s+`;

/** Whose secret, in a question that asks for it ("What is your recovery phrase?"): never "a" or "the", which explain one. */
const EN_WHOSE = String.raw`(?:your|their|his|her|the\s+caller's|the\s+user's|the\s+customer's)\s+`;

/**
 * When a rule's match is a request: always ('no': sharing, asking, e-mailing it); when what is typed goes where someone
 * else reads it ('typed', see typedAway); when it is for someone ('for-someone': ready for the agent, for the call); when
 * what is shown is shown to someone or somewhere not the user's own ('shown', see shownAway: revealing the phrase in
 * Settings to write it on paper is how it is backed up).
 */
type Typing = 'no' | 'typed' | 'for-someone' | 'shown';

/**
 * The request rules of each secret, with `named`: the secret's own words, which every rule of it ends with (after a space,
 * so as a word of its own: `named` is also how a secret is named in what to have ready, findSecretMention). A clause
 * that does not name the secret is not tried against its rules, which are long, and which V8 compiles at their first
 * use: about 70 ms a process (the cost of an operator flow's run, and of every thread of `flows validate`) for rules most
 * texts never needed.
 */
function enRules(): { kind: AskedSecret; named: RegExp; namedAll: RegExp; rules: ReturnType<typeof rulesFor> }[] {
  return EN_SECRETS.map(([kind, secret]) => {
    const named = new RegExp(String.raw`\b(?:${secret})\b`, 'i');
    return { kind, named, namedAll: new RegExp(named.source, 'gi'), rules: rulesFor(secret, kind) };
  });
}

/**
 * Words each rule needs, one small regular expression for each kind of rule, shared by every secret: a rule is tried (and
 * compiled, at its first use) only for a clause that has them. Compiling the rules was most of what screening a flow's
 * texts cost: about 200 ms for an operator folder of 400 texts, where running them took 4.
 */
const LEADS = {
  what: /\b(?:what|which)\b/i,
  share: new RegExp(String.raw`\b(?:${EN_SHARE})\s`, 'i'),
  sendTo: new RegExp(String.raw`\b(?:${EN_SEND_TO})\s`, 'i'),
  provide: /\b(?:provide|supply|furnish|present)\s/i,
  type: new RegExp(String.raw`\b(?:${EN_TYPE})\s`, 'i'),
  show: new RegExp(String.raw`\b(?:show|display|${EN_SHOW})\s`, 'i'),
  ask: /\b(?:ask|asked|request|collect|needs?|requires?|must)\b/i,
  check: /\b(?:confirm|verify|validate|check|spell|drop|put)\s/i,
  have: /\b(?:have|keep|get)\s/i,
  handOver: /\bhand\s[^.]*\bover\b/i,
  keep: /\b(?:note|store|save|record|log|leave|keep|back\s+up)\s/i,
  photo: /\b(?:photograph|screenshot|take\s+(?:a\s+)?(?:photo|picture|screenshot|screen\s+shot))/i,
  needed: /\b(?:needed|required|requested|wanted)\s+(?:by|for)\s/i,
  taken: /\bthe\s+(?:caller|user|customer|client)'s\s|\b(?:from|off)\s+(?:the\s+(?:caller|user|customer|client)|them|him|her)\b/i,
  by: /\bby\s+(?:sending|submitting|sharing|giving|telling|providing|reading|saying|uploading|forwarding|posting|e-?mailing|texting|messaging|dictating|spelling|asking|entering|typing|pasting|inputting|filling)\b/i,
  copy: /\bcopy\s/i,
  needed2: /\b(?:needed|required|necessary)\b/i,
  through: /\b(?:go|run|walk)\s+(?:through|over)\s/i,
  ourSide: /\b(?:our|support|the\s+support|agent's|engineer's)\s+(?:server|console|side|system|computer|device|phone|machine|tool)\b/i,
  willAsk: /\bwill\s+ask\s/i,
};

function rulesFor(secret: string, kind: AskedSecret): { rule: RegExp; typing: Typing; lead: RegExp }[] {
  return [
    // "You will be asked to provide your recovery phrase" (QA: red-team review): for the keys to the wallet only, as an app
    // asks for a password or a code at every sign-in; and read as typing is, so restoring a wallet in its own app ("when
    // you restore the wallet, you will be asked for your recovery phrase") is no request.
    ...(KEYS_TO_THE_WALLET.includes(kind)
      ? [{ lead: LEADS.ask, rule: new RegExp(String.raw`\b(?:will|'ll|may|might)\s+be\s+asked\s+(?:for|to\s+(?:provide|give|share|send|read\s+out|say))\s+(?:${EN_PART})?${EN_OWNER}${EN_WORDS}(?:${secret})\b`, 'i'), typing: 'typed' as const }]
      : []),
    { lead: LEADS.what, rule: new RegExp(String.raw`\b(?:what|which)(?:'s|\s+is|\s+are|\s+was|\s+were)\s+(?:${EN_PART})?${EN_WHOSE}${EN_WORDS}(?:${secret})\b|\b(?:what|which)\s+words?\s+(?:are|is)\s+(?:written\s+|printed\s+)?(?:in|on)\s+${EN_WHOSE}${EN_WORDS}(?:${secret})\b|\b(?:ask|find\s+out|get)\s+(?:(?:the\s+)?(?:caller|customer|user|client)\s+|them\s+|him\s+|her\s+)?(?:what|which)\s+${EN_WHOSE}${EN_WORDS}(?:${secret})\s+(?:is|are|was|were)\b(?!\s+(?:for|used|needed|not|made|like|meant|supposed|protecting|there|good|about))|\b(?:ask|find\s+out)\s+(?:(?:the\s+)?(?:caller|customer|user|client)\s+|them\s+|him\s+|her\s+)(?:what|which)\s+(?:${secret})\s+(?:they|he|she|you)\s+(?:use|used|have|set|chose|picked)\b`, 'i'), typing: 'no' },
    { lead: LEADS.share, rule: new RegExp(String.raw`\b(?:${EN_SHARE})\s+(?!you\b)${EN_TO}(?:${EN_COPY}|${EN_PART})?${EN_OWNER}${EN_WORDS}(?:${secret})\b`, 'i'), typing: 'no' },
    { lead: LEADS.sendTo, rule: new RegExp(String.raw`\b(?:${EN_SEND_TO})\s+${EN_RECIPIENT}${EN_OWNER}${EN_WORDS}(?:${secret})\b`, 'i'), typing: 'no' },
    // "Email your recovery phrase to support", "Provide the agent with your password".
    { lead: LEADS.sendTo, rule: new RegExp(String.raw`\b(?:${EN_SEND_TO})\s+${EN_OWNER}${EN_WORDS}(?:${secret})\s+to\s+(?:${EN_WHOM})\b`, 'i'), typing: 'no' },
    { lead: LEADS.provide, rule: new RegExp(String.raw`\b(?:provide|supply|furnish|present)\s+(?:${EN_WHOM})\s+with\s+${EN_OWNER}${EN_WORDS}(?:${secret})\b`, 'i'), typing: 'no' },
    // "Hand your recovery phrase over to the agent" (QA: red-team review): the secret between the verb and its "over".
    { lead: LEADS.handOver, rule: new RegExp(String.raw`\bhand\s+${EN_OWNER}${EN_WORDS}(?:${secret})\s+over\b`, 'i'), typing: 'no' },
    { lead: LEADS.type, rule: new RegExp(String.raw`\b(?:${EN_TYPE})\s+(?:${EN_PART})?${EN_OWNER}${EN_WORDS}(?:${secret})\b`, 'i'), typing: 'typed' },
    // "Show the agent your seed phrase"; shown with nobody named, it is for the user's own eyes only in their own app.
    { lead: LEADS.show, rule: new RegExp(String.raw`\b(?:show|display)\s+${EN_RECIPIENT}${EN_OWNER}${EN_WORDS}(?:${secret})\b`, 'i'), typing: 'no' },
    { lead: LEADS.show, rule: new RegExp(String.raw`\b(?:${EN_SHOW})\s+${EN_OWNER}${EN_WORDS}(?:${secret})\b`, 'i'), typing: 'shown' },
    { lead: LEADS.ask, rule: new RegExp(String.raw`\b(?:${EN_ASK})\s+(?:${EN_PART})?${EN_OWNER}${EN_WORDS}(?:${secret})\b`, 'i'), typing: 'no' },
    // "Confirm your recovery phrase with the agent", "validate your seed phrase at the link below": for someone or somewhere.
    { lead: LEADS.check, rule: new RegExp(String.raw`\b(?:confirm|verify|validate|check|spell|drop|put)\s+(?:${EN_PART})?${EN_OWNER}${EN_WORDS}(?:${secret})\b`, 'i'), typing: 'for-someone' },
    // "Note your recovery phrase in the support chat", "Store it in the support team's vault": kept where someone else
    // reads it (not "store your recovery phrase somewhere safe, away from anyone", QA: flow authoring review).
    { lead: LEADS.keep, rule: new RegExp(String.raw`\b(?:note|store|save|record|log|leave|keep|back\s+up)\s+${EN_OWNER}${EN_WORDS}(?:${secret})\b(?!\s+(?:away|private|secret|safe|hidden|offline|to\s+(?:yourself|themselves|himself|herself)))`, 'i'), typing: 'for-someone' },
    // "Photograph your seed phrase", "take a screenshot of your private key": a picture of it is a copy others can see. (A
    // card's is what a card check asks for, with digits covered: sending it is the request, below.)
    ...(KEYS_TO_THE_WALLET.includes(kind) ? [{ lead: LEADS.photo, rule: new RegExp(String.raw`(?<!\b(?:if|when|whenever|once|whether)\s+(?:you|they|the\s+caller|he|she)\s+(?:ever\s+|already\s+|did\s+)?)\b(?:photograph|screenshot|take\s+(?:a\s+)?(?:photo|picture|screenshot|screen\s+shot)s?\s+of)\s+${EN_OWNER}${EN_WORDS}(?:${secret})\b`, 'i'), typing: 'no' as const }] : []),
    // "Your recovery phrase is needed by support to reverse the payment": the passive of "support needs it".
    { lead: LEADS.needed, rule: new RegExp(String.raw`\b(?:${secret})\s+(?:is|are|will\s+be|would\s+be)\s+(?:also\s+)?(?:needed|required|requested|wanted)\s+(?:by|for)\s+(?:${EN_WHOM})\b`, 'i'), typing: 'no' },
    // "Get the verification code from the caller", "Note down the caller's recovery phrase in the ticket" (red-team review):
    // agent wording that has the agent take or keep the caller's secret. (The caller keeping their own, "Ask the caller to
    // note down their recovery phrase on paper", is how it is kept.)
    { lead: LEADS.taken, rule: new RegExp(String.raw`\b(?:get|take|obtain|collect|fetch|grab)\s+(?:${EN_PART})?${EN_OWNER}${EN_WORDS}(?:${secret})\s+(?:from|off)\s+(?:the\s+(?:caller|user|customer|client)|them|him|her)\b|\b(?:get|take|obtain|collect|fetch|grab|record|note(?:\s+down)?|write\s+down|jot\s+down|copy(?:\s+down)?|save|store|log|keep)\s+(?:${EN_PART})?the\s+(?:caller|user|customer|client)'s\s+${EN_WORDS}(?:${secret})\b`, 'i'), typing: 'no' },
    // "Verify ownership by submitting your seed phrase in the chat", "Complete the check by sending us your recovery phrase"
    // (red-team review): the request said as the means of something else.
    { lead: LEADS.by, rule: new RegExp(String.raw`\bby\s+(?:sending|submitting|sharing|giving|telling|providing|reading\s+out|reading|saying|uploading|forwarding|posting|e-?mailing|texting|messaging|dictating|spelling\s+out)\s+${EN_TO}(?:${EN_PART})?${EN_OWNER}${EN_WORDS}(?:${secret})\b|\bby\s+asking\s+(?:them|him|her|the\s+(?:caller|user|customer|client))\s+(?:for|what)\s+(?:${EN_PART})?${EN_OWNER}${EN_WORDS}(?:${secret})\b`, 'i'), typing: 'no' },
    { lead: LEADS.by, rule: new RegExp(String.raw`\bby\s+(?:entering|typing|pasting|inputting|filling\s+in)\s+(?:${EN_PART})?${EN_OWNER}${EN_WORDS}(?:${secret})\b`, 'i'), typing: 'typed' },
    // "Have the caller go through their backup words with you": word by word, to someone.
    { lead: LEADS.through, rule: new RegExp(String.raw`\b(?:go|run|walk)\s+(?:through|over)\s+(?:${EN_PART})?${EN_OWNER}${EN_WORDS}(?:${secret})\s+with\s+(?:${EN_WHOM})\b`, 'i'), typing: 'no' },
    // "The engineer restores your wallet on our server using your recovery phrase": the keys on someone else's machine.
    { lead: LEADS.ourSide, rule: new RegExp(String.raw`\brestor\w*\s+(?:the\s+caller's\s+|your\s+|their\s+|the\s+)?wallet\s+(?:on|in|at)\s+(?:our|the\s+(?:support|agent's|engineer's)|a\s+support)\s+(?:server|console|side|system|computer|device|phone|machine|tool)\b[^.;]{0,30}?\b(?:using|with|from)\s+${EN_OWNER}${EN_WORDS}(?:${secret})\b`, 'i'), typing: 'no' },
    // "The agent will ask you to confirm your backup phrase word by word": the request announced.
    { lead: LEADS.willAsk, rule: new RegExp(String.raw`\b(?:the\s+agent|we|support|(?:our|the)\s+(?:[\w-]+\s+)?(?:team|agent|engineer|specialist|officer))\s+will\s+ask\s+(?:you|the\s+caller|them)\s+(?:to\s+(?:confirm|read(?:\s+out)?|give|tell|say|spell(?:\s+out)?|share|provide|send|enter|type)\s+(?:us\s+|them\s+|him\s+|her\s+)?|for\s+)(?:${EN_PART})?${EN_OWNER}${EN_WORDS}(?:${secret})\b`, 'i'), typing: 'no' },
    // "Our agent will confirm your seed phrase with you", "we will check the first four words of your recovery phrase": staff
    // going over it is the caller telling it (red-team review). A password or a code only "with you": the provider checks
    // those at every sign-in ("We will verify your password when you sign in").
    { lead: LEADS.check, rule: new RegExp(String.raw`\b(?:the\s+agent|we|support|(?:our|the|an?)\s+(?:[\w-]+\s+)?(?:team|agent|engineer|specialist|officer|staff|representative|technician))\s+(?:will|'ll|can|must|needs?\s+to|is\s+going\s+to|would\s+like\s+to|wants?\s+to)\s+(?:(?:first|then|now|also|quickly)\s+)?(?:confirm|check|verify|validate|go\s+(?:through|over)|review)\s+(?:${EN_PART})?${EN_OWNER}${EN_WORDS}(?:${secret})\b${KEYS_TO_THE_WALLET.includes(kind) ? '' : String.raw`\s+with\s+(?:you|the\s+caller|them|him|her)\b`}`, 'i'), typing: 'no' },
    // "Copy your recovery phrase into the chat": copied where someone else reads it (not onto paper).
    { lead: LEADS.copy, rule: new RegExp(String.raw`\bcopy\s+(?:${EN_PART})?${EN_OWNER}${EN_WORDS}(?:${secret})\b`, 'i'), typing: 'for-someone' },
    // "The caller's seed phrase is required to process the refund": another's secret needed for anything is asked for.
    { lead: LEADS.needed2, rule: new RegExp(String.raw`\bthe\s+(?:caller|user|customer|client)'s\s+${EN_WORDS}(?:${secret})\s+(?:is|are|will\s+be)\s+(?:also\s+)?(?:needed|required|necessary)\b(?!\s+(?:to|for)\s+(?:restore|recover|import|restoring|recovering|importing)\b)`, 'i'), typing: 'no' },
    // "Have your recovery phrase ready for the agent": ready for someone (not "at hand before you reinstall the app").
    { lead: LEADS.have, rule: new RegExp(String.raw`\b(?:have|keep|get)\s+${EN_OWNER}${EN_WORDS}(?:${secret})\s+(?:ready|at\s+hand|handy|nearby)\b`, 'i'), typing: 'for-someone' },
  ];
}

/**
 * Typing a recovery phrase or private key anywhere but into the user's own wallet app gives the wallet away
 * ("Enter your recovery phrase to unfreeze the card"); restoring a wallet in the app is the one legitimate use,
 * and writing it down on paper the way to keep it.
 * A password or a code is typed to log in, so only a destination where someone else reads it makes a request.
 */
const EN_OWN_PLACE = /\bto\s+(?:restore|recover|import)\s+(?:your|the)\s+(?:own\s+)?wallet\b|\b(?:in|into|on)\s+(?:(?:the|your|your\s+own|a|the\s+official)\s+)?(?:(?:new|official)\s+)?(?:(?:phone|device)'s\s+)?(?:official\s+)?(?:(?:wallet\s+)?app|wallet|device|phone|hardware\s+wallet)\b|\bon\s+paper\b|\boffline\b|^\s*down\b|\bon\s+(?:your|the)\s+(?:ledger|trezor|keystone|hardware\s+wallet|device)\b|\b(?:restore|recovery|import)\s+screen\b|\byour\s+(?:own\s+)?wallet\s+app\b|\b(?:replaces?|overwrites?)\s+(?:the|your)\s+(?:current\s+)?wallet\b/i;
const KEYS_TO_THE_WALLET: readonly RequestKind[] = ['recovery-phrase', 'private-key'];
/**
 * A sentence about restoring or importing a wallet in the app ("choose Restore, and enter the recovery phrase you wrote
 * down"; "Restore the wallet: open the app, tap Import and enter your 12 words"): typing the phrase there is the restore,
 * unless the rest names somewhere else to type it (EN_ELSEWHERE).
 */
const EN_RESTORING = /\bset\s+up\s+(?:the|your)\s+new\s+(?:phone|device)\b|\b(?:restore|restoring|recover|recovering|import|importing|add)\s+(?:(?:your|the|a|an|this|that)\s+)?(?:own\s+|existing\s+|old\s+)?wallet\b|\bI\s+already\s+have\s+a\s+wallet\b|\bimport\s+wallet\s+screen\b|\b(?:choose|tap|select|click|press|pick|hit)\s+(?:on\s+)?(?:the\s+)?(?:restore|import|recover)\b|\brestore\s+(?:it\s+)?from\s+(?:(?:the|your|a)\s+)?(?:recovery|seed|backup|secret)\b/i;
/** Somewhere else than the wallet app: a site, a page, a form, a document, a bot, or an address on the web. */
const EN_ELSEWHERE = /\b(?:we|they|the\s+agent|support)\s+(?:sent|send|shared|share|gave|give|provided?|linked)\b|\bsent\s+(?:to\s+)?you\b|\b(?:web\s*sites?|sites?|web\s*pages?|pages?|portals?|forms?|browsers?|documents?|docs?|sheets?|spreadsheets?|surveys?|bots?|dapps?|extensions?|plugins?|pop-?ups?)\b|\b(?:https?:\/\/|www\.)|\b[\w-]+\.(?:[a-z]{2,24})\b/i;
/** Written down ("write down your recovery phrase", "write your 12 words down"): kept on paper, the way to keep it. */
const EN_WRITTEN_DOWN = /^writ(?:e|ing)\s+down\b/i;
/** Where showing the phrase or key keeps it the user's: in the app's settings, on their own screen (or EN_OWN_PLACE). */
const EN_OWN_VIEW = /\bin\s+(?:the\s+)?(?:app's\s+|wallet's\s+)?(?:settings|security\s+settings|backup\s+section)\b|\bon\s+(?:your\s+(?:own\s+)?)?screen\b/i;

/**
 * Moving the money to a wallet, account or address someone else provides: the "safe account" of the scams.
 * Moving it to a new wallet the user creates is what the leaked-phrase alert tells them to do, and passes.
 */
const EN_FUNDS = String.raw`(?:(?:all\s+(?:of\s+)?)?${EN_OWNER}${EN_WORDS}(?:\d+(?:[.,]\d+)?\s*)?(?:funds|balance|money|coins|crypto|assets|savings|tokens|usdt|usdc|btc|bitcoin|eth|ether)|everything|it\s+all|(?:a\s+)?(?:small\s+)?amount)`;
const EN_PLACE = String.raw`(?:wallet|account|address)e?s?(?:\s+(?:numbers?|ids?))?`;
/**
 * What every rule of moving funds names (see enRules for why the rules are tried only then), where a rule can name it:
 * never right after a letter (the word before it ends in a space, a slash or a plus; an amount may be glued to it,
 * "100usdt"). Without that, "whether" and "together" named "ether", and every such sentence ran the five rules, the
 * first of them compiling for some 10 ms a thread.
 */
const EN_FUNDS_NAMED = /(?<![a-z])(?:test\s+transaction|ownership|funds|balance|money|coins|crypto|assets|savings|tokens|usdt|usdc|btc|bitcoin|eth|ether|everything|it\s+all|amount)\b/i;
const EN_MOVE_FUNDS = [
  // "Send a test transaction of 50 USDT to the verification address to prove ownership" (red-team review).
  /\b(?:send|make|transfer)\s+(?:a|an)\s+(?:small\s+)?(?:test|verification|validation|confirmation)\s+(?:transaction|transfer|payment|deposit)\b[^.]{0,40}?\bto\s+(?:the|our|this)\s+(?:verification|validation|confirmation|ownership|proof|security|safe|our)\s+(?:address|wallet|account)\b|\b(?:send|transfer|move)\s+(?![^.]{0,40}?\b(?:your|their|his|her)\s+own\b)[^.]{0,40}?\bto\s+(?:prove|verify|confirm)\s+(?:wallet\s+)?ownership\b/i,
  // "… to the agent's wallet".
  new RegExp(String.raw`\b(?:transfer|move|send|withdraw)\s+${EN_FUNDS}\s+(?:to|into)\s+(?:the\s+)?(?:agent|engineer|specialist|support|team|technician|officer)'s\s+(?:[\w'-]+\s+){0,1}(?:wallet|address|account)\b`, 'i'),
  new RegExp(String.raw`\b(?:transfer|move|send|withdraw)\s+${EN_FUNDS}\s+(?:to|into)\s+(?:(?:a|an|the)\s+)?(?:[\w'-]+\s+){0,2}${EN_PLACE}\s+(?:that\s+|which\s+)?(?:(?:we|support|security|(?:the|an?|our)\s+(?:support\s+|security\s+)?(?:agent|team|staff))\s+(?:will\s+|can\s+)?(?:sets?\s+up|setup|provides?|gives?|gave|creates?|created|opens?|opened|sends?|sent|shares?|shared|reads?\s+out)|(?:provided|given|set\s+up|created|opened|sent|controlled|managed|held|run|owned)\s+by\s+(?:us|support|(?:the|an?|our)\s+(?:support\s+|security\s+)?(?:agent|team|staff)))`, 'i'),
  // "a safe account", "our secure wallet"; and "our wallet" or "our address" (crypto sent to "us"). A top-up to "our bank
  // account shown in the app" is how some wallets take bank transfers, and passes.
  new RegExp(String.raw`\b(?:transfer|move|send|withdraw)\s+${EN_FUNDS}\s+(?:to|into)\s+(?:a|an|the|our)\s+(?:safe|safety|secure|protected|protection|insured|holding|temporary|escrow|reserve|cold|frozen|verification|validation|confirmation|unlock|unlocking|activation|release|sync|synchroni[sz]ation|whitelist(?:ed)?)\s+(?:[\w'-]+\s+){0,1}${EN_PLACE}\b`, 'i'),
  new RegExp(String.raw`\b(?:transfer|move|send|withdraw)\s+${EN_FUNDS}\s+(?:to|into)\s+our\s+(?:[\w'-]+\s+){0,1}(?:wallet|address)e?s?\b`, 'i'),
  // "Withdraw everything to the address in the chat": one someone else wrote there.
  new RegExp(String.raw`\b(?:transfer|move|send|withdraw)\s+${EN_FUNDS}\s+(?:to|into)\s+(?:the|this|that)\s+(?:[\w'-]+\s+){0,1}${EN_PLACE}\s+(?:(?:given|shown|posted|sent|shared|written|pasted)\s+)?(?:in|from|on|at)\s+(?:the|our|this|that|my)\s+(?:chat|message|e-?mail|sms|text|ticket|call|dm|link|telegram|whatsapp|group)\b`, 'i'),
  // An address someone will give or gave ("the address I'll give you", "the wallet below", "this new vault address").
  new RegExp(String.raw`\b(?:transfer|move|send|withdraw)\s+${EN_FUNDS}\s+(?:to|into)\s+(?:(?:the\s+(?:[\w'-]+\s+){0,1}${EN_PLACE}\s+(?:below|here|(?:that\s+)?(?:I|we)(?:'ll|\s+will)?\s+(?:give|gave|sent|send|share|shared)\b|(?:that\s+)?you(?:'ll|\s+will)?\s+(?:give|gave|send|sent|share|shared|read\s+out)\s+(?:them|him|her|the\s+caller)\b))|(?:this|that)\s+(?:new\s+)?(?:[\w'-]+\s+){0,1}(?:address|wallet)\b)`, 'i'),
];
/** After a place: one the user controls ("a cold wallet you control") is where funds are meant to go. */
const EN_YOURS = /^\s+(?:that\s+|which\s+)?you\s+(?:control|own|created?|set\s+up|made|hold|opened|trust)\b/i;

/**
 * Paying to get the account or the money back: an "unlocking fee", a deposit or tax before a withdrawal, gift cards. Fees
 * the wallet itself charges (a network fee, a withdrawal fee) are described, not asked to be paid to someone; and "paying
 * a fee to unlock" (a gerund) names what a scammer asked, as the suspicious-contact flow's answers do.
 */
const EN_PAY_NAMED = /\b(?:pay|paying|pays|cover|send|deposit|transfer|buy|purchase|fee|gift|top\s+up|settle|clear|charge|tax|apple|itunes|steam|google\s+play|amazon|razer)/i;
/** Gift cards and vouchers by their kind or brand, and their codes. */
const GIFT_CARDS = String.raw`(?:gift|apple|itunes|steam|google\s+play|amazon|razer\s+gold)\s*(?:gift\s*)?(?:cards?|vouchers?|codes?)`;
const EN_PAY_TO_UNLOCK = [
  // "A verification deposit of 300 USDT is required to release it", "a refundable deposit of 0.05 BTC unlocks their withdrawal".
  // (Not a wallet's own fee or a product's minimum: "A fee of 1 USDT is required to withdraw", "A minimum deposit of 32 ETH is
  // required to activate a validator"; false-alarm review.)
  /\b(?:verification|validation|security|release|unlock(?:ing)?|activation|reactivation|unfreez(?:e|ing)|clearance|insurance|anti-money[- ]laundering|aml|compliance|tax|refundable|recovery)\s+(?:deposit|fee|payment|charge)s?\s+(?:of\s+\S+(?:\s+[a-z]{2,5})?\s+)?(?:is|are)\s+(?:required|needed|due)\s+(?:to|before)\s+(?:release|unlock|withdraw|restore|reactivate|activate|unfreeze)|\b(?:deposit|fee|tax|payment)\s+of\s+\S+(?:\s+[a-z]{2,5})?\s+(?:unlocks|releases|unfreezes|reactivates|restores)\s+(?:your|their|the)\s+(?:withdrawals?|account|funds|wallet|balance|money|assets)\b/i,
  // "The caller must deposit 500 USDT to restore it", "cover the network gas fee … to our address", "top up … to prove liquidity".
  /\b(?:must|has\s+to|have\s+to|needs?\s+to|should)\s+(?:deposit|pay|top\s+up)\s+[$€£¥]?\d[\d.,]*\s*(?:%|[a-z]{2,5}\b)?[^.]{0,30}?\bto\s+(?:restore|unlock|release|unfreeze|reactivate)\s+(?:access|withdrawals?|(?:your|their|the)\s+(?:account|funds|wallet|withdrawals?|money|assets)|it\b(?!\s+to\b))|\b(?:cover|pay|send)\s+(?:the\s+)?(?:(?:network|gas|transaction)\s+)*(?:fees?|gas)\b.{0,30}?\bto\s+our\s+(?:address|wallet|account)\b|\btop\s+up\b[^.]{0,40}?\bto\s+(?:prove|show|verify)\s+(?:liquidity|solvency|(?:your|their)\s+funds|ownership)\b/i,
  /\b(?:pay|send|deposit|transfer)\s+(?:(?:a|an|the|your|our|this)\s+)?(?:[$€£¥]?\d[\d.,]*\s*(?:%|[a-z]{2,5}\b)?\s*)?(?:small\s+|one-time\s+|refundable\s+|required\s+)?(?:unlock(?:ing)?|unfreez(?:e|ing)|release|activation|reactivation|verification|validation|clearance|security|insurance|anti-money[- ]laundering|aml|upgrade|processing|recovery|tax)\s+(?:fees?|deposits?|charges?|payments?|tax(?:es)?)\b/i,
  /\b(?:pay|send|deposit|transfer|top\s+up)\s+(?:\S+\s+){1,10}?(?:to|before\s+you\s+can|so\s+(?:that\s+)?(?:we|you)\s+can)\s+(?:(?:unlock|unfreeze|release|reactivate|verify|recover|restore|activate|get\s+back)\s+(?:(?:your|the)\s+)?(?:account|funds|money|wallet|balance|assets|coins|withdrawals?|ownership|chat|support|ticket|case|session|service|priority\s+support))\b/i,
  /\b(?:pay|send|deposit|transfer|top\s+up)\s+(?:\S+\s+){1,10}?(?:before\s+you\s+can|so\s+(?:that\s+)?you\s+can)\s+withdraw\b/i,
  new RegExp(String.raw`\b(?:buy|purchase|get)\s+(?:\S+\s+){0,3}?${GIFT_CARDS}\b.{0,60}\b(?:send|give|read|tell|share|text|e-?mail|upload|photo|picture|codes?\s+to)\b|\b(?:send(?:\s+us)?|pay\s+(?:with|in|by)|give\s+us)\s+(?:\S+\s+){0,3}?${GIFT_CARDS}(?!\s+balance)\b`, 'i'),
  /\b(?:fee|charge|tax|deposit)(?:\s+of\s+\S+)?\s+(?:must|has\s+to|needs?\s+to)\s+be\s+paid\s+(?:first\s+)?before\s+(?:you\s+can\s+)?(?:withdraw|unlock|release)|\b(?:settle|clear)\s+(?:the\s+)?(?:outstanding\s+|unpaid\s+)?(?:tax|fee|charge)s?\s+to\s+(?:unlock|release|withdraw)/i,
  // A tax or a deposit to be paid before money can be withdrawn is the same demand; so is a fee paid to a person (QA: hostile review).
  /\b(?:pay|send|transfer)\s+(?:(?:a|an|the|your)\s+)?(?:(?!(?:or|and)\b)\S+\s+)?(?:(?:tax|security|margin)\s+)?(?:tax(?:es)?|deposit|margin|guarantee)\s+(?:first\s+)?before\s+(?:(?:your|the|a|any)\s+)?(?:withdraw\w*|funds|money|payouts?)\b/i,
  // "Pay the withdrawal tax first", "send the release deposit": a tax or deposit named after the withdrawal it holds up.
  /\b(?:pay|send|deposit|transfer)\s+(?:(?:a|an|the|your)\s+)?(?:[$€£¥]?\d[\d.,]*\s*%?\s+)?(?:withdrawal|withdrawing|payout|release|unlocking|unlock)\s+(?:tax(?:es)?|deposits?)\b(?!\s+to\s+(?:your|the)\s+(?:local\s+)?(?:tax\s+office|tax\s+authorit\w+|government))/i,
  /\b(?:pay|send|transfer)\s+(?:(?:a|an|the|your)\s+)?(?:\S+\s+)?fees?\s+(?:first\s+)?to\s+(?:(?:the|our|an?)\s+)?(?:agent|support|us|me|team|staff|representative|specialist|officer)\b/i,
  /\b(?:pay|send|deposit|transfer)\s+(?:(?:a|an|the|your)\s+)?(?:withdrawal\s+)?(?:tax(?:es)?|deposit|margin|guarantee)\s+(?:first\s+)?(?:before|to|so)\s+(?:you\s+can\s+|that\s+you\s+can\s+)?withdraw/i,
  // The release said first: "Your account unlocks once you pay a 10% deposit" (red-team review).
  /\b(?:unlocks?|unlocked|unfreezes?|unfrozen|released?|reactivated?|restored)\b[^.]{0,40}?\b(?:once|after|when|as\s+soon\s+as|if)\s+(?:you|they|the\s+caller)\s+(?:have\s+|has\s+)?(?:pay|pays|paid|send|sends|sent|deposit|deposits|deposited|transfer|transfers|transferred)\s+(?:(?:a|an|the|your)\s+)?(?:[$€£¥]?\d[\d.,]*\s*(?:%|[a-z]{2,5}\b)?\s*)?(?!(?:annual|monthly|yearly|card|network|gas|withdrawal|subscription|membership|service|overdue|late|outstanding)\s)(?:[\w-]+\s+)?(?:fees?|deposits?|tax(?:es)?|charges?|guarantee|margin)\b/i,
];
/**
 * Signing in on a page someone sends ("Log in on the page our agent sends you", "open the link we send you and log in"):
 * the password goes to whoever made the page (QA: flow authoring review).
 */
// (Not "we": the provider's own reset link, "the link we sent you to reset your password", is how a login is recovered.)
const EN_SENDER = String.raw`(?:that\s+)?(?:they|(?:the|our)\s+(?:support\s+)?(?:agent|caller|technician|specialist)|support)\s+(?:will\s+)?(?:sends?|sent|gives?|gave|shares?|shared|texts?|texted|e-?mails?|e-?mailed)`;
const EN_PHISHING_LOGIN = new RegExp(String.raw`\b(?:log|sign)\s*(?:in|on)\s+(?:on|at|to|through|via|with|using)\s+(?:the|this|that)\s+(?:page|link|site|website|form|portal|url)\s+${EN_SENDER}\b|\b(?:open|click|tap|visit|follow|use)\s+(?:on\s+)?(?:the|this|that)\s+(?:link|page|site|website|url|form)\s+${EN_SENDER}\b[^.]{0,40}?\b(?:log|sign)\s*(?:in|on)\b`, 'i');
/** Connecting the wallet to a site or app someone else names, to "validate" or "sync" it: how wallet drainers take it all. */
const EN_CONNECT_NAMED = /\b(?:connect|link|sync|synchroni[sz]e|validate|authori[sz]e)/i;
const EN_CONNECT_WALLET = /\b(?:connect|connecting|link|linking|link\s+up|sync|syncing|synchroni[sz]e|validate|validating|authori[sz]e)\s+(?:your\s+|the\s+|their\s+)?(?:(?:crypto|web3|mobile)\s+)?(?:wallets?|metamask|trust\s*wallet|phantom)\b/i;
/** A site or app someone names: ours, this one, one someone sent, one at an address. */
const EN_NAMED_PLACE = /\b(?:our|this|that)\s+(?:[\w-]+\s+)?(?:site|website|web\s*page|page|portal|platform|dapp|link|app)\b|\b(?:site|website|web\s*page|page|portal|platform|dapp|link|app)\s+(?:that\s+)?(?:we|they|the\s+agent|support|I)\s+(?:sent|shared|gave|provided|linked)\b|\b(?:https?:\/\/|www\.)|\b[\w-]+\.(?:com|net|org|io|app|xyz|site|online|top|vip|cc|me|finance|pro)\b|\baddress\s+in\s+the\s+(?:message|e-?mail|sms|chat)\b/i;

/** The user's own choice of site: "only if", "only when", "you opened", "you typed it yourself". */
const EN_OWN_CHOICE = /\bonly\s+(?:if|when|after|on)\b|\byou\s+(?:opened|typed|chose|started|know|trust)\b|\byourself\b/i;
/** A site or dapp someone sends: "the dapp you send them" (read as the agent's, in agent wording). */
const EN_SENT_PLACE = /\b(?:dapp|site|website|link|page|app)\s+(?:that\s+)?(?:we|I|the\s+agent|support|they)\s+(?:will\s+)?(?:send|sent|share|shared|give|gave|text|texted)\b/i;
/** Signing or scanning with the wallet for someone's page: how a drainer gets its approval. */
const EN_APPROVE_FOR_SOMEONE = /\bscan\s+(?:the|this|our)\s+qr\s+code\s+with\s+your\s+wallet\b(?!\s+to\s+pay\b)|\b(?:approve|sign|confirm)\s+(?:the|this|a|their)\s+(?:transaction|signature|permission)s?\s+(?:that\s+)?(?:they|(?:the|our)\s+(?:agent|caller|support\s+agent)|support)\s+(?:will\s+)?(?:sends?|sent|gives?|gave|shares?|shared)\b|\bsign\s+(?:the|this|a|their)\s+message\s+(?:that\s+)?(?:they|(?:the|our)\s+(?:agent|caller|support\s+agent)|support)\s+(?:will\s+)?(?:sends?|sent|gives?|gave|shares?|shared)\b|\b(?:approve|sign)\s+(?:the|this|a)\s+(?:transaction|message|signature)s?\b[^.]{0,40}?\bto\s+(?:receive|get|claim)\s+(?:the\s+|your\s+|a\s+)?(?:refund|compensation|airdrop|reward)s?\b|\bsign\s+(?:the|a|this)\s+(?:message|transaction|request)\s+(?:on|at|in)\s+(?:our|this|the)\s+(?:site|website|page|portal|link|dapp)\b|\bopen\s+the\s+link\s+in\s+(?:your|their|the\s+caller's)\s+wallet(?:'s)?\s+browser\b|\b(?:approve|confirm|accept|sign)\s+(?:the|this)\s+(?:refund|compensation|claim|release|airdrop)\s+(?:request|transaction|approval|permission)s?\b(?!\s+in\s+(?:your|the)\s+(?:bank|bank's|card\s+issuer's|issuer's|merchant's|exchange's|exchange)\b)|\bscan\s+(?:the|this|our)\s+(?:walletconnect\s+)?qr\s+code\s+(?:that\s+)?(?:we|I|support|they|the\s+agent)\s+(?:will\s+)?(?:send|sent|share|shared|give|gave)\b|\b(?:approve|sign|confirm|grant)\s+(?:the|this|a|an|their)\s+(?:(?:token|spending|contract|unlimited|refund|verification|validation)\s+)?(?:transaction|message|signature|permission|approval|allowance)s?\b[^.]{0,40}?\bso\s+(?:that\s+)?(?:we|support|(?:the|our)\s+(?:support\s+)?(?:agent|team|system))\s+can\s+(?:send|release|return|process|issue|credit|pay)\b/i;

/** What one of the rules of remote access names, each of them. */
const EN_REMOTE_NAMED = /\bcamera|\binstall|\bdownload|\bread|\btell|\bview|\bwatch|\bsee\b|\blook\s+at|any\s*desk|team\s*viewer|\bcontrol|\bgive|\bhand|\bstream|rustdesk|quicksupport|quick\s+assist|screenconnect|ultraviewer|splashtop|airdroid|zoho\s+assist|supremo|logmein|anyviewer|hoptodesk|gotoassist|bomgar|beyondtrust|dwservice|mirror|log\s+(?:in|into|on)|connect\s+to|remote|screen|\blet\b|\ballow|\bpermit|\bauthori[sz]e/i;
/** A device someone could take over: "your phone", "the caller's computer". */
const EN_DEVICE = String.raw`(?:your\s+|their\s+|the\s+caller's\s+|the\s+user's\s+|the\s+)?(?:phone|computer|pc|laptop|desktop|device|screen|mac|tablet|mobile)`;
/** Remote-control programs by name, and remote access by what it is. */
const REMOTE_PROGRAMS = String.raw`(?:(?:microsoft|chrome|google)\s+)?(?:any\s*desk|team\s*viewer|rustdesk|quicksupport|quick\s+assist|screenconnect|ultraviewer|splashtop|airdroid|zoho\s+assist|supremo|logmein(?:\s+rescue)?|anyviewer|hoptodesk|gotoassist|goto\s+resolve|bomgar|beyondtrust|dwservice|chrome\s+remote\s+desktop)`;
const REMOTE_APPS = String.raw`(?:${REMOTE_PROGRAMS}|remote[- ](?:desktop|access|control|support))`;
/** A screen recording started, in English: what EN_REMOTE and RECORDING_STARTED (the sentence before) read. */
const EN_RECORDING = String.raw`(?:(?:start|turn\s+on|begin|switch\s+on)\s+(?:a\s+|the\s+|your\s+|their\s+)?screen\s+recording|record\s+(?:your|their|the)\s+(?:phone's\s+)?screen)`;
const EN_REMOTE = [
  // "Start a video call and turn the camera to their computer screen": the screen shown, by another way (red-team review).
  /\b(?:turn|point|aim|hold)\s+(?:the|your|their|a)\s+(?:phone's\s+)?camera\s+(?:to|towards|at|on)\s+(?:your|their|the)\s+(?:computer\s+|laptop\s+|phone\s+|other\s+)?screen\b/i,
  // "Read you the nine-digit ID shown in AnyDesk"; "download the support app from the link you text them" (red-team review).
  new RegExp(String.raw`\b(?:read|tell|give|send|share)\s+(?:\S+\s+){0,4}?(?:id|address|code|number)\s+(?:(?:that\s+)?(?:is\s+)?(?:shown|displayed)\s+)?(?:in|on|from)\s+${REMOTE_PROGRAMS}\b|\b(?:download|install|get)\s+(?:the|our|a|an)\s+(?:[\w-]+\s+){0,2}?(?:support|security|remote|help|helper|assistance|verification|protection|safety|scan(?:ner)?)\s+(?:app|tool|plug-?in|extension|program|software)\s+from\s+the\s+link\s+(?:(?:that\s+)?(?:we|I|the\s+agent|support|they)\s+(?:will\s+)?(?:send|sent|text|texted|e-?mail|e-?mailed|share|shared|give|gave)|in\s+(?:your|the|our|their)\s+(?:e-?mail|message|sms|chat|text))`, 'i'),
  // Staff seeing it ("allow the agent to view their screen", "Our engineer will need to see your screen"), not people nearby.
  new RegExp(String.raw`\b(?:let|allow|permit)\s+(?:${EN_WHOM})\s+(?:to\s+)?(?:see|view|watch)\s+(?:your|their|the\s+caller's)\s+screen\b|\b(?:we|I|support|(?:the|our)\s+(?:[\w-]+\s+)?(?:agent|engineer|technician|specialist|team|staff))\s+(?:will\s+|'ll\s+)?(?:need\s+to|needs\s+to|must|want\s+to|wants\s+to|have\s+to|has\s+to)\s+(?:see|view|watch)\s+(?:your|their|the\s+caller's)\s+screen\b|\bso\s+(?:that\s+)?(?:we|I|support|(?:the|our)\s+(?:[\w-]+\s+)?(?:agent|engineer|technician|specialist|team|staff))\s+can\s+(?:see|view|watch)\s+(?:your|their|the\s+caller's)\s+screen\b`, 'i'),
  new RegExp(String.raw`\b(?:install|download|open|run|launch|use|start|get|set\s+up)\s+(?:the\s+|an?\s+)?${REMOTE_APPS}\b`, 'i'),
  // "The agent will connect via AnyDesk", "our technician helps you over TeamViewer" (QA: directory review).
  new RegExp(String.raw`\b(?:connect|connects|connecting|log\s+in|logs\s+in|access|accesses|join|joins|help|helps|assist|assists|support|fix|fixes|take\s+over|control)\b(?:\s+[\w'-]+){0,4}?\s+(?:via|with|using|through|over|by|on)\s+${REMOTE_PROGRAMS}\b`, 'i'),
  // "Our technician will log in to your computer", "Our engineer will connect to your PC", "Mirror your phone to our agent".
  new RegExp(String.raw`\b(?:we|I|(?:the|an?|our)\s+(?:support\s+|tech(?:nical)?\s+)?(?:agent|technician|engineer|specialist|team|expert))(?:'ll|\s+will|\s+can|\s+needs?\s+to|\s+must)\s+(?:remotely\s+)?(?:log\s+(?:in|into|on)(?:\s+to)?|connect\s+to|take\s+over|control|access)\s+${EN_DEVICE}\b|\bmirror\s+${EN_DEVICE}\s+to\b(?!\s+your\s+own\b)|\b(?:present|share)\s+your\s+(?:whole\s+|entire\s+)?(?:screen|display|desktop)\b`, 'i'),
  new RegExp(String.raw`\b(?:share|show)\s+(?:(?:${EN_WHOM})\s+)?(?:your\s+|their\s+|the\s+caller's\s+|the\s+user's\s+|the\s+)?screens?\b`, 'i'),
  // "Start a screen recording and open your wallet so our specialist can guide you live" (red-team review).
  new RegExp(String.raw`\b${EN_RECORDING}\b[^.;]{0,60}?\b(?:we|I|support|(?:the|our)\s+(?:[\w-]+\s+)?(?:agent|engineer|technician|specialist|team|staff))\s+(?:will|'ll|can|could)\s+(?:then\s+)?(?:guide|watch|walk\s+you|follow\s+along|see\s+(?:it\s+)?live|view\s+(?:it\s+)?live)\b`, 'i'),
  /\b(?:give|grant|allow|enable|accept|turn\s+on)\s+(?:\w+\s+){0,2}remote\s+(?:access|control|session)\b/i,
  // "Let our technician control your phone", "Allow the agent to access your device remotely" (not "… your ticket history").
  new RegExp(String.raw`\b(?:let|allow|permit|authori[sz]e)\s+(?:${EN_WHOM})\s+(?:to\s+)?(?:remotely\s+)?(?:(?:take\s+(?:over|control)\s+of|control|access|into|connect\s+to|log\s+(?:in|into|on\s+to)|operate|use)\s+${EN_DEVICE}|see\s+your\s+screen|take\s+(?:over|control))\b`, 'i'),
  new RegExp(String.raw`\b(?:give|hand)\s+(?:${EN_WHOM})\s+(?:remote\s+)?(?:control|access)\s+(?:of|to|over)\s+${EN_DEVICE}`, 'i'),
  new RegExp(String.raw`\b(?:look\s+at|see|check|fix|access|control)\s+${EN_DEVICE}\s+remotely\b|\binstall\s+(?:the\s+)?(?:\S+\s+){0,3}?app\s+(?:that\s+)?(?:we|I|(?:the|our)\s+agent|support)(?:'ll|\s+will)?\s+(?:send|sends|sent|share|shares|shared|give|gives|gave)\b`, 'i'),
  /\b(?:start|turn\s+on|enable|begin|open)\s+(?:the\s+)?screen[- ]?(?:sharing|share|mirroring|casting|cast)\b|\bstream\s+your\s+(?:screen|display)\b|\b(?:need|needs|require|requires)\s+remote\s+(?:access|control)\b|\b(?:will|to)\s+control\s+your\s+(?:phone|computer|pc|laptop|device|screen)\b/i,
  /\b(?:access|control|operate|take\s+over|connect\s+to)\s+(?:[\w'-]+\s+){0,3}remotely\b|\bremotely\s+(?:access|control|operate|take\s+over|connect\s+to)\b/i,
];

/** Words that make a clause a warning or a description, when they come before the request. */
const EN_NOT_A_REQUEST = /\b(?:did|didn't|have\s+you|has\s+(?:anyone|someone|anybody)|were\s+you|never|not|no|don't|dont|doesn't|won't|cannot|can't|nobody|no\s+one|neither|nor|without|avoid|refuse|asks|asked|asking|requests|requested|requesting|demands|demanded|wants|wanted|claims|claimed|pretends?|scam\w*|fake|phishing|fraud\w*|who|reason\s+to|careful|beware|watch\s+out|already|listen(?:ing)?\s+for|tells|told|says|said)\b|\b(?:the|your)\s+(?:app|bank|wallet|phone|device|system|browser|site)\s+(?:will\s+|may\s+|might\s+|can\s+|could\s+|should\s+|then\s+)?(?:ask|asks|request|requests|send|sends|show|shows|display|displays)\b/i;

/**
 * "Without" and "avoid" that govern something else than the request: "without delay send us your seed phrase", "to avoid
 * losing funds send us your seed phrase" ask for it all the same.
 */
const EN_NOT_A_NEGATION = /\b(?:will|'ll|may|might)\s+be\s+asked\b|\bno\s+(?:worries|worry|problem|stress|rush|hurry)\b|\b(?:don't|do\s+not|dont|no\s+need\s+to|never|not\s+to)\s+(?:worry|panic|fret|be\s+(?:afraid|alarmed|scared|worried|nervous))\b|\bnot\s+(?:hard|difficult|complicated|a\s+problem)\b|\b(?:block|stop|prevent|report|reverse|cancel|dispute|fight|flag|catch)\s+(?:the\s+|this\s+|that\s+|a\s+|any\s+|further\s+)?(?:fake|fraud\w*|scam\w*|phishing)\b|\b(?:be\s+)?careful\s+to\b(?!\s+not)|\b(?:agent|team|specialist|person|staff|officer|representative|rep|engineer|technician|advis[eo]r)\s+who\b|\bwithout\s+(?:any\s+)?(?:delay|hesitation|waiting|fail|exception)\b|\b(?:to\s+)?avoid(?:ing)?\s+(?!(?:send|shar|giv|tell|typ|enter|reveal|disclos|post|upload|provid|read|say|forward)\w*)(?:\w+\s+){0,2}?(?:losing|loss|delays?|problems?|fees?|charges?|issues?|errors?|freezes?|suspension|penalt\w+|fines?)\b/gi;

/**
 * What after a request makes it a warning or keeps it the caller's: "share your recovery phrase with no one", "… only with
 * people you trust in person", "ask the caller to read the words on their sheet to themselves".
 */
const EN_NO_ONE = /^\s*(?:with|to)\s+(?:no\s+one|no-one|nobody)\b|^\s*(?:(?:silently|quietly)\s+)?to\s+(?:yourself|themselves|himself|herself)\b|^\s*(?:only\s+)?(?:when|where|while)\s+(?:no\s+one|no-one|nobody)\b|^\s*only\s+(?:with|to)\s+(?:yourself|people\s+you\s+(?:know|trust)|someone\s+you\s+(?:know|trust))\b/i;

/**
 * Whether the words before a request make it a warning or a description (see EN_NOT_A_REQUEST). What comes after "unless"
 * is what is asked for ("No refund is possible unless you send us your recovery phrase"): the words before it do not count.
 */
function negatedEn(before: string): boolean {
  const unless = before.search(LAST_UNLESS);
  return EN_NOT_A_REQUEST.test((unless === -1 ? before : before.slice(unless)).replace(EN_NOT_A_NEGATION, ' '));
}
const LAST_UNLESS = /\bunless\b(?!.*\bunless\b)/is;

/**
 * Whether the request `clause.slice(start, end)` is a warning or a description, read where its words govern it (red-team
 * review): a negation that tells who is meant ("Users who have not received their deposit should send us…") or what
 * has happened ("If the withdrawal has not arrived within 24 hours send…") comes before the instruction, which the words
 * after a modal or right before the verb are; and staff asking in the flow's own words ("Our verification team requests
 * that you send…") is the flow asking, not a scammer told of.
 */
function negatedAt(clause: string, start: number, end: number): boolean {
  // What the app or screen says is its state ("If the app says no connection, …"), not a scam told of.
  const lead = clause.slice(0, start).replace(EN_STAFF_ASKS, (m, _staff, at: number, whole: string) => (EN_TOLD_OF.test(whole.slice(0, at)) ? m : ' please ')).replace(/\b(?:the|your)\s+(?:app|screen|error|status)\s+says\b(?!\s+(?:that\s+)?you\s+(?:must|need|have|should))/gi, 'it shows');
  // "by asking them for …": the rule's own word, which tells of a scam only before a request (EN_NOT_A_REQUEST).
  const request = clause.slice(start, end).replace(/^by\s+asking\b/i, 'by ask');
  if (!negatedEn(lead + request)) return false;
  // Only a negation is read where it governs; what tells of a case ("has already read it", "was told to") tells of it anywhere.
  if (EN_SCAM_TOLD.test(lead) || EN_CASE_TOLD.test(lead) || !EN_SUBORDINATE.test(lead)) return true;
  let modal: RegExpExecArray | undefined;
  for (const m of matchesOf(EN_MODAL, lead)) modal = m;
  if (modal) return negatedEn(lead.slice(modal.index) + request);
  // A condition, then the instruction: only a negation right before its verb governs it ("If you do not send…").
  return !EN_CONDITION_START.test(lead) || EN_NEGATED_VERB.test(lead);
}
/** Words that tell of a case rather than ask: what was done already, what someone told, said or did. */
const EN_CASE_TOLD = /\b(?:already|told|tells|says|said|did|didn't|have\s+you|has\s+(?:anyone|someone|anybody)|were\s+you|was|were|had|listen(?:ing)?\s+for|careful|beware|watch\s+out|reason\s+to|avoid|refuse|wants|wanted)\b/i;
/** Words that open a part telling who is meant or what happened: "who", "that", "without", "if", "when". */
const EN_SUBORDINATE = /\b(?:who|that|which|whose|without|if|when|whenever|once|after|until)\b/i;
/** Where the instruction of a sentence with such a part starts: "… should send", "… must give", "… please". */
const EN_MODAL = /\b(?:should|must|needs?\s+to|ha(?:ve|s)\s+to|are\s+to|is\s+to|please)\b/gi;
const EN_CONDITION_START = /^\s*(?:if|when|whenever|once|after|in\s+case)\b/i;
/** A negation right before the verb of a request: "do not", "never", "don't ever". */
const EN_NEGATED_VERB = /\b(?:not|never|no|don't|dont|doesn't|won't|cannot|can't|didn't|shouldn't|mustn't)\s+(?:(?:ever|even|just|yet)\s+)?$/i;
/** Staff asking in the flow's own words: "our verification team requests that you", "support asks that you". */
const EN_STAFF_ASKS = /\b((?:our|the)\s+(?:[\w-]+\s+)?(?:team|agent|department|staff|engineer|specialist|officer|desk|support)|support|compliance|customer\s+service)\s+(?:requests?|asks?|wants?|requires?|needs?|said|says|has\s+asked|instructs?)\s+(?:that\s+)?(?=(?:you|the\s+caller|us|him|her|to)\b)/gi;
/** Words before staff asking that make it a case told of: "if", "when", a scam. */
const EN_TOLD_OF = /\b(?:if|when|whenever|should|scam\w*|fake|claim\w*|pretend\w*|impostors?|never|not)\b/i;

/** A clause that starts an instruction of its own after a comma: "…, so send it to the agent", "…, please read them out". */
const EN_NEW_INSTRUCTION = /^\s*(?:so|then|and\s+then|now|please|just)\b/i;
/** Words that tell of a scam: a sentence with them describes what a scammer does, and so does the next one that goes on about it. */
const EN_SCAM_TOLD = /\b(?:scam\w*|fake|phishing|fraud\w*|impostors?|criminals?|thie(?:f|ves)|attackers?|hackers?|pretends?|pretending|claims?|claiming|asks|asked|asking|requests|requested|demands|demanded)\b/i;

const ZH_SECRET = '(?:助记词|助记码|恢复短语|恢复词|恢复码|备份词|备份短语|钱包密语|种子短语|种子词|[Ss]eed\\s*[Pp]hrase|[Rr]ecovery\\s*[Pp]hrase|[Mm]nemonic|[Pp]rivate\\s*[Kk]ey|私匙|(?:12|24|十二|二十四)\\s*个\\s*(?:英文\\s*)?(?:单词|词)|那串(?:英文)?单词|(?:钱包)?备份的?那张纸|助记词(?:纸|卡)|私钥|密钥|秘钥|密码(?!重置|规则|要求|强度|管理|长度|要|需|必须|应)|口令|验证码|(?:(?:短信|邮件)(?:里|中)?的?|刚?收到的|(?:谷歌|Google\\s*)?(?:身份)?验证器(?:里|中|上)?(?:显示)?的?|Authy\\s*(?:里|中|上)?的?)(?:那串)?(?:(?:\\d|六|四|八)位)?数(?:字)?|动态码|校验码|备用码|备份码|(?:手机上)?刚?收到的短信(?:内容)?|短信(?:里|中)?的?(?:\\d|六|四)位(?:数字|数)|CVV|CVC|安全码|完整卡号|完整的卡号|银行卡号(?!的?后(?:四|4)位)|(?:卡片?)?背面的?(?:(?:三|3)位数(?:字)?|安全码|CVV|CVC)|(?:银行卡|卡片?|信用卡)正反面(?:的?照片)?|卡面上?的卡号)';
const ZH_KIND: readonly [AskedSecret, RegExp][] = [
  ['recovery-phrase', /助记词|助记码|恢复短语|恢复词|恢复码|备份词|备份短语|钱包密语|种子短语|种子词|seed|recovery|mnemonic|个\s*(?:英文\s*)?(?:单词|词)|那串(?!(?:(?:\d|六|四|八)位)?数)|那张纸/i],
  ['private-key', /私钥|私匙|密钥|秘钥|private/i],
  ['password', /密码|口令/],
  ['card-security', /CVV|CVC|安全码|卡号|背面|正反面/i],
  ['one-time-code', /验证码|动态码|校验码|备用码|备份码|验证器|短信|数字|位数/],
];
/**
 * The kind of the secret a Chinese match names. Every name of ZH_SECRET has its kind in ZH_KIND (a test holds them
 * together); a name added to one and not the other is still a secret, said as a password, and never a crash.
 */
function zhKindOf(named: string): AskedSecret {
  return ZH_KIND.find(([, word]) => word.test(named))?.[0] ?? 'password';
}
const ZH_GIVE = '(?:出示|拍给|展示给|显示给|亮给|给(?:我们|客服|我|工作人员|对方)看|发给|发到|发送|发我|发过来|发一下|给我|给我们|私信|回我|告诉|告知|提供|交给|念给|读给|报给|说给|说出|念出|读出|报出|念一下|读一下|报一下|说一下|回复|透露|分享|上传|截图|拍照|提交)';
/** Typing, which gives a secret away only where someone else reads it. */
const ZH_TYPE = '(?:输入|填写|填入|粘贴|导入)';
const ZH_PEOPLE = '聊天|对话|消息|私信|客服|我们|邮件|微信|QQ|群';
const ZH_DESTINATION = new RegExp(`${ZH_PEOPLE}|链接|网页|表单|这里|下面|下方`, 'i');
/** Where a typed password or code goes to someone (a form, a page, "below" is where it is typed to log in). */
const ZH_PERSON_DESTINATION = new RegExp(ZH_PEOPLE, 'i');
const ZH_RULES: { rule: RegExp; typing: boolean }[] = [
  // 把（你的）助记词发给客服
  { rule: new RegExp(`[把将][^把将，,]{0,24}?${ZH_SECRET}[^把将，,]{0,16}?${ZH_GIVE}(?!给?[了过])`), typing: false },
  { rule: new RegExp(`[把将][^把将，,]{0,24}?${ZH_SECRET}[^把将，,]{0,16}?${ZH_TYPE}(?!给?[了过])`), typing: true },
  // 提供你的私钥，告诉我们验证码，请来电者告诉你登录密码
  // ("银行发送的验证码", the code the bank sent, describes a code: no request.)
  { rule: new RegExp(`${ZH_GIVE}(?!给?[了过])(?!的)(?:一下)?(?:给)?(?:我们|客服|我|你|您|他|她|他们|对方|管理员|群主|工作人员|专员)?(?:(?:你的|您的|来电者的)[^，,\\s]{0,6}?|(?:刚?收到的|短信里?的)?[^，,\\s]{0,2}?)${ZH_SECRET}`), typing: false },
  // 向来电者要一下他的助记词, 请记下来电者的助记词 (red-team review): the agent taking or keeping the caller's secret. (请记下你的助记词,
  // the caller writing down their own, is how it is kept.)
  { rule: new RegExp(`(?:向|跟|问|找)(?:来电者|用户|客户|对方|他|她)(?:要|索要|索取|获取|收集|拿)(?:一下)?(?:他的|她的|来电者的|用户的|客户的|对方的)?[^，,\\s]{0,2}?${ZH_SECRET}|(?:记下|记录|记住|抄下|写下|保存|存下|留存)(?:一下)?(?:来电者|用户|客户|对方)的[^，,\\s]{0,2}?${ZH_SECRET}`), typing: false },
  // 你的助记词是什么？
  { rule: new RegExp(`(?:你的|您的|来电者的|你|您)?[^，,\\s]{0,2}?${ZH_SECRET}(?:的?(?:第.{1,3}个(?:词|单词)?|前.{1,3}个(?:词|单词)?))?(?:是(?:什么|多少|啥|几|哪些)|是几位|多少)`), typing: false },
  // 密码发我，账号和密码发一下
  { rule: new RegExp(`${ZH_SECRET}[^，,。把将]{0,6}?(?:发给|发我|发过来|发一下|报一下|报给|念一下|念给|告诉我|说一下)`), typing: false },
  // 助记词请发送给客服 (the secret first, without 把)
  { rule: new RegExp(`${ZH_SECRET}[^，,。把将]{0,6}?(?:请|需要|要|麻烦)[^，,。]{0,4}?${ZH_GIVE}`), typing: false },
  // 客服需要你的助记词
  // 退款需要您的助记词, 客服需要核对你的助记词 (QA: red-team review): a refund, a check or support needing the secret. (Not 恢复钱包需要…,
  // restoring one's own wallet, which does need it.)
  { rule: new RegExp(`(?:客服|我们|工作人员|专员|工程师|技术人员|技术员|对方|平台|退款|资产同步|同步|升级|激活|解冻|身份核验|身份验证|核验|审核)(?:会|将)?(?:需要|必须要?|要)(?:你|您)?(?:提供|核对|核实|验证|确认|查看)?(?:你的|您的|来电者的)?[^，,\\s]{0,2}?${ZH_SECRET}`), typing: false },
  // 准备好你的助记词
  { rule: new RegExp(`准备(?:好)?(?:你的|您的|来电者的)?[^，,\\s]{0,2}?${ZH_SECRET}`), typing: false },
  { rule: new RegExp(`${ZH_TYPE}(?!给?[了过])(?:你的|您的|来电者的)?[^，,\\s]{0,3}?${ZH_SECRET}`), typing: true },
  // 导出私钥并复制到对话框里, 把私钥复制下来，粘贴到客服对话框 (red-team review): copied to where someone else reads it.
  { rule: new RegExp(`(?:导出|复制|拷贝)(?:你的|您的|他的)?${ZH_SECRET}[^。]{0,10}?(?:粘贴|复制|拷贝|发送|发)(?:到|给|进)[^。]{0,6}?(?:对话框|聊天|客服|我们|工单|专员|你|您)|把(?:你的|您的|他的)?${ZH_SECRET}(?:复制|拷贝)(?:下来)?[^。]{0,6}?(?:粘贴|发送|发)(?:到|给|进)[^。]{0,6}?(?:对话框|聊天|客服|我们|工单|专员|你|您)`), typing: false },
  // 把助记词写在纸上，拍张照片发到工单: a picture of it, sent.
  { rule: new RegExp(`${ZH_SECRET}[^。]{0,12}?(?:拍(?:张|个|一张)?照(?:片)?|截图|截个图|拍下来)[^。]{0,4}?(?:发到|发给|上传到|上传|传到|发在)`), typing: false },
  // 专员会在视频通话中核对你的助记词: staff checking it is staff seeing it.
  { rule: new RegExp(`(?:客服|专员|工作人员|工程师|技术人员|我们)(?:会|将)[^，,。]{0,8}?(?:核对|核实|验证|确认|查看|检查)(?:你的|您的|来电者的)?[^，,\\s]{0,2}?${ZH_SECRET}`), typing: false },
];
/** Telling how it went, after typing: "，完成后告诉你", "，然后告诉客服是否登录成功", "，然后联系客服说明情况". */
const ZH_REPORT_BACK = /[，,]?\s*(?:然后|再|完成后|之后|并|好了后|好之后)?\s*(?:告诉|告知|回复|说一下|反馈给|联系|致电)(?:客服|你|您|我们)[^。]*$/;
/** How a code came, named with it: "短信验证码", "邮件里的验证码". */
const ZH_HOW_SENT = /(?:短信|邮件|邮箱|电子邮件)(?:里|中)?的?(?=验证码|动态码|校验码)/g;
/** The user's own wallet app or device: where typing the recovery phrase or private key restores a wallet. */
const ZH_OWN_PLACE = /(?:恢复|导入)(?:钱包)?(?:页面|界面)|在\s*(?:(?:官方|你的|您的|自己的|新的?|新手机的?|手机的?|新设备的?)\s*){0,3}(?:钱包\s*)?(?:App|应用|钱包|设备|手机|硬件钱包)\s*(?:里|中|上|内)|(?:恢复|导入)(?:你的|您的)?钱包|(?:点|点击|轻点|选择|选)\s*[“"「『]?\s*(?:恢复|导入)/i;
/** Moving the money to a wallet, account or address someone else provides, or to a "safe account". */
const ZH_MOVE_FUNDS = [
  /(?:转到|转入|转移到|转给|打到|汇到|汇入|充到|存到|提到|提现到)(?:我们|客服|平台|官方|对方|专员|工程师|技术人员|技术员)?(?:提供|指定|给你|给|发给你|发|设立|开设|准备|安排|报给你|报给|读给你|为(?:你|您|他|她)?新建|新建|创建)的[^，,。]{0,8}?(?:钱包|[账帐]户|[账帐]号|地址)/,
  /(?:转到|转至|转入|转移到|提到|提现到)(?:这个|下面这个|下面的|以下|下方的?)(?:新的?)?(?:钱包)?地址/,
  // 提现到工单里的地址, 转到聊天中给出的地址: one someone else wrote there (red-team review; see EN_MOVE_FUNDS).
  /(?:转到|转至|转入|转移到|提到|提现到|打到|汇到|充到)(?:工单|聊天|对话|消息|短信|邮件|群|私信|微信|链接|电报)(?:里|中|内|上)?(?:给出|提供|发送|发来|发|写|贴|留)?的[^，,。]{0,4}?(?:钱包|[账帐]户|[账帐]号|地址)/,
  /(?:转到|转至|转入|转进|转移到|转移至|转给|打到|汇到|汇入|充到|存到|提到|提现到)[^，,。]{0,6}?(?:安全[账帐]户|安全钱包|保护[账帐]户|保护钱包|安全地址|监管[账帐]户|监管钱包|(?<!交易所的|你的|您的|自己的)(?:托管地址|托管钱包|托管[账帐]户))/,
  // 请向下面的地址转账0.01 ETH, 证明钱包是您本人的 (red-team review): a "test" transfer to an address someone gives.
  /向(?:下面|以下|下方|我们|客服|专员)的?(?:钱包)?地址(?:转账|转|打款|汇款|转入)/,
  // 我们已为您准备了新的安全钱包，请立即把资产转过去.
  /(?:我们|客服|平台|专员|工程师)[^。]{0,12}?(?:准备|创建|新建|开设|设立)(?:了|好)?[^。]{0,6}?(?:安全|保护|监管|临时|专属|托管)[^。]{0,4}?(?:钱包|[账帐]户|地址)[^。]{0,16}?(?:转过去|转进去|转入|转到那里|转移过去)/,
];
const ZH_REMOTE = [
  // 开启无障碍权限, 打开ZOOM共享屏幕, 通过我们发的链接下载插件, 弹出远程请求时点击接受 (red-team review).
  /(?<!(?:哪些|是否)[^，,。]{0,8})(?:开启|打开|授予|允许)(?![了过])[^，,。]{0,6}?无障碍(?:权限|服务|功能)|(?:打开|开启|使用|用)(?:(?!前|时|停止|关闭|结束|退出)[^，,。]){1,12}?(?:共享屏幕|屏幕共享)(?![前时])|(?:通过|从|用)(?:我们|客服|专员)(?:发给(?:他|你|您)|发送|发来|发|提供)的链接(?:下载|安装)|远程(?:请求|协助请求|控制请求)[^。]{0,8}?(?:接受|同意|允许)/,
  /(?:安装|下载|打开|使用|运行|装一个|装个|下一个|下个|装)\s*(?:AnyDesk|TeamViewer|RustDesk|ToDesk|向日葵|QuickSupport|AnyViewer|HopToDesk|LogMeIn|GoToAssist|UltraViewer|AirDroid|远程(?:控制|协助|桌面)(?:软件|工具|App)?)/i,
  // Words between: "下载客服发来的远程软件" (QA: hostile review).
  /(?:安装|下载|运行)(?![过了])[^，,。]{1,12}?远程(?:控制|协助|桌面)?(?:软件|工具|App|程序)/i,
  /(?:开启|允许|接受|同意)(?:我们|客服|对方)?(?:的)?远程(?:控制|协助|访问)(?!给?[了过])/,
  // 开启屏幕录制并进入钱包，专员会在线指导 (red-team review): a recording someone watches as it is made (not one sent
  // afterwards with a ticket, "以便之后向客服说明").
  /(?:开启|打开|开始|使用|用)[^，,。]{0,8}?(?:屏幕录制|录屏)[^。]{0,30}?(?:专员|客服|工作人员|技术人员|技术员|工程师|我们)(?:会|将|可以|就能|来)?(?:(?:在线|远程|实时|同步)(?:指导|查看|观看|看着|协助)|指导)/,
  // 共享 or 分享, either way round: "把屏幕分享给客服", "开启屏幕分享".
  /[共分]享你的屏幕|[共分]享(?:一下)?(?:你的|您的|手机)?屏幕给(?!了)(?:客服|我们|工作人员|技术|对方|我)|把(?:你的|您的)?屏幕[共分]享给(?!了)|(?:开启|打开|开始)\s*(?:屏幕[共分]享|[共分]享屏幕)|远控(?:软件|工具|App)/i,
  /让(?:我们|客服|对方|工作人员)远程(?:控制|协助|操作|访问)/,
  /(?:我|我们|客服|技术员|技术人员|工程师)(?:来)?(?:帮你|替你|给你)?远程(?:操作|控制|协助|处理)|(?:点|点击)\s*(?:共享屏幕|屏幕共享)/,
];
const ZH_PAY_TO_UNLOCK = [
  // "提现前请先缴纳个人所得税": the withdrawal named first (QA: hostile review).
  /(?:提现|解冻|到账|出金|取款|解锁)(?:之)?前[^。]{0,6}?(?:支付|缴纳|交纳|缴|交|付)[^，,。]{0,8}?(?:税|保证金|解冻费|激活费|验证费|认证费|解封费)/,
  /(?:支付|缴纳|交纳|缴|交|付|转|充值|先交|先付)[^，,。]{0,14}?(?:解冻费|解冻金|激活费|激活金|验证费|认证费|保证金|解封费|提现税|个人所得税|税费|税)[^，,。]{0,12}?(?:才能|才会|才可以|以便|后|即可|就能)?(?:解冻|激活|提现|恢复|解锁|解封|到账|放行)/,
  // "先缴纳20%的个人所得税，提现才会到账", "缴纳手续费才能解冻": with 才, also past a comma (a wallet's own fee, "支付网络手续费后交易即可到账",
  // "需要支付足够的手续费才能到账", is no such demand: 手续费 only before an unlocking).
  /(?:支付|缴纳|交纳|缴|交|付|转|充值|先交|先付)[^，,。]{0,14}?(?:解冻费|解冻金|激活费|激活金|验证费|认证费|保证金|解封费|提现税|个人所得税|税费|税|押金)[^。]{0,12}?才(?:能|会|可以)(?:解冻|激活|提现|恢复|解锁|解封|到账|放行)|(?:支付|缴纳|交纳|交|付|先交|先付)[^，,。]{0,14}?手续费[^。]{0,12}?才(?:能|会|可以)(?:解冻|解锁|解封|放行|激活)/,
  // 需补交500 USDT才能恢复提现功能, 先交0.05 BTC保证金 (red-team review).
  /(?:补交|补缴|先交|先付)\s*\d[\d.,]*\s*(?:%|[A-Za-z]{2,5})?[^。]{0,8}?(?:才能|才会|才可以|即可|就能)(?:恢复|解冻|激活|提现|解锁|解封|到账|放行)|(?:补交|补缴|先交|先付|缴纳|支付|充值)[^。]{0,8}?(?:保证金|税|押金|解冻费|激活费|验证费|认证费|解封费)[^。]{0,8}?(?:才能|才会|才可以|即可|就能)(?:恢复|解冻|激活|提现|解锁|解封|到账|放行)|先(?:交|付|缴)[^。，,]{0,12}?(?:保证金|押金)/,
  // 支付网络手续费到客服地址: a fee paid to someone's address.
  /(?:支付|缴纳|转|付)[^。]{0,10}?(?:费|税|保证金)[^。]{0,4}?到(?:客服|我们|专员|工作人员|聊天里|工单里|对话里)的?(?:地址|钱包|[账帐]户)|充值(?:来|以)?激活(?:账户|钱包|[账帐]号)/,
  /(?:支付|缴纳|交纳|交|付|转|充值)(?:[^，,。]{0,8}的)?(?:解冻费|解冻金|激活费|激活金|验证费|认证费|解封费)/,
  /(?:购买|买|充值)[^，,。]{0,6}?(?:礼品卡|购物卡|游戏卡|点卡|充值卡|苹果卡|京东\s*E?卡|超市卡|加油卡|话费卡|Steam\s*卡|iTunes\s*卡|Google\s*Play\s*卡|E卡)[^。]{0,12}?(?:卡密|卡号|发给|告诉|拍)|用(?:礼品卡|购物卡|游戏卡|点卡|充值卡|苹果卡|京东\s*E卡|E卡)(?:来)?(?:支付|付|缴|交)/i,
];
const ZH_CONNECT_WALLET = /(?:连接|连到|授权|同步|验证)(?:你的|您的)?钱包(?:到|至|给|在)[^，,。]{0,8}?(?:网站|网页|链接|平台|DApp)(?![^，,。]{0,4}前)|把(?:你的|您的)?钱包(?:连接|连|授权)(?:到|至|给)[^，,。]{0,8}?(?:网站|网页|链接|平台|DApp)|打开[^，,。]{0,6}?(?:链接|网站|网页|DApp)[^。]{0,10}?(?:连接|授权)钱包|(?:确认|批准|同意|通过|签名)(?:一下)?(?:弹出的|我们发送的|客服发送的|客服发的)?(?:代币)?(?:授权|签名|消息|请求)(?![前后])[^。]{0,12}?(?:退款|补偿|资金|退回|领取)|(?:签名|确认|批准)(?:我们|客服)(?:发送|发)的(?:验证)?(?:消息|授权|请求)|用钱包扫(?:描)?(?:客服|我们)(?:发|发送|提供)的二维码|在[^，,。]{0,6}?(?:DApp|网站|网页|链接)(?:里|中|上)(?:连接|授权)钱包|钱包扫(?:码|二维码)(?:授权|验证|连接)/i;
/**
 * A secret named, then read out later in the sentence, by 它 or with the object left out as Chinese often does: "拿出助记词，
 * 念给我们听", "找到助记词后，把它念出来" (QA: hostile review). 念 is reading aloud; 读 alone ("读一遍纸上的单词") may be to
 * oneself, so it counts only read out (读出来) or to someone (读给客服听). Another object with 把 in between is what is read.
 */
const ZH_SPOKEN_LATER = new RegExp(`(${ZH_SECRET})([^。把将]{0,24}?(?:[把将](?:它们?|(?:屏幕|纸|卡片?)上的(?:单词|词|内容|数字)))?[^。把将，,]{0,4}?)(?:(?:念|读|报)出|(?:念|读|报|说)(?:出来|给[^，,。]{0,8}?听|给(?:我们|客服|我|工作人员|对方|来电者))|(?:念|报)(?:一遍|一下|给))(?!给?[了过])`);
const ZH_SPEAKS = /[念读报说]/;
/** What might happen, not what to do: "如果把助记词念出来", "助记词念出来就会被盗". */
const ZH_WHAT_IF = /一旦|如果|假如|万一|要是|若/;
const ZH_CONSEQUENCE = /^[^。，,]{0,4}?(?:就|会|便|可能|等于)/;
const ZH_PAST_QUESTION = /[了过](?:吗|没有?)\s*$/;
/** Negations and descriptions (what a scammer demanded, did, or what the caller did already). */
const ZH_NOT_A_REQUEST = /不|别|勿|没|禁止|拒绝|卸载|索要|(?:有人|对方|骗子|客服|他们|对方客服)说|凡是|骗|冒充|假冒|诈骗|要求你|(?<!需)要你|叫你|让你|(?:有人|对方|陌生人|骗子|他人|别人)(?:让|要求|叫|要)|(?:会|将|可能会)(?:向(?:你|您|来电者|用户|他|她)(?:的[^，,。]{0,6})?)?发送|向(?:你|您)(?:的[^，,。]{0,6})?发送|发(?:送)?到(?:你|您)的|是否|有没有|已经|刚刚|曾经|所谓|留意|当心|小心|警惕/;
/**
 * Words that calm or explain, not negate: "不用担心", "别着急", "不要挂断电话", "这不是诈骗", "为防止诈骗". Scam scripts open with
 * them ("不用担心，请把助记词发给客服", QA: hostile review), so they turn nothing after them into a warning.
 */
const ZH_REASSURANCE = /(?:不用|不必|无需|别|不要|请勿|千万别)(?:太)?(?:担心|着急|急|慌|害怕|怕|紧张|挂断(?:电话)?|挂电话)|这(?:不是|并非)(?:诈骗|骗局)|(?:为了?)?(?:防止|避免|以防|防范)(?:被)?(?:诈骗|被骗|骗)/g;
/**
 * What looks like a negation and is none: 别 and 不 inside words (识别码, 特别, 不同步, 不到账), and 刚刚/已经 telling how the
 * secret came ("刚刚收到的验证码", "已经备份好的助记词"); 索要 after 请 is the instruction itself ("请向来电者索要…").
 */
const ZH_NO_NEGATION = /[识特区分告级类鉴甄辨离]别|别(?=人)|没(?=到账|收到|成功|反应|显示)|不(?=同步|到账|足|了(?![。，,]|$)|成功|显示|一致|上|进去|稳定|正常|可用|能用)|(?:已经|刚刚|刚才|曾经)(?=收到|备份|设置|保存|写下|记下|抄下|拿到|获取|生成|绑定)|(?<=请(?:你|您)?(?:向|跟|找)(?:来电者|用户|客户|对方|他|她))索要/g;
/** Staff asking: "客服要求你", "工作人员让你", "我们需要你". */
const ZH_STAFF_ASKS = /(?:客服|我们|工作人员|专员|工程师|技术人员|技术员|平台|官方)(?:会|将|需要)?(?:要求|让|叫)(?:你|您)/g;
/** Words that make staff asking a case told of: "如果", "冒充", "骗", "有人". */
const ZH_CASE_TOLD = /如果|假如|万一|要是|若|冒充|假冒|骗|有人|对方|陌生人|不会|从不|绝不/;
/** A scam told of before 请 (see negatedZh). */
const ZH_SCAM_BEFORE = /骗|冒充|假冒|所谓|有人|对方|陌生人|别人|他人/;
/** A request that is part of a "who": "不要相信请你把助记词发给客服的人". */
const ZH_WHO_DOES = /^[^。，,]{0,4}?的(?:人|客服|电话|消息|短信|网站|链接|要求|话术|都是)/;
/** A negation that reaches past a comma into the clause after it: "不要以“找回资金”为由，把助记词…交给任何人". */
const ZH_NEGATION_CARRIES = /(?:不要|不得|不能|禁止|切勿|请勿|勿|别)以[^，,]{0,16}?(?:为由|理由|名义)/;
/** What someone else does or asks, said before a request in the same sentence: "有人冒充客服，要求提供验证码" tells of the scam. */
const ZH_DESCRIBED = /骗|冒充|假冒|索要|要求你|(?<!需)要你|叫你|让你|(?:有人|对方|陌生人|骗子|他人|别人)(?:让|要求|叫|要)|是否|有没有|所谓|留意|当心|小心|警惕/;
/** A clause that starts an instruction of its own ("请…"): what the clauses before it say does not make it a warning. */
const ZH_NEW_INSTRUCTION = /^\s*(?:请|麻烦(?:你|您)?|(?:你|您)?只需)/;
/** What sharing a secret leads to, said right after it: "把助记词发给任何人都有风险", "…就会被盗" is a statement, not a request. */
const ZH_HARM_AFTER = /^[^。，,]{0,8}?(?:都(?:是|有|会)|就会|会(?:被|导致|让)|可能(?:会|被|导致)|等于|是(?:危险|诈骗|骗局)|有风险|很危险|非常危险)/;

/**
 * Whether what stands before a request in a Chinese sentence (the match from `start` to `end`) makes it a warning or a
 * description. Read in its own clause: a negation in an earlier clause ("不用担心，", "如果没有到账，", "客服已经…，")
 * governs what that clause says, not the request after the comma; only a negation said to reach past it (不要以…为由，…)
 * does, and a scam told of before ("有人冒充客服，要求提供验证码"), unless the request starts anew with 请.
 */
function negatedZh(sentence: string, start: number, end: number): boolean {
  const blank = (m: string) => ' '.repeat(m.length);
  let calm = sentence.replace(ZH_REASSURANCE, blank).replace(ZH_NO_NEGATION, blank);
  // Staff asking in the flow's own words ("客服要求你把助记词发给专员") is the flow asking, unless told of as a case or a scam.
  if (!ZH_CASE_TOLD.test(calm.slice(0, start))) calm = calm.replace(ZH_STAFF_ASKS, blank);
  const clauseStart = Math.max(calm.lastIndexOf('，', start - 1), calm.lastIndexOf(',', start - 1), calm.lastIndexOf('：', start - 1)) + 1;
  // 请 starts the instruction: what stands before it in the clause ("充值不到账的请…", "钱包不同步时请…") tells when, and makes
  // no warning of it, unless it tells of a scam (red-team review).
  const lead = calm.slice(clauseStart, start);
  const please = lead.lastIndexOf('请');
  const from = please > 0 && !ZH_SCAM_BEFORE.test(lead.slice(0, please)) ? clauseStart + please : clauseStart;
  if (ZH_NOT_A_REQUEST.test(calm.slice(from, end)) || ZH_HARM_AFTER.test(calm.slice(end)) || ZH_WHO_DOES.test(calm.slice(end))) return true;
  if (clauseStart === 0) return false;
  const before = calm.slice(0, clauseStart);
  return ZH_NEGATION_CARRIES.test(before) || (ZH_DESCRIBED.test(before) && !ZH_NEW_INSTRUCTION.test(calm.slice(clauseStart)));
}

let rules: ReturnType<typeof enRules> | undefined;
const ZH_SECRET_NAMED = new RegExp(ZH_SECRET);

/**
 * A secret named in an item of what to have ready for support (an outcome's `prepare`): there,
 * naming it is asking for it ("Your 12-word recovery phrase, to confirm ownership"), unless the
 * item says not to ("your account ID (never your password)").
 */
export function findSecretMention(item: string): AskedSecret | undefined {
  const text = asWords(asRead(item));
  rules ??= enRules();
  for (const { kind, named } of rules) {
    const m = named.exec(text);
    if (m && !negatedEn(text.slice(0, m.index))) return kind;
  }
  const zh = ZH_SECRET_NAMED.exec(text);
  if (zh && !ZH_NOT_A_REQUEST.test(text.slice(0, zh.index))) return zhKindOf(zh[0]);
  return undefined;
}

/** The first request for a secret or for remote access in a text. */
export function findRequest(text: string): RequestKind | undefined {
  if (!SECRET_WORDS.test(text)) return undefined;
  rules ??= enRules();
  // Quotes and emphasis around a word ('send us your "recovery phrase"', "**seed phrase**") change nothing a reader
  // takes in; nor does an English sentence broken over two lines ("send us your⏎recovery phrase"), where the next line
  // goes on in lower case (a line that starts anew, as after a warning, is not joined to it).
  // A question answered no at once ("Download the support app from the link in your e-mail? Never: we have none.", "…才能提现？不是，…")
  // asks nothing: it is the question an FAQ puts in order to say no (false-alarm review).
  const joined = text.replace(/["“”«»*`]/g, '').replace(/([^.;!?:\n])[ \t]*\n[ \t]*(?=[a-z])/g, '$1 ');
  const plain = asAgentHears(/[?？]/.test(joined) ? joined.replace(ANSWERED_NO, ' ') : joined);
  let previous = '';
  const sentences = plain.split(SENTENCE);
  for (const [at, sentence] of sentences.entries()) {
    // "Turn off 2FA. The agent will then restore access.": the one it is for, said in the sentence after (red-team review).
    if (at > 0 && weakenedThenActed(sentences[at - 1]!, sentence)) return 'weaken-security';
    // "Turn on screen recording, then open the app; the agent will watch." (review): recorded, and watched in the next sentence.
    if (at > 0 && RECORDING_STARTED.test(sentences[at - 1]!) && WATCHED_LIVE.test(sentence) && !negatedEn(sentences[at - 1]!) && !negatedEn(sentence)) return 'remote-access';
    // "Our team has prepared a new secure wallet for you. Send your assets there now." (red-team review).
    if (at > 0 && EN_STAFF_PREPARED.test(sentences[at - 1]!) && EN_MOVED_THERE.test(sentence) && !negatedEn(sentence) && !/\b(?:if\s+you\s+(?:want|like|wish)|only\s+if)\b/i.test(sentence)) return 'move-funds';
    const clauses = sentence.split(CLAUSE);
    let found: RequestKind | undefined;
    for (let i = 0; i < clauses.length && !found; i++) found = findEnglishRequest(clauses[i]!, clauses, i);
    found ??= findEnglishReference(sentence) ?? findChineseRequest(sentence);
    // A secret named in one sentence and given away by "it" in the next: "Have your recovery phrase ready. Then read
    // it out to the agent." (QA: hostile review), "准备好助记词。然后把它念出来。" Read as one sentence, warnings included.
    if (!found && previous !== '' && BACK_REFERENCE.test(sentence)) found = findEnglishReference(`${previous}, ${sentence}`, previous.length + 2) ?? findChineseSpoken(`${previous}，${sentence}`);
    // "Keep your recovery phrase next to you; the agent will ask you to read a few of the words" (red-team review).
    found ??= findWordsBack(previous, sentence);
    // "Add our specialist, Mr Wang, on WeChat": a name between commas splits the clause the rule reads (review).
    if (!found && sentence.includes(',') && EN_MESSAGING_NAMED.test(sentence)) {
      const joined = sentence.replace(APPOSITIVE, ' ');
      const m = EN_PRIVATE_CONTACT.exec(joined);
      if (m && !negatedAt(joined, m.index, m.index + m[0].length) && !EN_LISTED.test(joined)) found = 'private-contact';
    }
    if (found) return found;
    previous = sentence;
  }
  return undefined;
}
/**
 * Agent wording, as the agent hears it: after "Ask the caller to …" (请来电者…), "you" is the agent, who receives what the
 * caller gives ("Ask the caller to tell you their recovery phrase" passed every rule, which read "you" as the user; red-team
 * review). Said as "the agent" (客服), every rule reads such a text as it reads one naming the agent.
 */
function asAgentHears(text: string): string {
  const en = AGENT_ASKS_EN.exec(text) ?? AGENT_ASKS_THEM.exec(text);
  const zh = AGENT_ASKS_ZH.exec(text);
  let out = text;
  if (en) out = out.slice(0, en.index + en[0].length) + out.slice(en.index + en[0].length).replace(/\byou\b/gi, 'the agent').replace(/\byour\b/gi, "the agent's");
  // The caller's own ("他的密码") is then the one asked for, as "你的" is in a text to the user.
  if (zh) out = out.slice(0, zh.index + zh[0].length) + out.slice(zh.index + zh[0].length).replace(/[你您](?!们)/g, '客服').replace(/[他她](?=的|收到|手里|手上)/g, '你');
  return out;
}
const AGENT_ASKS_EN = /\b(?:ask|have|get|tell|let|invite|request|help|walk)\s+(?:the\s+)?(?:caller|customer|client)\b/i;
/** "… the caller …; ask them to repeat it to you": the caller named before, then "them". */
const AGENT_ASKS_THEM = /\bthe\s+caller\b[^]*?\b(?:ask|have|get|tell)\s+(?:them|him|her)\s+to\b/i;
// Not someone else having the caller do it ("如果有人让来电者…", "陌生人让他安装的…"), which tells of a scam.
const AGENT_ASKS_ZH = /(?<!有人|对方|陌生人|骗子|他人|别人|谁)(?:请|让|叫|要求|引导|指导)(?:来电者|来电客户)/;

/** A screen recording started (not one made of an error to attach to a ticket, which names no one watching). */
const RECORDING_STARTED = new RegExp(String.raw`\b${EN_RECORDING}\b|(?:开启|打开|开始)[^，,。]{0,8}?(?:屏幕录制|录屏)`, 'i');
/** Staff watching or guiding as it happens, said in the sentence after. */
const WATCHED_LIVE = /^\s*(?:then\s+)?(?:we|I|support|(?:the|our)\s+(?:[\w-]+\s+)?(?:agent|engineer|technician|specialist|team|staff))\s+(?:will|'ll|can)\s+(?:then\s+)?(?:watch|guide|walk\s+you|follow\s+along|see\s+(?:it\s+)?live)\b|^\s*(?:然后)?(?:专员|客服|工作人员|技术人员|工程师|我们)(?:会|将|可以)?(?:在线|远程|实时|同步)?(?:指导|查看|观看|看着)/i;

/** A protection turned off in one sentence, and someone else acting in the next ("… The agent will then restore access."). */
function weakenedThenActed(before: string, sentence: string): boolean {
  // Turned off for a moment and on again, or given up for a stronger factor, it is the user's own change (false-alarm review).
  if (/\b(?:back\s+on|on\s+again|re-?enable)\b/i.test(before) || EN_STRONGER.test(before)) return false;
  if (EN_SAFEGUARD_NAMED.test(before) && EN_STAFF_ACTS_NEXT.test(sentence)) {
    const m = EN_WEAKEN.exec(before) ?? EN_WEAKENED.exec(before);
    if (m && !negatedEn(before.slice(0, m.index + m[0].length).replace(/anti-?phishing/gi, 'anti-spoofing'))) return true;
  }
  const zh = ZH_STAFF_ACTS_NEXT.test(sentence) ? ZH_WEAKEN.exec(before) : null;
  return zh !== null && !negatedZh(before, zh.index, zh.index + zh[0].length);
}

/** Staff having set up a wallet or account for the user: where "there" then points. */
const EN_STAFF_PREPARED = /\b(?:we|support|(?:the|our)\s+(?:[\w-]+\s+)?(?:team|agent|engineer|specialist|department))\s+(?:has|have|'ve)?\s*(?:prepared|created|set\s+up|opened|made|generated)\s+(?:a|an|the)\s+(?:new\s+)?(?:safe|secure|protected|safety|holding|escrow|cold|temporary|backup|recovery)\s+(?:[\w-]+\s+)?(?:wallet|account|address|vault)\b/i;
const EN_MOVED_THERE = new RegExp(String.raw`\b(?:transfer|move|send|withdraw)\s+${EN_FUNDS}\s+(?:there|to\s+it|into\s+it)\b`, 'i');
/** A sentence asked as a question and answered no right after it (read only in a text with a question mark). */
const ANSWERED_NO = /(?<=^|[.!?。！？\n]\s*)[^.!?。！？\n]*[?？]\s*(?=(?:No|Never|Not\s+at\s+all|Nope)\b|不是|不会|不用|不需要|没有|不对|不可以)/g;
/**
 * The words, digits or characters of a secret named before, in the sentence or the one before it, pointed back to ("Keep
 * your recovery phrase next to you; the agent will ask you to read a few of the words", "… for the third and fifth
 * words"): the sentence read again with the secret named there, by every rule.
 */
function findWordsBack(previous: string, sentence: string): RequestKind | undefined {
  const back = BACK_NOUN.test(sentence) ? WORDS_BACK.exec(sentence) : null;
  // Digits that say whose they are ("the last four digits of your phone number") point back to nothing; the last four of a
  // card or an account are what support checks, not the secret (review).
  if (!back || /^\s+(?:of|from|in|on)\b/i.test(sentence.slice(back.index + back[0].length)) || /\blast\s+(?:four|4)\s+digits\b/i.test(back[0])) return undefined;
  const before = `${previous}, ${sentence.slice(0, back.index)}`;
  // The nearest secret named before it.
  let name: string | undefined;
  let at = -1;
  for (const { namedAll } of rules!) {
    for (const m of matchesOf(namedAll, before)) {
      if (m.index > at) [name, at] = [m[0], m.index];
    }
  }
  if (name === undefined) return undefined;
  const again = `${sentence.slice(0, back.index)}${back[1] ?? ''}the ${name}${sentence.slice(back.index + back[0].length)}`;
  const clauses = again.split(CLAUSE);
  for (let i = 0; i < clauses.length; i++) {
    const found = findEnglishRequest(clauses[i]!, clauses, i);
    if (found) return found;
  }
  return findEnglishReference(again);
}
/** The nouns WORDS_BACK ends with: a cheap test first (its leading words make V8 try it at every word of a sentence). */
const BACK_NOUN = /word|digits|characters|numbers/i;
/** "the words", "a few of the words", "the third and fifth words", "the 6 digits": what findWordsBack reads as a secret named before. */
const WORDS_BACK = /\b((?:each|all|some|any|a\s+few|one|two|three|four|several)\s+of\s+)?(?:(?:the|those|these)\s+(?:(?:first|last|next|\d+(?:st|nd|rd|th)?|\w+(?:st|nd|rd|th)|twelve|twenty[- ]four|two|three|four|five|six|eight|and|or|&)\s+){0,4}(?:words?|digits|characters|numbers)|words?\s+(?:number\s+)?(?:#?\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?:\s*(?:,|and|&)\s*(?:#?\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))*)\b/i;

/** A word that points back to something named before: "it", "them", 它. */
const BACK_REFERENCE = /\b(?:it|them)\b|它/i;


/** A request in one clause of a sentence (`clauses[at]`); the clauses before it say what it is doing (EN_RESTORING). */
function findEnglishRequest(clause: string, clauses: readonly string[], at: number): RequestKind | undefined {
  // "If someone asks you to send a test transaction, or to pay a fee to release your funds, …": the list goes on with the scam told of.
  if (at > 0 && /^\s*(?:or|and|nor)\s/i.test(clause) && EN_SCAM_TOLD.test(clauses.slice(0, at).join(', '))) return undefined;
  const leads = new Map<RegExp, boolean>();
  for (const { kind, named, rules: ofKind } of rules!) {
    if (!named.test(clause)) continue;
    for (const { rule, typing, lead } of ofKind) {
      // The leads are the same for every secret: each is tested once a clause.
      let hit = leads.get(lead);
      if (hit === undefined) leads.set(lead, (hit = lead.test(clause)));
      if (!hit) continue;
      const m = rule.exec(clause);
      if (!m || negatedAt(clause, m.index, m.index + m[0].length) || EN_NO_ONE.test(clause.slice(m.index + m[0].length))) continue;
      const after = clause.slice(m.index + m[0].length);
      // A button's name ("Tap Send verification code"), and a fact told about a secret ("Tell the caller the code expires
      // after 10 minutes", "… their password must be 8 characters or more") ask for nothing.
      if (BUTTON_LEAD.test(clause.slice(0, m.index)) || (typing === 'no' && FACT_ABOUT.test(after))) continue;
      // "We will send a verification code to your e-mail": the provider sending one, which asks nothing of anyone.
      if (PROVIDER_SENDS.test(clause.slice(0, m.index)) && /^(?:send|text|e-?mail|sms|message)\b/i.test(m[0])) continue;
      if (typing === 'no') return kind;
      const before = () => [...clauses.slice(0, at), clause.slice(0, m.index)].join(', ');
      // What the caller is asked to confirm or show ("Ask the caller to confirm the 12 words") is confirmed to the agent.
      // ("Ask the caller to check that the recovery phrase is still on their paper" has them look, and say nothing of it.)
      // (Only confirming, spelling, reading or showing it: keeping or storing it stays the caller's; nor "confirm their new
      // password works", a fact about it, nor at a place of their own: review.)
      if ((typing === 'for-someone' || typing === 'shown') && CALLER_TELLS.test(m[0]) && !FACT_ABOUT.test(after) && !/^\s+(?:works?|arrives?|still|matches|opens)\b/i.test(after) && !EN_CALLER_OWN.test(after) && CALLER_ASKED.test(before())) return kind;
      if (typing === 'for-someone' ? sentTo(after) : typing === 'shown' ? shownAway(kind, after, before) : typedAway(kind, m[0], after, before)) return kind;
    }
  }
  for (const rule of EN_FUNDS_NAMED.test(clause) ? EN_MOVE_FUNDS : []) {
    const m = rule.exec(clause);
    if (m && !negatedAt(clause, m.index, m.index + m[0].length) && !EN_YOURS.test(clause.slice(m.index + m[0].length))) return 'move-funds';
  }
  for (const rule of EN_PAY_NAMED.test(clause) ? EN_PAY_TO_UNLOCK : []) {
    const m = rule.exec(clause);
    if (m && !negatedAt(clause, m.index, m.index + m[0].length)) return 'pay-to-unlock';
  }
  const login = EN_PHISHING_LOGIN.exec(clause);
  if (login && !negatedEn(clause.slice(0, login.index + login[0].length))) return 'password';
  const approve = EN_APPROVE_FOR_SOMEONE.exec(clause);
  // Only on a site of the user's own choosing ("… only if you typed it yourself", "the dapp you opened") is how it is done safely.
  if (approve && !negatedEn(clause.slice(0, approve.index + approve[0].length)) && !EN_OWN_CHOICE.test(clause.slice(approve.index))) return 'connect-wallet';
  if (EN_CONNECT_NAMED.test(clause)) {
    const m = EN_CONNECT_WALLET.exec(clause);
    const after = m ? clause.slice(m.index + m[0].length) : '';
    // The place named in the sentence before it: "open the dapp you send them, connect their wallet and press Claim refund".
    if (m && !negatedAt(clause, m.index, m.index + m[0].length) && !/\b(?:only|before|when|if)\b/i.test(clause.slice(0, m.index)) && (sentTo(after) || EN_NAMED_PLACE.test(after) || EN_SENT_PLACE.test(clauses.slice(0, at).join(', ')))) return 'connect-wallet';
  }
  for (const rule of EN_REMOTE_NAMED.test(clause) ? EN_REMOTE : []) {
    const m = rule.exec(clause);
    if (m && !negatedAt(clause, m.index, m.index + m[0].length) && !EN_NO_ONE.test(clause.slice(m.index + m[0].length)) && !/\bonly\s+(?:if|when)\b/i.test(clause.slice(m.index))) return 'remote-access';
  }
  if (EN_SAFEGUARD_NAMED.test(clause) && weakenedFor(clause, clauses, at)) return 'weaken-security';
  // "Search for the support number on Google and call the first result": how fake support numbers reach people (CATALOG).
  const searched = EN_ENGINE_NAMED.test(clause) ? EN_SEARCH_CONTACT.exec(clause) : null;
  if (searched && !negatedAt(clause, searched.index, searched.index + searched[0].length)) return 'search-for-contact';
  const privately = EN_MESSAGING_NAMED.test(clause) ? EN_PRIVATE_CONTACT.exec(clause) : null;
  if (privately && !negatedAt(clause, privately.index, privately.index + privately[0].length) && !EN_LISTED.test(clause)) return 'private-contact';
  return undefined;
}

/**
 * Whether a clause has the account's protection turned off, or its e-mail or phone changed, for someone else: "Turn off
 * 2FA so our agent can restore access", "Ask the caller to disable the withdrawal allowlist", "Change your e-mail to the
 * one the agent gives you". Turning a second factor off for oneself ("disable SMS 2FA and use an authenticator app
 * instead") asks nothing of anyone, and passes; so does support resetting it after checking who the user is.
 */
function weakenedFor(clause: string, clauses: readonly string[], at: number): boolean {
  // "Anti-phishing" names the code, not a scam told of (EN_NOT_A_REQUEST reads "phishing" as one).
  const negated = (upTo: string) => negatedEn(upTo.replace(/anti-?phishing/gi, 'anti-spoofing'));
  const handed = EN_HANDED_CONTACT.exec(clause);
  if (handed && !negated(clause.slice(0, handed.index + handed[0].length))) return true;
  const asked = EN_STAFF_NEEDS.exec(clause) ?? EN_HANDED_SAFEGUARD.exec(clause);
  if (asked && !negated(clause.slice(0, asked.index + asked[0].length))) return true;
  const m = EN_WEAKEN.exec(clause) ?? EN_WEAKENED.exec(clause);
  if (!m || negated(clause.slice(0, m.index + m[0].length))) return false;
  // What happens when it is done, told ("If you disable 2FA, withdrawals are paused so that our team can check it",
  // "Disabling 2FA will lock withdrawals …"), and a weaker factor given up for a stronger one ("disable SMS 2FA, then set up
  // an authenticator app"), ask nothing for anyone (red-team review).
  const sentence = [...clauses.slice(0, at), clause].join(', ');
  if (/\b(?:if|when|whenever|once|after)\s+(?:you|they|the\s+caller|someone|anyone)\s+$/i.test(clause.slice(0, m.index)) || /^(?:turning|switching|disabling|deactivating|removing|deleting|unbinding|unlinking)\b/i.test(m[0]) || EN_STRONGER.test([sentence, ...clauses.slice(at + 1)].join(', '))) return false;
  // For whom: right after it ("… for the agent", "… to let us in"), or later in the sentence, someone else then acting
  // ("…, so that the agent can get in", "…, and our agent will do the rest"). Turning a factor off for oneself, or at an
  // agent's word to replace or remove what is bad ("Ask the caller to disable SMS 2FA and use an authenticator app"), asks
  // nothing for anyone (review: the agent's asking alone was taken for it).
  const after = clause.slice(m.index + m[0].length);
  const rest = [after, ...clauses.slice(at + 1)].join(', ');
  return EN_FOR_SOMEONE_NEXT.test(after) || EN_FOR_SOMEONE.test(rest) || EN_STAFF_WAITS.test(`${[...clauses.slice(0, at)].join(', ')} ${clause.slice(0, m.index)}`);
}
/** What keeps an account safe from someone else: a second factor, a withdrawal allowlist, an anti-phishing code. */
const EN_SAFEGUARD = String.raw`(?:(?:sms\s+|google\s+|e-?mail\s+|app\s+)?(?:2fa|mfa|2-?step(?:\s+verification)?|(?:two|2)[- ]?(?:factor|step)(?:\s+(?:authentication|verification|login|sign-?in))?|multi[- ]factor(?:\s+authentication)?|authenticator(?:\s+app)?|google\s+auth|authy|security\s+keys?|passkeys?|(?:login|sign-?in)\s+verification)|withdrawal\s+lock|security\s+lock|(?:withdrawal\s+|address\s+)?(?:whitelist|allowlist|allow\s+list)(?!\s+(?:address|addresses|entry|entries))|anti-?phishing\s+code|withdrawal\s+(?:lock|protection|delay)|security\s+(?:lock|protection))`;
/** The words of EN_SAFEGUARD and EN_HANDED_CONTACT: most clauses name none, and the rules are not run on them. */
const EN_SAFEGUARD_NAMED = /unbind|trusted\s+device|(?:withdrawal|security)\s+lock|2fa|mfa|2-?step|(?:two|2)[- ]?(?:factor|step)|multi[- ]factor|authenticator|google\s+auth|authy|verification|security|passkey|whitelist|allow\s*list|phishing|withdrawal|e-?mail|phone|mobile|number/i;
const EN_WEAKEN = new RegExp(String.raw`\bunbind(?:ing)?\s+(?:your\s+|the\s+|their\s+)?(?:phone(?:\s+number)?|mobile(?:\s+number)?|e-?mail(?:\s+address)?)\b|\b(?:turn(?:ing)?\s+off|switch(?:ing)?\s+off|disabl(?:e|ing)|deactivat(?:e|ing)|remov(?:e|ing)|delet(?:e|ing)|unbind(?:ing)?|unlink(?:ing)?)\s+(?:your\s+|the\s+|their\s+|its\s+|all\s+)?(?:account'?s?\s+)?${EN_SAFEGUARD}\b`, 'i');
/** "Turn 2FA off", "2FA must be disabled". */
const EN_WEAKENED = new RegExp(String.raw`\b(?:(?:turn|switch)\s+(?:your\s+|the\s+|their\s+)?${EN_SAFEGUARD}\s+off\b|${EN_SAFEGUARD}\s+(?:must|needs?\s+to|has\s+to|have\s+to|should|will\s+need\s+to)\s+be\s+(?:turned\s+off|switched\s+off|disabled|removed|deactivated)\b)`, 'i');
/** Someone the protection is turned off for: "so our agent can", "for the agent", "to let support in", "as the agent asks", "before we can". */
const EN_STAFF = String.raw`(?:we|i|support(?:\s+staff)?|customer\s+(?:service|support)|(?:the|our|an?)\s+(?:support\s+|security\s+|tech(?:nical)?\s+|recovery\s+|customer\s+)?(?:agents?|teams?|staff|technicians?|engineers?|specialists?|departments?|representatives?|reps?|advis[eo]rs?|officers?))`;
/** Someone else then acting, anywhere in the rest of the sentence: "…, so that the agent can get in", "…, and our agent will do the rest". */
const EN_FOR_SOMEONE = new RegExp(String.raw`\b(?:(?:so\s+(?:that\s+)?|then\s+|and\s+(?:then\s+)?|before\s+|until\s+)${EN_STAFF}\s+(?:can|could|will|'ll|may|is\s+able|are\s+able|is\s+going|are\s+going)\b|as\s+(?:${EN_STAFF}|the\s+caller)\s+(?:asks?|says?|instructs?|tells?|directs?|requests?)\b|as\s+(?:instructed|asked|directed|requested)\s+by\s+(?:us|${EN_STAFF})\b|${EN_STAFF}\s+will\s+(?:guide|walk|take\s+it|take\s+over|handle|log\s+in|access|fix|do)\b|while\s+${EN_STAFF}\s+(?:works?|is\s+working|checks?|fix(?:es)?|handles?|process(?:es)?|refunds?)\b|because\s+(?:our|the\s+agent's|support's)\s+(?:e-?mails?|messages?)\b|so\s+(?:that\s+)?the\s+(?:refund|compensation|reimbursement|payout)\s+(?:can|will)\b|so\s+(?:that\s+)?you\s+(?:can|will|'ll)\s+(?:receive|get|see|read|open)\s+(?:our|(?:the\s+)?(?:agent|support|team)'s)\s+(?:e-?mails?|messages?|letters?|notices?)\b)`, 'i');
/** Someone else waiting on it, said before it: "Before the agent can help, please disable 2FA", "Our team can only unlock the account after you …". */
const EN_STAFF_WAITS = new RegExp(String.raw`\bbefore\s+${EN_STAFF}\s+can\b|\b${EN_STAFF}\s+(?:can|will)\s+only\s+[\w\s'-]{0,40}?\b(?:after|once|when)\s+(?:you|the\s+caller)\s*$`, 'i');
/** Someone else acting, at the start of the sentence after: "The agent will then restore access", "Support will do the rest". */
const EN_STAFF_ACTS_NEXT = new RegExp(String.raw`^\s*(?:then\s+|after\s+that,?\s+|next,?\s+)?${EN_STAFF}\s+(?:will(?!\s+not\b|\s+never\b)|'ll|can(?!not|'t)|is\s+going\s+to|are\s+going\s+to|needs?\s+(?:it|this|them)\s+(?:off|disabled|removed|gone))\b`, 'i');
const ZH_STAFF_ACTS_NEXT = /^\s*(?:然后|之后|稍后|接着)?(?:我们|客服|工作人员|专员|技术人员|坐席)(?:这边)?(?:会|将|就会|就能|可以|才能)/;
/** A stronger factor set up in its place: "… and use an authenticator app instead". */
const EN_STRONGER = /\b(?:use|set\s+up|switch\s+to|move\s+to|add|turn\s+on)\s+(?:an?\s+|the\s+)?(?:authenticator(?:\s+app)?|security\s+key|passkey|hardware\s+key)\b/i;
/** A search engine, named: the search for a contact is read only then. */
const EN_ENGINE_NAMED = /google|bing|baidu|yahoo|duckduckgo|search\s+engine|the\s+(?:web|internet)|online|first\s+result|top\s+result/i;
/** Looking a support contact up on a search engine, or calling the first result (see CATALOG: advice we do not repeat). */
const EN_SEARCH_CONTACT = /\b(?:search|google|look\s+up|find)\s+(?:for\s+)?(?:the\s+|their\s+|your\s+|its\s+|a\s+)?["“]?(?:[\w'-]+\s+){0,3}?(?:support|customer\s+(?:service|support|care)|help\s*(?:line|desk)|hotline|(?:phone|contact|support|service)\s+numbers?|contact\s+details|contacts?)["”]?(?:\s+(?:number|line|phone|page))?\b[^.;]{0,40}?\b(?:(?:on|in|with|using|via|through)\s+(?:google|bing|baidu|yahoo|duckduckgo|a\s+search\s+engine|the\s+web|the\s+internet)|online)\b|\bgoogle\s+(?:the|their|your|its)\s+(?:[\w'-]+\s+){0,3}?(?:support|customer\s+service|hotline|help\s*line|phone\s+number|contact(?:\s+number)?)\b|\b(?:call|use|click|open|contact|dial)\s+(?:the\s+)?(?:first|top)\s+(?:search\s+)?result\b/i;
/** A messaging app or a QR code, named: the search for a staff member's own account is read only then. */
const EN_MESSAGING_NAMED = /wechat|whatsapp|telegram|\bline\b|signal|discord|skype|\bqq\b|viber|messenger|instagram|facebook|\bqr\b/i;
/**
 * A staff member's own messaging account, or a QR code from a ticket, an e-mail or a message to add one: "Add the
 * specialist on WeChat (the ID is in your ticket)", "Scan the QR code in the e-mail to chat with your account manager"
 * (red-team review). Support's contacts are the directory's channels, which users can verify; an account handed over
 * anywhere else is how people posing as support take a case over.
 */
const EN_PRIVATE_CONTACT = /\b(?:add|message|text|dm|contact|chat\s+with|reach|follow)\s+(?:the|our|your|a|an|this)\s+(?:[\w-]+\s+){0,2}?(?:specialist|agent|advis[eo]r|manager|staff\s+member|representative|rep|officer|engineer|technician|consultant|expert|case\s+handler)\s+(?:directly\s+|personally\s+|privately\s+)?(?:on|in|via|through|over|using)\s+(?:wechat|whatsapp|telegram|line|signal|discord|skype|qq|viber|messenger|instagram|facebook)\b|\badd\s+(?:the|our|your)\s+(?:[\w-]+\s+){0,2}?(?:specialist|agent|advis[eo]r|manager|representative|officer|engineer|technician|consultant|expert|handler)'s\s+(?:wechat|whatsapp|telegram|line|signal|discord|skype|qq|viber)\b|\bscan\s+(?:the\s+)?qr\s+code\s+(?:in|on|from|attached\s+to|at\s+the\s+(?:bottom|end)\s+of)\s+(?:the|your|our|this)\s+(?:ticket|e-?mail|sms|text|message|chat|attachment|letter|poster|flyer|dm)\b/i;
/** A few words between commas after a noun: a name or a title ("our specialist, Mr Wang, on WeChat"). */
const APPOSITIVE = /,\s*[^,.;:]{1,30},/g;
/**
 * The directory's own channels, pointed to: "Add the official account listed below on WeChat", "… the number shown in the
 * app". Not "official" alone, which every impostor says (review).
 */
const EN_LISTED = /\b(?:listed|shown)\s+below\b|\bbelow\b|\bdirectory\b|\b(?:shown|listed|given)\s+in\s+the\s+(?:official\s+)?app\b/i;
/** Someone else it is for, right after it: "… for the agent", "… to let us unlock the account", "… to allow our team in". */
const EN_FOR_SOMEONE_NEXT = new RegExp(String.raw`^\s*(?:(?:now\s+)?for\s+(?:us|me|${EN_STAFF})\b|(?:(?:in\s+order\s+)?to\s+|so\s+as\s+to\s+)?(?:let|allow|help|enable)\s+(?:us|me|${EN_STAFF})\b)`, 'i');
/**
 * A protection handed to someone else, which turns nothing off: "Add the address the agent gives you to your withdrawal
 * allowlist", "Set up 2FA with the setup key the agent gives you" (red-team review: an account taken over, not a setting).
 */
const EN_HANDED_SAFEGUARD = new RegExp(
  String.raw`\b(?:whitelist|allowlist)\s+(?:the|an?|this|that)\s+(?:[\w-]+\s+){0,2}?(?:address|wallet)(?:es)?\s+(?:that\s+|which\s+)?${EN_STAFF}\s+(?:will\s+)?(?:gives?|gave|provides?|provided|sends?|sent|shares?|shared|reads?\s+out)\b|\badd\s+(?:the|a|this)\s+(?:phone\s+number|number|e-?mail(?:\s+address)?)\s+(?:that\s+|which\s+)?${EN_STAFF}\s+(?:will\s+)?(?:gives?|gave|provides?|provided|sends?|sent|reads?\s+out)\b[^.;]*?\bas\b|\badd\s+(?:our|(?:the|our)\s+(?:agent|engineer|specialist|technician|team)'s)\s+(?:device|phone|computer|laptop)\s+as\s+a\s+trusted\s+device\b|\b(?:add|put|save|whitelist|allowlist)\s+(?:the|an?|this|that)\s+(?:[\w-]+\s+){0,2}?(?:address|wallet)(?:es)?\s+(?:that\s+|which\s+)?${EN_STAFF}\s+(?:will\s+)?(?:gives?|gave|provides?|provided|sends?|sent|shares?|shared|reads?\s+out)\b[^.;]*?\b(?:whitelist|allowlist|allow\s+list|address\s+book)\b|\b(?:set\s+up|add|link|bind|scan)\s+(?:your\s+|the\s+)?(?:2fa|authenticator(?:\s+app)?|google\s+authenticator|two[- ]factor(?:\s+authentication)?)\s+(?:with|using|from)\s+(?:the\s+)?(?:setup\s+key|secret\s+key|key|qr\s+code|code)\s+(?:that\s+|which\s+)?${EN_STAFF}\s+(?:will\s+)?(?:gives?|gave|provides?|provided|sends?|sent|shares?|shared)\b`,
  'i',
);
/** "We need you to disable 2FA", "The agent requires you to turn off the allowlist". */
const EN_STAFF_NEEDS = new RegExp(String.raw`\b${EN_STAFF}\s+(?:will\s+)?(?:needs?|requires?|wants?|must\s+have|asks?)\s+(?:you|the\s+caller)\s+to\s+(?:turn\s+off|switch\s+off|disable|deactivate|remove|delete|unbind|unlink)\s+(?:your\s+|the\s+|their\s+)?(?:account'?s?\s+)?${EN_SAFEGUARD}`, 'i');
/** An e-mail or phone of the account changed to one someone else gives: "Change your e-mail to the one the agent gives you". */
const EN_HANDED_CONTACT = new RegExp(
  String.raw`\b(?:change|changing|update|updating|switch|replace|set|bind|link|rebind|re-bind)\s+(?:your\s+|the\s+|their\s+)?(?:account'?s?\s+)?(?:(?:registered\s+|login\s+|sign-?in\s+|recovery\s+|linked\s+|bound\s+|contact\s+|account\s+)?(?:e-?mail(?:\s+address)?|phone(?:\s+number)?|mobile(?:\s+number)?|number)(?:\s+(?:on|of|for)\s+(?:your|the|their)\s+account)?|(?:your|the|their)\s+account)\s+(?:to|with|as|into)\s+(?:(?:the|a|an)\s+(?:new\s+)?(?:one|address|number|e-?mail(?:\s+address)?|phone(?:\s+number)?)\s+(?:(?:that\s+|which\s+)?${EN_STAFF}\s+(?:will\s+)?(?:give|gives|gave|provide|provides|provided|send|sends|sent|share|shares|shared|read|reads|dictate|dictates)\b|(?:given|provided|sent|shared|read\s+out)\s+by\s+(?:us|${EN_STAFF})\b|(?:in|from)\s+(?:the|our|this)\s+(?:chat|message|e-?mail|sms|text|ticket|call|dm)\b)|ours\b|(?:the\s+)?(?:agent|technician|specialist)'s\b|support's\b|our\s+(?:support\s+|security\s+|recovery\s+|verification\s+)?(?:e-?mail|address|number|phone))`,
  'i',
);

/**
 * A secret named in one clause and given away in another, by "it" ("Get your recovery phrase, then send it to us"), or
 * in the passive ("Your recovery phrase must be sent to the support team"): a sentence that names a secret and then
 * sends, shares or types it to someone or somewhere, or reads it out to whoever listens.
 */
function findEnglishReference(sentence: string, from = 0): RequestKind | undefined {
  for (const { kind, named } of rules!) {
    const m = named.exec(sentence);
    if (!m) continue;
    // Given away after the name, and from `from` on (two sentences read as one: in the second).
    const at = Math.max(m.index + m[0].length, from);
    const after = sentence.slice(at);
    // Read out, it goes to whoever listens: no one else needs to be named.
    const spoken = EN_SPOKEN.exec(after);
    // Given somewhere named in its own clause: "they should enter it in the app, not read it to us" types it in the app,
    // and says where not to give it (red-team review: "us", two clauses on, was taken for where it was typed).
    const given = spoken ?? firstOf(matchesOf(EN_GIVEN_ON_ALL, after), (g) => EN_DESTINATION.test(after.slice(g.index).split(/[,;]/)[0]!));
    if (!given) continue;
    const end = at + given.index + given[0].length;
    // Two sentences read as one: a negation of the first governs the first ("Without your recovery phrase, we can't refund
    // the fee. Please send it."), but a scam it tells of is what the second goes on about. In one sentence, a clause that
    // starts anew ("…, so send it to the agent") is read on its own; otherwise the whole sentence before it counts, as a
    // list under one negation does ("Never write it down, share it or photograph it").
    const clause = Math.max(sentence.lastIndexOf(',', at + given.index), sentence.lastIndexOf(';', at + given.index)) + 1;
    // A reason said first ("Since you already received the SMS code, read it out …") is no negation of the instruction after it.
    const negated = from > 0 ? negatedEn(sentence.slice(from, end)) || EN_SCAM_TOLD.test(sentence.slice(0, from)) : clause > 0 && (EN_NEW_INSTRUCTION.test(sentence.slice(clause)) || /^\s*(?:since|because|as|now\s+that)\b/i.test(sentence)) ? negatedEn(sentence.slice(clause, end)) : negatedEn(sentence.slice(0, end));
    if (!negated) return kind;
  }
  return undefined;
}
/**
 * "It" or "them" as the thing given, not the one given to: the end of the clause, or where it goes, how or when, after it
 * ("send it to us", "type them into the form", "share it now"). Followed by a noun or a verb, it is a person: "tell them to
 * call the security line", "tell them support never asks for it", "give them the number" (QA: the bundled agent wording).
 */
const EN_THE_THING = String.raw`(?=\s*(?:$|[,.;:!?)]|(?:to\s+(?:us|me|him|her|them|the|an?|our|your|this|that|any|some|support|whoever|anyone|someone)|out|aloud|over|back|across|in|into|on|onto|here|there|below|by|via|through|now|again|first|right|straight|directly|with|at|for|and|or|then|so|as|exactly|word|letter|digit|one)\b))`;
/** "send it", "share them", "type it in", "must be sent", "should be emailed": a secret named before, given away. */
const EN_GIVEN_ON = new RegExp(String.raw`\b(?:(?:${EN_SHARE}|${EN_SHOW}|${EN_TYPE}|${EN_SEND_TO})\s+(?:it|them)\b${EN_THE_THING}|(?:${EN_SHARE})\s+(?:the|those|these|all(?:\s+the)?|each\s+of\s+the)\s+(?:\d+\s+|twelve\s+|twenty[- ]four\s+|six\s+)?(?:words|numbers|digits)\b|(?:must|should|needs?\s+to|has\s+to|have\s+to|will|is\s+to|are\s+to)\s+be\s+(?:sent|given|shared|provided|e-?mailed|submitted|forwarded|uploaded|read\s+out|entered|typed|pasted|told)\b|\bis\s+required\b|\bare\s+required\b)`, 'i');
const EN_GIVEN_ON_ALL = new RegExp(EN_GIVEN_ON.source, 'gi');
/** The first of `items` that passes `test`. */
function firstOf<T>(items: Iterable<T>, test: (item: T) => boolean): T | undefined {
  for (const item of items) if (test(item)) return item;
  return undefined;
}

/**
 * Whether the rest of a clause names where a secret goes (EN_DESTINATION), leaving out how it came: "enter the code we
 * sent by e-mail on the sign-in screen" types it on the screen.
 */
function sentTo(after: string, destination: RegExp = EN_DESTINATION): boolean {
  return destination.test(after.replace(EN_HOW_SENT, ' '));
}
const EN_HOW_SENT = /\b(?:sent\s+)?(?:by|via|through|over|in\s+an?)\s+(?:e-?mail|sms|text(?:\s+message)?|message)\b|\b(?:sent\s+)?to\s+(?:your|their|his|her)\s+(?:(?:new|registered|account|own)\s+)?(?:e-?mail(?:\s+address)?|phone|inbox|number)\b|\bto\s+(?:confirm|verify)\s+(?:your|their|the)\s+(?:new\s+)?(?:e-?mail|phone|number)(?:\s+(?:address|number|change))?\b|\b(?:e-?mail|phone)\s+change\b/gi;

/** Telling someone how it went, after typing something: "… and tell you when it is done", "then let us know whether it worked". */
const EN_REPORT_BACK = /(?:,\s*|\s+)(?:and\s+|then\s+|and\s+then\s+)(?:tell|let|inform|update|say\s+to)\s+(?:us|me|the\s+agent|you|him|her|them|support)(?:\s+know)?\s+(?:when|whether|if|once|how|that|what(?!\s+(?:it|they|the\s+[\w-]+)\s+(?:is|are|was|were|says?)\b))\b.*$/i;

/** Agent wording that has the caller do something the agent hears or sees. */
const CALLER_TELLS = /^(?:confirm|spell|read|show|display)\b(?!\s+(?:that|whether|if)\b)/i;
/** What follows a secret that keeps it the caller's: a place of their own, or a check against their own backup. */
const EN_CALLER_OWN = /^\s+(?:(?:in|with|on|against)\s+(?:the|their|his|her|your)\s+(?:own\s+)?(?:app|app's|wallet|paper|backup|device|hardware\s+wallet|screen)|offline|on\s+paper)\b/i;
const CALLER_ASKED = /\b(?:ask|have|get|tell|let|invite|request)\s+(?:the\s+)?(?:caller|customer|client|user)\s+(?:to\s+)?$/i;
/** The provider as the one who sends, right before the verb: "we will", "the app then", "our system". */
const PROVIDER_SENDS = /\b(?:we|I|support|(?:the|your|our)\s+(?:app|bank|system|wallet|exchange|platform|provider)|our\s+(?:team|security\s+team))(?:'ll|\s+will|\s+may|\s+can|\s+then|\s+just|\s+also|\s+now|\s+first|\s+automatically)*\s+$/i;
const BUTTON_LEAD = /\b(?:tap|click|press|hit|select|choose)\s+(?:on\s+)?(?:the\s+)?$/i;
const FACT_ABOUT = /^\s+(?:must|is|are|should|expires?|has|have|needs?|can(?:not|'t)?|will|was|were|changes?|refresh(?:es)?|rotates?|renews?|lasts?)\b/i;

/**
 * "Read it out", "say them aloud", "by reading it out", "read out each word", "say the digits out loud": a secret named
 * before, spoken to whoever is listening (QA: hostile review, "Confirm your recovery phrase by reading it out" passed).
 * Reading it without "out" or "aloud" ("check it by reading it against your paper backup") may be to oneself, and passes.
 */
const EN_SPOKEN_VERB = String.raw`(?:read|reading|say|saying|spell|spelling|dictate|dictating|recite|reciting)`;
const EN_SPOKEN_PART = String.raw`(?:(?:the|each|every|all|all\s+the|its|their)\s+)?(?:(?:\d+|twelve|twenty[- ]four)\s+)?(?:words?|digits?|numbers?|characters?|letters?)`;
const EN_SPOKEN = new RegExp(String.raw`\b${EN_SPOKEN_VERB}\s+(?:(?:it|them|${EN_SPOKEN_PART})\s+(?:out|aloud)|(?:out|aloud)\s+${EN_SPOKEN_PART})\b`, 'i');

/**
 * Whether typing a secret of `kind` (`typed` the words that do it), with `after` the rest of the clause and `before`
 * the sentence up to it, gives it to someone (see EN_OWN_PLACE and EN_RESTORING). Writing it down is keeping it.
 */
function typedAway(kind: RequestKind, typed: string, rest: string, before: () => string): boolean {
  const keys = KEYS_TO_THE_WALLET.includes(kind);
  // "… in the app and tell you when it is done": how it went is told, not what was typed (red-team review: agent wording
  // reads "you" as the agent, and the agent was taken for where the password went).
  const after = rest.replace(EN_REPORT_BACK, '');
  // A password or a code is typed into a form or a page to log in: only a person or a message it goes to gives it away.
  if (sentTo(after, keys ? EN_DESTINATION : EN_PERSON_DESTINATION)) return true;
  if (!keys || EN_OWN_PLACE.test(after) || EN_WRITTEN_DOWN.test(typed)) return false;
  return !(EN_RESTORING.test(before()) && !EN_ELSEWHERE.test(after));
}

/**
 * A secret named, then given to staff later in the sentence with the object left out: "我们将向您发送一个验证码，收到后请立即
 * 告诉正在通话的专员" (red-team review). Telling them that it came ("告诉客服你已收到"), or how typing it went, tells nothing of it.
 */
const ZH_GIVEN_LATER = new RegExp(`(${ZH_SECRET})([^。把将]{0,24}?)((?:告诉|告知|转告|发给|报给|提供给)(?:正在通话的|在线的|当前的)?(?:客服|专员|工作人员|坐席|我们|技术人员|工程师))(?!给?[了过])(?!(?:你|您)?(?:已经?|是否|有没有)|一声|页面|余额|结果|什么|情况|进度|问题)`);
function findChineseGivenLater(sentence: string): RequestKind | undefined {
  const m = ZH_GIVEN_LATER.exec(sentence);
  if (!m) return undefined;
  const verb = m.index + m[1]!.length + m[2]!.length;
  const end = m.index + m[0].length;
  // Typed first ("在App里输入新密码，完成后告诉你"), what is told is how it went.
  // So is a change made first and reported done ("修改密码，完成后告诉你", "改完告诉你").
  if (ZH_NOT_A_REQUEST.test(m[2]!) || /输入|填写|填入|粘贴|导入|改|设置|重置|完成|做完|好了|好后/.test(m[2]!) || /(?:输入|填写|填入|粘贴|导入|修改|重置|设置|更改|设定)[^，,。]{0,5}$/.test(sentence.slice(0, m.index)) || negatedZh(sentence, verb, end) || ZH_WHAT_IF.test(sentence.slice(0, end)) || ZH_CONSEQUENCE.test(sentence.slice(end))) return undefined;
  return zhKindOf(m[1]!);
}

/** The digits "in it" after a message named earlier in the sentence: what findChineseRequest reads as the message's. */
const ZH_MESSAGE_BACK = /(短信|邮件)([^。！？!?]{0,16}?)(?:(?:里面|里边|里头|上面|其中)的|(?=那串|这串))(?=(?:那串|这串)?(?:(?:\d|六|四|八)位)?数)/;
/** The user's own address, named in the sentence (not one told to them: "报给你的地址"). */
const ZH_OWN_ADDRESS = /充值地址|收款地址|(?<![给诉报发])(?:你|您)(?:自己)?的(?:钱包)?地址|自己的(?:钱包)?地址/;
/** A negation that governs what comes after it in the sentence, past a comma: "不要…", "千万别…". */
const ZH_STRONG_NEGATION = /不要|不能|不可|(?<![识特区分告级类鉴甄辨离])别(?!人)|勿|禁止|千万|绝不|切勿/;
/** A site the user chose: "只…", "仅…", "你信任的", "你自己打开的". */
const ZH_OWN_CHOICE = /只|仅|(?:你|您)(?:自己)?(?:信任|打开|输入|认识|确认过)的/;

/** A secret named in a Chinese sentence, then read out ("把助记词念给客服听", "准备好助记词，把它念出来"). */
function findChineseSpoken(sentence: string): RequestKind | undefined {
  // Only a sentence with a verb of speaking can read a secret out (most have none: the long rule is not run on them).
  const spoken = ZH_SPEAKS.test(sentence) ? ZH_SPOKEN_LATER.exec(sentence) : null;
  if (!spoken) return undefined;
  const end = spoken.index + spoken[0].length;
  const upTo = sentence.slice(0, end);
  // Read where the reading is asked: with the secret in an earlier clause, that clause's own words ("系统会向来电者发送验证码，
  // 请让他收到后立即报给你") tell how it came; only a negation there ("不要把助记词…") still governs it.
  const verb = spoken.index + spoken[1]!.length + spoken[2]!.length;
  const apart = /[，,]/.test(spoken[2]!);
  const negated = apart ? negatedZh(sentence, verb, end) || ZH_STRONG_NEGATION.test(sentence.slice(0, verb)) : negatedZh(sentence, spoken.index, end);
  if (negated || ZH_WHAT_IF.test(upTo) || ZH_CONSEQUENCE.test(sentence.slice(end))) return undefined;
  return zhKindOf(spoken[1]!);
}

/**
 * Whether showing a secret of `kind` shows it to someone: a password revealed as it is typed stays the user's, and so
 * does a phrase shown in the app's settings ("Go to Settings > Security > Show recovery phrase").
 */
function shownAway(kind: RequestKind, after: string, before: () => string): boolean {
  return sentTo(after) || (KEYS_TO_THE_WALLET.includes(kind) && !EN_OWN_PLACE.test(after) && !EN_OWN_VIEW.test(after) && !/\bsettings\b/i.test(before()));
}

function findChineseRequest(text: string): RequestKind | undefined {
  if (!/[\u4e00-\u9fff]/.test(text)) return undefined;
  // "收到短信后，把里面的数字念给你": the digits in it are the message's, read as "短信里的数字" (red-team review).
  const sentence = /短信|邮件/.test(text) ? text.replace(ZH_MESSAGE_BACK, '$1$2$1里的') : text;
  // A question about what happened ("你把助记词告诉别人了吗") asks what was done, not for the secret.
  if (ZH_PAST_QUESTION.test(sentence)) return undefined;
  for (const { rule, typing } of ZH_RULES) {
    const m = rule.exec(sentence);
    if (!m || negatedZh(sentence, m.index, m.index + m[0].length)) continue;
    const kind = zhKindOf(m[0]);
    // A button's name ("点击发送验证码") asks for nothing; nor does a code sent to the user's own phone ("把验证码发到你的新手机号").
    if (/(?:点击?|轻点|按)\s*$/.test(sentence.slice(0, m.index))) continue;
    if (/发(?:送)?到$/.test(m[0]) && /^(?:你|您)的(?:新)?(?:手机|邮箱|号码|设备)/.test(sentence.slice(m.index + m[0].length))) continue;
    const keys = KEYS_TO_THE_WALLET.includes(kind);
    if (!typing) return kind;
    // "…，完成后告诉你是否登录成功": how it went is told, not what was typed (see EN_REPORT_BACK).
    const told = sentence.slice(m.index + m[0].length).match(ZH_REPORT_BACK);
    const where = told && !ZH_SECRET_NAMED.test(told[0]) && !/它/.test(told[0]) ? sentence.slice(0, sentence.length - told[0].length) : sentence;
    // Where it is typed is said in its own clause; how a code came ("等短信、邮件验证码到达") is no place it goes.
    const clause = where.slice(Math.max(where.lastIndexOf('，', m.index), where.lastIndexOf(',', m.index)) + 1).split(/[，,]/)[0]!.replace(ZH_HOW_SENT, '');
    if ((keys ? ZH_DESTINATION : ZH_PERSON_DESTINATION).test(clause) || (keys && !ZH_OWN_PLACE.test(where))) return kind;
  }
  const spoken = findChineseSpoken(sentence) ?? findChineseGivenLater(sentence);
  if (spoken) return spoken;
  for (const rule of ZH_MOVE_FUNDS) {
    const m = rule.exec(sentence);
    // To the user's own deposit or receiving address ("复制充值地址，把USDT转到这个地址") is how money is moved (false-alarm review).
    if (m && !negatedZh(sentence, m.index, m.index + m[0].length) && !ZH_OWN_ADDRESS.test(sentence)) return 'move-funds';
  }
  for (const rule of ZH_PAY_TO_UNLOCK) {
    const m = rule.exec(sentence);
    if (m && !negatedZh(sentence, m.index, m.index + m[0].length)) return 'pay-to-unlock';
  }
  const connect = ZH_CONNECT_WALLET.exec(sentence);
  // Only to a site of the user's own choosing ("请只把钱包连接到你信任的网站") is how it is done safely (red-team review).
  if (connect && !negatedZh(sentence, connect.index, connect.index + connect[0].length) && !ZH_OWN_CHOICE.test(sentence.slice(Math.max(0, connect.index - 4)).split(/[，,]/)[0]!)) return 'connect-wallet';
  for (const rule of ZH_REMOTE) {
    const m = rule.exec(sentence);
    if (m && !negatedZh(sentence, m.index, m.index + m[0].length)) return 'remote-access';
  }
  const searched = ZH_SEARCH_CONTACT.exec(sentence);
  if (searched && !negatedZh(sentence, searched.index, searched.index + searched[0].length)) return 'search-for-contact';
  const privately = ZH_PRIVATE_NAMED.test(sentence) ? ZH_PRIVATE_CONTACT.exec(sentence) : null;
  if (privately && !negatedZh(sentence, privately.index, privately.index + privately[0].length) && !ZH_LISTED.test(sentence)) return 'private-contact';
  const handed = ZH_HANDED_CONTACT.exec(sentence) ?? ZH_HANDED_SAFEGUARD.exec(sentence);
  if (handed && !negatedZh(sentence, handed.index, handed.index + handed[0].length)) return 'weaken-security';
  const weaken = ZH_WEAKEN.exec(sentence);
  // For someone else, said in the sentence: an agent asking the caller alone is no sign ("请来电者删除白名单中不认识的地址"; review).
  // (A weaker factor given up for a stronger one, 关闭短信验证后改用谷歌验证器, is no request; red-team review.)
  if (weaken && !negatedZh(sentence, weaken.index, weaken.index + weaken[0].length) && ZH_FOR_SOMEONE.test(sentence) && !ZH_STRONGER.test(sentence.slice(weaken.index))) return 'weaken-security';
  return undefined;
}

/** Looking a support contact up on a search engine (see EN_SEARCH_CONTACT): "在百度上搜索客服电话", "网上查一下官方热线". */
const ZH_SEARCH_CONTACT = /(?:百度|谷歌|Google|必应|搜索引擎|网上|浏览器|网页上)(?:里|上|中)?[^，,。]{0,4}?(?:搜索?|搜一下|查一下|查找|查询)[^，,。]{0,10}?(?:客服|热线|电话|联系方式|人工)|(?:打|拨打|联系)(?:搜索结果|搜到)(?:里|中)?的?(?:第一个|第一条|排名第一)/i;
/**
 * A staff member's own messaging account, or a QR code from a ticket or a message to add one (see EN_PRIVATE_CONTACT):
 * "添加专员微信，微信号见工单附件", "扫描工单里的二维码添加专属客服" (red-team review). Support in general (客服) only with the
 * account said to be elsewhere, not for an official account of the directory's.
 */
const ZH_PRIVATE_CONTACT = /(?:添加|加一下|加上|加)(?:一下)?(?:[^，,。\s]{0,8}?的)?(?:专属|私人|对接|官方)?(?:专员|经理|客服经理|老师|技术员|技术人员|顾问|工作人员|专属客服|对接人|负责人|工程师)(?:的)?(?:个人|私人)?(?:微信|企业微信|QQ|飞书|钉钉|Telegram|电报|WhatsApp|Line|好友)|(?:添加|加)(?:一下)?客服(?:的)?(?:个人|私人)?(?:微信|QQ|电报|WhatsApp|Telegram)(?=[^。]{0,16}?(?:见|在|看|查看)(?:工单|附件|短信|邮件|聊天|消息|私信))|扫(?:描)?(?:一下)?(?:工单|邮件|短信|聊天|消息|附件|图片|海报|传单|信件|私信)(?:里|中|上|内)?(?:的|附带的)?二维码|扫(?:描)?[^，,。]{0,12}?二维码[^，,。]{0,4}?(?:添加|加|联系)(?:专属|私人)?(?:客服|专员|经理|老师|顾问)/i;
/** What every rule of ZH_PRIVATE_CONTACT names: read only then (加 and 扫 start many words). */
const ZH_PRIVATE_NAMED = /微信|QQ|电报|飞书|钉钉|Telegram|WhatsApp|Line|好友|二维码/i;
/** The directory's own channels, pointed to ("添加下方列出的官方客服微信", a QR code on the app's own page); not 官方 alone, which every impostor says. */
const ZH_LISTED = /下方|下面|以下|列出|目录|App(?:首页|里|内|中|上)|APP(?:首页|里|内|中|上)|应用(?:首页|里|内|中)|“?联系我们”?页面/;
/** What keeps an account safe from someone else, in Chinese (see EN_SAFEGUARD). */
const ZH_SAFEGUARD = String.raw`(?:谷歌(?:身份)?验证(?:器)?|Google\s*(?:身份)?验证(?:器)?|谷歌(?=$|[\s，,。；;！!]|令牌)|GA(?![A-Za-z0-9])|二次验证|双重验证|两步验证|二步验证|双因素(?:认证|验证)|多重验证|身份验证器|短信验证|邮箱验证|安全验证|2FA|MFA|(?:提现|提币|地址)?白名单(?![中里上]|地址|条目)|防钓鱼码|安全锁|提现锁)`;
/** 关闭谷歌验证, 把提现白名单关掉. */
const ZH_WEAKEN = new RegExp(String.raw`解绑(?:你的|您的)?(?:手机号码?|邮箱|手机)|(?:关闭|关掉|停用|解除|取消|解绑|删除|删掉|移除)(?:掉)?(?:你的|您的|账户的?|账号的?|帐户的?)?${ZH_SAFEGUARD}|(?:把|将)(?:你的|您的)?${ZH_SAFEGUARD}(?:关闭|关掉|停用|解除|取消|解绑|删除|删掉|移除)`, 'i');
/** For whom: 以便客服处理, 配合工作人员, 客服才能. */
const ZH_FOR_SOMEONE = /(?:以便|方便|好让|以让|让|使|供|配合|按照?|根据|听从)(?:我们|客服(?!中心)|工作人员|专员|技术人员|工程师|技术员|对方|坐席)|(?:我们|客服|工作人员|专员|技术人员|工程师|技术员)(?:才能|才可以|就能|就可以|会帮)|(?:我们|客服)的(?:工程师|技术人员|技术员|专员|工作人员)(?:会|将)|(?:然后|之后|再由|再让|接着)(?:我们|客服|工作人员|专员|技术人员|工程师|技术员)|(?:我们|客服|工作人员|专员|技术人员|工程师|技术员)[^，,。]{0,6}?(?:需要|要求)(?:你|您)|(?:工程师|技术员|技术人员|专员|客服)需要[^，,。]{0,4}?才能|否则[^。]{0,8}?(?:收不到|看不到)(?:我们|客服|官方)的|(?:这样|以便|好让)[^。]{0,4}?(?:退款|补偿|资金)[^。]{0,8}?(?:才能|就能|能够|可以)|(?:接收|收到|收取|看到)(?:我们|客服|官方|工作人员)(?:发送|发来|发出)?的(?:邮件|消息|通知|短信)/;
/** The account's phone or e-mail changed to one someone else gives: 把绑定的手机号改成客服提供的号码. */
/** A stronger factor set up in its place (see EN_STRONGER): 改用谷歌验证器, 开启身份验证器. */
const ZH_STRONGER = /(?:改用|换成|改成|换用|开启|启用|设置|绑定)(?:谷歌验证器|谷歌身份验证器|身份验证器|验证器|安全密钥|通行密钥)/;
/** A protection handed to someone else: 请把客服提供的地址加入提现白名单, 请将客服发送的密钥添加到谷歌验证器中. */
const ZH_HANDED_SAFEGUARD = /(?:我们|客服|工作人员|专员|技术人员|对方)(?:提供|给出?|给你|给您|发来|发送|发给你|发给您|指定)的(?:钱包)?(?:地址|密钥|秘钥|二维码)[^，,。；;]{0,8}?(?:加入|添加到|添加进|加到|绑定到|扫入|导入|输入)(?:你的|您的)?(?:提现|提币|地址)?(?:白名单|谷歌验证器?|谷歌身份验证器|身份验证器|验证器)/;
const ZH_HANDED_CONTACT = /(?:我们|客服|工作人员|专员)(?:提供|给出?|给你|发来|发送|指定)的(?:手机号?码?|邮箱|号码)[^，,。]{0,8}?(?:设为|设置为|绑定为|作为|添加为)|(?:改成|改为|换成|换为|更换为|修改为|绑定为)(?:工单|聊天|对话|消息|短信)(?:里|中)的(?:邮箱|手机号?码?|号码)|(?:绑定|换绑|改绑)(?:到|为|成)(?:我们|客服|工作人员|专员|技术人员)的(?:手机|邮箱|号码|电子邮件)|(?:手机号?码?|邮箱|电子邮件|邮件地址|号码)[^，,。；;]{0,10}?(?:改成|改为|换成|换为|更换为|更换成|修改为|修改成|绑定为|绑定成|绑定到|换绑(?:到|为|成)?)(?:我们|客服|对方|工作人员|专员|技术人员)(?:提供|给出?|给你|给您|发来|发送|发给你|发给您|告诉你|指定)的|(?:绑定|换绑|改绑)(?:到|为|成)?(?:我们|客服|对方|工作人员|专员|技术人员)(?:提供|给出?|发来|发送|指定)的(?:手机|邮箱|号码|电子邮件)/;
