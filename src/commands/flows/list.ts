/** `wallet-help flows list`: the flows this run can use, and where each came from. */
import { layoutFor } from '../../render/layout.js';
import { table } from '../../render/table.js';
import { safeText } from '../../util/safe-text.js';
import type { Context } from '../context.js';
import '../../core.js';

export interface FlowsListOptions {
  json: boolean;
}

/** Lists id, title, version, origin and size of every flow. */
export async function runFlowsList(opts: FlowsListOptions, ctx: Context): Promise<void> {
  const { io, t, lang } = ctx;
  const catalog = await ctx.flows();
  const rows = [...catalog.entries.values()].map((e) => ({
    id: e.flow.id,
    title: e.flow.title[lang],
    version: e.flow.version,
    source: e.origin,
    ...(e.file ? { file: e.file } : {}),
    replaces: e.replaces,
    questions: Object.keys(e.flow.questions).length,
    outcomes: Object.keys(e.flow.outcomes).length,
  }));
  if (opts.json) {
    io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return;
  }
  const header = [t('flows.col.id'), t('flows.col.title'), t('flows.col.version'), t('flows.col.questions'), t('flows.col.outcomes'), t('flows.col.source')];
  const body = rows.map((r) => [
    r.id,
    safeText(r.title),
    String(r.version),
    String(r.questions),
    String(r.outcomes),
    r.source === 'bundled' ? t('flows.bundled') : r.replaces ? t('flows.replaces', { dir: r.source }) : r.source,
  ]);
  io.stdout.write(await table([header, ...body], (await ctx.styles()).out, (await layoutFor(io.stdout)).width));
}
