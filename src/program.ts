/**
 * The table of contents of the CLI: every command and option, declared with
 * commander. Each action lazy-imports its command module, so start-up loads only
 * what the command being run needs; each command's arguments, options and help
 * text are declared when that command runs or help is shown (see lazyCommands).
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, Help, type Option } from 'commander';
import type { BaseContext } from './settings.js';
import { STDIN_PATHS, type OutputStream } from './io/io.js';
import { listOf, sentences } from './i18n/i18n.js';
import type { ConfigAction } from './commands/config/config.js';
import type { ContactsOptions } from './commands/contacts/contacts.js';
import { CONFIG_KEYS } from './config/config.js';
import { UsageError } from './errors.js';
import { clip, sentValue } from './util/safe-text.js';
import { closest, suggestionHint } from './util/suggest.js';
import { DIAGNOSE_OPTIONS, flagsOf, GLOBAL_OPTIONS, runDiagnoseLine, VALUED_GLOBALS, type DiagnoseLine, type OptionSpec } from './commands/diagnose/command-line.js';
import type { MessageKey } from './i18n/messages.js';
import { HELP_EXAMPLES } from './help-examples.js';
import type { Translate } from './i18n/i18n.js';
import { applyGlobals } from './settings.js';
import { VERSION } from './version.js';
import './core.js';

/** Characters that take two columns: Chinese, and full-width forms. */
const WIDE_CHARACTERS = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60]/g;

const HELP_TITLES: Record<string, MessageKey> = {
  'Usage:': 'help.usage',
  'Options:': 'help.options',
  'Commands:': 'help.commands',
  'Arguments:': 'help.arguments',
  'Global Options:': 'help.globalOptions',
};

