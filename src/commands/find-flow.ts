/** Finding a flow by id for the flows subcommands, with suggestions for typos. */
import type { Flow } from '../engine/types.js';
import { UsageError } from '../errors.js';
import { orList } from '../i18n/i18n.js';
import { closest } from '../util/suggest.js';
import { clip } from '../util/safe-text.js';
import type { Context } from './context.js';

/** The flow with this id, or a usage error naming the closest ids. */
export async function findFlow(id: string, ctx: Context): Promise<Flow> {
  const { flows } = await ctx.flows();
  const flow = flows.get(id);
  if (flow) return flow;
  throw unknownFlow(id, [...flows.keys()], ctx);
}

/** The error for an unknown flow id: suggestions when some are close, else the list. */
export function unknownFlow(id: string, ids: string[], ctx: Pick<Context, 't' | 'lang'>): UsageError {
  const { t, lang } = ctx;
  const suggestions = closest(id, ids);
  const hint = suggestions.length > 0 ? t('error.unknownFlow.suggest', { suggestions: orList(lang, suggestions) }) : t('error.unknownFlow.list', { flows: ids.join(', ') });
  return new UsageError('unknown_flow', `${t('error.unknownFlow', { flow: clip(id) })} ${hint}`, { flow: clip(id), suggestions });
}
