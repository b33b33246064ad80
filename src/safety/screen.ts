/**
 * Screening of what users type, before it is used, printed or stored. The
 * scanner (word lists, checksums) costs about 15 ms to load, so it is loaded
 * only when some input could hold a secret: answers that are one of a flow's
 * own values cannot, so the common path never pays for it.
 */
import type { CaseRecord } from '../cases/store.js';
import type { CaseFact, Flow } from '../engine/types.js';
import { UsageError } from '../errors.js';
import { sentences, type Translate } from '../i18n/i18n.js';
import type { SecretKind, SecretScanOptions } from './secrets.js';
import type { ConfigKey, ConfigRead, ConfigWarning } from '../config/config.js';
import { mayHoldSecret } from '../util/safe-text.js';
import { isCardDetail } from './kinds.js';

/** The flow whose steps are what a secret given away calls for; the warnings elsewhere send the user to it. */
export const COMPROMISED_FLOW = 'account-compromised';

/**
 * What to say about a secret that was given, never the secret: to a wallet
 * user, or to a support agent whose caller just read it out. A card number is
 * not a sign of a stolen account, so it gets its own advice. `flow`: the flow
 * of the prompt it was typed at, if any.
 */
export function refusalMessage(t: Translate, kind: SecretKind, role: 'user' | 'agent' = 'user', flow?: string): string {
  // Inside the compromised-account flow, its steps are on the screen: the warning points to them, not to a command
  // that would start the same flow again (QA: desk).
  const here = flow === COMPROMISED_FLOW;
  // Card details are no key to the account: blocking the card is the advice.
  if (isCardDetail(kind)) return t(`safety.refused.${role === 'agent' ? 'agent.' : ''}${kind === 'card-number' ? 'card' : 'cardCode'}`);
  if (role === 'agent') return t(here ? 'safety.refused.agent.here' : 'safety.refused.agent', { kind: t(`secret.${kind}`) });
  return t(here ? 'safety.refused.here' : 'safety.refused', { kind: t(`secret.${kind}`) });
}

/** Refused input: a secret was given. The message never contains it. */
export class SecretError extends UsageError {
  /** `place`: the field of a request or the command-line option that held it, and the question it answers (never a key that is the secret). */
  constructor(t: Translate, kind: SecretKind, place: { field?: SecretField | undefined; where?: string | undefined } = {}, role: 'user' | 'agent' = 'user') {
    super('secret_refused', refusalMessage(t, kind, role), { kind, ...(place.field ? { field: place.field } : {}), ...(place.where ? { question: { id: place.where } } : {}) });
  }
}

/**
 * The answer key that held the secret, when a key did (an unknown question id), so that an answers file can be
 * pointed at. Kept beside the error, not on it: a script logs the errors it catches (console.error, a logging
 * library, an error tracker), and every property of the error would be written out with the secret in it.
 */
const secretKeys = new WeakMap<SecretError, string>();

/** The answer key of a refused secret that was a key (see secretKeys), for placing the error in an answers file. */
export function secretAnswerKey(err: SecretError): string | undefined {
  return secretKeys.get(err);
}

/** The fields of a request (a --batch line, a library call) a secret can be in. */
export type RequestField = 'id' | 'flow' | 'answers' | LibraryOption;
/** The library's options that are screened (loadFlows' dirs, diagnose's options). */
export type LibraryOption = 'dirs' | 'lang' | 'now' | 'contactsFile' | 'provider';

/**
 * Where a refused secret was: a field of a request, or on the command line the option that held it (`--fact`,
 * `--address`), the command's argument by name (`flow`, `contact`, `id`, `paths`, …), `argument` for one the command
 * does not take, `command` for the command's own word, or `option` for an option no command has.
 */
export type SecretField = RequestField | `--${string}` | CommandLineField;
/** A command's argument, by the name its help gives it, or another word of the command line (see SecretField). */
export type CommandLineField = 'queue' | 'action' | 'key' | 'value' | 'contact' | 'names' | 'id' | 'paths' | 'argument' | 'command' | 'option';

/** A text a user gave, to screen before it is used, echoed or stored, with where it was. */
export interface Suspect extends SecretScanOptions {
  text: string;
  /** The question it answers: named when it is refused (it is no secret itself). */
  where?: string;
  /** The answer key it is (a question id the flow does not have): kept out of the refusal. */
  key?: string;
  /** The field of the request, or the command-line option, it is in. */
  field?: SecretField | undefined;
}

/** Every WALLET_HELP_* variable wallet-help reads (a test checks the list against the sources). */
export const VARIABLES = ['WALLET_HELP_CONTACTS', 'WALLET_HELP_PROVIDER', 'WALLET_HELP_FLOWS', 'WALLET_HELP_CONFIG_DIR', 'WALLET_HELP_NOW', 'WALLET_HELP_CHECK_TIMEOUT', 'WALLET_HELP_LANG', 'WALLET_HELP_ROLE', 'WALLET_HELP_DEBUG'] as const;

