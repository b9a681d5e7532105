#!/usr/bin/env node
// The whole test suite, as the README's Quick start and CI run it:
// browser prerequisites → lint and type checks → build the apps → every vitest project → one totals line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
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

ensureChromium();
const checks = [
  ['lint', run('pnpm', ['lint'])],
  ['typecheck', run('pnpm', ['typecheck'])],
  ['build', run('pnpm', ['build'])],
];

rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });
const suites = ['shared', 'kiosk', 'counter-display', 'staff-console', 'server', 'tests'];
let passed = 0;
let failed = 0;
for (const suite of suites) {
  const out = join(results, `${suite}.json`);
  const status = run('pnpm', ['exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${out}`], { cwd: join(root, suite) });
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
