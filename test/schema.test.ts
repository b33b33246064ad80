/**
 * The published JSON Schemas (schemas/*.schema.json, used by editors for completion,
 * hover help and inline errors) must agree with the hand-written validators: every
 * bundled file passes both, and every broken variant below is refused by both.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadDirectoryText } from '../src/directory/load.js';
import { isValidTimeZone, parseDayRanges, parseWeeklyHours } from '../src/directory/hours.js';
import { loadFlowText } from '../src/flows/load.js';

const ROOT = join(import.meta.dirname, '..');
const SCHEMA_BASE = 'https://wallet-help.example/schemas/';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Doc = Record<string, Json>;

function readJson(file: string): Doc {
  return JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as Doc;
}

const flowSchema = readJson('schemas/flow.schema.json');
const directorySchema = readJson('schemas/directory.schema.json');

/**
 * Strict Ajv, so a typo in a schema keyword fails here instead of being ignored by editors.
 * The formats mirror the validators' own checks (ajv-formats is not a dependency of ours).
 */
function makeAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  ajv.addFormat('uri', (s: string) => URL.canParse(s));
  ajv.addFormat('date', (s: string) => {
    const day = new Date(`${s}T00:00:00Z`);
    return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(day.getTime()) && day.toISOString().startsWith(s);
  });
  return ajv;
}

const ajv = makeAjv();
const validateFlowSchema = ajv.compile(flowSchema);
const validateDirectorySchema = ajv.compile(directorySchema);

function schemaErrors(validate: ValidateFunction, doc: unknown): ErrorObject[] {
  return validate(doc) ? [] : (validate.errors ?? []);
}

function formatErrors(errors: ErrorObject[]): string {
  return errors.map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`).join('\n');
}

const clone = <T>(value: T): T => structuredClone(value);
const isObject = (value: Json | undefined): value is { [key: string]: Json } => typeof value === 'object' && value !== null && !Array.isArray(value);

// ---------------------------------------------------------------------------
// Bundled files
// ---------------------------------------------------------------------------

const flowFiles = readdirSync(join(ROOT, 'flows'))
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => `flows/${f}`);
const bundled: { file: string; schema: string; validate: ValidateFunction; load: (text: string, file: string) => { problems: unknown[] } }[] = [
  ...flowFiles.map((file) => ({ file, schema: 'flow', validate: validateFlowSchema, load: loadFlowText })),
  { file: 'directory/example.yaml', schema: 'directory', validate: validateDirectorySchema, load: loadDirectoryText },
];

describe('the JSON Schemas', () => {
  it.each([
    ['flow', flowSchema],
    ['directory', directorySchema],
  ])('%s.schema.json is draft 2020-12 with an $id, a title and a description', (name, schema) => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(`${SCHEMA_BASE}${name}.schema.json`);
    expect(typeof schema.title).toBe('string');
    expect(typeof schema.description).toBe('string');
  });

  /*
   * Hover help comes from `description`. Editors resolve `$ref` differently: some let the referenced
   * definition's keys win over the keys written next to the `$ref`, others the reverse. So every
   * property and every `$ref` carries its own description, and definitions have none (they are
   * documented with `$comment`), which shows the right text whichever way an editor merges.
   */
  it.each([
    ['flow', flowSchema],
    ['directory', directorySchema],
  ])('%s.schema.json describes every property and every reference, for hover help', (_name, schema) => {
    const problems: string[] = [];
    const described = (node: Json): boolean => isObject(node) && typeof node.description === 'string' && node.description.trim() !== '';
    const walk = (node: Json, path: string, inAllOf: boolean): void => {
      if (Array.isArray(node)) {
        node.forEach((item, i) => walk(item, `${path}/${i}`, inAllOf));
        return;
      }
      if (!isObject(node)) return;
      // An `allOf` member adds constraints; its parent carries the description.
      if (typeof node.$ref === 'string' && !inAllOf && !described(node)) problems.push(`${path}: $ref without a description`);
      const properties = node.properties;
      if (isObject(properties)) {
        for (const [key, child] of Object.entries(properties)) {
          // `false` forbids a key (a fix outcome's prepare): nothing to describe.
          if (child !== false && !described(child)) problems.push(`${path}/properties/${key}: no description`);
        }
      }
      for (const [key, child] of Object.entries(node)) walk(child, `${path}/${key}`, key === 'allOf');
    };
    walk(schema, '#', false);
    for (const [key, def] of Object.entries(schema.$defs as Record<string, Json>)) {
      if (!isObject(def) || typeof def.$comment !== 'string') problems.push(`#/$defs/${key}: no $comment`);
      else if ('description' in def) problems.push(`#/$defs/${key}: a description here would hide the one next to each $ref in some editors`);
    }
    expect(problems).toEqual([]);
  });

  it('gives examples of hours and time zones that wallet-help accepts', () => {
    const defs = directorySchema.$defs as Record<string, { examples: string[] }>;
    for (const hours of defs.weeklyHours!.examples) expect(parseWeeklyHours(hours), hours).toMatchObject({ ok: true });
    const exception = (directorySchema.$defs as Record<string, { properties: Record<string, { examples: string[] }> }>).exception!;
    for (const hours of exception.properties.hours!.examples) expect(parseDayRanges(hours), hours).toMatchObject({ ok: true });
    for (const zone of defs.timezone!.examples) expect(isValidTimeZone(zone), zone).toBe(true);
  });
});

