import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { phoneDirectory, ROOT, run, tempDir } from './helpers.js';

const lines = (s: string) =>
  s
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));

describe('diagnose --batch', () => {
  it('writes one result line per input line, in order, in the --json shape, echoing ids', async () => {
    const input = [
      { id: 'a', flow: 'payment-failed', answers: { network: 'offline' } },
      { flow: 'payment-failed', answers: { network: 'ok', balance: 'insufficient' } },
      { id: 3, flow: 'account-compromised' },
    ]
      .map((x) => JSON.stringify(x))
      .join('\n');
    const r = await run(['diagnose', '--batch', '-'], { stdin: `${input}\n` });
    expect(r.code).toBe(0);
    const out = lines(r.stdout);
    expect(out).toHaveLength(3);
    expect(out[0]).toMatchObject({ id: 'a', flow: 'payment-failed', outcome: { kind: 'fix' }, answers: { network: 'offline' } });
    expect(out[1].id).toBeUndefined();
    expect(out[1].path).toEqual([
      { question: 'network', answer: 'ok' },
      { question: 'balance', answer: 'insufficient' },
    ]);
    expect(out[2]).toMatchObject({ id: 3, outcome: { kind: 'alert', queue: 'security', contact: { provider: 'Example Wallet' } } });
    // The same document as a single --json run gives.
    const single = JSON.parse((await run(['diagnose', 'payment-failed', '--network', 'offline', '--json'])).stdout);
    expect({ ...out[0], id: undefined }).toEqual({ ...single, id: undefined });
    expect(r.stderr).toBe('3 lines, 0 failed.\n');
  });

  it('answers a bad line with an error line and goes on; exit 1 at the end', async () => {
    const input = ['{"flow":"nope"}', 'not json', '', '{"id":7,"flow":"payment-failed","answers":{"network":"maybe"}}', '{"flow":"payment-failed","answers":{"network":1}}', '{"id":"z","flow":"fees","answers":{"fee-type":"hotline"}}'].join('\r\n');
    const r = await run(['diagnose', '--batch', '-'], { stdin: input });
    expect(r.code).toBe(1);
    const out = lines(r.stdout);
    // The blank third line is skipped; line numbers still count it.
    // A text answer that is a number gets the code the library gives it.
    expect(out.map((o) => o.error?.code ?? 'ok')).toEqual(['unknown_flow', 'invalid_line', 'invalid_value', 'invalid_answers', 'ok']);
    expect(out[1]).toMatchObject({ line: 2, error: { column: 1, message: 'Column 1 of the line: not valid JSON: a value was expected here (text in double quotes, a number, true, false, null, an object or a list).' } });
    expect(out[2]).toMatchObject({ id: 7, line: 4 });
    expect(out[4]).toMatchObject({ id: 'z', outcome: { id: 'fix-call-costs' } });
    expect(r.stderr).toContain('5 lines, 4 failed.');
  });

  it('asks a line for a missing answer in its own terms, and gives an agent the steps of a flow without agent wording (QA: README)', async () => {
    const r = await run(['diagnose', '--batch', '-'], { stdin: '{"flow":"payment-failed","answers":{"network":"ok"}}\n' });
    const error = JSON.parse(r.stdout).error;
    expect(error).toMatchObject({ code: 'missing_answer', question: { id: 'balance' } });
    expect(error.message).toContain('Give it in the answers, as "balance": VALUE');
    expect(error.message).not.toContain('--answer');
    const flows = tempDir('wallet-help-noagent-');
    writeFileSync(join(flows, 'fees.yaml'), readFileSync(join(ROOT, 'flows/fees.yaml'), 'utf8').replace(/^ {4}agent:\n(?: {6}.*\n)+/gm, ''));
    const agent = await run(['--flows', flows, 'diagnose', 'fees', '--answer', 'fee-type=network-fee', '--agent', '--json']);
    expect(agent.code, agent.stderr).toBe(0);
    const doc = JSON.parse(agent.stdout);
    expect(doc).toMatchObject({ role: 'agent' });
    expect(doc.agentSteps).toEqual(doc.outcome.steps);
  });

  it('names the answer that is not text by its question, as the library does; a key that holds a secret is refused as one (QA: README, script)', async () => {
    const r = await run(['diagnose', '--batch', '-'], { stdin: '{"flow":"payment-failed","answers":{"network":1}}\n{"flow":"payment-failed","answers":{"482913":2}}\n{"flow":"payment-failed","answers":{"__proto__":5}}\n' });
    const [first, second, third] = r.stdout.trim().split('\n').map((l) => JSON.parse(l).error);
    expect(first).toEqual({ code: 'invalid_answers', message: 'The answer to "network" must be text, like {"network": "ok"}, not a number, true or false, null, a list or an object.', question: { id: 'network' } });
    // Screened before it is quoted: six digits are a one-time code, in a key as in a value.
    expect(second).toMatchObject({ code: 'secret_refused', kind: 'one-time-code', field: 'answers' });
    expect(second.question).toBeUndefined();
    expect(r.stdout).not.toContain('482913');
    // Any key is named as it was sent, once screened (it was "…").
    expect(third).toMatchObject({ code: 'invalid_answers', question: { id: '__proto__' }, message: expect.stringContaining('"__proto__"') });
  });

  it('takes "answers": null as no answers, as the library does (a JSON writer gives null for an empty map)', async () => {
    const r = await run(['diagnose', '--batch', '-'], { stdin: '{"id":2,"flow":"account-compromised","answers":null}\n{"id":3,"flow":"payment-failed","answers":null}\n{"id":4,"flow":"payment-failed","answers":[]}\n' });
    const [alert, missing, list] = lines(r.stdout);
    expect(alert).toMatchObject({ id: 2, outcome: { id: 'alert-compromised' } });
    expect(missing).toMatchObject({ id: 3, error: { code: 'missing_answer', question: { id: 'network' } } });
    expect(list).toMatchObject({ id: 4, error: { code: 'invalid_answers' } });
  });

  it('takes "id": null as no id, the way it takes "answers": null', async () => {
    const r = await run(['diagnose', '--batch', '-'], { stdin: '{"id":null,"flow":"account-compromised"}\n{"id":null,"flow":"nope"}\n' });
    expect(r.code).toBe(1);
    const [alert, unknown] = lines(r.stdout);
    expect(alert).toMatchObject({ outcome: { id: 'alert-compromised' } });
    expect(alert).not.toHaveProperty('id');
    expect(unknown).toEqual({ line: 2, error: expect.objectContaining({ code: 'unknown_flow' }) });
  });

  it('gives in the details the flow, question id and value as the line sent them, and quotes them escaped in the message (QA: script)', async () => {
    const input = [
      { id: 1, flow: 'pay\u001bment' },
      { id: 2, flow: 'payment-failed', answers: { 'x\u0007': 'ok' } },
      { id: 3, flow: 'payment-failed', answers: { network: 'off\u202eline' } },
      { id: 4, flow: 'x'.repeat(100) },
    ];
    const r = await run(['diagnose', '--batch', '-'], { stdin: `${input.map((l) => JSON.stringify(l)).join('\n')}\n` });
    const [flow, question, value, long] = lines(r.stdout).map((l) => l.error);
    expect(flow).toMatchObject({ code: 'unknown_flow', flow: 'pay\u001bment', message: expect.stringContaining('"pay\\x1bment"') });
    expect(question).toMatchObject({ code: 'unknown_question', question: { id: 'x\u0007' }, message: expect.stringContaining('"x\\x07"') });
    expect(value).toMatchObject({ code: 'invalid_value', value: 'off\u202eline', message: expect.stringContaining('"off\\u202eline"') });
    // Very long values are still cut short, at 60 characters.
    expect(long.flow).toBe(`${'x'.repeat(60)}…`);
    // On the wire, JSON writes them as escapes: nothing reaches a terminal raw.
    // eslint-disable-next-line no-control-regex
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
  });

  it('gives the command line’s own values in the details as they were sent, too: --lang, --now, --answer, --flows (QA: script)', async () => {
    const detail = async (argv: string[], env: Record<string, string> = {}) => {
      const r = await run([...argv, '--json'], { env });
      expect(r.code).toBe(2);
      return JSON.parse(r.stdout).error as Record<string, unknown>;
    };
    const lang = await detail(['--lang', 'z\u001bz', 'diagnose', 'payment-failed']);
    expect(lang).toMatchObject({ code: 'invalid_lang', lang: 'z\u001bz', message: 'Unknown language "z\\x1bz". Use en or zh.' });
    const now = await detail(['diagnose', 'payment-failed', '--now', 'to\u0007day']);
    expect(now).toMatchObject({ code: 'invalid_now', value: 'to\u0007day', message: expect.stringContaining('"to\\x07day"') });
    const fromEnv = await detail(['diagnose', 'payment-failed'], { WALLET_HELP_NOW: 'to\u0007day' });
    expect(fromEnv).toMatchObject({ code: 'invalid_now', value: 'to\u0007day', source: 'WALLET_HELP_NOW' });
    const answer = await detail(['diagnose', 'payment-failed', '--answer', 'net\u202ework']);
    expect(answer).toMatchObject({ code: 'invalid_answer_flag', arg: 'net\u202ework', message: expect.stringContaining('net\\u202ework') });
    const folder = join(tempDir(), 'no\u001bpe');
    expect(await detail(['--flows', folder, 'diagnose', 'payment-failed'])).toMatchObject({ code: 'flows_folder', dir: folder });
  });

  it('says which field held a secret, and under which question when it was an answer, never the secret (QA: script)', async () => {
    const phrase = 'legal winner thank year wave sausage worth useful legal winner thank yellow';
    const input = [
      { id: phrase, flow: 'fees' },
      { id: 2, flow: phrase },
      { id: 3, flow: 'payment-failed', answers: { network: phrase } },
      { id: 4, flow: 'payment-failed', answers: { [phrase]: 'ok' } },
      { id: 5, flow: 'payment-failed', answers: { netwrk: phrase } },
    ];
    const r = await run(['diagnose', '--batch', '-'], { stdin: `${input.map((l) => JSON.stringify(l)).join('\n')}\n` });
    expect(r.stdout).not.toContain('legal winner');
    const out = lines(r.stdout);
    expect(out.map((o) => o.error.code)).toEqual(Array(5).fill('secret_refused'));
    expect(out.map((o) => [o.id, o.error.field, o.error.question?.id])).toEqual([
      [undefined, 'id', undefined],
      [2, 'flow', undefined],
      [3, 'answers', 'network'],
      // The key was the secret: no question is named.
      [4, 'answers', undefined],
      // An answer to a question the flow does not have: named by its key, screened first.
      [5, 'answers', 'netwrk'],
    ]);
    expect(out.every((o) => o.error.kind === 'recovery-phrase')).toBe(true);
    // Pasted whole as a line, no JSON at all: refused as what it is, not only "not valid JSON" (QA: scripts review).
    const pasted = await run(['diagnose', '--batch', '-'], { stdin: `${phrase}\n{bad\n` });
    expect(pasted.stdout).not.toContain('legal winner');
    expect(lines(pasted.stdout).map((o) => [o.error.code, o.error.kind])).toEqual([['secret_refused', 'recovery-phrase'], ['invalid_line', undefined]]);
  });

  it('skips blank lines, so a trailing empty line does not fail the batch', async () => {
    const r = await run(['diagnose', '--batch', '-'], { stdin: '{"flow":"payment-failed","answers":{"network":"offline"}}\n\n   \n' });
    expect(r.code).toBe(0);
    expect(lines(r.stdout)).toHaveLength(1);
    expect(r.stderr).toBe('1 line, 0 failed.\n');
  });

  it('refuses what an answers file refuses: a repeated key, bad UTF-8; and ids that would not come back unchanged', async () => {
    const input = Buffer.concat([
      Buffer.from('{"id":"a","flow":"payment-failed","answers":{"network":"ok","network":"offline"}}\n'),
      Buffer.from('{"id":"b","flow":"payment-failed","answers":{"network":"of'),
      Buffer.from([0xff]),
      Buffer.from('fline"}}\n{"id":1e999,"flow":"payment-failed","answers":{"network":"offline"}}\n'),
      Buffer.from('{"id":9007199254740993,"flow":"payment-failed","answers":{"network":"offline"}}\n{"flow":"payment-failed","answers":{"network":"ok",}}\n'),
      Buffer.from('{"id":"a","flow":"payment-failed","answers":{"network":"offline"}}\n'),
      // Half a surrogate pair: no text a strict JSON reader would take back (QA: script).
      Buffer.from('{"id":"\\ud800","flow":"payment-failed","answers":{"network":"offline"}}\n'),
    ]);
    const r = await run(['diagnose', '--batch', '-'], { stdinStream: Readable.from([input]) });
    expect(r.code).toBe(1);
    const out = lines(r.stdout);
    expect(out[0]).toMatchObject({ line: 1, error: { code: 'invalid_line', column: 61, message: 'Column 61 of the line: the key "network" appears twice in the same object; keep one.' } });
    expect(out[1]).toMatchObject({ line: 2, error: { code: 'invalid_line', column: 59, message: 'The line is not valid UTF-8 text from column 59 on; send UTF-8.' } });
    expect(out[2]).toMatchObject({ line: 3, error: { code: 'invalid_line', message: expect.stringContaining('The id must be a text') } });
    expect(out[2].id).toBeUndefined();
    expect(out[3]).toMatchObject({ line: 4, error: { code: 'invalid_line' } });
    expect(out[4]).toMatchObject({ line: 5, error: { code: 'invalid_line', column: 52 } });
    // An id may repeat: each line is answered on its own.
    expect(out[5]).toMatchObject({ id: 'a', outcome: { id: 'fix-connection' } });
    expect(out[6]).toMatchObject({ line: 7, error: { code: 'invalid_line', message: expect.stringContaining('The id must be a text (of whole characters)') } });
  });

  it('reads a file, and says so when it cannot', async () => {
    const r = await run(['diagnose', '--batch', 'cases.jsonl'], { files: { 'cases.jsonl': '{"flow":"complaint","answers":{"raised-before":"not-yet"}}\n' } });
    expect(r.code).toBe(0);
    expect(lines(r.stdout)[0].outcome.id).toBe('fix-contact-support-first');
    const missing = await run(['diagnose', '--batch', 'missing.jsonl']);
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.stdout).error).toMatchObject({ code: 'batch_input', message: 'Cannot read missing.jsonl: no such file.', file: 'missing.jsonl' });
  });

  it('refuses a flow or answers on the command line beside --batch', async () => {
    const r = await run(['diagnose', 'payment-failed', '--batch', '-'], { stdin: '' });
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).error).toMatchObject({ code: 'batch_conflict', option: 'flow', message: expect.stringContaining('--batch takes the flows and answers from its input') });
    // Each, named for scripts (QA: README).
    for (const [args, option] of [[['--network', 'ok'], '--network'], [['--answer', 'balance=sufficient'], '--answer'], [['--answers', 'a.yaml'], '--answers'], [['--check-input', 'x=y'], '--check-input']] as const) {
      const each = await run(['diagnose', '--batch', '-', ...args], { stdin: '' });
      expect(JSON.parse(each.stdout).error, option).toMatchObject({ code: 'batch_conflict', option });
    }
  });

  it('calls --batch FLOWID a flow beside --batch when no such file exists, not an unreadable file (QA: script)', async () => {
    const r = await run(['diagnose', '--batch', 'payment-failed'], { stdin: '{"flow":"fees"}\n' });
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).error).toEqual({
      code: 'batch_conflict',
      option: 'flow',
      flow: 'payment-failed',
      file: 'payment-failed',
      message:
        'There is no file "payment-failed", and payment-failed is a flow: --batch reads its requests from a file or standard input (--batch alone, or --batch -), one JSON line each, and each line names its flow, like {"flow": "payment-failed", "answers": {"network": "ok"}}. Pipe the lines in, or name the file that holds them.',
    });
    expect((await run(['--lang', 'zh', 'diagnose', '--batch', 'fees'])).stdout).toContain('没有名为“fees”的文件，而 fees 是一个流程');
    // A file of that name is read, as any file is.
    const file = await run(['diagnose', '--batch', 'fees'], { files: { fees: '{"flow":"fees","answers":{"fee-type":"network-fee"}}\n' } });
    expect(file.code).not.toBe(2);
    expect(lines(file.stdout)[0]).toMatchObject({ flow: 'fees' });
  });

  it('says that a file after another option was read as the flow, and where the file goes, not "no flow on the command line" (QA: script integrator)', async () => {
    const error = async (argv: string[], files: Record<string, string> = {}) => {
      const r = await run(argv, { stdin: '', files });
      expect(r.code, argv.join(' ')).toBe(2);
      return JSON.parse(r.stdout).error as Record<string, unknown>;
    };
    expect(await error(['diagnose', '--batch', '--json', 'tickets.jsonl'])).toEqual({
      code: 'batch_conflict',
      option: 'flow',
      flow: 'tickets.jsonl',
      file: 'tickets.jsonl',
      message: '"tickets.jsonl" was read as a flow id, and there is no flow of that name: --batch takes a file only when it comes right after --batch, as in wallet-help diagnose --batch tickets.jsonl --json. Each line names its own flow.',
    });
    // Standard input, another option before it, the file before --batch, other endings, and a file that is there.
    expect(await error(['diagnose', '--batch', '--json', '-'])).toMatchObject({ flow: '-', message: expect.stringContaining('wallet-help diagnose --batch - --json') });
    expect(await error(['diagnose', '--batch', '--agent', 'tickets.jsonl'])).toMatchObject({ file: 'tickets.jsonl', message: expect.stringContaining('was read as a flow id') });
    expect(await error(['diagnose', 'a.ndjson', '--batch'])).toMatchObject({ file: 'a.ndjson', message: expect.stringContaining('was read as a flow id') });
    for (const name of ['a.json', 'a.TXT']) expect(await error(['diagnose', '--batch', '--json', name])).toMatchObject({ file: name });
    expect(await error(['diagnose', '--batch', '--json', 'tickets'], { tickets: '{"flow":"fees"}\n' })).toMatchObject({ file: 'tickets', message: expect.stringContaining('--batch tickets --json') });
    // In Chinese.
    expect((await run(['--lang', 'zh', 'diagnose', '--batch', '--json', 'tickets.jsonl'], { stdin: '' })).stdout).toContain('“tickets.jsonl”被当作了流程 ID，但没有这个名字的流程：文件只有紧跟在 --batch 后面时才会被当作它的输入文件，例如 wallet-help diagnose --batch tickets.jsonl --json。');
    // A name that could hold a secret is not quoted, in the message or the details.
    const digits = await error(['diagnose', '--batch', '--json', 'export-20240601.jsonl']);
    expect(digits).toEqual({ code: 'batch_conflict', option: 'flow', message: expect.stringContaining('The file named on the command line was read as a flow id') });
    expect(JSON.stringify(digits)).not.toContain('20240601');
    // A flow, a word that is no file, and a second word beside --batch FILE are still a flow beside --batch.
    for (const argv of [['diagnose', '--batch', '--json', 'payment-failed'], ['diagnose', '--batch', '--json', 'tickets'], ['diagnose', '--batch', 'a.jsonl', 'b.jsonl']]) {
      expect(await error(argv), argv.join(' ')).toEqual({ code: 'batch_conflict', option: 'flow', message: '--batch takes the flows and answers from its input; do not give a flow or answers on the command line too.' });
    }
  });

  it('keeps every line whole when a chunk of results is large and not ASCII', async () => {
    // 300 lines in one chunk of input: their results (Chinese, with contact cards) come to far more than the output buffer starts with.
    const requests = [
      { flow: 'payment-failed', answers: { network: 'offline' } },
      { flow: 'account-compromised', answers: {} },
      { flow: 'deposit-missing', answers: { method: 'bank-card', 'record-status': 'processing' } },
    ];
    const ids = [undefined, 41, 'plain-id', '工单 甲-7'];
    const input = Array.from({ length: 300 }, (_, i) => {
      const id = ids[i % ids.length];
      return JSON.stringify({ ...(id === undefined ? {} : { id }), ...requests[i % requests.length] });
    });
    const r = await run(['--lang', 'zh', 'diagnose', '--batch', '-'], { stdin: `${input.join('\n')}\n` });
    expect(r.code).toBe(0);
    expect(Buffer.byteLength(r.stdout)).toBeGreaterThan(256 * 1024);
    const out = lines(r.stdout);
    expect(out).toHaveLength(300);
    const singles = await Promise.all(
      requests.map(async (q) => JSON.parse((await run(['--lang', 'zh', 'diagnose', q.flow, ...Object.entries(q.answers).flatMap(([k, v]) => ['--answer', `${k}=${v}`]), '--json'])).stdout)),
    );
    out.forEach((doc, i) => {
      const { id, ...rest } = doc;
      expect(id).toBe(ids[i % ids.length]);
      expect(rest).toEqual(singles[i % requests.length]);
    });
  });

  it("gives an agent's batch the agent's wording, as --json does, and refuses options a batch would ignore", async () => {
    const line = '{"flow":"account-compromised"}\n';
    const batch = await run(['diagnose', '--batch', '-', '--agent'], { stdin: line });
    const single = await run(['diagnose', 'account-compromised', '--agent', '--json']);
    expect(batch.code).toBe(0);
    const doc = JSON.parse(batch.stdout);
    expect(doc).toMatchObject({ role: 'agent', agentSteps: expect.arrayContaining([expect.any(String)]) });
    expect(doc).toEqual(JSON.parse(single.stdout));
    // The role setting counts too.
    const setting = await run(['diagnose', '--batch', '-'], { stdin: line, env: { WALLET_HELP_ROLE: 'agent' } });
    expect(JSON.parse(setting.stdout).agentSteps).toEqual(doc.agentSteps);
    for (const extra of [['--save'], ['--summary', 'json'], ['--fact', 'amount=12'], ['--resume'], ['--timeout', '500']]) {
      const r = await run(['diagnose', '--batch', '-', ...extra, '--json'], { stdin: line });
      expect(r.code, extra.join(' ')).toBe(2);
      expect(JSON.parse(r.stdout).error, extra.join(' ')).toMatchObject({ code: 'batch_conflict', option: extra[0] });
    }
  });

  it("carries the run's own warnings on every result line, first, as the --json document does; error lines as --json's error document (QA: script integrator)", async () => {
    // The report's own case: a WALLET_HELP_FLOWS folder that does not exist.
    const gone = { WALLET_HELP_FLOWS: join(tempDir(), 'nope') };
    const fromEnv = lines((await run(['diagnose', '--batch', '-'], { stdin: '{"flow":"payment-failed","answers":{"network":"offline"}}', env: gone })).stdout)[0];
    const fromEnvJson = JSON.parse((await run(['diagnose', 'payment-failed', '--network', 'offline', '--json'], { env: gone })).stdout);
    expect(fromEnvJson.warnings).toEqual([expect.stringContaining('(named by the variable WALLET_HELP_FLOWS) does not exist')]);
    expect(fromEnv).toEqual(fromEnvJson);
    // A broken operator flow file (skipped), a WALLET_HELP_LANG that is no language, a misspelt key in the settings file
    // and a provider setting the directory given does not have.
    const flows = tempDir('wallet-help-batch-flows-');
    writeFileSync(join(flows, 'broken.yaml'), 'id: broken\nversion: [\n');
    const settings = tempDir('wallet-help-batch-settings-');
    writeFileSync(join(settings, 'config.json'), JSON.stringify({ colour: 'never', provider: 'other' }));
    const env = { WALLET_HELP_CONFIG_DIR: settings, WALLET_HELP_LANG: 'klingon' };
    const files = { '/d.yaml': phoneDirectory([{ id: 'one' }]) };
    const args = ['--flows', flows, '--contacts', '/d.yaml', 'diagnose'];
    const fix = '{"flow":"payment-failed","answers":{"network":"offline"}}';
    const stdin = [`{"id":1,${fix.slice(1)}`, '{"id":2,"flow":"account-compromised"}', `{"id":3,${fix.slice(1)}`, '{"id":4,"flow":"nope"}'].join('\n');
    const r = await run([...args, '--batch', '-'], { stdin, env, files });
    expect(r.code).toBe(1);
    const [first, alert, again, failed] = lines(r.stdout);
    const single = async (argv: string[]) => JSON.parse((await run([...args, ...argv, '--json'], { env, files })).stdout);
    const fixDoc = await single(['payment-failed', '--network', 'offline']);
    const alertDoc = await single(['account-compromised']);
    expect(fixDoc.warnings).toEqual([
      expect.stringContaining('"colour"'),
      expect.stringContaining('WALLET_HELP_LANG is "klingon"'),
      expect.stringContaining('broken.yaml'),
    ]);
    // The same document as a single --json run gives, warnings and all.
    expect({ ...first, id: undefined }).toEqual({ ...fixDoc, id: undefined });
    // Loading the directory said one more (the provider setting): on that line, after the others.
    expect(alertDoc.warnings).toEqual([...fixDoc.warnings, expect.stringContaining('The provider setting names "other"')]);
    expect({ ...alert, id: undefined }).toEqual({ ...alertDoc, id: undefined });
    // A path answered before is not given its remembered document, which lacked the warning said since.
    expect(again.warnings).toEqual(alertDoc.warnings);
    // An error document of --json carries no warnings, and an error line neither.
    const error = await run([...args, 'nope', '--json'], { env, files });
    expect(Object.keys(JSON.parse(error.stdout))).toEqual(['error']);
    expect(Object.keys(failed)).toEqual(['id', 'line', 'error']);
    // Said on standard error too, once each.
    expect(r.stderr.match(/klingon/g)).toHaveLength(1);
    // Without warnings, no `warnings` at all.
    expect(lines((await run(['diagnose', '--batch', '-'], { stdin: fix })).stdout)[0].warnings).toBeUndefined();
  });

  it('never echoes a secret given as an id or a key, and writes control characters of an id as escapes', async () => {
    const key = '4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318';
    const wif = '5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTJ';
    const ok = '"flow":"payment-failed","answers":{"network":"offline"}';
    const input = [`{"id":"${key}",${ok}}`, `{"id":"${wif}",${ok}}`, `{"id":4111111111111111,${ok}}`, `{"id":9,${ok},"${wif}":1}`, `{"id":"pin:4821",${ok}}`, `{"id":"a\\u009b2J\\u202eb",${ok}}`, `{"id":"550e8400-e29b-41d4-a716-446655440000",${ok}}`].join('\n');
    const r = await run(['diagnose', '--batch', '-'], { stdin: `${input}\n` });
    for (const secret of [key, wif, '4111111111111111', '4821']) expect(r.stdout).not.toContain(secret);
    const out = lines(r.stdout);
    expect(out.slice(0, 5).map((o) => o.error?.code)).toEqual(['secret_refused', 'secret_refused', 'secret_refused', 'secret_refused', 'secret_refused']);
    expect(out.slice(0, 3).map((o) => o.id)).toEqual([undefined, undefined, undefined]);
    // A plain id of a refused line still comes back.
    expect(out[3].id).toBe(9);
    expect(r.stdout).toContain('"id":"a\\u009b2J\\u202eb"');
    expect(out[5].id).toBe('a\u009b2J\u202eb');
    expect(out[6]).toMatchObject({ id: '550e8400-e29b-41d4-a716-446655440000', outcome: { id: 'fix-connection' } });
  });

  it('reads a byte order mark before the first line as an answers file does', async () => {
    const r = await run(['diagnose', '--batch', '-'], { stdin: '\uFEFF{"flow":"payment-failed","answers":{"network":"offline"}}\n' });
    expect(r.code).toBe(0);
    expect(lines(r.stdout)[0].outcome.id).toBe('fix-connection');
  });

  it('reads a byte order mark at the start of any line, as files joined with cat bring them; elsewhere it is named (QA: script)', async () => {
    const file = (line: string) => `\uFEFF${line}\n`;
    const joined = file('{"id":1,"flow":"payment-failed","answers":{"network":"offline"}}') + file('{"id":2,"flow":"fees","answers":{"fee-type":"hotline"}}') + file('') + '\uFEFF\r\n';
    const r = await run(['diagnose', '--batch', '-'], { stdin: joined });
    expect(r.code).toBe(0);
    // A line that is only a mark is blank: skipped, as it was at the start.
    expect(lines(r.stdout).map((l) => [l.id, l.outcome.id])).toEqual([
      [1, 'fix-connection'],
      [2, 'fix-call-costs'],
    ]);
    expect(r.stderr).toBe('2 lines, 0 failed.\n');
    // A file without a final newline joined to one with a mark: the mark is in the middle of a line.
    const inside = await run(['diagnose', '--batch', '-'], { stdin: `{"id":3,"flow":"fees"}${file('{"flow":"fees"}')}` });
    expect(lines(inside.stdout)[0]).toMatchObject({
      line: 1,
      error: { code: 'invalid_line', column: 23, message: 'Column 23 of the line: not valid JSON: an invisible byte order mark (U+FEFF) is here, as where files were joined together; remove it.' },
    });
    const zh = await run(['--lang', 'zh', 'diagnose', '--batch', '-'], { stdin: `{"flow":"fees"}\uFEFF\n` });
    expect(lines(zh.stdout)[0].error.message).toBe('该行第 16 列：不是有效的 JSON：此处有一个看不见的字节顺序标记（U+FEFF），多见于拼接文件的地方；请删除它。');
  });

  it('reports an error that stops the whole batch as one JSON line', async () => {
    const r = await run(['--lang', 'fr', 'diagnose', '--batch', '-'], { stdin: '{"flow":"fees"}\n' });
    expect(r.code).toBe(2);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(r.stdout).error.code).toBe('invalid_lang');
    // Named in the details, as the library names it (QA: script).
    expect(JSON.parse(r.stdout).error.lang).toBe('fr');
  });

  it('gives a line without a flow the code, message and flow list the command line and the library give (QA: script)', async () => {
    const r = await run(['diagnose', '--batch', '-'], { stdin: '{"id":3,"answers":{"network":"ok"}}\n{"id":4,"flow":5}\n' });
    const [missing, notText] = lines(r.stdout);
    expect(missing).toMatchObject({ id: 3, line: 1, error: { code: 'missing_flow', message: expect.stringMatching(/^A request needs the flow id as a text, .* Available flows: payment-failed, /) } });
    expect(missing.error.flows).toContain('payment-failed');
    expect(notText.error).toEqual(missing.error);
  });

  it('answers each line as it arrives, so a back end can keep one process open', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/wallet-help.js'), 'diagnose', '--batch'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const reader = createInterface({ input: child.stdout });
    const next = () => new Promise<string>((resolve) => reader.once('line', resolve));
    child.stdin.write('{"id":1,"flow":"payment-failed","answers":{"network":"offline"}}\n');
    expect(JSON.parse(await next())).toMatchObject({ id: 1, outcome: { id: 'fix-connection' } });
    child.stdin.write('{"id":2,"flow":"account-compromised"}\n');
    expect(JSON.parse(await next())).toMatchObject({ id: 2, outcome: { kind: 'alert' } });
    child.stdin.end();
    expect(await new Promise((r) => child.on('close', r))).toBe(0);
  });
});

