#!/usr/bin/env node
// Launcher, CommonJS (bin/package.json says so): the CLI is bundled into dist/ (two entries, cli.js and direct.js,
// and chunks loaded on demand); dist/boot.js loads them with the code cache the build made (see src/boot.ts).
// boot.js is run here the way Node's loader runs a module, as part of this one, without require(): that would
// first resolve the path, follow links and read the package scope, about 0.7 M instructions of every start.
'use strict';
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { Script } = require('node:vm');

const dist = join(__dirname, '..', 'dist');
const filename = join(dist, 'boot.js');
let code;
try {
  code = readFileSync(filename, 'utf8');
} catch (err) {
  // A checkout that was never built (npm ci builds it): say what to do, not a stack trace.
  process.stderr.write(`wallet-help: ${filename} cannot be read (${err.code ?? err.message}). Run "npm run build" in ${join(__dirname, '..')}.\n`);
  process.exitCode = 1;
}
if (code !== undefined) {
  new Script(`(function (exports, require, module, __filename, __dirname) {${code}\n})`, { filename }).runInThisContext()(module.exports, require, module, filename, dist);
  module.exports.start();
}
