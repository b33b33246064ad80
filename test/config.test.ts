import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os, { homedir } from 'node:os';
import { join } from 'node:path';
import envPaths from 'env-paths';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { configDir, readConfig } from '../src/config/config.js';
import { ROOT, run, tempDir } from './helpers.js';

/** A small valid directory file. */
const OURS = `providers:
  - id: our-wallet
    name: Our Wallet
    website: https://www.our-wallet.example/support
    timezone: Asia/Shanghai
    queues:
      general:
        - { type: email, value: help@our-wallet.example, hours: "24/7" }
`;

describe('the settings folder', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it.runIf(process.platform === 'linux')('an interactive diagnosis runs without a home folder, saying once that nothing can be kept (review)', async () => {
    // A container's user: no HOME, and none in the system's user database.
    vi.spyOn(os, 'userInfo').mockImplementation(() => {
      throw Object.assign(new Error('uv_os_get_passwd returned ENOENT (no such file or directory)'), { code: 'ENOENT' });
    });
    const env = { WALLET_HELP_CONFIG_DIR: '', HOME: '', XDG_CONFIG_HOME: '' };
    const r = await run(['diagnose', 'payment-failed', '--save'], { tty: true, env, prompts: [{ pick: 'offline' }] });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Fix your connection, then try again');
    const warnings = r.stderr.replace(/\s+/g, ' ');
    expect(warnings.match(/What is answered cannot be kept: there is no folder for the settings and the cases/g)).toHaveLength(1);
    expect(warnings).toContain('The case could not be saved: there is no folder for the settings and the cases');
  });

  // env-paths is the reference for each platform's standard place; configDir reads the run's environment instead of
  // the process's. env-paths took the home folder from os.homedir() when it was imported, so every case uses that one.
  it.each([
    ['linux', {}],
    ['linux', { XDG_CONFIG_HOME: '/srv/settings' }],
    ['darwin', {}],
    ['darwin', { XDG_CONFIG_HOME: '/srv/settings' }],
    ['win32', {}],
    ['win32', { APPDATA: '/c/Users/someone/AppData/Roaming2' }],
  ] as const)('is env-paths\' config folder on %s with %o', (platform, vars) => {
    vi.spyOn(process, 'platform', 'get').mockReturnValue(platform);
    const env: Record<string, string | undefined> = { HOME: homedir(), USERPROFILE: homedir(), XDG_CONFIG_HOME: undefined, APPDATA: undefined, ...vars };
    for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
    expect(configDir(env)).toBe(envPaths('wallet-help', { suffix: '' }).config);
  });

  it('is read from the environment it is given, not the process\'s', () => {
    vi.stubEnv('XDG_CONFIG_HOME', '/elsewhere');
    vi.stubEnv('HOME', '/elsewhere-home');
    expect(configDir({ HOME: '/home/someone' })).toBe(join('/home/someone', '.config', 'wallet-help'));
    expect(configDir({ HOME: '/home/someone', XDG_CONFIG_HOME: '/xdg' })).toBe(join('/xdg', 'wallet-help'));
  });
});

