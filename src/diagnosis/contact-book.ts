/** Contact cards for diagnoses; kept apart from diagnosis.ts so fixes without a queue never load luxon. */
import { contactCard, type ContactCard } from '../directory/contact.js';
import type { Directory, Provider } from '../directory/types.js';
import type { Queue } from '../engine/types.js';
import type { DiagnosisEnv } from './diagnosis.js';
import '../core.js';

/**
 * Contact cards for one provider at one instant. A batch evaluates the same
 * few queues thousands of times, so cards are computed once per queue and kind.
 */
export class ContactBook {
  private readonly cards = new Map<string, ContactCard | null>();
  constructor(
    readonly directory: Directory,
    readonly provider: Provider,
    private readonly env: DiagnosisEnv,
  ) {}

  card(queue: Queue, alert: boolean): Readonly<ContactCard> | null {
    const key = `${queue}:${alert}`;
    if (!this.cards.has(key)) this.cards.set(key, contactCard(this.provider, queue, this.env.now, this.env.lang, { alert }));
    // Shared between results: the card is read-only for everyone who gets it.
    return this.cards.get(key)!;
  }

  /** The safety notice that goes with every card of this provider (worded once: a batch shows it on most lines). */
  get notice(): string {
    return (this.noticeText ??= this.env.t('safety.notice', { url: this.provider.website }));
  }

  private noticeText: string | undefined;

  /** What to say in a case when the directory has no channel for a queue: where to find them (not how to fix the directory). */
  missing(queue: Queue): string {
    const { t } = this.env;
    return t('contact.missingQueue.case', { source: this.directory.source, queue: t(`queue.${queue}`), provider: this.provider.name, url: this.provider.website });
  }

  /** The notice for a card that could not be made: there are no "contacts shown here" to point to. */
  get noticeWithoutCard(): string {
    return this.env.t('safety.notice.noQueue', { url: this.provider.website });
  }
}
