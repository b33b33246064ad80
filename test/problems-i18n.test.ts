import { describe, expect, it } from 'vitest';
import { valueProblem, type ConfigKey } from '../src/config/config.js';
import type { Lang } from '../src/engine/types.js';
import { decodeUtf8, parseLocatedYaml, type Problem } from '../src/data/located-yaml.js';
import { parseDayRanges, parseWeeklyHours } from '../src/directory/hours.js';
import { loadDirectoryText } from '../src/directory/load.js';
import { expandPaths } from '../src/flows/data-file.js';
import { loadFlowFolders, loadFlowText } from '../src/flows/load.js';
import { problemsEn, problemsZh, problemTranslator, type ProblemKey } from '../src/i18n/problems.js';

const checkValue = (key: ConfigKey, value: unknown, lang: Lang = 'en') => {
  const p = valueProblem(key, value);
  return p && problemTranslator(lang)(p.key, p.params);
};

const placeholders = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const CJK = /[\u4e00-\u9fff]/;

describe('problem catalogues', () => {
  const keys = Object.keys(problemsEn) as ProblemKey[];

  it('zh has exactly the keys of en, none empty', () => {
    expect(Object.keys(problemsZh).sort()).toEqual([...keys].sort());
    for (const key of keys) expect(problemsZh[key].trim(), key).not.toBe('');
  });

  it('zh uses the same {placeholders} as en', () => {
    for (const key of keys) expect(placeholders(problemsZh[key]), key).toEqual(placeholders(problemsEn[key]));
  });

  it('zh is Chinese text', () => {
    // Every sentence has Chinese words, except fragments that are only placeholders and notation.
    const bare = keys.filter((key) => !CJK.test(problemsZh[key]));
    expect(bare.sort()).toEqual(['hours.item.day', 'what.inLang']);
  });

  it('translates references and lists inside parameters in the same language', () => {
    const params = { what: { key: 'what.questionText', params: { id: 'network' } }, found: { key: 'found.list' } } as const;
    expect(problemTranslator('en')('check.notMapping', params)).toBe('the text of question "network" must be a mapping (key: value pairs), not a list');
    expect(problemTranslator('zh')('check.notMapping', params)).toBe('问题“network”的文本必须是映射（key: value 键值对），而不是列表');
    expect(problemTranslator('zh')('dir.unknownQueue', { queue: 'vip', queues: { list: ['payments', 'account'] }, hint: '' })).toBe(
      '未知的客服团队“vip”；可用的客服团队：payments、account',
    );
  });

  it('does not fill placeholders that come from user text', () => {
    expect(problemTranslator('zh')('found.text', { text: '{text}' })).toBe('文本“{text}”');
  });
});

const FLOW = `id: tiny
version: 1
title: { en: Tiny }
description: { en: A tiny flow, zh: 小流程 }
start: connection
questions:
  connection:
    text: { en: Network?, zh: 网络？ }
    colour: red
    answers:
      - { value: ok, label: { en: OK, zh: 正常 }, next: done }
      - { value: offline, label: { en: Offline, zh: 断网 }, next: nowhere }
outcomes:
  done:
    kind: fix
    queue: billing
    title: { en: Done, zh: 完成 }
    steps:
      - { en: Retry, zh: 重试 }
      - Retry again
  help:
    kind: escalate
    title: { en: Help, zh: 求助 }
    steps: []
tests:
  - { answers: { connection: ok }, expect: done }
`;

const DIRECTORY = `providers:
  - id: Acme Pay
    name: Acme Pay
    website: http://acme.example
    timezone: Mars/Olympus
    queues:
      vip:
        - { type: phone, value: "+1 555", hours: "Mo-Fr 09:00-18:00" }
      payments:
        - { type: fax, value: "+1 555", hours: "Mo-Fr 09:00-12:00, 11:00-18:00" }
    exceptions:
      - { date: 2026-02-30, hours: off }
`;

