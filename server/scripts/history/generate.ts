import type { OpenDb } from '../../src/db/open-db.ts';
import { serviceDayStart } from '../../src/domain/time.ts';
import { loadCenter, setUpCenter } from './center.ts';
import { Random } from './random.ts';
import { isWorkingDay } from './demand.ts';
import { HistorySimulator } from './simulate.ts';

export interface GenerateOptions {
  /** Last service day (YYYY-MM-DD) and how many calendar days to cover up to it. */
  end: string;
  days: number;
  seed: number;
  ticketsPerDay: number;
  counters: number;
  path?: 'service' | 'engine';
  /** Go on from the day after the file's last service day, with the center already in it. */
  resume?: boolean;
  /** The center's name (a province's centers each have their own). */
  name?: string;
  onProgress?: (p: { day: string; tickets: number; ticketsPerSecond: number }) => void;
}

export interface GenerateResult {
  from: string;
  to: string;
  workingDays: number;
  tickets: number;
  events: number;
  commands: number;
  refused: number;
  seconds: number;
  passwords: Record<string, string>;
}

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * Sets up the large center and simulates every working day of the range into `store`. The file is the
 * generator's alone while it runs: durability per commit is switched off (a crash means generating again),
 * and each simulated day is one transaction.
 */
export async function generateHistory(store: OpenDb, options: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  const last = options.resume ? (store.sqlite.prepare('SELECT max(service_day) FROM tickets').pluck().get() as string | null) : null;
  const from = last ? addDays(last, 1) : addDays(options.end, -(options.days - 1));
  store.sqlite.pragma('synchronous = OFF');
  store.sqlite.pragma('cache_size = -262144');
  store.sqlite.pragma('temp_store = MEMORY');
  const random = new Random(options.seed);
  const setUpClock = { ms: serviceDayStart(from, '00:00') + 6 * 3_600_000, now(): number { return this.ms; } };
  const center = last ? { ...loadCenter(store), passwords: {} } : await setUpCenter(store, setUpClock, random, { counters: options.counters, name: options.name });
  // A resumed run draws from a generator seeded by the resume day too, so it is repeatable from the same point.
  const simSeed = last ? options.seed + 1 + Date.parse(`${from}T00:00:00Z`) / 86_400_000 : options.seed + 1;
  const sim = new HistorySimulator(store, center, simSeed, { ticketsPerDay: options.ticketsPerDay, path: options.path ?? 'service' });
  let tickets = 0;
  let commands = 0;
  let refused = 0;
  let workingDays = 0;
  for (let day = from; day <= options.end; day = addDays(day, 1)) {
    if (!isWorkingDay(day)) continue;
    const stats = await sim.day(day);
    workingDays++;
    tickets += stats.tickets;
    commands += stats.commands;
    refused += stats.refused;
    if (options.onProgress && (workingDays % 20 === 0 || day === options.end)) {
      options.onProgress({ day, tickets, ticketsPerSecond: tickets / ((performance.now() - started) / 1000) });
    }
  }
  store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  store.sqlite.exec('ANALYZE');
  store.sqlite.pragma('synchronous = FULL');
  const events = store.sqlite.prepare('SELECT count(*) FROM events').pluck().get() as number;
  return { from, to: options.end, workingDays, tickets, events, commands, refused, seconds: (performance.now() - started) / 1000, passwords: center.passwords };
}
