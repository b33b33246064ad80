/**
 * The one place that runs a command line and turns every outcome (success, typed
 * error, cancellation, bug) into output and an exit code. Nothing below calls
 * process.exit.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command, CommanderError } from 'commander';
import { meantSettings, readConfig, roleOf, type ConfigWarning } from './config/config.js';
import type { CaseFact, Flow, Lang } from './engine/types.js';
import { asCancel, CancelError, ExitCode, NoSettingsFolderError, OutputError, UsageError, WalletHelpError } from './errors.js';
import { loadBundledFlows } from './flows/catalog.js';
import { detectLang, langOf, meantLang, sentences, translator, withAside, type Translate } from './i18n/i18n.js';
import type { ProblemRef } from './i18n/problem-ref.js';
import { colorEnabled, type IO } from './io/io.js';
import { DIAGNOSE_OPTIONS, readDiagnoseLine, runDiagnoseLine, VALUED_GLOBALS } from './commands/diagnose/command-line.js';
import type { Style } from './render/style.js';
import { CHECK_OPTION_SCAN, FACT_SCAN, loadScanner, mayHoldSecret, refuseSecrets, refuseSecretVariables, screenSettings, SecretError, type SecretField, type Suspect } from './safety/screen.js';
import type { SecretScanOptions } from './safety/secrets.js';
import { layoutFor, sayRunWarning } from './render/layout.js';
import { userTimeZone } from './render/user-zone.js';
import { clip, safeJson, safeText, sentValue, shownPath } from './util/safe-text.js';
import { suggestionHint } from './util/suggest.js';
import { fileReason } from './util/read-error.js';
import type { BaseContext } from './settings.js';
import { isPlainHelp } from './plain-help.js';
import { BUNDLED_HELP_DIR } from './paths.js';
import './core.js';

export interface MainOptions {
  /** Replaces the bundled flows (tests). */
  bundledFlows?: () => Promise<ReadonlyMap<string, Flow>>;
  /**
   * Commander's side (program.ts), for command lines other than a plain diagnose line or plain help for a file or a
   * pipe: the CLI's entry (cli.ts) gives it; the other entry (direct.ts) runs main only for those, without commander.
   */
  commander?: typeof import('./program.js').commanderReader;
  /** Read every command line with commander, a plain diagnose line too (tests compare the two ways; see command-line.ts). */
  commanderOnly?: boolean;
}

