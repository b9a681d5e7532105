#!/usr/bin/env node
// The whole test suite, as the README's Quick start and CI run it:
// browser prerequisites → lint and type checks → build the apps → every vitest project → one totals line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const results = join(root, '.test-results');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function run(cmd, args, options = {}) {
  console.log(`\n$ ${[cmd, ...args].join(' ')}`);
  return spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...options }).status ?? 1;
}

function ensureChromium() {
  if (existsSync(chromium)) return;
  const root_ = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root_ || !existsSync('/usr/bin/apt-get')) {
    console.error(`Chromium not found at ${chromium}. Install Debian's chromium and fonts-noto-core (apt-get install -y chromium fonts-noto-core), or set CHROMIUM_PATH.`);
    return;
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-noto-core'], { env });
}

/** Debian's PostgreSQL, which the hub suite and the province tests start by themselves in a temporary folder. */
function hasPostgres() {
  if (process.env.LUOT_PG_BIN) return existsSync(join(process.env.LUOT_PG_BIN, 'postgres'));
  const base = '/usr/lib/postgresql';
  return existsSync(base) && readdirSync(base).some((v) => existsSync(join(base, v, 'bin', 'postgres')));
}

function ensurePostgres() {
  if (hasPostgres()) return;
  const root_ = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root_ || !existsSync('/usr/bin/apt-get')) {
    console.error('PostgreSQL not found: the hub tests need it. Install Debian\'s (apt-get install -y postgresql), or set LUOT_PG_BIN to its bin folder.');
    return;
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', 'postgresql'], { env });
  if (!hasPostgres()) console.error('PostgreSQL is still missing after apt-get install postgresql: the hub suite will fail.');
}

ensureChromium();
ensurePostgres();
const checks = [
  ['lint', run('pnpm', ['lint'])],
  ['typecheck', run('pnpm', ['typecheck'])],
  ['build', run('pnpm', ['build'])],
];

rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });
// The hub suite (server/vitest.hub.config.ts) runs against a real PostgreSQL it starts and stops itself.
const suites = [
  { name: 'shared', dir: 'shared', args: [] },
  { name: 'kiosk', dir: 'kiosk', args: [] },
  { name: 'counter-display', dir: 'counter-display', args: [] },
  { name: 'staff-console', dir: 'staff-console', args: [] },
  { name: 'server', dir: 'server', args: [] },
  { name: 'hub', dir: 'server', args: ['--config', 'vitest.hub.config.ts'] },
  { name: 'tests', dir: 'tests', args: [] },
];
let passed = 0;
let failed = 0;
for (const { name: suite, dir, args } of suites) {
  const out = join(results, `${suite}.json`);
  const status = run('pnpm', ['exec', 'vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile=${out}`], { cwd: join(root, dir) });
  if (!existsSync(out)) {
    console.error(`${suite}: vitest wrote no results (exit ${status})`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(out, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  // A suite that failed to load counts as one failure even when no test inside ran.
  if (status !== 0 && report.numFailedTests === 0) failed += 1;
}

const broken = checks.filter(([, status]) => status !== 0).map(([name]) => name);
if (broken.length) console.error(`\nFailed checks: ${broken.join(', ')}`);
failed += broken.length;
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