/**
 * Refuses a run whose WALLET_HELP_* variables hold a secret (a phrase pasted where a path belongs): their
 * values reach messages (a file that cannot be read is named) as arguments do. Named by the variable.
 */
export async function refuseSecretVariables(t: Translate, env: Readonly<Record<string, string | undefined>>): Promise<void> {
  // The variables wallet-help reads, by name: listing process.env costs a start-up a million instructions.
  const risky = VARIABLES.flatMap((name) => {
    const value = env[name];
    return value !== undefined && mayHoldSecret(value) ? [[name, value] as const] : [];
  });
  if (risky.length === 0) return;
  const { findSecrets } = await loadScanner();
  for (const [name, value] of risky) {
    const [found] = findSecrets(value);
    if (!found) continue;
    const refused = new SecretError(t, found.kind);
    refused.message = sentences(t, refused.message, t('safety.inVariable', { name }));
    refused.details.variable = name;
    throw refused;
  }
}

/**
 * The run's own warnings (Context.warned) as a JSON document carries them (`--json`, every `--batch` result line): as
 * standard error said them, except one that holds what looks like a secret (a flow file named with a recovery phrase),
 * said as what it holds (review). The scanner loads only when there is a warning.
 */
export async function shownRunWarnings(t: Translate, warned: readonly string[]): Promise<string[]> {
  if (warned.length === 0) return [];
  const { findSecrets } = await loadScanner();
  return warned.map((w) => {
    const kind = findSecrets(w)[0]?.kind;
    return kind === undefined ? w : t('warning.notShown', { kind: t(`secret.${kind}`) });
  });
}

/**
 * Drops from the settings every value that holds a secret (a phrase pasted into the file by hand, a file copied
 * from elsewhere: `config set` refuses them), with a warning that names the key and the kind, never the value:
 * such a value would reach messages (a file that cannot be read is named), `config list` and case records.
 */
export async function screenSettings(settings: ConfigRead): Promise<void> {
  const risky = (Object.entries(settings.config) as [ConfigKey, unknown][]).filter(([, value]) => typeof value === 'string' && mayHoldSecret(value));
  // A key that is no setting is quoted by its warning: one that holds a secret is said without it.
  const riskyKeys = settings.warnings.filter((w) => w.type === 'unknown-key' && mayHoldSecret(w.key));
  // A value already refused for its form (a phrase where a language belongs) is a secret first: said so, not "must be one of en, zh".
  const riskyRefused = settings.warnings.filter((w): w is Extract<ConfigWarning, { type: 'bad-value' }> => w.type === 'bad-value' && typeof w.value === 'string' && mayHoldSecret(w.value));
  if (risky.length === 0 && riskyKeys.length === 0 && riskyRefused.length === 0) return;
  const { findSecrets } = await loadScanner();
  for (const w of riskyKeys) {
    const [found] = w.type === 'unknown-key' ? findSecrets(w.key) : [];
    if (found) settings.warnings[settings.warnings.indexOf(w)] = { type: 'secret-key', file: settings.file, kind: found.kind };
  }
  for (const w of riskyRefused) {
    const [found] = findSecrets(w.value as string);
    if (found) settings.warnings[settings.warnings.indexOf(w)] = { type: 'secret', file: settings.file, key: w.key, kind: found.kind };
  }
  for (const [key, value] of risky) {
    const [found] = findSecrets(value as string);
    if (!found) continue;
    delete settings.config[key];
    settings.warnings.push({ type: 'secret', file: settings.file, key, kind: found.kind });
  }
}

let scanner: Promise<typeof import('./secrets.js')> | undefined;
/** The secret scanner, loaded on first use. */
export function loadScanner(): Promise<typeof import('./secrets.js')> {
  return (scanner ??= import('./secrets.js'));
}

export { mayHoldSecret };

/**
 * The user-given texts of a request that are not plain ids of the flow: an
 * unknown flow id, unknown question ids and their answers, values the question
 * does not offer. An unknown question id comes before its answer: once it is
 * screened, the answer's refusal may name it.
 */
export function suspectInputs(flows: ReadonlyMap<string, Flow>, flowId: string, answers: Readonly<Record<string, string>>): Suspect[] {
  const flow = flows.get(flowId);
  const out: Suspect[] = [];
  if (!flow) out.push({ text: flowId, field: 'flow' });
  for (const [key, value] of Object.entries(answers)) {
    const question = flow && Object.hasOwn(flow.questions, key) ? flow.questions[key] : undefined;
    if (!question) out.push({ text: key, key, field: 'answers' }, { text: value, where: key, field: 'answers' });
    else if (!question.answers.some((a) => a.value === value)) out.push({ text: value, where: key, field: 'answers' });
  }
  return out;
}

/**
 * Refuses the request when any suspect input holds a secret. The options say
 * what the text is for: a transaction id is 64 hex characters like a raw
 * private key (`allowHex64`: only a labelled key counts), an amount or a time
 * is made of numbers (`numbersExpected`: only a labelled code counts).
 */
