import { openDb } from '../../src/db/open-db.ts';
import { createAuthService } from '../../src/services/auth-service.ts';
import { generateHistory } from '../history/generate.ts';

export interface PreparedCenter {
  file: string;
  name: string;
  /** Officers' and the supervisor's passwords (quay1 … quayN, giamsat), from the generator. */
  passwords: Record<string, string>;
  /** Paired kiosks' tokens, for live traffic: a kiosk issues at a person's pace (one a second), so a busy hall has several. */
  kioskTokens: string[];
  counters: number;
  events: number;
  tickets: number;
}

/**
 * A center's SQLite file with `days` of history written through the server's own code (the history generator:
 * admin service set-up, the queue engine, the event log, the rollups), ready for a center process to open.
 */
export async function prepareCenter(options: { file: string; name: string; end: string; days: number; ticketsPerDay: number; counters: number; seed: number }): Promise<PreparedCenter> {
  const store = openDb(options.file);
  try {
    const result = await generateHistory(store, {
      end: options.end,
      days: options.days,
      seed: options.seed,
      ticketsPerDay: options.ticketsPerDay,
      counters: options.counters,
      path: 'engine',
      name: options.name,
    });
    // Live traffic comes at any hour of a demo or a test: the generated opening hours would refuse it at night.
    store.sqlite.prepare('UPDATE fields SET opens_at = NULL, closes_at = NULL').run();
    const auth = createAuthService({ store, clock: { now: () => Date.now() }, options: { scryptN: 1 << 12 } });
    const kioskTokens = Array.from({ length: 12 }, (_, i) => auth.createPairedDevice({ kind: 'kiosk', name: `Kiosk trực tiếp ${i + 1}`, counterId: null }).token);
    return { file: options.file, name: options.name, passwords: result.passwords, kioskTokens, counters: options.counters, events: result.events, tickets: result.tickets };
  } finally {
    store.close();
  }
}
