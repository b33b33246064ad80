// The speed benchmark: every budget of the speed work, measured side by side with
// a bare `node -e 0` in one run, as medians over repeated runs. Not part of
// `npm test` (timings are noisy); exits 1 when a budget is missed.
//
//   npm run bench            (RUNS=30 by default; RUNS=10 npm run bench for a quick look;
//                             ONLY=startup or ONLY=batch for those rows alone)
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFlows } from './generate.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin/wallet-help.js');
const RUNS = Number(process.env.RUNS ?? 30);
const node = process.execPath;
// Settings are looked for where a user's are (the platform's settings folder, from HOME), in an empty home of the benchmark's own.
const home = mkdtempSync(join(tmpdir(), 'wh-bench-home-'));
const env = { ...process.env, NO_COLOR: '1', HOME: home };
delete env.CI;
delete env.WALLET_HELP_CONFIG_DIR;
delete env.XDG_CONFIG_HOME;
// Settings that make every Node process slower hide what wallet-help itself adds: a file of
// extra CA certificates is parsed at each start (on the machine this was written on, it
// made `node -e 0` take ~100 ms instead of ~40 ms), and NODE_OPTIONS may load anything.
// The comparison is with a bare Node, so both go.
delete env.NODE_EXTRA_CA_CERTS;
delete env.NODE_OPTIONS;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function timeOnce(args, status = 0) {
  const start = process.hrtime.bigint();
  const r = spawnSync(node, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== status) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

/** Runs the commands interleaved, so a slow moment of the machine hits all of them alike. */
function startupTimes(commands) {
  const times = commands.map(() => []);
  for (let i = 0; i < RUNS; i++) commands.forEach((c, j) => times[j].push(timeOnce(c)));
  return times.map(median);
}

function peakMemoryKb(args) {
  const values = [];
  for (let i = 0; i < Math.min(RUNS, 10); i++) {
    const r = spawnSync(node, ['--import', join(root, 'bench/rss.mjs'), ...args], { env, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
    values.push(Number(/@@maxrss (\d+)/.exec(r.stderr)?.[1]));
  }
  return median(values);
}

/** Time from launch to `marker` on a real pseudo-terminal (util-linux `script`). */
function timeToScreen(command, marker) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn('script', ['-qfec', command, '/dev/null'], { env: { ...env, TERM: 'xterm-256color' } });
    let seen = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no "${marker}" within 10 s: ${seen}`));
    }, 10_000);
    child.stdout.on('data', (d) => {
      seen += d;
      if (seen.includes(marker)) {
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        clearTimeout(timer);
        child.kill('SIGKILL');
        resolve(ms);
      }
    });
  });
}

async function interactiveStart() {
  const quote = (s) => `'${s.replace(/'/g, `'\\''`)}'`;
  const base = [];
  const cli = [];
  for (let i = 0; i < Math.min(RUNS, 15); i++) {
    base.push(await timeToScreen(`${quote(node)} -e "console.log('ready')"`, 'ready'));
    cli.push(await timeToScreen(`${quote(node)} ${quote(bin)} diagnose`, 'What is the problem?'));
  }
  return [median(base), median(cli)];
}

const GOOD_REQUESTS = [
  { flow: 'payment-failed', answers: { network: 'offline' } },
  { flow: 'payment-failed', answers: { network: 'ok', balance: 'sufficient', verification: 'pending' } },
  { flow: 'deposit-missing', answers: { method: 'bank-card', 'record-status': 'processing' } },
  { flow: 'account-compromised', answers: {} },
  { flow: 'login-failed', answers: { symptom: 'code-rejected', 'code-type': 'authenticator' } },
];
/** The mistakes scripts make, each an error line: an unknown flow, question or value, a missing answer, an answer that is not text. */
const BAD_REQUESTS = [
  { flow: 'nope' },
  { flow: 'payment-failed', answers: { netwrk: 'offline' } },
  { flow: 'payment-failed', answers: { network: 'maybe' } },
  { flow: 'payment-failed', answers: { network: 'ok' } },
  { flow: 'payment-failed', answers: { network: 1 } },
];

