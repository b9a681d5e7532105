import { bookingReport } from './reports/booking-report.ts';
import { bookingExportRows, bookingExportSheet, bookingExportTitle } from './reports/booking-export.ts';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Config } from './config.ts';
import { QuietRequestLogs } from './ops/quiet-request-logs.ts';
import type { OpenDb } from './db/open-db.ts';
import type { Clock } from './domain/clock.ts';
import { adminCatalogRoutes } from './http/admin-catalog-routes.ts';
import { adminSetupRoutes } from './http/admin-setup-routes.ts';
import { adminStaffRoutes } from './http/admin-staff-routes.ts';
import { appRoutes } from './http/app-routes.ts';
import { authRoutes } from './http/auth-routes.ts';
import { bookingRoutes } from './http/booking-routes.ts';
import { centerRoutes } from './http/center-routes.ts';
import { counterRoutes } from './http/counter-routes.ts';
import { demoRoutes } from './http/demo-routes.ts';
import { deviceRoutes } from './http/device-routes.ts';
import { clientErrorHandler, frameworkErrors, installErrorHandling } from './http/errors.ts';
import { feedbackRoutes } from './http/feedback-routes.ts';
import { guards as makeGuards } from './http/guards.ts';
import { healthRoutes } from './http/health-routes.ts';
import { hubSyncRoutes } from './http/hub-sync-routes.ts';
import { integrationRoutes } from './http/integration-routes.ts';
import { mediaRoutes } from './http/media-routes.ts';
import { liveRoutes } from './http/live-routes.ts';
import { opsRoutes } from './http/ops-routes.ts';
import { printerRoutes } from './http/printer-routes.ts';
import { reportRoutes } from './http/report-routes.ts';
import { staffingRoutes } from './http/staffing-routes.ts';
import { apiDocsPolicy, securityHeaders } from './http/security-headers.ts';
import { setupRoutes } from './http/setup-routes.ts';
import { lazySerializers } from './http/lazy-serializers.ts';
import { strictValidatorCompiler } from './http/strict-validator.ts';
import { ticketHistoryRoutes } from './http/ticket-history-routes.ts';
import { smsRoutes } from './http/sms-routes.ts';
import { ticketRoutes } from './http/ticket-routes.ts';
import { trackRoutes } from './http/track-routes.ts';
import { voiceRoutes } from './http/voice-routes.ts';
import { createParts, voiceSettings, type AppParts, type PartsOptions } from './parts.ts';
import type { KioskPaceOptions } from './services/kiosk-pace.ts';
import { systemClock } from './system-clock.ts';
import { VERSION } from './version.ts';
import { socketErrorHandler } from './ws/socket-errors.ts';
import { socketRoutes } from './ws/socket-routes.ts';

export interface AppOptions {
  store: OpenDb;
  config: Pick<Config, 'heartbeatMs' | 'appsRoot' | 'demo' | 'publicUrl'> &
    Partial<Pick<Config, 'deviceTokenMs' | 'voice' | 'idleAlertMs' | 'trustProxy' | 'printerDevices' | 'hub' | 'hubSyncMs' | 'hubSyncBatch' | 'backup' | 'metricsAllow' | 'sms'>>;
  clock?: Clock;
  logger?: FastifyServerOptions['logger'];
  /** scrypt cost; lowered only by tests. */
  scryptN?: number;
  /** How fast one kiosk may issue numbers (KIOSK_PACE unless told). */
  kioskPace?: KioskPaceOptions;
  /** How many citizens' booking requests are worked on at once and per second (BOOKING_ADMISSION unless told). */
  bookingAdmission?: Partial<import('./services/booking-admission.ts').BookingAdmissionOptions>;
  /** Print queue timings; tests shorten them. */
  printing?: { retryMs?: number; attemptTimeoutMs?: number; maxJobAgeMs?: number };
  /** The machine's LAN addresses (os.networkInterfaces by default); tests pass their own. */
  network?: () => string[];
  /** The SMS outbox's enqueue (bookings' one-time codes); absent = no gateway. */
  sendSms?: import('./services/booking-otp.ts').SendSms;
  /** Webhook relay timings; tests shorten them. */
  webhooks?: PartsOptions['webhooks'];
  /**
   * Production logs one line per request at debug, not info: the console and the journal show what needs a person,
   * not every screen's poll. Tests keep Fastify's default.
   */
  requestLogsAtDebug?: boolean;
  /** Tests hand in their own SMS gateway or outbox timings. */
  sms?: PartsOptions['sms'];
}

