/** `wallet-help flows test [PATH...]`: run the test cases beside each flow and report path coverage. */
import { listOf, sentences, withAside, type Translate } from '../../i18n/i18n.js';
import { ExitCode, SilentError, UsageError, WalletHelpError } from '../../errors.js';
import type { Problem } from '../../data/located-yaml.js';
import type { Flow } from '../../engine/types.js';
import { runFlowTests, type FlowTestReport, type FlowTestResult } from '../../flows/flow-tests.js';
import { BUNDLED_FLOWS_DIR } from '../../paths.js';
import { join } from 'node:path';
import { safeText, sentValue, safeJson, shownPath } from '../../util/safe-text.js';
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
  // A percentage written as one ("80", "80.5", "80%"). Not Number(): '' and ' ' are 0 to it (a CI variable left unset would
  // turn the gate off unseen), and "0x10" and "1e2" numbers nobody means here (QA: flow authoring).
  const written = opts.minCoverage === undefined ? undefined : /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(opts.minCoverage);
  const min = opts.minCoverage === undefined ? undefined : written ? Number(written[1]) : NaN;
  if (min !== undefined && (!Number.isFinite(min) || min < 0 || min > 100)) {
    throw new UsageError('invalid_min_coverage', t('flows.test.badMin', { value: safeText(opts.minCoverage ?? '') }), { value: sentValue(opts.minCoverage ?? '') });
  }
  const flows = opts.paths.length > 0 ? await flowsAt(opts.paths, ctx) : await catalogFlows(ctx);
  const reports = flows.map(({ flow }) => runFlowTests(flow));
  const failed = reports.flatMap((r) => r.results.filter((x) => !x.pass).map((x) => ({ flow: r.flow.id, result: x })));
  const low = min === undefined ? [] : reports.filter((r) => r.coverage < min);
  // Where each failing test is written, so an author's editor can jump to it.
  const { locateInFile } = failed.length > 0 ? await import('../../flows/load.js') : { locateInFile: undefined };
  const places = new Map<FlowTestResult, { file: string; line: number | null; column: number | null }>();
  for (const [i, r] of reports.entries()) {
    const { file } = flows[i]!;
    for (const x of r.results) {
      if (x.pass || !locateInFile) continue;
      const at = await locateInFile(file, ['tests', r.flow.tests.indexOf(x.test)], ctx.lang);
      places.set(x, { file, line: at?.line ?? null, column: at?.column ?? null });
    }
  }
  if (opts.json) {
    const doc = {
      ok: failed.length === 0 && low.length === 0,
      minCoverage: min ?? null,
      flows: reports.map((r) => ({
        id: r.flow.id,
        version: r.flow.version,
        tests: r.results.length,
        passed: r.results.filter((x) => x.pass).length,
        failures: r.results.filter((x) => !x.pass).map((x) => ({ name: x.test.name, expected: x.test.expect, reached: x.reached, unused: x.unused, ...places.get(x) })),
        coverage: round(r.coverage),
        uncoveredOutcomes: r.uncoveredOutcomes,
        uncoveredAnswers: r.uncoveredEdges,
      })),
    };
    io.stdout.write(`${safeJson(doc, 2)}\n`);
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
        const place = places.get(x);
        const at = place ? `${shownPath(place.file)}${place.line === null ? '' : `:${place.line}:${place.column}`}: ` : '';
        io.stdout.write(`    ${at}${line}\n`);
      }
      if (r.uncoveredOutcomes.length > 0) io.stdout.write(`    ${t('flows.test.uncoveredOutcomes', { ids: firstOf(t, r.uncoveredOutcomes) })}\n`);
      if (r.uncoveredEdges.length > 0) io.stdout.write(`    ${t('flows.test.uncoveredAnswers', { ids: firstOf(t, r.uncoveredEdges) })}\n`);
    }
    const tests = reports.reduce((n, r) => n + r.results.length, 0);
    io.stderr.write(`${t('flows.test.summary', { flows: reports.length, tests, failed: failed.length })}\n`);
    if (low.length > 0) io.stderr.write(`${t('flows.test.low', { min: min ?? 0, ids: low.map((r) => withAside(t, r.flow.id, `${round(r.coverage)}%`)).join(t('list.separator')) })}\n`);
  }
  if (failed.length > 0 || low.length > 0) throw new SilentError();
  return reports;
}

