/** A case summary ready to paste into a ticket: text, Markdown or JSON. */
import type { CaseRecord } from '../cases/store.js';
import type { Flow, Lang } from '../engine/types.js';
import { sentences, type Translate } from '../i18n/i18n.js';
import { refusedSentences, type SummaryFormat } from './summary-kinds.js';
import type { MessageKey } from '../i18n/messages.js';
import { CHANNEL_TYPES, type ChannelType } from '../directory/types.js';
import { safeText } from '../util/safe-text.js';
import { formatDateTime, formatDateTimeRange, zoneShown } from './time.js';
import { exceptionText, formatHours } from './hours.js';
import { preparationOf } from '../engine/types.js';
import '../core.js';
import { zoneLabel } from './user-zone.js';
import { UNWRAPPED, type Layout } from './layout.js';
import { summaryCheckLine } from './check-lines.js';


/**
 * The summary of a case; `flow` gives the question texts and answer labels in the reader's language.
 * A case that is not in the case log has no id to show: nobody could look it up. Text is laid out by `layout`
 * (wrapped to a terminal, values under their values); Markdown and JSON are copied into a ticket whole, never wrapped.
 */
export function renderSummary(record: CaseRecord, flow: Flow, format: SummaryFormat, t: Translate, lang: Lang, saved = true, layout: Layout = UNWRAPPED): string {
  if (format === 'json') return `${JSON.stringify(saved ? record : { ...record, id: undefined }, null, 2)}\n`;
  const md = format === 'md';
  const heading = (s: string) => (md ? `### ${s}` : s);
  const item = (s: string) => (md ? `- ${s}` : `  - ${s}`);
  // Text from files (flows, the directory) is escaped for Markdown; what a person typed (facts, checked contacts)
  // becomes a code span, where nothing is a link, an image or HTML: a ticket must not carry a live link someone typed.
  const text = (s: string) => (md ? escapeMarkdown(safeText(s)) : safeText(s));
  const typed = (s: string) => (md ? codeSpan(safeText(s)) : safeText(s));
  // Labels and asides with the language's own punctuation ("phone: …", "电话：…"; "(…)", "（…）").
  const label = (name: string, value: string) => t('summary.label', { label: name, value });
  const aside = (text: string, note: string) => t('summary.aside', { text, aside: note });
  const lines: string[] = [];
  const title = saved ? t('summary.title', { id: record.id.slice(0, 8) }) : t('summary.titleUnsaved');
  lines.push(md ? `## ${title}` : title);
  // Lines one after another are one paragraph in Markdown: there, each is an item of a list. In text, a long value
  // goes on under itself, not back under its label (QA: "Flow: … without" / "you" read as two lines).
  const meta = (s: string) => (md ? `- ${s}` : s);
  const laidOut = new Set<number>();
  const labelled = (name: string, value: string) => {
    if (md) return `- ${label(name, value)}`;
    laidOut.add(lines.length);
    return layout.hanging(label(name, ''), value);
  };
  // When the case ended, and when it began where that was another minute: a case resumed the next day (a dropped call,
  // a callback) was first reported then, which the ticket must say (QA: agent).
  const time = formatDateTimeRange(record.startedAt, record.endedAt, record.timeZone, lang, t);
  lines.push(labelled(t('summary.time'), t('summary.time.value', { time, zone: zoneLabel(record.timeZone) })));
  lines.push(labelled(t('summary.flow'), t('summary.flow.value', { flow: text(record.flow), version: record.version, title: text(flow.title[lang]) })));
  if (record.status === 'cancelled') lines.push(meta(t(record.outcome ? 'summary.cancelledAfter' : 'summary.cancelled')));
  lines.push('', heading(t('summary.answers')));
  for (const step of record.path) {
    const q = flow.questions[step.question];
    const answer = q?.answers.find((a) => a.value === step.answer)?.label[lang] ?? step.answer;
    lines.push(item(aside(t('summary.answer', { question: text(q?.text[lang] ?? step.question), answer: text(answer) }), text(`${step.question}=${step.answer}`))));
  }
  if (record.path.length === 0) lines.push(item(t('summary.none')));
  if (record.checks.length > 0) {
    lines.push('', heading(t('summary.checks')));
    // In words, as the line shown when the check ran (QA: "claimed-contact (verify-contact): — → not-given").
    for (const c of record.checks) lines.push(item(summaryCheckLine(t, c, typed)));
  }
  if (record.outcome) {
    lines.push('', heading(t('summary.outcome')));
    // The queue's id for English tickets ("queue security"), the team's name in Chinese (安全客服).
    // The team on a line of its own: beside the outcome's id it would put brackets inside brackets.
    const id = record.outcome.queue;
    // The title in the reader's language, from the flow, as the questions and answers above are (QA: a case in English shown in Chinese).
    // An agent's case names it as the agent read it.
    const inFlow = flow.outcomes[record.outcome.id];
    const title = (record.role === 'agent' ? (inFlow?.agentTitle ?? inFlow?.title) : inFlow?.title)?.[lang] ?? record.outcome.title;
    lines.push(item(label(t(`kind.${record.outcome.kind}`), aside(text(title), text(record.outcome.id)))));
    if (id) lines.push(item(label(t('summary.team'), t('summary.queue', { queue: id, team: t('queue.team', { queue: t(`queue.${id}`) }) }))));
    // What the user was told to do, as the user reads it: the ticket says what was tried before anyone picks it up (QA:
    // desk; a team lead could not tell from a summary what the caller had been told).
    const steps = inFlow?.steps ?? [];
    if (steps.length > 0) {
      lines.push('', heading(t('summary.steps')));
      steps.forEach((step, i) => lines.push(`${md ? '' : '  '}${i + 1}. ${text(step[lang])}`));
    }
    // What to have ready, which the steps point to ("everything in the list below"; QA: desk: the ticket had no list).
    const prepare = inFlow ? preparationOf(inFlow) : [];
    if (prepare.length > 0) {
      lines.push('', heading(t('summary.prepare')));
      for (const p of prepare) lines.push(item(text(p[lang])));
    }
  }
  if (record.contact) {
    lines.push('', heading(t('summary.contact')));
    // The provider and where its contacts are published; the team is the outcome's, said above.
    const who = text(record.contact.provider);
    lines.push(item(label(record.contact.example ? sentences(t, who, t('summary.example')) : who, text(record.contact.source))));
    // Open or closed, as the card said, and when: a ticket is read later (and a saved case shown days after), when "open
    // now" would no longer be true. The instant is the case's end, or the one the hours were worked out for (--now, to
    // plan a callback); with its zone, as a ticket is read by people in other zones.
    const at = record.contact.hoursAt ?? record.endedAt;
    const when = `${formatDateTime(at, record.timeZone, lang)} ${zoneLabel(record.timeZone)}`;
    const state = (ch: (typeof record.contact.channels)[number]) =>
      ch.openNow === true ? t('summary.openAt', { time: when }) : ch.openNow === false ? t('summary.closedAt', { time: when }) : undefined;
    // With the channel's hours, where the case kept them (cases saved before did not).
    const hours = (ch: (typeof record.contact.channels)[number]) =>
      ch.hours === undefined || ch.timezone === undefined ? undefined : ch.hours === '24/7' ? formatHours(ch.hours, lang, t) : t('hours.inZone', { hours: formatHours(ch.hours, lang, t), zone: zoneShown(ch.timezone, lang, t) });
    for (const ch of record.contact.channels) {
      lines.push(item(label(channelName(ch.type, t), state(ch) ? aside(text(ch.value), state(ch)!) : text(ch.value))));
      // The hours on a line of their own, under the channel: beside the state, in its brackets, the hours' own rules and
      // zone read as one run ("…; Sat 10:00–14:00 (Asia/Shanghai); closed at …"; review). From the directory file,
      // escaped as its text is.
      // With that day's holiday or short day, as the card said it (review: the ticket left it out).
      const shownHours = hours(ch);
      const day = ch.exception ? exceptionText({ hours: text(ch.exception.hours) }, t, ch.exception.note === undefined ? undefined : text(ch.exception.note)) : undefined;
      if (shownHours !== undefined) lines.push(`${md ? '  ' : '    '}${item(label(t('summary.hours'), day ? `${text(shownHours)} · ${day}` : text(shownHours))).trimStart()}`);
    }
  }
  const facts = Object.entries(record.facts);
  if (facts.length > 0) {
    lines.push('', heading(t('summary.facts')));
    for (const [key, value] of facts) lines.push(item(label(t(`fact.${key}` as MessageKey), typed(value ?? ''))));
  }
  // A secret typed (or read out) at a prompt was refused and never kept; the security team still needs to know it was given.
  // A card number is no key to the account: what support does for it (have the issuer block the card) is said apart
  // from the secrets to treat as exposed, as the warning on the screen says it (QA: one list called both "exposed").
  if (record.refused && record.refused.length > 0) {
    lines.push('', heading(t('summary.refused')));
    for (const said of refusedSentences(t, record.refused, record.role)) lines.push(item(said));
  }
  return `${(md ? lines : lines.map((l, i) => (laidOut.has(i) ? l : layout.wrap(l)))).join('\n')}\n`;
}

/** Backslash before every character Markdown could read as markup (links, images, HTML, emphasis, code, tables). */
function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_[\]<>|~!&]/g, '\\$&');
}

/** A Markdown code span holding `s` exactly, whatever backticks it contains. */
function codeSpan(s: string): string {
  const longest = Math.max(0, ...[...s.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  // A space inside each fence (CommonMark removes one each side) keeps a backtick at either end apart from the fence.
  const pad = s.startsWith('`') || s.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${s}${pad}${fence}`;
}

/** A channel type in the reader's language; a type the case log does not know is shown as written. */
function channelName(type: string, t: Translate): string {
  return (CHANNEL_TYPES as readonly string[]).includes(type) ? t(`channel.${type as ChannelType}`) : safeText(type);
}