/** Builds a fresh program for one run (tests build one per case); `argv`, the line it will parse, for what commander does not tell. */
export function buildProgram(ctx: BaseContext, flowIds: () => string[], argv: readonly string[] = []): Command {
  const { t } = ctx;
  const program = new Command('wallet-help');
  const refuse = optionAsValue(program, argv, t);
  configure(program, ctx);
  program
    .description(t('program.description'))
    .version(VERSION, '-V, --version', t('opt.version'))
    .helpOption('-h, --help', t('opt.help'))
    .helpCommand(`help ${t('help.commandTerm')}`, t('cmd.help'))
    .addHelpText('after', helpText(ctx, `\n${t('program.examples')}\n`));
  // --lang and --color are read before commander runs (the help text itself depends on them); declared for --help and validation.
  for (const spec of GLOBAL_OPTIONS) declareOption(program, spec, t, refuse, ctx.io.cwd);
  const once = givenOnce(t, refuse);
  once(program);
  // Subcommands inherit the output, help and exit settings configured above.
  const later = lazyCommands(program, once);

  later(program.command('diagnose').description(t('cmd.diagnose')).argument('[flow]', t('diagnose.arg.flow')), (diagnose) => {
    for (const spec of DIAGNOSE_OPTIONS) declareOption(diagnose, spec, t, refuse, ctx.io.cwd);
    diagnose
      .action((flow: string | undefined, options: DiagnoseLine['options'], command: Command) => runDiagnoseLine(ctx, { flow, options, globals: command.optsWithGlobals() }))
      .addHelpText('after', (context) => helpText(ctx, examples(t, 'diagnose', t('diagnose.notes', { flows: listOf(t, flowIds()) })))(context));
  });

  later(program.command('contacts').description(t('cmd.contacts')).argument('[queue]', t('contacts.arg.queue')), (contacts) => contacts
      .option('--open', t('contacts.opt.open'))
      .option('--json', t('contacts.opt.json'))
      .option('--agent', t('contacts.opt.agent'))
      .action(async (queue: string | undefined, o: Omit<ContactsOptions, 'queue'>, command: Command) => {
        const { runContacts } = await import('./commands/contacts/contacts.js');
        await runContacts({ queue, open: o.open === true, json: o.json === true }, await applyGlobals(ctx, command.optsWithGlobals()));
      })
      .addHelpText('after', helpText(ctx, examples(t, 'contacts'))));

  later(
    program.command('config').description(t('cmd.config')).argument('[action]', t('config.arg.action'), 'list').argument('[key]', t('config.arg.key')).argument('[value]', t('config.arg.value')),
    (config) => config
      .option('--json', t('config.opt.json'))
      .action(async (action: string, key: string | undefined, value: string | undefined, o: { json?: boolean }, command: Command) => {
        if (!CONFIG_ACTIONS.includes(action)) {
          const suggestions = closest(action, CONFIG_ACTIONS);
          // A setting's name where the action goes ("config lang zh"), or "config set lang=zh": the command meant is said.
          const named = Object.hasOwn(CONFIG_KEYS, action) ? action : undefined;
          const hint = named !== undefined ? t(key === undefined ? 'config.hint.get' : 'config.hint.set', { key: named, value: clip(key ?? '') }) : suggestionHint(t, suggestions);
          throw new UsageError('unknown_action', sentences(t, t('config.error.action', { action: clip(action) }), hint), { value: sentValue(action), values: [...CONFIG_ACTIONS], suggestions });
        }
        const { runConfig } = await import('./commands/config/config.js');
        await runConfig({ action: action as ConfigAction, key, value, json: o.json === true }, await applyGlobals(ctx, command.optsWithGlobals()));
      })
      .addHelpText('after', helpText(ctx, examples(t, 'config', t('config.notes', { keys: listOf(t, Object.keys(CONFIG_KEYS)) })))),
  );

  later(program.command('verify').description(t('cmd.verify')).argument('<contact...>', t('verify.arg.contact')), (verify) => verify
      .option('--country <code>', t('verify.opt.country'))
      .option('--agent', t('verify.opt.agent'))
      .option('--json', t('verify.opt.json'))
      .action(async (contact: string[], o: { country?: string; json?: boolean }, command: Command) => {
        const { runVerify } = await import('./commands/verify/verify.js');
        await runVerify({ contact: contact.join(' '), country: o.country, json: o.json === true }, await applyGlobals(ctx, command.optsWithGlobals()));
      })
      .addHelpText('after', helpText(ctx, examples(t, 'verify', t('verify.notes')))));

  later(program.command('check').description(t('cmd.check')).argument('[names...]', t('checkcmd.arg.names')), (check) => check
      .option('--chain <chain>', t('checkcmd.opt.chain'))
      .option('--address <address>', t('checkcmd.opt.address'))
      .option('--txid <txid>', t('checkcmd.opt.txid'))
      .option('--memo <memo>', t('checkcmd.opt.memo'))
      .option('--timeout <ms>', t('diagnose.opt.timeout'))
      .option('--json', t('flows.opt.json'))
      .action(async (names: string[], o: { chain?: string; address?: string; txid?: string; memo?: string; timeout?: string; json?: boolean }, command: Command) => {
        const { runCheckCommand } = await import('./commands/check/check.js');
        await runCheckCommand({ ...o, names, json: o.json === true }, await applyGlobals(ctx, command.optsWithGlobals()));
      })
      .addHelpText('after', helpText(ctx, examples(t, 'check', t('checkcmd.notes')))));

  later(program.command('cases').description(t('cmd.cases')), (casesCmd) => {
    casesCmd.addHelpText('after', examples(t, 'cases'));
    const caseSub = (name: string, description: string) =>
      casesCmd.command(name).description(description)
        .option('--since <iso>', t('cases.opt.since'))
        .option('--flow <id>', t('cases.opt.flow'))
        .option('--outcome <id>', t('cases.opt.outcome'));
    caseSub('list', t('cmd.cases.list'))
      .option('--json', t('flows.opt.json'))
      .action(async (o: { since?: string; flow?: string; outcome?: string; json?: boolean }, command: Command) => {
        const { runCasesList } = await import('./commands/cases/cases.js');
        await runCasesList({ ...o, json: o.json === true }, await applyGlobals(ctx, command.optsWithGlobals()));
      });
    casesCmd.command('show').description(t('cmd.cases.show'))
      .argument('<id>', t('cases.arg.id'))
      .option('--format <format>', t('cases.opt.summaryFormat'), 'text')
      .option('--json', t('cases.opt.showJson'))
      .action(async (id: string, o: { format: string; json?: boolean }, command: Command) => {
        const { runCasesShow } = await import('./commands/cases/cases.js');
        // The format given by the user, not its default: only a --format typed beside --json is a conflict.
        const formatGiven = command.getOptionValueSource('format') !== 'default';
        await runCasesShow({ id, format: o.format, formatGiven, json: o.json === true }, await applyGlobals(ctx, command.optsWithGlobals()));
      });
    caseSub('export', t('cmd.cases.export'))
      .option('--format <format>', t('cases.opt.format'), 'csv')
      .action(async (o: { since?: string; flow?: string; outcome?: string; format: string }, command: Command) => {
        const { runCasesExport } = await import('./commands/cases/cases.js');
        await runCasesExport(o, await applyGlobals(ctx, command.optsWithGlobals()));
      });
    caseSub('stats', t('cmd.cases.stats'))
      .option('--json', t('flows.opt.json'))
      .action(async (o: { since?: string; flow?: string; outcome?: string; json?: boolean }, command: Command) => {
        const { runCasesStats } = await import('./commands/cases/cases.js');
        await runCasesStats({ ...o, json: o.json === true }, await applyGlobals(ctx, command.optsWithGlobals()));
      });
  }, { options: false });

  later(program.command('flows').description(t('cmd.flows')), (flows) => {
    flows.addHelpText('after', helpText(ctx, examples(t, 'flows')));
    const sub = (name: string, description: string) => flows.command(name).description(description);
    sub('list', t('cmd.flows.list'))
      .option('--json', t('flows.opt.json'))
      .action(async (o: { json?: boolean }, command: Command) => {
        const { runFlowsList } = await import('./commands/flows/list.js');
        await runFlowsList({ json: o.json === true }, await applyGlobals(ctx, command.optsWithGlobals()));
      });
    sub('show', t('cmd.flows.show'))
      .argument('<id>', t('flows.arg.id'))
      .option('--agent', t('flows.opt.agent'))
      .option('--json', t('flows.opt.json'))
      .action(async (id: string, o: { json?: boolean }, command: Command) => {
        const { runFlowsShow } = await import('./commands/flows/show.js');
        await runFlowsShow({ id, json: o.json === true }, await applyGlobals(ctx, command.optsWithGlobals()));
      });
    sub('graph', t('cmd.flows.graph'))
      .argument('<id>', t('flows.arg.id'))
      .option('--format <format>', t('flows.opt.format'), 'mermaid')
      .action(async (id: string, o: { format: string }, command: Command) => {
        const { runFlowsGraph } = await import('./commands/flows/graph.js');
        await runFlowsGraph({ id, format: o.format }, await applyGlobals(ctx, command.optsWithGlobals()));
      });
    sub('validate', t('cmd.flows.validate'))
      .argument('[paths...]', t('flows.arg.paths'))
      .option('--json', t('flows.opt.json'))
      .action(async (paths: string[], o: { json?: boolean }, command: Command) => {
        const { runFlowsValidate } = await import('./commands/flows/validate.js');
        await runFlowsValidate({ paths, json: o.json === true }, await applyGlobals(ctx, command.optsWithGlobals()));
      });
    sub('test', t('cmd.flows.test'))
      .argument('[paths...]', t('flows.arg.testPaths'))
      .option('--json', t('flows.opt.json'))
      .option('--min-coverage <percent>', t('flows.opt.minCoverage'))
      .action(async (paths: string[], o: { json?: boolean; minCoverage?: string }, command: Command) => {
        const { runFlowsTest } = await import('./commands/flows/test.js');
        await runFlowsTest({ paths, json: o.json === true, minCoverage: o.minCoverage }, await applyGlobals(ctx, command.optsWithGlobals()));
      });
  }, { options: false });
  return program;
}

