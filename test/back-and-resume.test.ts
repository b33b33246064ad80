/**
 * Going back and continuing a case: a resumed case and a case gone back over behave as one never interrupted
 * (QA in a real terminal: the first fact of an alert, facts typed before Ctrl+C, a fact prompt interrupted,
 * the language of the case, Back over a check's facts, the answer given before selected).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tempDir } from './helpers.js';

/** A TxID of the form Litecoin's take (64 hex digits): no "not a TxID of ltc" to answer. */
const LTC_TX = 'a1075db55d416d3ca199f55b6084e2115b9345e16c5cf302fc80e9d5fbf5d48d';
const lines = (file: string) => readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

describe('an alert reached after questions (QA: agent)', () => {
  it('goes back from its first fact to the last question, the answer given selected, and the alert given then is not kept', async () => {
    const dir = tempDir();
    const env = { WALLET_HELP_CONFIG_DIR: dir };
    const r = await run(['diagnose', 'suspicious-contact', '--agent', '--save'], {
      tty: true,
      env,
      prompts: [
        { expect: 'Ask the caller exactly what the person asked for', pick: 'recovery-phrase' },
        { expect: 'said aloud, typed', pick: 'shared' },
        // The urgent steps come first, then the facts: "<" at the first one goes back to the last question.
        { expect: 'Account ID — leave empty to skip, type < to go back', shown: 'leaked', pick: '<' },
        { expect: 'said aloud, typed', pick: 'not-shared' },
        { expect: 'Account ID', pick: 'ACC-5' },
        { expect: 'When it happened', pick: '' },
        { expect: 'The number, account or website the person used', pick: '' },
      ],
    });
    r.prompter.assertDone();
    expect(r.code).toBe(0);
    // Back there is Back at a question: the answer given is where the cursor starts.
    expect(r.prompter.asked[3]!.default).toBe('shared');
    const summary = r.stdout.slice(r.stdout.lastIndexOf('Questions and answers'));
    expect(summary).toContain('(shared-phrase=not-shared)');
    expect(summary).not.toContain('shared-phrase=shared');
    const [saved] = lines(join(dir, 'cases.jsonl'));
    expect(saved).toMatchObject({ status: 'finished', outcome: { id: 'alert-stop-contact' }, facts: { 'account-id': 'ACC-5' } });
  });

  it('cancelled after going back from it, is logged as cancelled before an outcome', async () => {
    const dir = tempDir();
    const r = await run(['diagnose', 'suspicious-contact', '--agent', '--save'], {
      tty: true,
      env: { WALLET_HELP_CONFIG_DIR: dir },
      prompts: [{ pick: 'recovery-phrase' }, { pick: 'shared' }, { expect: 'Account ID', pick: '<' }, { expect: 'said aloud, typed', pick: 'cancel' }],
    });
    expect(r.code).toBe(130);
    expect(lines(join(dir, 'cases.jsonl'))[0]).toMatchObject({ status: 'cancelled', outcome: null });
  });
});

