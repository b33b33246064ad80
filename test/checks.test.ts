/** Check questions: the suspicious-contact flow checks the claimed contact against the directory on the spot. */
import { generateMnemonic } from '@scure/bip39';
import { wordlist as english } from '@scure/bip39/wordlists/english.js';
import dns from 'node:dns';
import os from 'node:os';
import { describe, expect, it, vi } from 'vitest';
import { loadFlowText } from '../src/flows/load.js';
import { run } from './helpers.js';

const base = ['diagnose', 'suspicious-contact', '--answer', 'request=nothing-sensitive', '--answer', 'first-contact=they-contacted-me'];
const json = (s: string) => JSON.parse(s);

describe('the verify-contact check', () => {
  it('turns a look-alike into the fake-contact alert and records the check', async () => {
    const r = await run([...base, '--check-input', 'claimed-contact=https://examp1e.com/login', '--json']);
    expect(r.code).toBe(0);
    const doc = json(r.stdout);
    expect(doc.outcome).toMatchObject({ id: 'alert-fake-contact', kind: 'alert', queue: 'security' });
    expect(doc.checks).toEqual([{ question: 'claimed-contact', check: 'verify-contact', input: 'examp1e.com', typed: 'https://examp1e.com/login', result: 'lookalike', imitates: 'https://www.example.com/help/contact', reasons: expect.arrayContaining(['edit-distance']) }]);
    expect(doc.answers['claimed-contact']).toBe('lookalike');
  });

  it('words the warning about a faked caller ID for the agent in agent mode, as verify --agent does (QA: Chinese review)', async () => {
    const args = [...base, '--check-input', 'claimed-contact=+1 (202) 555-0199'];
    const flat = (text: string) => text.replace(/\s+/g, ' ');
    expect(flat((await run(args)).stdout)).toContain('If such a call or text reached you, hang up');
    const agent = flat((await run([...args, '--agent'])).stdout);
    expect(agent).toContain('If such a call or text reached the caller, tell them to hang up');
    expect(agent).not.toContain('reached you');
    expect(flat((await run(['--lang', 'zh', ...args, '--agent'])).stdout)).toContain('如果是这样的来电或短信找上来电者');
  });

  it('answers official and unknown from the directory', async () => {
    const official = json((await run([...base, '--check-input', 'claimed-contact=+1 (202) 555-0199', '--json'])).stdout);
    expect(official.outcome.id).toBe('fix-official-contact-spoofable');
    expect(official.checks[0]).toMatchObject({ input: '+12025550199', result: 'official' });
    // Told to call back through the official contacts, the user is shown them (QA: user, none were shown).
    expect(official.outcome.contact).toMatchObject({ queue: 'security', providerId: 'example-wallet' });
    const hangUp = json((await run(['diagnose', 'suspicious-contact', '--answer', 'request=nothing-sensitive', '--answer', 'first-contact=they-contacted-me', '--answer', 'claimed-contact=not-given', '--json'])).stdout);
    expect(hangUp.outcome).toMatchObject({ id: 'fix-hang-up-call-back', contact: { queue: 'security' } });
    // A stranger who called from a number that is not official: hang up and call back through the official contacts.
    const unknown = json((await run([...base, '--check-input', 'claimed-contact=wikipedia.org', '--json'])).stdout);
    expect(unknown.outcome.id).toBe('fix-hang-up-call-back');
    // A number the user found themselves that is not official: stop using it, use the official contacts.
    const found = ['diagnose', 'suspicious-contact', '--answer', 'request=nothing-sensitive', '--answer', 'first-contact=found-elsewhere'];
    const foundUnknown = json((await run([...found, '--check-input', 'found-contact=wikipedia.org', '--json'])).stdout);
    expect(foundUnknown.outcome.id).toBe('fix-use-official-contacts');
    expect(foundUnknown.checks[0]).toMatchObject({ question: 'found-contact', check: 'verify-contact', result: 'unknown' });
  });

  it('lets an answer given up front win over the check', async () => {
    const doc = json((await run([...base, '--answer', 'claimed-contact=unknown', '--check-input', 'claimed-contact=example.com', '--json'])).stdout);
    expect(doc.outcome.id).toBe('fix-hang-up-call-back');
    expect(doc.checks).toBeUndefined();
  });

  it('asks for the contact on a terminal and shows what the check found', async () => {
    const r = await run(['diagnose', 'suspicious-contact'], {
      tty: true,
      prompts: [{ pick: 'nothing-sensitive' }, { pick: 'they-contacted-me' }, { expect: 'Type the number', pick: '+1 202-555-0199' }],
    });
    r.prompter.assertDone();
    expect(r.code).toBe(0);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('✔ Checked: +1 202-555-0199 is an official contact of Example Wallet (security support).');
    expect(r.stdout).toContain('The contact is official, but a call can still be faked');
  });

  it('takes an empty line as "not given"', async () => {
    const r = await run(['diagnose', 'suspicious-contact', '--json'], { tty: false });
    expect(json(r.stdout).error.code).toBe('missing_answer');
    // A caller who contacted the user: hang up and call back. A contact the user found and no longer has: use only the official ones.
    const called = await run(['diagnose', 'suspicious-contact'], { tty: true, prompts: [{ pick: 'nothing-sensitive' }, { pick: 'they-contacted-me' }, { pick: '' }] });
    expect(called.stdout).toContain('No contact was given to check.');
    expect(called.stdout).toContain('Hang up and contact support yourself');
    const found = await run(['diagnose', 'suspicious-contact'], { tty: true, prompts: [{ pick: 'nothing-sensitive' }, { pick: 'found-elsewhere' }, { pick: '' }] });
    expect(found.stdout).toContain('No contact was given to check.');
    expect(found.stdout).toContain('Use only the official contacts');
  });

  it('refuses a secret typed at the check without echoing it, and asks again', async () => {
    const phrase = generateMnemonic(english, 128);
    const r = await run(['diagnose', 'suspicious-contact'], {
      tty: true,
      prompts: [{ pick: 'nothing-sensitive' }, { pick: 'they-contacted-me' }, { expect: 'Type the number', pick: phrase }, { expect: 'Type the number', pick: '+1 202-555-0199' }],
    });
    r.prompter.assertDone();
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('That looks like a recovery phrase. Never share it with anyone');
    expect(r.stderr).toContain('Type the answer again, without it.');
    expect(r.stdout + r.stderr).not.toContain(phrase.split(' ').slice(0, 3).join(' '));
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('✔ Checked: +1 202-555-0199 is an official contact of Example Wallet (security support).');
    // While it is typed, the phrase is drawn masked; a contact is not.
    const [prompt] = r.prompter.inputs;
    expect(prompt!.mask?.(phrase)).toBe(true);
    expect(prompt!.mask?.('+1 202-555-0199')).toBe(false);
  });

  it('says when typed text is not a contact and asks again; an empty line still skips', async () => {
    const prompts = [{ pick: 'nothing-sensitive' }, { pick: 'they-contacted-me' }, { expect: 'Type the number', pick: 'he said his name is Bob' }];
    const again = await run(['diagnose', 'suspicious-contact'], { tty: true, prompts: [...prompts, { expect: 'Type the number', pick: 'examp1e.com' }] });
    again.prompter.assertDone();
    expect(again.code).toBe(0);
    // Wrapped to the terminal: read as one line.
    // Several words that are no contact are not quoted back (they may be most of a recovery phrase).
    expect(again.stderr.replace(/\s+/g, ' ')).toContain('That is not a phone number, e-mail address, website or handle, and is not repeated here.');
    expect(again.stdout).toContain('✘ Checked: examp1e.com is NOT official: it imitates');
    const skipped = await run(['diagnose', 'suspicious-contact'], { tty: true, prompts: [...prompts, { pick: '' }] });
    skipped.prompter.assertDone();
    expect(skipped.stdout).toContain('No contact was given to check.');
  });

  it('puts what the agent asks and the prompt one after the other as sentences: no space between them in Chinese (QA: interactive review)', async () => {
    const prompts = [{ pick: 'nothing-sensitive' }, { pick: 'they-contacted-me' }];
    const zh = await run(['--lang', 'zh', 'diagnose', 'suspicious-contact', '--agent'], { tty: true, prompts: [...prompts, { expect: '社交媒体上的账号。输入对方使用的电话号码', pick: 'cancel' }] });
    zh.prompter.assertDone();
    const en = await run(['diagnose', 'suspicious-contact', '--agent'], { tty: true, prompts: [...prompts, { expect: 'a handle from social media. Type the number', pick: 'cancel' }] });
    en.prompter.assertDone();
  });

  it('says what verify says: the contact as typed, which official contact it imitates and how; the summary says it in words (QA: desk)', async () => {
    const prompts = [{ pick: 'nothing-sensitive' }, { pick: 'they-contacted-me' }];
    const r = await run(['diagnose', 'suspicious-contact', '--summary', 'text'], { tty: true, prompts: [...prompts, { expect: 'Type the number', pick: '+1 202-555-0134' }] });
    r.prompter.assertDone();
    const shown = r.stdout.replace(/\s+/g, ' ');
    expect(shown).toContain('✘ Checked: +1 202-555-0134 is NOT official: it imitates +1 202-555-0143, a contact of Example Wallet. The number is close to an official number but not the same.');
    expect(shown).toContain('- Contact checked: +1 202-555-0134 is NOT official: it imitates +1 202-555-0143. The number is close to an official number but not the same.');
    expect(r.stdout).not.toMatch(/→|\(verify-contact\)/);
    // At 40 columns, its lines go on under the text after the mark, as a check's result line does.
    const narrow = await run(['--no-color', 'diagnose', 'suspicious-contact'], { tty: true, columns: 40, prompts: [...prompts, { pick: '+1 202-555-0134' }] });
    const lines = narrow.stdout.split('\n');
    const at = lines.findIndex((l) => l.startsWith('✘ Checked:'));
    expect(lines.slice(at + 1, at + 5), narrow.stdout).toEqual(['  official: it imitates +1 202-555-0143,', '  a contact of Example Wallet. The', '  number is close to an official number', '  but not the same.']);
    // The record keeps the normal form for scripts, and the text as typed beside it.
    const doc = json((await run([...base, '--check-input', 'claimed-contact=+1 202-555-0134', '--json'])).stdout);
    expect(doc.checks[0]).toMatchObject({ input: '+12025550134', typed: '+1 202-555-0134', result: 'lookalike', imitates: '+1 202-555-0143', reasons: ['similar-number'] });
    // A digit added, where no US number is that long: still the look-alike it is, and the alert (QA: checks review).
    const added = json((await run([...base, '--check-input', 'claimed-contact=+1 202-555-01430', '--json'])).stdout);
    expect(added.checks[0]).toMatchObject({ typed: '+1 202-555-01430', result: 'lookalike', imitates: '+1 202-555-0143', reasons: ['similar-number'] });
    expect(added.outcome.kind).toBe('alert');
    // A handle keeps its "@"; nothing typed is said in words too, in Chinese as well.
    const handle = await run(['diagnose', 'suspicious-contact'], { tty: true, prompts: [...prompts, { pick: '@examplewallet_support' }] });
    expect(handle.stdout).toContain('@examplewallet_support');
    const none = await run(['--lang', 'zh', 'diagnose', 'suspicious-contact', '--summary', 'md'], { tty: true, prompts: [...prompts, { pick: '' }] });
    expect(none.stdout).toContain('- 核实的联系方式：没有提供。');
    const official = await run(['diagnose', 'suspicious-contact', '--summary', 'md'], { tty: true, prompts: [...prompts, { pick: '+1 202-555-0199' }] });
    expect(official.stdout).toContain('- Contact checked: `+1 202-555-0199` is an official contact.');
    // The measured checks are in words too, in the ticket's language.
    const args = ['deposit-missing', '-a', 'method=crypto', '-a', 'send-status=completed', '-a', 'confirmations=confirmed', '-a', 'minimum=above-minimum', '-a', 'credit-check=still-missing', '--fact', 'chain=ltc', '--fact', 'address=LVg2kJoFNg45Nbpy53h7Fe1wKyeXVRhMH9', '--summary', 'text'];
    const measured = await run(['diagnose', ...args]);
    expect(measured.stdout).toContain('\n  - Receiving address LVg2kJoFNg45Nbpy53h7Fe1wKyeXVRhMH9: the address belongs to the chosen chain\n  - Memo or tag: no memo needed\n');
    expect((await run(['--lang', 'zh', 'diagnose', ...args])).stdout).toContain('\n  - 备注/标签：不需要备注\n');
    // What a check found is said as done, not as still running (QA: Chinese review: "正在检查备注/标签…… 不需要备注").
    const zh = await run(['--lang', 'zh', 'diagnose', ...args]);
    expect(zh.stderr).toContain('已检查备注/标签：不需要备注');
    expect(zh.stderr).not.toContain('正在检查');
    expect(measured.stderr).toContain('Checking the memo or tag… no memo needed');
  });

  it('names the question when there is no prompt and no input', async () => {
    const r = await run([...base, '--json']);
    expect(r.code).toBe(2);
    expect(json(r.stdout).error).toMatchObject({ code: 'missing_answer', question: { id: 'claimed-contact', values: ['official', 'lookalike', 'unknown', 'not-given'] } });
  });

  it('rejects --check-input for a question without a check, and text that is not a contact', async () => {
    expect(json((await run([...base, '--check-input', 'request=x', '--json'])).stdout).error.code).toBe('invalid_check_input');
    expect(json((await run([...base, '--check-input', 'claimed-contact=???', '--json'])).stdout).error.code).toBe('invalid_check_input');
    expect(json((await run([...base, '--check-input', 'no-equals-sign', '--json'])).stdout).error.code).toBe('invalid_check_input');
  });
});

