/** The command table (src/program.ts): commands declared lazily still give commander's help exactly. */
import { describe, expect, it } from 'vitest';
import { translator } from '../src/i18n/i18n.js';
import { buildProgram } from '../src/program.js';
import type { BaseContext } from '../src/settings.js';
import { run } from './helpers.js';

async function context(lang: 'en' | 'zh'): Promise<BaseContext> {
  const sink = { write: () => true };
  return { io: { stdout: sink, stderr: sink }, t: await translator(lang), lang, config: {} } as unknown as BaseContext;
}

describe('the program', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`lists the commands as commander does once every command is declared (${lang})`, async () => {
      const ctx = await context(lang);
      const lazy = buildProgram(ctx, () => ['payment-failed']).helpInformation();
      const whole = buildProgram(ctx, () => ['payment-failed']);
      // A command declares its options, action and help text just before its own help is shown.
      for (const cmd of whole.commands) (cmd as unknown as NodeJS.EventEmitter).emit('beforeHelp', {});
      expect(whole.commands.find((c) => c.name() === 'diagnose')?.options.length).toBeGreaterThan(10);
      const full = whole.helpInformation();
      // The placeholders in the reader's language (QA: Chinese user).
      expect(full).toContain(lang === 'en' ? 'diagnose [options] [flow]' : 'diagnose [选项] [flow]');
      expect(full).toContain(lang === 'en' ? 'Usage: wallet-help [options] [command]' : '用法：wallet-help [选项] [命令]');
      expect(full).not.toMatch(lang === 'en' ? /\[选项\]/ : /\[options\]|\[command\]/);
      expect(full).toMatch(/\n {2}cases {2,}/);
      expect(lazy).toBe(full);
    });
  }
});

