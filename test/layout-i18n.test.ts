/** Per-language joining of lists and sentences, service hours in the reader's language, the select prompt's page size, and an outcome's title on a narrow terminal. */
import { describe, expect, it } from 'vitest';
import { listOf, orList, sentences, translator } from '../src/i18n/i18n.js';
import { selectLayout } from '../src/io/prompter.js';
import { formatHours } from '../src/render/hours.js';

describe('lists and sentences', () => {
  it('joins lists with ", " in English and "、" in Chinese', async () => {
    expect(listOf(await translator('en'), ['a', 'b', 'c'])).toBe('a, b, c');
    expect(listOf(await translator('zh'), ['a', 'b', 'c'])).toBe('a、b、c');
    expect(orList(await translator('en'), ['a', 'b', 'c'])).toBe('a, b or c');
    expect(orList(await translator('zh'), ['a', 'b'])).toBe('a 或 b');
  });

  it('puts a space between English sentences and none between Chinese ones', async () => {
    expect(sentences(await translator('en'), 'One.', 'Two.')).toBe('One. Two.');
    expect(sentences(await translator('zh'), '一。', '二？')).toBe('一。二？');
  });
});

describe('service hours', () => {
  it('are written in the reader\'s language, days with the same hours together', async () => {
    expect(formatHours('Mo-Fr 09:00-18:00; Sa 10:00-14:00', 'en', await translator('en'))).toBe('Mon–Fri 09:00–18:00; Sat 10:00–14:00');
    expect(formatHours('Mo-Fr 09:00-18:00; Sa 10:00-14:00', 'zh', await translator('zh'))).toBe('周一至周五 09:00–18:00；周六 10:00–14:00');
    // Days that go on over the end of the week are one run, as written (QA: directory review: "Mon, Fri–Sun").
    expect(formatHours('Fr-Mo 10:00-14:00', 'en', await translator('en'))).toBe('Fri–Mon 10:00–14:00');
    expect(formatHours('Sa-Mo 10:00-14:00; We 10:00-14:00', 'en', await translator('en'))).toBe('Wed, Sat–Mon 10:00–14:00');
    expect(formatHours('Su-Mo 10:00-14:00', 'zh', await translator('zh'))).toBe('周日、周一 10:00–14:00');
    expect(formatHours('Mo,We 09:00-12:00,13:00-18:00', 'zh', await translator('zh'))).toBe('周一、周三 09:00–12:00、13:00–18:00');
    expect(formatHours('Fr 22:00-02:00', 'en', await translator('en'))).toBe('Fri 22:00–02:00');
    expect(formatHours('24/7', 'zh', await translator('zh'))).toBe('7×24 小时');
    // Two days in a row are listed, in both languages alike; three or more are a range (QA: zh editor).
    expect(formatHours('Mo-Fr 09:00-18:00; Sa-Su 10:00-16:00', 'zh', await translator('zh'))).toBe('周一至周五 09:00–18:00；周六、周日 10:00–16:00');
    expect(formatHours('Mo-Fr 09:00-18:00; Sa-Su 10:00-16:00', 'en', await translator('en'))).toBe('Mon–Fri 09:00–18:00; Sat, Sun 10:00–16:00');
    expect(formatHours('Mo-We 09:00-18:00; Fr-Sa 10:00-16:00', 'zh', await translator('zh'))).toBe('周一至周三 09:00–18:00；周五、周六 10:00–16:00');
    expect(formatHours('Mo,Tu,Th-Sa 09:00-18:00', 'en', await translator('en'))).toBe('Mon, Tue, Thu–Sat 09:00–18:00');
    // The whole week in words: "周一至周日" is not how Chinese says it (QA: zh editor).
    expect(formatHours('Mo-Su 08:00-22:00', 'zh', await translator('zh'))).toBe('每天 08:00–22:00');
    expect(formatHours('Mo-Su 08:00-22:00', 'en', await translator('en'))).toBe('Daily 08:00–22:00');
  });
});

