/** How a support queue is named to people: its team ("security support", "安全客服"), as on contact cards. */
import type { Queue } from '../engine/types.js';
import type { Translate } from '../i18n/i18n.js';
import '../core.js';

/** The localized team name of a queue. */
export function queueTeam(t: Translate, queue: Queue): string {
  return t('queue.team', { queue: t(`queue.${queue}`) });
}
