/** Support-staff mode: agent wording, Back and Start over, summaries, the case log and --resume. */
import { spawn } from 'node:child_process';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';
import { ROOT, run, tempDir } from './helpers.js';

const json = (s: string) => JSON.parse(s);
const lines = (file: string) => readFileSync(file, 'utf8').trim().split('\n');

describe('agent mode', () => {
  it('asks in the agent wording', async () => {
    const r = await run(['diagnose', 'payment-failed', '--agent'], { tty: true, prompts: [{ expect: 'Ask the caller whether other apps', pick: 'offline' }] });
    r.prompter.assertDone();
    expect(r.code).toBe(0);
    expect(r.prompter.asked[0]!.choices.map((c) => c.value)).toEqual(['ok', 'unstable', 'offline']);
  });

  it('offers Back, Start over and the path from the second question on, and honours them', async () => {
    const r = await run(['diagnose', 'payment-failed'], {
      tty: true,
      prompts: [
        { pick: 'ok' },
        { pick: '__path' },
        { pick: '__back' },
        { pick: 'ok' },
        { pick: 'sufficient' },
        { pick: '__restart' },
        { pick: 'offline' },
      ],
    });
    r.prompter.assertDone();
    expect(r.code).toBe(0);
    const asked = r.prompter.asked;
    expect(asked[0]!.choices.map((c) => c.value)).not.toContain('__back');
    expect(asked[1]!.choices.map((c) => c.value)).toEqual(['sufficient', 'insufficient', '__back', '__restart', '__path']);
    expect(r.stdout).toContain('Answers so far:\n  1. Is your internet connection working normally right now? — ');
    // Showing the path asks the same question again; Back returns to the first; Start over too.
    const [network, balance] = [asked[0]!.message, asked[1]!.message];
    expect(asked.map((q) => q.message)).toEqual([network, balance, balance, network, balance, asked[5]!.message, network]);
    expect([network, balance]).not.toContain(asked[5]!.message);
    expect(r.stdout).toContain('Fix your connection');
  });

  it('drives an agent session with Back and Start over, and the summary shows only the answers that stood', async () => {
    const r = await run(['diagnose', 'payment-failed', '--agent'], {
      tty: true,
      prompts: [
        { expect: 'Ask the caller', pick: 'ok' },
        { pick: '__back' }, // at the balance question: back to the network question
        { pick: 'ok' },
        { pick: 'sufficient' },
        { pick: '__restart' }, // at the verification question: everything again
        { pick: 'offline' },
      ],
    });
    r.prompter.assertDone();
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Questions and answers');
    const answers = r.stdout.slice(r.stdout.indexOf('Questions and answers'));
    expect(answers).toContain('(network=offline)');
    expect(answers).not.toContain('network=ok');
    expect(answers).not.toContain('balance=');
    expect(r.stdout).toContain('Fix your connection');
  });

  it('tells the steps in agent wording, asks for the case facts and ends with a summary for the ticket', async () => {
    const r = await run(['diagnose', 'contact-support', '--agent', '--answer', 'topic=account'], {
      tty: true,
      prompts: [{ expect: 'Account ID', pick: 'U-12345' }, { pick: '' }, { pick: '' }, { pick: '' }, { pick: '' }, { pick: '' }, { pick: '' }, { expect: 'Error message', pick: 'E1001 card declined' }],
    });
    r.prompter.assertDone();
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/(Tell|Give|Ask|Walk|Remind|Open) the caller|the caller/);
    expect(r.stdout).toContain('Case ');
    expect(r.stdout).toContain('Questions and answers');
    expect(r.stdout).toContain('Account ID: U-12345');
    expect(r.stdout).toContain('Error message: E1001 card declined');
  });
});

