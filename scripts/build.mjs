// Build: validate and compile the bundled flows to JSON, then bundle the CLI.
// The start-up path reads that JSON and one JS file; YAML parsing and the other
// heavy packages load only on the paths that need them (separate chunks).
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));

await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });

// Bundle a loader for the flow sources first, with the same code the CLI uses.
const tools = join(dist, '.build-tools.mjs');
await esbuild.build({
  entryPoints: [join(root, 'src/flows/load.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile: tools,
  packages: 'external',
  logLevel: 'warning',
});
const { loadFlowDir } = await import(tools);
await rm(tools);

const { flows, problems } = await loadFlowDir(join(root, 'flows'));
if (problems.length > 0) {
  for (const p of problems) console.error(`${p.file}:${p.line}:${p.column}: ${p.message}`);
  console.error(`build: ${problems.length} problem(s) in the bundled flows`);
  process.exit(1);
}
await writeFile(join(dist, 'flows.json'), JSON.stringify(flows));

await esbuild.build({
  entryPoints: { cli: join(root, 'src/cli.ts') },
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outdir: dist,
  chunkNames: 'chunks/[name]-[hash]',
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  sourcemap: false,
  define: { __WALLET_HELP_VERSION__: JSON.stringify(pkg.version) },
  // Some dependencies are CommonJS inside ESM chunks.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
console.log(`build: ${flows.length} flows, bundle in dist/`);
