// Build: validate the bundled data and compile it to JSON, then bundle the CLI.
// Start-up reads that JSON and one JS file; YAML parsing, luxon and inquirer
// load only on the paths that need them (separate chunks).
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));

await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });

// The data is validated with the same loaders the CLI uses, bundled for this script.
const tools = join(dist, '.build-tools.mjs');
await esbuild.build({
  stdin: {
    contents: "export { loadFlowDir } from './src/flows/load.ts'; export { loadDirectoryFile } from './src/directory/load.ts';",
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile: tools,
  packages: 'external',
  logLevel: 'warning',
});
const { loadFlowDir, loadDirectoryFile } = await import(tools);
await rm(tools);

const { flows, problems } = await loadFlowDir(join(root, 'flows'), 'en', true);
const { directory, problems: directoryProblems } = await loadDirectoryFile(join(root, 'directory/example.yaml'));
const all = [...problems, ...directoryProblems];
if (all.length > 0) {
  for (const p of all) console.error(`${p.file}:${p.line}:${p.column}: ${p.message}`);
  console.error(`build: ${all.length} problem(s) in the bundled data`);
  process.exitCode = 1;
} else {
  await writeFile(join(dist, 'flows.json'), JSON.stringify(flows));
  await writeFile(join(dist, 'directory.json'), JSON.stringify(directory));
  const common = {
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    define: { __WALLET_HELP_VERSION__: JSON.stringify(pkg.version) },
    // Some dependencies are CommonJS; inside ESM chunks they need a require.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: 'warning',
  };
  // The CLI on its own, so its start-up file holds exactly what every run needs and each
  // command's code (and heavy packages) sit in chunks loaded on demand.
  await esbuild.build({ ...common, entryPoints: { cli: join(root, 'src/cli.ts') }, splitting: true, outdir: dist, chunkNames: 'chunks/[name]-[hash]' });
  // The library: one file, since a script that imports it diagnoses right away.
  await esbuild.build({ ...common, entryPoints: { lib: join(root, 'src/lib.ts') }, outdir: dist, packages: 'external' });
  // Type declarations for the library entry (`import { diagnose } from 'wallet-help'`).
  const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.lib.json')], { stdio: 'inherit' });
  if (tsc.status !== 0) process.exitCode = 1;
  console.log(`build: ${flows.length} flows, ${directory.providers.length} directory provider(s), bundle in dist/`);
}
