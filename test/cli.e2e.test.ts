/** The built binary, spawned as users and scripts run it. `npm test` builds before running these. */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, run } from './helpers.js';
import { KEYS, TerminalSession } from './tmux.js';

const BIN = join(ROOT, 'bin/wallet-help.js');
const cleanEnv = () => {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LANG: 'C.UTF-8' };
  return env;
};

function cli(args: string[], opts: { input?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { input: opts.input ?? '', env: { ...cleanEnv(), ...opts.env }, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the built CLI', () => {
  it('validates a large folder on worker threads with exactly the report of one thread', async () => {
    // 80 files: most of them valid flows, some broken in different ways, in no particular order.
    const dir = mkdtempSync(join(tmpdir(), 'wallet-help-many-flows-'));
    const fees = readFileSync(join(ROOT, 'flows/fees.yaml'), 'utf8');
    for (let i = 0; i < 80; i++) writeFileSync(join(dir, `gen-${i}.yaml`), fees.replace(/^id: fees$/m, `id: gen-${i}`));
    writeFileSync(join(dir, 'gen-7.yaml'), 'id: gen-7\nquestions: [unclosed\n');
    writeFileSync(join(dir, 'gen-23.yaml'), fees.replace(/^id: fees$/m, 'id: gen-24'));
    writeFileSync(join(dir, 'gen-41.json'), JSON.stringify({ id: 'gen-41', title: { en: 'x' } }));
    writeFileSync(join(dir, 'gen-58.yaml'), Buffer.concat([Buffer.from('id: gen-58\ntitle: '), Buffer.from([0xff, 0xfe]), Buffer.from('\n')]));
    // One that cannot be read as a file at all: the threads read synchronously, and say so as one thread does. (A link
    // to a folder: a folder itself, even one named like a flow file, is a subfolder, which is not read, as a run does not.)
    rmSync(join(dir, 'gen-60.yaml'));
    mkdirSync(join(dir, 'sub'));
    symlinkSync(join(dir, 'sub'), join(dir, 'gen-60.yaml'));
    // The threads are used from 64 files on, where there is more than one core (as on the machines this runs on).
    expect(availableParallelism()).toBeGreaterThan(1);
    const threads = cli(['flows', 'validate', dir, '--json']);
    const one = await run(['flows', 'validate', dir, '--json']);
    expect(threads.code).toBe(1);
    expect(threads.stdout).toBe(one.stdout);
    const doc = JSON.parse(threads.stdout);
    expect(doc.files).toHaveLength(81);
    expect(doc.notRead).toEqual([join(dir, 'sub')]);
    expect(doc.files.find((f: { file: string }) => f.file.endsWith('gen-60.yaml')).problems[0].message).toBe('cannot read the file (it is a folder, not a file)');
    expect(doc.files.filter((f: { problems: unknown[] }) => f.problems.length > 0).map((f: { file: string }) => f.file.slice(dir.length + 1))).toEqual([
      'gen-23.yaml',
      'gen-41.json',
      'gen-58.yaml',
      'gen-60.yaml',
      'gen-7.yaml',
    ]);
  });

  it('prints the package version', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(cli(['--version'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    // `--version` alone is answered before the CLI loads; with anything else, commander answers, the same way.
    expect(cli(['-V'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    expect(cli(['--lang', 'en', '--version'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('answers a script with pure JSON on stdout', () => {
    const r = cli(['diagnose', 'payment-failed', '--network', 'offline', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).outcome.kind).toBe('fix');
  });

  it('reads answers from standard input', () => {
    const r = cli(['diagnose', 'payment-failed', '--answers', '-', '--json'], { input: 'network: ok\nbalance: insufficient\n' });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).answers).toEqual({ network: 'ok', balance: 'insufficient' });
  });

  it('tells a batch file that is there, read as the flow after another option, from a flow (QA: script integrator)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wh-'));
    writeFileSync(join(dir, 'tickets'), '{"flow":"fees"}\n');
    const env = { WALLET_HELP_CONFIG_DIR: dir };
    const file = cli(['diagnose', '--batch', '--json', join(dir, 'tickets')], { env });
    expect(file.code).toBe(2);
    // (Quoted or not, as the temporary folder's name may hold digits: see the batch tests.)
    expect(JSON.parse(file.stdout).error).toMatchObject({ code: 'batch_conflict', option: 'flow', message: expect.stringContaining('was read as a flow id') });
    const none = cli(['diagnose', '--batch', '--json', join(dir, 'nothing')], { env });
    expect(JSON.parse(none.stdout).error).toMatchObject({ code: 'batch_conflict', message: expect.stringContaining('do not give a flow or answers on the command line too') });
  });

  it('exits 2 with a sentence, not a stack trace, for bad input', () => {
    const r = cli(['diagnose', 'payment-failed', '--network', 'maybe']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Error: "maybe" is not an answer to "network"/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('ends quietly when the reader of its output goes away', async () => {
    const child = spawn('sh', ['-c', `"${process.execPath}" "${BIN}" --help | head -1`], { env: cleanEnv() });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise((r) => child.on('close', r));
    expect(code).toBe(0);
    expect(stdout).toBe('Usage: wallet-help [options] [command]\n');
    expect(stderr).toBe('');
  });

  it('prints to a pipe without building Node\'s streams or terminal modules (a script pays only for what it uses)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wallet-help-modules-'));
    const preload = join(dir, 'modules.cjs');
    // The built-in modules a run loaded, written at exit without touching process.stderr (that would build it).
    writeFileSync(preload, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(join(dir, 'loaded.txt'))}, process.moduleLoadList.join('\\n')));`);
    for (const args of [['--help'], ['diagnose', 'payment-failed', '--network', 'offline', '--json'], ['diagnose', 'payment-failed', '--network', 'offline'], ['--lang', 'zh', 'diagnose', 'payment-failed', '--network', 'offline']]) {
      const r = spawnSync(process.execPath, ['-r', preload, BIN, ...args], { env: cleanEnv(), encoding: 'utf8' });
      expect(r.status, args.join(' ')).toBe(0);
      expect(r.stdout.length).toBeGreaterThan(100);
      const loaded = readFileSync(join(dir, 'loaded.txt'), 'utf8').split('\n');
      // node:fs/promises loads readline's interface, event targets and more: a module on the start-up path must use fs.promises, loaded on first use.
      expect(loaded.filter((m) => /^NativeModule (net|tty|stream|readline|internal\/fs\/sync_write_stream|internal\/fs\/promises)$/.test(m)), args.join(' ')).toEqual([]);
    }
  });

  it('ends as soon as it is done only when nothing is left in flight (a pending timer still runs)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wallet-help-idle-'));
    const preload = join(dir, 'late.cjs');
    const marker = join(dir, 'late.txt');
    // Something else in the process with work pending: the run must not end the process under it.
    writeFileSync(preload, `setTimeout(() => require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'ran'), 150);`);
    const r = spawnSync(process.execPath, ['-r', preload, BIN, 'diagnose', 'payment-failed', '--network', 'offline', '--json'], { env: cleanEnv(), encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).outcome.id).toBe('fix-connection');
    expect(readFileSync(marker, 'utf8')).toBe('ran');
  });

  it('does not colour piped output', () => {
    expect(cli(['diagnose', 'payment-failed', '--network', 'offline']).stdout).not.toContain('\u001b[');
  });
});

describe('the built CLI in a real terminal', () => {
  let term: TerminalSession | undefined;
  afterEach(() => term?.close());

  it('walks a diagnosis with arrow keys and Enter', async () => {
    term = new TerminalSession(['diagnose']);
    await term.waitFor('What is the problem?');
    term.keys(KEYS.enter); // the first problem: payment-failed
    await term.waitFor('internet connection');
    term.keys(KEYS.down, KEYS.enter); // network: the second answer
    const screen = await term.waitFor('What to do');
    expect(screen).toMatch(/FIX/);
    expect(await term.exitCode()).toBe(0);
  });

  it('Ctrl+C at a question prints "Cancelled." and exits 130 without a stack trace', async () => {
    term = new TerminalSession(['diagnose', 'payment-failed']);
    await term.waitFor('internet connection');
    term.keys(KEYS.ctrlC);
    expect(await term.exitCode()).toBe(130);
    const screen = term.screen();
    expect(screen).toContain('Cancelled.');
    expect(screen).not.toMatch(/ExitPromptError|\n\s+at /);
  });

  it('asks in Chinese with --lang zh', async () => {
    term = new TerminalSession(['--lang', 'zh', 'diagnose']);
    await term.waitFor('遇到了什么问题');
    term.keys(KEYS.ctrlC);
    expect(await term.exitCode()).toBe(130);
    expect(term.screen()).toContain('已取消。');
  });
});

describe('signals', () => {
  let term: TerminalSession | undefined;
  afterEach(() => term?.close());

  it('SIGTERM at a prompt ends the run cleanly, saving the case as cancelled', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wallet-help-sigterm-'));
    term = new TerminalSession(['diagnose', 'payment-failed', '--save'], { env: { WALLET_HELP_CONFIG_DIR: dir } });
    await term.waitFor('internet connection');
    term.keys(KEYS.enter);
    await term.waitFor('available balance');
    process.kill(term.programPid(), 'SIGTERM');
    expect(await term.exitCode()).toBe(143);
    expect(term.screen()).toContain('Cancelled.');
    expect(term.screen()).not.toMatch(/\n\s+at /);
    const saved = readFileSync(join(dir, 'cases.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ status: 'cancelled', path: [{ question: 'network', answer: 'ok' }] });
  });

  it('Ctrl+D at a question or a typed fact cancels as Ctrl+C does, saving the case: it ended the run with exit 0 and nothing said (QA: interactive review)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wallet-help-eof-'));
    term = new TerminalSession(['diagnose', 'payment-failed', '--save'], { env: { WALLET_HELP_CONFIG_DIR: dir } });
    await term.waitFor('internet connection');
    term.keys(KEYS.enter);
    await term.waitFor('available balance');
    term.keys(KEYS.ctrlD);
    expect(await term.exitCode()).toBe(130);
    expect(term.screen()).toContain('Cancelled.');
    const saved = readFileSync(join(dir, 'cases.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(saved).toMatchObject([{ status: 'cancelled', path: [{ question: 'network', answer: 'ok' }] }]);
    term.close();
    // At a fact prompt of an agent case: the case can be resumed, as after Ctrl+C.
    term = new TerminalSession(['diagnose', 'forgot-password', '--agent'], { env: { WALLET_HELP_CONFIG_DIR: dir } });
    await term.waitFor('Ask the caller whether they still use');
    term.keys(KEYS.down, KEYS.enter);
    await term.waitFor('Account ID');
    term.keys(KEYS.ctrlD);
    expect(await term.exitCode()).toBe(130);
    expect(term.screen().replace(/\s+/g, ' ')).toMatch(/Cancelled\. What was answered is kept: continue with "wallet-help diagnose [0-9a-f]{8} --resume"\./);
  });
});
