/** Support-staff mode: agent wording, Back and Start over, summaries, the case log and --resume. */
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { loadProgress, MAX_UNFINISHED, saveProgress, type CaseRecord } from '../src/cases/store.js';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import * as esbuild from 'esbuild';
import { generateMnemonic } from '@scure/bip39';
import { wordlist as english } from '@scure/bip39/wordlists/english.js';
import { describe, expect, it } from 'vitest';
import { bundledFlows, CARD_DECLINED_FLOW, ROOT, run, tempDir } from './helpers.js';

/** The facts of the account-compromised alert after the account id, each left empty: when, how much, TxID, chain, receiving address. */
const THEFT_FACTS_AFTER_ACCOUNT = ['When it happened', 'Amount', 'TxID', 'chain', 'Receiving address'].map((expect) => ({ expect, pick: '' }));

const json = (s: string) => JSON.parse(s);
const lines = (file: string) => readFileSync(file, 'utf8').trim().split('\n');

describe('agent mode', () => {
  it('asks in the agent wording', async () => {
    const r = await run(['diagnose', 'payment-failed', '--agent'], { tty: true, prompts: [{ expect: 'Ask the caller whether other apps', pick: 'offline' }] });
    r.prompter.assertDone();
    expect(r.code).toBe(0);
    expect(r.prompter.asked[0]!.choices.map((c) => c.value)).toEqual(['ok', 'unstable', 'offline']);
  });

  it('offers Back, Start over and the path from the second question on, and honours them', async () => {
    const r = await run(['diagnose', 'payment-failed'], {
      tty: true,
      prompts: [
        { pick: 'ok' },
        { pick: '__path' },
        { pick: '__back' },
        { pick: 'ok' },
        { pick: 'sufficient' },
        { pick: '__restart' }, { expect: 'Start over?', pick: 'restart' },
        { pick: 'offline' },
      ],
    });
    r.prompter.assertDone();
    expect(r.code).toBe(0);
    const asked = r.prompter.asked;
    expect(asked[0]!.choices.map((c) => c.value)).not.toContain('__back');
    expect(asked[1]!.choices.map((c) => c.value)).toEqual(['sufficient', 'insufficient', '__back', '__restart', '__path']);
    expect(r.stdout).toContain('Answers so far:\n  1. Is your internet connection working normally right now? — ');
    // Showing the path asks the same question again; Back returns to the first; Start over too.
    const [network, balance] = [asked[0]!.message, asked[1]!.message];
    expect(asked.map((q) => q.message)).toEqual([network, balance, balance, network, balance, asked[5]!.message, 'Start over? The 2 answers given so far will be dropped.', network]);
    expect([network, balance]).not.toContain(asked[5]!.message);
    expect(asked[6]).toMatchObject({ default: 'keep' });
    expect(r.stdout).toContain('Fix your connection');
  });

  it('asks before Start over drops the answers, and keeps them when told to (QA: a digit typed at the list picked it)', async () => {
    const r = await run(['--lang', 'zh', 'diagnose', 'payment-failed'], {
      tty: true,
      prompts: [{ pick: 'ok' }, { pick: '__restart' }, { expect: '要重新开始吗？已经给出的回答（1 个）将被清除。', pick: 'keep' }, { pick: 'insufficient' }],
    });
    r.prompter.assertDone();
    expect(r.code).toBe(0);
    // The balance question again, its answer then taken on from the network answered before.
    expect(r.prompter.asked[3]!.message).toBe(r.prompter.asked[1]!.message);
  });

  it('reads back the answers so far in the agent\'s words, with the facts noted (QA: agent)', async () => {
    const r = await run(['diagnose', 'payment-failed', '--agent', '--fact', 'account-id=ACC-7'], {
      tty: true,
      prompts: [{ pick: 'ok' }, { pick: '__path' }, { pick: 'cancel' }],
    });
    const shown = r.stdout.slice(r.stdout.indexOf('Answers so far:'));
    expect(shown).toMatch(/^Answers so far:\n {2}1\. Ask the caller whether other apps/);
    expect(shown).toContain('ACC-7');
  });

  it('offers the account ID typed on a branch gone back out of when another branch asks for it (QA: agent)', async () => {
    const r = await run(['diagnose', 'payment-failed', '--agent', '--network', 'ok', '--balance', 'sufficient'], {
      tty: true,
      prompts: [
        { pick: 'rejected' },
        { expect: 'Account ID', pick: 'ACC-1' },
        { expect: 'When it happened', pick: '<' },
        { expect: 'Account ID', pick: '<' },
        // Another branch, to another escalation, which asks for the account ID too.
        { pick: 'verified' },
        { pick: 'accepts' },
        { pick: 'within-limits' },
        { pick: 'none' },
        { pick: 'no-error' },
        { expect: 'Account ID', pick: 'cancel' },
      ],
    });
    r.prompter.assertDone();
    const prompts = r.prompter.inputs.filter((q) => q.message.includes('Account ID'));
    expect(prompts).toHaveLength(3);
    expect(prompts[2]!.default).toBe('ACC-1');
  });

  it('Start over drops the facts typed for the old problem, and keeps those given with --fact (QA: they went into the wrong ticket)', async () => {
    const dir = tempDir();
    const r = await run(['diagnose', 'withdrawal-delayed', '--agent', '--save', '--fact', 'amount=0.5 ETH', '--timeout', '300'], {
      tty: true,
      env: { WALLET_HELP_CONFIG_DIR: dir },
      prompts: [
        { pick: 'broadcast' },
        { expect: 'Coin and network (chain)', pick: 'eth' },
        { expect: 'Transaction ID (TxID)', pick: `0x${'cafe'.repeat(16)}` },
        { pick: '__restart' }, { expect: 'Start over?', pick: 'restart' },
        { pick: 'broadcast' },
        // Asked again: nothing typed before Start over is kept.
        { expect: 'Coin and network (chain)', pick: 'cancel' },
      ],
    });
    r.prompter.assertDone();
    expect(r.code).toBe(130);
    const saved = lines(join(dir, 'cases.jsonl')).map(json);
    expect(saved.at(-1)).toMatchObject({ status: 'cancelled', facts: { amount: '0.5 ETH' } });
    expect(saved.at(-1).facts.txid).toBeUndefined();
    expect(saved.at(-1).facts.chain).toBeUndefined();
  });

  it('--resume continues the latest case with something in it, and never an answer dropped by going back to the menu (QA)', async () => {
    const dir = tempDir();
    const env = { WALLET_HELP_CONFIG_DIR: dir };
    // An older case with an answer, then a newer one cancelled at its first question: the newer is nothing to continue,
    // and does not hide the older (QA: review).
    expect((await run(['diagnose', 'payment-failed'], { tty: true, env, prompts: [{ pick: 'ok' }, { pick: 'cancel' }] })).code).toBe(130);
    expect((await run(['diagnose', 'login-failed'], { tty: true, env, prompts: [{ pick: 'cancel' }] })).code).toBe(130);
    const resumed = await run(['diagnose', '--resume'], { tty: true, env, prompts: [{ pick: 'cancel' }] });
    expect(resumed.stdout).toMatch(/Continuing case [0-9a-f]{8}, "Payment or transfer failed"/);
    expect(readdirSync(join(dir, 'unfinished-cases'))).toHaveLength(1);
    // Start over to the menu, then Ctrl+C there: the answer given before is not kept.
    const fresh = { WALLET_HELP_CONFIG_DIR: tempDir() };
    const menu = await run(['diagnose'], { tty: true, env: fresh, prompts: [{ pick: 'payment-failed' }, { pick: 'ok' }, { pick: '__restart' }, { expect: 'Start over?', pick: 'restart' }, { pick: 'cancel' }] });
    expect(menu.code).toBe(130);
    const again = await run(['diagnose', '--resume'], { tty: true, env: fresh });
    expect(again.stderr).toContain('There is no unfinished case to continue.');
  });

  it('names the team of the outcome in the summary in the run\'s language, with its queue id', async () => {
    const zh = await run(['--lang', 'zh', 'diagnose', 'account-compromised', '--summary', 'text']);
    expect(zh.stdout).toContain('安全客服（队列 security）');
    const en = await run(['diagnose', 'account-compromised', '--summary', 'text']);
    expect(en.stdout).toContain('security support (queue security)');
  });

  it('an alert cancelled at its facts is logged with the alert it gave (QA: it was "cancelled before an outcome")', async () => {
    const dir = tempDir();
    const env = { WALLET_HELP_CONFIG_DIR: dir };
    const r = await run(['diagnose', 'account-compromised', '--agent', '--save'], { tty: true, env, prompts: [{ expect: 'Account ID', pick: 'cancel' }] });
    expect(r.code).toBe(130);
    const [saved] = lines(join(dir, 'cases.jsonl')).map(json);
    expect(saved).toMatchObject({ status: 'cancelled', outcome: { id: 'alert-compromised', kind: 'alert' } });
    const show = await run(['cases', 'show', saved.id], { env });
    expect(show.stdout).toContain('Status: cancelled after the outcome was given');
    expect(json((await run(['cases', 'stats', '--json'], { env })).stdout).byOutcome).toEqual({ 'account-compromised/alert-compromised': 1 });
    // Listed with its alert, marked cancelled, and counted among the escalations and alerts (QA: agent).
    await run(['diagnose', 'payment-failed', '--network', 'offline', '--save'], { env });
    expect((await run(['cases', 'list', '--outcome', 'alert'], { env })).stdout).toMatch(/alert alert-compromised \(cancelled\)/);
    expect(json((await run(['cases', 'stats', '--json'], { env })).stdout)).toMatchObject({ cases: 2, finished: 1, cancelled: 1, escalatedShare: 0.5 });
  });

  it('drives an agent session with Back and Start over, and the summary shows only the answers that stood', async () => {
    const r = await run(['diagnose', 'payment-failed', '--agent'], {
      tty: true,
      prompts: [
        { expect: 'Ask the caller', pick: 'ok' },
        { pick: '__back' }, // at the balance question: back to the network question
        { pick: 'ok' },
        { pick: 'sufficient' },
        { pick: '__restart' }, { expect: 'Start over?', pick: 'restart' }, // at the verification question: everything again
        { pick: 'offline' },
      ],
    });
    r.prompter.assertDone();
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Questions and answers');
    const answers = r.stdout.slice(r.stdout.indexOf('Questions and answers'));
    expect(answers).toContain('(network=offline)');
    expect(answers).not.toContain('network=ok');
    expect(answers).not.toContain('balance=');
    expect(r.stdout).toContain('Have the caller fix their connection');
  });

  it('tells the steps in agent wording, asks for the case facts and ends with a summary for the ticket', async () => {
    const r = await run(['diagnose', 'contact-support', '--agent', '--answer', 'topic=account'], {
      tty: true,
      // An account question is no crypto case: no TxID, chain, address or memo.
      prompts: [{ expect: 'Account ID', pick: 'U-12345' }, { expect: 'When it happened' }, { expect: 'Amount' }, { expect: 'Error message', pick: 'E1001 card declined' }].map((p) => ({ pick: '', ...p })),
    });
    r.prompter.assertDone();
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/(Tell|Give|Ask|Walk|Remind|Open) the caller|the caller/);
    expect(r.stdout).toContain('Case ');
    expect(r.stdout).toContain('Questions and answers');
    expect(r.stdout).toContain('Account ID: U-12345');
    expect(r.stdout).toContain('Error message: E1001 card declined');
  });

  it('warns the agent, not the caller, about a secret read out for a fact, and asks for the fact again', async () => {
    const phrase = generateMnemonic(english, 128);
    const env = { WALLET_HELP_CONFIG_DIR: tempDir() };
    const r = await run(['diagnose', 'contact-support', '--agent', '--answer', 'topic=account', '--save'], {
      tty: true,
      env,
      prompts: [{ expect: 'Account ID', pick: phrase }, { expect: 'Account ID', pick: 'U-12345' }, { pick: '' }, { pick: '' }, { pick: '' }],
    });
    r.prompter.assertDone();
    expect(r.code).toBe(0);
    // Wrapped to the terminal's 80 columns: read as one line.
    const warning = r.stderr.replace(/\s+/g, ' ');
    expect(warning).toContain('What the caller gave looks like a recovery phrase. Ask the caller to stop reading it out');
    expect(warning).toContain('Treat it as exposed');
    expect(warning).toContain('account-compromised');
    // eslint-disable-next-line no-control-regex
    expect(r.stderr.split('\n').filter((l) => l.replace(/\u001b\[[0-9;]*m/g, '').length > 80)).toEqual([]);
    expect(r.stdout).toContain('Account ID: U-12345');
    const everything = r.stdout + r.stderr + readFileSync(join(env.WALLET_HELP_CONFIG_DIR, 'cases.jsonl'), 'utf8');
    expect(everything).not.toContain(phrase.split(' ').slice(0, 3).join(' '));
  });

  it('takes an account id of digits as it is (QA: one that looked like a one-time code raised a false alarm), and "<" where Back is not offered is no fact', async () => {
    const env = { WALLET_HELP_CONFIG_DIR: tempDir() };
    // An alert's first fact offers no Back.
    const r = await run(['diagnose', 'account-compromised', '--agent', '--save'], {
      tty: true,
      env,
      prompts: [{ expect: 'Account ID', pick: '<' }, { expect: 'Account ID', pick: '10234567' }, ...THEFT_FACTS_AFTER_ACCOUNT],
    });
    r.prompter.assertDone();
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('one-time code');
    expect(r.stdout).toContain('Account ID: 10234567');
    expect(r.stdout).not.toContain('Account ID: <');
    expect((await run(['diagnose', 'contact-support', '--answer', 'topic=account', '--fact', 'account-id=123456', '--json'])).code).toBe(0);
  });

  it('says when a typed fact is longer than a case keeps, rather than cutting it with no sign (QA: interactive review)', async () => {
    const long = `The app said: ${'payment declined by the issuer, '.repeat(20)}`.trim();
    const r = await run(['diagnose', 'account-compromised', '--agent', '--summary', 'text'], {
      tty: true,
      prompts: [{ expect: 'Account ID', pick: long }, ...THEFT_FACTS_AFTER_ACCOUNT],
    });
    r.prompter.assertDone();
    expect(r.code).toBe(0);
    expect(r.stderr.replace(/\s+/g, ' ')).toContain('That is longer than the 500 characters a case keeps: only its first 500 are kept.');
    const shown = r.stdout.replace(/\s+/g, ' ');
    expect(shown).toContain(`Account ID: ${long.slice(0, 500).trim()}`);
    expect(shown).not.toContain(long.slice(0, 501));
  });

  it('going back with "<" offers the fact typed before, ready to correct, instead of losing it (QA)', async () => {
    const r = await run(['diagnose', 'contact-support', '--agent', '--answer', 'topic=account'], {
      tty: true,
      prompts: [{ expect: 'Account ID', pick: 'U-7' }, { pick: '<' }, { expect: 'Account ID', pick: '' }, { pick: '' }, { pick: '' }, { pick: '' }],
    });
    r.prompter.assertDone();
    expect(r.code).toBe(0);
    expect(r.prompter.inputs[2]).toMatchObject({ default: 'U-7' });
    expect(r.stdout).toContain('Account ID: U-7');
  });

  it('takes "<" typed after the offered value, and a full-width "＜", as Back, never as part of the fact (QA: agent)', async () => {
    const env = { WALLET_HELP_CONFIG_DIR: tempDir() };
    // An alert's first fact offers no Back: "<" there asks for it again, with the value typed before offered.
    const r = await run(['diagnose', 'account-compromised', '--agent', '--save'], {
      tty: true,
      env,
      prompts: [
        { expect: 'Account ID', pick: 'ACC-778812' },
        { pick: '＜' },
        { expect: 'Account ID', pick: 'ACC-778812<' },
        { expect: 'Account ID', pick: 'ACC-778813' },
        ...THEFT_FACTS_AFTER_ACCOUNT,
      ],
    });
    r.prompter.assertDone();
    expect(r.code).toBe(0);
    expect(r.prompter.inputs[2]).toMatchObject({ default: 'ACC-778812' });
    expect(r.stdout).toContain('Account ID: ACC-778813');
    const log = readFileSync(join(env.WALLET_HELP_CONFIG_DIR, 'cases.jsonl'), 'utf8');
    expect(log).not.toContain('<');
    expect(log).not.toContain('＜');
  });

  it('refuses the first line of a recovery phrase pasted as a numbered list (QA: agent, "1. abandon" was kept)', async () => {
    const env = { WALLET_HELP_CONFIG_DIR: tempDir() };
    for (const first of ['1. abandon', '1) ability', '#1 able', '1、的', '１．ａｂｏｕｔ']) {
      const r = await run(['diagnose', 'account-compromised', '--agent', '--save'], {
        tty: true,
        env,
        prompts: [{ expect: 'Account ID', pick: first }, { expect: 'Account ID', pick: 'ACC-1' }, ...THEFT_FACTS_AFTER_ACCOUNT],
      });
      r.prompter.assertDone();
      expect(r.code).toBe(0);
      expect(r.stderr).toContain('recovery phrase');
      expect(r.stdout).toContain('Account ID: ACC-1');
    }
    const log = readFileSync(join(env.WALLET_HELP_CONFIG_DIR, 'cases.jsonl'), 'utf8');
    for (const word of ['abandon', 'ability', 'able', '的', 'ａｂｏｕｔ']) expect(log).not.toContain(word);
    // A number and a word that is no phrase word, or more than one word, is an ordinary answer.
    const plain = await run(['diagnose', 'account-compromised', '--agent'], { tty: true, prompts: [{ expect: 'Account ID', pick: '1. wallethelp' }, { pick: '' }, { pick: '' }, { pick: '' }] });
    expect(plain.stderr).not.toContain('recovery phrase');
  });

  it('inside account-compromised, sends the agent to the steps of this case, not to the command that starts it again (QA: desk)', async () => {
    const wif = '5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTJ';
    for (const lang of ['en', 'zh']) {
      const r = await run(['--lang', lang, 'diagnose', 'account-compromised', '--agent'], {
        tty: true,
        prompts: [...['', '', '', '', ''].map((pick) => ({ pick })), { pick: wif }, { pick: '' }],
      });
      r.prompter.assertDone();
      expect(r.code).toBe(0);
      expect(r.stderr).not.toContain('wallet-help diagnose account-compromised');
      expect(r.stderr.replace(/\s+/g, lang === 'zh' ? '' : ' ')).toContain(lang === 'zh' ? '在通话结束前，带来电者完成本次排查的各项步骤。' : 'Treat it as exposed: before the call ends, go through the steps of this case with the caller.');
    }
    // In any other flow, the steps for a compromised account are another flow's: named as the command that runs them.
    const other = await run(['diagnose', 'forgot-password', '--agent', '--answer', 'contact-access=no-access'], { tty: true, prompts: [{ pick: wif }, { pick: '' }, { pick: '' }, { pick: '' }] });
    expect(other.stderr.replace(/\s+/g, ' ')).toContain('("wallet-help diagnose account-compromised")');
  });

  it('warns the agent about a card number without calling the account stolen', async () => {
    const r = await run(['--lang', 'zh', 'diagnose', 'contact-support', '--agent', '--answer', 'topic=account'], {
      tty: true,
      prompts: [{ pick: '4111 1111 1111 1111' }, { pick: '' }, { pick: '' }, { pick: '' }, { pick: '' }],
    });
    r.prompter.assertDone();
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('来电者提供的内容看起来是银行卡号');
    expect(r.stderr).not.toContain('account-compromised');
    expect(r.stdout + r.stderr).not.toContain('4111 1111');
  });
});

