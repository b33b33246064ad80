#!/usr/bin/env node
// Launcher: the CLI is bundled into dist/ (cli.js plus chunks loaded on demand);
// on Node 22+ the compile cache makes later starts faster.
import module from 'node:module';

module.enableCompileCache?.();
const { run } = await import('../dist/cli.js');
await run();
