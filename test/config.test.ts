import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tempDir } from './helpers.js';

describe('wallet-help config', () => {
  it('sets, gets, lists and unsets settings, stored as JSON in the config folder', async () => {
    const dir = tempDir();
    const env = { WALLET_HELP_CONFIG_DIR: dir };
    expect((await run(['config', 'set', 'lang', 'zh'], { env })).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'))).toMatchObject({ lang: 'zh' });
    expect((await run(['config', 'get', 'lang'], { env })).stdout).toBe('zh\n');
    const list = JSON.parse((await run(['config', 'list', '--json'], { env })).stdout);
    expect(list.settings.find((s: { key: string }) => s.key === 'lang')).toEqual({ key: 'lang', value: 'zh', allowed: 'en | zh' });
    expect(list.settings.map((s: { key: string }) => s.key)).toEqual(['lang', 'provider', 'contactsFile', 'flowsDir', 'role', 'color', 'saveCases']);
    expect((await run(['config', 'unset', 'lang'], { env })).code).toBe(0);
    expect((await run(['config', 'get', 'lang'], { env })).stdout).toBe('');
  });

  it('prints the file path; without WALLET_HELP_CONFIG_DIR it is the platform folder without a -nodejs suffix', async () => {
    const dir = tempDir();
    expect((await run(['config', 'path'], { env: { WALLET_HELP_CONFIG_DIR: dir } })).stdout).toBe(`${join(dir, 'config.json')}\n`);
    const standard = (await run(['config', 'path'], { env: { WALLET_HELP_CONFIG_DIR: '' } })).stdout.trim();
    expect(standard).toMatch(/[/\\]wallet-help[/\\]config\.json$/);
    expect(standard).not.toContain('nodejs');
  });

  it('refuses an unknown key or a bad value, naming what is allowed', async () => {
    const key = await run(['config', 'set', 'colour', 'red']);
    expect(key.code).toBe(2);
    expect(key.stderr).toContain('There is no setting "colour". Settings are: lang, provider, contactsFile, flowsDir, role, color, saveCases.');
    const value = await run(['config', 'set', 'role', 'admin', '--json']);
    expect(value.code).toBe(2);
    expect(JSON.parse(value.stdout).error).toMatchObject({ code: 'invalid_config_value', key: 'role', allowed: 'user | agent' });
    expect((await run(['config', 'frob'])).stderr).toContain('Unknown action "frob"');
  });

  it('stores paths absolute', async () => {
    const dir = tempDir();
    await run(['config', 'set', 'contactsFile', 'ours.yaml'], { env: { WALLET_HELP_CONFIG_DIR: dir } });
    expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')).contactsFile).toMatch(/^\/.*ours\.yaml$/);
  });
});

describe('precedence: flag, then environment, then settings, then default', () => {
  const withLang = () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ lang: 'zh' }));
    return { WALLET_HELP_CONFIG_DIR: dir };
  };
  const args = ['diagnose', 'payment-failed', '--network', 'offline', '--json'];

  it('uses the setting when nothing else says', async () => {
    expect(JSON.parse((await run(args, { env: withLang() })).stdout).lang).toBe('zh');
  });

  it('lets the environment override the setting, and the flag override both', async () => {
    expect(JSON.parse((await run(args, { env: { ...withLang(), WALLET_HELP_LANG: 'en' } })).stdout).lang).toBe('en');
    expect(JSON.parse((await run(['--lang', 'en', ...args], { env: { ...withLang(), WALLET_HELP_LANG: 'zh' } })).stdout).lang).toBe('en');
  });

  it('takes colour from the setting only when no flag or variable decides', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ color: 'always' }));
    const human = ['diagnose', 'payment-failed', '--network', 'offline'];
    expect((await run(human, { env: { WALLET_HELP_CONFIG_DIR: dir } })).stdout).toContain('\u001b[');
    expect((await run(human, { env: { WALLET_HELP_CONFIG_DIR: dir, NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
  });
});

describe('a damaged settings file', () => {
  it('is kept beside, reported once, and the run goes on with defaults', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'config.json'), '{"lang": "zh",');
    const first = await run(['diagnose', 'payment-failed', '--network', 'offline', '--json'], { env: { WALLET_HELP_CONFIG_DIR: dir } });
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout).lang).toBe('en');
    expect(first.stderr).toMatch(/Warning: your settings file .*config\.json was damaged \(not valid JSON\)\. It was kept as .*config\.json\.corrupt-/);
    const kept = readdirSync(dir).filter((f) => f.startsWith('config.json.corrupt-'));
    expect(kept).toHaveLength(1);
    expect(readFileSync(join(dir, kept[0]!), 'utf8')).toBe('{"lang": "zh",');
    const second = await run(['config', 'list'], { env: { WALLET_HELP_CONFIG_DIR: dir } });
    expect(second.stderr).toBe('');
  });

  it('ignores a bad value or unknown key with a warning, keeping the rest', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ lang: 'fr', role: 'agent', colour: 'red' }));
    const r = await run(['config', 'get', 'role'], { env: { WALLET_HELP_CONFIG_DIR: dir } });
    expect(r.stdout).toBe('agent\n');
    expect(r.stderr).toContain('the setting "lang" in');
    expect(r.stderr).toContain('the setting "colour" in');
    expect(existsSync(join(dir, 'config.json'))).toBe(true);
  });

  it('is left alone when it cannot be read', async () => {
    // A folder in its place cannot be read as a file, even by root (who ignores permissions).
    const dir = tempDir();
    mkdirSync(join(dir, 'config.json'));
    const r = await run(['config', 'list'], { env: { WALLET_HELP_CONFIG_DIR: dir } });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('cannot be read (EISDIR); wallet-help goes on with default settings.');
    expect(existsSync(join(dir, 'config.json'))).toBe(true);
  });
});
