#!/usr/bin/env node
// Launcher: the whole CLI is bundled into dist/cli.js so start-up reads one file.
import module from 'node:module';

module.enableCompileCache?.();
const { run } = await import('../dist/cli.js');
await run();
