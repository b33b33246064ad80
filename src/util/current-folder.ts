import { isAbsolute, join, sep } from 'node:path';

/**
 * The current folder. One removed since the shell went into it (a checkout, an `rm -rf` from another terminal) has no
 * path to ask for (process.cwd() throws, and every command crashed with a stack trace: QA, robustness review): the path
 * the shell gives for it (PWD), so a relative path given is looked for there and reported missing, as it is; with
 * none, the root's "(current folder removed)", which holds nothing.
 */
export function currentFolder(env: Readonly<Record<string, string | undefined>>): string {
  try {
    return process.cwd();
  } catch {
    const pwd = env.PWD;
    return pwd && isAbsolute(pwd) ? pwd : join(sep, '(current folder removed)');
  }
}