describe('the bundled data files', () => {
  it('are found', () => {
    expect(flowFiles).not.toHaveLength(0);
  });

  it.each(bundled)('$file is valid against its schema, as for the loader', ({ file, validate, load }) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    expect(formatErrors(schemaErrors(validate, parse(text)))).toBe('');
    expect(load(text, file).problems).toEqual([]);
  });

  it("accepts the README's example flow, as the loader does", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const example = /<!-- authoring-example:start -->\s*```yaml\n([\s\S]*?)```\s*<!-- authoring-example:end -->/.exec(readme)?.[1];
    expect(example).toBeDefined();
    expect(formatErrors(schemaErrors(validateFlowSchema, parse(example ?? '')))).toBe('');
    expect(loadFlowText(example ?? '', 'card-declined.yaml').problems).toEqual([]);
  });

  it.each(bundled)('$file names its schema on the first line, for the YAML language server', ({ file, schema }) => {
    const firstLine = readFileSync(join(ROOT, file), 'utf8').split('\n', 1)[0];
    const target = `../schemas/${schema}.schema.json`;
    expect(firstLine).toBe(`# yaml-language-server: $schema=${target}`);
    expect(existsSync(join(ROOT, dirname(file), target))).toBe(true);
  });
});

// ---------------------------------------------------------------------------
// Agreement between the schemas and the validators
// ---------------------------------------------------------------------------

const loc = (en: string, zh: string): Json => ({ en, zh });

/** A small flow with a shared question, an ordinary one, a fix and an escalation with `prepare`. */
const TINY_FLOW: Doc = {
  id: 'tiny',
  version: 1,
  title: loc('Tiny', '小'),
  description: loc('A tiny flow', '小流程'),
  start: 'network',
  questions: {
    network: {
      text: loc('Network?', '网络？'),
      agent: loc('Ask about the network.', '询问网络情况。'),
      answers: [
        { value: 'ok', label: loc('OK', '正常'), next: 'device' },
        { value: 'unstable', label: loc('Unstable', '不稳定'), next: 'done' },
        { value: 'offline', label: loc('Offline', '断网'), next: 'done' },
      ],
    },
    device: {
      text: loc('Which device?', '哪种设备？'),
      agent: loc('Ask which device the caller uses.', '询问来电者使用哪种设备。'),
      answers: [
        { value: 'phone', label: loc('Phone', '手机'), next: 'done' },
        { value: 'laptop', label: loc('Laptop', '电脑'), next: 'help' },
      ],
    },
  },
  outcomes: {
    done: { kind: 'fix', title: loc('Done', '完成'), steps: [loc('Retry', '重试')], agent: [loc('Tell the caller to retry.', '请来电者重试。')] },
    help: {
      kind: 'escalate',
      queue: 'general',
      title: loc('Help', '求助'),
      steps: [loc('Ask', '询问')],
      agent: [loc('Ask the caller.', '询问来电者。')],
      prepare: [loc('Your account id', '账户 ID')],
    },
  },
  tests: [
    { name: 'a phone is fixed', answers: { network: 'ok', device: 'phone' }, expect: 'done' },
    { answers: { network: 'ok', device: 'laptop' }, expect: 'help' },
  ],
};

