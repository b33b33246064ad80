/** Test doubles: in-memory I/O and a scripted prompter that fails on any surprise. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Readable } from 'node:stream';
import { join } from 'node:path';
import { CancelError } from '../src/errors.js';
import { loadFlowDir } from '../src/flows/load.js';
import type { IO } from '../src/io/io.js';
import type { InputQuestion, Prompter, SelectQuestion } from '../src/io/prompter.js';
import { main } from '../src/main.js';
import { commanderReader } from '../src/program.js';
import type { Flow } from '../src/engine/types.js';

export const ROOT = join(import.meta.dirname, '..');

let bundled: Promise<Flow[]> | undefined;
/** The bundled flows, loaded from their YAML sources (so tests need no build). */
export function bundledFlows(): Promise<Flow[]> {
  bundled ??= loadFlowDir(join(ROOT, 'flows')).then(({ flows, problems }) => {
    if (problems.length > 0) throw new Error(`bundled flows have problems:\n${problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`).join('\n')}`);
    return flows;
  });
  return bundled;
}


/**
 * One scripted answer: the prompt it expects (a substring of the message), text the
 * output must already show when the prompt comes, and what to pick, or 'cancel'.
 */
export interface ScriptedAnswer {
  expect?: string;
  shown?: string;
  pick: string | 'cancel';
}

export class ScriptedPrompter implements Prompter {
  readonly asked: SelectQuestion<string>[] = [];
  /** The text prompts, with their masks, in the order asked. */
  readonly inputs: InputQuestion[] = [];
  constructor(
    private readonly script: ScriptedAnswer[],
    private readonly output: () => string = () => '',
  ) {}
  private take(message: string): ScriptedAnswer {
    const next = this.script.shift();
    if (!next) throw new Error(`unexpected prompt: ${message}`);
    if (next.expect !== undefined && !message.includes(next.expect)) throw new Error(`expected a prompt containing "${next.expect}", got "${message}"`);
    if (next.shown !== undefined && !this.output().includes(next.shown)) throw new Error(`expected the output to show "${next.shown}" before the prompt "${message}"`);
    return next;
  }
  async select<T extends string>(question: SelectQuestion<T>): Promise<T> {
    this.asked.push(question as SelectQuestion<string>);
    const next = this.take(question.message);
    if (next.pick === 'cancel') throw new CancelError();
    if (!question.choices.some((c) => c.value === next.pick)) {
      throw new Error(`"${next.pick}" is not a choice of "${question.message}": ${question.choices.map((c) => c.value).join(', ')}`);
    }
    return next.pick as T;
  }
  async input(question: InputQuestion): Promise<string> {
    this.asked.push({ message: question.message, choices: [] });
    this.inputs.push(question);
    const next = this.take(question.message);
    if (next.pick === 'cancel') throw new CancelError();
    // Enter on the value offered keeps it, as at a terminal.
    return next.pick === '' && question.default !== undefined ? question.default : next.pick;
  }

  /** Fails when scripted answers were left unused. */
  assertDone(): void {
    if (this.script.length > 0) throw new Error(`unused scripted answers: ${JSON.stringify(this.script)}`);
  }
}

export interface RunOptions {
  tty?: boolean;
  stdin?: string;
  env?: Record<string, string>;
  prompts?: ScriptedAnswer[];
  files?: Record<string, string | Uint8Array>;
  columns?: number;
  bundledFlows?: () => Promise<readonly Flow[]>;
  now?: Date;
  /** A clock that moves (read at every look), instead of `now`. */
  clock?: () => Date;
  /** Whether standard output is closed (its reader went away), asked after every write: a closed stream takes no more. */
  stdoutClosed?: (written: string) => boolean;
  /** Standard input as a stream (one that never ends, say), instead of `stdin`. */
  stdinStream?: Readable;
  /** Aborted like SIGTERM or SIGHUP abort a real run. */
  signal?: AbortSignal;
  /** Read a plain diagnose line with commander too, as the CLI did before it read such lines itself (see command-line.ts). */
  commanderOnly?: boolean;
}

/**
 * A directory file of providers with a phone line for each team they list (`lines`: team → number, default: security
 * only), every line open `hours` (24/7 unless given): what tests of contact cards and verify need, written once.
 */
export function phoneDirectory(providers: { id: string; name?: string; website?: string; zone?: string; hours?: string; lines?: Record<string, string> }[]): string {
  const provider = (p: (typeof providers)[number]) =>
    [
      `  - id: ${p.id}`,
      `    name: ${p.name ?? `${p.id} wallet`}`,
      `    website: ${p.website ?? `https://www.${p.id}.example/help`}`,
      `    timezone: ${p.zone ?? 'Europe/London'}`,
      '    queues:',
      ...Object.entries(p.lines ?? { security: '+44 20 7946 0001' }).flatMap(([team, phone]) => [`      ${team}:`, `        - { type: phone, value: "${phone}", hours: "${p.hours ?? '24/7'}" }`]),
    ].join('\n');
  return `providers:\n${providers.map(provider).join('\n')}\n`;
}

/** A fresh, empty folder (for settings, flows, case logs). */
export function tempDir(prefix = 'wallet-help-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  prompter: ScriptedPrompter;
}

/** Runs the CLI in-process with fake I/O. */
export async function run(argv: string[], opts: RunOptions = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const tty = opts.tty ?? false;
  const stdin = Object.assign(opts.stdinStream ?? Readable.from(opts.stdin === undefined ? [] : [Buffer.from(opts.stdin)]), { isTTY: tty });
  const prompter = new ScriptedPrompter([...(opts.prompts ?? [])], () => stdout);
  const closed = () => opts.stdoutClosed?.(stdout) === true;
  // Bytes are UTF-8 (batch output); a decoder per stream, in case a character is split between writes.
  const outBytes = new TextDecoder('utf-8', { fatal: true });
  const errBytes = new TextDecoder('utf-8', { fatal: true });
  const io: IO = {
    stdin,
    stdout: {
      write: (s: string | Uint8Array) => (closed() ? true : ((stdout += typeof s === 'string' ? s : outBytes.decode(s, { stream: true })), true)),
      get closed() {
        return closed();
      },
      isTTY: tty,
      columns: opts.columns ?? 80,
    },
    stderr: { write: (s: string | Uint8Array) => ((stderr += typeof s === 'string' ? s : errBytes.decode(s, { stream: true })), true), isTTY: tty, columns: opts.columns ?? 80 },
    // Settings come from a fresh folder unless a test names one: never the developer's own.
    env: { WALLET_HELP_CONFIG_DIR: tempDir(), ...(opts.env ?? {}) },
    cwd: ROOT,
    now: opts.clock ?? (() => opts.now ?? new Date('2026-11-20T10:00:00Z')),
    readFile: async (path) => {
      const content = opts.files?.[path];
      if (content === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return typeof content === 'string' ? Buffer.from(content) : content;
    },
    openRead: (path) => {
      const content = opts.files?.[path];
      if (content === undefined) {
        // Like fs.createReadStream: the error comes when reading starts.
        const stream = new Readable({ read() {} });
        queueMicrotask(() => stream.destroy(Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' })));
        return stream;
      }
      return Readable.from([typeof content === 'string' ? Buffer.from(content) : content]);
    },
    // In-memory files are never pipes (pipes are tested against the built CLI).
    isPipe: async () => false,
    isFile: async (path) => opts.files?.[path] !== undefined,
    prompter: async () => prompter,
    ...(opts.signal ? { signal: opts.signal } : {}),
  };
  const flows = opts.bundledFlows ?? bundledFlows;
  const code = await main(argv, io, {
    bundledFlows: async () => new Map((await flows()).map((f) => [f.id, f])),
    commander: commanderReader,
    commanderOnly: opts.commanderOnly === true,
  });
  return { code, stdout, stderr, prompter };
}

/** A small valid operator flow (a card payment declined: one question, a fix and an escalation), to damage in tests of hostile flow files. */
export const CARD_DECLINED_FLOW = `id: card-declined
version: 1
title: { en: Card payment declined, zh: 银行卡付款被拒 }
description: { en: A card linked to the wallet was declined., zh: 钱包绑定的银行卡付款被拒绝。 }
start: balance
questions:
  balance:
    text: { en: Does the card have enough money?, zh: 银行卡余额是否足够？ }
    answers:
      - { value: sufficient, label: { en: "Yes", zh: 足够 }, next: escalate-declined }
      - { value: insufficient, label: { en: "No", zh: 不够 }, next: fix-top-up-card }
outcomes:
  fix-top-up-card:
    kind: fix
    title: { en: Add money to the card, zh: 为银行卡充值 }
    steps:
      - { en: "Top up the card or use another payment method, then pay again.", zh: 为银行卡充值或换一种付款方式，然后重新付款。 }
  escalate-declined:
    kind: escalate
    queue: payments
    title: { en: Ask support why the card is declined, zh: 联系客服查询被拒原因 }
    steps:
      - { en: Contact payments support with the time and the exact error message., zh: 带上时间和完整的错误提示联系支付客服。 }
tests:
  - { answers: { balance: insufficient }, expect: fix-top-up-card }
  - { answers: { balance: sufficient }, expect: escalate-declined }
`;
