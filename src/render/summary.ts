/** A case summary ready to paste into a ticket: text, Markdown or JSON. */
import type { CaseRecord } from '../cases/store.js';
import type { Flow, Lang } from '../engine/types.js';
import { listOf, sentences, type Translate } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/messages.js';
import { CHANNEL_TYPES, type ChannelType } from '../directory/types.js';
import { safeText } from '../util/safe-text.js';
import '../core.js';

export const SUMMARY_FORMATS = ['text', 'md', 'json'] as const;
export type SummaryFormat = (typeof SUMMARY_FORMATS)[number];

/** The summary of a case; `flow` gives the question texts and answer labels in the reader's language. */
export function renderSummary(record: CaseRecord, flow: Flow, format: SummaryFormat, t: Translate, lang: Lang): string {
  if (format === 'json') return `${JSON.stringify(record, null, 2)}\n`;
  const md = format === 'md';
  const heading = (s: string) => (md ? `### ${s}` : s);
  const item = (s: string) => (md ? `- ${s}` : `  - ${s}`);
  // Labels and asides with the language's own punctuation ("phone: …", "电话：…"; "(…)", "（…）").
  const label = (name: string, value: string) => t('summary.label', { label: name, value });
  const aside = (text: string, note: string) => t('summary.aside', { text, aside: note });
  const lines: string[] = [];
  lines.push(md ? `## ${t('summary.title', { id: record.id.slice(0, 8) })}` : t('summary.title', { id: record.id.slice(0, 8) }));
  lines.push(t('summary.time', { time: localTime(record.endedAt, record.timeZone, lang), zone: record.timeZone }));
  lines.push(t('summary.flow', { flow: record.flow, version: record.version, title: safeText(flow.title[lang]) }));
  if (record.status === 'cancelled') lines.push(t('summary.cancelled'));
  lines.push('', heading(t('summary.answers')));
  for (const step of record.path) {
    const q = flow.questions[step.question];
    const answer = q?.answers.find((a) => a.value === step.answer)?.label[lang] ?? step.answer;
    lines.push(item(aside(`${safeText(q?.text[lang] ?? step.question)} — ${safeText(answer)}`, `${step.question}=${step.answer}`)));
  }
  if (record.path.length === 0) lines.push(item(t('summary.none')));
  if (record.checks.length > 0) {
    lines.push('', heading(t('summary.checks')));
    for (const c of record.checks) {
      const found = `${c.input === null ? '—' : safeText(c.input)} → ${c.result}`;
      lines.push(item(label(aside(c.question, c.check), c.reasons.length > 0 ? aside(found, listOf(t, c.reasons)) : found)));
    }
  }
  if (record.outcome) {
    lines.push('', heading(t('summary.outcome')));
    const queue = record.outcome.queue ? [t('summary.queue', { queue: record.outcome.queue })] : [];
    lines.push(item(label(t(`kind.${record.outcome.kind}`), aside(safeText(record.outcome.title), listOf(t, [record.outcome.id, ...queue])))));
  }
  if (record.contact) {
    lines.push('', heading(t('summary.contact')));
    const who = listOf(t, [safeText(record.contact.provider), record.contact.queue]);
    lines.push(item(`${record.contact.example ? sentences(t, who, t('summary.example')) : who} — ${safeText(record.contact.source)}`));
    for (const ch of record.contact.channels) lines.push(item(label(channelName(ch.type, t), ch.openNow ? aside(safeText(ch.value), t('contact.open')) : safeText(ch.value))));
  }
  const facts = Object.entries(record.facts);
  if (facts.length > 0) {
    lines.push('', heading(t('summary.facts')));
    for (const [key, value] of facts) lines.push(item(label(t(`fact.${key}` as MessageKey), safeText(value ?? ''))));
  }
  return `${lines.join('\n')}\n`;
}

/** A channel type in the reader's language; a type the case log does not know is shown as written. */
function channelName(type: string, t: Translate): string {
  return (CHANNEL_TYPES as readonly string[]).includes(type) ? t(`channel.${type as ChannelType}`) : safeText(type);
}

function localTime(iso: string, zone: string, lang: Lang): string {
  try {
    return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: zone, dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' }).format(new Date(iso));
  } catch {
    return iso;
  }
}
