import { it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, tempDir } from './helpers.js';

const show = (label: string, r: { code: number; stdout: string; stderr: string }) =>
  console.log(`== ${label}: code=${r.code}\nOUT: ${JSON.stringify(r.stdout.slice(0, 600))}\nERR: ${JSON.stringify(r.stderr.slice(0, 600))}`);

const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...'bcdefghi'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`)].join('\n') + '\n';
const deepList = '['.repeat(10000) + ']'.repeat(10000);
const deepMap = '{a: '.repeat(10000) + '1' + '}'.repeat(10000);
const deepMapTight = '{a:'.repeat(10000) + '1' + '}'.repeat(10000);
const deepJsonMap = '{"a":'.repeat(10000) + '1' + '}'.repeat(10000);
const big = 'network: ok\n' + '#'.repeat(10 * 1024 * 1024) + '\n';
const proto = '__proto__: {polluted: yes}\nconstructor: {prototype: {polluted: yes}}\nnetwork: offline\n';
const protoJson = '{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}, "network": "offline"}';
const cases: Record<string, string | Uint8Array> = {
  bomb, deepJsonMap, big, proto, protoJson,
  bom: '\uFEFFnetwork: offline\n',
  crlf: 'network: ok\r\nbalance: insufficient\r\n',
  invalidUtf8: Buffer.concat([Buffer.from('network: ok\nbalance: '), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('\n')]),
  dup: 'network: ok\nnetwork: offline\n',
  dupJson: '{"network": "ok", "network": "offline"}',
  numbers: 'network: 1\nbalance: 2\n',
  list: '- network\n- ok\n',
  nul: 'null\n',
  nested: 'network: {a: 1}\n',
  nullVal: 'network: null\n',
  empty: '',
  esc: 'network: "\\e[2J"\n',
  osc: 'network: "\\e]8;;http://evil\\e\\\\click\\e]8;;\\e\\\\"\n',
  rlo: 'network: "off\\u202eenil"\n',
  ctrl: 'network: "a\\x07\\x08\\x00b"\n',
  huge: 'network: "' + 'x'.repeat(1024 * 1024) + '"\n',
  hugeKey: '"' + 'x'.repeat(1024 * 1024) + '\\e[2J": ok\n',
  escKey: '"\\e[2J\\u202e": ok\n',
};


for (const [name, content] of Object.entries(cases)) {
  it(`probe answers ${name}`, async () => {
    const t0 = Date.now();
    const r = await run(['diagnose', 'payment-failed', '--answers', 'a.yaml', '--json'], { files: { 'a.yaml': content } });
    show(`answers ${name} ${Date.now() - t0}ms`, r);
    const r2 = await run(['diagnose', 'payment-failed', '--answers', 'a.yaml'], { files: { 'a.yaml': content } });
    show(`answers-human ${name}`, r2);
    console.log('polluted', ({} as Record<string, unknown>).polluted);
  }, 60_000);
}