const at = (p: Problem) => `${p.file}:${p.line}:${p.column}`;

/** The English and Chinese problems of one input, which must be the same places in the same order. */
function both(load: (lang: 'en' | 'zh') => Problem[]): { en: string[]; zh: string[] } {
  const en = load('en');
  const zh = load('zh');
  expect(zh.map(at)).toEqual(en.map(at));
  expect(en.length).toBeGreaterThan(0);
  for (const p of zh) expect(p.message, p.message).toMatch(CJK);
  const line = (p: Problem) => `${at(p)}: ${p.message}`;
  return { en: en.map(line), zh: zh.map(line) };
}

describe('problems in Chinese', () => {
  it('a broken flow: the same problems at the same places', () => {
    const { en, zh } = both((lang) => loadFlowText(FLOW, 'flows/tiny.yaml', lang).problems);
    expect(en).toEqual([
      'flows/tiny.yaml:3:8: the flow title is missing its Chinese text ("zh:")',
      'flows/tiny.yaml:9:5: unknown key "colour" in question "connection"; allowed keys: text, agent, answers, check, input',
      'flows/tiny.yaml:20:9: the steps of outcome "done", entry 2 needs its text in each language (en, zh), like { en: "…", zh: "…" }, not the text "Retry again"',
      'flows/tiny.yaml:16:12: the queue of outcome "done" must be one of payments, account, security, general, not the text "billing"',
      'flows/tiny.yaml:24:12: the steps of outcome "help" must have at least 1 entry',
      'flows/tiny.yaml:22:5: outcome "help" is an escalation and needs the support queue it goes to: queue: payments | account | security | general',
      'flows/tiny.yaml:12:65: answer "offline" leads to "nowhere", which is neither a question nor an outcome of this flow',
    ]);
    expect(zh).toEqual([
      'flows/tiny.yaml:3:8: 流程标题缺少中文（“zh:”）',
      'flows/tiny.yaml:9:5: 问题“connection”中有未知的键“colour”；允许的键：text、agent、answers、check、input',
      'flows/tiny.yaml:20:9: 结果“done”的步骤第 2 项需要写出每种语言的文本（en、zh），例如 { en: "…", zh: "…" }，而不是文本“Retry again”',
      'flows/tiny.yaml:16:12: 结果“done”的客服团队（queue）必须是 payments、account、security、general 之一，而不是文本“billing”',
      'flows/tiny.yaml:24:12: 结果“help”的步骤至少需要 1 项',
      'flows/tiny.yaml:22:5: 结果“help”是 escalate，需要写明转交的客服团队：queue: payments | account | security | general',
      'flows/tiny.yaml:12:65: 回答“offline”指向“nowhere”，但它既不是本流程的问题，也不是本流程的结果',
    ]);
  });

  it('a flow with graph and test problems', () => {
    const text = FLOW.replace('title: { en: Tiny }', 'title: { en: Tiny, zh: 小 }')
      .replace('    colour: red\n', '')
      .replace('next: nowhere', 'next: connection')
      .replace('    queue: billing\n', '')
      .replace('      - Retry again\n', '')
      .replace('  help:\n    kind: escalate\n    title: { en: Help, zh: 求助 }\n    steps: []\n', '')
      .replace('{ connection: ok }, expect: done', '{ connection: maybe }, expect: gone');
    const { zh } = both((lang) => loadFlowText(text, 'flows/tiny.yaml', lang).problems);
    expect(zh).toEqual([
      'flows/tiny.yaml:11:65: 回答“offline”又回到了“connection”，形成循环（connection → connection）；每条路径都必须以结果结束',
    ]);
    const withoutLoop = text.replace('next: connection', 'next: done');
    expect(both((lang) => loadFlowText(withoutLoop, 'flows/tiny.yaml', lang).problems).zh).toEqual([
      'flows/tiny.yaml:19:30: 测试“第 1 个测试”给“connection”的回答是“maybe”；可用的取值：ok、offline',
      'flows/tiny.yaml:19:47: 测试“第 1 个测试”预期的结果“gone”不是本流程的结果；是不是“done”？',
    ]);
  });

  it('a broken directory: the same problems at the same places, hours errors inside the value', () => {
    const { en, zh } = both((lang) => loadDirectoryText(DIRECTORY, 'dir.yaml', 'dir.yaml', lang).problems);
    expect(en).toEqual([
      'dir.yaml:2:9: the provider id "Acme Pay" must use lowercase letters, digits and single dashes (like "acme-pay")',
      'dir.yaml:4:14: the official website must use https://: users trust what it shows, and an http:// page can be changed on its way to them',
      'dir.yaml:5:15: unknown time zone "Mars/Olympus"; use an IANA name such as Asia/Shanghai, Europe/Berlin or America/New_York',
      'dir.yaml:12:17: the date must be a calendar date written YYYY-MM-DD, such as 2026-10-01',
      'dir.yaml:7:7: unknown queue "vip"; queues are payments, account, security, general',
      'dir.yaml:10:19: the channel type must be one of phone, chat, email, ticket, social, web, not the text "fax"',
      'dir.yaml:10:68: service hours: 11:00-18:00 on Mo overlaps 09:00-12:00 on Mo: opening hours must not overlap; merge them into one range or fix the times',
    ]);
    expect(zh).toEqual([
      'dir.yaml:2:9: 服务商编号（id）“Acme Pay”只能使用小写字母、数字和单个短横线（例如“acme-pay”）',
      'dir.yaml:4:14: 官方网站必须使用 https://：用户会信任它显示的内容，而 http:// 页面在传输途中可能被篡改',
      'dir.yaml:5:15: 未知的时区“Mars/Olympus”；请使用 IANA 时区名，例如 Asia/Shanghai、Europe/Berlin 或 America/New_York',
      'dir.yaml:12:17: 日期必须是 YYYY-MM-DD 格式的有效日期，例如 2026-10-01',
      'dir.yaml:7:7: 未知的客服团队“vip”；可用的客服团队：payments、account、security、general',
      'dir.yaml:10:19: 渠道类型必须是 phone、chat、email、ticket、social、web 之一，而不是文本“fax”',
      'dir.yaml:10:68: 服务时间：Mo 11:00-18:00 与 Mo 09:00-12:00 重叠：服务时段不能重叠；请合并为一个时段，或修正时间',
    ]);
  });

  it('file-level problems: YAML syntax, duplicate keys, aliases, encoding', () => {
    // A mistake with advice is advised in the language; one without is the parser's words after a Chinese lead.
    expect(both((lang) => parseLocatedYaml('a: [1, 2\n', 'x.yaml', lang).problems).zh).toEqual(['x.yaml:1:4: 用 [ ] 写的列表或用 { } 写的映射没有结束：请补上缺少的“]”，或者把它后面的行缩进到比它的键更靠右']);
    const syntax = both((lang) => parseLocatedYaml('a: |x\n', 'x.yaml', lang).problems);
    expect(syntax.zh[0]).toMatch(/^x\.yaml:\d+:\d+: 无法按 YAML 读取该文件：\S/);
    expect(syntax.zh[0]?.replace(/^.*：/, '')).toBe(syntax.en[0]?.replace(/^x\.yaml:\d+:\d+: /, ''));
    expect(both((lang) => parseLocatedYaml('a: 1\na: 2\n', 'x.yaml', lang).problems).zh).toEqual(['x.yaml:2:1: 同一个映射中键“a”出现了两次；请只保留一个']);
    expect(both((lang) => parseLocatedYaml('x: &a 1\ny: *a\n', 'x.yaml', lang).problems).zh).toEqual([
      'x.yaml:2:4: 此文件中不允许使用 YAML 别名（*name）；请把值完整写出',
    ]);
    const bad = new Uint8Array([0x61, 0x3a, 0x0a, 0x62, 0xff]);
    const decode = (lang: 'en' | 'zh') => {
      const r = decodeUtf8(bad, 'bad.yaml', lang);
      return 'problem' in r ? [r.problem] : [];
    };
    expect(both(decode).zh).toEqual(['bad.yaml:2:2: 文件不是有效的 UTF-8 文本；请以 UTF-8 编码保存']);
  });

  it('missing files and folders', async () => {
    const missing = '/nonexistent-wallet-help/flows';
    expect((await expandPaths([missing], 'zh')).problems.map((p) => p.message)).toEqual(['文件或文件夹不存在']);
    expect((await expandPaths([missing])).problems.map((p) => p.message)).toEqual(['no such file or folder']);
    expect((await loadFlowFolders([missing], 'zh')).problems.map((p) => p.message)).toEqual(['无法读取该文件夹：ENOENT']);
  });

  it('settings values', () => {
    expect(checkValue('lang', 'fr')).toBe('must be one of en, zh');
    expect(checkValue('lang', 'fr', 'zh')).toBe('必须是 en、zh 之一');
    expect(checkValue('provider', 'Bad Id', 'zh')).toBe('只能使用小写字母、数字和短横线');
    expect(checkValue('lang', 'en', 'zh')).toBeUndefined();
  });
});

