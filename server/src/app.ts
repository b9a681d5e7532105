import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { QuietRequestLogs } from './ops/quiet-request-logs.ts';
import { dirname, join } from 'node:path';
import type { BackupConfig, Config } from './config.ts';
import type { OpenDb } from './db/open-db.ts';
import type { AppDeps } from './deps.ts';
import { adminCatalogRoutes } from './http/admin-catalog-routes.ts';
import { adminSetupRoutes } from './http/admin-setup-routes.ts';
import { adminStaffRoutes } from './http/admin-staff-routes.ts';
import { appRoutes } from './http/app-routes.ts';
import { liveRoutes } from './http/live-routes.ts';
import { reportRoutes } from './http/report-routes.ts';
import { feedbackRoutes } from './http/feedback-routes.ts';
import { trackRoutes } from './http/track-routes.ts';
import { createFeedback } from './feedback/feedback-service.ts';
import { createReportService } from './reports/report-service.ts';
import { createAdminService } from './services/admin-service.ts';
import { createSetupService } from './services/setup-service.ts';
import { setupRoutes } from './http/setup-routes.ts';
import { createAudit } from './services/audit.ts';
import { createLiveFigures } from './services/live-figures.ts';
import { authRoutes } from './http/auth-routes.ts';
import { centerRoutes } from './http/center-routes.ts';
import { counterRoutes } from './http/counter-routes.ts';
import { demoRoutes } from './http/demo-routes.ts';
import { deviceRoutes } from './http/device-routes.ts';
import { printerRoutes } from './http/printer-routes.ts';
import { createPrintService } from './printing/index.ts';
import { createEstimates } from './services/estimates.ts';
import { createReceipts } from './services/receipts.ts';
import { createPublicUrls } from './services/public-url.ts';
import { clientErrorHandler, frameworkErrors, installErrorHandling } from './http/errors.ts';
import { apiDocsPolicy, securityHeaders } from './http/security-headers.ts';
import { strictValidatorCompiler } from './http/strict-validator.ts';
import { guards } from './http/guards.ts';
import { healthRoutes, VERSION } from './http/health-routes.ts';
import { ticketRoutes } from './http/ticket-routes.ts';
import { ticketHistoryRoutes } from './http/ticket-history-routes.ts';
import { voiceRoutes } from './http/voice-routes.ts';
import { createAnnouncer } from './services/announcer.ts';
import { createAuthService } from './services/auth-service.ts';
import { createConfigCache } from './services/config-cache.ts';
import { WriteBatcher } from './services/write-batcher.ts';
import { systemClock, type Clock } from './services/clock.ts';
import { createKioskPace, type KioskPaceOptions } from './services/kiosk-pace.ts';
import { createQueueService } from './services/queue-service.ts';
import { createReadModels } from './services/read-models.ts';
import { Hub } from './ws/hub.ts';
import { SYNC_MAX_ITEMS } from '@luot/shared';
import { hubSyncRoutes } from './http/hub-sync-routes.ts';
import { liveStatus } from './sync/live-status.ts';
import { createHubSync } from './sync/sync-service.ts';
import { createBackupService } from './ops/backup-service.ts';
import { createMetrics } from './ops/metrics.ts';
import { opsRoutes } from './http/ops-routes.ts';
import { createFirstRun } from './services/first-run.ts';
import { socketErrorHandler } from './ws/socket-errors.ts';
import { socketRoutes } from './ws/socket-routes.ts';

export interface AppOptions {
  store: OpenDb;
  config: Pick<Config, 'heartbeatMs' | 'appsRoot' | 'demo' | 'publicUrl'> &
    Partial<Pick<Config, 'deviceTokenMs' | 'voice' | 'idleAlertMs' | 'trustProxy' | 'printerDevices' | 'hub' | 'hubSyncMs' | 'hubSyncBatch' | 'backup' | 'metricsAllow'>>;
  clock?: Clock;
  logger?: FastifyServerOptions['logger'];
  /** scrypt cost; lowered only by tests. */
  scryptN?: number;
  /** How fast one kiosk may issue numbers (KIOSK_PACE unless told). */
  kioskPace?: KioskPaceOptions;
  /** Print queue timings; tests shorten them. */
  printing?: { retryMs?: number; attemptTimeoutMs?: number; maxJobAgeMs?: number };
  /**
   * Production logs one line per request at debug, not info: the console and the journal show what needs a person,
   * not every screen's poll. Tests keep Fastify's default.
   */
  requestLogsAtDebug?: boolean;
  /** The machine's LAN addresses (os.networkInterfaces by default); tests pass their own. */
  network?: () => string[];
}

/** Requests are small JSON documents; anything bigger is a mistake or an attack. */
const BODY_LIMIT = 64 * 1024;

