import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { openDb } from './db/open-db.ts';
import { isEmpty, seedAdmin, seedDemo, type SeedResult } from './seed/seed.ts';
import { createAuthService } from './services/auth-service.ts';
import { systemClock } from './services/clock.ts';
import { lanAddresses } from './services/public-url.ts';

/** The only file that touches the process: env, signals, the listening socket, the console. */
const config = loadConfig();
const store = openDb(config.dbFile);

if (isEmpty(store)) {
  const auth = createAuthService({ store, clock: systemClock, options: { deviceTokenMs: config.deviceTokenMs } });
  const seeded = config.demo ? await seedDemo(store, auth, systemClock) : await seedAdmin(store, auth, systemClock);
  printFirstStart(seeded, config.port);
}

const { app } = await buildApp({ store, config, logger: { level: config.logLevel }, printing: { maxJobAgeMs: config.receiptMaxAgeMs } });

closeWithGrace({ delay: 10_000 }, async ({ err }) => {
  if (err) app.log.error({ err }, 'shutting down after error');
  await app.close();
  store.close();
});

await app.listen({ port: config.port, host: config.host });
app.log.info(`Lượt is serving ${config.dbFile} on http://${config.host}:${config.port} — kiosk /kiosk, displays /display, console /console`);
warnIfPhonesCannotOpenLinks();

/** Receipts' QR codes must open on phones; say at start when the admin has to set LUOT_PUBLIC_URL. */
function warnIfPhonesCannotOpenLinks(): void {
  if (config.publicUrl !== null) return;
  const addresses = lanAddresses();
  const example = `LUOT_PUBLIC_URL=http://<this server's LAN address>:${config.port}`;
  if (addresses.length === 0) {
    app.log.warn(`No LAN address found: a kiosk on this PC would print QR codes that phones cannot open. Connect the server to the center's network or set ${example}.`);
  } else if (addresses.length > 1) {
    app.log.warn(`Several LAN addresses (${addresses.join(', ')}): QR codes printed for a kiosk on this PC use ${addresses[0]}. If phones cannot open them, set ${example}.`);
  }
}

function printFirstStart(seeded: SeedResult, port: number): void {
  const lines = [
    '',
    '=== Lượt: first start — write these down, the passwords are shown only once ===',
    'Tài khoản / Accounts:',
    ...seeded.accounts.map((a) => `  ${a.username.padEnd(10)} ${a.role.padEnd(11)} ${a.password}${a.counter ? `  (quầy ${a.counter})` : ''}`),
  ];
  if (seeded.devices.length) {
    lines.push(
      'Thiết bị demo đã ghép nối / Pre-paired demo screens:',
      `  Kiosk:        http://localhost:${port}/kiosk/`,
      `  Hall board:   http://localhost:${port}/display/?board=hall`,
      `  Counter 1:    http://localhost:${port}/display/?counter=1`,
      `  Staff:        http://localhost:${port}/console/`,
    );
  }
  lines.push('');
  console.log(lines.join('\n'));
}
