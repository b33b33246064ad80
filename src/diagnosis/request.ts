/**
 * A request for one diagnosis as a script sends it: a `--batch` line or a library
 * call (`diagnose(flows, { flow, answers })`). Both read it here, so the same
 * mistake gets the same error, code, message and details, from either.
 */
import { MAX_REQUEST_LENGTH, MAX_TEXT_OPTION_LENGTH } from '../data/limits.js';
import type { Flow } from '../engine/types.js';
import { UsageError } from '../errors.js';
import type { Translate } from '../i18n/i18n.js';
import { refuseSecrets, suspectInputs, type Suspect } from '../safety/screen.js';
import { clip, mayHoldSecret, sentValue } from '../util/safe-text.js';

/** Ids and keys of plain characters, which may be quoted as they are (others are shown as "…"). */
export const PLAIN_ID = /^[\w.:-]{1,64}$/;

/**
 * Whether a request's id may hold a secret, so it is screened before it is echoed: what may hold one as a
 * command-line argument does (a card number, a key), and, since an id comes back in every line,
 * also a short one with a label's colon (`pin:4821`) or characters other than plain ones.
 */
export function idMayHoldSecret(id: string | number): boolean {
  const text = String(id);
  return mayHoldSecret(text) || (typeof id === 'string' && (id.includes(':') || !PLAIN_ID.test(id)));
}

/** Refuses a request's id that holds a secret (`secret_refused`, field `id`), in a batch line and a library call alike. */
export async function screenRequestId(t: Translate, id: unknown): Promise<void> {
  if (typeof id === 'string' && id.length > MAX_TEXT_OPTION_LENGTH) throw new UsageError('invalid_request', t('request.textTooLong', { field: 'id', max: MAX_TEXT_OPTION_LENGTH }), { field: 'id' });
  if ((typeof id === 'string' || typeof id === 'number') && idMayHoldSecret(id)) await refuseSecrets(t, [{ text: String(id), field: 'id' }]);
}

/** A request read: its flow id and answers, what of them to screen for secrets, and a problem to report once they are. */
export interface Request {
  flow: string;
  answers: Record<string, string>;
  /** The texts that are not plain ids of the flow: screened before the request is used or any of them is echoed. */
  suspects: Suspect[];
  /** An answer that is not text: reported (naming its question) only once the suspects, its key among them, are screened. */
  problem?: UsageError;
}

/**
 * Reads the flow and answers of a request, or throws the error for a request of the wrong
 * shape: `missing_flow` (with the `flows` there are) when the flow id is not a text,
 * `invalid_answers` when the answers are not an object or too long together. Answers that
 * are absent or null are no answers: JSON writers give null for an empty map (Go's nil map,
 * Python's None). An answer that is not text is `invalid_answers` with its `question`, kept in
 * `problem` until `screenRequest` has screened its key.
 */
export function readRequest(t: Translate, flows: ReadonlyMap<string, Flow>, flow: unknown, given: unknown): Request {
  if (typeof flow !== 'string') {
    const ids = [...flows.keys()];
    throw new UsageError('missing_flow', t('lib.needFlow', { flows: ids.join(', ') }), { flows: ids });
  }
  // What no flow can be is not read through, however long (screening megabytes blocked a server's event loop, and
  // 5 MB overflowed a search's stack; QA: library review): said by its length, never quoted.
  if (flow.length > MAX_TEXT_OPTION_LENGTH) throw new UsageError('invalid_request', t('request.textTooLong', { field: 'flow', max: MAX_TEXT_OPTION_LENGTH }), { field: 'flow' });
  // Only a plain object (or one without a prototype) holds answers: a Map, a Set, a Date or a class instance from a script
  // has none of its entries as properties, and was read as no answers at all ("missing_answer"; QA: scripts review).
  if (given !== undefined && given !== null && (typeof given !== 'object' || Array.isArray(given) || !plainObject(given))) throw new UsageError('invalid_answers', t('request.answers'));
  const answers: Record<string, string> = Object.create(null);
  let notText: string | undefined;
  let length = 0;
  if (given) {
    // Own keys only, "__proto__" included (JSON.parse makes it one); the object built has no prototype to reach.
    for (const [key, value] of Object.entries(given)) {
      if (typeof value !== 'string') {
        notText = key;
        break;
      }
      // Spaces around a value are no part of it, as on the command line (-a "network= ok"): the same answers run the
      // same way given by flag, in a file, a --batch line or a library call (QA: script).
      answers[key] = value.trim();
      length += key.length + value.length;
    }
  }
  // As a batch line is: what no question offers is not read through, however long.
  if (length > MAX_REQUEST_LENGTH) throw answersTooLong(t);
  const suspects = suspectInputs(flows, flow, answers);
  if (notText === undefined) return { flow, answers, suspects };
  // Its key is quoted once it is screened, as an unknown question's is; a question of the flow is no secret.
  if (!Object.hasOwn(flows.get(flow)?.questions ?? {}, notText)) suspects.push({ text: notText, key: notText, field: 'answers' });
  return { flow, answers, suspects, problem: answerNotText(t, notText) };
}

/**
 * Answers longer than MAX_REQUEST_LENGTH together (ids and values, in UTF-16 code units): `invalid_answers`. The same
 * error for a request and an answers file (src/commands/diagnose/answers.ts), so the same answers get the same code.
 */
export function answersTooLong(t: Translate, details: Record<string, unknown> = {}): UsageError {
  return new UsageError('invalid_answers', t('request.answersTooLong'), details);
}

/** An answer that is not text (a number, true or false, null, a list, an object): `invalid_answers`, naming its question. Quote `key` only once it is screened. */
export function answerNotText(t: Translate, key: string): UsageError {
  return new UsageError('invalid_answers', t('request.answerNotText', { key: clip(key) }), { question: { id: sentValue(key) } });
}

/** Refuses a request whose suspect texts hold a secret (`secret_refused`, with the field), then reports its problem, if it has one. */
export async function screenRequest(t: Translate, request: Request): Promise<void> {
  if (request.suspects.length > 0) await refuseSecrets(t, request.suspects);
  if (request.problem) throw request.problem;
}

/**
 * An object literal, parsed JSON or YAML, or Object.create(null): what a mapping of answers is. One made in another realm
 * (a vm context, an iframe) has that realm's Object.prototype, whose own prototype is null too.
 */
function plainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === null || (Object.getPrototypeOf(proto) === null && Object.prototype.toString.call(value) === '[object Object]');
}
