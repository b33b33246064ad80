/**
 * Property tests (fast-check): random valid flows load and every path through
 * them ends in an outcome; random files never make the loader throw; random
 * answer maps give a result or a UsageError, never another error.
 */
import fc from 'fast-check';
import { stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { ContactBook } from '../src/diagnosis/contact-book.js';
import { diagnoseWith } from '../src/diagnosis/diagnosis.js';
import { loadDirectoryFile } from '../src/directory/load.js';
import { current, resolve, start, step, type Next, type Session } from '../src/engine/engine.js';
import { LANGS, OUTCOME_KINDS, QUEUES, SHARED_QUESTIONS, type Flow, type Lang, type Localized, type Outcome, type Question } from '../src/engine/types.js';
import { UsageError } from '../src/errors.js';
import { loadFlowText } from '../src/flows/load.js';
import { translator, type Translate } from '../src/i18n/i18n.js';
import { diagnose, type FlowSet } from '../src/lib.js';
import { BUNDLED_DIRECTORY_YAML } from '../src/paths.js';
import { Checker } from '../src/data/checker.js';
import { NEEDS_CAREFUL_PARSER, parseLocatedYaml } from '../src/data/located-yaml.js';
import { findJsonProblem, parseJson, parseStrictJson } from '../src/data/strict-json.js';
import { findSecretMention, screenDataText } from '../src/safety/data-text.js';
import { bundledFlows } from './helpers.js';
import { unsafeCharacter, untranslated } from '../src/data/checker.js';

/** Runs per property: enough to find shape bugs, small enough for the whole file to stay well under 20 s. */
const RUNS = { numRuns: 150 };
const SEED = process.env.FC_SEED === undefined ? {} : { seed: Number(process.env.FC_SEED) };

const PROTO_NAMES = Object.getOwnPropertyNames(Object.prototype).sort();
function expectPrototypesClean(): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTO_NAMES);
}

// ---------------------------------------------------------------------------
// Random valid flows

/**
 * Lowercase letters, digits and dashes, as ids and answer values must be; none that reads as a contact (a messaging
 * platform's short name beside a handle, "tg-0000a", or a number to call, "000000-1"), which an id must not be
 * (test/data-screening.test.ts).
 */
const kebab = fc
  .array(fc.stringMatching(/^[a-z0-9]{1,6}$/), { minLength: 1, maxLength: 3 })
  .map((parts) => parts.join('-'))
  // At most four digits (an answer value gains a fifth, "-1"), and no platform or calling word among its parts.
  // ("vx" and "qq" name WeChat and QQ even inside a word, as Chinese text glues them: "加vx…".)
  .filter((id) => (id.match(/\d/g)?.length ?? 0) <= 4 && !id.split('-').some((part) => CONTACT_WORDS.has(part)) && !/vx|qq/.test(id));
// (Every platform the screen names before an account, as src/safety/data-text.ts NAMED_ACCOUNT lists them: "wx-0aaa0-aaa"
// reads as a WeChat account, and a random id drew it.)
const CONTACT_WORDS = new Set(['tg', 'ig', 'fb', 'vx', 'wx', 'qq', 'wechat', 'weixin', 'telegram', 'whatsapp', 'line', 'signal', 'skype', 'discord', 'kakao', 'kakaotalk', 'viber', 'facebook', 'instagram', 'snapchat', 'threema', 'messenger', 'call', 'dial', 'phone', 'ring', 'dot', 'at', 'on']);

/**
 * Texts: any printable Unicode, and words that YAML would read as something else when written plainly;
 * valid ones, so none that the screening of data texts refuses (a random "0.AC" is a host name).
 */
const text = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom('yes', 'no', 'null', '~', 'true', '1e3', '0x1F', '- item', '&anchor', '*alias', '!tag', '# not a comment', 'key: value', '"quoted"', "'single'", '{a: 1}', '[1, 2]', '@at', '`tick', '%percent', '付款失败', 'مرحبا', 'line\nbreak') },
)
  // (Ending in no space: a flow is loaded without the line break a YAML block ends its texts with, test/validate-flow.test.ts.)
  // (Nor one with a character shown as nothing, refused in every text of a data file.)
  .filter((s) => s.trim() !== '' && s === s.trimEnd() && unsafeCharacter(s, true) === undefined && screenDataText(s, { contacts: true }).length === 0);