/**
 * Commands declared in two steps: the name, description and arguments now, the
 * options, action and help text when the command is about to run (commander's
 * preSubcommand hook) or its own help screen is about to be written. A run builds
 * only the command it runs. The program's help lists every command as commander
 * would once declared: "[options]" is added for a command still waiting (a test
 * compares the two).
 */
function lazyCommands(program: Command, once: (cmd: Command) => void): (cmd: Command, declare: Declare, kind?: { options: boolean }) => void {
  program.hook('preSubcommand', (_program, sub) => void declared(sub));
  program.configureHelp({
    ...program.configureHelp(),
    subcommandTerm(this: Help, cmd: Command): string {
      const term = Help.prototype.subcommandTerm.call(this, cmd);
      return pending.get(cmd)?.options ? `${cmd.name()} [options]${term.slice(cmd.name().length)}` : term;
    },
  });
  return (cmd, declare, { options } = { options: true }) => {
    pending.set(cmd, {
      options,
      declare: (c) => {
        declare(c);
        once(c);
      },
    });
    // `help <command>` shows the command's help without dispatching to it.
    cmd.on('beforeHelp', () => declared(cmd));
  };
}

type Declare = (cmd: Command) => unknown;

/** Commands whose options, action and help text are still to be declared, and whether they have options. */
const pending = new WeakMap<Command, { options: boolean; declare: Declare }>();

