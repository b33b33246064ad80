/**
 * The launcher's code cache (src/boot.ts), on the built bundle: used when it fits
 * the file exactly, and never able to run the code of a file that has changed.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { besides, entryOf, profileOf } from '../src/boot.js';
import { isPlainHelp } from '../src/plain-help.js';
import { ROOT } from './helpers.js';

const DIST = join(ROOT, 'dist');
const copies: string[] = [];

afterEach(() => {
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the built dist/ (timestamps kept unless said, as an npm install does not), to damage at will. */
function copyOfDist(preserveTimestamps = true): string {
  const dir = mkdtempSync(join(tmpdir(), 'wallet-help-boot-'));
  copies.push(dir);
  cpSync(DIST, join(dir, 'dist'), { recursive: true, preserveTimestamps });
  return join(dir, 'dist');
}

interface Report {
  used: string[];
  refused: string[];
  compiled: string[];
}

/** Runs the CLI from `dist` the way the launcher does, in a fresh process; returns its output and the cache report. */
function launch(dist: string, args: string[], env: Record<string, string> = {}, settings?: string): { code: number | null; stdout: string; stderr: string; report: Report } {
  // The report is written at exit: the launcher ends the process as soon as the run is done.
  const script = `const report = { used: [], refused: [], compiled: [] };
process.on('exit', () => require('node:fs').writeSync(2, '@@' + JSON.stringify(report)));
require(${JSON.stringify(join(dist, 'boot.js'))}).start(${JSON.stringify(dist)}, report);`;
  // Letters only: a name with four digits in a row (mkdtemp's random part, about one run in five hundred) may hold a
  // secret, so the settings folder named by WALLET_HELP_CONFIG_DIR was screened, loading the scanner's chunks (a flake).
  const dir = join(tmpdir(), `wallet-help-boot-home-${Array.from({ length: 12 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('')}`);
  mkdirSync(dir);
  copies.push(dir);
  const file = join(dir, 'launch.cjs');
  writeFileSync(file, script);
  if (settings !== undefined) writeFileSync(join(dir, 'config.json'), settings);
  const r = spawnSync(process.execPath, [file, ...args], { env: { PATH: process.env.PATH ?? '', HOME: dir, WALLET_HELP_CONFIG_DIR: dir, NO_COLOR: '1', ...env }, encoding: 'utf8' });
  const [stderr, report] = r.stderr.split('@@');
  return { code: r.status, stdout: r.stdout, stderr: stderr ?? '', report: JSON.parse(report ?? '{"used":[],"refused":[],"compiled":[]}') as Report };
}

/** A diagnosis for scripts (--json) run from `dist`, checked to have worked; what happened to each file. */
function diagnosisReport(dist: string): Report {
  const r = launch(dist, ['diagnose', 'payment-failed', '--network', 'offline', '--json']);
  expect(r.code).toBe(0);
  expect(r.stderr).toBe('');
  expect(JSON.parse(r.stdout).outcome.id).toBe('fix-connection');
  return r.report;
}