function round(n: number): number {
  return Math.floor(n * 10) / 10;
}

/** A flow to test, with the file it is written in. */
interface FlowAt {
  flow: Flow;
  file: string;
}

/**
 * The flows of this run: operator flows from their files, bundled flows from the YAML files shipped in the package.
 * An operator file the run skips (broken, or its id taken) or uses in place of an earlier folder's stops the run,
 * as with paths: its tests would otherwise be some other file's (a broken replacement's, the bundled flow's).
 */
async function catalogFlows(ctx: Context): Promise<FlowAt[]> {
  // The problems are the error's to list: not warnings too.
  const { entries, problems, replaced } = await ctx.flows({ warn: false });
  await refuseProblems([...problems, ...replaced], ctx);
  return [...entries.values()].map((e) => ({ flow: e.flow, file: e.file ?? join(BUNDLED_FLOWS_DIR, `${e.flow.id}.yaml`) }));
}

/** Loads flows from files and folders; a file with problems stops the run with them listed. */
async function flowsAt(paths: string[], ctx: Context): Promise<FlowAt[]> {
  const { expandPaths, checkDataFile, directoriesAmongFlows } = await import('../../flows/data-file.js');
  const { files, problems, folderOf } = await expandPaths(paths, ctx.lang);
  // Held to what flows validate holds them to (agent wording too): a CI job that runs only flows test ships no flow validate refuses.
  const checked = await Promise.all(files.map((f) => checkDataFile(f, ctx.lang, true)));
  // A directory file named on its own is no flow to test; one among flows is what a run skips as a broken flow.
  const amongFlows = await directoriesAmongFlows(checked, folderOf, [BUNDLED_FLOWS_DIR, ...ctx.flowDirs], ctx.lang);
  // Two files with one flow id are an error here as in flows validate: which one would be tested?
  const { idConflicts } = await import('../../flows/load.js');
  const { repeated, replacing } = await idConflicts(checked.map((c) => ({ file: c.file, id: c.flow?.id })), ctx.lang, { replaceable: BUNDLED_FLOWS_DIR });
  await refuseProblems([...problems, ...checked.filter((c) => c.kind !== 'directory' || amongFlows.has(c.file)).flatMap((c) => c.problems), ...repeated, ...replacing], ctx);
  return checked.flatMap((c) => (c.flow ? [{ flow: c.flow, file: c.file }] : []));
}

/** Stops the run when the flows to test have problems, listing them. */
async function refuseProblems(problems: Problem[], ctx: Context): Promise<void> {
  if (problems.length === 0) return;
  const { formatProblem } = await import('../../data/located-yaml.js');
  // A problem found in the flows, as flows validate reports it: exit 1, not a usage error.
  throw new WalletHelpError('invalid_flows', [ctx.t('flows.test.invalid'), ...problems.map((p) => `  ${formatProblem(p)}`)].join('\n'), ExitCode.failed, { problems });
}

/** The most ids a line of uncovered outcomes or answers lists: a flow of thousands of nodes wrote one line of 25 KB (QA: UX review). */
const MAX_LISTED = 20;

/** Ids as a list, the first MAX_LISTED of them, with how many more there are (--json has them all). */
function firstOf(t: Translate, ids: readonly string[]): string {
  if (ids.length <= MAX_LISTED) return listOf(t, ids);
  return t('flows.test.more', { ids: listOf(t, ids.slice(0, MAX_LISTED)), count: ids.length - MAX_LISTED });
}