/** Error lines that never repeat: a wrong network value, different on every line. */
const DISTINCT_BAD_REQUESTS = { at: (i) => ({ flow: 'payment-failed', answers: { network: `net${i.toString(36)}` } }) };

function batchRate(lines, requests = GOOD_REQUESTS) {
  const dir = mkdtempSync(join(tmpdir(), 'wh-bench-batch-'));
  const file = join(dir, 'cases.jsonl');
  const text = [];
  for (let i = 0; i < lines; i++) text.push(JSON.stringify({ id: i, ...(Array.isArray(requests) ? requests[i % requests.length] : requests.at(i)) }));
  writeFileSync(file, `${text.join('\n')}\n`);
  const times = [];
  // A batch with an error line exits 1.
  for (let i = 0; i < 3; i++) times.push(timeOnce([bin, 'diagnose', '--batch', file], requests === GOOD_REQUESTS ? 0 : 1));
  rmSync(dir, { recursive: true, force: true });
  return lines / (median(times) / 1000);
}

/** `flows validate` on generated flows; with `floor`, also only reading and parsing the same files on the same threads (bench/parse-floor.mjs). */
function validateTime(count, nodes, format, floor = false) {
  const dir = mkdtempSync(join(tmpdir(), 'wh-bench-flows-'));
  writeFlows(dir, count, nodes, format);
  const bytes = readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
  const times = [];
  const floors = [];
  for (let i = 0; i < 3; i++) {
    times.push(timeOnce([bin, 'flows', 'validate', dir]));
    if (floor) floors.push(timeOnce([join(root, 'bench/parse-floor.mjs'), dir]));
  }
  rmSync(dir, { recursive: true, force: true });
  return { ms: median(times), mb: bytes / 1e6, floorMs: floor ? median(floors) : undefined };
}

const rows = [];
const row = (name, value, unit, base, budget, ok) => rows.push({ name, value, unit, base, budget, ok });

