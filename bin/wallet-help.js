#!/usr/bin/env node
// Launcher, CommonJS (bin/package.json says so): the CLI is bundled into dist/ (two entries, cli.js and direct.js,
// and chunks loaded on demand); dist/boot.js loads them with the code cache the build made (see src/boot.ts).
// boot.js is run here the way Node's loader runs a module, as part of this one, without require(): that would
// first resolve the path, follow links and read the package scope, about 0.7 M instructions of every start.
// And it is compiled with a code cache of its own, made by the build through compileBoot below: compiling it
// afresh cost every start about 2 M instructions.
'use strict';
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { Script } = require('node:vm');

const dist = join(__dirname, '..', 'dist');
const filename = join(dist, 'boot.js');
/** The code V8 compiled for boot.js in the build's training run, and the text of boot.js it was made from. */
const cacheFile = join(dist, 'code-cache', 'boot.js.bin');
const sourceCopy = join(dist, 'code-cache', 'source', 'boot.js');

/**
 * boot.js (its text, `code`) compiled as a module's body, with the build's code cache where that was made from this
 * very text: V8 itself checks only the length, so an edited boot.js is compiled afresh, not run with the old code.
 * V8 refuses a cache made by another Node version (then boot.js is compiled as usual, as it is without a cache).
 */
function compileBoot(code) {
  let cachedData;
  try {
    if (readFileSync(sourceCopy, 'utf8') === code) cachedData = readFileSync(cacheFile);
  } catch {
    // No cache beside it (a damaged or partial dist/): compiled as usual.
  }
  // Under the name boot.ts gives bundle files (scriptName): V8 keeps it in the cache, and the builder's path with it.
  return new Script(`(function (exports, require, module, __filename, __dirname) {${code}\n})`, { filename: 'wallet-help/dist/boot.js', cachedData });
}

if (require.main !== module) {
  // Required, not run: the build makes boot.js's code cache with the same compile (scripts/build.mjs).
  module.exports = { compileBoot, dist, filename, cacheFile, sourceCopy };
} else {
  let code;
  try {
    code = readFileSync(filename, 'utf8');
  } catch (err) {
    // A checkout that was never built (npm ci builds it): say what to do, not a stack trace.
    process.stderr.write(`wallet-help: ${filename} cannot be read (${err.code ?? err.message}). Run "npm run build" in ${join(__dirname, '..')}.\n`);
    process.exitCode = 1;
  }
  if (code !== undefined) {
    compileBoot(code).runInThisContext()(module.exports, require, module, filename, dist);
    module.exports.start();
  }
}
