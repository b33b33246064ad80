/** Secrets never get in: every way a user can hand wallet-help text is screened, and nothing of the secret comes back out. */
import { generateMnemonic } from '@scure/bip39';
import { wordlist as english } from '@scure/bip39/wordlists/english.js';
import { wordlist as chinese } from '@scure/bip39/wordlists/simplified-chinese.js';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '../src/cases/store.js';
import { translator } from '../src/i18n/i18n.js';
import { renderSummary } from '../src/render/summary.js';
import { SUMMARY_FORMATS } from '../src/render/summary-kinds.js';
import { redactCaseRecord, refusalMessage, VARIABLES } from '../src/safety/screen.js';
import { bundledFlows, ROOT, run, tempDir } from './helpers.js';

/** True when any three consecutive words of the phrase appear in the output. */
function leaks(output: string, phrase: string): boolean {
  const words = phrase.split(/\s+/);
  const flat = output.replace(/\s+/g, ' ');
  for (let i = 0; i + 3 <= words.length; i++) if (flat.includes(words.slice(i, i + 3).join(' '))) return true;
  return false;
}

const REFUSAL = 'Never share it with anyone';

describe('secret screening in the CLI', () => {
  const phrase = generateMnemonic(english, 128);
  const phrase24 = generateMnemonic(english, 256);
  const zhPhrase = generateMnemonic(chinese, 128);

  const cases: [string, () => Promise<{ code: number; stdout: string; stderr: string }>, string][] = [
    ['an --answer value', () => run(['diagnose', 'payment-failed', '--answer', `network=${phrase}`]), phrase],
    ['a malformed --answer', () => run(['diagnose', 'payment-failed', '--answer', phrase24]), phrase24],
    ['a shortcut flag', () => run(['diagnose', 'payment-failed', '--network', phrase, '--json']), phrase],
    ['the flow argument', () => run(['diagnose', phrase, '--json']), phrase],
    ['an answers file', () => run(['diagnose', 'payment-failed', '--answers', 'a.yaml'], { files: { 'a.yaml': `network: ok\nbalance: "${phrase}"\n` } }), phrase],
    ['an answers file key', () => run(['diagnose', 'payment-failed', '--answers', 'a.yaml', '--json'], { files: { 'a.yaml': `"${phrase}": ok\n` } }), phrase],
    ['answers on standard input', () => run(['diagnose', 'payment-failed', '--answers', '-', '--json'], { stdin: JSON.stringify({ network: phrase.split(' ').map((w, i) => `${i + 1}. ${w}`).join(', ') }) }), phrase],
    ['a Chinese phrase', () => run(['diagnose', 'payment-failed', '--answer', `network=${zhPhrase}`]), zhPhrase],
    ['verify', () => run(['verify', phrase]), phrase],
    ['config set', () => run(['config', 'set', 'contactsFile', phrase]), phrase],
    ['--provider', () => run(['contacts', '--provider', phrase]), phrase],
    // Variables reach messages as arguments do (QA: script, the whole phrase came back in a warning).
    ['WALLET_HELP_CONTACTS', () => run(['diagnose', 'payment-failed', '--network', 'ok', '--balance', 'insufficient', '--json'], { env: { WALLET_HELP_CONTACTS: phrase } }), phrase],
    ['WALLET_HELP_PROVIDER', () => run(['contacts'], { env: { WALLET_HELP_PROVIDER: phrase } }), phrase],
    ['WALLET_HELP_NOW', () => run(['contacts', '--json'], { env: { WALLET_HELP_NOW: phrase } }), phrase],
  ];

  it.each(cases)('refuses a recovery phrase in %s, calmly and without echoing it', async (_name, go, secret) => {
    const r = await go();
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).toContain(REFUSAL);
    expect(r.stdout + r.stderr).toContain('account-compromised');
    expect(leaks(r.stdout + r.stderr, secret)).toBe(false);
  });

  it('never quotes a repeated key that could hold a secret: its first characters are most of it (QA: script)', async () => {
    const twice = { 'a.json': `{"${phrase}": "x", "${phrase}": "y"}`, 'a.yaml': `"${phrase}": x\n"${phrase}": y\n` };
    for (const file of Object.keys(twice)) {
      const r = await run(['diagnose', 'fees', '--answers', file, '--json'], { files: twice });
      expect(r.code).toBe(2);
      expect(r.stdout).toContain('the key \\"…\\" appears twice');
      expect(r.stdout).not.toContain(phrase.split(' ').slice(0, 2).join(' '));
    }
    const batch = await run(['diagnose', '--batch'], { stdin: `{"id":1,"flow":"fees","answers":{"${phrase}":"x","${phrase}":"y"}}\n` });
    expect(batch.stdout).not.toContain(phrase.split(' ').slice(0, 2).join(' '));
    // A repeated id is still named.
    expect((await run(['diagnose', 'fees', '--answers', 'b.yaml', '--json'], { files: { 'b.yaml': 'network: ok\nnetwork: ok\n' } })).stdout).toContain('the key \\"network\\" appears twice');
  });

  it('screens every WALLET_HELP_* variable the sources read', () => {
    const read = new Set<string>();
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith('.ts')) for (const m of readFileSync(path, 'utf8').matchAll(/WALLET_HELP_[A-Z_]*[A-Z]\b/g)) read.add(m[0]);
      }
    };
    walk(join(ROOT, 'src'));
    expect([...VARIABLES].sort()).toEqual([...read].sort());
  });

  it('names the variable a secret was found in, never its value', async () => {
    const r = await run(['contacts', '--json'], { env: { WALLET_HELP_CONTACTS: phrase } });
    expect(JSON.parse(r.stdout).error).toMatchObject({ code: 'secret_refused', kind: 'recovery-phrase', variable: 'WALLET_HELP_CONTACTS' });
  });

  it('gives scripts a stable code and the kind of secret, never the secret', async () => {
    const flag = await run(['diagnose', 'payment-failed', '--answer', `balance=${phrase}`, '--json']);
    expect(JSON.parse(flag.stdout).error).toMatchObject({ code: 'secret_refused', kind: 'recovery-phrase' });
    const file = await run(['diagnose', 'payment-failed', '--answers', '-', '--json'], { stdin: JSON.stringify({ balance: phrase }) });
    expect(JSON.parse(file.stdout).error).toMatchObject({ code: 'secret_refused', kind: 'recovery-phrase', question: { id: 'balance' } });
  });

  it('refuses private keys, card numbers and unasked one-time codes too', async () => {
    const hex = 'e'.repeat(8) + '0123456789abcdef'.repeat(3) + '01234567';
    const key = JSON.parse((await run(['diagnose', 'payment-failed', '--answer', `network=${hex}`, '--json'])).stdout).error;
    expect(key).toMatchObject({ code: 'secret_refused', kind: 'private-key' });
    const card = JSON.parse((await run(['diagnose', 'payment-failed', '--answer', 'network=4111 1111 1111 1111', '--json'])).stdout).error;
    expect(card).toMatchObject({ code: 'secret_refused', kind: 'card-number' });
    const code = JSON.parse((await run(['diagnose', 'payment-failed', '--answer', 'network=482913', '--json'])).stdout).error;
    expect(code).toMatchObject({ code: 'secret_refused', kind: 'one-time-code' });
  });

  it('answers with the refusal in Chinese', async () => {
    const r = await run(['--lang', 'zh', 'diagnose', 'payment-failed', '--answer', `network=${phrase}`]);
    expect(r.stderr).toContain('这看起来是助记词');
    expect(leaks(r.stderr, phrase)).toBe(false);
  });

  it('refuses a secret in a batch line and goes on with the next line', async () => {
    const input = [
      JSON.stringify({ id: 1, flow: 'payment-failed', answers: { network: phrase } }),
      JSON.stringify({ id: phrase24, flow: 'fees', answers: { 'fee-type': 'hotline' } }),
      JSON.stringify({ id: 3, flow: 'payment-failed', answers: { network: 'offline' } }),
    ].join('\n');
    const r = await run(['diagnose', '--batch'], { stdin: input });
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out[0]).toMatchObject({ id: 1, error: { code: 'secret_refused' } });
    expect(out[1]).toMatchObject({ line: 2, error: { code: 'secret_refused' } });
    expect(out[1].id).toBeUndefined();
    expect(out[2]).toMatchObject({ id: 3, outcome: { id: 'fix-connection' } });
    expect(leaks(r.stdout, phrase) || leaks(r.stdout, phrase24)).toBe(false);
  });

  it('stores nothing of a refused settings value', async () => {
    const dir = tempDir();
    await run(['config', 'set', 'flowsDir', phrase], { env: { WALLET_HELP_CONFIG_DIR: dir } });
    const list = await run(['config', 'list', '--json'], { env: { WALLET_HELP_CONFIG_DIR: dir } });
    expect(leaks(list.stdout, phrase)).toBe(false);
  });

  it('refuses a card security code in a fact or a setting, with the card advice, and keeps nothing of it (QA: red-team review)', async () => {
    const env = { WALLET_HELP_CONFIG_DIR: tempDir() };
    const r = await run(['diagnose', 'payment-failed', '--network', 'offline', '--fact', 'error=CVV 123', '--summary', 'md', '--save'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('That looks like the security code of a card (CVV).');
    expect(r.stderr).toContain('ask your card issuer to block the card');
    expect(r.stdout + r.stderr).not.toContain('CVV 123');
    const agent = JSON.parse((await run(['diagnose', 'payment-failed', '--agent', '--network', 'offline', '--fact', 'memo=安全码 456', '--json'], { env })).stdout);
    expect(agent.error).toMatchObject({ code: 'secret_refused', kind: 'card-security-code' });
    expect(agent.error.message).toContain('Ask the caller not to read out card details');
    const set = await run(['config', 'set', 'color', 'cvv 123'], { env });
    expect(set.code).toBe(2);
    expect(set.stdout + set.stderr).not.toContain('cvv 123');
  });

  it('refuses a recovery phrase split over several facts, given up front or typed at the prompts, and keeps no part of it (QA: red-team review)', async () => {
    const phrase = generateMnemonic(english, 128);
    const words = phrase.split(' ');
    const [first, second] = [words.slice(0, 6).join(' '), words.slice(6).join(' ')];
    const env = { WALLET_HELP_CONFIG_DIR: tempDir() };
    // Each half alone is six words of the list, and no phrase.
    const half = await run(['diagnose', 'payment-failed', '--network', 'offline', '--fact', `memo=${first}`, '--json'], { env });
    expect(half.code).toBe(0);
    const given = await run(['diagnose', 'payment-failed', '--network', 'offline', '--fact', `memo=${first}`, '--fact', `error=${second}`, '--summary', 'md', '--save', '--json'], { env });
    expect(given.code).toBe(2);
    expect(JSON.parse(given.stdout).error).toMatchObject({ code: 'secret_refused', kind: 'recovery-phrase', field: '--fact' });
    expect(leaks(given.stdout + given.stderr, phrase)).toBe(false);
    // Typed by an agent at the fact prompts, half at each: refused at the second, and the first half is not kept either.
    const typed = await run(['diagnose', '--agent', 'forgot-password', '--summary', 'md', '--save'], {
      tty: true,
      env,
      prompts: [{ pick: 'no-access' }, { expect: 'Account ID', pick: first }, { expect: 'When it happened', pick: second }, { expect: 'When it happened', pick: 'yesterday' }, { expect: 'Error message', pick: '' }],
    });
    typed.prompter.assertDone();
    expect(typed.code).toBe(0);
    expect(typed.stderr).toContain('recovery phrase');
    expect(typed.stdout).toContain('yesterday');
    expect(leaks(typed.stdout + typed.stderr, phrase)).toBe(false);
    expect(typed.stdout).not.toContain(words.slice(0, 3).join(' '));
    const cases = await run(['cases', 'export', '--format', 'csv'], { env });
    expect(cases.stdout).not.toContain(words[0]! + ' ' + words[1]!);
  });

  it.each([
    ['error=my password is Hunter2!2024', 'Hunter2!2024', 'password'],
    ['account-id=alice pw: S3cr3t!pass', 'S3cr3t!pass', 'password'],
    ['memo=PIN: 4455', '4455', 'password'],
    ['time=验证码 1234', '1234', 'one-time-code'],
    ['error=2FA code 4321', '4321', 'one-time-code'],
    ['amount=the SMS code was 739201', '739201', 'one-time-code'],
  ])('refuses a labelled password or one-time code in a fact (%s), and keeps nothing of it', async (fact, secret, kind) => {
    const env = { WALLET_HELP_CONFIG_DIR: tempDir() };
    const r = await run(['diagnose', 'payment-failed', '--network', 'offline', '--fact', fact, '--summary', 'text', '--save'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`That looks like a ${kind === 'password' ? 'password' : 'one-time code'}. ${REFUSAL}`);
    expect(r.stdout + r.stderr).not.toContain(secret);
    const doc = JSON.parse((await run(['diagnose', 'payment-failed', '--network', 'offline', '--fact', fact, '--json'], { env })).stdout);
    expect(doc.error).toMatchObject({ code: 'secret_refused', kind, question: { id: fact.slice(0, fact.indexOf('=')) } });
    const cases = await run(['cases', 'list', '--json'], { env });
    expect(cases.stdout).not.toContain(secret);
  });

  it('refuses a recovery phrase hidden with characters shown as nothing, and keeps nothing of it (hostile review)', async () => {
    // A variation selector inside every word: the phrase on screen, and before this it went through as a memo, into --json.
    const hidden = phrase.split(' ').map((w) => `${w.slice(0, 2)}\ufe0f${w.slice(2)}`).join(' ');
    const env = { WALLET_HELP_CONFIG_DIR: tempDir() };
    const r = await run(['diagnose', 'payment-failed', '--network', 'offline', '--fact', `memo=${hidden}`, '--json', '--save'], { env });
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).error).toMatchObject({ code: 'secret_refused', kind: 'recovery-phrase' });
    const seen = (text: string) => text.replace(/\p{Default_Ignorable_Code_Point}/gu, '');
    expect(leaks(seen(r.stdout + r.stderr), phrase)).toBe(false);
    expect(leaks(seen((await run(['cases', 'list', '--json'], { env })).stdout), phrase)).toBe(false);
  });

  it('refuses a password in Chinese and lets a fact that only mentions one through', async () => {
    const zh = await run(['--lang', 'zh', 'diagnose', 'payment-failed', '--network', 'offline', '--fact', 'error=我的密码是 abc12345', '--summary', 'text']);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('这看起来是密码');
    expect(zh.stdout + zh.stderr).not.toContain('abc12345');
    const plain = await run(['diagnose', 'payment-failed', '--network', 'offline', '--fact', 'error=I forgot my password (code 1002)', '--summary', 'text']);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('Error message: I forgot my password (code 1002)');
  });

  it('refuses a raw private key given as an address (only a TxID may be 64 hex digits), in a fact and in check', async () => {
    const key = '4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318';
    for (const value of [key, `0x${key}`]) {
      const env = { WALLET_HELP_CONFIG_DIR: tempDir() };
      const r = await run(['diagnose', 'account-compromised', '--fact', `address=${value}`, '--save', '--json'], { env });
      expect(r.code).toBe(2);
      expect(JSON.parse(r.stdout).error).toMatchObject({ code: 'secret_refused', kind: 'private-key', question: { id: 'address' } });
      expect((await run(['cases', 'export', '--format', 'csv'], { env })).stdout).not.toContain(key.slice(0, 16));
      const check = await run(['check', 'address', '--chain', 'eth', '--address', value, '--json']);
      expect(check.code).toBe(2);
      expect(check.stdout + check.stderr).not.toContain(key.slice(0, 16));
    }
    // The same 64 hex digits as a TxID are a transaction id.
    const txid = await run(['diagnose', 'account-compromised', '--fact', `txid=${key}`, '--json']);
    expect(txid.code).toBe(0);
  });

  it('names each kind of secret with the right article', async () => {
    const xprv = 'xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi';
    const r = await run(['diagnose', 'payment-failed', '--answer', `network=${xprv}`]);
    expect(r.stderr).toContain('That looks like an extended private key.');
    expect(r.stderr).not.toContain(xprv.slice(0, 20));
  });

  it('points, inside account-compromised, to the steps on screen rather than to the command that starts it (QA: desk)', async () => {
    for (const lang of ['en', 'zh'] as const) {
      const t = await translator(lang);
      for (const role of ['user', 'agent'] as const) {
        expect(refusalMessage(t, 'private-key', role)).toContain('account-compromised');
        const here = refusalMessage(t, 'private-key', role, 'account-compromised');
        expect(here).not.toContain('account-compromised');
        expect(here).toContain(lang === 'en' ? (role === 'agent' ? 'the steps of this case' : 'the steps on screen') : role === 'agent' ? '本次排查的各项步骤' : '屏幕上的步骤');
      }
    }
  });

  it('gives card numbers their own advice, without calling the account stolen', async () => {
    for (const [lang, says, advice] of [
      ['en', 'That looks like a card number.', 'ask your card issuer to block the card'],
      ['zh', '这看起来是银行卡号。', '请联系发卡银行冻结这张卡'],
    ] as const) {
      const r = await run(['--lang', lang, 'diagnose', 'payment-failed', '--answer', 'network=4111 1111 1111 1111']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(says);
      expect(r.stderr).toContain(advice);
      expect(r.stderr).not.toContain('account-compromised');
      expect(r.stderr).not.toContain('4111 1111');
    }
  });

  it('words the refusal for the desk when --agent is given, even before the command (QA: hostile)', async () => {
    // The secret is refused first, never echoed; it is what the caller read out, and the agent is told what to tell them.
    for (const argv of [
      ['--agent', 'diagnose', 'payment-failed', '--fact', 'account-id=4111111111111111'],
      ['--agent', 'diagnose', 'payment-failed', '--answer', 'network=4111111111111111'],
      ['diagnose', 'payment-failed', '--fact', 'account-id=4111111111111111', '--agent'],
    ]) {
      const r = await run(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr, argv.join(' ')).toContain('What the caller gave looks like a card number. Ask the caller not to read out card numbers');
      expect(r.stderr).not.toContain('4111111111111111');
    }
    const zh = await run(['--lang', 'zh', '--agent', 'diagnose', 'payment-failed', '--fact', 'account-id=4111111111111111']);
    expect(zh.stderr).toContain('来电者');
    // Without --agent (or with it only after --, as an argument), the user's wording.
    expect((await run(['diagnose', 'payment-failed', '--fact', 'account-id=4111111111111111'])).stderr).toContain('That looks like a card number.');
  });

  it('words the refusal for the desk when the role is agent by WALLET_HELP_ROLE or the setting, wherever the secret is (QA: agent)', async () => {
    const phrase = 'legal winner thank year wave sausage worth useful legal winner thank yellow';
    const settings = tempDir();
    writeFileSync(join(settings, 'config.json'), JSON.stringify({ role: 'agent' }));
    const answers = 'answers.yaml';
    const files = { [answers]: `network: ${phrase}\n` };
    const lines: [string[], Record<string, string>][] = [
      [['diagnose', 'payment-failed', '-a', `network=${phrase}`], { WALLET_HELP_ROLE: 'agent' }],
      [['diagnose', 'suspicious-contact', '--check-input', `claimed-contact=${phrase}`], { WALLET_HELP_ROLE: 'agent' }],
      [['verify', phrase], { WALLET_HELP_ROLE: 'agent' }],
      [['diagnose', 'payment-failed', '-a', `network=${phrase}`], { WALLET_HELP_CONFIG_DIR: settings }],
      [['diagnose', '--agent', 'payment-failed', '--answers', answers], {}],
      [['diagnose', 'payment-failed', '--answers', answers], { WALLET_HELP_ROLE: 'agent' }],
    ];
    for (const [argv, env] of lines) {
      const r = await run(argv, { env, files });
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr, argv.join(' ')).toContain('What the caller gave looks like a recovery phrase. Ask the caller to stop reading it out');
      expect(r.stderr).not.toContain('sausage');
    }
    // WALLET_HELP_ROLE=user over an agent setting: the user's wording.
    expect((await run(['diagnose', 'payment-failed', '-a', `network=${phrase}`], { env: { WALLET_HELP_CONFIG_DIR: settings, WALLET_HELP_ROLE: 'user' } })).stderr).toContain('That looks like a recovery phrase.');
  });

  it('refuses a recovery phrase pasted without quotes, a word an argument (QA: agent; it was "too many arguments")', async () => {
    const words = 'legal winner thank year wave sausage worth useful legal winner thank yellow'.split(' ');
    for (const argv of [['diagnose', 'payment-failed', ...words], ['diagnose', ...words, '--json'], ['verify', ...words]]) {
      const r = await run(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stdout + r.stderr, argv.join(' ')).toMatch(/looks like a recovery phrase/);
      expect(r.stdout + r.stderr).not.toContain('sausage');
    }
    // Eleven words of it are the phrase a word short, refused too (QA: library review); ten, or ordinary words, the usual error.
    const eleven = await run(['diagnose', 'payment-failed', ...words.slice(0, 11)]);
    expect(eleven.stderr).toMatch(/looks like a recovery phrase/);
    expect(eleven.stderr).not.toContain('sausage');
    expect((await run(['diagnose', 'payment-failed', ...words.slice(0, 10)])).stderr).toContain('Too many arguments');
  });

  it('lets ordinary text through as an ordinary error', async () => {
    const sentence = 'I sent the money again today but the account balance is still empty and support did not answer';
    const r = JSON.parse((await run(['diagnose', 'payment-failed', '--answer', `network=${sentence}`, '--json'])).stdout).error;
    expect(r.code).toBe('invalid_value');
    const address = JSON.parse((await run(['diagnose', 'payment-failed', '--answer', 'network=bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq', '--json'])).stdout).error;
    expect(address.code).toBe('invalid_value');
  });
});