describe('agent mode at escalations and alerts', () => {
  it('in an emergency, tells the urgent steps first and asks the facts after them, all to the agent', async () => {
    const fact = (expect: string, pick = '') => ({ expect, shown: '立即把来电者转接到下方列出的安全客服热线', pick });
    const r = await run(['--lang', 'zh', 'diagnose', '--agent'], {
      tty: true,
      prompts: [{ expect: '来电者遇到了什么问题？', pick: 'account-compromised' }, fact('账户 ID', 'U-9'), fact('发生时间'), fact('金额'), fact('交易哈希'), fact('币种和转账网络'), fact('收款地址', 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq')],
    });
    r.prompter.assertDone();
    expect(r.code).toBe(0);
    // Nothing to go back to before the first fact of an alert; the steps, notice and list are for the agent.
    expect(r.prompter.asked[1]!.message).not.toContain('<');
    expect(r.stdout).toContain('工单所需信息（请来电者准备好）：');
    // Said to the caller word for word, in quotes: the "你" in it is the caller (QA: interactive review).
    expect(r.stdout).toContain('请原话告诉来电者：“官方客服绝不会索要你的密码');
    expect(r.stdout).not.toContain('联系客服前请准备好：');
    // The ticket summary, with the facts, comes after the steps: a theft is traced by its transactions, so crypto
    // facts are asked too (QA: agent), and no error message.
    expect(r.stdout.indexOf('账户 ID：U-9')).toBeGreaterThan(r.stdout.indexOf('立即把来电者转接'));
    expect(r.stdout).toContain('收款地址：bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq');
    // Moving funds is only ever into a wallet the caller made: support never gives an address (QA: agent).
    expect(r.stdout.replace(/\s+/g, '')).toContain('只能转入来电者自己创建的钱包，客服从不提供转账地址');
  });

  it('says at once when the TxID and the chain typed do not fit each other, offering the one just typed to correct', async () => {
    const btcTx = 'f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16';
    const base = ['diagnose', 'account-compromised', '--agent', '--summary', 'text'];
    const facts = [{ expect: 'Account ID', pick: 'U-9' }, { expect: 'When it happened', pick: '' }, { expect: 'Amount', pick: '' }];
    // A Bitcoin TxID, then "eth" (whose TxIDs start 0x): the chain is offered again; corrected to btc, both are kept.
    const corrected = await run(base, {
      tty: true,
      prompts: [...facts, { expect: 'TxID', pick: btcTx }, { expect: 'chain', pick: 'eth' }, { expect: 'chain', pick: 'btc' }, { expect: 'Receiving address', pick: '' }],
    });
    corrected.prompter.assertDone();
    expect(corrected.code).toBe(0);
    expect(corrected.stderr.replace(/\s+/g, ' ')).toContain('The TxID given is not a TxID on Ethereum (ETH). Correct the chain, or press Enter to keep it as it is.');
    expect(corrected.prompter.inputs[5]!.default).toBe('eth');
    expect(corrected.stdout).toContain('Coin and network (chain): btc');
    // Kept as typed when it is typed again: the agent may know better.
    const kept = await run(base, {
      tty: true,
      prompts: [...facts, { expect: 'TxID', pick: btcTx }, { expect: 'chain', pick: 'ETH' }, { expect: 'chain', pick: 'ETH' }, { expect: 'Receiving address', pick: '' }],
    });
    kept.prompter.assertDone();
    expect(kept.stdout).toContain('Coin and network (chain): ETH');
    // The chain known first (a crypto withdrawal's confirmations): the TxID is what is offered again.
    const txFirst = await run(['diagnose', 'account-compromised', '--agent', '--fact', 'chain=eth'], {
      tty: true,
      prompts: [...facts, { expect: 'TxID', pick: 'not-a-txid' }, { expect: 'TxID', pick: `0x${btcTx}` }, { expect: 'Receiving address', pick: '' }],
    });
    txFirst.prompter.assertDone();
    expect(txFirst.stderr.replace(/\s+/g, ' ')).toContain('That is not a TxID on Ethereum (ETH). Correct it, or press Enter to keep it as it is.');
    // The chain by the name people know, in Chinese too, never wallet-help's id ("trx") for what the caller called USDT TRC20 (QA: desk).
    const zh = await run(['--lang', 'zh', 'diagnose', 'account-compromised', '--agent', '--fact', 'chain=USDT TRC20'], {
      tty: true,
      prompts: [...facts.map((f) => ({ pick: f.pick })), { pick: 'zzz' }, { pick: 'zzz' }, { pick: '' }],
    });
    zh.prompter.assertDone();
    expect(zh.stderr.replace(/\s+/g, '')).toContain('这不是波场（TRC20）的交易哈希。请改正，或直接回车按原样保留。');
    expect(zh.stderr).not.toMatch(/\btrx\b/);
  });

  it('asks for the network of a token typed as the chain, offering it to complete (QA: Chinese user)', async () => {
    const facts = [{ pick: 'U-9' }, { pick: '' }, { pick: '' }, { pick: '' }];
    // "USDT" alone: said which networks it may be, offered again; completed, the chain is kept as completed.
    const r = await run(['--lang', 'zh', 'diagnose', 'account-compromised', '--agent', '--summary', 'text'], {
      tty: true,
      prompts: [...facts, { expect: '币种和转账网络', pick: 'USDT' }, { expect: '币种和转账网络', pick: 'USDT TRC20' }, { pick: '' }],
    });
    r.prompter.assertDone();
    expect(r.code).toBe(0);
    expect(r.stderr.replace(/\s+/g, '')).toContain('USDT可以在多条链上转账，请写明转账网络（链），例如“USDTTRC20”（波场）或“USDTERC20”（以太坊）。请改正，或直接回车按原样保留。');
    expect(r.prompter.inputs[5]!.default).toBe('USDT');
    expect(r.stdout).toContain('USDT TRC20');
    // Typed again as it was, it is kept: the agent may know no more.
    const kept = await run(['diagnose', 'account-compromised', '--agent', '--summary', 'text'], {
      tty: true,
      prompts: [...facts, { expect: 'chain', pick: 'usdc' }, { expect: 'chain', pick: 'usdc' }, { pick: '' }],
    });
    kept.prompter.assertDone();
    expect(kept.stderr.replace(/\s+/g, ' ')).toContain('USDC is sent on several networks (chains): give the network too, for example "USDC ERC20" (Ethereum) or "USDC BEP20" (BNB Smart Chain). Correct it, or press Enter to keep it as it is.');
    expect(kept.stdout).toContain('Coin and network (chain): usdc');
  });

  it('says where a typed fact holds an invisible character and offers it without, never keeping it', async () => {
    const facts = [{ expect: 'Account ID', pick: 'U-9' }, { expect: 'When it happened', pick: '' }, { expect: 'Amount', pick: '5\u200bLTC' }, { expect: 'Amount', pick: '5LTC' }];
    const r = await run(['diagnose', 'account-compromised', '--agent', '--summary', 'text'], { tty: true, prompts: [...facts, ...THEFT_FACTS_AFTER_ACCOUNT.slice(2)] });
    r.prompter.assertDone();
    expect(r.code).toBe(0);
    expect(r.stderr.replace(/\s+/g, ' ')).toContain('That holds an invisible character, U+200B (ZWSP), at character 2, as text copied from a chat or web page may');
    // What is offered is the text without it, ready to keep with Enter.
    expect(r.prompter.inputs[3]!.default).toBe('5LTC');
    expect(r.stdout).toContain('Amount: 5LTC');
    expect(r.stdout).not.toContain('\u200b');
    const zh = await run(['--lang', 'zh', 'diagnose', 'account-compromised', '--agent'], { tty: true, prompts: [...facts.map((f) => ({ pick: f.pick })), ...THEFT_FACTS_AFTER_ACCOUNT.slice(2).map((f) => ({ pick: f.pick }))] });
    zh.prompter.assertDone();
    expect(zh.stderr.replace(/\s+/g, '')).toContain('输入的内容在第2个字符处含有看不见的字符U+200B(ZWSP)');
  });

  it('asks a withdrawal stuck without a TxID what its "have this ready" names, and no TxID (QA: desk)', async () => {
    const answers = ['status=pending', 'recent-change=none', 'verification=verified', 'amount=ok', 'pending-time=past-time'].flatMap((a) => ['--answer', a]);
    for (const [chain, memo] of [['LTC', []], ['XRP', [{ expect: 'Memo', pick: '12345' }]]] as const) {
      const r = await run(['diagnose', 'withdrawal-delayed', '--agent', ...answers, '--summary', 'text'], {
        tty: true,
        prompts: [...['Account ID', 'When it happened', 'Amount'].map((expect) => ({ expect, pick: '' })), { expect: 'Coin and network', pick: chain }, { expect: 'Receiving address', pick: '' }, ...memo],
      });
      r.prompter.assertDone();
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('The withdrawal is stuck without a TxID');
      expect(r.prompter.inputs.map((q) => q.message).join('\n')).not.toMatch(/Transaction ID|Error message/);
    }
  });

  it('asks for where the money went after money was sent to a scammer, and the number they used, not an error message (QA: agent, desk)', async () => {
    const env = { WALLET_HELP_CONFIG_DIR: tempDir() };
    const r = await run(['diagnose', 'suspicious-contact', '--agent', '--answer', 'request=transfer', '--answer', 'paid=paid', '--summary', 'text', '--save'], {
      tty: true,
      env,
      prompts: ['Account ID', 'When it happened', 'Amount', 'TxID', 'chain', 'Receiving address', 'The number, account or website the person used'].map((expect) => ({
        expect,
        pick: expect === 'Amount' ? '2 ETH' : expect.startsWith('The number') ? '+1 202 555 0134' : '',
      })),
    });
    r.prompter.assertDone();
    expect(r.code).toBe(0);
    expect(r.prompter.inputs.map((i) => i.message)).not.toContainEqual(expect.stringMatching(/Error message/));
    expect(r.stdout).toContain('Amount: 2 ETH');
    // The scammer's number goes to the security team with the case: a phone number is no one-time code.
    expect(r.stdout).toContain('The number, account or website the person used: +1 202 555 0134');
    // Checked against the official contacts as it is typed, as a question's contact check is (QA: desk).
    expect(r.stderr.replace(/\s+/g, ' ')).toContain('+1 202 555 0134 is NOT official: it imitates +1 202-555-0143');
    // And the verdict goes to the ticket and the case log with the number (QA: desk; the ticket showed the number alone).
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('Contact checked: +1 202 555 0134 is NOT official: it imitates +1 202-555-0143');
    expect(JSON.parse(lines(join(env.WALLET_HELP_CONFIG_DIR, 'cases.jsonl'))[0]!).checks).toEqual([expect.objectContaining({ question: 'contact', check: 'verify-contact', result: 'lookalike' })]);
    // Given with --fact, or kept by a resumed case, it is checked for the ticket too.
    const given = await run(['diagnose', 'suspicious-contact', '--answer', 'request=transfer', '--answer', 'paid=paid', '--fact', 'contact=+1 202 555 0134', '--summary', 'text', '--no-input']);
    expect(given.stdout.replace(/\s+/g, ' ')).toContain('Contact checked: +1 202 555 0134 is NOT official: it imitates +1 202-555-0143');
    // An official number is said to prove nothing: caller ID can be faked.
    const official = await run(['diagnose', 'suspicious-contact', '--agent', '--answer', 'request=transfer', '--answer', 'paid=paid', '--summary', 'md'], {
      tty: true,
      prompts: ['Account ID', 'When it happened', 'Amount', 'TxID', 'chain', 'Receiving address', 'The number, account or website the person used'].map((expect) => ({ expect, pick: expect.startsWith('The number') ? '+1 202-555-0143' : '' })),
    });
    expect(official.stdout.replace(/\s+/g, ' ')).toContain('is an official contact, but a number, sender or name that is shown can be faked, so it does not prove the person was official support.');
    // A handle of eight digits the check's own screen would take for a code is kept, unchecked, and the case goes on.
    const digits = await run(['diagnose', 'suspicious-contact', '--agent', '--answer', 'request=transfer', '--answer', 'paid=paid'], {
      tty: true,
      prompts: ['Account ID', 'When it happened', 'Amount', 'TxID', 'chain', 'Receiving address', 'The number, account or website the person used'].map((expect) => ({ expect, pick: expect.startsWith('The number') ? '48291375' : '' })),
    });
    digits.prompter.assertDone();
    expect(digits.code).toBe(0);
    expect(JSON.parse(lines(join(env.WALLET_HELP_CONFIG_DIR, 'cases.jsonl'))[0]!)).toMatchObject({ facts: { contact: '+1 202 555 0134' } });
  });

  it('asks a card or bank case no crypto facts, only the facts its outcome names, and speaks to the agent about the caller', async () => {
    const r = await run(['diagnose', 'payment-failed', '--agent', '--network', 'ok', '--balance', 'sufficient', '--verification', 'rejected'], {
      tty: true,
      // A rejected verification goes to the account team, whose outcome names its facts: no amount.
      prompts: ['Account ID', 'When it happened', 'Error message'].map((expect) => ({ expect, pick: '' })),
    });
    r.prompter.assertDone();
    expect(r.code).toBe(0);
    expect(r.prompter.asked.map((q) => q.message).join('\n')).not.toMatch(/TxID|chain|Address|Memo|Amount/);
    // The heading the agent wording of the steps refers to ("listed under \"Have this ready\"").
    expect(r.stdout).toContain('Have this ready (what the caller should have ready for support):');
    expect(r.stdout).toContain('Tell the caller, in these words: "Official support never asks for your password');
    expect(r.stdout).not.toContain('Have this ready before you contact support');
    // The user's own wording of it is not shown besides.
    expect(r.stdout).not.toContain('Reach it only through the contacts shown here');
  });

  it('goes Back into a question a check answered, asking it by hand instead of checking again (QA: agent, Back looped)', async () => {
    const genesis = '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa';
    const r = await run(
      ['diagnose', 'deposit-missing', '--answer', 'method=crypto', '--answer', 'send-status=completed', '--answer', 'confirmations=confirmed', '--fact', 'chain=btc', '--fact', `address=${genesis}`],
      {
        tty: true,
        // A plain line instead of a spinner, which the fake terminal of these tests cannot draw.
        env: { CI: '1' },
        prompts: [
          // network-match and memo are answered by their checks (BTC has no memo, so none is asked for); the first question asked is the minimum.
          { expect: 'minimum deposit', pick: '__back' },
          { expect: 'memo or tag', pick: '__back' },
          { expect: 'Compare the network', pick: 'different' },
        ],
      },
    );
    r.prompter.assertDone();
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Sent on the wrong network (chain)');
  });

  it('keeps what a check found with the case when its question, gone back to, is answered by hand (QA: agent, the ticket lost it)', async () => {
    const genesis = '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa';
    const argv = ['diagnose', 'deposit-missing', '--answer', 'method=crypto', '--answer', 'send-status=completed', '--answer', 'confirmations=confirmed', '--fact', 'chain=btc', '--fact', `address=${genesis}`, '--summary', 'json'];
    const checked = (stdout: string) => (JSON.parse(stdout.slice(stdout.indexOf('{\n'))) as CaseRecord).checks.map((c) => [c.question, c.check, c.result]);
    const r = await run(argv, {
      tty: true,
      env: { CI: '1' },
      prompts: [
        { expect: 'minimum deposit', pick: '__back' },
        { expect: 'memo or tag', pick: '__back' },
        // The answer the check gave, kept by hand; then the memo, also gone back to, and the minimum.
        { expect: 'Compare the network', pick: 'same' },
        { expect: 'memo or tag', pick: 'not-needed' },
        { expect: 'minimum deposit', pick: 'above-minimum' },
        { expect: 'announcements', pick: 'still-missing' },
      ],
    });
    r.prompter.assertDone();
    expect(r.code).toBe(0);
    expect(checked(r.stdout)).toEqual([
      ['network-match', 'address-chain', 'same'],
      ['memo', 'memo', 'not-needed'],
    ]);
  });

  it('offers the contact typed for a check again when its prompt is gone back to (QA: agent, the scam number had to be asked again)', async () => {
    const r = await run(['diagnose', 'suspicious-contact', '--agent', '--answer', 'request=nothing-sensitive', '--answer', 'first-contact=they-contacted-me'], {
      tty: true,
      env: { CI: '1' },
      prompts: [
        { expect: 'Type the number', pick: '+1 202-555-0134' },
        { expect: 'Account ID', pick: '<' },
        { expect: 'Type the number', pick: '+1 202-555-0134' },
        { expect: 'Account ID', pick: 'cancel' },
      ],
    });
    const inputs = r.prompter.inputs;
    expect(inputs.length).toBeGreaterThanOrEqual(3);
    expect(inputs[2]!.default).toBe('+1 202-555-0134');
  });

  it('still asks by hand, once resumed, a question gone back to before Ctrl+C; Start over lets its check answer again', async () => {
    const genesis = '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa';
    const env = { WALLET_HELP_CONFIG_DIR: tempDir(), CI: '1' };
    const argv = ['diagnose', 'deposit-missing', '--answer', 'method=crypto', '--answer', 'send-status=completed', '--answer', 'confirmations=confirmed', '--fact', 'chain=btc', '--fact', `address=${genesis}`];
    const first = await run(argv, { tty: true, env, prompts: [{ expect: 'minimum deposit', pick: '__back' }, { expect: 'memo or tag', pick: 'cancel' }] });
    expect(first.code).toBe(130);
    // The memo check would answer it again and go straight on to the minimum: the question is asked, as before Ctrl+C.
    const resumed = await run(['diagnose', '--resume'], {
      tty: true,
      env,
      prompts: [
        { expect: 'memo or tag', pick: '__back' },
        { expect: 'Compare the network', pick: '__restart' }, { expect: 'Start over?', pick: 'restart' },
        { expect: 'How did you top up', pick: 'crypto' },
        { expect: 'Look at this transfer', pick: 'completed' },
        { expect: 'Coin and network (chain)', pick: 'btc' },
        { expect: 'Transaction ID (TxID)', pick: '' },
        { expect: 'Open the TxID', pick: 'confirmed' },
        // Begun anew, the checks answer the network and the memo again: the address is asked for, then the minimum.
        { expect: 'Receiving address', pick: genesis },
        { expect: 'minimum deposit', pick: 'cancel' },
      ],
    });
    resumed.prompter.assertDone();
    expect(resumed.code).toBe(130);
  });

  it('keeps a fact gone back over when the run is cancelled there, and asks the facts again after Back to the question (QA: agent)', async () => {
    const env = { WALLET_HELP_CONFIG_DIR: tempDir() };
    const first = await run(['diagnose', 'contact-support', '--agent', '--answer', 'topic=account'], {
      tty: true,
      env,
      prompts: [{ expect: 'Account ID', pick: 'ACC-1' }, { expect: 'When it happened', pick: '10:30 UTC+8' }, { expect: 'Amount', pick: '<' }, { expect: 'When it happened', pick: 'cancel' }],
    });
    expect(first.code).toBe(130);
    const resumed = await run(['diagnose', '--resume'], { tty: true, env, prompts: [{ pick: 'cancel' }] });
    expect(resumed.stdout).toContain('Account ID: ACC-1');
    expect(resumed.stdout).toContain('10:30 UTC+8');
  });

  it('shows an agent what to ask the caller at a check\'s text prompt, where "<" goes back (QA: agent)', async () => {
    const r = await run(['diagnose', 'suspicious-contact', '--agent', '--answer', 'request=nothing-sensitive', '--answer', 'first-contact=they-contacted-me'], {
      tty: true,
      env: { CI: '1' },
      prompts: [
        { expect: 'Ask the caller for the exact number', pick: '<' },
        { expect: 'Ask the caller who contacted whom', pick: 'they-contacted-me' },
        { expect: 'Ask the caller for the exact number', pick: '' },
      ],
    });
    r.prompter.assertDone();
    expect(r.code).toBe(0);
    expect(r.prompter.inputs[0]!.message).toContain('type < to go back');
  });

  it('speaks to the agent where a fix names a team, and where a --fact holds a secret (QA: agent)', async () => {
    const fix = await run(['diagnose', 'payment-failed', '--network', 'ok', '--balance', 'insufficient', '--agent', '--no-input']);
    expect(fix.code).toBe(0);
    expect(fix.stdout.replace(/\s+/g, ' ')).toContain('If this does not solve it, open a ticket for the general support team, or give the caller the contacts below.');
    expect(fix.stdout).not.toContain('contact the general support team through');
    const secret = await run(['diagnose', 'payment-failed', '--network', 'offline', '--agent', '--fact', `error=${'abandon '.repeat(11)}about`, '--json']);
    expect(secret.code).toBe(2);
    const user = await run(['diagnose', 'payment-failed', '--network', 'offline', '--fact', `error=${'abandon '.repeat(11)}about`, '--json']);
    expect(JSON.parse(secret.stdout).error.message).not.toBe(JSON.parse(user.stdout).error.message);
    expect(JSON.parse(secret.stdout).error.message).toMatch(/caller/);
  });

  it('does not ask again at the escalation for a fact left empty when a check asked for it (QA: agent)', async () => {
    const r = await run(['diagnose', 'withdrawal-delayed', '--agent', '--answer', 'status=broadcast'], {
      tty: true,
      env: { CI: '1' },
      prompts: [
        { expect: 'Coin and network', pick: '' },
        { expect: 'Transaction ID', pick: '' },
        { expect: 'open the TxID', pick: 'not-found' },
        { expect: 'Account ID', pick: 'ACC-1' },
        { expect: 'When it happened', pick: '' },
        { expect: 'Amount', pick: '' },
        { expect: 'Receiving address', pick: '' },
        { expect: 'Memo', pick: '' },
        { expect: 'Error message', pick: '' },
      ],
    });
    r.prompter.assertDone();
    expect(r.code).toBe(0);
    expect(r.prompter.inputs.filter((q) => /Transaction ID|Coin and network/.test(q.message))).toHaveLength(2);
  });

  it('notes in the ticket that the caller read out a secret, never the secret (QA: agent)', async () => {
    const dir = tempDir();
    const phrase = 'legal winner thank year wave sausage worth useful legal winner thank yellow';
    const r = await run(['diagnose', 'forgot-password', '--agent', '--save', '--answer', 'contact-access=no-access'], {
      tty: true,
      env: { WALLET_HELP_CONFIG_DIR: dir },
      prompts: [{ expect: 'Account ID', pick: phrase }, { expect: 'Account ID', pick: 'ACC-7' }, { expect: 'When it happened', pick: '' }, { expect: 'Error message', pick: '' }],
    });
    r.prompter.assertDone();
    expect(r.code).toBe(0);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('Secrets given during the case - The caller read out a recovery phrase: refused and not kept, but to be treated as exposed.');
    expect(r.stdout + r.stderr).not.toContain('legal winner');
    const [saved] = lines(join(dir, 'cases.jsonl')).map(json);
    expect(saved.refused).toEqual(['recovery-phrase']);
    expect(JSON.stringify(saved)).not.toContain('legal winner');
    expect((await run(['--lang', 'zh', 'cases', 'show', saved.id], { env: { WALLET_HELP_CONFIG_DIR: dir } })).stdout).toContain('来电者读出了助记词。已拒绝且未保存，请按已泄露处理。');
    // And in the list a team lead reads, beside the outcome (QA: desk; only the case itself said so).
    const listed = (await run(['cases', 'list'], { env: { WALLET_HELP_CONFIG_DIR: dir, COLUMNS: '200' } })).stdout;
    expect(listed).toContain("escalate escalate-account-recovery · exposed: a recovery phrase");
    expect((await run(['--lang', 'zh', 'cases', 'list'], { env: { WALLET_HELP_CONFIG_DIR: dir } })).stdout.replace(/\s+/g, '')).toContain('已泄露：助记词');
    // Cancelled at the prompt asked again, then resumed and finished: the case still says it was given (review).
    const resumeDir = tempDir();
    const env = { WALLET_HELP_CONFIG_DIR: resumeDir };
    const cut = await run(['diagnose', 'forgot-password', '--agent', '--save', '--answer', 'contact-access=no-access'], { tty: true, env, prompts: [{ expect: 'Account ID', pick: phrase }, { expect: 'Account ID', pick: 'cancel' }] });
    expect(cut.code).toBe(130);
    const resumed = await run(['diagnose', '--resume'], { tty: true, env, prompts: ['Account ID', 'When it happened', 'Error message'].map((expect) => ({ expect, pick: '' })) });
    resumed.prompter.assertDone();
    expect(resumed.code).toBe(0);
    expect(lines(join(resumeDir, 'cases.jsonl')).map(json).at(-1)).toMatchObject({ status: 'finished', refused: ['recovery-phrase'] });
    // The spreadsheet export has it too (review).
    const rows = parse((await run(['cases', 'export', '--format', 'csv'], { env })).stdout, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.at(-1)!.refused).toBe('recovery-phrase');
  });

  it('lists the secrets given with "and", and says of a card number what support does for it, as the warning did (QA: desk)', async () => {
    const key = 'e9873d79c6d87dc0fb6a5778633389f4453213303da61f20bd67fc233aa33262';
    const r = await run(['diagnose', 'contact-support', '--agent', '--answer', 'topic=payments', '--answer', 'payment-kind=money'], {
      tty: true,
      prompts: [
        { expect: 'Account ID', pick: '4111 1111 1111 1111' },
        { expect: 'Account ID', pick: key },
        { expect: 'Account ID', pick: 'my SMS code is 123456' },
        { expect: 'Account ID', pick: '' },
        { expect: 'When it happened', pick: 'CVV 321' },
        ...['When it happened', 'Amount'].map((expect) => ({ expect, pick: '' })),
        { expect: 'Error message', pick: 'my password is hunter22' },
        { expect: 'Error message', pick: '' },
      ],
    });
    r.prompter.assertDone();
    expect(r.code).toBe(0);
    expect(r.stderr.replace(/\s+/g, ' ')).toContain('If they gave it to anyone they do not trust, have them ask the card issuer to block the card.');
    const refused = r.stdout.slice(r.stdout.indexOf('Secrets given during the case')).replace(/\s+/g, ' ');
    expect(refused).toContain('- The caller read out a private key, a one-time code and a password: refused and not kept, but to be treated as exposed.');
    expect(refused).toContain('- The caller read out a card number: refused and not kept. If they gave it to anyone they do not trust, have them ask the card issuer to block the card.');
    // The card's security code too is said apart from the secrets to the account, with the same advice.
    expect(refused).toContain('- The caller read out the security code of a card (CVV): refused and not kept.');
    expect(r.stdout + r.stderr).not.toContain('CVV 321');
    const zh = await run(['--lang', 'zh', 'diagnose', 'contact-support', '--answer', 'topic=payments', '--answer', 'payment-kind=money', '--agent'], {
      tty: true,
      prompts: [{ pick: key }, { pick: 'my SMS code is 123456' }, { pick: '' }, { pick: '' }, { pick: '' }, { pick: '' }],
    });
    zh.prompter.assertDone();
    expect(zh.stdout).toContain('来电者读出了私钥和一次性验证码。已拒绝且未保存，请按已泄露处理。');
    expect(zh.stdout).not.toContain('冻结');
  });

  it('asks for a memo only for a chain that has one, typed just before it (QA: agent)', async () => {
    // The facts of a withdrawal not found on the chain, from the TxID on: the chain typed, then `rest`.
    const facts = async (chain: string, rest: { expect: string; pick: string }[]) => {
      const r = await run(['diagnose', 'withdrawal-delayed', '--agent', '--answer', 'status=broadcast', '--no-checks'], {
        tty: true,
        prompts: [{ pick: 'not-found' }, ...['Account ID', 'When it happened', 'Amount', 'Transaction ID'].map((expect) => ({ expect, pick: '' })), { expect: 'Coin and network', pick: chain }, ...rest],
      });
      r.prompter.assertDone();
      expect(r.code).toBe(0);
    };
    const address = { expect: 'Receiving address', pick: '' };
    const error = { expect: 'Error message', pick: '' };
    await facts('btc', [address, error]);
    await facts('xrp', [address, { expect: 'Memo', pick: '' }, error]);
    // Going back from the fact after a memo not asked goes to the fact before it.
    await facts('btc', [address, { expect: 'Error message', pick: '<' }, { expect: 'Receiving address', pick: '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa' }, error]);
  });

  it('says at the prompt when an address or a tag cannot be one of the chain given, and that the check found the address invalid (QA: desk)', async () => {
    // One character off: the checksum fails. Said at once; Enter keeps it as it is, and the check says it is invalid.
    const typo = 'ltc1qg82hd4v5y9lj2ryxwlq8r6gh9jc5ze0mvygmyx';
    const start = [{ pick: 'crypto' }, { pick: 'completed' }, { expect: 'chain', pick: 'LTC' }, { expect: 'TxID', pick: '' }, { expect: 'block explorer', pick: 'confirmed' }];
    // CI: the check's line is a plain one (no spinner on this pretend terminal).
    const r = await run(['diagnose', 'deposit-missing'], {
      tty: true,
      env: { CI: '1' },
      prompts: [...start, { expect: 'Receiving address', pick: typo }, { expect: 'Receiving address', pick: '' }, { expect: 'Are they the same', pick: 'same' }, { expect: 'minimum', pick: 'above-minimum' }, { expect: 'announcements', pick: 'still-missing' }],
    });
    r.prompter.assertDone();
    expect(r.code).toBe(0);
    const said = r.stderr.replace(/\s+/g, ' ');
    expect(said).toContain('That is not a valid Litecoin (LTC) address (its checksum does not match: a character is probably mistyped). Correct it, or press Enter to keep it as it is.');
    expect(r.prompter.inputs.at(-1)!.default).toBe(typo);
    expect(said).toContain('Checking the address against the chain… the address is not a valid Litecoin (LTC) address (its checksum does not match: a character is probably mistyped); the question is asked');
    expect(said).not.toContain('cannot tell');
    // Not an address at all, for Ethereum; corrected at once, nothing more to say. In Chinese too.
    const eth = await run(['--lang', 'zh', 'diagnose', 'deposit-missing'], {
      tty: true,
      env: { CI: '1' },
      prompts: [...start.slice(0, 2), { pick: 'Ethereum' }, { pick: '' }, { pick: 'confirmed' }, { pick: 'hello world' }, { pick: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed' }, { pick: 'same' }, { pick: 'above-minimum' }, { pick: 'still-missing' }],
    });
    eth.prompter.assertDone();
    expect(eth.stderr.replace(/\s+/g, '')).toContain('这不是有效的以太坊（ETH）地址（格式不对）。请改正，或直接回车按原样保留。');
    // An XRP destination tag is a number: "abc" is said at once, and can be corrected.
    const xrp = await run(['diagnose', 'withdrawal-delayed', '--agent', '--answer', 'status=broadcast', '--no-checks'], {
      tty: true,
      prompts: [
        { pick: 'not-found' },
        ...['Account ID', 'When it happened', 'Amount', 'Transaction ID'].map((expect) => ({ expect, pick: '' })),
        { expect: 'Coin and network', pick: 'XRP' },
        { expect: 'Receiving address', pick: '' },
        { expect: 'Memo', pick: 'abc' },
        { expect: 'Memo', pick: '12345' },
        { expect: 'Error message', pick: '' },
      ],
    });
    xrp.prompter.assertDone();
    expect(xrp.stderr.replace(/\s+/g, ' ')).toContain('That is not a destination tag XRP Ledger (XRP) takes: a tag is a whole number of up to 10 digits.');
    expect(xrp.stdout).toContain('Memo / tag: 12345');
  });

  it('checks a handle without its platform as verify does: asked again with the platform, never official (QA: author #1)', async () => {
    const directory = readFileSync(join(ROOT, 'directory/example.yaml'), 'utf8').replace(
      '      general:\n',
      '      general:\n        - { type: social, value: "x:examplewallet_help", hours: "24/7" }\n',
    );
    const files = { 'dir.yaml': directory };
    const base = ['--contacts', 'dir.yaml', 'diagnose', 'suspicious-contact', '--answer', 'request=nothing-sensitive', '--answer', 'first-contact=they-contacted-me'];
    const r = await run(base, { tty: true, files, prompts: [{ expect: 'Type the number', pick: '@examplewallet_help' }, { expect: 'Type the number', pick: 'telegram:examplewallet_help' }] });
    r.prompter.assertDone();
    expect(r.code).toBe(0);
    expect(r.stderr.replace(/\s+/g, ' ')).toContain('"@examplewallet_help" does not say which platform the account is on, and the same name can be anyone\'s on another platform: type it again with its platform, such as telegram:examplewallet_help or x:examplewallet_help');
    expect((r.stdout + r.stderr).replace(/\s+/g, ' ')).not.toContain('is one of the official contacts');
    const script = await run([...base, '--check-input', 'claimed-contact=@examplewallet_help', '--json'], { files });
    expect(script.code).toBe(2);
    expect(JSON.parse(script.stdout).error).toMatchObject({ code: 'invalid_check_input', message: expect.stringContaining('does not say which platform it is on') });
    const telegram = await run([...base, '--check-input', 'claimed-contact=https://t.me/examplewallet_help', '--json'], { files });
    expect(JSON.parse(telegram.stdout).checks).toEqual([expect.objectContaining({ result: 'lookalike' })]);
    const x = await run([...base, '--check-input', 'claimed-contact=https://x.com/examplewallet_help', '--json'], { files });
    expect(JSON.parse(x.stdout).checks).toEqual([expect.objectContaining({ result: 'official' })]);
  });

  it('says a short service number typed for the contact is one, as verify does (QA: checks review)', async () => {
    const base = ['diagnose', 'suspicious-contact', '--answer', 'request=nothing-sensitive', '--answer', 'first-contact=they-contacted-me'];
    const r = await run(base, { tty: true, prompts: [{ expect: 'Type the number', pick: '95588' }, { expect: 'Type the number', pick: '' }] });
    r.prompter.assertDone();
    expect(r.stderr.replace(/\s+/g, ' ')).toContain('"95588" is a short service number, which cannot be compared with the directory: look it up on the provider\'s official website or in its app. Type another contact, or leave it empty to skip.');
    const script = await run([...base, '--check-input', 'claimed-contact=955 88', '--json']);
    expect(script.code).toBe(2);
    expect(JSON.parse(script.stdout).error).toMatchObject({ code: 'invalid_check_input', message: expect.stringContaining('is a short service number') });
  });

  it('does not quote back words that are no contact, which may be most of a recovery phrase (QA: Chinese user)', async () => {
    const base = ['diagnose', 'suspicious-contact', '--answer', 'request=nothing-sensitive', '--answer', 'first-contact=they-contacted-me'];
    const words = 'legal winner thank year wave';
    const r = await run(base, { tty: true, prompts: [{ pick: words }, { pick: 'hello there' }, { pick: '' }] });
    r.prompter.assertDone();
    const said = r.stderr.replace(/\s+/g, ' ');
    expect(said).toContain('That is not a phone number, e-mail address, website or handle, and is not repeated here.');
    expect(said).not.toContain('winner');
    // A word or two, a contact mistyped, is quoted, to be corrected.
    expect(said).toContain('"hello there" is not a phone number');
    const zh = await run(['--lang', 'zh', ...base], { tty: true, prompts: [{ pick: words }, { pick: '' }] });
    expect(zh.stderr.replace(/\s+/g, '')).toContain('刚才输入的不是电话号码、邮箱、网址或社交媒体账号，这里不再显示。');
    expect(zh.stderr).not.toContain('winner');
    // Eight list words or more in a row are most of a phrase: refused as one, and never shown (QA: Chinese user: nine words).
    const nine = await run(base, { tty: true, prompts: [{ pick: 'legal winner thank year wave sausage worth useful legal' }, { pick: '' }] });
    nine.prompter.assertDone();
    expect(nine.stderr.replace(/\s+/g, ' ')).toContain('That looks like a recovery phrase.');
    expect(nine.stderr + nine.stdout).not.toContain('winner');
    expect(nine.prompter.inputs[0]!.mask?.('legal winner thank year wave sausage worth useful')).toBe(true);
  });

  it('takes a WeChat or QQ account as a Chinese user types it, and asks for the platform of one typed without it (QA: Chinese user)', async () => {
    const base = ['--lang', 'zh', 'diagnose', 'suspicious-contact', '--answer', 'request=nothing-sensitive', '--answer', 'first-contact=they-contacted-me'];
    const r = await run(base, { tty: true, prompts: [{ expect: '输入对方使用的', pick: 'kefu888' }, { expect: '输入对方使用的', pick: '微信：kefu888' }] });
    r.prompter.assertDone();
    expect(r.code).toBe(0);
    expect(r.stderr.replace(/\s+/g, '')).toContain('“kefu888”没有写明是哪个平台的账号。请写明是哪个平台的账号后重新输入，例如“微信:kefu888”“QQ:12345678”');
    expect(r.stdout.replace(/\s+/g, '')).toContain('微信：kefu888');
    for (const contact of ['qq：12345678', 'QQ号 12345678', 'wechat：kefu123']) {
      const script = await run([...base, '--check-input', `claimed-contact=${contact}`, '--json']);
      expect(script.code, contact).toBe(0);
      expect(JSON.parse(script.stdout).checks, contact).toEqual([expect.objectContaining({ result: 'unknown' })]);
    }
    const bare = await run(['diagnose', 'suspicious-contact', '--answer', 'request=nothing-sensitive', '--answer', 'first-contact=they-contacted-me', '--check-input', 'claimed-contact=kefu888', '--json']);
    expect(bare.code).toBe(2);
    expect(JSON.parse(bare.stdout).error).toMatchObject({ code: 'invalid_check_input', message: 'The account given for "claimed-contact" does not say which platform it is on: give it with the platform before it, such as wechat:name or telegram:name.' });
  });

  it('checks a contact the way verify does: a national number needs its country, an official number can still be faked (QA: zh user)', async () => {
    const r = await run(['diagnose', 'suspicious-contact', '--answer', 'request=nothing-sensitive', '--answer', 'first-contact=they-contacted-me'], {
      tty: true,
      prompts: [
        { expect: 'Type the number', pick: '020 7946 0321' },
        { expect: 'Type the number', pick: '+1 202-555-0199' },
      ],
    });
    r.prompter.assertDone();
    expect(r.code).toBe(0);
    expect(r.stderr.replace(/\s+/g, ' ')).toContain('"020 7946 0321" has no country code and cannot be compared: type it again with + and its country code first, such as +86 for China');
    const all = (r.stdout + r.stderr).replace(/\s+/g, ' ');
    expect(all).toContain('✔ Checked: +1 202-555-0199 is an official contact of Example Wallet (security support).');
    expect(all).toContain('caller ID can be faked');
    const script = await run(['diagnose', 'suspicious-contact', '--answer', 'request=nothing-sensitive', '--answer', 'first-contact=they-contacted-me', '--check-input', 'claimed-contact=020 7946 0321', '--json']);
    expect(script.code).toBe(2);
    expect(JSON.parse(script.stdout).error).toMatchObject({ code: 'invalid_check_input', message: expect.stringContaining('give it with + and its country code first') });
    // The prompt's own note and the Back hint, in Chinese, without a space between them.
    const zh = await run(['--lang', 'zh', 'diagnose', 'suspicious-contact', '--answer', 'request=nothing-sensitive', '--answer', 'first-contact=they-contacted-me'], { tty: true, prompts: [{ pick: '' }] });
    expect(zh.prompter.inputs[0]!.message).toMatch(/——输入 < 返回上一步$/);
  });

  it('goes back from a fact to the one before, and from the first fact to the last question', async () => {
    const r = await run(['diagnose', 'contact-support', '--agent', '--answer', 'topic=account'], {
      tty: true,
      prompts: [
        { expect: 'Account ID — leave empty to skip, type < to go back', pick: 'U-1' },
        { expect: 'When it happened', pick: '<' },
        { expect: 'Account ID', pick: '<' },
        { expect: 'Ask the caller', pick: 'account' },
        { expect: 'Account ID', pick: 'U-2' },
        { expect: 'When it happened', pick: '' },
        { expect: 'Amount', pick: '' },
        { expect: 'Error message', pick: '' },
      ],
    });
    r.prompter.assertDone();
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Account ID: U-2');
    expect(r.stdout).not.toContain('U-1');
  });
});

describe('summaries', () => {
  it('list the steps the user was given, in the reader\'s language, numbered as a list in Markdown too (QA: desk)', async () => {
    const text = (await run(['diagnose', 'payment-failed', '--network', 'offline', '--summary', 'text'])).stdout;
    const steps = text.slice(text.indexOf('Steps given\n'));
    expect(steps).toMatch(/^Steps given\n {2}1\. Switch between Wi-Fi and mobile data/);
    expect(steps).toContain('\n  5. Try the payment again once other apps load normally.');
    const md = (await run(['diagnose', 'payment-failed', '--network', 'offline', '--summary', 'md'])).stdout;
    expect(md).toMatch(/### Steps given\n\n?1\. Switch between Wi-Fi and mobile data/);
    const zh = (await run(['--lang', 'zh', 'diagnose', 'payment-failed', '--network', 'offline', '--summary', 'text'])).stdout;
    expect(zh).toMatch(/给出的处理步骤\n {2}1\. /);
  });

  it('say when a case began as well as when it ended, when it ran over a minute: a resumed case was first reported earlier (QA: agent)', async () => {
    const { renderSummary } = await import('../src/render/summary.js');
    const { translator } = await import('../src/i18n/i18n.js');
    const flow = (await bundledFlows()).find((f) => f.id === 'forgot-password')!;
    const record: CaseRecord = {
      id: '0123456789abcdef', status: 'finished', flow: flow.id, version: flow.version, lang: 'en', role: 'agent',
      startedAt: '2026-11-22T15:00:00.000Z', endedAt: '2026-11-23T07:46:20.000Z', timeZone: 'UTC',
      path: [], checks: [], outcome: null, contact: null, facts: {},
    };
    const [en, zh] = await Promise.all([translator('en'), translator('zh')]);
    expect(renderSummary(record, flow, 'text', en, 'en')).toContain('Time: 22 Nov 2026, 15:00 to 23 Nov 2026, 07:46 (UTC)');
    expect(renderSummary(record, flow, 'text', zh, 'zh')).toContain('时间：2026年11月22日 15:00 至 2026年11月23日 07:46（UTC）');
    // Within the minute: one time.
    const quick = { ...record, startedAt: '2026-11-23T07:46:01.000Z' };
    expect(renderSummary(quick, flow, 'text', en, 'en')).toContain('Time: 23 Nov 2026, 07:46 (UTC)');
    // Within one day, the date once (noticed: "06:53 至" repeated it); the day is the zone's, not UTC's.
    const sameDay = { ...record, startedAt: '2026-11-23T06:53:00.000Z' };
    expect(renderSummary(sameDay, flow, 'text', en, 'en')).toContain('Time: 23 Nov 2026, 06:53 to 07:46 (UTC)');
    expect(renderSummary(sameDay, flow, 'text', zh, 'zh')).toContain('时间：2026年11月23日 06:53 至 07:46（UTC）');
    const overMidnight = { ...sameDay, startedAt: '2026-11-22T23:50:00.000Z', endedAt: '2026-11-23T00:10:00.000Z', timeZone: 'Asia/Shanghai' };
    expect(renderSummary(overMidnight, flow, 'text', en, 'en')).toContain('23 Nov 2026, 07:50 to 08:10');
    expect(renderSummary({ ...overMidnight, timeZone: 'UTC' }, flow, 'text', en, 'en')).toContain('22 Nov 2026, 23:50 to 23 Nov 2026, 00:10');
  });

  it('in Markdown, turn what was typed into code, so a typed link is never live', async () => {
    const r = await run(['diagnose', 'contact-support', '--answer', 'topic=payments', '--answer', 'payment-kind=crypto', '--fact', 'amount=[click](https://evil.io)', '--fact', 'error=<img src=x> `E1` **bold**', '--summary', 'md']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('- Amount: `[click](https://evil.io)`');
    expect(r.stdout).toContain('- Error message: ``<img src=x> `E1` **bold**``');
    // Text from files is escaped rather than quoted as code.
    expect(r.stdout).toMatch(/\(topic=payments\)/);
  });

  it('come as text, Markdown or JSON with time, flow, answers, outcome, contact and facts', async () => {
    const args = ['diagnose', 'contact-support', '--answer', 'topic=payments', '--answer', 'payment-kind=crypto', '--fact', 'txid=4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b', '--fact', 'amount=0.5 LTC'];
    const md = await run([...args, '--summary', 'md']);
    expect(md.code).toBe(0);
    // Not saved: no id that "cases show" could not find.
    expect(md.stdout).toContain('## Case summary (not saved)');
    expect(md.stdout).not.toMatch(/Case [0-9a-f]{8}/);
    expect(md.stdout).toContain('Flow: contact-support (version 1)');
    expect(md.stdout).toContain('- Transaction ID (TxID): `4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b`');
    expect(md.stdout).toContain('### Contact shown');
    const doc = json((await run([...args, '--summary', 'json', '--json'])).stdout);
    // Embedded as an object: a script reads it without parsing a string of JSON.
    expect(typeof doc.summary).toBe('object');
    const record = doc.summary;
    expect(record).not.toHaveProperty('id');
    expect(doc).not.toHaveProperty('case');
    expect(record).toMatchObject({ status: 'finished', flow: 'contact-support', version: 1, outcome: { kind: 'escalate', queue: 'payments' }, facts: { amount: '0.5 LTC' } });
    // The provider by name and by id, as in the contact card (QA: script).
    expect(record.contact).toMatchObject({ provider: 'Example Wallet', providerId: 'example-wallet' });
    expect(record.path).toEqual([
      { question: 'topic', answer: 'payments' },
      { question: 'payment-kind', answer: 'crypto' },
    ]);
    expect(record.timeZone).toMatch(/\w/);
    expect((await run([...args, '--summary', 'pdf'])).code).toBe(2);
  });

  it('in Markdown: the case lines a list, copied whole (never wrapped), the team named, a closed line marked (QA: agent)', async () => {
    const args = ['diagnose', 'contact-support', '--answer', 'topic=payments', '--answer', 'payment-kind=crypto', '--fact', 'txid=4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b', '--summary', 'md'];
    // A Sunday: the phone lines are closed.
    const now = new Date('2026-11-22T03:00:00Z');
    const md = await run(args, { tty: true, columns: 40, now });
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('\n- Time: ');
    expect(md.stdout).toContain('\n- Flow: contact-support (version 1)');
    // Longer than the terminal, and still one line: a ticket gets the code span whole.
    expect(md.stdout).toContain('- Transaction ID (TxID): `4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b`');
    expect(md.stdout).toMatch(/- Phone: .* \(closed at 22 Nov 2026, \d\d:\d\d .+\)/);
    // With its hours on a line of their own, for a callback planned from the ticket, and the list the steps point to (QA: desk).
    expect(md.stdout).toMatch(/- Phone: [^\n]+\n {2}- Hours: Mon–Fri 09:00–18:00; Sat 10:00–14:00 \(Asia\/Shanghai\)\n/);
    expect(md.stdout).toMatch(/### Have this ready\n- [^\n]+\n- /);
    // A holiday the card shows is in the ticket too (review).
    const holiday = await run(['diagnose', 'contact-support', '--answer', 'topic=payments', '--answer', 'payment-kind=crypto', '--summary', 'md', '--now', '2026-10-01T11:00:00+08:00']);
    expect(holiday.stdout).toContain('\n  - Hours: Mon–Fri 09:00–18:00; Sat 10:00–14:00 (Asia/Shanghai) · closed this day (National Day)\n');
    const zh = await run(['--lang', 'zh', ...args], { now });
    expect(zh.stdout).toContain('支付客服（队列 payments）');
    expect(zh.stdout).toMatch(/电话：.*（2026年11月22日 \d\d:\d\d .+时为非服务时间）/);
  });

  it('never carry a secret', async () => {
    const r = await run(['diagnose', 'fees', '--answer', 'fee-type=hotline', '--fact', 'error=card 4111 1111 1111 1111 declined', '--summary', 'text']);
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).not.toContain('4111 1111');
  });
});

describe('the case log', () => {
  it('--no-save keeps one case out of the log where the saveCases setting keeps every case, in a batch too (QA: desk)', async () => {
    const env = { WALLET_HELP_CONFIG_DIR: tempDir() };
    expect((await run(['config', 'set', 'saveCases', 'true'], { env })).code).toBe(0);
    const test = await run(['diagnose', 'payment-failed', '--network', 'offline', '--no-save'], { env });
    expect(test.code).toBe(0);
    expect(test.stdout).not.toContain('Case saved');
    expect(existsSync(join(env.WALLET_HELP_CONFIG_DIR, 'cases.jsonl'))).toBe(false);
    const kept = await run(['diagnose', 'payment-failed', '--network', 'offline'], { env });
    expect(kept.stdout).toContain('Case saved');
    const batch = await run(['diagnose', '--batch', '--no-save'], { env, stdin: '{"flow":"payment-failed","answers":{"network":"offline"}}\n' });
    expect(batch.code).toBe(0);
    expect(lines(join(env.WALLET_HELP_CONFIG_DIR, 'cases.jsonl'))).toHaveLength(1);
  });

  it('keeps saved cases and lists, shows, counts and exports them', async () => {
    const env = { WALLET_HELP_CONFIG_DIR: tempDir() };
    await run(['diagnose', 'payment-failed', '--network', 'offline', '--save'], { env });
    await run(['diagnose', 'contact-support', '--answer', 'topic=account', '--save', '--fact', 'error=He said: "wait, then retry"\nline two', '--fact', 'account-id=张三-001'], { env });
    const list = json((await run(['cases', 'list', '--json'], { env })).stdout);
    expect(list.map((c: { flow: string }) => c.flow)).toEqual(['payment-failed', 'contact-support']);
    const show = await run(['cases', 'show', list[1].id.slice(0, 8)], { env });
    expect(show.stdout).toContain('Account ID: 张三-001');
    const stats = json((await run(['cases', 'stats', '--json'], { env })).stdout);
    expect(stats).toMatchObject({ cases: 2, finished: 2, byFlow: { 'payment-failed': 1, 'contact-support': 1 }, escalatedShare: 0.5, byExitPoint: { 'payment-failed/network=offline': 1, 'contact-support/topic=account': 1 } });
    expect((await run(['cases', 'list', '--json', '--outcome', 'escalate'], { env })).stdout).toContain('contact-support');
    expect(json((await run(['cases', 'list', '--json', '--flow', 'fees'], { env })).stdout)).toEqual([]);
  });

  it('says when filters match nothing, and suggests a flow for a mistyped --flow', async () => {
    const env = { WALLET_HELP_CONFIG_DIR: tempDir() };
    expect((await run(['cases', 'list', '--flow', 'fees'], { env })).stdout).toContain('No saved cases. Save cases with --save');
    await run(['diagnose', 'payment-failed', '--network', 'offline', '--save'], { env });
    const later = await run(['cases', 'list', '--since', '2099-01-01T00:00:00Z'], { env });
    expect(later.code).toBe(0);
    expect(later.stdout).toBe('No saved case matches these filters.\n');
    const typo = await run(['cases', 'list', '--flow', 'paymnet-failed'], { env });
    expect(typo.code).toBe(0);
    expect(typo.stdout).toBe('No saved case matches these filters.\n');
    expect(typo.stderr).toContain('There is no flow "paymnet-failed". Did you mean payment-failed?');
    const typoJson = await run(['cases', 'list', '--flow', 'paymnet-failed', '--json'], { env });
    expect(json(typoJson.stdout)).toEqual([]);
    expect(typoJson.stderr).toContain('Did you mean payment-failed?');
    // A known flow with no cases is no typo.
    expect((await run(['cases', 'list', '--flow', 'fees'], { env })).stderr).toBe('');
    const zh = await run(['--lang', 'zh', 'cases', 'list', '--flow', 'fees'], { env });
    expect(zh.stdout).toBe('没有符合这些筛选条件的排查记录。\n');
    // An export that matches nothing keeps its data (the CSV header, or no line) and says so on standard error (QA: support staff).
    const csv = await run(['cases', 'export', '--format', 'csv', '--flow', 'fees'], { env });
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\r\n')).toHaveLength(2);
    expect(csv.stderr).toBe('No saved case matches these filters.\n');
    const jsonl = await run(['cases', 'export', '--format', 'jsonl', '--flow', 'fees'], { env });
    expect(jsonl.stdout).toBe('');
    expect(jsonl.stderr).toBe('No saved case matches these filters.\n');
  });

  it('warns of an --outcome that no flow has, with the closest, as for --flow; an id, a kind or cancelled is no typo (QA: desk)', async () => {
    const env = { WALLET_HELP_CONFIG_DIR: tempDir() };
    await run(['diagnose', 'payment-failed', '--network', 'offline', '--save'], { env });
    const typo = await run(['cases', 'list', '--outcome', 'fix-conection'], { env });
    expect(typo.code).toBe(0);
    expect(typo.stdout).toBe('No saved case matches these filters.\n');
    expect(typo.stderr.replace(/\s+/g, ' ')).toContain('No flow has an outcome "fix-conection": give an outcome id (as "wallet-help flows show FLOW" lists them), a kind (fix, escalate or alert) or cancelled. Did you mean fix-connection?');
    expect((await run(['cases', 'stats', '--outcome', 'nope', '--json'], { env })).stderr).toContain('No flow has an outcome "nope"');
    for (const known of ['escalate-payments', 'alert', 'cancelled', 'fix-connection']) expect((await run(['cases', 'list', '--outcome', known], { env })).stderr).toBe('');
    const zh = await run(['--lang', 'zh', 'cases', 'list', '--outcome', 'nope'], { env });
    expect(zh.stderr).toContain('没有哪个流程有名为“nope”的结果');
    // The flow id to type is named as the other Chinese hints name what to type, not with an English FLOW (QA: zh editor).
    expect(zh.stderr).toContain('可用“wallet-help flows show 流程编号”查看');
  });

  it('counts a flow that asks nothing under an exit point that says so, not as a case left before its first question (QA: desk)', async () => {
    const env = { WALLET_HELP_CONFIG_DIR: tempDir() };
    await run(['diagnose', 'account-compromised', '--save'], { env });
    // A case cancelled at its first question is still one left at the start.
    expect((await run(['diagnose', 'payment-failed', '--save'], { env, tty: true, prompts: [{ pick: 'cancel' }] })).code).toBe(130);
    expect(json((await run(['cases', 'stats', '--json'], { env })).stdout).byExitPoint).toEqual({ 'account-compromised/(no questions)': 1, 'payment-failed/(start)': 1 });
    const text = (await run(['cases', 'stats'], { env })).stdout;
    expect(text).toContain('account-compromised/(no question: straight to the outcome)');
    expect(text).toContain('payment-failed/(start)');
    expect((await run(['--lang', 'zh', 'cases', 'stats'], { env })).stdout).toContain('account-compromised/（无需提问，直接得出结果）');
  });

  it('shows a case as one JSON document with --json', async () => {
    const env = { WALLET_HELP_CONFIG_DIR: tempDir() };
    await run(['diagnose', 'payment-failed', '--network', 'offline', '--save'], { env });
    const [saved] = json((await run(['cases', 'list', '--json'], { env })).stdout);
    const shown = await run(['cases', 'show', saved.id.slice(0, 8), '--json'], { env });
    expect(shown.code).toBe(0);
    expect(json(shown.stdout)).toEqual(saved);
    expect(shown.stdout).toBe((await run(['cases', 'show', saved.id, '--format', 'json'], { env })).stdout);
  });

  it('lists case ids whose digits pass for a card number as ids, not as a secret refused (a flaky test found one)', async () => {
    const dir = tempDir();
    const env = { WALLET_HELP_CONFIG_DIR: dir };
    await run(['diagnose', 'payment-failed', '--network', 'offline', '--save'], { env });
    const [first] = lines(join(dir, 'cases.jsonl')).map(json);
    const id = 'd951b010-dc70-4cda-9cdf-432181568278';
    writeFileSync(join(dir, 'cases.jsonl'), `${JSON.stringify({ ...first, id })}\n${JSON.stringify({ ...first, id: `${id}-2` })}\n`);
    const r = await run(['cases', 'show', 'd951b010'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr.replace(/\s+/g, ' ')).toContain(`Several cases start with "d951b010": ${id}, ${id}-2. Give more of the id.`);
  });

  it('counts a case cancelled and then finished once: its latest line is its state', async () => {
    const dir = tempDir();
    const env = { WALLET_HELP_CONFIG_DIR: dir };
    await run(['diagnose', 'payment-failed', '--network', 'offline', '--save'], { env });
    const [first] = lines(join(dir, 'cases.jsonl')).map(json);
    // The same id again, as --resume writes it after a cancelled run, and a second case whose id starts the same.
    appendFileSync(join(dir, 'cases.jsonl'), `${JSON.stringify({ ...first, status: 'finished', endedAt: '2026-11-20T10:05:00.000Z' })}\n`);
    const list = json((await run(['cases', 'list', '--json'], { env })).stdout);
    expect(list).toHaveLength(1);
    expect(list[0].endedAt).toBe('2026-11-20T10:05:00.000Z');
    expect(json((await run(['cases', 'stats', '--json'], { env })).stdout).cases).toBe(1);
    expect((await run(['cases', 'export', '--format', 'jsonl'], { env })).stdout.trim().split('\n')).toHaveLength(1);
    appendFileSync(join(dir, 'cases.jsonl'), `${JSON.stringify({ ...first, id: `${first.id}-2` })}\n`);
    const show = await run(['cases', 'show', first.id, '--json'], { env });
    expect(show.code).toBe(0);
    expect(json(show.stdout).id).toBe(first.id);
    // The ids to choose from, each as far as it differs from the others (QA: desk).
    expect((await run(['cases', 'show', first.id.slice(0, 8)], { env })).stderr.replace(/\s+/g, ' ')).toContain(`Several cases start with "${first.id.slice(0, 8)}": ${first.id}, ${first.id}-2. Give more of the id.`);
    appendFileSync(join(dir, 'cases.jsonl'), `${JSON.stringify({ ...first, id: `${first.id.slice(0, 7)}x-other` })}\n`);
    // Shown as cases list shows it where that start names it alone.
    expect((await run(['cases', 'show', first.id.slice(0, 7)], { env })).stderr.replace(/\s+/g, ' ')).toContain(`: ${first.id}, ${first.id}-2, ${first.id.slice(0, 7)}x. Give`);
    const ambiguous = await run(['cases', 'show', first.id.slice(0, 8), '--json'], { env });
    expect(ambiguous.code).toBe(2);
    expect(json(ambiguous.stdout).error).toMatchObject({ code: 'ambiguous_case', candidates: [first.id, `${first.id}-2`] });
    expect(json((await run(['cases', 'show', 'abcdef99', '--json'], { env })).stdout).error).toMatchObject({ code: 'unknown_case', id: 'abcdef99' });
    // An id copied from a ticket in capitals, or with spaces, is the same id (QA: agent); an empty one is no id.
    expect(json((await run(['cases', 'show', ` ${first.id.toUpperCase()} `, '--json'], { env })).stdout).id).toBe(first.id);
    const empty = await run(['cases', 'show', '', '--json'], { env });
    expect(empty.code).toBe(2);
    expect(json(empty.stdout).error.code).toBe('missing_case_id');
  });

  it('refuses a --format cases show does not write before looking for the case, so the mistake is named even when the id is not found (QA: README)', async () => {
    const env = { WALLET_HELP_CONFIG_DIR: tempDir() };
    const r = await run(['cases', 'show', 'abc', '--format', 'html', '--json'], { env });
    expect(r.code).toBe(2);
    expect(json(r.stdout).error).toMatchObject({ code: 'invalid_summary_format', value: 'html', values: ['text', 'md', 'json'] });
  });

  it('refuses --format text or md beside --json instead of letting --json silently win (QA)', async () => {
    const env = { WALLET_HELP_CONFIG_DIR: tempDir() };
    await run(['diagnose', 'payment-failed', '--network', 'offline', '--save'], { env });
    const [saved] = json((await run(['cases', 'list', '--json'], { env })).stdout);
    const r = await run(['cases', 'show', saved.id, '--format', 'md', '--json'], { env });
    expect(r.code).toBe(2);
    expect(json(r.stdout).error).toMatchObject({ code: 'option_conflict', options: ['--format', '--json'] });
    const text = await run(['cases', 'show', saved.id, '--json', '--format', 'text'], { env });
    expect(text.code).toBe(2);
    expect(json(text.stdout).error.message).toContain('--format text and --json cannot go together: --format text or md prints the case as a summary for a ticket, --json prints it as one JSON document');
    // The default format, or --format json, says the same as --json: no conflict.
    expect(json((await run(['cases', 'show', saved.id, '--json'], { env })).stdout).id).toBe(saved.id);
    expect(json((await run(['cases', 'show', saved.id, '--format', 'json', '--json'], { env })).stdout).id).toBe(saved.id);
  });

  it('opens a case whose id starts with eight digits by that start (not refused as a one-time code)', async () => {
    const dir = tempDir();
    const env = { WALLET_HELP_CONFIG_DIR: dir };
    await run(['diagnose', 'payment-failed', '--network', 'offline', '--save'], { env });
    const [saved] = lines(join(dir, 'cases.jsonl')).map(json);
    const id = `12345678${saved.id.slice(8)}`;
    writeFileSync(join(dir, 'cases.jsonl'), `${JSON.stringify({ ...saved, id })}\n`);
    for (const prefix of ['12345678', id]) {
      const show = await run(['cases', 'show', prefix, '--json'], { env });
      expect(show.stderr).toBe('');
      expect(show.code).toBe(0);
      expect(json(show.stdout).id).toBe(id);
    }
    // A number that names no case is still no case, and an eight-digit code elsewhere is still refused.
    expect((await run(['cases', 'show', '87654321'], { env })).stderr).toContain('87654321');
    expect((await run(['diagnose', 'payment-failed', '--network', '87654321'], { env })).stderr).toContain('one-time code');
  });

  it('exports CSV that a spreadsheet reads back exactly: quotes, commas, line breaks, Chinese', async () => {
    const env = { WALLET_HELP_CONFIG_DIR: tempDir() };
    const error = 'He said: "wait, then retry"\nline two';
    await run(['diagnose', 'contact-support', '--answer', 'topic=account', '--save', '--fact', `error=${error}`, '--fact', 'account-id=张三-001'], { env });
    const csv = (await run(['cases', 'export', '--format', 'csv'], { env })).stdout;
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]!.facts).toBe(`account-id: 张三-001\nerror: ${error}`);
    expect(rows[0]!.flow).toBe('contact-support');
    const jsonl = (await run(['cases', 'export', '--format', 'jsonl'], { env })).stdout.trim().split('\n');
    expect(json(jsonl[0]!).facts.error).toBe(error);
  });

  it('exports and shows a hand-edited log without its escape sequences and hidden characters (QA: robustness review)', async () => {
    const dir = tempDir();
    const env = { WALLET_HELP_CONFIG_DIR: dir };
    await run(['diagnose', 'contact-support', '--answer', 'topic=account', '--save', '--fact', 'account-id=ACC-1'], { env });
    const [saved] = lines(join(dir, 'cases.jsonl')).map(json);
    const edited = { ...saved, timeZone: 'UTC\u001b[2J', facts: { 'account-id': 'acc\u001b]0;PWNED\u0007ount', txid: 'ab\u200bcd' } };
    writeFileSync(join(dir, 'cases.jsonl'), `${JSON.stringify(edited)}\n`);
    const csv = (await run(['cases', 'export', '--format', 'csv'], { env })).stdout;
    for (const c of ['\u001b', '\u0007', '\u200b']) expect(csv).not.toContain(c);
    expect(csv).toContain('txid: abcd');
    const show = await run(['cases', 'show', saved.id.slice(0, 8)], { env });
    for (const c of ['\u001b', '\u0007', '\u200b']) expect(show.stdout).not.toContain(c);
    expect(show.stdout).toContain('abcd');
  });

  it('skips a torn last line with a warning and never rewrites the file', async () => {
    const dir = tempDir();
    const env = { WALLET_HELP_CONFIG_DIR: dir };
    await run(['diagnose', 'payment-failed', '--network', 'offline', '--save'], { env });
    appendFileSync(join(dir, 'cases.jsonl'), '{"id":"half-writ');
    const before = readFileSync(join(dir, 'cases.jsonl'));
    const r = await run(['cases', 'list', '--json'], { env });
    expect(r.code).toBe(0);
    expect(json(r.stdout)).toHaveLength(1);
    expect(r.stderr).toContain(`line 2 of the case log ${join(dir, 'cases.jsonl')} is incomplete`);
    expect(readFileSync(join(dir, 'cases.jsonl'))).toEqual(before);
  });

  it('skips, with a warning, a line edited into values it cannot show, and shows the good ones (QA: hostile review, cases crashed)', async () => {
    const dir = tempDir();
    const env = { WALLET_HELP_CONFIG_DIR: dir };
    await run(['diagnose', 'account-locked', '--no-input', '-a', 'lock-reason=security', '-a', 'own-activity=all-mine', '--save', '--agent'], { env });
    const file = join(dir, 'cases.jsonl');
    const good = JSON.parse(lines(file)[0]!) as Record<string, unknown>;
    const contact = good.contact as { channels: Record<string, unknown>[] };
    const edits: Record<string, unknown>[] = [
      { role: 'admin' },
      { lang: 'fr' },
      { path: [{ question: '__proto__', answer: 'x' }] },
      { checks: [null] },
      { checks: [{ name: 'connectivity', result: 'ok' }] },
      { contact: { ...contact, hoursAt: 'garbage' } },
      { contact: { ...contact, channels: [{ ...contact.channels[0], nextOpen: 'garbage' }] } },
      { outcome: { ...(good.outcome as object), id: 'constructor', kind: 'party' } },
      { endedAt: 'yesterday' },
      { facts: JSON.parse('{"__proto__": "x"}') as unknown },
    ];
    edits.forEach((edit, i) => appendFileSync(file, `${JSON.stringify({ ...good, ...edit, id: `${String(i).padStart(8, '0')}-0000-4000-8000-000000000000` })}\n`));
    for (const args of [['cases', 'list'], ['cases', 'list', '--json'], ['cases', 'export', '--format', 'csv'], ['cases', 'stats'], ['cases', 'show', String(good.id)]]) {
      const r = await run(args, { env });
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      expect(r.stderr, args.join(' ')).not.toMatch(/TypeError|RangeError|at .*\.js:\d+/);
      expect(r.stderr.match(/is not a case as wallet-help writes one \(a field is missing or holds something else, as after an edit by hand\); it is skipped/g) ?? [], args.join(' ')).toHaveLength(edits.length);
    }
    expect(json((await run(['cases', 'list', '--json'], { env })).stdout).map((c: { id: string }) => c.id)).toEqual([good.id]);
  });

  it('screens what users typed again as a saved case is shown or exported: a secret written into the log by hand is redacted (QA: hostile review)', async () => {
    const dir = tempDir();
    const env = { WALLET_HELP_CONFIG_DIR: dir };
    await run(['diagnose', 'account-locked', '--no-input', '-a', 'lock-reason=security', '-a', 'own-activity=all-mine', '--save'], { env });
    const file = join(dir, 'cases.jsonl');
    const record = JSON.parse(lines(file)[0]!) as CaseRecord;
    const phrase = generateMnemonic(english);
    writeFileSync(file, `${JSON.stringify({ ...record, facts: { ...record.facts, amount: phrase, error: 'my pw: Hunter22!' } })}\n`);
    for (const args of [['cases', 'show', record.id], ['cases', 'show', record.id, '--json'], ['cases', 'list', '--json'], ['cases', 'export', '--format', 'csv'], ['cases', 'export', '--format', 'jsonl']]) {
      const r = await run(args, { env });
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout, args.join(' ')).not.toContain(phrase.split(' ').slice(0, 3).join(' '));
      expect(r.stdout, args.join(' ')).not.toContain('Hunter22');
    }
    expect(readFileSync(file, 'utf8')).toContain(phrase);
  });

  it('lists times in the user\'s zone, named in the header, reads --since as that zone\'s time, and speaks the user\'s language (QA: agent)', async () => {
    const env = { WALLET_HELP_CONFIG_DIR: tempDir(), TZ: 'Asia/Shanghai' };
    // 10:00 UTC is 18:00 in Shanghai.
    await run(['diagnose', 'payment-failed', '--network', 'offline', '--save'], { env, now: new Date('2026-11-20T10:00:00Z') });
    await run(['diagnose', 'account-compromised', '--save', '--agent', '--no-input'], { env, now: new Date('2026-11-20T12:00:00Z') });
    const list = await run(['cases', 'list'], { env });
    expect(list.stdout).toMatch(/TIME \(Asia\/Shanghai\)/);
    expect(list.stdout).toContain('2026-11-20 18:00');
    // "after 19:00" in Shanghai: only the second case (20:00 there).
    const since = json((await run(['cases', 'list', '--since', '2026-11-20T19:00', '--json'], { env })).stdout);
    expect(since.map((c: { flow: string }) => c.flow)).toEqual(['account-compromised']);
    const zh = await run(['--lang', 'zh', 'cases', 'list'], { env });
    expect(zh.stdout).toContain('时间（Asia/Shanghai）');
    expect(zh.stdout).toContain('可自行解决 fix-connection');
    expect(zh.stdout).toContain('安全警报 alert-compromised');
    expect(zh.stdout).toContain('客服');
    // A case run in English, shown in Chinese: its outcome's title too, as its questions (QA: agent).
    const alert = json((await run(['cases', 'list', '--json'], { env })).stdout).find((c: { flow: string }) => c.flow === 'account-compromised');
    const shown = (await run(['--lang', 'zh', 'cases', 'show', alert.id], { env })).stdout;
    // (An agent's case: the title as the agent reads it.)
    const title = (await bundledFlows()).find((f) => f.id === 'account-compromised')!.outcomes['alert-compromised']!.agentTitle!;
    expect(shown).toContain(`安全警报：${title.zh}（alert-compromised）`);
    expect(shown).not.toContain(title.en);
  });

  it('keeps the clock\'s times for a case run with --now, and says the hours in its summary are for that instant (QA: agent)', async () => {
    const env = { WALLET_HELP_CONFIG_DIR: tempDir(), TZ: 'UTC' };
    // On a Sunday, an agent plans Monday's callback: hours for Monday 10:00, the case itself on Sunday.
    const sunday = new Date('2026-11-22T15:59:00Z');
    const args = ['diagnose', 'account-compromised', '--agent', '--no-input', '--save', '--summary', 'text', '--now', '2026-11-23T10:00:00Z'];
    const r = await run(args, { env, now: sunday });
    expect(r.code).toBe(0);
    const [saved] = json((await run(['cases', 'list', '--json'], { env })).stdout);
    expect(saved).toMatchObject({ startedAt: sunday.toISOString(), endedAt: sunday.toISOString() });
    expect(saved.contact.hoursAt).toBe('2026-11-23T10:00:00.000Z');
    expect(r.stdout).toContain('Time: 22 Nov 2026, 15:59');
    // With its zone: the ticket is read in other zones, and its Time line is another instant.
    expect(r.stdout).toContain('Phone: +1 202-555-0199 (open at 23 Nov 2026, 10:00 UTC)');
    expect(r.stdout).not.toContain('open now');
    // Found by the day it happened, not by the day the hours were for.
    expect(json((await run(['cases', 'list', '--since', '2026-11-22', '--json'], { env })).stdout)).toHaveLength(1);
    const zh = await run(['--lang', 'zh', 'cases', 'show', saved.id.slice(0, 8)], { env });
    expect(zh.stdout).toMatch(/2026年11月23日 10:00 UTC 时服务中/);
    // Without --now, the card says "open now"; the summary, read later in a ticket or in the case log, says when (QA: agent:
    // a saved case said "open now" whenever it was shown).
    const plain = await run(['diagnose', 'account-compromised', '--agent', '--no-input', '--save', '--summary', 'text'], { env, now: new Date('2026-11-23T10:00:00Z') });
    expect(plain.stdout).toContain('Phone: +1 202-555-0199 (open at 23 Nov 2026, 10:00 UTC)');
    expect(plain.stdout).toContain('● open now  Phone');
    const later = json((await run(['cases', 'list', '--json'], { env })).stdout)[0];
    const shownLater = await run(['cases', 'show', later.id.slice(0, 8)], { env, now: new Date('2026-11-24T03:00:00Z') });
    expect(shownLater.stdout).toContain('Phone: +1 202-555-0199 (open at 23 Nov 2026, 10:00 UTC)');
    expect(shownLater.stdout).not.toContain('open now');
    // The card on screen says it too: "open" at that time, not "open now".
    expect(r.stdout).toContain('Open or closed as of 23 Nov 2026, 10:00 your time (UTC): the time given with --now, not now.');
    expect(r.stdout).toContain('● open  Phone');
    const contacts = await run(['--lang', 'zh', 'contacts', 'security'], { env: { ...env, WALLET_HELP_NOW: '2026-11-23T10:00:00Z' } });
    expect(contacts.stdout).toContain('服务状态按你所在时区（UTC）2026年11月23日 10:00 计算：这是 --now 指定的时间，不是现在。');
    expect((await run(['contacts', 'security'], { env })).stdout).not.toContain('--now');
  });

  it('finds a case saved after a torn last line, glued to the fragment, and still reports the fragment (QA: README)', async () => {
    const dir = tempDir();
    const env = { WALLET_HELP_CONFIG_DIR: dir };
    await run(['diagnose', 'payment-failed', '--network', 'offline', '--save'], { env });
    appendFileSync(join(dir, 'cases.jsonl'), '{"id":"half-writ');
    const saved = json((await run(['diagnose', 'payment-failed', '--network', 'unstable', '--save', '--json'], { env })).stdout).case as string;
    const r = await run(['cases', 'list', '--json'], { env });
    expect(json(r.stdout).map((c: { id: string }) => c.id)).toContain(saved);
    expect(json(r.stdout)).toHaveLength(2);
    // The case was appended to the fragment's line: the file is not rewritten, the fragment is still reported.
    expect(readFileSync(join(dir, 'cases.jsonl'), 'utf8').split('\n')[1]!.startsWith(`{"id":"half-writ{"id":"${saved}"`)).toBe(true);
    expect(r.stderr).toContain(`line 2 of the case log ${join(dir, 'cases.jsonl')} is incomplete`);
    expect(r.stdout).not.toContain('glued');
    expect((await run(['cases', 'show', saved.slice(0, 8)], { env })).code).toBe(0);
  });

  it('loses nothing and never interleaves when two processes save at once', async () => {
    const dir = tempDir();
    const bundle = join(dir, 'store.mjs');
    await esbuild.build({ entryPoints: [join(ROOT, 'src/cases/store.ts')], bundle: true, platform: 'node', format: 'esm', outfile: bundle, logLevel: 'error', absWorkingDir: ROOT });
    const writer = join(dir, 'writer.mjs');
    writeFileSync(
      writer,
      `import { appendCase } from ${JSON.stringify(bundle)};
       const who = process.argv[2];
       const big = 'x'.repeat(3000);
       for (let i = 0; i < 200; i++) await appendCase(process.env, { id: who + '-' + i, status: 'finished', flow: 'f', version: 1, lang: 'en', role: 'user', startedAt: '', endedAt: '', timeZone: 'UTC', path: [], checks: [], outcome: null, contact: null, facts: { error: big } });`,
    );
    const spawnWriter = (who: string) =>
      new Promise<number | null>((resolve) => spawn(process.execPath, [writer, who], { cwd: ROOT, env: { ...process.env, WALLET_HELP_CONFIG_DIR: dir }, stdio: 'inherit' }).on('close', resolve));
    expect(await Promise.all([spawnWriter('a'), spawnWriter('b')])).toEqual([0, 0]);
    const all = lines(join(dir, 'cases.jsonl')).map((l) => json(l).id as string);
    expect(all).toHaveLength(400);
    expect(new Set(all).size).toBe(400);
  });
});

describe('--resume', () => {
  it('says a folder of unfinished cases it cannot read, with why, not only that there is no case (QA: robustness review)', async () => {
    const dir = tempDir();
    const env = { WALLET_HELP_CONFIG_DIR: dir };
    // A file where the folder should be: readdir fails as it does for a folder the user may not read.
    writeFileSync(join(dir, 'unfinished-cases'), 'not a folder');
    const r = await run(['diagnose', '--resume'], { tty: true, env });
    expect(r.code).toBe(2);
    expect(r.stderr.replace(/\s+/g, ' ')).toContain(`Warning: The folder of unfinished cases, ${join(dir, 'unfinished-cases')}, cannot be read (`);
    expect(r.stderr).toContain('There is no unfinished case to continue.');
  });

  it('continues the last unfinished interactive case after Ctrl+C', async () => {
    const env = { WALLET_HELP_CONFIG_DIR: tempDir(), TZ: 'Asia/Shanghai' };
    const first = await run(['diagnose', 'payment-failed', '--save'], { tty: true, env, prompts: [{ pick: 'ok' }, { pick: 'sufficient' }, { pick: 'cancel' }] });
    expect(first.code).toBe(130);
    const cancelled = json((await run(['cases', 'list', '--json'], { env })).stdout);
    expect(cancelled[0]).toMatchObject({ status: 'cancelled', path: [{ question: 'network', answer: 'ok' }, { question: 'balance', answer: 'sufficient' }] });
    const second = await run(['diagnose', '--resume'], { tty: true, env, prompts: [{ expect: 'verif', pick: 'pending' }] });
    second.prompter.assertDone();
    expect(second.code).toBe(0);
    expect(second.stdout.replace(/\s+/g, ' ')).toMatch(/Continuing case [0-9a-f]{8}, "Payment or transfer failed", started 20 Nov 2026, 18:00 Asia\/Shanghai\. Answers so far: 1\. Is your internet connection/);
    // Saved when cancelled and again when finished: one case, in its finished state, found by its full id.
    const list = json((await run(['cases', 'list', '--json'], { env })).stdout);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: cancelled[0].id, status: 'finished', outcome: { id: 'fix-verification-pending' } });
    const shown = await run(['cases', 'show', list[0].id], { env });
    expect(shown.code).toBe(0);
    expect(json((await run(['cases', 'stats', '--json'], { env })).stdout).cases).toBe(1);
    const third = await run(['diagnose', '--resume'], { tty: true, env });
    expect(third.code).toBe(2);
    expect(third.stderr).toContain('There is no unfinished case to continue.');
  });

  it('names every case by its id at Ctrl+C, so a caller who calls back gets their own case, and lists the others about the problem (QA: agent, desk)', async () => {
    const env = { WALLET_HELP_CONFIG_DIR: tempDir() };
    const argv = ['diagnose', 'payment-failed', '--agent', '--network', 'ok', '--balance', 'sufficient', '--verification', 'rejected'];
    // Caller A drops at the account ID, then caller B: two unfinished cases about one problem.
    const a = await run(argv, { tty: true, env, prompts: [{ expect: 'Account ID', pick: 'ACC-A' }, { expect: 'When it happened', pick: 'cancel' }] });
    expect(a.code).toBe(130);
    const flat = (text: string) => text.replace(/\s+/g, ' ');
    const b = await run(argv, { tty: true, env, prompts: [{ expect: 'Account ID', pick: 'ACC-B' }, { expect: 'When it happened', pick: 'cancel' }] });
    expect(b.code).toBe(130);
    const [first, second] = (await loadProgress(env)).sort((x, y) => (x.facts['account-id'] ?? '').localeCompare(y.facts['account-id'] ?? ''));
    expect([first!.facts['account-id'], second!.facts['account-id']]).toEqual(['ACC-A', 'ACC-B']);
    // A's hint names A, though no other case about the problem was waiting when A dropped: the flow's name would have
    // continued B's, the latest, by the time A called back (QA: desk).
    const hinted = /continue with "wallet-help (diagnose [0-9a-f]{8} --resume)"/.exec(flat(a.stderr));
    expect(hinted?.[1]).toBe(`diagnose ${first!.id.slice(0, 8)} --resume`);
    expect(flat(b.stderr)).toContain(`continue with "wallet-help diagnose ${second!.id.slice(0, 8)} --resume"`);
    // A calls back: the command A was given continues A's case, named by its id, with B's listed as another.
    const resumed = await run(hinted![1]!.split(' '), { tty: true, env, prompts: [{ expect: 'When it happened', pick: 'cancel' }] });
    expect(resumed.stdout).toContain('ACC-A');
    // B's account is said only to tell B's case from A's, in the list of the others (QA: desk: two cases begun in one minute).
    expect(flat(resumed.stdout)).toMatch(new RegExp(`wallet-help diagnose ${second!.id.slice(0, 8)} --resume \\(started [^)]*; account ACC-B; last answer: Rejected or failed\\)`));
    expect(flat(resumed.stdout).split('ACC-B')).toHaveLength(2);
    // An account ID that holds a secret (a file written before a rule was added) is not shown beside another case (review).
    const bFile = join(env.WALLET_HELP_CONFIG_DIR, 'unfinished-cases', `${second!.id}.json`);
    const key = 'e9873d79c6d87dc0fb6a5778633389f4453213303da61f20bd67fc233aa33262';
    writeFileSync(bFile, readFileSync(bFile, 'utf8').replace('ACC-B', key));
    const withKey = await run(hinted![1]!.split(' '), { tty: true, env, prompts: [{ expect: 'When it happened', pick: 'cancel' }] });
    expect(withKey.stdout).not.toContain(key.slice(0, 16));
    expect(flat(withKey.stdout)).toMatch(new RegExp(`wallet-help diagnose ${second!.id.slice(0, 8)} --resume \\(started [^)]*; last answer: Rejected or failed\\)`));
    writeFileSync(bFile, readFileSync(bFile, 'utf8').replace(key, 'ACC-B'));
    expect(flat(resumed.stdout)).toContain(`Continuing case ${first!.id.slice(0, 8)}, "Payment or transfer failed"`);
    expect(flat(resumed.stdout)).toMatch(new RegExp(`Other unfinished cases about this problem \\(not the one meant\\? Press Ctrl\\+C and continue the right one\\): wallet-help diagnose ${second!.id.slice(0, 8)} --resume \\(started `));
    // Ctrl+C at once, as the recap says to when the case is not the one meant: the hint to continue it is given again (review).
    const straightBack = await run(hinted![1]!.split(' '), { tty: true, env, prompts: [{ expect: 'When it happened', pick: 'cancel' }] });
    expect(flat(straightBack.stderr)).toContain(`continue with "wallet-help diagnose ${first!.id.slice(0, 8)} --resume"`);
    // The flow's name still continues the latest (B's), and says which, with A's listed.
    const latest = await run(['diagnose', 'payment-failed', '--resume'], { tty: true, env, prompts: [{ expect: 'When it happened', pick: 'cancel' }] });
    expect(flat(latest.stdout)).toContain(`Continuing case ${second!.id.slice(0, 8)}`);
    expect(flat(latest.stdout)).toContain(`wallet-help diagnose ${first!.id.slice(0, 8)} --resume (started`);
  });

  it('offers Back to the problem menu in a resumed case whose problem was chosen from it (QA: agent)', async () => {
    const env = { WALLET_HELP_CONFIG_DIR: tempDir() };
    const first = await run(['diagnose'], { tty: true, env, prompts: [{ expect: 'What is the problem', pick: 'payment-failed' }, { pick: 'ok' }, { pick: 'cancel' }] });
    expect(first.code).toBe(130);
    const resumed = await run(['diagnose', '--resume'], {
      tty: true,
      env,
      prompts: [{ pick: '__back' }, { pick: '__back' }, { expect: 'What is the problem', pick: 'cancel' }],
    });
    resumed.prompter.assertDone();
    // The first question, gone back to, offers Back (to the menu), as it did before Ctrl+C.
    expect(resumed.prompter.asked[1]!.choices.map((c) => c.value)).toContain('__back');
  });

  it('names the cases an id start fits when several unfinished ones do, as cases show does (review)', async () => {
    const env = { WALLET_HELP_CONFIG_DIR: tempDir() };
    const progress = (id: string) => ({ id, flow: 'payment-failed', version: 2, role: 'user' as const, save: false, startedAt: '2026-11-20T10:00:00.000Z', path: [{ question: 'network', answer: 'ok' }], checks: [], facts: {} });
    await saveProgress(env, progress('abcd1234-0000-4000-8000-000000000001'));
    await saveProgress(env, progress('abcd9999-0000-4000-8000-000000000002'));
    const r = await run(['diagnose', 'ABCD', '--resume'], { tty: true, env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Several cases start with "ABCD": abcd(?:1234, abcd9999|9999, abcd1234)\. Give more of the id\./);
  });

  it('continues a case whose id starts with eight digits by that start, as the hint at Ctrl+C names it (a flaky test found one)', async () => {
    const env = { WALLET_HELP_CONFIG_DIR: tempDir() };
    // The whole id's last group passes for a card number.
    const id = '48291375-dc70-4cda-9cdf-432181568278';
    const progress = { id, flow: 'payment-failed', version: 2, role: 'user' as const, save: false, startedAt: '2026-11-20T10:00:00.000Z', path: [{ question: 'network', answer: 'ok' }], checks: [], facts: {} };
    await saveProgress(env, progress);
    // Eight digits alone read as a one-time code; as diagnose's argument with --resume they are the start of a case id.
    for (const argv of [['diagnose', '48291375', '--resume'], ['diagnose', '--resume', '48291375'], ['diagnose', '--agent', '48291375', '--resume'], ['diagnose', id, '--resume']]) {
      const resumed = await run(argv, { tty: true, env, prompts: [{ pick: 'cancel' }] });
      expect(resumed.stderr).not.toContain('one-time code');
      expect(resumed.stdout.replace(/\s+/g, ' ')).toMatch(/Continuing case [0-9a-f]{8}, "Payment or transfer failed"/);
    }
    // Another mistake on that command line is that mistake, not a secret refused.
    const mistake = await run(['diagnose', '48291375', '--resume', '--summary', 'bogus'], { tty: true, env });
    expect(mistake.stderr.replace(/\s+/g, ' ')).toContain('--summary expects text, md or json, not "bogus".');
    // What names no case is screened before it is quoted; the value of an option is screened as what it is.
    for (const argv of [['diagnose', '87654321', '--resume'], ['diagnose', '4111111111111111', '--resume'], ['diagnose', '--network', '48291375', '--resume']]) {
      const refused = await run(argv, { tty: true, env });
      expect(refused.code).toBe(2);
      expect(refused.stderr.replace(/\s+/g, ' ')).toMatch(/looks like a (?:one-time code|card number)/);
      expect(refused.stderr).not.toContain(argv.find((arg) => /^\d+$/.test(arg)));
    }
  });

  it('names, for a flow with no unfinished case, the command that continues the latest one, with its folder (QA: README)', async () => {
    const env = { WALLET_HELP_CONFIG_DIR: tempDir() };
    const progress = (id: string, flow: string, path: { question: string; answer: string }[]) => ({ id, flow, version: 1, role: 'user' as const, save: false, startedAt: '2026-11-20T10:00:00.000Z', path, checks: [], facts: {} });
    const flows = tempDir('wallet-help-flows-');
    writeFileSync(join(flows, 'card-declined.yaml'), CARD_DECLINED_FLOW);
    await saveProgress(env, progress('11111111-0000-4000-8000-000000000001', 'payment-failed', [{ question: 'network', answer: 'ok' }]));
    await new Promise((resolve) => setTimeout(resolve, 20));
    await saveProgress(env, progress('22222222-0000-4000-8000-000000000002', 'card-declined', [{ question: 'balance', answer: 'sufficient' }]));
    // This run has the operator folder: the command names the flow and the folder, so it continues that case and no other.
    const withFolder = await run(['--flows', flows, 'diagnose', 'fees', '--resume'], { tty: true, env });
    // (Read as one line: on a terminal the error is coloured and wrapped.)
    // eslint-disable-next-line no-control-regex -- the colour codes of the terminal run
    const said = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '').replace(/\s+/g, ' ');
    expect(withFolder.code).toBe(2);
    expect(said(withFolder.stderr)).toContain(`the last one is about "card-declined". Continue that with "wallet-help --flows ${flows} diagnose card-declined --resume"`);
    // Without it, the flow is not there to continue: said so, rather than a bare --resume that would continue payment-failed.
    const without = await run(['diagnose', 'fees', '--resume'], { tty: true, env });
    expect(without.code).toBe(2);
    expect(said(without.stderr)).toContain('the last one is about "card-declined", a flow this run does not have. To continue that, give its folder with --flows');
    expect(said(without.stderr)).not.toContain('diagnose --resume"');
  });

  it('keeps one whole progress file when one case is saved by several runs at once (resumed in two terminals)', async () => {
    const env = { WALLET_HELP_CONFIG_DIR: tempDir() };
    const id = '3f2b8c1e-0000-4000-8000-000000000001';
    const progress = (n: number) => ({ id, flow: 'payment-failed', version: 2, role: 'user' as const, save: false, startedAt: '2026-11-20T10:00:00.000Z', path: [{ question: 'network', answer: `ok-${n}-${'x'.repeat(20_000)}` }], checks: [], facts: {} });
    // Written at once, as two runs do: each write aside must be its own, or one renames another's half-written file, or finds it gone.
    const saved = await Promise.allSettled(Array.from({ length: 20 }, (_, n) => saveProgress(env, progress(n))));
    expect(saved.filter((r) => r.status === 'rejected')).toEqual([]);
    const [kept] = await loadProgress(env);
    expect(kept?.id).toBe(id);
    expect(kept?.path[0]?.answer).toMatch(/^ok-\d+-x{20000}$/);
    expect(readdirSync(join(env.WALLET_HELP_CONFIG_DIR, 'unfinished-cases'))).toEqual([`${id}.json`]);
  });

  it('removes the files aside a run killed mid-write left (its process gone, or older than a minute), never one being written (QA: kill -9)', async () => {
    const env = { WALLET_HELP_CONFIG_DIR: tempDir() };
    const folder = join(env.WALLET_HELP_CONFIG_DIR, 'unfinished-cases');
    mkdirSync(folder);
    // A process that has ended, and one that runs (this test's parent).
    const gone = await new Promise<number>((resolve) => {
      const child = spawn(process.execPath, ['-e', '0']);
      child.on('exit', () => resolve(child.pid!));
    });
    const id = '3f2b8c1e-0000-4000-8000-000000000002';
    const aside = (pid: number, n: number) => `${id}.json.${pid}-${n}.tmp`;
    const files = { dead: aside(gone, 1), running: aside(process.ppid, 1), stale: aside(process.ppid, 2), own: aside(process.pid, 999), other: 'notes.tmp' };
    const write = () => {
      for (const name of Object.values(files)) writeFileSync(join(folder, name), '{"cut');
      const longAgo = new Date(Date.now() - 5 * 60_000);
      utimesSync(join(folder, files.stale), longAgo, longAgo);
    };
    write();
    await saveProgress(env, { id, flow: 'payment-failed', version: 2, role: 'user', save: false, startedAt: '2026-11-20T10:00:00.000Z', path: [{ question: 'network', answer: 'ok' }], checks: [], facts: {} });
    expect(readdirSync(folder).sort()).toEqual([`${id}.json`, files.own, files.running, files.other].sort());
    // --resume reads the folder, and tidies it the same way.
    write();
    const [kept] = await loadProgress(env);
    expect(kept?.id).toBe(id);
    expect(readdirSync(folder).sort()).toEqual([`${id}.json`, files.own, files.running, files.other].sort());
  });

  it('goes on when the progress cannot be kept (a file where its folder should be), says so once, and promises no --resume', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'unfinished-cases'), 'not a folder');
    const env = { WALLET_HELP_CONFIG_DIR: dir };
    const done = await run(['diagnose', 'payment-failed', '--save'], { tty: true, env, prompts: [{ pick: 'ok' }, { pick: 'sufficient' }, { pick: 'pending' }] });
    done.prompter.assertDone();
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('Case saved as');
    expect(done.stderr.match(/cannot be kept in/g)).toHaveLength(1);
    expect(done.stderr.replace(/\s+/g, ' ')).toContain(`${join(dir, 'unfinished-cases')} (a part of the path is a file, not a folder)`);
    expect(done.stderr).not.toContain('inside wallet-help');
    const cancelled = await run(['diagnose', 'payment-failed'], { tty: true, env, prompts: [{ pick: 'ok' }, { pick: 'cancel' }] });
    expect(cancelled.code).toBe(130);
    expect(cancelled.stderr).toContain('cannot be kept');
    expect(cancelled.stderr).not.toContain('What was answered is kept');
    expect(readFileSync(join(dir, 'unfinished-cases'), 'utf8')).toBe('not a folder');
  });

  it('ends with the summary in the format the case was begun with (QA: agent)', async () => {
    const env = { WALLET_HELP_CONFIG_DIR: tempDir() };
    const first = await run(['diagnose', 'payment-failed', '--summary', 'md'], { tty: true, env, prompts: [{ pick: 'ok' }, { pick: 'cancel' }] });
    expect(first.code).toBe(130);
    const second = await run(['diagnose', '--resume'], { tty: true, env, prompts: [{ pick: 'insufficient' }] });
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('## Case summary (not saved)');
  });

  it('refuses to go on in a flow whose version changed since, and names a flow file broken since (QA: README)', async () => {
    const env = { WALLET_HELP_CONFIG_DIR: tempDir() };
    const folder = tempDir('wallet-help-resume-flows-');
    const file = join(folder, 'fees.yaml');
    const text = readFileSync(join(ROOT, 'flows/fees.yaml'), 'utf8');
    writeFileSync(file, text);
    const first = await run(['--flows', folder, 'diagnose', 'fees'], { tty: true, env, prompts: [{ pick: 'transfer' }, { pick: 'cancel' }] });
    expect(first.code).toBe(130);
    // The author changed the tree and bumped the version, as the guide says: the old answers may lead elsewhere now.
    const version = Number(/^version: (\d+)$/m.exec(text)![1]);
    writeFileSync(file, text.replace(/^version: (\d+)$/m, `version: ${version + 1}`));
    const changed = await run(['--flows', folder, 'diagnose', '--resume'], { tty: true, env });
    expect(changed.code).toBe(2);
    // Said with why, and the command that starts the case again with what was answered.
    expect(changed.stderr.replace(/\s+/g, ' ')).toContain(
      `The unfinished case cannot be continued: it began with version ${version} of the flow "fees", which is version ${version + 1} now, and the same answers may lead elsewhere. Start a new case; this command gives it the answers that still fit: wallet-help --flows ${folder} diagnose fees --answer fee-type=transfer`,
    );
    // Changed without a new version: the answer the flow no longer offers is named, and left out of the command.
    writeFileSync(file, text.replaceAll('transfer', 'send'));
    const answerGone = await run(['--flows', folder, 'diagnose', '--resume'], { tty: true, env });
    expect(answerGone.code).toBe(2);
    const goneSaid = answerGone.stderr.replace(/\s+/g, ' ').trim();
    expect(goneSaid).toContain('the flow "fees" no longer offers "transfer" as an answer to "fee-type".');
    expect(goneSaid.endsWith(`this command gives it the answers that still fit: wallet-help --flows ${folder} diagnose fees`)).toBe(true);
    // A mistake in the file since: the run says which file and what, not that there is nothing to continue.
    writeFileSync(file, text.replace('start: fee-type', 'start: fee-typo'));
    const broken = await run(['--flows', folder, 'diagnose', '--resume'], { tty: true, env });
    expect(broken.code).toBe(2);
    const said = broken.stderr.replace(/\s+/g, ' ');
    expect(said).toContain(`The flow "fees" exists in ${file} but is broken`);
    expect(said).toContain('did you mean "fee-type"? See them all');
    // Put back as it was, the case goes on.
    writeFileSync(file, text);
    const back = await run(['--flows', folder, 'diagnose', '--resume'], { tty: true, env, prompts: [{ pick: 'cancel' }] });
    expect(back.stdout).toContain('Answers so far:');
  });

  it('goes on as the case began: its role, its saving and its facts, with a recap in the user\'s language', async () => {
    const dir = tempDir();
    const env = { WALLET_HELP_CONFIG_DIR: dir, TZ: 'Asia/Shanghai' };
    const first = await run(['diagnose', 'contact-support', '--agent', '--save'], { tty: true, env, prompts: [{ expect: 'Ask the caller', pick: 'payments' }, { pick: 'cancel' }] });
    expect(first.code).toBe(130);
    // Neither --agent nor --save again: the case keeps both.
    const second = await run(['diagnose', '--resume'], {
      tty: true,
      env,
      prompts: [
        { expect: 'Ask the caller whether the transaction involved', pick: 'crypto' },
        { expect: 'Account ID', pick: 'U-1' },
        { expect: 'When it happened', pick: '' },
        { expect: 'Amount', pick: '' },
        { expect: 'TxID', pick: '' },
        { expect: 'chain', pick: 'LTC' },
        { expect: 'Receiving address', pick: 'cancel' },
      ],
    });
    second.prompter.assertDone();
    expect(second.code).toBe(130);
    // A flow with no unfinished case, named with --resume, is refused, naming the last case's flow; the case's own flow is fine.
    const other = await run(['diagnose', 'login-failed', '--resume'], { tty: true, env });
    expect(other.code).toBe(2);
    expect(other.stderr.replace(/\s+/g, ' ')).toContain('There is no unfinished case about "login-failed": the last one is about "contact-support".');
    const third = await run(['diagnose', 'contact-support', '--resume'], {
      tty: true,
      env,
      // The facts typed before Ctrl+C are kept; those left empty are asked again, from the first of them on, as
      // "<" would have gone back to it: the chain typed after them is offered on the way, ready to correct. A one-time
      // code read out is refused in the agent's wording, as the case began, though this run has no --agent.
      // No memo: LTC has none.
      prompts: [{ expect: 'When it happened', pick: 'my OTP is 123456' }, ...['When it happened', 'Amount', 'TxID', 'chain', 'Receiving address'].map((expect) => ({ expect, pick: '' }))].concat({ expect: 'Error message', pick: 'E42' }),
    });
    expect(third.prompter.inputs.find((q) => q.message.includes('chain'))).toMatchObject({ default: 'LTC' });
    expect(third.stderr).toContain('What the caller gave looks like a one-time code.');
    expect(third.stderr).not.toContain('Never share it with anyone');
    third.prompter.assertDone();
    expect(third.code).toBe(0);
    expect(third.stdout).toMatch(/Continuing case [0-9a-f]{8}, "Contact support", started 20 Nov 2026,\s18:00 Asia\/Shanghai\./);
    expect(third.stdout).toContain('Case facts so far:\n  Account ID: U-1\n  Coin and network (chain): LTC\n');
    // Agent wording and the ticket summary with every fact, saved as the agent's case.
    expect(third.stdout).toMatch(/Case [0-9a-f]{8}\n/);
    expect(third.stdout).toContain('Coin and network (chain): LTC');
    expect(third.stdout).toContain('Error message: E42');
    const saved = lines(join(dir, 'cases.jsonl')).map(json);
    expect(new Set(saved.map((c) => c.id)).size).toBe(1);
    expect(saved.at(-1)).toMatchObject({ status: 'finished', role: 'agent', facts: { 'account-id': 'U-1', chain: 'LTC', error: 'E42' } });
    expect(saved.every((c) => c.role === 'agent')).toBe(true);
  });

  it('keeps every unfinished case: another case begun meanwhile loses none (QA: agent)', async () => {
    const dir = tempDir();
    const env = { WALLET_HELP_CONFIG_DIR: dir };
    // A call cut off mid-case, then the next caller's case, finished: the first is still there to continue.
    const first = await run(['diagnose', 'payment-failed', '--agent', '--save'], { tty: true, env, prompts: [{ pick: 'ok' }, { pick: 'sufficient' }, { pick: 'cancel' }] });
    expect(first.code).toBe(130);
    expect(first.stderr.replace(/\s+/g, ' ')).toMatch(/continue with "wallet-help diagnose [0-9a-f]{8} --resume"/);
    const between = await run(['diagnose', 'fees'], { tty: true, env, prompts: [{ pick: 'transfer' }, { pick: 'cancel' }] });
    expect(between.code).toBe(130);
    const finished = await run(['diagnose', 'forgot-password'], { tty: true, env, prompts: [{ pick: 'has-access' }, { pick: 'received' }] });
    expect(finished.code).toBe(0);
    // --resume takes the latest unfinished case; naming a flow takes that flow's.
    const latest = await run(['diagnose', '--resume'], { tty: true, env, prompts: [{ pick: 'cancel' }] });
    expect(latest.stdout).toMatch(/Continuing case [0-9a-f]{8}, "Questions about fees"/);
    const named = await run(['diagnose', 'payment-failed', '--resume'], { tty: true, env, prompts: [{ expect: 'verif', pick: 'pending' }] });
    named.prompter.assertDone();
    expect(named.code).toBe(0);
    expect(named.stdout).toMatch(/Continuing case [0-9a-f]{8}, "Payment or transfer failed"/);
    expect(named.stdout).toContain('Ask the caller');
    // Finished, it is no longer unfinished; the other still is.
    const again = await run(['diagnose', 'payment-failed', '--resume'], { tty: true, env });
    expect(again.code).toBe(2);
    expect(again.stderr.replace(/\s+/g, ' ')).toContain('There is no unfinished case about "payment-failed": the last one is about "fees".');
    expect(readdirSync(join(dir, 'unfinished-cases'))).toHaveLength(1);
  });

  it('continues an operator flow\'s case with its folder, and without it the latest case this run has (QA: review)', async () => {
    const env = { WALLET_HELP_CONFIG_DIR: tempDir() };
    const folder = tempDir('wallet-help-desk-flows-');
    writeFileSync(join(folder, 'desk-fees.yaml'), readFileSync(join(ROOT, 'flows/fees.yaml'), 'utf8').replace(/^id: fees$/m, 'id: desk-fees'));
    await run(['diagnose', 'payment-failed'], { tty: true, env, prompts: [{ pick: 'ok' }, { pick: 'cancel' }] });
    const desk = await run(['--flows', folder, 'diagnose', 'desk-fees'], { tty: true, env, prompts: [{ pick: 'transfer' }, { pick: 'cancel' }] });
    expect(desk.stderr.replace(/\s+/g, ' ')).toMatch(new RegExp(`continue with "wallet-help --flows ${folder.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} diagnose [0-9a-f]{8} --resume"`));
    // Without the folder, the latest case this run has; with it, the desk's case.
    const without = await run(['diagnose', '--resume'], { tty: true, env, prompts: [{ pick: 'cancel' }] });
    expect(without.stdout).toMatch(/Continuing case [0-9a-f]{8}, "Payment or transfer failed"/);
    const withFolder = await run(['--flows', folder, 'diagnose', 'desk-fees', '--resume'], { tty: true, env, prompts: [{ pick: 'cancel' }] });
    expect(withFolder.stdout).toMatch(/Continuing case [0-9a-f]{8}, "Questions about fees"/);
    // Only the desk's case left, and no folder: said so, not "nothing to continue".
    const alone = { WALLET_HELP_CONFIG_DIR: tempDir() };
    await run(['--flows', folder, 'diagnose', 'desk-fees'], { tty: true, env: alone, prompts: [{ pick: 'transfer' }, { pick: 'cancel' }] });
    const lost = await run(['diagnose', '--resume'], { tty: true, env: alone });
    expect(lost.code).toBe(2);
    expect(lost.stderr.replace(/\s+/g, ' ')).toContain('The unfinished case is about "desk-fees", a flow this run does not have: give the folder of that flow with --flows');
    // A bundled flow's case needs no folder.
    const bundled = await run(['--flows', folder, 'diagnose', 'fees'], { tty: true, env: alone, prompts: [{ pick: 'transfer' }, { pick: 'cancel' }] });
    expect(bundled.stderr.replace(/\s+/g, ' ')).toMatch(/continue with "wallet-help diagnose [0-9a-f]{8} --resume"/);
  });

  it('keeps at most the last MAX_UNFINISHED unfinished cases, and takes over the old single progress file', async () => {
    const dir = tempDir();
    const env = { WALLET_HELP_CONFIG_DIR: dir };
    const legacy = { id: 'c-legacy', flow: 'fees', version: (await bundledFlows()).find((f) => f.id === 'fees')!.version, startedAt: '2026-11-19T09:00:00Z', path: [{ question: 'fee-type', answer: 'transfer' }] };
    writeFileSync(join(dir, 'case-in-progress.json'), JSON.stringify(legacy));
    for (let i = 0; i < MAX_UNFINISHED + 2; i++) await run(['diagnose', 'payment-failed'], { tty: true, env, prompts: [{ pick: 'ok' }, { pick: 'cancel' }] });
    expect(readdirSync(join(dir, 'unfinished-cases'))).toHaveLength(MAX_UNFINISHED);
    // The old single file's case is still there to continue (not counted among the kept, nor pruned), and gone once
    // finished; moving in and going on took no other case's place.
    const oldest = await run(['diagnose', 'fees', '--resume'], { tty: true, env, prompts: [{ pick: 'domestic' }] });
    oldest.prompter.assertDone();
    expect(oldest.stdout).toMatch(/Continuing case c-legacy, "Questions about fees"/);
    expect(existsSync(join(dir, 'case-in-progress.json'))).toBe(false);
    expect(readdirSync(join(dir, 'unfinished-cases'))).toHaveLength(MAX_UNFINISHED);
  });

  it('shows the recap in Chinese for a Chinese user', async () => {
    const env = { WALLET_HELP_CONFIG_DIR: tempDir(), TZ: 'Asia/Shanghai' };
    await run(['--lang', 'zh', 'diagnose', 'payment-failed'], { tty: true, env, prompts: [{ pick: 'ok' }, { pick: 'cancel' }] });
    const r = await run(['--lang', 'zh', 'diagnose', '--resume'], { tty: true, env, prompts: [{ pick: 'insufficient' }] });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/继续排查记录 [0-9a-f]{8}：“支付或转账失败”，开始于 2026年11月20日\s18:00 Asia\/Shanghai。\n目前的回答：\n {2}1\. 你现在的网络连接正常吗？——正常/);
  });

  it('reads a damaged or edited progress file as input: bad fields dropped, secrets taken out of the case and the file', async () => {
    const dir = tempDir();
    const env = { WALLET_HELP_CONFIG_DIR: dir };
    const progress = { id: 'c-1', flow: 'payment-failed', startedAt: '2026-11-20T09:00:00Z', path: [{ question: 'network', answer: 'ok' }], role: 'root', save: 'yes', checks: 'none', facts: { chain: 'LTC', txid: 5, evil: 'x' } };
    writeFileSync(join(dir, 'case-in-progress.json'), JSON.stringify(progress));
    const r = await run(['diagnose', '--resume'], { tty: true, env, prompts: [{ expect: 'available balance', pick: 'insufficient' }] });
    r.prompter.assertDone();
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Case facts so far:\n  Coin and network (chain): LTC\n');
    expect(r.stdout).not.toContain('evil');
    expect(r.stdout).not.toContain('Case saved');
    // A secret among its facts: taken out, said with the file, and the case goes on (QA: robustness review; the whole
    // case was refused, the phrase left on disk, and the message said it "was not stored").
    writeFileSync(join(dir, 'case-in-progress.json'), JSON.stringify({ ...progress, facts: { chain: 'LTC', error: 'abandon ability able about above absent absorb abstract absurd abuse access accident' } }));
    const secret = await run(['diagnose', '--resume', '--summary', 'text'], { tty: true, env, prompts: [{ expect: 'available balance', pick: 'insufficient' }] });
    secret.prompter.assertDone();
    expect(secret.code).toBe(0);
    expect(secret.stdout + secret.stderr).not.toContain('abandon ability');
    expect(secret.stderr.replace(/\s+/g, ' ')).toContain('held what looks like a recovery phrase among its facts: it was taken out of the case and the file, and is asked for again.');
    expect(secret.stdout).toContain('Coin and network (chain): LTC');
    expect(secret.stdout).toMatch(/Secrets given during the case[\s\S]*recovery phrase/);
    const onDisk = (folder: string): string[] => readdirSync(folder, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? onDisk(join(folder, e.name)) : [readFileSync(join(folder, e.name), 'utf8')]));
    expect(onDisk(dir).join('\n')).not.toContain('abandon');
    // An escape sequence in a fact (refused when typed) is left out and asked again, never shown or logged.
    writeFileSync(join(dir, 'case-in-progress.json'), JSON.stringify({ ...progress, facts: { chain: 'LTC', 'account-id': 'acc\u001b]0;PWNED\u0007ount' } }));
    const escaped = await run(['diagnose', '--resume'], { tty: true, env, prompts: [{ expect: 'available balance', pick: 'insufficient' }] });
    expect(escaped.code).toBe(0);
    expect(escaped.stdout + escaped.stderr).not.toContain('PWNED');
    writeFileSync(join(dir, 'case-in-progress.json'), '{"flow": 7}');
    expect((await run(['diagnose', '--resume'], { tty: true, env })).stderr).toContain('There is no unfinished case to continue.');
  });

  it('says which unfinished case cannot be read (cut off, junk, not a case), continues the latest good one, and leaves the damaged as they are', async () => {
    const dir = tempDir();
    const env = { WALLET_HELP_CONFIG_DIR: dir };
    const first = await run(['diagnose', 'payment-failed'], { tty: true, env, prompts: [{ pick: 'ok' }, { pick: 'cancel' }] });
    expect(first.code).toBe(130);
    const folder = join(dir, 'unfinished-cases');
    const damaged = { 'cut.json': '{"id":"cut","flow":"login-failed","startedAt":"2026-11-20T09:00:00Z","pa', 'junk.json': Buffer.from([0xff, 0x00, 0x1b, 0x7b]), 'list.json': '[1, 2]' };
    for (const [name, content] of Object.entries(damaged)) writeFileSync(join(folder, name), content);
    const r = await run(['diagnose', '--resume'], { tty: true, env, prompts: [{ expect: 'available balance', pick: 'insufficient' }] });
    r.prompter.assertDone();
    expect(r.code).toBe(0);
    const said = r.stderr.replace(/\s+/g, ' ');
    expect(said).toContain(`The unfinished case in ${join(folder, 'cut.json')} cannot be continued (it is not JSON: damaged or cut off); it is skipped and left as it is.`);
    expect(said).toContain(`${join(folder, 'junk.json')} cannot be continued (it is not JSON`);
    expect(said).toContain(`${join(folder, 'list.json')} cannot be continued (it does not hold a case as wallet-help writes one)`);
    for (const [name, content] of Object.entries(damaged)) expect(readFileSync(join(folder, name))).toEqual(Buffer.from(content));
    // Only damaged ones left: still said, before there is nothing to continue.
    const none = await run(['diagnose', '--resume'], { tty: true, env });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('cut.json');
    expect(none.stderr).toContain('There is no unfinished case to continue.');
  });

  it('says up to ten damaged unfinished cases one by one and counts the rest, as the case log\'s damaged lines are (QA: one line per file, no cap)', async () => {
    const dir = tempDir();
    const env = { WALLET_HELP_CONFIG_DIR: dir };
    const folder = join(dir, 'unfinished-cases');
    mkdirSync(folder);
    for (let i = 0; i < 25; i++) writeFileSync(join(folder, `junk-${i}.json`), '{"cut');
    const r = await run(['diagnose', '--resume'], { tty: true, env, columns: 1000 });
    expect(r.code).toBe(2);
    const warnings = r.stderr.split('\n').filter((line) => line.startsWith('Warning: '));
    expect(warnings).toHaveLength(11);
    expect(warnings.slice(0, 10).every((w) => w.includes('cannot be continued (it is not JSON'))).toBe(true);
    expect(warnings[10]).toBe(`Warning: 15 more unfinished cases in ${folder} cannot be continued; they are skipped and left as they are.`);
    expect(r.stderr).toContain('There is no unfinished case to continue.');
    expect((await run(['--lang', 'zh', 'diagnose', '--resume'], { tty: true, env, columns: 1000 })).stderr).toContain(`${folder} 中还有 15 条未完成排查记录无法继续，已跳过并保持原样。`);
  });

  it('needs a terminal', async () => {
    expect((await run(['diagnose', '--resume'])).stderr).toContain('needs a terminal');
  });
});

