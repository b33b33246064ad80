/** Colours, through chalk, with the on/off decision made by the I/O layer. */
import { Chalk, type ChalkInstance } from 'chalk';
import '../core.js';

export type Style = ChalkInstance;

/** A chalk instance that colours only when `enabled`. */
export function makeStyle(enabled: boolean): Style {
  return new Chalk({ level: enabled ? 1 : 0 });
}