describe('wallet-help config', () => {
  it('removes the copies a killed config set left beside the file, and nothing else (QA: robustness review)', async () => {
    const dir = tempDir();
    const env = { WALLET_HELP_CONFIG_DIR: dir };
    writeFileSync(join(dir, 'config.json.tmp-1732400000a1b2c3'), '{"lang": "zh"');
    writeFileSync(join(dir, 'config.json.bak'), '{}');
    expect((await run(['config', 'set', 'lang', 'zh'], { env })).code).toBe(0);
    expect(readdirSync(dir).filter((n) => n.startsWith('config.json')).sort()).toEqual(['config.json', 'config.json.bak']);
  });

  it('sets, gets, lists and unsets settings, stored as JSON in the config folder', async () => {
    const dir = tempDir();
    const env = { WALLET_HELP_CONFIG_DIR: dir };
    expect((await run(['config', 'set', 'lang', 'zh'], { env })).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'))).toMatchObject({ lang: 'zh' });
    expect((await run(['config', 'get', 'lang'], { env })).stdout).toBe('zh\n');
    const list = JSON.parse((await run(['config', 'list', '--json'], { env })).stdout);
    expect(list.settings.find((s: { key: string }) => s.key === 'lang')).toEqual({ key: 'lang', value: 'zh', allowed: 'en | zh', values: ['en', 'zh'] });
    expect(list.settings.map((s: { key: string }) => s.key)).toEqual(['lang', 'provider', 'contactsFile', 'flowsDir', 'role', 'color', 'saveCases']);
    // What a free setting takes is said in words (in the settings' language), and the provider ids are those of the directory in use.
    expect(list.settings.find((s: { key: string }) => s.key === 'provider')).toEqual({ key: 'provider', value: null, allowed: 'example-wallet' });
    expect((await run(['config', 'list'], { env })).stdout).toMatch(/contactsFile\s+（未设置）\s+YAML 文件\nflowsDir\s+（未设置）\s+文件夹\n/);
    expect((await run(['--lang', 'en', 'config', 'list'], { env })).stdout).toMatch(/contactsFile\s+\(not set\)\s+a YAML file\nflowsDir\s+\(not set\)\s+a folder\n/);
    expect((await run(['config', 'unset', 'lang'], { env })).code).toBe(0);
    expect((await run(['config', 'get', 'lang'], { env })).stdout).toBe('');
  });

  it('warns of a setting written twice in a hand-edited file, where the last is used; a key that may hold a secret is not quoted (QA: scripts and authors)', async () => {
    const dir = tempDir();
    const env = { WALLET_HELP_CONFIG_DIR: dir };
    writeFileSync(join(dir, 'config.json'), '{"lang":"zh","lang":"en"}');
    const get = await run(['config', 'get', 'lang'], { env });
    expect(get.stdout).toBe('en\n');
    expect(get.stderr).toContain(`the settings file ${join(dir, 'config.json')} has the setting "lang" twice: the last one is used`);
    expect((await run(['config', 'list', '--json'], { env })).stderr).toContain('has the setting "lang" twice');
    writeFileSync(join(dir, 'config.json'), '{"theme":1,"theme":2}');
    expect((await run(['config', 'list'], { env })).stderr).toContain('has the key "theme" twice, which is no setting');
    // A key that may hold a secret is never quoted, as the warning of an unknown key does not quote it.
    const phrase = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';
    writeFileSync(join(dir, 'config.json'), `{"${phrase}":1,"${phrase}":2}`);
    const other = await run(['config', 'list'], { env });
    expect(other.stderr).toContain('has a key twice that is no setting');
    expect(other.stderr).not.toContain('abandon');
    // A file without a repeat says nothing of it; nor does a run that does not look at settings.
    writeFileSync(join(dir, 'config.json'), '{"lang":"en"}');
    expect((await run(['config', 'get', 'lang'], { env })).stderr).toBe('');
  });

  it('suggests the closest allowed value for a mistyped one, in both languages and in JSON (QA: desk)', async () => {
    const env = { WALLET_HELP_CONFIG_DIR: tempDir() };
    const r = await run(['config', 'set', 'role', 'agnet'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"agnet" is not allowed for role. Allowed: user | agent. Did you mean agent?');
    const doc = JSON.parse((await run(['config', 'set', 'role', 'agnet', '--json'], { env })).stdout);
    expect(doc.error).toMatchObject({ code: 'invalid_config_value', key: 'role', values: ['user', 'agent'], suggestions: ['agent'] });
    expect((await run(['--lang', 'zh', 'config', 'set', 'color', 'alway'], { env })).stderr).toContain('你是不是想输入 always？');
    // Nothing near: no suggestion.
    expect((await run(['config', 'set', 'role', 'manager'], { env })).stderr).not.toContain('Did you mean');
    expect(existsSync(join(env.WALLET_HELP_CONFIG_DIR, 'config.json'))).toBe(false);
  });

  it('suggests the action meant, and the role by what people call it (QA: zh user)', async () => {
    const env = { WALLET_HELP_CONFIG_DIR: tempDir() };
    const action = JSON.parse((await run(['config', 'sett', 'lang', 'zh', '--json'], { env })).stdout).error;
    expect(action).toMatchObject({ code: 'unknown_action', suggestions: expect.arrayContaining(['set']) });
    expect((await run(['--lang', 'zh', 'config', 'set', 'role', '客服'], { env })).stderr).toContain('你是不是想输入 agent？');
    expect(JSON.parse((await run(['config', 'set', 'role', 'support', '--json'], { env })).stdout).error.suggestions).toEqual(['agent']);
  });

  it('suggests true or false for a yes or no as people type it (QA: Chinese user)', async () => {
    const env = { WALLET_HELP_CONFIG_DIR: tempDir() };
    expect((await run(['--lang', 'zh', 'config', 'set', 'saveCases', '是'], { env })).stderr).toContain('你是不是想输入 true？');
    for (const [typed, meant] of [['yes', 'true'], ['on', 'true'], ['否', 'false'], ['off', 'false'], ['0', 'false']] as const) {
      expect(JSON.parse((await run(['config', 'set', 'saveCases', typed, '--json'], { env })).stdout).error, typed).toMatchObject({ code: 'invalid_config_value', suggestions: [meant] });
    }
    expect(existsSync(join(env.WALLET_HELP_CONFIG_DIR, 'config.json'))).toBe(false);
  });

  it('refuses a word an action does not take, saying the command meant, and says a setting not set is not (QA: UX review)', async () => {
    const env = { WALLET_HELP_CONFIG_DIR: tempDir() };
    const get = await run(['config', 'get', 'lang', 'zh'], { env });
    expect(get.code).toBe(2);
    expect(get.stderr).toContain('"wallet-help config get" takes one setting; "zh" is one word too many. To change a setting: wallet-help config set lang zh.');
    // Nothing was set.
    expect((await run(['config', 'get', 'lang', '--json'], { env })).stdout).toBe('{"key":"lang","value":null}\n');
    expect(JSON.parse((await run(['config', 'unset', 'lang', 'zh', '--json'], { env })).stdout).error).toMatchObject({ code: 'usage', action: 'unset', extra: 'zh' });
    expect((await run(['config', 'list', 'lang'], { env })).stderr).toContain('"wallet-help config list" takes no other word; "lang" is one word too many. To see one setting: wallet-help config get lang.');
    expect((await run(['config', 'path', 'x'], { env })).code).toBe(2);
    expect((await run(['--lang', 'zh', 'config', 'get', 'lang', 'zh'], { env })).stderr).toContain('“wallet-help config get”只接受一个设置项；“zh”是多出来的。要修改设置：wallet-help config set lang zh。');
    // A setting where the action goes, or written with "=": the command meant.
    expect((await run(['config', 'lang', 'zh'], { env })).stderr).toContain('Unknown action "lang". Use list, get, set, unset or path. To change a setting: wallet-help config set lang zh.');
    expect((await run(['config', 'lang'], { env })).stderr).toContain('To see one setting: wallet-help config get lang.');
    expect((await run(['config', 'set', 'lang=zh'], { env })).stderr).toContain('To change a setting: wallet-help config set lang zh.');
    // A setting not set: nothing on standard output for a script, and a line for a person.
    const unset = await run(['config', 'get', 'provider'], { env });
    expect(unset).toMatchObject({ code: 0, stdout: '', stderr: 'The setting provider is not set.\n' });
  });

  it('prints the file path; without WALLET_HELP_CONFIG_DIR it is the platform folder without a -nodejs suffix', async () => {
    const dir = tempDir();
    expect((await run(['config', 'path'], { env: { WALLET_HELP_CONFIG_DIR: dir } })).stdout).toBe(`${join(dir, 'config.json')}\n`);
    expect(JSON.parse((await run(['config', 'path', '--json'], { env: { WALLET_HELP_CONFIG_DIR: dir } })).stdout)).toEqual({ file: join(dir, 'config.json') });
    // An escape in the folder's name is written out, never acted on; the JSON keeps the name (QA: robustness review).
    const odd = `${dir}/e\u001b[31mvil`;
    expect((await run(['config', 'path'], { env: { WALLET_HELP_CONFIG_DIR: odd } })).stdout).toBe(`${dir}/e\\x1b[31mvil/config.json\n`);
    expect(JSON.parse((await run(['config', 'path', '--json'], { env: { WALLET_HELP_CONFIG_DIR: odd } })).stdout)).toEqual({ file: `${odd}/config.json` });
    const standard = (await run(['config', 'path'], { env: { WALLET_HELP_CONFIG_DIR: '' } })).stdout.trim();
    expect(standard).toMatch(/[/\\]wallet-help[/\\]config\.json$/);
    expect(standard).not.toContain('nodejs');
  });

  it('reads a leading ~ of WALLET_HELP_CONFIG_DIR as the home folder and names the folder absolutely; ignores a relative XDG_CONFIG_HOME', async () => {
    const home = tempDir();
    const path = async (env: Record<string, string>) => (await run(['config', 'path'], { env: { HOME: home, ...env } })).stdout.trim();
    // Quoted in a shell or written in a service file, "~" is not expanded: a folder named "~" was made in the current one.
    expect(await path({ WALLET_HELP_CONFIG_DIR: '~/wallet-help-settings' })).toBe(join(home, 'wallet-help-settings', 'config.json'));
    const set = await run(['config', 'set', 'lang', 'zh'], { env: { HOME: home, WALLET_HELP_CONFIG_DIR: '~/wallet-help-settings' } });
    expect(set.code).toBe(0);
    expect(existsSync(join(home, 'wallet-help-settings', 'config.json'))).toBe(true);
    expect(await path({ WALLET_HELP_CONFIG_DIR: 'relative/dir' })).toBe(join(process.cwd(), 'relative', 'dir', 'config.json'));
    if (process.platform === 'linux') expect(await path({ WALLET_HELP_CONFIG_DIR: '', XDG_CONFIG_HOME: 'relative' })).toBe(join(home, '.config', 'wallet-help', 'config.json'));
  });

  it('stores a language given as a locale tag as the language it names, as --lang reads it (QA: review)', async () => {
    const env = { WALLET_HELP_CONFIG_DIR: tempDir() };
    const set = await run(['config', 'set', 'lang', 'zh-CN', '--json'], { env });
    expect(set.code).toBe(0);
    expect(JSON.parse(set.stdout)).toEqual({ key: 'lang', value: 'zh' });
    expect((await run(['config', 'get', 'lang'], { env })).stdout).toBe('zh\n');
    expect((await run(['config', 'set', 'lang', 'fr'], { env })).code).toBe(2);
  });

  it('refuses an unknown key or a bad value, naming what is allowed', async () => {
    const key = await run(['config', 'set', 'colour', 'red']);
    expect(key.code).toBe(2);
    expect(key.stderr).toContain('There is no setting "colour". Settings are: lang, provider, contactsFile, flowsDir, role, color, saveCases. Did you mean color?');
    // A setting by the word the README and the options use for it (QA: author).
    expect(JSON.parse((await run(['config', 'set', 'directory', 'x.yaml', '--json'])).stdout).error).toMatchObject({ code: 'unknown_config_key', suggestions: ['contactsFile'] });
    expect((await run(['config', 'get', 'Language'])).stderr).toContain('Did you mean lang?');
    // In Chinese, with its own list and sentence punctuation (QA: zh user, "saveCases。 你是不是").
    const zh = await run(['--lang', 'zh', 'config', 'set', 'colour', 'red']);
    expect(zh.stderr).toContain('可用的设置项：lang、provider、contactsFile、flowsDir、role、color、saveCases。你是不是想输入 color？');
    const value = await run(['config', 'set', 'role', 'admin', '--json']);
    expect(value.code).toBe(2);
    expect(JSON.parse(value.stdout).error).toMatchObject({ code: 'invalid_config_value', key: 'role', allowed: 'user | agent', values: ['user', 'agent'] });
    expect((await run(['config', 'frob'])).stderr).toContain('Unknown action "frob"');
  });

  it('stores paths absolute', async () => {
    const dir = tempDir();
    const r = await run(['config', 'set', 'contactsFile', 'ours.yaml'], { env: { WALLET_HELP_CONFIG_DIR: dir }, files: { [join(ROOT, 'ours.yaml')]: OURS } });
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')).contactsFile).toMatch(/^\/.*ours\.yaml$/);
  });

  it('refuses a directory file that cannot be used, listing its problems, and keeps the file as it was', async () => {
    const dir = tempDir();
    const env = { WALLET_HELP_CONFIG_DIR: dir };
    const missing = await run(['config', 'set', 'contactsFile', './missing.yaml'], { env });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing.yaml');
    expect(existsSync(join(dir, 'config.json'))).toBe(false);
    const broken = await run(['config', 'set', 'contactsFile', 'ours.yaml', '--json'], { env, files: { [join(ROOT, 'ours.yaml')]: OURS.replace('timezone: Asia/Shanghai', 'timezone: Mars/Olympus') } });
    expect(broken.code).toBe(2);
    expect(JSON.parse(broken.stdout).error).toMatchObject({ code: 'directory_invalid', problems: [expect.objectContaining({ line: 5 })] });
    expect(existsSync(join(dir, 'config.json'))).toBe(false);
  });

  it('refuses a provider the directory in use does not have', async () => {
    const dir = tempDir();
    const env = { WALLET_HELP_CONFIG_DIR: dir };
    const bad = await run(['config', 'set', 'provider', 'nope'], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('The directory has no provider "nope". Its providers are: example-wallet.');
    expect(existsSync(join(dir, 'config.json'))).toBe(false);
    expect((await run(['config', 'set', 'provider', 'example-wallet'], { env })).code).toBe(0);
    // Checked against the directory in use, here the one named by the environment.
    const ours = await run(['config', 'set', 'provider', 'our-wallet'], { env: { ...env, WALLET_HELP_CONTACTS: 'ours.yaml' }, files: { 'ours.yaml': OURS } });
    expect(ours.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')).provider).toBe('our-wallet');
  });

  it('confirms set and unset on standard error, and only with JSON on standard output under --json', async () => {
    const env = { WALLET_HELP_CONFIG_DIR: tempDir() };
    const set = await run(['config', 'set', 'role', 'agent'], { env });
    expect(set.stdout).toBe('');
    expect(set.stderr).toBe('Saved: role is now agent.\n');
    const unset = await run(['config', 'unset', 'role'], { env });
    expect(unset.stderr).toBe('Removed the setting role.\n');
    const json = await run(['config', 'set', 'role', 'agent', '--json'], { env });
    expect(json.stderr).toBe('');
    expect(JSON.parse(json.stdout)).toEqual({ key: 'role', value: 'agent' });
    // In the language of the run.
    expect((await run(['config', 'set', 'lang', 'zh'], { env })).stderr).toBe('Saved: lang is now zh.\n');
    expect((await run(['config', 'unset', 'lang'], { env })).stderr).toBe('已删除设置项 lang。\n');
  });

  it('says that unsetting a setting that is not set changed nothing, rather than "Removed" (QA: README)', async () => {
    const dir = tempDir();
    const env = { WALLET_HELP_CONFIG_DIR: dir };
    const r = await run(['config', 'unset', 'provider'], { env });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('The setting provider was not set; nothing changed.\n');
    expect(existsSync(join(dir, 'config.json'))).toBe(false);
    expect((await run(['--lang', 'zh', 'config', 'unset', 'provider'], { env })).stderr).toBe('设置项 provider 本来就未设置，没有改动。\n');
    // A script gets the same document either way (the setting is not set now), and whether anything was removed.
    expect(JSON.parse((await run(['config', 'unset', 'provider', '--json'], { env })).stdout)).toEqual({ key: 'provider', value: null, removed: false });
  });

  it('suggests the setting an unknown key was meant to be', async () => {
    const r = await run(['config', 'set', 'langg', 'zh']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('There is no setting "langg".');
    expect(r.stderr).toContain('Did you mean lang?');
  });

  it('unsets an unknown key the file holds, so its warning can be followed', async () => {
    const dir = tempDir();
    const env = { WALLET_HELP_CONFIG_DIR: dir };
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ colour: 'never', role: 'agent' }));
    const before = await run(['config', 'list'], { env });
    expect(before.stderr).toContain('Remove it with "wallet-help config unset colour"');
    const r = await run(['config', 'unset', 'colour'], { env });
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'))).toEqual({ role: 'agent' });
    expect((await run(['config', 'list'], { env })).stderr).toBe('');
    // A key that is neither a setting nor in the file is still an error.
    expect((await run(['config', 'unset', 'colour'], { env })).code).toBe(2);
  });

  it('lists a stored value that is not allowed, marked invalid', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ lang: 'fr' }));
    const r = await run(['config', 'list'], { env: { WALLET_HELP_CONFIG_DIR: dir } });
    expect(r.stdout).toMatch(/lang +fr \(invalid: must be one of en, zh; ignored\)/);
    const doc = JSON.parse((await run(['config', 'list', '--json'], { env: { WALLET_HELP_CONFIG_DIR: dir } })).stdout);
    expect(doc.settings[0]).toMatchObject({ key: 'lang', value: null, invalid: 'fr (invalid: must be one of en, zh; ignored)' });
    // config get says the same, not "not set" (QA: scripts review).
    expect(JSON.parse((await run(['config', 'get', 'lang', '--json'], { env: { WALLET_HELP_CONFIG_DIR: dir } })).stdout)).toEqual({ key: 'lang', value: null, invalid: 'fr (invalid: must be one of en, zh; ignored)' });
    const get = await run(['config', 'get', 'lang'], { env: { WALLET_HELP_CONFIG_DIR: dir } });
    expect([get.stdout, get.stderr.trim().split('\n').at(-1)]).toEqual(['', 'The setting lang has no value in use: the file holds fr (invalid: must be one of en, zh; ignored).']);
    expect(JSON.parse((await run(['config', 'get', 'provider', '--json'], { env: { WALLET_HELP_CONFIG_DIR: dir } })).stdout)).toEqual({ key: 'provider', value: null });
    // A recovery phrase stored by mistake is screened whole: its first 60 characters would be most of it (QA: script).
    const phrase = 'legal winner thank year wave sausage worth useful legal winner thank yellow';
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ provider: phrase }));
    const secret = await run(['config', 'list'], { env: { WALLET_HELP_CONFIG_DIR: dir } });
    expect(secret.stdout).toMatch(/provider +… \(invalid/);
    expect(secret.stdout + secret.stderr).not.toContain('legal winner');
  });

  it('names a secret in a setting of fixed values or ids as a secret, not as a wrong value; a language named in words gets its tag offered (QA: README)', async () => {
    const dir = tempDir();
    const env = { WALLET_HELP_CONFIG_DIR: dir };
    const phrase = 'legal winner thank year wave sausage worth useful legal winner thank yellow';
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ lang: phrase, provider: phrase }));
    const r = await run(['contacts', 'security'], { env });
    expect(r.code).toBe(0);
    for (const key of ['lang', 'provider']) expect(r.stderr).toContain(`the setting "${key}" in ${join(dir, 'config.json')} holds what looks like a recovery phrase; it is ignored and never shown.`);
    expect(r.stderr).not.toMatch(/must be one of|lowercase letters/);
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ lang: 'chinese' }));
    const named = await run(['contacts', 'security'], { env });
    expect(named.stderr).toMatch(/"lang" .*must be one of en, zh.*Did you mean zh\?/s);
  });

  it('ignores a stored path that holds a secret, naming only its key: never in a warning, a JSON document or the list (QA: script)', async () => {
    const dir = tempDir();
    const phrase = 'legal winner thank year wave sausage worth useful legal winner thank yellow';
    // Valid values in their own right (a path is any text), so only the screen stops them.
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ flowsDir: `/tmp/${phrase}`, contactsFile: '/tmp/4111 1111 1111 1111.yaml', role: 'agent' }));
    const env = { WALLET_HELP_CONFIG_DIR: dir };
    const diagnosis = await run(['diagnose', 'account-compromised', '--json'], { env });
    expect(diagnosis.code).toBe(0);
    // The bundled contacts, as if the setting were not there; the other settings still hold.
    expect(JSON.parse(diagnosis.stdout)).toMatchObject({ outcome: { contact: { example: true } }, role: 'agent' });
    // The document carries the run's warnings (naming the keys), never the values.
    expect(JSON.parse(diagnosis.stdout).warnings).toEqual([expect.stringContaining('the setting "flowsDir"'), expect.stringContaining('the setting "contactsFile"')]);
    expect(diagnosis.stdout).not.toMatch(/legal winner|4111/);
    expect(diagnosis.stderr).toContain(`Warning: the setting "flowsDir" in ${join(dir, 'config.json')} holds what looks like a recovery phrase; it is ignored and never shown. Remove it with "wallet-help config unset flowsDir", and if it is real, treat it as exposed.`);
    expect(diagnosis.stderr).toContain('the setting "contactsFile"');
    const list = await run(['config', 'list', '--json'], { env });
    expect(JSON.parse(list.stdout).settings.find((s: { key: string }) => s.key === 'contactsFile')).toMatchObject({ value: null, invalid: '… (invalid: it holds what looks like a card number, never shown; ignored)' });
    const zh = await run(['--lang', 'zh', 'config', 'list'], { env });
    expect(zh.stderr).toContain('中的设置“flowsDir”看起来含有助记词，已忽略，也不会显示。');
    for (const out of [diagnosis, list, zh]) {
      expect(out.stdout + out.stderr).not.toMatch(/legal winner|4111/);
    }
    // A key that holds a secret is not quoted either, and its advice is one that can be followed (config unset would refuse it).
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ [phrase]: 'x', role: 'agent' }));
    const keyed = await run(['contacts'], { env });
    expect(keyed.code).toBe(0);
    expect(keyed.stderr).toContain(`Warning: a key in ${join(dir, 'config.json')} holds what looks like a recovery phrase; it is ignored and never shown. Open the file in an editor and delete it`);
    expect(keyed.stderr).not.toContain('legal winner');
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ flowsDir: `/tmp/${phrase}` }));
    // Removing it is what the warning says to do, and works.
    expect((await run(['config', 'unset', 'flowsDir'], { env })).code).toBe(0);
    expect(readFileSync(join(dir, 'config.json'), 'utf8')).not.toContain('legal');
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
    // FORCE_COLOR ranks above the setting and below NO_COLOR, as the README says.
    expect((await run(human, { env: { WALLET_HELP_CONFIG_DIR: dir, FORCE_COLOR: '0' } })).stdout).not.toContain('\u001b[');
    expect((await run(human, { env: { WALLET_HELP_CONFIG_DIR: dir, FORCE_COLOR: '1', NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ color: 'never' }));
    expect((await run(human, { env: { WALLET_HELP_CONFIG_DIR: dir, FORCE_COLOR: '1' } })).stdout).toContain('\u001b[');
    // Set to nothing (a CI template's FORCE_COLOR=$FORCE_COLOR), it is not set: the setting decides (QA: scripts review).
    expect((await run(human, { env: { WALLET_HELP_CONFIG_DIR: dir, FORCE_COLOR: '' } })).stdout).not.toContain('\u001b[');
    rmSync(join(dir, 'config.json'));
    expect((await run(human, { env: { WALLET_HELP_CONFIG_DIR: dir, FORCE_COLOR: '' } })).stdout).not.toContain('\u001b[');
  });
});

