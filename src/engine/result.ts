/** The result of a diagnosis as scripts see it (`--json`, batch, the library). Pure. */
import type { ContactCard } from '../directory/contact.js';
import type { PathStep, Session } from './engine.js';
import { preparationOf, type Flow, type Lang, type Outcome, type OutcomeKind, type Queue } from './types.js';

export interface DiagnosisResult {
  flow: string;
  version: number;
  outcome: {
    id: string;
    kind: OutcomeKind;
    title: string;
    steps: string[];
    queue: Queue | null;
    prepare: string[];
    /** Filled from the support directory when the outcome names a queue (escalations, alerts and fixes that say where to turn next); null otherwise. */
    contact: Readonly<ContactCard> | null;
    /** With a contact card: what official support never asks for, and where its contacts are published. */
    notice?: string;
  };
  answers: Record<string, string>;
  path: PathStep[];
  /**
   * The questions answered up front that the path did not ask (their answers led nowhere): in the flow's order, and
   * only when there are any. A script that sends every answer it knows sees which of them did not count.
   */
  unused?: string[];
  lang: Lang;
}

/** Builds the result document for an outcome reached through `session`; `given`, the answers given up front, if any. */
export function toResult(flow: Flow, outcome: Outcome, session: Session, lang: Lang, given?: Readonly<Record<string, string>>): DiagnosisResult {
  const answers: Record<string, string> = {};
  for (const s of session.path) answers[s.question] = s.answer;
  // In the flow's order, then the shared questions it does not ask, as given.
  const unused = given ? [...Object.keys(flow.questions), ...Object.keys(given).filter((id) => !Object.hasOwn(flow.questions, id))].filter((id) => Object.hasOwn(given, id) && !Object.hasOwn(answers, id)) : [];
  return {
    flow: flow.id,
    version: flow.version,
    outcome: {
      id: outcome.id,
      kind: outcome.kind,
      title: outcome.title[lang],
      steps: outcome.steps.map((s) => s[lang]),
      queue: outcome.queue ?? null,
      prepare: preparationOf(outcome).map((p) => p[lang]),
      contact: null,
    },
    answers,
    path: session.path.map((s) => ({ question: s.question, answer: s.answer })),
    ...(unused.length > 0 ? { unused } : {}),
    lang,
  };
}
