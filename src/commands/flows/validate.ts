/** `wallet-help flows validate [PATH...]`: every problem of every flow and directory file. */
import { formatProblem } from '../../data/located-yaml.js';
import { SilentError } from '../../errors.js';
import { checkDataFiles, directoriesAmongFlows, expandPaths, type FileVerdict } from '../../flows/data-file.js';
import { safeJson, shownPath } from '../../util/safe-text.js';
import { idConflicts } from '../../flows/load.js';
import { BUNDLED_DIRECTORY_YAML, BUNDLED_FLOWS_DIR } from '../../paths.js';
import type { Context } from '../context.js';
import '../../core.js';

export interface FlowsValidateOptions {
  paths: string[];
  json: boolean;
}

/**
 * Validates the given files and folders; without paths, the bundled flows, the
 * operator flow folders and the directory in use. Exit 1 when any problem is found.
 */
export async function runFlowsValidate(opts: FlowsValidateOptions, ctx: Context): Promise<FileVerdict[]> {
  const { io, t } = ctx;
  const targets = opts.paths.length > 0 ? opts.paths : [BUNDLED_FLOWS_DIR, ...ctx.flowDirs, ctx.contactsFile ?? BUNDLED_DIRECTORY_YAML];
  const { files, problems: missing, folderOf, subfolders } = await expandPaths(targets, ctx.lang);
  const checked = await checkDataFiles(files, ctx.lang, true);
  // A directory file among flows is what a run skips with a warning, and flows test refuses: said here the same way.
  await directoriesAmongFlows(checked, folderOf, [BUNDLED_FLOWS_DIR, ...ctx.flowDirs], ctx.lang);
  // Two files of a folder may not claim one flow id; nor files of two folders, where at run time the later would
  // replace the earlier (a run warns of it each time). Replacing a bundled flow is what operator folders are for.
  const { repeated, replacing } = await idConflicts(checked, ctx.lang, { replaceable: BUNDLED_FLOWS_DIR });
  for (const p of [...repeated, ...replacing]) checked.find((c) => c.file === p.file)?.problems.push(p);
  const all = [...missing, ...checked.flatMap((c) => c.problems)];
  if (opts.json) {
    const doc = {
      ok: all.length === 0,
      problemCount: all.length,
      // Every file in one shape, for scripts: the flow's id or null (a file that is no valid flow), and warnings, if none.
      files: [
        ...missing.map((p) => ({ file: p.file, kind: 'unknown', id: null, problems: [p], warnings: [] })),
        ...checked.map((c) => ({ file: c.file, kind: c.kind, id: c.id ?? null, problems: c.problems, warnings: c.warnings ?? [] })),
      ],
      notRead: subfolders,
    };
    io.stdout.write(`${safeJson(doc, 2)}\n`);
  } else {
    for (const p of all) io.stdout.write(`${formatProblem(p)}\n`);
    // Not problems (the exit code stays 0), said the way compilers say them so that editors show them too.
    for (const w of checked.flatMap((c) => c.warnings ?? [])) io.stdout.write(`${formatProblem({ ...w, message: t('flows.validate.warning', { message: w.message }) })}\n`);
    // Said once, however many: a run does not read them either, so nothing in them is checked or used.
    if (subfolders.length > 0) io.stderr.write(`${t('flows.validate.subfolders', { folders: subfolders.map((f) => shownPath(f)).join(t('list.separator')) })}\n`);
    const summary = t(all.length === 0 ? 'flows.validate.ok' : 'flows.validate.failed', { files: checked.length, problems: all.length });
    const { err } = await ctx.styles();
    io.stderr.write(`${all.length === 0 ? err.green(summary) : err.red(summary)}\n`);
  }
  if (all.length > 0) throw new SilentError();
  return checked;
}