describe('the code cache', () => {
  it('is made by the build for the start-up files and used by a run', () => {
    const report = diagnosisReport(DIST);
    // A diagnosis for scripts starts from the entry that reads its line without commander (src/direct.ts).
    expect(report.used).toContain('direct.js');
    expect(report.used.some((f) => f.startsWith('chunks/diagnose-'))).toBe(true);
    expect(report.refused).toEqual([]);
    // Each file is loaded once, however many files require it (the start-up chunk: direct.js and diagnose's).
    expect(new Set(report.used).size).toBe(report.used.length);
  });

  it('reads only the entry and one start-up chunk for help, and diagnose\'s own chunk besides for a diagnosis', () => {
    // The bundler splits modules into chunks by the entry points that reach them: a module on the start-up path that
    // is also imported dynamically, or a lazily loaded module that skips core.ts, ends up in a chunk of its own, which
    // every run then opens and compiles as one more file (see src/core.ts).
    const startUp = (report: Report) => report.used.filter((f) => !f.startsWith('chunks/diagnose-'));
    const help = launch(DIST, ['diagnose', '--help']);
    expect(help.code).toBe(0);
    expect(startUp(help.report)).toEqual(['cli.js', expect.stringMatching(/^chunks\/chunk-[\w-]+\.js$/)]);
    const diagnosis = diagnosisReport(DIST);
    // The same start-up chunk; commander and the program's declaration are in cli.js, which a diagnosis for scripts
    // does not read, and neither does the program's plain help written to a pipe.
    expect(startUp(diagnosis)).toEqual(['direct.js', startUp(help.report)[1]]);
    expect(launch(DIST, ['--help']).report.used).toEqual(['direct.js', startUp(help.report)[1]]);
    expect(diagnosis.used.filter((f) => f.startsWith('chunks/diagnose-'))).toHaveLength(1);
  });

  it('covers the interactive path too: the build rehearses a diagnosis on a pretend terminal', () => {
    const manifest = JSON.parse(readFileSync(join(DIST, 'code-cache', 'manifest.json'), 'utf8')) as { files: Record<string, unknown> };
    const files = Object.keys(manifest.files);
    // The prompt library and the Chinese catalogue are loaded only by an interactive run in Chinese.
    expect(files.some((f) => f.startsWith('chunks/inquirer-'))).toBe(true);
    expect(files.some((f) => f.startsWith('chunks/messages-zh-'))).toBe(true);
    expect(files.some((f) => f.startsWith('chunks/outcome-'))).toBe(true);
  });

  it('is not used for a file that changed since the build, even by one character of the same length', () => {
    const dist = copyOfDist();
    const cli = join(dist, 'cli.js');
    const before = statSync(cli);
    const text = readFileSync(cli, 'utf8');
    expect(text).toContain('"0.1.0"');
    // V8 checks only the length of the source; the manifest's size and time catch the rest.
    writeFileSync(cli, text.replace('"0.1.0"', '"9.9.9"'));
    utimesSync(cli, before.atime, new Date(before.mtimeMs + 2000));
    const r = launch(dist, ['--lang', 'en', '--version']);
    expect(r.stdout.trim()).toBe('9.9.9');
    expect(r.report.compiled).toContain('cli.js');
    expect(r.report.used).not.toContain('cli.js');
  });

  it('carries no trace of the folder it was built in, which V8 keeps in a cache as the name of the script (QA: library review)', () => {
    const files = readdirSync(DIST, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(files.some((e) => e.name.endsWith('.bin'))).toBe(true);
    for (const e of files) expect(readFileSync(join(e.parentPath, e.name), 'latin1').includes(ROOT), join(e.parentPath, e.name)).toBe(false);
  });

  it('is used by a copy that did not keep file times (an npm install), the content being the same', () => {
    const dist = copyOfDist(false);
    expect(Math.floor(statSync(join(dist, 'cli.js')).mtimeMs / 1000)).not.toBe(Math.floor(statSync(join(DIST, 'cli.js')).mtimeMs / 1000));
    const report = diagnosisReport(dist);
    expect(report.used).toContain('direct.js');
    expect(report.used.some((f) => f.startsWith('chunks/diagnose-'))).toBe(true);
    expect(report.compiled).toEqual([]);
  });

  it('is not used in such a copy for a file whose content changed, even keeping its length', () => {
    const dist = copyOfDist(false);
    const cli = join(dist, 'cli.js');
    writeFileSync(cli, readFileSync(cli, 'utf8').replace('"0.1.0"', '"9.9.9"'));
    const r = launch(dist, ['--lang', 'en', '--version']);
    expect(r.stdout.trim()).toBe('9.9.9');
    expect(r.report.compiled).toContain('cli.js');
    expect(r.report.used).not.toContain('cli.js');
  });

  it('is not used in such a copy without the build\'s copies of the files to compare with', () => {
    const dist = copyOfDist(false);
    rmSync(join(dist, 'code-cache', 'source'), { recursive: true });
    const report = diagnosisReport(dist);
    expect(report.used).toEqual([]);
    expect(report.compiled).toContain('direct.js');
  });

  it('gives help screens and diagnoses for scripts (--json) a cache of their own, other runs the general one', () => {
    const dist = copyOfDist();
    // A damaged profile cache is refused by V8: that shows which cache a run took.
    writeFileSync(join(dist, 'code-cache', 'json', 'direct.js.bin'), Buffer.from('not a code cache at all'));
    expect(diagnosisReport(dist).refused).toEqual(['direct.js']);
    const text = launch(dist, ['diagnose', 'payment-failed', '--network', 'offline']);
    expect(text.code).toBe(0);
    expect(text.report.used).toContain('cli.js');
    expect(text.report.refused).toEqual([]);
    writeFileSync(join(dist, 'code-cache', 'help', 'cli.js.bin'), Buffer.from('not a code cache at all'));
    const help = launch(dist, ['diagnose', '--help']);
    expect(help.stdout).toContain('Usage: wallet-help diagnose');
    expect(help.report.refused).toEqual(['cli.js']);
  });

  it('hands a --json line that is not a plain diagnose line from the scripts\' entry to the CLI\'s', () => {
    // An unknown option: the line goes to commander, which words the error as always.
    const r = launch(DIST, ['diagnose', 'payment-failed', '--netwrk', 'offline', '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).error).toMatchObject({ code: 'usage', option: '--netwrk' });
    expect(r.report.used.slice(0, 2)).toEqual(['direct.js', expect.stringMatching(/^chunks\/chunk-[\w-]+\.js$/)]);
    expect(r.report.used).toContain('cli.js');
    expect(r.report.refused).toEqual([]);
  });

  it('prints the help rendered by the build for a file or a pipe, as commander writes it, in every case', () => {
    // The same command line and settings through the CLI's entry, which always reads the line with commander.
    const withCommander = (args: string[], env: Record<string, string>, settings?: string) => {
      const dir = mkdtempSync(join(tmpdir(), 'wallet-help-boot-home-'));
      copies.push(dir);
      if (settings !== undefined) writeFileSync(join(dir, 'config.json'), settings);
      const script = `require(${JSON.stringify(join(DIST, 'cli.js'))}).run(${JSON.stringify(args)})`;
      return spawnSync(process.execPath, ['-e', script], { env: { PATH: process.env.PATH ?? '', HOME: dir, WALLET_HELP_CONFIG_DIR: dir, NO_COLOR: '1', ...env }, encoding: 'utf8' });
    };
    const cases: [string[], Record<string, string>, string?][] = [
      [['--help'], {}],
      [['-h'], {}],
      [['help'], {}],
      [['--lang', 'zh', '--help'], {}],
      [['--help', '--lang=en', '--no-color'], {}],
      [['--help'], { WALLET_HELP_LANG: 'zh' }],
      [['--help'], { LANG: 'zh_CN.UTF-8' }],
      [['--help'], {}, JSON.stringify({ lang: 'zh' })],
      // A damaged settings file is moved aside and said, before the help.
      [['--help'], {}, '{ damaged'],
      [['--help'], { WALLET_HELP_LANG: 'klingon' }],
      [['--lang', 'xx', '--help'], {}],
    ];
    for (const [args, env, settings] of cases) {
      const own = launch(DIST, args, env, settings);
      const commander = withCommander(args, env, settings);
      const shown = (text: string) => text.replace(/config\.json\.corrupt-[\w-]+/g, 'config.json.corrupt-…').replace(/wallet-help-boot-home-\w+/g, 'home');
      expect({ args, env, code: own.code, stdout: own.stdout, stderr: shown(own.stderr) }).toEqual({ args, env, code: commander.status, stdout: commander.stdout, stderr: shown(commander.stderr) });
      if (own.code === 0) expect(own.report.used).not.toContain('cli.js');
    }
  });

  it('says so when the rendered help is missing from the installed package', () => {
    const dist = copyOfDist();
    rmSync(join(dist, 'help'), { recursive: true });
    const r = launch(dist, ['--help']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/The bundled help is missing \(.*help.en\.txt\)\. In a copy of the sources, run "npm run build" in its folder; an installed copy is damaged: install wallet-help again\./);
  });

  it('tells the program\'s plain help from other lines', () => {
    expect(isPlainHelp(['--help'])).toBe(true);
    expect(isPlainHelp(['-h'])).toBe(true);
    expect(isPlainHelp(['help'])).toBe(true);
    expect(isPlainHelp(['--lang', 'zh', '--help'])).toBe(true);
    expect(isPlainHelp(['--help', '--lang=zh', '--color'])).toBe(true);
    expect(isPlainHelp([])).toBe(false);
    expect(isPlainHelp(['--help', '--help'])).toBe(false);
    expect(isPlainHelp(['help', 'diagnose'])).toBe(false);
    expect(isPlainHelp(['diagnose', '--help'])).toBe(false);
    expect(isPlainHelp(['--lang', '--help'])).toBe(false);
    expect(isPlainHelp(['--lang', 'zh', '--lang', 'en', '--help'])).toBe(false);
    expect(isPlainHelp(['--help', '--version'])).toBe(false);
    expect(isPlainHelp(['--now', '2026-11-20', '--help'])).toBe(false);
  });

  it('starts a plain diagnose line for scripts from direct.js, every other line from cli.js', () => {
    expect(entryOf(['diagnose', 'payment-failed', '--network', 'offline', '--json'])).toBe('direct.js');
    expect(entryOf(['diagnose', 'payment-failed', '--network', 'offline'])).toBe('cli.js');
    expect(entryOf(['--help'])).toBe('direct.js');
    expect(entryOf(['help', 'diagnose'])).toBe('cli.js');
    expect(entryOf(['diagnose', '--json', '--help'])).toBe('cli.js');
  });

  it('says how to build it when the launcher finds no dist/ (a checkout that was never built)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wallet-help-unbuilt-'));
    copies.push(dir);
    cpSync(join(ROOT, 'bin'), join(dir, 'bin'), { recursive: true });
    const r = spawnSync(process.execPath, [join(dir, 'bin', 'wallet-help.js'), '--help'], { env: { PATH: process.env.PATH ?? '', HOME: dir }, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`wallet-help: ${join(dir, 'dist', 'boot.js')} cannot be read (ENOENT). Run "npm run build" in ${dir}.\n`);
  });

  it('compiles boot.js in the launcher with the code cache the build made of it, through the launcher\'s own compile', () => {
    const launcher = join(ROOT, 'bin', 'wallet-help.js');
    const script = `const { compileBoot, filename } = require(${JSON.stringify(launcher)});
      const s = compileBoot(require('node:fs').readFileSync(filename, 'utf8'));
      process.stdout.write(JSON.stringify({ rejected: s.cachedDataRejected }));`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    // undefined would mean no cache was given at all; true, that V8 refused the build's.
    expect(JSON.parse(r.stdout)).toEqual({ rejected: false });
  });

  it('does not run an edited boot.js with the code of the old one, even one of the same length', () => {
    // A copy of the package's bin/ and dist/ (file times not kept, as an npm install): boot.js answers --version
    // itself, from a constant its cached code would still hold.
    const dir = mkdtempSync(join(tmpdir(), 'wallet-help-boot-edit-'));
    copies.push(dir);
    cpSync(join(ROOT, 'bin'), join(dir, 'bin'), { recursive: true });
    cpSync(DIST, join(dir, 'dist'), { recursive: true });
    const version = (args: string[]) => spawnSync(process.execPath, [join(dir, 'bin', 'wallet-help.js'), ...args], { env: { PATH: process.env.PATH ?? '', HOME: dir }, encoding: 'utf8' });
    expect(version(['--version']).stdout).toBe('0.1.0\n');
    const boot = join(dir, 'dist', 'boot.js');
    const text = readFileSync(boot, 'utf8');
    expect(text).toContain('VERSION="0.1.0"');
    writeFileSync(boot, text.replace('VERSION="0.1.0"', 'VERSION="9.9.9"'));
    expect(version(['--version']).stdout).toBe('9.9.9\n');
    // Without the cache or its copy of the text, it is compiled as usual.
    rmSync(join(dir, 'dist', 'code-cache', 'source', 'boot.js'));
    expect(version(['--version']).stdout).toBe('9.9.9\n');
    rmSync(join(dir, 'dist', 'code-cache', 'boot.js.bin'));
    writeFileSync(boot, text);
    const r = version(['diagnose', 'payment-failed', '--network', 'offline', '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).outcome.id).toBe('fix-connection');
  });

  it('picks the profile from the command line', () => {
    expect(profileOf(['--help'])).toBe('help');
    expect(profileOf(['cases', 'list', '-h'])).toBe('help');
    expect(profileOf(['help', 'diagnose'])).toBe('help');
    expect(profileOf(['diagnose', 'payment-failed', '--json'])).toBe('json');
    expect(profileOf(['--lang', 'zh', 'diagnose', '--batch', '-'])).toBeUndefined();
    expect(profileOf(['diagnose'])).toBeUndefined();
    expect(profileOf(['contacts', '--json'])).toBeUndefined();
  });

  it('falls back to compiling when V8 refuses a damaged cache file', () => {
    const dist = copyOfDist();
    writeFileSync(join(dist, 'code-cache', 'cli.js.bin'), Buffer.from('not a code cache at all'));
    const r = launch(dist, ['diagnose', 'payment-failed', '--network', 'offline']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Fix your connection, then try again');
    expect(r.report.refused).toEqual(['cli.js']);
  });

  it('is left alone when its manifest is missing, damaged or from another Node version', () => {
    for (const manifest of [undefined, '{ damaged', JSON.stringify({ node: 'v0.0.1', files: {} })]) {
      const dist = copyOfDist();
      const file = join(dist, 'code-cache', 'manifest.json');
      if (manifest === undefined) rmSync(file);
      else writeFileSync(file, manifest);
      // Node's own loader then loads the bundle.
      expect(diagnosisReport(dist)).toEqual({ used: [], refused: [], compiled: [] });
    }
  });
});

describe('the bundle files', () => {
  it('are ASCII, apart from the Chinese catalogue', () => {
    // One non-ASCII character (a regular expression written with Chinese punctuation) makes V8 hold a file as a
    // two-byte string decoded character by character, at every start; the build escapes them (escapeNonAscii).
    const files = ['boot.js', 'cli.js', 'direct.js', 'check-worker.js', ...readdirSync(join(DIST, 'chunks')).map((f) => `chunks/${f}`)];
    const nonAscii = files.filter((f) => /[\u0080-\uffff]/.test(readFileSync(join(DIST, f), 'utf8')));
    expect(nonAscii).toEqual([expect.stringMatching(/^chunks\/messages-zh-[\w-]+\.js$/)]);
  });

  it('give every export a value once loaded (the build sets them as plain values at the end of each file)', () => {
    // Every chunk, in a fresh process: a binding set later than its file's end (a lazily initialised
    // module) must have kept its getter, or it would be exported as undefined for good.
    const script = `
      const { readdirSync } = require('node:fs');
      const { join } = require('node:path');
      const dir = ${JSON.stringify(join(DIST, 'chunks'))};
      const empty = [];
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.js')).sort()) {
        const exports = require(join(dir, file));
        // Getters stay live (a lazily initialised module fills them later); plain values must be set.
        for (const name of Object.keys(exports)) {
          const d = Object.getOwnPropertyDescriptor(exports, name);
          if ('value' in d && d.value === undefined) empty.push(file + ': ' + name);
        }
      }
      const cli = require(${JSON.stringify(join(DIST, 'cli.js'))});
      if (typeof cli.run !== 'function') empty.push('cli.js: run');
      process.stdout.write(JSON.stringify(empty));`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: mkdtempSync(join(tmpdir(), 'wallet-help-home-')) } });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual([]);
  });
});

describe('a bundle file required by another', () => {
  it('is named in dist/ from where the requiring file is', () => {
    expect(besides('cli.js', './chunks/chunk-A.js')).toBe('chunks/chunk-A.js');
    expect(besides('chunks/chunk-A.js', './chunk-B.js')).toBe('chunks/chunk-B.js');
    expect(besides('chunks/chunk-A.js', '../cli.js')).toBe('cli.js');
    expect(besides('check-worker.js', './chunks/x/../chunk-C.js')).toBe('chunks/chunk-C.js');
  });
});
