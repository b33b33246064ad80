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
  ajv.addFormat('date', (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s));
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

// ---------------------------------------------------------------------------
// Bundled files
// ---------------------------------------------------------------------------

const flowFiles = readdirSync(join(ROOT, 'flows'))
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => `flows/${f}`);
const bundled: { file: string; schema: string; validate: ValidateFunction }[] = [
  ...flowFiles.map((file) => ({ file, schema: 'flow', validate: validateFlowSchema })),
  { file: 'directory/example.yaml', schema: 'directory', validate: validateDirectorySchema },
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

  it.each([
    ['flow', flowSchema],
    ['directory', directorySchema],
  ])('%s.schema.json describes every property and definition, for hover help', (_name, schema) => {
    const missing: string[] = [];
    const walk = (node: Json, path: string): void => {
      if (Array.isArray(node)) {
        node.forEach((item, i) => walk(item, `${path}/${i}`));
        return;
      }
      if (node === null || typeof node !== 'object') return;
      for (const group of ['properties', '$defs'] as const) {
        const children = node[group];
        if (children === null || typeof children !== 'object' || Array.isArray(children)) continue;
        for (const [key, child] of Object.entries(children)) {
          // `false` forbids a key (a fix outcome's queue): nothing to describe.
          if (child === false) continue;
          if (child === null || typeof child !== 'object' || Array.isArray(child) || typeof child.description !== 'string' || child.description.trim() === '') {
            missing.push(`${path}/${group}/${key}`);
          }
        }
      }
      for (const [key, child] of Object.entries(node)) walk(child, `${path}/${key}`);
    };
    walk(schema, '#');
    expect(missing).toEqual([]);
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
  it('include every flow', () => {
    expect(flowFiles.length).toBeGreaterThanOrEqual(12);
  });

  it.each(bundled)('$file is valid against its schema', ({ file, validate }) => {
    const doc: unknown = parse(readFileSync(join(ROOT, file), 'utf8'));
    expect(formatErrors(schemaErrors(validate, doc))).toBe('');
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
      answers: [
        { value: 'phone', label: loc('Phone', '手机'), next: 'done' },
        { value: 'laptop', label: loc('Laptop', '电脑'), next: 'help' },
      ],
    },
  },
  outcomes: {
    done: { kind: 'fix', title: loc('Done', '完成'), steps: [loc('Retry', '重试')] },
    help: {
      kind: 'escalate',
      queue: 'general',
      title: loc('Help', '求助'),
      steps: [loc('Ask', '询问')],
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

interface Mutation {
  name: string;
  change: (doc: Doc) => void;
  /** A JSON pointer where the schema must report an error, to show it refuses for the right reason. */
  at: string;
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

const FLOW_MUTATIONS: Mutation[] = [
  { name: 'an unknown top-level key', change: (d) => (d.author = 'someone'), at: '' },
  { name: 'a title without zh', change: (d) => delete obj(d.title).zh, at: '/title' },
  { name: 'an English description of spaces only', change: (d) => (obj(d.description).en = '   '), at: '/description/en' },
  { name: 'a language other than en and zh', change: (d) => (obj(d.title).fr = 'Petit'), at: '/title' },
  { name: 'a flow id with capitals', change: (d) => (d.id = 'Tiny'), at: '/id' },
  { name: 'a question id with an underscore', change: (d) => renameNode(d, 'device', 'which_device'), at: '/questions' },
  { name: 'an outcome id with a double dash', change: (d) => renameNode(d, 'help', 'get--help'), at: '/outcomes' },
  { name: 'an answer value with a space', change: (d) => (obj(list(question(d, 'device').answers)[0]).value = 'my phone'), at: '/questions/device/answers/0/value' },
  { name: 'a fix with a queue', change: (d) => (outcome(d, 'done').queue = 'general'), at: '/outcomes/done/queue' },
  { name: 'an escalation without a queue', change: (d) => delete outcome(d, 'help').queue, at: '/outcomes/help' },
  {
    name: 'an alert without a queue',
    change: (d) => {
      outcome(d, 'help').kind = 'alert';
      delete outcome(d, 'help').queue;
    },
    at: '/outcomes/help' },
  { name: 'a fix with prepare', change: (d) => (outcome(d, 'done').prepare = [loc('Nothing', '无')]), at: '/outcomes/done/prepare' },
  { name: 'an unknown kind', change: (d) => (outcome(d, 'help').kind = 'refund'), at: '/outcomes/help/kind' },
  { name: 'an unknown queue', change: (d) => (outcome(d, 'help').queue = 'billing'), at: '/outcomes/help/queue' },
  { name: 'an empty prepare list', change: (d) => (outcome(d, 'help').prepare = []), at: '/outcomes/help/prepare' },
  { name: 'version 0', change: (d) => (d.version = 0), at: '/version' },
  { name: 'a fractional version', change: (d) => (d.version = 1.5), at: '/version' },
  { name: 'a version written as text', change: (d) => (d.version = '1'), at: '/version' },
  { name: 'a question with one answer only', change: (d) => list(question(d, 'device').answers).pop(), at: '/questions/device/answers' },
  { name: 'empty steps', change: (d) => (outcome(d, 'done').steps = []), at: '/outcomes/done/steps' },
  { name: 'a wrong value for a shared question', change: (d) => (obj(list(question(d, 'network').answers)[1]).value = 'slow'), at: '/questions/network/answers/1/value' },
  { name: 'a shared question missing a value', change: (d) => list(question(d, 'network').answers).pop(), at: '/questions/network/answers' },
  {
    name: 'a shared question repeating a value',
    change: (d) => (obj(list(question(d, 'network').answers)[1]).value = 'ok'),
    at: '/questions/network/answers',
  },
  {
    name: 'a shared question with an extra value',
    change: (d) => list(question(d, 'network').answers).push({ value: 'slow', label: loc('Slow', '慢'), next: 'done' }),
    at: '/questions/network/answers',
  },
  { name: 'an unknown key in an answer', change: (d) => (obj(list(question(d, 'device').answers)[0]).hint = 'x'), at: '/questions/device/answers/0' },
  { name: 'an unknown key in a question', change: (d) => (question(d, 'device').help = loc('Help', '帮助')), at: '/questions/device' },
  { name: 'an agent text without en', change: (d) => delete obj(question(d, 'network').agent).en, at: '/questions/network/agent' },
  { name: 'an answer without next', change: (d) => delete obj(list(question(d, 'device').answers)[1]).next, at: '/questions/device/answers/1' },
  { name: 'no outcomes', change: (d) => (d.outcomes = {}), at: '/outcomes' },
  { name: 'no tests', change: (d) => delete d.tests, at: '' },
  { name: 'an empty test list', change: (d) => (d.tests = []), at: '/tests' },
  { name: 'a test without expect', change: (d) => delete obj(list(d.tests)[0]).expect, at: '/tests/0' },
  { name: 'a test answer that is a number', change: (d) => (obj(obj(list(d.tests)[0]).answers).network = 3), at: '/tests/0/answers/network' },
  { name: 'an unknown key in a test', change: (d) => (obj(list(d.tests)[0]).skip = true), at: '/tests/0' },
  { name: 'an empty test name', change: (d) => (obj(list(d.tests)[0]).name = ''), at: '/tests/0/name' },
];

/** Variants both must accept: the schema must not be stricter than the validator. */
const FLOW_VARIANTS: Mutation[] = [
  { name: 'a $schema key', change: (d) => (d.$schema = '../schemas/flow.schema.json'), at: '' },
  {
    name: 'an alert with a queue and no prepare',
    change: (d) => {
      outcome(d, 'help').kind = 'alert';
      delete outcome(d, 'help').prepare;
    },
    at: '',
  },
  { name: 'no questions, starting at an outcome', change: (d) => Object.assign(d, { questions: {}, start: 'done', outcomes: { done: outcome(d, 'done') }, tests: [{ answers: {}, expect: 'done' }] }), at: '' },
  { name: 'shared values in another order', change: (d) => list(question(d, 'network').answers).reverse(), at: '' },
  { name: 'a digit-only id', change: (d) => renameNode(d, 'device', '2'), at: '' },
];

const DIRECTORY_MUTATIONS: Mutation[] = [
  { name: 'an unknown queue', change: (d) => (obj(provider(d).queues).billing = [phone(d)]), at: '/providers/0/queues' },
  { name: 'a bad channel type', change: (d) => (phone(d).type = 'fax'), at: '/providers/0/queues/payments/0/type' },
  { name: 'an http website', change: (d) => (provider(d).website = 'http://www.example.com/help'), at: '/providers/0/website' },
  { name: 'a website that is not a URL', change: (d) => (provider(d).website = 'www.example.com'), at: '/providers/0/website' },
  { name: 'a date without leading zeros', change: (d) => (obj(list(provider(d).exceptions)[0]).date = '2026-10-1'), at: '/providers/0/exceptions/0/date' },
  { name: 'a date that does not exist', change: (d) => (obj(list(provider(d).exceptions)[0]).date = '2026-02-30'), at: '/providers/0/exceptions/0/date' },
  { name: 'a channel without hours', change: (d) => delete phone(d).hours, at: '/providers/0/queues/payments/0' },
  { name: 'an exception without hours', change: (d) => delete obj(list(provider(d).exceptions)[0]).hours, at: '/providers/0/exceptions/0' },
  { name: 'a capitalized language tag', change: (d) => (phone(d).languages = ['EN']), at: '/providers/0/queues/payments/0/languages/0' },
  { name: 'an empty language list', change: (d) => (phone(d).languages = []), at: '/providers/0/queues/payments/0/languages' },
  { name: 'no providers', change: (d) => (d.providers = []), at: '/providers' },
  { name: 'a provider id with capitals', change: (d) => (provider(d).id = 'TinyWallet'), at: '/providers/0/id' },
  { name: 'example as text', change: (d) => (provider(d).example = 'yes'), at: '/providers/0/example' },
  { name: 'a provider without a time zone', change: (d) => delete provider(d).timezone, at: '/providers/0' },
  { name: 'a time zone written as an offset', change: (d) => (phone(d).timezone = '+08:00'), at: '/providers/0/queues/payments/0/timezone' },
  { name: 'a queue without channels', change: (d) => (obj(provider(d).queues).general = []), at: '/providers/0/queues/general' },
  { name: 'a cost without zh', change: (d) => delete obj(phone(d).cost).zh, at: '/providers/0/queues/payments/0/cost' },
  { name: 'an unknown key in a channel', change: (d) => (phone(d).email = 'x@example.com'), at: '/providers/0/queues/payments/0' },
  { name: 'an unknown top-level key', change: (d) => (d.version = 1), at: '' },
];

const DIRECTORY_VARIANTS: Mutation[] = [
  { name: 'a $schema key', change: (d) => (d.$schema = '../schemas/directory.schema.json'), at: '' },
  { name: 'no optional keys', change: (d) => (d.providers = [{ id: 'a', name: 'A', website: 'https://a.example', timezone: 'UTC', queues: { general: [{ type: 'web', value: 'https://a.example/help', hours: '24/7' }] } }]), at: '' },
  { name: 'no queues at all', change: (d) => (provider(d).queues = {}), at: '' },
  { name: 'an empty exception list', change: (d) => (provider(d).exceptions = []), at: '' },
  { name: 'an overnight range and a closed day', change: (d) => (phone(d).hours = 'Mo-Fr 22:00-02:00; Su off'), at: '' },
  { name: 'a legacy zone name with digits', change: (d) => (phone(d).timezone = 'EST5EDT'), at: '' },
];

function flowProblems(doc: Doc): string[] {
  return loadFlowText(stringify(doc), 'flows/tiny.yaml').problems.map((p) => `${p.line}:${p.column}: ${p.message}`);
}

function directoryProblems(doc: Doc): string[] {
  return loadDirectoryText(stringify(doc), 'dir.yaml').problems.map((p) => `${p.line}:${p.column}: ${p.message}`);
}

const formats = [
  { kind: 'flow', base: TINY_FLOW, validate: validateFlowSchema, load: flowProblems, mutations: FLOW_MUTATIONS, variants: FLOW_VARIANTS },
  { kind: 'directory', base: TINY_DIRECTORY, validate: validateDirectorySchema, load: directoryProblems, mutations: DIRECTORY_MUTATIONS, variants: DIRECTORY_VARIANTS },
];

describe.each(formats)('the $kind schema and the $kind validator', ({ base, validate, load, mutations, variants }) => {
  it('both accept the small valid document', () => {
    expect(load(clone(base))).toEqual([]);
    expect(formatErrors(schemaErrors(validate, clone(base)))).toBe('');
  });

  it('cover enough cases', () => {
    expect(mutations.length).toBeGreaterThanOrEqual(base === TINY_FLOW ? 12 : 6);
  });

  it.each(mutations)('both reject $name', ({ change, at }) => {
    const doc = clone(base);
    change(doc);
    expect(load(doc)).not.toEqual([]);
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
