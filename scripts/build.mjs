// Build: validate the bundled data and compile it to JSON, bundle the CLI, and
// make the code cache its launcher uses (src/boot.ts). Start-up reads the loader,
// the CLI's entry and one shared chunk (CommonJS) with their cached code, and the
// one flow a diagnosis runs; YAML parsing, luxon, inquirer and each command's own
// code load only on the paths that need them (separate chunks).
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import * as esbuild from 'esbuild';

/**
 * Commander loads `node:child_process` (and with it `net`, `dgram` and more) for
 * executable subcommands, which wallet-help has none of: it gets the module on first use.
 */
const lazyChildProcessInCommander = {
  name: 'lazy-child-process-in-commander',
  setup(build) {
    build.onResolve({ filter: /^node:child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: args.path, namespace: 'lazy-builtin' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, () => ({
      loader: 'js',
      contents: 'module.exports = { spawn: (...args) => require("node:child_process").spawn(...args) };',
    }));
  },
};

/**
 * The message catalogues (src/i18n/messages.ts and messages-zh.ts, plain objects of texts)
 * as JSON texts, one per section (src/i18n/sections.ts), each parsed when a run first looks
 * up one of its texts: a run builds the catalogue from a few strings in the code cache,
 * instead of from some 570 strings each looked up in V8's string table as the cache is read
 * (~0.7 M instructions of a `--help`), and a run that needs only the help texts of its program
 * (`--help`, `diagnose … --json`) parses only those (~0.7 M more). The English texts are written
 * with JSON's \\u escapes: its chunk is ASCII (escapeNonAscii), where a non-ASCII character would
 * be a JavaScript escape and make the text a two-byte string, which JSON.parse reads more slowly.
 * The module's imports for effect stay: they decide its chunk.
 */
const cataloguesAsJson = {
  name: 'catalogues-as-json',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]i18n[\\/]messages(?:-zh)?\.ts$/ }, async (args) => {
      const { code } = await esbuild.transform(await readFile(args.path, 'utf8'), { loader: 'ts', format: 'esm' });
      const forEffect = /^import\s*["'][^"']+["'];?$/gm;
      const values = code.replace(forEffect, '');
      if (/^\s*import\b/m.test(values)) throw new Error(`build: ${args.path} imports values; a catalogue holds texts only`);
      const catalogues = await import(`data:text/javascript,${encodeURIComponent(values)}`);
      const exports = Object.entries(catalogues).map(([name, catalogue]) => {
        if (typeof catalogue !== 'object' || catalogue === null || Object.values(catalogue).some((text) => typeof text !== 'string')) {
          throw new Error(`build: ${name} in ${args.path} is not a catalogue of texts`);
        }
        // The Chinese catalogue's chunk keeps its characters (see escapeNonAscii), so its texts do too.
        const texts = sectionTexts(catalogue, args.path.endsWith('-zh.ts') ? JSON.stringify : asciiJson);
        return `export const ${name} = sectionedCatalogue(${JSON.stringify(texts)});`;
      });
      const sectioned = "import { sectionedCatalogue } from './sections.js';";
      return { loader: 'js', contents: [...(code.match(forEffect) ?? []), sectioned, ...exports].join('\n'), resolveDir: dirname(args.path) };
    });
  },
};

/**
 * chalk's colour detection, left out: wallet-help decides colour itself (src/io/io.ts
 * colorEnabled: flags, NO_COLOR, settings, terminal) and gives chalk the level, and ora's
 * spinner follows the same decision (src/vendor/ora.ts). chalk's Node variant of the
 * detection imports node:tty, which loads net and all of Node's streams (~4 ms) into every
 * run that prints text; its "default" variant detects nothing in Node (level 0).
 */
