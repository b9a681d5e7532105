import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { DatabaseTooNewError } from './db/migrations.ts';
import { openDb, type OpenDb } from './db/open-db.ts';
import { BackupError, takeBackupNow } from './ops/backup.ts';
import { startBanner } from './ops/banner.ts';
import { loggerOptions } from './ops/log-options.ts';
import { removePidFile, writePidFile } from './ops/pid-file.ts';
import { isEmpty, seedDemo, type SeedResult } from './seed/seed.ts';
import { createAuthService } from './services/auth-service.ts';
import { systemClock } from './services/clock.ts';
import { lanAddresses } from './services/public-url.ts';

/** Exit status systemd is told not to restart on (RestartPreventExitStatus): a person must fix something first. */
const EXIT_NEEDS_PERSON = 78;

/** The only file that touches the process: env, signals, the listening socket, the console. */
const config = loadConfig();

function openOrExplain(): OpenDb {
  try {
    return openDb(config.dbFile, {
      // Before any migration touches a database holding data: a checked copy to go back to.
      beforeMigrate: (sqlite, pending) => {
        const result = takeBackupNow(sqlite, { dir: config.backup.dir, reason: 'before-upgrade', now: systemClock.now(), keep: config.backup.keep });
        console.log(`Nâng cấp cơ sở dữ liệu (${pending.tags.join(', ')}); đã sao lưu trước / Upgrading the database; backed up first: ${result.file}`);
      },
    });
  } catch (error) {
    if (error instanceof DatabaseTooNewError || error instanceof BackupError) {
      console.error(`\n${error.vi}\n${error.message}\n`);
      process.exit(EXIT_NEEDS_PERSON);
    }
    throw error;
  }
}

const store = openOrExplain();
const { app, deps } = await buildApp({ store, config, logger: loggerOptions(config.logLevel), requestLogsAtDebug: true, printing: { maxJobAgeMs: config.receiptMaxAgeMs } });

let demo: SeedResult | null = null;
if (config.demo && isEmpty(store)) {
  const auth = createAuthService({ store, clock: systemClock, options: { deviceTokenMs: config.deviceTokenMs } });
  demo = await seedDemo(store, auth, systemClock);
}
// A real center never gets the demo: an empty database gets one admin with a one-time password and the setup screen.
const firstRun = config.demo ? null : await deps.firstRun.begin();

closeWithGrace({ delay: 10_000 }, async ({ err, signal }) => {
  if (err) app.log.error({ err }, 'shutting down after error');
  await app.close();
  store.close();
  removePidFile(config.dbFile);
  if (!err) console.log(`Lượt đã dừng an toàn${signal ? ` (${signal})` : ''}; dữ liệu đã được lưu. / Lượt stopped cleanly; all data is saved.`);
});

await app.listen({ port: config.port, host: config.host });
writePidFile(config.dbFile);
deps.backups.start(
  (error) => app.log.error({ err: error instanceof Error ? error.message : String(error) }, 'daily backup failed'),
  (result) => app.log.info({ file: result.file, bytes: result.bytes, ms: result.durationMs, deleted: result.deleted }, 'daily backup taken'),
);
console.log(startBanner({ config, firstRun, demo, lastBackupAt: deps.backups.lastBackupAt() }));
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
