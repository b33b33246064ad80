/** inquirer, loaded on demand (see core.ts: why each lazy package has a module of ours). */
import '../core.js';

export { select } from '@inquirer/prompts';
export { editLine } from '../io/edit-line.js';
