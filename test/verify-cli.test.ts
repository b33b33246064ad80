/** `wallet-help verify` and the safety notice, through the CLI. */
import stringWidth from 'fast-string-width';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, run } from './helpers.js';

describe('wallet-help verify', () => {
  it('reads a QQ account as a handle, and says what it takes for a short service number or no contact at all (QA: zh user)', async () => {
    const qq = await run(['verify', 'qq:12345678', '--json']);
    expect(qq.code).toBe(4);
    expect(JSON.parse(qq.stdout)).toMatchObject({ kind: 'handle', verdict: 'unknown' });
    const short = await run(['--lang', 'zh', 'verify', '95588']);
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('“95588”是客服短号，无法与客服目录核对');
    expect(short.stderr).not.toContain('不是电话号码');
    expect((await run(['verify', '10086'])).stderr.replace(/\s+/g, ' ')).toContain('"10086" is a short service number, which cannot be compared with the directory');
    const none = await run(['verify', 'hello there']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('or a handle with its platform (x, telegram, weibo, wechat, qq, instagram, facebook, tiktok, youtube), such as telegram:name.');
  });

  it('reads WeChat, QQ and Weibo accounts as Chinese users write them, and says what is missing from an account without its platform (QA: Chinese user)', async () => {
    for (const contact of ['微信：kefu888', '微信:kefu888', 'wechat：kefu123', 'qq：12345678', 'QQ号 12345678', '微博：xxx']) {
      const r = await run(['--lang', 'zh', 'verify', contact, '--json']);
      expect(r.code, contact).toBe(4);
      expect(JSON.parse(r.stdout), contact).toMatchObject({ kind: 'handle', verdict: 'unknown' });
    }
    const zh = await run(['--lang', 'zh', 'verify', 'kefu888']);
    expect(zh.code).toBe(2);
    expect(zh.stderr.replace(/\s+/g, '')).toContain('“kefu888”没有写明是哪个平台的账号。请写明是哪个平台的账号，例如“微信:kefu888”“QQ:12345678”。可以核对的平台：x（推特）、telegram（电报）、微博（weibo）、微信（wechat）、QQ、instagram、facebook（脸书）、tiktok、youtube（油管）。');
    const en = JSON.parse((await run(['verify', 'kefu888', '--json'])).stdout).error;
    expect(en).toMatchObject({ code: 'invalid_contact', value: 'kefu888' });
    expect(en.message).toBe('"kefu888" does not say which platform the account is on: write the platform before it, for example "wechat:kefu888" or "qq:12345678". Accounts can be checked on x, telegram, weibo, wechat, qq, instagram, facebook, tiktok, youtube.');
    // Douyin is not TikTok: said as an account that cannot be checked, not as no contact.
    const douyin = await run(['--lang', 'zh', 'verify', '抖音：xxx']);
    expect(douyin.code).toBe(2);
    expect(douyin.stderr.replace(/\s+/g, '')).toContain('“抖音：xxx”是抖音上的账号，客服目录不收录这个平台的账号，所以无法在这里核对');
    // The hint for no contact at all lists the platforms by their Chinese names too.
    expect((await run(['--lang', 'zh', 'verify', 'hello there'])).stderr.replace(/\s+/g, '')).toContain('或带平台名的账号（x（推特）、telegram（电报）、微博（weibo）、微信（wechat）、QQ、');
  });

  it('calls an official page given over http:// official, and says to open the site at https:// (QA: directory review)', async () => {
    const doc = JSON.parse((await run(['verify', 'http://www.example.com/help/contact', '--json'])).stdout);
    expect(doc).toMatchObject({ verdict: 'official', insecure: true, advice: expect.stringContaining('this link is not encrypted (http://)') });
    expect(JSON.parse((await run(['verify', 'https://www.example.com/help/contact', '--json'])).stdout).insecure).toBeUndefined();
    const agent = await run(['verify', '--agent', 'http://www.example.com/help/contact']);
    expect(agent.stdout.replace(/\s+/g, ' ')).toContain('Tell the caller to open the official website themselves, at https://');
    expect((await run(['--lang', 'zh', 'verify', 'http://www.example.com/help/contact'])).stdout).toContain('这个链接没有加密（http://）');
  });

  it('words its advice as what to tell the caller for an agent, by --agent or the role (QA: agent; --agent was an unknown option)', async () => {
    const flag = await run(['verify', '--agent', 'https://examp1e.com/login']);
    expect(flag.code).toBe(4);
    expect(flag.stdout).toContain('Tell the caller not to call, write to or log in there');
    const role = await run(['verify', 'qq:1234'], { env: { WALLET_HELP_ROLE: 'agent' } });
    expect(role.stdout).toContain('Tell the caller to treat it as unverified');
    const spoofable = JSON.parse((await run(['verify', '--agent', '+1 202-555-0143', '--json'])).stdout);
    expect(spoofable).toMatchObject({ verdict: 'official', spoofable: true });
    expect(spoofable.advice).toContain('If such a call or text reached the caller, tell them to hang up');
    // A wallet user is advised directly.
    expect((await run(['verify', 'https://examp1e.com/login'])).stdout).toContain('Do not call, write to or log in there.');
  });

  it('refuses a web address that carries a password, never echoing it nor calling it official (QA: red-team review)', async () => {
    const r = await run(['verify', 'https://alice:Hunter2024!@example.com', '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).error).toMatchObject({ code: 'secret_refused', kind: 'password' });
    expect(r.stdout + r.stderr).not.toContain('Hunter2024');
    expect(r.stdout).not.toContain('official');
  });

  it('suggests the code of a country given by its name, in English or Chinese (QA: zh user)', async () => {
    const zh = await run(['--lang', 'zh', 'verify', '+8613800138000', '--country', '中国']);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('你是不是想输入 CN？');
    const en = JSON.parse((await run(['verify', '02079460321', '--country', 'United Kingdom', '--json'])).stdout).error;
    expect(en).toMatchObject({ code: 'invalid_country', suggestions: ['GB'] });
    // "UK", as people write it (QA: checks review).
    expect(JSON.parse((await run(['verify', '02079460321', '--country', 'uk', '--json'])).stdout).error).toMatchObject({ code: 'invalid_country', suggestions: ['GB'] });
    expect(JSON.parse((await run(['verify', '02079460321', '--country', 'xx', '--json'])).stdout).error.suggestions).toEqual([]);
  });

  it('wraps its answer to the terminal, keeping numbers and addresses whole (QA: zh user)', async () => {
    for (const lang of ['en', 'zh']) {
      const r = await run(['--lang', lang, '--no-color', 'verify', '+1 202-555-0198'], { tty: true, columns: 40 });
      const lines = r.stdout.trimEnd().split('\n');
      for (const line of lines) if (!/https?:\/\//.test(line)) expect(stringWidth(line), line).toBeLessThanOrEqual(40);
      expect(lines.some((l) => l.includes('+1 202-555-0199') || l.includes('+12025550199')), r.stdout).toBe(true);
    }
  });

  it('reads a contact copied from a Chinese message: its punctuation, a label before it and full-width forms (QA: zh user)', async () => {
    for (const [input, verdict, normalized] of [
      ['+1 202-555-0198，', 'lookalike', '+12025550198'],
      ['客服电话：+1 202-555-0198', 'lookalike', '+12025550198'],
      ['support＠example.com', 'official', 'support@example.com'],
      ['“www.examp1e.com”。', 'lookalike', 'www.examp1e.com'],
      ['https://www.example.com/help/contact。', 'official', 'www.example.com'],
      ['tel:+12025550199', 'official', '+12025550199'],
      // A note after it, as messages add one (QA: zh user).
      ['客服热线：+1 202-555-0134（24小时）', 'lookalike', '+12025550134'],
      ['+1 202-555-0199 (24h)', 'official', '+12025550199'],
    ] as const) {
      const r = await run(['verify', input, '--json']);
      expect(JSON.parse(r.stdout), input).toMatchObject({ verdict, normalized });
    }
  });

  it('reads an address with its display name, and a Chinese label without a colon (QA: directory authors)', async () => {
    for (const input of ['Example Wallet <support@example.com>', '"Example Wallet" <support@example.com>', '客服电话 +1 202-555-0199', '客服邮箱 support@example.com']) {
      const r = await run(['verify', input, '--json']);
      expect(r.code, input).toBe(0);
      expect(JSON.parse(r.stdout).verdict, input).toBe('official');
    }
    expect(JSON.parse((await run(['verify', 'Example Wallet <support@examp1e.com>', '--json'])).stdout).verdict).toBe('lookalike');
  });

  it('never calls a messaging app account named by an official number official (review)', async () => {
    for (const input of ['+1 202-555-0199 (WhatsApp)', '+1 202-555-0199（微信）', 'WhatsApp +1 202-555-0199']) {
      const r = await run(['verify', input, '--json']);
      expect(JSON.parse(r.stdout).verdict, input).not.toBe('official');
    }
    // Text far longer than a contact is none, at once.
    expect(JSON.parse((await run(['verify', `a${' '.repeat(60_000)}x`, '--json'])).stdout).error.code).toBe('invalid_contact');
  });

  it('exits 0 for an official contact, in any common format', async () => {
    for (const input of ['+1 202-555-0199', '+1 (202) 555 0199', '0012025550199', 'security@example.com', 'https://www.example.com/help/contact', 'EXAMPLE.COM']) {
      const r = await run(['verify', input, '--json']);
      expect(r.code, input).toBe(0);
      expect(JSON.parse(r.stdout), input).toMatchObject({ verdict: 'official', source: 'https://www.example.com/help/contact', example: true });
    }
    const human = await run(['verify', '+1 202-555-0199']);
    expect(human.stdout).toContain('✔ OFFICIAL');
    expect(human.stdout).toContain('is an official contact of Example Wallet (security support).');
    expect(human.stdout).toContain('EXAMPLE DATA');
  });

  it('warns that an official number or address can still be faked by a call or message, and says what to do', async () => {
    const phone = await run(['verify', '+1 202-555-0199']);
    expect(phone.stdout).toContain('caller ID can be faked');
    // Said for a call that reached the user, and for a number the user dialled (QA: content, a found number was told to hang up).
    expect(phone.stdout).toContain('If such a call or text reached you, hang up and call the official number yourself; if you dialled it yourself, you reached the official line.');
    const email = await run(['verify', 'security@example.com']);
    expect(email.stdout).toContain('sender addresses can be faked');
    const doc = JSON.parse((await run(['verify', '+1 202-555-0199', '--json'])).stdout);
    expect(doc).toMatchObject({ verdict: 'official', spoofable: true, advice: expect.stringContaining('caller ID can be faked') });
    const site = await run(['verify', 'example.com', '--json']);
    expect(JSON.parse(site.stdout)).toMatchObject({ verdict: 'official', spoofable: false });
    expect(JSON.parse(site.stdout).advice).toBeUndefined();
    expect((await run(['verify', 'example.com'])).stdout).not.toContain('can be faked');
  });

  it('names the queue by its team in Chinese, as contact cards do', async () => {
    const r = await run(['--lang', 'zh', 'verify', '+1 202-555-0199']);
    expect(r.stdout).toContain('是 Example Wallet 的官方联系方式（安全客服）。');
    expect(r.stdout).toContain('来电显示可以伪造');
    const card = await run(['--lang', 'zh', 'diagnose', 'account-compromised']);
    expect(card.stdout).toContain('Example Wallet — 安全客服');
  });

  it('exits 4 for a look-alike and says how it imitates the official contact', async () => {
    const r = await run(['verify', 'https://examp1e.com/login']);
    expect(r.code).toBe(4);
    expect(r.stdout).toContain('✘ LOOK-ALIKE');
    expect(r.stdout).toMatch(/is NOT official: it imitates .*example\.com/);
    const cyrillic = JSON.parse((await run(['verify', 'exаmple.com', '--json'])).stdout);
    expect(cyrillic).toMatchObject({ verdict: 'lookalike', reasons: expect.arrayContaining(['homoglyph']) });
    const extra = JSON.parse((await run(['verify', 'example-support.com', '--json'])).stdout);
    expect(extra.reasons).toContain('brand-with-extra-words');
    // The brand alone at a place the provider does not list is said as that, not as "extra words" (QA: README).
    expect((await run(['verify', '@ExampleWallet'])).stdout).toContain('It uses the brand name, alone or with extra words, at a place the provider does not list.');
  });

  it('exits 4 for a contact that is simply not in the directory', async () => {
    const r = await run(['verify', '+1 202-555-0111']);
    expect([r.code, r.stdout.includes('NOT OFFICIAL') || r.stdout.includes('LOOK-ALIKE')]).toEqual([4, true]);
    const other = await run(['verify', 'wikipedia.org', '--json']);
    expect(other.code).toBe(4);
    expect(JSON.parse(other.stdout).verdict).toBe('unknown');
  });

  it('with a provider chosen, calls another provider\'s official contact in the directory official, and says whose (QA: directory authors)', async () => {
    const dir = [
      'providers:',
      '  - id: lumen-pay',
      '    name: Lumen Pay',
      '    website: https://www.lumenpay.example/help',
      '    timezone: Asia/Shanghai',
      '    queues: { security: [{ type: phone, value: "+1 212-555-0199", hours: "24/7" }] }',
      '  - id: lumen-pro',
      '    name: Lumen Pro',
      '    website: https://www.lumenpro.example/help',
      '    timezone: Europe/London',
      '    queues: { security: [{ type: phone, value: "+1 212-555-0198", hours: "24/7" }] }',
      '',
    ].join('\n');
    const files = { 'multi.yaml': dir };
    const r = await run(['--contacts', 'multi.yaml', '--provider', 'lumen-pay', 'verify', '+1 212-555-0198', '--json'], { files });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ verdict: 'official', match: { provider: 'lumen-pro' } });
    // A number one digit from both is still a look-alike.
    expect((await run(['--contacts', 'multi.yaml', '--provider', 'lumen-pay', 'verify', '+1 212-555-0197', '--json'], { files })).code).toBe(4);
  });

  it('compares national numbers once the country is known', async () => {
    const r = await run(['verify', '020', '7946', '0321', '--country', 'GB', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).normalized).toBe('+442079460321');
    // Not compared at all: "not checked", never "not official" (QA: README).
    const national = (await run(['verify', '020 7946 0321'])).stdout;
    expect(national).toContain('--country');
    expect(national).toMatch(/^\? NOT CHECKED 020 7946 0321/);
    expect((await run(['--lang', 'zh', 'verify', '020 7946 0321'])).stdout).toMatch(/^\? 无法核实/);
    expect((await run(['verify', '020 7946 0321', '--country', 'Britain'])).code).toBe(2);
  });

  it('refuses a country code it does not know, in JSON too', async () => {
    const r = await run(['verify', '020', '7946', '0321', '--country', 'XX', '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).error).toMatchObject({ code: 'invalid_country', value: 'XX' });
  });

  it('says in JSON too that a national number needs its country', async () => {
    const r = await run(['verify', '020 7946 0321', '--json']);
    expect(r.code).toBe(4);
    expect(JSON.parse(r.stdout)).toMatchObject({ kind: 'phone', normalized: null, verdict: 'unknown', reasons: ['needs-country'] });
  });

  it('reads a local number with --country as a number without its area code, not a one-time code (QA: checks review)', async () => {
    const r = await run(['verify', '5550143', '--country', 'US', '--json']);
    expect(r.code).toBe(4);
    expect(JSON.parse(r.stdout)).toMatchObject({ kind: 'phone', verdict: 'unknown', reasons: ['needs-area-code'] });
    const zh = await run(['--lang', 'zh', 'verify', '5550143', '--country', 'us']);
    expect(zh.stdout).toContain('5550143 位数太少，不是 US 的完整号码，很可能是没有区号的本地号码');
    // Six digits, the length of most codes, are still refused, country or not.
    expect(JSON.parse((await run(['verify', '482913', '--country', 'US', '--json'])).stdout).error).toMatchObject({ code: 'secret_refused', kind: 'one-time-code' });
  });

  it('says a handle without its platform is not checked, naming where the directory lists it (QA: author #1)', async () => {
    const files = { 'dir.yaml': readFileSync(join(ROOT, 'directory/example.yaml'), 'utf8').replace('      general:\n', '      general:\n        - { type: social, value: "x:examplewallet_help", hours: "24/7" }\n') };
    const text = await run(['--contacts', 'dir.yaml', 'verify', '@examplewallet_help'], { files });
    expect(text.code).toBe(4);
    expect(text.stdout.replace(/\s+/g, ' ')).toMatch(/^\? NOT CHECKED @examplewallet_help does not say which platform the account is on\. Example Wallet lists this name as x:examplewallet_help/);
    const zh = await run(['--lang', 'zh', '--contacts', 'dir.yaml', 'verify', '@examplewallet_help'], { files });
    expect(zh.stdout).toMatch(/^\? 无法核实：@examplewallet_help 没有写明是哪个平台的账号。/);
    const json = await run(['--contacts', 'dir.yaml', 'verify', '@examplewallet_help', '--json'], { files });
    expect(JSON.parse(json.stdout)).toMatchObject({ verdict: 'unknown', reasons: ['needs-platform'], match: { value: 'x:examplewallet_help' } });
    expect((await run(['--contacts', 'dir.yaml', 'verify', 'https://t.me/examplewallet_help'], { files })).code).toBe(4);
  });

  it('exits 2 for input that is not a contact', async () => {
    const r = await run(['verify', '!!!', '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).error).toMatchObject({ code: 'invalid_contact', value: '!!!' });
  });

  it('says a number with its country but too many or too few digits is none, and how to check it (QA: checks review)', async () => {
    const long = await run(['verify', '+1 202-555-014300', '--json']);
    expect(long.code).toBe(2);
    expect(JSON.parse(long.stdout).error).toMatchObject({ code: 'invalid_contact', message: expect.stringContaining('has more digits than a number under +1 can have. Check it digit by digit') });
    const short = await run(['--lang', 'zh', 'verify', '+44 20 79']);
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('位数比 +44 的号码少');
  });

  it('speaks Chinese', async () => {
    const r = await run(['--lang', 'zh', 'verify', 'examp1e.com']);
    expect(r.stdout).toContain('✘ 仿冒');
  });
});

describe('verify --help', () => {
  it('gives as examples only contacts verify can compare (QA: README; @ExampleWallet, without its platform, can never be checked)', async () => {
    for (const lang of ['en', 'zh']) {
      const help = (await run(['--lang', lang, 'verify', '--help'])).stdout;
      const examples = [...help.matchAll(/"\+[\d -]+"|\S+@\S+\.com|\S+\.com\/\S+|x:\w+/g)].map((m) => m[0].replace(/^"|"$/g, '').replace(/[、，。]$/, ''));
      expect(examples.length, lang).toBeGreaterThanOrEqual(4);
      for (const contact of examples) {
        const r = await run(['verify', contact, '--json']);
        expect([0, 4], contact).toContain(r.code);
        expect(JSON.parse(r.stdout).reasons, contact).not.toContain('needs-platform');
      }
      expect(help).not.toContain('@ExampleWallet');
    }
  });
});

describe('the safety notice', () => {
  it('comes with every escalation and alert, in JSON and for people', async () => {
    const alert = JSON.parse((await run(['diagnose', 'account-compromised', '--json'])).stdout);
    expect(alert.outcome.notice).toBe(
      'Official support never asks for your password, recovery phrase, private key, 2FA code or remote access, never gives you an account or address to move money to, and never asks for a fee to unlock anything. Reach it only through the contacts shown here, published at https://www.example.com/help/contact.',
    );
    const escalation = JSON.parse((await run(['diagnose', 'contact-support', '--answer', 'topic=other', '--json'])).stdout);
    expect(escalation.outcome.notice).toBe(alert.outcome.notice);
    const human = await run(['diagnose', 'account-compromised']);
    expect(human.stdout).toContain(alert.outcome.notice);
  });

  it('is absent from fixes', async () => {
    const fix = JSON.parse((await run(['diagnose', 'payment-failed', '--network', 'offline', '--json'])).stdout);
    expect(fix.outcome.notice).toBeUndefined();
  });
});