export async function refuseSecrets(t: Translate, inputs: readonly Suspect[], role: 'user' | 'agent' = 'user'): Promise<void> {
  if (inputs.length === 0) return;
  const { findSecrets } = await loadScanner();
  for (const input of inputs) {
    const [found] = findSecrets(input.text, input);
    if (found) {
      // Worded for whoever typed it: an agent typing what a caller read out is told what to tell the caller.
      const refused = new SecretError(t, found.kind, { field: input.field, where: input.where }, role);
      if (input.key !== undefined) secretKeys.set(refused, input.key);
      throw refused;
    }
  }
}

/**
 * How each fact is screened: a TxID or address is long hex by nature, and an
 * error message, time, amount or memo carries numbers that are data (a labelled
 * one-time code or password in them is still refused).
 */
export const FACT_SCAN: Readonly<Record<CaseFact, SecretScanOptions>> = {
  // Account ids are often 6 to 10 digits, the shape of a one-time code: only a labelled code counts.
  'account-id': { numbersExpected: true },
  time: { numbersExpected: true },
  amount: { numbersExpected: true },
  txid: { allowHex64: true },
  chain: {},
  // No chain wallet-help knows writes an address as 64 hex digits: that is the shape of a raw private key.
  address: {},
  memo: { numbersExpected: true },
  error: { numbersExpected: true },
  // A phone number, an account or a site: a long number is the number that called, not a code.
  contact: { numbersExpected: true },
};

/**
 * How the case facts are screened together, besides each on its own: a recovery phrase read out over two facts (six
 * words as the memo, six as the error message) is one all the same, and a summary or an export would show it whole
 * (QA: red-team review). Facts hold numbers and long hex by nature.
 */
export const FACTS_TOGETHER: SecretScanOptions = { numbersExpected: true, allowHex64: true };

/** Texts given apart, as one text (in the order given, a space between), and the keys of those a part of it spans. */
export function joinTexts(entries: readonly (readonly [string, string])[]): { text: string; keysIn: (start: number, end: number) => string[] } {
  const starts: number[] = [];
  let text = '';
  for (const [, value] of entries) {
    if (text !== '') text += ' ';
    starts.push(text.length);
    text += value;
  }
  return { text, keysIn: (start, end) => entries.filter((_, i) => starts[i]! < end && starts[i]! + entries[i]![1].length > start).map(([key]) => key) };
}

/** Refuses facts that hold a secret between them (FACTS_TOGETHER); each was screened on its own before. */
export async function refuseSecretAcrossFacts(t: Translate, facts: CaseRecord['facts'], role: 'user' | 'agent', field?: SecretField): Promise<void> {
  const entries = Object.entries(facts).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '');
  if (entries.length > 1) await refuseSecrets(t, [{ text: joinTexts(entries).text, ...(field ? { field } : {}), ...FACTS_TOGETHER }], role);
}

/** How `check` screens its inputs: a TxID is long hex and may be all digits, a memo or tag is a number. */
export const CHECK_OPTION_SCAN: Readonly<Record<'txid' | 'address' | 'memo', SecretScanOptions>> = {
  txid: { allowHex64: true, numbersExpected: true },
  address: {},
  memo: { numbersExpected: true },
};

/** What a check was given: a phone number, host or handle typed, or a fact (an address, TxID or memo). */
const CHECK_INPUT_SCAN: SecretScanOptions = { allowHex64: true, numbersExpected: true };

/**
 * The case record with a secret redacted wherever text can stand: the facts and the inputs of checks, which users
 * supplied, each screened for what it is; and the texts a case copies from the flow and the directory (the time zone,
 * the answers, the outcome's title, the contact), which were validated when the case was saved, but the log is a file
 * anyone can edit and is read as such (QA: red-team review; a phrase written into "timeZone" was shown by every
 * reader). Those are screened leniently (numbers and long hex are data there), so no question or title is mistaken
 * for a secret.
 */
export async function redactCaseRecord(record: CaseRecord): Promise<CaseRecord> {
  const { redactSecrets } = await loadScanner();
  const copied = (text: string) => redactSecrets(text, CHECK_INPUT_SCAN);
  return {
    ...record,
    timeZone: copied(record.timeZone),
    path: record.path.map((step) => ({ ...step, answer: copied(step.answer) })),
    outcome: record.outcome && { ...record.outcome, title: copied(record.outcome.title) },
    contact: record.contact && {
      ...record.contact,
      provider: copied(record.contact.provider),
      source: copied(record.contact.source),
      channels: record.contact.channels.map((c) => ({ ...c, value: copied(c.value) })),
    },
    facts: Object.fromEntries(Object.entries(record.facts).map(([key, value]) => [key, value === undefined ? value : redactSecrets(value, FACT_SCAN[key as CaseFact])])),
    checks: record.checks.map((c) => ({
      ...c,
      ...(c.input === null ? {} : { input: redactSecrets(c.input, CHECK_INPUT_SCAN) }),
      ...(c.typed === undefined ? {} : { typed: redactSecrets(c.typed, CHECK_INPUT_SCAN) }),
    })),
  };
}
