/**
 * Typed errors. Each kind carries its exit code; `src/main.ts` is the one place
 * that turns them into messages and exit codes.
 */
import type { Translate } from './i18n/i18n.js';

/** Exit codes shared by every command. */
export const ExitCode = {
  ok: 0,
  internal: 1,
  /** A check or validation found problems (flows validate, flows test). */
  failed: 1,
  usage: 2,
  /** diagnose: the outcome was given, but the support contacts could not be loaded (see its warning). */
  contactsUnavailable: 3,
  notOfficial: 4,
  /** Standard output could not be written (a full disk, a broken descriptor): EX_IOERR of sysexits.h. */
  output: 74,
  cancelled: 130,
} as const;

/** Base for errors that are the user's to fix: printed as a sentence, never with a stack. */
export class WalletHelpError extends Error {
  /** Stable machine-readable code for `--json` errors. */
  readonly code: string;
  readonly exitCode: number;
  /** Extra fields for the `--json` error object. */
  readonly details: Record<string, unknown>;
  constructor(code: string, message: string, exitCode: number, details: Record<string, unknown> = {}) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.exitCode = exitCode;
    this.details = details;
  }
}

/** Bad command-line usage or bad input values: exit 2. */
export class UsageError extends WalletHelpError {
  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    // Shown as its sentence, never with a stack, so none is captured: that was half of what a bad batch line cost.
    const frames = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      super(code, message, ExitCode.usage, details);
    } finally {
      Error.stackTraceLimit = frames;
    }
  }
}

/**
 * No folder for the settings and the case log: no home folder (HOME unset, empty or relative, and none in the system's
 * user database, as for a container's arbitrary user) and no WALLET_HELP_CONFIG_DIR. Reading settings finds none, and a
 * diagnosis goes on without keeping its case (saying so); a command that writes settings or reads the cases stops with
 * it, which main words as no_settings_folder, exit 2.
 */
export class NoSettingsFolderError extends Error {
  constructor() {
    super('no settings folder: set HOME or WALLET_HELP_CONFIG_DIR');
  }
}

/** The user cancelled (Ctrl+C at a prompt): exit 130. */
export class CancelError extends WalletHelpError {
  /** What to do next, said after "Cancelled." (how to continue the case), in the user's language. */
  hint?: string;
  /** The language of the case cancelled, when it may not be the run's (a resumed case speaks its own): "Cancelled." is said in it, as the hint is. */
  translate?: Translate;
  /** 130 for Ctrl+C; 128 + the signal number when a signal such as SIGTERM ended the run. */
  constructor(exitCode: number = ExitCode.cancelled) {
    super('cancelled', 'Cancelled', exitCode);
  }
}

/**
 * The CancelError for an error that means the run was stopped: itself, or the AbortError of
 * a network check stopped by SIGTERM or SIGHUP (its cause is the signal's name); otherwise undefined.
 */
export function asCancel(err: unknown): CancelError | undefined {
  if (err instanceof CancelError) return err;
  if (!(err instanceof Error) || err.name !== 'AbortError') return undefined;
  return new CancelError(signalExitCode(err.cause));
}

/** The exit code of a run stopped by a signal (its name, the reason the run's abort signal carries): 128 + the signal number, 130 for Ctrl+C. */
export function signalExitCode(signal: unknown): number {
  return signal === 'SIGHUP' ? 129 : signal === 'SIGTERM' ? 143 : ExitCode.cancelled;
}

/**
 * Standard output could not be written, for a reason other than its reader going away (EPIPE):
 * a full disk, a broken descriptor. Reported on standard error, since stdout is what failed.
 */
export class OutputError extends WalletHelpError {
  constructor(readonly reason: string) {
    super('output_failed', '', ExitCode.output, { reason });
  }
}

/** The command ran but its verdict is negative (validation problems, failing flow tests): exit 1, message already printed. */
export class SilentError extends WalletHelpError {
  constructor(exitCode: number = ExitCode.failed) {
    super('failed', '', exitCode);
  }
}