/** Requests are small JSON documents; anything bigger is a mistake or an attack. */
const BODY_LIMIT = 64 * 1024;

/** Builds the whole server from its parts. No module-level state: tests build as many as they like. */
export async function buildApp(options: AppOptions): Promise<{ app: FastifyInstance; deps: AppParts }> {
  const clock = options.clock ?? systemClock;
  const { store } = options;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT,
    trustProxy: options.config.trustProxy ?? false,
    frameworkErrors,
    clientErrorHandler,
    schemaController: { compilersFactory: { buildSerializer: lazySerializers } },
    ...(options.requestLogsAtDebug ? { logController: new QuietRequestLogs() } : {}),
  });
  const parts = createParts({ ...options, clock }, app.log);
  const guards = makeGuards(parts.auth);
  const { auth, read, admin, devices } = parts;

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

  // Each plugin gets what it uses and nothing more.
  await app.register(healthRoutes, { clock, read });
  await app.register(authRoutes, { guards, auth });
  await app.register(centerRoutes, { guards, read, sms: () => parts.smsAdmin.kiosk(), booking: () => parts.bookings.settings().enabled });
  await app.register(ticketRoutes, { guards, issuing: parts.issuing, desk: parts.desk });
  await app.register(ticketHistoryRoutes, { guards, read, history: parts.history });
  await app.register(counterRoutes, { guards, desk: parts.desk, read });
  await app.register(deviceRoutes, { guards, devices });
  await app.register(printerRoutes, { guards, printers: parts.printers, devices });
  await app.register(adminSetupRoutes, { guards, admin });
  await app.register(adminCatalogRoutes, { guards, admin });
  await app.register(adminStaffRoutes, { guards, admin });
  await app.register(setupRoutes, { guards, setup: parts.setup, announcer: parts.announcer });
  await app.register(liveRoutes, { guards, live: parts.live });
  await app.register(reportRoutes, {
    guards,
    reports: parts.reports,
    bookings: { title: bookingExportTitle, sheet: bookingExportSheet, rows: (from, to, lang) => bookingExportRows(store.db, bookingReport(store.db, from, to), lang) },
  });
  await app.register(staffingRoutes, { guards, staffing: parts.staffing, centerName: () => parts.reports.centerName() });
  await app.register(voiceRoutes, { guards, read, settings: voiceSettings(store, options.config.voice) });
  await app.register(feedbackRoutes, { guards, feedback: parts.feedback });
  await app.register(bookingRoutes, { guards, bookings: parts.bookings, admission: parts.bookingAdmission, desk: parts.bookingDesk, appsRoot: options.config.appsRoot, report: (from, to) => bookingReport(store.db, from, to) });
  await app.register(trackRoutes, { feedback: parts.feedback, taps: parts.hub, appsRoot: options.config.appsRoot });
  await app.register(hubSyncRoutes, { guards, hubSync: parts.hubSync });
  await app.register(integrationRoutes, { guards, webhooks: parts.webhooks, apiTokens: parts.apiTokens });
  await app.register(mediaRoutes, { guards, media: parts.media });
  await app.register(opsRoutes, {
    guards,
    clock,
    backups: parts.backups,
    backupConfig: parts.backupConfig,
    metrics: parts.metrics,
    metricsAllow: options.config.metricsAllow ?? [],
  });
  if (options.config.demo) await app.register(demoRoutes, { devices });
  await app.register(socketRoutes, { auth, read, hub: parts.hub, clock, heartbeatMs: options.config.heartbeatMs });
  await app.register(smsRoutes, { guards, sms: parts.smsAdmin });
  await app.register(appRoutes, { appsRoot: options.config.appsRoot });

  app.addHook('onClose', async () => {
    parts.hubSync.stop();
    await parts.webhookRelay.stop();
    parts.backups.stop();
    parts.bookingDesk.stop();
    parts.personalData.stop();
    parts.smsNotices.stop();
    await parts.smsOutbox.stop();
    await parts.printing.close();
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  return { app, deps: parts };
}
