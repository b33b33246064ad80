/**
 * The options of `diagnose` and the program's global options, as data: program.ts declares
 * them with commander, and `readDiagnoseLine` reads the command lines scripts send many times
 * a minute (`wallet-help diagnose payment-failed --network offline --json`) without commander,
 * which a run would otherwise load, build and run for them (~7 M instructions, a quarter of
 * what such a run costs beyond a bare Node). It reads only plain lines: anything it is not
 * sure commander reads the same way (help, a batch, an option twice, an unknown word, a value
 * that starts with a dash, `--`) is left to commander, which then gives its usual result or
 * error. A test runs many command lines both ways and compares everything they print.
 */
import { UsageError } from '../../errors.js';
import type { MessageKey } from '../../i18n/messages.js';
import { applyGlobals, type BaseContext, type GlobalOptions } from '../../settings.js';
import { clip, mayHoldSecret, sentValue } from '../../util/safe-text.js';
import type { Context } from '../context.js';
import type { DiagnoseOptions } from './diagnose.js';

export interface OptionSpec {
  long: `--${string}`;
  short?: `-${string}`;
  /** The value it takes, as help shows it: `<value>` (required) or `[value]` (optional); none for a flag. */
  value?: string;
  /** Repeatable: every value is kept, in order (commander's collect, starting from []). */
  list?: boolean;
  /** Given at most once: a second one is this error. */
  /** The words for this option given twice with different values (option_twice), where the general ones say too little. */
  twice?: { message: MessageKey; file?: boolean };
  /** Its description in help. */
  help: MessageKey;
}

/** The options of every command, set before or after the command (`--no-color` turns `color` off). */
export const GLOBAL_OPTIONS: readonly OptionSpec[] = [
  { long: '--lang', value: '<lang>', help: 'opt.lang' },
  { long: '--color', help: 'opt.color' },
  { long: '--no-color', help: 'opt.noColor' },
  { long: '--now', value: '<iso>', help: 'opt.now' },
  { long: '--contacts', value: '<file>', help: 'opt.contacts' },
  { long: '--provider', value: '<id>', help: 'opt.provider' },
  { long: '--flows', value: '<dir>', list: true, help: 'opt.flows' },
];

/** The options of `diagnose`, in the order its help lists them. */
export const DIAGNOSE_OPTIONS: readonly OptionSpec[] = [
  { long: '--answer', short: '-a', value: '<id=value>', list: true, help: 'diagnose.opt.answer' },
  // Collected, not the last one kept: the same question answered twice with different values is an error, as with --answer.
  { long: '--network', value: '<value>', list: true, help: 'diagnose.opt.network' },
  { long: '--balance', value: '<value>', list: true, help: 'diagnose.opt.balance' },
  { long: '--verification', value: '<value>', list: true, help: 'diagnose.opt.verification' },
  // One answers file: a second one (or standard input beside a file) would silently win or be ignored.
  { long: '--answers', value: '<file>', twice: { message: 'error.answersFileTwice', file: true }, help: 'diagnose.opt.answers' },
  { long: '--check-input', value: '<id=text>', list: true, help: 'diagnose.opt.checkInput' },
  { long: '--fact', value: '<key=value>', list: true, help: 'diagnose.opt.fact' },
  { long: '--agent', help: 'diagnose.opt.agent' },
  { long: '--save', help: 'diagnose.opt.save' },
  // A test call kept out of the log where the saveCases setting keeps every case (QA: desk).
  { long: '--no-save', help: 'diagnose.opt.noSave' },
  { long: '--resume', help: 'diagnose.opt.resume' },
  { long: '--summary', value: '<format>', help: 'diagnose.opt.summary' },
  { long: '--no-checks', help: 'diagnose.opt.noChecks' },
  { long: '--timeout', value: '<ms>', help: 'diagnose.opt.timeout' },
  { long: '--no-input', help: 'diagnose.opt.noInput' },
  { long: '--json', help: 'diagnose.opt.json' },
  { long: '--batch', value: '[file]', help: 'diagnose.opt.batch' },
];

/** Global options followed by a value (so the value is not taken for a command). */
export const VALUED_GLOBALS: readonly string[] = GLOBAL_OPTIONS.filter((spec) => spec.value).map((spec) => spec.long);

/** The options `readDiagnoseLine` leaves to commander wherever they are: each changes what the run is. */
const LEFT_TO_COMMANDER: ReadonlySet<string> = new Set(['--batch', '--resume']);

/** An option as commander writes it: "-a, --answer <id=value>". */
export function flagsOf(spec: OptionSpec): string {
  return `${spec.short ? `${spec.short}, ` : ''}${spec.long}${spec.value ? ` ${spec.value}` : ''}`;
}

