/**
 * Reading data files by path: devices, pipes and sockets are refused before a
 * byte is read, and no file is read past the size limit. Run against the built
 * CLI (`npm run build` first when running this file alone), since the real file
 * system is what is tested.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readProblem } from '../src/data/located-yaml.js';
import { DataFileError, readDataFile, readDataFileSync } from '../src/data/read-file.js';
import { translator } from '../src/i18n/i18n.js';
import { fileReason } from '../src/util/read-error.js';
import { ROOT, tempDir } from './helpers.js';

const BIN = join(ROOT, 'bin/wallet-help.js');
const HAS_DEV_ZERO = existsSync('/dev/zero');
const HAS_MKFIFO = process.platform !== 'win32' && spawnSync('mkfifo', ['--version']).status === 0;

function fifo(): string {
  const path = join(tempDir('wallet-help-fifo-'), 'pipe.yaml');
  expect(spawnSync('mkfifo', [path]).status).toBe(0);
  return path;
}

function zeroLink(name = 'zero.yaml'): string {
  const path = join(tempDir('wallet-help-zero-'), name);
  symlinkSync('/dev/zero', path);
  return path;
}

/** The CLI with its own settings folder; a hang or runaway read ends at the timeout and fails the test. */
function cli(argv: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...argv], {
    encoding: 'utf8',
    timeout: 20_000,
    maxBuffer: 1024 * 1024,
    env: { ...process.env, WALLET_HELP_CONFIG_DIR: tempDir(), NO_COLOR: '1', ...env },
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

describe('readDataFile', () => {
  it('reads a regular file', async () => {
    const file = join(tempDir(), 'a.yaml');
    writeFileSync(file, 'network: ok\n');
    expect(Buffer.from(await readDataFile(file)).toString()).toBe('network: ok\n');
    expect(readDataFileSync(file).toString()).toBe('network: ok\n');
  });

  it('refuses a file over the limit with its size, without reading it', async () => {
    const file = join(tempDir(), 'big.yaml');
    writeFileSync(file, 'x'.repeat(100));
    await expect(readDataFile(file, 10)).rejects.toMatchObject({ code: 'ETOOBIG', size: 100 });
    expect(() => readDataFileSync(file, 10)).toThrow(DataFileError);
    const err = await readDataFile(file, 10).catch((e: unknown) => e);
    expect(readProblem(err, file).message).toMatch(/^file is 1 KB, larger than the /);
  });

  it.runIf(HAS_DEV_ZERO)('refuses a device, also behind a symbolic link, without reading it', async () => {
    for (const path of ['/dev/zero', zeroLink()]) {
      await expect(readDataFile(path)).rejects.toMatchObject({ code: 'ENOTREG' });
      expect(() => readDataFileSync(path)).toThrow(/not a regular file/);
    }
  });

  it.runIf(HAS_MKFIFO)('refuses a named pipe at once, without waiting for a writer', async () => {
    const path = fifo();
    await expect(readDataFile(path)).rejects.toMatchObject({ code: 'ENOTREG' });
    expect(() => readDataFileSync(path)).toThrow(DataFileError);
  });

  it('reads a file that says it is empty (like those in /proc) up to the limit only', async () => {
    if (!existsSync('/proc/self/status')) return;
    expect((await readDataFile('/proc/self/status')).toString()).toMatch(/^Name:/);
    await expect(readDataFile('/proc/self/status', 10)).rejects.toMatchObject({ code: 'ETOOBIG', size: undefined });
  });

  it('passes on the system error of a missing file', async () => {
    const err = await readDataFile(join(tempDir(), 'none.yaml')).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'ENOENT' });
    expect(readProblem(err, 'none.yaml', 'zh')).toEqual({ file: 'none.yaml', line: 1, column: 1, message: '文件不存在' });
  });
});

describe.runIf(HAS_DEV_ZERO)('the CLI refuses devices and pipes wherever it reads a data file', () => {

  it('--answers /dev/zero, saying to pipe the answers in instead', () => {
    const r = cli(['diagnose', 'payment-failed', '--answers', '/dev/zero', '--json']);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout) as { error: { code: string; message: string } };
    expect(doc.error.code).toBe('answers_file');
    // A pipe is read (as --answers <(…)): the message names only what is refused, a device or a socket (review).
    expect(doc.error.message).toBe('Cannot read /dev/zero: it is a device or a socket, not a file. Give a file, or pipe the answers to standard input with --answers -.');
  });

  it('--contacts /dev/zero', () => {
    const r = cli(['--contacts', '/dev/zero', 'contacts']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Cannot read \/dev\/zero: it is not a regular file/);
  });

  it.runIf(HAS_MKFIFO)('flows validate on a link to /dev/zero and on a named pipe', () => {
    const link = zeroLink();
    const pipe = fifo();
    const r = cli(['flows', 'validate', link, pipe]);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain(`${link}:1:1: not a regular file`);
    expect(r.stdout + r.stderr).toContain(`${pipe}:1:1: not a regular file`);
  });

  it('a settings file that is a link to /dev/zero is reported and the run goes on', () => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    symlinkSync('/dev/zero', join(dir, 'config.json'));
    const r = cli(['diagnose', 'payment-failed', '--network', 'offline', '--json'], { WALLET_HELP_CONFIG_DIR: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/settings file .*config\.json cannot be read \(it is not a regular file/);
  });
});

