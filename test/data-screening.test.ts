/**
 * The texts of operator flows and directory files are screened: a flow may not
 * carry a contact, a secret or a request for a secret (any language), and a
 * directory's channels must be what their type says, at the official domain,
 * with notes free of secrets and requests. Every problem is placed at its text.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../src/data/located-yaml.js';
import { loadDirectoryFile, loadDirectoryText } from '../src/directory/load.js';
import { loadFlowFile, loadFlowText } from '../src/flows/load.js';
import { findContact, findRequest, screenDataText } from '../src/safety/data-text.js';
import { REDACTION_MARKERS } from '../src/safety/secrets.js';
import { problemTranslator, type ProblemKey } from '../src/i18n/problems.js';
import { CARD_DECLINED_FLOW, ROOT, run, tempDir } from './helpers.js';
import { LEGIT, SCAM } from './fixtures/screen-corpus.js';
import TS_CHARACTERS from 'opencc-js/dict/TSCharacters';

const FLOW = CARD_DECLINED_FLOW;
const STEP_EN = 'Contact payments support with the time and the exact error message.';
const STEP_ZH = '带上时间和完整的错误提示联系支付客服。';

const withEnStep = (text: string) => FLOW.replace(STEP_EN, JSON.stringify(text));
const withZhStep = (text: string) => FLOW.replace(STEP_ZH, JSON.stringify(text));
const flowProblems = (flow: string, lang: 'en' | 'zh' = 'en') => loadFlowText(flow, 'flows/card-declined.yaml', lang).problems.map(formatProblem);

/** The request a flow text is refused for, as the validator screens it (NFKC and all), if any. */
const request = (text: string) => screenDataText(text, { contacts: true }).find((f) => f.type === 'request');