/** Runs one command line (without the node and script names) and returns the exit code. */
export async function main(argv: readonly string[], io: IO, options: MainOptions = {}): Promise<number> {
  const early = scanGlobalFlags(argv);
  // A batch writes JSON Lines: an error that stops the whole batch is a JSON line too.
  const batch = argv.includes('--batch') || argv.some((a) => a.startsWith('--batch='));
  // (--json=true too: refused below as an option that takes no value, in the document the script asked for.)
  const json = batch || argv.some((arg) => arg === '--json' || arg.startsWith('--json='));
  const settings = readConfig(io.env, io.now);
  // A value the file holds that is a secret is dropped before anything can show it (a warning names its key).
  await screenSettings(settings);
  const config = settings.config;
  // A tag as a locale writes it (zh-CN, en_GB) names its language.
  // A language given by its name ("--lang 中文", "chinese") is refused below, with the tag it means, in that language
  // (QA: Chinese review: "中文" was answered in English).
  const lang: Lang = (early.lang === undefined ? undefined : (langOf(early.lang) ?? meantLang(early.lang)[0])) ?? detectLang(io.env, config.lang);
  const t = await translator(lang);
  // Standard output failing after a write returned (a built stream's error) is said as main says it (see report).
  io.sayOutputFailure?.((reason) => outputFailure(t, json, reason, t('error.prefix')));
  const configColor = config.color === 'always' ? true : config.color === 'never' ? false : undefined;
  let loadedStyles: Promise<{ out: Style; err: Style }> | undefined;
  const styles = () =>
    (loadedStyles ??= import('./render/style.js').then(({ makeStyle }) => {
      // The stderr style is made when first used: asking whether stderr is a terminal builds its stream.
      let err: Style | undefined;
      return {
        out: makeStyle(colorEnabled(io.stdout, io.env, early.color, configColor)),
        get err() {
          return (err ??= makeStyle(colorEnabled(io.stderr, io.env, early.color, configColor)));
        },
      };
    }));
  // The run's warnings, as standard error says them, for a --json document too (Context.warned).
  const warned: string[] = [];
  if (settings.warnings.length > 0) {
    // Rare, so the problem catalogue loads only here.
    const { problemTranslator } = await import('./i18n/problems.js');
    const problem = problemTranslator(lang);
    const { err } = await styles();
    const layout = await layoutFor(io.stderr);
    // A key stored under another name ("colour", "Lang", "provder") comes with the setting it likely is, as config set says it.
    const meant = (key: string) => meantSettings(key)[0];
    for (const w of settings.warnings) {
      const said = configWarning(w, t, (ref) => problem(ref.key, ref.params), meant);
      warned.push(said);
      io.stderr.write(`${layout.hanging(err.yellow(t('warning.prefix')), said)}\n`);
    }
  }

  const bundled = new Map<Lang, Promise<ReadonlyMap<string, Flow>>>();
  let zone: string | undefined;
  const now = io.now();
  const baseIn = (l: Lang, tl: Translate): BaseContext => ({
    io,
    lang: l,
    t: tl,
    langGiven: early.lang !== undefined,
    styles,
    config,
    configWarnings: settings.warnings,
    warned,
    // Every text of a run is in its one language: the flows are read in that language only.
    bundledFlows: () => {
      let flows = bundled.get(l);
      if (!flows) bundled.set(l, (flows = options.bundledFlows ? options.bundledFlows() : loadBundledFlows(tl, undefined, l)));
      return flows;
    },
    now,
    // Asking Intl for the system zone costs milliseconds: only contact cards and --now need it.
    userZone: () => (zone ??= userTimeZone(io.env)),
    inLanguage: async (other) => baseIn(other, await translator(other)),
  });
  const base = baseIn(lang, t);
  let program: Command | undefined;
  const front = options.commander;
  // A plain diagnose line (what scripts send) is read without loading commander (see command-line.ts).
  const line = options.commanderOnly && front ? undefined : readDiagnoseLine(argv);
  // Whom a secret on the command line is refused to, before any command runs (and whom an error that quotes one is).
  const role = roleOf(agentFlag(argv), io.env, config);
  try {
    if (early.lang !== undefined && langOf(early.lang) === undefined) {
      // The value in the details too, as the library gives it: a script sees what was refused.
      const suggestions = meantLang(early.lang);
      throw new WalletHelpError('invalid_lang', sentences(t, t('error.badLang', { lang: clip(early.lang) }), suggestionHint(t, suggestions)), ExitCode.usage, { lang: sentValue(early.lang), suggestions });
    }
    // Secrets on the command line are refused before anything runs (they would end up in messages and files).
    const risky = argv.flatMap((arg, i) => (mayHoldSecret(arg) && !screenedByCommand(argv, i) && !isNumberOption(argv, i) ? answerParts(argv, i) : []));
    // A recovery phrase pasted without quotes is a dozen words, each an argument of its own, none of them risky alone:
    // the words are screened together too (QA: agent; it was "too many arguments", and no refusal).
    // (Only a line of twelve arguments or more can hold one: a Unicode property escape costs a start ~2 M instructions to compile.)
    const words = argv.length >= 12 ? argv.flatMap((arg, i) => (/^\p{L}+$/u.test(arg) ? [i] : [])) : [];
    if (words.length >= 12) {
      // Named by where its words start: the first that is no command's own word (diagnose's flow, verify's contact).
      const fields = words.map((i) => fieldOf(argv, i));
      risky.push({ text: words.map((i) => argv[i]).join(' '), field: fields.find((f) => f !== 'command') ?? fields[0] });
    }
    if (risky.length > 0) await refuseSecrets(t, risky, role);
    await refuseSecretVariables(t, io.env);
    // A WALLET_HELP_LANG that is not a language is ignored like a bad setting, but never silently (and, screened
    // just above, never quoted when it holds a secret).
    const envLang = io.env.WALLET_HELP_LANG;
    if (early.lang === undefined && envLang !== undefined && envLang !== '' && langOf(envLang) === undefined) {
      const { err } = await styles();
      await sayRunWarning(base, sentences(t, t('warning.badEnvLang', { value: clip(envLang), language: t(`lang.${lang}`) }), suggestionHint(t, meantLang(envLang))), err.yellow(t('warning.prefix')));
    }
    if (line) {
      await runDiagnoseLine(base, line);
      return ExitCode.ok;
    }
    // The program's help for a file or a pipe (agents read it to learn the CLI), as the build rendered it with commander.
    if (!front && isPlainHelp(argv) && !io.stdout.isTTY) {
      io.stdout.write(renderedHelp(lang, t));
      return ExitCode.ok;
    }
    // The diagnose help lists the flow ids, and commander's help callbacks are synchronous.
    let ids: string[] = [];
    const help = mayShowHelp(argv);
    // Each with its title in the run's language: the ids are English words.
    if (help && argv.includes('diagnose')) ids = [...(await base.bundledFlows()).values()].map((f) => withAside(t, f.id, safeText(f.title[lang])));
    // Help is wrapped only on a terminal. It goes to stderr when a command is missing, but asking whether stderr is a
    // terminal builds its stream: stdout, a terminal too in an interactive shell, decides.
    if (help && io.stdout.isTTY) base.helpWrapping = await import('./render/wrap.js');
    // Only the CLI's entry runs other lines, and it gives commander's side: without it, this is a bug.
    if (!front) throw new Error('main: a command line that is neither a plain diagnose line nor plain help needs commander (MainOptions.commander)');
    program = front.buildProgram(base, () => ids, argv);
    await program.parseAsync(help ? front.helpForUnknown(argv, program) : [...argv], { from: 'user' });
    return ExitCode.ok;
  } catch (err) {
    // The command named and its options, for the help hint and for an option given before its command.
    const path = program && front ? front.commandPath(program, argv) : line ? ['diagnose'] : [];
    const commandOptions = program && front ? front.optionsOf(program, path) : line ? DIAGNOSE_OPTIONS.flatMap((o) => (o.short ? [o.long, o.short] : [o.long])) : [];
    const commandFlags = program && front ? front.optionsOf(program, path, true) : line ? DIAGNOSE_OPTIONS.filter((o) => o.value === undefined).map((o) => o.long) : [];
    const reporter: Reporter = { io, t, json, batch, styles, commandPath: path, commandOptions, commandFlags, argv };
    try {
      return await report(await screened(err, t, argv, role), reporter);
    } catch (failed) {
      // The error document itself could not be written (a full disk under --json): that is what is reported, on standard error.
      if (failed instanceof OutputError) return report(failed, reporter);
      throw failed;
    }
  }
}

