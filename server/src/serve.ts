import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { DatabaseTooNewError } from './db/migrations.ts';
import { openDb, type OpenDb } from './db/open-db.ts';
import { BackupError, takeBackupNow } from './ops/backup.ts';
import { startBanner } from './ops/banner.ts';
import { loggerOptions } from './ops/log-options.ts';
import { removePidFile, writePidFile } from './ops/pid-file.ts';
import { isEmpty, seedDemo, type SeedResult } from './seed/seed.ts';
import { createAuthService } from './services/auth-service.ts';
import type { Clock } from './domain/clock.ts';
import { lanAddresses } from './services/public-url.ts';

/** Exit status systemd is told not to restart on (RestartPreventExitStatus): a person must fix something first. */
const EXIT_NEEDS_PERSON = 78;

/**
 * Opens (and if need be upgrades) the database, seeds the demo or begins a real center's first run, serves, and
 * closes gracefully on a signal: everything main.ts does, with the clock passed in so the browser tests can run the
 * same start on a clock they move. `scryptN` is for those tests alone (a cheap password cost); main.ts never passes it.
 */
export async function serve(config: Config, clock: Clock, options: { scryptN?: number } = {}): Promise<void> {
  const store = openOrExplain(config, clock);
  const { app, deps } = await buildApp({
    store,
    config,
    clock,
    scryptN: options.scryptN,
    logger: loggerOptions(config.logLevel),
    requestLogsAtDebug: true,
    printing: { maxJobAgeMs: config.receiptMaxAgeMs },
  });

  let demo: SeedResult | null = null;
  if (config.demo && isEmpty(store)) {
    const auth = createAuthService({ store, clock, options: { deviceTokenMs: config.deviceTokenMs, scryptN: options.scryptN } });
    demo = await seedDemo(store, auth, clock);
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
  // The province link starts once the center serves: it only reads the committed log, so issuing never waits on it.
  deps.hubSync.start();
  // SMS leave from their own queue after each commit; phone numbers past their keeping time are deleted daily.
  deps.smsOutbox.start();
  deps.personalData.start();
  deps.webhookRelay.start();
  deps.backups.start(
    (error) => app.log.error({ err: error instanceof Error ? error.message : String(error) }, 'daily backup failed'),
    (result) => app.log.info({ file: result.file, bytes: result.bytes, ms: result.durationMs, deleted: result.deleted }, 'daily backup taken'),
  );
  // Bookings past their deadline lapse every minute; personal data older than the configured days is blanked daily.
  deps.bookingDesk.start((error) => app.log.error({ err: error instanceof Error ? error.message : String(error) }, 'booking job failed'));
  console.log(startBanner({ config, firstRun, setup: deps.firstRun.state(), demo, lastBackupAt: deps.backups.lastBackupAt() }));
  warnIfPhonesCannotOpenLinks(config, app.log);
}

function openOrExplain(config: Config, clock: Clock): OpenDb {
  try {
    return openDb(config.dbFile, {
      // Before any migration touches a database holding data: a checked copy to go back to.
      beforeMigrate: (sqlite, pending) => {
        const result = takeBackupNow(sqlite, { dir: config.backup.dir, reason: 'before-upgrade', now: clock.now(), keep: config.backup.keep });
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

/** Receipts' QR codes must open on phones; say at start when the admin has to set LUOT_PUBLIC_URL. */
function warnIfPhonesCannotOpenLinks(config: Config, log: { warn(message: string): void }): void {
  if (config.publicUrl !== null) return;
  const addresses = lanAddresses();
  const example = `LUOT_PUBLIC_URL=http://<this server's LAN address>:${config.port}`;
  if (addresses.length === 0) {
    log.warn(`No LAN address found: a kiosk on this PC would print QR codes that phones cannot open. Connect the server to the center's network or set ${example}.`);
  } else if (addresses.length > 1) {
    log.warn(`Several LAN addresses (${addresses.join(', ')}): QR codes printed for a kiosk on this PC use ${addresses[0]}. If phones cannot open them, set ${example}.`);
  }
}
