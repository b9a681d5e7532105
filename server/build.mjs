// Compiles the server to one JavaScript file (dist/luot.js) for production: no TypeScript loader at start, which
// made a restart take seconds and cost memory. Dependencies stay in node_modules; only our own code
// (server and @luot/shared, which is published as TypeScript source) is bundled.
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const external = Object.keys(pkg.dependencies).filter((name) => name !== '@luot/shared');

rmSync('dist', { recursive: true, force: true });
mkdirSync('dist');
await build({
  entryPoints: ['src/luot.ts'],
  outfile: 'dist/luot.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  external,
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
});
// The synthesis worker is plain JavaScript loaded by URL next to the code that starts it.
copyFileSync('src/voice/espeak-worker.mjs', 'dist/espeak-worker.mjs');
// The backup's integrity check runs on a worker thread from this file (it is also bundled for the check on the
// main thread).
copyFileSync('src/ops/verify-db.mjs', 'dist/verify-db.mjs');
console.log('server: dist/luot.js built');