describe('summaries', () => {
  it('in Markdown, turn what was typed into code, so a typed link is never live', async () => {
    const r = await run(['diagnose', 'contact-support', '--answer', 'topic=payments', '--answer', 'payment-kind=crypto', '--fact', 'amount=[click](https://evil.io)', '--fact', 'error=<img src=x> `E1` **bold**', '--summary', 'md']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('- Amount: `[click](https://evil.io)`');
    expect(r.stdout).toContain('- Error message: ``<img src=x> `E1` **bold**``');
    // Text from files is escaped rather than quoted as code.
    expect(r.stdout).toMatch(/\(topic=payments\)/);
  });

  it('come as text, Markdown or JSON with time, flow, answers, outcome, contact and facts', async () => {
    const args = ['diagnose', 'contact-support', '--answer', 'topic=payments', '--answer', 'payment-kind=crypto', '--fact', 'txid=4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b', '--fact', 'amount=0.5 LTC'];
    const md = await run([...args, '--summary', 'md']);
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/## Case [0-9a-f]{8}/);
    expect(md.stdout).toContain('Flow: contact-support (version 1)');
    expect(md.stdout).toContain('- Transaction ID (TxID): `4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b`');
    expect(md.stdout).toContain('### Contact shown');
    const doc = json((await run([...args, '--summary', 'json', '--json'])).stdout);
    // Embedded as an object: a script reads it without parsing a string of JSON.
    expect(typeof doc.summary).toBe('object');
    const record = doc.summary;
    expect(record).toMatchObject({ status: 'finished', flow: 'contact-support', version: 1, outcome: { kind: 'escalate', queue: 'payments' }, facts: { amount: '0.5 LTC' } });
    expect(record.path).toEqual([
      { question: 'topic', answer: 'payments' },
      { question: 'payment-kind', answer: 'crypto' },
    ]);
    expect(record.timeZone).toMatch(/\w/);
    expect((await run([...args, '--summary', 'pdf'])).code).toBe(2);
  });

  it('never carry a secret', async () => {
    const r = await run(['diagnose', 'fees', '--answer', 'fee-type=hotline', '--fact', 'error=card 4111 1111 1111 1111 declined', '--summary', 'text']);
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).not.toContain('4111 1111');
  });
});