/**
 * The last line of defence: an error message may quote what the user typed (in
 * part: quotes are shortened), so when the message or any argument holds a
 * secret, the error becomes the refusal instead.
 */
async function screened(err: unknown, t: Translate, argv: readonly string[], role: 'user' | 'agent'): Promise<unknown> {
  if (!(err instanceof Error) || err instanceof SecretError || err instanceof CancelError || err.message === '') return err;
  if (isCommanderError(err) && (err.code === 'commander.helpDisplayed' || err.code === 'commander.version')) return err;
  // A number refused as out of range is quoted in its error as it was typed; six digits of it are not a one-time code.
  if (err instanceof WalletHelpError && NUMBER_ERRORS.has(err.code) && argv.every((arg, i) => !mayHoldSecret(arg) || isNumberOption(argv, i))) return err;
  const { findSecrets } = await loadScanner();
  const details = err instanceof WalletHelpError ? JSON.stringify(err.details) : '';
  // An argument its command screens is screened here by the same rules: a TxID given to a run that failed for
  // another reason (no --chain) is not called a private key.
  const inArguments = argv.flatMap((text, i) => (isCaseId(argv, i) || isNumberOption(argv, i) ? [] : findSecrets(text, commandScan(argv, i) ?? {}).map((f) => ({ kind: f.kind, field: fieldOf(argv, i) }))));
  // Case ids are UUIDs the tool made (an ambiguous id start lists them): their digit groups can pass for a card number or a
  // code ("…-432181568278-2"), and they are no secret of anyone's. Left out of what is screened here.
  const withoutCaseIds = (text: string) => text.replace(CASE_UUID, '');
  const found = findSecrets(withoutCaseIds(err.message))[0] ?? findSecrets(withoutCaseIds(details))[0] ?? inArguments[0];
  if (!found) return err;
  // What a message or its details quote came from an argument: the first argument that holds a secret names its option.
  return new SecretError(t, found.kind, { field: inArguments[0]?.field }, role);
}

/**
 * A case id as the tool makes them (a random UUID), and nothing after it: digits written on after one ("…-4111-1111-…",
 * from a file) are still read, and with the id gone, what an edited log adds ("…-2") is too short to be anything.
 */
const CASE_UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;

/**
 * Whether --agent is anywhere among the options, even where the command does not take it (`wallet-help --agent
 * diagnose …`, refused as misplaced only after): a secret on the command line is refused first, and to an agent
 * (roleOf: this, WALLET_HELP_ROLE or the role setting) it is worded for the desk: what the caller read out, and
 * what to tell them.
 */
