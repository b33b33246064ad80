/** The library entry as a Node script imports it: `import { loadFlows, diagnose } from 'wallet-help'`. */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { phoneDirectory, ROOT, tempDir } from './helpers.js';

function runScript(code: string, ext: 'mjs' | 'cjs' = 'mjs') {
  // Inside the package folder, Node resolves the package's own name through its "exports".
  const file = join(ROOT, `.lib-test-${process.pid}-${Math.random().toString(36).slice(2)}.${ext}`);
  writeFileSync(file, code);
  try {
    return spawnSync(process.execPath, [file], { encoding: 'utf8', cwd: ROOT });
  } finally {
    spawnSync('rm', ['-f', file]);
  }
}

describe('the library', () => {
  it('checks a directory or provider named on every call, not only when an outcome needs a contact (QA: library review)', () => {
    const r = runScript(`
      import { loadFlows, diagnose } from 'wallet-help';
      const flows = await loadFlows();
      const fix = { flow: 'payment-failed', answers: { network: 'offline' } };
      for (const options of [{ contactsFile: '/nonexistent/contacts.yaml' }, { provider: 'no-such-provider' }, {}]) {
        try { const r = await diagnose(flows, fix, options); console.log('ok', r.outcome.id); } catch (e) { console.log(e.code); }
      }
    `);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim().split('\n')).toEqual(['directory_invalid', 'unknown_provider', 'ok fix-connection']);
  });

  it('reads a contacts file again when it changed, and a broken one is said on every call (QA: script integrator: it was read on every call)', () => {
    const dir = tempDir();
    const file = join(dir, 'contacts.yaml');
    const directory = (phone: string) => phoneDirectory([{ id: 'acme', lines: { general: phone } }]);
    writeFileSync(file, directory('+44 20 7946 0001'));
    const r = runScript(`
      import { writeFileSync } from 'node:fs';
      import { loadFlows, diagnose } from 'wallet-help';
      const flows = await loadFlows();
      const request = { flow: 'payment-failed', answers: { network: 'ok', balance: 'insufficient' } };
      const shown = async () => { try { return (await diagnose(flows, request, { contactsFile: ${JSON.stringify(file)} })).outcome.contact.channels.map((c) => c.value).join(); } catch (e) { return e.code; } };
      console.log(await shown());
      console.log(await shown());
      // (A line longer: a file rewritten within the clock's tick is told by its size.)
      writeFileSync(${JSON.stringify(file)}, ${JSON.stringify(`${directory('+44 20 7946 0999')}# edited\n`)});
      console.log(await shown());
      // Edited to the same size with its time set back, as 'touch -r' does: read again all the same (review).
      const before = (await import('node:fs')).statSync(${JSON.stringify(file)});
      writeFileSync(${JSON.stringify(file)}, ${JSON.stringify(`${directory('+44 20 7946 0998')}# edited\n`)});
      (await import('node:fs')).utimesSync(${JSON.stringify(file)}, before.atime, before.mtime);
      console.log(await shown());
      // What a caller changes in a result does not reach the next call (review).
      const first = await diagnose(flows, request, { contactsFile: ${JSON.stringify(file)} });
      first.outcome.contact.channels[0].languages.push('xx');
      console.log((await diagnose(flows, request, { contactsFile: ${JSON.stringify(file)} })).outcome.contact.channels[0].languages.includes('xx'));
      writeFileSync(${JSON.stringify(file)}, 'providers: [');
      console.log(await shown());
      console.log(await shown());
    `);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim().split('\n')).toEqual(['+44 20 7946 0001', '+44 20 7946 0001', '+44 20 7946 0999', '+44 20 7946 0998', 'false', 'directory_invalid', 'directory_invalid']);
  });

  it('is required from CommonJS as it is imported: the package\'s exports name it for require too (QA: library review)', () => {
    const r = runScript(
      `const { loadFlows, diagnose, UsageError } = require('wallet-help');
      loadFlows()
        .then((flows) => diagnose(flows, { flow: 'payment-failed', answers: { network: 'offline' } }))
        .then((result) => console.log(result.outcome.id, typeof UsageError));`,
      'cjs',
    );
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('fix-connection function');
  });

  it('gives the --json result without spawning the CLI', () => {
    const r = runScript(`
      import { loadFlows, diagnose } from 'wallet-help';
      const flows = await loadFlows();
      const fix = await diagnose(flows, { flow: 'payment-failed', answers: { network: 'offline' } });
      const alert = await diagnose(flows, { flow: 'account-compromised' }, { lang: 'zh', now: new Date('2026-11-21T15:00:00Z') });
      console.log(JSON.stringify({ fix, alert, count: flows.flows.size }));
    `);
    expect(r.stderr).toBe('');
    const { fix, alert, count } = JSON.parse(r.stdout);
    expect(count).toBe(12);
    expect(fix).toMatchObject({ flow: 'payment-failed', outcome: { id: 'fix-connection', kind: 'fix', contact: null }, lang: 'en' });
    expect(alert).toMatchObject({ outcome: { kind: 'alert', queue: 'security', contact: { example: true } }, lang: 'zh' });
  });

  it('throws typed errors with the CLI’s codes', () => {
    const r = runScript(`
      import { loadFlows, diagnose, UsageError } from 'wallet-help';
      const flows = await loadFlows();
      for (const req of [{ flow: 'payment-faild' }, { flow: 'payment-failed', answers: { network: 'maybe' } }, { flow: 'payment-failed' }]) {
        try { await diagnose(flows, req); console.log('no error'); }
        catch (e) { console.log(e instanceof UsageError, e.code, e.exitCode); }
      }
    `);
    expect(r.stdout.trim().split('\n')).toEqual(['true unknown_flow 2', 'true invalid_value 2', 'true missing_answer 2']);
  });

  it('asks for a missing answer in the request’s terms, not as a command-line flag (QA: README)', () => {
    const r = runScript(`
      import { loadFlows, diagnose } from 'wallet-help';
      const flows = await loadFlows();
      try { await diagnose(flows, { flow: 'payment-failed', answers: { network: 'ok' } }); } catch (e) { console.log(e.message); }
    `);
    expect(r.stdout).toContain('Give it in the answers, as "balance": VALUE, where VALUE is one of: sufficient (Yes, it is enough), insufficient (No, it is not enough).');
    expect(r.stdout).not.toContain('--answer');
  });

  it('refuses an option that holds a secret as the command line does, naming the option, never quoting it (QA: script)', () => {
    const r = runScript(`
      import { loadFlows, diagnose } from 'wallet-help';
      const flows = await loadFlows();
      const card = '4111 1111 1111 1111';
      const key = '0c28fca386c7a227600b2fe50b7cae11ec86d3bf1fbe471be89827e19d72aa1d';
      const tries = [
        () => diagnose(flows, { flow: 'account-compromised' }, { provider: card }),
        () => diagnose(flows, { flow: 'account-compromised' }, { provider: key }),
        () => diagnose(flows, { flow: 'account-compromised' }, { contactsFile: '/tmp/' + card + '.yaml' }),
        () => diagnose(flows, { flow: 'fees' }, { lang: card }),
        () => diagnose(flows, { flow: 'fees' }, { now: card }),
        () => loadFlows({ dirs: ['/tmp/legal winner thank year wave sausage worth useful legal winner thank yellow'] }),
        // A request's id, refused as a batch line's is (QA: scripts).
        () => diagnose(flows, { flow: 'account-compromised', id: 'legal winner thank year wave sausage worth useful legal winner thank yellow' }),
        () => diagnose(flows, { flow: 'account-compromised', id: card }),
        // A phrase a word short, or with one mistyped, in an answer: quoted in "invalid value", it left 2,048 guesses (QA: library review).
        () => diagnose(flows, { flow: 'payment-failed', answers: { network: 'legal winner thank year wave sausage worth useful legal winner thank' } }),
        () => diagnose(flows, { flow: 'payment-failed', answers: { network: 'legal winner thank year wave sausagex worth useful legal winner thank yellow' } }),
        // An empty folder would be the current one (its package.json read as a broken flow).
        () => loadFlows({ dirs: [''] }),
        // Megabytes where a few characters go: said by their length, not screened or quoted (a 5 MB flow id overflowed a search's stack).
        () => diagnose(flows, { flow: 'p'.repeat(6e6) }),
        () => diagnose(flows, { flow: 'fees', id: 'ab'.repeat(3e6) }),
        () => diagnose(flows, { flow: 'fees' }, { provider: ' a'.repeat(1e6) }),
        () => loadFlows({ dirs: ['/tmp/' + 'x'.repeat(5000)] }),
      ];
      for (const go of tries) {
        try { await go(); console.log('no error'); } catch (e) { console.log(JSON.stringify({ code: e.code, message: e.message, ...e.details })); }
      }
    `);
    expect(r.stderr).toBe('');
    const errors = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(errors.map((e) => [e.code, e.kind, e.field])).toEqual([
      ['secret_refused', 'card-number', 'provider'],
      ['secret_refused', 'private-key', 'provider'],
      ['secret_refused', 'card-number', 'contactsFile'],
      ['secret_refused', 'card-number', 'lang'],
      ['secret_refused', 'card-number', 'now'],
      ['secret_refused', 'recovery-phrase', 'dirs'],
      ['secret_refused', 'recovery-phrase', 'id'],
      ['secret_refused', 'card-number', 'id'],
      ['secret_refused', 'recovery-phrase', 'answers'],
      ['secret_refused', 'recovery-phrase', 'answers'],
      ['flows_folder', undefined, undefined],
      ['invalid_request', undefined, 'flow'],
      ['invalid_request', undefined, 'id'],
      ['invalid_option', undefined, undefined],
      ['invalid_option', undefined, undefined],
    ]);
    expect(errors.slice(-4).map((e) => e.option ?? e.field)).toEqual(['flow', 'id', 'provider', 'dirs']);
    expect(errors.at(-1).message).toBe('The value of "dirs" is longer than 4096 characters: none can be that long.');
    expect(r.stdout).not.toMatch(/4111|0c28fca3|legal winner/);
  });

  it('throws a refused secret without it: an error a script logs or serialises holds none of it (QA: script)', () => {
    // A recovery phrase written as an answer key (an unknown question) is refused; the error caught is what a back
    // end writes to its logs (console.error, JSON logging, an error tracker), so no property of it may hold the key.
    const r = runScript(`
      import { inspect } from 'node:util';
      import { loadFlows, diagnose } from 'wallet-help';
      const phrase = 'legal winner thank year wave sausage worth useful legal winner thank yellow';
      try {
        await diagnose(await loadFlows(), { flow: 'payment-failed', answers: { [phrase]: 'ok' } });
        console.log('no error');
      } catch (e) {
        console.log(JSON.stringify({ code: e.code, json: JSON.stringify(e), inspected: inspect(e, { showHidden: true, depth: 5 }), own: Object.getOwnPropertyNames(e).map((k) => String(e[k])).join(' ') }));
      }
    `);
    expect(r.stderr).toBe('');
    const caught = JSON.parse(r.stdout) as { code: string; json: string; inspected: string; own: string };
    expect(caught.code).toBe('secret_refused');
    for (const text of [caught.json, caught.inspected, caught.own]) expect(text).not.toMatch(/legal winner|sausage|yellow/);
  });

  it('refuses an option or a request key it does not know, instead of running as if it had not been given (QA: script)', () => {
    const r = runScript(`
      import { loadFlows, diagnose } from 'wallet-help';
      const flows = await loadFlows();
      const tries = [
        () => diagnose(flows, { flow: 'fees' }, { role: 'agent' }),
        () => diagnose(flows, { flow: 'fees' }, { lng: 'zh' }),
        () => diagnose(flows, { flow: 'fees', lang: 'zh' }),
        () => loadFlows({ dir: ['./flows'] }),
        () => diagnose(flows, { flow: 'payment-failed', answers: { network: 'offline' }, id: 7 }),
      ];
      for (const go of tries) {
        try { await go(); console.log(JSON.stringify({ ok: true })); } catch (e) { console.log(JSON.stringify({ code: e.code, message: e.message, ...e.details })); }
      }
    `);
    expect(r.stderr).toBe('');
    const [role, lng, lang, dir, id] = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(role).toMatchObject({ code: 'invalid_option', option: 'role', message: 'diagnose: there is no option "role"; the options are lang, now, contactsFile, provider.' });
    expect(lng).toMatchObject({ code: 'invalid_option', option: 'lng', suggestions: ['lang'] });
    expect(lang).toMatchObject({ code: 'invalid_request', key: 'lang' });
    expect(lang.message).toContain('are options: diagnose(flows, request, { lang: "zh" })');
    expect(dir).toMatchObject({ code: 'invalid_option', option: 'dir', suggestions: ['dirs'] });
    // An id, as a --batch line has, is taken (and not echoed: the caller holds its request).
    expect(id).toEqual({ ok: true });
  });

  it('refuses a now before 1970 or after 9999, as --now does (QA: year 0 was written "1 Jan 1")', () => {
    const r = runScript(`
      import { loadFlows, diagnose } from 'wallet-help';
      const flows = await loadFlows();
      const request = { flow: 'account-compromised', answers: {} };
      for (const now of [new Date('0000-01-01T00:00:00Z'), new Date('1969-12-31T23:59:59Z'), new Date(Date.UTC(10000, 0, 1)), new Date('1970-01-01T00:00:00Z'), new Date('9999-12-31T12:00:00Z')]) {
        try { await diagnose(flows, request, { now }); console.log('ok'); } catch (e) { console.log(JSON.stringify({ code: e.code, message: e.message, ...e.details })); }
      }
    `);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trim().split('\n');
    expect(lines.slice(3)).toEqual(['ok', 'ok']);
    const errors = lines.slice(0, 3).map((l) => JSON.parse(l));
    expect(errors.map((e) => [e.code, e.value])).toEqual([['invalid_now', '0000-01-01T00:00:00.000Z'], ['invalid_now', '1969-12-31T23:59:59.000Z'], ['invalid_now', '+010000-01-01T00:00:00.000Z']]);
    expect(errors[0].message).toBe('diagnose: the option now must be a time from 1970 to 9999 (UTC), not 0000-01-01T00:00:00.000Z.');
  });

  it('gives the refused values in the details as they were passed, as the CLI does (QA: script)', () => {
    const r = runScript(`
      import { loadFlows, diagnose } from 'wallet-help';
      const flows = await loadFlows();
      for (const go of [() => diagnose(flows, { flow: 'fees' }, { lang: 'z\\u001bz' }), () => diagnose(flows, { flow: 'fees' }, { now: 'to\\u0007day' }), () => loadFlows({ dirs: ['/no\\u001bpe'] })]) {
        try { await go(); console.log('no error'); } catch (e) { console.log(JSON.stringify({ code: e.code, ...e.details })); }
      }
    `);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l))).toEqual([
      { code: 'invalid_lang', lang: 'z\u001bz', suggestions: [] },
      { code: 'invalid_now', value: 'to\u0007day' },
      { code: 'flows_folder', dir: '/no\u001bpe' },
    ]);
  });

  it('refuses what the CLI refuses, with the same codes: an unknown language, a bad now, a missing flow, bad options', () => {
    const r = runScript(`
      import { loadFlows, diagnose, UsageError } from 'wallet-help';
      const flows = await loadFlows();
      const compromised = { flow: 'account-compromised', answers: {} };
      const tries = [
        ...['fr', 'zh-CN', 'en-US', '', 5].map((lang) => () => diagnose(flows, compromised, { lang })),
        () => diagnose(flows, compromised, { now: 'yesterday' }),
        () => diagnose(flows, compromised, { now: new Date('x') }),
        () => diagnose(flows, { answers: {} }),
        () => diagnose(flows, { flow: 'payment-failed', answers: { network: 5 } }),
        () => diagnose(flows, compromised, { provider: 7 }),
        // What the script QA found throwing plain errors: no flows, and a huge answer (a stack overflow in the secret scan).
        () => diagnose(null, compromised),
        () => diagnose({}, compromised),
        () => diagnose(flows, { flow: 'payment-failed', answers: { network: 'x'.repeat(9e6) } }),
        () => loadFlows({ dirs: 'x' }),
        () => loadFlows({ dirs: ['/nonexistent-flows-folder'] }),
      ];
      for (const go of tries) {
        try { await go(); console.log('no error'); }
        catch (e) { console.log(JSON.stringify([e instanceof UsageError, e.code, e.exitCode, e.message])); }
      }
    `);
    expect(r.stderr).toBe('');
    const errors = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(errors.map(([typed, code, exit]) => `${typed} ${code} ${exit}`)).toEqual([
      ...Array(5).fill('true invalid_lang 2'),
      'true invalid_now 2',
      'true invalid_now 2',
      'true missing_flow 2',
      'true invalid_answers 2',
      'true invalid_option 2',
      'true invalid_option 2',
      'true invalid_option 2',
      'true invalid_answers 2',
      'true invalid_option 2',
      'true flows_folder 2',
    ]);
    expect(errors.map((e) => e[3])).toEqual([
      'Unknown language "fr". Use en or zh.',
      'Unknown language "zh-CN". Use en or zh.',
      'Unknown language "en-US". Use en or zh.',
      'Unknown language "". Use en or zh.',
      'Unknown language "5". Use en or zh.',
      expect.stringMatching(/^diagnose: the option now must be a valid Date, .* not "yesterday"\.$/),
      expect.stringMatching(/^diagnose: the option now must be a valid Date, .* not Invalid Date\.$/),
      expect.stringMatching(/^A request needs the flow id as a text/),
      'The answer to "network" must be text, like {"network": "ok"}, not a number, true or false, null, a list or an object.',
      'diagnose: the option provider must be a text.',
      expect.stringMatching(/^diagnose: the first argument must be the flows loadFlows\(\) returned/),
      expect.stringMatching(/^diagnose: the first argument must be the flows loadFlows\(\) returned/),
      'The answers are longer than 1 MB together; an answer is one of the values a question offers.',
      expect.stringMatching(/^loadFlows: dirs must be an array of folder paths/),
      'The flows folder /nonexistent-flows-folder (named by loadFlows({ dirs })) does not exist.',
    ]);
  });

  it('takes answers from a plain object only: a Map, a Set or a Date is invalid_answers, not "no answers" (QA: scripts review)', () => {
    const r = runScript(`
      import { loadFlows, diagnose } from 'wallet-help';
      import { runInNewContext } from 'node:vm';
      const flows = await loadFlows();
      const bare = Object.assign(Object.create(null), { network: 'offline' });
      // A plain object made in another realm is a plain object still (review).
      const otherRealm = runInNewContext('({ network: "offline" })');
      for (const answers of [new Map([['network', 'offline']]), new Set(['offline']), new Date(0), bare, otherRealm]) {
        try { console.log((await diagnose(flows, { flow: 'payment-failed', answers })).outcome.id); }
        catch (e) { console.log(e.code); }
      }
    `);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim().split('\n')).toEqual(['invalid_answers', 'invalid_answers', 'invalid_answers', 'fix-connection', 'fix-connection']);
  });

  it('names the question of an answer that is not text as every question error does, an object with its id', () => {
    const r = runScript(`
      import { loadFlows, diagnose } from 'wallet-help';
      try { await diagnose(await loadFlows(), { flow: 'payment-failed', answers: { network: 5 } }); }
      catch (e) { console.log(JSON.stringify(e.details)); }
    `);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ question: { id: 'network' } });
  });

  it('gives the same mistake the same error as a --batch line: code, message and every detail (QA: script)', () => {
    const phrase = 'legal winner thank year wave sausage worth useful legal winner thank yellow';
    // As JSON, so that the library gets exactly what a batch line holds ("__proto__" as JSON.parse makes it).
    const requests = [
      '{"flow":"payment-failed","answers":{"network":1}}',
      '{"flow":"account-compromised","answers":null}',
      '{"answers":{"network":"ok"}}',
      '{"flow":5}',
      '{"flow":"payment-failed","answers":{"__proto__":5}}',
      '{"flow":"payment-failed","answers":[]}',
      '{"flow":"pay\\u001bment"}',
      '{"flow":"payment-failed","answers":{"x\\u0007":"ok"}}',
      '{"flow":"payment-failed","answers":{"network":"off\\u202eline"}}',
      '{"flow":"payment-failed","answers":{"network":"ok"}}',
      `{"flow":"${phrase}"}`,
      `{"flow":"payment-failed","answers":{"network":"${phrase}"}}`,
      `{"flow":"payment-failed","answers":{"${phrase}":"ok"}}`,
      '{"flow":"payment-failed","answers":{"482913":2}}',
    ];
    const lib = runScript(`
      import { loadFlows, diagnose } from 'wallet-help';
      const flows = await loadFlows();
      for (const line of ${JSON.stringify(requests)}) {
        try { console.log(JSON.stringify(await diagnose(flows, JSON.parse(line)))); }
        catch (e) { console.log(JSON.stringify({ error: { code: e.code, message: e.message, ...e.details } })); }
      }
    `);
    expect(lib.stderr).toBe('');
    const batch = spawnSync(process.execPath, [join(ROOT, 'bin/wallet-help.js'), 'diagnose', '--batch'], { input: `${requests.join('\n')}\n`, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: tempDir() } });
    const fromBatch = batch.stdout.trim().split('\n').map((l) => JSON.parse(l));
    const fromLib = lib.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(fromBatch).toHaveLength(requests.length);
    fromBatch.forEach((line, i) => {
      // Errors alike in every field; a result by its outcome (its contact card says whether support is open at that minute).
      if (line.error) expect({ ...line, line: undefined }, requests[i]).toEqual({ ...fromLib[i], line: undefined });
      else expect(line.outcome.id).toBe(fromLib[i].outcome.id);
    });
    expect(fromLib.map((r) => r.error?.code ?? r.outcome.id)).toEqual([
      'invalid_answers',
      'alert-compromised',
      'missing_flow',
      'missing_flow',
      'invalid_answers',
      'invalid_answers',
      'unknown_flow',
      'unknown_question',
      'invalid_value',
      'missing_answer',
      'secret_refused',
      'secret_refused',
      'secret_refused',
      'secret_refused',
    ]);
    expect(fromLib[4].error.question).toEqual({ id: '__proto__' });
    expect(lib.stdout + batch.stdout).not.toContain('legal winner');
  });

  it('finds its own files when the host has a global __filename, as `node -e` sets one (QA: script)', () => {
    const r = runScript(`
      globalThis.__filename = '/somewhere/else/[eval]';
      const { loadFlows, diagnose } = await import('wallet-help');
      const doc = await diagnose(await loadFlows(), { flow: 'payment-failed', answers: { network: 'offline' } });
      console.log(doc.outcome.id);
    `);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('fix-connection');
  });

  it('ships type declarations that a TypeScript user can compile against', () => {
    const file = join(ROOT, `.lib-types-${process.pid}.ts`);
    writeFileSync(
      file,
      `import { loadFlows, diagnose, type DiagnosisResult, type FullResult } from 'wallet-help';\n` +
        `const flows = await loadFlows({ dirs: [] });\n` +
        `const r: DiagnosisResult = await diagnose(flows, { flow: 'fees', answers: { 'fee-type': 'hotline' } }, { lang: 'zh' });\n` +
        `const kind: 'fix' | 'escalate' | 'alert' = r.outcome.kind;\n` +
        // The library throws what --json gives as contactsError: its result type has no such field (QA: library review).
        `type ContactsErrorAbsent = 'contactsError' extends keyof FullResult ? never : true;\nconst absent: ContactsErrorAbsent = true;\n` +
        `export { kind, absent };\n`,
    );
    const noTypes = tempDir();
    try {
      const common = ['--noEmit', '--ignoreConfig', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--strict'];
      // With Node's types, and without them and with every declaration checked (no skipLibCheck): a user of the library
      // needs no @types/node (QA: scripts: the declarations reached the CLI's terminal code through side-effect imports).
      // And with the language's own library alone, no DOM either (QA: library review: AbortSignal was not found).
      for (const flags of [['--skipLibCheck', '--types', 'node'], ['--typeRoots', noTypes], ['--typeRoots', noTypes, '--lib', 'es2022']]) {
        const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), ...common, ...flags, file], { encoding: 'utf8', cwd: ROOT });
        expect(tsc.stdout + tsc.stderr, flags.join(' ')).toBe('');
        expect(tsc.status).toBe(0);
      }
    } finally {
      spawnSync('rm', ['-f', file]);
    }
  });
});
