/** The one wrapping of text output (src/render/wrap.ts): display width, word boundaries, hanging indents, atoms kept whole; and tables that fit the terminal. */
import stringWidth from 'fast-string-width';
import { describe, expect, it } from 'vitest';
import { hanging, wrap } from '../src/render/wrap.js';
import { table } from '../src/render/table.js';
import { makeStyle } from '../src/render/style.js';
import { tempDir } from './helpers.js';

const lines = (text: string) => text.split('\n');
const widest = (text: string) => Math.max(...lines(text).map((l) => stringWidth(l)));

describe('wrap', () => {
  it('keeps a quoted wallet-help command on one line, so that copying it copies one command (QA: zh user)', () => {
    const en = wrap('Cancelled. What was answered is kept: continue with "wallet-help diagnose payment-failed --resume".', 80);
    expect(en.split('\n')).toContain('"wallet-help diagnose payment-failed --resume".');
    const zh = wrap('已取消。已回答的内容都已保存：运行“wallet-help diagnose suspicious-contact --resume”可继续。', 60);
    expect(zh.split('\n').some((line) => line.includes('“wallet-help diagnose suspicious-contact --resume”'))).toBe(true);
    for (const line of zh.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(60);
    // Wider than the screen, it breaks at its spaces, rather than run past the edge, where the terminal broke it inside a
    // word (QA: 40 columns, "account-compromise" / "d"); a URL still stays whole.
    const narrow = hanging('Warning: ', 'If you have already given it to someone, act now: run "wallet-help diagnose account-compromised".', 40);
    expect(narrow.split('\n')).toEqual(['Warning: If you have already given it to', '         someone, act now: run', '         "wallet-help diagnose', '         account-compromised".']);
    expect(wrap('See https://www.example.com/a/very/long/path/that/does/not/fit', 30).split('\n')).toContain('https://www.example.com/a/very/long/path/that/does/not/fit');
  });

  it('breaks English at spaces, never inside a word, within the width', () => {
    const text = 'Payment or transfer failed because of Frozen or pending funds in the account';
    for (const width of [20, 40, 80]) {
      const out = wrap(text, width);
      expect(widest(out)).toBeLessThanOrEqual(width);
      expect(out.replace(/\n/g, ' ')).toBe(text);
    }
  });

  it('indents continuation lines under the text of a list item', () => {
    const out = wrap('  1. Check whether the account has frozen or pending funds before trying again', 40);
    expect(lines(out).slice(1).every((l) => l.startsWith('     ') && l[5] !== ' ')).toBe(true);
    expect(lines(out).length).toBeGreaterThan(1);
  });

  it('measures Chinese as two columns and may break between its characters', () => {
    const text = '请在官方网站核对这些联系方式，不要相信任何自称客服的陌生来电或者短信中的链接';
    const out = wrap(text, 30);
    expect(widest(out)).toBeLessThanOrEqual(30);
    expect(out.replace(/\n/g, '')).toBe(text);
  });

  it('never starts a line with closing punctuation', () => {
    for (let width = 20; width <= 44; width++) {
      const out = wrap('语言：英语、中文、日语、韩语、法语、德语、西班牙语、葡萄牙语。请先确认（这一步很重要），再继续。', width);
      for (const l of lines(out).slice(1)) expect('、，。：；）」”').not.toContain(l[0]);
    }
  });

  it('keeps a URL, an e-mail address and a number with its unit whole', () => {
    for (let width = 20; width <= 44; width++) {
      const out = wrap('请在官方网站核对：https://www.example.com/help/contact 或写信给 payments@example.com，1 天 2 小时后再试，13 h 20 min left', width);
      const flat = out.split('\n').map((l) => l.trim());
      const joined = flat.join('\n');
      expect(joined).toContain('https://www.example.com/help/contact');
      expect(joined).toContain('payments@example.com');
      for (const unit of ['1 天', '2 小时', '13 h', '20 min']) expect(joined).toContain(unit);
    }
  });

  it('moves a value that does not fit after its label to the next line, a little in from where its line starts', () => {
    const out = hanging('  ● open  Web  ', 'https://www.example.com/support', 40);
    expect(lines(out)).toEqual(['  ● open  Web', '    https://www.example.com/support']);
  });

  it('puts a value too long for its column on its own line at one fixed indent, never pushed towards the right margin (QA: desk, 40 columns)', () => {
    // Before, each went as far left as it needed and no further: columns 20, 21, 5 … as if right-aligned at random.
    for (const value of ['payments@example.com', 'support@example.com', 'https://www.example.com/help/ticket']) {
      expect(lines(hanging('  ● open now  E-mail  ', value, 40))).toEqual(['  ● open now  E-mail', `    ${value}`]);
    }
    // The rest of the text goes on under it, at the same indent.
    expect(lines(hanging('  When it happened (with the time zone): ', 'The caller says it happened around lunch time yesterday, Beijing time', 40))).toEqual([
      '  When it happened (with the time zone):',
      '    The caller says it happened around',
      '    lunch time yesterday, Beijing time',
    ]);
    // Wider than the screen even there, it starts the line; where the indent has room, the rest goes on under the text.
    expect(lines(hanging('Warning: ', `see ${'x'.repeat(45)} and the words after it`, 40))).toEqual(['Warning: see', 'x'.repeat(45), '         and the words after it']);
    expect(lines(hanging('  ● open now  Ticket  ', 'https://www.example.com/help/ticket and notes after it', 40))).toEqual(['  ● open now  Ticket', '    https://www.example.com/help/ticket', '                      and notes after it']);
  });

  it('keeps colours on every line of a wrapped styled text and ignores them in widths', () => {
    const bold = (s: string) => `\u001b[1m${s}\u001b[22m`;
    const out = hanging('', bold('a bold title that is long enough to wrap'), 20);
    // eslint-disable-next-line no-control-regex
    const plain = out.replace(/\u001b\[[0-9;]*m/g, '');
    expect(widest(plain)).toBeLessThanOrEqual(20);
    for (const l of lines(out)) expect(l.includes('\u001b[1m')).toBe(true);
  });

  it('leaves text alone without a width (not a terminal)', () => {
    const text = 'x '.repeat(100).trim();
    expect(wrap(text, undefined)).toBe(text);
    expect(hanging('  - ', text, undefined)).toBe(`  - ${text}`);
  });
});

describe('tables on a terminal', () => {
  const header = ['ID', 'TITLE', 'VERSION', 'SOURCE'];
  const rows = [
    header,
    ['payment-failed', 'Payment or transfer failed', '1', 'bundled'],
    ['account-compromised', 'Account stolen or money moving without consent', '12', '/srv/wallet-help/flows'],
    ['fees', '手续费问题与收费标准说明', '3', 'bundled'],
  ];
  const plain = makeStyle(false);
  const cellStarts = (line: string) => [...line.matchAll(/(?<=^| {2})\S/g)].map((m) => stringWidth(line.slice(0, m.index)));

  it('keeps every row on one line without a width (a file or a pipe, for scripts)', async () => {
    const out = await table(rows, plain);
    expect(lines(out.trimEnd())).toHaveLength(rows.length);
    expect(lines(out)[2]).toBe('account-compromised  Account stolen or money moving without consent  12       /srv/wallet-help/flows');
  });

  it('narrows the widest column to fit the terminal, wrapping its cells between words, the columns still aligned', async () => {
    const out = await table(rows, plain, 80);
    expect(widest(out)).toBeLessThanOrEqual(80);
    const all = lines(out.trimEnd());
    expect(all.length).toBeGreaterThan(rows.length);
    // Each row's first line starts its cells in the header's columns (measured in display width: 手 is two).
    for (const row of rows.slice(1)) expect(cellStarts(all.find((l) => l.startsWith(row[0]!))!)).toEqual(cellStarts(all[0]!));
    // No word is cut: the title cell's lines put back together are the title.
    const start = all.findIndex((l) => l.startsWith('account-compromised'));
    const titleAt = cellStarts(all[0]!)[1]!;
    const title = [all[start]!, all[start + 1]!, ...(all[start + 2]?.startsWith(' ') ? [all[start + 2]!] : [])].map((l) => l.slice(titleAt).split('  ')[0]!.trim());
    expect(title.join(' ')).toBe('Account stolen or money moving without consent');
  });

  it('shows each row as a block of header and value lines when the columns cannot fit', async () => {
    const out = await table(rows, plain, 40);
    expect(widest(out)).toBeLessThanOrEqual(40);
    const blocks = out.trimEnd().split('\n\n');
    expect(blocks).toHaveLength(rows.length - 1);
    expect(lines(blocks[0]!)).toEqual(['ID       payment-failed', 'TITLE    Payment or transfer failed', 'VERSION  1', 'SOURCE   bundled']);
    expect(lines(blocks[1]!)[1]).toBe('TITLE    Account stolen or money moving');
    expect(lines(blocks[1]!)[2]).toBe('         without consent');
  });

  it('puts a value with a word too long to stand beside the headers on the line under its header, at one indent (QA: desk)', async () => {
    const wide = [['CASE', 'TIME (Europe/London)', 'FLOW', 'OUTCOME'], ['52686913', '2026-11-22 20:39', 'account-compromised', 'escalate escalate-stuck-no-txid']];
    const out = await table(wide, plain, 40);
    expect(widest(out)).toBeLessThanOrEqual(40);
    expect(lines(out.trimEnd())).toEqual(['CASE                  52686913', 'TIME (Europe/London)  2026-11-22 20:39', 'FLOW', '  account-compromised', 'OUTCOME', '  escalate escalate-stuck-no-txid']);
    // Wide enough, every value stays beside its header, as before.
    expect(lines((await table(wide, plain, 44)).trimEnd())).toContain('FLOW                  account-compromised');
  });

  it('lists saved cases readably on a 40-column terminal (QA: interactive)', async () => {
    const { run } = await import('./helpers.js');
    const env = { WALLET_HELP_CONFIG_DIR: tempDir('wallet-help-table-') };
    for (const answers of [['--network', 'offline'], ['--network', 'ok', '--balance', 'insufficient']]) {
      expect((await run(['diagnose', 'payment-failed', ...answers, '--save', '--no-input'], { env })).code).toBe(0);
    }
    const r = await run(['--no-color', 'cases', 'list'], { env, tty: true, columns: 40 });
    expect(r.code).toBe(0);
    expect(widest(r.stdout), r.stdout).toBeLessThanOrEqual(40);
    expect(r.stdout).toMatch(/OUTCOME +fix fix-connection/);
    const piped = await run(['cases', 'list'], { env });
    expect(lines(piped.stdout.trimEnd())).toHaveLength(3);
    // With no case saved, the sentence that says so is wrapped like all text (it broke inside a word).
    const none = await run(['--no-color', 'cases', 'list'], { env: { WALLET_HELP_CONFIG_DIR: tempDir('wallet-help-table-') }, tty: true, columns: 40 });
    expect(widest(none.stdout), none.stdout).toBeLessThanOrEqual(40);
    expect(none.stdout.replace(/\s+/g, ' ').trim()).toBe('No saved cases. Save cases with --save or "wallet-help config set saveCases true".');
  });
});
