/** Drives the built CLI in a real pseudo-terminal through tmux, reading the screen as a person would. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './helpers.js';

export const KEYS = { down: 'Down', up: 'Up', enter: 'Enter', ctrlC: 'C-c', ctrlD: 'C-d', ctrlU: 'C-u', backspace: 'BSpace' } as const;

export class TerminalSession {
  private readonly socket = `wh-test-${process.pid}-${Math.random().toString(36).slice(2)}`;
  readonly home = mkdtempSync(join(tmpdir(), 'wallet-help-pty-'));

  /** With `raw`, every byte the program writes to the terminal, escapes and all, as tmux received them. */
  private readonly rawFile: string | undefined;

  constructor(args: string[], opts: { width?: number; height?: number; env?: Record<string, string>; raw?: boolean } = {}) {
    const env = { TERM: 'xterm-256color', HOME: this.home, WALLET_HELP_CONFIG_DIR: this.home, LANG: 'C.UTF-8', ...opts.env };
    const assignments = Object.entries(env).map(([k, v]) => `${k}=${shellQuote(v)}`).join(' ');
    const cli = [process.execPath, join(ROOT, 'bin/wallet-help.js'), ...args].map(shellQuote).join(' ');
    // CI must be unset inside: ora and inquirer turn themselves off when it is present. FORCE_COLOR from the runner must not leak in.
    // With `raw`, the program starts once the pane's output is piped to a file, so nothing it writes is missed.
    this.rawFile = opts.raw ? join(this.home, 'raw-output') : undefined;
    const ready = join(this.home, 'raw-ready');
    const wait = this.rawFile ? `while [ ! -e ${shellQuote(ready)} ]; do sleep 0.02; done; ` : '';
    // Ctrl+C on a terminal in line mode (TERM=dumb) is SIGINT to the whole foreground group, this shell too: it waits on
    // (a handler, which the program does not inherit, as it would an ignored signal) to report the exit code.
    const script = `trap : INT; ${wait}env -u CI -u FORCE_COLOR ${assignments} ${cli}; echo "[exit:$?]"; sleep 600`;
    this.tmux('new-session', '-d', '-x', String(opts.width ?? 80), '-y', String(opts.height ?? 24), 'sh', '-c', script);
    if (this.rawFile) {
      this.tmux('pipe-pane', '-o', `cat >> ${shellQuote(this.rawFile)}`);
      writeFileSync(ready, '');
    }
  }

  /** What the program wrote to the terminal so far, byte for byte (a session made with `raw`). */
  rawOutput(): string {
    if (!this.rawFile) throw new Error('the session was not made with raw');
    return existsSync(this.rawFile) ? readFileSync(this.rawFile, 'utf8') : '';
  }

  tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
  }

  /** The screen with soft-wrapped lines joined: a line longer than the width is one the program did not wrap. */
  screen(): string {
    return this.tmux('capture-pane', '-p', '-J');
  }

  /** The screen with its colour and attribute escapes. */
  screenWithEscapes(): string {
    return this.tmux('capture-pane', '-p', '-e');
  }

  /** Whether the terminal shows its cursor (tmux's cursor_flag). */
  cursorVisible(): boolean {
    return this.tmux('display', '-p', '#{cursor_flag}').trim() === '1';
  }

  /** The process id of the CLI inside the terminal (the pane's shell runs it as its only child). */
  programPid(): number {
    const shell = this.tmux('list-panes', '-F', '#{pane_pid}').trim();
    const child = execFileSync('pgrep', ['-P', shell, 'node'], { encoding: 'utf8' }).trim().split('\n')[0];
    if (!child) throw new Error('the CLI is not running');
    return Number(child);
  }

  keys(...keys: string[]): void {
    this.tmux('send-keys', ...keys);
  }

  /** Types text literally. */
  type(text: string): void {
    this.tmux('send-keys', '-l', text);
  }

  /** Polls the screen until it shows the text (white space folded), matches, or passes the test; never sleeps blindly. */
  async waitFor(test: string | RegExp | ((screen: string) => boolean), timeoutMs = 10_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let last = '';
    while (Date.now() < deadline) {
      last = this.screen();
      const ok = typeof test === 'string' ? flat(last).includes(flat(test)) : test instanceof RegExp ? test.test(last) : test(last);
      if (ok) return last;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`screen never showed ${String(test)}; last screen:\n${last}`);
  }

  /** Waits for the program to end and returns its exit code. */
  async exitCode(timeoutMs = 10_000): Promise<number> {
    const screen = await this.waitFor(/\[exit:\d+\]/, timeoutMs);
    return Number(/\[exit:(\d+)\]/.exec(screen)![1]);
  }

  close(): void {
    try {
      const socketPath = this.tmux('display', '-p', '#{socket_path}').trim();
      this.tmux('kill-server');
      // tmux leaves its socket file behind.
      if (socketPath !== '') rmSync(socketPath, { force: true });
    } catch {
      // Already gone.
    }
    rmSync(this.home, { recursive: true, force: true });
  }
}

export function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Text with every run of white space (line breaks, hanging indents) made one space. */
export function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
