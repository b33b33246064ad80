import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { formatProblem, parseLocatedYaml, decodeUtf8 } from '../src/data/located-yaml.js';
import { loadFlowText } from '../src/flows/load.js';

const GOOD = `id: tiny
version: 1
title: { en: Tiny, zh: 小 }
description: { en: A tiny flow, zh: 小流程 }
start: network
questions:
  network:
    text: { en: Network?, zh: 网络？ }
    answers:
      - { value: ok, label: { en: OK, zh: 正常 }, next: done }
      - { value: unstable, label: { en: Unstable, zh: 不稳定 }, next: done }
      - { value: offline, label: { en: Offline, zh: 断网 }, next: help }
outcomes:
  done:
    kind: fix
    title: { en: Done, zh: 完成 }
    steps:
      - { en: Retry, zh: 重试 }
  help:
    kind: escalate
    queue: general
    title: { en: Help, zh: 求助 }
    steps:
      - { en: Ask, zh: 询问 }
tests:
  - { answers: { network: ok }, expect: done }
`;

function problems(text: string, file = 'flows/tiny.yaml'): string[] {
  return loadFlowText(text, file).problems.map(formatProblem);
}

describe('flow validation', () => {
  it('accepts a correct flow', () => {
    const r = loadFlowText(GOOD, 'flows/tiny.yaml');
    expect(r.problems).toEqual([]);
    expect(r.flow?.questions.network?.answers.map((a) => a.value)).toEqual(['ok', 'unstable', 'offline']);
  });

  it('reports an unknown target at the next: value, suggesting the id it was probably meant to be', () => {
    expect(problems(GOOD.replace('next: help', 'next: hepl'))).toEqual([
      'flows/tiny.yaml:12:65: answer "offline" leads to "hepl", which is neither a question nor an outcome of this flow; did you mean "help"?',
    ]);
    expect(problems(GOOD.replace('next: help', 'next: nowhere'))).toEqual([
      'flows/tiny.yaml:12:65: answer "offline" leads to "nowhere", which is neither a question nor an outcome of this flow',
    ]);
    expect(problems(GOOD.replace('start: network', 'start: netwrok'))).toEqual([
      'flows/tiny.yaml:5:8: start names "netwrok", which is neither a question nor an outcome of this flow; did you mean "network"?',
    ]);
    // Sharing a word with an id is no reason to suggest it: many ids of a flow share "fix-" or "escalate-".
    expect(problems(GOOD.replace('next: help', 'next: help-desk')).join('\n')).not.toContain('did you mean');
  });

  it('reports an unreachable node at its key', () => {
    const text = GOOD.replace('next: help }', 'next: done }');
    expect(problems(text)).toEqual(['flows/tiny.yaml:19:3: outcome "help" cannot be reached from start "network"; link an answer to it or remove it']);
  });

  it('reports a cycle with the loop it makes', () => {
    const text = GOOD.replace('next: help }', 'next: network }').replace(/ {2}help:[\s\S]*?(?=tests:)/, '');
    expect(problems(text).join('\n')).toMatch(/tiny.yaml:12:\d+: answer "offline" leads back to "network", making a loop \(network → network\)/);
  });

  it('reports a missing translation at the text', () => {
    expect(problems(GOOD.replace('text: { en: Network?, zh: 网络？ }', 'text: { en: Network? }'))).toEqual([
      'flows/tiny.yaml:8:11: the text of question "network" is missing its Chinese text ("zh:")',
    ]);
  });

  it('says a misspelt language key once, as the key it likely means, not also as that language missing (QA: author #3)', () => {
    for (const [written, key, meant] of [['{ en: Network?, hz: 网络？ }', 'hz', 'zh'], ['{ eng: Network?, zh: 网络？ }', 'eng', 'en'], ['{ En: Network?, zh: 网络？ }', 'En', 'en'],
      // Another name of the language, too far in spelling to be a typo (QA: UX review).
      ['{ en: Network?, cn: 网络？ }', 'cn', 'zh'], ['{ en: Network?, zh-CN: 网络？ }', 'zh-CN', 'zh'], ['{ english: Network?, zh: 网络？ }', 'english', 'en'], ['{ en: Network?, 中文: 网络？ }', '中文', 'zh']]) {
      const found = problems(GOOD.replace('text: { en: Network?, zh: 网络？ }', `text: ${written}`));
      expect(found, written).toHaveLength(1);
      expect(found[0], written).toMatch(new RegExp(`unknown key "${key}" in the text of question "network"; did you mean "${meant}"\\?`));
    }
    // A language missing with nothing in its place is still said.
    expect(problems(GOOD.replace('text: { en: Network?, zh: 网络？ }', 'text: { en: Network?, note: x }'))).toHaveLength(2);
  });

  it('drops the line break a YAML block ends its text with, which JSON and the screen would carry (QA: author #10)', () => {
    const text = GOOD.replace('      - { en: Retry, zh: 重试 }', '      - en: |\n          Retry once,\n          then wait.\n        zh: >\n          重试一次，\n          然后等待。\n');
    const { flow, problems: found } = loadFlowText(text, 'flows/tiny.yaml');
    expect(found).toEqual([]);
    expect(flow?.outcomes.done?.steps).toEqual([{ en: 'Retry once,\nthen wait.', zh: '重试一次， 然后等待。' }]);
    // A text without one is the very object the file gave.
    expect(flow?.outcomes.help?.steps[0]).toEqual({ en: 'Ask', zh: '询问' });
  });

  it('requires a queue for escalations and lets a fix name one to turn to, but never prepare', () => {
    expect(problems(GOOD.replace('    queue: general\n', ''))).toEqual([
      'flows/tiny.yaml:20:5: outcome "help" is an escalation and needs the support queue it goes to: queue: payments | account | security | general',
    ]);
    const withQueue = loadFlowText(GOOD.replace('    kind: fix\n', '    kind: fix\n    queue: payments\n'), 'flows/tiny.yaml');
    expect(withQueue.problems).toEqual([]);
    expect(withQueue.flow?.outcomes.done).toMatchObject({ kind: 'fix', queue: 'payments' });
    expect(problems(GOOD.replace('    kind: fix\n', '    kind: fix\n    queue: billing\n'))[0]).toMatch(/^flows\/tiny\.yaml:16:12: the queue of outcome "done" must be one of/);
    expect(problems(GOOD.replace('    kind: fix\n', '    kind: fix\n    prepare: [{ en: X, zh: X }]\n'))).toEqual([
      'flows/tiny.yaml:16:5: outcome "done" is a fix: "prepare" is only for escalate and alert outcomes',
    ]);
  });

  it('reports duplicate keys and duplicate node ids', () => {
    expect(problems(GOOD.replace('  help:\n', '  done:\n'))[0]).toBe('flows/tiny.yaml:19:3: the key "done" appears twice in the same mapping; keep one');
    const both = GOOD.replace('outcomes:\n', 'outcomes:\n  network:\n    kind: fix\n    title: { en: X, zh: X }\n    steps: [{ en: X, zh: X }]\n');
    expect(problems(both)).toContain('flows/tiny.yaml:14:3: "network" is both a question and an outcome; node ids must be unique');
  });

  it('says keys repeated after a key with no value as that key indented wrongly, once (QA: UX review)', () => {
    // "agent:" indented under "text:", its texts at the same level: not "en" and "zh" each appearing twice.
    const nested = GOOD.replace('    text: { en: Network?, zh: 网络？ }\n', '    text:\n      en: Network?\n      zh: 网络？\n      agent:\n      en: Ask the caller.\n      zh: 请询问来电者。\n');
    expect(problems(nested)).toEqual(['flows/tiny.yaml:11:7: the key "agent" has no value, and the keys after it (en, zh) repeat keys above it: they likely belong under "agent" and need more indentation than it, or "agent" is indented a level too far']);
    expect(loadFlowText(nested, 'flows/tiny.yaml', 'zh').problems.map(formatProblem)).toEqual(['flows/tiny.yaml:11:7: 键“agent”没有值，而它后面的键（en、zh）与上面的键重复：它们很可能属于“agent”，应比它多缩进一级；或者“agent”本身多缩进了一级']);
    // A key repeated with no empty key between is a repeat as before.
    expect(problems(GOOD.replace('    text: { en: Network?, zh: 网络？ }\n', '    text:\n      en: Network?\n      zh: 网络？\n      en: Again\n'))).toEqual(['flows/tiny.yaml:11:7: the key "en" appears twice in the same mapping; keep one']);
  });

  it('holds shared questions to their contract values', () => {
    const text = GOOD.replace('{ value: unstable, label: { en: Unstable, zh: 不稳定 }, next: done }', '{ value: slow, label: { en: Slow, zh: 慢 }, next: done }');
    expect(problems(text)).toEqual(['flows/tiny.yaml:10:7: "network" is a shared question: its answers must be exactly ok, unstable, offline, so scripts can rely on them']);
  });

  it('rejects unknown keys, wrong types and a wrong id', () => {
    const text = GOOD.replace('version: 1', 'version: "one"\ncolour: red').replace('id: tiny', 'id: other');
    expect(problems(text)).toEqual([
      'flows/tiny.yaml:3:1: unknown key "colour" in a flow file; allowed keys: $schema, id, version, title, description, start, questions, outcomes, tests',
      'flows/tiny.yaml:1:5: the flow id "other" must match its file name "tiny.yaml"; rename one of them',
      'flows/tiny.yaml:2:10: version must be a whole number of at least 1, not the text "one"',
    ]);
  });

  it('says what to do about the usual YAML mistakes, once, at the line where the parser stopped (QA: operator)', () => {
    const one = (text: string) => {
      const found = problems(text);
      expect(found).toHaveLength(1);
      return found[0];
    };
    // A tab, and a key indented one column too far: one problem each, not one for every later line of the mapping.
    expect(one(GOOD.replace('    text: { en: Network?', '\ttext: { en: Network?'))).toBe('flows/tiny.yaml:8:1: this line is indented with a tab; YAML indents with spaces only');
    expect(one(GOOD.replace('    text: { en: Network?', '     text: { en: Network?'))).toMatch(
      /^flows\/tiny\.yaml:9:5: the indentation here does not line up: the keys of one mapping, and the items of one list, must start at the same column;/,
    );
    expect(one(GOOD.replace('- { en: Retry, zh: 重试 }', '- en: Retry: now\n        zh: 重试'))).toMatch(/^flows\/tiny\.yaml:\d+:\d+: YAML reads "key: value" inside a value here: if the text contains ": " \(a colon and a space\), put the whole text in quotes;/);
    // A no-break or full-width space after the colon looks exactly like "key: value": said as that (QA: UX review).
    expect(one(GOOD.replace('start: network', 'start:\u00a0network'))).toBe('flows/tiny.yaml:5:1: the space after the colon here is a special space (U+00A0, as pasted from a web page or a document), which YAML does not read as one: type a plain space after the colon');
    // A value that goes on to a line of "key: value" is placed at that line's key, not at the value above it (QA: UX review).
    expect(one(GOOD.replace('title: { en: Tiny, zh: 小 }', 'title:\n  en: Tiny\n    zh: 小'))).toMatch(/^flows\/tiny\.yaml:5:5: YAML reads "key: value" inside a value here/);
    expect(one(GOOD.replace('title: { en: Tiny, zh: 小 }', 'title: { en: Note: tiny, zh: 小 }'))).toBe(
      'flows/tiny.yaml:3:14: a text inside { } or [ ] contains ": " (a colon and a space), which YAML reads as a key there: put the text in quotes, like { en: "Note: …", zh: … }',
    );
    expect(one(GOOD.replace('start: network', 'start network'))).toMatch(/^flows\/tiny\.yaml:\d+:1: this line is neither "key: value" nor a list item/);
    // Placed at the bracket that opened it, not on the line after, where the parser found out.
    expect(one(GOOD.replace('title: { en: Tiny, zh: 小 }', 'title: { en: Tiny, zh: 小 '))).toMatch(/^flows\/tiny\.yaml:3:8: a list in \[ \] or a mapping in \{ \} is not closed: add the missing "\}"/);
    expect(one(GOOD.replace('title: { en: Tiny, zh: 小 }', 'title: [Tiny, [小]'))).toMatch(/^flows\/tiny\.yaml:3:8: a list in \[ \] or a mapping in \{ \} is not closed: add the missing "\]"/);
    expect(one(GOOD.replace('label: { en: OK, zh: 正常 }', 'label: { en: OK, zh: [正常 }'))).toMatch(/^flows\/tiny\.yaml:10:43: a list in \[ \] or a mapping in \{ \} is not closed/);
    expect(one(GOOD.replace('title: { en: Tiny, zh: 小 }', 'title: { en: @Tiny, zh: 小 }'))).toBe('flows/tiny.yaml:3:14: a text cannot start with "@" unless it is quoted: put the value in quotes');
    expect(one(GOOD.replace('title: { en: Tiny, zh: 小 }', 'title: { en: "Tiny, zh: 小 }'))).toMatch(/: a text opened with " is never closed: add the closing " where the text ends/);
    // Placed at the quote that opened it, not where the text ran out at the end of the line (QA: author #10).
    expect(one(GOOD.replace('title: { en: Tiny, zh: 小 }', 'title: { en: "Tiny, zh: 小 }'))).toBe('flows/tiny.yaml:3:14: a text opened with " is never closed: add the closing " where the text ends');
    expect(one(GOOD.replace('label: { en: OK, zh: 正常 }', 'label: { en: "O\\"K, zh: 正常 }'))).toMatch(/^flows\/tiny\.yaml:10:35: a text opened with " is never closed/);
    expect(one(GOOD.replace('start: network', "start: 'net''work"))).toMatch(/^flows\/tiny\.yaml:\d+:8: a text opened with ' is never closed/);
    expect(loadFlowText(GOOD.replace('title: { en: Tiny, zh: 小 }', 'title: { en: "Tiny, zh: 小 }'), 'flows/tiny.yaml', 'zh').problems[0]!.message).toBe('以 " 开始的文本没有结束：请在文本结尾处补上 "');
    // A key without ": " before its text, most often in Chinese: "zh:网络", "zh 网络", "zh：网络" (QA: author).
    for (const key of ['zh:网络？', 'zh 网络？', 'zh：网络？']) {
      const found = one(GOOD.replace('    text: { en: Network?, zh: 网络？ }', `    text:\n      en: Network?\n      ${key}`));
      expect(found, key).toMatch(/^flows\/tiny\.yaml:\d+:\d+: a key here has no ": " \(a colon and a space\) before its value: write "key: value", with an ASCII colon ":" \(not "："\)/);
    }
    // In the author's language too; and what no advice fits is passed on as the parser says it.
    expect(loadFlowText(GOOD.replace('    text: { en: Network?', '\ttext: { en: Network?'), 'flows/tiny.yaml', 'zh').problems.map(formatProblem)).toEqual([
      'flows/tiny.yaml:8:1: 这一行用了制表符（Tab）缩进；YAML 只能用空格缩进',
    ]);
    // Text after a closing quote, as when an address is pasted with its name in quotes (QA: directory authors).
    expect(one(GOOD.replace('start: network', 'start: "network" now'))).toBe('flows/tiny.yaml:5:18: the text goes on after its closing ": put the whole value in quotes, and write a quote inside it as \\" (or the value in single quotes)');
    // A value that starts with a character YAML reads as its own: to be quoted (QA: flow authoring; it was the parser's words).
    expect(one(GOOD.replace('start: network', 'start: [network] now'))).toMatch(/^flows\/tiny\.yaml:5:\d+: this text starts with "\[", which YAML reads as part of the file's structure/);
    // A key line with a Chinese colon or none followed by a space, a bracket too many, a bracket never closed (QA: scripts and authors).
    expect(one(GOOD.replace('start: network', 'start：network'))).toMatch(/^flows\/tiny\.yaml:5:1: a key here has no ": " \(a colon and a space\) before its value: write "key: value", with an ASCII colon ":" \(not "："\)/);
    expect(one(GOOD.replace('version: 1', 'version:1'))).toMatch(/^flows\/tiny\.yaml:\d+:1: a key here has no ": " \(a colon and a space\)/);
    expect(one(GOOD.replace('title: { en: Tiny, zh: 小 }', 'title: { en: Tiny, zh: 小 }}'))).toBe('flows/tiny.yaml:3:27: this "}" closes nothing that is open: remove it, or add the "{" it was meant to close');
  });

  it('suggests the value meant for a one-of field, and says when a text was cut at a comma (QA: author)', () => {
    expect(problems(GOOD.replace('    kind: escalate', '    kind: Escalate'))).toEqual([expect.stringMatching(/the kind of outcome "help" must be one of fix, escalate, alert, not the text "Escalate"; did you mean "escalate"\?$/)]);
    expect(problems(GOOD.replace('    queue: general', '    queue: general\n    facts: [Amount, tx-id]'))).toEqual([
      expect.stringMatching(/entry 1 must be one of .*, not the text "Amount"; did you mean "amount"\?$/),
      expect.stringMatching(/entry 2 must be one of .*, not the text "tx-id"; did you mean "txid"\?$/),
    ]);
    // Nothing close: no guess.
    expect(problems(GOOD.replace('    queue: general', '    queue: billing'))[0]).toMatch(/not the text "billing"$/);
    expect(problems(GOOD.replace('{ en: Retry, zh: 重试 }', '{ en: Open the card, then tap Retry., zh: 重试 }'))).toEqual([
      'flows/tiny.yaml:18:30: "then tap Retry." in the steps of outcome "done", entry 1 looks like the end of a text cut at a comma: inside { }, put a text that has a comma in quotes, like { en: "First, then second." }',
    ]);
  });

  it('says how to write a number meant as an id, one text meant for every language, and one fact meant as a list (QA: author)', () => {
    expect(problems(GOOD.replace('{ value: ok, label: { en: OK, zh: 正常 }', '{ value: 1, label: { en: OK, zh: 正常 }'))[0]).toMatch(/an answer value must be a text, and 1 is read as a number: write it in quotes, "1"$/);
    expect(problems(GOOD.replace('label: { en: OK, zh: 正常 }', 'label: "Yes, I did"'))[0]).toMatch(/needs its text in each language \(en, zh\), like \{ en: "…", zh: "…" \}, not the text "Yes, I did"$/);
    expect(problems(GOOD.replace('    queue: general', '    queue: general\n    facts: amount, time'))).toEqual([expect.stringMatching(/the case facts of outcome "help" are a list, even of one: write \[amount, time\]$/)]);
  });

  it('says a key of the format found among texts was indented too far (QA: author)', () => {
    const text = GOOD.replace('    text: { en: Network?, zh: 网络？ }', '    text:\n      en: Network?\n      zh: 网络？\n      check: connectivity');
    expect(problems(text)[0]).toBe(
      'flows/tiny.yaml:11:7: "check" is indented under the text of question "network", which holds only its texts (en, zh): move it left, to the column of the key above it',
    );
    // Any other key among texts is simply unknown.
    expect(problems(GOOD.replace('title: { en: Tiny, zh: 小 }', 'title: { en: Tiny, zh: 小, fr: Petit }'))[0]).toMatch(/unknown key "fr" in the flow title; allowed keys: en, zh$/);
  });

  it('says a key of a question or outcome indented too little is read as a node of its own, naming the node it likely belongs to', () => {
    // The last outcome's steps, two columns too far left: a list among the outcome ids, not "outcome \"steps\" must be a mapping".
    const outcome = GOOD.replace('    steps:\n      - { en: Ask, zh: 询问 }', '  steps:\n    - { en: Ask, zh: 询问 }');
    expect(problems(outcome)).toEqual([
      'flows/tiny.yaml:20:5: outcome "help" is missing "steps"',
      'flows/tiny.yaml:23:3: "steps" stands at the level of the outcome ids, so it would be an outcome of its own; if it belongs to outcome "help" above it, indent it as far as that outcome’s other keys',
    ]);
    // The same for a question's answers.
    const question = GOOD.replace('    answers:\n      - { value: ok', '  answers:\n      - { value: ok');
    expect(problems(question)).toEqual([
      'flows/tiny.yaml:8:5: question "network" is missing "answers"',
      expect.stringMatching(/^flows\/tiny\.yaml:9:3: "answers" stands at the level of the question ids, .* question "network" above it/),
    ]);
    // An outcome that is called "agent" and written as an outcome is one.
    const named = GOOD.replace('tests:', '  agent:\n    kind: fix\n    title: { en: A, zh: 甲 }\n    steps:\n      - { en: Go, zh: 去 }\ntests:');
    expect(problems(named).join('\n')).not.toMatch(/stands at the level/);
  });

  it('says a list item indented a column too little does not line up, and where a quote was left open (QA: author)', () => {
    const item = GOOD.replace('      - { value: unstable,', '     - { value: unstable,');
    // Placed where the item starts: the column shows it stands one in from the items above it (at 7).
    expect(problems(item)).toEqual([expect.stringMatching(/^flows\/tiny\.yaml:11:6: the indentation here does not line up/)]);
    // A title whose English text opens a quote that its line never closes: the text runs on into the keys after it.
    const quote = GOOD.replace('    title: { en: Help, zh: 求助 }', '    title:\n      en: "Help\n      zh: 求助\n    steps:\n      - { en: "Ask", zh: 询问 }');
    expect(problems(quote)).toContainEqual(expect.stringMatching(/^flows\/tiny\.yaml:23:11: the en text of the title of outcome "help" runs on into the keys after it: a quote opened here is not closed on its line/));
  });

  it('refuses a Chinese text that is an English sentence: copied, never translated (QA: author)', () => {
    expect(problems(GOOD.replace('title: { en: Help, zh: 求助 }', 'title: { en: Ask for help, zh: Ask for help }'))).toEqual([
      expect.stringMatching(/^flows\/tiny\.yaml:\d+:\d+: the Chinese text of the title of outcome "help" is English, with no Chinese in it: translate it$/),
    ]);
    // Chinese with English names in it, and short Latin texts (an abbreviation, a product), are fine.
    expect(problems(GOOD.replace('title: { en: Help, zh: 求助 }', 'title: { en: Turn on 2FA in the app, zh: 在 App 中开启 2FA }'))).toEqual([]);
    expect(problems(GOOD.replace('label: { en: OK, zh: 正常 }', 'label: { en: OK, zh: OK }'))).toEqual([]);
    // A name is the same in both languages (review: "BNB Smart Chain", "Google Play Store" were refused).
    expect(problems(GOOD.replace('label: { en: OK, zh: 正常 }', 'label: { en: BNB Smart Chain, zh: BNB Smart Chain }'))).toEqual([]);
    expect(problems(GOOD.replace('label: { en: OK, zh: 正常 }', 'label: { en: Google Play Store, zh: Google Play Store }'))).toEqual([]);
    // A quoted text with "steps: " in it is no open quote (review).
    expect(problems(GOOD.replace('title: { en: Help, zh: 求助 }', 'title: { en: "Follow these steps: ask, then wait", zh: "+1 202-555-0143" }')).join('\n')).not.toMatch(/runs on into the keys/);
  });

  it('refuses two answers of a question with the same label in a language: on screen they look alike (QA: author)', () => {
    expect(problems(GOOD.replace('label: { en: Unstable, zh: 不稳定 }', 'label: { en: ok , zh: 不稳定 }'))).toEqual([
      'flows/tiny.yaml:11:41: answers "ok" and "unstable" of question "network" have the same label "ok": on screen they cannot be told apart; word them differently',
    ]);
    expect(problems(GOOD.replace('label: { en: Unstable, zh: 不稳定 }', 'label: { en: Unstable, zh: 正常 }'))).toHaveLength(1);
  });

  it('finds a repeated answer or label among many answers as among a few', () => {
    // Twelve answers: the short list the check keeps for a question's few answers gives way to a set past eight.
    // (Not "network": a shared question, whose answers are fixed.)
    const many = (last: string) =>
      GOOD.replaceAll('network', 'signal').replace(
        '      - { value: offline, label: { en: Offline, zh: 断网 }, next: help }\n',
        `${Array.from({ length: 9 }, (_, i) => `      - { value: v${i}, label: { en: Choice ${i}, zh: 选项 ${i} }, next: help }\n`).join('')}${last}`,
      );
    expect(problems(many('      - { value: offline, label: { en: Offline, zh: 断网 }, next: help }\n'))).toEqual([]);
    expect(problems(many('      - { value: v3, label: { en: Offline, zh: 断网 }, next: help }\n'))).toEqual([
      'flows/tiny.yaml:21:18: answer value "v3" appears twice in question "signal"',
    ]);
    expect(problems(many('      - { value: offline, label: { en: " choice 7", zh: 断网 }, next: help }\n'))).toEqual([
      expect.stringMatching(/^flows\/tiny\.yaml:21:\d+: answers "v7" and "offline" of question "signal" have the same label "choice 7"/),
    ]);
    expect(problems(many('      - { value: offline, label: { en: Offline, zh: 选项 2 }, next: help }\n'))).toEqual([
      expect.stringMatching(/answers "v2" and "offline" of question "signal" have the same label "选项 2"/),
    ]);
    expect(problems(many('      - { value: offline, label: { en: Offline, zh: 正常 }, next: help }\n'))).toEqual([
      expect.stringMatching(/answers "ok" and "offline" of question "signal" have the same label "正常"/),
    ]);
  });

  it('remembers the texts it checked without keeping the files they were read from', () => {
    // js-yaml cuts each text from its file's text, and V8 keeps a long cut as a view into the whole: what the checks
    // remember (every new text, for the next file) must be copies, or a folder of flows stays in memory file by file.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const heapUsed = () => {
      gc();
      gc();
      return process.memoryUsage().heapUsed;
    };
    const padding = `# ${'-'.repeat(1_000_000)}\n`;
    const before = heapUsed();
    for (let i = 0; i < 40; i++) {
      const flow = padding + GOOD.replace('title: { en: Tiny, zh: 小 }', `title: { en: The tiny flow number ${i}, zh: 第 ${i} 个小流程，用于测试 }`);
      expect(loadFlowText(flow, 'flows/tiny.yaml').problems).toEqual([]);
    }
    // Forty files of a megabyte each, were they kept.
    expect(heapUsed() - before).toBeLessThan(10_000_000);
  });

  it('refuses an English text as Chinese even when the same text was accepted as English before (checks remember good texts)', () => {
    const english = 'Restart the app and try the payment once more';
    expect(problems(GOOD.replace('title: { en: Help, zh: 求助 }', `title: { en: ${english}, zh: 求助 }`))).toEqual([]);
    expect(problems(GOOD.replace('title: { en: Help, zh: 求助 }', `title: { en: ${english}, zh: ${english} }`))).toEqual([
      expect.stringMatching(/the Chinese text of the title of outcome "help" is English, with no Chinese in it: translate it$/),
    ]);
  });

  it('reports a missing key once, not also its value as "nothing" (QA: author)', () => {
    expect(problems(GOOD.replace('{ answers: { network: ok }, expect: done }', '{ answers: { network: ok } }'))).toEqual(['flows/tiny.yaml:26:5: test 1 is missing "expect"']);
    expect(problems(GOOD.replace(/tests:\n.*\n$/, ''))).toEqual(['flows/tiny.yaml:1:1: a flow file is missing "tests"']);
    // A typo in a key: said once, as the key it likely means (QA: author #9), not also as that key missing.
    expect(problems(GOOD.replace('label: { en: OK, zh: 正常 }, next: done }', 'label: { en: OK, zh: 正常 }, nxt: done }'))).toEqual([
      expect.stringMatching(/unknown key "nxt" in an answer of question "network"; did you mean "next"\?$/),
    ]);
    // A key that is near none of the allowed ones still lists them, and a missing key is still said.
    expect(problems(GOOD.replace('label: { en: OK, zh: 正常 }, next: done }', 'label: { en: OK, zh: 正常 }, goto: done }'))).toEqual([
      expect.stringMatching(/unknown key "goto" in an answer of question "network"; allowed keys: value, label, next$/),
      expect.stringMatching(/is missing "next"$/),
    ]);
  });

  it('says a misspelt key once, as the key it likely means, in both languages (QA: author #9)', () => {
    // "qestions:": not also "missing questions" and "start names balance, which is neither a question nor an outcome".
    const misspelt = GOOD.replace(/^questions:/m, 'qestions:');
    expect(problems(misspelt)).toEqual([expect.stringMatching(/^flows\/tiny\.yaml:\d+:1: unknown key "qestions" in a flow file; did you mean "questions"\?$/)]);
    expect(loadFlowText(misspelt, 'flows/tiny.yaml', 'zh').problems.map((p) => p.message)).toEqual(['流程文件中有未知的键“qestions”；是不是“questions”？']);
    // In another case, and in a question and an outcome.
    expect(problems(GOOD.replace(/^outcomes:/m, 'Outcomes:'))).toEqual([expect.stringMatching(/unknown key "Outcomes" in a flow file; did you mean "outcomes"\?$/)]);
    expect(problems(GOOD.replace('    answers:\n      - { value: ok', '    anwsers:\n      - { value: ok'))).toEqual([expect.stringMatching(/unknown key "anwsers" in question "network"; did you mean "answers"\?$/)]);
    expect(problems(GOOD.replace('    steps:\n      - { en: Ask, zh: 询问 }', '    step:\n      - { en: Ask, zh: 询问 }'))).toEqual([expect.stringMatching(/unknown key "step" in outcome "help"; did you mean "steps"\?$/)]);
  });

  it('checks that tests name real questions, values and outcomes', () => {
    const text = GOOD.replace('{ answers: { network: ok }, expect: done }', '{ answers: { network: fast, colour: red }, expect: gone }');
    expect(problems(text)).toEqual([
      'flows/tiny.yaml:26:27: test "test 1" answers "network" with "fast"; allowed: ok, unstable, offline',
      'flows/tiny.yaml:26:33: test "test 1" answers "colour", which is not a question of this flow',
      'flows/tiny.yaml:26:56: test "test 1" expects "gone", which is not an outcome of this flow; did you mean "done"?',
    ]);
  });

  it('suggests the question or outcome a test probably meant', () => {
    const text = GOOD.replace('{ answers: { network: ok }, expect: done }', '{ answers: { netwrk: ok }, expect: dnoe }');
    expect(problems(text)).toEqual([
      'flows/tiny.yaml:26:18: test "test 1" answers "netwrk", which is not a question of this flow; did you mean "network"?',
      'flows/tiny.yaml:26:40: test "test 1" expects "dnoe", which is not an outcome of this flow; did you mean "done"?',
    ]);
    expect(loadFlowText(text, 'flows/tiny.yaml', 'zh').problems.map(formatProblem)).toEqual([
      'flows/tiny.yaml:26:18: 测试“第 1 个测试”回答了“netwrk”，但本流程没有这个问题；是不是“network”？',
      'flows/tiny.yaml:26:40: 测试“第 1 个测试”预期的结果“dnoe”不是本流程的结果；是不是“done”？',
    ]);
  });

  it('never lets a __proto__ key through or pollutes prototypes', () => {
    const text = GOOD.replace('questions:\n', 'questions:\n  __proto__:\n    polluted: true\n');
    expect(problems(text)[0]).toMatch(/tiny.yaml:7:3: a question id "__proto__" must use lowercase letters/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses YAML aliases (alias bombs) with a located message', () => {
    const bomb = `a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n`;
    expect(problems(bomb)).toEqual(['flows/tiny.yaml:2:8: YAML aliases (*name) are not allowed in this file; write the value out in full']);
  });

  it('refuses a YAML anchor even without an alias, as the guide says (QA: README)', () => {
    expect(problems(GOOD.replace('version: 1', 'version: &v 1'))).toEqual([
      'flows/tiny.yaml:2:13: YAML anchors (&v) are not allowed in this file: aliases that repeat them are refused, so write each value out where it is used and remove the anchor',
    ]);
    // An ampersand inside a text is no anchor.
    expect(problems(GOOD.replace('title: { en: Tiny, zh: 小 }', 'title: { en: Tiny & small, zh: 小 }'))).toEqual([]);
  });

  it('refuses a YAML tag where it is written, rather than read the value without it (QA: flow authoring)', () => {
    expect(problems(GOOD.replace('title: { en: Tiny, zh: 小 }', 'title: { en: !Important Tiny, zh: 小 }'))).toEqual([
      'flows/tiny.yaml:3:14: YAML tags (!Important) are not allowed in this file: the value would be read without the tag, or as something else; remove the tag, or put the whole text in quotes if "!Important" is part of it',
    ]);
    expect(problems(GOOD.replace('version: 1', 'version: !!int "1"'))[0]).toMatch(/^flows\/tiny.yaml:2:10: YAML tags \(!!int\) are not allowed/);
    // In a quoted text it is text.
    expect(problems(GOOD.replace('title: { en: Tiny, zh: 小 }', 'title: { en: "!Important Tiny", zh: 小 }'))).toEqual([]);
  });

  it('refuses a %YAML 1.1 directive, which would read "no" as false in one parser and as text in the other (QA: flow authoring)', () => {
    expect(problems(`%YAML 1.1\n---\n${GOOD}`)).toEqual([
      'flows/tiny.yaml:1:1: this file is marked as YAML 1.1 (%YAML 1.1), where "no" and "on" are booleans; files here are read as YAML 1.2: remove the %YAML line',
    ]);
    expect(problems(`%YAML 1.2\n---\n${GOOD}`)).toEqual([]);
  });

  it('says where " #" cut a text short, as a comment, and what to do (QA: flow authoring)', () => {
    const said = (rest: string) => `the text stops before "${rest}": in YAML, " #" starts a comment; to keep it in the text, put the whole text in quotes, or if it is a comment, write a space after "#"`;
    // In a block mapping the text was read as "Tiny", silently; in braces the comment took the closing brace too.
    expect(problems(GOOD.replace('title: { en: Tiny, zh: 小 }', 'title:\n  en: Tiny card #2 now\n  zh: 小'))).toEqual([`flows/tiny.yaml:4:17: ${said('#2 now')}`]);
    expect(problems(GOOD.replace('title: { en: Tiny, zh: 小 }', 'title: { en: Has the card #1 expired?, zh: 小 }'))).toEqual([`flows/tiny.yaml:3:27: ${said('#1 expired?, zh: 小 }')}`]);
    // A comment written as one, and a quoted "#", are as they were.
    expect(problems(GOOD.replace('title: { en: Tiny, zh: 小 }', 'title:\n  en: Tiny  # the short name\n  zh: 小'))).toEqual([]);
    expect(problems(GOOD.replace('title: { en: Tiny, zh: 小 }', 'title: { en: "Tiny card #2", zh: 小 }'))).toEqual([]);
    // An id's comment written without a space is a comment (review).
    expect(problems(GOOD.replace('start: network', 'start: network #TODO'))).toEqual([]);
  });

  it('says a text that starts with a character YAML reads as its own is to be quoted, in both languages (QA: flow authoring)', () => {
    for (const [text, char] of [['*Important* add the card', '*'], ['| add the card', '|'], ['- add the card', '-'], ['[Important] add the card', '['], ['{Important} add the card', '{'], ['> add the card', '>']]) {
      const file = GOOD.replace('title: { en: Tiny, zh: 小 }', `title:\n  en: ${text}\n  zh: 小`);
      expect(problems(file), text).toEqual([expect.stringMatching(new RegExp(`^flows/tiny\\.yaml:4:\\d+: this text starts with "\\${char}", which YAML reads as part of the file's structure, not as text: put the whole text in quotes$`))]);
      expect(loadFlowText(file, 'flows/tiny.yaml', 'zh').problems.map(formatProblem)[0]).toContain(`这段文字以“${char}”开头`);
    }
  });

  it('says a label YAML read as a number or a yes/no is to be quoted (QA: flow authoring; "+12" was shown as 12)', () => {
    for (const [written, found] of [['+12', 'the number 12'], ['0o17', 'the number 15'], ['true', 'the value true']]) {
      const [problem] = problems(GOOD.replace('title: { en: Tiny, zh: 小 }', `title: { en: ${written}, zh: 小 }`));
      expect(problem, written).toMatch(new RegExp(`^flows/tiny\\.yaml:3:\\d+: .* must be a text, and YAML reads what is written here as ${found}: put it in quotes, written as it should be shown$`));
    }
  });

  it('says once that "en:" and "zh:" stand beside an empty "text:" rather than under it (QA: flow authoring)', () => {
    const file = GOOD.replace('title: { en: Tiny, zh: 小 }', 'title:\nen: Tiny\nzh: 小');
    expect(problems(file)).toEqual(['flows/tiny.yaml:3:1: "title:" in a flow file has nothing after it, and the "en:" and "zh:" below it stand beside it rather than under it: indent them further than "title:"']);
  });

  it('reports YAML syntax errors with their position', () => {
    expect(problems('id: tiny\ntitle: [unclosed\n')[0]).toMatch(/^flows\/tiny.yaml:\d+:\d+: /);
  });

  it('accepts a byte-order mark and CRLF line ends', () => {
    expect(loadFlowText(`\uFEFF${GOOD.replaceAll('\n', '\r\n')}`, 'flows/tiny.yaml').problems).toEqual([]);
  });

  it('refuses invalid UTF-8 and oversized files with a position', () => {
    const bytes = Buffer.concat([Buffer.from('id: tiny\ntitle: '), Buffer.from([0xc3, 0x28])]);
    expect(decodeUtf8(bytes, 'f.yaml')).toEqual({ problem: { file: 'f.yaml', line: 2, column: 8, message: 'file is not valid UTF-8 text; save it as UTF-8' } });
    // Chinese text before the fault: the place is the fault's, not the first cut through a character (QA: UX review).
    const chinese = Buffer.concat([Buffer.from('a: 中文中文中文\nb: 中文\nc: "'), Buffer.from([0xff]), Buffer.from('"\n')]);
    expect(decodeUtf8(chinese, 'f.yaml')).toMatchObject({ problem: { line: 3, column: 5 } });
    // A character left unfinished (two of its three bytes, then a quote) is placed at its first byte.
    const cut = Buffer.concat([Buffer.from('a: 中文\nb: "'), Buffer.from([0xe4, 0xb8]), Buffer.from('"\n')]);
    expect(decodeUtf8(cut, 'f.yaml')).toMatchObject({ problem: { line: 2, column: 5 } });
    const big = decodeUtf8(new Uint8Array(3 * 1024 * 1024), 'big.yaml');
    expect('problem' in big && big.problem.message).toMatch(/larger than the 2\.0 MB allowed/);
    // Just over the limit, in bytes: "2.0 MB, larger than the 2.0 MB allowed" said nothing (QA: author).
    const over = decodeUtf8(new Uint8Array(2 * 1024 * 1024 + 1), 'big.yaml');
    expect('problem' in over && over.problem.message).toMatch(/^file is 2,097,153 bytes, larger than the 2,097,152 bytes allowed/);
    const zh = decodeUtf8(new Uint8Array(2 * 1024 * 1024 + 1), 'big.yaml', 'zh');
    expect('problem' in zh && zh.problem.message).toContain('2,097,153 字节');
  });

  it('decodes a byte-order mark away and keeps the text otherwise as it is', () => {
    const decoded = decodeUtf8(Buffer.from('\uFEFFid: 付款\n'), 'f.yaml');
    expect(decoded).toEqual({ text: 'id: 付款\n' });
  });

  it('decodes every kind of text as it is written: ASCII, Chinese, characters beyond the BMP, a mark in the middle', () => {
    // Plain ASCII and the rest take two ways (a copy, and the transcoder); both give what UTF-8 says, character for character.
    const texts = ['id: tiny\n', 'title: 付款失败 ✓\n', 'x: "😀 𠀀 é"\n', 'a: \uFEFFinside\n', `${'a'.repeat(100_000)}付`, '付', ''];
    for (const text of texts) expect(decodeUtf8(Buffer.from(text), 'f.yaml'), JSON.stringify(text.slice(0, 20))).toEqual({ text });
    // A file that is a byte-order mark and nothing else is empty.
    expect(decodeUtf8(Buffer.from('\uFEFF😀'), 'f.yaml')).toEqual({ text: '😀' });
    expect(decodeUtf8(Buffer.from('\uFEFF'), 'f.yaml')).toEqual({ text: '' });
  });

  it('reads JSON with JSON.parse, still refusing repeated keys, however they are spelled', () => {
    const plain = parseLocatedYaml('{"a": "x\\"}{[", "b": {"c": [1, {"d": "\\\\"}]}}', 'x.json');
    expect(plain.problems).toEqual([]);
    expect(plain.doc.value).toEqual({ a: 'x"}{[', b: { c: [1, { d: '\\' }] } });
    for (const text of ['{"a": 1, "a": 2}', '{"a": 1, "\\u0061": 2}', '{"x": [{"k": 1}, {"k": 2, "k": 3}]}']) {
      const r = parseLocatedYaml(text, 'x.json');
      expect(r.problems.map((p) => p.message), text).toEqual([expect.stringMatching(/duplicate|twice/i)]);
    }
  });

  it('reads a .json file as JSON only, with JSON\'s own messages: no comments, trailing commas or single quotes (QA: author)', () => {
    const at = (text: string, lang: 'en' | 'zh' = 'en') => parseLocatedYaml(text, 'flows/x.json', lang).problems.map(formatProblem);
    // Two commas in a row are one too many, not a key missing before "}" (QA: scripts and authors).
    expect(at('{\n  "id": "x",\n  "start": "a",,\n}')).toEqual(['flows/x.json:3:16: not valid JSON: a comma where a key or a value was expected (two commas in a row, or one right after "{" or "["); remove it']);
    expect(at('{\n  "id": "x",\n  "start": "a",\n}')).toEqual(['flows/x.json:4:1: not valid JSON: a comma after the last entry; JSON allows none before "}" or "]": remove it']);
    expect(at('{\n  "id": "x",\n}')).toEqual(['flows/x.json:3:1: not valid JSON: a comma after the last entry; JSON allows none before "}" or "]": remove it']);
    expect(at('{"tests": [1, 2, ]}', 'zh')).toEqual(['flows/x.json:1:18: 不是有效的 JSON：最后一项后面多了逗号；JSON 不允许在“}”或“]”前加逗号，请删除它']);
    // A key missing where no comma stands before it is said as that alone (QA: scripts; every such error spoke of a comma).
    expect(at('{bad')).toEqual(['flows/x.json:1:2: not valid JSON: a key in double quotes was expected here']);
    // However much white space stands between the comma and the brace (review: only 64 characters back were looked at).
    expect(at(`{"id": "x",${' '.repeat(70)}\n\n}`)).toEqual(['flows/x.json:3:1: not valid JSON: a comma after the last entry; JSON allows none before "}" or "]": remove it']);
    expect(at('{\n  // the first question\n  "id": "x"\n}')).toEqual(['flows/x.json:2:3: not valid JSON: JSON has no comments; remove it (a flow or directory written in YAML may have # comments)']);
    // Single quotes said as such, for a key and a value (QA: flow authoring; it was about a comma before "}").
    expect(at("{'id': 'x'}")).toEqual(['flows/x.json:1:2: not valid JSON: JSON writes keys and texts in double quotes ("version"), not single ones']);
    expect(at('{"id": \'x\'}')).toEqual(['flows/x.json:1:8: not valid JSON: JSON writes keys and texts in double quotes ("version"), not single ones']);
    expect(at('{"id": "x", "id": "y"}')).toEqual(['flows/x.json:1:13: the key "id" appears twice in the same object; keep one']);
    expect(at('{"id": "x" /* note */}', 'zh')).toEqual(['flows/x.json:1:12: 不是有效的 JSON：JSON 不支持注释，请删除（用 YAML 编写的流程或目录可以使用 # 注释）']);
    // The same text named .yaml is YAML, which reads all of these.
    expect(parseLocatedYaml('{\n  "id": "x",\n}', 'flows/x.yaml').problems).toEqual([]);
  });

  it('tells a repeated JSON key from colons inside texts and keys, and from a colon written as an escape', () => {
    // Repeats are found by counting colons: colons in keys and values must not hide one or invent one.
    const clean = ['{"a:b": "c:d", "e": ":"}', '{"k": ":x", "x": [":", {"y:": "::"}]}', '{"a": "\\u003a", "b\\u003a": 1}', '{"a": "\\u003A:"}', '{"": ""}', '[]', '"a:b"'];
    for (const text of clean) expect(parseLocatedYaml(text, 'x.json').problems, text).toEqual([]);
    expect(parseLocatedYaml('{"a\\u003ab": "x", "a:b": "y"}', 'x.json').problems.map((p) => p.message)).toEqual([expect.stringMatching(/duplicate|twice/i)]);
    for (const text of ['{"a:b": "x:y", "a:b": ":"}', '{"k": ":", "k": ""}', '{"k": "", "k": ":"}', '{"k": "\\u003a", "k": 1}', '[{"k": {"z": ":"}, "k": 1}]']) {
      expect(parseLocatedYaml(text, 'x.json').problems.map((p) => p.message), text).toEqual([expect.stringMatching(/duplicate|twice/i)]);
    }
  });

  it('refuses JSON nested deeper than 64 levels, but not brackets inside strings', () => {
    const deep = parseLocatedYaml(`${'['.repeat(65)}${']'.repeat(65)}`, 'x.json');
    expect(deep.problems).toEqual([expect.objectContaining({ line: 1, column: 65, message: expect.stringMatching(/64/) })]);
    const brackets = parseLocatedYaml(JSON.stringify({ text: '['.repeat(100) }), 'x.json');
    expect(brackets.problems).toEqual([]);
  });

  it('refuses YAML nested deeper than 64 levels, by indentation or by brackets, where it first does', () => {
    // Indentation counts four characters a level: line 130 is the first indented by more than 256.
    const block = Array.from({ length: 140 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n');
    expect(parseLocatedYaml(`${block} 1\n`, 'x.yaml').problems).toEqual([expect.objectContaining({ line: 130, column: 257, message: expect.stringMatching(/64/) })]);
    const flow = parseLocatedYaml(`a: ${'['.repeat(70)}${']'.repeat(70)}\n`, 'x.yaml');
    expect(flow.problems).toEqual([expect.objectContaining({ line: 1, column: 68 })]);
    expect(parseLocatedYaml(`a: ${'[ '.repeat(64)}${']'.repeat(64)}\n`, 'x.yaml').problems).toEqual([]);
  });

  it('gives a located value for every parsed node', () => {
    const { doc } = parseLocatedYaml(GOOD, 'x.yaml');
    expect(doc.locate(['outcomes', 'help', 'queue'])).toMatchObject({ line: 21, column: 12 });
    expect(doc.locate(['outcomes', 'help', 'missing', 'deeper'])).toMatchObject({ line: 20, column: 5 });
  });
});
