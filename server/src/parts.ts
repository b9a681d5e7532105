import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { SYNC_MAX_ITEMS } from '@luot/shared';
import type { FastifyBaseLogger } from 'fastify';
import type { BackupConfig, Config } from './config.ts';
import { createConfigCache } from './db/config-cache.ts';
import type { OpenDb } from './db/open-db.ts';
import { WriteBatcher } from './db/write-batcher.ts';
import type { Clock } from './domain/clock.ts';
import { createFeedback } from './feedback/feedback-service.ts';
import { createPrintService } from './printing/index.ts';
import { createReportService } from './reports/report-service.ts';
import { createRollupRecorder } from './reports/rollup-recorder.ts';
import { createStaffingService } from './staffing/staffing-service.ts';
import { createAdminService } from './services/admin-service.ts';
import { createAudit } from './services/audit.ts';
import { createAnnouncer } from './services/announcer.ts';
import { createAuthService } from './services/auth-service.ts';
import { createCounterDesk } from './services/counter-desk.ts';
import { createDeviceAdmin } from './services/device-admin.ts';
import { createEstimates } from './services/estimates.ts';
import { createIssuing } from './services/issuing.ts';
import { createBookingAdmission, type BookingAdmissionOptions } from './services/booking-admission.ts';
import { createKioskPace, type KioskPaceOptions } from './services/kiosk-pace.ts';
import { createLiveFigures } from './services/live-figures.ts';
import { createPrinterAdmin } from './services/printer-admin.ts';
import { createPublicUrls } from './services/public-url.ts';
import { createQueueService } from './services/queue-service.ts';
import { createReadModels } from './services/read-models.ts';
import { createReceipts } from './services/receipts.ts';
import { createTicketHistory } from './services/ticket-history.ts';
import { liveStatus } from './sync/live-status.ts';
import { createHubSync } from './sync/sync-service.ts';
import { Hub } from './ws/hub.ts';
import { createBackupService } from './ops/backup-service.ts';
import { createMetrics } from './ops/metrics.ts';
import { createDiskWatch } from './ops/disk-watch.ts';
import { createFirstRun } from './services/first-run.ts';
import { createBookingDesk } from './services/booking-checkin.ts';
import { createBookingOtp, type SendSms } from './services/booking-otp.ts';
import { createBookingService } from './services/booking-service.ts';
import { createSetupService } from './services/setup-service.ts';
import { createPersonalData } from './services/personal-data.ts';
import { createSmsNotices } from './services/sms-notices.ts';
import { createSmsAdmin } from './services/sms-admin.ts';
import { createSmsOutbox, type SmsOutboxOptions } from './services/sms-outbox.ts';
import type { SmsGateway } from './sms/gateway.ts';
import { createGateway } from './sms/create-gateway.ts';
import type { DomainEvent, Ticket } from './domain/types.ts';
import type { DerivedWrites } from './services/decision-writer.ts';
import { createApiTokens } from './services/api-tokens.ts';
import { createHallMedia } from './services/hall-media.ts';
import { createWebhookRelay, type WebhookRelayOptions } from './notify/webhook-relay.ts';
import { createWebhookService } from './notify/webhook-service.ts';

export interface PartsOptions {
  store: OpenDb;
  clock: Clock;
  config: Pick<Config, 'publicUrl'> & Partial<Pick<Config, 'deviceTokenMs' | 'idleAlertMs' | 'printerDevices' | 'hub' | 'hubSyncMs' | 'hubSyncBatch' | 'backup' | 'sms'>>;
  scryptN?: number;
  kioskPace?: KioskPaceOptions;
  /** How many citizens' booking requests are worked on at once and per second (BOOKING_ADMISSION unless told). */
  bookingAdmission?: Partial<BookingAdmissionOptions>;
  printing?: { retryMs?: number; attemptTimeoutMs?: number; maxJobAgeMs?: number };
  /** The machine's LAN addresses (os.networkInterfaces by default); tests pass their own. */
  network?: () => string[];
  /** Bookings' one-time codes go here instead of the SMS outbox (tests pass a recorder). */
  sendSms?: SendSms;
  /** Tests hand in a gateway of their own (or the outbox's timings); otherwise config.sms decides. */
  sms?: { gateway?: SmsGateway; outbox?: Partial<SmsOutboxOptions> };
  /** Webhook relay timings; tests shorten the backoff and drive passes themselves. */
  webhooks?: Partial<WebhookRelayOptions>;
}

