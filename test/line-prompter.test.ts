/**
 * The prompter of a terminal that cannot move its cursor (TERM=dumb): questions written once, answers read as lines.
 * The terminal end to end is in terminal.e2e.test.ts.
 */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CancelError } from '../src/errors.js';
import { linePrompter } from '../src/io/line-prompter.js';
import type { SelectQuestion } from '../src/io/prompter.js';

function terminal(columns?: number) {
  const input = new PassThrough();
  const output = Object.assign(new PassThrough(), columns === undefined ? {} : { columns });
  let written = '';
  output.on('data', (chunk: Buffer) => (written += chunk.toString()));
  return { input, output, written: () => written };
}

const QUESTION: SelectQuestion<'ok' | 'offline' | 'slow'> = {
  message: 'Is the network working?',
  choices: [
    { value: 'ok', name: 'Yes, it works', description: 'Pages and other apps load.' },
    { value: 'offline', name: 'No connection' },
    { value: 'slow', name: 'Slow' },
  ],
};

/** Resolves once the output has shown `text`. */
async function shown(written: () => string, text: string): Promise<void> {
  while (!written().includes(text)) await new Promise((r) => setTimeout(r, 1));
}

describe('line prompter', () => {
  it('numbers the answers under the question and takes a number, a value or a label as written', async () => {
    for (const [typed, expected] of [['2', 'offline'], ['slow', 'slow'], ['  yes, IT works ', 'ok'], ['OFFLINE', 'offline']] as const) {
      const t = terminal();
      const prompter = await linePrompter(t.input, t.output);
      const answer = prompter.select(QUESTION);
      await shown(t.written, 'Your choice (1-3): ');
      t.input.write(`${typed}\n`);
      expect(await answer, typed).toBe(expected);
      expect(t.written()).toBe('? Is the network working?\n  1) Yes, it works\n       Pages and other apps load.\n  2) No connection\n  3) Slow\nYour choice (1-3): ');
    }
  });

  it('asks again after a line that names no answer, in the words given, and Enter takes the default', async () => {
    const t = terminal();
    const prompter = await linePrompter(t.input, t.output);
    const keys = { navigate: '移动', select: '选择', choose: (count: number, fallback?: number) => `请输入编号（1-${count}，直接回车选 ${fallback}）：`, retry: (count: number) => `请输入 1-${count} 之间的编号。` };
    const answer = prompter.select({ ...QUESTION, default: 'slow', keys });
    t.input.write('4\n0\nmaybe\n\n');
    expect(await answer).toBe('slow');
    // No space after a full-width colon; the retry, with the range, said once for each of the three lines.
    expect(t.written().split('请输入 1-3 之间的编号。')).toHaveLength(4);
    expect(t.written()).toContain('请输入编号（1-3，直接回车选 3）：请输入 1-3');
    // Without words given, the range in English.
    const plain = terminal();
    const asked = (await linePrompter(plain.input, plain.output)).select(QUESTION);
    plain.input.write('7\n1\n');
    expect(await asked).toBe('ok');
    expect(plain.written()).toContain('Type a number from 1 to 3.\n');
  });

  it('reads full-width digits and letters as a Chinese input method types them (QA: Chinese user, "２" was refused)', async () => {
    for (const [typed, expected] of [['２', 'offline'], ['３', 'slow'], ['\u3000１\u3000', 'ok'], ['ＳＬＯＷ', 'slow'], ['Ｙｅｓ， it works', 'ok']] as const) {
      const t = terminal();
      const answer = (await linePrompter(t.input, t.output)).select(QUESTION);
      t.input.write(`${typed}\n`);
      expect(await answer, typed).toBe(expected);
    }
    // Out of range in either width is no answer.
    const t = terminal();
    const answer = (await linePrompter(t.input, t.output)).select(QUESTION);
    t.input.write('４\n２\n');
    expect(await answer).toBe('offline');
    expect(t.written()).toContain('Type a number from 1 to 3.');
  });

  it('keeps lines typed ahead (a pasted run of answers) for the questions after, and a line split over chunks whole', async () => {
    const t = terminal();
    const prompter = await linePrompter(t.input, t.output);
    t.input.write('3\nslo');
    expect(await prompter.select(QUESTION)).toBe('slow');
    const second = prompter.select(QUESTION);
    t.input.write('w\n1\n');
    expect(await second).toBe('slow');
    expect(await prompter.select(QUESTION)).toBe('ok');
  });

  it('writes a line typed ahead after its prompt, so each answer stands beside its question, and a last line ended by Ctrl+D gets its newline', async () => {
    const t = terminal();
    const prompter = await linePrompter(t.input, t.output);
    t.input.write('3\n2\n');
    expect(await prompter.select(QUESTION)).toBe('slow');
    expect(await prompter.select(QUESTION)).toBe('offline');
    expect(t.written()).toContain('Your choice (1-3): 2\n');
    t.input.end('1');
    expect(await prompter.select(QUESTION)).toBe('ok');
    expect(t.written().endsWith('Your choice (1-3): \n')).toBe(true);
  });

  it('leaves out the escape sequences a dumb terminal passes arrow keys through as (QA: review; "[D" was taken for text)', async () => {
    const t = terminal();
    const prompter = await linePrompter(t.input, t.output);
    const typed = prompter.input({ message: 'The amount?' });
    t.input.write('50\u001b[D\u001b[C USDT\u001bOA\n');
    expect(await typed).toBe('50 USDT');
  });

  it('cancels at once on input read to its end before (answers read from the terminal by --answers -), instead of waiting forever', async () => {
    const t = terminal();
    t.input.end();
    t.input.resume();
    await new Promise((r) => t.input.once('end', r));
    const error = await (await linePrompter(t.input, t.output)).select(QUESTION).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(CancelError);
  });

  it('reads a text answer, shows the default in brackets, and Enter keeps it', async () => {
    const t = terminal();
    const prompter = await linePrompter(t.input, t.output);
    const typed = prompter.input({ message: 'The amount?' });
    t.input.write('50 USDT\n');
    expect(await typed).toBe('50 USDT');
    const kept = prompter.input({ message: 'The amount?', default: '50 USDT' });
    await shown(t.written, '? The amount? [50 USDT]\n> ');
    t.input.write('\n');
    expect(await kept).toBe('50 USDT');
  });

  it('wraps the question and the answers at spaces, continuation lines under their text', async () => {
    const t = terminal(21);
    const prompter = await linePrompter(t.input, t.output);
    const answer = prompter.select({ message: 'Is the network working right now?', choices: [{ value: 'a', name: 'Yes it works fine here' }] });
    t.input.write('1\n');
    await answer;
    expect(t.written().split('\n').slice(0, 4)).toEqual(['? Is the network', '  working right now?', '  1) Yes it works', '     fine here']);
  });

  it('cancels at the end of input (Ctrl+D), ending the prompt line; a last line without its newline is still an answer', async () => {
    const t = terminal();
    const prompter = await linePrompter(t.input, t.output);
    t.input.end('2');
    expect(await prompter.select(QUESTION)).toBe('offline');
    const error = await prompter.select(QUESTION).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(CancelError);
    expect((error as CancelError).exitCode).toBe(130);
    expect(t.written().endsWith('Your choice (1-3): \n')).toBe(true);
  });

  it('cancels on the run\'s stop signal with the signal\'s exit code, and on a failed read as a hangup', async () => {
    const t = terminal();
    const stop = new AbortController();
    const prompter = await linePrompter(t.input, t.output, stop.signal);
    const asked = prompter.select(QUESTION).catch((err: unknown) => err);
    stop.abort('SIGTERM');
    expect(((await asked) as CancelError).exitCode).toBe(143);
    const gone = terminal();
    const second = (await linePrompter(gone.input, gone.output)).input({ message: 'The amount?' }).catch((err: unknown) => err);
    gone.input.destroy(Object.assign(new Error('read EIO'), { code: 'EIO' }));
    expect(((await second) as CancelError).exitCode).toBe(129);
  });
});