describe('a stored key that is not a setting (QA: author #10)', () => {
  it('is ignored with a warning that names the setting it likely is, as config set does', async () => {
    const dir = tempDir();
    const file = join(dir, 'config.json');
    writeFileSync(file, JSON.stringify({ colour: 'never', provder: 'acme', zzz: 1 }));
    const r = await run(['diagnose', 'payment-failed', '--network', 'offline', '--json'], { env: { WALLET_HELP_CONFIG_DIR: dir } });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`Warning: the setting "colour" in ${file} is unknown and ignored; did you mean "color"? Remove it with "wallet-help config unset colour" and set "color" instead.`);
    expect(r.stderr).toContain('the setting "provder" in');
    expect(r.stderr).toContain('did you mean "provider"?');
    expect(r.stderr).toContain(`Warning: the setting "zzz" in ${file} is unknown and ignored. Remove it with "wallet-help config unset zzz".`);
    const zh = await run(['--lang', 'zh', 'diagnose', 'payment-failed', '--network', 'offline', '--json'], { env: { WALLET_HELP_CONFIG_DIR: dir } });
    expect(zh.stderr).toContain(`${file} 中的设置“colour”无法识别，已忽略；是不是“color”？请用“wallet-help config unset colour”删除它，再改为设置“color”。`);
  });
});

