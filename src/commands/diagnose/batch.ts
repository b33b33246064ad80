/**
 * `wallet-help diagnose --batch [FILE|-]`: JSON Lines in, one result line per
 * input line out, in order. Streams, so memory stays flat however long the
 * input; a bad line gives an error line and the batch goes on.
 */
import { jsonProblemText, parseStrictJson } from '../../data/strict-json.js';
import { MAX_REQUEST_LENGTH } from '../../data/limits.js';
import { ContactBook } from '../../diagnosis/contact-book.js';
import { problemTranslator } from '../../i18n/problems.js';
import { agentWording, contactsErrorOf, diagnoseWith, type ContactsError, type DiagnoseDocument } from '../../diagnosis/diagnosis.js';
import { CancelError, ExitCode, SilentError, UsageError, WalletHelpError } from '../../errors.js';
import { loadScanner, mayHoldSecret, SecretError, shownRunWarnings } from '../../safety/screen.js';
import { idMayHoldSecret, PLAIN_ID, readRequest, screenRequest, screenRequestId } from '../../diagnosis/request.js';
import type { SecretKind } from '../../safety/secrets.js';
import { shownSource, type InputStream } from '../../io/io.js';
import { readLines, TOO_LONG, type Line } from '../../io/lines.js';
import type { Context } from '../context.js';
import { cannotRead } from '../../util/read-error.js';
import { terminalInput } from './answers.js';
import { writeWarning } from '../../render/layout.js';
import { clip, safeJson, sentValue } from '../../util/safe-text.js';
import '../../core.js';


/** Distinct paths remembered with their serialized result; flows have far fewer. */
const MEMO_LIMIT = 10_000;
/** Distinct failed requests remembered with their error. */
const FAILURE_MEMO_LIMIT = 1_000;
/** Longer lines (in bytes) are refused without parsing, and not even held: no real request comes close. */
const MAX_LINE = MAX_REQUEST_LENGTH;