// A Chinese text that is an English sentence is refused as left untranslated: not one of a valid flow.
const localized: fc.Arbitrary<Localized> = fc.record({ en: text, zh: text.filter((s) => !untranslated(s)) });

/** The shape of a flow: question i leads only to later questions or to outcomes, so it is a DAG. */
interface Shape {
  questions: number;
  outcomes: number;
  /** For question j ≥ 1: a number whose remainder by j names its parent among the earlier questions. */
  questionParents: number[];
  /** For each outcome: a number whose remainder names its parent question. */
  outcomeParents: number[];
  /** For each question: extra answers, each a number naming a target among the later nodes. */
  extras: number[][];
}

const shape: fc.Arbitrary<Shape> = fc
  .integer({ min: 0, max: 6 })
  .chain((questions) =>
    fc.record({
      questions: fc.constant(questions),
      // With no question, start names an outcome, and only that one is reachable.
      outcomes: questions === 0 ? fc.constant(1) : fc.integer({ min: 1, max: 6 }),
      questionParents: fc.array(fc.nat(), { minLength: Math.max(0, questions - 1), maxLength: Math.max(0, questions - 1) }),
      outcomeParents: fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
      extras: fc.array(fc.array(fc.nat(), { maxLength: 2 }), { minLength: questions, maxLength: questions }),
    }),
  );

interface Generated {
  /** The flow as the loader must return it. */
  flow: Flow;
  /** The file content: what an author writes. */
  file: Record<string, unknown>;
}