describe('a stored key named like an object property or a path (hostile review)', () => {
  it('is warned of as written, with advice config unset can follow, and config unset removes exactly that key', async () => {
    const dir = tempDir();
    const file = join(dir, 'config.json');
    for (const key of ['__proto__', 'constructor', 'a.b', 'toString']) {
      writeFileSync(file, `{${JSON.stringify(key)}: 1, "lang": "en"}`);
      const r = await run(['config', 'list'], { env: { WALLET_HELP_CONFIG_DIR: dir } });
      // No "did you mean" made of Object.prototype ("[object Object]", "function Object() { [native code] }").
      expect(r.stderr).toContain(`Warning: the setting "${key}" in ${file} is unknown and ignored. Remove it with "wallet-help config unset ${key}".`);
      const unset = await run(['config', 'unset', key], { env: { WALLET_HELP_CONFIG_DIR: dir } });
      expect(unset.code).toBe(0);
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ lang: 'en' });
    }
    const typed = await run(['config', 'set', 'constructor', 'x'], { env: { WALLET_HELP_CONFIG_DIR: dir } });
    expect(typed.stderr).toBe('Error: There is no setting "constructor". Settings are: lang, provider, contactsFile, flowsDir, role, color, saveCases.\n');
    // A key that is no own key of the file is no setting to remove, whatever every object inherits.
    expect((await run(['config', 'unset', 'hasOwnProperty'], { env: { WALLET_HELP_CONFIG_DIR: dir } })).code).toBe(2);
  });

  it('quotes a key holding an escape or a page of text as typed input is quoted: written out, and short', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ '\u001b[2Jx': 1, ['k'.repeat(100_000)]: 1 }));
    const r = await run(['config', 'list'], { env: { WALLET_HELP_CONFIG_DIR: dir } });
    expect(r.stderr).toContain('the setting "\\x1b[2Jx" in');
    expect(r.stderr).toContain(`the setting "${'k'.repeat(60)}…" in`);
    expect(r.stderr.length).toBeLessThan(2000);
  });
});