/**
 * Every service of one server, wired together: the only place where services/, reports/, feedback/, sync/ and
 * the hub meet (the report rollups join the queue's write batch here; the hub is the services' publisher here).
 * Nothing is module-level: tests build as many as they like.
 */
export function createParts(options: PartsOptions, log: FastifyBaseLogger) {
  const { store, clock } = options;
  const config = createConfigCache(store);
  const auth = createAuthService({ store, clock, options: { scryptN: options.scryptN, deviceTokenMs: options.config.deviceTokenMs } });
  const read = createReadModels({ store, clock, config });
  const hub = new Hub();
  const announcer = createAnnouncer({ hub, read, clock });
  const printing = createPrintService({
    now: () => clock.now(),
    onState: (state) => announcer.printerState(state),
    onDropped: (job) => log.warn({ job }, 'receipt dropped: the printer stayed unavailable too long'),
    usbDevices: options.config.printerDevices,
    ...options.printing,
  });
  const receipts = createReceipts({ store, config, printing });
  const estimates = createEstimates({ store, clock, config });
  const kioskPace = createKioskPace({
    clock,
    options: options.kioskPace,
    onFirstRefusal: (kiosk) => log.warn({ deviceId: kiosk.deviceId, kiosk: kiosk.name }, 'kiosk issuing faster than a person could; refusing until it slows down'),
  });
  // Admin changes are audited the same way wherever they are made (set-up, devices, printers).
  const audit = createAudit({ store, clock });
  const publicUrls = createPublicUrls({ configured: options.config.publicUrl, interfaces: options.network, now: () => clock.now() });
  const batcher = new WriteBatcher(store.sqlite);
  const smsLog = (fields: Record<string, unknown>, message: string) => log.info(fields, message);
  const smsOutbox = createSmsOutbox({
    store,
    clock,
    gateway: options.sms?.gateway ?? createGateway(options.config.sms ?? { kind: 'log' }, smsLog),
    log: (fields, message) => log.warn(fields, message),
    options: options.sms?.outbox,
  });
  const smsNotices = createSmsNotices({ store, clock, estimates, outbox: smsOutbox, knownFields: () => [...config.get().fields.keys()] });
  // The "called" SMS joins the call's own transaction, beside the report rollups.
  const derived = bothWrites(createRollupRecorder({ db: store.db, config, batcher }), smsNotices.derived);
  const queue = createQueueService({ store, clock, config, batcher, derived });
  const backupConfig = backupSettings(store, options.config.backup);
  const lowDisks = createDiskWatch({
    dataDir: store.sqlite.memory ? null : dirname(store.sqlite.name),
    backupDir: backupConfig.dir,
    minFreeBytes: backupConfig.minFreeBytes,
    minFreePercent: backupConfig.minFreePercent,
  });
  const live = createLiveFigures({ store, clock, read, receipts, kioskPace, idleAlertMs: options.config.idleAlertMs ?? 2 * 60_000, lowDisks, sms: smsOutbox });
  // The province link reads the committed log on its own timer; main.ts starts it, nothing here waits on it.
  const hubSync = createHubSync({
    store,
    clock,
    config,
    live: () => liveStatus({ clock, live, read }),
    envSettings: options.config.hub ?? null,
    log,
    options: {
      ...(options.config.hubSyncMs ? { tickMs: options.config.hubSyncMs } : {}),
      ...(options.config.hubSyncBatch ? { batchSize: Math.min(options.config.hubSyncBatch, SYNC_MAX_ITEMS) } : {}),
    },
  });
  const issuing = createIssuing({ queue, announcer, estimates, receipts, kioskPace, publicUrls, sms: smsNotices });
  // A booking asks a one-time code by SMS only when a real gateway is set up (the log-only default sends nothing).
  const otpSender: SendSms | undefined =
    options.sendSms ??
    // Queued (its own commit), then the sender is woken: the citizen is waiting at the page for the code.
    (smsOutbox.gatewayKind === 'log'
      ? undefined
      : (msg) => {
          smsOutbox.enqueueSms(msg);
          smsOutbox.kick();
        });
  const bookings = createBookingService({ store, clock, config, batcher, estimates, otp: createBookingOtp({ clock, sendSms: otpSender }), audit });
  // Webhooks, like the province link, read the committed log on their own timer (serve.ts starts it).
  const webhookRelay = createWebhookRelay({ store, clock, alerts: () => live.figures().alerts, log, options: options.webhooks });
  const backups = createBackupService({ store, clock, config: backupConfig });
  return {
    store,
    clock,
    /** Read by tests; the routes read the configuration through `read`. */
    centerConfig: config,
    auth,
    read,
    hub,
    printing,
    issuing,
    bookings,
    bookingAdmission: createBookingAdmission({ clock, options: options.bookingAdmission }),
    bookingDesk: createBookingDesk({ store, clock, batcher, bookings, issuing }),
    smsOutbox,
    smsNotices,
    smsAdmin: createSmsAdmin({ store, clock, audit, outbox: smsOutbox, fieldIds: () => [...config.get().fields.keys()] }),
    personalData: createPersonalData({ store, clock, log: smsLog }),
    desk: createCounterDesk({ store, queue, announcer, read, auth }),
    devices: createDeviceAdmin({ store, clock, auth, audit, hub, read }),
    printers: createPrinterAdmin({ store, clock, config, audit, printing, receipts, publicUrls }),
    admin: createAdminService({ store, clock, config, auth, audit, announcer }),
    history: createTicketHistory(store),
    feedback: createFeedback({ store, clock, config, estimates, announcer }),
    reports: createReportService({ store, clock, config }),
    staffing: createStaffingService({ store, clock, config }),
    live,
    hubSync,
    webhookRelay,
    webhooks: createWebhookService({ store, clock, relay: webhookRelay, retryForMs: options.webhooks?.retryForMs }),
    apiTokens: createApiTokens({ store, clock }),
    // Hall board media beside the database, in the server's data folder.
    media: createHallMedia({ store, clock, dir: store.sqlite.memory ? join(tmpdir(), 'luot-media') : join(dirname(store.sqlite.name), 'media') }),
    announcer,
    setup: createSetupService({ store, clock, auth, acceptsPrinter: (uri) => printing.accepts(uri) }),
    /** A real center's first-run setup: pending until an admin finishes the setup screen (serve.ts begins it). */
    firstRun: createFirstRun({ store, clock, auth }),
    backupConfig,
    backups,
    metrics: createMetrics({ store, clock, read, printing, backups, backupDir: backupConfig.dir, connections: () => hub.countByLabel() }),
  };
}