describe('hours errors in Chinese', () => {
  const zh = problemTranslator('zh');

  it('a weekly hours error keeps its English message and carries a key to translate', () => {
    const r = parseWeeklyHours('Mo-Fr 09:00-18:00; Sa 10:00');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ offset: 27, key: 'hours.expectedDash.end' });
    expect(r.error.message).toBe('expected "-" after 10:00 but found nothing: write a range as HH:MM-HH:MM, e.g. 09:00-18:00');
    expect(zh(r.error.key, r.error.params)).toBe('10:00 后面应为 "-"，但后面没有内容：时段请写成 HH:MM-HH:MM，例如 09:00-18:00');
  });

  it('an overnight overlap names the days in either language', () => {
    const r = parseWeeklyHours('Mo 20:00-02:00; Tu 01:00-03:00');
    if (r.ok) throw new Error('expected an error');
    expect(r.error.message).toBe(
      '01:00-03:00 on Tu overlaps the overnight range Mo 20:00-02:00 (running until 02:00 on Tu): opening hours must not overlap; merge them into one range or fix the times',
    );
    expect(zh(r.error.key, r.error.params)).toBe('Tu 01:00-03:00 与 跨夜时段 Mo 20:00-02:00（持续到 Tu 02:00） 重叠：服务时段不能重叠；请合并为一个时段，或修正时间');
  });

  it('an exception date error, reported in the directory at the place in the value', () => {
    const r = parseDayRanges('10:00-14:00 x');
    if (r.ok) throw new Error('expected an error');
    expect(zh(r.error.key, r.error.params)).toBe(
      '时间后面多了“x”：时段之间用 "," 分隔，规则之间用 ";" 分隔，例如 Mo-Fr 09:00-12:00,13:00-18:00; Sa 10:00-14:00',
    );
    const text = DIRECTORY.replace('hours: off }', 'hours: "10:00-14:00 x" }').replace('2026-02-30', '2026-10-01');
    const problems = both((lang) => loadDirectoryText(text, 'dir.yaml', 'dir.yaml', lang).problems);
    const exception = problems.zh.find((p) => p.includes('例外日期'));
    expect(exception).toBe(
      'dir.yaml:12:49: 例外日期的服务时间：时间后面多了“x”：时段之间用 "," 分隔，规则之间用 ";" 分隔，例如 Mo-Fr 09:00-12:00,13:00-18:00; Sa 10:00-14:00',
    );
    expect(problems.en).toContain(
      'dir.yaml:12:49: exception hours: unexpected "x" after the times: separate time ranges with "," and rules with ";", e.g. Mo-Fr 09:00-12:00,13:00-18:00; Sa 10:00-14:00',
    );
  });
});