/** Builds the whole server from its parts. No module-level state: tests build as many as they like. */
export async function buildApp(options: AppOptions): Promise<{ app: FastifyInstance; deps: AppDeps }> {
  const clock = options.clock ?? systemClock;
  const { store } = options;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT,
    trustProxy: options.config.trustProxy ?? false,
    frameworkErrors,
    clientErrorHandler,
    ...(options.requestLogsAtDebug ? { logController: new QuietRequestLogs() } : {}),
  });
  const auth = createAuthService({ store, clock, options: { scryptN: options.scryptN, deviceTokenMs: options.config.deviceTokenMs } });
  const centerConfig = createConfigCache(store);
  const read = createReadModels({ store, clock, config: centerConfig });
  const hub = new Hub();
  const announcer = createAnnouncer({ hub, read, clock });
  const printing = createPrintService({
    now: () => clock.now(),
    onState: (state) => announcer.printerState(state),
    onDropped: (job) => app.log.warn({ job }, 'receipt dropped: the printer stayed unavailable too long'),
    usbDevices: options.config.printerDevices,
    ...options.printing,
  });
  const receipts = createReceipts({ store, config: centerConfig, printing });
  const estimates = createEstimates({ store, clock, config: centerConfig });
  const audit = createAudit({ store, clock });
  const kioskPace = createKioskPace({
    clock,
    options: options.kioskPace,
    onFirstRefusal: (kiosk) => app.log.warn({ deviceId: kiosk.deviceId, kiosk: kiosk.name }, 'kiosk issuing faster than a person could; refusing until it slows down'),
  });
  const live = createLiveFigures({ store, clock, read, receipts, kioskPace, idleAlertMs: options.config.idleAlertMs ?? 2 * 60_000 });
  // The province link reads the committed log on its own timer; main.ts starts it, nothing here waits on it.
  const hubSync = createHubSync({
    store,
    clock,
    config: centerConfig,
    live: () => liveStatus({ clock, live, read }),
    envSettings: options.config.hub ?? null,
    log: app.log,
    options: {
      ...(options.config.hubSyncMs ? { tickMs: options.config.hubSyncMs } : {}),
      ...(options.config.hubSyncBatch ? { batchSize: Math.min(options.config.hubSyncBatch, SYNC_MAX_ITEMS) } : {}),
    },
  });
  const backupConfig: BackupConfig = options.config.backup ?? {
    dir: join(dirname(store.sqlite.name), 'backups'),
    dailyAt: '12:15',
    keep: { daily: 7, weekly: 4, monthly: 12 },
    minFreeBytes: 1024 ** 3,
  };
  const backups = createBackupService({ store, clock, config: backupConfig });
  const deps: AppDeps = {
    config: { ...options.config, backup: backupConfig, metricsAllow: options.config.metricsAllow ?? [] },
    store,
    clock,
    centerConfig,
    queue: createQueueService({ store, clock, config: centerConfig, batcher: new WriteBatcher(store.sqlite) }),
    auth,
    read,
    hub,
    announcer,
    estimates,
    feedback: createFeedback({ store, clock, config: centerConfig, estimates }),
    printing,
    receipts,
    admin: createAdminService({ store, clock, config: centerConfig, auth, audit }),
    audit,
    reports: createReportService({ store, clock, config: centerConfig }),
    live,
    hubSync,
    guards: guards(auth),
    publicUrls: createPublicUrls({ configured: options.config.publicUrl, interfaces: options.network, now: () => clock.now() }),
    kioskPace,
    setup: createSetupService({ store, clock, auth, acceptsPrinter: (uri) => printing.accepts(uri) }),
    firstRun: createFirstRun({ store, clock, auth }),
    backups,
    metrics: createMetrics({ store, clock, read, printing, backups, backupDir: backupConfig.dir, connections: () => hub.countByLabel() }),
  };

  app.setValidatorCompiler(strictValidatorCompiler);
  // The API speaks JSON only; a text body is answered 415 rather than failing validation obscurely.
  app.removeContentTypeParser('text/plain');
  app.decorateRequest('actor', null);
  installErrorHandling(app);

  await securityHeaders(app);
  await app.register(swagger, {
    openapi: {
      info: { title: 'Lượt API', version: VERSION, description: 'Queue ticketing for one-stop public service centers' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', transformStaticCSP: apiDocsPolicy });
  // Rate limits apply only where a route asks; the hook runs after the body is parsed so keys can use it.
  await app.register(rateLimit, { global: false, hook: 'preHandler' });
  await app.register(websocket, { options: { maxPayload: 64 * 1024 }, errorHandler: socketErrorHandler });

  await app.register(healthRoutes, { deps });
  await app.register(authRoutes, { deps });
  await app.register(centerRoutes, { deps });
  await app.register(ticketRoutes, { deps });
  await app.register(ticketHistoryRoutes, { deps });
  await app.register(counterRoutes, { deps });
  await app.register(deviceRoutes, { deps });
  await app.register(printerRoutes, { deps });
  await app.register(adminSetupRoutes, { deps });
  await app.register(adminCatalogRoutes, { deps });
  await app.register(adminStaffRoutes, { deps });
  await app.register(setupRoutes, { deps });
  await app.register(liveRoutes, { deps });
  await app.register(reportRoutes, { deps });
  await app.register(voiceRoutes, { deps });
  await app.register(feedbackRoutes, { deps });
  await app.register(trackRoutes, { deps });
  await app.register(hubSyncRoutes, { deps });
  await app.register(opsRoutes, { deps });
  if (options.config.demo) await app.register(demoRoutes, { deps });
  await app.register(socketRoutes, { deps });
  await app.register(appRoutes, { appsRoot: options.config.appsRoot });

  app.addHook('onClose', async () => {
    hubSync.stop();
    backups.stop();
    await printing.close();
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  return { app, deps };
}
