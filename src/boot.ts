/**
 * Start-up of the bundled CLI with V8's code cache. Compiling JavaScript is most
 * of what a short run spends beyond Node's own start: the bundle is parsed and
 * each function compiled the first time it runs, on every run. The build runs
 * the common commands once and saves, per bundle file, the code V8 compiled for
 * them (dist/code-cache/); later runs hand that to V8 and skip the compiling.
 *
 * The cache belongs to the build like the bundle does: it sits in dist/, is made
 * by the build and never written at run time. V8 refuses a cache from another
 * version or other flags (the file is then compiled as usual), and a cache is
 * used only for the file it was made from (V8 itself checks only the length), so
 * a changed file is not run with the code of the old one: same size and
 * modification time as at the build, or, in a copy that did not keep file times
 * (an npm install sets every file's time to the time of the install), the same
 * text as the copy of the file the build keeps beside its cache (comparing two
 * texts costs a run far less than loading zlib to checksum one, ~8 M instructions);
 * a changed file is compiled afresh. Where the
 * cache was made by another Node version, Node's own loader loads the bundle,
 * with Node's own compile cache on Node 22+.
 *
 * This file is bundled on its own to dist/boot.js (CommonJS). The launcher
 * (bin/wallet-help.js) runs it as part of its own module, without require(), and
 * compiles it with a code cache of its own (code-cache/boot.js.bin, which the
 * build makes through the launcher); the build, the tests and `flows validate`'s
 * worker threads require it.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { Script } from 'node:vm';
import { isPlainHelp } from './plain-help.js';
import { VERSION } from './version.js';

const CACHE_DIR = 'code-cache';
const MANIFEST = 'manifest.json';

export interface CacheManifest {
  /** The Node version (and so V8 version) the cache was made with. */
  node: string;
  /**
   * Bundle files (relative to dist/) with what identifies the exact file: its size and its modification
   * time (whole seconds, which copies that keep times keep); where the time differs, its text is compared
   * with the copy kept in code-cache/source/.
   */
  files: Record<string, { size: number; mtime: number }>;
  /** Per profile (see profileOf), the files with a cache of the profile's own, kept in code-cache/<profile>/. */
  profiles: Partial<Record<Profile, string[]>>;
}

/**
 * Command lines with a cache of their own: help screens, and diagnoses for scripts (--json),
 * which scripts and agents run many times a minute. The files every run loads (the CLI's entry
 * and start-up chunk) then hold only the code such a run needs, not also the code of every
 * other command, which V8 would read in every run. Other command lines use the general cache.
 */
export type Profile = 'help' | 'json';

/** The profile of a command line. A wrong guess costs only speed: every cache serves any run. */
export function profileOf(argv: readonly string[]): Profile | undefined {
  if (argv.includes('--help') || argv.includes('-h') || argv[0] === 'help') return 'help';
  if (argv.includes('diagnose') && argv.includes('--json')) return 'json';
  return undefined;
}

/**
 * The bundle's entry for a command line: direct.js for a plain diagnose line that scripts send and for the program's
 * plain help (it runs them without commander, and hands anything else to cli.js), cli.js for every other. A wrong
 * guess costs only speed.
 */
export function entryOf(argv: readonly string[]): 'direct.js' | 'cli.js' {
  return profileOf(argv) === 'json' || isPlainHelp(argv) ? 'direct.js' : 'cli.js';
}

/** What happened to each bundle file loaded (for tests and the build's report). */
export interface CacheReport {
  used: string[];
  refused: string[];
  compiled: string[];
}

type ModuleInternals = typeof import('node:module') & { wrap(content: string): string };

/**
 * The CommonJS loader's Module class, taken from this module (the launcher's, when it runs this file): requiring
 * `node:module` would also load Node's ES module loader and source-map support, which a run does not use.
 */
const Module = module.constructor as unknown as ModuleInternals;

/** What a bundle file sees as `module`: it only ever sets `module.exports`. */
interface BundleModule {
  exports: unknown;
  id: string;
  filename: string;
}

/**
 * A loader for the bundle files (CommonJS, dist/package.json) that hands V8 the cached
 * code of each file when `manifest` has a cache for it; `keep` receives every compiled
 * script (the build saves their code after the training run). The bundle's files require
 * only each other by relative path and Node's built-in modules, so it needs none of Node's
 * module resolution (a search, a real path and a package scope per file, ~1.5 ms a run):
 * a file is read from the path it is required by, once.
 */
