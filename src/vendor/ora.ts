/** ora, loaded on demand (see core.ts: why each lazy package has a module of ours). */
import chalk from 'chalk';
import ora, { type Options, type Ora } from 'ora';
import '../core.js';

/**
 * An ora spinner coloured by wallet-help's own decision (--color, NO_COLOR, settings,
 * terminal), not chalk's: ora colours its frames with chalk's shared instance, whose
 * detection the bundle leaves out (see scripts/build.mjs).
 */
export function spinner(options: Options, colored: boolean): Ora {
  chalk.level = colored ? 1 : 0;
  return ora(options);
}
