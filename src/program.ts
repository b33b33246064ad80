/**
 * The table of contents of the CLI: every command and option, declared with
 * commander. Each action lazy-imports its command module, so start-up loads only
 * what the command being run needs; each command's arguments, options and help
 * text are declared when that command runs or help is shown (see lazyCommands).
 */
import { Command, Help } from 'commander';
import type { BaseContext } from './settings.js';
import type { OutputStream } from './io/io.js';
import { listOf, sentences } from './i18n/i18n.js';
import type { ConfigAction } from './commands/config/config.js';
import type { ContactsOptions } from './commands/contacts/contacts.js';
import { CONFIG_KEYS } from './config/config.js';
import { UsageError } from './errors.js';
import { clip, sentValue } from './util/safe-text.js';
import type { DiagnoseOptions } from './commands/diagnose/diagnose.js';
import type { MessageKey } from './i18n/messages.js';
import { HELP_EXAMPLES } from './help-examples.js';
import type { Translate } from './i18n/i18n.js';
import { applyGlobals } from './settings.js';
import { VERSION } from './version.js';

const HELP_TITLES: Record<string, MessageKey> = {
  'Usage:': 'help.usage',
  'Options:': 'help.options',
  'Commands:': 'help.commands',
  'Arguments:': 'help.arguments',
  'Global Options:': 'help.globalOptions',
};

/** Builds a fresh program for one run (tests build one per case). */
export function buildProgram(ctx: BaseContext, flowIds: () => string[]): Command {
  const { t } = ctx;
  const program = new Command('wallet-help');
  configure(program, ctx);
  program
    .description(t('program.description'))
    .version(VERSION, '-V, --version', t('opt.version'))
    .helpOption('-h, --help', t('opt.help'))
    .helpCommand('help [command]', t('cmd.help'))
    // Parsed before commander runs (the help text itself depends on them); declared here for --help and validation.
    .option('--lang <lang>', t('opt.lang'))
    .option('--color', t('opt.color'))
    .option('--no-color', t('opt.noColor'))
    .option('--now <iso>', t('opt.now'))
    .option('--contacts <file>', t('opt.contacts'))
    .option('--provider <id>', t('opt.provider'))
    .option('--flows <dir>', t('opt.flows'), collect, [])
    .addHelpText('after', helpText(ctx, `\n${t('program.examples')}\n`));
  // Subcommands inherit the output, help and exit settings configured above.
  const later = lazyCommands(program);

  later(program.command('diagnose').description(t('cmd.diagnose')).argument('[flow]', t('diagnose.arg.flow')), (diagnose) => diagnose
      .option('-a, --answer <id=value>', t('diagnose.opt.answer'), collect, [])
      // Collected, not the last one kept: the same question answered twice with different values is an error, as with --answer.
      .option('--network <value>', t('diagnose.opt.network'), collect, [])
      .option('--balance <value>', t('diagnose.opt.balance'), collect, [])
      .option('--verification <value>', t('diagnose.opt.verification'), collect, [])
      .option('--answers <file>', t('diagnose.opt.answers'), (file: string, previous: string | undefined) => {
        // One answers file: a second one (or standard input beside a file) would silently win or be ignored.
        if (previous !== undefined) throw new UsageError('answers_file', t('error.answersFileTwice'));
        return file;
      })
      .option('--check-input <id=text>', t('diagnose.opt.checkInput'), collect, [])
      .option('--fact <key=value>', t('diagnose.opt.fact'), collect, [])
      .option('--agent', t('diagnose.opt.agent'))
      .option('--save', t('diagnose.opt.save'))
      .option('--resume', t('diagnose.opt.resume'))
      .option('--summary <format>', t('diagnose.opt.summary'))
      .option('--no-checks', t('diagnose.opt.noChecks'))
      .option('--timeout <ms>', t('diagnose.opt.timeout'))
      .option('--no-input', t('diagnose.opt.noInput'))
      .option('--json', t('diagnose.opt.json'))
      .option('--batch [file]', t('diagnose.opt.batch'))
      .action(async (flow: string | undefined, o: Omit<DiagnoseOptions, 'flow'> & { batch?: string | true }, command: Command) => {
        const context = await applyGlobals(ctx, command.optsWithGlobals());
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
          if (twice) throw new UsageError('batch_conflict', t('batch.conflict'), { option: twice });
          // What a batch would silently ignore: it saves no case, writes no summary, has no facts to record and measures nothing.
          const ignored = BATCH_IGNORES.find(([key]) => o[key] !== undefined && !(Array.isArray(o[key]) && o[key].length === 0));
          if (ignored) throw new UsageError('batch_conflict', t('batch.notInBatch', { option: ignored[1] }), { option: ignored[1] });
          const { runBatch } = await import('./commands/diagnose/batch.js');
          await runBatch(o.batch === true ? '-' : o.batch, context, { input: o.input !== false });
          return;
        }
        const { runDiagnose } = await import('./commands/diagnose/diagnose.js');
        await runDiagnose({ ...o, flow, json: o.json === true, input: o.input !== false }, context);
      })
      .addHelpText('after', (context) => helpText(ctx, examples(t, 'diagnose', t('diagnose.notes', { flows: listOf(t, flowIds()) })))(context)));

  later(program.command('contacts').description(t('cmd.contacts')).argument('[queue]', t('contacts.arg.queue')), (contacts) => contacts
      .option('--open', t('contacts.opt.open'))
      .option('--json', t('contacts.opt.json'))
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
        if (!CONFIG_ACTIONS.includes(action)) throw new UsageError('unknown_action', t('config.error.action', { action: clip(action) }), { value: sentValue(action), values: [...CONFIG_ACTIONS] });
        const { runConfig } = await import('./commands/config/config.js');
        await runConfig({ action: action as ConfigAction, key, value, json: o.json === true }, await applyGlobals(ctx, command.optsWithGlobals()));
      })
      .addHelpText('after', helpText(ctx, examples(t, 'config', t('config.notes', { keys: listOf(t, Object.keys(CONFIG_KEYS)) })))),
  );

  later(program.command('verify').description(t('cmd.verify')).argument('<contact...>', t('verify.arg.contact')), (verify) => verify
      .option('--country <code>', t('verify.opt.country'))
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
function lazyCommands(program: Command): (cmd: Command, declare: Declare, kind?: { options: boolean }) => void {
  program.hook('preSubcommand', (_program, sub) => void declared(sub));
  program.configureHelp({
    ...program.configureHelp(),
    subcommandTerm(this: Help, cmd: Command): string {
      const term = Help.prototype.subcommandTerm.call(this, cmd);
      return pending.get(cmd)?.options ? `${cmd.name()} [options]${term.slice(cmd.name().length)}` : term;
    },
  });
  return (cmd, declare, { options } = { options: true }) => {
    pending.set(cmd, { options, declare });
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
      displayWidth(this: Help, str: string): number {
        return ctx.helpWrapping ? ctx.helpWrapping.displayWidth(str) : Help.prototype.displayWidth.call(this, str);
      },
      // The usage line wraps under itself, after the localized "Usage:".
      styleUsage(this: Help, usage: string): string {
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

/** diagnose options that have no meaning in a batch, with how they are written. */
const BATCH_IGNORES = [
  ['save', '--save'],
  ['summary', '--summary'],
  ['fact', '--fact'],
  ['resume', '--resume'],
  ['timeout', '--timeout'],
] as const;

const CONFIG_ACTIONS = ['list', 'get', 'set', 'unset', 'path'];

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