function bundleLoader(
  dist: string,
  manifest: CacheManifest | undefined,
  profile: Profile | undefined,
  report: CacheReport,
  keep?: (file: string, script: Script) => void,
): (filename: string) => unknown {
  const loaded = new Map<string, BundleModule>();
  const load = (name: string): unknown => {
    const done = loaded.get(name);
    if (done) return done.exports;
    const filename = inDist(dist, name);
    const mod: BundleModule = { exports: {}, id: filename, filename };
    loaded.set(name, mod);
    const content = readFileSync(filename, 'utf8');
    const cachedData = manifest ? cacheFor(dist, name, filename, content, manifest, profile) : undefined;
    const script = new Script(Module.wrap(content), { filename: scriptName(name), ...(cachedData ? { cachedData } : {}) });
    if (cachedData && !script.cachedDataRejected) report.used.push(name);
    else (cachedData ? report.refused : report.compiled).push(name);
    keep?.(name, script);
    const requireInBundle = (id: string): unknown => (id.startsWith('./') || id.startsWith('../') ? load(besides(name, id)) : module.require(id));
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    wrapper.call(mod.exports, mod.exports, requireInBundle, mod, filename, dirname(filename));
    return mod.exports;
  };
  return load;
}

/**
 * The name V8 knows a bundle file by, in stack traces: the same wherever the package is built or installed. V8 keeps
 * the name a script was compiled under in its code cache and uses that one, not the name given with the cache, so a
 * cache made under the builder's own path put that path in every installed copy's stack traces (QA: library review).
 */
function scriptName(name: string): string {
  return `wallet-help/dist/${name}`;
}

/**
 * The cached code of one bundle file (the profile's own, or the general one), if the cache was made from
 * this very file (`content`, its text): same size and time as at the build, or, where the time was not
 * kept, the same text as the build's copy.
 */
function cacheFor(dist: string, name: string, filename: string, content: string, manifest: CacheManifest, profile: Profile | undefined): Buffer | undefined {
  const expected = Object.hasOwn(manifest.files, name) ? manifest.files[name] : undefined;
  if (!expected) return undefined;
  try {
    const stat = statSync(filename);
    if (stat.size !== expected.size) return undefined;
    if (Math.floor(stat.mtimeMs / 1000) !== expected.mtime && readFileSync(sourceFile(dist, name), 'utf8') !== content) return undefined;
    const own = profile !== undefined && manifest.profiles?.[profile]?.includes(name) === true;
    return readFileSync(cacheFile(dist, name, own ? profile : undefined));
  } catch {
    return undefined;
  }
}

/** Where the cached code of a bundle file (its path under dist/) is kept, in general or for a profile. */
function cacheFile(dist: string, name: string, profile?: Profile): string {
  return inDist(dist, `${CACHE_DIR}/${profile ? `${profile}/` : ''}${name.replaceAll('/', '__')}.bin`);
}

/** Where the build keeps a copy of a bundle file as its cache was made from it. */
function sourceFile(dist: string, name: string): string {
  return inDist(dist, `${CACHE_DIR}/source/${name.replaceAll('/', '__')}`);
}

/*
 * Paths in dist/ are put together as text, not with node:path: a run builds a few dozen, and
 * path.join's normalising, run cold, cost a start-up ~0.3 ms. The names are the bundle's own
 * ('cli.js', 'chunks/chunk-….js', 'code-cache/…'), written with '/', which every platform's
 * file calls accept.
 */

/** The path of a file of dist/, from its name there. */
function inDist(dist: string, name: string): string {
  return `${dist}${dist.endsWith(sep) || dist.endsWith('/') ? '' : sep}${name}`;
}

