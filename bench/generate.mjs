// Generates large, valid flow files for the validation benchmark: a binary-ish
// tree of questions (2-3 answers each) ending in outcomes, written as block YAML
// like the bundled flows, with tests reaching every outcome.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';

const q = (s) => JSON.stringify(s);

/** A flow with about `nodes` nodes (questions plus outcomes). */
export function generateFlow(id, nodes) {
  const questions = [];
  const outcomes = [];
  const tests = [];
  // Breadth-first: each question gets 2 answers; leaves become outcomes.
  const queue = [{ id: 'q0', path: {} }];
  let made = 1;
  while (queue.length > 0) {
    const node = queue.shift();
    const canGrow = made + 2 <= nodes - queue.length - 1;
    if (!canGrow) {
      outcomes.push(node);
      tests.push({ answers: node.path, expect: node.id });
      continue;
    }
    const children = [0, 1].map((i) => ({ id: `n${made + i}`, path: { ...node.path, [node.id]: `answer-${i}` } }));
    made += 2;
    questions.push({ ...node, children });
    queue.push(...children);
  }
  const lines = [
    '# yaml-language-server: $schema=../../schemas/flow.schema.json',
    `id: ${id}`,
    'version: 1',
    'title:',
    `  en: ${q(`Generated flow ${id}`)}`,
    `  zh: ${q(`生成的流程 ${id}`)}`,
    'description:',
    '  en: A generated flow for the benchmark.',
    '  zh: 用于性能测试的生成流程。',
    'start: q0',
    'questions:',
  ];
  for (const n of questions) {
    lines.push(`  ${n.id}:`, '    text:', `      en: ${q(`Question ${n.id}: is the thing working?`)}`, `      zh: ${q(`问题 ${n.id}：它正常吗？`)}`);
    lines.push('    agent:', `      en: ${q(`Ask the caller whether the thing works (${n.id}).`)}`, `      zh: ${q(`请询问来电者它是否正常（${n.id}）。`)}`, '    answers:');
    n.children.forEach((c, i) => lines.push(`      - value: answer-${i}`, '        label:', `          en: ${q(`Answer ${i}`)}`, `          zh: ${q(`回答 ${i}`)}`, `        next: ${c.id}`));
  }
  lines.push('outcomes:');
  outcomes.forEach((o, i) => {
    const kind = i % 3 === 0 ? 'escalate' : 'fix';
    lines.push(`  ${o.id}:`, `    kind: ${kind}`, ...(kind === 'escalate' ? ['    queue: general'] : []), '    title:', `      en: ${q(`Outcome ${o.id}`)}`, `      zh: ${q(`结果 ${o.id}`)}`, '    steps:', `      - en: ${q('Do the first concrete thing, then check again.')}`, `        zh: ${q('先做第一件具体的事，然后再检查。')}`, '    agent:', `      - en: ${q('Tell the caller to do the first concrete thing, then check again.')}`, `        zh: ${q('请告诉来电者先做第一件具体的事，然后再检查。')}`);
  });
  lines.push('tests:');
  for (const t of tests) lines.push(`  - answers: ${JSON.stringify(t.answers)}`, `    expect: ${t.expect}`);
  return `${lines.join('\n')}\n`;
}

/** Writes `count` generated flows of `nodes` nodes into `dir`, as YAML or as JSON (what tools usually write). */
export function writeFlows(dir, count, nodes, format = 'yaml') {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const yaml = generateFlow(`gen-${i}`, nodes);
    if (format === 'yaml') writeFileSync(join(dir, `gen-${i}.yaml`), yaml);
    else writeFileSync(join(dir, `gen-${i}.json`), JSON.stringify(load(yaml, { schema: CORE_SCHEMA })));
  }
}
