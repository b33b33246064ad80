import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HELP_EXAMPLES } from '../src/help-examples.js';
import { en as MESSAGES } from '../src/i18n/messages.js';
import { phoneDirectory, ROOT, run, tempDir, type RunOptions } from './helpers.js';

/** A small valid directory file, for the examples that name one. */
const OUR_DIRECTORY = phoneDirectory([{ id: 'our-wallet', name: 'Our Wallet', website: 'https://www.our-wallet.example/support', zone: 'Asia/Shanghai', lines: { security: '+1 202-555-0111' } }]);

/** Files the examples name, as the in-process runner reads them (relative names resolve against ROOT). */
const FILES: Record<string, string> = {
  'answers.yaml': 'network: offline\n',
  [join(ROOT, 'our-directory.yaml')]: OUR_DIRECTORY,
  './our-directory.yaml': OUR_DIRECTORY,
};

/**
 * Splits a shell command line into words: quotes, a leading `echo '…' |` or `printf '%s\n' '…' '…' |` as standard input,
 * a trailing `> file` dropped. Any other unquoted `<`, `>`, `|`, `;` or `&` is a mistake: a shell would read it as a
 * redirection or another command (`--txid <txid>` reads a file named "txid").
 */
function parse(line: string): { argv: string[]; stdin?: string } {
  let stdin: string | undefined;
  let rest = line;
  const piped = /^echo '([^']*)' \| (.*)$/.exec(rest);
  if (piped) [, stdin, rest] = piped as unknown as [string, string, string];
  const printed = /^printf '%s\\n'((?: '[^']*')+) \| (.*)$/.exec(rest);
  if (printed) {
    stdin = [...printed[1]!.matchAll(/'([^']*)'/g)].map((m) => `${m[1]}\n`).join('');
    rest = printed[2]!;
  }
  rest = rest.replace(/\s+>\s+\S+$/, '');
  const words: string[] = [];
  let word: string | undefined;
  let quote: string | undefined;
  for (const ch of rest) {
    if (quote) {
      if (ch === quote) quote = undefined;
      else word = (word ?? '') + ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      word ??= '';
    } else if (ch === ' ') {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else {
      expect('<>|;&', `${line}: an unquoted "${ch}" is not part of the command for a shell`).not.toContain(ch);
      word = (word ?? '') + ch;
    }
  }
  if (word !== undefined) words.push(word);
  expect(words[0], line).toBe('wallet-help');
  return { argv: words.slice(1), ...(stdin === undefined ? {} : { stdin }) };
}

/** The command lines of the program's own help (its localized "Examples:" block). */
const programExamples = MESSAGES['program.examples']
  .split('\n')
  .filter((l) => l.startsWith('  $ '))
  .map((l) => l.slice(4).split(/ {2,}/)[0]!.trim());

/**
 * The README's own command lines (its `console` blocks), as a reader copies them: a line continued with "\\" joined
 * to the next, the comment after "#" dropped, `npx wallet-help` run as `wallet-help`.
 */
const readmeExamples = [...readFileSync(join(ROOT, 'README.md'), 'utf8').matchAll(/```console\n([\s\S]*?)```/g)]
  .flatMap((block) => block[1]!.replace(/\\\n\s*/g, '').split('\n'))
  .filter((l) => l.startsWith('$ ') && l.includes('npx wallet-help'))
  .map((l) => l.slice(2).replace(/\s+#\s.*$/, '').replaceAll('npx wallet-help', 'wallet-help').trim());

const examples = [...programExamples, ...Object.values(HELP_EXAMPLES).flat(), ...readmeExamples];

describe('every example shown in help and in the README works', () => {
  it('finds the README\'s command lines', () => {
    expect(readmeExamples.length).toBeGreaterThan(25);
    expect(readmeExamples).toContain('wallet-help --flows ./our-flows diagnose card-declined');
  });

  // One settings folder for all: a case saved and an interactive diagnosis left unfinished, for `cases show` and `--resume`.
  const env = { WALLET_HELP_CONFIG_DIR: tempDir() };
  let caseId = '';
  // The operator flow folder the examples name: the README's example flow, as "our-new-flow" (the help's name) and "card-declined".
  const ourFlows = join(tempDir(), 'our-flows');
  mkdirSync(ourFlows);
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const flow = /<!-- authoring-example:start -->\s*```yaml\n([\s\S]*?)```/.exec(readme)![1]!;
  writeFileSync(join(ourFlows, 'our-new-flow.yaml'), flow.replace('id: card-declined', 'id: our-new-flow'));
  // And as itself, as the README runs it.
  writeFileSync(join(ourFlows, 'card-declined.yaml'), flow);
  const ready = (async () => {
    const saved = await run(['diagnose', 'payment-failed', '--network', 'offline', '--save', '--json'], { env });
    caseId = (JSON.parse(saved.stdout) as { case: string }).case;
    const started = await run(['diagnose', 'payment-failed'], { env, tty: true, prompts: [{ pick: 'ok' }, { pick: 'cancel' }] });
    expect(started.code).toBe(130);
  })();

  it.each(examples)('%s', async (line) => {
    await ready;
    // The id in the `cases show` example stands for the id of a saved case.
    const { argv, stdin } = parse(line.replace(/cases show \S+/, `cases show ${caseId.slice(0, 8)}`).replaceAll('./our-flows', ourFlows));
    const opts: RunOptions = { env, files: FILES, ...(stdin === undefined ? {} : { stdin }) };
    const r = await run(argv, opts);
    if (argv[0] === 'verify') {
      // verify answers with its verdict: 0 official, 4 not official; never a usage error.
      expect([0, 4], r.stderr).toContain(r.code);
      return;
    }
    if (r.code === 0) return;
    // An interactive example: it must start asking on a terminal (cancelled at the first question here).
    expect(argv.includes('--json') || argv.includes('--no-input'), `${line}: exit ${r.code}\n${r.stderr}${r.stdout}`).toBe(false);
    const tty = await run(argv, { ...opts, tty: true, prompts: [{ pick: 'cancel' }] });
    expect(tty.prompter.asked.length, `${line}: exit ${tty.code}\n${tty.stderr}`).toBe(1);
    expect(tty.code).toBe(130);
  });
});

describe('the README lists every error code', () => {
  it('names each code the sources throw, in backquotes', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const codes = new Set<string>();
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (path.endsWith('.ts')) {
          const text = readFileSync(path, 'utf8');
          for (const m of text.matchAll(/(?:UsageError|WalletHelpError)\(\s*'([a-z_]+)'|super\('([a-z_]+)'|code: '([a-z_]+)'|fail\([^)]*, '([a-z_]+)'\)/g)) codes.add(m[1] ?? m[2] ?? m[3] ?? m[4]!);
        }
      }
    };
    walk(join(ROOT, 'src'));
    codes.delete('failed');
    expect(codes.size).toBeGreaterThan(40);
    expect([...codes].filter((code) => !readme.includes(`\`${code}\``)).sort()).toEqual([]);
  });
});

describe('help tells what the commands do (QA: README)', () => {
  it('gives every exit code of verify and check, and says what flows test reads by default', async () => {
    const { run } = await import('./helpers.js');
    expect((await run(['verify', '--help'])).stdout).toContain('2 bad usage or input (the input is not a contact, or --country is not a known country code)');
    expect((await run(['check', '--help'])).stdout).toContain('Exit codes: 0 every check passed, warned or was skipped, 1 a check failed or an internal error');
    const test = (await run(['flows', 'test', '--help'])).stdout;
    expect(test).toContain('default: the bundled flows and operator folders');
    expect(test).not.toContain('directory in use');
  });

  it('lists the exit codes every command shares on each help screen that lists exit codes: usage, internal error, output not written (QA: check and verify lacked 74)', async () => {
    const { run } = await import('./helpers.js');
    const commands = [['diagnose'], ['contacts'], ['config'], ['verify'], ['check'], ...['list', 'show', 'export', 'stats'].map((c) => ['cases', c]), ...['list', 'show', 'graph', 'validate', 'test'].map((c) => ['flows', c])];
    const shared = { en: ['Exit codes: ', '2 bad usage or input', '1 internal error', '1 a check failed or an internal error', '74 the output could not be written'], zh: ['退出码：', '2 用法或输入有误', '1 内部错误', '1 有检查未通过或内部错误', '74 无法写出输出内容'] };
    for (const [lang, [title, usage, internal, checkInternal, output]] of Object.entries(shared) as [string, string[]][]) {
      const listing: string[] = [];
      for (const command of commands) {
        const help = (await run(['--lang', lang, ...command, '--help'])).stdout.replace(/\s+/g, ' ');
        if (!help.includes(title!)) continue;
        listing.push(command.join(' '));
        expect(help, `${lang}: ${command.join(' ')}`).toContain(usage);
        expect(help, `${lang}: ${command.join(' ')}`).toContain(command[0] === 'check' ? checkInternal : internal);
        expect(help, `${lang}: ${command.join(' ')}`).toContain(output);
      }
      expect(listing).toEqual(['diagnose', 'verify', 'check']);
    }
  });

  it('names every WALLET_HELP_ variable beside the option or setting it stands for (QA: README; only the timeout\'s was named)', async () => {
    const { run } = await import('./helpers.js');
    const { VARIABLES } = await import('../src/safety/screen.js');
    for (const lang of ['en', 'zh']) {
      const screens = await Promise.all([[], ['diagnose'], ['config'], ['check']].map(async (cmd) => (await run(['--lang', lang, ...cmd, '--help'])).stdout));
      const help = screens.join('\n');
      // WALLET_HELP_DEBUG is for a bug report, which exit code 1 asks for (README).
      for (const name of VARIABLES.filter((v) => v !== 'WALLET_HELP_DEBUG')) expect(help, `${lang}: ${name}`).toContain(name);
    }
  });

  it('warns about an unknown WALLET_HELP_ROLE, as about an unknown WALLET_HELP_LANG, and goes on as a user', async () => {
    const { run } = await import('./helpers.js');
    const r = await run(['diagnose', 'payment-failed', '--network', 'offline', '--json'], { env: { WALLET_HELP_ROLE: 'admin' } });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('WALLET_HELP_ROLE is "admin", which is not a role (user or agent); it is ignored.');
    expect(JSON.parse(r.stdout)).not.toHaveProperty('role');
  });
});