/** The name in dist/ of what the bundle file `from` requires as `id` ('./chunk-….js', '../cli.js'). */
export function besides(from: string, id: string): string {
  const parts = from.split('/');
  parts.pop();
  for (const part of id.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  return parts.join('/');
}

/**
 * Loads a bundle file (and what it requires): with the build's code cache where it was
 * made by this Node version, otherwise through Node's own loader, which on Node 22+
 * keeps a compile cache of its own.
 */
function loadBundle(dist: string, name: string, report: CacheReport, profile?: Profile): unknown {
  const manifest = readManifest(dist);
  if (manifest?.node === process.version) return bundleLoader(dist, manifest, profile, report)(name);
  if (Number(process.versions.node.split('.')[0]) >= 22) (module.require('node:module') as { enableCompileCache?: () => void }).enableCompileCache?.();
  return module.require(inDist(dist, name));
}

function readManifest(dist: string): CacheManifest | undefined {
  try {
    const manifest = JSON.parse(readFileSync(inDist(dist, `${CACHE_DIR}/${MANIFEST}`), 'utf8')) as CacheManifest;
    return typeof manifest?.node === 'string' && typeof manifest.files === 'object' && manifest.files !== null ? manifest : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs the CLI for this process (the launcher's one call). `report`, when given,
 * receives what happened to each bundle file (tests).
 */
export function start(dist: string = __dirname, report: CacheReport = { used: [], refused: [], compiled: [] }): Promise<void> {
  // `wallet-help --version` alone, which scripts run to check what they have, needs none of
  // the CLI: it prints what commander would print, without loading it.
  const argv = process.argv.slice(2);
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    try {
      writeSync(1, `${VERSION}\n`);
      return Promise.resolve();
    } catch (err) {
      // A reader that went away is not an error (as for every other output).
      if ((err as NodeJS.ErrnoException).code === 'EPIPE') return Promise.resolve();
      // Any other failure (a full disk) is the CLI's to report, as for every command: exit 74, in the user's language.
    }
  }
  const entry = loadBundle(dist, entryOf(argv), report, profileOf(argv)) as typeof import('./cli.js');
  return entry.run(argv, { exitWhenIdle: true });
}

/**
 * The entry of a worker thread of the bundled CLI (`flows validate` on many files):
 * `name`, a file of dist/, loaded with the build's code cache, as the main thread loads
 * the CLI, so a thread does not compile the validation code afresh.
 */
export function startWorker(name: string, dist: string = __dirname): void {
  loadBundle(dist, name, { used: [], refused: [], compiled: [] });
}

/**
 * The build's training run, for the general cache or for one profile. Runs each stage's
 * command lines in this process (output goes wherever stdout and stderr point); for the
 * general cache, then an interactive diagnosis on a pretend terminal (rehearse in cli.ts).
 * A file's code is saved as it stands after the first stage that loaded it: the files every
 * run loads hold the code of the first stage's commands, and not code only later commands
 * need, which every run would read. Writes the cache files (code-cache/, or
 * code-cache/<profile>/) and returns the bundle files cached; writeManifest then describes
 * them all.
 */
export async function train(dist: string, stages: readonly (readonly string[][])[], profile?: Profile): Promise<string[]> {
  const scripts = new Map<string, Script>();
  const load = bundleLoader(dist, undefined, undefined, { used: [], refused: [], compiled: [] }, (name, script) => scripts.set(name, script));
  const cached = new Map<string, Buffer>();
  const cacheNew = () => {
    for (const [name, script] of scripts) if (!cached.has(name)) cached.set(name, script.createCachedData());
  };
  for (const commands of stages) {
    for (const argv of commands) {
      // Through the entry a user's run of that line starts from, so the cache holds the code it runs.
      await (load(entryOf(argv)) as typeof import('./cli.js')).run(argv);
      if (process.exitCode !== 0) throw new Error(`code cache: \`wallet-help ${argv.join(' ')}\` exited ${String(process.exitCode)}`);
    }
    cacheNew();
  }
  if (profile === undefined) {
    // An interactive diagnosis, in both languages: the prompt library and what else only a session loads.
    const { rehearse } = load('cli.js') as typeof import('./cli.js');
    for (const lang of ['en', 'zh'] as const) {
      const code = await rehearse(lang);
      if (code !== 0) throw new Error(`code cache: the interactive rehearsal (${lang}) exited ${code}`);
    }
    cacheNew();
  }
  mkdirSync(join(dist, CACHE_DIR, ...(profile ? [profile] : [])), { recursive: true });
  for (const [name, data] of cached) writeFileSync(cacheFile(dist, name, profile), data);
  return [...cached.keys()];
}

/**
 * Writes the manifest of the cache the training runs made (the general cache's files and each profile's), and
 * keeps a copy of each file cached, for a copy of dist/ that did not keep file times to compare its files with.
 */
export function writeManifest(dist: string, general: readonly string[], profiles: Partial<Record<Profile, readonly string[]>>): void {
  const manifest: CacheManifest = { node: process.version, files: {}, profiles: {} };
  for (const [profile, names] of Object.entries(profiles) as [Profile, readonly string[]][]) {
    const missing = names.filter((name) => !general.includes(name));
    if (missing.length > 0) throw new Error(`code cache: profile ${profile} has files the general cache has not: ${missing.join(', ')}`);
    manifest.profiles[profile] = [...names];
  }
  mkdirSync(join(dist, CACHE_DIR, 'source'), { recursive: true });
  for (const name of general) {
    const stat = statSync(join(dist, name));
    writeFileSync(sourceFile(dist, name), readFileSync(join(dist, name)));
    manifest.files[name] = { size: stat.size, mtime: Math.floor(stat.mtimeMs / 1000) };
  }
  writeFileSync(join(dist, CACHE_DIR, MANIFEST), `${JSON.stringify(manifest, null, 1)}\n`);
}
