/** conf, loaded on demand (see core.ts: why each lazy package has a module of ours). */
import '../core.js';

export { default as Conf } from 'conf';
