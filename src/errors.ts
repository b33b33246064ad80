/**
 * Typed errors. Each kind carries its exit code; `src/main.ts` is the one place
 * that turns them into messages and exit codes.
 */

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
    super(code, message, ExitCode.usage, details);
  }
}

/** The user cancelled (Ctrl+C at a prompt): exit 130. */
export class CancelError extends WalletHelpError {
  /** 130 for Ctrl+C; 128 + the signal number when a signal such as SIGTERM ended the run. */
  constructor(exitCode: number = ExitCode.cancelled) {
    super('cancelled', 'Cancelled', exitCode);
  }
}

/** The command ran but its verdict is negative (validation problems, failing flow tests): exit 1, message already printed. */
export class SilentError extends WalletHelpError {
  constructor(exitCode: number = ExitCode.failed) {
    super('failed', '', exitCode);
  }
}
