/** Collecting answers given up front: an answers file, --answer flags and shortcuts. */
import { MAX_DATA_FILE_BYTES, MAX_PROBLEMS, MAX_REQUEST_LENGTH } from '../../data/limits.js';
import { answerNotText, answersTooLong } from '../../diagnosis/request.js';
import type { Flow } from '../../engine/types.js';
import { CancelError, UsageError } from '../../errors.js';
import { readAll, shownSource, STDIN_PATHS } from '../../io/io.js';
import { clip, sentValue, shownPath } from '../../util/safe-text.js';
import { cannotRead } from '../../util/read-error.js';
import type { Context } from '../context.js';
import { refuseSecrets, secretAnswerKey, SecretError } from '../../safety/screen.js';
import type { LocatedValue } from '../../data/located-yaml.js';
import { DataFileError } from '../../data/read-file.js';
import { sentences, type Translate } from '../../i18n/i18n.js';

/** Shortcut flags for the shared questions. */
export const ANSWER_SHORTCUTS = ['network', 'balance', 'verification'] as const;

/** Parses repeated `--answer ID=VALUE` flags; the same question twice with different values is an error. */
export function parseAnswerFlags(ctx: Context, flags: readonly string[]): Record<string, string> {
  const seen: Record<string, string> = Object.create(null);
  for (const arg of flags) {
    const eq = arg.indexOf('=');
    const id = eq > 0 ? arg.slice(0, eq).trim() : '';
    const value = eq > 0 ? arg.slice(eq + 1).trim() : '';
    // An empty value (`--network ""`, `-a network=`, a variable left unset) is no value of the question: invalid_value
    // with the question and its values, as in a request, not a malformed flag (QA: script).
    if (!id || eq <= 0) throw new UsageError('invalid_answer_flag', ctx.t('error.answerFormat', { arg: clip(arg) }), { arg: sentValue(arg) });
    if (Object.hasOwn(seen, id) && seen[id] !== value) {
      throw new UsageError('answer_twice', ctx.t('error.answerTwice', { question: clip(id), first: clip(seen[id]!), second: clip(value) }), { question: { id: sentValue(id) } });
    }
    seen[id] = value;
  }
  return seen;
}

/** An answers file read: its answers, and where each is written in it. */
export interface AnswersFile {
  answers: Record<string, string>;
  /** The place of the answer to question `id` (its value, or its key), as shown to the user. */
  locate(id: string, which: 'key' | 'value'): { file: string; line: number; column: number };
  /** In a strict JSON file, the first answer that is not text, and where its value is: reported by refuseNotText. */
  notText?: { key: string; at: { file: string; line: number; column: number } };
}

/**
 * Reads an answers file (`-` is standard input): a YAML mapping, or strict JSON
 * for a file named `.json` (JSON's own syntax errors are reported at their
 * place instead of as whatever YAML would make of the text). Input without a
 * name (standard input, a pipe) is strict JSON when it is a JSON object: what a
 * script pipes in is JSON as a rule, and is then read as a request's answers are.
 */
