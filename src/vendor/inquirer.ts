/** inquirer, loaded on demand (see core.ts: why each lazy package has a module of ours). */
import '../core.js';

export { input, select } from '@inquirer/prompts';