/** A small directory: one provider with an exception and a channel using every optional key. */
const TINY_DIRECTORY: Doc = {
  providers: [
    {
      id: 'tiny-wallet',
      name: 'Tiny Wallet',
      example: true,
      website: 'https://www.example.com/help',
      timezone: 'Asia/Shanghai',
      exceptions: [{ date: '2026-10-01', hours: 'off', note: 'National Day' }],
      queues: {
        payments: [
          {
            type: 'phone',
            value: '+1 202-555-0143',
            hours: 'Mo-Fr 09:00-18:00; Sa 10:00-14:00',
            timezone: 'Europe/London',
            exceptions: [{ date: '2026-12-25', hours: '10:00-12:00' }],
            response: loc('within a minute', '一分钟内'),
            cost: loc('free', '免费'),
            languages: ['en', 'zh-HK'],
          },
        ],
        security: [{ type: 'chat', value: 'App › Help', hours: '24/7' }],
      },
    },
  ],
};

// Typed access to the parts of the samples the mutations touch.
type Obj = Record<string, Json>;
const obj = (value: Json | undefined): Obj => value as Obj;
const list = (value: Json | undefined): Json[] => value as Json[];
const question = (d: Doc, id: string): Obj => obj(obj(d.questions)[id]);
const outcome = (d: Doc, id: string): Obj => obj(obj(d.outcomes)[id]);
const provider = (d: Doc): Obj => obj(list(d.providers)[0]);
const phone = (d: Doc): Obj => obj(list(obj(provider(d).queues).payments)[0]);
const chat = (d: Doc): Obj => obj(list(obj(provider(d).queues).security)[0]);

/** One change to a valid sample, which both must still accept. */
interface Variant {
  name: string;
  change: (doc: Doc) => void;
}

/** One change that breaks a valid sample, with evidence that both refuse it for that reason. */
interface Mutation extends Variant {
  /** A JSON pointer among the schema's error locations. */
  at: string;
  /** Text one of the loader's problems contains. */
  says: string;
}

/** Renames a node everywhere it is named, so only the id itself is wrong. */
function renameNode(d: Doc, from: string, to: string): void {
  for (const group of ['questions', 'outcomes'] as const) {
    const nodes = obj(d[group]);
    if (Object.hasOwn(nodes, from)) {
      d[group] = Object.fromEntries(Object.entries(nodes).map(([k, v]) => [k === from ? to : k, v]));
    }
  }
  if (d.start === from) d.start = to;
  for (const q of Object.values(obj(d.questions))) {
    for (const a of list(obj(q).answers)) if (obj(a).next === from) obj(a).next = to;
  }
  for (const t of list(d.tests)) {
    const answers = obj(obj(t).answers);
    obj(t).answers = Object.fromEntries(Object.entries(answers).map(([k, v]) => [k === from ? to : k, v]));
    if (obj(t).expect === from) obj(t).expect = to;
  }
}

const answer = (d: Doc, qid: string, i: number): Obj => obj(list(question(d, qid).answers)[i]);
const firstTest = (d: Doc): Obj => obj(list(d.tests)[0]);
const ID_RULE = 'must use lowercase letters, digits and single dashes';
const SHARED_RULE = '"network" is a shared question';