describe('a resumed case', () => {
  it('recaps a secret refused before Ctrl+C, and no answers for a flow that asks none (QA: interactive review)', async () => {
    const env = { WALLET_HELP_CONFIG_DIR: tempDir() };
    const phrase = 'abandon ability able about above absent absorb abstract absurd abuse access accident';
    const first = await run(['diagnose', '--agent', 'forgot-password'], {
      tty: true,
      env,
      prompts: [{ pick: 'no-access' }, { expect: 'Account ID', pick: phrase }, { expect: 'Account ID', pick: 'cancel' }],
    });
    expect(first.code).toBe(130);
    const resumed = await run(['diagnose', 'forgot-password', '--resume'], { tty: true, env, prompts: [{ expect: 'Account ID', pick: 'cancel' }] });
    expect(resumed.stdout.replace(/\s+/g, ' ')).toContain('The caller read out a recovery phrase: refused and not kept, but to be treated as exposed.');
    expect(resumed.stdout).not.toContain('abandon');
    // An alert that asks no question: nothing about answers in its recap.
    const alert = await run(['diagnose', 'account-compromised', '--agent'], { tty: true, env, prompts: [{ expect: 'Account ID', pick: 'ACC-9' }, { expect: 'When it happened', pick: 'cancel' }] });
    expect(alert.code).toBe(130);
    const again = await run(['diagnose', 'account-compromised', '--resume'], { tty: true, env, prompts: [{ expect: 'When it happened', pick: 'cancel' }] });
    expect(again.stdout).toContain('ACC-9');
    expect(again.stdout).toContain('Continuing');
    expect(again.stdout).not.toContain('No answers yet.');
  });

  it('lets the facts typed before Ctrl+C be corrected as in a case never interrupted (QA: agent)', async () => {
    const env = { WALLET_HELP_CONFIG_DIR: tempDir() };
    const first = await run(['diagnose', '--agent', 'forgot-password'], {
      tty: true,
      env,
      prompts: [{ pick: 'no-access' }, { expect: 'Account ID', pick: 'ACC-1' }, { expect: 'When it happened', pick: 'cancel' }],
    });
    expect(first.code).toBe(130);
    const resumed = await run(['diagnose', 'forgot-password', '--resume'], {
      tty: true,
      env,
      prompts: [
        { expect: 'When it happened', pick: '<' },
        { expect: 'Account ID', pick: '<' },
        { expect: 'Ask the caller whether they still use', pick: 'no-access' },
        { expect: 'Account ID', pick: 'ACC-2' },
        { expect: 'When it happened', pick: '' },
        { expect: 'Error message', pick: '' },
      ],
    });
    resumed.prompter.assertDone();
    expect(resumed.code).toBe(0);
    // "<" at the time goes back to the account id, offered; after the question, it is offered again.
    expect(resumed.prompter.inputs[1]).toMatchObject({ default: 'ACC-1' });
    expect(resumed.prompter.inputs[2]).toMatchObject({ default: 'ACC-1' });
    expect(resumed.stdout).toContain('Account ID: ACC-2');
  });

  it('asks the fact whose prompt was interrupted, also after going back and answering again (QA: user)', async () => {
    const env = { WALLET_HELP_CONFIG_DIR: tempDir() };
    const first = await run(['diagnose', 'deposit-missing', '--summary', 'text'], {
      tty: true,
      env,
      prompts: [{ pick: 'crypto' }, { pick: 'completed' }, { expect: 'Coin and network (chain)', pick: 'ltc' }, { expect: 'Transaction ID (TxID)', pick: 'cancel' }],
    });
    expect(first.code).toBe(130);
    const resumed = await run(['diagnose', '--resume'], {
      tty: true,
      env,
      prompts: [
        // The TxID first, as where the case stopped; "<" goes back to the chain, typed before Ctrl+C.
        { expect: 'Transaction ID (TxID)', pick: '<' },
        { expect: 'Coin and network (chain)', pick: '<' },
        { expect: 'Look at this transfer', pick: 'completed' },
        { expect: 'Coin and network (chain)', pick: '' },
        { expect: 'Transaction ID (TxID)', pick: LTC_TX },
        { expect: 'Open the TxID in a block explorer', pick: 'not-found' },
      ],
    });
    resumed.prompter.assertDone();
    expect(resumed.code).toBe(0);
    expect(resumed.prompter.inputs[1]).toMatchObject({ default: 'ltc' });
    expect(resumed.prompter.inputs[2]).toMatchObject({ default: 'ltc' });
    expect(resumed.stdout.replace(/\s+/g, ' ')).toContain(`Transaction ID (TxID): ${LTC_TX}`);
  });

  it('goes on as an agent case when --agent is given on the resume, as --lang names another language, and keeps it (QA: desk)', async () => {
    const dir = tempDir();
    const env = { WALLET_HELP_CONFIG_DIR: dir };
    const first = await run(['diagnose', 'payment-failed', '--save'], { tty: true, env, prompts: [{ expect: 'internet connection', pick: 'ok' }, { pick: 'cancel' }] });
    expect(first.code).toBe(130);
    // A role set in this shell does not change the case: it goes on as it began.
    const set = await run(['diagnose', '--resume'], { tty: true, env: { ...env, WALLET_HELP_ROLE: 'agent' }, prompts: [{ expect: 'Is your available balance', pick: 'cancel' }] });
    expect(set.code).toBe(130);
    const agent = await run(['diagnose', 'payment-failed', '--resume', '--agent'], { tty: true, env, prompts: [{ expect: 'Ask the caller', pick: 'cancel' }] });
    agent.prompter.assertDone();
    expect(agent.code).toBe(130);
    // Kept from then on, without --agent; the case is the agent's in the log.
    const again = await run(['diagnose', '--resume'], { tty: true, env, prompts: [{ expect: 'Ask the caller', pick: 'insufficient' }] });
    again.prompter.assertDone();
    expect(again.code).toBe(0);
    const saved = readFileSync(join(dir, 'cases.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { role: string; status: string });
    expect(saved.at(-1)).toMatchObject({ role: 'agent', status: 'finished' });
  });

  it('keeps answers given up front before the first question, so Ctrl+C there promises only what --resume can continue (review)', async () => {
    const env = { WALLET_HELP_CONFIG_DIR: tempDir() };
    const first = await run(['diagnose', 'payment-failed', '--network', 'ok'], { tty: true, env, prompts: [{ expect: 'available balance', pick: 'cancel' }] });
    expect(first.code).toBe(130);
    expect(first.stderr.replace(/\s+/g, ' ')).toMatch(/What was answered is kept: continue with "wallet-help diagnose [0-9a-f]{8} --resume"\./);
    const resumed = await run(['diagnose', 'payment-failed', '--resume'], { tty: true, env, prompts: [{ expect: 'available balance', pick: 'cancel' }] });
    expect(resumed.code).toBe(130);
    expect(resumed.stdout.replace(/\s+/g, ' ')).toContain('Is your internet connection working normally right now? — Yes, it works normally');
  });

  it('goes on in the language it began in, unless --lang names another, which it then keeps (QA: zh agent)', async () => {
    const dir = tempDir();
    const env = { WALLET_HELP_CONFIG_DIR: dir };
    const first = await run(['--lang', 'zh', 'diagnose', 'fees', '--save'], { tty: true, env, prompts: [{ pick: 'transfer' }, { pick: 'cancel' }] });
    expect(first.code).toBe(130);
    expect(first.stderr).toMatch(/已取消。已回答的内容已保存：运行“wallet-help diagnose [0-9a-f]{8} --resume”可继续。/);
    // The run's own language is English (no --lang, no locale): the case speaks Chinese, Ctrl+C included.
    const zh = await run(['diagnose', 'fees', '--resume'], { tty: true, env, prompts: [{ pick: 'cancel' }] });
    expect(zh.stdout).toContain('继续排查记录 ');
    expect(zh.prompter.asked[0]!.message).toMatch(/[\u4e00-\u9fff]/);
    expect(zh.stderr).toMatch(/已取消。已回答的内容已保存：运行“wallet-help diagnose [0-9a-f]{8} --resume”可继续。/);
    expect(zh.stderr).not.toContain('Cancelled');
    // --lang on the resume wins, and the case goes on in it from then on.
    const en = await run(['--lang', 'en', 'diagnose', '--resume'], { tty: true, env, prompts: [{ pick: 'cancel' }] });
    expect(en.stdout).toMatch(/Continuing case [0-9a-f]{8}, "Questions about fees"/);
    // With the zone of its time, as summaries and the case log say it (QA: support staff).
    expect(en.stdout).toMatch(/Continuing case [0-9a-f]{8}, "Questions about fees", started \d+ \w+ \d{4},\s\d\d:\d\d \S+\./);
    expect(en.stderr).toContain('Cancelled. What was answered is kept');
    const last = await run(['diagnose', '--resume'], { tty: true, env, prompts: [{ pick: 'domestic' }] });
    last.prompter.assertDone();
    expect(last.code).toBe(0);
    expect(last.stdout).toMatch(/Continuing case [0-9a-f]{8}, "Questions about fees"/);
    expect(lines(join(dir, 'cases.jsonl')).map((c) => c.lang)).toEqual(['zh', 'zh', 'en', 'en']);
  });

  it('reads what it keeps of the fact prompts and the language as input: anything else is dropped', async () => {
    const dir = tempDir();
    const progress = {
      id: 'c-2',
      flow: 'forgot-password',
      startedAt: '2026-11-20T09:00:00Z',
      path: [{ question: 'contact-access', answer: 'no-access' }],
      role: 'agent',
      facts: { 'account-id': 'ACC-9' },
      lang: 'fr',
      reask: ['evil', 'account-id', 7],
      factAt: 'nope',
      askedAt: { evil: 'x', time: 5 },
      // Not a list of question ids: none is asked by hand for it (and a huge list is cut short).
      byHand: [{ toString: 'x' }, 9, 'x'.repeat(5000)],
    };
    writeFileSync(join(dir, 'case-in-progress.json'), JSON.stringify(progress));
    const r = await run(['diagnose', '--resume'], {
      tty: true,
      env: { WALLET_HELP_CONFIG_DIR: dir },
      // No language of its own it can speak: the run's. The account id, to offer again, is offered first.
      prompts: [{ expect: 'Account ID', pick: '' }, { expect: 'When it happened', pick: '' }, { expect: 'Error message', pick: '' }],
    });
    r.prompter.assertDone();
    expect(r.code).toBe(0);
    expect(r.prompter.inputs[0]).toMatchObject({ default: 'ACC-9' });
    expect(r.stdout).toContain('Account ID: ACC-9');
  });
});

describe('Back over a check\'s question (QA: user)', () => {
  it('offers the facts asked for the check again on the way forward, ready to correct', async () => {
    const r = await run(['diagnose', 'deposit-missing', '--summary', 'text'], {
      tty: true,
      prompts: [
        { pick: 'crypto' },
        { pick: 'completed' },
        { expect: 'Coin and network (chain)', pick: 'ltc' },
        { expect: 'Transaction ID (TxID)', pick: 'WRONGTXID' },
        // Not a TxID of ltc: said so, and kept when typed again.
        { expect: 'Transaction ID (TxID)', pick: 'WRONGTXID' },
        { expect: 'Open the TxID in a block explorer', pick: '__back' },
        { expect: 'Look at this transfer', pick: 'completed' },
        { expect: 'Coin and network (chain)', pick: '' },
        { expect: 'Transaction ID (TxID)', pick: LTC_TX },
        { expect: 'Open the TxID in a block explorer', pick: 'not-found' },
      ],
    });
    r.prompter.assertDone();
    expect(r.code).toBe(0);
    expect(r.prompter.inputs[3]).toMatchObject({ default: 'ltc' });
    expect(r.prompter.inputs[4]).toMatchObject({ default: 'WRONGTXID' });
    // The summary has the TxID as corrected (on a line of its own at 80 columns).
    expect(r.stdout.replace(/\s+/g, ' ')).toContain(`Transaction ID (TxID): ${LTC_TX}`);
    expect(r.stdout).not.toContain('WRONGTXID');
  });
  it('offers them at the check\'s question asked by hand too, and only those asked there', async () => {
    const r = await run(['diagnose', 'deposit-missing', '--summary', 'text'], {
      tty: true,
      env: { CI: '1' },
      prompts: [
        { pick: 'crypto' },
        { pick: 'completed' },
        { expect: 'Coin and network (chain)', pick: 'ltc' },
        { expect: 'Transaction ID (TxID)', pick: LTC_TX },
        { expect: 'Open the TxID in a block explorer', pick: 'confirmed' },
        // The chain is known: only the address is asked for the next check, left empty, so the question is asked.
        { expect: 'Receiving address', pick: '' },
        { expect: 'Compare the network', pick: '__back' },
        // Back over the network question goes back over its address, not the chain asked before it.
        { expect: 'Open the TxID in a block explorer', pick: '__back' },
        { expect: 'Look at this transfer', pick: 'completed' },
        // The block-explorer question is asked by hand now; the chain and TxID asked for it come again first.
        { expect: 'Coin and network (chain)', pick: '' },
        { expect: 'Transaction ID (TxID)', pick: `${LTC_TX.slice(0, -1)}e` },
        { expect: 'Open the TxID in a block explorer', pick: 'confirmed' },
        { expect: 'Receiving address', pick: '' },
        { expect: 'Compare the network', pick: 'different' },
      ],
    });
    r.prompter.assertDone();
    expect(r.code).toBe(0);
    expect(r.prompter.inputs.map((q) => q.default)).toEqual([undefined, undefined, undefined, 'ltc', LTC_TX, undefined]);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain(`Transaction ID (TxID): ${LTC_TX.slice(0, -1)}e`);
  });

  it('offers them again in a resumed case, stopped at the question after them', async () => {
    const env = { WALLET_HELP_CONFIG_DIR: tempDir() };
    const first = await run(['diagnose', 'deposit-missing'], {
      tty: true,
      env,
      prompts: [{ pick: 'crypto' }, { pick: 'completed' }, { expect: 'Coin and network (chain)', pick: 'ltc' }, { expect: 'Transaction ID (TxID)', pick: LTC_TX }, { expect: 'Open the TxID', pick: 'cancel' }],
    });
    expect(first.code).toBe(130);
    const resumed = await run(['diagnose', '--resume'], {
      tty: true,
      env,
      prompts: [
        { expect: 'Open the TxID', pick: '__back' },
        { expect: 'Look at this transfer', pick: 'completed' },
        { expect: 'Coin and network (chain)', pick: '' },
        { expect: 'Transaction ID (TxID)', pick: '' },
        { expect: 'Open the TxID', pick: 'not-found' },
      ],
    });
    resumed.prompter.assertDone();
    expect(resumed.code).toBe(0);
    expect(resumed.prompter.inputs.map((q) => q.default)).toEqual(['ltc', LTC_TX]);
  });
});

describe('Back (QA: user)', () => {
  it('returns to the earlier question with the answer given there selected', async () => {
    const r = await run(['diagnose', 'deposit-missing'], {
      tty: true,
      prompts: [{ pick: 'crypto' }, { pick: '__back' }, { pick: 'bank-card' }, { pick: '__back' }, { pick: 'bank-card' }, { pick: '__restart' }, { expect: 'Start over?', pick: 'restart' }, { pick: 'bank-card' }, { pick: 'none' }],
    });
    r.prompter.assertDone();
    expect(r.code).toBe(0);
    // (Start over is asked again first, "keep" the default.)
    expect(r.prompter.asked.map((q) => q.default)).toEqual([undefined, undefined, 'crypto', undefined, 'bank-card', undefined, 'keep', undefined, undefined]);
  });
});

describe('long values laid out as values (QA: desk)', () => {
  const TIME = 'The caller says it happened around lunch time yesterday, Beijing time';

  it('go on under themselves in the recap of a resumed case, at 80 and 40 columns, in English and Chinese', async () => {
    for (const [lang, width, expected] of [
      ['en', 80, ['  When it happened (with the time zone): The caller says it happened around', `${' '.repeat(41)}lunch time yesterday, Beijing time`]],
      ['en', 40, ['  When it happened (with the time zone):', '    The caller says it happened around', '    lunch time yesterday, Beijing time']],
      ['zh', 40, ['  发生时间（注明时区）：今天上午九点（北', '                        京时间）']],
    ] as const) {
      const env = { WALLET_HELP_CONFIG_DIR: tempDir() };
      const time = lang === 'zh' ? '今天上午九点（北京时间）' : TIME;
      const first = await run(['--lang', lang, 'diagnose', 'contact-support', '--agent'], {
        tty: true,
        env,
        prompts: [{ pick: 'payments' }, { pick: 'money' }, { pick: '' }, { pick: time }, { pick: 'cancel' }],
      });
      expect(first.code).toBe(130);
      const resumed = await run(['diagnose', '--resume'], { tty: true, env, columns: width, prompts: [{ pick: 'cancel' }] });
      const shown = resumed.stdout.split('\n');
      const at = shown.findIndex((l) => l.startsWith(expected[0]!.slice(0, 8)));
      expect(shown.slice(at, at + expected.length), resumed.stdout).toEqual(expected);
    }
  });

  it('go on under themselves in the Time and Flow lines of a summary, on the screen and in cases show; a ticket copy stays one line', async () => {
    const env = { WALLET_HELP_CONFIG_DIR: tempDir() };
    const r = await run(['diagnose', 'login-failed', '--agent', '--save', '--answer', 'symptom=app-error', '--network', 'ok', '--answer', 'app-version=latest', '--answer', 'service-notice=no-notice', '--summary', 'text', '--no-input'], { tty: true, env, columns: 40 });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('\nFlow: login-failed (version 1) — Cannot\n      log in\n');
    const id = /Case saved as\s+([0-9a-f-]+)/.exec(r.stdout)![1]!;
    const shown = await run(['cases', 'show', id.slice(0, 8)], { tty: true, env, columns: 40 });
    expect(shown.stdout).toContain('\nFlow: login-failed (version 1) — Cannot\n      log in\n');
    expect((await run(['cases', 'show', id.slice(0, 8)], { tty: true, env, columns: 26 })).stdout).toContain('\nTime: 20 Nov 2026, 10:00\n      (UTC)\n');
    const piped = await run(['cases', 'show', id.slice(0, 8)], { env });
    expect(piped.stdout).toContain('\nFlow: login-failed (version 1) — Cannot log in\n');
    const zh = await run(['--lang', 'zh', 'cases', 'show', id.slice(0, 8)], { tty: true, env, columns: 30 });
    // Chinese writes its dash as "——", with no spaces (QA: zh editor).
    expect(zh.stdout).toContain('\n时间：2026年11月20日 10:00\n      （UTC）\n流程：login-failed（版本 1）——\n      登录失败\n');
    // Each answer after its question the same way, in a ticket copy too.
    const zhPiped = await run(['--lang', 'zh', 'cases', 'show', id.slice(0, 8)], { env });
    expect(zhPiped.stdout).toContain('\n流程：login-failed（版本 1）——登录失败\n');
    expect(zhPiped.stdout).toContain('\n  - 你现在的网络连接正常吗？——正常（network=ok）\n');
  });
});

describe('facts typed on a branch gone Back out of (QA: desk)', () => {
  const BACK = '__back';
  /** deposit-missing as an agent: crypto, sent with a TxID, the chain and a misfit TxID kept, then Back to the first question. */
  const cryptoThenBack = [
    { expect: 'whether the money came from', pick: 'crypto' },
    { expect: 'sending platform', pick: 'completed' },
    { expect: 'chain', pick: 'BTC' },
    { expect: 'TxID', pick: 'zzz' },
    { expect: 'TxID', pick: '' },
    { expect: 'block explorer', pick: BACK },
    { expect: 'sending platform', pick: BACK },
  ];

  it('do not make a card top-up a crypto case, nor reach its ticket or case record', async () => {
    const dir = tempDir();
    const r = await run(['diagnose', 'deposit-missing', '--agent', '--save'], {
      tty: true,
      env: { WALLET_HELP_CONFIG_DIR: dir },
      prompts: [...cryptoThenBack, { expect: 'whether the money came from', pick: 'bank-card' }, { expect: 'transaction record', pick: 'success' }, { expect: 'frozen or pending', pick: 'missing' }, ...['Account ID', 'When it happened', 'Amount', 'Error message'].map((expect) => ({ expect, pick: '' }))],
    });
    r.prompter.assertDone();
    expect(r.code).toBe(0);
    // No crypto prompt at the card escalation, and nothing of the crypto branch in the ticket or the log.
    expect(r.prompter.inputs.slice(3).map((q) => q.message).join('\n')).not.toMatch(/TxID|chain|Receiving address|Memo/);
    const summary = r.stdout.slice(r.stdout.indexOf('Questions and answers'));
    expect(summary).not.toContain('Case facts');
    expect(summary).not.toMatch(/zzz|BTC/);
    const [saved] = readFileSync(join(dir, 'cases.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { facts: object; outcome: { id: string } });
    expect(saved).toMatchObject({ facts: {}, outcome: { id: 'escalate-bank-credited-missing' } });
  });

  it('come back, offered ready to correct, when the same branch is taken again, also in a resumed case', async () => {
    const env = { WALLET_HELP_CONFIG_DIR: tempDir() };
    // Over to the card branch, then back to crypto in the same run: the chain and TxID typed for it are offered again.
    const same = await run(['diagnose', 'deposit-missing', '--agent'], {
      tty: true,
      prompts: [
        ...cryptoThenBack,
        { expect: 'whether the money came from', pick: 'bank-card' },
        { expect: 'transaction record', pick: BACK },
        { expect: 'whether the money came from', pick: 'crypto' },
        { expect: 'sending platform', pick: 'completed' },
        { expect: 'chain', pick: '' },
        { expect: 'TxID', pick: '' },
        { expect: 'block explorer', pick: 'cancel' },
      ],
    });
    expect(same.code).toBe(130);
    expect(same.prompter.inputs.slice(-2).map((q) => q.default)).toEqual(['BTC', 'zzz']);
    // Cancelled on the card branch: the resumed case recaps no crypto fact, and keeps them for the crypto branch.
    const first = await run(['diagnose', 'deposit-missing', '--agent'], { tty: true, env, prompts: [...cryptoThenBack, { pick: 'bank-card' }, { expect: 'transaction record', pick: 'cancel' }] });
    expect(first.code).toBe(130);
    const resumed = await run(['diagnose', '--resume'], {
      tty: true,
      env,
      prompts: [{ expect: 'transaction record', pick: BACK }, { expect: 'whether the money came from', pick: 'crypto' }, { expect: 'sending platform', pick: 'completed' }, { expect: 'chain', pick: '' }, { expect: 'TxID', pick: 'cancel' }],
    });
    expect(resumed.code).toBe(130);
    expect(resumed.stdout).not.toContain('Case facts so far');
    expect(resumed.prompter.inputs.map((q) => q.default)).toEqual(['BTC', 'zzz']);
  });
});
