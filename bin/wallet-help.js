#!/usr/bin/env node
// Launcher, CommonJS (bin/package.json says so): the CLI is bundled into dist/ (cli.js plus chunks loaded on
// demand); boot.js loads it with the code cache the build made (see src/boot.ts).
'use strict';
require('../dist/boot.js').start();