const FLOW_MUTATIONS: Mutation[] = [
  { name: 'an unknown top-level key', change: (d) => (d.author = 'someone'), at: '', says: 'unknown key "author" in a flow file' },
  { name: 'a title without zh', change: (d) => delete obj(d.title).zh, at: '/title', says: 'missing its Chinese text' },
  { name: 'an English description of spaces only', change: (d) => (obj(d.description).en = '   '), at: '/description/en', says: 'the flow description (en) must be a non-empty text' },
  { name: 'a language other than en and zh', change: (d) => (obj(d.title).fr = 'Petit'), at: '/title', says: 'unknown key "fr"' },
  { name: 'a flow id with capitals', change: (d) => (d.id = 'Tiny'), at: '/id', says: `the flow id "Tiny" ${ID_RULE}` },
  { name: 'a question id with an underscore', change: (d) => renameNode(d, 'device', 'which_device'), at: '/questions', says: `a question id "which_device" ${ID_RULE}` },
  { name: 'an outcome id with a double dash', change: (d) => renameNode(d, 'help', 'get--help'), at: '/outcomes', says: `an outcome id "get--help" ${ID_RULE}` },
  { name: 'an answer value with a space', change: (d) => (answer(d, 'device', 0).value = 'my phone'), at: '/questions/device/answers/0/value', says: `an answer value "my phone" ${ID_RULE}` },
  { name: 'a fix with an unknown queue', change: (d) => (outcome(d, 'done').queue = 'billing'), at: '/outcomes/done/queue', says: 'the queue of outcome "done" must be one of' },
  { name: 'an escalation without a queue', change: (d) => delete outcome(d, 'help').queue, at: '/outcomes/help', says: 'is an escalation and needs the support queue' },
  {
    name: 'an alert without a queue',
    change: (d) => {
      outcome(d, 'help').kind = 'alert';
      delete outcome(d, 'help').queue;
    },
    at: '/outcomes/help',
    says: 'is an alert and needs the support queue',
  },
  { name: 'a fix with prepare', change: (d) => (outcome(d, 'done').prepare = [loc('Nothing', '无')]), at: '/outcomes/done/prepare', says: '"prepare" is only for escalate and alert outcomes' },
  { name: 'an unknown kind', change: (d) => (outcome(d, 'help').kind = 'refund'), at: '/outcomes/help/kind', says: 'the kind of outcome "help" must be one of' },
  { name: 'an unknown queue', change: (d) => (outcome(d, 'help').queue = 'billing'), at: '/outcomes/help/queue', says: 'the queue of outcome "help" must be one of' },
  { name: 'an empty prepare list', change: (d) => (outcome(d, 'help').prepare = []), at: '/outcomes/help/prepare', says: 'what to prepare for outcome "help" must have at least 1 entry' },
  { name: 'a fix with case facts', change: (d) => (outcome(d, 'done').facts = ['time']), at: '/outcomes/done/facts', says: '"facts" (what an agent records for the ticket) is only for escalate and alert outcomes' },
  { name: 'an unknown case fact', change: (d) => (outcome(d, 'help').facts = ['time', 'iban']), at: '/outcomes/help/facts/1', says: 'the case facts of outcome "help", entry 2 must be one of' },
  { name: 'a case fact twice', change: (d) => (outcome(d, 'help').facts = ['time', 'time']), at: '/outcomes/help/facts', says: 'case fact "time" appears twice in outcome "help"' },
  { name: 'an empty list of case facts', change: (d) => (outcome(d, 'help').facts = []), at: '/outcomes/help/facts', says: 'the case facts of outcome "help" must have at least 1 entry' },
  { name: 'version 0', change: (d) => (d.version = 0), at: '/version', says: 'version must be a whole number of at least 1' },
  { name: 'a fractional version', change: (d) => (d.version = 1.5), at: '/version', says: 'version must be a whole number of at least 1' },
  { name: 'a version written as text', change: (d) => (d.version = '1'), at: '/version', says: 'version must be a whole number of at least 1' },
  { name: 'a version too large to keep exactly', change: (d) => (d.version = 1e20), at: '/version', says: 'version is too large: it can be at most 9007199254740991' },
  { name: 'a question with one answer only', change: (d) => list(question(d, 'device').answers).pop(), at: '/questions/device/answers', says: 'the answers of question "device" must have at least 2 entries' },
  { name: 'empty steps', change: (d) => (outcome(d, 'done').steps = []), at: '/outcomes/done/steps', says: 'the steps of outcome "done" must have at least 1 entry' },
  { name: 'a wrong value for a shared question', change: (d) => (answer(d, 'network', 1).value = 'slow'), at: '/questions/network/answers/1/value', says: SHARED_RULE },
  { name: 'a shared question missing a value', change: (d) => list(question(d, 'network').answers).pop(), at: '/questions/network/answers', says: SHARED_RULE },
  { name: 'a shared question repeating a value', change: (d) => (answer(d, 'network', 1).value = 'ok'), at: '/questions/network/answers', says: SHARED_RULE },
  {
    name: 'a shared question with an extra value',
    change: (d) => list(question(d, 'network').answers).push({ value: 'slow', label: loc('Slow', '慢'), next: 'done' }),
    at: '/questions/network/answers',
    says: SHARED_RULE,
  },
  { name: 'an unknown key in an answer', change: (d) => (answer(d, 'device', 0).hint = 'x'), at: '/questions/device/answers/0', says: 'unknown key "hint" in an answer of question "device"' },
  { name: 'an unknown key in a question', change: (d) => (question(d, 'device').help = loc('Help', '帮助')), at: '/questions/device', says: 'unknown key "help" in question "device"' },
  { name: 'an agent text without en', change: (d) => delete obj(question(d, 'network').agent).en, at: '/questions/network/agent', says: 'missing its English text' },
  { name: 'a question without agent wording', change: (d) => delete question(d, 'device').agent, at: '/questions/device', says: 'question "device" has no agent wording' },
  { name: 'an outcome without agent wording', change: (d) => delete outcome(d, 'done').agent, at: '/outcomes/done', says: 'outcome "done" has no agent wording' },
  { name: 'an answer without next', change: (d) => delete answer(d, 'device', 1).next, at: '/questions/device/answers/1', says: 'is missing "next"' },
  { name: 'no outcomes', change: (d) => (d.outcomes = {}), at: '/outcomes', says: 'a flow needs at least one outcome' },
  { name: 'no tests', change: (d) => delete d.tests, at: '', says: 'a flow file is missing "tests"' },
  { name: 'an empty test list', change: (d) => (d.tests = []), at: '/tests', says: 'tests must have at least 1 entry' },
  { name: 'a test without expect', change: (d) => delete firstTest(d).expect, at: '/tests/0', says: 'test 1 is missing "expect"' },
  { name: 'a test answer that is a number', change: (d) => (obj(firstTest(d).answers).network = 3), at: '/tests/0/answers/network', says: 'the answer to "network" must be a text, and YAML reads what is written here as the number 3: put it in quotes' },
  { name: 'an unknown key in a test', change: (d) => (firstTest(d).skip = true), at: '/tests/0', says: 'unknown key "skip" in test 1' },
  { name: 'an empty test name', change: (d) => (firstTest(d).name = ''), at: '/tests/0/name', says: 'the name of test 1 must be a non-empty text' },
];