const chalkWithoutDetection = {
  name: 'chalk-without-detection',
  setup(build) {
    build.onResolve({ filter: /^#supports-color$/ }, (args) =>
      /[\\/]node_modules[\\/]chalk[\\/]/.test(args.importer) ? { path: join(dirname(args.importer), 'vendor/supports-color/browser.js') } : undefined,
    );
  },
};

/**
 * The commands whose code the code cache holds (see train in src/boot.ts), in stages: the
 * files every run loads keep the code of the first stage (the runs scripts and agents make
 * many times a minute, and `flows validate`, much of whose code sits in those files); later
 * stages add their own files. Measured against one stage: diagnose --json and --help
 * about 1% fewer instructions, validate 12% fewer, contacts 1% more. Output goes nowhere.
 */
const TRAINING = [
  [
    ['--version'],
    ['--help'],
    ['diagnose', '--help'],
    ['diagnose', 'payment-failed', '--network', 'offline', '--json'],
    ['diagnose', 'deposit-missing', '--answer', 'method=bank-card', '--answer', 'record-status=processing'],
    ['--lang', 'zh', 'diagnose', 'login-failed', '--answer', 'symptom=code-rejected', '--answer', 'code-type=authenticator', '--json'],
    ['flows', 'validate'],
  ],
  [['contacts'], ['flows', 'list']],
];

/**
 * The command lines each profile's own cache is trained on (see profileOf in src/boot.ts):
 * a run of that kind reads only the code these need. Measured against the general cache
 * alone: --help 105.7 -> 104.9 M instructions, diagnose --json 109.0 -> 107.4 M.
 */
const PROFILE_TRAINING = {
  help: [[['--help'], ['diagnose', '--help']]],
  json: [[['diagnose', 'payment-failed', '--network', 'offline', '--json'], ['--lang', 'zh', 'diagnose', 'login-failed', '--answer', 'symptom=code-rejected', '--answer', 'code-type=authenticator', '--json']]],
};

/**
 * A default or namespace import of a Node built-in (conf has several, boot.ts one) goes
 * through esbuild's __toESM, which copies every export of node:process, node:os, node:module
 * or node:path at load; an object that inherits from the module, with the module as its
 * default, reads them on use.
 */
function builtinsWithoutCopies(code) {
  return code.replace(/__toESM\((require\("node:[a-z_/]+"\))(?:,1)?\)/g, '(m=>Object.create(m,{default:{value:m}}))($1)');
}

/**
 * A bundle file's remaining non-ASCII characters as \\u escapes: esbuild's `charset: 'ascii'` escapes
 * strings and templates but leaves regular expression literals as written (/[。？！]$/u), and one
 * such character makes V8 hold the whole file as a two-byte string decoded character by character
 * (~1 M instructions a run). Minified code has no comments, and an escape means the same
 * character in a regular expression as in a string.
 */
function escapeNonAscii(code) {
  // A character escaped by a backslash (/\\。/) would become the escape's own letters.
  if (/\\[\u0080-\uffff]/.test(code)) throw new Error('build: a non-ASCII character after a backslash cannot be escaped');
  return code.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * JSON with every non-ASCII character as a \\u escape. V8 reads an ASCII file into a one-byte
 * string at copying speed; one Chinese character anywhere makes the whole text a two-byte
 * string decoded character by character, which costs a run more than the escapes cost JSON.parse.
 */
function asciiJson(value) {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A chunk's exports as plain properties, set when its top level has run, instead of one
 * getter per export defined first (hundreds in the start-up chunk, and a call on every use
 * from another chunk). A binding that is assigned more than once (a live `let`) keeps its
 * getter, and so do a binding declared without a value and another chunk's export passed
 * on. Chunks only require chunks that do not require them back (esbuild's chunks form
 * a graph without cycles, and import() runs after loading), so no chunk reads another's
 * exports before they are set.
 */
function exportsAsValues(code, path) {
  const match = /__export\(stdin_exports,\{([^}]*)\}\);/.exec(code);
  if (!match) return code;
  // The code the bindings are looked up in: without the export list itself and esbuild's
  // `0&&(module.exports={a,b})` note of export names for Node's CommonJS lexer.
  const body = code.replace(match[0], '').replace(/0&&\(module\.exports=\{[^}]*\}\);?/, '');
  const values = [];
  const live = [];
  for (const entry of match[1].split(',')) {
    const m = /^([\w$]+):\(\)=>([\w$]+)(\.[\w$]+)?$/.exec(entry);
    if (!m) throw new Error(`build: unexpected export entry ${entry} in ${path}`);
    const [, name, local, reexported] = m;
    const id = local.replace(/\$/g, '\\$');
    // Assigned more than once, or declared without a value (esbuild's lazily initialised
    // modules set such bindings later): read through a getter.
    const assignments = body.match(new RegExp(`(?<![\\w$.])${id}\\s*(?:=(?![=>])|\\+\\+|--|(?:[-+*/%&|^]|\\*\\*|<<|>>>?|&&|\\|\\||\\?\\?)=)|(?:\\+\\+|--)${id}(?![\\w$])`, 'g'))?.length ?? 0;
    const declaredEmpty = new RegExp(`(?:(?:var|let)\\s+|,)${id}\\s*[;,]`).test(body);
    (reexported || assignments > 1 || declaredEmpty ? live : values).push(`${name}:${local}${reexported ?? ''}`);
  }
  const getters = live.length > 0 ? `__export(stdin_exports,{${live.map((e) => e.replace(':', ':()=>')).join(',')}});` : '';
  return `${code.replace(match[0], getters)}\nObject.assign(stdin_exports,{${values.join(',')}});\n`;
}

/**
 * Runs `script` in a Node process of its own, as a user's run with no settings: HOME is an empty folder (the settings
 * folder is found from it, as a user's is), no WALLET_HELP_* variable, no colour. Its output is kept.
 */
async function runWithoutSettings(script) {
  const settings = await mkdtemp(join(tmpdir(), 'wallet-help-build-'));
  try {
    return spawnSync(process.execPath, ['-e', script], { env: { PATH: process.env.PATH, HOME: settings, NO_COLOR: '1', LANG: 'C.UTF-8' }, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  } finally {
    await rm(settings, { recursive: true, force: true });
  }
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));

await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });

