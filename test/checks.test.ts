/** Check questions: the suspicious-contact flow checks the claimed contact against the directory on the spot. */
import { generateMnemonic } from '@scure/bip39';
import { wordlist as english } from '@scure/bip39/wordlists/english.js';
import { describe, expect, it } from 'vitest';
import { loadFlowText } from '../src/flows/load.js';
import { run } from './helpers.js';

const base = ['diagnose', 'suspicious-contact', '--answer', 'request=nothing-sensitive', '--answer', 'first-contact=they-contacted-me'];
const json = (s: string) => JSON.parse(s);

describe('the verify-contact check', () => {
  it('turns a look-alike into the fake-contact alert and records the check', async () => {
    const r = await run([...base, '--check-input', 'claimed-contact=https://examp1e.com/login', '--json']);
    expect(r.code).toBe(0);
    const doc = json(r.stdout);
    expect(doc.outcome).toMatchObject({ id: 'alert-fake-contact', kind: 'alert', queue: 'security' });
    expect(doc.checks).toEqual([{ question: 'claimed-contact', check: 'verify-contact', input: 'examp1e.com', result: 'lookalike', reasons: expect.arrayContaining(['edit-distance']) }]);
    expect(doc.answers['claimed-contact']).toBe('lookalike');
  });

  it('answers official and unknown from the directory', async () => {
    const official = json((await run([...base, '--check-input', 'claimed-contact=+1 (202) 555-0199', '--json'])).stdout);
    expect(official.outcome.id).toBe('fix-official-contact-spoofable');
    expect(official.checks[0]).toMatchObject({ input: '+12025550199', result: 'official' });
    // Told to call back through the official contacts, the user is shown them (QA: user, none were shown).
    expect(official.outcome.contact).toMatchObject({ queue: 'security', providerId: 'example-wallet' });
    const hangUp = json((await run(['diagnose', 'suspicious-contact', '--answer', 'request=nothing-sensitive', '--answer', 'first-contact=they-contacted-me', '--answer', 'claimed-contact=not-given', '--json'])).stdout);
    expect(hangUp.outcome).toMatchObject({ id: 'fix-hang-up-call-back', contact: { queue: 'security' } });
    const unknown = json((await run([...base, '--check-input', 'claimed-contact=wikipedia.org', '--json'])).stdout);
    expect(unknown.outcome.id).toBe('fix-use-official-contacts');
  });

  it('lets an answer given up front win over the check', async () => {
    const doc = json((await run([...base, '--answer', 'claimed-contact=unknown', '--check-input', 'claimed-contact=example.com', '--json'])).stdout);
    expect(doc.outcome.id).toBe('fix-use-official-contacts');
    expect(doc.checks).toBeUndefined();
  });

  it('asks for the contact on a terminal and shows what the check found', async () => {
    const r = await run(['diagnose', 'suspicious-contact'], {
      tty: true,
      prompts: [{ pick: 'nothing-sensitive' }, { pick: 'they-contacted-me' }, { expect: 'Type the number', pick: '+1 202-555-0199' }],
    });
    r.prompter.assertDone();
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✔ Checked: +12025550199 is one of the official contacts.');
    expect(r.stdout).toContain('The contact is official, but a call can still be faked');
  });

  it('takes an empty line as "not given"', async () => {
    const r = await run(['diagnose', 'suspicious-contact', '--json'], { tty: false });
    expect(json(r.stdout).error.code).toBe('missing_answer');
    const empty = await run(['diagnose', 'suspicious-contact'], { tty: true, prompts: [{ pick: 'nothing-sensitive' }, { pick: 'found-elsewhere' }, { pick: '' }] });
    expect(empty.stdout).toContain('No contact was given to check.');
    expect(empty.stdout).toContain('Hang up and contact support yourself');
  });

  it('refuses a secret typed at the check without echoing it, and asks again', async () => {
    const phrase = generateMnemonic(english, 128);
    const r = await run(['diagnose', 'suspicious-contact'], {
      tty: true,
      prompts: [{ pick: 'nothing-sensitive' }, { pick: 'they-contacted-me' }, { expect: 'Type the number', pick: phrase }, { expect: 'Type the number', pick: '+1 202-555-0199' }],
    });
    r.prompter.assertDone();
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('That looks like a recovery phrase. Never share it with anyone');
    expect(r.stderr).toContain('Type the answer again, without it.');
    expect(r.stdout + r.stderr).not.toContain(phrase.split(' ').slice(0, 3).join(' '));
    expect(r.stdout).toContain('✔ Checked: +12025550199 is one of the official contacts.');
    // While it is typed, the phrase is drawn masked; a contact is not.
    const [prompt] = r.prompter.inputs;
    expect(prompt!.mask?.(phrase)).toBe(true);
    expect(prompt!.mask?.('+1 202-555-0199')).toBe(false);
  });

  it('says when typed text is not a contact and asks again; an empty line still skips', async () => {
    const prompts = [{ pick: 'nothing-sensitive' }, { pick: 'they-contacted-me' }, { expect: 'Type the number', pick: 'he said his name is Bob' }];
    const again = await run(['diagnose', 'suspicious-contact'], { tty: true, prompts: [...prompts, { expect: 'Type the number', pick: 'examp1e.com' }] });
    again.prompter.assertDone();
    expect(again.code).toBe(0);
    // Wrapped to the terminal: read as one line.
    expect(again.stderr.replace(/\s+/g, ' ')).toContain('"he said his name is Bob" is not a phone number, e-mail address, website or handle.');
    expect(again.stdout).toContain('✘ Checked: examp1e.com is NOT official');
    const skipped = await run(['diagnose', 'suspicious-contact'], { tty: true, prompts: [...prompts, { pick: '' }] });
    skipped.prompter.assertDone();
    expect(skipped.stdout).toContain('No contact was given to check.');
  });

  it('names the question when there is no prompt and no input', async () => {
    const r = await run([...base, '--json']);
    expect(r.code).toBe(2);
    expect(json(r.stdout).error).toMatchObject({ code: 'missing_answer', question: { id: 'claimed-contact', values: ['official', 'lookalike', 'unknown', 'not-given'] } });
  });

  it('rejects --check-input for a question without a check, and text that is not a contact', async () => {
    expect(json((await run([...base, '--check-input', 'request=x', '--json'])).stdout).error.code).toBe('invalid_check_input');
    expect(json((await run([...base, '--check-input', 'claimed-contact=???', '--json'])).stdout).error.code).toBe('invalid_check_input');
    expect(json((await run([...base, '--check-input', 'no-equals-sign', '--json'])).stdout).error.code).toBe('invalid_check_input');
  });
});