/** Variants both must accept: the schema must not be stricter than the validator. */
const FLOW_VARIANTS: Variant[] = [
  { name: 'a $schema key', change: (d) => (d.$schema = '../schemas/flow.schema.json') },
  { name: 'a fix naming the team to turn to', change: (d) => (outcome(d, 'done').queue = 'general') },
  { name: 'an escalation naming its case facts', change: (d) => (outcome(d, 'help').facts = ['account-id', 'time', 'error']) },
  {
    name: 'an alert with a queue and no prepare',
    change: (d) => {
      outcome(d, 'help').kind = 'alert';
      delete outcome(d, 'help').prepare;
    },
  },
  {
    name: 'no questions, starting at an outcome',
    change: (d) => Object.assign(d, { questions: {}, start: 'done', outcomes: { done: outcome(d, 'done') }, tests: [{ answers: {}, expect: 'done' }] }),
  },
  { name: 'shared values in another order', change: (d) => list(question(d, 'network').answers).reverse() },
  { name: 'a digit-only id', change: (d) => renameNode(d, 'device', '2') },
  { name: 'a text with leading spaces', change: (d) => (obj(d.title).en = '  Tiny') },
  { name: 'a large version', change: (d) => (d.version = 20260101) },
];

const exception = (d: Doc): Obj => obj(list(provider(d).exceptions)[0]);