describe('case summaries', () => {
  const phrase = generateMnemonic(english, 128);

  it('redact a secret that slipped into a fact or a check input, in every format, and keep the flow texts as written', async () => {
    const deposit = (await bundledFlows()).find((f) => f.id === 'deposit-missing')!;
    // A question text that reads like a recovery phrase: it is the flow's (validated data), so it is shown as it is.
    const lookalike = generateMnemonic(chinese, 128);
    const minimum = { ...deposit.questions.minimum!, text: { en: lookalike, zh: lookalike } };
    const flow = { ...deposit, questions: { ...deposit.questions, minimum } };
    const record: CaseRecord = {
      id: '0123456789abcdef',
      status: 'finished',
      flow: flow.id,
      version: flow.version,
      lang: 'zh',
      role: 'agent',
      startedAt: '2026-11-20T08:00:00.000Z',
      endedAt: '2026-11-20T08:05:00.000Z',
      timeZone: 'UTC',
      path: [{ question: 'minimum', answer: 'below-minimum' }],
      checks: [{ question: 'caller', check: 'phone', input: `+1 202 ${phrase}`, result: 'unknown', reasons: [] }],
      outcome: null,
      contact: null,
      facts: { error: `they asked for ${phrase}`, memo: '验证码 482913', amount: '0.5 LTC' },
    };
    const redacted = await redactCaseRecord(record);
    for (const lang of ['en', 'zh'] as const) {
      const t = await translator(lang);
      for (const format of SUMMARY_FORMATS) {
        const out = renderSummary(redacted, flow, format, t, lang);
        expect(leaks(out, phrase), `${lang} ${format}`).toBe(false);
        expect(out).not.toContain('482913');
        expect(out.match(/\[redacted recovery phrase\]/g), `${lang} ${format}`).toHaveLength(2);
        expect(out).toContain('[redacted one-time code]');
        expect(out).toContain('0.5 LTC');
        if (format !== 'json') expect(out).toContain(lookalike);
      }
    }
  });

  it('redact a secret written by hand into a case log\'s time zone, answer, outcome title or contact (QA: red-team review)', async () => {
    const record: CaseRecord = {
      id: '0123456789abcdef',
      status: 'finished',
      flow: 'fees',
      version: 1,
      lang: 'en',
      role: 'user',
      startedAt: '2026-11-20T08:00:00.000Z',
      endedAt: '2026-11-20T08:05:00.000Z',
      timeZone: phrase,
      path: [{ question: 'fee-type', answer: phrase }],
      checks: [],
      outcome: { id: 'fix-call-costs', kind: 'fix', title: phrase, queue: 'payments' },
      contact: { provider: phrase, queue: 'payments', source: phrase, example: false, channels: [{ type: 'phone', value: phrase, openNow: true }] },
      facts: {},
    };
    const redacted = await redactCaseRecord(record);
    expect(leaks(JSON.stringify(redacted), phrase)).toBe(false);
    // Data of the case as saved is kept as it is: a zone, an answer value, a title, a phone number.
    const plain = await redactCaseRecord({ ...record, timeZone: 'Asia/Shanghai', path: [{ question: 'fee-type', answer: 'hotline' }], outcome: { ...record.outcome!, title: 'What it costs to contact support (code 1002)' }, contact: { ...record.contact!, provider: 'Example Wallet', source: 'directory.yaml', channels: [{ type: 'phone', value: '+1 202-555-0143', openNow: true }] } });
    expect(plain).toMatchObject({ timeZone: 'Asia/Shanghai', path: [{ answer: 'hotline' }], outcome: { title: 'What it costs to contact support (code 1002)' }, contact: { provider: 'Example Wallet', channels: [{ value: '+1 202-555-0143' }] } });
  });

  it('show the Chinese question texts of the flow, not a redaction marker', async () => {
    const answers = ['method=crypto', 'send-status=completed', 'confirmations=confirmed', 'network-match=same', 'memo=not-needed', 'minimum=below-minimum'];
    const r = await run(['--lang', 'zh', 'diagnose', 'deposit-missing', '--no-checks', ...answers.flatMap((a) => ['--answer', a]), '--summary', 'text']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('链上实际到达的金额，是否达到了充值页面上写的最低充值金额？');
    expect(r.stdout).not.toContain('[redacted');
  });
});
