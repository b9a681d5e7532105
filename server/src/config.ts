import { resolve } from 'node:path';

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
  /** Call audio: where synthesized calls are kept, an optional voice pack, whether calls add English. */
  voice: { cacheDir: string; packDir: string | null; english: boolean };
}

function int(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got "${value}"`);
  return n;
}

/** The only place that reads the environment. Everything else receives a Config. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const repoRoot = resolve(import.meta.dirname, '../..');
  return {
    port: int(env.PORT, 8080, 'PORT'),
    host: env.HOST ?? '0.0.0.0',
    dbFile: resolve(env.LUOT_DB ?? resolve(repoRoot, 'data/luot.db')),
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
    receiptMaxAgeMs: int(env.LUOT_RECEIPT_MAX_AGE_MINUTES, 15, 'LUOT_RECEIPT_MAX_AGE_MINUTES') * 60_000,
    voice: {
      cacheDir: resolve(env.LUOT_VOICE_CACHE || resolve(repoRoot, 'data/voice-cache')),
      packDir: env.LUOT_VOICE_PACK ? resolve(env.LUOT_VOICE_PACK) : null,
      english: env.LUOT_VOICE_ENGLISH === '1' || env.LUOT_VOICE_ENGLISH === 'true',
    },
  };
}
