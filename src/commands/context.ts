/** What every command receives: the I/O, the language, the clock and the data it may load. */
import type { Config, ConfigWarning } from '../config/config.js';
import type { Directory, Provider } from '../directory/types.js';
import type { Lang } from '../engine/types.js';
import type { FlowCatalog } from '../flows/catalog.js';
import type { Translate } from '../i18n/i18n.js';
import type { IO } from '../io/io.js';
import type { Style } from '../render/style.js';

export interface Context {
  io: IO;
  lang: Lang;
  t: Translate;
  /** Whether the language was named with --lang (rather than by WALLET_HELP_LANG, the setting or the locale). */
  langGiven: boolean;
  /** This run's context speaking another language (a resumed case goes on in its own). */
  inLanguage(lang: Lang): Promise<Context>;
  /** Styles for stdout and stderr, each plain when its stream should not be coloured; chalk loads on first use (JSON output never needs it). */
  styles(): Promise<{ out: Style; err: Style }>;
  /** Who runs the tool: a wallet user, or a support agent on a call (--agent, WALLET_HELP_ROLE, the role setting). */
  role: 'user' | 'agent';
  /** Whether --agent was given on this command line (rather than the role coming from WALLET_HELP_ROLE, the setting or the default). */
  roleGiven: boolean;
  /** The settings file's values (already validated, and screened for secrets). */
  config: Config;
  /** What was wrong in the settings file (said on standard error at the start of the run; `config list` shows it). */
  configWarnings: readonly ConfigWarning[];
  /**
   * The warnings said on standard error for the run as a whole (settings, variables, operator flows), in order: a --json
   * document carries them too, so a script reading standard output alone learns of them (QA: scripts review).
   */
  warned: string[];
  /**
   * The flows of this run (bundled plus operator folders), loaded on first use. What their files hold that the run
   * does not use as written is said once on standard error, unless `warn` is false (a command that reports it itself).
   */
  flows(options?: { warn?: boolean }): Promise<FlowCatalog>;
  /** The operator flow folders in effect. */
  flowDirs: string[];
  /** Whether they were given with --flows (rather than by WALLET_HELP_FLOWS or the setting): a later run needs them again. */
  flowDirsGiven: boolean;
  /** The operator's directory file in effect, if any (else the bundled demo). */
  contactsFile?: string;
  /** The instant service hours are evaluated at: --now, WALLET_HELP_NOW, or the clock. */
  now: Date;
  /** Whether `now` was given (--now, WALLET_HELP_NOW) rather than read from the clock: a case's own times are the clock's. */
  nowGiven: boolean;
  /** The user's IANA time zone, for showing when a channel opens. */
  userZone(): string;
  /** The support directory and the provider chosen in it, loaded on first use. */
  provider(): Promise<{ directory: Directory; provider: Provider }>;
  /** Whether a provider was named (flag, environment or settings) rather than defaulted. */
  providerChosen: boolean;
}