/** `cmd`, declared whole if it was still waiting: for code that walks the command tree (subcommands, options). */
export function declared(cmd: Command): Command {
  const waiting = pending.get(cmd);
  if (waiting) {
    pending.delete(cmd);
    waiting.declare(cmd);
  }
  return cmd;
}

/** "Usage: " and "用法：", as the help's first line starts. */
function usageTitle(ctx: BaseContext): string {
  const title = ctx.t('help.usage');
  return title.endsWith('：') ? title : `${title} `;
}

function configure(cmd: Command, ctx: BaseContext): Command {
  const { io } = ctx;
  return cmd
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      // Asked only when help is shown: reading the width builds the stdout stream, which a run that prints one line does without.
      // Help is wrapped to a terminal's width, and not at all for a file or a pipe, like all text output.
      getOutHelpWidth: () => helpWidth(io.stdout),
      getErrHelpWidth: () => helpWidth(io.stderr),
      // Help is plain text. Commander asks process.stdout whether it has colours (building the stream) only
      // to strip colours from help, and there are none to strip.
      getOutHasColors: () => false,
      getErrHasColors: () => false,
      // Errors are printed by main, localized and in JSON when asked.
      outputError: () => {},
    })
    .configureHelp({
      styleTitle: (title) => (HELP_TITLES[title] ? ctx.t(HELP_TITLES[title]) : title),
      showGlobalOptions: true,
      // Commander writes a space after "Usage:"; a full-width colon (用法：) has its own.
      formatHelp(this: Help, cmd: Command, helper: Help): string {
        const text = Help.prototype.formatHelp.call(this, cmd, helper);
        const title = ctx.t('help.usage');
        return text.startsWith(`${title} `) ? usageTitle(ctx) + text.slice(title.length + 1) : text;
      },
      // Commander appends "(default: …)" in English; write it in the user's language, and not for empty lists.
      optionDescription: (option) => withDefault(option.description, option.defaultValue, ctx),
      argumentDescription: (argument) => withDefault(argument.description, argument.defaultValue, ctx),
      // Columns are measured and descriptions wrapped by display width (Chinese takes two columns), like all text output.
      // (Without the wrapping module, a Chinese character is counted as the two columns it takes: "[选项]" in a term.)
      displayWidth(this: Help, str: string): number {
        return ctx.helpWrapping ? ctx.helpWrapping.displayWidth(str) : Help.prototype.displayWidth.call(this, str) + (str.match(WIDE_CHARACTERS)?.length ?? 0);
      },
      // The placeholders for options and a command, in usage lines and command lists, are words of the reader's language
      // ("[选项] [命令]"; QA: Chinese user: the Chinese help began "用法：wallet-help [options] [command]").
      styleOptionText: (str: string) => (str === '[options]' ? ctx.t('help.optionsTerm') : str),
      styleSubcommandText: (str: string) => (str === '[command]' ? ctx.t('help.commandTerm') : str),
      // The usage line wraps under itself, after the localized "Usage:".
      styleUsage(this: Help, plain: string): string {
        const usage = Help.prototype.styleUsage.call(this, plain);
        if (!ctx.helpWrapping || this.helpWidth === undefined || this.helpWidth === Infinity) return usage;
        const title = usageTitle(ctx);
        return ctx.helpWrapping.hanging(title, usage, this.helpWidth).slice(title.length);
      },
      // Descriptions wrap in their column down to this width; below it they go under their term instead.
      minWidthToWrap: MIN_DESCRIPTION_WIDTH,
      formatItem(this: Help, term: string, termWidth: number, description: string, helper: Help): string {
        const width = this.helpWidth ?? 80;
        if (!ctx.helpWrapping || width === Infinity || !description || width - termWidth - 4 >= MIN_DESCRIPTION_WIDTH) {
          return Help.prototype.formatItem.call(this, term, termWidth, description, helper);
        }
        return `  ${term}\n${ctx.helpWrapping.hanging('      ', description, width)}`;
      },
      boxWrap(this: Help, str: string, width: number): string {
        if (width === Infinity) return str;
        return ctx.helpWrapping ? ctx.helpWrapping.wrap(str, width) : Help.prototype.boxWrap.call(this, str, width);
      },
    });
}

/** The narrowest column of descriptions beside their terms in help. */
const MIN_DESCRIPTION_WIDTH = 20;

function helpWidth(stream: OutputStream): number {
  return (stream.isTTY && stream.columns) || Infinity;
}