export async function readAnswersFile(ctx: Context, file: string, input = true): Promise<AnswersFile> {
  const { io, t } = ctx;
  const name = shownSource(file);
  // /dev/stdin is standard input, read as `-` is: opened by its path, a pipe from another program may be a socket, which cannot be.
  const fromStdin = file === '-' || STDIN_PATHS.includes(file);
  if (fromStdin) terminalInput(ctx, `--answers ${file}`, input);
  /** Whether the input came as a stream (standard input, a pipe), which is read up to one byte past the limit and no further. */
  let streamed = fromStdin;
  let bytes: Uint8Array;
  try {
    if (fromStdin) bytes = await readAll(io.stdin, MAX_DATA_FILE_BYTES + 1, io.signal);
    else if (await io.isPipe(file)) {
      // A pipe (`--answers <(…)`, a named pipe) is read as standard input is, as `--batch FILE` reads one. Other devices stay refused.
      streamed = true;
      bytes = await readAll(io.openRead(file), MAX_DATA_FILE_BYTES + 1, io.signal);
    } else bytes = await io.readFile(file);
  } catch (err) {
    if (err instanceof CancelError) throw err;
    // A device or socket (a pipe is read above): what to do instead is to give a file or pipe the answers in.
    const device = err instanceof DataFileError && err.code === 'ENOTREG';
    const message = device ? sentences(t, t('error.cannotRead', { file: clip(name, 200), reason: t('error.deviceNotFile') }), t('error.answersFile.pipeIn')) : cannotRead(t, name, err);
    throw new UsageError('answers_file', message, { file: name });
  }
  const [{ decodeUtf8, parseLocatedYaml, formatProblem, keyWithoutColon }, { Checker }, { problemTranslator, ref }] = await Promise.all([
    import('../../data/located-yaml.js'),
    import('../../data/checker.js'),
    import('../../i18n/problems.js'),
  ]);
  const fail = (problems: { file: string; line: number; column: number; message: string }[]): never => {
    const first = problems[0]!;
    throw new UsageError('answers_file', [t('error.answersFile', { file: shownPath(name) }), ...problems.map((p) => `  ${formatProblem(p)}`)].join('\n'), {
      file: name,
      line: first.line,
      column: first.column,
      problems,
    });
  };
  // Input that came as a stream was cut one byte past the limit: how much more came is not known, and the advice is an answers file's.
  if (streamed && bytes.byteLength > MAX_DATA_FILE_BYTES) {
    return fail([{ file: name, line: 1, column: 1, message: t(fromStdin ? 'error.answersFile.tooMuchInput' : 'error.answersFile.tooMuchPiped', { max: `${MAX_DATA_FILE_BYTES / (1024 * 1024)} MB` }) }]);
  }
  const decoded = decodeUtf8(bytes, name, ctx.lang);
  if ('problem' in decoded) return fail([decoded.problem]);
  // Loaded only for JSON: the strict parser is no part of a run's start-up. A stream that starts as a JSON object
  // does is taken for one when it is JSON; otherwise it is YAML, whose flow style ({network: ok}) also starts with a brace.
  const namedJson = /\.json$/i.test(file);
  const json = namedJson || (streamed && decoded.text.trimStart().startsWith('{')) ? await import('../../data/strict-json.js') : undefined;
  const strictJson = json !== undefined && (namedJson || json.parseJson(decoded.text) !== undefined);
  if (strictJson) {
    const { jsonProblemText, lineColumn, parseStrictJson } = json;
    const strict = parseStrictJson(decoded.text);
    if ('problem' in strict) return fail([{ file: name, ...lineColumn(decoded.text, strict.problem.offset), message: jsonProblemText(strict.problem, problemTranslator(ctx.lang)) }]);
  }
  const { doc, problems } = parseLocatedYaml(decoded.text, name, ctx.lang);
  if (problems.length > 0) return fail(problems);
  const value = doc.value;
  // Nothing at all (an empty file, standard input closed at once) is said as such: no mapping was there to be wrong.
  if (decoded.text.trim() === '') return fail([{ file: name, line: 1, column: 1, message: t(fromStdin ? 'error.answersFile.emptyInput' : 'error.answersFile.empty') }]);
  // "network：offline" (a Chinese colon) or "network:offline" (no space) is one text to YAML: said as the key it was meant as.
  const colon = typeof value === 'string' ? keyWithoutColon(value, problemTranslator(ctx.lang)) : undefined;
  if (colon !== undefined) return fail([doc.problem([], colon)]);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail([doc.problem([], t('error.answersFile.shape'))]);
  const answers: Record<string, string> = Object.create(null);
  const bad = [];
  let more = 0;
  // Strict JSON holds what a --batch line's or a library call's answers hold, and is read as they are
  // (src/diagnosis/request.ts): an answer that is not text (a number, true or false, null, a list, an object) is
  // invalid_answers, and nothing after it is read. YAML writes numbers and words alike without quotes: there a
  // number or a boolean is read as its text.
  let notText: string | undefined;
  let length = 0;
  // Control characters, escapes and bidirectional overrides are refused with their place, as in every data file.
  const chars = new Checker(doc, ctx.lang);
  // The keys a problem names: each is screened before any problem is said (see below).
  const named: string[] = [];
  for (const [k, v] of Object.entries(value)) {
    if (strictJson && typeof v !== 'string') {
      notText = k;
      break;
    }
    if (!chars.cleanKey(k, [k], 'what.answersFile')) {
      named.push(k);
      continue;
    }
    if (typeof v === 'string') {
      // Spaces around a value are no part of it, as on the command line and in a request (src/diagnosis/request.ts).
      if (chars.clean(v, [k], ref('what.testAnswer', { question: k }))) answers[k] = v.trim();
    } else if (typeof v === 'number') answers[k] = asWritten(doc, k, v);
    else if (typeof v === 'boolean') answers[k] = String(v);
    else if (bad.length < MAX_PROBLEMS) {
      named.push(k);
      bad.push(doc.problem([k], t('error.answersFile.value', { question: clip(k) })));
    } else more++;
    if (Object.hasOwn(answers, k)) length += k.length + answers[k]!.length;
  }
  bad.push(...chars.finish());
  // A secret written as a key whose value is not text ("legal winner … yellow:" over a list) was quoted, cut to 60
  // characters, in the problem: eleven of twelve words (QA: scripts review). Such a key is refused as a secret, placed at
  // the key and never quoted, as a strict JSON file's is (refuseNotText).
  if (bad.length > 0) {
    for (const k of named) {
      try {
        await refuseSecrets(t, [{ text: k, key: k, field: 'answers' }], ctx.role);
      } catch (err) {
        throw placed(err, { file: name, ...doc.locate([k], 'key') });
      }
    }
  }
  bad.sort((a, b) => a.line - b.line || a.column - b.column);
  if (more > 0) bad.push({ file: name, line: 1, column: 1, message: t('error.moreProblems', { count: more }) });
  if (bad.length > 0) fail(bad);
  // The limit of a request's answers, whatever the file's own (room for comments and layout).
  if (length > MAX_REQUEST_LENGTH) throw answersTooLong(t, { file: name });
  const locate = (id: string, which: 'key' | 'value') => {
    const { line, column } = doc.locate([id], which);
    return { file: name, line, column };
  };
  return { answers, locate, ...(notText === undefined ? {} : { notText: { key: notText, at: locate(notText, 'value') } }) };
}