describe('diagnose --batch, kept open by a script (QA: scripts)', () => {
  const lines = (text: string) => text.trim().split('\n').map((l) => JSON.parse(l));

  it('gives each line the answers it left unused, not those of an earlier line that took the same path', async () => {
    const r = await run(['diagnose', '--batch'], {
      stdin: [
        '{"id":1,"flow":"payment-failed","answers":{"network":"offline","verification":"pending","balance":"sufficient"}}',
        '{"id":2,"flow":"payment-failed","answers":{"network":"offline"}}',
        '{"id":3,"flow":"payment-failed","answers":{"network":"offline","balance":"sufficient"}}',
        '{"id":4,"flow":"payment-failed","answers":{"network":"offline"}}',
      ].join('\n'),
    });
    expect(r.code).toBe(0);
    expect(lines(r.stdout).map((d) => [d.id, d.unused])).toEqual([[1, ['balance', 'verification']], [2, undefined], [3, ['balance']], [4, undefined]]);
  });

  it('answers each line at the time it arrives: a contact that closed since the first line is shown closed', async () => {
    const directory = `providers:
  - id: one
    name: One Wallet
    website: https://www.one-wallet.example/help
    timezone: UTC
    queues:
      security:
        - { type: phone, value: "+1 202-555-0199", hours: "Mo-Su 09:00-17:00" }
`;
    let now = new Date('2026-11-20T16:59:30Z');
    const request = '{"flow":"account-compromised"}\n';
    async function* input() {
      yield Buffer.from(request);
      // The script waits; by its next line the line has closed.
      await new Promise((resolve) => setTimeout(resolve, 10));
      now = new Date('2026-11-20T17:00:30Z');
      yield Buffer.from(request);
      yield Buffer.from(request);
    }
    const r = await run(['--contacts', '/d.yaml', 'diagnose', '--batch'], { files: { '/d.yaml': directory }, clock: () => now, stdinStream: Readable.from(input()) });
    expect(r.code).toBe(0);
    expect(lines(r.stdout).map((d) => d.outcome.contact.channels[0].openNow)).toEqual([true, false, false]);
    // The first line that needs the directory is answered at its own time too, not at the start of the process (review).
    now = new Date('2026-11-20T16:58:30Z');
    async function* late() {
      await new Promise((resolve) => setTimeout(resolve, 10));
      now = new Date('2026-11-20T17:00:30Z');
      yield Buffer.from(request);
    }
    const started = await run(['--contacts', '/d.yaml', 'diagnose', '--batch'], { files: { '/d.yaml': directory }, clock: () => now, stdinStream: Readable.from(late()) });
    expect(lines(started.stdout).map((d) => d.outcome.contact.channels[0].openNow)).toEqual([false]);
    // With --now, every line is answered at that instant, as asked.
    now = new Date('2026-11-20T16:59:30Z');
    const fixed = await run(['--contacts', '/d.yaml', '--now', '2026-11-20T16:00:00Z', 'diagnose', '--batch'], { files: { '/d.yaml': directory }, clock: () => now, stdinStream: Readable.from(input()) });
    expect(lines(fixed.stdout).map((d) => d.outcome.contact.channels[0].openNow)).toEqual([true, true, true]);
  });

  it('stops reading when its reader goes away, however long the input', async () => {
    let sent = 0;
    async function* endless() {
      for (; sent < 200_000; sent++) yield Buffer.from('{"flow":"account-compromised"}\n');
    }
    // `| head -1`: the reader takes one line and goes.
    const r = await run(['diagnose', '--batch'], { stdinStream: Readable.from(endless()), stdoutClosed: (written) => written.includes('\n') });
    expect(r.code).toBe(0);
    expect(sent).toBeLessThan(200_000);
    expect(r.stderr).toMatch(/^\d+ lines?, 0 failed; stopped: the output was closed\.\n$/);
  });

  it('reads /dev/null as the empty input it is', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/wallet-help.js'), 'diagnose', '--batch', '/dev/null'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    expect(await new Promise((resolve) => child.on('close', resolve))).toBe(0);
    expect(stderr).toBe('0 lines, 0 failed.\n');
  });

  it('refuses a device as its input file, as --answers does, rather than read it for ever', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/wallet-help.js'), 'diagnose', '--batch', '/dev/zero'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    expect(await new Promise((resolve) => child.on('close', resolve))).toBe(2);
    expect(JSON.parse(stdout).error).toEqual({ code: 'batch_input', message: 'Cannot read /dev/zero: it is a device or a socket, not a file.', file: '/dev/zero' });
  });

  it('ends when the pipe it writes to is closed (`| head -1`), while its input goes on', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/wallet-help.js'), 'diagnose', '--batch'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdin.on('error', () => undefined);
    const ended = new Promise<number | null>((resolve) => child.on('close', resolve));
    let running = true;
    void ended.then(() => (running = false));
    // The input never ends while the process runs: lines as fast as it takes them.
    const chunk = '{"flow":"account-compromised"}\n'.repeat(1000);
    const feed = () => {
      while (running && child.stdin.write(chunk));
      if (running) child.stdin.once('drain', feed);
    };
    feed();
    const reader = createInterface({ input: child.stdout });
    await new Promise((resolve) => reader.once('line', resolve));
    child.stdout.destroy();
    expect(await ended).toBe(0);
    expect(stderr).toMatch(/stopped: the output was closed\.\n$/);
  });
});