describe('validating check questions', () => {
  const flow = (question: string) => `id: t
version: 1
title: { en: T, zh: 测 }
description: { en: T, zh: 测 }
start: q
questions:
  q:
    text: { en: Q, zh: 问 }
${question}
outcomes:
  done: { kind: fix, title: { en: D, zh: 完 }, steps: [{ en: Do it, zh: 做 }] }
tests:
  - { answers: { q: official }, expect: done }
`;
  const answers = (values: string[]) => `    answers:\n${values.map((v) => `      - { value: ${v}, label: { en: ${v}, zh: ${v} }, next: done }`).join('\n')}`;

  it('accepts a complete check question', () => {
    expect(loadFlowText(flow(`    check: verify-contact\n    input: { en: Type it, zh: 输入 }\n${answers(['official', 'lookalike', 'unknown'])}`), 'flows/t.yaml').problems).toEqual([]);
  });

  it('requires the input prompt and every result value, and input only with a check', () => {
    const msgs = (text: string) => loadFlowText(flow(text), 'flows/t.yaml').problems.map((p) => p.message);
    expect(msgs(`    check: verify-contact\n${answers(['official', 'lookalike', 'unknown'])}`)).toEqual(['question "q" runs a check and needs "input:", the prompt for what the user types']);
    expect(msgs(`    check: verify-contact\n    input: { en: Type it, zh: 输入 }\n${answers(['official', 'unknown'])}`)).toEqual([
      'question "q" runs the check verify-contact, which can answer lookalike: add answers with those values',
    ]);
    expect(msgs(`    input: { en: Type it, zh: 输入 }\n${answers(['official', 'unknown'])}`)).toEqual(['question "q" has "input:" but no "check:"; input is the prompt of a check']);
    expect(msgs(`    check: dns\n    input: { en: Type it, zh: 输入 }\n${answers(['official', 'unknown'])}`)[0]).toMatch(/must be one of verify-contact/);
  });
});
