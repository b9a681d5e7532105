import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { repoRoot } from './paths.ts';

export interface Config {
  port: number;
  host: string;
  dbFile: string;
  demo: boolean;
  logLevel: string;
  heartbeatMs: number;
  /** An open counter not calling while its fields have people waiting raises an alert after this long. */
  idleAlertMs: number;
  /** How long a device token lasts before the device renews it itself. */
  deviceTokenMs: number;
  /** Address printed in receipt QR codes; by default the address the kiosk used to reach the server. */
  publicUrl: string | null;
  /** A receipt still unprinted this long after its number was taken is dropped (late ones before that print marked). */
  receiptMaxAgeMs: number;
  /**
   * Addresses of a reverse proxy (HTTPS in front of the server) whose X-Forwarded-For is believed, comma-separated
   * IPs or CIDRs. Without it every request behind a proxy has the proxy's address, and per-address limits lump the
   * whole center together.
   */
  trustProxy: string | false;
  /** Device paths besides /dev/usb/lp<N> that a USB receipt printer may use, comma-separated (e.g. /dev/ttyUSB0). */
  printerDevices: string[];
  /** Folder holding the built apps (kiosk/dist, counter-display/dist, staff-console/dist). */
  appsRoot: string;
  /** Online backups: folder (a second disk or USB stick), daily time (HH:MM, Viet Nam time), how many to keep. */
  backup: BackupConfig;
  /** Addresses (IPs or CIDRs) that may read /metrics without signing in, e.g. the Prometheus machine. */
  metricsAllow: string[];
  /** Call audio: where synthesized calls are kept, an optional voice pack, whether calls add English. */
  voice: { cacheDir: string; packDir: string | null; english: boolean };
  /** The province hub this center syncs to, when set here (it can also be set in the admin console). */
  hub: { hubUrl: string; centerId: number; key: string } | null;
  /** How often the sync looks at the event log while idle. */
  hubSyncMs: number;
  /** Events (and ratings) per sync batch. */
  hubSyncBatch: number;
  /** Where SMS to citizens go: a GSM modem, an HTTP gateway, or (default) only a masked line in the log. */
  sms: SmsConfig;
}

/** LUOT_SMS: "log" (default), "modem:/dev/ttyUSB2" or "http:/etc/luot/sms-gateway.json" (see README "SMS"). */
export type SmsConfig =
  | { kind: 'log' }
  | { kind: 'modem'; path: string; baudRate: number; mode: 'pdu' | 'text'; charset: 'ucs2' | 'gsm7'; timeoutMs: number }
  | { kind: 'http'; template: { url: string; method: 'GET' | 'POST' | 'PUT'; headers: Record<string, string>; body: string | null; timeoutMs: number } };

export interface BackupConfig {
  dir: string;
  /** Local time of the daily backup; the lunch break by default, when a center is quiet but the PC is on. */
  dailyAt: string;
  keep: { daily: number; weekly: number; monthly: number };
  /** Below this much free space on the database's or the backups' disk, supervisors are alerted (LUOT_MIN_FREE_MB). */
  minFreeBytes: number;
  /** ... or below this share of the disk free, in percent (LUOT_MIN_FREE_PERCENT); 0 turns the share rule off. */
  minFreePercent: number;
}

function keepRule(value: string | undefined): BackupConfig['keep'] {
  const parts = (value ?? '7,4,12').split(',').map((p) => Number(p.trim()));
  const [daily, weekly, monthly] = parts;
  if (parts.length !== 3 || parts.some((n) => !Number.isInteger(n) || n < 0) || daily === undefined || weekly === undefined || monthly === undefined) {
    throw new Error(`LUOT_BACKUP_KEEP must be three whole numbers "daily,weekly,monthly" (e.g. 7,4,12), got "${value}"`);
  }
  return { daily, weekly, monthly };
}

