import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../src/data/located-yaml.js';
import { contactCard } from '../src/directory/contact.js';
import { loadDirectoryText } from '../src/directory/load.js';
import { loadFlowText } from '../src/flows/load.js';
import { translator } from '../src/i18n/i18n.js';
import { formatDuration, formatLanguages, formatWhen } from '../src/render/time.js';
import { bundledFlows, phoneDirectory, ROOT, run, tempDir } from './helpers.js';
import { parseLocatedYaml } from '../src/data/located-yaml.js';
import { validateDirectory } from '../src/directory/validate-directory.js';

function validateDirectoryText(text: string, lang: 'en' | 'zh' = 'en'): ReturnType<typeof validateDirectory> {
  return validateDirectory(parseLocatedYaml(text, 'dir.yaml').doc, 'dir.yaml', lang);
}

const json = (r: { stdout: string }) => JSON.parse(r.stdout);

const DEMO = readFileSync(join(ROOT, 'directory/example.yaml'), 'utf8');

const SMALL = `providers:
  - id: acme
    name: Acme Pay
    website: https://help.acme.test/contact
    timezone: Asia/Shanghai
    exceptions:
      - { date: "2026-10-01", hours: "off" }
    queues:
      payments:
        - type: phone
          value: "+1 202-555-0100"
          hours: "Mo-Fr 09:00-18:00"
        - type: chat
          value: In the app
          hours: "Mo-Fr 08:00-20:00"
      security:
        - type: email
          value: sec@acme.test
          hours: "Mo-Fr 09:00-17:00"
        - type: phone
          value: "+1 202-555-0111"
          hours: "24/7"
      account:
        - type: web
          value: https://help.acme.test/account
          hours: "24/7"
      general:
        - type: email
          value: help@acme.test
          hours: "Mo-Fr 09:00-18:00"
`;

/** SMALL without its account team: a directory that lacks a queue some flows send cases to. */
const NO_ACCOUNT = SMALL.replace(/ {6}account:\n(?: {8}.*\n)+/, '');

function problems(text: string): string[] {
  return loadDirectoryText(text, 'dir.yaml').problems.map(formatProblem);
}

