/** `wallet-help verify <contact>`: is this phone, e-mail, website or handle one of the official contacts? */
import { sentences } from '../../i18n/i18n.js';
import { suggestionHint } from '../../util/suggest.js';
import { ExitCode, SilentError, UsageError } from '../../errors.js';
import { refuseSecrets } from '../../safety/screen.js';
import { spoofableKind, type VerifyResult } from '../../safety/verify.js';
import { platformList } from '../../safety/platforms.js';
import type { Queue } from '../../engine/types.js';
import { layoutFor } from '../../render/layout.js';
import { lookalikeReasons } from '../../render/check-lines.js';
import { queueTeam } from '../../render/queue.js';
import { clip, safeText, safeJson } from '../../util/safe-text.js';
import type { Context } from '../context.js';
import '../../core.js';

export interface VerifyOptions {
  contact: string;
  /** Country for national phone numbers (ISO 3166 code such as CN or US). */
  country?: string;
  json: boolean;
}

/**
 * The country code a country named in words stands for ("中国", "China", "united kingdom"), as English and Chinese
 * name it (Intl's region names): --country takes the code, and the name is what people type first (QA: zh user).
 */
function meantCountry(text: string, known: (code: string) => boolean): string[] {
  const name = text.trim().toLowerCase();
  if (name.length < 2) return [];
  // The code people write for the United Kingdom, which ISO keeps for it but is not its code (QA: checks review).
  if (name === 'uk' && known('GB')) return ['GB'];
  const names = ['en', 'zh'].map((locale) => new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' }));
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (known(code) && names.some((n) => n.of(code)?.toLowerCase() === name)) return [code];
    }
  }
  return [];
}