/**
 * The answer of a strict JSON answers file that is not text, as a request's is reported (`invalid_answers`, naming its
 * question, placed where the file gives it): only once its key is screened, a question id the flow does not have
 * being any text. Call once the answers that are text have been screened, before the flow is read.
 */
export async function refuseNotText(t: Translate, file: AnswersFile | undefined, flow: Flow | undefined, role: 'user' | 'agent' = 'user'): Promise<void> {
  if (!file?.notText) return;
  const { key, at } = file.notText;
  if (!Object.hasOwn(flow?.questions ?? {}, key)) {
    try {
      await refuseSecrets(t, [{ text: key, key, field: 'answers' }], role);
    } catch (err) {
      // A secret written as the key is placed at the key, which is never quoted.
      throw placed(err, file.locate(key, 'key'));
    }
  }
  throw placed(answerNotText(t, key), at);
}

/**
 * Standard input that is a terminal: with --no-input nobody is there to type, so the run is refused
 * instead of waiting; otherwise the user is told what it waits for and how to end it.
 */
export function terminalInput(ctx: Context, what: string, input: boolean): void {
  if (ctx.io.stdin.isTTY !== true) return;
  if (!input) throw new UsageError('stdin_terminal', ctx.t('stdin.terminal', { what }));
  ctx.io.stderr.write(`${ctx.t('stdin.terminalHint', { what })}\n`);
}

/**
 * A number as the file writes it: 6212345678901234569 read as a number is 6212345678901235000, and
 * 0o755 is 493, so an answer would be checked, screened and quoted as something its author never wrote.
 */
function asWritten(doc: LocatedValue, key: string, value: number): string {
  const at = doc.locate([key]).offset;
  const token = /^[-+]?[0-9a-zA-Z_.]+/.exec(doc.source.slice(at, at + 100))?.[0];
  return token ?? String(value);
}

/**
 * An error about one answer (a value the question does not offer, a question the
 * flow does not have, a secret), placed at file:line:column when that answer
 * came from the answers file and no flag replaced it.
 */
export function placeInAnswersFile(err: unknown, file: AnswersFile | undefined, flagged: Readonly<Record<string, string>>): unknown {
  if (!file || !(err instanceof UsageError)) return err;
  // A secret written as a question id is placed at that key, which is never quoted.
  const secretKey = err instanceof SecretError ? secretAnswerKey(err) : undefined;
  const id = secretKey ?? (err.details.question as { id?: unknown } | undefined)?.id;
  if (typeof id !== 'string' || !Object.hasOwn(file.answers, id) || Object.hasOwn(flagged, id)) return err;
  return placed(err, file.locate(id, err.code === 'unknown_question' || secretKey !== undefined ? 'key' : 'value'));
}

/** The error, placed at a place in the answers file: its message starts with file:line:column, and its details give them. */
function placed(err: unknown, at: { file: string; line: number; column: number }): unknown {
  if (!(err instanceof UsageError)) return err;
  return new UsageError(err.code, `${shownPath(at.file)}:${at.line}:${at.column}: ${err.message}`, { ...err.details, ...at });
}