describe('flow texts: contacts, secrets and requests are refused with their place', () => {
  const cases: [string, string, RegExp][] = [
    ['a phone number (QA: flows/phone)', withEnStep('Call our hotline +1 202-555-0177 or WhatsApp +44 7700 900123 with the time.'), /:23:15: .*\(en\) contains a phone number \("\+1 202-555-0177"\)/],
    ['a national number in Chinese (QA: flows/phonezh)', withZhStep('请拨打客服热线400-820-8820并带上时间和错误提示。'), /:23:\d+: .*\(zh\) contains a phone number \("400-820-8820"\)/],
    ['a URL (QA: flows/url)', withEnStep('Open https://examp1e-support.com/help and log in there.'), /:23:15: .*contains a web address \("https:\/\/examp1e-support\.com\/help"\)/],
    ['a bare domain glued to Chinese', withZhStep('请访问examp1e-support.com登录。'), /contains a web address \("examp1e-support\.com"\)/],
    ['an e-mail address (QA: flows/email)', withEnStep('Email helpdesk@wallet-rescue.io with the time.'), /contains an e-mail address \("helpdesk@wallet-rescue\.io"\)/],
    ['a social handle', withEnStep('Message @WalletHelpDesk on Telegram.'), /contains a social media handle \("@WalletHelpDesk"\)/],
    ['a request for the recovery phrase (QA: flows/seed)', withEnStep('Type your 12-word recovery phrase into the chat so an agent can restore access.'), /:23:15: .*asks for the recovery phrase/],
    ['a request for the seed phrase and key (QA: flows/seed2)', withEnStep('Send your seed phrase and private key to support for verification.'), /asks for the recovery phrase/],
    ['a request in Chinese (QA: flows/seedzh)', withZhStep('请把你的助记词发给客服以便核实。'), /\(zh\) asks for the recovery phrase/],
    ['a request for a one-time code', withEnStep('Tell the agent the verification code we sent you.'), /asks for a one-time code/],
    ['a request for a password', withEnStep('Email us your password so we can check the account.'), /asks for a password/],
    ['a request for remote access', withEnStep('Install AnyDesk so an agent can fix it for you.'), /asks for remote access/],
    ['a request for remote access in Chinese', withZhStep('请下载向日葵，客服会远程帮你处理。'), /\(zh\) asks for remote access/],
    ['a literal recovery phrase (QA: flows/literalseed)', withEnStep('Restore with: abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about'), /contains what looks like a recovery phrase/],
    ['a private key', withEnStep('Import 0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318 into the wallet.'), /contains what looks like a private key/],
    ['a labelled password', withEnStep('Log in with password: Hunter2!2024 and pay again.'), /contains what looks like a password;/],
    // QA (hostile input): phrasings that passed.
    ['seed words for the support agent', withEnStep('Give the support agent your seed words to unlock funds.'), /asks for the recovery phrase/],
    ['a screenshot of the backup phrase', withEnStep('Send us a screenshot of your backup phrase.'), /asks for the recovery phrase/],
    ['the code from the SMS', withEnStep('Tell the agent the code from the SMS.'), /asks for a one-time code/],
    ['a five-digit hotline in Chinese', withZhStep('请拨打客服热线 95188 获取帮助。'), /\(zh\) contains a phone number \("95188"\)/],
    ['a WeChat id in Chinese', withZhStep('加客服微信 evil_support 办理退款。'), /\(zh\) contains a social media handle \("evil_support"\)/],
    ['a QQ number', withZhStep('添加客服QQ号 12345678 处理。'), /contains a (?:phone number|social media handle) \("12345678"\)/],
    ['a Telegram id', withEnStep('Write to Telegram: help_desk for a refund.'), /contains a social media handle \("help_desk"\)/],
  ];
  it('names every kind of secret in both languages', () => {
    for (const kind of Object.keys(REDACTION_MARKERS)) {
      for (const lang of ['en', 'zh'] as const) expect(problemTranslator(lang)(`secret.${kind}` as ProblemKey), `${lang}: secret.${kind}`).not.toMatch(/undefined|^secret\./);
    }
  });

  for (const [name, flow, expected] of cases) {
    it(name, () => {
      const problems = flowProblems(flow);
      expect(problems).toEqual([expect.stringMatching(expected)]);
      // A secret is named by its kind, never quoted.
      expect(problems.join('\n')).not.toMatch(/abandon|4c0883a6/);
    });
  }

  it('refuses a question or outcome id shaped like a secret, which every diagnosis would refuse', () => {
    const hex = '4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318';
    const problems = flowProblems(FLOW.replaceAll('balance', hex));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatch(/looks like a private key; every input that looks like one is refused, so choose a plain name/);
    expect(problems.join('\n')).not.toContain('4c0883a6');
  });

  it('refuses a secret named in what to have ready for support, unless the item says never to give it (QA: operator)', () => {
    const withPrepare = (en: string, zh: string) => FLOW.replace('    queue: payments\n', `    queue: payments\n    prepare:\n      - { en: ${JSON.stringify(en)}, zh: ${JSON.stringify(zh)} }\n`);
    expect(flowProblems(withPrepare('The time and the exact error message', '时间和完整的错误提示'))).toEqual([]);
    expect(flowProblems(withPrepare('Your account ID (never your password)', '账户 ID（绝不要提供密码）'))).toEqual([]);
    const problems = flowProblems(withPrepare('Your 12-word recovery phrase, to confirm ownership', '你的助记词（用于核实身份）'));
    expect(problems).toEqual([
      expect.stringMatching(/item 1 \(en\) of what to have ready for outcome "escalate-declined" names the recovery phrase/),
      expect.stringMatching(/item 1 \(zh\) of what to have ready for outcome "escalate-declined" names the recovery phrase/),
    ]);
    expect(flowProblems(withPrepare('The 2FA code from your authenticator app', '短信验证码'))[0]).toMatch(/names a one-time code/);
    expect(flowProblems(withEnStep('Have your recovery phrase ready for the agent.'))[0]).toMatch(/asks for the recovery phrase/);
  });

  it('refuses a fix that points to the contacts shown below without a queue (QA: operator; the bundled flows were only checked by a test)', () => {
    const fix = 'Top up the card or use another payment method, then pay again.';
    expect(FLOW).toContain(fix);
    const problems = flowProblems(FLOW.replace(fix, 'If it still fails, use the contacts shown below.'));
    expect(problems).toEqual([expect.stringMatching(/outcome "fix-top-up-card" points to the contacts shown below, but names no queue/)]);
  });

  it('leaves alone texts that only name an app, a hotline or a code, or warn about them', () => {
    for (const text of ['Pay with WeChat Pay or Alipay.', 'Open the WeChat account of the provider only from the official app.', 'Call the hotline listed below within 24 hours.', 'If you shared the code from the SMS, change your password.', 'Never give the support agent your seed words.']) {
      expect(flowProblems(withEnStep(text)), text).toEqual([]);
    }
    for (const text of ['打开微信支付查看账单。', '拨打下方列出的热线电话。', '手续费是 10086 元以内。', '请在银行 App 中输入银行发送的验证码完成支付。']) expect(flowProblems(withZhStep(text)), text).toEqual([]);
  });

  it('also in titles, questions and test names', () => {
    const flow = FLOW.replace('title: { en: Card payment declined', 'title: { en: "Card payment declined: call +1 202-555-0111"')
      .replace('text: { en: Does the card have enough money?', 'text: { en: "Does the card have enough money? See example.org"')
      .replace('- { answers: { balance: insufficient }', '- { name: "send your password to support", answers: { balance: insufficient }');
    const problems = flowProblems(flow);
    expect(problems).toEqual([
      expect.stringMatching(/:3:\d+: the flow title \(en\) contains a phone number/),
      expect.stringMatching(/:8:\d+: the text of question "balance" \(en\) contains a web address \("example\.org"\)/),
      expect.stringMatching(/:25:\d+: the name of test 1 asks for a password/),
    ]);
  });

  it('warnings and descriptions of scams pass', () => {
    for (const text of [
      'Never give anyone your password, recovery phrase, private key or verification codes. Official support never asks for them.',
      'If someone asks you to send your recovery phrase, it is a scam.',
      'Enter the 6-digit code in the app before it expires.',
      'Change your wallet password and your email password.',
      'Read out the error code that appears on the screen.',
      'Write down your recovery phrase on paper and keep it offline.',
      'Since 2026-10-01 withdrawals take up to 24 hours; the minimum is 1,000.00 USD.',
      'Update to version 1.2.3 of the app, e.g. from the official store.',
    ]) {
      expect(screenDataText(text, { contacts: true }), text).toEqual([]);
    }
    for (const text of ['不要把密码、助记词、私钥或验证码告诉任何人。官方客服绝不会索要这些信息。', '不要以“找回资金”为由，把助记词或私钥交给任何人。', '是，或者我刚刚透露了密码、验证码或助记词', '是，或者刚刚透露了密码、验证码或助记词', '在过期前输入最新的验证码。']) {
      expect(screenDataText(text, { contacts: true }), text).toEqual([]);
    }
    expect(findContact('the card')).toBeUndefined();
    expect(findRequest('My recovery phrase')).toBeUndefined();
    expect(findRequest('Recovery phrase')).toBeUndefined();
  });

  it('reads only the runs of digits a phone number can stand in, so a number hidden among many others is still found (hostile review)', () => {
    expect(findContact('Call +1 202-555-0199 today.')).toEqual({ kind: 'phone', text: '+1 202-555-0199' });
    expect(findContact('Opens 2026-10-01 09:30; closed 2026-10-02.')).toBeUndefined();
    // A run longer than any number is written, or more runs of seven digits than prose holds, is reported as it is.
    expect(findContact(`Steps ${'1 '.repeat(40)}+1 202 555 0199`)?.kind).toBe('phone');
    // Digits of other scripts are digits to the phone-number library too.
    expect(findContact('call ٠١٠٨٨٨٨٨٨٨٨')?.kind).toBe('phone');
  });

  it('refuses a character shown as nothing in a text, a name or a key, and not the joiner of an emoji (QA: directory and authoring reviews)', () => {
    expect(flowProblems(withEnStep('Add the n\u200bew card.'))).toEqual([expect.stringMatching(/\(en\) contains the invisible character U\+200B \(ZWSP\), which shows as nothing/)]);
    expect(flowProblems(withEnStep('Add the new\u00ad card.'))).toEqual([expect.stringMatching(/contains the invisible character U\+00AD \(SHY\)/)]);
    expect(flowProblems(withEnStep('Add the new card 👩\u200d💻.'))).toEqual([]);
    expect(dirProblems(DIRECTORY.replace('name: Example Wallet', 'name: "Example\u200b Wallet"'))).toEqual([expect.stringMatching(/the provider name contains the invisible character U\+200B \(ZWSP\)/)]);
  });

  it('reads a text as it is seen: characters shown as nothing hide no contact, request or secret (hostile review)', () => {
    // Each was accepted before: the reader sees the number, the address or the request whole, the rules saw pieces.
    const hidden: [string, RegExp][] = [
      ['Call our hotline +1 4\u200b15 55\u200c5 01\u200d00 with the time.', /\(en\) contains a phone number \("\+1 415 555 0100"\)/],
      ['Email help\u2060@wallet-help-desk.com with the time.', /\(en\) contains an e-mail address \("help@wallet-help-desk\.com"\)/],
      ['Open https://wallet\u00adsupport.example.com with the time.', /\(en\) contains a web address \("https:\/\/walletsupport\.example\.com"\)/],
      ['Tell the agent your recov\u200bery phrase to verify the card.', /\(en\) asks for the recovery phrase/],
      ['Type your pass\ufe0fword into the chat with the time.', /\(en\) asks for a password/],
      ['Send us your seed\u3164phrase with the time.', /\(en\) asks for the recovery phrase/],
      ['Enter your priv\u{e0041}ate key here.', /\(en\) asks for a private key/],
    ];
    for (const [text, expected] of hidden) expect(flowProblems(withEnStep(text)), JSON.stringify(text)).toEqual([expect.stringMatching(expected)]);
    expect(flowProblems(withZhStep('请把助\u200b记\u200d词发给客服。'))).toEqual([expect.stringMatching(/\(zh\) asks for the recovery phrase/)]);
    // Full-width letters are read as letters, in what to have ready for support too.
    expect(flowProblems(withEnStep('Tell the agent your ｒｅｃｏｖｅｒｙ ｐｈｒａｓｅ.'))).toEqual([expect.stringMatching(/asks for the recovery phrase/)]);
    const prepare = flowProblems(FLOW.replace('    queue: payments\n', '    queue: payments\n    prepare:\n      - { en: "Your 12-word recov\\u200Bery phrase", zh: "你的十二个词" }\n'));
    // (What to have ready is a list of names, refused first for the character shown as nothing.)
    expect(prepare).toEqual([expect.stringMatching(/what to prepare for outcome "escalate-declined", entry 1 \(en\) contains the invisible character U\+200B \(ZWSP\)/)]);
    // Letters of other scripts that pass for Latin ones (a Cyrillic е, a Greek α) read as the word they pass for.
    const lookalikes: [string, string][] = [
      ['Tell the agent your r\u0435covery phrase.', 'recovery-phrase'],
      ['Type your p\u0430ssword in the chat.', 'password'],
      ['Send us your seed phr\u03b1se to check the card.', 'recovery-phrase'],
      ['Enter your \u0420RIVATE KEY here.', 'private-key'],
      // Accents set on letters, and small capitals, which NFKC leaves as they are.
      ['Send us your re\u0301covery phrase.', 'recovery-phrase'],
      ['Send us your récovery phrase.', 'recovery-phrase'],
      ['Send us your \u0280\u1d07\u1d04\u1d0f\u1d20\u1d07\u0280\u028f \u1d18\u029c\u0280\u1d00\ua731\u1d07.', 'recovery-phrase'],
    ];
    for (const [text, kind] of lookalikes) expect(screenDataText(text, { contacts: true }), text).toEqual([{ type: 'request', kind }]);
    // A web address with one is quoted as written: the letter is the trick the author is to see.
    expect(screenDataText('Open https://w\u0430llet-help.com with the time.', { contacts: true })).toEqual([{ type: 'contact', kind: 'url', text: 'https://w\u0430llet-help.com' }]);
    // Text in those scripts asks for nothing by being there.
    expect(screenDataText('Привет, καλημέρα: check the network first.', { contacts: true })).toEqual([]);
    expect(screenDataText('Café au lait, naïve résumé: check the network.', { contacts: true })).toEqual([]);
    // Chinese in Traditional characters (and Taiwan's words) reads as it does in Simplified: each passed before.
    const traditional: [string, string][] = [
      ['請把助記詞發給客服。', 'recovery-phrase'],
      ['請提供您的私鑰以完成驗證。', 'private-key'],
      ['請來電者告訴你登入密碼。', 'password'],
      ['請把驗證碼發給客服。', 'one-time-code'],
      ['請安裝遠端桌面軟體讓客服協助。', 'remote-access'],
      ['請把所有資金轉到安全帳戶。', 'move-funds'],
    ];
    for (const [text, kind] of traditional) expect(screenDataText(text, { contacts: true }), text).toEqual([{ type: 'request', kind }]);
    // 帐 is written for 账 in Simplified too.
    expect(screenDataText('请把钱转到安全帐户。', { contacts: true })).toEqual([{ type: 'request', kind: 'move-funds' }]);
    // And a Traditional warning is a warning still.
    expect(screenDataText('不要把助記詞告訴任何人，客服不會向你索取。', { contacts: true })).toEqual([]);
    // Emoji joined or styled with such characters are no trick: a text holding them passes.
    expect(flowProblems(withEnStep('Thanks for waiting 👨\u200d👩\u200d👧 ❤\ufe0f, we will look at the time.'))).toEqual([]);
  });

  it('reads printable ASCII as written, which is what lets the screen skip reading it (no such character is ignorable, changed by NFKC, or Traditional)', () => {
    const plain = [...Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)), '\t', '\n', '\r'];
    const traditional = new Set(TS_CHARACTERS.split('|').map((entry) => entry.slice(0, entry.indexOf(' '))));
    for (const ch of plain) {
      expect(/\p{Default_Ignorable_Code_Point}/u.test(ch), JSON.stringify(ch)).toBe(false);
      expect(ch.normalize('NFKC'), JSON.stringify(ch)).toBe(ch);
      expect(traditional.has(ch), JSON.stringify(ch)).toBe(false);
    }
    // And what lies just outside it is still read: full-width letters, a character shown as nothing, a control character.
    expect(screenDataText('Send us your ｒｅｃｏｖｅｒｙ ｐｈｒａｓｅ.', { contacts: true })).toEqual([{ type: 'request', kind: 'recovery-phrase' }]);
    expect(screenDataText('Send us your recov\u00adery phrase.', { contacts: true })).toEqual([{ type: 'request', kind: 'recovery-phrase' }]);
    expect(screenDataText('Send us your recov\u200bery phrase.', { contacts: true })).toEqual([{ type: 'request', kind: 'recovery-phrase' }]);
  });

  it('finds contacts written to slip past: spelled-out addresses, an ideographic dot, an IP address, odd separators, handles named by platform (hostile review)', () => {
    const contacts: [string, string, string][] = [
      ['Write to help at wallet dot com with the time.', 'email', 'help at wallet dot com'],
      // Defanged, as security write-ups show addresses, and in Chinese (QA: hostile review).
      ['Open evil[.]io to unlock the account.', 'url', 'evil[.]io'],
      ['Open wallet-help(.)com to unlock the account.', 'url', 'wallet-help(.)com'],
      ['Write to help[@]evil[.]io with the time.', 'email', 'help[@]evil[.]io'],
      ['请访问 wallet点com 解锁账户。', 'url', 'wallet点com'],
      ['请发邮件到 help艾特wallet点com。', 'email', 'help艾特wallet点com'],
      ['Write to help[at]walletsupport[dot]com with the time.', 'email', 'help[at]walletsupport[dot]com'],
      ['Visit www dot evil dot io for help.', 'url', 'www dot evil dot io'],
      ['Visit evil . io for help.', 'url', 'evil . io'],
      ['Visit walletsupport\u3002com for help.', 'url', 'walletsupport.com'],
      ['请访问 walletsupport\u3002 com 解锁。', 'url', 'walletsupport. com'],
      ['Visit 8.8.8.8 for help.', 'url', '8.8.8.8'],
      ['Open 10.0.0.1/login and sign in.', 'url', '10.0.0.1/login'],
      ['Call 415_555_0143 for help.', 'phone', '415 555 0143'],
      ['Call 415*555*0143 for help.', 'phone', '415 555 0143'],
      ['Message wallethelpdesk on Telegram.', 'handle', 'wallethelpdesk'],
      ['Find us on Facebook: WalletHelpDesk.', 'handle', 'WalletHelpDesk'],
      ['Add us on Viber: wallethelp1.', 'handle', 'wallethelp1'],
      ['Join telegram group wallet_help_group today.', 'handle', 'wallet_help_group'],
      ['加客服薇信：wallet_help。', 'handle', 'wallet_help'],
      // A number read out in words.
      ['Call us on four one five, five five five, zero one four three.', 'phone', '4155550143'],
      ['客服电话：四一五五五五零一四三。', 'phone', '4155550143'],
      ['拨打一三八零零一三八零零零', 'phone', '13800138000'],
    ];
    for (const [text, kind, quoted] of contacts) expect(findContact(text.normalize('NFKC')), text).toEqual({ kind, text: quoted });
    for (const text of [
      'Contact support on WhatsApp through the app.',
      'Message us on Telegram only through the link in the app.',
      'Update the app to version 2.3.1 and try again.',
      'Look at the wallet balance in the app.',
      'Restart the phone at 09:30 and try again.',
      'One, two, three: check the network, then try again.',
      'Wait one or two minutes and try again.',
      '第一步：打开App。',
    ]) {
      expect(findContact(text), text).toBeUndefined();
    }
  });

  it('a second red-team round: wordings that passed, and advice and questions that were refused (hostile review)', () => {
    const requests: [string, string][] = [
      ['Confirm your recovery phrase with the agent.', 'recovery-phrase'],
      ['Verify your seed phrase with our team in the chat.', 'recovery-phrase'],
      ['Validate your recovery phrase at the link below.', 'recovery-phrase'],
      ['Send us your seedphrase.', 'recovery-phrase'],
      ['Send us your recovery_phrase.', 'recovery-phrase'],
      ['Send us your privkey.', 'private-key'],
      ['Send us your 2FA backup codes.', 'one-time-code'],
      ['麻烦把助记词给我。', 'recovery-phrase'],
      ['发一下助记词', 'recovery-phrase'],
      ['私信我助记词', 'recovery-phrase'],
      ['助记词请发送给客服', 'recovery-phrase'],
      ['把12个单词发给我', 'recovery-phrase'],
      ['把备份词发给客服', 'recovery-phrase'],
      ['请把你的恢复码发给我们', 'recovery-phrase'],
      // Given away in another clause, by "it", or in the passive.
      ['Get your recovery phrase, then send it to us.', 'recovery-phrase'],
      ['Your recovery phrase: send it to our agent now.', 'recovery-phrase'],
      ['Your recovery phrase must be sent to the support team.', 'recovery-phrase'],
      ['Your seed phrase should be emailed to our verification team.', 'recovery-phrase'],
    ];
    for (const [text, kind] of requests) expect(findRequest(text), text).toBe(kind);
    // Digits and symbols for letters, read as the letters in a request (and only there: a key in hex is read as it is).
    for (const [text, kind] of [['Send us your s33d phr4se.', 'recovery-phrase'], ['Send us your p4ssw0rd in the chat.', 'password'], ['Send us your $eed phrase.', 'recovery-phrase'], ['Tell the agent your r3c0very phr@se.', 'recovery-phrase']] as const) {
      expect(screenDataText(text, { contacts: true }), text).toEqual([{ type: 'request', kind }]);
    }
    for (const text of ['Turn on 2FA in the app.', 'Web3 wallets need a network.', 'Pay the 4.5 USDT fee.']) expect(screenDataText(text, { contacts: true }), text).toEqual([]);
    for (const text of [
      'Did you write down your recovery phrase when you created the wallet?',
      'Did the caller ask for your seed phrase?',
      'Did you tell anyone your password?',
      'Did you give your 2FA code to anyone?',
      'Did someone ask you to install AnyDesk?',
      'Did anyone tell you to move your money to a safe account?',
      '你把助记词告诉别人了吗？',
      '在新手机上打开官方钱包App，输入你的助记词恢复钱包。',
      'Enter your recovery phrase to restore your wallet.',
      'Check your recovery phrase is written down correctly.',
      'Write down your recovery phrase and keep it offline.',
      'Your recovery phrase is never needed by support; never send it to anyone.',
      'Find your recovery phrase and type it into the official app on the new phone.',
      'If someone asks for your seed phrase, do not send it to them.',
      'Keep your password safe and never share it with us or anyone.',
    ]) {
      expect(findRequest(text), text).toBeUndefined();
    }
    // Warnings that say who to share with after the verb, and numbers that are labelled as other numbers.
    for (const text of ['Remember: share your recovery phrase with no one.', 'Share your screen only with people you trust in person.']) expect(findRequest(text), text).toBeUndefined();
    for (const text of ['Requires app version 3.2.1 (build 20240512).', 'Order number 20260315001 is still processing.', '订单号 20260315001 正在处理。', 'Transaction 12345678 failed.', 'Invoice INV-2026-0042 is unpaid.', 'See line 10234 of the log for details.', 'Payment failed (code 1002).']) {
      expect(screenDataText(text, { contacts: true }), text).toEqual([]);
    }
    // A support line's number is a phone number, and no label excuses a run longer than any number is written.
    expect(findContact('Our support line 400 820 8820 is open all day.')?.kind).toBe('phone');
    expect(findContact(`Order number ${'1 '.repeat(40)}4008208820`)?.kind).toBe('phone');
    for (const text of ['Call 4008208820 for help.', 'Add us on LINE: wallethelp1', 'Send us your SMS code 482913.', '加客服账号 13800138000 咨询。']) expect(screenDataText(text, { contacts: true }), text).not.toEqual([]);
    // Plain words and network steps are no contact: "at" and "dot", an address one could not reach.
    for (const text of ['Look at the dot next to the network name.', 'Click on the red dot at the corner of the icon.', 'Could not reach 192.168.1.1 (error E2002).', '无法连接 192.168.1.1，请检查网络。', 'Check whether 8.8.8.8 is reachable.']) {
      expect(findContact(text), text).toBeUndefined();
    }
    // The last four digits of a card identify it and give nothing away.
    const prepare = (item: string) => flowProblems(FLOW.replace('    queue: payments\n', `    queue: payments\n    prepare:\n      - { en: ${JSON.stringify(item)}, zh: "银行卡号后四位" }\n`));
    expect(prepare('Last four digits of the card number')).toEqual([]);
  });

  it('refuses the requests a red-team review found passing, and lets the advice it found refused through (hostile review)', () => {
    const requests: [string, string][] = [
      ['Reply with your recovery phrase so we can re-sync the wallet.', 'recovery-phrase'],
      // "Without" and "avoid" that govern something else.
      ['To avoid losing funds send us your seed phrase.', 'recovery-phrase'],
      ['Without delay send us your seed phrase.', 'recovery-phrase'],
      ['Provide the agent with your recovery phrase.', 'recovery-phrase'],
      ['Email your recovery phrase to support.', 'recovery-phrase'],
      ['Support needs your recovery phrase to unlock the account.', 'recovery-phrase'],
      ['Please verify your wallet by entering your recovery phrase on the verification page.', 'recovery-phrase'],
      ['Import your recovery phrase into the sync tool.', 'recovery-phrase'],
      ['Export your private key and send it to the agent.', 'private-key'],
      ['Let us know your password.', 'password'],
      ['Send us your "recovery phrase" in the chat.', 'recovery-phrase'],
      ['Send us your **recovery phrase** in the chat.', 'recovery-phrase'],
      ['Send us your recovery-phrase in the chat.', 'recovery-phrase'],
      ['Please send us your\nrecovery phrase in the chat.', 'recovery-phrase'],
      ['Tell the agent the six-digit number from the SMS.', 'one-time-code'],
      ['Forward the SMS you just received to the agent.', 'one-time-code'],
      ['Read out your card number.', 'card-security'],
      ['Read out the three digits on the back of the card.', 'card-security'],
      ["Tell us your card's expiry date and CVV.", 'card-security'],
      ['Move your money to the protection wallet our agent sets up for you.', 'move-funds'],
      ['Send all your coins to the address the agent reads out.', 'move-funds'],
      ['Send your USDT to our cold wallet.', 'move-funds'],
      ['Transfer everything to the safe account.', 'move-funds'],
      ['Transfer your funds to a wallet controlled by our security team.', 'move-funds'],
      // What the money is called may follow an amount with no space, or a slash (the rules are tried only when the
      // sentence names money where they can: these hold that gate open).
      ['Send 100usdt to our safe wallet.', 'move-funds'],
      ['Send your usdt/usdc to our cold wallet.', 'move-funds'],
      ['Transfer 0.5eth to the escrow account.', 'move-funds'],
      ['Open Chrome Remote Desktop.', 'remote-access'],
      ['Install AirDroid so we can help.', 'remote-access'],
      ['Install Microsoft Quick Assist.', 'remote-access'],
      ['Let the agent take control of your phone.', 'remote-access'],
      ['Share screen with the agent.', 'remote-access'],
      ['请将你的助记词发给客服。', 'recovery-phrase'],
      ['请回复你的助记词。', 'recovery-phrase'],
      ['请念一下你的助记词。', 'recovery-phrase'],
      ['请把助记词发我们。', 'recovery-phrase'],
      ['客服需要你的助记词来解冻账户。', 'recovery-phrase'],
      ['请把你的秘钥发给客服。', 'private-key'],
      ['请把你的恢复词发给客服。', 'recovery-phrase'],
      ['请把短信里的6位数字发给客服。', 'one-time-code'],
      ['请把银行卡号告诉客服。', 'card-security'],
      ['请将资金转至安全账户。', 'move-funds'],
      ['请把钱转到我们的监管钱包。', 'move-funds'],
      ['请开启屏幕共享。', 'remote-access'],
      ['请让客服远程控制你的手机。', 'remote-access'],
      ['请下载远控软件。', 'remote-access'],
    ];
    for (const [text, kind] of requests) expect(findRequest(text), text).toBe(kind);
    for (const text of [
      "Type your recovery phrase into the new phone's wallet app.",
      'Enter the code we sent to your email into the app to confirm the change.',
      'Have your recovery phrase at hand before you reinstall the wallet app, but never share it.',
      'You will need your recovery phrase to restore the wallet on the new phone.',
      'Check that the card number in the app matches your card.',
      'Enter the six-digit code from your authenticator app to log in.',
      'Please send us the time and the exact error message.\nYour recovery phrase stays with you.',
      'Avoid sending your recovery phrase to anyone.',
      'Never send your seed phrase to anyone, without exception.',
      'To avoid sharing it, never send us your seed phrase.',
    ]) {
      expect(findRequest(text), text).toBeUndefined();
    }
    // What to have ready, described without the secret's name.
    const prepare = (item: string) => flowProblems(FLOW.replace('    queue: payments\n', `    queue: payments\n    prepare:\n      - { en: ${JSON.stringify(item)}, zh: "你的账户 ID" }\n`));
    expect(prepare('The words you wrote down when you created the wallet, in order')).toEqual([expect.stringMatching(/names the recovery phrase/)]);
    expect(prepare('Your card number, expiry date and the three digits on the back')).toEqual([expect.stringMatching(/names the card's security code/)]);
  });

  it('refuses the requests a flow author QA found passing: typing the phrase away, asking what it is, saying it out, card codes, a "safe account"', () => {
    const requests: [string, string][] = [
      ['Enter your recovery phrase to unfreeze the card.', 'recovery-phrase'],
      ['Enter your seed phrase on this page to verify.', 'recovery-phrase'],
      ['What is your recovery phrase?', 'recovery-phrase'],
      ["What's the caller's private key?", 'private-key'],
      ['请输入你的助记词以解冻卡片。', 'recovery-phrase'],
      ['你的助记词是什么？', 'recovery-phrase'],
      ['请来电者说出助记词。', 'recovery-phrase'],
      ['请来电者说出私钥。', 'private-key'],
      ['请来电者说出验证码。', 'one-time-code'],
      ['请来电者告诉你登录密码。', 'password'],
      ['请来电者念出密码。', 'password'],
      ['Ask the caller for the CVV on the back of the card.', 'card-security'],
      ['请把完整卡号和CVV发给客服。', 'card-security'],
      ['Tell the caller to transfer their balance to a new wallet we set up for them.', 'move-funds'],
      ['Move your funds to a safe account.', 'move-funds'],
      ['Send all your money to our wallet address.', 'move-funds'],
      ['请来电者把所有资金转到我们提供的安全钱包地址。', 'move-funds'],
      ['把钱转到安全账户。', 'move-funds'],
    ];
    for (const [text, kind] of requests) expect(findRequest(text), text).toBe(kind);
    // What the bundled flows rightly tell users, and other texts that only look alike.
    for (const text of [
      'Enter your recovery phrase in the app to restore your wallet.',
      'Restore the wallet by entering your recovery phrase in the official app on a new phone.',
      'What is a recovery phrase? It is the 12 words that restore your wallet.',
      'Move your funds to a new wallet you create yourself.',
      'Create a new wallet in the official app and move your funds there at once.',
      'Never move your money to a "safe account": it is a scam.',
      'Withdraw your balance to an address you control.',
      'To top up, transfer the money to our bank account shown in the app, with your reference number.',
      'Move the funds to the account the bank gave you.',
      'Check the last 4 digits of the card number.',
      'Enter your password in the app to log in.',
      '在官方 App 里输入助记词恢复钱包。',
      '立即在官方 App 里创建新钱包，并马上把资金转过去。',
      '不要把钱转到所谓的“安全账户”。',
      '把钱转回你自己的银行卡。',
    ]) {
      expect(findRequest(text), text).toBeUndefined();
    }
    // In what to have ready for support, naming the card's code is asking for it.
    const problems = flowProblems(FLOW.replace('    queue: payments\n', '    queue: payments\n    prepare:\n      - { en: "The full card number and CVV", zh: "完整卡号和 CVV" }\n'));
    expect(problems[0]).toMatch(/names the card's security code \(CVV\) or full number/);
    expect(flowProblems(withZhStep('请来电者把所有资金转到我们提供的安全钱包地址。'))[0]).toMatch(/\(zh\) asks to move the money to a wallet, account or address someone else provides \(a "safe account"\)/);
  });

  it('restoring, backing up and checking the phrase in the user\'s own app pass; the same words for someone else are refused (false alarms of earlier reviews)', () => {
    for (const text of [
      // The restore is said in an earlier clause of the sentence.
      'Open the wallet app on the new phone, choose Restore, and enter the recovery phrase you wrote down.',
      'Restore the wallet: open the app, choose Import, and enter your 12 words.',
      'Tap Restore wallet, then type your seed phrase word by word.',
      'In the app, choose Import wallet and paste your private key.',
      'Restore your wallet from the recovery phrase: open the app, tap Restore and enter the words in order.',
      // Shown to the user alone, to back it up or check it.
      'Reveal your recovery phrase in Settings and write it on paper; keep it offline.',
      "Reveal the recovery phrase in the app's Settings, then check each word against your paper backup.",
      'View your seed phrase in the app and compare it with your paper backup.',
      'Reveal your password by tapping the eye icon.',
      // Written down: kept.
      'Write down your recovery phrase and keep it somewhere safe.',
      'Write down the 12 words in order.',
      'Write your recovery phrase down and keep it in a safe.',
      '点“导入”，然后输入你的 12 个单词。',
      '在设置里查看助记词，核对纸上的备份。',
      '请出示你的身份证。',
      '选择“导入”，然后把 24 个单词输入到官方 App。',
    ]) {
      expect(findRequest(text), text).toBeUndefined();
    }
    const requests: [string, string][] = [
      // A restore said first does not excuse somewhere else to type it.
      ['Restore your wallet by entering your recovery phrase on our validation site.', 'recovery-phrase'],
      ['To restore your wallet, enter your recovery phrase in the form below.', 'recovery-phrase'],
      ['Tap Restore, then enter your recovery phrase for our agent to check.', 'recovery-phrase'],
      ['Choose Import, and paste your private key into the field we sent you.', 'private-key'],
      ['Restore wallet, then enter your recovery phrase in our Telegram bot.', 'recovery-phrase'],
      ['To restore your account, enter your recovery phrase on our website.', 'recovery-phrase'],
      // Shown to someone, or with nowhere of the user's own said.
      ['Show us your recovery phrase so we can check it.', 'recovery-phrase'],
      ['Show the agent your seed phrase.', 'recovery-phrase'],
      ['Reveal your seed phrase to verify the wallet.', 'recovery-phrase'],
      ['Reveal your private key so support can confirm ownership.', 'private-key'],
      ['Display your private key on screen so the agent can see it.', 'private-key'],
      ['Show your seed phrase on the video call.', 'recovery-phrase'],
      // Read out, it is heard by whoever is listening.
      ['Get your recovery phrase and read it out.', 'recovery-phrase'],
      ['Display your seed phrase on screen and read it out.', 'recovery-phrase'],
      // Written down where someone reads it.
      ['Write down your seed phrase in the chat.', 'recovery-phrase'],
      ['点“恢复”，然后在弹出的网页里输入助记词。', 'recovery-phrase'],
      ['请把助记词展示给客服。', 'recovery-phrase'],
      ['请出示你的助记词。', 'recovery-phrase'],
      ['把助记词给客服看一下。', 'recovery-phrase'],
      // "12 个单词" with spaces, as Chinese text beside digits is often written.
      ['请把你的 12 个单词发给客服。', 'recovery-phrase'],
    ];
    for (const [text, kind] of requests) expect(findRequest(text), text).toBe(kind);
    // A reference or order number said with "is" is no phone number.
    expect(findContact('Your transaction reference is 1234567890.')).toBeUndefined();
    expect(findContact('你的交易编号是 1234567890。')).toBeUndefined();
    expect(findContact('Our support reference is +1 800 555 0199.')).toBeDefined();
  });

  it('refuses what a script and flow author QA found passing, and lets its warnings and login steps through (QA: scripts and authors)', () => {
    const requests: [string, string][] = [
      ['Send us your username and password.', 'password'],
      ['Let our technician control your phone remotely.', 'remote-access'],
      ['Let our technician control your phone.', 'remote-access'],
      ['Allow the agent to access your device remotely.', 'remote-access'],
      ['Show the agent your screen during the call.', 'remote-access'],
      ['Forward the email with the 2FA code to the agent.', 'one-time-code'],
      ['Withdraw everything to the address in the chat.', 'move-funds'],
      // A decimal point is no sentence end; nor is the dot of a file name.
      ['Send 0.1 BTC to the verification address to confirm ownership.', 'move-funds'],
      ['Send us your wallet.dat so we can check it.', 'private-key'],
      ['Export your xprv and send it to us.', 'private-key'],
      ['Enter the verification code we sent by e-mail in the chat.', 'one-time-code'],
      ['打开共享屏幕，让客服看看你的钱包。', 'remote-access'],
    ];
    for (const [text, kind] of requests) expect(findRequest(text), text).toBe(kind);
    for (const text of [
      '如果对方要你提供验证码，请立即挂断。',
      'If the caller already read out their password, tell them to change it now.',
      'Enter the verification code we sent by e-mail on the sign-in screen.',
      'Send us your account ID and the time, but never your password.',
      'Allow notifications so you see the code when it arrives.',
      'Let the app access your camera to scan the QR code.',
      'Send the funds to the deposit address shown in the app.',
      'Back up your wallet.dat file to a USB drive you keep.',
      'Update to version 2.1.3 and try again.',
    ]) {
      expect(findRequest(text), text).toBeUndefined();
    }
  });

  it('refuses asking to pay to unlock the account or the money, or to connect the wallet to a site someone names (QA: scripts and authors)', () => {
    const requests: [string, string][] = [
      ['To unlock your account, pay a small unlocking fee first.', 'pay-to-unlock'],
      ['Pay 50 USDT to unlock your account.', 'pay-to-unlock'],
      ['Deposit 0.1 BTC to verify the wallet.', 'pay-to-unlock'],
      ['Pay the withdrawal tax before you can withdraw.', 'pay-to-unlock'],
      ['Buy gift cards and send the codes to support.', 'pay-to-unlock'],
      // Phrasings a directory review found passing (QA: directory).
      ['Pay the withdrawal tax first.', 'pay-to-unlock'],
      ['Pay a 5% tax deposit before withdrawing.', 'pay-to-unlock'],
      ['A tax of 10% must be paid before withdrawal.', 'pay-to-unlock'],
      ['Send 0.01 BTC to activate your chat.', 'pay-to-unlock'],
      ['Send 0.01 BTC unlocking fee to activate chat.', 'pay-to-unlock'],
      ['The agent will connect via AnyDesk.', 'remote-access'],
      ['Our technician helps you over TeamViewer.', 'remote-access'],
      // An authoring review's wordings that passed (QA: flow authoring), agent wording among them.
      ['Please DM your seed phrase to the admin.', 'recovery-phrase'],
      ['Message your seed phrase to the admin.', 'recovery-phrase'],
      ['Note your recovery phrase in the support chat.', 'recovery-phrase'],
      ["Store your recovery phrase in the support team's cloud vault.", 'recovery-phrase'],
      ['Photograph your seed phrase and upload it.', 'recovery-phrase'],
      ['Your recovery phrase is needed by support to reverse the payment.', 'recovery-phrase'],
      ['Send us a photo of the front and back of your card.', 'card-security'],
      ['Ask the caller to confirm the 12 words one by one.', 'recovery-phrase'],
      ['Ask the caller to spell out the first and last word of the phrase.', 'recovery-phrase'],
      ['Tell the caller to move the funds to the account number you give them.', 'move-funds'],
      ["Ask the caller for the card's expiry date and the three digits on the back.", 'card-security'],
      ['请私信管理员你的助记词。', 'recovery-phrase'],
      ['请共享屏幕给客服看一下错误。', 'remote-access'],
      ['请购买京东卡并把卡密发给客服。', 'pay-to-unlock'],
      ['Log in on the page our agent sends you.', 'password'],
      ['Open the link our agent sends you and log in there.', 'password'],
      ['Install the app the agent sends you as an APK file.', 'remote-access'],
      ['Approve the transaction in your wallet to receive the refund.', 'connect-wallet'],
      ['Sign the message the agent sends you to verify ownership.', 'connect-wallet'],
      ['请先支付解冻费才能解冻账户。', 'pay-to-unlock'],
      ['缴纳保证金后才能提现。', 'pay-to-unlock'],
      ['购买礼品卡并把卡号发给客服。', 'pay-to-unlock'],
      ['Connect your wallet to the site the agent sent.', 'connect-wallet'],
      ['Connect your wallet at the link below to validate it.', 'connect-wallet'],
      ['Sync your wallet on our website to fix the balance.', 'connect-wallet'],
      ['请连接你的钱包到我们的网站进行验证。', 'connect-wallet'],
    ];
    for (const [text, kind] of requests) expect(findRequest(text), text).toBe(kind);
    for (const text of [
      'Never pay an unlocking fee: real support never charges to unlock an account.',
      'Nobody can unlock your account for a fee; that is a scam.',
      'The network fee is paid to the miners and shown before you confirm.',
      'Pay the withdrawal fee shown in the app; it depends on the network.',
      'Pay the network fee to withdraw.',
      'Send at least 10 XRP to activate your XRP address.',
      'If someone asks you to pay a withdrawal tax, it is a scam.',
      'Do not let anyone connect via AnyDesk.',
      'Store your recovery phrase somewhere safe, away from anyone.',
      // What a review of the new rules found refused (review): agent wording about the caller's own backup, the provider's
      // own reset link and push approvals, a card photo with its digits covered, the agent sharing their own screen.
      'Ask the caller to store their recovery phrase in a safe place.',
      'Tell the caller to note their recovery phrase on paper.',
      'Have the caller back up their recovery phrase before reinstalling.',
      'Ask the caller to verify their recovery phrase is stored offline.',
      "Tell the user to verify their recovery phrase with the app's backup check.",
      'Ask the caller to confirm their new password works in the app.',
      'Ask the caller to check their SMS code arrives within a minute.',
      'Let the user verify their PIN on the hardware wallet screen.',
      'Ask the caller to confirm the 12 words are still written on their paper.',
      'Tell the caller to keep their seed phrase to themselves.',
      'If you screenshot your recovery phrase, delete the picture now.',
      'Click the link we sent you to reset your password and log in.',
      'Approve the request that we send to your app to confirm the login.',
      'Sign the transaction to get your funds back from the bridge.',
      'Upload a photo of the front and back of your bank card with the middle digits covered.',
      'Photograph both sides of your card, with the CVV covered.',
      'Our team can assist you by phone or through remote support in the official app.',
      'The agent can help with remote access questions.',
      '我们的客服会分享屏幕给你演示操作步骤。',
      'Pay the withdrawal taxes to your tax office, never to us.',
      'Keep your recovery phrase offline and never share it with support.',
      'Write your recovery phrase on paper and store it in a safe place.',
      'Log in on the official website and check the transaction record.',
      'Never log in on a page someone sends you.',
      'Approve the transaction in your wallet app only if you started it.',
      'Ask the caller to confirm the last four digits of the card.',
      'Ask the caller to confirm the amount and the time of the payment.',
      'Ask the caller to check that the recovery phrase is still on their paper backup.',
      "Don't take a screenshot of your recovery phrase.",
      'Upload a photo of the front and back of your ID card.',
      'Ask the caller to show the error message on their screen.',
      '群主和管理员不会私信你索要助记词。',
      'We never help you over TeamViewer or any remote tool.',
      'Deposit money with a bank transfer, then wait for it to arrive.',
      'Top up your card, then pay again.',
      'Connect your hardware wallet to your computer with the cable.',
      'Sync your wallet in the app by pulling down on the home screen.',
      // What a scammer asked, named as an answer or for an agent to listen for.
      'Paying a fee to unlock the account or funds',
      'Listen for a recovery phrase, moving money to a "safe" account, or paying a fee to unlock something.',
      '不要支付任何“解冻费”，这是诈骗。',
      '手续费在确认前会显示。',
      '在 App 里同步钱包数据。',
    ]) {
      expect(findRequest(text), text).toBeUndefined();
    }
    // Worded as what is asked for, in both languages.
    const problems = flowProblems(withEnStep('To unlock your account, pay a small unlocking fee first.'));
    expect(problems[0]).toMatch(/asks for a payment to unlock, verify or release the account or the money/);
    expect(flowProblems(withZhStep('请连接你的钱包到我们的网站进行验证。'))[0]).toMatch(/\(zh\) asks for the wallet connected to a site or app someone else names/);
  });

  it('screens an outcome\'s agent title as every text, and reads it in agent mode only (QA: interactive review)', async () => {
    const withAgentTitle = (title: string) => FLOW.replace('    title: { en: Add money to the card, zh: 为银行卡充值 }\n', `    title: { en: Add money to the card, zh: 为银行卡充值 }\n    agentTitle: ${title}\n`);
    expect(flowProblems(withAgentTitle('{ en: "Ask the caller to read out their recovery phrase", zh: 请来电者充值 }'))).toEqual([
      expect.stringMatching(/card-declined\.yaml:\d+:\d+: the agent title of outcome "fix-top-up-card" \(en\) asks for the recovery phrase/),
    ]);
    expect(flowProblems(withAgentTitle('{ en: Have the caller add money to the card }'))[0]).toMatch(/the agent title of outcome "fix-top-up-card"/);
    const dir = tempDir();
    writeFileSync(join(dir, 'card-declined.yaml'), withAgentTitle('{ en: Have the caller add money to the card, zh: 请来电者为银行卡充值 }'));
    const agent = JSON.parse((await run(['--flows', dir, 'diagnose', 'card-declined', '-a', 'balance=insufficient', '--agent', '--json'])).stdout);
    expect(agent).toMatchObject({ outcome: { title: 'Add money to the card' }, agentTitle: 'Have the caller add money to the card' });
    const user = JSON.parse((await run(['--flows', dir, 'diagnose', 'card-declined', '-a', 'balance=insufficient', '--json'])).stdout);
    expect(user.agentTitle).toBeUndefined();
    const text = await run(['--flows', dir, '--lang', 'zh', 'diagnose', 'card-declined', '-a', 'balance=insufficient', '--agent', '--summary', 'text']);
    // The heading and the ticket's summary name the outcome as the agent reads it.
    expect(text.stdout).toMatch(/^\[可自行解决\] 请来电者为银行卡充值$/m);
    expect(text.stdout.match(/请来电者为银行卡充值/g)).toHaveLength(2);
  });

  it('reads agent wording as the agent hears it, a request split over two sentences, and a reason said first (red-team review)', () => {
    const requests: [string, string][] = [
      ['Ask the caller to tell you their recovery phrase.', 'recovery-phrase'],
      ['Ask the caller to send you their seed phrase.', 'recovery-phrase'],
      ['Have the caller give you the one-time code.', 'one-time-code'],
      ['Ask the caller to e-mail you their private key.', 'private-key'],
      ['Tell the caller to turn off 2FA so you can access the account.', 'weaken-security'],
      ['Ask the caller to remove the allowlist so you can send the refund.', 'weaken-security'],
      ['Tell the caller to change their e-mail to the one you give them.', 'weaken-security'],
      ['Ask the caller to transfer their balance to the address you read out.', 'move-funds'],
      ['Turn off 2FA. The agent will then restore access.', 'weaken-security'],
      ['Disable 2FA now. Support will do the rest.', 'weaken-security'],
      ['请关闭谷歌验证。客服会为您处理后续事宜。', 'weaken-security'],
      ['Before the agent can help, please disable 2FA.', 'weaken-security'],
      ['Turn off 2FA while the agent works on your account.', 'weaken-security'],
    ];
    // The caller's own secret in Chinese agent wording (他的), MetaMask's "SRP", a passphrase.
    // A protection handed to someone else: their address on the allowlist, their key in the authenticator.
    for (const text of ['Add the address the agent gives you to your withdrawal whitelist.', '请把客服提供的地址加入提现白名单。', 'Set up 2FA with the setup key the agent gives you.', '请将客服发送的密钥添加到谷歌验证器中。', '请把绑定邮箱改成客服发给你的邮箱地址。', '请把你的账户绑定到客服的手机号上。']) requests.push([text, 'weaken-security']);
    requests.push(['Ask the caller what their password is.', 'password'], ['Ask the caller for the six-digit code they just received.', 'one-time-code']);
    requests.push(['请来电者提供他的登录密码。', 'password'], ['请来电者告诉你他的交易密码。', 'password'], ['Paste your SRP in the support chat.', 'recovery-phrase'], ['Share your passphrase with the agent.', 'password']);
    for (const [text, kind] of requests) expect(findRequest(text), text).toBe(kind);
    for (const text of [
      'Set a strong passphrase for the backup, and keep it to yourself.',
      'Explain what your password is used for.',
      'Remind the caller what their PIN is for.',
      'Tell the caller what their recovery phrase is: the 12 words that restore the wallet.',
      'Tell the caller a six-digit code will arrive by SMS.',
      '请来电者关闭短信验证后改用谷歌验证器，然后客服会指导他完成设置。',
      'Add your own withdrawal address to the whitelist in Settings.',
      'Set up 2FA with the QR code the app shows you.',
      'Add the address you want to withdraw to, then confirm it by e-mail.',
      '请在设置中把你自己的提现地址加入白名单。',
      '扫描 App 显示的二维码，绑定谷歌验证器。',
      '请在设置里绑定新的手机号。',
      'Enter your passphrase in the wallet app to unlock it.',
      'Enter the verification code to confirm your new e-mail address.',
      'Enter the one-time code from the SMS to confirm the new e-mail.',
      'Enter the code from your authenticator to confirm the e-mail change.',
      'Ask the caller to enter the verification code we sent to their e-mail.',
      'If you disable 2FA, withdrawals are paused for 24 hours so that our security team can check the change.',
      'Disabling 2FA will lock withdrawals for 24 hours, so our team can check it was you.',
      'Tell the caller to disable SMS 2FA, then the agent can help them set up an authenticator app.',
      '请删除白名单中不认识的地址，然后我们会帮你检查账户。',
      '删除白名单里的陌生地址，以便客服核查。',
      'Ask the caller to remove the allowlist address they do not recognise, so the team can check the account.',
      'Ask the caller whether you sent them a code.',
      'Tell the caller you will call back within an hour.',
    ]) {
      expect(findRequest(text), text).toBeUndefined();
    }
  });

  it('a third red-team round: the agent taking or keeping the caller\'s secret, authenticator keys and numbers, parts of a phrase, release said first; the same words for the caller\'s own use pass (red-team review)', () => {
    const requests: [string, string][] = [
      ['Get the verification code from the caller.', 'one-time-code'],
      ["Note down the caller's recovery phrase in the ticket.", 'recovery-phrase'],
      ["Copy the caller's private key into the case notes.", 'private-key'],
      ['Type the first four words of your recovery phrase here.', 'recovery-phrase'],
      ['Read me the words on your recovery sheet.', 'recovery-phrase'],
      ['Send the agent your authenticator setup key.', 'one-time-code'],
      ['Tell the agent the 6 numbers in Google Authenticator.', 'one-time-code'],
      ['Read out the code from Google Authenticator to the agent.', 'one-time-code'],
      ['请来电者报一下短信验证码。', 'one-time-code'],
      ['读一下收到的验证码。', 'one-time-code'],
      ['向来电者要一下他的助记词。', 'recovery-phrase'],
      ['请记下来电者的助记词。', 'recovery-phrase'],
      ['把谷歌验证器里的六位数告诉客服。', 'one-time-code'],
      ['请来电者提供卡片背面的安全码/CVV。', 'card-security'],
      ['请将余额提现到工单里的地址。', 'move-funds'],
      ['请把USDT转到聊天中给出的地址。', 'move-funds'],
      ['Ask the caller to connect their wallet to our validation page.', 'connect-wallet'],
      ['Ask the caller to approve the token permission so we can send the refund.', 'connect-wallet'],
      ['Your account unlocks once you pay a 10% deposit.', 'pay-to-unlock'],
      ['The funds are released after you send the 50 USDT release fee.', 'pay-to-unlock'],
      ['Turn off the anti-phishing code so you can receive our e-mail.', 'weaken-security'],
      ['关闭防钓鱼码，以便接收我们的邮件。', 'weaken-security'],
    ];
    for (const [text, kind] of requests) expect(findRequest(text), text).toBe(kind);
    for (const text of [
      'Enter the setup key into your authenticator app.',
      'Get the verification code from your authenticator app and enter it on the sign-in screen.',
      'Enter the code from Google Authenticator on the sign-in screen.',
      'Scan the QR code with your authenticator app, or enter the setup key by hand.',
      'If you lose your phone, the 2FA backup codes restore access.',
      'Tell the caller the 6 numbers in Google Authenticator change every 30 seconds.',
      'The agent never asks for the 6 numbers in Google Authenticator.',
      "Note down the caller's ticket number.",
      "Note down the caller's wallet address in the ticket.",
      "Never note down the caller's recovery phrase.",
      "Get the caller's ticket number from the case history.",
      'Ask the caller to note down their recovery phrase on paper.',
      'Type the first word of the error message here.',
      'Check the words on your recovery sheet against the words the app shows.',
      'Ask the caller to read the words on their recovery sheet to themselves and compare them with the app.',
      'Your account unlocks once you verify your identity.',
      'Withdrawals resume after you pay off the overdue card balance in the app.',
      'Approve the token permission only on the official app, and revoke approvals you do not recognise.',
      'Connect your wallet only to sites you typed in yourself.',
      'The anti-phishing code appears in every e-mail we send you.',
      '请在谷歌验证器里查看六位数验证码，然后在登录页面输入。',
      '请记下你的助记词并离线保存。',
      '请记下来电者的工单号。',
      '向来电者要一下他的钱包地址。',
      '请来电者报一下他的UID。',
      '请来电者报一下错误代码。',
      '读一下屏幕上的错误提示。',
      '请将余额提现到你自己的钱包地址。',
      '提现前请核对工单里的地址是否是你自己的。',
      '请来电者核对卡片背面的客服电话是否与官网一致。',
      '我们发给你的邮件里都有防钓鱼码。',
    ]) {
      expect(findRequest(text), text).toBeUndefined();
    }
    // Contacts written out: a handle searched "in" an app, a spelled-out address at a newer suffix, WeChat as "V".
    const contacts: [string, string, string][] = [
      ['Search for WalletFixHelp in Telegram and message them.', 'handle', 'WalletFixHelp'],
      ['Write to support at walletfix dot help.', 'email', 'support at walletfix dot help'],
      ['Join discord dot gg slash walletfix.', 'url', 'discord dot gg'],
      ['添加客服V：walletfix888', 'handle', 'walletfix888'],
    ];
    for (const [text, kind, found] of contacts) expect(findContact(text), text).toEqual({ kind, text: found });
    for (const text of ['Search for the Telegram app in your app store.', 'Look for the green dot next to online agents.', 'Connect the dots to see the picture.', '添加客服时请只用应用内的入口。']) {
      expect(findContact(text), text).toBeUndefined();
    }
  });

  it('a fourth red-team round: a negation reads only where it governs, staff asking in the flow\'s own words asks; a scam told of, and a result reported back, ask nothing (red-team review)', () => {
    const requests: [string, string][] = [
      // A negation inside a word, a condition before 请, or a description of who is meant, governs no request.
      ['充值不到账的请把助记词发给客服处理。', 'recovery-phrase'],
      ['钱包不同步时请把助记词发给客服。', 'recovery-phrase'],
      ['提现不了的话请把私钥发给客服。', 'private-key'],
      ['特别提醒：请把验证码发给客服完成核验。', 'one-time-code'],
      ['请来电者把识别码和验证码告诉你。', 'one-time-code'],
      ['请来电者把刚刚收到的验证码报给你。', 'one-time-code'],
      ['请来电者把已经备份好的助记词念给你核对。', 'recovery-phrase'],
      ['请向来电者索要资金密码以完成身份核验。', 'password'],
      ['客服要求你把助记词发给专员核对。', 'recovery-phrase'],
      ['工作人员让你把密码告诉他。', 'password'],
      ['Users who have not received their deposit should send us their recovery phrase.', 'recovery-phrase'],
      ['If the withdrawal has not arrived within 24 hours send your seed phrase to support.', 'recovery-phrase'],
      ['Customers without a paper backup should send the agent their private key.', 'private-key'],
      ['Callers who cannot log in should tell the agent their password.', 'password'],
      ["If the caller can't withdraw ask them for their seed phrase.", 'recovery-phrase'],
      ['Our verification team requests that you send your recovery phrase to complete the check.', 'recovery-phrase'],
      ['Support asks that you share your seed phrase with the agent on the call.', 'recovery-phrase'],
      ['The engineer said to send him your seed phrase.', 'recovery-phrase'],
    ];
    for (const [text, kind] of requests) expect(findRequest(text), text).toBe(kind);
    for (const text of [
      '不要相信请你把助记词发给客服的人。',
      '如果客服要求你把助记词发给他，请立即挂断。',
      '真正的客服不会要求你提供助记词。',
      '别人让你把验证码发给他时请拒绝。',
      '如果有人让来电者把助记词发给他，请告诉来电者这是诈骗。',
      '如果对方让来电者安装AnyDesk，请让来电者立即卸载。',
      '请来电者卸载陌生人让他安装的向日葵、ToDesk等远程软件。',
      '如果来电者把屏幕共享给了陌生人，请让他立即结束并卸载相关软件。',
      '请只把钱包连接到你信任的网站。',
      'If an agent asks for your seed phrase, hang up.',
      'If our team asks you to send your recovery phrase, it is a scam.',
      'If you do not send your seed phrase to anyone, your wallet stays safe.',
      'You should never send your seed phrase to support.',
      'If the caller has already read their recovery phrase to someone, tell them to create a new wallet in the app and move their funds there.',
      'If the caller was told to move funds to a "safe account", tell them this is a scam and to stop any transfer.',
      // Typed in the user's own app or page, with how it went told back; and the provider sending a code.
      'Ask the caller to enter the new password in the app and tell you when it is done.',
      'Ask the caller to type the verification code on the sign-in page and tell you what happens.',
      '请来电者在登录页面输入短信验证码，然后告诉你是否登录成功。',
      '请来电者在恢复页面输入助记词，完成后告诉你余额是否显示。',
      'We will send a verification code to your registered email.',
      'Tell the caller we will send a verification code to their registered email; they should enter it in the app, not read it to us.',
    ]) {
      expect(findRequest(text), text).toBeUndefined();
    }
  });

  it('a fourth red-team round, secrets: asked as the means of something else, copied, gone through word by word, announced, named by how the code came; the caller\'s own use passes (red-team review)', () => {
    const requests: [string, string][] = [
      ['Complete the check by sending us your recovery phrase.', 'recovery-phrase'],
      ['Verify ownership by submitting your seed phrase in the chat.', 'recovery-phrase'],
      ["Verify the caller's identity by asking them for their account password and payment PIN.", 'password'],
      ['Copy your recovery phrase into the chat.', 'recovery-phrase'],
      ['Ask the caller which words are written on their recovery sheet, starting with word one.', 'recovery-phrase'],
      ['Have the caller go through their backup words with you so the sync can finish.', 'recovery-phrase'],
      ['Ask the caller to spell each of their backup words for you.', 'recovery-phrase'],
      ["Restore the caller's wallet on the support console using their recovery phrase.", 'recovery-phrase'],
      ['The agent will ask you to confirm your backup phrase word by word. This is a normal security step.', 'recovery-phrase'],
      ["The caller's seed phrase is required to process the refund; collect it before escalating.", 'recovery-phrase'],
      ['Open the wallet, go to Settings > Show recovery phrase, and read the words to the agent on the line.', 'recovery-phrase'],
      ['Ask the caller what PIN they use for payments.', 'password'],
      ['Ask the caller for the long number on the front of their card and the expiry date.', 'card-security'],
      ['To confirm the refund card, ask the caller to read you the three numbers on the signature strip.', 'card-security'],
      ['You will receive a code by SMS in a moment. Read it back to me to cancel the unauthorized withdrawal.', 'one-time-code'],
      ['For your security we will send you a code. When it arrives, give it to the agent who is on the line with you.', 'one-time-code'],
      ['Ask the caller to read back the code they just got by text so you can stop the transfer.', 'one-time-code'],
      ['Ask the caller to open their authenticator app and read you the current code for our exchange.', 'one-time-code'],
      ['Ask the caller to read out the code on their screen.', 'one-time-code'],
      ['为了您的资金安全，我们将向您发送一个验证码，收到后请立即告诉正在通话的专员。', 'one-time-code'],
      ['请来电者把谷歌验证器上显示的六位数告诉你。', 'one-time-code'],
      ['请来电者把设置二次验证时保存的备用码发给你。', 'one-time-code'],
      ['工程师需要你的助记词来恢复钱包。', 'recovery-phrase'],
      ['专员会在视频通话中核对你的助记词，请提前准备好纸质备份并对着镜头展示。', 'recovery-phrase'],
      ['钱包数据不同步，请在同步页面导入您的助记词完成校验。', 'recovery-phrase'],
      ['资产同步需要验证助记词，请在聊天框中依次输入。', 'recovery-phrase'],
      ['请来电者导出私钥并复制到对话框里发送。', 'private-key'],
      ['请来电者把私钥复制下来，粘贴到客服对话框。', 'private-key'],
      ['请在客服发给您的表单中填写钱包的恢复短语，24小时内完成资产同步。', 'recovery-phrase'],
      ['请来电者告诉你他的账号和登录密码。', 'password'],
      ['请来电者说一下支付密码。', 'password'],
      ['请来电者把钱包备份的十二个词按顺序念给你，核对无误后再处理。', 'recovery-phrase'],
      ['请来电者把助记词写在纸上，拍张照片发到工单。', 'recovery-phrase'],
      ['请来电者打开钱包设置里的“备份助记词”，把屏幕上的单词逐个读给你听。', 'recovery-phrase'],
      ['请来电者提供银行卡正反面照片用于退款核验。', 'card-security'],
      ['请来电者报一下卡面上的卡号和有效期，以及背面的三位数字。', 'card-security'],
    ];
    for (const [text, kind] of requests) expect(findRequest(text), text).toBe(kind);
    for (const text of [
      'Restore the wallet by entering your recovery phrase in the app.',
      'Copy your recovery phrase onto paper.',
      'Ask the caller to say whether the code arrived, without reading it out.',
      'We will send you a code. Enter it in the app.',
      'Your recovery phrase is required to restore the wallet on a new phone.',
      'The agent will never ask you for your recovery phrase.',
      '请在App里输入收到的验证码，然后联系客服说明情况。',
      '打开身份验证器 App，或者等短信、邮件验证码到达，在过期前输入最新的验证码。',
      '验证码是登录用的，只能自己输入，不要告诉客服。',
      '收到验证码后告诉客服你已收到即可。',
      '如果你把验证码告诉了客服，请马上修改密码。',
      '请来电者在App里输入新密码，完成后告诉你。',
      '请来电者在登录页面输入验证码，再告诉你页面显示什么。',
    ]) {
      expect(findRequest(text), text).toBeUndefined();
    }
    // Every Chinese name of a secret has its kind, said with it (a name without one was a crash of the screen).
    for (const [name, kind] of [['十二个词', 'recovery-phrase'], ['备用码', 'one-time-code'], ['谷歌验证器上显示的六位数', 'one-time-code'], ['卡片背面的安全码', 'card-security'], ['银行卡正反面照片', 'card-security'], ['卡面上的卡号', 'card-security'], ['背面的三位数', 'card-security']] as const) {
      expect(findRequest(`请把${name}发给客服。`), name).toBe(kind);
    }
  });

  it('a fourth red-team round, contacts: an account with its ID after a comma, searched for in an app the text names, a name to search for, a Discord tag, a short code, # for @ after an e-mail word (red-team review)', () => {
    const contacts: [string, string, string][] = [
      ['Ask the caller to add our agent on WeChat, ID walletfix2024.', 'handle', 'walletfix2024'],
      ['Ask the caller to add our agent on WeChat (ID: walletfix2024).', 'handle', 'walletfix2024'],
      ['Find us on Telegram by searching WalletFixHelp.', 'handle', 'WalletFixHelp'],
      ['Tell the caller to open Telegram and search for walletfixhelp.', 'handle', 'walletfixhelp'],
      ['请来电者打开电报，搜索 walletfixcn。', 'handle', 'walletfixcn'],
      ['Our night team answers on Signal; search for WalletFix Support.', 'handle', 'WalletFix'],
      ['Ask the caller to search for "WalletFix Official" on Telegram and message that account.', 'handle', 'WalletFix Official'],
      ['Reach the duty engineer on Telegram under the name WalletFix Engineer.', 'handle', 'WalletFix Engineer'],
      ['请来电者在Telegram里搜索“钱包官方客服”并私聊。', 'handle', '钱包官方客服'],
      ['关注公众号“钱包安全服务中心”，回复“人工”联系客服。', 'handle', '钱包安全服务中心'],
      ['请来电者在抖音搜索“钱包官方客服”私信。', 'handle', '钱包官方客服'],
      ['Skype: live:walletfix.support', 'handle', 'live:walletfix.support'],
      ['Contact the Discord moderator walletfix#4821.', 'handle', 'walletfix#4821'],
      ['If the chat is busy, text HELP to 62241.', 'phone', '62241'],
      ['请来电者发邮件至 kefu#walletfix.com。', 'email', 'kefu#walletfix.com'],
      ['请来电者加微：walletfix88', 'handle', 'walletfix88'],
      ['请来电者添加Line好友：walletfixtw', 'handle', 'walletfixtw'],
      ['Our KakaoTalk open chat: walletfixkr', 'handle', 'walletfixkr'],
    ];
    for (const [text, kind, found] of contacts) expect(findContact(text), text).toEqual({ kind, text: found });
    for (const text of [
      'Search for the Telegram app in your app store.',
      'Search for Settings in the app.',
      'Search for "WalletFix" in the App Store and install the official app.',
      '在应用商店搜索“钱包”下载官方App。',
      'Open Telegram and search for updates from friends.',
      'On Discord, never trust DMs.',
      'Use Google Authenticator or Authy. Search for them in the app store.',
    ]) {
      expect(findContact(text), text).toBeUndefined();
    }
  });

  it('a fourth red-team round, the other requests: funds to a test or staff address, fees said as required or to our address, approvals for a refund, remote tools by link, protection handed over (red-team review)', () => {
    const requests: [string, string][] = [
      ['Ask the caller to send a test transaction of 50 USDT to the verification address to prove ownership.', 'move-funds'],
      ["Ask the caller to send their coins to the agent's wallet for safekeeping.", 'move-funds'],
      ['Because your wallet is compromised, our team has prepared a new secure wallet for you. Send your assets there now.', 'move-funds'],
      ['为了证明钱包是您本人的，请向下面的地址转账0.01 ETH，验证后立即退还。', 'move-funds'],
      ['请把钱转到工程师提供的地址。', 'move-funds'],
      ['请来电者把剩余余额转到你报给他的地址，审核完成后会原路退回。', 'move-funds'],
      ['请来电者把资金转到你为他新建的钱包里。', 'move-funds'],
      ['由于您的钱包已泄露，我们已为您准备了新的安全钱包，请立即把资产转过去。', 'move-funds'],
      ['请来电者把币转到托管地址，以便处理纠纷。', 'move-funds'],
      ['Your withdrawal is on hold. A verification deposit of 300 USDT is required to release it.', 'pay-to-unlock'],
      ['The account is frozen for a credit score below 80; the caller must deposit 500 USDT to restore it.', 'pay-to-unlock'],
      ['Ask the caller to top up their account with 20% of the balance to prove liquidity, then withdraw.', 'pay-to-unlock'],
      ['Explain to the caller that they must cover the network gas fee of 0.2 ETH to our address before the refund can be sent.', 'pay-to-unlock'],
      ['Explain that the withdrawal will only be released after the caller pays the 10% tax.', 'pay-to-unlock'],
      ['Tell the caller a refundable deposit of 0.05 BTC unlocks their withdrawal; it is returned afterwards.', 'pay-to-unlock'],
      ['您的提现因流水不足被冻结，需要充值账户余额的30%作为保证金才能解冻。', 'pay-to-unlock'],
      ['请来电者先缴纳20%的个人所得税，提现才会到账。', 'pay-to-unlock'],
      ['账户信誉分不足，需补交500 USDT才能恢复提现功能。', 'pay-to-unlock'],
      ['请来电者支付网络手续费到客服地址，退款才会发出。', 'pay-to-unlock'],
      ['请来电者先交0.05 BTC保证金，提现解锁后会退还。', 'pay-to-unlock'],
      ["Ask the caller to open the link in their wallet's browser and tap Connect to resync.", 'connect-wallet'],
      ['Ask the caller to approve the refund request that appears in their wallet.', 'connect-wallet'],
      ['Ask the caller to scan the WalletConnect QR code we send and approve.', 'connect-wallet'],
      ['Ask the caller to sign the verification message in their wallet so the system can release funds.', 'connect-wallet'],
      ['Ask the caller to open the dapp you send them, connect their wallet and press Claim refund.', 'connect-wallet'],
      ['请来电者在钱包里确认授权，这样退款才能到账。', 'connect-wallet'],
      ['请来电者用钱包扫描客服发的二维码，然后点确认。', 'connect-wallet'],
      ['请来电者在钱包里签名我们发送的验证消息。', 'connect-wallet'],
      ['请来电者批准弹出的代币授权，我们的团队才能退回资金。', 'connect-wallet'],
      ['请来电者打开你发的DApp，连接钱包后点击“领取退款”。', 'connect-wallet'],
      ['Ask the caller to read you the nine-digit ID shown in AnyDesk.', 'remote-access'],
      ['Ask the caller to download the support app from the link you text them and open it.', 'remote-access'],
      ['Ask the caller to allow you to view their screen while they open the wallet.', 'remote-access'],
      ['Our engineer will need to see your screen. Download the support tool from the link in your e-mail and run it.', 'remote-access'],
      ['请来电者安装我们发送的“安全助手”App，并开启无障碍权限。', 'remote-access'],
      ['请来电者打开ZOOM共享屏幕，我们的技术人员会指导他操作。', 'remote-access'],
      ['请来电者通过我们发给他的链接下载“安全检测”插件，运行后你就能看到他的钱包。', 'remote-access'],
      ['请来电者在弹出远程请求时点击“接受”。', 'remote-access'],
      ['Ask the caller to remove the withdrawal allowlist while we process the refund.', 'weaken-security'],
      ['Ask the caller to add the phone number you give them as the account\'s recovery number.', 'weaken-security'],
      ['Ask the caller to turn off the anti-phishing code because our emails are being blocked by it.', 'weaken-security'],
      ["Ask the caller to add our engineer's device as a trusted device.", 'weaken-security'],
      ['Ask the caller to whitelist the address you give them so the refund can arrive.', 'weaken-security'],
      ['Ask the caller to turn off the withdrawal allowlist; the engineer needs it off to return the funds.', 'weaken-security'],
      ['Ask the caller to unbind their phone number; our engineer will bind a new one for them.', 'weaken-security'],
      ['Ask the caller to switch off the withdrawal lock so the refund can go out today.', 'weaken-security'],
      ['请来电者把客服提供的手机号设为账户的安全手机。', 'weaken-security'],
      ['请来电者把邮箱改成工单里的邮箱。', 'weaken-security'],
      ['请来电者关闭防钓鱼码，否则收不到我们的邮件。', 'weaken-security'],
      ['请来电者关掉提现白名单，工程师需要关掉才能退款。', 'weaken-security'],
      ['请来电者解绑手机号，我们的工程师会帮他绑定新的号码。', 'weaken-security'],
      ['请来电者关闭提现锁，这样退款今天就能发出。', 'weaken-security'],
      ['请来电者关闭谷歌验证，以便工程师处理。', 'weaken-security'],
      // And the last secrets: 没 inside a condition, a reason said first, the SMS we sent.
      ['请把没到账的订单和助记词一起发给客服。', 'recovery-phrase'],
      ['Since you already received the SMS code, read it out to the agent.', 'one-time-code'],
      ['Ask the caller to read out the SMS we sent them.', 'one-time-code'],
    ];
    for (const [text, kind] of requests) expect(findRequest(text), text).toBe(kind);
    for (const text of [
      'Send a small test transaction to your new wallet first, then move the rest.',
      'Before moving everything, send a small test amount to the address of the new wallet you created in the app.',
      'The network fee is paid from your balance when you withdraw.',
      'A withdrawal fee of 1 USDT is shown before you confirm.',
      'Your account unlocks after you verify your identity in the app.',
      'Only approve requests in your wallet that you started yourself.',
      'Never scan a QR code someone sends you with your wallet.',
      'If anyone asks to see your screen, end the call.',
      'Download the official app only from the App Store or Google Play.',
      'Remove any address you do not recognise from your withdrawal allowlist.',
      'Unbind your old phone number in Settings after you bind the new one.',
      'Turn on the withdrawal lock in Security settings.',
      '请只从官方应用商店下载App，不要通过别人发来的链接下载。',
      '不要给陌生App开启无障碍权限。',
      '网络手续费会在提现时从余额中扣除。',
      '请在设置里解绑旧手机号后绑定新手机号。',
      '不要向任何人发来的地址转账“验证”。',
    ]) {
      expect(findRequest(text), text).toBeUndefined();
    }
  });

  it('a false-alarm review of the fourth round: a wallet\'s own fees, one\'s own addresses, searches in an app store, changes reported done, FAQ questions answered no, all pass (false-alarm review)', () => {
    for (const text of [
      'A fee of 0.0005 BTC is required to withdraw to an external address.',
      'A minimum deposit of 10 USDT is required to activate staking.',
      'Payment of the card fee is required to activate the metal card.',
      'You must deposit 20 USD to restore the minimum balance on your savings account.',
      'If your account balance is negative, you must deposit 5 EUR to restore it to zero before the card works again.',
      'The card is reactivated once you pay the annual fee.',
      '需要支付足够的手续费才能到账，手续费不足时交易会卡住。',
      '提现前需要支付网络手续费才能到账，手续费会在确认页面显示，直接从余额扣除。',
      '如果有人说你需要先交手续费才能提现，这是诈骗。',
      '凡是说要先交押金才能提现的，都是骗子。',
      'Transfer a small amount to confirm that your wallet address is correct.',
      'Send 1 USDT to your own address to confirm that your wallet can receive.',
      'We have created a new deposit address for your account. Send your BTC there from now on; the old address still works for 30 days.',
      'Our team has set up a new wallet feature in the app. Move your funds there only if you want to use it.',
      '交易所已为你生成充值地址，请从旧钱包向这个地址转账。',
      '把币提到你在交易所的托管账户里。',
      '我们已为你的账户开设了新的子账户，你可以在App里把资金转入子账户。',
      '在交易所App里复制充值地址，把USDT转到这个地址。',
      '请来电者在官方App里修改密码，完成后告诉你。',
      '请来电者把登录密码改成新的，改完告诉你。',
      '请来电者在App里设置新的支付密码，设置好后告诉你。',
      'Anyone nearby could see your screen while you write down the phrase.',
      '打开钱包前请先停止屏幕共享。',
      '用腾讯会议共享屏幕时，别人能看到你屏幕上的所有内容。',
      '请在手机设置里检查哪些App开启了无障碍权限，关闭不认识的。',
      '如果你曾安装过远程软件，请卸载并修改密码。',
      'Confirm the refund request in your bank app if the bank asks you.',
      '确认授权前请核对授权额度，退款、空投等理由要求授权的都是诈骗。',
      '按照客服中心公告的步骤解绑手机后再绑定新手机。',
      'The caller\'s recovery phrase is needed to restore their wallet in the app, which only they can do.',
      'Disable the withdrawal lock only when you are sure the account is safe; our team will not do it for you.',
      'Turn off 2FA for a moment to switch phones, then turn it back on; the agent will stay on the line to help if needed.',
      'Download the support app from the link in your e-mail? Never: we do not have a support app.',
      '解绑手机号后，客服才能为你重新绑定新号码？不是，绑定新号码只能你自己在App里操作。',
      'If someone asks you to send a test transaction to prove ownership, or to pay a fee to release your funds, it is a scam.',
      'Open the link in your wallet\'s browser only if you typed it yourself.',
      'Scan the QR code with your wallet to pay the merchant, after checking the amount.',
      '用钱包扫码连接你自己打开的DApp，然后核对网站名称。',
      '在App里解绑旧手机号，然后我们会把验证码发到你的新手机号。',
      '系统会向来电者发送短信验证码，请他在App里输入，不要读给你。',
    ]) {
      expect(screenDataText(text, { contacts: true }), text).toEqual([]);
    }
    for (const text of [
      'We are not on Telegram or WhatsApp. Search for WalletHelp in the App Store to get the app.',
      'Ignore accounts on Telegram; search for the official app under the name WalletHelp in Google Play.',
      'Search your inbox for the confirmation e-mail; messages on Telegram claiming to be us are fake.',
      '我们没有微信客服，请在App Store搜索“XX钱包”下载官方App。',
    ]) {
      expect(findContact(text), text).toBeUndefined();
    }
    // The requests next to them are still refused.
    expect(findRequest('系统会向来电者发送验证码，请让他收到后立即报给你。')).toBe('one-time-code');
    expect(findRequest('请来电者把剩余余额转到你报给他的地址，审核完成后会原路退回。')).toBe('move-funds');
    expect(findRequest('Download the support app from the link in your e-mail and run it.')).toBe('remote-access');
  });

  it('refuses turning off the account\'s protection, or changing its e-mail or phone, for someone else; doing it for oneself passes (noticed: no request kind fitted)', () => {
    for (const text of [
      'Turn off 2FA so our agent can restore access to your account.',
      'Disable two-factor authentication, so that the support team can verify your wallet.',
      'Please remove the withdrawal whitelist for the agent.',
      'Change your e-mail to the one the agent gives you.',
      'Update your registered phone number to the number our specialist provides.',
      'Change the account\'s e-mail address to ours.',
      'Bind your account email to the address in the chat.',
      '2FA must be disabled before the agent can help.',
      'Switch off the anti-phishing code as the agent asks.',
      'Turn off two-step verification to let us unlock the account.',
      '请关闭谷歌验证，以便客服为您处理。',
      '把提现白名单关掉，配合工作人员完成解冻。',
      '请把绑定的手机号改成客服提供的号码。',
      '绑定客服提供的邮箱。',
      'Turn off 2FA so our agents can restore your access.',
      'Turn off 2FA so a representative can check the account.',
      'Turn off 2FA so support staff can unlock it.',
      'Turn off 2FA so customer service can help.',
      'Turn off 2FA so our technicians can fix it.',
      'Turn off 2FA, and our agent will do the rest.',
      'We need you to disable 2FA.',
      'Disable 2FA as instructed by the agent.',
      'Disable 2-factor authentication so the team can verify you.',
      'Remove Authy so our agent can log in.',
      'Change the e-mail on your account to the one the agent gives you.',
      'Bind your account to the phone number our agent gives you.',
      '我们的工作人员需要你关闭谷歌验证。',
      '请先关闭谷歌验证，然后客服会帮你解冻。',
      '请把绑定的手机号换成我们给你的号码。',
      '解绑谷歌验证，以便客服处理。',
      '关闭短信验证，方便工作人员操作。',
      '解绑谷歌，以便客服处理。',
    ]) {
      expect(findRequest(text), text).toBe('weaken-security');
    }
    for (const text of [
      'Disable SMS 2FA and use an authenticator app instead.',
      'Never turn off 2FA, even if someone claiming to be support asks.',
      'Support will never ask you to disable two-factor authentication.',
      'If someone asks you to turn off 2FA, hang up: it is a scam.',
      'Ask the caller whether they turned off 2FA recently.',
      'Change your e-mail address in Settings > Account.',
      'Update your phone number in the app before you lose the old SIM.',
      'If you lost your phone, support can reset 2FA for you after checking your identity.',
      'Turn on 2FA so that no one else can sign in.',
      'Remove old security keys you no longer use.',
      'Ask the caller to check whether anyone disabled 2FA.',
      'Tell the caller that support never asks them to turn off the withdrawal allowlist.',
      'If you lost access to your authenticator, use the official 2FA reset form.',
      '不要关闭谷歌验证，客服不会让你这样做。',
      '如果有人让你关闭二次验证，那是骗子。',
      '请在设置中更换绑定的手机号。',
      '开启谷歌验证，防止他人登录。',
      '客服绝不会要求你关闭提现白名单。',
      '询问来电者是否关闭过谷歌验证。',
      'Your e-mail will be changed to the new address after you confirm the link we sent.',
      'Move the authenticator to your new phone, then remove it from the old one.',
      'Check that the e-mail shows your anti-phishing code before you click anything.',
      'Set an anti-phishing code in Settings so real e-mails from us show it.',
      'Compare the anti-phishing code in the e-mail with the one you set.',
      'Set up an anti-phishing code.',
      'Ask the caller to disable SMS 2FA and use an authenticator app instead.',
      'Tell the caller to turn off 2FA on their old phone before resetting it.',
      'Ask the caller to delete the security key they lost.',
      'Ask the caller to turn off email 2FA for the old address and then turn it on for the new address.',
      'Ask the caller to remove the allowlist address they do not recognise.',
      '请来电者删除白名单中不认识的地址。',
      '请来电者移除白名单地址中不认识的条目。',
      'Turning off 2FA lets anyone with your password log in, so keep it on and let the team know if someone asks.',
      'Before you disable 2FA, make sure you can log in another way, and let the team know if you need help.',
      'Deleting the authenticator app before moving it will lock you out, so let us help you move it first.',
      'Update the account e-mail to the new one the caller gives, after the identity check.',
      'Change the phone number to the number they gave when they signed up.',
      'Ask the caller for the anti-phishing code in the message.',
      'Set an anti-phishing code so real e-mails from us show it.',
      '删除谷歌浏览器的缓存，方便客服查看问题。',
      '关闭谷歌浏览器的翻译功能，以便客服看到原文。',
      // An agent asking the caller to turn a factor off, with nobody named it is for: replacing or removing what is bad is
      // honest advice (review: the asking alone was taken for the request).
      'Ask the caller to disable Google Authenticator.',
      'Have the caller turn 2FA off.',
      '请来电者关闭二次验证。',
    ]) {
      expect(findRequest(text), text).toBeUndefined();
    }
    // In Traditional characters, as read.
    expect(screenDataText('請關閉谷歌驗證，以便客服處理。', { contacts: true })).toEqual([{ type: 'request', kind: 'weaken-security' }]);
    // Worded as what is asked, in both languages: a sentence of its own, like moving the money.
    expect(flowProblems(withEnStep('Turn off 2FA so our agent can restore access to your account.'))[0]).toMatch(/asks to turn off the account's protection for someone else \(two-factor authentication, a withdrawal allowlist\) or to change its e-mail or phone/);
    expect(flowProblems(withZhStep('请关闭谷歌验证，以便客服为您处理。'), 'zh')[0]).toMatch(/要求为他人关闭账户的保护/);
  });

  it('the last of the fourth round: a list of ordinal words, the code in an e-mail from us, the numbers of a confirmation text read out, the camera on the screen, what the app says (red-team review)', () => {
    const requests: [string, string][] = [
      ['Tell the caller you need the first, fifth and ninth words of their phrase to confirm identity.', 'recovery-phrase'],
      ['Ask the caller to forward you the email from us containing the code.', 'one-time-code'],
      ['When the caller receives the confirmation text, ask them to read the numbers to you.', 'one-time-code'],
      ['Ask the caller to start a video call and turn the camera to their computer screen while they log in.', 'remote-access'],
      ['If the app says "no connection" read your 12 words out to the agent.', 'recovery-phrase'],
      ['请来电者把手机上收到的短信内容截图发给你。', 'one-time-code'],
    ];
    for (const [text, kind] of requests) expect(findRequest(text), text).toBe(kind);
    for (const text of [
      'You will get a confirmation text; enter the code in the app.',
      'Point the camera at the QR code on the other phone.',
      'The first, second and third steps are in the app.',
      'If the site says you must deposit 500 USDT to restore access, close it and report it.',
      'Forward the e-mail from us containing the ticket number to your own archive.',
      '请把收到的诈骗短信截图发给反诈中心。',
      '请来电者查看收到的短信内容是否来自官方号码。',
    ]) {
      expect(findRequest(text), text).toBeUndefined();
    }
  });

  it('refuses advice to find a support contact through a search engine, which CATALOG.md says we never repeat; warnings against it pass (red-team review)', () => {
    for (const text of [
      'Search for the support number on Google and call the first result.',
      'Tell the caller to search "walletfix support" on Google and use the first result.',
      "Google the exchange's customer service number and call it.",
      'Look up the support hotline online and call it.',
      '在百度上搜索客服电话，打过去就能处理。',
      '网上查一下官方客服热线。',
      '请拨打搜索结果里的第一个号码。',
    ]) {
      expect(findRequest(text), text).toBe('search-for-contact');
    }
    for (const text of [
      'Never search for the support number on Google: fake numbers rank high there.',
      'Do not google the support number; use the contacts shown below.',
      'Search for the official app in the App Store.',
      'Search for the transaction ID in a block explorer.',
      'You can look up the network fee online before you send.',
      '不要在百度上搜索客服电话，搜索结果里有很多假客服。',
      '在App里搜索“人工客服”即可联系官方客服。',
    ]) {
      expect(findRequest(text), text).toBeUndefined();
    }
    expect(flowProblems(withEnStep('Search for the support number on Google and call the first result.'))[0]).toMatch(/tells the user to find a support contact through a search engine \(or to call the first result\), which is how fake support numbers reach people/);
    expect(flowProblems(withZhStep('在百度上搜索客服电话。'), 'zh')[0]).toMatch(/让用户通过搜索引擎查找客服联系方式/);
  });

  it('refuses a staff member\'s own messaging account, added by an ID or a QR code from a ticket or a message; the directory\'s channels and warnings pass (red-team review)', () => {
    for (const text of [
      '请来电者添加专员微信，微信号见工单附件。',
      '请来电者扫描工单里的二维码添加专属客服。',
      '添加客服微信，微信号见短信。',
      '扫描二维码添加专属顾问。',
      'Add the specialist on WeChat; the ID is in your ticket.',
      'Scan the QR code in the e-mail to chat with your account manager.',
      'Add our support agent on WhatsApp to continue.',
      // "Official" is what every impostor says: it points to no channel of the directory (review).
      'Add the official specialist on WeChat; the ID is in your ticket.',
      '添加官方专员微信，微信号见工单附件。',
      "Add your case officer's WeChat: the ID is in the e-mail.",
      '请加一下负责你案件的专员微信，号码见邮件。',
      'Add our specialist, Mr Wang, on WeChat to continue.',
    ]) {
      expect(findRequest(text), text).toBe('private-contact');
    }
    for (const text of [
      '请添加下方列出的官方客服微信。',
      '不要添加任何自称专员的人的微信。',
      'Contact us through the WeChat official account listed below.',
      'Never add an agent on WhatsApp: support does not work that way.',
      'Scan the QR code on the deposit page to copy the address.',
      // The app's own channels (review).
      '请扫描App首页的二维码添加客服微信。',
      '在App“联系我们”页面扫描二维码添加专属客服。',
      'You can message our agent on WhatsApp using the number shown in the app.',
      'You can, if you prefer, message our agent on WhatsApp using the number shown in the app.',
      'Never add an agent, whatever they say, on WhatsApp.',
    ]) {
      expect(screenDataText(text, { contacts: true }), text).toEqual([]);
    }
    // After an app and a colon, a sentence in plain words is no account; a handle still is (false-alarm review).
    for (const text of ['WhatsApp: support never messages first.', 'We are not on Telegram: anyone there is pretending.', 'Note on WeChat: replies can take a day.']) {
      expect(findContact(text), text).toBeUndefined();
    }
    for (const [text, id] of [['Telegram: walletfixdesk', 'walletfixdesk'], ['WhatsApp: helpdesk is online now.', 'helpdesk'], ['WeChat: walletfix88 for help.', 'walletfix88']] as const) {
      expect(findContact(text)?.text, text).toBe(id);
    }
    expect(flowProblems(withEnStep('Add the specialist on WeChat; the ID is in your ticket.'))[0]).toMatch(/sends the user to a staff member's own messaging account .*contacts come only from the support directory: remove it/);
    expect(flowProblems(withZhStep('请添加专员微信，微信号见工单附件。'), 'zh')[0]).toMatch(/让用户添加某位工作人员的私人通讯账号/);
  });

  it('reads "the words" of a secret named before as that secret, and "a few words of" as part of it (red-team review)', () => {
    const requests: [string, string][] = [
      ['Please keep your recovery phrase next to you; the agent will ask you to read a few of the words.', 'recovery-phrase'],
      ['Please keep your recovery phrase next to you. The agent will ask you to read a few of the words.', 'recovery-phrase'],
      ['Have your recovery phrase ready. The agent will ask you for the third and fifth words.', 'recovery-phrase'],
      ['Have your seed phrase ready. Our agent will confirm the first four words with you.', 'recovery-phrase'],
      ['Read out a few words of your recovery phrase to the agent.', 'recovery-phrase'],
      ['The agent will ask you to read out a few of the words of your recovery phrase.', 'recovery-phrase'],
      ['Our agent will confirm your seed phrase with you.', 'recovery-phrase'],
      ['The agent will confirm your verification code with you.', 'one-time-code'],
      ['We sent a verification code to your phone. Tell the agent the 6 digits.', 'one-time-code'],
      ['Your private key is needed. Paste the characters into the support chat.', 'private-key'],
      ['请来电者收到短信后，把里面的数字念给你。', 'one-time-code'],
      ['收到短信后，把那串数字念给专员。', 'one-time-code'],
      ['Keep your recovery phrase next to you. The agent will need words 3 and 7 to verify you.', 'recovery-phrase'],
      ['Keep your recovery phrase next to you. Then read words three and seven to the agent.', 'recovery-phrase'],
      ['Keep your recovery phrase next to you. The specialist will ask for the 3rd and 7th word.', 'recovery-phrase'],
      ['把邮件里的6位数字念给客服听。', 'one-time-code'],
    ];
    for (const [text, kind] of requests) expect(findRequest(text), text).toBe(kind);
    for (const text of [
      'Your recovery phrase is 12 words. Write the words on paper in order and keep them offline.',
      'Your recovery phrase is the master key. Anyone who asks for the words is a scammer.',
      'We will text you a verification code. The 6 digits expire after 60 seconds.',
      'We sent a verification code to your phone. Enter the 6 digits in the app.',
      'Restore from your recovery phrase. Type the words into the restore screen of the official app.',
      'Never share your recovery phrase. If someone asks you to read the words aloud, hang up.',
      'Keep your recovery phrase on paper. Nobody from support will ask you for any of the words.',
      'We will verify your password when you sign in.',
      // Digits that say whose they are, and the last four that support checks (review).
      'You will get a one-time code by SMS. Tell the agent the last four digits of your phone number so they can find your account.',
      'Have your card number ready. The agent will ask you to confirm the last four digits.',
      'Write down your recovery phrase. Check the word spelling against the list in the app.',
      '收到短信后，把里面的数字输入到App的验证页面。',
      '短信里的数字只填在官方App里，不要告诉任何人。',
    ]) {
      expect(findRequest(text), text).toBeUndefined();
    }
  });

  it('refuses a screen recording someone watches as it is made, and passes one sent with a ticket (red-team review)', () => {
    for (const text of ['请来电者开启手机的屏幕录制并进入钱包，专员会在线指导。', '打开录屏，然后登录账户，客服会实时查看。', 'Start a screen recording and open your wallet so our specialist can guide you live.', 'Record your screen while you open your wallet so our agent can watch live.', 'Turn on screen recording, then open the app; the agent will watch.', '先开启录屏，然后打开钱包。专员会在线指导。']) {
      expect(findRequest(text), text).toBe('remote-access');
    }
    for (const text of ['如果转账失败，可以开启录屏记录操作过程，以便之后向客服说明。', '开启录屏记录问题，然后把视频发给客服，客服会查看。', 'Start a screen recording of the error and attach it to your ticket so the team can see what happened.', 'Start a screen recording of the error. The team can see it later in your ticket.', 'Do not start a screen recording for anyone. The agent will never watch your screen.']) {
      expect(findRequest(text), text).toBeUndefined();
    }
  });

  it('refuses a secret named first and read out later in the sentence, by "it" or with the object left out; reading it to oneself passes (hostile review)', () => {
    const requests: [string, string][] = [
      ['Confirm your recovery phrase by reading it out.', 'recovery-phrase'],
      ['Get your recovery phrase ready and read it out to the agent.', 'recovery-phrase'],
      ['Verify your seed phrase by saying the words out loud.', 'recovery-phrase'],
      ['Get your seed phrase and read out each word.', 'recovery-phrase'],
      ['Confirm your password by saying it aloud.', 'password'],
      ['Get the verification code and read the digits out.', 'one-time-code'],
      ['请把助记词念出来。', 'recovery-phrase'],
      ['把助记词读给客服听。', 'recovery-phrase'],
      // The object left out, or said again by 它, after a comma.
      ['拿出助记词，念给我们听。', 'recovery-phrase'],
      ['请拿出你的助记词，然后念给客服听。', 'recovery-phrase'],
      ['找到助记词后，把它念出来。', 'recovery-phrase'],
      ['核對助記詞：把它讀給客服聽。', 'recovery-phrase'],
      ['收到验证码后，请读给客服听。', 'one-time-code'],
      ['找到密码，把它报给客服。', 'password'],
      // Named in one sentence, given away by "it" in the next (QA: hostile review; it passed across the full stop).
      ['Have your recovery phrase ready. Then read it out to the agent.', 'recovery-phrase'],
      ['Find your private key. Send it to us by e-mail.', 'private-key'],
      ['Write down your seed phrase. It must be sent to our support team.', 'recovery-phrase'],
      ['准备好你的助记词。然后把它念出来。', 'recovery-phrase'],
      ['Find the recovery phrase and give them to the agent.', 'recovery-phrase'],
    ];
    for (const [text, kind] of requests) expect(screenDataText(text, { contacts: true }), text).toEqual([{ type: 'request', kind }]);
    expect(flowProblems(withEnStep('Confirm your recovery phrase by reading it out.'))).toEqual([expect.stringMatching(/\(en\) asks for the recovery phrase/)]);
    expect(flowProblems(withZhStep('拿出助记词，念给我们听。'))).toEqual([expect.stringMatching(/\(zh\) asks for the recovery phrase/)]);
    for (const text of [
      'Check your recovery phrase by reading it against your paper backup.',
      'Never confirm your recovery phrase by reading it out.',
      'Check your recovery phrase, then read out the error message.',
      '不要把助记词念出来。',
      '助记词只写在纸上，任何人让你念出来都是诈骗。',
      '助记词一旦念出来就可能被人听到。',
      '核对助记词时，逐个读一遍纸上的单词。',
      '核对助记词后，把错误代码念给客服听。',
      // The sentence after, read with the one before it: its warnings count, and what "it" does to oneself passes.
      'Never share your recovery phrase. If someone asks you to read it out, hang up.',
      'Keep your recovery phrase offline. Support will never ask you to read it out.',
      'Write your recovery phrase on paper. Keep it somewhere safe.',
      'Your password protects your account. Change it every few months.',
      'Open the app and find your one-time code. Enter it on the sign-in screen.',
      '你的助记词只有你自己知道。任何人让你把它念出来，都是诈骗。',
      // "Them" followed by what they should do is the caller, not the words (in one sentence or two).
      'Keep your recovery phrase safe and tell them support never asks for it.',
      'Keep your recovery phrase safe. Tell them to call the security line.',
      'If their recovery phrase may have leaked, tell them to create a new wallet with a new recovery phrase. Make clear that support never gives out an address.',
    ]) {
      expect(screenDataText(text, { contacts: true }), text).toEqual([]);
    }
  });

  it('refuses a vanity number, its digits printed as keypad letters, and passes codes, versions, dates and amounts with capitals (hostile review)', () => {
    const numbers: [string, string][] = [
      ['Call 1-800-FLOWERS for help.', '1-800-FLOWERS'],
      ['Call 1 (800) WALLET-1 now.', '1 (800) WALLET-1'],
      ['Our line (800) HELP-NOW is open all day.', '(800) HELP-NOW'],
      ['Call 0800 HELP NOW with the time.', '0800 HELP NOW'],
      ['请拨打 400-WALLET-88。', '400-WALLET-88'],
      ['请拨打400 WALLET 88获取帮助。', '400 WALLET 88'],
    ];
    for (const [text, quoted] of numbers) expect(findContact(text), text).toEqual({ kind: 'phone', text: quoted });
    // A toll-free number with a word in any case, as brands print theirs (QA: hostile review; "1-800-Flowers" passed).
    const words: [string, string][] = [
      ['Call 1-800-Flowers for help.', '1-800-Flowers'],
      ['Dial 800-Wallets now.', '800-Wallets'],
      ['Call (888) Help-Now today.', '(888) Help-Now'],
      ['Our line is +1 877-Coinbase.', '+1 877-Coinbase'],
      ['Our hotline 1-888-Wallet-Help is open.', '1-888-Wallet-Help'],
    ];
    for (const [text, quoted] of words) expect(findContact(text), text).toEqual({ kind: 'phone', text: quoted });
    for (const text of ['Run the 800-meter test.', 'It took 1.800 seconds.', 'Pay 1 800 yuan.', 'Send 1 800 USDT to your own address.', 'About 1-800 users saw this.', 'Version 800-beta is out.']) {
      expect(findContact(text), text).toBeUndefined();
    }
    expect(flowProblems(withEnStep('Call 1-800-FLOWERS with the time.'))).toEqual([expect.stringMatching(/\(en\) contains a phone number \("1-800-FLOWERS"\)/)]);
    expect(flowProblems(withZhStep('请拨打 400-WALLET-88 并带上时间。'))).toEqual([expect.stringMatching(/\(zh\) contains a phone number \("400-WALLET-88"\)/)]);
    for (const text of [
      'Error E-1001: the card was declined.',
      'Update to iOS 17 and try again.',
      'Go to step 2-FA in the settings.',
      'Requires version 2.3.1 BETA or later.',
      'Since 2026-10-01 withdrawals take longer.',
      'Send 0.5 ETH to your own address.',
      'Withdraw 800 USDT TRC20 to your own wallet.',
      'The page says Error 404 NOT FOUND.',
      'Error code 1001-CARD-LOCK means the card is locked.',
      'Outages are announced at 0900 UTC DAILY.',
      'The test reaches answer-0 first.',
      '提现 800 USDT TRC20 到你自己的钱包。',
    ]) {
      expect(screenDataText(text, { contacts: true }), text).toEqual([]);
    }
  });

  it('refuses a host written with a space on one side of a dot, and passes sentences whose next word is a suffix too (hostile review)', () => {
    const hosts: [string, string][] = [
      ['Visit walletsupport. com for help.', 'walletsupport. com'],
      ['Open help.walletsupport. com/ticket and log in.', 'help.walletsupport. com/ticket'],
      ['Visit walletsupport .com today.', 'walletsupport .com'],
      ['Open walletsupport. app/help to unlock the card.', 'walletsupport. app/help'],
      ['请访问 walletsupport. com 解锁账户。', 'walletsupport. com'],
    ];
    for (const [text, quoted] of hosts) expect(findContact(text), text).toEqual({ kind: 'url', text: quoted });
    expect(flowProblems(withEnStep('Open help.walletsupport. com/ticket with the time.'))).toEqual([expect.stringMatching(/\(en\) contains a web address \("help\.walletsupport\. com\/ticket"\)/)]);
    for (const text of [
      'It is done. Come back later.',
      'Go to Settings. Community posts are not support.',
      'Tap Help. Support staff never ask for your phrase.',
      'Compare the fees, e.g. me and you pay the same.',
      'Check the fee vs. net amount.',
      'Never trust any .com site that asks for your phrase.',
      'Install the .NET runtime.',
      'Restart the phone. top up the card.',
      'Ask the wallet. co-signers approve each payment.',
    ]) {
      expect(screenDataText(text, { contacts: true }), text).toEqual([]);
    }
  });

  it('refuses a messaging account said in words, "as", "is", looked for or searched for, and passes plain English about the apps (hostile review)', () => {
    const handles: [string, string][] = [
      ['Find us on Telegram as WalletHelpDesk.', 'WalletHelpDesk'],
      ['Find us on Telegram as wallethelpdesk.', 'wallethelpdesk'],
      ['Our Telegram is WalletHelpDesk.', 'WalletHelpDesk'],
      ['Our WeChat ID is Wallet_Help.', 'Wallet_Help'],
      ['On Telegram, look for WalletHelpDesk.', 'WalletHelpDesk'],
      ['Look for WalletHelpDesk on Telegram.', 'WalletHelpDesk'],
      ['Message WalletHelp_Official on Telegram.', 'WalletHelp_Official'],
      ['Follow walletnews on Twitter.', 'walletnews'],
      // After "username is" or "ID is", a name that ends the clause (QA: hostile review; "walletfix" passed).
      ['Our Telegram username is walletfix.', 'walletfix'],
      ['Our WeChat ID is walletfix, add it now.', 'walletfix'],
      ['Our Telegram is walletfix.', 'walletfix'],
      // Whoever the app is said to belong to.
      ['Your Telegram is walletfix.', 'walletfix'],
      ['The official Telegram is walletfix.', 'walletfix'],
      ["The support team's WhatsApp is walletfix.", 'walletfix'],
      ['Their Signal is walletfix; message it.', 'walletfix'],
      ['Add mybuddy on WeChat.', 'mybuddy'],
      ['Message updates24 on Telegram.', 'updates24'],
      ['Add us on WeChat: wallet_help88', 'wallet_help88'],
      ['Telegram username: WalletHelpDesk', 'WalletHelpDesk'],
      ['在电报上搜索 WalletHelpDesk 联系客服。', 'WalletHelpDesk'],
      ['微信搜索 wallethelp 添加客服。', 'wallethelp'],
      ['微信号是 wallethelp。', 'wallethelp'],
      ['加飞机：wallethelp88', 'wallethelp88'],
      ['纸飞机搜索 WalletHelpDesk', 'WalletHelpDesk'],
    ];
    for (const [text, quoted] of handles) expect(findContact(text), text).toEqual({ kind: 'handle', text: quoted });
    // A number said as the account is a phone number.
    expect(findContact('Our WhatsApp is +44 7700 900123.')).toEqual({ kind: 'phone', text: '+44 7700 900123' });
    expect(flowProblems(withEnStep('Find us on Telegram as WalletHelpDesk with the time.'))).toEqual([expect.stringMatching(/\(en\) contains a social media handle \("WalletHelpDesk"\)/)]);
    expect(flowProblems(withZhStep('在电报上搜索 WalletHelpDesk 并带上时间。'))).toEqual([expect.stringMatching(/\(zh\) contains a social media handle \("WalletHelpDesk"\)/)]);
    for (const text of [
      'Find us on Telegram as always: through the link in the app.',
      'Open Telegram as usual and check the chat list.',
      'Open WhatsApp as administrator.',
      'Our Telegram is offline today.',
      'Your Telegram username is shown in Settings.',
      'Your Telegram username is private.',
      'Your Telegram username is case-sensitive.',
      'Your WeChat ID is unique.',
      'Your Telegram username is optional.',
      'Our Telegram is offline.',
      'My WhatsApp is busy.',
      'Your Telegram is logged out.',
      'The Telegram is blocked in some countries.',
      'Your WhatsApp is ready.',
      'The official Telegram is down.',
      'Your Telegram is updated.',
      'Our Telegram is temporarily unavailable.',
      'Check your Telegram username settings.',
      'On Telegram, look for the official channel in the app.',
      // A plain word after the verb is what is found there, not an account.
      'Find updates on Telegram.',
      'Message friends on WhatsApp.',
      'Follow announcements on Twitter.',
      'Add contacts on WeChat from the address book.',
      'Text family on Signal first.',
      'The phone line is WalletHelpDesk',
      '我们的电报群已关闭，请在 App 里联系客服。',
      '打开微信支付查看账单。',
    ]) {
      expect(findContact(text), text).toBeUndefined();
    }
  });

  it('refuses a site reached by its IPv6 address in brackets, and passes brackets that hold none or an address named in a network step (hostile review)', () => {
    const sites: [string, string][] = [
      ['Open http://[2001:db8::1]/help to unlock the card.', 'http://[2001:db8::1]/help'],
      ['Open https://[::1]:8443/ and log in.', 'https://[::1]:8443/'],
      ['Go to [2001:db8::1]:443.', '[2001:db8::1]:443'],
      ['Visit [2001:db8::1] for help.', '[2001:db8::1]'],
      ['请访问 http://[2001:db8::1]/help 解锁账户。', 'http://[2001:db8::1]/help'],
    ];
    for (const [text, quoted] of sites) expect(findContact(text), text).toEqual({ kind: 'url', text: quoted });
    expect(flowProblems(withEnStep('Open http://[2001:db8::1]/help with the time.'))).toEqual([expect.stringMatching(/\(en\) contains a web address \("http:\/\/\[2001:db8::1\]\/help"\)/)]);
    for (const text of ['Could not reach [2001:db8::1] (error E2002).', 'The log shows [12:30:45]: retry.', 'See the items [a:b:c] in the list.', 'Take every second one, as in data[1::2].']) {
      expect(findContact(text), text).toBeUndefined();
    }
  });

  it('a review corpus: its legitimate sentences pass and its requests are refused, but for the known limits named here (red-team review)', () => {
    const requestIn = (text: string) => screenDataText(text, { contacts: false }).find((f) => f.type === 'request');
    // Borderline: pairing a device shows the same code on both, and 7726 is where UK phones report spam texts.
    expect(LEGIT.filter((text) => requestIn(text) !== undefined)).toEqual([
      'Ask the caller to read out the 6-digit code shown on both devices.',
      'Forward the SMS you received to 7726 to report it as spam.',
    ]);
    // Wordings the rules do not know; a reviewer still reads an operator flow before it is used.
    expect(SCAM.filter((text) => requestIn(text) === undefined)).toEqual([
      'Kindly furnish your twelve secret words so we can verify ownership.',
      'Send us a photo of the paper where you wrote your 12 words.',
      'Hold your recovery sheet up to the camera.',
      'What digits did you just receive by text?',
      'Please confirm the code that was just texted to you.',
      "What do you use to log in? We'll need it.",
      'Please send your login and pass.',
      'Open the wallet.dat and copy its contents into the form.',
      'Hand your phrase to the technician.',
      'Download the support app from the link and give us the 9-digit ID it shows.',
      'Accept the connection request that pops up.',
      '在钱包App里打开助记词，然后截图给我。',
    ]);
  });

  it('reads a Chinese request in its own clause: a calming or conditional clause before it makes it no warning (red-team review)', () => {
    const requests: [string, string][] = [
      // Scam scripts open with reassurance; a negation in an earlier clause governs that clause only.
      ['不用担心，请把助记词发给客服。', 'recovery-phrase'],
      ['如果手续费没有退回，请把助记词发给客服。', 'recovery-phrase'],
      ['为防止诈骗，请把助记词发给客服核验。', 'recovery-phrase'],
      ['这不是诈骗，请放心把助记词告诉客服。', 'recovery-phrase'],
      ['别着急，把助记词发给我们就行。', 'recovery-phrase'],
      ['别担心把助记词发给客服就行。', 'recovery-phrase'],
      ['客服已经为你开通退款通道，请把助记词发给客服。', 'recovery-phrase'],
      ['不要挂断电话，把收到的验证码告诉客服。', 'one-time-code'],
      ['没收到退款的话，请告诉客服你的登录密码。', 'password'],
      ['不用担心，下载向日葵，客服远程帮你处理。', 'remote-access'],
      ['不用慌，请按客服指引把资金转到客服提供的安全账户。', 'move-funds'],
      ['如果没有到账，请先缴纳解冻费后再提现。', 'pay-to-unlock'],
      ['别担心，打开链接连接钱包即可领取退款。', 'connect-wallet'],
      ['不用担心，找到助记词后，念给客服听。', 'recovery-phrase'],
      // A promise after it is still a request.
      ['把助记词发给客服就能退款。', 'recovery-phrase'],
      // The English name in a Chinese sentence, and other names of the same secrets.
      ['请把你的 seed phrase 发给客服。', 'recovery-phrase'],
      ['请将 recovery phrase 粘贴到聊天框。', 'recovery-phrase'],
      ['请把你的 private key 发给我们。', 'private-key'],
      ['请把备份短语发给客服。', 'recovery-phrase'],
      ['请把钱包密语发给客服。', 'recovery-phrase'],
      ['请出示私匙。', 'private-key'],
      // A refund, a check or support that needs the secret.
      ['退款需要您的助记词。', 'recovery-phrase'],
      ['客服需要核对你的助记词。', 'recovery-phrase'],
      ['身份核验需要您的助记词。', 'recovery-phrase'],
    ];
    for (const [text, kind] of requests) expect(request(text), text).toEqual({ type: 'request', kind });
    for (const text of [
      // A negation said to reach past the comma, a scam told of before, harm said after: warnings all.
      '不要以“找回资金”为由，把助记词或私钥交给任何人。',
      '有人冒充客服，要求提供验证码，请立即挂断。',
      '骗子会冒充客服，让你把助记词发给他们。',
      '如果对方让你不要挂断电话，并把验证码告诉他，这是诈骗。',
      '骗子会让你先下载软件，然后把验证码告诉他。',
      '不要轻信，把助记词发给任何人都有风险。',
      '把助记词发给别人就会被盗。',
      // The full-width comma is read as a comma (NFKC): what is before it is not what comes after.
      '请只把交易截图发给客服，助记词任何时候都不要发。',
      '不要把你的 seed phrase 发给任何人。',
      '请在钱包 App 里输入你的 recovery phrase 恢复钱包。',
      '恢复钱包需要你的助记词。',
      '在新手机上恢复钱包时需要助记词。',
      '客服不需要你的助记词。',
    ]) {
      expect(request(text), text).toBeUndefined();
    }
  });

  it('reads an English negation where it governs: reassurance, a fake charge, "unless" and a new clause make no warning (red-team review)', () => {
    for (const text of [
      'No worries — send us your recovery phrase and we will refund the fee.',
      "Don't panic and send us your recovery phrase.",
      'To block the fake charge send us your recovery phrase.',
      'To stop the fraud send the agent your seed phrase.',
      'It is not hard to send us your recovery phrase.',
      'Be careful to send us the correct recovery phrase.',
      'No refund is possible unless you send us your recovery phrase.',
      'Without your recovery phrase we cannot refund the fee, so send it to the agent.',
      'We never ask for more than your recovery phrase; send it to the agent.',
      'Without the 12 words we cannot help, so read them to the agent now.',
      'Tell the caller not to worry and to read out their recovery phrase.',
      // A verification, a refund or a review that needs the secret.
      'Account verification requires your 12-word recovery phrase.',
      'The refund requires your seed phrase.',
      // Said as what will be asked of the reader; a reply that carries it.
      'You will be asked to provide your recovery phrase for verification.',
      'You may be asked for your seed phrase during the call.',
      'Reply to the ticket with your recovery phrase.',
      'Hand your recovery phrase over to the agent.',
    ]) {
      expect(request(text), text).toEqual({ type: 'request', kind: 'recovery-phrase' });
    }
    for (const text of [
      'Never write your recovery phrase down in a chat, share it or photograph it.',
      'Scammers ask for your recovery phrase. They tell you to read it out to them.',
      'Be careful not to send your recovery phrase to anyone.',
      'Do not send your recovery phrase unless you are restoring your own wallet in the official app.',
      'No one from support will ask for your recovery phrase, so never send it to anyone.',
      'Keep your recovery phrase offline. Never type it into a website.',
      'A fake agent may ask you to read out your recovery phrase; hang up.',
      "Don't worry: we will never ask for your recovery phrase.",
      'Restoring your wallet requires your recovery phrase.',
      'A refund never requires your recovery phrase.',
      'You will never be asked for your recovery phrase.',
      'When you restore the wallet, you will be asked for your recovery phrase.',
      'You will be asked for your recovery phrase in the wallet app.',
      'After creating the wallet, you will be asked to confirm your recovery phrase.',
      'You will be asked to enter your password on the login page.',
      'You may be asked for your password when you log in.',
      'Reply to the ticket with your account ID.',
      'Never hand your recovery phrase over to anyone.',
    ]) {
      expect(request(text), text).toBeUndefined();
    }
  });

  it('passes amounts grouped by threes with their currency, error codes and ids with a prefix, and still finds numbers to call (red-team review)', () => {
    for (const text of [
      'Transfers of 1 000 000 JPY or more need a source-of-funds document.',
      '单笔转账上限为 1 000 000 元。',
      'Daily limit: 2 500 000 IDR.',
      'Limits start at € 1 500 000.',
      'Payment failed (code 400-1002): the card issuer declined it.',
      'Your reference number is shown as REF-20250701-0042 on the receipt.',
      '客服工单编号格式为 WH-2025-000123。',
      // Round thousands, and an amount after a word of quantity (QA: flow authoring).
      'Amounts over 1 000 000 need extra checks.',
      'Transfers above 10 250 000 are reviewed.',
      '超过 10 000 000 的转账需要人工审核。',
    ]) {
      expect(findContact(text), text).toBeUndefined();
    }
    // A number to call after the same word is one all the same.
    expect(findContact('Reach us over 212 555 123 today.')).toBeDefined();
    for (const [text, number] of [
      ['Call us at 1 800 555 014 now.', '1 800 555 014'],
      ['Call 555 123 456 today.', '555 123 456'],
      ['Call 555 123 456 NOW', '555 123 456'],
      ['TEL-4155550143', '4155550143'],
      ['Error code 4155550143 means call us.', '4155550143'],
      ['Hotline: 400 800 8888', '400 800 8888'],
    ] as const) {
      expect(findContact(text), text).toEqual({ kind: 'phone', text: number });
    }
  });

  it('finds Chinese numbers in financial numerals or in groups, and accounts after WX, 加V or "add" without a digit (red-team review)', () => {
    for (const [text, number] of [
      ['客服电话：壹叁捌零零壹叁捌零零零', '13800138000'],
      ['手续费有问题请致电 壹叁捌 零零壹叁 捌零零零。', '138 0013 8000'],
      ['客服热线：一三八 零零一三 八零零零', '138 0013 8000'],
    ] as const) {
      expect(findContact(text), text).toEqual({ kind: 'phone', text: number });
    }
    for (const [text, handle] of [
      ['WX：walletfix88', 'walletfix88'],
      ['加V：walletfix88', 'walletfix88'],
      ['加微信 walletfix 处理退款。', 'walletfix'],
      ['微 信：walletfix88', 'walletfix88'],
      ['加威芯 walletfix88', 'walletfix88'],
    ] as const) {
      expect(findContact(text), text).toEqual({ kind: 'handle', text: handle });
    }
    for (const text of ['一 二 三，准备好了吗？', '加微信好友后再处理。', '请在微信里联系客服。', '添加微信支付的银行卡。', '联系微信客服处理。']) {
      expect(findContact(text), text).toBeUndefined();
    }
  });

  it('finds an e-mail address written with "#" for its "@" at a mail provider or where the text says to swap it (red-team review)', () => {
    expect(findContact('请把截图发到邮箱 walletfix88#qq.com（#换成@）。')).toEqual({ kind: 'email', text: 'walletfix88#qq.com' });
    expect(findContact('Email walletfix#gmail.com with the screenshot.')).toEqual({ kind: 'email', text: 'walletfix#gmail.com' });
    expect(findContact('Send it to help#walletfix.io (replace # with @).')).toEqual({ kind: 'email', text: 'help#walletfix.io' });
    for (const text of ['See issue #123 on GitHub.', 'Use the tag v2.0#release.notes for details.', 'Press # to return to the main menu.']) expect(findContact(text), text).toBeUndefined();
  });

  it('refuses remote access through more apps and words: LogMeIn, AnyViewer, HopToDesk, "present your screen", 屏幕分享 (red-team review)', () => {
    for (const text of [
      'Install LogMeIn Rescue so our technician can fix the fee.',
      'Download AnyViewer and read us the ID it shows.',
      'Download HopToDesk and send the agent your ID.',
      'Install GoToAssist and enter the session code we give you.',
      'Join the Google Meet and present your screen to the agent.',
      'Mirror your phone to our agent so they can check the fee.',
      'Our technician will log in to your computer to refund the fee.',
      'Our engineer will connect to your PC to fix the fee.',
      '打开会议，把屏幕分享给客服。',
      '开启屏幕分享，客服帮你查看手续费。',
      '安装 AnyViewer，把设备代码告诉客服。',
    ]) {
      expect(request(text), text).toEqual({ type: 'request', kind: 'remote-access' });
    }
    for (const text of [
      'Log in to your account on your computer.',
      'Connect your phone to Wi-Fi.',
      'Never let anyone log in to your computer remotely.',
      'We will never connect to your PC.',
      'Our team can log in to the admin panel to check the fee.',
      'Share your screen only with people you trust in person.',
      '不要把屏幕分享给任何人。',
    ]) {
      expect(request(text), text).toBeUndefined();
    }
  });

  it('the bundled flows and the README example pass, and are validated by the same validator', async () => {
    for (const file of ['account-compromised', 'contact-support', 'suspicious-contact', 'forgot-password', 'login-failed', 'deposit-missing', 'account-locked', 'payment-failed']) {
      expect((await loadFlowFile(join(ROOT, 'flows', `${file}.yaml`), 'en', true)).problems).toEqual([]);
    }
  });

  it('--flows: the flow is skipped with a located warning, and nothing of it reaches text or --json output', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'card-declined.yaml'), FLOW.replace('"Top up the card or use another payment method, then pay again."', '"Restore with: abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about"'));
    const r = await run(['--flows', dir, 'diagnose', 'card-declined', '--balance', 'insufficient', '--json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Warning: skipped a broken flow file: .*card-declined\.yaml:17:\d+: .*contains what looks like a recovery phrase/);
    expect(r.stdout + r.stderr).not.toContain('abandon');
    const validated = await run(['flows', 'validate', dir]);
    expect(validated.code).toBe(1);
    expect(validated.stdout + validated.stderr).not.toContain('abandon');
  });
});

const DIRECTORY = readFileSync(join(ROOT, 'directory/example.yaml'), 'utf8');
const dirProblems = (text: string) => loadDirectoryText(text, 'dir.yaml').problems.map(formatProblem);

describe('requests the README names, in wordings that passed (QA: hostile review)', () => {
  it('finds them, and lets their warnings pass', () => {
    const requests: [string, string][] = [
      ['Attach your recovery phrase to the ticket.', 'recovery-phrase'],
      ['Pay the tax before your withdrawal is released.', 'pay-to-unlock'],
      ['You must pay tax before a withdrawal.', 'pay-to-unlock'],
      ['提现前请先缴纳个人所得税。', 'pay-to-unlock'],
      ['Pay the withdrawal fee to the agent first.', 'pay-to-unlock'],
      ['Tell the agent the code we just texted you.', 'one-time-code'],
      ['请下载客服发来的远程软件。', 'remote-access'],
    ];
    for (const [text, kind] of requests) expect(screenDataText(text, { contacts: true }), text).toEqual([{ type: 'request', kind }]);
    for (const text of [
      'Never pay a tax before a withdrawal: real exchanges take it from the amount.',
      '不要在提现前缴纳任何税费，正规平台不会这样要求。',
      '不要下载陌生人发来的远程软件。',
      'The network fee is taken from the amount before the withdrawal is sent.',
      'Never attach your recovery phrase to a ticket.',
    ]) expect(screenDataText(text, { contacts: true }), text).toEqual([]);
  });
});

describe('ids are no place for a contact (QA: hostile review)', () => {
  it('refuses a question, outcome or flow id that holds a phone number or a messaging handle, and passes plain ids with digits', () => {
    const outcome = flowProblems(FLOW.replaceAll('escalate-declined', 'call-14155550100-for-help'));
    expect(outcome).toHaveLength(1);
    expect(outcome[0]).toMatch(/an outcome id contains a phone number \("14155550100"\): contacts are given only as channels of the support directory/);
    const question = flowProblems(FLOW.replaceAll('balance', 'telegram-walletfix88'));
    expect(question.join('\n')).toMatch(/contains a social media handle \("walletfix88"\)/);
    const flowId = loadFlowText(FLOW.replace('id: card-declined', 'id: call-4155550100'), 'flows/call-4155550100.yaml').problems.map(formatProblem);
    expect(flowId.join('\n')).toMatch(/contains a phone number/);
    // Digits in an id are common and harmless: step numbers, 2FA, years.
    expect(flowProblems(FLOW.replaceAll('fix-top-up-card', 'step-2-top-up-2026'))).toEqual([]);
    expect(flowProblems(FLOW.replaceAll('escalate-declined', 'escalate-2fa-reset'))).toEqual([]);
  });
});

describe('problems never quote a secret a file holds (QA: hostile review)', () => {
  const key = '0c28fca386c7a227600b2fe50b7cae11ec86d3bf1fbe471be89827e19d72aa1d';
  const phrase = 'also canvas lab fit bunker gather unable machine banana fiction letter height';

  it('says a key, a target or a whole file that looks like a secret as what it looks like, judged before anything is cut to quote', () => {
    const problems = [
      ...loadFlowText(`${key}: 1\n`, 'flows/k.yaml').problems,
      ...loadFlowText(`${phrase}\n`, 'flows/seed.yaml').problems,
      ...loadFlowText(FLOW.replace('next: escalate-declined', `next: ${key}`), 'flows/card-declined.yaml').problems,
      ...loadFlowText(FLOW.replace('value: insufficient', `value: ${phrase}`), 'flows/card-declined.yaml').problems,
      ...loadDirectoryText(`${phrase}\n`, 'dir.yaml').problems,
    ].map(formatProblem);
    expect(problems.length).toBeGreaterThan(4);
    for (const p of problems) {
      expect(p).not.toMatch(/0c28fca3|also canvas|canvas lab/);
    }
    expect(problems).toContainEqual(expect.stringMatching(/unknown key "\(not shown: it looks like a private key\)"/));
    expect(problems).toContainEqual(expect.stringMatching(/must be a mapping \(key: value pairs\), not a text that looks like a recovery phrase \(not shown\)/));
    // The same words in Chinese.
    const zh = loadFlowText(`${phrase}\n`, 'flows/seed.yaml', 'zh').problems.map(formatProblem);
    expect(zh.join('\n')).toContain('看起来像助记词的文本（不显示）');
  });

  it('still quotes what is no secret', () => {
    expect(loadFlowText('titel: 1\n', 'flows/x.yaml').problems.map(formatProblem)).toContainEqual(expect.stringMatching(/unknown key "titel"/));
    expect(loadFlowText('just some words\n', 'flows/x.yaml').problems.map(formatProblem)).toContainEqual(expect.stringMatching(/not the text "just some words"/));
  });
});

describe('directory files: channel values by type, at the official domain, notes screened', () => {
  it('the bundled directory passes', async () => {
    expect((await loadDirectoryFile(join(ROOT, 'directory/example.yaml'))).problems).toEqual([]);
  });

  const cases: [string, string, string, RegExp][] = [
    ['two phone numbers in one (QA: dir/v.yaml)', 'value: "+1 202-555-0199"', 'value: "+1 202-555-0199 +1 900 555 0000"', /a phone channel must give one phone number, .*not "\+1 202-555-0199 \+1 900 555 0000"/],
    ['a phone value that is no number', 'value: "+1 202-555-0199"', 'value: "call me maybe"', /a phone channel must give one phone number/],
    ['an e-mail value that is no address', 'value: security@example.com', 'value: not-an-email', /an email channel must give one e-mail address/],
    // A mailto: link's fields ("?bcc=…" writes a copy to anyone): the value is the address alone (QA: directory authors).
    ['an e-mail value with a link\'s fields', 'value: security@example.com', 'value: "security@example.com?bcc=attacker@evil.io"', /an email channel must give one e-mail address/],
    ['a javascript: URL as a web channel', 'value: { en: "App › Me › Security Center › Freeze account", zh: "App › 我的 › 安全中心 › 冻结账户" }', 'value: "javascript:alert(1)"', /a web channel must give one https:\/\/ address or a path in the app/],
    ['a javascript: URL as the Chinese path of a web channel', 'zh: "App › 我的 › 安全中心 › 冻结账户"', 'zh: "javascript:alert(1)"', /a web channel must give one https:\/\/ address or a path in the app/],
    ['an http ticket address', 'value: https://www.example.com/help/ticket', 'value: http://evil.io/ticket', /a ticket channel must give one https:\/\/ address/],
    ['a look-alike e-mail address (QA: dir/offdomain.yaml)', 'value: security@example.com', 'value: examplewallet.security@gmail.com', /the email contact "examplewallet\.security@gmail\.com" is not at example\.com, .* and imitates it \(brand-with-extra-words\)/],
    ['a ticket page at another domain', 'value: https://www.example.com/help/ticket', 'value: https://help.wallet-rescue.io/ticket', /the ticket contact "https:\/\/help\.wallet-rescue\.io\/ticket" is not at example\.com/],
    ['a request in a note (QA: dir/seed.yaml)', 'response: { en: takes effect at once', 'response: { en: send us your 12-word recovery phrase so we can freeze it', /the response time note \(en\) asks for the recovery phrase/],
    ['a private key in a note (QA: dir/privkey.yaml)', 'cost: { en: standard UK call rates apply', 'cost: { en: "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"', /the cost note \(en\) contains what looks like a private key/],
    ['a request in a holiday note', 'note: { en: National Day, zh: 国庆节 } }', 'note: "National Day: send your password to support" }', /the note of the exception asks for a password/],
    ['a request in the English of a holiday note', 'note: { en: National Day, zh: 国庆节 } }', 'note: { en: "National Day: send your password to support", zh: 国庆节 } }', /the note of the exception \(en\) asks for a password/],
  ];
  for (const [name, from, to, expected] of cases) {
    it(name, () => {
      expect(DIRECTORY).toContain(from);
      const problems = dirProblems(DIRECTORY.replace(from, to));
      expect(problems).toEqual([expect.stringMatching(new RegExp(`^dir\\.yaml:\\d+:\\d+: ${expected.source}`))]);
      expect(problems.join('\n')).not.toContain('4c0883a6');
    });
  }

  it('keeps full-width addresses and numbers as the ASCII they show, so that verify matches them as anyone types them (QA: directory authors)', async () => {
    const text = DIRECTORY.replace('value: security@example.com', 'value: ｓｅｃｕｒｉｔｙ@ｅｘａｍｐｌｅ.com');
    const { directory, problems } = loadDirectoryText(text, 'dir.yaml');
    expect(problems).toEqual([]);
    const { verifyContact } = await import('../src/safety/verify.js');
    expect(verifyContact('security@example.com', directory!.providers).verdict).toBe('official');
    expect(JSON.stringify(directory)).not.toContain('ｓｅｃｕｒｉｔｙ');
  });

  it('refuses contacts in the provider name and in notes, credentials in addresses, and national phone numbers (QA: hostile directories)', () => {
    const cases: [string, string, string, RegExp][] = [
      ['a number in the provider name', 'name: Example Wallet', 'name: "Example Wallet (hotline +1 202 555 0177)"', /the provider name contains a phone number \("\+1 202 555 0177"\)/],
      ['a handle and a number in a note', 'response: { en: replies within 24 hours', 'response: { en: "faster on Telegram @evil_help or +1 202 555 0155"', /the response time note \(en\) contains/],
      ['a user name before the host of the website', 'website: https://www.example.com/help/contact', 'website: https://www.example.com@evil.io/', /the official website must not contain a user name or password before the host/],
      ['a password in the website', 'website: https://www.example.com/help/contact', 'website: "https://user:Hunter22!@www.example.com/help/contact"', /the official website must not contain a user name or password/],
      ['a user name before the host of a ticket page', 'value: https://www.example.com/help/ticket', 'value: https://www.example.com@evil.io/ticket', /the ticket address "https:\/\/\*\*\*@evil\.io\/ticket" has a user name or password before the host: remove what stands between "\/\/" and "@"/],
      ['a national phone number', 'value: "+1 202-555-0199"', 'value: "202-555-0199"', /the phone number "202-555-0199" must be written in international form/],
    ];
    for (const [name, from, to, expected] of cases) {
      expect(DIRECTORY, name).toContain(from);
      const problems = dirProblems(DIRECTORY.replace(from, to));
      expect(problems, name).toEqual([expect.stringMatching(new RegExp(`^dir\\.yaml:\\d+:\\d+: ${expected.source}`))]);
    }
  });

  it('says what is wrong with a channel address holding a user name and password, and never prints the password (QA: author #3)', async () => {
    const secret = 'S3cretPass!';
    const cases: [string, string, string][] = [
      ['ticket', 'value: https://www.example.com/help/ticket', `value: "https://admin:${secret}@www.example.com/help/ticket"`],
      ['web', 'zh: "App › 我的 › 安全中心 › 冻结账户"', `zh: "https://admin:${secret}@www.example.com/help/freeze"`],
      ['social', 'value: https://www.example.com/help/ticket', `value: "https://admin:${secret}@x.com/examplewallet"`],
    ];
    for (const [type, from, to] of cases) {
      expect(DIRECTORY, type).toContain(from);
      const text = type === 'social' ? DIRECTORY.replace(from, to).replace('type: ticket', 'type: social') : DIRECTORY.replace(from, to);
      for (const lang of ['en', 'zh'] as const) {
        const found = loadDirectoryText(text, 'dir.yaml', 'dir.yaml', lang).problems.map(formatProblem);
        expect(found, `${type} ${lang}`).toEqual([expect.stringContaining(lang === 'en' ? `the ${type} address "https://***@` : `${type} 渠道的地址“https://***@`)]);
        expect(found.join('\n')).not.toContain(secret);
      }
    }
    // Nor anywhere the directory's problems travel: flows validate (text and JSON), contacts, config set, diagnose's warnings.
    const file = join(tempDir(), 'dir.yaml');
    writeFileSync(file, DIRECTORY.replace(cases[0]![1], cases[0]![2]));
    const files = { [file]: readFileSync(file, 'utf8') };
    for (const argv of [['flows', 'validate', file], ['flows', 'validate', file, '--json'], ['--contacts', file, 'contacts'], ['config', 'set', 'contactsFile', file], ['--contacts', file, 'diagnose', 'account-compromised', '--json']]) {
      const r = await run(argv, { files });
      expect(r.code, argv.join(' ')).not.toBe(0);
      expect(`${r.stdout}${r.stderr}`, argv.join(' ')).toContain('has a user name or password before the host');
      expect(`${r.stdout}${r.stderr}`, argv.join(' ')).not.toContain(secret);
    }
  });

  it('refuses an official-domain address that forwards to another site, as verify calls it a look-alike of itself (QA: author #2)', async () => {
    const cases: [string, string, string, RegExp][] = [
      ['ticket', 'value: https://www.example.com/help/ticket', 'value: "https://www.example.com/out?url=https://evil.example/ticket"', /the ticket address "https:\/\/www\.example\.com\/out\?url=https:\/\/evil\.example\/ticket" passes visitors on to evil\.example, another site/],
      ['web page in one language', 'zh: "App › 我的 › 安全中心 › 冻结账户"', 'zh: "https://www.example.com/go#//evil.example"', /the web address ".*" passes visitors on to evil\.example/],
      ['an encoded one', 'value: https://www.example.com/help/ticket', 'value: "https://www.example.com/r/https%3A%2F%2Fevil.example%2Fx"', /the ticket address ".*" passes visitors on to evil\.example/],
      ['the website', 'website: https://www.example.com/help/contact', 'website: "https://www.example.com/out?to=evil.example"', /the official website ".*" passes visitors on to evil\.example/],
    ];
    for (const [name, from, to, expected] of cases) {
      expect(DIRECTORY, name).toContain(from);
      const problems = dirProblems(DIRECTORY.replace(from, to));
      expect(problems, name).toEqual([expect.stringMatching(new RegExp(`^dir\\.yaml:\\d+:\\d+: ${expected.source}`))]);
    }
    const zh = loadDirectoryText(DIRECTORY.replace(cases[0]![1], cases[0]![2]), 'dir.yaml', 'dir.yaml', 'zh').problems.map(formatProblem);
    expect(zh).toEqual([expect.stringContaining('会把访问者转到另一个网站 evil.example')]);
    // A link that stays on the official site is no redirect.
    expect(dirProblems(DIRECTORY.replace(cases[0]![1], 'value: "https://www.example.com/help/ticket?next=/help/done&lang=zh"'))).toEqual([]);
    // What the directory accepts, verify calls official: every address of the bundled one.
    const { verifyContact } = await import('../src/safety/verify.js');
    const { directory } = loadDirectoryText(DIRECTORY, 'dir.yaml');
    const provider = directory!.providers[0]!;
    for (const channels of Object.values(provider.queues)) {
      for (const ch of channels ?? []) {
        for (const value of typeof ch.value === 'string' ? [ch.value] : Object.values(ch.value)) {
          if (/^https:/.test(value)) expect(verifyContact(value, [provider]).verdict, value).toBe('official');
        }
      }
    }
  });

  it('holds a social link that is no profile on a known platform to the official domain, as a web page (QA: directory review)', async () => {
    const from = 'type: ticket\n          value: https://www.example.com/help/ticket';
    expect(DIRECTORY).toContain(from);
    // The ticket channel made a social one, with a link of anyone's.
    const withSocial = (value: string) => DIRECTORY.replace(from, `type: social\n          value: ${value}`);
    expect(dirProblems(withSocial('https://goodwallet-support.evil.example/login'))).toEqual([expect.stringMatching(/the social contact "https:\/\/goodwallet-support\.evil\.example\/login" is not at example\.com/)]);
    // A profile on a platform, and a page at the official domain, are what a social channel lists.
    expect(dirProblems(withSocial('https://x.com/examplewallet'))).toEqual([]);
    expect(dirProblems(withSocial('https://www.example.com/community'))).toEqual([]);
    const r = await run(['--contacts', 'dir.yaml', 'verify', 'https://goodwallet-support.evil.example/anything', '--json'], { files: { 'dir.yaml': withSocial('https://goodwallet-support.evil.example/login') } });
    expect(JSON.parse(r.stdout).verdict).not.toBe('official');
  });

  it('holds the contacts of a website with no domain of its own (an IP address, localhost) to its very host (QA: directory review)', async () => {
    for (const site of ['203.0.113.7', 'localhost', '[2001:db8::1]']) {
      const onHost = DIRECTORY.replace('website: https://www.example.com/help/contact', `website: https://${site}/help/contact`);
      const problems = dirProblems(onHost);
      // Every address at example.com is now at another host than the website's, named as that.
      expect(problems.length).toBeGreaterThan(0);
      for (const problem of problems) expect(problem).toMatch(new RegExp(`is not at ${site.replace(/[.[\]]/g, '\\$&')}, where the official website is`));
      // Listed at that host, they pass; at any other, they do not.
      const moved = onHost.replaceAll('https://www.example.com/', `https://${site}/`);
      const left = dirProblems(moved);
      expect(left.length).toBeLessThan(problems.length);
      for (const problem of left) expect(problem).toMatch(/email contact/);
    }
    const gmail = DIRECTORY.replace('website: https://www.example.com/help/contact', 'website: https://203.0.113.7/support').replace('value: security@example.com', 'value: goodwallet-support@gmail.com');
    expect(dirProblems(gmail).some((p) => p.includes('"goodwallet-support@gmail.com" is not at 203.0.113.7'))).toBe(true);
  });

  it('holds a site on shared hosting (github.io, vercel.app) to its own name, not the host’s domain', async () => {
    const hosted = DIRECTORY.replaceAll('www.example.com', 'example-wallet.github.io').replaceAll('@example.com', '@example-wallet.github.io');
    expect(dirProblems(hosted)).toEqual([]);
    expect(dirProblems(hosted.replace('value: security@example-wallet.github.io', 'value: help@scam.github.io'))).toEqual([expect.stringMatching(/is not at example-wallet\.github\.io/)]);
    const r = await run(['--contacts', 'dir.yaml', 'verify', 'https://scam.github.io/help', '--json'], { files: { 'dir.yaml': hosted } });
    expect(JSON.parse(r.stdout).verdict).not.toBe('official');
    expect(r.code).toBe(4);
  });

  it('on a site whose pages belong to many owners (github.com, sites.google.com), holds contacts to the pages under the website (hostile review)', () => {
    // Before, any page of github.com passed, and verify then called an attacker's page an official contact.
    const onGithub = DIRECTORY.replace('website: https://www.example.com/help/contact', 'website: https://github.com/examplewallet');
    const ticket = 'value: https://www.example.com/help/ticket';
    expect(onGithub).toContain(ticket);
    const withTicket = (url: string) => dirProblems(onGithub.replace(ticket, `value: ${url}`)).filter((p) => p.includes(url));
    expect(withTicket('https://github.com/attacker/issues')).toEqual([expect.stringMatching(/is on github\.com, where pages and addresses belong to many owners: only the official website https:\/\/github\.com\/examplewallet and the pages under it/)]);
    expect(withTicket('https://github.com/examplewallet-help/issues')).toHaveLength(1);
    expect(withTicket('https://github.com/examplewallet/support/issues')).toEqual([]);
    expect(withTicket('https://github.com/examplewallet')).toEqual([]);
    // An address at a shared mail or site domain is nobody's in particular.
    const onSites = DIRECTORY.replace('website: https://www.example.com/help/contact', 'website: https://sites.google.com/view/examplewallet');
    const sites = (value: string) => dirProblems(onSites.replace(ticket, `value: ${value}`)).filter((p) => p.includes('many owners'));
    expect(sites('https://docs.google.com/forms/d/attacker-form')).toHaveLength(1);
    expect(sites('https://sites.google.com/view/examplewallet/ticket')).toEqual([]);
  });

  it('refuses a chat path through another company\'s messenger, which names an account anyone can open (hostile review)', () => {
    const path = 'value: { en: "App › Me › Help › Chat with us", zh: "App › 我的 › 帮助 › 在线客服" }';
    const through = dirProblems(DIRECTORY.replace(path, 'value: { en: "WhatsApp › Chats › WalletHelpDesk", zh: "微信 › 通讯录 › 钱包客服" }'));
    expect(through).toEqual([
      expect.stringMatching(/the chat path "WhatsApp › Chats › WalletHelpDesk" goes through WhatsApp, where anyone can open an account/),
      expect.stringMatching(/the chat path "微信 › 通讯录 › 钱包客服" goes through 微信/),
    ]);
    // The provider's own app, whatever it is called, is a path still.
    expect(dirProblems(DIRECTORY.replace(path, 'value: { en: "Example Wallet › Me › Help", zh: "Example Wallet › 我的 › 帮助" }'))).toEqual([]);
  });

  it('accepts an https chat page and social handles', () => {
    const path = 'value: { en: "App › Me › Help › Chat with us", zh: "App › 我的 › 帮助 › 在线客服" }';
    expect(DIRECTORY).toContain(path);
    const text = `${DIRECTORY.replace(path, 'value: https://www.example.com/help/chat')}        - { type: social, value: "telegram:ExampleWallet", hours: "24/7" }
        - { type: social, value: "https://x.com/examplewallet", hours: "24/7" }
        - { type: social, value: "weibo:examplewallet", hours: "24/7" }
`;
    expect(dirProblems(text)).toEqual([]);
  });

  it('refuses a social handle that does not say its platform, with the platform forms first in the hint (QA: author #1)', () => {
    const path = 'value: { en: "App › Me › Help › Chat with us", zh: "App › 我的 › 帮助 › 在线客服" }';
    for (const value of ['"@acmepay_support"', 'acmepay_support']) {
      const text = `${DIRECTORY.replace(path, 'value: https://www.example.com/help/chat')}        - { type: social, value: ${value}, hours: "24/7" }\n`;
      const en = dirProblems(text);
      expect(en, value).toEqual([expect.stringMatching(/: the social handle ".*acmepay_support" does not say which platform it is on, so an account of that name on any platform would count as official: write it with its platform, such as x:acmepay_support or telegram:acmepay_support, or as its profile address, such as https:\/\/x\.com\/acmepay_support$/)]);
      const zh = loadDirectoryText(text, 'dir.yaml', 'dir.yaml', 'zh').problems.map(formatProblem);
      expect(zh, value).toEqual([expect.stringContaining('没有写明在哪个平台上')]);
    }
    const wrong = `${DIRECTORY.replace(path, 'value: https://www.example.com/help/chat')}        - { type: social, value: "line:acme pay", hours: "24/7" }\n`;
    expect(dirProblems(wrong)).toEqual([expect.stringMatching(/a social channel must give one handle with its platform, such as x:examplewallet or telegram:examplewallet, or the https:\/\/ address of its profile/)]);
  });

  it('verify no longer calls a look-alike official: the directory holding it is refused', async () => {
    const files = { 'dir.yaml': DIRECTORY.replace('value: security@example.com', 'value: examplewallet.security@gmail.com') };
    const r = await run(['--contacts', 'dir.yaml', 'verify', 'examplewallet.security@gmail.com', '--json'], { files });
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { code: 'directory_invalid' } });
    expect(r.stdout).not.toMatch(/"verdict": "official"/);
  });
});