function agentFlag(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).includes('--agent');
}

/**
 * Options whose values their command screens itself, with the rules that fit each (a TxID is long hex, an
 * amount or a memo has numbers); a fact (`--fact KEY=VALUE`) by its key's rules.
 */
const SCREENED_BY_COMMAND: Readonly<Record<string, (value: string) => SecretScanOptions>> = {
  // A key diagnose does not know is refused there without its value being shown or kept: read leniently here, so a
  // TxID under a mistyped key (tx=…) is not called a private key.
  '--fact': (pair) => {
    const key = pair.slice(0, pair.indexOf('=')).trim().toLowerCase();
    return Object.hasOwn(FACT_SCAN, key) ? FACT_SCAN[key as CaseFact] : { allowHex64: true, numbersExpected: true };
  },
  // Typed text a question's check reads (a contact) is screened as an answer.
  '--check-input': () => ({}),
  '--txid': () => CHECK_OPTION_SCAN.txid,
  '--address': () => CHECK_OPTION_SCAN.address,
  '--memo': () => CHECK_OPTION_SCAN.memo,
};

/** The rules argument i is screened by when its command screens it itself (see SCREENED_BY_COMMAND), else undefined. */
function commandScan(argv: readonly string[], i: number): SecretScanOptions | undefined {
  const arg = argv[i]!;
  const prev = argv[i - 1] ?? '';
  const eq = arg.startsWith('-') ? arg.indexOf('=') : -1;
  const [flag, value] = eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [prev, arg];
  return Object.hasOwn(SCREENED_BY_COMMAND, flag) ? SCREENED_BY_COMMAND[flag]!(value) : undefined;
}

function screenedByCommand(argv: readonly string[], i: number): boolean {
  return commandScan(argv, i) !== undefined || isCaseId(argv, i);
}

/** Options that take a number (checked by their command), and the errors that refuse one. */
const NUMBER_OPTIONS = ['--timeout', '--min-coverage'];
const NUMBER_ERRORS: ReadonlySet<string> = new Set(['invalid_timeout', 'invalid_min_coverage']);

/** The value of a number option (`--timeout 999999`, `--timeout=999999`): digits are a time or a share, not a code. */
function isNumberOption(argv: readonly string[], i: number): boolean {
  const arg = argv[i]!;
  const eq = NUMBER_OPTIONS.find((flag) => arg.startsWith(`${flag}=`));
  const value = eq ? arg.slice(eq.length + 1) : NUMBER_OPTIONS.includes(argv[i - 1] ?? '') ? arg : undefined;
  return value !== undefined && /^[0-9]+(?:\.[0-9]+)?$/.test(value);
}

/**
 * The id of `cases show ID` or `diagnose ID --resume`: hex digits and dashes (a UUID, or its start), which the command
 * checks itself. Its first eight characters, what cases list and the hint at Ctrl+C show, are all digits in about one
 * case of forty, and eight digits alone read as a one-time code (a flaky test found one in diagnose).
 */
function isCaseId(argv: readonly string[], i: number): boolean {
  if (!CASE_ID.test(argv[i]!)) return false;
  const prev = argv[i - 1] ?? '';
  const cases = argv.indexOf('cases');
  if (cases !== -1 && argv[cases + 1] === 'show' && i > cases + 1 && prev !== '--format') return true;
  // diagnose's argument, not the value of an option before it: with --resume it names an unfinished case.
  const diagnose = argv.indexOf('diagnose');
  return diagnose !== -1 && i > diagnose && argv.includes('--resume') && (prev === 'diagnose' || RESUME_FLAGS.has(prev));
}
const CASE_ID = /^[0-9a-f][0-9a-f-]{0,35}$/i;
/** diagnose's options that take no value, and so may stand just before its argument. */
const RESUME_FLAGS: ReadonlySet<string> = new Set(['--resume', '--agent', '--save', '--no-checks', '--no-input', '--json', '--color', '--no-color']);

/** Flags that answer a question: `--answer ID=VALUE` and the shortcuts named after their question. */
const ANSWER_FLAGS = ['--answer', '-a'];
const SHORTCUT_FLAGS = ['--network', '--balance', '--verification'];

/**
 * Every option of every command that takes a value, by its long name (and `-a`, the one short name of such an
 * option): a secret refused in an argument names the option that held it. A test checks the list against commander's.
 */