console.error(`wallet-help benchmark: ${RUNS} runs each, Node ${process.version}`);
// ONLY=startup measures just the start-up rows, ONLY=batch just the --batch rows (quick checks while working on them).
const only = process.env.ONLY;
if (only !== 'batch') {
const [bare, version, help, json] = startupTimes([['-e', '0'], [bin, '--version'], [bin, '--help'], [bin, 'diagnose', 'payment-failed', '--network', 'offline', '--json']]);
row('node -e 0', bare, 'ms', bare, '', true);
for (const [name, ms] of [['wallet-help --version', version], ['wallet-help --help', help], ['diagnose payment-failed --network offline --json', json]]) {
  row(name, ms, 'ms', bare, '≤ 1.25×', ms / bare <= 1.25);
}
// Wall-clock time on a shared 2-core machine is noisy; instructions counted by
// valgrind are not (the same count run after run, within 1%), so they are shown too
// when valgrind is installed: a stable view of the start-up cost, beside the budgets.
function instructions(args) {
  const out = join(mkdtempSync(join(tmpdir(), 'wh-bench-cg-')), 'callgrind.out');
  try {
    const r = spawnSync('valgrind', ['--tool=callgrind', `--callgrind-out-file=${out}`, node, ...args], { env, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
    const collected = /Collected : (\d+)/.exec(r.stderr ?? '');
    if (!collected) return undefined;
    // Less V8's search for a random prime to seed its string hashing: a different amount of work
    // in every process (4-13 M instructions here), which would otherwise be most of the noise.
    const annotated = spawnSync('callgrind_annotate', [out], { encoding: 'utf8' }).stdout ?? '';
    const prime = [...annotated.matchAll(/^\s*([\d,]+)\s.*detail::sprp/gm)].reduce((sum, m) => sum + Number(m[1].replaceAll(',', '')), 0);
    return Number(collected[1]) - prime;
  } finally {
    rmSync(dirname(out), { recursive: true, force: true });
  }
}
if (spawnSync('valgrind', ['--version']).status === 0) {
  const base = instructions(['-e', '0']);
  for (const [name, args] of [['wallet-help --version (instructions)', [bin, '--version']], ['wallet-help --help (instructions)', [bin, '--help']], ['diagnose … --json (instructions)', [bin, 'diagnose', 'payment-failed', '--network', 'offline', '--json']]]) {
    const n = instructions(args);
    if (base && n) row(name, n / 1e6, 'M instr.', base / 1e6, '(for reference)', true);
  }
}
}

if (only !== 'startup' && only !== 'batch') {
const [ptyBase, ptyCli] = await interactiveStart();
row('interactive start, launch to first question (pty)', ptyCli, 'ms', ptyBase, '≤ 2×', ptyCli / ptyBase <= 2);
const memBase = peakMemoryKb(['-e', '0']);
const memDiag = peakMemoryKb([bin, 'diagnose', 'payment-failed', '--network', 'offline', '--json']);
row('peak memory, non-interactive diagnose', memDiag / 1024, 'MB', memBase / 1024, '≤ 1.3×', memDiag / memBase <= 1.3);
}
if (only !== 'startup') {
const rate = batchRate(200_000);
row('diagnose --batch, 200,000 lines', rate, 'lines/s', null, '≥ 50,000/s', rate >= 50_000);
// Error lines are held to half that: a script that sends the same mistake on every line (QA: 1,000 lines/s).
const badRate = batchRate(200_000, BAD_REQUESTS);
row('diagnose --batch, 200,000 error lines (five repeated mistakes)', badRate, 'lines/s', null, '≥ 25,000/s', badRate >= 25_000);
row('  error lines against good lines, time a line', rate / badRate, '×', null, '≤ 2×', rate / badRate <= 2);
// Mistakes that do not repeat (a value typed by a script's users): each message is worked out afresh (QA: script integrator).
const distinctRate = batchRate(200_000, DISTINCT_BAD_REQUESTS);
row('diagnose --batch, 200,000 error lines, every one a different wrong value', distinctRate, 'lines/s', null, '(for reference)', true);
}
if (only !== 'startup' && only !== 'batch') {
for (const format of ['json', 'yaml']) {
  const half = validateTime(500, 200, format);
  const full = validateTime(1000, 200, format, true);
  row(`flows validate, 500 flows × 200 nodes (${format}, ${Math.round(half.mb)} MB)`, half.ms, 'ms', null, '', true);
  row(`flows validate, 1,000 flows × 200 nodes (${format}, ${Math.round(full.mb)} MB)`, full.ms, 'ms', null, '< 1000 ms', full.ms < 1000);
  // What no validator can go below on this machine: the same files only read and parsed, on the same threads.
  row(`  the floor: the same files only read and parsed (${format === 'json' ? 'JSON.parse' : 'js-yaml'}), same threads, no checks`, full.floorMs, 'ms', null, '(for reference)', true);
  row(`flows validate growth, 1,000 vs 500 flows (${format})`, full.ms / half.ms, '×', null, '≈ 2× (linear)', full.ms / half.ms < 2.5);
  if (format === 'json') {
    // Linear in the nodes of each flow too, not only in the number of flows.
    const small = validateTime(1000, 100, format);
    row(`flows validate growth, 200 vs 100 nodes a flow, 1,000 flows (${format})`, full.ms / small.ms, '×', null, '≈ 2× (linear)', full.ms / small.ms < 2.5);
  }
}
}

const fmt = (n, unit) => (unit === 'lines/s' || unit === 'M instr.' ? Math.round(n).toLocaleString('en-US') : unit === '×' ? n.toFixed(2) : n.toFixed(1));
const lines = ['| measure | median | node -e 0 | ratio | budget | |', '|---|---|---|---|---|---|'];
for (const r of rows) {
  const ratio = r.base ? `${(r.value / r.base).toFixed(2)}×` : '';
  lines.push(`| ${r.name} | ${fmt(r.value, r.unit)} ${r.unit} | ${r.base ? `${fmt(r.base, r.unit)} ${r.unit}` : ''} | ${ratio} | ${r.budget} | ${r.ok ? 'ok' : 'MISSED'} |`);
}
console.log(lines.join('\n'));
rmSync(home, { recursive: true, force: true });
if (rows.some((r) => !r.ok)) process.exitCode = 1;
