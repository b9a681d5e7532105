#!/usr/bin/env node
/**
 * The `luot` command's entry, compiled to dist/luot.js by build.mjs: `luot start` runs the server (main.ts); every
 * other command (backup, restore, doctor, service, status) is ops/cli.ts. The choice is made here, where the process
 * is wired, so that ops/ never imports the process entry.
 */
import module from 'node:module';

// Node 22.1+ keeps V8's compiled code of this bundle and its dependencies between restarts (a faster start, screens
// dark for less time); Node 20 has no such cache and starts as before.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

if (process.argv[2] === 'start') await import('./main.ts');
else await import('./ops/cli.ts');

