/** `wallet-help flows test [PATH...]`: run the test cases beside each flow and report path coverage. */
import { listOf, sentences } from '../../i18n/i18n.js';
import { ExitCode, SilentError, UsageError, WalletHelpError } from '../../errors.js';
import type { Flow } from '../../engine/types.js';
import { runFlowTests, type FlowTestReport } from '../../flows/flow-tests.js';
import { safeText } from '../../util/safe-text.js';
import type { Context } from '../context.js';
import '../../core.js';

export interface FlowsTestOptions {
  paths: string[];
  json: boolean;
  /** Fail when a flow's coverage is below this percentage. */
  minCoverage?: string;
}

/** Runs the tests of the given flows (default: every flow of this run); exit 1 on a failure or low coverage. */
export async function runFlowsTest(opts: FlowsTestOptions, ctx: Context): Promise<FlowTestReport[]> {
  const { io, t } = ctx;
  const min = opts.minCoverage === undefined ? undefined : Number(opts.minCoverage);
  if (min !== undefined && (!Number.isFinite(min) || min < 0 || min > 100)) {
    throw new UsageError('invalid_min_coverage', t('flows.test.badMin', { value: safeText(opts.minCoverage ?? '') }));
  }
  const flows = opts.paths.length > 0 ? await flowsAt(opts.paths, ctx) : [...(await ctx.flows()).flows.values()];
  const reports = flows.map((f) => runFlowTests(f));
  const failed = reports.flatMap((r) => r.results.filter((x) => !x.pass).map((x) => ({ flow: r.flow.id, result: x })));
  const low = min === undefined ? [] : reports.filter((r) => r.coverage < min);
  if (opts.json) {
    const doc = {
      ok: failed.length === 0 && low.length === 0,
      minCoverage: min ?? null,
      flows: reports.map((r) => ({
        id: r.flow.id,
        version: r.flow.version,
        tests: r.results.length,
        passed: r.results.filter((x) => x.pass).length,
        failures: r.results.filter((x) => !x.pass).map((x) => ({ name: x.test.name, expected: x.test.expect, reached: x.reached, unused: x.unused })),
        coverage: round(r.coverage),
        uncoveredOutcomes: r.uncoveredOutcomes,
        uncoveredAnswers: r.uncoveredEdges,
      })),
    };
    io.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
  } else {
    const s = (await ctx.styles()).out;
    for (const r of reports) {
      const passed = r.results.filter((x) => x.pass).length;
      const mark = passed === r.results.length && !low.includes(r) ? s.green('✓') : s.red('✗');
      io.stdout.write(`${mark} ${t('flows.test.line', { flow: r.flow.id, passed, total: r.results.length, coverage: round(r.coverage) })}\n`);
      for (const x of r.results.filter((y) => !y.pass)) {
        const reached = x.reached.type === 'outcome' ? t('flows.test.reachedOutcome', { id: x.reached.id }) : t('flows.test.stoppedAt', { id: x.reached.id });
        // Right outcome, but answers its path never asks: said as that, not as "expected X but reached X".
        const line =
          x.reached.type === 'outcome' && x.reached.id === x.test.expect
            ? t('flows.test.failureUnused', { name: safeText(x.test.name), expected: x.test.expect, ids: listOf(t, x.unused) })
            : sentences(t, t('flows.test.failure', { name: safeText(x.test.name), expected: x.test.expect, reached }), x.unused.length > 0 ? t('flows.test.unused', { ids: listOf(t, x.unused) }) : '');
        io.stdout.write(`    ${line}\n`);
      }
      if (r.uncoveredOutcomes.length > 0) io.stdout.write(`    ${t('flows.test.uncoveredOutcomes', { ids: listOf(t, r.uncoveredOutcomes) })}\n`);
      if (r.uncoveredEdges.length > 0) io.stdout.write(`    ${t('flows.test.uncoveredAnswers', { ids: listOf(t, r.uncoveredEdges) })}\n`);
    }
    const tests = reports.reduce((n, r) => n + r.results.length, 0);
    io.stderr.write(`${t('flows.test.summary', { flows: reports.length, tests, failed: failed.length })}\n`);
    if (low.length > 0) io.stderr.write(`${t('flows.test.low', { min: min ?? 0, ids: low.map((r) => `${r.flow.id} (${round(r.coverage)}%)`).join(t('list.separator')) })}\n`);
  }
  if (failed.length > 0 || low.length > 0) throw new SilentError();
  return reports;
}

function round(n: number): number {
  return Math.floor(n * 10) / 10;
}

/** Loads flows from files and folders; a file with problems stops the run with them listed. */
async function flowsAt(paths: string[], ctx: Context): Promise<Flow[]> {
  const { expandPaths, checkDataFile } = await import('../../flows/data-file.js');
  const { formatProblem } = await import('../../data/located-yaml.js');
  const { files, problems } = await expandPaths(paths, ctx.lang);
  const checked = await Promise.all(files.map((f) => checkDataFile(f, ctx.lang)));
  const all = [...problems, ...checked.filter((c) => c.kind !== 'directory').flatMap((c) => c.problems)];
  if (all.length > 0) {
    // A problem found in the flows, as flows validate reports it: exit 1, not a usage error.
    throw new WalletHelpError('invalid_flows', [ctx.t('flows.test.invalid'), ...all.map((p) => `  ${formatProblem(p)}`)].join('\n'), ExitCode.failed, { problems: all });
  }
  return checked.flatMap((c) => (c.flow ? [c.flow] : []));
}