describe.runIf(HAS_MKFIFO)('--answers reads a pipe as --batch FILE does, up to the same limit (QA: script)', () => {
  /** The CLI reading --answers from a named pipe that `writer` (a shell command) fills, as `--answers <(…)` does. */
  function throughPipe(writer: string) {
    const pipe = fifo();
    const r = spawnSync('sh', ['-c', `${writer} > "$1" & exec "$2" "$3" diagnose payment-failed --answers "$1" --json`, 'sh', pipe, process.execPath, BIN], {
      encoding: 'utf8',
      timeout: 20_000,
      env: { ...process.env, WALLET_HELP_CONFIG_DIR: tempDir(), NO_COLOR: '1' },
    });
    return { code: r.status, stdout: r.stdout, pipe };
  }

  it('a named pipe (what process substitution gives)', () => {
    const r = throughPipe(`printf 'network: offline\\n'`);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ answers: { network: 'offline' }, outcome: { id: 'fix-connection' } });
  });

  it('more than 2 MB through a pipe: said as such, with advice for answers', () => {
    const r = throughPipe(`head -c 3000000 /dev/zero | tr '\\0' a`);
    expect(r.code).toBe(2);
    const { error } = JSON.parse(r.stdout) as { error: { code: string; problems: { message: string }[] } };
    expect(error.code).toBe('answers_file');
    expect(error.problems[0]!.message).toBe('more than 2 MB came through the pipe, more than answers ever need: send only the answers, one short line per question (for example "network: ok")');
  });

  it('/dev/stdin, also when standard input is a socket (as a program spawned by Node gets)', () => {
    const r = spawnSync(process.execPath, [BIN, 'diagnose', 'payment-failed', '--answers', '/dev/stdin', '--json'], {
      encoding: 'utf8',
      timeout: 20_000,
      input: 'network: offline\n',
      env: { ...process.env, WALLET_HELP_CONFIG_DIR: tempDir(), NO_COLOR: '1' },
    });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ answers: { network: 'offline' } });
  });
});

describe('why a file could not be written, in words', () => {
  it('says a full or read-only disk in the reader\'s language, not only ENOSPC or EROFS (a case that could not be saved)', async () => {
    const [en, zh] = [await translator('en'), await translator('zh')];
    expect(en('cases.saveFailed', { file: '/x/cases.jsonl', reason: fileReason(en, 'ENOSPC') })).toBe(
      'The case could not be saved to /x/cases.jsonl (the disk is full: free some space); the diagnosis is complete all the same.',
    );
    expect(fileReason(en, 'EDQUOT')).toBe('the disk is full: free some space');
    expect(fileReason(en, 'EROFS')).toBe('the disk is read-only');
    expect(fileReason(zh, 'ENOSPC')).toBe('磁盘已满，请先腾出空间');
    expect(fileReason(zh, 'EROFS')).toBe('磁盘是只读的');
    expect(fileReason(en, 'EIO')).toBe('EIO');
  });
});

describe('a path the system cannot follow is said in words wherever a file is read (hostile review)', () => {
  it('a link that leads back to itself, and a name too long, for --contacts and --answers, in English and Chinese', () => {
    const dir = tempDir();
    symlinkSync(join(dir, 'b.yaml'), join(dir, 'a.yaml'));
    symlinkSync(join(dir, 'a.yaml'), join(dir, 'b.yaml'));
    const loop = join(dir, 'a.yaml');
    expect(cli(['--contacts', loop, 'contacts']).stderr).toBe(`Error: Cannot read ${loop}: too many symbolic links, or a link that leads back to itself.\n`);
    expect(cli(['--lang', 'zh', '--contacts', loop, 'contacts']).stderr).toContain('符号链接太多，或链接指回了它自己');
    const answers = cli(['diagnose', 'payment-failed', '--answers', loop, '--json']);
    expect(JSON.parse(answers.stdout).error.message).toBe(`Cannot read ${loop}: too many symbolic links, or a link that leads back to itself.`);
    const long = 'a'.repeat(300);
    expect(cli(['--contacts', long, 'contacts']).stderr).toContain(': the name is too long.');
  });
});
