import type { Config } from './config.ts';
import type { OpenDb } from './db/open-db.ts';
import type { Guards } from './http/guards.ts';
import type { Announcer } from './services/announcer.ts';
import type { AuthService } from './services/auth-service.ts';
import type { Clock } from './services/clock.ts';
import type { ConfigCache } from './services/config-cache.ts';
import type { QueueService } from './services/queue-service.ts';
import type { PrintService } from './printing/index.ts';
import type { AdminService } from './services/admin-service.ts';
import type { Audit } from './services/audit.ts';
import type { Estimates } from './services/estimates.ts';
import type { FeedbackService } from './feedback/feedback-service.ts';
import type { KioskPace } from './services/kiosk-pace.ts';
import type { LiveFiguresService } from './services/live-figures.ts';
import type { ReadModels } from './services/read-models.ts';
import type { PublicUrls } from './services/public-url.ts';
import type { Receipts } from './services/receipts.ts';
import type { ReportService } from './reports/report-service.ts';
import type { SetupService } from './services/setup-service.ts';
import type { Hub } from './ws/hub.ts';
import type { HubSync } from './sync/sync-service.ts';
import type { BackupService } from './ops/backup-service.ts';
import type { FirstRunService } from './services/first-run.ts';
import type { Registry } from 'prom-client';

/** Everything the route and socket plugins use, built once in app.ts and passed down explicitly. */
export interface AppDeps {
  /** `voice` is optional: without it the voice routes keep their cache beside the database, with no pack. */
  config: Pick<Config, 'heartbeatMs' | 'appsRoot' | 'publicUrl' | 'backup' | 'metricsAllow'> & Partial<Pick<Config, 'voice'>>;
  store: OpenDb;
  clock: Clock;
  centerConfig: ConfigCache;
  queue: QueueService;
  auth: AuthService;
  read: ReadModels;
  hub: Hub;
  announcer: Announcer;
  estimates: Estimates;
  feedback: FeedbackService;
  printing: PrintService;
  receipts: Receipts;
  admin: AdminService;
  /** Admin changes outside the admin service (devices, printers) are audited the same way. */
  audit: Audit;
  live: LiveFiguresService;
  /** The link to the province hub (sync/); started by main.ts. */
  hubSync: HubSync;
  reports: ReportService;
  guards: Guards;
  /** Where phones open the receipt's tracking link. */
  publicUrls: PublicUrls;
  kioskPace: KioskPace;
  setup: SetupService;
  /** A real center's first-run setup: pending until an admin finishes the setup screen. */
  firstRun: FirstRunService;
  backups: BackupService;
  metrics: Registry;
}