const flowArb: fc.Arbitrary<Generated> = shape.chain((s) =>
  fc
    .record({
      id: kebab,
      version: fc.integer({ min: 1, max: 1_000_000 }),
      title: localized,
      description: localized,
      ids: fc.uniqueArray(kebab, { minLength: s.questions + s.outcomes, maxLength: s.questions + s.outcomes }).filter((ids) => ids.every((id) => !Object.hasOwn(SHARED_QUESTIONS, id))),
      questionTexts: fc.array(fc.record({ text: localized, agent: fc.option(localized, { nil: undefined }), valueBase: kebab }), { minLength: s.questions, maxLength: s.questions }),
      labels: fc.array(localized, { minLength: 20, maxLength: 20 }),
      outcomes: fc.array(
        fc.record({
          kind: fc.constantFrom(...OUTCOME_KINDS),
          queue: fc.constantFrom(...QUEUES),
          title: localized,
          steps: fc.array(localized, { minLength: 1, maxLength: 3 }),
          withAgent: fc.boolean(),
          agentSteps: fc.array(localized, { minLength: 3, maxLength: 3 }),
          // (An item that names a secret, "𝐏㏌љ" read as "PIN", is refused in what to have ready: not one of a valid flow.)
          prepare: fc.option(fc.array(localized.filter((l) => LANGS.every((lang) => findSecretMention(l[lang]) === undefined)), { minLength: 1, maxLength: 3 }), { nil: undefined }),
        }),
        { minLength: s.outcomes, maxLength: s.outcomes },
      ),
      testName: text,
    })
    .map((g): Generated => {
      const qIds = g.ids.slice(0, s.questions);
      const oIds = g.ids.slice(s.questions);
      const node = (i: number) => (i < s.questions ? qIds[i]! : oIds[i - s.questions]!);
      // Edges: every node but the start gets a parent, so every node is reachable.
      const targets: number[][] = qIds.map(() => []);
      s.questionParents.forEach((p, k) => targets[p % (k + 1)]!.push(k + 1));
      for (let o = 0; o < s.outcomes; o++) if (s.questions > 0) targets[s.outcomeParents[o]! % s.questions]!.push(s.questions + o);
      // Then at least two answers each, the extras leading forward only.
      targets.forEach((list, i) => {
        const later = s.questions + s.outcomes - (i + 1);
        const extra = [...s.extras[i]!];
        while (list.length + extra.length < 2) extra.push(list.length + extra.length);
        for (const e of extra) list.push(i + 1 + (e % later));
      });
      const questions: Record<string, Question> = {};
      const fileQuestions: Record<string, unknown> = {};
      qIds.forEach((id, i) => {
        const q = g.questionTexts[i]!;
        // Labels end with the answer's number: two answers of a question must not look alike on screen.
        const numbered = (l: Localized, k: number): Localized => ({ en: `${l.en} ${k + 1}`, zh: `${l.zh} ${k + 1}` });
        const answers = targets[i]!.map((target, k) => ({ value: k === 0 ? q.valueBase : `${q.valueBase}-${k}`, label: numbered(g.labels[(i * 3 + k) % 20]!, k), next: node(target) }));
        questions[id] = { id, text: q.text, ...(q.agent ? { agent: q.agent } : {}), answers };
        fileQuestions[id] = { text: q.text, ...(q.agent ? { agent: q.agent } : {}), answers };
      });
      const outcomes: Record<string, Outcome> = {};
      const fileOutcomes: Record<string, unknown> = {};
      oIds.forEach((id, i) => {
        const o = g.outcomes[i]!;
        const escalates = o.kind !== 'fix';
        const body = {
          kind: o.kind,
          title: o.title,
          steps: o.steps,
          ...(o.withAgent ? { agent: o.agentSteps.slice(0, o.steps.length) } : {}),
          ...(escalates ? { queue: o.queue } : {}),
          ...(escalates && o.prepare ? { prepare: o.prepare } : {}),
        };
        outcomes[id] = { id, ...body };
        fileOutcomes[id] = body;
      });
      // One test: the first answers all the way down.
      const startId = node(0);
      const answers: Record<string, string> = {};
      let here = startId;
      while (Object.hasOwn(questions, here)) {
        const first = questions[here]!.answers[0]!;
        answers[here] = first.value;
        here = first.next;
      }
      const tests = [{ name: g.testName, answers, expect: here }];
      const file = { id: g.id, version: g.version, title: g.title, description: g.description, start: startId, questions: fileQuestions, outcomes: fileOutcomes, tests };
      return { flow: { id: g.id, version: g.version, title: g.title, description: g.description, start: startId, questions, outcomes, tests }, file };
    }),
);

/** YAML as an author writes it: shared texts written out, not as anchors and aliases (which flows refuse). */
function toYaml(value: unknown): string {
  return stringify(value, { aliasDuplicateObjects: false });
}

/** Every path from the start, walked with the engine; each must end in an outcome within as many steps as there are questions. */
function walkAll(flow: Flow): { paths: { answers: Record<string, string>; outcome: string }[]; questions: Set<string> } {
  const paths: { answers: Record<string, string>; outcome: string }[] = [];
  const seen = new Set<string>();
  const limit = Object.keys(flow.questions).length;
  const visit = (next: Next, answers: Record<string, string>) => {
    if (next.session.path.length > limit) throw new Error(`a path longer than the number of questions: ${JSON.stringify(next.session.path)}`);
    if (next.type === 'outcome') {
      paths.push({ answers, outcome: next.outcome.id });
      return;
    }
    seen.add(next.question.id);
    for (const a of next.question.answers) visit(step(flow, next.session, a.value), { ...answers, [next.question.id]: a.value });
  };
  const session: Session = start(flow);
  visit(current(flow, session), {});
  return { paths, questions: seen };
}

