/** `wallet-help flows list`: the flows this run can use, and where each came from. */
import { dirname } from 'node:path';
import type { Problem } from '../../data/located-yaml.js';
import { byMenu } from '../../flows/catalog.js';
import { layoutFor } from '../../render/layout.js';
import { table } from '../../render/table.js';
import { safeText, safeJson, shownPath } from '../../util/safe-text.js';
import type { Context } from '../context.js';
import '../../core.js';

export interface FlowsListOptions {
  json: boolean;
}

/** One flow as `flows list --json` gives it; a broken operator file has no title, version or size, but its problems. */
interface FlowRow {
  id: string;
  title: string | null;
  version: number | null;
  source: string;
  file?: string;
  replaces: boolean;
  broken: boolean;
  problems?: Problem[];
  questions: number | null;
  outcomes: number | null;
}

/** Lists id, title, version, origin and size of every flow; a broken operator file as broken, in place of the flow it was meant to be. */
export async function runFlowsList(opts: FlowsListOptions, ctx: Context): Promise<void> {
  const { io, t, lang } = ctx;
  const catalog = await ctx.flows();
  const rows: FlowRow[] = [];
  for (const e of catalog.entries.values()) {
    if (catalog.broken.has(e.flow.id)) continue;
    rows.push({
      id: e.flow.id,
      title: e.flow.title[lang],
      version: e.flow.version,
      source: e.origin,
      ...(e.file ? { file: e.file } : {}),
      replaces: e.replaces,
      broken: false,
      questions: Object.keys(e.flow.questions).length,
      outcomes: Object.keys(e.flow.outcomes).length,
    });
  }
  // A broken file is what the run has for its flow id: diagnosing the flow says so, and a bundled flow it was
  // meant to replace is not used in its place.
  for (const b of catalog.broken.values()) {
    const replaces = catalog.entries.get(b.id)?.origin === 'bundled';
    rows.push({ id: b.id, title: null, version: null, source: dirname(b.file), file: b.file, replaces, broken: true, problems: b.problems, questions: null, outcomes: null });
  }
  rows.sort((a, b) => byMenu(a.id, b.id));
  if (opts.json) {
    io.stdout.write(`${safeJson(rows, 2)}\n`);
    return;
  }
  const header = [t('flows.col.id'), t('flows.col.title'), t('flows.col.version'), t('flows.col.questions'), t('flows.col.outcomes'), t('flows.col.source')];
  const body = rows.map((r) =>
    r.broken
      ? [shownPath(r.id), t('flows.broken', { count: r.problems?.length ?? 0, dir: shownPath(r.source) }), '-', '-', '-', shownPath(r.file ?? r.source)]
      : [
          r.id,
          safeText(r.title ?? ''),
          String(r.version),
          String(r.questions),
          String(r.outcomes),
          r.source === 'bundled' ? t('flows.bundled') : r.replaces ? t('flows.replaces', { dir: shownPath(r.source) }) : shownPath(r.source),
        ],
  );
  io.stdout.write(await table([header, ...body], (await ctx.styles()).out, (await layoutFor(io.stdout)).width));
}