const DIRECTORY_MUTATIONS: Mutation[] = [
  { name: 'an unknown queue', change: (d) => (obj(provider(d).queues).billing = [clone(phone(d))]), at: '/providers/0/queues', says: 'unknown queue "billing"' },
  { name: 'a bad channel type', change: (d) => (phone(d).type = 'fax'), at: '/providers/0/queues/payments/0/type', says: 'the channel type must be one of' },
  { name: 'an http website', change: (d) => (provider(d).website = 'http://www.example.com/help'), at: '/providers/0/website', says: 'must use https://' },
  { name: 'a website that is not a URL', change: (d) => (provider(d).website = 'www.example.com'), at: '/providers/0/website', says: 'must be a full web address' },
  { name: 'a date without leading zeros', change: (d) => (exception(d).date = '2026-10-1'), at: '/providers/0/exceptions/0/date', says: 'the date must be a calendar date written YYYY-MM-DD' },
  { name: 'a date that does not exist', change: (d) => (exception(d).date = '2026-02-30'), at: '/providers/0/exceptions/0/date', says: 'the date must be a calendar date written YYYY-MM-DD' },
  { name: 'a channel without hours', change: (d) => delete phone(d).hours, at: '/providers/0/queues/payments/0', says: 'a channel is missing "hours"' },
  { name: 'an exception without hours', change: (d) => delete exception(d).hours, at: '/providers/0/exceptions/0', says: 'an exception is missing "hours"' },
  { name: 'a capitalized language tag', change: (d) => (phone(d).languages = ['EN']), at: '/providers/0/queues/payments/0/languages/0', says: 'language "EN" must be a language tag' },
  { name: 'an empty language list', change: (d) => (phone(d).languages = []), at: '/providers/0/queues/payments/0/languages', says: 'languages must have at least 1 entry' },
  { name: 'no providers', change: (d) => (d.providers = []), at: '/providers', says: 'providers must have at least 1 entry' },
  { name: 'a provider id with capitals', change: (d) => (provider(d).id = 'TinyWallet'), at: '/providers/0/id', says: `the provider id "TinyWallet" ${ID_RULE}` },
  { name: 'example as text', change: (d) => (provider(d).example = 'yes'), at: '/providers/0/example', says: 'example must be true or false' },
  { name: 'a provider without a time zone', change: (d) => delete provider(d).timezone, at: '/providers/0', says: 'a provider is missing "timezone"' },
  { name: 'a time zone written as an offset', change: (d) => (phone(d).timezone = '+08:00'), at: '/providers/0/queues/payments/0/timezone', says: 'unknown time zone "+08:00"' },
  { name: 'a time zone abbreviation', change: (d) => (phone(d).timezone = 'BST'), at: '/providers/0/queues/payments/0/timezone', says: '"BST" is a time-zone abbreviation, not an IANA name' },
  { name: 'a queue without channels', change: (d) => (obj(provider(d).queues).general = []), at: '/providers/0/queues/general', says: 'the channels of queue "general" must have at least 1 entry' },
  { name: 'a cost without zh', change: (d) => delete obj(phone(d).cost).zh, at: '/providers/0/queues/payments/0/cost', says: 'the cost note is missing its Chinese text' },
  { name: 'an unknown key in a channel', change: (d) => (phone(d).email = 'x@example.com'), at: '/providers/0/queues/payments/0', says: 'unknown key "email" in a channel' },
  { name: 'an unknown top-level key', change: (d) => (d.version = 1), at: '', says: 'unknown key "version" in a directory file' },
  { name: 'a phone number per language', change: (d) => (phone(d).value = loc('+1 202-555-0143', '+1 202-555-0144')), at: '/providers/0/queues/payments/0/value', says: 'a phone channel has one value in every language' },
  { name: 'an in-app path per language without zh', change: (d) => (chat(d).value = { en: 'App › Help' }), at: '/providers/0/queues/security/0/value', says: 'is missing its Chinese text' },
];

