/**
 * Where the package's own files are. This module sits one level below the
 * package root both as source (`src/paths.ts`) and when bundled (`dist/cli.js`).
 */
import { fileURLToPath } from 'node:url';

/** The package root folder. */
export const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The bundled flows, compiled from `flows/*.yaml` to JSON by the build. */
export const BUNDLED_FLOWS_JSON = fileURLToPath(new URL('../dist/flows.json', import.meta.url));

/** The YAML sources of the bundled flows. */
export const BUNDLED_FLOWS_DIR = fileURLToPath(new URL('../flows', import.meta.url));

/** The bundled demo support directory, compiled from `directory/example.yaml` by the build. */
export const BUNDLED_DIRECTORY_JSON = fileURLToPath(new URL('../dist/directory.json', import.meta.url));

/** The YAML source of the bundled demo directory. */
export const BUNDLED_DIRECTORY_YAML = fileURLToPath(new URL('../directory/example.yaml', import.meta.url));