export const VALUE_OPTIONS: readonly string[] = [
  '--lang', '--now', '--contacts', '--provider', '--flows',
  '--answer', '-a', '--network', '--balance', '--verification', '--answers', '--check-input', '--fact', '--summary', '--timeout', '--batch',
  '--country', '--chain', '--address', '--txid', '--memo', '--since', '--flow', '--outcome', '--format', '--min-coverage',
];

/** Every option of every command that takes no value, by its long name (a test checks the list against commander's). */
export const FLAG_OPTIONS: readonly string[] = [
  '--color', '--no-color', '--help', '--version',
  '--agent', '--save', '--no-save', '--resume', '--no-checks', '--no-input', '--json', '--open',
];

/** The option whose value argument i is (`--fact KEY=…`, `--fact=…`), by its long name; undefined for other arguments. */
function optionOf(argv: readonly string[], i: number): SecretField | undefined {
  const arg = argv[i]!;
  const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
  const flag = eq > 0 ? arg.slice(0, eq) : VALUE_OPTIONS.includes(argv[i - 1] ?? '') ? argv[i - 1]! : undefined;
  if (flag === undefined || !VALUE_OPTIONS.includes(flag)) return undefined;
  return longName(flag) as SecretField;
}

/**
 * Each command's own arguments, by the names its help gives them (program.ts declares them; a test checks the two
 * agree), a variadic one written with "...": a secret refused in one names it in `field`, as a request's field is named.
 */
export const COMMAND_ARGUMENTS: Readonly<Record<string, readonly string[]>> = {
  diagnose: ['flow'],
  contacts: ['queue'],
  config: ['action', 'key', 'value'],
  verify: ['contact...'],
  check: ['names...'],
  'cases show': ['id'],
  'flows show': ['id'],
  'flows graph': ['id'],
  'flows validate': ['paths...'],
  'flows test': ['paths...'],
};

/**
 * Where argument i is on the command line, for a secret refused in it (QA: script integrator; a secret given as the flow
 * had no field, where a batch line's has `flow`): the option it is the value of or given with (`--fact`, `--json` for
 * `--json=…`), by its long name; else the command's argument it is, by name (`flow`, `contact`, `id`, `paths`), or
 * `argument` for one past those the command takes; `command` for the command's or subcommand's own word; `option` for
 * an option no command has (its name, which may be the secret, is not repeated).
 */
function fieldOf(argv: readonly string[], i: number): SecretField {
  const option = optionOf(argv, i);
  if (option !== undefined) return option;
  const path: string[] = [];
  let operand = 0;
  let ended = false;
  for (let j = 0; j <= i; j++) {
    const arg = argv[j]!;
    if (!ended && arg === '--') {
      ended = true;
      continue;
    }
    if (!ended && arg.length > 1 && arg.startsWith('-')) {
      if (j === i) {
        const name = longName(arg.replace(/=.*$/s, ''));
        return FLAG_OPTIONS.includes(name) || VALUE_OPTIONS.includes(name) ? (name as SecretField) : 'option';
      }
      // Its value, when it takes one and is not given with "=", is the next word (--batch's only when that is no option).
      const next = argv[j + 1];
      if (!arg.includes('=') && VALUE_OPTIONS.includes(arg) && next !== undefined && !(arg === '--batch' && next.startsWith('-'))) j++;
      continue;
    }
    // The command's word, and a group's subcommand's (cases show, flows test).
    if (!ended && (path.length === 0 || (path.length === 1 && GROUPS.includes(path[0]!)))) {
      if (j === i) return 'command';
      path.push(arg);
      continue;
    }
    if (j === i) {
      const names = COMMAND_ARGUMENTS[path.join(' ')] ?? [];
      const last = names[names.length - 1];
      const name = operand < names.length ? names[operand]! : last?.endsWith('...') ? last : 'argument';
      return name.replace(/\.\.\.$/, '') as SecretField;
    }
    operand++;
  }
  return 'argument';
}

/** An option by its long name, as scripts write it and error details give it: `-a` is `--answer`. */
function longName(flag: string): string {
  return flag === '-a' ? '--answer' : flag;
}

/**
 * What to screen of argument i: the whole argument, and when it answers a question, its id and its value
 * apart, so a refusal can name the question (the id is screened first: a secret is never echoed as one);
 * each with the option that holds it.
 */
