/**
 * Plain diagnose lines read without commander (src/commands/diagnose/command-line.ts): what
 * they are read as, what is left to commander, and, for many command lines, the same result
 * either way, to the byte: output, errors and exit code.
 */
import { describe, expect, it } from 'vitest';
import { attributeOf, DIAGNOSE_OPTIONS, GLOBAL_OPTIONS, readDiagnoseLine } from '../src/commands/diagnose/command-line.js';
import { run, tempDir } from './helpers.js';

const PHRASE = 'abandon ability able about above absent absorb abstract absurd abuse access accident';

describe('readDiagnoseLine', () => {
  it('reads a plain diagnose line as commander gives it to the command', () => {
    expect(readDiagnoseLine(['diagnose', 'payment-failed', '--network', 'offline', '--json'])).toEqual({
      flow: 'payment-failed',
      options: { answer: [], network: ['offline'], balance: [], verification: [], checkInput: [], fact: [], checks: true, input: true, json: true },
      globals: { flows: [], answer: [], network: ['offline'], balance: [], verification: [], checkInput: [], fact: [], checks: true, input: true, json: true },
    });
    const line = readDiagnoseLine(['--lang', 'zh', 'diagnose', '-a', 'network=ok', '--answer=balance=sufficient', '--no-input', '--flows', 'a', 'payment-failed', '--flows=b', '--no-checks', '--answers', '-']);
    expect(line?.flow).toBe('payment-failed');
    expect(line?.options).toMatchObject({ answer: ['network=ok', 'balance=sufficient'], input: false, checks: false, answers: '-' });
    expect(line?.globals).toMatchObject({ lang: 'zh', flows: ['a', 'b'] });
  });

  it.each([
    [['--help']],
    [['contacts', '--json']],
    [['diagnose', '--help']],
    [['diagnose', '-h']],
    [['diagnose', '--version']],
    [['diagnose', 'payment-failed', '--batch']],
    [['diagnose', '--batch', 'lines.jsonl']],
    [['diagnose', '--resume']],
    [['diagnose', 'a', 'b']],
    [['diagnose', 'payment-failed', '--netwrk', 'offline']],
    [['diagnose', 'payment-failed', '--network']],
    [['diagnose', 'payment-failed', '--network', '--json']],
    [['diagnose', 'payment-failed', '--json', '--json']],
    [['diagnose', 'payment-failed', '--answers', 'a.yaml', '--answers', 'b.yaml']],
    [['diagnose', 'payment-failed', '--lang', 'en', '--lang', 'zh']],
    [['diagnose', 'payment-failed', '--color', '--no-color']],
    [['diagnose', 'payment-failed', '--json=yes']],
    [['diagnose', 'payment-failed', '-anetwork=ok']],
    [['diagnose', '--', 'payment-failed']],
    [['--json', 'diagnose', 'payment-failed']],
    [['help', 'diagnose']],
    [['diagnos', 'payment-failed']],
  ])('leaves %j to commander', (argv) => {
    expect(readDiagnoseLine(argv)).toBeUndefined();
  });

  it('names each option as commander does', () => {
    expect(DIAGNOSE_OPTIONS.map(attributeOf)).toContain('checkInput');
    expect(DIAGNOSE_OPTIONS.map(attributeOf)).toContain('checks');
    expect(GLOBAL_OPTIONS.map(attributeOf)).toEqual(['lang', 'color', 'color', 'now', 'contacts', 'provider', 'flows']);
  });
});

