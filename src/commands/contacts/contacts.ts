/** `wallet-help contacts [queue]`: the directory's channels with hours and whether they are open. */
import { contactCard, type ContactCard } from '../../directory/contact.js';
import { unchosenOthers } from '../../directory/source.js';
import { LANGS, QUEUES, type Queue } from '../../engine/types.js';
import { UsageError } from '../../errors.js';
import { hoursAtLine, otherProvidersLine, renderContactCard } from '../../render/contact.js';
import { layoutFor } from '../../render/layout.js';
import { listOf, orList, sentences, translator, withAside } from '../../i18n/i18n.js';
import { clip, safeText, safeJson } from '../../util/safe-text.js';
import { closest } from '../../util/suggest.js';
import type { Context } from '../context.js';
import '../../core.js';

export interface ContactsOptions {
  queue?: string;
  /** Only channels open now. */
  open: boolean;
  json: boolean;
}

/** Lists the contact cards of every queue (or one) of the chosen provider. */
export async function runContacts(opts: ContactsOptions, ctx: Context): Promise<ContactCard[]> {
  const { io, t, lang } = ctx;
  if (opts.queue !== undefined && !(QUEUES as readonly string[]).includes(opts.queue)) {
    // A team named in words ("安全", "Security"), in either language (a script may pass a user's words as they are),
    // or a typo of an id: the id meant, with each team's name in the run's language.
    const typed = opts.queue.trim().toLowerCase();
    const wordings = await Promise.all(LANGS.map((l) => translator(l)));
    const byName = QUEUES.filter((q) => typed !== '' && wordings.some((w) => w(`queue.${q}`).toLowerCase() === typed || w('queue.team', { queue: w(`queue.${q}`) }).toLowerCase() === typed));
    const suggestions = byName.length > 0 ? byName : (closest(typed, QUEUES) as Queue[]);
    const named = (q: Queue) => withAside(t, q, t('queue.team', { queue: t(`queue.${q}`) }));
    const hint = suggestions.length > 0 ? t('error.unknownFlow.suggest', { suggestions: orList(t, suggestions.map(named)) }) : t('error.unknownQueue.list', { queues: listOf(t, QUEUES.map(named)) });
    throw new UsageError('unknown_queue', sentences(t, t('error.unknownQueue', { queue: clip(opts.queue) }), hint), { queue: clip(opts.queue), queues: [...QUEUES], suggestions });
  }
  const { directory, provider } = await ctx.provider();
  const queues: Queue[] = opts.queue ? [opts.queue as Queue] : [...QUEUES];
  const cards: ContactCard[] = [];
  const missing: Queue[] = [];
  // A card --open left without channels: when the first of its closed channels opens (null: none within two months).
  const firstOpening = new Map<ContactCard, string | null>();
  for (const queue of queues) {
    const card = contactCard(provider, queue, ctx.now, lang);
    if (!card) {
      missing.push(queue);
      continue;
    }
    if (opts.open) {
      const closed = card.channels;
      card.channels = closed.filter((c) => c.openNow);
      if (card.channels.length === 0) firstOpening.set(card, closed.map((c) => c.nextOpen).filter((at): at is string => at !== null).sort((a, b) => Date.parse(a) - Date.parse(b))[0] ?? null);
    }
    cards.push(card);
  }
  const missingText = (queue: Queue) =>
    t('contact.missingQueue', { source: directory.source, queue: t(`queue.${queue}`), provider: provider.name, url: provider.website });
  // What official support never asks for, as every card of a diagnosis says it. In JSON in the user's words, as a
  // diagnosis gives it; on screen, for an agent, as what to tell the caller.
  // With no card to show (a team the directory has no contacts for), it names the official app and website instead of "the contacts shown here".
  const notice = (role: 'user' | 'agent') => t(`safety.notice${role === 'agent' ? '.agent' : ''}${cards.length === 0 ? '.noQueue' : ''}`, { url: provider.website });
  if (opts.json) {
    const doc = { provider: provider.id, now: ctx.now.toISOString(), queues: cards, missing: missing.map((q) => ({ queue: q, message: missingText(q) })), notice: notice('user') };
    io.stdout.write(`${safeJson(doc, 2)}\n`);
    return cards;
  }
  const layout = await layoutFor(io.stdout);
  const { out: style } = await ctx.styles();
  const render = { t, lang, style, now: ctx.now, userZone: ctx.userZone(), layout, exampleNotice: false, nowGiven: ctx.nowGiven, nowNotice: false };
  const others = unchosenOthers(directory, provider, ctx.providerChosen);
  const notices = [...(provider.example ? [style.yellow(t('contact.example'))] : []), ...(ctx.nowGiven ? [hoursAtLine(render)] : []), ...(others.length > 0 ? [otherProvidersLine(t, provider.name, others)] : [])];
  const head = notices.length > 0 ? [...notices.map((notice) => layout.hanging('', notice)), ''] : [];
  const warning = layout.hanging('', style.bold(safeText(notice(ctx.role))));
  if (cards.length === 0) {
    // Nothing to show: what is missing is the answer, on standard output, where the card would have been (QA: UX review;
    // "contacts security" printed an empty card that spoke of "the contacts shown here").
    io.stdout.write([...head, ...missing.map((q) => layout.wrap(missingText(q))), '', warning, ''].join('\n'));
    return cards;
  }
  const source = layout.hanging('', t('contact.source', { url: safeText(provider.website) }));
  io.stdout.write([...head, cards.map((card) => renderContactCard(card, firstOpening.has(card) ? { ...render, firstOpening: firstOpening.get(card) } : render)).join('\n'), source, '', warning, ''].join('\n'));
  if (missing.length > 0) {
    const errLayout = await layoutFor(io.stderr);
    for (const q of missing) io.stderr.write(`${errLayout.wrap(missingText(q))}\n`);
  }
  return cards;
}
