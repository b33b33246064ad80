import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

const json = (s: string) => JSON.parse(s);

describe('diagnose with flags and --json', () => {
  it('prints one JSON document with the outcome, answers, path and language', async () => {
    const r = await run(['diagnose', 'payment-failed', '--network', 'offline', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const doc = json(r.stdout);
    expect(doc).toMatchObject({
      flow: 'payment-failed',
      version: expect.any(Number),
      outcome: { kind: 'fix', queue: null, contact: null },
      answers: { network: 'offline' },
      path: [{ question: 'network', answer: 'offline' }],
      lang: 'en',
    });
    expect(doc.outcome.steps.length).toBeGreaterThan(0);
    expect(Object.keys(doc)).toEqual(['flow', 'version', 'outcome', 'answers', 'path', 'lang']);
  });

  it('follows network, then balance, then verification', async () => {
    const unstable = json((await run(['diagnose', 'payment-failed', '--network', 'unstable', '--json'])).stdout);
    const offline = json((await run(['diagnose', 'payment-failed', '--network', 'offline', '--json'])).stdout);
    expect(unstable.outcome.id).toBe(offline.outcome.id);
    const broke = json((await run(['diagnose', 'payment-failed', '--network', 'ok', '--balance', 'insufficient', '--json'])).stdout);
    expect(broke.outcome.kind).toBe('fix');
    expect(broke.path.map((p: { question: string }) => p.question)).toEqual(['network', 'balance']);
    const pending = json((await run(['diagnose', 'payment-failed', '--network', 'ok', '--balance', 'sufficient', '--verification', 'pending', '--json'])).stdout);
    expect(pending.path.map((p: { question: string }) => p.question)).toEqual(['network', 'balance', 'verification']);
  });

  it('takes --answer ID=VALUE, repeatable, and the same answer twice is fine', async () => {
    const r = await run(['diagnose', 'payment-failed', '--answer', 'network=ok', '-a', 'balance=insufficient', '--network', 'ok', '--json']);
    expect(r.code).toBe(0);
    expect(json(r.stdout).answers).toEqual({ network: 'ok', balance: 'insufficient' });
  });

  it('reads answers from a YAML or JSON file, and from stdin with -; flags override the file', async () => {
    const files = { 'a.yaml': 'network: ok\nbalance: insufficient\n' };
    const fromFile = await run(['diagnose', 'payment-failed', '--answers', 'a.yaml', '--json'], { files });
    expect(json(fromFile.stdout).answers).toEqual({ network: 'ok', balance: 'insufficient' });
    const fromStdin = await run(['diagnose', 'payment-failed', '--answers', '-', '--json'], { stdin: '{"network": "offline"}' });
    expect(json(fromStdin.stdout).answers).toEqual({ network: 'offline' });
    const overridden = await run(['diagnose', 'payment-failed', '--answers', 'a.yaml', '--network', 'offline', '--json'], { files });
    expect(json(overridden.stdout).answers).toEqual({ network: 'offline' });
  });

  it('exits 2 naming the missing question, its text and allowed values when it cannot prompt', async () => {
    const r = await run(['diagnose', 'payment-failed', '--network', 'ok']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('"balance"');
    expect(r.stderr).toContain('--answer balance=VALUE');
    expect(r.stderr).toContain('sufficient, insufficient');
    const j = await run(['diagnose', 'payment-failed', '--network', 'ok', '--json']);
    expect(j.code).toBe(2);
    expect(json(j.stdout).error).toMatchObject({ code: 'missing_answer', question: { id: 'balance', values: ['sufficient', 'insufficient'] } });
    expect(json(j.stdout).error.question.text).toMatch(/\S/);
  });

  it('never prompts with --no-input, even on a terminal', async () => {
    const r = await run(['diagnose', 'payment-failed', '--no-input'], { tty: true });
    expect(r.code).toBe(2);
    expect(r.prompter.asked).toEqual([]);
    expect(r.stderr).toContain('"network"');
  });

  it('never prompts in --json mode, even on a terminal', async () => {
    const r = await run(['diagnose', 'payment-failed', '--json'], { tty: true });
    expect(r.code).toBe(2);
    expect(r.prompter.asked).toEqual([]);
    expect(json(r.stdout).error.code).toBe('missing_answer');
  });

  it('exits 2 for a value that is not allowed, listing the allowed ones', async () => {
    const r = await run(['diagnose', 'payment-failed', '--network', 'fast', '--json']);
    expect(r.code).toBe(2);
    expect(json(r.stdout).error).toMatchObject({ code: 'invalid_value', question: 'network', value: 'fast', values: ['ok', 'unstable', 'offline'] });
  });

  it('exits 2 for an unknown question id, listing the flow’s questions', async () => {
    const r = await run(['diagnose', 'payment-failed', '--answer', 'colour=red']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/has no question "colour"\. Its questions are: network, balance, verification/);
  });

  it('exits 2 for an unknown flow and suggests the closest ids', async () => {
    const r = await run(['diagnose', 'payment-faild', '--json']);
    expect(r.code).toBe(2);
    expect(json(r.stdout).error).toMatchObject({ code: 'unknown_flow', flow: 'payment-faild', suggestions: ['payment-failed'] });
    const human = await run(['diagnose', 'paymnet-failed']);
    expect(human.stderr).toContain('Did you mean payment-failed?');
  });

  it('exits 2 without a flow when it cannot prompt, listing the flows', async () => {
    const r = await run(['diagnose']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('payment-failed');
  });

  it('rejects malformed --answer values and conflicting answers', async () => {
    expect((await run(['diagnose', 'payment-failed', '--answer', 'network'])).stderr).toContain('--answer expects ID=VALUE');
    const twice = await run(['diagnose', 'payment-failed', '--answer', 'network=ok', '--network', 'offline']);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('answered twice');
  });

  it('reports a broken answers file with file:line:column', async () => {
    const r = await run(['diagnose', 'payment-failed', '--answers', 'bad.yaml'], { files: { 'bad.yaml': 'network: ok\nnetwork: offline\n' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad.yaml:2:1: this key appears twice');
    const list = await run(['diagnose', 'payment-failed', '--answers', 'list.yaml'], { files: { 'list.yaml': '- ok\n' } });
    expect(list.stderr).toContain('list.yaml:1:1: an answers file must be a mapping');
    const missing = await run(['diagnose', 'payment-failed', '--answers', 'nope.yaml', '--json']);
    expect(json(missing.stdout).error).toMatchObject({ code: 'answers_file', file: 'nope.yaml' });
  });

  it('usage errors from commander exit 2, and as JSON with --json', async () => {
    const r = await run(['diagnose', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unknown option --bogus.');
    expect(r.stderr).toContain('wallet-help diagnose --help');
    const j = await run(['diagnose', '--bogus', '--json']);
    expect(j.code).toBe(2);
    expect(json(j.stdout).error.code).toBe('usage');
    expect((await run(['frobnicate'])).code).toBe(2);
  });
});

describe('diagnose, human output', () => {
  it('shows the kind as a word, numbered steps, and no colour when not a terminal', async () => {
    const r = await run(['diagnose', 'payment-failed', '--network', 'offline']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\[FIX\] \S/);
    expect(r.stdout).toMatch(/\n {2}1\. \S/);
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('for escalations shows the queue, what to prepare, and where contacts may come from', async () => {
    const doc = json((await run(['diagnose', 'account-compromised', '--json'])).stdout);
    expect(doc.outcome).toMatchObject({ kind: 'alert', queue: 'security' });
    const r = await run(['diagnose', 'account-compromised']);
    expect(r.stdout).toContain('[SECURITY ALERT]');
    expect(r.stdout).toContain('Support team: security');
    expect(r.stdout).toContain('Have this ready before you contact support:');
    expect(r.stdout).toContain('Reach it only through the contacts shown here, published at https://www.example.com/help/contact.');
    expect(r.stdout).toContain('Example Wallet — security support');
  });

  it('colours on a terminal, and never with NO_COLOR, TERM=dumb or --no-color', async () => {
    const args = ['diagnose', 'payment-failed', '--network', 'offline'];
    const noInput = [...args, '--no-input'];
    expect((await run(noInput, { tty: true })).stdout).toContain('\u001b[');
    expect((await run(noInput, { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
    expect((await run(noInput, { tty: true, env: { TERM: 'dumb' } })).stdout).not.toContain('\u001b[');
    expect((await run([...noInput, '--no-color'], { tty: true })).stdout).not.toContain('\u001b[');
    expect((await run([...args, '--color'])).stdout).toContain('\u001b[');
  });

  it('speaks Chinese with --lang zh or a zh locale; JSON ids stay untranslated', async () => {
    const r = await run(['--lang', 'zh', 'diagnose', 'payment-failed', '--network', 'offline']);
    expect(r.stdout).toContain('[可自行解决]');
    expect(r.stdout).toContain('处理步骤');
    const j = json((await run(['diagnose', 'payment-failed', '--network', 'offline', '--json'], { env: { LANG: 'zh_CN.UTF-8' } })).stdout);
    expect(j.lang).toBe('zh');
    expect(j.outcome.title).toMatch(/[\u4e00-\u9fff]/);
    expect(j.answers).toEqual({ network: 'offline' });
    const bad = await run(['--lang', 'fr', 'diagnose']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Unknown language "fr"');
  });
});

describe('diagnose, interactive', () => {
  it('asks what the problem is, then walks the flow', async () => {
    const r = await run(['diagnose'], {
      tty: true,
      prompts: [
        { expect: 'What is the problem?', pick: 'payment-failed' },
        { pick: 'ok' },
        { pick: 'insufficient' },
      ],
    });
    r.prompter.assertDone();
    expect(r.code).toBe(0);
    expect(r.prompter.asked[0]!.choices.map((c) => c.value)).toContain('account-compromised');
    // The flow was chosen from the menu: its first question offers Back to the menu.
    expect(r.prompter.asked[1]!.choices.map((c) => c.value)).toEqual(['ok', 'unstable', 'offline', '__back']);
    expect(r.stdout).toMatch(/FIX/);
  });

  it('goes back to the problem menu from the first question of a flow chosen there', async () => {
    const r = await run(['diagnose'], {
      tty: true,
      prompts: [
        { expect: 'What is the problem?', pick: 'payment-failed' },
        { pick: '__back' },
        { expect: 'What is the problem?', pick: 'account-compromised' },
      ],
    });
    r.prompter.assertDone();
    expect(r.code).toBe(0);
    expect(r.prompter.asked[2]!.default).toBe('payment-failed');
    expect(r.stdout).toMatch(/ALERT/);
  });

  it('asks the first question of a flow named on the command line without Back', async () => {
    const r = await run(['diagnose', 'payment-failed'], { tty: true, prompts: [{ pick: 'ok' }, { pick: 'insufficient' }] });
    r.prompter.assertDone();
    expect(r.prompter.asked[0]!.choices.map((c) => c.value)).toEqual(['ok', 'unstable', 'offline']);
  });

  it('asks only what flags did not answer', async () => {
    const r = await run(['diagnose', 'payment-failed', '--network', 'ok'], { tty: true, prompts: [{ pick: 'insufficient' }] });
    r.prompter.assertDone();
    expect(r.code).toBe(0);
    expect(r.prompter.asked).toHaveLength(1);
  });

  it('Ctrl+C prints "Cancelled." and exits 130 without a stack trace', async () => {
    const r = await run(['diagnose', 'payment-failed'], { tty: true, prompts: [{ pick: 'cancel' }] });
    expect(r.code).toBe(130);
    expect(r.stderr).toBe('Cancelled.\n');
    expect(r.stdout).toBe('');
  });

  it('asks in Chinese with --lang zh', async () => {
    const r = await run(['--lang', 'zh', 'diagnose'], { tty: true, prompts: [{ expect: '遇到了什么问题', pick: 'account-compromised' }] });
    expect(r.code).toBe(0);
    expect(r.prompter.asked[0]!.choices.every((c) => /[\u4e00-\u9fff]/.test(c.name))).toBe(true);
  });
});

describe('help', () => {
  it('leads with examples and lists the flows', async () => {
    const r = await run(['diagnose', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain('payment-failed, ');
    const top = await run(['--help']);
    expect(top.stdout).toContain('wallet-help diagnose');
  });

  it('is the same through `help diagnose`, options, examples and flow ids included', async () => {
    const flag = await run(['diagnose', '--help']);
    const command = await run(['help', 'diagnose']);
    expect(command.code).toBe(0);
    expect(command.stdout).toBe(flag.stdout);
    expect(command.stdout).toContain('--network <value>');
  });

  it('lists every command with its options and arguments, options of each shown in its own help', async () => {
    const top = await run(['--help']);
    expect(top.stdout).toMatch(/diagnose \[options\] \[flow\]/);
    expect(top.stdout).toMatch(/verify \[options\] <contact\.\.\.>/);
    const flows = await run(['flows', '--help']);
    expect(flows.stdout).toMatch(/test \[options\] \[paths\.\.\.\]/);
    const test = await run(['flows', 'test', '--help']);
    expect(test.stdout).toContain('--min-coverage <percent>');
    const cases = await run(['cases', 'export', '--help']);
    expect(cases.stdout).toContain('--since <iso>');
    expect(cases.stdout).toContain('--format <format>');
  });

  it('is written in Chinese with --lang zh', async () => {
    const r = await run(['--lang', 'zh', 'diagnose', '--help']);
    expect(r.stdout).toContain('用法：');
    expect(r.stdout).toContain('示例：');
  });
});