/** Text added to a help screen (examples, notes), wrapped like the rest of it. */
function helpText(ctx: BaseContext, text: string): (context: { error: boolean }) => string {
  return ({ error }) => {
    const width = helpWidth(error ? ctx.io.stderr : ctx.io.stdout);
    return ctx.helpWrapping && width !== Infinity ? ctx.helpWrapping.wrap(text, width) : text;
  };
}

/** The examples section of a command's help: a localized heading, the shared command lines, localized notes. */
function examples(t: Translate, command: keyof typeof HELP_EXAMPLES, notes?: string): string {
  const lines = HELP_EXAMPLES[command].map((line) => `  $ ${line}`);
  return `\n${t('help.examples')}\n${lines.join('\n')}\n${notes ? `\n${notes}\n` : ''}`;
}

/** A description with its default after it, spaced as the language spaces an aside: "(default: list)", "（默认：list）" with no space before it. */
function withDefault(description: string, value: unknown, ctx: BaseContext): string {
  if (value === undefined || (Array.isArray(value) && value.length === 0) || typeof value === 'boolean') return description;
  return sentences(ctx.t, description, ctx.t('help.default', { value: String(value) }));
}

const CONFIG_ACTIONS = ['list', 'get', 'set', 'unset', 'path'];

/** Declares an option of the tables of command-line.ts: repeatable ones collect their values, in order, from []. */
function declareOption(cmd: Command, spec: OptionSpec, t: Translate, refuse: RefuseOptionAsValue, cwd: string): void {
  const { twice } = spec;
  if (spec.list) {
    cmd.option(flagsOf(spec), t(spec.help), (value: string, previous: string[]) => {
      refuse(cmd.options.find((o) => o.long === spec.long)!, value);
      return collect(value, previous);
    }, []);
  }
  else if (twice) {
    // The same value twice changes nothing and passes; another is option_twice, naming the option, as for every option
    // that takes one value (QA: scripts; it was answers_file, without the option, even for one file given twice).
    cmd.option(flagsOf(spec), t(spec.help), (value: string, previous: string | undefined) => {
      refuse(cmd.options.find((o) => o.long === spec.long)!, value);
      if (previous !== undefined && previous !== value && !(twice.file && sameFile(previous, value, cwd))) throw new UsageError('option_twice', t(twice.message), { option: spec.long });
      return value;
    });
  } else cmd.option(flagsOf(spec), t(spec.help));
}

/**
 * Makes every option of a command (and of its subcommands declared with it) that takes one value refuse a second,
 * different one: commander keeps the last without a word, so "check --chain btc --chain xrp" checked against XRP and
 * "cases list --flow a --flow b" dropped a filter the user thought applied (QA: UX review), where an answer given
 * twice was already an error. The same value twice changes nothing and passes. One record for the whole command line:
 * a global option given before the command and again after it ("--lang zh diagnose … --lang en") is the same option.
 * Options with a parser of their own (repeatable ones, --answers) keep it.
 */
function givenOnce(t: Translate, refuse: RefuseOptionAsValue): (cmd: Command) => void {
  const given = new Map<string, string>();
  const done = new WeakSet<Option>();
  const wrap = (cmd: Command): void => {
    for (const option of cmd.options) {
      if (done.has(option) || !(option.required || option.optional) || option.variadic || option.parseArg) continue;
      done.add(option);
      const name = option.attributeName();
      const shown = option.long ?? option.flags;
      option.argParser((value: string) => {
        refuse(option, value);
        const first = given.get(name);
        if (first !== undefined && first !== value) throw new UsageError('option_twice', t('cli.optionTwice', { option: shown, first: clip(first), second: clip(value) }), { option: shown });
        given.set(name, value);
        return value;
      });
    }
    for (const sub of cmd.commands) if (!pending.has(sub)) wrap(sub);
  };
  return wrap;
}

/**
 * "--chain --json": the option's value left out, and the next option taken for it, which then failed as a chain named
 * "--json" (QA: checks review). Said as the missing value it is, as commander says one at the end of the line.
 */
type RefuseOptionAsValue = (option: Option, value: string) => void;
function optionAsValue(program: Command, argv: readonly string[], t: Translate): RefuseOptionAsValue {
  return (option, value) => {
    // Given with "=" ("--answers=--json"), the value is the one meant, however it looks.
    if (!value.startsWith('-') || (option.long !== undefined && argv.includes(`${option.long}=${value}`))) return;
    // A global option's value is read before the command's options are declared ("flows list --contacts --json" took the
    // command's --json for a file, and printed a table to a script that asked for JSON; review): the commands the line
    // names are declared first.
    commandPath(program, argv);
    if (!optionNames(program).has(value)) return;
    throw new UsageError('usage', sentences(t, t('cli.optionMissingArgument', { option: option.flags }), t('cli.valueIsOption', { value })), { option: option.long ?? option.flags });
  };
}

