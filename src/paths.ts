/**
 * Where the package's own files are. This code runs from `src/` in tests and
 * from `dist/` (possibly a chunk in `dist/chunks/`) when bundled, so the
 * package root is whatever lies above the last `src` or `dist` folder.
 */
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** True in the CLI's bundle (CommonJS chunks), set by the build; absent in the library (an ES module) and the sources. */
declare const __WALLET_HELP_CJS__: boolean | undefined;

// The CLI's bundle has __filename, which saves building a URL at every start. The library must not look for one:
// a host may have a global __filename of its own (`node -e` sets one), which is not where this file is.
const here = typeof __WALLET_HELP_CJS__ === 'boolean' && __WALLET_HELP_CJS__ ? __filename : fileURLToPath(import.meta.url);
const inDist = here.lastIndexOf(`${sep}dist${sep}`);
const inSrc = here.lastIndexOf(`${sep}src${sep}`);

/** The package root folder. */
export const PACKAGE_ROOT = inDist === -1 && inSrc === -1 ? join(here, '..', '..') : here.slice(0, Math.max(inDist, inSrc));

/** Whether this code runs from the bundle in dist/ (not from the sources, as the tests do). */
export const BUNDLED = inDist > inSrc;

/** The worker thread script of `flows validate` on many files (bundled only). */
export const CHECK_WORKER_SCRIPT = join(PACKAGE_ROOT, 'dist', 'check-worker.js');

/** The bundled flows, compiled from `flows/*.yaml` by the build: one JSON file each and an index. */
export const BUNDLED_FLOWS_JSON_DIR = join(PACKAGE_ROOT, 'dist', 'flows');

/** The YAML sources of the bundled flows. */
export const BUNDLED_FLOWS_DIR = join(PACKAGE_ROOT, 'flows');

/** The program's help as written to a file or a pipe, one file a language, rendered by the build (see plain-help.ts). */
export const BUNDLED_HELP_DIR = join(PACKAGE_ROOT, 'dist', 'help');

/** The bundled demo support directory, compiled from `directory/example.yaml` by the build. */
export const BUNDLED_DIRECTORY_JSON = join(PACKAGE_ROOT, 'dist', 'directory.json');

/** The YAML source of the bundled demo directory. */
export const BUNDLED_DIRECTORY_YAML = join(PACKAGE_ROOT, 'directory', 'example.yaml');