function answerParts(argv: readonly string[], i: number): Suspect[] {
  const arg = argv[i]!;
  const prev = argv[i - 1] ?? '';
  const field = fieldOf(argv, i);
  if (SHORTCUT_FLAGS.includes(prev)) return [{ text: arg, where: prev.slice(2), field }];
  const flag = ANSWER_FLAGS.find((f) => arg.startsWith(`${f}=`));
  const pair = ANSWER_FLAGS.includes(prev) ? arg : flag ? arg.slice(flag.length + 1) : undefined;
  const eq = pair?.indexOf('=') ?? -1;
  if (pair === undefined || eq <= 0) return [{ text: arg, field }];
  const id = pair.slice(0, eq).trim();
  return [{ text: id, field }, { text: pair.slice(eq + 1), where: id, field }, { text: arg, field }];
}

function configWarning(w: ConfigWarning, t: Translate, word: (ref: ProblemRef) => string, meant: (key: string) => string | undefined): string {
  // The config file's name as it is (a folder chosen with WALLET_HELP_CONFIG_DIR may hold any character).
  switch (w.type) {
    case 'corrupt':
      return t('config.warn.corrupt', { file: shownPath(w.file), keptAs: shownPath(w.keptAs) });
    case 'corrupt-kept':
      return t('config.warn.corruptKept', { file: shownPath(w.file), reason: fileReason(t, w.reason) });
    case 'unreadable':
      // In words, as every file that cannot be read is (QA: robustness review; EACCES and ELOOP were shown as they are).
      return t('config.warn.unreadable', { file: shownPath(w.file), reason: fileReason(t, w.reason) });
    case 'bad-value': {
      const said = t('config.warn.badValue', { file: shownPath(w.file), key: w.key, reason: word(w.problem) });
      // A language given by its name ("chinese", "cn"): the tag it means, as for --lang and WALLET_HELP_LANG (QA: README).
      const named = w.key === 'lang' && typeof w.value === 'string' ? meantLang(w.value) : [];
      return named.length > 0 ? sentences(t, said, suggestionHint(t, named)) : said;
    }
    case 'unknown-key': {
      const suggestion = meant(w.key);
      // The key as written, quoted as typed input is (a hand-edited file may hold an escape or a page of text there).
      const key = clip(w.key);
      return suggestion === undefined ? t('config.warn.unknownKey', { file: shownPath(w.file), key }) : t('config.warn.unknownKeyMeant', { file: shownPath(w.file), key, suggestion });
    }
    case 'secret':
      return t('config.warn.secret', { file: shownPath(w.file), key: w.key, kind: t(`secret.${w.kind}`) });
    case 'secret-key':
      return t('config.warn.secretKey', { file: shownPath(w.file), kind: t(`secret.${w.kind}`) });
  }
}

interface Reporter {
  io: IO;
  t: Translate;
  json: boolean;
  /** A batch: the JSON error is one line, as its results are. */
  batch: boolean;
  styles(): Promise<{ err: Style }>;
  /** The subcommands named on the command line, for the help hint. */
  commandPath: string[];
  /** The options of the command named (its long and short names), to tell an option of it given before it. */
  commandOptions: string[];
  /** Those of them that take no value. */
  commandFlags: string[];
  /** The command line, to name an argument commander refused without naming it. */
  argv: readonly string[];
}

async function report(error: unknown, r: Reporter): Promise<number> {
  const { io, t, json } = r;
  const err = asCancel(error) ?? error;
  if (err instanceof OutputError) {
    // Standard output is what failed: the reason goes to standard error, in JSON mode too (as JSON).
    io.stderr.write(outputFailure(t, json, err.reason, json ? '' : (await r.styles()).err.red(t('error.prefix'))));
    return err.exitCode;
  }
  if (isCommanderError(err)) {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') {
      return err.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    const hint = t('error.seeHelp', { command: ['wallet-help', ...r.commandPath, '--help'].join(' ') });
    return emit(r, new WalletHelpError('usage', commanderMessage(err, t, r), ExitCode.usage, commanderDetails(err, r)), hint);
  }
  if (err instanceof NoSettingsFolderError) return emit(r, new UsageError('no_settings_folder', t('config.noHome')));
  if (err instanceof WalletHelpError) {
    if (err instanceof CancelError) {
      // In the language of the case cancelled, which a resumed case may speak instead of the run's.
      const said = err.translate ?? t;
      if (!json) io.stderr.write(`${err.hint ? (await layoutFor(io.stderr)).wrap(sentences(said, said('diagnose.cancelled'), err.hint)) : said('diagnose.cancelled')}\n`);
      // Laid out as every error document is (one line in a batch, whose output is JSON Lines; QA: checks review).
      else io.stdout.write(`${safeJson({ error: { code: err.code, message: said('diagnose.cancelled') } }, r.batch ? undefined : 2)}\n`);
      return err.exitCode;
    }
    if (err.message === '') return err.exitCode;
    return emit(r, err);
  }
  // A bug: say so plainly; the stack only when asked for.
  const detail = err instanceof Error ? (io.env.WALLET_HELP_DEBUG ? (err.stack ?? err.message) : err.message) : String(err);
  if (json) io.stdout.write(`${safeJson({ error: { code: 'internal', message: t('error.internal'), detail } }, r.batch ? undefined : 2)}\n`);
  else {
    // Wrapped like every other message; a stack trace (WALLET_HELP_DEBUG) is left as it is.
    const layout = await layoutFor(io.stderr);
    const shown = io.env.WALLET_HELP_DEBUG ? `  ${detail}` : layout.hanging('  ', detail);
    io.stderr.write(`${layout.hanging((await r.styles()).err.red(t('error.prefix')), t('error.internal'))}\n${shown}\n`);
  }
  return ExitCode.internal;
}

