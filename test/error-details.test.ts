/** Every error names what it refused in a fixed field, so a script never has to read it out of `message` (QA: script). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { translator } from '../src/i18n/i18n.js';
import { COMMAND_ARGUMENTS, FLAG_OPTIONS, VALUE_OPTIONS } from '../src/main.js';
import { buildProgram, declared } from '../src/program.js';
import type { BaseContext } from '../src/settings.js';
import { run, tempDir } from './helpers.js';

const KEY = '0c28fca386c7a227600b2fe50b7cae11ec86d3bf1fbe471be89827e19d72aa1d';
const PHRASE = 'legal winner thank year wave sausage worth useful legal winner thank yellow';
const CARD = '4111111111111111';

/** The JSON error of a run (`--json` is added). */
async function error(args: string[], env: Record<string, string> = {}): Promise<Record<string, unknown>> {
  const r = await run([...args, '--json'], { env });
  expect(r.code, args.join(' ')).toBe(2);
  return (JSON.parse(r.stdout) as { error: Record<string, unknown> }).error;
}

/** A settings folder whose config.json holds `settings`. */
function settingsWith(settings: Record<string, string>): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'config.json'), JSON.stringify(settings));
  return dir;
}

describe('errors name what they refused', () => {
  it('unknown_provider: the provider as sent, and where it was named', async () => {
    const providers = ['example-wallet'];
    expect(await error(['contacts', '--provider', 'nope'])).toMatchObject({ code: 'unknown_provider', provider: 'nope', source: '--provider', providers });
    expect(await error(['contacts'], { WALLET_HELP_PROVIDER: 'nope' })).toMatchObject({ code: 'unknown_provider', provider: 'nope', source: 'WALLET_HELP_PROVIDER' });
    expect(await error(['contacts'], { WALLET_HELP_CONFIG_DIR: settingsWith({ provider: 'nope' }) })).toMatchObject({ code: 'unknown_provider', provider: 'nope', source: 'setting' });
    // Setting it names it on the command line itself.
    const set = await error(['config', 'set', 'provider', 'nope']);
    expect(set).toMatchObject({ code: 'unknown_provider', provider: 'nope', providers });
    expect(set.source).toBeUndefined();
    // A setting that holds a secret is never quoted: it is ignored (the run goes on as if unset), its key named.
    const r = await run(['contacts', '--json'], { env: { WALLET_HELP_CONFIG_DIR: settingsWith({ provider: KEY }) } });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('the setting "provider" in');
    expect(r.stderr).toContain('holds what looks like a private key; it is ignored and never shown');
    expect(r.stdout + r.stderr).not.toContain(KEY.slice(0, 16));
  });

  it('config: invalid_config_value has the value, unknown_action the value and the actions, missing_value the key', async () => {
    expect(await error(['config', 'set', 'lang', 'fr'])).toMatchObject({ code: 'invalid_config_value', key: 'lang', value: 'fr', values: ['en', 'zh'] });
    expect(await error(['config', 'set', 'role', ' '])).toMatchObject({ code: 'invalid_config_value', key: 'role', value: ' ' });
    expect(await error(['config', 'set', 'flowsDir', '/nonexistent-folder'])).toMatchObject({ code: 'invalid_config_value', key: 'flowsDir', value: '/nonexistent-folder' });
    expect(await error(['config', 'frobnicate'])).toMatchObject({ code: 'unknown_action', value: 'frobnicate', values: ['list', 'get', 'set', 'unset', 'path'] });
    expect(await error(['config', 'set', 'lang'])).toMatchObject({ code: 'missing_value', key: 'lang' });
  });

  it('a malformed --answer or --check-input names the argument as sent in arg, as the README says of the command line (QA: README)', async () => {
    expect(await error(['diagnose', 'payment-failed', '--answer', 'network'])).toMatchObject({ code: 'invalid_answer_flag', arg: 'network' });
    expect(await error(['diagnose', 'suspicious-contact', '--check-input', 'example.com'])).toMatchObject({ code: 'invalid_check_input', arg: 'example.com' });
  });

  it('invalid_min_coverage has the value', async () => {
    expect(await error(['flows', 'test', '--min-coverage', 'abc'])).toMatchObject({ code: 'invalid_min_coverage', value: 'abc' });
  });

  it("commander's usage errors name the option, the argument or the command", async () => {
    expect(await error(['diagnose', 'payment-failed', '--bogus'])).toMatchObject({ code: 'usage', option: '--bogus' });
    // The option's name, without the value given with it.
    expect(await error(['diagnose', 'payment-failed', '--bogus=x'])).toMatchObject({ code: 'usage', option: '--bogus' });
    // An option missing its value, by its long name (commander names it "-a, --answer <id=value>").
    expect(await run(['diagnose', 'payment-failed', '--json', '--lang']).then((r) => JSON.parse(r.stdout).error)).toMatchObject({ code: 'usage', option: '--lang' });
    expect(await run(['diagnose', 'payment-failed', '--json', '-a']).then((r) => JSON.parse(r.stdout).error)).toMatchObject({ code: 'usage', option: '--answer' });
    expect(await error(['verify'])).toMatchObject({ code: 'usage', argument: 'contact' });
    expect(await error(['frobnicate'])).toMatchObject({ code: 'usage', command: 'frobnicate' });
  });

  it('invalid_line names the unknown key, or the id as the field', async () => {
    const r = await run(['diagnose', '--batch'], {
      stdin: [`{"flow":"fees","extra":1}`, `{"id":1.5,"flow":"fees"}`, `{"id":"a","flow":"fees","x y":1}`, `{"flow":"fees","${'k'.repeat(80)} z":1}`, `{"flow":"fees","${PHRASE}":1}`].join('\n'),
    });
    const [extra, badId, withId, long, phrase] = r.stdout.trim().split('\n').map((line) => JSON.parse(line) as { id?: unknown; error: Record<string, unknown> });
    expect(extra!.error).toMatchObject({ code: 'invalid_line', key: 'extra' });
    expect(badId!.error).toMatchObject({ code: 'invalid_line', field: 'id' });
    // A key the message does not quote (not a plain id) is given in the details, where scripts read it.
    expect(withId).toMatchObject({ id: 'a', error: { code: 'invalid_line', key: 'x y' } });
    expect(long!.error).toMatchObject({ code: 'invalid_line', key: `${'k'.repeat(60)}…` });
    // A key that holds a secret is screened whole, though only its start would be quoted: refused, never echoed.
    expect(phrase!.error).toMatchObject({ code: 'secret_refused', kind: 'recovery-phrase' });
    expect(r.stdout).not.toContain('legal winner');
  });

  it('secret_refused from a command-line option names the option in field, never the secret', async () => {
    const cases: [string[], string][] = [
      [['check', 'address', '--chain', 'btc', '--address', KEY], '--address'],
      // Refused by the last screen: check names the missing --chain before it screens its inputs.
      [['check', 'address', '--address', KEY], '--address'],
      [['diagnose', 'payment-failed', '--network', 'offline', '--fact', `amount=${CARD}`], '--fact'],
      [['diagnose', 'payment-failed', '--network', KEY], '--network'],
      [['diagnose', 'payment-failed', '-a', `balance=${CARD}`], '--answer'],
      [['diagnose', 'payment-failed', `--answer=balance=${CARD}`], '--answer'],
      [['--provider', KEY, 'contacts'], '--provider'],
      [['--now', PHRASE, 'contacts'], '--now'],
      [['diagnose', 'suspicious-contact', '--answer', 'request=nothing-sensitive', '--answer', 'first-contact=they-contacted-me', '--check-input', `claimed-contact=${PHRASE}`], '--check-input'],
    ];
    for (const [args, field] of cases) {
      const r = await run([...args, '--json']);
      const e = JSON.parse(r.stdout).error;
      expect(e, args.join(' ')).toMatchObject({ code: 'secret_refused', field });
      expect(r.stdout, args.join(' ')).not.toMatch(/4111111111|0c28fca386|legal winner/);
    }
    // The fact keeps the question it was given for, as before.
    expect(await error(['diagnose', 'payment-failed', '--network', 'offline', '--fact', `amount=${CARD}`])).toMatchObject({ question: { id: 'amount' } });
  });

  it('secret_refused from any other word of the command line says where it was too, as a batch line does (QA: script integrator)', async () => {
    const OTP = '482913';
    const cases: [string[], string, string?][] = [
      // The report's own: a key given as the flow, as a --batch line and the library name it.
      [['diagnose', KEY], 'flow'],
      [['--lang', 'en', 'diagnose', '--agent', KEY], 'flow'],
      [['diagnose', '-a', 'network=ok', OTP], 'flow'],
      // A recovery phrase pasted without quotes, a word an argument.
      [['diagnose', ...PHRASE.split(' ')], 'flow'],
      // Every command's arguments, by the names their help gives them.
      [['verify', PHRASE], 'contact'],
      [['verify', OTP], 'contact'],
      [['verify', ...PHRASE.split(' ')], 'contact'],
      [['flows', 'show', KEY], 'id'],
      [['flows', 'graph', KEY], 'id'],
      [['flows', 'validate', 'a.yaml', KEY], 'paths'],
      [['flows', 'test', KEY], 'paths'],
      [['cases', 'show', PHRASE], 'id'],
      [['config', 'set', 'provider', KEY], 'value'],
      [['config', 'set', 'provider', OTP], 'value'],
      [['config', 'get', KEY], 'key'],
      [['contacts', KEY], 'queue'],
      [['check', KEY], 'names'],
      // One the command does not take, the command's own word, an option no command has, one that takes no value.
      [['diagnose', 'payment-failed', 'extra', KEY], 'argument'],
      [['diagnose', 'payment-failed', '--', KEY], 'argument'],
      [[KEY], 'command'],
      [['flows', KEY], 'command'],
      [['diagnose', 'payment-failed', `--bogus=${KEY}`], 'option'],
      [['diagnose', 'payment-failed', `--json=${KEY}`], '--json'],
      // An answer too short for the command line's own screen, refused by diagnose: by its flag, not as a request's answers.
      [['diagnose', 'payment-failed', '--network', OTP], '--network', 'network'],
      [['diagnose', 'payment-failed', '-a', `balance=${OTP}`], '--answer', 'balance'],
      [['diagnose', 'payment-failed', '-a', `${OTP}=ok`], '--answer'],
      [['diagnose', 'payment-failed', '--answer=netwrk=pin:4821'], '--answer', 'netwrk'],
    ];
    for (const [args, field, question] of cases) {
      const r = await run([...args, '--json']);
      const e = JSON.parse(r.stdout).error;
      expect(e, args.join(' ')).toMatchObject({ code: 'secret_refused', field });
      expect(e.question?.id, args.join(' ')).toBe(question);
      expect(r.stdout, args.join(' ')).not.toMatch(/4821|0c28fca386|legal winner/);
    }
    // An answers file's secret stays in `answers`, placed in the file; the flag that replaces that answer is named instead.
    const files = { 'a.yaml': `network: '${OTP}'\nbalance: sufficient\n` };
    const fromFile = async (args: string[]) => JSON.parse((await run(['diagnose', 'payment-failed', '--answers', 'a.yaml', ...args, '--json'], { files })).stdout).error;
    expect(await fromFile([])).toMatchObject({ code: 'secret_refused', field: 'answers', question: { id: 'network' }, file: 'a.yaml', line: 1 });
    expect(await fromFile(['--network', 'ok', '--balance', OTP])).toMatchObject({ code: 'secret_refused', field: '--balance', question: { id: 'balance' } });
  });
});

