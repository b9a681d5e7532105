/**
 * `pnpm demo:province`: a demo province on this machine — a local PostgreSQL (Debian's, started in
 * data/province/pg), a province hub on :8090, and three demo centers on :8081–8083 with a month of history
 * each, syncing to the hub while simulated citizens take numbers and officers serve them. Ctrl-C stops it all;
 * running it again starts the same province (delete data/province to start afresh).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { serviceDayOf } from '../../src/domain/time.ts';
import { startPgCluster } from '../../src/test-support/pg-cluster.ts';
import { LuotProcess } from './luot-process.ts';
import { prepareCenter, type PreparedCenter } from './prepare-center.ts';
import { CenterTraffic } from './traffic.ts';

const root = resolve(import.meta.dirname, '../../..');
const dir = resolve(root, 'data/province');
const stateFile = resolve(dir, 'province.json');
const HUB_PORT = 8090;
const PG_PORT = 54329;

interface ProvinceState {
  hubAccounts: Record<string, string>;
  centers: (PreparedCenter & { id: number; key: string; port: number })[];
}

const plan = [
  { code: 'phuong-ben-thanh', name: 'Trung tâm Phục vụ hành chính công phường Bến Thành (demo)', ticketsPerDay: 220, counters: 10, seed: 11 },
  { code: 'phuong-tan-dinh', name: 'Trung tâm Phục vụ hành chính công phường Tân Định (demo)', ticketsPerDay: 150, counters: 8, seed: 12 },
  { code: 'xa-binh-chanh', name: 'Trung tâm Phục vụ hành chính công xã Bình Chánh (demo)', ticketsPerDay: 120, counters: 8, seed: 13 },
];

mkdirSync(dir, { recursive: true });
console.log('Khởi động PostgreSQL cục bộ / starting a local PostgreSQL …');
const pg = await startPgCluster({ dir: resolve(dir, 'pg'), port: PG_PORT });
process.once('exit', () => pg.stopNow());
if (!(await pg.hasDatabase('luot_hub'))) await pg.createDatabase('luot_hub');

const hub = new LuotProcess('hub', HUB_PORT, {
  LUOT_HUB_DATABASE_URL: pg.url('luot_hub'),
  LUOT_DEMO: '1',
  LUOT_PROVINCE_NAME: 'Tỉnh Lượt (demo) — Trung tâm điều hành',
});
await hub.start();

let state: ProvinceState;
if (existsSync(stateFile)) {
  state = JSON.parse(readFileSync(stateFile, 'utf8')) as ProvinceState;
} else {
  const hubAccounts = hub.accounts();
  const admin = hubAccounts['tinh-admin'];
  if (!admin) throw new Error(`the hub printed no province admin:\n${hub.output}`);
  const login = (await (await fetch(`${hub.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'tinh-admin', password: admin }) })).json()) as { token: string };
  const end = serviceDayOf(Date.now() - 86_400_000, '00:00');
  const centers: ProvinceState['centers'] = [];
  for (const [i, p] of plan.entries()) {
    console.log(`Tạo lịch sử 30 ngày / writing 30 days of history: ${p.name} …`);
    const prepared = await prepareCenter({ file: resolve(dir, `${p.code}.db`), name: p.name, end, days: 30, ticketsPerDay: p.ticketsPerDay, counters: p.counters, seed: p.seed });
    const res = await fetch(`${hub.url}/api/hub/centers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${login.token}` },
      body: JSON.stringify({ code: p.code, name: p.name }),
    });
    const registered = (await res.json()) as { center: { id: number }; key: string };
    centers.push({ ...prepared, id: registered.center.id, key: registered.key, port: 8081 + i });
  }
  state = { hubAccounts, centers };
  writeFileSync(stateFile, `${JSON.stringify(state, null, 2)}\n`);
}

const processes = state.centers.map(
  (c) => new LuotProcess('center', c.port, { LUOT_DB: c.file, LUOT_HUB_URL: hub.url, LUOT_HUB_CENTER_ID: String(c.id), LUOT_HUB_KEY: c.key }),
);
for (const p of processes) await p.start();

// Citizens and officers: a number every few seconds at each center, officers calling and serving.
let stopping = false;
const traffic = await Promise.all(state.centers.map(async (c) => {
  const t = new CenterTraffic({ url: `http://127.0.0.1:${c.port}`, kioskTokens: c.kioskTokens, passwords: c.passwords, counters: Math.min(4, c.counters) });
  await t.open();
  return t;
}));
const loops = traffic.map(async (t, i) => {
  for (let n = 0; !stopping; n++) {
    await t.issue(n).catch(() => false);
    if (n % 2 === 0) await t.step().catch(() => 0);
    await new Promise((r) => setTimeout(r, 2500 + i * 700));
  }
});

console.log(
  [
    '',
    '=== Tỉnh demo / demo province ===',
    `Máy chủ tỉnh / hub:  ${hub.url}/console/   (PostgreSQL ${pg.url('luot_hub')})`,
    ...Object.entries(state.hubAccounts).map(([u, pw]) => `  ${u.padEnd(12)} ${pw}`),
    'Trung tâm / centers:',
    ...state.centers.map((c) => `  http://127.0.0.1:${c.port}/console/   ${c.name}   giamsat / ${c.passwords.giamsat ?? '?'}`),
    '',
    'Ctrl-C để dừng / to stop.',
  ].join('\n'),
);

async function shutdown(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await Promise.allSettled(loops);
  for (const p of processes) await p.stop();
  await hub.stop();
  await pg.stop();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('uncaughtException', (err) => {
  console.error(err);
  void shutdown();
});
process.on('SIGTERM', () => void shutdown());