/**
 * The line that says standard output could not be written, for standard error: with --json or --batch the error
 * document `{"error": {"code": "output_failed", "message", "reason"}}` (one line), otherwise the message after `prefix`.
 */
function outputFailure(t: Translate, json: boolean, reason: string, prefix: string): string {
  const message = t('error.output', { reason });
  return json ? `${JSON.stringify({ error: { code: 'output_failed', message, reason } })}\n` : `${prefix}${message}\n`;
}

/** What people call an option, as the README and the error codes word it, for the option's real name. */
const OPTION_SYNONYMS: Readonly<Record<string, string>> = { '--directory': '--contacts', '--contacts-file': '--contacts', '--language': '--lang', '--colour': '--color', '--no-colour': '--no-color' };

/** Commander's own usage errors, in the user's language. */
function commanderMessage(err: CommanderError, t: Translate, r: Pick<Reporter, 'commandPath' | 'commandOptions' | 'commandFlags' | 'argv'>): string {
  const quoted = [...err.message.matchAll(/'([^']*)'/g)].map((m) => clip(m[1] ?? ''));
  // Options named by another word for the same thing, which spelling alone would not find.
  const synonym = err.code === 'commander.unknownOption' ? OPTION_SYNONYMS[(quoted[0] ?? '').replace(/=.*$/, '')] : undefined;
  const suggestion = /\(Did you mean (.+)\?\)/.exec(err.message)?.[1] ?? synonym;
  const didYouMean = suggestion ? t('cli.didYouMean', { suggestion: clip(suggestion) }) : '';
  switch (err.code) {
    case 'commander.unknownOption': {
      // An option of the command named, given before it ("wallet-help --json diagnose …"), where the program does not take it.
      const name = (quoted[0] ?? '').replace(/=.*$/s, '');
      // "--json=true": an option of the command that takes no value, given one; commander calls it unknown (QA: scripts,
      // it was told to come after the command, where it was).
      if (name !== quoted[0] && r.commandFlags.includes(name)) return t('cli.optionNoValue', { option: name });
      if (r.commandPath.length > 0 && r.commandOptions.includes(name)) return t('cli.optionBeforeCommand', { option: name, command: r.commandPath.join(' ') });
      return sentences(t, t('cli.unknownOption', { option: quoted[0] ?? '' }), didYouMean);
    }
    case 'commander.unknownCommand':
      return sentences(t, t('cli.unknownCommand', { command: quoted[0] ?? '' }), didYouMean);
    case 'commander.missingArgument':
      return t('cli.missingArgument', { argument: quoted[0] ?? '' });
    case 'commander.optionMissingArgument':
      return t('cli.optionMissingArgument', { option: quoted[0] ?? '' });
    case 'commander.excessArguments': {
      const counts = /Expected (\d+) arguments? but got (\d+)/.exec(err.message);
      const said = t('cli.excessArguments', { command: quoted[0] ?? '', expected: counts?.[1] ?? '?', got: counts?.[2] ?? '?' });
      const extra = counts ? commandArguments(r)[Number(counts[1])] : undefined;
      return extra === undefined ? said : sentences(t, said, t('cli.excessArgument', { argument: clip(extra) }));
    }
    default:
      return capitalize(err.message.replace(/^error: /, ''));
  }
}

/**
 * What commander's usage error refused, for scripts, where commander says which: the `option` (its name, without a
 * value given with "=", or a long name for an option missing its value), the `argument` missing, or the `command`
 * that does not exist. Every argument was screened for secrets before commander read it.
 */