describe('errors before a command runs', () => {
  it('shows the help on standard error with exit 2 when no command is given, and on standard output with exit 0 when asked for (README: exit codes)', async () => {
    for (const args of [[], ['cases'], ['flows'], ['--lang', 'zh']]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^(Usage: |用法：)wallet-help/);
    }
    for (const args of [['--help'], ['help'], ['cases', '--help'], ['help', 'flows']]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(/^Usage: wallet-help/);
    }
  });

  it('point to the help of the nested command that was typed, though it was not declared yet', async () => {
    const r = await run(['--bogus', 'cases', 'list']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('wallet-help cases list --help');
  });

  it('help for a command that does not exist is the unknown-command error with a suggestion, not the program\'s help (QA: user)', async () => {
    for (const args of [['help', 'diagnos'], ['diagnos', '--help'], ['--lang', 'en', 'help', 'diagnos'], ['diagnos', '-h']]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('Unknown command "diagnos". Did you mean diagnose?');
    }
    // And one level down (QA: review).
    for (const args of [['help', 'cases', 'lst'], ['cases', 'lst', '--help']]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('Unknown command "lst". Did you mean list?');
    }
    // Help for a command that exists, or for the program, is still help; so is a flow named after diagnose.
    for (const args of [['help'], ['help', 'diagnose'], ['diagnose', '--help'], ['--lang', 'zh', 'help', 'flows'], ['help', 'cases', 'list'], ['diagnose', 'fees', '--help'], ['flows', 'show', 'fees', '--help']]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout).toMatch(/^(Usage|用法)/);
    }
  });

  it('an option of the command given before it says where it goes, rather than that it is unknown (QA: README)', async () => {
    const json = await run(['--json', 'diagnose', 'payment-failed', '--network', 'ok']);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout).error).toEqual({ code: 'usage', message: '--json is an option of diagnose: give it after the command, as in "wallet-help diagnose … --json".', option: '--json' });
    expect((await run(['--format=csv', 'cases', 'export'])).stderr).toContain('Error: --format is an option of cases export: give it after the command, as in "wallet-help cases export … --format".');
    expect((await run(['--lang', 'zh', '-a', 'network=ok', 'diagnose', 'payment-failed'])).stderr).toContain('错误：-a 是 diagnose 的选项：请写在命令之后，例如“wallet-help diagnose … -a”。');
    // The details name it by its long name, as everywhere (QA: README): -a is --answer.
    const short = await run(['-a', 'network=ok', 'diagnose', 'payment-failed', '--json']);
    expect(JSON.parse(short.stdout).error).toMatchObject({ code: 'usage', option: '--answer' });
    // An option no command takes, or one the command named does not take, is still unknown.
    expect((await run(['--bogus', 'diagnose'])).stderr).toContain('Unknown option --bogus.');
    expect((await run(['--json', 'flows', 'graph', 'fees'])).stdout).toContain('Unknown option --json.');
  });

  it('a group\'s help command asked for a command it does not have says so, with a suggestion, not the group\'s help (QA: UX review)', async () => {
    const r = await run(['flows', 'help', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unknown command "nope".');
    expect(r.stderr).not.toContain('Commands:');
    expect((await run(['cases', 'help', 'lst'])).stderr).toContain('Unknown command "lst". Did you mean list?');
    // One it has shows that command's help.
    expect((await run(['flows', 'help', 'show'])).stdout).toContain('Usage: wallet-help flows show [options] <id>');
  });

  it('refuses an option that takes one value given twice with different values, rather than keep the last (QA: UX review)', async () => {
    const chain = await run(['check', 'address', '--chain', 'btc', '--chain', 'xrp', '--address', 'rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh', '--json']);
    expect(chain.code).toBe(2);
    expect(JSON.parse(chain.stdout).error).toEqual({ code: 'option_twice', message: '--chain is given twice, with "btc" and "xrp": give it once.', option: '--chain' });
    expect((await run(['cases', 'list', '--flow', 'fees', '--flow', 'payment-failed'])).stderr).toContain('--flow is given twice, with "fees" and "payment-failed": give it once.');
    expect((await run(['diagnose', 'fees', '-a', 'fee-type=hotline', '--summary', 'md', '--summary', 'text'])).code).toBe(2);
    // A global option before the command and again after it is one option.
    expect((await run(['--now', '2026-12-24T20:00:00Z', 'contacts', '--now', '2026-12-25T10:00:00Z'])).stderr).toContain('--now is given twice');
    expect((await run(['--lang', 'zh', 'flows', 'graph', 'fees', '--format', 'dot', '--format', 'mermaid'])).stderr).toContain('--format 给了两次，分别是“dot”和“mermaid”：请只给一次。');
    // The same value twice changes nothing; repeatable options stay repeatable.
    expect((await run(['diagnose', 'payment-failed', '--network', 'offline', '--summary', 'md', '--summary', 'md'])).code).toBe(0);
    expect((await run(['diagnose', 'payment-failed', '-a', 'network=ok', '-a', 'balance=insufficient', '--fact', 'amount=5', '--fact', 'time=now', '--json'])).code).toBe(0);
  });

  it('says an option followed by another option lacks its value, rather than take the other for it (QA: checks review)', async () => {
    const chain = await run(['check', 'address', '--chain', '--json']);
    expect(chain.code).toBe(2);
    expect(JSON.parse(chain.stdout).error).toEqual({ code: 'usage', message: 'The option --chain <chain> needs a value. What follows it, --json, is an option.', option: '--chain' });
    // Repeatable options too, short names and global options alike; in Chinese.
    expect(JSON.parse((await run(['diagnose', 'payment-failed', '--network', '--json'])).stdout).error).toMatchObject({ code: 'usage', option: '--network' });
    expect((await run(['diagnose', 'payment-failed', '-a', '-a', 'network=ok'])).stderr).toContain('needs a value. What follows it, -a, is an option.');
    expect((await run(['--lang', 'zh', 'cases', 'list', '--flow', '--since', '2026-01-01'])).stderr).toContain('它后面的 --since 是另一个选项。');
    // A value that only starts with a dash, and is no option, is still the value.
    expect(JSON.parse((await run(['diagnose', 'payment-failed', '--network', '-x', '--json'])).stdout).error.code).toBe('invalid_value');
    // A global option whose value is read before the command's own options are declared: the command's --json is no file,
    // and the script that asked for JSON is told so in JSON, not given a table (review).
    const list = await run(['flows', 'list', '--contacts', '--json']);
    expect(list.code).toBe(2);
    expect(JSON.parse(list.stdout).error).toEqual({ code: 'usage', message: 'The option --contacts <file> needs a value. What follows it, --json, is an option.', option: '--contacts' });
    // Help's own names are options too (review: "--answers --help" read a file named --help).
    expect(JSON.parse((await run(['diagnose', 'payment-failed', '--answers', '--help', '--json'])).stdout).error).toMatchObject({ code: 'usage', option: '--answers' });
    // Given with "=", the value is the one meant, however it looks.
    const explicit = await run(['diagnose', 'payment-failed', '--answers=--json']);
    expect(explicit.code).toBe(2);
    expect(explicit.stderr).toContain('Cannot read --json: no such file.');
  });

  it('help of a nested command is its own help, as --help gives it (QA: README; "help cases list" showed the help of cases)', async () => {
    for (const args of [['help', 'cases', 'list'], ['--lang', 'en', 'help', 'flows', 'show']]) {
      const path = args.filter((a) => !['help', '--lang', 'en'].includes(a));
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout).toBe((await run([...path, '--help'])).stdout);
      expect(r.stdout).toContain(`Usage: wallet-help ${path.join(' ')} [options]`);
    }
  });
});
