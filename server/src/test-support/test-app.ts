import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from '../app.ts';
import type { AppParts } from '../parts.ts';
import { openDb, type OpenDb } from '../db/open-db.ts';
import type { Clock } from '../domain/clock.ts';
import type { BackupConfig, SmsConfig } from '../config.ts';
import type { BookingAdmissionOptions } from '../services/booking-admission.ts';

/** A clock tests move by hand. Starts on a Monday at 08:00 in Ha Noi (01:00 UTC). */
export class TestClock implements Clock {
  constructor(public ms = Date.parse('2026-11-23T01:00:00Z')) {}
  now(): number {
    return this.ms;
  }
  advance(minutes: number): void {
    this.ms += minutes * 60_000;
  }
}

export interface TestServer {
  app: FastifyInstance;
  deps: AppParts;
  store: OpenDb;
  clock: TestClock;
  dbFile: string;
  dir: string;
  /** Close the app and the database, keep the file (for restart tests). */
  stop(): Promise<void>;
  /** Stop and delete the temporary folder. */
  dispose(): Promise<void>;
}

/** Scrypt at N=2^10 keeps logins fast in tests; production uses the OWASP cost. */
export const TEST_SCRYPT_N = 1 << 10;

export interface TestServerOptions {
  dir?: string;
  clock?: TestClock;
  heartbeatMs?: number;
  listen?: boolean;
  logger?: AppOptions['logger'];
  /**
   * 'production' for the real kiosk pace (one number a second, bursts of five). By default tests that set up
   * queues by issuing dozens of numbers at once get a pace no test reaches, like the cheap scrypt cost.
   */
  kioskPace?: 'production';
  /**
   * Citizens' booking requests worked on at once and per second. By default limits no test's burst of inject() calls
   * reaches (the admission is tested on its own, over real sockets, in booking-admission.test.ts).
   */
  bookingAdmission?: Partial<BookingAdmissionOptions>;
  /** A reverse proxy's address whose X-Forwarded-For is believed. */
  trustProxy?: string;
  /** The machine's LAN addresses as the server would see them. */
  network?: () => string[];
  publicUrl?: string;
  /** Backups and the disk-space alert; by default a folder beside the database and thresholds no disk reaches. */
  backup?: BackupConfig;
  /** The SMS outbox's enqueue, for the booking's one-time code; tests pass a recorder. */
  sendSms?: AppOptions['sendSms'];
  /** An SMS gateway (a fake modem's or HTTP gateway's) and the outbox's timings. */
  sms?: AppOptions['sms'];
  /** The gateway as the server reads it from LUOT_SMS (config.ts `smsOf`), for tests through the real wiring. */
  smsConfig?: SmsConfig;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'luot-test-'));
  const dbFile = join(dir, 'luot.db');
  const store = openDb(dbFile);
  const clock = options.clock ?? new TestClock();
  const { app, deps } = await buildApp({
    store,
    clock,
    config: {
      heartbeatMs: options.heartbeatMs ?? 15_000,
      appsRoot: dir,
      demo: false,
      publicUrl: options.publicUrl ?? null,
      trustProxy: options.trustProxy ?? false,
      backup: options.backup ?? { dir: join(dir, 'backups'), dailyAt: '12:15', keep: { daily: 7, weekly: 4, monthly: 12 }, minFreeBytes: 0, minFreePercent: 0 },
      ...(options.smsConfig ? { sms: options.smsConfig } : {}),
    },
    // A fixed LAN address unless a test says otherwise: the machine running the tests may have none.
    network: options.network ?? (() => ['192.168.1.20']),
    printing: { retryMs: 200, attemptTimeoutMs: 1000, maxJobAgeMs: 60_000 },
    scryptN: TEST_SCRYPT_N,
    logger: options.logger,
    kioskPace: options.kioskPace === 'production' ? undefined : { perSecond: 1000, burst: 10_000 },
    bookingAdmission: { inFlight: 10_000, perSecond: 10_000, burst: 10_000, ...options.bookingAdmission },
    ...(options.sendSms ? { sendSms: options.sendSms } : {}),
    sms: options.sms,
  });
  if (options.listen) await app.listen({ port: 0, host: '127.0.0.1' });
  else await app.ready();
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await app.close();
    store.close();
  };
  return {
    app,
    deps,
    store,
    clock,
    dbFile,
    dir,
    stop,
    dispose: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function baseUrl(server: TestServer): string {
  const address = server.app.server.address();
  if (address === null || typeof address === 'string') throw new Error('server is not listening');
  return `http://127.0.0.1:${address.port}`;
}