const DIRECTORY_VARIANTS: Variant[] = [
  { name: 'a $schema key', change: (d) => (d.$schema = '../schemas/directory.schema.json') },
  {
    name: 'no optional keys',
    change: (d) => (d.providers = [{ id: 'a', name: 'A', website: 'https://a.example', timezone: 'UTC', queues: { general: [{ type: 'web', value: 'https://a.example/help', hours: '24/7' }] } }]),
  },
  { name: 'no queues at all', change: (d) => (provider(d).queues = {}) },
  { name: 'an empty exception list', change: (d) => (provider(d).exceptions = []) },
  { name: 'an overnight range and a closed day', change: (d) => (phone(d).hours = 'Mo-Fr 22:00-02:00; Su off') },
  { name: 'a legacy zone name with digits', change: (d) => (phone(d).timezone = 'EST5EDT') },
  { name: 'UTC', change: (d) => (phone(d).timezone = 'UTC') },
  { name: 'a three-letter language with a region', change: (d) => (phone(d).languages = ['yue-HK']) },
  { name: 'an in-app path per language', change: (d) => (chat(d).value = loc('App › Me › Help', 'App › 我的 › 帮助')) },
  { name: 'a page per language', change: (d) => (chat(d).value = loc('https://www.example.com/en/chat', 'https://www.example.com/zh/chat')) },
];

// `aliasDuplicateObjects: false`: the loader refuses YAML aliases, so never let a shared object become one.
function flowProblems(doc: Doc): string[] {
  // As flows validate reads a flow (agent wording required), which is what the schema describes for an editor.
  return loadFlowText(stringify(doc, { aliasDuplicateObjects: false }), 'flows/tiny.yaml', 'en', true).problems.map((p) => `${p.line}:${p.column}: ${p.message}`);
}

function directoryProblems(doc: Doc): string[] {
  return loadDirectoryText(stringify(doc, { aliasDuplicateObjects: false }), 'dir.yaml').problems.map((p) => `${p.line}:${p.column}: ${p.message}`);
}

const formats = [
  { kind: 'flow', base: TINY_FLOW, validate: validateFlowSchema, load: flowProblems, mutations: FLOW_MUTATIONS, variants: FLOW_VARIANTS, minimum: 12 },
  { kind: 'directory', base: TINY_DIRECTORY, validate: validateDirectorySchema, load: directoryProblems, mutations: DIRECTORY_MUTATIONS, variants: DIRECTORY_VARIANTS, minimum: 6 },
];

describe.each(formats)('the $kind schema and the $kind validator', ({ base, validate, load, mutations, variants, minimum }) => {
  it('both accept the small valid document', () => {
    expect(load(clone(base))).toEqual([]);
    expect(formatErrors(schemaErrors(validate, clone(base)))).toBe('');
  });

  it(`try at least ${minimum} broken variants`, () => {
    expect(mutations.length).toBeGreaterThanOrEqual(minimum);
  });

  it.each(mutations)('both reject $name', ({ change, at, says }) => {
    const doc = clone(base);
    change(doc);
    const problems = load(doc);
    expect(problems.some((p) => p.includes(says)), problems.join('\n')).toBe(true);
    const errors = schemaErrors(validate, doc);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.map((e) => e.instancePath), formatErrors(errors)).toContain(at);
  });

  it.each(variants)('both accept $name', ({ change }) => {
    const doc = clone(base);
    change(doc);
    expect(load(doc)).toEqual([]);
    expect(formatErrors(schemaErrors(validate, doc))).toBe('');
  });
});