describe('random valid flows', () => {
  it('load from YAML and JSON as exactly the flow written, and every path ends in an outcome', () => {
    fc.assert(
      fc.property(flowArb, ({ flow, file }) => {
        for (const [name, serialised] of [[`flows/${flow.id}.yaml`, toYaml(file)], [`flows/${flow.id}.json`, JSON.stringify(file, null, 2)]] as const) {
          const loaded = loadFlowText(serialised, name);
          expect(loaded.problems, serialised).toEqual([]);
          expect(loaded.flow).toEqual(flow);
        }
        const { paths, questions } = walkAll(flow);
        // Every question is asked on some path and every outcome reached: the tree has no dead parts.
        expect([...questions].sort()).toEqual(Object.keys(flow.questions).sort());
        expect([...new Set(paths.map((p) => p.outcome))].sort()).toEqual(Object.keys(flow.outcomes).sort());
        for (const p of paths) {
          // Answers given up front reach the same outcome as answering one by one.
          const resolved = resolve(flow, p.answers);
          expect(resolved.type).toBe('outcome');
          expect(resolved.type === 'outcome' && resolved.outcome.id).toBe(p.outcome);
        }
        // Fewer answers than a path needs stop at a question, never throw.
        for (const p of paths) {
          const keys = Object.keys(p.answers);
          if (keys.length === 0) continue;
          const partial = Object.fromEntries(keys.slice(0, -1).map((k) => [k, p.answers[k]!]));
          expect(resolve(flow, partial).type).toBe('question');
        }
      }),
      { ...RUNS, ...SEED },
    );
  });
});

// ---------------------------------------------------------------------------
// Random files

function expectProblemsOrFlow(result: { flow?: Flow; problems: { file: string; line: number; column: number; message: string }[] }, file: string, source: string): void {
  expect(Array.isArray(result.problems)).toBe(true);
  if (result.flow) {
    expect(result.problems).toEqual([]);
    return;
  }
  expect(result.problems.length).toBeGreaterThan(0);
  const lines = source.split(/\r\n|\r|\n/).length;
  for (const p of result.problems) {
    expect(p.file).toBe(file);
    expect(Number.isInteger(p.line) && p.line >= 1 && p.line <= lines + 1, `line ${p.line} of ${lines}: ${p.message}`).toBe(true);
    expect(Number.isInteger(p.column) && p.column >= 1, `column ${p.column}: ${p.message}`).toBe(true);
    expect(typeof p.message).toBe('string');
    expect(p.message.trim()).not.toBe('');
  }
}

/** Loads any text as a flow file; a throw fails the property with the text that caused it. */
function load(source: string, file = 'flows/random.yaml', lang: Lang = 'en') {
  try {
    return loadFlowText(source, file, lang);
  } catch (err) {
    throw new Error(`loadFlowText threw for ${JSON.stringify(source.slice(0, 500))}: ${(err as Error).stack}`, { cause: err });
  }
}

/** Characters that matter to YAML, so random text often is almost YAML. */
const yamlish = fc.string({ unit: fc.constantFrom(...'abc-: \n\t[]{},&*!|>\'"%@`#?~0129.\\\r\u00a0\ufeff'.split('')), maxLength: 200 });