describe('a damaged settings file', () => {
  it('is kept beside, reported once, and the run goes on with defaults', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'config.json'), '{"lang": "zh",');
    const first = await run(['diagnose', 'payment-failed', '--network', 'offline', '--json'], { env: { WALLET_HELP_CONFIG_DIR: dir } });
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout).lang).toBe('en');
    expect(first.stderr).toMatch(/Warning: your settings file .*config\.json was damaged \(not a JSON object of settings\)\. It was kept as .*config\.json\.corrupt-/);
    const kept = readdirSync(dir).filter((f) => f.startsWith('config.json.corrupt-'));
    expect(kept).toHaveLength(1);
    expect(readFileSync(join(dir, kept[0]!), 'utf8')).toBe('{"lang": "zh",');
    const second = await run(['config', 'list'], { env: { WALLET_HELP_CONFIG_DIR: dir } });
    expect(second.stderr).toBe('');
  });

  it('when another run moves it aside first, says nothing more, and reads the new file that run wrote instead of moving that aside', () => {
    const dir = tempDir();
    const file = join(dir, 'config.json');
    const env = { WALLET_HELP_CONFIG_DIR: dir };
    // Runs started together all find it damaged; `now` is asked just before moving it aside: there, another run acts.
    writeFileSync(file, '{"lang": "zh",');
    const movedMeanwhile = readConfig(env, () => (renameSync(file, `${file}.corrupt-other`), new Date()));
    // Before, "could not be moved aside (ENOENT); it is left as it is", about a file another run had moved.
    expect(movedMeanwhile).toMatchObject({ config: {}, warnings: [] });
    writeFileSync(file, '{"lang": "zh",');
    const rewritten = readConfig(env, () => (renameSync(file, `${file}.corrupt-other`), writeFileSync(file, '{"role": "agent"}'), new Date()));
    // Before, the new settings were moved aside as damaged.
    expect(rewritten).toMatchObject({ config: { role: 'agent' }, warnings: [] });
    expect(readFileSync(file, 'utf8')).toBe('{"role": "agent"}');
    expect(readdirSync(dir).sort()).toEqual(['config.json', 'config.json.corrupt-other']);
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

  it('reads a yes-or-no setting written by hand as JSON true or false (QA: script)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ saveCases: true, lang: true }));
    const r = await run(['config', 'get', 'saveCases'], { env: { WALLET_HELP_CONFIG_DIR: dir } });
    expect(r.stdout).toBe('true\n');
    // Only where true and false are the values: a language is not.
    expect(r.stderr).toContain('the setting "lang" in');
    expect(r.stderr).not.toContain('"saveCases"');
  });

  it('is left alone when it cannot be read', async () => {
    // A folder in its place cannot be read as a file, even by root (who ignores permissions).
    const dir = tempDir();
    mkdirSync(join(dir, 'config.json'));
    const r = await run(['config', 'list'], { env: { WALLET_HELP_CONFIG_DIR: dir } });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('cannot be read (it is a folder); wallet-help goes on with default settings.');
    expect(existsSync(join(dir, 'config.json'))).toBe(true);
  });
});