// The data is validated with the same loaders the CLI uses, bundled for this script.
const tools = join(dist, '.build-tools.mjs');
await esbuild.build({
  stdin: {
    contents: "export { loadFlowDir } from './src/flows/load.ts'; export { loadDirectoryFile } from './src/directory/load.ts'; export { FLOW_INDEX, flowFileName, flowIndex, flowInLanguage } from './src/flows/catalog.ts'; export { LANGS } from './src/engine/types.ts'; export { sectionTexts } from './src/i18n/sections.ts';",
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
const { loadFlowDir, loadDirectoryFile, FLOW_INDEX, flowFileName, flowIndex, flowInLanguage, LANGS, sectionTexts } = await import(tools);
await rm(tools);

const { flows, problems } = await loadFlowDir(join(root, 'flows'), 'en', true);
const { directory, problems: directoryProblems } = await loadDirectoryFile(join(root, 'directory/example.yaml'));
const all = [...problems, ...directoryProblems];
if (all.length > 0) {
  for (const p of all) console.error(`${p.file}:${p.line}:${p.column}: ${p.message}`);
  console.error(`build: ${all.length} problem(s) in the bundled data`);
  process.exitCode = 1;
} else {
  // Files a flow (in every language, and in each language alone) and an index of what the problem
  // menu shows: a diagnosis reads only the flow it runs, in the language it speaks.
  await mkdir(join(dist, 'flows'));
  await writeFile(join(dist, 'flows', FLOW_INDEX), asciiJson(flowIndex(flows)));
  for (const flow of flows) {
    await writeFile(join(dist, 'flows', flowFileName(flow.id)), asciiJson(flow));
    for (const lang of LANGS) await writeFile(join(dist, 'flows', flowFileName(flow.id, lang)), asciiJson(flowInLanguage(flow, lang)));
  }
  // Named as every run names it ("bundled"), not by the path it was built from, which no installed copy has.
  await writeFile(join(dist, 'directory.json'), asciiJson({ ...directory, source: 'bundled' }));
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    // Chinese text as UTF-8, not \u escapes: a third of the bytes to read and parse.
    charset: 'utf8',
    define: { __WALLET_HELP_VERSION__: JSON.stringify(pkg.version) },
    logLevel: 'warning',
  };
  // The CLI: its start-up code in one chunk, each command's code (and heavy packages) in
  // chunks loaded on demand. esbuild splits only ES modules; the chunks are then turned
  // into CommonJS, because Node 20 loads an ES module graph asynchronously, file by file
  // through its thread pool, and that waiting costs a short run more time than anything
  // it computes. CommonJS files load synchronously (dist/package.json says they are CommonJS).
  const cli = await esbuild.build({
    ...common,
    plugins: [lazyChildProcessInCommander, chalkWithoutDetection, cataloguesAsJson],
    format: 'esm',
    // Its chunks become CommonJS below: src/paths.ts takes __filename (the library uses import.meta.url).
    define: { ...common.define, __WALLET_HELP_CJS__: 'true' },
    // The worker thread of `flows validate` on many files is an entry of its own, sharing the chunks.
    // Plain diagnose lines (what scripts send) and help to a pipe start from an entry of their own, without commander (src/direct.ts).
    entryPoints: { cli: join(root, 'src/cli.ts'), direct: join(root, 'src/direct.ts'), 'check-worker': join(root, 'src/flows/check-worker.ts') },
    splitting: true,
    outdir: dist,
    chunkNames: 'chunks/[name]-[hash]',
    write: false,
  });
  await mkdir(join(dist, 'chunks'));
  for (const file of cli.outputFiles) {
    const usesMeta = file.text.includes('import.meta');
    const chineseCatalogue = /\/messages-zh-[^/]+\.js$/.test(file.path);
    const cjs = await esbuild.transform(file.text, {
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      minifyWhitespace: true,
      minifySyntax: true,
      // Non-ASCII characters as \u escapes, except in the Chinese catalogue: V8 keeps a source
      // with a single non-ASCII character as a two-byte string, and decoding it from UTF-8 is
      // the slow path; an ASCII source is read at memcpy speed into half the memory. The
      // catalogue is Chinese throughout, so two-byte anyway, and escapes would triple its bytes.
      charset: chineseCatalogue ? 'utf8' : 'ascii',
      // import() of a chunk becomes require(): the chunks are CommonJS too.
      supported: { 'dynamic-import': false },
      // import.meta of an ES module, for the code that still asks (built only when asked).
      define: { 'import.meta': '__importMeta' },
      banner: usesMeta ? 'var __importMeta={get url(){return require("node:url").pathToFileURL(__filename).href}};' : '',
    });
    // esbuild exports through two getters (the export's own, wrapped again by __toCommonJS);
    // the exports object itself, marked as an ES module, is exported instead.
    const wrapped = 'module.exports=__toCommonJS(stdin_exports);';
    const count = cjs.code.split(wrapped).length - 1;
    if (count > 1) throw new Error(`build: unexpected export shape in ${file.path}`);
    const code = builtinsWithoutCopies(exportsAsValues(cjs.code.replace(wrapped, '__defProp(stdin_exports,"__esModule",{value:!0});module.exports=stdin_exports;'), file.path));
    await writeFile(file.path, chineseCatalogue ? code : escapeNonAscii(code));
  }
  await writeFile(join(dist, 'package.json'), `${JSON.stringify({ type: 'commonjs' })}\n`);
  // The program's help as written to a file or a pipe, in each language, rendered by commander through the CLI's
  // entry, for the runs that print it without commander (src/plain-help.ts). Settings from an empty folder.
  await mkdir(join(dist, 'help'));
  for (const lang of LANGS) {
    const run = await runWithoutSettings(`require(${JSON.stringify(join(dist, 'cli.js'))}).run(['--lang', ${JSON.stringify(lang)}, '--help'])`);
    if (run.status !== 0 || run.stderr !== '' || !run.stdout.startsWith(lang === 'zh' ? '用法' : 'Usage')) throw new Error(`build: rendering the help (${lang}) failed:\n${run.stderr}`);
    await writeFile(join(dist, 'help', `${lang}.txt`), run.stdout);
  }
  // The launcher's loader, and the code cache it uses: made by running the common
  // commands once, with settings from an empty folder and output thrown away.
  await esbuild.build({ ...common, format: 'cjs', entryPoints: { boot: join(root, 'src/boot.ts') }, outdir: dist, packages: 'external' });
  await writeFile(join(dist, 'boot.js'), builtinsWithoutCopies(await readFile(join(dist, 'boot.js'), 'utf8')));
  // Each training run is a process of its own (V8 keeps the code a process compiled), with
  // settings from an empty folder; the manifest then describes every cache file made.
  const boot = join(dist, 'boot.js');
  const train = async (stages, profile) => {
    const args = [JSON.stringify(dist), JSON.stringify(stages), ...(profile ? [JSON.stringify(profile)] : [])].join(', ');
    const run = await runWithoutSettings(`require(${JSON.stringify(boot)}).train(${args}).then((files) => console.log(JSON.stringify(files)))`);
    if (run.status !== 0) throw new Error(`build: the code-cache training run${profile ? ` (${profile})` : ''} failed:\n${run.stderr}`);
    return JSON.parse(run.stdout.trim().split('\n').pop());
  };
  const general = await train(TRAINING);
  const profiles = {};
  for (const [profile, stages] of Object.entries(PROFILE_TRAINING)) profiles[profile] = await train(stages, profile);
  // In a process of its own too: this one took dist/ for part of the ES module package above before dist/package.json was written.
  const manifest = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(boot)}).writeManifest(${[dist, general, profiles].map((v) => JSON.stringify(v)).join(', ')})`], { stdio: 'inherit' });
  if (manifest.status !== 0) throw new Error('build: writing the code-cache manifest failed');
  // boot.js's own cache, for the launcher: compiled as the launcher compiles it (compileBoot, exported when the
  // launcher is required), it runs the launcher's usual work on the cache above (a diagnosis for scripts, and which
  // entry help and other commands start from), and its code is kept as the process ends.
  const bootRun = await runWithoutSettings(`const { compileBoot, dist, filename, cacheFile, sourceCopy } = require(${JSON.stringify(join(root, 'bin', 'wallet-help.js'))});
const fs = require('node:fs');
const text = fs.readFileSync(filename, 'utf8');
const script = compileBoot(text);
script.runInThisContext()(module.exports, require, module, filename, dist);
const boot = module.exports;
for (const argv of [['--help'], ['diagnose', '--help'], ['flows', 'list']]) boot.entryOf(argv);
process.argv = [process.execPath, filename, 'diagnose', 'payment-failed', '--network', 'offline', '--json'];
process.on('exit', (status) => {
  if (status !== 0) return;
  fs.writeFileSync(cacheFile, script.createCachedData());
  fs.writeFileSync(sourceCopy, text);
});
boot.start(dist);`);
  if (bootRun.status !== 0 || !existsSync(join(dist, 'code-cache', 'boot.js.bin'))) throw new Error(`build: the code-cache training run for boot.js failed (exit ${bootRun.status}):\n${bootRun.stderr}`);
  const cached = general.length + 1;
  // The library, an ES module in one file, since a script that imports it diagnoses right away.
  await esbuild.build({
    ...common,
    format: 'esm',
    entryPoints: { lib: join(root, 'src/lib.ts') },
    outdir: dist,
    outExtension: { '.js': '.mjs' },
    packages: 'external',
    // The library's own CommonJS-style requires (none today) would need a require in an ES module.
    banner: { js: 'import{createRequire as __createRequire}from"node:module";const require=__createRequire(import.meta.url);' },
  });
  // Type declarations for the library entry (`import { diagnose } from 'wallet-help'`).
  const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.lib.json')], { stdio: 'inherit' });
  if (tsc.status !== 0) process.exitCode = 1;
  else stripSideEffectImports(join(dist, 'types'));
  console.log(`build: ${flows.length} flows, ${directory.providers.length} directory provider(s), bundle in dist/ (code cache for ${cached} files)`);
}

/**
 * The sources import modules for their side effects only (`import '../core.js'`, which groups the bundle's chunks); in
 * type declarations such an import declares nothing, but makes a TypeScript user's compiler read every module it names,
 * the CLI's terminal and process code among them, which need Node's own types. Left out, the library's declarations
 * reach only the modules whose types it uses.
 */
function stripSideEffectImports(folder) {
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.d.ts')) continue;
    const file = join(entry.parentPath ?? entry.path, entry.name);
    const text = readFileSync(file, 'utf8');
    const stripped = text.replace(/^import '[^']+';\n/gm, '');
    if (stripped !== text) writeFileSync(file, stripped);
  }
}