/** Runs every line of the input; exit 1 (after all lines) when any line failed, else 3 when the contacts could not be loaded. */
export async function runBatch(source: string, ctx: Context, opts: { input: boolean } = { input: true }): Promise<{ lines: number; failed: number }> {
  const { io, t } = ctx;
  if (source === '-') terminalInput(ctx, '--batch', opts.input);
  const { flows, broken } = await ctx.flows();
  // The run's own warnings (a flows folder gone, a flow file skipped, a bad variable or setting), said on standard error
  // and carried first in every result line's `warnings`, as in a --json document, so a script reading standard output
  // alone learns of them (QA: script integrator). Built once; rebuilt only if the run says another (loading the directory can).
  let runWarnings = await shownRunWarnings(t, ctx.warned);
  let runWarned = ctx.warned.length;
  // Each line gives its answers as a request: a missing one is asked for in the line's own terms, not as a flag.
  const lineEnv = { t, lang: ctx.lang, now: ctx.now, answersIn: 'request' as const };
  /** The minute the cards and the remembered results are for: a process kept open answers at the time of each line. */
  let minute = Math.floor(ctx.now.getTime() / 60_000);
  let contacts: ContactBook | undefined;
  /** Why the directory could not be loaded: results with a queue then carry it as a warning, without a contact. */
  let contactsProblem: string | undefined;
  /** The same, as an error document gives it (see DiagnoseDocument). */
  let contactsError: ContactsError | undefined;
  const out = new LineBuffer();
  let lines = 0;
  let failed = 0;
  /** Each distinct result as the UTF-8 bytes of its line, encoded once and copied for every line it answers. */
  const serialized = new Map<string, Buffer>();
  /** The error of each distinct request that failed (its flow and answers), as its line gives it; the oldest go first. */
  const failures = new Map<string, Record<string, unknown>>();
  /** What the last screen of error lines found in each distinct text it read: a kind of secret, or null. */
  const screenedTexts = new Map<string, SecretKind | null>();
  const flush = async () => {
    const chunk = out.take();
    if (chunk.length === 0) return;
    if (io.stdout.write(chunk) === false && io.stdout.once && !io.stdout.closed) {
      // A stream that fails while it is full is closed, and never drains.
      // Whichever comes first; the other listener goes with it, or every wait of a long batch would leave one.
      await new Promise<void>((done) => {
        const finish = () => {
          io.stdout.off?.('drain', finish);
          io.stdout.off?.('close', finish);
          done();
        };
        io.stdout.once!('drain', finish);
        io.stdout.once!('close', finish);
      });
    }
  };
  /** Whether the reader went away (`| head -1`): nothing more is answered, however long the input (QA: scripts). */
  let readerGone = false;

  let lineNo = 0;
  try {
    for await (const chunk of inputLines(source === '-' ? io.stdin : io.openRead(source), source, ctx, (id) => flows.has(id) || broken.has(id))) {
      if (!ctx.nowGiven) {
        // Lines are answered at the time they arrive: a contact open at the start may be closed by now (QA: scripts; a
        // back end kept one process open for hours). Cards and results are minute-precise: a new minute, new ones.
        const now = io.now();
        const current = Math.floor(now.getTime() / 60_000);
        if (current !== minute) {
          minute = current;
          lineEnv.now = now;
          if (contacts) contacts = new ContactBook(contacts.directory, contacts.provider, lineEnv);
          serialized.clear();
        }
      }
      for (const line of chunk) {
        lineNo++;
        // Blank lines (a final newline too many, a separator) are no request: skipped, no output, no failure.
        if (typeof line === 'string' && line.trim() === '') continue;
        lines++;
        if (typeof line !== 'string') {
          failed++;
          const error = line === TOO_LONG ? { code: 'invalid_line', message: t('batch.tooLong') } : { code: 'invalid_line', message: t('batch.notUtf8', { column: line.badUtf8At }), column: line.badUtf8At };
          out.text(`${safeJson({ line: lineNo, error })}\n`);
          continue;
        }
        /** The line's id, once it is screened. */
        let id: string | number | undefined;
        /** The line's id as sent, before it is screened. */
        let sentId: string | number | undefined;
        /** The line's flow and answers, once its id is screened: what its error depends on (set for a request with suspect inputs). */
        let requestKey: string | undefined;
        /** Whether the line's flow and answers were screened, all that an error of its diagnosis can quote. */
        let requestScreened = false;
        try {
          const sent = parseLine(line, ctx);
          sentId = sent.id;
          // The flow and answers are read as the library reads them: the same mistake, the same error.
          const request = readRequest(t, flows, sent.flow, sent.answers);
          // A short plain id is echoed even when the line is refused; any other id only once it is screened.
          await screenRequestId(t, sentId);
          id = sentId;
          if (request.suspects.length > 0 && !request.problem) {
            // A request with something the flow does not know (a mistyped flow, question or value) that failed before fails
            // the same way (one clock, one language per batch): a script that sends the same mistake line after line does
            // not pay for its suggestions and screening every time. (Only then: keying every line would slow good ones.)
            requestKey = JSON.stringify([request.flow, request.answers]);
            const knownError = failures.get(requestKey);
            if (knownError !== undefined) {
              failed++;
              out.text(`${safeJson(id === undefined ? { line: lineNo, error: knownError } : { id, line: lineNo, error: knownError })}\n`);
              continue;
            }
          }
          if (request.suspects.length > 0 || request.problem) await screenRequest(t, request);
          // From here on, an error quotes only the line's suspect inputs (the flow, question or value the flow does not know),
          // screened just above, or, where there are none, nothing of the line at all, beside the flow's own texts: it is not
          // screened again. A script's mistakes seldom repeat exactly (a value typed
          // by its users), and screening each distinct message made such a line ten times the cost of a good one (QA: script
          // integrator: 16,000 lines a second).
          requestScreened = true;
          let result: DiagnoseDocument = diagnoseWith(lineEnv, flows, request.flow, request.answers, contacts, broken);
          if (result.outcome.queue && !contacts && contactsProblem === undefined) {
            // The first outcome with a queue loads the directory; the cards it computes serve every later line.
            try {
              const { directory, provider } = await ctx.provider();
              // At the time of this line, as every later card (review: ctx's is the start's).
              contacts = new ContactBook(directory, provider, lineEnv);
            } catch (err) {
              if (!(err instanceof WalletHelpError) || err instanceof CancelError) throw err;
              contactsProblem = t('contact.unavailable', { reason: err.message });
              contactsError = contactsErrorOf(err);
              await writeWarning(io.stderr, t('warning.prefix'), contactsProblem);
            }
            if (contacts) result = diagnoseWith(lineEnv, flows, request.flow, request.answers, contacts, broken);
          }
          if (result.outcome.queue && !contacts && contactsProblem !== undefined) {
            result.warnings = [...(result.warnings ?? []), contactsProblem];
            result.contactsError = contactsError;
          }
          // An agent's batch (--agent, the role setting) gets the agent's wording, as its --json runs do.
          if (ctx.role === 'agent') Object.assign(result, agentWording('agent', flows.get(result.flow)!.outcomes[result.outcome.id]!, ctx.lang));
          if (ctx.warned.length !== runWarned) {
            runWarnings = await shownRunWarnings(t, ctx.warned);
            runWarned = ctx.warned.length;
            // The documents remembered lack the new warning: the key below does not hold the run's warnings.
            serialized.clear();
          }
          if (runWarnings.length > 0) result.warnings = [...runWarnings, ...(result.warnings ?? [])];
          // Equal paths with equal answers left unused give equal documents (one minute, one language, the run's warnings so
          // far): serialize each once.
          const key = `${result.flow}\u0000${result.path.map((p) => `${p.question}=${p.answer}`).join('\u0000')}\u0001${result.unused?.join('\u0000') ?? ''}`;
          let doc = serialized.get(key);
          if (doc === undefined) {
            doc = Buffer.from(`${JSON.stringify(result)}\n`);
            if (serialized.size < MEMO_LIMIT) serialized.set(key, doc);
          }
          if (id === undefined) out.bytes(doc);
          else {
            // The id goes first: `{"id":…,` and then the document without its opening brace.
            out.text(`{"id":${safeJson(id)},`);
            out.bytes(doc, 1);
          }
        } catch (err) {
          if (!(err instanceof WalletHelpError) || err.exitCode !== 2) throw err;
          failed++;
          const { requestId, ...details } = err.details;
          let error: Record<string, unknown> = { code: err.code, message: err.message, ...details };
          let echo = id ?? sentId ?? (requestId as string | number | undefined);
          // What goes back (the id, and the message, which may quote a key or a value of the line) never holds a secret.
          const { findSecrets } = await loadScanner();
          // Errors repeat (a missing answer, line after line): each distinct text is screened once.
          const secretIn = (text: string): SecretKind | undefined => {
            let kind = screenedTexts.get(text);
            if (kind === undefined) {
              kind = findSecrets(text)[0]?.kind ?? null;
              if (screenedTexts.size >= FAILURE_MEMO_LIMIT) screenedTexts.delete(screenedTexts.keys().next().value!);
              screenedTexts.set(text, kind);
            }
            return kind ?? undefined;
          };
          const inEcho = echo !== undefined && idMayHoldSecret(echo) ? secretIn(String(echo)) : undefined;
          if (inEcho) echo = undefined;
          // A whole text quoted in part (up to 1 MB): screened once, not remembered.
          const whole = err instanceof UsageError ? UNSCREENED.get(err) : undefined;
          const inWhole = whole !== undefined && mayHoldSecret(whole) ? findSecrets(whole)[0]?.kind : undefined;
          const found = inEcho ?? inWhole ?? (requestScreened ? undefined : (secretIn(err.message) ?? secretIn(JSON.stringify(details))));
          if (found) {
            const refused = new SecretError(t, found, { field: inEcho ? 'id' : undefined });
            error = { code: refused.code, message: refused.message, ...refused.details };
          }
          if (requestKey !== undefined) {
            if (failures.size >= FAILURE_MEMO_LIMIT) failures.delete(failures.keys().next().value!);
            failures.set(requestKey, error);
          }
          out.text(`${safeJson(echo === undefined ? { line: lineNo, error } : { id: echo, line: lineNo, error })}\n`);
        }
      }
      // Answer what has arrived before waiting for more: a chat back end writes one line and waits.
      await flush();
      if (io.stdout.closed) {
        readerGone = true;
        break;
      }
    }
  } catch (err) {
    // Stopped by a signal while waiting for input: what was answered is counted, as at the end of the input.
    if (err instanceof CancelError) io.stderr.write(`${t('batch.stopped', { lines, failed })}\n`);
    throw err;
  }
  io.stderr.write(`${t(readerGone ? 'batch.outputClosed' : 'batch.summary', { lines, failed })}\n`);
  if (failed > 0) throw new SilentError();
  if (contactsProblem !== undefined) throw new SilentError(ExitCode.contactsUnavailable);
  return { lines, failed };
}

