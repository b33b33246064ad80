/** Every word the CLI shows exists in English and Chinese, and the commands speak both. */
import { describe, expect, it } from 'vitest';
import { en, type MessageKey } from '../src/i18n/messages.js';
import { fill } from '../src/i18n/i18n.js';
import { zh } from '../src/i18n/messages-zh.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { andList, detectLang, orList, translator } from '../src/i18n/i18n.js';
import { problemsZh } from '../src/i18n/problems.js';
import { ROOT, run } from './helpers.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('lists', () => {
  it('space a Chinese "和" or "或" from a Latin word beside it, and from nothing else (QA: zh user)', async () => {
    const [en, zh] = await Promise.all([translator('en'), translator('zh')]);
    expect(andList(zh, ['address', 'txid', 'memo', 'confirmations'])).toBe('address、txid、memo 和 confirmations');
    expect(andList(zh, ['账户被锁定', '忘记密码'])).toBe('账户被锁定和忘记密码');
    expect(orList(zh, ['suspicious-contact（有人自称客服）', 'contact-support'])).toBe('suspicious-contact（有人自称客服）或 contact-support');
    expect(orList(zh, ['ok', 'offline'])).toBe('ok 或 offline');
    expect(orList(zh, ['\u001b[1mok\u001b[22m', '够'])).toBe('\u001b[1mok\u001b[22m 或够');
    expect(andList(en, ['a', 'b', 'c'])).toBe('a, b and c');
    expect(orList(en, ['a', 'b'])).toBe('a or b');
  });
});

