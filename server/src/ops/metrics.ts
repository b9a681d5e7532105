import { statSync } from 'node:fs';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import type { OpenDb } from '../db/open-db.ts';
import { opsRepo } from '../db/repositories/ops-repo.ts';
import { printersRepo } from '../db/repositories/printers-repo.ts';
import type { PrintService } from '../printing/index.ts';
import type { Clock } from '../domain/clock.ts';
import type { ReadModels } from '../services/read-models.ts';
import type { BackupService } from './backup-service.ts';
import { diskSpace } from './backup-service.ts';

export interface MetricsDeps {
  store: OpenDb;
  clock: Clock;
  read: ReadModels;
  printing: PrintService;
  backups: BackupService;
  backupDir: string;
  /** Connected WebSocket clients by kind. */
  connections: () => Map<string, number>;
}

/**
 * Prometheus metrics on a registry of this app's own (tests build many apps). Every figure is read when scraped,
 * from the database and the live services, so a restart never resets "today".
 */
export function createMetrics(deps: MetricsDeps): Registry {
  const registry = new Registry();
  // Process figures, among them event-loop delay (nodejs_eventloop_lag_*) and resident memory.
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });
  const { db } = deps.store;
  const fieldCode = () => new Map(deps.read.fields().map((f) => [f.id, f.code]));

  new Gauge({
    name: 'luot_ticket_events_today',
    help: 'Ticket events since the start of the service day (issued, called, serving, done, no_show, ...), by field',
    labelNames: ['type', 'field'],
    registers: [registry],
    collect() {
      this.reset();
      const codes = fieldCode();
      for (const row of opsRepo.eventCounts(db, deps.read.today().start)) {
        this.set({ type: row.type, field: row.fieldId === null ? '' : (codes.get(row.fieldId) ?? String(row.fieldId)) }, row.n);
      }
    },
  });
  new Gauge({
    name: 'luot_waiting',
    help: 'Citizens waiting now, by field',
    labelNames: ['field'],
    registers: [registry],
    collect() {
      this.reset();
      for (const f of deps.read.fields()) this.set({ field: f.code }, f.waiting);
    },
  });
  new Gauge({
    name: 'luot_counters',
    help: 'Counters by status (open, paused, closed)',
    labelNames: ['status'],
    registers: [registry],
    collect() {
      this.reset();
      for (const status of ['open', 'paused', 'closed']) this.set({ status }, 0);
      for (const row of opsRepo.countersByStatus(db)) this.set({ status: row.status }, row.n);
    },
  });
  new Gauge({
    name: 'luot_connected_screens',
    help: 'Connected realtime clients by kind (kiosk, hall_board, counter_display, staff_console)',
    labelNames: ['kind'],
    registers: [registry],
    collect() {
      this.reset();
      for (const kind of ['kiosk', 'hall_board', 'counter_display', 'staff_console']) this.set({ kind }, 0);
      for (const [kind, n] of deps.connections()) this.set({ kind }, n);
    },
  });
  new Gauge({
    name: 'luot_printer_ok',
    help: '1 when the receipt printer last reported no problem, 0 otherwise (-1 before its first receipt or check)',
    labelNames: ['printer'],
    registers: [registry],
    collect() {
      this.reset();
      for (const p of printersRepo.list(db)) {
        const state = deps.printing.state(p.id);
        this.set({ printer: p.name }, state === null ? -1 : state.problems.length === 0 ? 1 : 0);
      }
    },
  });
  new Gauge({
    name: 'luot_database_bytes',
    help: 'Size of the SQLite database file and its write-ahead log',
    registers: [registry],
    collect() {
      const file = deps.store.sqlite.name;
      const size = (path: string) => {
        try {
          return statSync(path).size;
        } catch {
          return 0;
        }
      };
      this.set(size(file) + size(`${file}-wal`));
    },
  });
  new Gauge({
    name: 'luot_last_backup_age_seconds',
    help: 'Seconds since the newest backup in the backup folder (-1 when there is none)',
    registers: [registry],
    collect() {
      const last = deps.backups.lastBackupAt();
      this.set(last === null ? -1 : Math.round((deps.clock.now() - last) / 1000));
    },
  });
  new Gauge({
    name: 'luot_disk_free_bytes',
    help: 'Free space on the disk of the database and of the backups',
    labelNames: ['disk'],
    registers: [registry],
    collect() {
      this.reset();
      for (const [disk, path] of [['database', deps.store.sqlite.name], ['backups', deps.backupDir]] as const) {
        try {
          this.set({ disk }, diskSpace(path).freeBytes);
        } catch {
          // An in-memory database, or the backup disk unplugged (luot_last_backup_age_seconds will tell).
        }
      }
    },
  });
  return registry;
}
