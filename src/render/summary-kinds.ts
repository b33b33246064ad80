/**
 * What a case summary is, without rendering one: its formats, and what the secrets refused during a case mean for it
 * (said in the summary, and in the recap of a resumed case). Apart from summary.ts, which loads the hours' reading and
 * writing for the contact lines: a diagnosis that prints no summary does not load it (the start-up budget).
 */
import { andList, type Translate } from '../i18n/i18n.js';
import { isCardDetail, type SecretKind } from '../safety/kinds.js';
import '../core.js';

export const SUMMARY_FORMATS = ['text', 'md', 'json'] as const;
export type SummaryFormat = (typeof SUMMARY_FORMATS)[number];

/** What the secrets refused during a case mean for it, a sentence each: those to treat as exposed, then a card's number and its code. */
export function refusedSentences(t: Translate, refused: readonly SecretKind[], role: 'user' | 'agent'): string[] {
  const exposed = refused.filter((k) => !isCardDetail(k));
  const agent = role === 'agent';
  return [
    ...(exposed.length > 0 ? [t(agent ? 'summary.refused.agent' : 'summary.refused.user', { kinds: andList(t, exposed.map((k) => t(`secret.${k}`))) })] : []),
    ...(refused.includes('card-number') ? [t(agent ? 'summary.refused.card.agent' : 'summary.refused.card.user')] : []),
    ...(refused.includes('card-security-code') ? [t(agent ? 'summary.refused.cardCode.agent' : 'summary.refused.cardCode.user')] : []),
  ];
}
