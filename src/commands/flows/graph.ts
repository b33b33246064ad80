/** `wallet-help flows graph <id> --format mermaid|dot`: the tree as a diagram. */
import type { Flow, Lang, Outcome } from '../../engine/types.js';
import { UsageError } from '../../errors.js';
import { safeText } from '../../util/safe-text.js';
import type { Context } from '../context.js';
import { findFlow } from '../../diagnosis/diagnosis.js';
import '../../core.js';

export const GRAPH_FORMATS = ['mermaid', 'dot'] as const;

export interface FlowsGraphOptions {
  id: string;
  format: string;
}

/** Prints the diagram source. */
export async function runFlowsGraph(opts: FlowsGraphOptions, ctx: Context): Promise<void> {
  if (!(GRAPH_FORMATS as readonly string[]).includes(opts.format)) {
    throw new UsageError('invalid_format', ctx.t('flows.graph.badFormat', { format: safeText(opts.format) }));
  }
  const { flows, broken } = await ctx.flows();
  const flow = findFlow(flows, opts.id, ctx, broken);
  // An outcome's box: its kind, the team it goes to, its title, in the language's words and punctuation ("可自行解决 → 支付客服：…").
  const describe = (o: Outcome) => ctx.t(o.queue ? 'flows.graph.outcomeQueue' : 'flows.graph.outcome', { kind: ctx.t(`kind.${o.kind}`), title: o.title[ctx.lang], ...(o.queue ? { queue: ctx.lang === 'en' ? o.queue : ctx.t('queue.team', { queue: ctx.t(`queue.${o.queue}`) }) } : {}) });
  ctx.io.stdout.write(opts.format === 'dot' ? toDot(flow, ctx.lang, describe) : toMermaid(flow, ctx.lang, describe));
}


const MERMAID_ENTITY: Readonly<Record<string, string>> = { '#': '#35;', '"': '#quot;', '<': '#lt;', '>': '#gt;' };

/** Mermaid flowchart source; renders in GitHub markdown inside a ```mermaid block. */
export function toMermaid(flow: Flow, lang: Lang, describe: (o: Outcome) => string): string {
  // Ids use only a-z, 0-9 and dashes, so swapping dashes for underscores cannot collide.
  const node = (id: string) => `n_${id.replace(/-/g, '_')}`;
  // Mermaid's entity codes start with "#": a "#" of the text is one too, or "#quot;" in a text would be drawn as a quote.
  const label = (text: string) => `"${safeText(text).replace(/[#"<>]/g, (c) => MERMAID_ENTITY[c]!)}"`;
  const lines = ['flowchart TD'];
  for (const q of Object.values(flow.questions)) lines.push(`  ${node(q.id)}{${label(q.text[lang])}}`);
  for (const o of Object.values(flow.outcomes)) {
    lines.push(`  ${node(o.id)}[${label(describe(o))}]:::${o.kind}`);
  }
  for (const q of Object.values(flow.questions)) {
    for (const a of q.answers) lines.push(`  ${node(q.id)} -->|${label(a.label[lang])}| ${node(a.next)}`);
  }
  lines.push('  classDef fix fill:#d4f7d4,stroke:#2e7d32', '  classDef escalate fill:#fff3c4,stroke:#b28704', '  classDef alert fill:#ffd6d6,stroke:#c62828');
  return `${lines.join('\n')}\n`;
}

/** Graphviz DOT source (`dot -Tsvg`). */
export function toDot(flow: Flow, lang: Lang, describe: (o: Outcome) => string): string {
  const quote = (text: string) => `"${safeText(text).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  const fill = { fix: '#d4f7d4', escalate: '#fff3c4', alert: '#ffd6d6' } as const;
  const lines = [`digraph ${quote(flow.id)} {`, '  rankdir=TB;', '  node [fontname="Helvetica", style=filled, fillcolor=white];'];
  for (const q of Object.values(flow.questions)) lines.push(`  ${quote(q.id)} [shape=diamond, label=${quote(q.text[lang])}];`);
  for (const o of Object.values(flow.outcomes)) {
    lines.push(`  ${quote(o.id)} [shape=box, fillcolor=${quote(fill[o.kind])}, label=${quote(describe(o))}];`);
  }
  for (const q of Object.values(flow.questions)) {
    for (const a of q.answers) lines.push(`  ${quote(q.id)} -> ${quote(a.next)} [label=${quote(a.label[lang])}];`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
