/** luxon, loaded on demand (see core.ts: why each lazy package has a module of ours). */
import '../core.js';

export { DateTime } from 'luxon';
