/**
 * What a check found, in words, for the line shown when it runs and for the summary of the case: the chains by
 * their names, a contact as it was typed with the official one it imitates and how. Made from the check's record
 * alone, so a case read back from the log is worded as it was shown.
 */
import { isUncomparable, type CheckRecord, type ConnectivityUnknown } from '../diagnosis/checks.js';
import { sentences, type Translate } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/messages.js';
import { safeText } from '../util/safe-text.js';
import { chainName, chainNames } from './chain.js';
import '../core.js';

/** The results of the measured checks that have words (`check.measured.*`). */
const MEASURED: ReadonlySet<string> = new Set(['ok', 'unstable', 'offline', 'unknown', 'confirming', 'confirmed', 'not-found', 'same', 'different', 'not-needed', 'given', 'missing-or-wrong', 'invalid']);

/** What a measured check found ("confirmed 6/6", "the address belongs to another chain: Ethereum (ETH) …"); a result it has no words for, as written. */
export function measuredText(t: Translate, r: Pick<CheckRecord, 'result' | 'detail' | 'chain'> & Partial<Pick<CheckRecord, 'reasons'>>): string {
  if (!MEASURED.has(r.result)) return safeText(r.result);
  if (r.result === 'invalid') {
    const problem = r.detail === 'checksum' || r.detail === 'format' ? t(`checkcmd.problem.${r.detail}`) : safeText(r.detail ?? '');
    return t('check.measured.invalid', { chain: chainName(t, r.chain ?? ''), problem });
  }
  const detail = r.result === 'different' && r.detail !== undefined ? chainNames(t, r.detail) : r.detail;
  const why = r.result === 'unknown' ? r.reasons?.find(isConnectivityUnknown) : undefined;
  return withMeasuredDetail(t, why ? UNKNOWN_MEASURED[why] : (`check.measured.${r.result}` as MessageKey), detail);
}

/** Why the provider's service was not reached though the device is online, in words (see ConnectivityResult). */
export const UNKNOWN_MEASURED = {
  'name-not-found': 'check.measured.unknown',
  refused: 'check.measured.unknownRefused',
  'no-answer': 'check.measured.unknownNoAnswer',
} as const satisfies Record<ConnectivityUnknown, MessageKey>;

function isConnectivityUnknown(reason: string): reason is ConnectivityUnknown {
  return Object.hasOwn(UNKNOWN_MEASURED, reason);
}

/**
 * A measured result with its detail: one in parentheses, as a record keeps the layer that failed or the proxy
 * it went through ("(tcp)", "(proxy host:port)"), is set aside the way the language writes an aside ("offline (tcp)",
 * "无法连接（tcp）"); another ("2/6", the chains) follows the words as the message places it.
 */
export function withMeasuredDetail(t: Translate, key: MessageKey, detail: string | undefined): string {
  const inner = detail?.match(/^\((.*)\)$/s)?.[1];
  if (inner === undefined) return t(key, { detail: detail ?? '' }).trim();
  const proxy = inner.match(/^proxy (.+)$/s)?.[1];
  return t('summary.aside', { text: t(key, { detail: '' }).trim(), aside: proxy === undefined ? inner : t('check.viaProxy', { proxy }) });
}

/** The reasons a look-alike imitates an official contact, as sentences (verify's and the check's): what could not be compared is no reason. */
export function lookalikeReasons(t: Translate, reasons: CheckRecord['reasons']): string[] {
  return reasons.flatMap((reason) => (isUncomparable(reason) || isConnectivityUnknown(reason) || reason === 'needs-area-code' ? [] : [t(`verify.reason.${reason}`)]));
}

/**
 * The line a contact check shows in a diagnosis, as `verify` says it: the contact as typed, and for a look-alike
 * the official contact it imitates and how; `provider` and `queue` name whose contact it is or imitates.
 */
export function contactCheckLine(t: Translate, r: CheckRecord, owner: { provider?: string; queue?: string }): string {
  const input = safeText(r.typed ?? r.input ?? '');
  const provider = safeText(owner.provider ?? '');
  switch (r.result) {
    case 'official':
      return t('check.result.official', { input, provider, queue: owner.queue ?? t('verify.website') });
    case 'lookalike':
      return sentences(t, t('check.result.lookalike', { input, official: safeText(r.imitates ?? ''), provider }), ...lookalikeReasons(t, r.reasons));
    case 'unknown':
      return t('check.result.unknown', { input });
    default:
      return t('check.result.not-given');
  }
}

/**
 * A check of the case in words, for the summary: `input` is how the typed or measured value is shown (a code span in
 * Markdown). A check the catalogue has no words for (a log from elsewhere) is written as its id and result.
 */
export function summaryCheckLine(t: Translate, r: CheckRecord, input: (text: string) => string): string {
  const shown = (text: string | null | undefined) => (text === null || text === undefined ? '' : input(text));
  if (r.check === 'verify-contact') {
    const typed = shown(r.typed ?? r.input);
    // The contact a person posing as support used, official: shown or sent from, it can be faked (QA: desk).
    if (r.result === 'official') return t(r.question === 'contact' ? 'summary.check.contactFact.official' : 'summary.check.contact.official', { input: typed });
    if (r.result === 'lookalike') {
      const said = r.imitates === undefined ? t('summary.check.contact.lookalikeOf', { input: typed }) : t('summary.check.contact.lookalike', { input: typed, official: shown(r.imitates) });
      return sentences(t, said, ...lookalikeReasons(t, r.reasons));
    }
    if (r.result === 'unknown') return t('summary.check.contact.unknown', { input: typed });
    return t('summary.check.contact.not-given');
  }
  const what =
    r.check === 'connectivity' || r.check === 'confirmations' || r.check === 'address-chain' || r.check === 'memo'
      ? r.input === null
        ? t(`summary.check.${r.check}.none`)
        : t(`summary.check.${r.check}`, { input: shown(r.input) })
      : [safeText(r.check), shown(r.input)].filter((part) => part !== '').join(' ');
  return t('summary.label', { label: what, value: measuredText(t, r) });
}
