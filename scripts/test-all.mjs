#!/usr/bin/env node
// The whole test suite, as the README's Quick start and CI run it:
// browser prerequisites → lint and type checks → build the apps → every vitest project → one totals line.
// Each step says what it does when it starts and how long it took when it ends; a step that cannot start says why.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const results = join(root, '.test-results');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const suiteStarted = Date.now();

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** Runs one step in the foreground; returns its exit status, 1 when it could not start (and says why). */
function run(what, cmd, args, options = {}) {
  console.log(`\n▶ ${what}: ${[cmd, ...args].join(' ')}`);
  const started = Date.now();
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...options });
  const took = seconds(Date.now() - started);
  if (result.error) {
    const hint = result.error.code === 'ENOENT' ? ` (is ${cmd} installed and on PATH?)` : '';
    console.error(`✗ ${what} could not start: ${result.error.message}${hint}`);
    return 1;
  }
  const status = result.status ?? 1;
  const how = result.signal ? `killed by ${result.signal}` : status === 0 ? 'ok' : `failed (exit ${status})`;
  console.log(`${status === 0 ? '✓' : '✗'} ${what}: ${how} in ${took}`);
  return status;
}

function ensureChromium() {
  if (existsSync(chromium)) return;
  const root_ = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root_ || !existsSync('/usr/bin/apt-get')) {
    console.error(`Chromium not found at ${chromium}. Install Debian's chromium and fonts-noto-core (apt-get install -y chromium fonts-noto-core), or set CHROMIUM_PATH.`);
    return;
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt package lists', 'apt-get', ['update', '-qq'], { env });
  run('chromium and fonts for the browser tests', 'apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-noto-core'], { env });
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
  run('apt package lists', 'apt-get', ['update', '-qq'], { env });
  run('PostgreSQL for the hub tests', 'apt-get', ['install', '-y', '-qq', 'postgresql'], { env });
  if (!hasPostgres()) console.error('PostgreSQL is still missing after apt-get install postgresql: the hub suite will fail.');
}

/** socat makes the pseudo-terminal pair that the SMS tests' fake GSM modem answers on. */
function ensureSocat() {
  const onPath = (process.env.PATH ?? '').split(':').some((dir) => dir && existsSync(join(dir, 'socat')));
  if (onPath) return;
  const root_ = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root_ || !existsSync('/usr/bin/apt-get')) {
    console.error('socat not found: the SMS modem tests need it. Install it (apt-get install -y socat).');
    return;
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt package lists', 'apt-get', ['update', '-qq'], { env });
  run('socat for the SMS modem tests', 'apt-get', ['install', '-y', '-qq', 'socat'], { env });
}

ensureChromium();
ensurePostgres();
ensureSocat();
const checks = [
  ['lint', run('lint (eslint, every package)', 'pnpm', ['lint'])],
  ['typecheck', run('type check (tsc, every package)', 'pnpm', ['typecheck'])],
  ['build', run('build the apps (vite: kiosk, displays, console)', 'pnpm', ['build'])],
];

rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });
// The hub suite (server/vitest.hub.config.ts) runs against a real PostgreSQL it starts and stops itself.
const suites = [
  { name: 'shared', dir: 'shared', args: [], what: 'tests of shared (schemas, strings, UI helpers)' },
  { name: 'kiosk', dir: 'kiosk', args: [], what: 'kiosk app state tests' },
  { name: 'counter-display', dir: 'counter-display', args: [], what: 'display app state tests' },
  { name: 'staff-console', dir: 'staff-console', args: [], what: 'staff console state tests' },
  { name: 'server', dir: 'server', args: [], what: 'server tests (real SQLite, sockets, printer)' },
  { name: 'hub', dir: 'server', args: ['--config', 'vitest.hub.config.ts'], what: 'province hub tests (real PostgreSQL)' },
  { name: 'tests', dir: 'tests', args: [], what: 'browser, fault and province tests (real server processes, Chromium)' },
];
let passed = 0;
let failed = 0;
for (const { name: suite, dir, args, what } of suites) {
  const out = join(results, `${suite}.json`);
  const status = run(what, 'pnpm', ['exec', 'vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile=${out}`], { cwd: join(root, dir) });
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
console.log(`\nWhole suite: ${seconds(Date.now() - suiteStarted)}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