describe('random files never make the loader throw', () => {
  it('arbitrary strings: problems with file, line and column ≥ 1, or a flow', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), yamlish, fc.string({ maxLength: 300 })), fc.constantFrom<Lang>('en', 'zh'), (source, lang) => {
        expectProblemsOrFlow(load(source, 'flows/random.yaml', lang), 'flows/random.yaml', source);
      }),
      { numRuns: 400, ...SEED },
    );
    expectPrototypesClean();
  });

  it('arbitrary JSON values, written as YAML and as JSON', () => {
    const keys = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'questions', 'outcomes', 'answers', 'next', 'en', 'zh', 'toString'));
    const value = fc.letrec<{ v: unknown }>((tie) => ({
      v: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null)),
        fc.array(tie('v'), { maxLength: 4 }),
        fc.dictionary(keys, tie('v'), { maxKeys: 5 }),
      ),
    })).v;
    fc.assert(
      fc.property(value, (v) => {
        const asJson = JSON.stringify(v) ?? 'null';
        for (const source of [toYaml(v), asJson]) expectProblemsOrFlow(load(source), 'flows/random.yaml', source);
        expectPrototypesClean();
      }),
      { numRuns: 300, ...SEED },
    );
  });

  type Mutation = { op: 'delete' | 'insert' | 'duplicate-line' | 'swap-lines' | 'indent' | 'truncate' | 'replace-scalar'; at: number; other: number; text: string };
  const mutation: fc.Arbitrary<Mutation> = fc.record({
    op: fc.constantFrom('delete', 'insert', 'duplicate-line', 'swap-lines', 'indent', 'truncate', 'replace-scalar'),
    at: fc.nat(),
    other: fc.nat(),
    text: fc.oneof(yamlish.map((s) => s.slice(0, 20)), fc.constantFrom('__proto__: {polluted: 1}', 'constructor:', '&a x', '*a', '!!js/function f', '<<: *a', '? complex', '---\n', '...\n', 'null', '[', '{', '"', "'")),
  });

  function mutate(source: string, m: Mutation): string {
    const lines = source.split('\n');
    const pos = source.length === 0 ? 0 : m.at % source.length;
    const line = lines.length === 0 ? 0 : m.at % lines.length;
    const other = lines.length === 0 ? 0 : m.other % lines.length;
    switch (m.op) {
      case 'delete':
        return source.slice(0, pos) + source.slice(pos + 1 + (m.other % 40));
      case 'insert':
        return source.slice(0, pos) + m.text + source.slice(pos);
      case 'duplicate-line':
        return [...lines.slice(0, line + 1), lines[line] ?? '', ...lines.slice(line + 1)].join('\n');
      case 'swap-lines': {
        const copy = [...lines];
        [copy[line], copy[other]] = [copy[other] ?? '', copy[line] ?? ''];
        return copy.join('\n');
      }
      case 'indent':
        return lines.map((l, i) => (i === line ? ' '.repeat(m.other % 5) + l.trimStart() : l)).join('\n');
      case 'truncate':
        return source.slice(0, pos);
      case 'replace-scalar':
        return lines.map((l, i) => (i === line ? l.replace(/:\s.*$/, `: ${m.text}`) : l)).join('\n');
    }
  }

  it('mutations of a valid flow: a flow or located problems, and the flow, when there is one, still walks to outcomes', () => {
    fc.assert(
      fc.property(flowArb, fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.boolean(), ({ flow, file }, mutations, asJson) => {
        let source = asJson ? JSON.stringify(file, null, 1) : toYaml(file);
        for (const m of mutations) source = mutate(source, m);
        const name = `flows/${flow.id}.yaml`;
        const result = load(source, name);
        expectProblemsOrFlow(result, name, source);
        // A mutation can leave a valid flow (a changed text, say): the engine must still walk all of it.
        if (result.flow) walkAll(result.flow);
        expectPrototypesClean();
      }),
      { numRuns: 300, ...SEED },
    );
  });
});

// ---------------------------------------------------------------------------
// Random answers

describe('the checker\'s fast answers', () => {
  it('accept a value exactly when the reporting check finds nothing wrong with it', () => {
    // Values made of what the checks look at: blank, unsafe and multi-line texts, a contact, a secret
    // request, ids, keys that are allowed or not, lists, mappings and other types.
    const texts = fc.constantFrom('Check your network.', '', '  ', 'a\nb', 'a\tb', 'x\u001b[2J', 'a\u202eb', 'Call +1 415 555 0100', 'Tell me your recovery phrase', 'reset', 'fix-1', 'a-b-c-d-e-f-g', 'BAD_ID', '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef');
    const keys = fc.constantFrom('en', 'zh', 'text', 'answers', 'kind', 'x', 'k\u0007');
    const value: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
      v: fc.oneof(
        { depthSize: 'small' },
        texts,
        fc.constantFrom(1, null, true, undefined),
        fc.array(tie('v'), { maxLength: 3 }),
        fc.dictionary(keys, tie('v'), { maxKeys: 4 }),
        // Texts in both languages, the shape most values have: what decides is then the texts themselves.
        fc.record({ en: texts, zh: texts }),
      ),
    })).v;
    // One screen for every checker, as in a run: what one checker learnt of a text (remembered per screen) serves the next.
    const screen = (t: string) => screenDataText(t, { contacts: true });
    const checker = () => new Checker(parseLocatedYaml('{}', 'x.json').doc, 'en', screen);
    const allowed = ['text', 'answers', 'en'];
    const required = ['text'];
    fc.assert(
      fc.property(value, (v) => {
        const reported = (check: (c: Checker) => unknown) => {
          const c = checker();
          const result = check(c);
          return c.problems.length === 0 && result !== undefined ? result : undefined;
        };
        expect(checker().goodLocalized(v), 'localized').toBe(reported((c) => c.localized(v, [], 'what.flowTitle')));
        expect(checker().goodObject(v, allowed, required), 'object').toBe(reported((c) => c.object(v, [], 'what.flowTitle', allowed, required)));
        expect(checker().goodId(v), 'id').toBe(reported((c) => c.id(v, [], 'what.flowId')));
        expect(checker().goodMap(v), 'map').toBe(reported((c) => c.map(v, [], 'what.questions')));
      }),
      { ...RUNS, numRuns: 1000, ...SEED },
    );
  });
});