describe('config set keeps the settings usable together (QA: operator)', () => {
  it('refuses a directory without the provider set, and a flows folder that does not exist', async () => {
    const dir = tempDir();
    const demo = readFileSync(join(ROOT, 'directory/example.yaml'), 'utf8');
    // In-process runs read files from this map, by the absolute path the setting stores.
    const other = join(ROOT, 'lumen.yaml');
    const files = { [other]: demo.replace('id: example-wallet', 'id: lumen-eu'), [join(ROOT, 'demo.yaml')]: demo };
    const env = { WALLET_HELP_CONFIG_DIR: dir };
    expect((await run(['config', 'set', 'contactsFile', 'lumen.yaml'], { env, files })).code).toBe(0);
    expect((await run(['config', 'set', 'provider', 'lumen-eu'], { env, files })).code).toBe(0);
    const back = await run(['config', 'set', 'contactsFile', 'demo.yaml', '--json'], { env, files });
    expect(back.code).toBe(2);
    expect(JSON.parse(back.stdout).error).toMatchObject({ code: 'invalid_config_value', provider: 'lumen-eu', message: expect.stringContaining('The provider setting is "lumen-eu"') });
    // Advice that can be followed (QA: author #6): setting another provider first is refused while this directory is in use.
    expect(JSON.parse(back.stdout).error.message).toContain('Remove that setting first with "wallet-help config unset provider"');
    const typo = await run(['config', 'set', 'flowsDir', join(dir, 'typo'), '--json'], { env });
    expect(typo.code).toBe(2);
    expect(JSON.parse(typo.stdout).error.message).toContain('does not exist');
    expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'))).toEqual({ contactsFile: other, provider: 'lumen-eu' });
    // And the advice works, where setting another provider first is refused while this directory is in use.
    expect((await run(['config', 'set', 'provider', 'example-wallet'], { env, files })).code).toBe(2);
    expect((await run(['config', 'unset', 'provider'], { env, files })).code).toBe(0);
    expect((await run(['config', 'set', 'contactsFile', 'demo.yaml'], { env, files })).code).toBe(0);
  });
});

