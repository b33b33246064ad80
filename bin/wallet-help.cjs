#!/usr/bin/env node
// Launcher: the CLI is bundled into dist/ (CommonJS: cli.js plus chunks loaded on
// demand). On Node 22+ the compile cache makes later starts faster.
'use strict';
require('node:module').enableCompileCache?.();
require('../dist/cli.js').run();