describe('directory files', () => {
  it('loads the bundled demo, marked as an example', () => {
    const { directory, problems: p } = loadDirectoryText(DEMO, 'directory/example.yaml');
    expect(p).toEqual([]);
    expect(directory!.providers[0]).toMatchObject({ id: 'example-wallet', example: true });
    for (const queue of ['payments', 'account', 'security', 'general'] as const) expect(directory!.providers[0]!.queues[queue]!.length).toBeGreaterThan(0);
  });

  it('uses only reserved example domains and fictional phone ranges in the demo', () => {
    for (const m of DEMO.matchAll(/[\w.-]+@([\w.-]+)|https:\/\/([\w.-]+)/g)) expect(m[1] ?? m[2]).toMatch(/(^|\.)example\.com$/);
    for (const m of DEMO.matchAll(/"\+[\d -]+"/g)) expect(m[0]).toMatch(/^"\+1 \d{3}-555-01\d\d"$|^"\+44 20 7946 0\d{3}"$/);
  });

  it('says a flow given as the directory is a flow, and a directory with "providers" mistyped is still one to flows validate (QA: author)', async () => {
    const flow = await run(['contacts', '--contacts', 'flow.yaml'], { files: { 'flow.yaml': readFileSync(join(ROOT, 'flows/fees.yaml'), 'utf8') } });
    expect(flow.code).toBe(2);
    expect(flow.stderr).toMatch(/flow\.yaml:\d+:1: this is a flow \(it has "questions" or "outcomes"\), not a support directory/);
    expect(flow.stderr.trim().split('\n')).toHaveLength(2);
    const typo = loadFlowText(SMALL.replace('providers:', 'provider:'), 'flows/acme.yaml');
    expect(typo.problems.map((p) => p.message)).toEqual(['this is a support directory (it has "provider"), not a flow: keep it out of the flows folder and name it with --contacts or the contactsFile setting']);
  });

  it('reads a directory whose one key is misspelt as a directory: one "did you mean providers?", not nine flow problems (QA: author #5)', async () => {
    const dir = tempDir();
    for (const key of ['provders', 'Providers', 'providrs', 'provider']) {
      const file = join(dir, `${key}.yaml`);
      writeFileSync(file, SMALL.replace('providers:', `${key}:`));
      const r = await run(['flows', 'validate', file]);
      expect(r.code, key).toBe(1);
      expect(r.stdout, key).toBe(`${file}:1:1: unknown key "${key}" in a directory file; did you mean "providers"?\n`);
      const zh = await run(['--lang', 'zh', 'flows', 'validate', file]);
      expect(zh.stdout, key).toBe(`${file}:1:1: 目录文件中有未知的键“${key}”；是不是“providers”？\n`);
      // In a flows folder, the run says the same thing about it.
      expect(loadFlowText(SMALL.replace('providers:', `${key}:`), 'flows/acme.yaml').problems.map((p) => p.message)).toEqual([expect.stringContaining(`this is a support directory (it has "${key}"), not a flow`)]);
    }
    // A flow with a stray key near "providers" is still a flow.
    const flow = readFileSync(join(ROOT, 'flows/fees.yaml'), 'utf8').replace(/^version:/m, 'provider: x\nversion:');
    const f = join(dir, 'fees.yaml');
    writeFileSync(f, flow);
    expect((await run(['flows', 'validate', f])).stdout).toMatch(/unknown key "provider" in a flow file/);
  });

  it('says a misspelt key once, as the key it likely means: not also "missing" and "not nothing" (QA: author #9)', () => {
    expect(problems(SMALL.replace('          hours: "Mo-Fr 09:00-18:00"\n        - type: chat', '          hour: "Mo-Fr 09:00-18:00"\n        - type: chat'))).toEqual(['dir.yaml:12:11: unknown key "hour" in a channel; did you mean "hours"?']);
    expect(problems(SMALL.replace('timezone: Asia/Shanghai', 'timezon: Asia/Shanghai'))).toEqual(['dir.yaml:5:5: unknown key "timezon" in a provider; did you mean "timezone"?']);
    expect(problems(SMALL.replace('    queues:', '    queus:'))).toEqual(['dir.yaml:8:5: unknown key "queus" in a provider; did you mean "queues"?']);
    expect(problems(SMALL.replace('exceptions:', 'exeptions:'))).toEqual(['dir.yaml:6:5: unknown key "exeptions" in a provider; did you mean "exceptions"?']);
    expect(loadDirectoryText(SMALL.replace('timezone: Asia/Shanghai', 'timezon: Asia/Shanghai'), 'dir.yaml', 'dir.yaml', 'zh').problems.map((p) => p.message)).toEqual(['服务商中有未知的键“timezon”；是不是“timezone”？']);
    // A key really missing is still said, once: not also its value as "nothing".
    expect(problems(SMALL.replace('    timezone: Asia/Shanghai\n', ''))).toEqual(['dir.yaml:2:5: a provider is missing "timezone"']);
    expect(problems(SMALL.replace('          hours: "Mo-Fr 09:00-18:00"\n        - type: chat', '        - type: chat'))).toEqual(['dir.yaml:10:11: a channel is missing "hours"']);
  });

  it('shows an e-mail channel written with mailto: as the address (QA: author #10)', async () => {
    const { directory, problems: p } = loadDirectoryText(SMALL.replace('value: sec@acme.test', 'value: "mailto:sec@acme.test"'), 'dir.yaml');
    expect(p).toEqual([]);
    expect(directory!.providers[0]!.queues.security![0]!.value).toBe('sec@acme.test');
    const r = await run(['--contacts', 'dir.yaml', 'contacts', 'security'], { files: { 'dir.yaml': SMALL.replace('value: sec@acme.test', 'value: MAILTO:sec@acme.test') } });
    expect(r.stdout).toContain('sec@acme.test');
    expect(r.stdout.toLowerCase()).not.toContain('mailto:');
  });

  it('warns of a directory without a security queue, where the bundled flows send their emergencies (QA: author #10)', async () => {
    // The warning is true only while the bundled alerts go to security.
    const alerts = (await bundledFlows()).flatMap((f) => Object.values(f.outcomes)).filter((o) => o.kind === 'alert');
    expect(alerts.length).toBeGreaterThan(0);
    for (const o of alerts) expect(o.queue, o.id).toBe('security');
    const text = SMALL.replace(/ {6}security:\n(?: {8}.*\n)+/, '');
    const { directory, problems: p, warnings } = validateDirectoryText(text);
    expect([directory !== undefined, p]).toEqual([true, []]);
    expect(warnings?.map(formatProblem)).toEqual([expect.stringMatching(/^dir\.yaml:8:5: provider "acme" lists no security queue: the bundled flows send security emergencies there/)]);
    expect(validateDirectoryText(SMALL).warnings).toBeUndefined();
    // Any other team the bundled flows send cases to, said with what goes there (QA: directory authors: a directory
    // without an account team showed no contact for 20 outcomes, with no word before).
    expect(validateDirectoryText(NO_ACCOUNT).warnings?.map(formatProblem)).toEqual([
      'dir.yaml:8:5: provider "acme" lists no account queue: the bundled flows send logins that fail, locked accounts and identity checks there, and those cases would show no contact, only the website; add the team that handles them',
    ]);
    const both = validateDirectoryText(NO_ACCOUNT.replace(/ {6}general:\n(?: {8}.*\n)+/, ''), 'zh').warnings?.map((w) => w.message);
    expect(both).toEqual([expect.stringContaining('没有列出 account 客服团队：内置流程会把登录失败、账户被锁和身份验证方面的问题交给这个团队'), expect.stringContaining('没有列出 general 客服团队')]);
    // A directory of many such providers: as many warnings as problems at most, then a count.
    const bare = NO_ACCOUNT.replace(/ {6}general:\n(?: {8}.*\n)+/, '').slice('providers:\n'.length);
    const many = `providers:\n${Array.from({ length: 60 }, (_, i) => bare.replace('id: acme', `id: acme${i}`)).join('')}`;
    const listed = validateDirectoryText(many).warnings!.map((w) => w.message);
    expect(listed).toHaveLength(101);
    // (The copies also list each other's contacts, each warned of too.)
    expect(listed.at(-1)).toMatch(/^\d+ more warnings not shown$/);
    // True while the bundled flows send cases to every team.
    const queues = new Set((await bundledFlows()).flatMap((f) => Object.values(f.outcomes)).flatMap((o) => (o.queue ? [o.queue] : [])));
    expect([...queues].sort()).toEqual(['account', 'general', 'payments', 'security']);
    // A channel that never opens is valid, and said (QA: directory authors: "Su off" passed without a word).
    const never = validateDirectoryText(SMALL.replace('hours: "Mo-Fr 09:00-18:00"', 'hours: "Su off"'));
    expect(never.problems).toEqual([]);
    expect(never.warnings?.map(formatProblem)).toEqual([expect.stringMatching(/^dir\.yaml:\d+:\d+: the phone channel of the payments queue is never open \("Su off"\): its card would always say closed/)]);
    // The README's example directory is one an author can copy: valid, and without warnings.
    const readme = /### The directory file\n\n```yaml\n([\s\S]*?)```/.exec(readFileSync(join(ROOT, 'README.md'), 'utf8'))![1]!;
    expect(validateDirectoryText(readme)).toMatchObject({ problems: [] });
    expect(validateDirectoryText(readme).warnings).toBeUndefined();
    const dir = tempDir();
    const file = join(dir, 'dir.yaml');
    writeFileSync(file, text);
    const r = await run(['flows', 'validate', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^.*dir\.yaml:8:5: warning: provider "acme" lists no security queue/);
    expect(json(await run(['flows', 'validate', file, '--json'])).files[0].warnings).toHaveLength(1);
    expect((await run(['--lang', 'zh', 'flows', 'validate', file])).stdout).toContain('警告：服务商“acme”没有列出 security 客服团队');
    const set = await run(['config', 'set', 'contactsFile', file], { files: { [file]: text } });
    expect(set.code).toBe(0);
    expect(set.stderr).toContain('Warning: provider "acme" lists no security queue');
    // Every warning flows validate gives, not the security team's alone (QA: directory review).
    const noAccount = await run(['config', 'set', 'contactsFile', file], { files: { [file]: NO_ACCOUNT } });
    expect(noAccount.code).toBe(0);
    expect(noAccount.stderr.replace(/\s+/g, ' ')).toContain('Warning: provider "acme" lists no account queue');
  });

  it('reports an unknown time zone where it is written, with the zone it likely means', () => {
    expect(problems(SMALL.replace('timezone: Asia/Shanghai', 'timezone: Asia/Shangai'))).toEqual([
      'dir.yaml:5:15: unknown time zone "Asia/Shangai"; use an IANA name such as Asia/Shanghai, Europe/Berlin or America/New_York; did you mean "Asia/Shanghai"?',
    ]);
    expect(problems(SMALL.replace('timezone: Asia/Shanghai', 'timezone: Nowhere/Land'))[0]).toMatch(/America\/New_York$/);
    // A city filed under another of its zone, and a fixed offset, whose Etc/ zone counts the other way (QA: directory authors:
    // Asia/Beijing was offered Asia/Kuching, in Malaysia).
    for (const [zone, meant] of [['Asia/Beijing', 'Asia/Shanghai'], ['Beijing', 'Asia/Shanghai'], ['America/San_Francisco', 'America/Los_Angeles'], ['UTC+8', 'Etc/GMT-8'], ['GMT-5', 'Etc/GMT+5']]) {
      expect(problems(SMALL.replace('timezone: Asia/Shanghai', `timezone: "${zone}"`))[0], zone).toMatch(new RegExp(`did you mean "${meant!.replace(/[+/]/g, '\\$&')}"\\?$`));
    }
    // A zone in other letter case is taken, and kept as the zone database writes it (QA: author).
    const { directory: d, problems: p } = loadDirectoryText(SMALL.replace('timezone: Asia/Shanghai', 'timezone: asia/shanghai'), 'dir.yaml');
    expect(p).toEqual([]);
    expect(d!.providers[0]!.queues.payments![0]!.timezone).toBe('Asia/Shanghai');
    // Only the case: a zone the runtime knows by an older name keeps the name written (review: Europe/Kyiv became Europe/Kiev).
    for (const zone of ['Europe/Kyiv', 'Asia/Kolkata', 'Asia/Ho_Chi_Minh']) {
      const kept = loadDirectoryText(SMALL.replace('timezone: Asia/Shanghai', `timezone: ${zone}`), 'dir.yaml');
      expect(kept.problems).toEqual([]);
      expect(kept.directory!.providers[0]!.queues.payments![0]!.timezone).toBe(zone);
    }
  });

  it('points into malformed hours at the character that is wrong', () => {
    const [p] = problems(SMALL.replace('"Mo-Fr 09:00-18:00"', '"Mo-Fr 09:00-18:60"'));
    expect(p).toMatch(/^dir\.yaml:12:34: service hours: minute/);
    const [day] = problems(SMALL.replace('"Mo-Fr 09:00-18:00"', '"Mn-Fr 09:00-18:00"'));
    expect(day).toMatch(/^dir\.yaml:12:19: service hours: unknown day "Mn"/);
    // Written with escapes or over several lines, the text is pointed at where it starts, not past its line (review).
    const [escaped] = problems(SMALL.replace('"Mo-Fr 09:00-18:00"', '"Mo-Fr\\u0020\\u002009:00-1800"'));
    expect(escaped).toMatch(/^dir\.yaml:12:18: service hours: /);
    const [folded] = problems(SMALL.replace('hours: "Mo-Fr 09:00-18:00"', 'hours: >-\n            Mo-Fr 09:00-18:00;\n            Sa 10:00-1400'));
    expect(folded).toMatch(/^dir\.yaml:12:18: service hours: /);
  });

  it('refuses overlapping and empty rules', () => {
    expect(problems(SMALL.replace('"Mo-Fr 09:00-18:00"', '"Mo-Fr 09:00-18:00; Fr 17:00-19:00"'))[0]).toMatch(/^dir\.yaml:12:\d+: service hours: .*overlap/i);
    expect(problems(SMALL.replace('"Mo-Fr 09:00-18:00"', '""'))[0]).toMatch(/^dir\.yaml:12:18: the service hours must be a non-empty text/);
  });

  it('refuses a language tag that names no language, with the language a country code stands for (QA: directory authors)', () => {
    const text = SMALL.replace('hours: "Mo-Fr 09:00-18:00"', 'hours: "Mo-Fr 09:00-18:00"\n          languages: [en, cn]');
    expect(problems(text)).toEqual([expect.stringMatching(/^dir\.yaml:\d+:\d+: language "cn" names no language .*; did you mean "zh"\?$/)]);
    expect(problems(SMALL.replace('hours: "Mo-Fr 09:00-18:00"', 'hours: "Mo-Fr 09:00-18:00"\n          languages: [en, zh-HK, yue]'))).toEqual([]);
  });

  it('reads hours typed with full-width colons, semicolons and commas as the ASCII they show (QA: directory authors)', () => {
    const text = SMALL.replace('hours: "Mo-Fr 09:00-18:00"', 'hours: "Mo-Fr 09：00-12：00，13：00-18：00；Sa 10：00-14：00"');
    expect(text).not.toBe(SMALL);
    const { directory: d, problems: p } = loadDirectoryText(text, 'dir.yaml');
    expect(p).toEqual([]);
    const weekly = d!.providers[0]!.queues.payments![0]!.weekly;
    expect(weekly.kind === 'weekly' && weekly.days[5]).toEqual([{ start: 600, end: 840 }]);
    expect(d!.providers[0]!.queues.payments![0]!.hours).toBe('Mo-Fr 09:00-12:00,13:00-18:00;Sa 10:00-14:00');
  });

  it('refuses an unknown queue, channel type and a bad exception date', () => {
    expect(problems(SMALL.replace('      security:', '      fraud:'))).toEqual(['dir.yaml:16:7: unknown queue "fraud"; queues are payments, account, security, general']);
    // Misspelt or in capitals: said as the queue meant (QA: directory authors).
    expect(problems(SMALL.replace('      security:', '      securty:'))).toEqual(['dir.yaml:16:7: unknown queue "securty"; queues are payments, account, security, general; did you mean "security"?']);
    expect(problems(SMALL.replace('      security:', '      Security:'))[0]).toMatch(/did you mean "security"\?$/);
    expect(problems(SMALL.replace('type: email', 'type: fax'))[0]).toBe('dir.yaml:17:17: the channel type must be one of phone, chat, email, ticket, social, web, not the text "fax"');
    expect(problems(SMALL.replace('"2026-10-01"', '"2026-02-30"'))[0]).toBe('dir.yaml:7:17: the date must be a calendar date written YYYY-MM-DD, such as 2026-10-01');
  });

  it('takes an in-app path or a page per language for chat and web, and one value for the rest', () => {
    const perLanguage = SMALL.replace('value: In the app', 'value: { en: "App › Me › Help", zh: "App › 我的 › 帮助" }');
    const { directory, problems: p } = loadDirectoryText(perLanguage, 'dir.yaml');
    expect(p).toEqual([]);
    const at = new Date('2026-03-16T03:00:00Z');
    expect(contactCard(directory!.providers[0]!, 'payments', at, 'zh')!.channels.map((c) => c.value)).toContain('App › 我的 › 帮助');
    expect(contactCard(directory!.providers[0]!, 'payments', at, 'en')!.channels.map((c) => c.value)).toContain('App › Me › Help');
    // Each language's value is held to the channel's rules; a number is the same in every language.
    expect(problems(SMALL.replace('value: In the app', 'value: { en: "App › Help", zh: "help@acme.test" }'))).toEqual([
      'dir.yaml:14:42: a chat channel must give one https:// address or a path in the app, such as "App › Me › Help", not "help@acme.test"',
    ]);
    expect(problems(SMALL.replace('value: In the app', 'value: { en: "https://help.acme.test/chat", zh: "https://acme-help.test/chat" }'))[0]).toMatch(
      /^dir\.yaml:14:\d+: .*acme-help\.test.*acme\.test/,
    );
    expect(problems(SMALL.replace('value: "+1 202-555-0100"', 'value: { en: "+1 202-555-0100", zh: "+1 202-555-0101" }'))).toEqual([
      'dir.yaml:11:18: a phone channel has one value in every language: write it as one text; only chat and web channels (an in-app path, a page) may give one per language (en: and zh:)',
    ]);
  });

  it('requires an https official website', () => {
    expect(problems(SMALL.replace('https://help.acme.test/contact', 'http://help.acme.test/contact'))[0]).toMatch(/^dir\.yaml:4:14: the official website must use https:\/\//);
  });

  it('says a secret in an address or handle is a secret before any other problem quotes part of it (review)', () => {
    const key = 'e331b6d69882b4cb4ea581d88e0b604039a3de5967688d3dcffdd2270c0fd109';
    const phrase = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';
    const text = SMALL.replace('https://help.acme.test/contact', `https://help.acme.test/${key}`)
      .replace('value: In the app', `value: "https://help.acme.test/?u=https://x.io/${key}"`)
      .replace('value: sec@acme.test', `value: "@${phrase}"`)
      .replace('type: email', 'type: social');
    const found = problems(text);
    expect(found).toEqual([
      'dir.yaml:4:14: the official website contains what looks like a private key; a data file must never carry a secret: remove it',
      expect.stringMatching(/^dir\.yaml:\d+:\d+: the channel value contains what looks like a private key;/),
      expect.stringMatching(/^dir\.yaml:\d+:\d+: the channel value contains what looks like a recovery phrase;/),
    ]);
    expect(found.join('\n')).not.toMatch(/e331b6d6|abandon/);
  });
});

describe('contact cards', () => {
  const { directory } = loadDirectoryText(SMALL, 'dir.yaml');
  const acme = directory!.providers[0]!;

  it('lists open channels first, with the next change as an instant in the support’s zone', () => {
    // Monday 2026-11-23 19:00 in Shanghai: the phone has closed, the chat is open until 20:00.
    const card = contactCard(acme, 'payments', new Date('2026-11-23T11:00:00Z'), 'en')!;
    expect(card.channels.map((c) => [c.type, c.openNow, c.nextOpen, c.nextClose])).toEqual([
      ['chat', true, null, '2026-11-23T20:00:00+08:00'],
      ['phone', false, '2026-11-24T09:00:00+08:00', null],
    ]);
    expect(card).toMatchObject({ provider: 'Acme Pay', queue: 'payments', source: 'https://help.acme.test/contact', example: false });
  });

  it('applies provider-wide holidays', () => {
    const card = contactCard(acme, 'payments', new Date('2026-10-01T03:00:00Z'), 'en')!;
    expect(card.channels.every((c) => !c.openNow)).toBe(true);
    expect(card.channels.find((c) => c.type === 'phone')!.nextOpen).toBe('2026-10-02T09:00:00+08:00');
  });

  it('keeps a line in another zone open on the provider’s holidays: they are those of its zone', () => {
    const london = SMALL.replace(/(- type: phone\n(\s+)value: .*\n)/, '$1$2timezone: Europe/London\n');
    expect(london).not.toBe(SMALL);
    const { directory: d, problems } = loadDirectoryText(london, 'dir.yaml');
    expect(problems).toEqual([]);
    // Thursday 2026-10-01 10:00 in London: a working day there, whatever the day is in Shanghai.
    const card = contactCard(d!.providers[0]!, 'payments', new Date('2026-10-01T09:00:00Z'), 'en')!;
    expect(card.channels.find((c) => c.type === 'phone')).toMatchObject({ openNow: true, timezone: 'Europe/London' });
    // The same line in the provider's zone is closed that day.
    const shanghai = contactCard(acme, 'payments', new Date('2026-10-01T03:00:00Z'), 'en')!;
    expect(shanghai.channels.find((c) => c.type === 'phone')).toMatchObject({ openNow: false });
  });

  it('says what a holiday or a short day does to a channel’s hours that date, with the directory’s note (QA: author, agent)', () => {
    const text = SMALL.replace('      - { date: "2026-10-01", hours: "off" }', '      - { date: "2026-10-01", hours: "off", note: National Day }\n      - { date: "2026-10-02", hours: "10:00-12:00" }');
    const { directory: d, problems: p } = loadDirectoryText(text, 'dir.yaml');
    expect(p).toEqual([]);
    const phone = (at: string) => contactCard(d!.providers[0]!, 'payments', new Date(at), 'en')!.channels.find((c) => c.type === 'phone')!;
    expect(phone('2026-10-01T03:00:00Z')).toMatchObject({ openNow: false, exception: { date: '2026-10-01', hours: 'off', note: 'National Day' } });
    expect(phone('2026-10-02T03:00:00Z')).toMatchObject({ openNow: true, exception: { date: '2026-10-02', hours: '10:00-12:00' } });
    expect(phone('2026-10-02T03:00:00Z').exception).not.toHaveProperty('note');
    // The date is the support's: 2026-10-01 23:30 in UTC is already 2 October in Shanghai.
    expect(phone('2026-10-01T16:30:00Z').exception?.date).toBe('2026-10-02');
    expect(phone('2026-10-05T03:00:00Z')).not.toHaveProperty('exception');
  });

  it('puts 24/7 lines first for alerts, even when others are open too', () => {
    const at = new Date('2026-11-23T02:00:00Z'); // Monday 10:00 in Shanghai: both open
    expect(contactCard(acme, 'security', at, 'en')!.channels.map((c) => c.type)).toEqual(['email', 'phone']);
    expect(contactCard(acme, 'security', at, 'en', { alert: true })!.channels.map((c) => c.type)).toEqual(['phone', 'email']);
  });

  it('is null for a queue the directory lacks', () => {
    expect(contactCard(loadDirectoryText(NO_ACCOUNT, 'dir.yaml').directory!.providers[0]!, 'account', new Date(), 'en')).toBeNull();
  });
});

describe('contacts in the CLI', () => {
  const files = { 'acme.yaml': SMALL };

  it('fills contact in diagnose --json for escalations and alerts', async () => {
    const r = await run(['diagnose', 'account-compromised', '--json', '--now', '2026-11-21T23:00:00+08:00']);
    const contact = JSON.parse(r.stdout).outcome.contact;
    expect(contact).toMatchObject({ provider: 'Example Wallet', providerId: 'example-wallet', queue: 'security', source: 'https://www.example.com/help/contact', example: true });
    // The id is the one contacts --json gives and --provider takes: a script can go from one to the other.
    const contacts = JSON.parse((await run(['contacts', 'security', '--json'])).stdout);
    expect(contacts.provider).toBe(contact.providerId);
    expect((await run(['diagnose', 'account-compromised', '--json', '--provider', contact.providerId])).code).toBe(0);
    expect(Object.keys(contact.channels[0])).toEqual(['type', 'value', 'hours', 'timezone', 'openNow', 'nextOpen', 'nextClose', 'notes', 'languages']);
    expect(contact.channels[0].hours).toBe('24/7');
  });

  it('puts a value too long for its line on the next one at one fixed indent, in both languages; beside its channel when it fits (QA: desk, 40 columns)', async () => {
    for (const lang of ['en', 'zh']) {
      const narrow = await run(['--lang', lang, '--no-color', 'contacts'], { tty: true, columns: 40 });
      expect(narrow.code).toBe(0);
      const values = narrow.stdout.split('\n').filter((l) => /^ +(?:https:|[\w.]+@)/.test(l));
      expect(values.length, narrow.stdout).toBeGreaterThanOrEqual(lang === 'en' ? 4 : 1);
      // Every such value starts in the same column, under its channel's mark, not pushed towards the right margin.
      for (const l of values) expect(l, narrow.stdout).toMatch(/^ {4}\S/);
      const wide = await run(['--lang', lang, '--no-color', 'contacts'], { tty: true, columns: 120 });
      expect(wide.stdout).toMatch(lang === 'en' ? / {2}E-mail {2}payments@example\.com\n/ : / {2}工单 {2}https:\/\/www\.example\.com\/help\/ticket\n/);
    }
  });

  it('says with the contacts what official support never asks for, worded for the caller with --agent or the role (QA: desk)', async () => {
    const user = await run(['contacts', 'security']);
    expect(user.stdout.replace(/\s+/g, ' ')).toContain('Official support never asks for your password, recovery phrase, private key, 2FA code or remote access');
    const agent = await run(['contacts', 'security', '--agent']);
    expect(agent.stdout.replace(/\s+/g, ' ')).toContain('Tell the caller, in these words: "Official support never asks for your password');
    expect((await run(['contacts', 'security'], { env: { WALLET_HELP_ROLE: 'agent' } })).stdout).toContain('Tell the caller, in these words:');
    // In JSON, the notice of a diagnosis that shows a card, word for word (the user's words, as a diagnosis gives it).
    const diagnosis = JSON.parse((await run(['diagnose', 'account-compromised', '--json', '--agent'])).stdout);
    const listed = JSON.parse((await run(['contacts', '--json', '--agent'])).stdout);
    expect(listed.notice).toBe(diagnosis.outcome.notice);
    expect(listed.notice).toMatch(/^Official support never asks for your password/);
  });

  it('keeps contact null for fixes', async () => {
    const r = await run(['diagnose', 'payment-failed', '--network', 'offline', '--json']);
    expect(JSON.parse(r.stdout).outcome.contact).toBeNull();
  });

  it('shows a card with the example notice and when closed channels open, in the user’s time', async () => {
    // Friday 21:30 in New York = Saturday 09:30 in Shanghai: the office phone is closed until Monday 09:00 Shanghai.
    const r = await run(['contacts', 'payments', '--contacts', 'acme.yaml', '--now', '2026-03-13T21:30:00-04:00'], { files, env: { TZ: 'America/New_York' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Acme Pay — payments support');
    expect(r.stdout).toContain('opens Sun 21:00 your time, America/New_York (in 2 d)');
    expect(r.stdout).not.toContain('EXAMPLE');
    const demo = await run(['contacts', 'security']);
    expect(demo.stdout).toContain('EXAMPLE DATA');
    expect(demo.stdout).toContain('Check these contacts on the official website: https://www.example.com/help/contact');
  });

  it('refuses an empty --now, and takes an empty WALLET_HELP_NOW as unset, as an empty WALLET_HELP_LANG is (QA: "" was silently now)', async () => {
    for (const args of [['--now', ''], ['--now=']]) {
      const r = await run(['contacts', 'payments', ...args, '--json'], { env: { WALLET_HELP_NOW: '2026-11-20T09:30:00Z' } });
      expect(r.code).toBe(2);
      expect(JSON.parse(r.stdout).error).toMatchObject({ code: 'invalid_now', value: '', source: '--now' });
    }
    const unset = await run(['contacts', 'payments', '--json'], { env: { WALLET_HELP_NOW: '' } });
    expect(unset.code).toBe(0);
    expect(unset.stderr).toBe('');
    // The clock's time, as with no variable at all.
    expect(JSON.parse(unset.stdout).now).toBe(JSON.parse((await run(['contacts', 'payments', '--json'])).stdout).now);
  });

  it('takes every empty WALLET_HELP_ variable as unset, as WALLET_HELP_LANG and WALLET_HELP_CONFIG_DIR are read (QA: some were errors, one a warning)', async () => {
    const empty = { WALLET_HELP_PROVIDER: '', WALLET_HELP_CONTACTS: '', WALLET_HELP_ROLE: '', WALLET_HELP_CHECK_TIMEOUT: '', WALLET_HELP_NOW: '', WALLET_HELP_LANG: '' };
    const r = await run(['diagnose', 'account-compromised', '--json'], { env: empty });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse((await run(['diagnose', 'account-compromised', '--json'])).stdout));
  });

  it('refuses a --now or WALLET_HELP_NOW before 1970, which dates wrote as year "1" (QA: --now 0000-01-01)', async () => {
    for (const [args, env, source] of [[['--now', '0000-01-01'], {}, '--now'], [['--now', '1969-12-31T23:59:59Z'], {}, '--now'], [[], { WALLET_HELP_NOW: '0001-06-01' }, 'WALLET_HELP_NOW']] as const) {
      const r = await run(['contacts', 'payments', ...args, '--json'], { env });
      expect(r.code).toBe(2);
      expect(JSON.parse(r.stdout).error).toMatchObject({ code: 'invalid_now', source, message: expect.stringContaining('give a time from 1970 to 9999 (UTC)') });
    }
    const zh = await run(['--lang', 'zh', 'contacts', 'payments', '--now', '0000-01-01']);
    expect(zh.stderr).toContain('--now 为“0000-01-01”：请给出 1970 年至 9999 年（UTC）之间的时刻');
    expect((await run(['contacts', 'payments', '--now', '1970-01-01T00:00:00Z'])).code).toBe(0);
  });

  it('says when a local --now falls in the hour the clocks skipped, and for which time the hours are worked out (QA: support staff)', async () => {
    const env = { TZ: 'America/New_York' };
    const skipped = await run(['contacts', 'payments', '--now', '2026-03-08T02:30', '--json'], { env });
    expect(skipped.code).toBe(0);
    expect(skipped.stderr).toBe('Warning: --now 2026-03-08T02:30: that time does not exist in America/New_York (the clocks went forward over it), so the hours are worked out for 8 Mar 2026, 03:30.\n');
    // A time that exists, one with its offset, and one in a zone without the change: nothing to say.
    // 24:00, the end of a day, is none either (QA: directory authors: it was said to be skipped).
    for (const [now, zone] of [['2026-03-08T03:30', 'America/New_York'], ['2026-03-08T02:30-05:00', 'America/New_York'], ['2026-03-08T02:30', 'Asia/Shanghai'], ['2026-12-24T24:00', 'UTC']]) {
      expect((await run(['contacts', 'payments', '--now', now!, '--json'], { env: { TZ: zone! } })).stderr, now).toBe('');
    }
    const zh = await run(['--lang', 'zh', 'contacts', 'payments'], { env: { ...env, WALLET_HELP_NOW: '2026-03-08T02:30' } });
    expect(zh.stderr).toContain('WALLET_HELP_NOW 2026-03-08T02:30：这个时间在 America/New_York 不存在（时钟在这时拨快了），因此按 2026年3月8日 03:30 计算服务时间。');
  });

  it('says when a local --now happens twice (the clocks went back over it), which is taken, and how to choose (QA: agent)', async () => {
    const twice = await run(['contacts', 'payments', '--now', '2026-10-25T01:30', '--json'], { env: { TZ: 'Europe/London' } });
    expect(twice.code).toBe(0);
    expect(twice.stderr).toBe('Warning: --now 2026-10-25T01:30: that time happens twice in Europe/London (the clocks went back over it), so the hours are worked out for the later one. To choose, give it with its offset: 2026-10-25T01:30+01:00 or 2026-10-25T01:30+00:00.\n');
    // With its offset, or an hour that happens once: nothing to say.
    for (const now of ['2026-10-25T01:30+01:00', '2026-10-25T02:30', '2026-10-24T01:30']) {
      expect((await run(['contacts', 'payments', '--now', now, '--json'], { env: { TZ: 'Europe/London' } })).stderr, now).toBe('');
    }
  });

  it('shows on the card what a holiday does to a channel that day, and why', async () => {
    // The demo's Spring Festival short day (Sunday 7 February 2027 in Shanghai): the phone is open, outside its weekly hours.
    const r = await run(['contacts', 'payments', '--now', '2027-02-07T11:00:00+08:00']);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('Mon–Fri 09:00–18:00; Sat 10:00–14:00 (Asia/Shanghai) · this day: 10:00–16:00 (Spring Festival, short day) · until');
    const zh = await run(['--lang', 'zh', 'contacts', 'payments', '--now', '2026-10-01T11:00:00+08:00']);
    // The note in the card's language, where the directory gives one a language (review: it was English in Chinese cards).
    expect(zh.stdout.replace(/\s+/g, ' ')).toContain('当天休息（国庆节）');
  });

  it('says why a channel is open on a day closed all day: the night before runs on past midnight (QA: author #8)', async () => {
    const file = 'night.yaml';
    const files = { [file]: SMALL.replace('hours: "Mo-Fr 09:00-18:00"', 'hours: "Mo-Su 22:00-02:00"') };
    const night = await run(['--contacts', file, 'contacts', 'payments', '--now', '2026-10-01T01:00:00+08:00'], { files });
    expect(night.code, night.stderr).toBe(0);
    expect(night.stdout.replace(/\s+/g, ' ')).toMatch(/● open Phone .*closed this day · open now on the hours that began the evening before · until/);
    const zh = await run(['--lang', 'zh', '--contacts', file, 'contacts', 'payments', '--now', '2026-10-01T01:00:00+08:00'], { files });
    expect(zh.stdout.replace(/\s+/g, '')).toContain('当天休息·现在开放的是前一天晚上开始的服务时段');
    // Closed, as the day says: nothing more to explain.
    const later = await run(['--contacts', file, 'contacts', 'payments', '--now', '2026-10-01T23:00:00+08:00'], { files });
    expect(later.stdout).not.toContain('evening before');
  });

  it('says whose contacts they are when the directory lists several providers and none was chosen (QA: author)', async () => {
    const two = SMALL.replace('providers:\n', `providers:\n  - id: beta-pay\n    name: Beta Pay\n    website: https://help.beta.test/contact\n    timezone: UTC\n    queues:\n      payments:\n        - { type: email, value: pay@beta.test, hours: "24/7" }\n`);
    const files2 = { 'two.yaml': two };
    const r = await run(['contacts', 'payments', '--contacts', 'two.yaml'], { files: files2 });
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('These are the contacts of Beta Pay, the first provider of the directory; it lists acme too: choose one with --provider or the provider setting.');
    const diagnosed = await run(['diagnose', 'contact-support', '--answer', 'topic=payments', '--answer', 'payment-kind=money', '--contacts', 'two.yaml'], { files: files2 });
    expect(diagnosed.stdout.replace(/\s+/g, ' ')).toContain('the first provider of the directory; it lists acme too');
    // Chosen, or a directory of one: nothing to say.
    expect((await run(['contacts', 'payments', '--contacts', 'two.yaml', '--provider', 'acme'], { files: files2 })).stdout).not.toContain('first provider');
    expect((await run(['contacts', 'payments', '--contacts', 'acme.yaml'], { files })).stdout).not.toContain('first provider');
  });

  it('shows the in-app path in the language of the run', async () => {
    const zh = await run(['--lang', 'zh', 'contacts', 'security', '--json']);
    const en = await run(['contacts', 'security', '--json']);
    const values = (r: { stdout: string }) => JSON.parse(r.stdout).queues[0].channels.map((c: { value: string }) => c.value);
    expect(values(zh)).toContain('App › 我的 › 安全中心 › 冻结账户');
    expect(values(en)).toContain('App › Me › Security Center › Freeze account');
    const screen = await run(['--lang', 'zh', 'diagnose', 'account-compromised']);
    expect(screen.stdout).toContain('App › 我的 › 安全中心 › 冻结账户');
    expect(screen.stdout).not.toContain('Freeze account');
  });

  it('names a POSIX TZ such as CST-8 by its offset, never "undefined" (QA: review; needs the build)', () => {
    // Intl names no zone for a POSIX TZ, and only a process started with it shows that: the built CLI, in a process of its own.
    const home = tempDir();
    const cli = (tz: string, args: string[]) =>
      spawnSync(process.execPath, [join(ROOT, 'bin/wallet-help.js'), ...args], { env: { PATH: process.env.PATH ?? '', HOME: home, WALLET_HELP_CONFIG_DIR: home, TZ: tz, NO_COLOR: '1' }, encoding: 'utf8' }).stdout;
    const card = cli('CST-8', ['--lang', 'zh', 'contacts', 'payments', '--now', '2026-11-22T23:30:00+08:00']);
    expect(card).toContain('服务状态按你所在时区（UTC+8）2026年11月22日 23:30 计算');
    expect(cli('UTC+5', ['diagnose', 'account-compromised', '--no-input', '--summary', 'text'])).toMatch(/^Time: .* \(UTC-5\)$/m);
    expect(card + cli('CST-8', ['cases', 'list'])).not.toContain('undefined');
    // An empty TZ is UTC to the C library, and "Etc/Unknown" to Intl, which no formatter takes: it was an internal error.
    const empty = cli('', ['contacts', 'payments', '--now', '2026-11-22T23:30:00Z']);
    expect(empty).toContain('Open or closed as of 22 Nov 2026, 23:30 your time (UTC)');
    expect(cli('', ['cases', 'list'])).toContain('No saved cases');
  });

  it('writes times and durations the Chinese way', async () => {
    const r = await run(['--lang', 'zh', 'contacts', 'payments', '--contacts', 'acme.yaml', '--now', '2026-03-13T21:30:00-04:00'], { files, env: { TZ: 'America/New_York' } });
    expect(r.stdout).toContain('你的当地时间（北美东部时间，America/New_York）周日 21:00 开始服务（2 天后）');
    // A channel's zone by its Chinese name before its id (QA: zh user: the id alone is jargon); English keeps the id.
    const card = (await run(['--lang', 'zh', 'contacts', 'account'])).stdout;
    expect(card).toContain('（英国时间，Europe/London）');
    // A zone named as it is now, not as it was in 1970 (QA: checks review, Lord Howe Island was called Sydney's time).
    const [{ zoneShown }, { translator }] = await Promise.all([import('../src/render/time.js'), import('../src/i18n/i18n.js')]);
    expect(zoneShown('Australia/Lord_Howe', 'zh', (await translator('zh')))).toBe('豪勋爵岛时间，Australia/Lord_Howe');
    expect((await run(['contacts', 'account'])).stdout).toContain('(Europe/London)');
  });

  it('lists a channel\'s languages by name, as Intl.ListFormat\'s narrow style would, in English and Chinese', async () => {
    const [en, zh] = await Promise.all([translator('en'), translator('zh')]);
    expect(formatLanguages(['en', 'zh'], 'en', en)).toBe('English, Chinese');
    expect(formatLanguages(['en', 'zh', 'ja'], 'zh', zh)).toBe('英语、中文、日语');
    expect(formatLanguages(['en'], 'en', en)).toBe('English');
    // The list is written without building an Intl.ListFormat (a run's first costs ~5 ms): the same text.
    for (const [lang, t, locale] of [['en', en, 'en-GB'], ['zh', zh, 'zh-CN']] as const) {
      const names = new Intl.DisplayNames([locale], { type: 'language' });
      for (const tags of [['en'], ['en', 'zh'], ['zh', 'en', 'fr', 'es']]) {
        const expected = new Intl.ListFormat(locale, { type: 'conjunction', style: 'narrow' }).format(tags.map((tag) => names.of(tag) ?? tag));
        expect(formatLanguages(tags, lang, t)).toBe(expected);
      }
    }
  });

  it('leaves a part of a duration that is zero out, in English and Chinese', async () => {
    const [en, zh] = await Promise.all([translator('en'), translator('zh')]);
    const hours = (h: number) => h * 3_600_000;
    expect(formatDuration(hours(48), en)).toBe('2 d');
    expect(formatDuration(hours(48), zh)).toBe('2 天');
    expect(formatDuration(hours(49), zh)).toBe('2 天 1 小时');
    expect(formatDuration(hours(3), en)).toBe('3 h');
    expect(formatDuration(hours(3) + 60_000, en)).toBe('3 h 1 min');
    expect(formatDuration(1, en)).toBe('1 min');
    // Over a day, to the nearest hour (QA: directory review; the minutes were dropped).
    expect(formatDuration(hours(24) + 59 * 60_000, en)).toBe('1 d 1 h');
    expect(formatDuration(hours(6 * 24 + 22) + 30 * 60_000, zh)).toBe('6 天 23 小时');
    expect(formatDuration(hours(47) + 1, en)).toBe('1 d 23 h');
    expect(formatDuration(hours(47) + 30 * 60_000, en)).toBe('2 d');
    expect(formatDuration(hours(24), en)).toBe('1 d');
  });

  it('takes --now from WALLET_HELP_NOW, the flag winning', async () => {
    const env = { WALLET_HELP_NOW: '2026-11-23T10:00:00+08:00' };
    const fromEnv = JSON.parse((await run(['contacts', 'payments', '--contacts', 'acme.yaml', '--json'], { files, env })).stdout);
    expect(fromEnv.queues[0].channels.every((c: { openNow: boolean }) => c.openNow)).toBe(true);
    const flag = JSON.parse((await run(['contacts', 'payments', '--contacts', 'acme.yaml', '--json', '--now', '2026-11-23T23:00:00+08:00'], { files, env })).stdout);
    expect(flag.queues[0].channels.every((c: { openNow: boolean }) => !c.openNow)).toBe(true);
  });

  it('says where a directory or provider that cannot be used was named, when the command line does not show it (QA: operator)', async () => {
    const env = await run(['contacts'], { env: { WALLET_HELP_CONTACTS: 'missing.yaml' } });
    expect(env.code).toBe(2);
    expect(env.stderr).toContain('Cannot read missing.yaml: no such file. (It was named by WALLET_HELP_CONTACTS.)');
    const provider = await run(['contacts', '--json'], { env: { WALLET_HELP_PROVIDER: 'nope' } });
    expect(JSON.parse(provider.stdout).error.message).toMatch(/no provider "nope".*\(It was named by WALLET_HELP_PROVIDER\.\)$/);
    const dir = tempDir();
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ provider: 'nope' }));
    expect((await run(['contacts'], { env: { WALLET_HELP_CONFIG_DIR: dir } })).stderr).toContain('(It was named by the provider setting.)');
    // Named on the command line, it is in plain sight: no note.
    expect((await run(['--contacts', 'missing.yaml', 'contacts'])).stderr).not.toContain('named by');
  });

  it('uses a directory given for the run with its first provider when the provider setting names one of another file, and says so (QA: desk)', async () => {
    // The setting was made for the bundled directory; a one-off file of another provider was refused for it.
    const dir = tempDir();
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ provider: 'example-wallet' }));
    const env = { WALLET_HELP_CONFIG_DIR: dir };
    for (const args of [['--contacts', 'acme.yaml', 'contacts', '--json'], ['contacts', '--json']]) {
      const r = await run(args, { files, env: args.includes('--contacts') ? env : { ...env, WALLET_HELP_CONTACTS: 'acme.yaml' } });
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).provider).toBe('acme');
      expect(r.stderr.replace(/\s+/g, ' ')).toContain('Warning: The provider setting names "example-wallet", which acme.yaml does not have: its first provider, acme, is used for this run. To choose one, give --provider (acme).');
    }
    // In its own directory the setting holds, and a provider named for the run is still refused when the file lacks it.
    expect(JSON.parse((await run(['contacts', '--json'], { env })).stdout).provider).toBe('example-wallet');
    const named = await run(['--contacts', 'acme.yaml', '--provider', 'example-wallet', 'contacts', '--json'], { files, env });
    expect(JSON.parse(named.stdout).error).toMatchObject({ code: 'unknown_provider', source: '--provider' });
    // So is the setting's provider when the settings' own directory lacks it: the two settings disagree.
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ provider: 'example-wallet', contactsFile: join(dir, 'acme.yaml') }));
    const settings = await run(['contacts', '--json'], { env, files: { [join(dir, 'acme.yaml')]: SMALL } });
    expect(JSON.parse(settings.stdout).error, settings.stdout).toMatchObject({ code: 'unknown_provider', source: 'setting' });
  });

  it('takes the directory from WALLET_HELP_CONTACTS when no flag names one', async () => {
    const r = await run(['contacts', '--json'], { files, env: { WALLET_HELP_CONTACTS: 'acme.yaml' } });
    expect(JSON.parse(r.stdout).provider).toBe('acme');
  });

  it('--open keeps only the channels open now', async () => {
    const r = await run(['contacts', 'payments', '--open', '--json', '--contacts', 'acme.yaml', '--now', '2026-11-23T19:00:00+08:00'], { files });
    expect(JSON.parse(r.stdout).queues[0].channels.map((c: { type: string }) => c.type)).toEqual(['chat']);
  });

  it('--open with every channel of a queue closed says when the first opens and how to see them all (QA: README; it said "No channel matches.")', async () => {
    const args = ['contacts', 'payments', '--open', '--contacts', 'acme.yaml'];
    const env = { TZ: 'Asia/Shanghai' };
    const then = await run([...args, '--now', '2026-11-23T23:00:00+08:00'], { files, env });
    expect(then.code).toBe(0);
    expect(then.stdout).toContain('No channel is open at that time; the first opens Tue 08:00 your time, Asia/Shanghai (in 9 h). Without --open, every channel is shown with its hours.');
    const zh = await run(['--lang', 'zh', ...args, '--now', '2026-11-23T23:00:00+08:00'], { files, env });
    expect(zh.stdout).toContain('该时间没有渠道在服务；最早的渠道于你的当地时间（中国标准时间，Asia/Shanghai）周二 08:00 开始服务（9 小时后）。去掉 --open 可查看每个渠道及其服务时间。');
  });

  it('says so when the operator’s directory lacks a queue, instead of printing nothing', async () => {
    const files = { 'acme.yaml': NO_ACCOUNT };
    const r = await run(['diagnose', 'contact-support', '--answer', 'topic=account', '--contacts', 'acme.yaml', '--json'], { files });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.outcome).toMatchObject({ kind: 'escalate', queue: 'account', contact: null });
    // In a case, where to find them; the notice points to the website, as no contacts are "shown here" (QA: author).
    expect(doc.warnings[0]).toBe('No account contacts for Acme Pay are in the directory (acme.yaml). Find them on the official website, https://help.acme.test/contact, or in the official app.');
    expect(doc.outcome.notice).toMatch(/Reach it only through the official app or its website, https:\/\/help\.acme\.test\/contact, never through a number or link someone sent you\.$/);
    const human = await run(['diagnose', 'contact-support', '--answer', 'topic=account', '--contacts', 'acme.yaml'], { files });
    expect(human.stdout).toContain('No account contacts for Acme Pay are in the directory (acme.yaml).');
    expect(human.stdout).not.toContain('contacts shown here');
    const agent = await run(['diagnose', 'contact-support', '--agent', '--answer', 'topic=account', '--contacts', 'acme.yaml'], { files });
    expect(agent.stdout.replace(/\s+/g, ' ')).toContain('Reach support only through the official app or its website, https://help.acme.test/contact, never through a number or link someone sent you."');
    // The operator's listing says how to mend the directory.
    expect(human.stdout).not.toContain('Add them to the directory');
    // Asked for that team alone, the answer is that it has none, where its card would be: no empty card, no "contacts
    // shown here" (QA: UX review).
    const list = await run(['contacts', 'account', '--contacts', 'acme.yaml'], { files });
    expect(list.code).toBe(0);
    expect(list.stdout.replace(/\s+/g, ' ')).toContain('The directory (acme.yaml) has no account contacts for Acme Pay');
    expect(list.stdout).not.toContain('contacts shown here');
    expect(list.stdout).not.toContain('Check these contacts');
    expect(list.stdout.replace(/\s+/g, ' ')).toContain('Reach it only through the official app or its website, https://help.acme.test/contact');
    expect(list.stderr).toBe('');
    const json = JSON.parse((await run(['contacts', 'account', '--contacts', 'acme.yaml', '--json'], { files })).stdout);
    expect(json).toMatchObject({ queues: [], missing: [{ queue: 'account' }] });
    expect(json.notice).toContain('official app or its website');
    // With the other teams, their cards and the notice about them, and the missing one on standard error as before.
    const all = await run(['contacts', '--contacts', 'acme.yaml'], { files });
    expect(all.stdout).toContain('contacts shown here');
    expect(all.stderr).toContain('The directory (acme.yaml) has no account contacts for Acme Pay');
  });

  it('rejects a broken directory, an unknown provider or queue, and a bad --now with exit 2', async () => {
    const bad = await run(['contacts', '--contacts', 'bad.yaml'], { files: { 'bad.yaml': SMALL.replace('Asia/Shanghai', 'Mars/Olympus') } });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bad.yaml:5:15: unknown time zone "Mars/Olympus"');
    const provider = await run(['contacts', '--contacts', 'acme.yaml', '--provider', 'nope'], { files });
    expect(provider.code).toBe(2);
    expect(provider.stderr).toContain('no provider "nope". Its providers are: acme');
    expect((await run(['contacts', 'refunds'])).stderr).toContain('There is no queue "refunds". Queues are: payments (payments support), account (account support)');
    // One name for the support teams in Chinese, in the error and its list (QA: zh editor).
    expect((await run(['--lang', 'zh', 'contacts', 'refunds'])).stderr).toContain('没有客服团队“refunds”。可用的客服团队：payments（支付客服）、account（账户客服）');
    // A team named in the user's words, or a typo, gets the id meant (QA: zh user).
    expect((await run(['--lang', 'zh', 'contacts', '安全'])).stderr).toContain('你是不是想输入 security（安全客服）？');
    expect(JSON.parse((await run(['contacts', 'securty', '--json'])).stdout).error).toMatchObject({ code: 'unknown_queue', suggestions: ['security'] });
    // The team named in Chinese in an English run, as a script passes a user's words (QA: script).
    expect(JSON.parse((await run(['contacts', '安全', '--json'])).stdout).error).toMatchObject({ code: 'unknown_queue', suggestions: ['security'] });
    const now = await run(['contacts', '--now', 'tomorrow']);
    expect(now.code).toBe(2);
    expect(now.stderr).toContain('--now expects an ISO-8601 date and time');
    // An offset past 23:59 is refused, not wrapped into another day; real ones are taken as written.
    for (const offset of ['+99:99', '+25:00', '-24:00', '+05:60']) expect((await run(['contacts', '--now', `2026-11-22T10:00:00${offset}`, '--json'])).code, offset).toBe(2);
    for (const [offset, utc] of [['+14:00', '2026-11-21T20:00:00.000Z'], ['-0930', '2026-11-22T19:30:00.000Z'], ['+05', '2026-11-22T05:00:00.000Z']]) {
      expect(JSON.parse((await run(['contacts', '--now', `2026-11-22T10:00:00${offset}`, '--json'])).stdout).now, offset).toBe(utc);
    }
    const env = await run(['contacts', '--json'], { env: { WALLET_HELP_NOW: 'garbage' } });
    expect(env.code).toBe(2);
    expect(JSON.parse(env.stdout).error).toMatchObject({ code: 'invalid_now', message: expect.stringMatching(/^WALLET_HELP_NOW expects an ISO-8601 date and time .* not "garbage"\.$/), value: 'garbage', source: 'WALLET_HELP_NOW' });
    expect((await run(['contacts', '--contacts', 'missing.yaml'])).stderr).toContain('Cannot read missing.yaml: no such file.');
  });
});