/** Checks the contact against every provider of the directory (or the chosen one). Exit 0 official, 4 not, 2 bad input. */
export async function runVerify(opts: VerifyOptions, ctx: Context): Promise<VerifyResult> {
  const { io, t } = ctx;
  // People paste the wrong thing into a checker; a secret is refused before anything else.
  // With a country given, seven digits or more are the national number it names ("5550143 --country US", a local number
  // as caller ID shows it), not a one-time code (QA: checks review); six, the length of most codes, are still refused.
  const national = opts.country !== undefined && opts.contact.replace(/\D/g, '').length >= 7;
  await refuseSecrets(t, [{ text: opts.contact, field: 'contact', ...(national ? { numbersExpected: true } : {}) }], ctx.role);
  const { bareHandle, callingCodeOf, isCountryCode, isShortNumber, otherPlatform, verifyContact } = await import('../../safety/verify.js');
  // An unknown country would leave a national number uncompared and the verdict "not official": a mistake, not a verdict.
  if (opts.country !== undefined && !isCountryCode(opts.country)) {
    const suggestions = meantCountry(opts.country, isCountryCode);
    throw new UsageError('invalid_country', sentences(t, t('verify.badCountry', { country: clip(opts.country) }), suggestionHint(t, suggestions)), { value: clip(opts.country), suggestions });
  }
  const { directory, provider } = await ctx.provider();
  // The chosen provider first; another provider's official contact in the same directory is official too, and said to be
  // whose (before, it was called a look-alike of the chosen one's).
  const providers = ctx.providerChosen ? [provider, ...directory.providers.filter((p) => p !== provider)] : directory.providers;
  const result = verifyContact(opts.contact, providers, opts.country ? { defaultCountry: opts.country.toUpperCase() } : {});
  const matched = result.match ? providers.find((p) => p.id === result.match!.provider) : undefined;
  const source = matched?.website ?? provider.website;
  if (result.verdict === 'invalid') {
    // A short service number ("95588", "10086") is no number that can be compared: said so, with what to do instead,
    // and the platforms a handle can name (QA: zh user; both are common channels of fake support in China).
    const short = isShortNumber(opts.contact);
    // (Said as what it is, not as "not a phone number" and then a short number: QA: Chinese review.)
    // A number with its country but a digit too many or too few, like none of the official ones: said so (QA: checks review).
    const length = result.misdialled;
    // An account without its platform ("kefu888"), or on a platform the directory cannot list ("抖音：xxx"), is said as what
    // it is, with what to write, not as "not a contact" (QA: Chinese user). Platforms are listed by the names the language knows.
    const platforms = platformList(t);
    const other = otherPlatform(opts.contact);
    const bare = other === undefined ? bareHandle(opts.contact) : undefined;
    const message = length
      ? t(`verify.misdialled.${length}`, { input: clip(opts.contact), code: callingCodeOf(result.normalized ?? '') ?? '' })
      : short
        ? t('verify.shortNumber', { input: clip(opts.contact) })
        : other !== undefined
          ? t('verify.otherPlatform', { input: clip(opts.contact), platform: clip(other, 40), platforms })
          : bare !== undefined
            ? t('verify.bareHandle', { input: clip(opts.contact), handle: clip(bare, 40), platforms })
            : sentences(t, t('verify.invalid', { input: clip(opts.contact) }), t('verify.invalidHint', { platforms }));
    throw new UsageError('invalid_contact', message, { value: clip(opts.contact) });
  }
  // An official number or address can still be shown by a scammer's call or message: caller ID and senders can be faked.
  const spoofKind = spoofableKind(result);
  const spoofable = spoofKind !== undefined;
  // What to do, to whoever checks: a wallet user, or an agent on a call, who tells the caller (QA: agent).
  const agent = ctx.role === 'agent';
  // An official page given over http:// is the provider's, on a link anyone on the way could change (QA: directory review):
  // official, with what to do, as the directory refuses such a website.
  const insecure = result.verdict === 'official' && /^http:\/\//i.test(opts.contact.trim());
  const said = [spoofKind ? t(`verify.spoofable.${spoofKind}${agent ? '.agent' : ''}`) : '', insecure ? t(agent ? 'verify.insecure.agent' : 'verify.insecure') : ''];
  const advice = said.some((a) => a !== '') ? sentences(t, ...said) : undefined;
  if (opts.json) {
    const official = result.verdict === 'official' ? { spoofable, ...(insecure ? { insecure } : {}), ...(advice ? { advice } : {}) } : {};
    io.stdout.write(`${safeJson({ ...result, ...official, source, example: matched?.example ?? provider.example }, 2)}\n`);
  } else {
    const s = (await ctx.styles()).out;
    const input = safeText(result.input);
    const lines: string[] = [];
    if (result.verdict === 'official') {
      const m = result.match!;
      const where = m.queue ? queueTeam(t, m.queue as Queue) : t('verify.website');
      lines.push(`${s.green.bold(t('verify.official.badge'))}${t('verify.badgeAfter')}${t('verify.official', { input, provider: safeText(matched?.name ?? m.provider), queue: where })}`);
      if (advice) lines.push(s.yellow(advice));
    } else if (result.verdict === 'lookalike') {
      const m = result.match!;
      const reasons = lookalikeReasons(t, result.reasons);
      lines.push(`${s.red.bold(t('verify.lookalike.badge'))}${t('verify.badgeAfter')}${t('verify.lookalike', { input, official: safeText(m.value), provider: safeText(matched?.name ?? m.provider) })}`, `  ${sentences(t, ...reasons)}`, t(agent ? 'verify.lookalike.advice.agent' : 'verify.lookalike.advice'));
    } else if (result.reasons.includes('needs-platform')) {
      // "@name" names no platform: the listed account, or anyone's of that name elsewhere. Unverified, never official.
      const m = result.match!;
      const handle = safeText(result.normalized ?? '');
      lines.push(`${s.yellow.bold(t('verify.unverified.badge'))}${t('verify.badgeAfter')}${t('verify.unknown.platform', { input, provider: safeText(matched?.name ?? m.provider), listed: safeText(m.value), handle })}`, t(agent ? 'verify.unknown.advice.agent' : 'verify.unknown.advice'));
    } else {
      // A national number without its country, or one without its area code, could not be compared at all: unverified, not "not official".
      const uncompared = result.reasons.includes('needs-country') ? 'verify.unknown.country' : result.reasons.includes('needs-area-code') ? 'verify.unknown.areaCode' : undefined;
      lines.push(`${s.yellow.bold(t(uncompared ? 'verify.unverified.badge' : 'verify.unknown.badge'))}${t('verify.badgeAfter')}${t(uncompared ?? 'verify.unknown', { input, country: (opts.country ?? '').toUpperCase() })}`, t(agent ? 'verify.unknown.advice.agent' : 'verify.unknown.advice'));
    }
    if (matched?.example ?? provider.example) lines.push(s.yellow(t('contact.example')));
    lines.push(t('contact.source', { url: safeText(source) }));
    // Wrapped to the terminal like all text, numbers and addresses kept whole (QA: a number split across lines at 40 columns).
    io.stdout.write(`${(await layoutFor(io.stdout)).wrap(lines.join('\n'))}\n`);
  }
  if (result.verdict !== 'official') throw new SilentError(ExitCode.notOfficial);
  return result;
}