describe('typed text with bidirectional or C1 controls in JSON documents (hostile review)', () => {
  // JSON.stringify escapes only C0: a fact holding U+202E came out raw in --json and reversed the line where a chatbot or terminal showed it.
  it('is written as \\u escapes by diagnose --json and by cases show, list and export', async () => {
    const dir = tempDir();
    const env = { WALLET_HELP_CONFIG_DIR: dir };
    const amount = '5\u202e\u2028\u009bLTC';
    // Such a fact is refused when it is given (it is not the value it looks like), and the refusal never carries it raw.
    const refused = await run(['diagnose', 'payment-failed', '--network', 'offline', '--fact', `amount=${amount}`, '--save', '--json'], { env });
    expect(refused.code).toBe(2);
    expect(JSON.parse(refused.stdout).error.code).toBe('invalid_fact');
    expect(refused.stdout).not.toMatch(/[\u202e\u2028\u009b]/);
    // A case log written before that (or by hand) may still hold one: never shown raw.
    const r = await run(['diagnose', 'payment-failed', '--network', 'offline', '--fact', 'amount=5LTC', '--save', '--json'], { env });
    expect(r.code).toBe(0);
    const log = join(dir, 'cases.jsonl');
    writeFileSync(log, readFileSync(log, 'utf8').replace('"5LTC"', JSON.stringify(amount)));
    const id = JSON.parse(r.stdout).case as string;
    for (const argv of [['cases', 'show', id, '--json'], ['cases', 'list', '--json'], ['cases', 'export', '--format', 'jsonl']]) {
      const out = (await run(argv, { env })).stdout;
      expect(out, argv.join(' ')).not.toMatch(/[\u202e\u2028\u009b]/);
    }
    // Read without the characters a prompt refuses (the override, the C1 control), as every output shows it.
    expect(JSON.parse((await run(['cases', 'show', id, '--json'], { env })).stdout).facts.amount).toBe('5\u2028LTC');
  });
});