/** The names of every option of the program declared so far ("--json", "-a", "--lang"), and of help and the version. */
function optionNames(root: Command): Set<string> {
  const names = new Set<string>(['--help', '-h', '--version', '-V']);
  const add = (at: Command): void => {
    for (const o of at.options) for (const n of [o.long, o.short]) if (n) names.add(n);
    for (const sub of at.commands) add(sub);
  };
  add(root);
  return names;
}

/**
 * Whether two names are one file: standard input by any of its names, or one file by its path, a relative one or a link
 * ("a.yaml", "./a.yaml", its absolute path; QA: scripts review, which the README calls "the same file twice").
 */
function sameFile(a: string, b: string, cwd: string): boolean {
  const stdin = (name: string) => name === '-' || STDIN_PATHS.includes(name);
  if (stdin(a) || stdin(b)) return stdin(a) && stdin(b);
  // Read from the run's folder, as the answers file itself is.
  const [pathA, pathB] = [resolve(cwd, a), resolve(cwd, b)];
  try {
    const [x, y] = [statSync(pathA), statSync(pathB)];
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return pathA === pathB;
  }
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/**
 * The long and short names of the options of the command at `path` (none for the program itself); with `flags`, only
 * those that take no value.
 */
export function optionsOf(program: Command, path: readonly string[], flags = false): string[] {
  let cmd: Command | undefined = program;
  for (const word of path) cmd = cmd?.commands.find((c) => c.name() === word);
  if (!cmd || cmd === program) return [];
  return declared(cmd)
    .options.filter((o) => !flags || (!o.required && !o.optional))
    .flatMap((o) => [o.long, o.short].filter((n): n is string => n !== undefined));
}

/** The chain of subcommands the words of argv name (["flows", "show"]). */
export function commandPath(program: Command, argv: readonly string[]): string[] {
  const path: string[] = [];
  let cmd = program;
  for (const word of argv) {
    if (word.startsWith('-')) continue;
    const sub = cmd.commands.find((c) => c.name() === word);
    // Before the first command, a word may be the value of a global option (--lang zh).
    if (!sub) {
      if (path.length === 0) continue;
      break;
    }
    path.push(word);
    cmd = declared(sub);
  }
  return path;
}

/**
 * "help diagnos" and "diagnos --help" ask for help on a command that does not exist, and commander would show the
 * program's help instead, with no word about the typo. Without the help words, commander gives its unknown-command
 * error, with its suggestion ("Did you mean diagnose?").
 */
export function helpForUnknown(argv: readonly string[], program: Command): string[] {
  const words = argv.flatMap((a, i) => (!a.startsWith('-') && !VALUED_GLOBALS.includes(argv[i - 1] ?? '') ? [{ word: a, i }] : []));
  const named = words[0]?.word === 'help' ? words.slice(1) : words;
  // Down the command names typed ("cases lst"): the first that names no command of a group is the typo.
  let cmd: Command = program;
  for (const [n, { word, i }] of named.entries()) {
    if (cmd.commands.length === 0) return [...argv];
    // "flows help nope": a group's own help command, asked for one it does not have, showed the group's help with no word
    // about the typo (QA: UX review). Read as "flows nope", commander's unknown-command error with its suggestion.
    if (word === 'help' && cmd !== program && n + 1 < named.length) {
      const next = named[n + 1]!.word;
      if (!cmd.commands.some((c) => c.name() === next || c.aliases().includes(next))) return argv.filter((_, k) => k !== i);
    }
    const sub = cmd.commands.find((c) => c.name() === word || c.aliases().includes(word));
    if (!sub) return argv.filter((a, i) => a !== '--help' && a !== '-h' && !(a === 'help' && i === words[0]!.i));
    cmd = declared(sub);
  }
  // "help cases list": commander's help command reads one word and would show the help of "cases"; it is "cases list --help".
  if (words[0]?.word === 'help' && named.length > 1) return [...argv.filter((_, i) => i !== words[0]!.i), '--help'];
  return [...argv];
}

/** Commander's side of main: what main needs to read a command line with commander and to report its errors. */
export const commanderReader = { buildProgram, commandPath, optionsOf, helpForUnknown };