describe('what sends YAML to the careful parser', () => {
  it('is found exactly as its readable form finds it', () => {
    // The readable form of NEEDS_CAREFUL_PARSER (src/data/located-yaml.ts), which is written to search fast.
    const readable = /(?:^|[\s,[{:-])[&*!][^\s,\]}]|(?:^|[\s,[{])\?(?:[ \t\n]|$)|(?:^|[\n,{])[ \t]*[[{]|(?:^|[\s,[{:-])[-+]?0b[01]+(?=[\s,\]}#]|$)/;
    const text = fc.array(fc.constantFrom('&', '*', '!', '?', '[', '{', ']', '}', ',', ':', '-', '+', '#', '0', '1', 'b', 'a', ' ', '\t', '\n', '\r'), { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(NEEDS_CAREFUL_PARSER.test(t), JSON.stringify(t)).toBe(readable.test(t));
      }),
      { ...RUNS, numRuns: 20_000, ...SEED },
    );
  });
});

describe('strict JSON', () => {
  it('finds a repeated key exactly when the grammar walk does, whatever colons and escapes the texts hold', () => {
    // Texts made of the characters that matter to the count: colons, quotes, backslashes, the escape of a colon.
    const text = fc.array(fc.constantFrom('a', ':', '"', '\\', '\u003a', ' ', '{', '}', 'é'), { maxLength: 6 }).map((parts) => parts.join(''));
    const keys = fc.constantFrom('k', 'k:', ':', 'a');
    const json: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
      value: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        text.map((t) => JSON.stringify(t)),
        fc.array(tie('value'), { maxLength: 3 }).map((items) => `[${items.join(',')}]`),
        // Keys are written as JSON.stringify would, or with the colon escaped: both spell the same key.
        fc.array(fc.tuple(keys, fc.boolean(), tie('value')), { maxLength: 4 }).map((entries) => `{${entries.map(([k, escaped, v]) => `${escaped ? JSON.stringify(k).replaceAll(':', '\\u003a') : JSON.stringify(k)}:${v}`).join(',')}}`),
      ),
    })).value;
    fc.assert(
      fc.property(json, (source) => {
        const walked = findJsonProblem(source);
        const parsed = parseStrictJson(source);
        expect('problem' in parsed ? parsed.problem : undefined).toEqual(walked);
        expect(parseJson(source)?.repeatsKey).toBe(walked?.kind === 'duplicate');
      }),
      { ...RUNS, numRuns: 1000, ...SEED },
    );
  });
});

describe('random answer maps', () => {
  let flows: Map<string, Flow>;
  let contacts: (lang: Lang, now: Date) => ContactBook;
  let translators: Record<Lang, Translate>;
  beforeAll(async () => {
    translators = { en: await translator('en'), zh: await translator('zh') };
    flows = new Map((await bundledFlows()).map((f) => [f.id, f]));
    const { directory, problems } = await loadDirectoryFile(BUNDLED_DIRECTORY_YAML);
    if (!directory) throw new Error(`the bundled directory has problems: ${JSON.stringify(problems)}`);
    contacts = (lang, now) => new ContactBook(directory, directory.providers[0]!, { lang, t: translators[lang], now });
  });

  const oddKeys = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf', ''];

  /** A request: often a real path of a real flow, then shaken: answers dropped, added, changed. */
  const request = fc.record({
    flowPick: fc.nat(),
    flowOverride: fc.option(fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom(...oddKeys), kebab), { freq: 5, nil: undefined }),
    choices: fc.array(fc.nat(), { maxLength: 10 }),
    drop: fc.array(fc.nat(), { maxLength: 2 }),
    add: fc.array(fc.tuple(fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom(...oddKeys), kebab), fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom(...oddKeys), kebab)), { maxLength: 2 }),
    change: fc.option(fc.tuple(fc.nat(), fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom(...oddKeys))), { freq: 4, nil: undefined }),
    lang: fc.constantFrom<Lang>('en', 'zh'),
    now: fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-12-31T23:59:59Z'), noInvalidDate: true }),
    withContacts: fc.boolean(),
  });

  type Request = typeof request extends fc.Arbitrary<infer T> ? T : never;
  function build(r: Request): { flowId: string; answers: Record<string, string> } {
    const ids = [...flows.keys()];
    const flow = flows.get(ids[r.flowPick % ids.length]!)!;
    // Walk a real path by the choices.
    const entries: [string, string][] = [];
    let next = current(flow, start(flow));
    for (const c of r.choices) {
      if (next.type !== 'question') break;
      const a = next.question.answers[c % next.question.answers.length]!;
      entries.push([next.question.id, a.value]);
      next = step(flow, next.session, a.value);
    }
    for (const d of r.drop) if (entries.length > 0) entries.splice(d % entries.length, 1);
    if (r.change && entries.length > 0) entries[r.change[0] % entries.length]![1] = r.change[1];
    entries.push(...r.add);
    // Own keys, __proto__ included, as JSON.parse would give them.
    const answers = Object.fromEntries(entries) as Record<string, string>;
    return { flowId: r.flowOverride ?? flow.id, answers };
  }

  it('diagnoseWith gives a result that fits the answers, or throws a UsageError, never another error', () => {
    fc.assert(
      fc.property(request, (r) => {
        const { flowId, answers } = build(r);
        const env = { lang: r.lang, t: translators[r.lang], now: r.now };
        let result;
        try {
          result = diagnoseWith(env, flows, flowId, answers, r.withContacts ? contacts(r.lang, r.now) : undefined);
        } catch (err) {
          if (err instanceof UsageError) {
            expect(['unknown_flow', 'unknown_question', 'invalid_value', 'missing_answer']).toContain(err.code);
            return;
          }
          throw new Error(`diagnoseWith(${JSON.stringify(flowId)}, ${JSON.stringify(answers)}) threw ${(err as Error).stack}`, { cause: err });
        }
        const flow = flows.get(flowId)!;
        expect(result.flow).toBe(flow.id);
        expect(Object.hasOwn(flow.outcomes, result.outcome.id)).toBe(true);
        // The path uses the answers given, and only those.
        for (const p of result.path) expect(answers[p.question]).toBe(p.answer);
        expect(result.path.length).toBe(Object.keys(answers).length);
        if (r.withContacts && result.outcome.kind !== 'fix') expect(result.outcome.contact ?? result.warnings).toBeTruthy();
        expectPrototypesClean();
      }),
      { numRuns: 500, ...SEED },
    );
  });

  it('the public diagnose() with any JSON values as answers (JavaScript callers): a result or a UsageError', async () => {
    const set: FlowSet = { flows, sources: new Map([...flows.keys()].map((id) => [id, 'bundled'])), problems: [] };
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...flows.keys()),
        fc.dictionary(fc.oneof(kebab, fc.constantFrom(...oddKeys)), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
        async (flow, answers) => {
          try {
            await diagnose(set, { flow, answers: answers as Record<string, string> }, { now: new Date('2026-11-20T10:00:00Z') });
          } catch (err) {
            if (err instanceof UsageError) return;
            throw new Error(`diagnose(${flow}, ${JSON.stringify(answers)}) threw ${(err as Error).stack}`, { cause: err });
          }
        },
      ),
      { numRuns: 100, ...SEED },
    );
  });
});