describe('config set refuses an empty value and warns of a flows folder with broken files (QA: operator)', () => {
  it('refuses an empty or blank value for every setting, before a path is resolved to the current folder', async () => {
    const dir = tempDir();
    const env = { WALLET_HELP_CONFIG_DIR: dir };
    for (const key of ['lang', 'provider', 'contactsFile', 'flowsDir', 'role', 'color', 'saveCases']) {
      for (const value of ['', ' ', '\t']) {
        const r = await run(['config', 'set', key, value, '--json'], { env });
        expect(r.code, `${key}=${JSON.stringify(value)}`).toBe(2);
        expect(JSON.parse(r.stdout).error, key).toMatchObject({ code: 'invalid_config_value', key, message: expect.stringContaining(`The value for ${key} is empty.`) });
      }
    }
    expect(existsSync(join(dir, 'config.json'))).toBe(false);
    // Said as empty, not as the folder the empty path would have named.
    // With nothing to suggest: "did you mean en or zh?" after "empty" said the values twice (QA: scripts and authors).
    expect((await run(['config', 'set', 'lang', ' '], { env })).stderr).toBe('Error: The value for lang is empty. Give one (en | zh), or remove the setting with "wallet-help config unset lang".\n');
    const contacts = await run(['config', 'set', 'contactsFile', ''], { env });
    expect(contacts.stderr).toBe('Error: The value for contactsFile is empty. Give one (a YAML file), or remove the setting with "wallet-help config unset contactsFile".\n');
    const zh = await run(['--lang', 'zh', 'config', 'set', 'flowsDir', ''], { env });
    expect(zh.stderr).toBe('错误：flowsDir 的值为空。请给出一个值（文件夹），或用“wallet-help config unset flowsDir”删除该设置。\n');
    expect(existsSync(join(dir, 'config.json'))).toBe(false);
  });

  it('saves a flows folder whose files have problems, warning how many and how to see them', async () => {
    const dir = tempDir();
    const env = { WALLET_HELP_CONFIG_DIR: dir };
    const flows = tempDir('wallet-help-flows-');
    writeFileSync(join(flows, 'fees.yaml'), readFileSync(join(ROOT, 'flows/fees.yaml'), 'utf8'));
    writeFileSync(join(flows, 'broken.yaml'), 'id: broken\n');
    writeFileSync(join(flows, 'package.json'), '{"name": "not-a-flow"}\n');
    const r = await run(['config', 'set', 'flowsDir', flows], { env });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      `Saved: flowsDir is now ${flows}.\nWarning: 2 flow files in ${flows} have problems: runs skip them, with a warning each time. See the problems with "wallet-help flows validate ${flows}".\n`,
    );
    expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'))).toEqual({ flowsDir: flows });
    const j = await run(['config', 'set', 'flowsDir', flows, '--json'], { env });
    expect(JSON.parse(j.stdout)).toEqual({ key: 'flowsDir', value: flows });
    expect(j.stderr).toContain('2 flow files');
    // A folder whose flows are all usable is saved without a word beyond the confirmation.
    const clean = tempDir('wallet-help-flows-');
    writeFileSync(join(clean, 'fees.yaml'), readFileSync(join(ROOT, 'flows/fees.yaml'), 'utf8'));
    expect((await run(['config', 'set', 'flowsDir', clean], { env })).stderr).toBe(`Saved: flowsDir is now ${clean}.\n`);
  });
});
