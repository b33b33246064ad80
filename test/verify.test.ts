/**
 * verify: is a phone number, e-mail address, website or handle an official contact?
 *
 * Providers: the bundled demo (Example Wallet: www.example.com, +1 202-555-0143,
 * +44 20 7946 0321, +1 202-555-0199, payments@/security@/support@example.com)
 * and Acme Pay, built here (help.acmepay.test, x.com/AcmePay, t.me/AcmePaySupport,
 * acmepay-help-demo@gmail.com on a shared free-mail domain).
 *
 * Look-alike classes and the inputs that test them:
 *
 * | reason                 | example inputs                                                                 |
 * |------------------------|--------------------------------------------------------------------------------|
 * | brand-with-extra-words | example-support.com, examplewallet-help.net, support-example.io,               |
 * |                        | https://secure-example.com/login, examplewallet.com,                           |
 * |                        | examplewallet.support@gmail.com, ExampleWallet@QQ.com,                         |
 * |                        | @ExampleWallet_Support, @ExampleWallet (no handle is listed), @AcmePayHelp     |
 * | edit-distance          | exampel.com, exxample.com, https://www.exampe.com/help, exmaple.com,           |
 * |                        | support@exampel.com, @AcmePy, x.com/AcmePaySuport, mimt.test (brand "mint")    |
 * | other-tld              | example.net, https://www.example.com.cn/help, example.co, example.github.io,   |
 * |                        | t.me/AcmePay, weibo.com/AcmePaySupport (handle on another platform)            |
 * | homoglyph              | exаmple.com (Cyrillic а), ехаmрle.com (Cyrillic е х а р), www.exαmple.com      |
 * |                        | (Greek α), examp1e.com, exarnple.com (rn), exаmple-support.com, example.cοm    |
 * |                        | (Greek ο), support@exаmple.com, @ＡｃｍｅＰａｙ (full width), @AcmeΡay (Greek Ρ),  |
 * |                        | @ExampIeWallet (capital I)                                                     |
 * | punycode (+homoglyph)  | xn--exmple-4nf.com, https://www.xn--exmple-4nf.com/login,                       |
 * |                        | support@xn--exmple-4nf.com                                                     |
 * | subdomain-trick        | example.com.account-verify.io, https://www.example.com-login.net/,             |
 * |                        | example-login.secure-check.io, https://www.example.com@evil.io/help            |
 * | similar-number         | +1 202-555-0134 (swap), +1 202-555-0148 (one digit), +1 202-565-0148 (two),     |
 * |                        | (202) 555-0413 (US), +44 20 7946 0312, +44 2025550143 and +1 207 946 0321      |
 * |                        | (the same number under the other country code), +44 20 7946 321 (one dropped),  |
 * |                        | +1 202-555-01430 (one added: no US number is that long)                        |
 *
 * Near misses that stay 'unknown': wikipedia.org, github.com, +1 415 555 0100,
 * +86 10 1234 5678, @OtherBrand, x.com/SomeoneElse, someone@gmail.com,
 * billing@example.com (official domain, unlisted address), xn--80ak6aa92e.com
 * (Cyrillic "аррӏе": imitates another brand, not ours).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDirectoryText } from '../src/directory/load.js';
import { channelValues, type Channel, type Provider } from '../src/directory/types.js';
import { bareHandle, detectKind, otherPlatform, verifyContact, type LookalikeReason, type VerifyResult } from '../src/safety/verify.js';
import { ROOT } from './helpers.js';

function demoProviders(): Provider[] {
  const { directory, problems } = loadDirectoryText(readFileSync(join(ROOT, 'directory/example.yaml'), 'utf8'), 'directory/example.yaml');
  expect(problems).toEqual([]);
  return directory!.providers;
}

function channel(type: Channel['type'], value: string): Channel {
  return { type, value, hours: '24/7', timezone: 'UTC', weekly: { kind: 'always' }, exceptions: [], languages: ['en'] };
}

const ACME: Provider = {
  id: 'acme-pay',
  name: 'Acme Pay',
  website: 'https://help.acmepay.test/contact',
  example: true,
  queues: {
    general: [channel('social', 'x.com/AcmePay'), channel('social', 't.me/AcmePaySupport'), channel('chat', 'In the app')],
    payments: [channel('email', 'acmepay-help-demo@gmail.com'), channel('phone', '+86 10 5555 0100')],
  },
};

const DEMO = demoProviders();
const PROVIDERS: Provider[] = [...DEMO, ACME];

function verify(input: string, defaultCountry?: string): VerifyResult {
  return verifyContact(input, PROVIDERS, defaultCountry ? { defaultCountry } : {});
}

function expectOfficial(input: string, match: { provider?: string; queue: string | null; type: string; value: string }, defaultCountry?: string): void {
  const r = verify(input, defaultCountry);
  expect(r, input).toMatchObject({ input: input.trim(), verdict: 'official', reasons: [], match: { provider: match.provider ?? 'example-wallet', queue: match.queue, type: match.type, value: match.value } });
}

function expectLookalike(input: string, reason: LookalikeReason, opts: { defaultCountry?: string; imitates?: string } = {}): VerifyResult {
  const r = verify(input, opts.defaultCountry);
  expect(r.verdict, `${input}: ${JSON.stringify(r)}`).toBe('lookalike');
  expect(r.reasons, input).toContain(reason);
  expect(r.match, input).toBeDefined();
  if (opts.imitates) expect(r.match!.value, input).toBe(opts.imitates);
  return r;
}

const SITE = 'https://www.example.com/help/contact';

describe('official contacts of the demo directory', () => {
  it('recognises every channel value and the website as written in the directory', () => {
    let checked = 0;
    for (const provider of PROVIDERS) {
      expectOfficial(provider.website, { provider: provider.id, queue: null, type: 'website', value: provider.website });
      for (const [queue, channels] of Object.entries(provider.queues)) {
        for (const ch of channels ?? []) {
          for (const value of channelValues(ch)) {
            const r = verify(value);
            // In-app paths ("App › Me › Help › Chat with us", in each language) are not contacts one can be sent.
            if ((ch.type === 'chat' || ch.type === 'web') && !value.startsWith('https://')) {
              expect(r.verdict, value).toBe('invalid');
              continue;
            }
            expect(r, value).toMatchObject({ verdict: 'official', match: { provider: provider.id, queue, type: ch.type, value } });
            checked++;
          }
        }
      }
    }
    expect(checked).toBe(11);
  });

  it('normalizes phone numbers written in international form', () => {
    const payments = { queue: 'payments', type: 'phone', value: '+1 202-555-0143' };
    for (const input of ['+1 202-555-0143', '+12025550143', '+1 (202) 555-0143', '+1.202.555.0143', '+1 202 555 0143', '001 202 555 0143', '0012025550143', 'tel:+1-202-555-0143', '＋１ ２０２ ５５５ ０１４３', '  +1 202-555-0143  ']) {
      expectOfficial(input, payments);
    }
    const account = { queue: 'account', type: 'phone', value: '+44 20 7946 0321' };
    for (const input of ['+44 20 7946 0321', '+442079460321', '+44 (0)20 7946 0321', '0044 20 7946 0321', '+44-20-7946-0321', '+44.20.7946.0321']) expectOfficial(input, account);
    expectOfficial('+1 (202) 555-0199', { queue: 'security', type: 'phone', value: '+1 202-555-0199' });
    expectOfficial('+44 20 7946 0321 ext. 5', account);
  });

  it('normalizes national forms with the default country, international ones whatever it is', () => {
    for (const input of ['(202) 555-0143', '202-555-0143', '202.555.0143', '1-202-555-0143', '2025550143']) expectOfficial(input, { queue: 'payments', type: 'phone', value: '+1 202-555-0143' }, 'US');
    expectOfficial('202 555 0199', { queue: 'security', type: 'phone', value: '+1 202-555-0199' }, 'us');
    for (const input of ['020 7946 0321', '020-7946-0321', '(020) 7946 0321']) expectOfficial(input, { queue: 'account', type: 'phone', value: '+44 20 7946 0321' }, 'GB');
    expectOfficial('+1 202-555-0143', { queue: 'payments', type: 'phone', value: '+1 202-555-0143' }, 'GB');
    expectOfficial('011 44 20 7946 0321', { queue: 'account', type: 'phone', value: '+44 20 7946 0321' }, 'US');
  });

  it('cannot compare a national number without a country: unknown, not normalized', () => {
    expect(verify('020 7946 0321')).toEqual({ input: '020 7946 0321', kind: 'phone', normalized: null, verdict: 'unknown', reasons: ['needs-country'] });
    // The same digits read in another country are another number.
    expect(verify('020 7946 0321', 'US').verdict).toBe('invalid');
  });

  it('accepts URLs and host names with paths, queries, upper case, ports and subdomains', () => {
    const website = { queue: null, type: 'website', value: SITE };
    for (const input of [SITE, 'HTTPS://WWW.EXAMPLE.COM/HELP/CONTACT?lang=zh#top', 'www.example.com', 'www.example.com/help', 'Example.com', 'help.example.com', 'https://pay.help.example.com/x?y=z', 'http://www.example.com:8443/', 'www.example.com.']) {
      expectOfficial(input, website);
    }
    expectOfficial('https://www.example.com/help/ticket?id=7', { queue: 'account', type: 'ticket', value: 'https://www.example.com/help/ticket' });
    expectOfficial('www.example.com/help/ticket/', { queue: 'account', type: 'ticket', value: 'https://www.example.com/help/ticket' });
    // Full-width letters are folded by IDNA: a browser opens example.com itself.
    expectOfficial('ｗｗｗ.ｅｘａｍｐｌｅ.ｃｏｍ', website);
    expect(verify('https://WWW.Example.COM/Help').normalized).toBe('www.example.com');
  });

  it('matches e-mail addresses case-insensitively', () => {
    expectOfficial('payments@example.com', { queue: 'payments', type: 'email', value: 'payments@example.com' });
    expectOfficial('PAYMENTS@EXAMPLE.COM', { queue: 'payments', type: 'email', value: 'payments@example.com' });
    expectOfficial('mailto:Security@Example.com', { queue: 'security', type: 'email', value: 'security@example.com' });
    expectOfficial('Support@example.COM', { queue: 'general', type: 'email', value: 'support@example.com' });
    expect(verify('PAYMENTS@EXAMPLE.COM').normalized).toBe('payments@example.com');
  });

  it('recognises official handles on their platform', () => {
    const x = { provider: 'acme-pay', queue: 'general', type: 'social', value: 'x.com/AcmePay' };
    for (const input of ['x.com/AcmePay', 'https://x.com/acmepay', 'https://twitter.com/AcmePay', 'https://mobile.twitter.com/AcmePay?lang=en', 'twitter:AcmePay', 'x:@acmepay']) expectOfficial(input, x);
    const tg = { provider: 'acme-pay', queue: 'general', type: 'social', value: 't.me/AcmePaySupport' };
    for (const input of ['t.me/AcmePaySupport', 'https://t.me/acmepaysupport', 'telegram:AcmePaySupport', 'tg:AcmePaySupport']) expectOfficial(input, tg);
    expect(verify('@AcmePay').normalized).toBe('acmepay');
  });

  it('reads accounts as Chinese users write them: Chinese platform names, a full-width colon, full-width letters (QA: Chinese user)', () => {
    const listed: Provider = { ...ACME, queues: { general: [channel('social', 'wechat:AcmePayKefu'), channel('social', 'qq:10001000'), channel('social', 'weibo.com/acmepay'), channel('social', 'x.com/AcmePay')] } };
    const check = (input: string) => verifyContact(input, [listed]);
    const wechat = { verdict: 'official', kind: 'handle', match: { value: 'wechat:AcmePayKefu' } };
    for (const input of ['微信號：AcmePayKefu', '微信帳號：AcmePayKefu', '微信：AcmePayKefu', '微信:AcmePayKefu', 'wechat：acmepaykefu', '微信号：AcmePayKefu', '微信号 AcmePayKefu', '客服微信：AcmePayKefu', 'WeChat ID: AcmePayKefu', '“微信：AcmePayKefu”', '微信：@AcmePayKefu。']) {
      expect(check(input), input).toMatchObject(wechat);
    }
    for (const input of ['qq：10001000', 'QQ号 10001000', 'QQ号：10001000', 'QQ 10001000', 'ＱＱ：10001000', '官方QQ：10001000']) expect(check(input), input).toMatchObject({ verdict: 'official', match: { value: 'qq:10001000' } });
    // The label is folded, the account is not: no platform's account is spelt in full-width letters, and a name that is
    // shown so is dressed up as the official one (review).
    for (const input of ['微信：ＡｃｍｅＰａｙＫｅｆｕ', 'wechat:ＡｃｍｅＰａｙＫｅｆｕ', 'ＱＱ：１０００１０００']) expect(check(input).verdict, input).not.toBe('official');
    expect(check('微博：acmepay')).toMatchObject({ verdict: 'official', match: { value: 'weibo.com/acmepay' } });
    expect(check('推特：AcmePay')).toMatchObject({ verdict: 'official', match: { value: 'x.com/AcmePay' } });
    // On another platform, the same name is someone else's: a look-alike, as telegram:AcmePay is.
    expect(check('微信：AcmePay')).toMatchObject({ verdict: 'lookalike', reasons: ['other-tld'] });
    // Other unlisted accounts are read, and not official.
    for (const input of ['微信：kefu888', 'wechat：kefu123', '微博：xxx', 'QQ号 12345678']) expect(check(input), input).toMatchObject({ kind: 'handle', verdict: 'unknown' });
    // 企业微信 (WeCom) and 抖音 (Douyin) are other platforms than WeChat and TikTok: never read as them, never official.
    const tiktok: Provider = { ...ACME, queues: { general: [channel('social', 'tiktok:acmepay'), channel('social', 'wechat:AcmePayKefu')] } };
    for (const input of ['企业微信：AcmePayKefu', '抖音：acmepay', '钉钉 acmepay']) expect(verifyContact(input, [tiktok]).verdict, input).toBe('invalid');
    // However WeCom is written: Traditional, with a space or 版, after other words or another platform's name (review).
    // Nor a WeChat official account (公众号), group or mini program, which are no WeChat ID (review).
    for (const input of ['企業微信：AcmePayKefu', '企业 微信：AcmePayKefu', '企业版微信：AcmePayKefu', '抖音微信：AcmePayKefu', '客服企业微信 AcmePayKefu', 'WeCom: AcmePayKefu', '微信公众号：AcmePayKefu', '微信群：AcmePayKefu', '微信小程序：AcmePayKefu']) {
      expect(verifyContact(input, [tiktok]).verdict, input).toBe('invalid');
      expect(otherPlatform(input), input).toBeDefined();
    }
    // Their Latin names inside an address are the address's letters, compared as ever (review: a phishing site was not).
    for (const input of ['https://www.example.com.douyin-gift.cn/help', 'support@example-wecom.com', 'examplewallet-kuaishou.com', 'wechat:WeComfort']) {
      expect(otherPlatform(input), input).toBeUndefined();
      expect(verifyContact(input, [tiktok]).verdict, input).not.toBe('invalid');
    }
    // A lone "x" before a space is no platform; a link after a platform's name is not an account.
    expect(check('x 12345').verdict).toBe('invalid');
    expect(check('telegram://resolve?domain=AcmePay').verdict).toBe('invalid');
    // Read in directories too, with the colon.
    expect(detectKind('微信：ExampleWallet')).toBe('handle');
    expect(detectKind('微信支付：ExampleWallet')).toBeNull();
  });

  it('tells an account without its platform, and one on a platform no handle can name, for the message (QA: Chinese user)', () => {
    expect(bareHandle('kefu888')).toBe('kefu888');
    expect(bareHandle('客服：ｋｅｆｕ８８８')).toBe('kefu888');
    expect(bareHandle('  kefu_help-01  ')).toBe('kefu_help-01');
    for (const input of ['@kefu888', 'wechat:kefu888', 'example.com', '12345678', '95588', 'hello world', 'ab', '', 'k'.repeat(300)]) expect(bareHandle(input), input).toBeUndefined();
    expect(otherPlatform('抖音：xxx')).toBe('抖音');
    expect(otherPlatform('企业微信号 kefu')).toBe('企业微信');
    expect(otherPlatform('官方钉钉：kefu')).toBe('钉钉');
    expect(otherPlatform('Douyin: kefu')).toBe('Douyin');
    for (const input of ['微信：kefu', 'kefu888', '抖音', `抖音：${'x'.repeat(300)}`]) expect(otherPlatform(input), input).toBeUndefined();
  });

  it('never calls a handle official on a platform the directory does not list it on (QA: author #1)', () => {
    // "@AcmePay" names no platform: the X account, or anyone's of that name on Telegram. Not checked: ask for the platform.
    expect(verify('@AcmePay')).toMatchObject({ verdict: 'unknown', reasons: ['needs-platform'], match: { provider: 'acme-pay', type: 'social', value: 'x.com/AcmePay' } });
    expect(verify('AcmePaySupport@')).toMatchObject({ verdict: 'invalid' });
    for (const input of ['https://t.me/AcmePay', 'telegram:AcmePay', 'weibo:AcmePay']) expect(verify(input).verdict, input).toBe('lookalike');
    // A listing without a platform (the directory refuses one; a hand-made Provider may hold it) is official nowhere.
    const bare: Provider = { ...ACME, queues: { general: [channel('social', '@acmepay_support'), channel('social', 'acme_help')] } };
    for (const input of ['https://t.me/acmepay_support', 'telegram:acmepay_support', 'x:acmepay_support', '@acmepay_support', 'x.com/acme_help', '@acme_help']) {
      expect(verifyContact(input, [bare]).verdict, input).not.toBe('official');
    }
  });

  it('treats a listed address on a shared free-mail domain as that address only', () => {
    expectOfficial('AcmePay-Help-Demo@gmail.com', { provider: 'acme-pay', queue: 'payments', type: 'email', value: 'acmepay-help-demo@gmail.com' });
    expect(verify('someone@gmail.com').verdict).toBe('unknown');
    expect(verify('https://mail.gmail.com').verdict).toBe('unknown');
  });

  it('uses the right provider when several are configured', () => {
    expectOfficial('+86 10 5555 0100', { provider: 'acme-pay', queue: 'payments', type: 'phone', value: '+86 10 5555 0100' });
    expectOfficial('acmepay.test', { provider: 'acme-pay', queue: null, type: 'website', value: 'https://help.acmepay.test/contact' });
  });
});

describe('look-alikes', () => {
  it('brand-with-extra-words: the brand inside another domain, handle or mailbox', () => {
    for (const input of ['example-support.com', 'examplewallet-help.net', 'support-example.io', 'https://secure-example.com/login', 'examplewallet.com']) {
      expect(expectLookalike(input, 'brand-with-extra-words', { imitates: SITE }).reasons).toEqual(['brand-with-extra-words']);
    }
    expectLookalike('examplewallet.support@gmail.com', 'brand-with-extra-words');
    expectLookalike('ExampleWallet@QQ.com', 'brand-with-extra-words');
    // No social channel is listed for Example Wallet: a handle with its name imitates it.
    expectLookalike('@ExampleWallet_Support', 'brand-with-extra-words', { imitates: SITE });
    expectLookalike('@ExampleWallet', 'brand-with-extra-words', { imitates: SITE });
    expect(expectLookalike('@AcmePayHelp', 'brand-with-extra-words').match).toMatchObject({ provider: 'acme-pay', type: 'social' });
  });

  it('edit-distance: one or two edits from the brand, scaled with its length', () => {
    for (const input of ['exampel.com', 'exxample.com', 'https://www.exampe.com/help', 'exmaple.com']) {
      expect(expectLookalike(input, 'edit-distance', { imitates: SITE }).reasons).toEqual(['edit-distance']);
    }
    expectLookalike('support@exampel.com', 'edit-distance', { imitates: 'support@example.com' });
    expectLookalike('@AcmePy', 'edit-distance', { imitates: 'x.com/AcmePay' });
    expectLookalike('x.com/AcmePaySuport', 'edit-distance', { imitates: 't.me/AcmePaySupport' });
  });

  it('edit-distance: short brands allow one edit, very short none', () => {
    const short: Provider = { ...ACME, id: 'mint', name: 'Mint', website: 'https://mint.test/', queues: {} };
    const tiny: Provider = { ...ACME, id: 'q', name: 'Q', website: 'https://qb.test/', queues: {} };
    expect(verifyContact('mimt.test', [short])).toMatchObject({ verdict: 'lookalike', reasons: ['edit-distance'] });
    expect(verifyContact('mimd.test', [short]).verdict).toBe('unknown');
    expect(verifyContact('qc.test', [tiny]).verdict).toBe('unknown');
  });

  it('other-tld: the same name under another public suffix or on another platform', () => {
    for (const input of ['example.net', 'https://www.example.com.cn/help', 'example.co', 'example.github.io']) {
      expect(expectLookalike(input, 'other-tld', { imitates: SITE }).reasons).toEqual(['other-tld']);
    }
    expect(expectLookalike('t.me/AcmePay', 'other-tld', { imitates: 'x.com/AcmePay' }).reasons).toEqual(['other-tld']);
    expectLookalike('weibo.com/AcmePaySupport', 'other-tld', { imitates: 't.me/AcmePaySupport' });
  });

  it('homoglyph: Cyrillic, Greek, full-width and digit look-alikes', () => {
    const cyrillic = 'ex\u0430mple.com'; // Cyrillic а
    expect(expectLookalike(cyrillic, 'homoglyph', { imitates: SITE })).toMatchObject({ normalized: 'xn--exmple-4nf.com', reasons: ['homoglyph'] });
    expectLookalike('\u0435\u0445\u0430m\u0440le.com', 'homoglyph', { imitates: SITE }); // Cyrillic е х а р
    expectLookalike('www.ex\u03b1mple.com', 'homoglyph'); // Greek α
    expect(expectLookalike('examp1e.com', 'homoglyph').reasons).toEqual(['edit-distance', 'homoglyph']);
    expect(expectLookalike('exarnple.com', 'homoglyph').reasons).toEqual(['edit-distance', 'homoglyph']);
    expectLookalike('ex\u0430mple-support.com', 'homoglyph');
    // A look-alike top-level domain: example.cοm with Greek ο.
    expectLookalike('example.c\u03bfm', 'homoglyph', { imitates: SITE });
    expectLookalike('support@ex\u0430mple.com', 'homoglyph', { imitates: 'support@example.com' });
    expectLookalike('@\uff21\uff43\uff4d\uff45\uff30\uff41\uff59', 'homoglyph', { imitates: 'x.com/AcmePay' }); // full-width ＡｃｍｅＰａｙ
    expectLookalike('@Acme\u03a1ay', 'homoglyph', { imitates: 'x.com/AcmePay' }); // Greek Ρ
    expectLookalike('@ExampIeWallet', 'homoglyph', { imitates: SITE }); // capital I for l
  });

  it('punycode: an xn-- name that decodes to a homoglyph reports both', () => {
    for (const input of ['xn--exmple-4nf.com', 'https://www.xn--exmple-4nf.com/login', 'support@xn--exmple-4nf.com']) {
      const r = expectLookalike(input, 'punycode');
      expect(r.reasons).toEqual(['homoglyph', 'punycode']);
    }
    // Unicode input is a homoglyph, not punycode.
    expect(verify('ex\u0430mple.com').reasons).not.toContain('punycode');
  });

  it('subdomain-trick: the official name in front of another domain', () => {
    for (const input of ['example.com.account-verify.io', 'https://www.example.com-login.net/', 'example-login.secure-check.io', 'https://www.example.com@evil.io/help']) {
      expect(expectLookalike(input, 'subdomain-trick', { imitates: SITE }).reasons).toEqual(['subdomain-trick']);
    }
    expect(verify('https://www.example.com@evil.io/help').normalized).toBe('evil.io');
    expect(verify('ex\u0430mple.com.account-verify.io').reasons).toEqual(['homoglyph', 'subdomain-trick']);
    // A listed handle's profile page on a host dressed as its platform (QA: checks review; they were "not official" only).
    for (const input of ['https://x.com.evil.io/AcmePay', 'https://x.com@evil.io/AcmePay', 'https://x.com-support.io/@acmepay', 'https://t.me.evil.io/AcmePaySupport', 'https://support.x.com.evil.io/AcmePay']) {
      expect(expectLookalike(input, 'subdomain-trick').match?.provider, input).toBe('acme-pay');
    }
    // Another platform's look-alike host, or the handle on an ordinary site, imitates nothing listed.
    expect(verify('https://t.me.evil.io/AcmePay').verdict).toBe('unknown');
    expect(verify('https://evil.io/AcmePay').verdict).toBe('unknown');
  });

  it('extra-recipient: an official address whose mailto: link also writes to another one (QA: directory authors)', () => {
    for (const field of ['bcc', 'cc', 'to', 'BCC']) {
      const r = expectLookalike(`mailto:support@example.com?${field}=attacker@evil.io`, 'extra-recipient');
      expect(r.match?.value).toBe('support@example.com');
    }
    expect(verify('mailto:support@example.com?bcc=Attacker@Evil.io&subject=help').verdict).toBe('lookalike');
    // A subject, or a copy to another listed address, writes to no one else.
    expectOfficial('mailto:support@example.com?subject=Help%20please', { queue: 'general', type: 'email', value: 'support@example.com' });
    expectOfficial('mailto:support@example.com?cc=payments@example.com', { queue: 'general', type: 'email', value: 'support@example.com' });
    // The address given in the query alone, as mail programs read it (QA: checks review).
    expectOfficial('mailto:?to=support@example.com', { queue: 'general', type: 'email', value: 'support@example.com' });
    expectLookalike('mailto:?to=support@example.com,attacker@evil.io', 'extra-recipient');
    // Every "to", in any case (review: a second one was dropped and the link called official).
    expectLookalike('mailto:?to=support@example.com&to=attacker@evil.io', 'extra-recipient');
    expectOfficial('MAILTO:?TO=support@example.com', { queue: 'general', type: 'email', value: 'support@example.com' });
    expect(verify('mailto:?subject=help').verdict).toBe('invalid');
  });

  it('redirect: an official link that carries another site, where it can pass the visitor on to (QA: user)', () => {
    for (const input of [
      'https://www.example.com/redirect?url=https://evil.io',
      'https://help.example.com/out?to=%2F%2Fevil.io%2Flogin',
      'https://www.example.com/help#https://evil.io',
      // As browsers read them too (QA: review): one slash or a backslash after the scheme, a bare host where a
      // redirect parameter names one, an address encoded twice, and one in the path, encoded or written out.
      'https://www.example.com/out?url=https:/evil.io',
      'https://www.example.com/out?url=https:\\evil.io',
      'https://www.example.com/out?url=evil.io',
      'https://www.example.com/out?url=https%253A%252F%252Fevil.io',
      'https://www.example.com/redirect/https%3A%2F%2Fevil.io',
      'https://www.example.com/redirect/https://evil.io/login',
      'https://www.example.com/out?next=/\\evil.io',
      // A tab or line break a browser leaves out, a parameter written into the path, an ideographic full stop (QA: hostile review).
      'https://www.example.com/out?next=https:/%09/evil.io',
      'https://www.example.com/out?next=https:%0A//evil.io',
      'https://www.example.com/out;next=https://evil.io',
      'https://www.example.com/out;url=evil.io',
      'https://www.example.com/out?next=evil%E3%80%82io',
    ]) {
      expect(expectLookalike(input, 'redirect').reasons, input).toEqual(['redirect']);
    }
    // Its own site, or another official one, in the query is an ordinary official link; so is a query without an
    // address, a bare host in a parameter that is no redirect, a path on the same site, and a time.
    for (const input of [
      'https://www.example.com/login?next=https://www.example.com/help',
      'https://www.example.com/help?lang=zh&ref=app',
      'https://www.example.com/a?next=/help',
      'https://www.example.com/help?utm_source=google.com',
      'https://www.example.com/help/contact.html?at=12:30',
      'https://www.example.com/help?next=help.example.com/faq',
      'https://www.example.com/help;jsessionid=abc123',
      'https://www.example.com/help;ref=evil.io',
    ]) {
      expect(verify(input).verdict, input).toBe('official');
    }
  });

  it('similar-number: one or two digits off, a swap, or the same number under another country code', () => {
    expectLookalike('+1 202-555-0134', 'similar-number', { imitates: '+1 202-555-0143' });
    expectLookalike('+1 202-555-0148', 'similar-number', { imitates: '+1 202-555-0143' });
    expectLookalike('+1 202-565-0148', 'similar-number', { imitates: '+1 202-555-0143' });
    expectLookalike('(202) 555-0413', 'similar-number', { defaultCountry: 'US', imitates: '+1 202-555-0143' });
    expectLookalike('+44 20 7946 0312', 'similar-number', { imitates: '+44 20 7946 0321' });
    expectLookalike('+44 2025550143', 'similar-number', { imitates: '+1 202-555-0143' });
    expect(expectLookalike('+1 207 946 0321', 'similar-number', { imitates: '+44 20 7946 0321' }).reasons).toEqual(['similar-number']);
    // The closest official number, not the first within reach (QA: user; 0198 is one digit from 0199, two from 0143).
    expectLookalike('+1 202-555-0198', 'similar-number', { imitates: '+1 202-555-0199' });
    expectLookalike('+1 202-555-0190', 'similar-number', { imitates: '+1 202-555-0199' });
    // A digit added or dropped (QA: checks review; they were "not official" or, where no number can be that long, no number at all).
    expectLookalike('+44 20 7946 321', 'similar-number', { imitates: '+44 20 7946 0321' });
    expectLookalike('+44 20 7946 03210', 'similar-number', { imitates: '+44 20 7946 0321' });
    expectLookalike('+1 202-555-01430', 'similar-number', { imitates: '+1 202-555-0143' });
    expectLookalike('+1 202-555-043', 'similar-number', { imitates: '+1 202-555-0143' });
    expectLookalike('202-555-01433', 'similar-number', { defaultCountry: 'US', imitates: '+1 202-555-0143' });
    // Two digits more is no slip of one: too long for any number, it is none, and said why.
    expect(verify('+1 202-555-014300')).toMatchObject({ verdict: 'invalid', kind: null, misdialled: 'too-long' });
    expect(verify('+1 202-555-01')).toMatchObject({ verdict: 'invalid', misdialled: 'too-short' });
    expect(verify('+44 20 7946 032100').verdict).toBe('invalid');
    // Too short without its country: a local number without its area code, to be given whole, not "no number".
    expect(verify('5550143', 'US')).toMatchObject({ verdict: 'unknown', kind: 'phone', reasons: ['needs-area-code'] });
    expect(verify('+1 555 0143')).toMatchObject({ verdict: 'invalid', misdialled: 'too-short' });
    // Shifted digits are no slip of one or two (review: "+1 202-555-1430" was called a copy of "+1 202-555-0143").
    for (const input of ['+1 202-555-1430', '+1 202-550-1435', '+44 20 7946 3210']) expect(verify(input).verdict, input).toBe('unknown');
    // A local number of another length than a country's whole numbers, given with it, is one without its area code too;
    // a short service number stays one (review).
    expect(verify('7946 0321', 'GB')).toMatchObject({ verdict: 'unknown', reasons: ['needs-area-code'] });
    expect(verify('95588', 'CN')).toMatchObject({ verdict: 'invalid' });
  });

  it('reports the imitated contact of the provider imitated', () => {
    expect(verify('acmepay-support.test').match).toMatchObject({ provider: 'acme-pay', type: 'website' });
    expect(verify('example-support.com').match).toMatchObject({ provider: 'example-wallet', queue: null, type: 'website' });
  });
});

describe('near misses stay unknown', () => {
  it.each([
    ['wikipedia.org'],
    ['https://github.com/'],
    ['https://x.com'],
    ['x.com/home'],
    ['+1 415 555 0100'],
    ['+86 10 1234 5678'],
    ['@OtherBrand'],
    ['x.com/SomeoneElse'],
    ['weibo.com/u/OtherBrand'],
    ['someone@gmail.com'],
    ['xn--80ak6aa92e.com'],
    ['192.0.2.1'],
  ])('%s', (input) => {
    const r = verify(input);
    expect(r.verdict, JSON.stringify(r)).toBe('unknown');
    expect(r.reasons).toEqual([]);
    expect(r.match).toBeUndefined();
  });

  it('an unlisted address at an official domain is unknown, with no look-alike reason', () => {
    expect(verify('billing@example.com')).toEqual({ input: 'billing@example.com', kind: 'email', normalized: 'billing@example.com', verdict: 'unknown', reasons: [] });
    expect(verify('payments@help.example.com').verdict).toBe('unknown');
  });

  it('does not confuse one configured brand with another', () => {
    expect(verify('@AcmePay').match!.provider).toBe('acme-pay');
    expect(verifyContact('@AcmePay', DEMO).verdict).toBe('unknown');
    expect(verifyContact('acmepay.test', DEMO).verdict).toBe('unknown');
    expect(verifyContact('example.com', [ACME]).verdict).toBe('unknown');
  });

  it('an empty directory knows no contacts', () => {
    expect(verifyContact('example.com', []).verdict).toBe('unknown');
    expect(verifyContact('+1 202-555-0143', []).verdict).toBe('unknown');
  });
});

describe('invalid input', () => {
  it.each([
    [''],
    ['   '],
    ['hello'],
    ['call me maybe'],
    ['555'],
    ['+++'],
    ['@'],
    ['@two words'],
    ['a@b'],
    ['a@@example.com'],
    ['http://'],
    ['javascript:alert(1)'],
    ['ftp://example.com/'],
    ['telegram:'],
    ['ex\u200bample.com'],
    ['example.com\u0007'],
    ['www.example.com\u202e'],
    [`${'a'.repeat(250)}.example.com`],
    ['https://%zz'],
    ['mailto:'],
    ['tel:'],
    ['@@'],
  ])('%j', (input) => {
    const r = verify(input);
    expect(r).toEqual({ input: input.trim(), kind: null, normalized: null, verdict: 'invalid', reasons: [] });
  });
});

describe('numbers of the wrong length', () => {
  it.each([
    ['+1 23', '+123', 'too-short'],
    ['+1 202-555-01', '+120255501', 'too-short'],
    ['+1 202-555-014399', '+1202555014399', 'too-long'],
  ])('%j is none, said why', (input, normalized, misdialled) => {
    expect(verify(input)).toEqual({ input, kind: null, normalized, verdict: 'invalid', reasons: [], misdialled });
  });
});

describe('malformed parts of otherwise readable input', () => {
  it('never throws on bad percent-encoding', () => {
    expect(verify('x.com/%E0%A4%A')).toMatchObject({ kind: 'url', verdict: 'unknown' });
    expect(verify('https://www.example.com/%E0')).toMatchObject({ kind: 'url', verdict: 'official' });
    expect(verify('https://u%zz@example.com')).toMatchObject({ kind: 'url', verdict: 'official' });
  });

  it('reads internationalized e-mail hosts and IP literals without matching them', () => {
    expect(verify('support@\u4f8b\u5b50.\u4e2d\u56fd')).toMatchObject({ kind: 'email', normalized: 'support@xn--fsqu00a.xn--fiqs8s', verdict: 'unknown' });
    expect(verify('https://[::1]/')).toMatchObject({ kind: 'url', verdict: 'unknown' });
  });
});

describe('detectKind', () => {
  it.each([
    ['+1 202-555-0143', 'phone'],
    ['0044 20 7946 0321', 'phone'],
    ['tel:+12025550143', 'phone'],
    ['payments@example.com', 'email'],
    ['mailto:payments@example.com?subject=help', 'email'],
    ['https://www.example.com/help', 'url'],
    ['www.example.com/help', 'url'],
    ['example.com', 'url'],
    ['192.0.2.1', 'url'],
    ['ex\u0430mple.com', 'url'],
    ['@ExampleWallet', 'handle'],
    ['x.com/ExampleWallet', 'handle'],
    ['https://twitter.com/ExampleWallet', 'handle'],
    ['weibo.com/examplewallet', 'handle'],
    ['t.me/ExampleWallet', 'handle'],
    ['telegram:ExampleWallet', 'handle'],
    ['wechat:ExampleWallet', 'handle'],
    ['hello', null],
    ['', null],
    ['1.2.3', null],
  ])('%j is %s', (input, kind) => {
    expect(detectKind(input)).toBe(kind);
  });

  it('reads national numbers only with a country', () => {
    expect(detectKind('(202) 555-0143', 'US')).toBe('phone');
    expect(detectKind('55', 'US')).toBeNull();
  });
});

describe('a provider whose pages are on a shared host (QA: author)', () => {
  // A small team's site on Google Sites, its ticket form on Google Forms, its code on GitHub.
  const SHARED: Provider = {
    id: 'our-wallet',
    name: 'Our Wallet',
    website: 'https://sites.google.com/view/our-wallet',
    example: false,
    queues: { general: [channel('ticket', 'https://docs.google.com/forms/d/e/OFFICIALFORM/viewform'), channel('web', 'https://github.com/our-wallet')] },
  };
  const check = (input: string) => verifyContact(input, [SHARED]);

  it('vouches for the listed pages and what lies under them, named by host and path', () => {
    expect(check('https://sites.google.com/view/our-wallet')).toMatchObject({ verdict: 'official', normalized: 'sites.google.com/view/our-wallet', match: { type: 'website' } });
    expect(check('https://sites.google.com/view/our-wallet/contact')).toMatchObject({ verdict: 'official', match: { type: 'website' } });
    expect(check('https://docs.google.com/forms/d/e/OFFICIALFORM/viewform')).toMatchObject({ verdict: 'official', match: { queue: 'general', type: 'ticket' } });
    expect(check('https://github.com/our-wallet/app')).toMatchObject({ verdict: 'official', match: { type: 'web' } });
  });

  it('never for another page on the same host: that is someone else’s', () => {
    for (const page of ['https://docs.google.com/forms/d/e/another-scam/viewform', 'https://github.com/evil/repo', 'https://mail.google.com', 'https://sites.google.com/view/refunds']) {
      expect(check(page)).toMatchObject({ verdict: 'unknown' });
    }
    // A page named after the brand is an imitation.
    expect(check('https://sites.google.com/view/ourwallet-refund-desk')).toMatchObject({ verdict: 'lookalike', reasons: ['brand-with-extra-words'], normalized: 'sites.google.com/view/ourwallet-refund-desk' });
    expect(check('https://github.com/0urwallet')).toMatchObject({ verdict: 'lookalike' });
    // A path that only starts with the listed one's text is another page.
    expect(check('https://sites.google.com/view/our-wallet-support').verdict).toBe('lookalike');
  });

  it('leaves ordinary pages there alone: a word a letter away from the brand is someone else’s page (review)', () => {
    const binance: Provider = { id: 'binance', name: 'Binance', website: 'https://www.binance.com/en/support', example: false, queues: { general: [channel('email', 'support@binance.com')] } };
    const at = (input: string) => verifyContact(input, [binance]);
    for (const page of ['https://www.reddit.com/r/finance', 'https://medium.com/tag/finance', 'https://github.com/finance']) expect(at(page), page).toMatchObject({ verdict: 'unknown' });
    expect(at('https://reddit.com/r/binance')).toMatchObject({ verdict: 'lookalike', reasons: ['brand-with-extra-words'] });
    expect(at('https://github.com/b1nance')).toMatchObject({ verdict: 'lookalike', reasons: ['edit-distance'] });
  });

  it('keeps a company’s own domain that others have pages on too as the company’s (LINE Pay on line.me)', () => {
    const line: Provider = { id: 'line-pay', name: 'LINE Pay', website: 'https://pay.line.me/portal/tw/main', example: false, queues: { general: [channel('ticket', 'https://contact-cc.line.me/linepay')] } };
    const at = (input: string) => verifyContact(input, [line]);
    expect(at('https://pay.line.me/portal/tw/help')).toMatchObject({ verdict: 'official' });
    expect(at('https://pay.line.me.evil.com/')).toMatchObject({ verdict: 'lookalike', reasons: expect.arrayContaining(['subdomain-trick']) });
  });
});