describe('validating check questions', () => {
  const flow = (question: string) => `id: t
version: 1
title: { en: T, zh: 测 }
description: { en: T, zh: 测 }
start: q
questions:
  q:
    text: { en: Q, zh: 问 }
${question}
outcomes:
  done: { kind: fix, title: { en: D, zh: 完 }, steps: [{ en: Do it, zh: 做 }] }
${question.includes('next: alarm') ? '  alarm: { kind: alert, queue: security, title: { en: A fake, zh: 假的 }, steps: [{ en: Hang up, zh: 挂断 }] }\n' : ''}${question.includes('next: fake-desk') ? '  fake-desk: { kind: escalate, queue: payments, title: { en: Pay, zh: 付 }, steps: [{ en: Ask the team, zh: 问 }] }\n' : ''}tests:
  - { answers: { q: official }, expect: done }
`;
  // The look-alike verdict leads to the alert (or where \`lookalike\` says), every other answer to the fix.
  const answers = (values: string[], lookalike = 'alarm') => `    answers:\n${values.map((v) => `      - { value: ${v}, label: { en: ${v}, zh: ${v} }, next: ${v === 'lookalike' ? lookalike : 'done'} }`).join('\n')}`;

  it('accepts a complete check question', () => {
    expect(loadFlowText(flow(`    check: verify-contact\n    input: { en: Type it, zh: 输入 }\n${answers(['official', 'lookalike', 'unknown'])}`), 'flows/t.yaml').problems).toEqual([]);
  });

  it('refuses a look-alike verdict that can lead to anything but an alert or an escalation to the security team (QA: flow authoring)', () => {
    const msgs = (text: string) => loadFlowText(flow(text), 'flows/t.yaml').problems.map((p) => `${p.line}: ${p.message}`);
    const check = '    check: verify-contact\n    input: { en: Type it, zh: 输入 }\n';
    // "The caller is genuine support" for a contact that imitates an official one; or a team other than security.
    for (const [to, kind] of [['done', 'fix'], ['fake-desk', 'escalate']]) {
      expect(msgs(`${check}${answers(['official', 'lookalike', 'unknown'], to)}`)).toEqual([
        `13: the look-alike verdict of the contact check "q" can lead to "${to}", a ${kind} outcome: a contact that imitates an official one is a scam, so its answer must lead to an alert (kind: alert) or an escalation to the security team`,
      ]);
    }
    // Through another question too.
    const via = flow(`${check}${answers(['official', 'lookalike', 'unknown'], 'q2')}\n  q2:\n    text: { en: Q2, zh: 问二 }\n${answers(['yes', 'no']).replace('next: done }', 'next: alarm }')}`);
    expect(loadFlowText(via, 'flows/t.yaml').problems.map((p) => p.message)).toEqual([expect.stringContaining('the look-alike verdict of the contact check "q" can lead to "done", a fix outcome')]);
  });

  it('requires the input prompt and every result value, and input only with a check', () => {
    const msgs = (text: string) => loadFlowText(flow(text), 'flows/t.yaml').problems.map((p) => p.message);
    expect(msgs(`    check: verify-contact\n${answers(['official', 'lookalike', 'unknown'])}`)).toEqual(['question "q" runs a check and needs "input:", the prompt for what the user types']);
    expect(msgs(`    check: verify-contact\n    input: { en: Type it, zh: 输入 }\n${answers(['official', 'unknown'])}`)).toEqual([
      'question "q" runs the check verify-contact, which can answer lookalike: add answers with those values',
    ]);
    expect(msgs(`    input: { en: Type it, zh: 输入 }\n${answers(['official', 'unknown'])}`)).toEqual(['question "q" has "input:" but no "check:"; input is the prompt of a check']);
    expect(msgs(`    check: dns\n    input: { en: Type it, zh: 输入 }\n${answers(['official', 'unknown'])}`)[0]).toMatch(/must be one of verify-contact/);
  });
});