describe('hours written with spaces around them (QA: directory review)', () => {
  it('"24/7 " is always open, shown and given as 24/7', async () => {
    const files = { '/d.yaml': phoneDirectory([{ id: 'one', hours: ' 24/7 ' }]) };
    const text = await run(['--contacts', '/d.yaml', 'contacts', 'security'], { files });
    expect(text.stdout).toContain('always open');
    expect(text.stdout).not.toContain('24/7 (Europe/London)');
    const doc = json(await run(['--contacts', '/d.yaml', 'contacts', 'security', '--json'], { files }));
    expect(JSON.stringify(doc)).toContain('"hours":"24/7"');
  });
});

describe('a contact listed by two providers (QA: directory review)', () => {
  const lines = (security: string) => ({ security, payments: '+44 20 7946 0002', account: '+44 20 7946 0003', general: '+44 20 7946 0004' });
  it('is a warning at the later one, naming the provider verify gives it to', () => {
    const shared = validateDirectoryText(phoneDirectory([{ id: 'good', lines: lines('+44 20 7946 0001') }, { id: 'other', lines: lines('+44 (20) 7946-0001') }]), 'en');
    expect(shared.problems).toEqual([]);
    const said = (shared.warnings ?? []).map(formatProblem).filter((w) => w.includes('is listed by provider'));
    expect(said[0]).toMatch(/^dir\.yaml:\d+:\d+: the phone contact "\+44 \(20\) 7946-0001" of provider "other" is listed by provider "good" too: verify names "good" as its owner/);
    // One provider's own lines are no one else's.
    const alone = validateDirectoryText(phoneDirectory([{ id: 'good', lines: lines('+44 20 7946 0001') }]));
    expect((alone.warnings ?? []).filter((w) => w.message.includes('is listed by provider'))).toEqual([]);
  });
});

describe('a time the clocks show twice (QA: directory review)', () => {
  it('is said with its offset, and any other time without one', () => {
    const now = new Date('2026-11-01T05:45:00Z');
    // 01:00 EST, an hour after 01:00 EDT: New York sets its clocks back at 02:00 EDT on 1 Nov 2026.
    expect(formatWhen(new Date('2026-11-01T06:00:00Z'), now, 'America/New_York', 'en')).toBe('Sun 01:00 GMT-5');
    expect(formatWhen(new Date('2026-11-01T05:00:00Z'), now, 'America/New_York', 'en')).toBe('Sun 01:00 GMT-4');
    expect(formatWhen(new Date('2026-11-01T08:00:00Z'), now, 'America/New_York', 'en')).toBe('Sun 03:00');
    // Lord Howe Island goes back half an hour.
    expect(formatWhen(new Date('2026-04-04T15:15:00Z'), new Date('2026-04-04T14:00:00Z'), 'Australia/Lord_Howe', 'zh')).toBe('周日 01:45 GMT+10:30');
    expect(formatWhen(new Date('2026-11-20T10:00:00Z'), new Date('2026-11-19T10:00:00Z'), 'Asia/Shanghai', 'zh')).toBe('周五 18:00');
  });
});