/** A small seeded random source, so a failing line can be found again. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Parts of command lines, valid and not: each a list of arguments. */
const FLOWS = [['payment-failed'], ['deposit-missing'], ['account-compromised'], ['login-failed'], ['nope'], [], ['payment-faild']];
const PARTS: string[][] = [
  ['--network', 'offline'], ['--network', 'ok'], ['--network', 'maybe'], ['--network=unstable'], ['--balance', 'sufficient'], ['--balance', 'insufficient'],
  ['--verification', 'pending'], ['--verification', 'verified'], ['-a', 'network=ok'], ['--answer', 'balance=insufficient'], ['--answer=network=offline'],
  ['--answer', 'nonsense'], ['--answer', 'netwrk=ok'], ['-a', 'method=bank-card'], ['-a', 'record-status=processing'], ['-a', 'symptom=code-rejected'],
  ['-a', 'code-type=authenticator'], ['--json'], ['--no-input'], ['--agent'], ['--lang', 'zh'], ['--lang=en'], ['--lang', 'chinese'], ['--no-checks'],
  ['--now', '2026-11-20T09:30:00+08:00'], ['--now', 'yesterday'], ['--now='], ['--summary', 'md'], ['--summary', 'text'], ['--summary', 'pdf'],
  ['--timeout', '500'], ['--timeout', '5'], ['--fact', 'txid=0x9f2c4e'], ['--fact', 'amount'], ['--fact', 'colour=red'], ['--check-input', 'contact=+1 555 0100'],
  ['--provider', 'nope'], ['--provider', 'demo-wallet'], ['--flows', '/nonexistent/flows'], ['--color'], ['--no-color'], ['--contacts', '/nonexistent.yaml'],
  ['--answer', `network=${PHRASE}`], ['--fact', `error=${PHRASE}`], ['--network', '123456'],
];
/** The program's options, which may come before the command too. */
const BEFORE: string[][] = [[], [], [], ['--lang', 'zh'], ['--no-color'], ['--now', '2026-11-20T01:00:00Z'], ['--provider', 'demo-wallet'], ['--lang=en', '--color']];

function commandLines(count: number, seed: number): string[][] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const lines: string[][] = [];
  for (let i = 0; i < count; i++) {
    const parts = Array.from({ length: Math.floor(next() * 5) }, () => pick(PARTS));
    // The flow anywhere among the options, as commander takes it.
    const at = Math.floor(next() * (parts.length + 1));
    parts.splice(at, 0, pick(FLOWS));
    // Most lines are for scripts (--json), as the route is.
    if (next() < 0.7 && !parts.some((p) => p[0] === '--json')) parts.push(['--json']);
    lines.push([...pick(BEFORE), 'diagnose', ...parts.flat()]);
  }
  return lines;
}

describe('a plain diagnose line, read without commander', () => {
  it('gives what commander gives, to the byte, for many command lines', { timeout: 120_000 }, async () => {
    const settings = tempDir();
    const env = { WALLET_HELP_CONFIG_DIR: settings };
    // Lines scripts send, and lines where one option decides what happens, then many put together at random.
    const lines = [
      ['diagnose', 'payment-failed', '--network', 'offline', '--json'],
      ['diagnose', 'payment-failed', '--no-input'],
      ['diagnose', 'payment-failed', '--network', 'ok', '--no-input'],
      ['diagnose', 'payment-failed', '--no-checks', '--network', 'ok', '--balance', 'sufficient', '--verification', 'pending'],
      ['diagnose', '--json'],
      ['diagnose', '--no-input'],
      ['diagnose', 'deposit-missing', '--agent', '-a', 'method=bank-card', '-a', 'record-status=processing'],
      ['diagnose', 'deposit-missing', '--summary', 'md', '-a', 'method=bank-card', '-a', 'record-status=processing', '--fact', 'amount=20'],
      ...commandLines(400, 20261123),
    ];
    let direct = 0;
    for (const [i, argv] of lines.entries()) {
      if (readDiagnoseLine(argv)) direct++;
      // Some on a terminal, where --no-input and --json decide whether a question is asked.
      const tty = i % 4 === 0 || i < 8;
      const [own, commander] = [await run(argv, { env, tty }), await run(argv, { env, tty, commanderOnly: true })];
      expect({ argv, code: own.code, stdout: own.stdout, stderr: own.stderr }).toEqual({ argv, code: commander.code, stdout: commander.stdout, stderr: commander.stderr });
    }
    // Most of these lines are read without commander: the comparison is not between two commander runs.
    expect(direct).toBeGreaterThan(lines.length / 2);
  });
});