/**
 * The output waiting to be written, as UTF-8 bytes in one growing buffer. Results are
 * copied in as bytes: building one string of a chunk's lines and writing it would copy
 * it whole, measure it and encode it again, on every flush (a third of a batch's time).
 */
class LineBuffer {
  private buf = Buffer.allocUnsafe(64 * 1024);
  private used = 0;

  text(s: string): void {
    this.reserve(s.length * 3);
    this.used += this.buf.write(s, this.used);
  }

  bytes(b: Buffer, from = 0): void {
    this.reserve(b.length - from);
    this.used += b.copy(this.buf, this.used, from);
  }

  /** What was put in since the last take; the buffer starts afresh, since a stream may still hold what it was given. */
  take(): Buffer {
    const chunk = this.buf.subarray(0, this.used);
    if (this.used > 0) {
      this.buf = Buffer.allocUnsafe(this.buf.length);
      this.used = 0;
    }
    return chunk;
  }

  private reserve(n: number): void {
    if (this.used + n <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.used + n));
    this.buf.copy(bigger, 0, 0, this.used);
    this.buf = bigger;
  }
}

/** A line's request as written: its id (one that comes back unchanged), flow and answers, not yet read as a request. */
interface LineRequest {
  id?: string | number;
  flow: unknown;
  answers: unknown;
}

