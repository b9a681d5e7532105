/**
 * `pnpm seed:history --years 5 [--seed 1] [--db data/history.db] [--end 2026-10-31] [--tickets-per-day 2000] [--counters 30] [--path engine|service] [--resume]`
 * (`--resume` goes on from the day after the file's last service day, e.g. after an interrupted run)
 *
 * Writes a realistic history for a large center through the server's own code: the admin service sets the
 * center up, the queue service (engine, repositories, event log, report rollups) runs every ticket and counter
 * command. Weekends and fixed public holidays are closed. The same seed, range and options give the same
 * history (only the random tracking codes and password hashes differ).
 */
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openDb } from '../src/db/open-db.ts';
import { serviceDayOf } from '../src/domain/time.ts';
import { generateHistory } from './history/generate.ts';

const { values } = parseArgs({
  options: {
    years: { type: 'string', default: '5' },
    days: { type: 'string' },
    end: { type: 'string' },
    db: { type: 'string' },
    seed: { type: 'string', default: '1' },
    'tickets-per-day': { type: 'string', default: '2000' },
    counters: { type: 'string', default: '30' },
    force: { type: 'boolean', default: false },
    resume: { type: 'boolean', default: false },
    path: { type: 'string', default: 'engine' },
  },
  strict: true,
});

const seed = Number(values.seed);
const end = values.end ?? serviceDayOf(Date.now() - 86_400_000, '00:00');
const days = values.days ? Number(values.days) : Math.round(Number(values.years) * 365.25);
const repoRoot = resolve(import.meta.dirname, '../..');
// pnpm runs the script in server/; a relative --db means relative to where the command was typed.
const file = resolve(process.env.INIT_CWD ?? process.cwd(), values.db ?? resolve(repoRoot, `data/history-${values.days ? `${days}d` : `${values.years}y`}-seed${seed}.db`));
if (existsSync(file) && !values.resume) {
  if (!values.force) {
    console.error(`${file} exists; choose another --db or add --force to replace it`);
    process.exit(1);
  }
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
}

const store = openDb(file);
const result = await generateHistory(store, {
  end,
  days,
  seed,
  ticketsPerDay: Number(values['tickets-per-day']),
  counters: Number(values.counters),
  path: values.path === 'service' ? 'service' : 'engine',
  resume: values.resume,
  onProgress: (p) => console.log(`${p.day}: ${p.tickets.toLocaleString('en')} tickets so far, ${Math.round(p.ticketsPerSecond).toLocaleString('en')}/s`),
});
store.close();
const { passwords: _passwords, ...summary } = result;
writeFileSync(`${file}.json`, `${JSON.stringify({ ...summary, seed, ticketsPerDay: Number(values['tickets-per-day']), counters: Number(values.counters), path: values.path }, null, 2)}\n`);
console.log(`\n${file}`);
console.log(`${result.workingDays} working days ${result.from} … ${result.to}, ${result.tickets.toLocaleString('en')} tickets, ${result.events.toLocaleString('en')} events, ${result.commands.toLocaleString('en')} commands (${result.refused.toLocaleString('en')} refused by the engine, e.g. an empty queue) in ${Math.round(result.seconds)} s`);
console.log(`supervisor: giamsat / ${result.passwords.giamsat ?? '?'}   (LUOT_DB=${file} pnpm start, then /console/)`);
