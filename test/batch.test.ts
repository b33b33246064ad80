import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { ROOT, run } from './helpers.js';

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
    expect(r.stderr).toBe('3 line(s), 0 failed.\n');
  });

  it('answers a bad line with an error line and goes on; exit 1 at the end', async () => {
    const input = ['{"flow":"nope"}', 'not json', '', '{"id":7,"flow":"payment-failed","answers":{"network":"maybe"}}', '{"flow":"payment-failed","answers":{"network":1}}', '{"id":"z","flow":"fees","answers":{"fee-type":"hotline"}}'].join('\r\n');
    const r = await run(['diagnose', '--batch', '-'], { stdin: input });
    expect(r.code).toBe(1);
    const out = lines(r.stdout);
    expect(out.map((o) => o.error?.code ?? 'ok')).toEqual(['unknown_flow', 'invalid_line', 'empty_line', 'invalid_value', 'invalid_line', 'ok']);
    expect(out[3]).toMatchObject({ id: 7, line: 4 });
    expect(out[5]).toMatchObject({ id: 'z', outcome: { id: 'fix-call-costs' } });
    expect(r.stderr).toContain('6 line(s), 5 failed.');
  });

  it('reads a file, and says so when it cannot', async () => {
    const r = await run(['diagnose', '--batch', 'cases.jsonl'], { files: { 'cases.jsonl': '{"flow":"complaint","answers":{"raised-before":"not-yet"}}\n' } });
    expect(r.code).toBe(0);
    expect(lines(r.stdout)[0].outcome.id).toBe('fix-contact-support-first');
    const missing = await run(['diagnose', '--batch', 'missing.jsonl']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Cannot read missing.jsonl: no such file.');
  });

  it('refuses a flow or answers on the command line beside --batch', async () => {
    const r = await run(['diagnose', 'payment-failed', '--batch', '-'], { stdin: '' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--batch takes the flows and answers from its input');
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
