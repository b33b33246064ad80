/**
 * Control characters, escape sequences and bidirectional overrides in the texts
 * of data files (flows, the directory, answers files) are refused by the shared
 * checker with their place, so they never reach the terminal or --json output.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unsafeCharacter } from '../src/data/checker.js';
import { formatProblem } from '../src/data/located-yaml.js';
import { loadDirectoryText } from '../src/directory/load.js';
import { loadFlowText } from '../src/flows/load.js';
import { CARD_DECLINED_FLOW, run, tempDir } from './helpers.js';

// eslint-disable-next-line no-control-regex
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const FLOW = CARD_DECLINED_FLOW;

const DIRECTORY = `providers:
  - id: test-wallet
    name: Test Wallet
    website: https://www.example.org/support
    timezone: Asia/Shanghai
    queues:
      payments:
        - type: email
          value: payments@example.org
          hours: "24/7"
          response: { en: replies within a day, zh: 一天内回复 }
      security:
        - type: phone
          value: "+1 202-555-0111"
          hours: "24/7"
`;

const json = (s: string) => JSON.stringify(s); // a JSON string is a YAML double-quoted scalar

const CHARACTERS: [string, string, string][] = [
  ['ESC (an ANSI colour)', '\u001b[31m', 'U+001B (ESC)'],
  ['BEL', '\u0007', 'U+0007'],
  ['a tab', '\t', 'U+0009 (Tab)'],
  ['a carriage return', '\r', 'U+000D (CR)'],
  ['DEL', '\u007f', 'U+007F'],
  ['C1 CSI', '\u009b2J', 'U+009B'],
  ['C1 NEL', '\u0085', 'U+0085'],
  ['a right-to-left override', '\u202e', 'U+202E'],
  ['a left-to-right embedding', '\u202a', 'U+202A'],
  ['a first-strong isolate', '\u2068', 'U+2068'],
  ['a pop-directional isolate', '\u2069', 'U+2069'],
];

describe('unsafeCharacter', () => {
  it('names each refused character and allows a newline only in multi-line text', () => {
    for (const [, text, code] of CHARACTERS) expect(unsafeCharacter(`a${text}b`, true)).toBe(code);
    expect(unsafeCharacter('line one\nline two', true)).toBeUndefined();
    expect(unsafeCharacter('line one\nline two', false)).toBe('U+000A (LF)');
    expect(unsafeCharacter('普通文本 › App', false)).toBeUndefined();
  });
});

describe('flow files', () => {
  for (const [name, text, code] of CHARACTERS) {
    it(`refuses ${name} in a step, at its line`, () => {
      const flow = FLOW.replace('"Top up the card or use another payment method, then pay again."', json(`Top up${text} the card.`));
      const problems = loadFlowText(flow, 'flows/card-declined.yaml').problems;
      expect(problems.map(formatProblem)).toEqual([expect.stringMatching(new RegExp(`^flows/card-declined\\.yaml:17:\\d+: the steps of outcome "fix-top-up-card", entry 1 \\(en\\) contains the control character ${code.replace(/[+()]/g, '\\$&')}`))]);
    });
  }

  it('accepts a newline in a multi-line text', () => {
    const flow = FLOW.replace('"Top up the card or use another payment method, then pay again."', json('Top up the card.\nThen pay again.'));
    expect(loadFlowText(flow, 'flows/card-declined.yaml').problems).toEqual([]);
  });

  it('refuses an escape in a test answer and in a key of the test answers', () => {
    const flow = FLOW.replace('answers: { balance: insufficient }', `answers: { balance: ${json('insufficient\u001b[2J')} }`).replace(
      'answers: { balance: sufficient }',
      `answers: { ${json('bal\u202eance')}: sufficient }`,
    );
    const messages = loadFlowText(flow, 'flows/card-declined.yaml').problems.map((p) => p.message);
    expect(messages).toContainEqual(expect.stringMatching(/^the answer to "balance" contains the control character U\+001B/));
    expect(messages).toContainEqual(expect.stringMatching(/^a key in the answers of test 2 contains the control character U\+202E/));
  });

  it('--flows: the flow is skipped with a located warning and nothing raw reaches the output (text and --json)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'card-declined.yaml'), FLOW.replace('title: { en: Card payment declined', `title: { en: ${json('Card \u001b[2J\u001b]0;pwned\u0007 payment \u202edeclined')}`));
    const shown = await run(['--flows', dir, 'flows', 'show', 'card-declined', '--json']);
    expect(shown.code).toBe(2);
    expect(JSON.parse(shown.stdout)).toMatchObject({ error: { code: 'broken_flow' } });
    expect(shown.stderr).toMatch(/^Warning: skipped a broken flow file: .*card-declined\.yaml:3:\d+: the flow title \(en\) contains the control character U\+001B/);
    const validated = await run(['flows', 'validate', dir]);
    expect(validated.code).toBe(1);
    expect(validated.stdout + validated.stderr).toMatch(/card-declined\.yaml:3:\d+: the flow title \(en\) contains the control character U\+001B/);
    for (const r of [shown, validated]) expect(r.stdout + r.stderr).not.toMatch(RAW);
  });

  it('names a flow file with an escape or a bidi override in its name as it is, with them written out (QA: hostile)', async () => {
    // Removed, the name printed was another file's ("e[31m.yaml"), one the author could not find or fix.
    const dir = tempDir();
    writeFileSync(join(dir, 'e\u001b[31m.yaml'), 'id: bad\n');
    writeFileSync(join(dir, 'ok\u202elmy.yaml'), FLOW);
    const shownName = `${dir}/e\\x1b[31m.yaml`;
    const validated = await run(['flows', 'validate', dir]);
    expect(validated.stdout).toContain(`${shownName}:1:1: a flow file is missing "version"`);
    expect(validated.stdout).toContain('the flow id "bad" must match its file name "e\\x1b[31m.yaml"');
    expect(validated.stdout).toContain(`${dir}/ok\\u202elmy.yaml:`);
    const warned = await run(['--flows', dir, 'diagnose', 'payment-failed', '--network', 'offline']);
    expect(warned.stderr).toContain(`Warning: skipped a broken flow file: ${shownName}:1:1:`);
    const broken = await run(['--flows', dir, 'diagnose', 'e\u001b[31m']);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain(`exists in ${shownName} but is broken`);
    const listed = await run(['--flows', dir, 'flows', 'list']);
    expect(listed.stdout).toMatch(/^e\\x1b\[31m +broken/m);
    for (const r of [validated, warned, broken, listed]) expect(r.stdout + r.stderr).not.toMatch(RAW);
  });

  it('names a settings folder with an escape in its name as it is, in the case log\'s warnings', async () => {
    const dir = join(tempDir(), 'cfg\u001b[2J');
    mkdirSync(join(dir, 'cases.jsonl'), { recursive: true });
    const listed = await run(['cases', 'list'], { env: { WALLET_HELP_CONFIG_DIR: dir } });
    expect(listed.stderr).toContain(`The case log ${dir.replace('\u001b', '\\x1b')}/cases.jsonl cannot be read`);
    expect(listed.stderr).not.toMatch(RAW);
  });
});

describe('directory files', () => {
  it('refuses escapes and overrides in the provider name and a channel value, each at its line', () => {
    const text = DIRECTORY.replace('name: Test Wallet', `name: ${json('Example \u001b[31mWallet\u001b]0;pwned\u0007\u202e')}`).replace(
      'value: payments@example.org',
      `value: ${json('payments@example.org\u001b[2J')}`,
    );
    expect(loadDirectoryText(text, 'dir.yaml').problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^dir\.yaml:3:11: the provider name contains the control character U\+001B/),
      expect.stringMatching(/^dir\.yaml:9:18: the channel value contains the control character U\+001B/),
    ]);
  });

  it('refuses a newline in a one-line text and a bidi isolate in a note', () => {
    const text = DIRECTORY.replace('name: Test Wallet', `name: ${json('Test\nWallet')}`).replace('replies within a day', json('replies \u2066within\u2069 a day'));
    expect(loadDirectoryText(text, 'dir.yaml').problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^the provider name contains the control character U\+000A/),
      expect.stringMatching(/^the response time note \(en\) contains the control character U\+2066/),
    ]);
  });

  it('contacts --json and diagnose --json give a located directory_invalid error, never the raw text', async () => {
    const files = { 'dir.yaml': DIRECTORY.replace('name: Test Wallet', `name: ${json('Example \u001b[31mWallet\u001b]0;pwned\u0007\u202e')}`) };
    const contacts = await run(['--contacts', 'dir.yaml', 'contacts', 'payments', '--json'], { files });
    expect(contacts.code).toBe(2);
    const doc = JSON.parse(contacts.stdout) as { error: { code: string; problems: { line: number }[] } };
    expect(doc.error.code).toBe('directory_invalid');
    expect(doc.error.problems).toMatchObject([{ line: 3 }]);
    expect(contacts.stdout).not.toMatch(RAW);
    // A diagnosis still gives its steps, without a contact, and says where the directory is broken (exit 3).
    const diagnosis = await run(['--contacts', 'dir.yaml', 'diagnose', 'account-compromised', '--json'], { files });
    expect(diagnosis.code).toBe(3);
    const result = JSON.parse(diagnosis.stdout) as { outcome: { contact: unknown }; warnings: string[] };
    expect(result.outcome.contact).toBeNull();
    expect(result.warnings.join('\n')).toMatch(/dir\.yaml:3:\d+: the provider name contains the control character U\+001B/);
    expect(diagnosis.stdout).not.toMatch(RAW);
  });
});

describe('answers files', () => {
  it('refuses escapes in a value and in a key, at their lines', async () => {
    const files = { 'a.yaml': 'network: "\\e[31moffline\\e[0m"\n"net\\e[2Jwork": ok\n"\\u202eabc": x\n' };
    const r = await run(['diagnose', 'payment-failed', '--answers', 'a.yaml', '--json'], { files });
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout) as { error: { code: string; problems: { line: number; message: string }[] } };
    expect(doc.error.code).toBe('answers_file');
    expect(doc.error.problems.map((p) => [p.line, p.message.replace(/;.*/, '')])).toEqual([
      [1, 'the answer to "network" contains the control character U+001B (ESC)'],
      [2, 'a key in the answers file contains the control character U+001B (ESC)'],
      [3, 'a key in the answers file contains the control character U+202E'],
    ]);
    expect(r.stdout).not.toMatch(RAW);
  });

  it('still reads clean answers, numbers and booleans', async () => {
    const r = await run(['diagnose', 'payment-failed', '--answers', 'a.yaml', '--json'], { files: { 'a.yaml': 'network: offline\n' } });
    expect(r.code).toBe(0);
  });
});