/**
 * The whole text a line's error quotes in part (an unknown key, cut to 60 characters in its details): screened whole
 * before the error goes out, since the first 60 characters of a recovery phrase no longer look like one.
 */
const UNSCREENED = new WeakMap<UsageError, string>();

/** Half of a surrogate pair, on its own (with the u flag a whole pair is one character and does not match). */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * A line as the JSON object of a request: strict JSON, with only the keys flow, answers and id, and an
 * id that comes back unchanged; else `invalid_line` (with the id, when it has one, as `requestId`).
 */
function parseLine(line: string, ctx: Context): LineRequest {
  const { t } = ctx;
  // Strict JSON, as an answers file: a key given twice is refused, not resolved to the last.
  const parsed = parseStrictJson(line);
  if ('problem' in parsed) {
    const column = parsed.problem.offset + 1;
    const err = new UsageError('invalid_line', t('batch.notJson', { column, problem: jsonProblemText(parsed.problem, problemTranslator(ctx.lang)) }), { column });
    // A line that is no JSON may be a secret pasted whole (a recovery phrase where a request belongs): screened whole, it is
    // refused as that, so the sender learns what they sent (QA: scripts review; it was told only "not valid JSON").
    UNSCREENED.set(err, line);
    throw err;
  }
  const value = parsed.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UsageError('invalid_line', t('batch.shape'));
  const v = value as Record<string, unknown>;
  // A number id must survive the trip back unchanged: 1e999 would come back as null, 2^53 + 1 as another number.
  // A text with half a surrogate pair ("\ud800") is no text: strict JSON readers refuse it coming back.
  const id = (typeof v.id === 'string' && !LONE_SURROGATE.test(v.id)) || Number.isSafeInteger(v.id) ? (v.id as string | number) : undefined;
  const fail = (message: string, details: Record<string, unknown>): never => {
    throw new UsageError('invalid_line', message, id === undefined ? details : { ...details, requestId: id });
  };
  for (const key of Object.keys(v)) {
    if (key === 'flow' || key === 'answers' || key === 'id') continue;
    // The key is given as sent in the details, which the batch screens whole (the message quotes only a plain one).
    const err = new UsageError('invalid_line', t('batch.unknownKey', { key: PLAIN_ID.test(key) ? key : '…' }), id === undefined ? { key: sentValue(key) } : { key: sentValue(key), requestId: id });
    UNSCREENED.set(err, key);
    throw err;
  }
  // null is no id, as "answers": null is no answers (what a JSON writer gives for an empty field).
  if (v.id !== undefined && v.id !== null && id === undefined) fail(t('batch.badId'), { field: 'id' });
  // Built property by property: spreading an optional id into a literal costs a line more than parsing it.
  const request: LineRequest = { flow: v.flow, answers: v.answers };
  if (id !== undefined) request.id = id;
  return request;
}

/**
 * The lines of the input; a stream that cannot be read is a batch_input error naming it. A missing file named
 * like a flow (`--batch payment-failed`) was meant as the flow: that is batch_conflict, as a flow beside --batch is.
 */
async function* inputLines(stream: InputStream, source: string, ctx: Context, isFlow: (id: string) => boolean): AsyncGenerator<Line[]> {
  try {
    // A stop signal while it waits for input ends the batch (counted by the caller), like one at a prompt.
    yield* readLines(stream, MAX_LINE, ctx.io.signal);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (err instanceof CancelError || code === undefined) throw err;
    if (code === 'ENOENT' && isFlow(source)) throw new UsageError('batch_conflict', ctx.t('batch.flowAsFile', { flow: source }), { option: 'flow', flow: source, file: source });
    // A device (DataFileError ENOTREG): what it is, as --answers says it (a pipe is read).
    const message = code === 'ENOTREG' ? ctx.t('error.cannotRead', { file: clip(shownSource(source), 200), reason: ctx.t('error.deviceNotFile') }) : cannotRead(ctx.t, shownSource(source), err);
    throw new UsageError('batch_input', message, { file: source });
  }
}
