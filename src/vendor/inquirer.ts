/** inquirer, loaded on demand (see core.ts: why each lazy package has a module of ours). */
import '../core.js';

export { input, select } from '@inquirer/prompts';
// What inquirer's own theme colours with, for a transformer that draws an answer as inquirer would.
export { styleText } from 'node:util';