/** The property an option sets, as commander names it: --check-input sets checkInput, --no-checks sets checks. */
export function attributeOf(spec: OptionSpec): string {
  return spec.long.replace(/^--(?:no-)?/, '').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** What diagnose runs with, read from its command line as commander would give it to the command's action. */
export interface DiagnoseLine {
  flow: string | undefined;
  /** The command's options (commander's `opts()`), with the defaults commander sets. */
  options: Omit<DiagnoseOptions, 'flow' | 'json' | 'input'> & { json?: boolean; input?: boolean; batch?: string | true };
  /** The program's options and the command's together (commander's `optsWithGlobals()`). */
  globals: GlobalOptions & Record<string, unknown>;
}

/**
 * A plain `diagnose` command line read as commander reads it, or undefined when it is anything else or anything
 * `readDiagnoseLine` is not sure of (see the top of this file): such a line goes to commander.
 */
export function readDiagnoseLine(argv: readonly string[]): DiagnoseLine | undefined {
  if (!argv.includes('diagnose')) return undefined;
  const globals: Record<string, unknown> = {};
  const options: Record<string, unknown> = {};
  for (const spec of GLOBAL_OPTIONS) if (spec.list) globals[attributeOf(spec)] = [];
  for (const spec of DIAGNOSE_OPTIONS) {
    if (spec.list) options[attributeOf(spec)] = [];
    // A negated option defaults to true, unless its positive twin is declared too (--save and --no-save): as commander sets them.
    else if (spec.long.startsWith('--no-') && !DIAGNOSE_OPTIONS.some((twin) => twin.long === `--${spec.long.slice('--no-'.length)}`)) options[attributeOf(spec)] = true;
  }
  const given = new Set<string>();
  let command = false;
  let flow: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('-')) {
      if (!command) {
        if (arg !== 'diagnose') return undefined;
        command = true;
      } else if (flow === undefined) flow = arg;
      else return undefined;
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq === -1 ? arg : arg.slice(0, eq);
    // Before the command, only the program's options; after it, the command's and the program's.
    const own = command ? DIAGNOSE_OPTIONS.find((s) => s.long === name || s.short === name) : undefined;
    const spec = own ?? GLOBAL_OPTIONS.find((s) => s.long === name);
    if (!spec || LEFT_TO_COMMANDER.has(spec.long)) return undefined;
    const attribute = attributeOf(spec);
    const into = own ? options : globals;
    // An option given twice: commander keeps the last, or its parser refuses the second. Left to commander.
    if (!spec.list && given.has(attribute)) return undefined;
    given.add(attribute);
    if (!spec.value) {
      if (eq !== -1) return undefined;
      into[attribute] = !spec.long.startsWith('--no-');
      continue;
    }
    const value = eq !== -1 ? arg.slice(eq + 1) : argv[++i];
    // Standard input ("--answers -") is a value; another word that starts with a dash may be a mistake commander words.
    if (value === undefined || (value.startsWith('-') && value !== '-')) return undefined;
    if (spec.list) (into[attribute] as string[]).push(value);
    else into[attribute] = value;
  }
  if (!command) return undefined;
  return {
    flow,
    options: options as DiagnoseLine['options'],
    globals: { ...globals, ...options } as DiagnoseLine['globals'],
  };
}

/** diagnose options that have no meaning in a batch, with how they are written. */
const BATCH_IGNORES = [
  ['save', '--save'],
  ['summary', '--summary'],
  ['fact', '--fact'],
  ['resume', '--resume'],
  ['timeout', '--timeout'],
] as const;

/** What a word read as the flow looks like when it was meant as --batch's file: standard input, or a file of lines. */
const BATCH_FILE = /\.(?:jsonl|ndjson|json|txt)$/i;

/**
 * A word read as the flow beside a --batch that took no file (`--batch --json tickets.jsonl`, `--batch --agent -`) that is
 * no flow and looks like a file (`-`, a name ending .jsonl, .ndjson, .json or .txt, or a file or pipe that is there) is
 * refused as what it was meant to be, --batch's file given in the wrong place, rather than as a flow beside --batch
 * (QA: script integrator). The word is quoted only when it cannot hold a secret (the command line was screened, but a
 * longer name with digits is not quoted anyway), in the message as clip writes it and in the details as it was sent.
 */
async function refuseFileAsFlow(ctx: Context, word: string): Promise<void> {
  if (word !== '-' && !BATCH_FILE.test(word) && !(await ctx.io.isFile(word))) return;
  const { flows, broken } = await ctx.flows();
  if (flows.has(word) || broken.has(word)) return;
  if (mayHoldSecret(word)) throw new UsageError('batch_conflict', ctx.t('batch.fileAsFlowUnquoted'), { option: 'flow' });
  throw new UsageError('batch_conflict', ctx.t('batch.fileAsFlow', { file: clip(word) }), { option: 'flow', flow: sentValue(word), file: sentValue(word) });
}

/** Runs diagnose as its command line asks, read by commander or by readDiagnoseLine: one diagnosis, or a batch. */
export async function runDiagnoseLine(base: BaseContext, { flow, options: o, globals }: DiagnoseLine): Promise<void> {
  const { t } = base;
  const context = await applyGlobals(base, globals);
  if (o.batch !== undefined) {
    // What each line of the batch gives for itself, named for scripts: the first one given here as well.
    const given: [boolean, string][] = [
      [flow !== undefined, 'flow'],
      [o.answers !== undefined, '--answers'],
      [o.answer.length > 0, '--answer'],
      [(o.checkInput?.length ?? 0) > 0, '--check-input'],
      [o.network.length > 0, '--network'],
      [o.balance.length > 0, '--balance'],
      [o.verification.length > 0, '--verification'],
    ];
    const twice = given.find(([set]) => set)?.[1];
    // `--batch --json tickets.jsonl`: --batch takes its file only right after it, so the file was read as the flow.
    if (twice === 'flow' && o.batch === true) await refuseFileAsFlow(context, flow!);
    if (twice) throw new UsageError('batch_conflict', t('batch.conflict'), { option: twice });
    // What a batch would silently ignore: it saves no case, writes no summary, has no facts to record and measures nothing.
    // (--no-save asks what a batch does anyway.)
    const ignored = BATCH_IGNORES.find(([key]) => o[key] !== undefined && o[key] !== false && !(Array.isArray(o[key]) && o[key].length === 0));
    if (ignored) throw new UsageError('batch_conflict', t('batch.notInBatch', { option: ignored[1] }), { option: ignored[1] });
    const { runBatch } = await import('./batch.js');
    await runBatch(o.batch === true ? '-' : o.batch, context, { input: o.input !== false });
    return;
  }
  const { runDiagnose } = await import('./diagnose.js');
  await runDiagnose({ ...o, flow, json: o.json === true, input: o.input !== false }, context);
}