function timeOfDay(value: string | undefined, fallback: string, name: string): string {
  const v = value?.trim() || fallback;
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(v)) throw new Error(`${name} must be a time HH:MM (e.g. 12:15), got "${v}"`);
  return v;
}

function int(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got "${value}"`);
  return n;
}

function percent(value: string | undefined, fallback: number, name: string): number {
  const n = int(value, fallback, name);
  if (n > 100) throw new Error(`${name} is a percentage from 0 to 100, got "${value}"`);
  return n;
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T, name: string): T {
  if (value === undefined || value === '') return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new Error(`${name} must be one of ${allowed.join(', ')}, got "${value}"`);
  return value as T;
}

/** The SMS gateway from LUOT_SMS and its companions; an HTTP template is read from its JSON file once, here. */
export function smsOf(env: NodeJS.ProcessEnv): SmsConfig {
  const spec = env.LUOT_SMS?.trim() || 'log';
  const timeoutMs = int(env.LUOT_SMS_TIMEOUT_SECONDS, 30, 'LUOT_SMS_TIMEOUT_SECONDS') * 1000;
  if (spec === 'log') return { kind: 'log' };
  if (spec.startsWith('modem:')) {
    return {
      kind: 'modem',
      path: spec.slice('modem:'.length),
      baudRate: int(env.LUOT_SMS_BAUD, 115200, 'LUOT_SMS_BAUD'),
      mode: oneOf(env.LUOT_SMS_MODE, ['pdu', 'text'], 'pdu', 'LUOT_SMS_MODE'),
      charset: oneOf(env.LUOT_SMS_CHARSET, ['ucs2', 'gsm7'], 'ucs2', 'LUOT_SMS_CHARSET'),
      timeoutMs,
    };
  }
  if (spec.startsWith('http:')) {
    const file = spec.slice('http:'.length);
    const raw = JSON.parse(readFileSync(file, 'utf8')) as Partial<{ url: string; method: string; headers: Record<string, string>; body: string | null }>;
    if (typeof raw.url !== 'string' || !/^https?:\/\//.test(raw.url)) throw new Error(`${file}: "url" must be an http(s) address with {to} and {text} where the gateway wants them`);
    return {
      kind: 'http',
      template: {
        url: raw.url,
        method: oneOf(raw.method, ['GET', 'POST', 'PUT'], 'POST', `${file}: "method"`),
        headers: raw.headers ?? {},
        body: raw.body ?? null,
        timeoutMs,
      },
    };
  }
  throw new Error(`LUOT_SMS must be "log", "modem:<serial device>" or "http:<template file>", got "${spec}"`);
}

function hubOf(env: NodeJS.ProcessEnv): Config['hub'] {
  const { LUOT_HUB_URL: hubUrl, LUOT_HUB_CENTER_ID: id, LUOT_HUB_KEY: key } = env;
  if (!hubUrl && !id && !key) return null;
  if (!hubUrl || !id || !key) throw new Error('LUOT_HUB_URL, LUOT_HUB_CENTER_ID and LUOT_HUB_KEY go together: set all three, or none');
  return { hubUrl: hubUrl.replace(/\/+$/, ''), centerId: int(id, 0, 'LUOT_HUB_CENTER_ID'), key };
}

/** The only place that reads the environment. Everything else receives a Config. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dbFile = resolve(env.LUOT_DB ?? resolve(repoRoot, 'data/luot.db'));
  return {
    port: int(env.PORT, 8080, 'PORT'),
    host: env.HOST ?? '0.0.0.0',
    dbFile,
    demo: env.LUOT_DEMO === '1' || env.LUOT_DEMO === 'true',
    logLevel: env.LOG_LEVEL ?? 'info',
    heartbeatMs: int(env.LUOT_HEARTBEAT_MS, 15000, 'LUOT_HEARTBEAT_MS'),
    idleAlertMs: int(env.LUOT_IDLE_ALERT_SECONDS, 120, 'LUOT_IDLE_ALERT_SECONDS') * 1000,
    deviceTokenMs: int(env.LUOT_DEVICE_TOKEN_SECONDS, 7 * 24 * 3600, 'LUOT_DEVICE_TOKEN_SECONDS') * 1000,
    appsRoot: resolve(env.LUOT_APPS_ROOT ?? repoRoot),
    trustProxy: env.LUOT_TRUST_PROXY?.trim() || false,
    printerDevices: (env.LUOT_PRINTER_DEVICES ?? '')
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean),
    publicUrl: env.LUOT_PUBLIC_URL ? env.LUOT_PUBLIC_URL.replace(/\/+$/, '') : null,
    backup: {
      dir: resolve(env.LUOT_BACKUP_DIR || resolve(dirname(dbFile), 'backups')),
      dailyAt: timeOfDay(env.LUOT_BACKUP_TIME, '12:15', 'LUOT_BACKUP_TIME'),
      keep: keepRule(env.LUOT_BACKUP_KEEP),
      minFreeBytes: int(env.LUOT_MIN_FREE_MB, 2048, 'LUOT_MIN_FREE_MB') * 1024 * 1024,
      minFreePercent: percent(env.LUOT_MIN_FREE_PERCENT, 10, 'LUOT_MIN_FREE_PERCENT'),
    },
    metricsAllow: (env.LUOT_METRICS_ALLOW ?? '')
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean),
    receiptMaxAgeMs: int(env.LUOT_RECEIPT_MAX_AGE_MINUTES, 15, 'LUOT_RECEIPT_MAX_AGE_MINUTES') * 60_000,
    voice: {
      cacheDir: resolve(env.LUOT_VOICE_CACHE || resolve(repoRoot, 'data/voice-cache')),
      packDir: env.LUOT_VOICE_PACK ? resolve(env.LUOT_VOICE_PACK) : null,
      english: env.LUOT_VOICE_ENGLISH === '1' || env.LUOT_VOICE_ENGLISH === 'true',
    },
    hub: hubOf(env),
    hubSyncMs: int(env.LUOT_HUB_SYNC_MS, 1000, 'LUOT_HUB_SYNC_MS'),
    hubSyncBatch: int(env.LUOT_HUB_SYNC_BATCH, 2000, 'LUOT_HUB_SYNC_BATCH'),
    sms: smsOf(env),
  };
}

export interface HubConfig {
  port: number;
  host: string;
  /** postgres://user@host:port/database of the hub's PostgreSQL. */
  databaseUrl: string;
  /** Shown on the province board and printed on reports. */
  provinceName: string;
  demo: boolean;
  logLevel: string;
  appsRoot: string;
  /** Connections to PostgreSQL this process keeps at most. */
  poolSize: number;
}

/** The province hub's environment (`luot hub`): parsed here too, so the environment is read in one module. */
export function loadHubConfig(env: NodeJS.ProcessEnv = process.env): HubConfig {
  const repoRoot = resolve(import.meta.dirname, '../..');
  const databaseUrl = env.LUOT_HUB_DATABASE_URL ?? env.DATABASE_URL;
  if (!databaseUrl) throw new Error('LUOT_HUB_DATABASE_URL must name the hub’s PostgreSQL database, e.g. postgres://luot@127.0.0.1:5432/luot_hub');
  return {
    port: int(env.PORT, 8090, 'PORT'),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl,
    provinceName: env.LUOT_PROVINCE_NAME ?? 'Trung tâm điều hành cấp tỉnh',
    demo: env.LUOT_DEMO === '1' || env.LUOT_DEMO === 'true',
    logLevel: env.LOG_LEVEL ?? 'info',
    appsRoot: resolve(env.LUOT_APPS_ROOT ?? repoRoot),
    poolSize: int(env.LUOT_HUB_POOL, 10, 'LUOT_HUB_POOL'),
  };
}