describe('the case log', () => {
  it('keeps saved cases and lists, shows, counts and exports them', async () => {
    const env = { WALLET_HELP_CONFIG_DIR: tempDir() };
    await run(['diagnose', 'payment-failed', '--network', 'offline', '--save'], { env });
    await run(['diagnose', 'contact-support', '--answer', 'topic=account', '--save', '--fact', 'error=He said: "wait, then retry"\nline two', '--fact', 'account-id=张三-001'], { env });
    const list = json((await run(['cases', 'list', '--json'], { env })).stdout);
    expect(list.map((c: { flow: string }) => c.flow)).toEqual(['payment-failed', 'contact-support']);
    const show = await run(['cases', 'show', list[1].id.slice(0, 8)], { env });
    expect(show.stdout).toContain('Account ID: 张三-001');
    const stats = json((await run(['cases', 'stats', '--json'], { env })).stdout);
    expect(stats).toMatchObject({ cases: 2, finished: 2, byFlow: { 'payment-failed': 1, 'contact-support': 1 }, escalatedShare: 0.5, byExitPoint: { 'payment-failed/network=offline': 1, 'contact-support/topic=account': 1 } });
    expect((await run(['cases', 'list', '--json', '--outcome', 'escalate'], { env })).stdout).toContain('contact-support');
    expect(json((await run(['cases', 'list', '--json', '--flow', 'fees'], { env })).stdout)).toEqual([]);
  });

  it('exports CSV that a spreadsheet reads back exactly: quotes, commas, line breaks, Chinese', async () => {
    const env = { WALLET_HELP_CONFIG_DIR: tempDir() };
    const error = 'He said: "wait, then retry"\nline two';
    await run(['diagnose', 'contact-support', '--answer', 'topic=account', '--save', '--fact', `error=${error}`, '--fact', 'account-id=张三-001'], { env });
    const csv = (await run(['cases', 'export', '--format', 'csv'], { env })).stdout;
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]!.facts).toBe(`account-id: 张三-001\nerror: ${error}`);
    expect(rows[0]!.flow).toBe('contact-support');
    const jsonl = (await run(['cases', 'export', '--format', 'jsonl'], { env })).stdout.trim().split('\n');
    expect(json(jsonl[0]!).facts.error).toBe(error);
  });

  it('skips a torn last line with a warning and never rewrites the file', async () => {
    const dir = tempDir();
    const env = { WALLET_HELP_CONFIG_DIR: dir };
    await run(['diagnose', 'payment-failed', '--network', 'offline', '--save'], { env });
    appendFileSync(join(dir, 'cases.jsonl'), '{"id":"half-writ');
    const before = readFileSync(join(dir, 'cases.jsonl'));
    const r = await run(['cases', 'list', '--json'], { env });
    expect(r.code).toBe(0);
    expect(json(r.stdout)).toHaveLength(1);
    expect(r.stderr).toContain('line 2 of the case log is incomplete');
    expect(readFileSync(join(dir, 'cases.jsonl'))).toEqual(before);
  });

  it('loses nothing and never interleaves when two processes save at once', async () => {
    const dir = tempDir();
    const bundle = join(dir, 'store.mjs');
    await esbuild.build({ entryPoints: [join(ROOT, 'src/cases/store.ts')], bundle: true, platform: 'node', format: 'esm', outfile: bundle, logLevel: 'error', absWorkingDir: ROOT });
    const writer = join(dir, 'writer.mjs');
    writeFileSync(
      writer,
      `import { appendCase } from ${JSON.stringify(bundle)};
       const who = process.argv[2];
       const big = 'x'.repeat(3000);
       for (let i = 0; i < 200; i++) await appendCase(process.env, { id: who + '-' + i, status: 'finished', flow: 'f', version: 1, lang: 'en', role: 'user', startedAt: '', endedAt: '', timeZone: 'UTC', path: [], checks: [], outcome: null, contact: null, facts: { error: big } });`,
    );
    const spawnWriter = (who: string) =>
      new Promise<number | null>((resolve) => spawn(process.execPath, [writer, who], { cwd: ROOT, env: { ...process.env, WALLET_HELP_CONFIG_DIR: dir }, stdio: 'inherit' }).on('close', resolve));
    expect(await Promise.all([spawnWriter('a'), spawnWriter('b')])).toEqual([0, 0]);
    const all = lines(join(dir, 'cases.jsonl')).map((l) => json(l).id as string);
    expect(all).toHaveLength(400);
    expect(new Set(all).size).toBe(400);
  });
});

describe('--resume', () => {
  it('continues the last unfinished interactive case after Ctrl+C', async () => {
    const env = { WALLET_HELP_CONFIG_DIR: tempDir() };
    const first = await run(['diagnose', 'payment-failed', '--save'], { tty: true, env, prompts: [{ pick: 'ok' }, { pick: 'sufficient' }, { pick: 'cancel' }] });
    expect(first.code).toBe(130);
    const cancelled = json((await run(['cases', 'list', '--json'], { env })).stdout);
    expect(cancelled[0]).toMatchObject({ status: 'cancelled', path: [{ question: 'network', answer: 'ok' }, { question: 'balance', answer: 'sufficient' }] });
    const second = await run(['diagnose', '--resume'], { tty: true, env, prompts: [{ expect: 'verif', pick: 'pending' }] });
    second.prompter.assertDone();
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('Continuing the case started');
    const third = await run(['diagnose', '--resume'], { tty: true, env });
    expect(third.code).toBe(2);
    expect(third.stderr).toContain('There is no unfinished case to continue.');
  });

  it('needs a terminal', async () => {
    expect((await run(['diagnose', '--resume'])).stderr).toContain('needs a terminal');
  });
});