describe("the command line's words as a refusal names them (main.ts FLAG_OPTIONS, COMMAND_ARGUMENTS)", () => {
  it('are every option that takes no value, and every command with its arguments, as commander declares them', async () => {
    const sink = { write: () => true };
    const ctx = { io: { stdout: sink, stderr: sink }, t: await translator('en'), lang: 'en', config: {} } as unknown as BaseContext;
    const program = buildProgram(ctx, () => []);
    const flags = new Set<string>();
    const args: Record<string, string[]> = {};
    const walk = (cmd: Command, path: string[]) => {
      for (const option of declared(cmd).options) if (!option.required && !option.optional) flags.add(option.long!);
      if (cmd.registeredArguments.length > 0) args[path.join(' ')] = cmd.registeredArguments.map((a) => `${a.name()}${a.variadic ? '...' : ''}`);
      for (const sub of declared(cmd).commands) walk(sub, [...path, sub.name()]);
    };
    walk(program, []);
    // (--version is declared as an option; --help is commander's own.)
    expect([...flags, '--help'].sort()).toEqual([...FLAG_OPTIONS].sort());
    expect(args).toEqual(COMMAND_ARGUMENTS);
  });
});

describe('the options that take a value (main.ts VALUE_OPTIONS)', () => {
  it('are every option of every command that takes one, by its long name', async () => {
    const sink = { write: () => true };
    const ctx = { io: { stdout: sink, stderr: sink }, t: await translator('en'), lang: 'en', config: {} } as unknown as BaseContext;
    const program = buildProgram(ctx, () => []);
    const named = new Set<string>();
    const walk = (cmd: Command) => {
      for (const option of declared(cmd).options) if (option.required || option.optional) named.add(option.long ?? option.short!);
      for (const sub of declared(cmd).commands) walk(sub);
    };
    walk(program);
    expect([...named].sort()).toEqual(VALUE_OPTIONS.filter((o) => o.startsWith('--')).sort());
  });
});