export type AppParts = ReturnType<typeof createParts>;

function bothWrites(first: DerivedWrites, second: DerivedWrites): DerivedWrites {
  return {
    record(events: readonly DomainEvent[], tickets: readonly Ticket[], stamp: { actorId: number | null }) {
      first.record(events, tickets, stamp);
      second.record(events, tickets, stamp);
    },
  };
}

/** The configured voice settings, or (tests, tools) a cache folder beside the database and no pack. */
export function voiceSettings(store: OpenDb, voice: Config['voice'] | undefined): Config['voice'] {
  if (voice) return voice;
  const { sqlite } = store;
  const cacheDir = sqlite.memory ? join(tmpdir(), 'luot-voice-cache') : join(dirname(sqlite.name), 'voice-cache');
  return { cacheDir, packDir: null, english: false };
}

/** The configured backups, or (tools) a folder beside the database, daily at 12:15, 7/4/12 kept, 2 GiB or 10 % free. */
function backupSettings(store: OpenDb, backup: BackupConfig | undefined): BackupConfig {
  return backup ?? { dir: join(dirname(store.sqlite.name), 'backups'), dailyAt: '12:15', keep: { daily: 7, weekly: 4, monthly: 12 }, minFreeBytes: 2 * 1024 ** 3, minFreePercent: 10 };
}