describe('page size of a select prompt', () => {
  const pageSize = (...args: Parameters<typeof selectLayout>) => selectLayout(...args).pageSize;
  it('leaves room for the question, the longest description and the key hint', () => {
    const choices = [{ description: 'one line' }, { description: 'two\nlines' }, {}];
    // 12 rows: 1 question line, the blank line and the hint, 2 description lines, 1 spare.
    expect(selectLayout(12, 'What is the problem?', choices)).toEqual({ pageSize: 12 - 1 - 2 - 2 - 1, descriptions: true, hint: true });
    expect(pageSize(12, 'a question\non two lines', choices)).toBe(5);
    expect(pageSize(undefined, 'q', choices)).toBe(12);
  });

  it('on a screen too low for all of it, gives up the descriptions, then the key hint, never the question', () => {
    const choices = [{ description: 'three\nline\ndescription' }, {}];
    // 8 rows: 1 question line, 3 description lines, blank and hint, 1 spare leave 1 for the list: the descriptions go.
    expect(selectLayout(8, 'q', choices)).toEqual({ pageSize: 4, descriptions: false, hint: true });
    // 5 rows: the hint goes too, leaving the question and three answers.
    expect(selectLayout(5, 'q', choices)).toEqual({ pageSize: 3, descriptions: false, hint: false });
    // Lower still, the list shrinks under the question rather than push it off the screen.
    expect(selectLayout(4, 'a question\non two lines', choices)).toEqual({ pageSize: 1, descriptions: false, hint: false });
  });
});

describe('an outcome on a narrow terminal', () => {
  it('goes on with a long title under its first word, not under the badge (QA: interactive)', async () => {
    const { run } = await import('./helpers.js');
    for (const [lang, badge] of [['en', '[FIX] '], ['zh', '[可自行解决] ']] as const) {
      const r = await run(['--lang', lang, '--no-color', 'diagnose', 'payment-failed', '--network', 'offline', '--no-input'], { tty: true, columns: 30 });
      expect(r.code).toBe(0);
      const [first, second] = r.stdout.split('\n').filter((l) => l !== '');
      expect(first!.startsWith(badge)).toBe(true);
      // The second line of the title starts where the title did: a blank as wide as the badge, then text.
      const indent = badge.replace(/[^\x20-\x7e]/g, '  ').length;
      expect(second!.slice(0, indent).trim()).toBe('');
      expect(second![indent]).not.toBe(' ');
      expect(`${first}${second}`.length).toBeGreaterThan(30);
    }
  });
});

describe('what a connectivity check measured, in the reader\'s punctuation', () => {
  it('sets the failed layer or the proxy aside in full-width parentheses in Chinese, as a case record keeps them (QA: zh editor)', async () => {
    const { measuredText, summaryCheckLine } = await import('../src/render/check-lines.js');
    const [en, zh] = [await translator('en'), await translator('zh')];
    expect(measuredText(en, { result: 'offline', detail: '(tcp)' })).toBe('offline (tcp)');
    expect(measuredText(zh, { result: 'offline', detail: '(tcp)' })).toBe('无法连接（tcp）');
    expect(measuredText(en, { result: 'unstable', detail: '(proxy 10.0.0.1:8080)' })).toBe('unstable (proxy 10.0.0.1:8080)');
    expect(measuredText(zh, { result: 'unstable', detail: '(proxy 10.0.0.1:8080)' })).toBe('不稳定（经由代理 10.0.0.1:8080）');
    // An unknown result, in a case read back, says why it is unknown (it said "name not found" for a refusal too).
    expect(measuredText(en, { result: 'unknown', detail: '(http)', reasons: ['refused'] })).toBe('the provider’s server refused the connection, so this device is online: the problem is likely on the provider’s side (http)');
    expect(measuredText(en, { result: 'unknown', detail: '(http)', reasons: ['no-answer'] })).toMatch(/^the provider’s server was reached, but its status page did not answer/);
    expect(measuredText(zh, { result: 'unknown', detail: '(dns)', reasons: ['name-not-found'] })).toBe('找不到服务器的域名，但这台设备已连接网络（dns）');
    expect(measuredText(zh, { result: 'ok' })).toBe('正常');
    // Other details are no aside: the confirmations counted stay where the message puts them.
    expect(measuredText(zh, { result: 'confirming', detail: '2/6' })).toBe('仍在确认中 2/6');
    const record = { question: 'network', check: 'connectivity', input: 'api.wallet.invalid', result: 'unknown', reasons: [], detail: '(dns)' };
    expect(summaryCheckLine(zh, record, (s) => s)).toBe('到 api.wallet.invalid 的连接：找不到服务器的域名，但这台设备已连接网络（dns）');
    expect(summaryCheckLine(en, record, (s) => s)).toMatch(/ on a network \(dns\)$/);
  });
});