describe('a connectivity check whose server name a DNS server says does not exist', () => {
  const file = '/contacts/directory.yaml';
  const files = {
    [file]: `providers:
  - id: local
    name: Local Test Wallet
    website: https://help.wallet.test/contact
    timezone: UTC
    checks:
      apiHost: api.wallet.invalid
    queues:
      general:
        - { type: email, value: help@wallet.test, hours: "24/7" }
`,
  };
  // The system resolver's answer, and a Wi-Fi interface up: what a DNS filter or a captive portal looks like.
  const notFound = () => {
    const lookup = vi.spyOn(dns.promises, 'lookup').mockRejectedValue(Object.assign(new Error('getaddrinfo ENOTFOUND api.wallet.invalid'), { code: 'ENOTFOUND' }));
    const interfaces = vi.spyOn(os, 'networkInterfaces').mockReturnValue({
      wlan0: [{ address: '192.168.1.20', netmask: '255.255.255.0', family: 'IPv4', mac: '00:00:00:00:00:01', internal: false, cidr: '192.168.1.20/24' }],
    });
    return () => {
      lookup.mockRestore();
      interfaces.mockRestore();
    };
  };

  it('asks the question instead of answering "offline", and keeps what it measured for the case', async () => {
    const restore = notFound();
    try {
      const r = await run(['diagnose', 'payment-failed', '--contacts', file, '--summary', 'json'], {
        tty: true,
        files,
        // The progress line as plain text (a spinner needs a real terminal).
        env: { CI: '1' },
        prompts: [{ expect: 'internet connection', pick: 'ok' }, { pick: 'insufficient' }],
      });
      r.prompter.assertDone();
      expect(r.code).toBe(0);
      expect(r.stderr + r.stdout).toContain('the server’s name was not found, though this device is on a network: the question is asked');
      expect(r.stdout).toContain('Top up or lower the amount');
      const summary = JSON.parse(r.stdout.slice(r.stdout.indexOf('{\n')));
      expect(summary.path[0]).toEqual({ question: 'network', answer: 'ok' });
      expect(summary.checks[0]).toMatchObject({ question: 'network', check: 'connectivity', input: 'api.wallet.invalid', result: 'unknown', detail: '(dns)' });
      // A script that left the question to the check is told to answer it.
      const script = await run(['diagnose', 'payment-failed', '--contacts', file, '--json'], { files });
      expect(script.code).toBe(2);
      expect(JSON.parse(script.stdout).error).toMatchObject({ code: 'missing_answer', question: { id: 'network' } });
      // `check connectivity` warns, with what to try.
      const check = await run(['check', 'connectivity', '--contacts', file, '--json'], { files });
      expect(check.code).toBe(0);
      expect(JSON.parse(check.stdout).checks[0]).toMatchObject({ name: 'connectivity', status: 'warn', result: 'unknown', fix: expect.stringMatching(/^open a website you know in a browser/) });
    } finally {
      restore();
    }
  });
});