describe('an option that takes no value, given one (QA: scripts)', () => {
  it('says so, in the JSON document the script asked for, not that it belongs after the command', async () => {
    const r = await run(['diagnose', 'payment-failed', '--network', 'offline', '--json=true']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).error).toEqual({ code: 'usage', message: '--json takes no value: give it alone, as "--json".', option: '--json' });
    const zh = await run(['--lang', 'zh', 'flows', 'list', '--save=1']);
    expect(zh.code).toBe(2);
    // An option the command does not take at all is unknown, value or not.
    expect(zh.stderr).toContain('未知的选项 --save=1');
    const agent = await run(['diagnose', 'payment-failed', '--agent=yes']);
    expect(agent.stderr.replace(/\s+/g, ' ')).toContain('--agent takes no value: give it alone, as "--agent".');
    // Before the command, it is still said to belong after it.
    expect(JSON.parse((await run(['--json', 'diagnose', 'payment-failed'])).stdout).error.message).toContain('--json is an option of diagnose: give it after the command');
  });
});

describe('too many arguments (QA: scripts)', () => {
  it('names the first one too many, past options and their values', async () => {
    const r = await run(['diagnose', 'payment-failed', '--network', 'offline', '--json', 'extra']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).error).toEqual({ code: 'usage', argument: 'extra', message: 'Too many arguments for "diagnose": it takes at most 1, got 2. The first one too many is "extra" (a text with spaces goes in quotes).' });
    const zh = await run(['--lang', 'zh', 'flows', 'show', '--lang', 'zh', 'fees', 'more', 'words']);
    expect(zh.stderr).toContain('第一个多出来的是“more”');
  });
});
