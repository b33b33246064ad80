/** Human-readable output of a diagnosis. */
import type { DiagnosisResult } from '../engine/result.js';
import type { Translate } from '../i18n/i18n.js';
import { safeText } from '../util/safe-text.js';
import type { Layout } from './layout.js';
import { queueTeam } from './queue.js';
import type { Style } from './style.js';
import '../core.js';

/**
 * Renders an outcome: its kind as a word and a colour (never colour alone),
 * numbered steps, and for escalations and alerts the queue and what to prepare (for an
 * agent, what the caller should have ready; the steps and notice come in agent wording);
 * for a fix that names a queue, the team to turn to if it does not help and the safety notice.
 */
export function renderOutcome(result: DiagnosisResult, t: Translate, style: Style, layout: Layout, agent = false): string {
  const o = result.outcome;
  const { hanging } = layout;
  const lines: string[] = [''];
  const badge = ` ${t(`kind.${o.kind}`)} `;
  const paint = o.kind === 'fix' ? style.bgGreen.black.bold : o.kind === 'escalate' ? style.bgYellow.black.bold : style.bgRed.white.bold;
  const plainBadge = style.level === 0 ? `[${t(`kind.${o.kind}`)}]` : paint(badge);
  // A title too long for the line goes on under its first word, not under the badge.
  lines.push(hanging(`${plainBadge} `, style.bold(safeText(o.title))), '');
  lines.push(hanging('', style.bold(o.kind === 'alert' ? t('kind.alert.lead') : t('outcome.steps'))));
  o.steps.forEach((s, i) => lines.push(hanging(`  ${i + 1}. `, safeText(s))));
  if (o.kind !== 'fix') {
    if (o.queue) lines.push('', hanging('', t('outcome.queue', { team: queueTeam(t, o.queue) })));
    lines.push('', hanging('', style.bold(t(agent ? 'outcome.prepare.agent' : 'outcome.prepare'))));
    // The result's own list (the flow's, or the default one): what --json, a batch and the library give too.
    for (const p of o.prepare) lines.push(hanging('  • ', safeText(p)));
    if (o.notice) lines.push('', hanging('', style.bold(safeText(o.notice))));
  } else if (o.queue) {
    // A fix that names a team: where to turn if it does not help, with the same safety notice as an escalation.
    lines.push('', hanging('', t(agent ? 'outcome.fixQueue.agent' : 'outcome.fixQueue', { queue: t(`queue.${o.queue}`) })));
    if (o.notice) lines.push('', hanging('', style.bold(safeText(o.notice))));
  }
  lines.push('');
  return lines.join('\n');
}