describe('the message catalogues', () => {
  const keys = Object.keys(en) as MessageKey[];

  /** Punctuation and separators: Chinese has its own, and no words (no space at all between sentences). */
  const punctuation = new Set<MessageKey>(['verify.badgeAfter', 'hours.zoneNamed', 'list.separator', 'list.or', 'list.and', 'sentence.separator', 'hours.ruleSeparator', 'summary.asideSeparator', 'resume.otherCase', 'hours.inZone', 'summary.label', 'summary.answer', 'summary.aside', 'summary.time.value', 'flows.graph.outcome', 'flows.graph.outcomeQueue']);

  it('give every key a Chinese text with the same placeholders', () => {
    expect(Object.keys(zh).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      if (key !== 'sentence.separator') expect(zh[key].trim(), key).not.toBe('');
      expect(placeholders(zh[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('write the Chinese in Chinese (apart from ids, codes and commands)', () => {
    const untranslatable = new Set<MessageKey>(['help.default', 'duration.d', 'duration.dh', 'duration.hm', 'duration.h', 'duration.m', 'flows.col.id', 'config.col.key', 'contact.heading', 'chain.eos', 'chain.atom', 'platform.qq', 'platform.instagram', 'platform.tiktok']);
    for (const key of keys) {
      if (untranslatable.has(key) || punctuation.has(key)) continue;
      expect(zh[key], key).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('write a noun after a count in the singular for one, in English (QA: UX review; "1 file(s) checked")', () => {
    expect(fill('{n} {n|file|files} checked', { n: 1 })).toBe('1 file checked');
    expect(fill('{n} {n|file|files} checked', { n: 2 })).toBe('2 files checked');
    expect(fill('{n} {n|file|files} checked', { n: 0 })).toBe('0 files checked');
    expect(fill('{count} flow {count|file|files} {count|has|have} problems', { count: '1' })).toBe('1 flow file has problems');
    // A Chinese answer beside the dash ——, with Latin letters in it, gets no space after the dash (QA: interactive review).
    expect(fill('{question}——{answer}', { question: '显示什么状态？', answer: '已完成或已发送，有交易哈希（TxID）' }, true)).toBe('显示什么状态？——已完成或已发送，有交易哈希（TxID）');
    expect(fill('{question}——{answer}', { question: '哪条链？', answer: 'LTC' }, true)).toBe('哪条链？——LTC');
    // No English text of the catalogues says "(s)" any more.
    expect(Object.entries(en).filter(([, text]) => text.includes('(s)'))).toEqual([]);
  });

  it('use the agreed terms consistently', () => {
    const text = Object.values(zh).join('\n');
    // 充值 and 提现 for deposits and withdrawals; 客服 for support; never 提款 or 存款.
    expect(text).not.toMatch(/提款|存款|客户服务/);
  });
});

describe('every Chinese text a user can see (catalogues, problems, bundled flows and directory)', () => {
  /** Each zh: text of a parsed YAML document, with where it is. */
  const zhTexts = (node: unknown, where: string): [string, string][] => {
    if (node === null || typeof node !== 'object') return [];
    const own: [string, string][] = !Array.isArray(node) && typeof (node as { zh?: unknown }).zh === 'string' ? [[where, (node as { zh: string }).zh]] : [];
    return [...own, ...Object.entries(node).flatMap(([key, value]) => zhTexts(value, `${where}.${key}`))];
  };
  const yamlTexts = (folder: string) =>
    readdirSync(join(ROOT, folder))
      .filter((name) => name.endsWith('.yaml'))
      .flatMap((name) => zhTexts(parse(readFileSync(join(ROOT, folder, name), 'utf8')), `${folder}/${name}`));
  const texts: [string, string][] = [
    ...Object.entries(zh).map(([key, text]): [string, string] => [`messages-zh ${key}`, text]),
    ...Object.entries(problemsZh).map(([key, text]): [string, string] => [`problems zh ${key}`, text]),
    ...yamlTexts('flows'),
    ...yamlTexts('directory'),
  ];
  const HAN = '[\\u4e00-\\u9fff]';
  /** The text a reader reads as a sentence: what is quoted (“文件:行:列: 说明”, “问题: 取值”) is syntax to type, and {placeholders} are filled later. */
  const prose = (text: string) => text.replace(/“[^”]*”/g, '“”').replace(/\{[^{}]*\}/g, '{}');

  it('are many: the walk finds the flows\' texts', () => {
    expect(texts.filter(([where]) => where.startsWith('flows/')).length).toBeGreaterThan(1000);
  });

  it('use full-width punctuation between Chinese words: no half-width , ; : ! ? ( ) or full stop next to a Chinese character (QA: zh editor)', () => {
    const halfWidth = new RegExp(`${HAN}[,;:!?()]|[,;:!?()]${HAN}|${HAN}\\.(?![\\w.])`);
    expect(texts.filter(([, text]) => halfWidth.test(prose(text))).map(([where, text]) => `${where}: ${text}`)).toEqual([]);
  });

  it('quote with “ ” only: no straight quotes around Chinese words, no 「」 (QA: zh editor)', () => {
    const straight = new RegExp(`"[^"\\s]*${HAN}[^"\\s]*"|[「」『』]`);
    expect(texts.filter(([, text]) => straight.test(text)).map(([where, text]) => `${where}: ${text}`)).toEqual([]);
  });

  it('name each thing one way: 助记词, 客服 (客服团队, 客服目录), 实名认证, 账户, and 你 rather than 您 (QA: zh editor)', () => {
    const other = /恢复短语|种子短语|支持团队|支持目录|服务商目录|客服队列|客户服务|身份认证|KYC认证|帐户|帐号|提款|存款|您/;
    expect(texts.filter(([, text]) => other.test(text)).map(([where, text]) => `${where}: ${text}`)).toEqual([]);
  });
});

describe('language choice', () => {
  it('goes --lang, WALLET_HELP_LANG, settings, locale, then English', () => {
    expect(detectLang({ WALLET_HELP_LANG: 'zh', LANG: 'en_US.UTF-8' })).toBe('zh');
    expect(detectLang({ LANG: 'en_US.UTF-8' }, 'zh')).toBe('zh');
    expect(detectLang({ WALLET_HELP_LANG: 'en' }, 'zh')).toBe('en');
    expect(detectLang({ LC_ALL: 'zh_TW.UTF-8', LANG: 'en_US.UTF-8' })).toBe('zh');
    expect(detectLang({ LC_ALL: '', LC_MESSAGES: 'zh_CN', LANG: 'en_US.UTF-8' })).toBe('zh');
    expect(detectLang({ LANG: 'de_DE.UTF-8' })).toBe('en');
    expect(detectLang({})).toBe('en');
  });
});

describe('every command’s help, in both languages', () => {
  const commands = [[], ['diagnose'], ['contacts'], ['verify'], ['config'], ['flows'], ['flows', 'list'], ['flows', 'show'], ['flows', 'graph'], ['flows', 'validate'], ['flows', 'test'], ['check'], ['cases'], ['cases', 'show'], ['cases', 'export']];

  it.each(commands.map((c) => [c.join(' ') || '(top)', c] as const))('%s', async (_name, command) => {
    const english = await run([...command, '--help']);
    expect(english.code).toBe(0);
    expect(english.stdout).toMatch(/^Usage: wallet-help/);
    const chinese = await run(['--lang', 'zh', ...command, '--help']);
    expect(chinese.code).toBe(0);
    // The full-width colon has its own space: none is added after it.
    expect(chinese.stdout).toMatch(/^用法：wallet-help/);
    // Every description line is Chinese: no English sentence is left over from the English catalogue.
    for (const line of chinese.stdout.split('\n')) {
      const description = line.replace(/^\s+(-\S+(, -\S+)*( <[^>]+>| \[[^\]]+\])?|\S+)\s{2,}/, '');
      if (/^[A-Z][a-z]+ [a-z]+ [a-z]+/.test(description.trim())) throw new Error(`English left in Chinese help of "${command.join(' ')}": ${line}`);
      // A full-width parenthesis brings its own space: none before it, as in "取值（默认：list）" (QA: zh editor).
      if (/\S （/.test(line)) throw new Error(`A space before "（" in the Chinese help of "${command.join(' ')}": ${line}`);
    }
  });
});

describe('a whole run in Chinese', () => {
  it('the JSON run keeps ids and values in English and the texts in Chinese', async () => {
    const r = await run(['--lang', 'zh', 'diagnose', 'withdrawal-delayed', '--answer', 'status=pending', '--answer', 'recent-change=security-change', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ flow: 'withdrawal-delayed', lang: 'zh', answers: { status: 'pending', 'recent-change': 'security-change' } });
    expect(doc.outcome.title).toMatch(/[\u4e00-\u9fff]/);
    for (const step of doc.outcome.steps) expect(step).toMatch(/[\u4e00-\u9fff]/);
  });

  it('errors come in Chinese too, with the same codes', async () => {
    const r = await run(['--lang', 'zh', 'diagnose', 'payment-failed', '--network', 'maybe', '--json']);
    expect(r.code).toBe(2);
    const { error } = JSON.parse(r.stdout);
    expect(error.code).toBe('invalid_value');
    expect(error.message).toMatch(/不是问题“network”/);
  });
});

describe('values in Chinese text', () => {
  it('are spaced as what they turn out to be: a Latin word or a number from Chinese beside it, Chinese from nothing (QA: Chinese review)', async () => {
    const t = await translator('zh');
    // A chain name in Latin letters gets its spaces; a Chinese provider name loses the ones written for a Latin one.
    expect(t('checkcmd.addressOk', { chain: 'EOS' })).toBe('有效的 EOS 地址');
    expect(t('checkcmd.addressOk', { chain: '比特币' })).toBe('有效的比特币地址');
    expect(fill('是 {name} 的官方联系方式', { name: '我们的钱包' }, true)).toBe('是我们的钱包的官方联系方式');
    expect(fill('是 {name} 的官方联系方式', { name: 'Example Wallet' }, true)).toBe('是 Example Wallet 的官方联系方式');
    // Beside wide punctuation, at either end, and in a command, as written.
    expect(fill('“{input}”不是电话号码', { input: 'abc' }, true)).toBe('“abc”不是电话号码');
    expect(fill('{n} 项通过', { n: 3 }, true)).toBe('3 项通过');
    expect(fill('请用 --country {code} 指明', { code: 'CN' }, true)).toBe('请用 --country CN 指明');
    // A handle or a path keeps the spaces around it, or it would run into the words after it (review).
    expect(fill('例如 {a} 或 {b}', { a: 'telegram:示例钱包客服', b: 'x:示例钱包客服' }, true)).toBe('例如 telegram:示例钱包客服 或 x:示例钱包客服');
    expect(fill('流程文件夹 {dir} 里没有流程文件', { dir: '~/桌面/客服流程' }, true)).toBe('流程文件夹 ~/桌面/客服流程 里没有流程文件');
    expect(fill('由{source}指定', { source: '/etc/wallet/config.json 中的设置' }, true)).toBe('由 /etc/wallet/config.json 中的设置指定');
    expect(fill('由{source}指定', { source: '命令行选项 --flows' }, true)).toBe('由命令行选项 --flows 指定');
    // English is filled as written.
    expect(fill('is {name}’s', { name: '我们的钱包' })).toBe('is 我们的钱包’s');
  });
});