function commanderDetails(err: CommanderError, r: Pick<Reporter, 'argv' | 'commandPath' | 'commandOptions' | 'commandFlags'>): Record<string, string> {
  const quoted = /'([^']*)'/.exec(err.message)?.[1];
  if (quoted === undefined) return {};
  switch (err.code) {
    case 'commander.excessArguments': {
      // The first argument past those the command takes, which commander only counts (QA: scripts).
      const expected = Number(/Expected (\d+) argument/.exec(err.message)?.[1] ?? NaN);
      const extra = commandArguments(r)[expected];
      return extra === undefined ? {} : { argument: sentValue(extra) };
    }
    case 'commander.unknownOption':
      // (-a before the command, "wallet-help -a network=ok diagnose …", is --answer given there: QA, README.)
      return { option: sentValue(longName(quoted.replace(/=.*$/s, ''))) };
    case 'commander.optionMissingArgument':
      // Commander names the option by its flags ("-a, --answer <id=value>"): its long name is the one scripts write.
      return { option: /--[^\s,<[]+/.exec(quoted)?.[0] ?? quoted.split(/[\s,]/)[0]! };
    case 'commander.missingArgument':
      return { argument: quoted };
    case 'commander.unknownCommand':
      return { command: sentValue(quoted) };
    default:
      return {};
  }
}

/** The arguments after the command that are neither options nor their values: the command's own, in order. */
function commandArguments(r: Pick<Reporter, 'argv' | 'commandPath' | 'commandOptions' | 'commandFlags'>): string[] {
  let at = 0;
  for (const word of r.commandPath) at = r.argv.indexOf(word, at) + 1;
  const takesValue = (option: string) => (r.commandOptions.includes(option) && !r.commandFlags.includes(option)) || VALUE_OPTIONS.includes(option);
  const out: string[] = [];
  for (let i = at; i < r.argv.length; i++) {
    const arg = r.argv[i]!;
    if (arg === '--') return [...out, ...r.argv.slice(i + 1)];
    if (arg.length > 1 && arg.startsWith('-')) {
      if (!arg.includes('=') && takesValue(arg)) i++;
      continue;
    }
    out.push(arg);
  }
  return out;
}

async function emit(r: Reporter, err: WalletHelpError, hint?: string): Promise<number> {
  if (r.json) {
    r.io.stdout.write(`${safeJson({ error: { code: err.code, message: err.message, ...err.details } }, r.batch ? undefined : 2)}\n`);
  } else {
    const layout = await layoutFor(r.io.stderr);
    r.io.stderr.write(`${layout.hanging((await r.styles()).err.red.bold(r.t('error.prefix')), err.message)}\n${hint ? `${layout.wrap(hint)}\n` : ''}`);
  }
  return err.exitCode;
}

/** The program's help in a language, as the build rendered it for a file or a pipe (dist/help/, see plain-help.ts). */
function renderedHelp(lang: Lang, t: Translate): string {
  const file = join(BUNDLED_HELP_DIR, `${lang}.txt`);
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new WalletHelpError('help_missing', t('error.helpMissing', { file: shownPath(file) }), ExitCode.internal);
  }
}

/**
 * An error of commander's own (usage, help shown, version): its code says so. Checked by code, not by class, so that
 * main does not load commander for a command line read without it (see command-line.ts).
 */
function isCommanderError(err: unknown): err is CommanderError {
  return err instanceof Error && typeof (err as Partial<CommanderError>).code === 'string' && (err as CommanderError).code.startsWith('commander.');
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Commands that only group others: named alone, they show their help. */
const GROUPS = ['cases', 'flows'];

/**
 * Whether the command line may show help: asked for (--help, -h, help), or no command
 * (the program or a group of commands alone). A guess may only err towards yes.
 */
export function mayShowHelp(argv: readonly string[]): boolean {
  if (argv.includes('--help') || argv.includes('-h') || argv.includes('help')) return true;
  if (argv.includes('--version') || argv.includes('-V')) return false;
  const words = argv.filter((a, i) => !a.startsWith('-') && !VALUED_GLOBALS.includes(argv[i - 1] ?? ''));
  return words.length === 0 || (words.length === 1 && GROUPS.includes(words[0]!));
}

/** Flags that shape the output of everything, including help and errors, so they are read before commander. */
export function scanGlobalFlags(argv: readonly string[]): { lang?: string; color?: boolean } {
  const out: { lang?: string; color?: boolean } = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === '--lang' && i + 1 < argv.length) out.lang = argv[++i];
    else if (a.startsWith('--lang=')) out.lang = a.slice('--lang='.length);
    else if (a === '--color') out.color = true;
    else if (a === '--no-color') out.color = false;
  }
  return out;
}
