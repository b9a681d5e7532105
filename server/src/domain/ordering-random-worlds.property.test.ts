import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Ticket } from './types.ts';
import { NUM_RUNS, clsOf, callableAt, before, configArb, buildWorld, stepsArb } from '../test-support/ordering-model.ts';
import { simulate, checkDesks, STATUSES, drain, checkInterleave } from '../test-support/ordering-checks.ts';

describe('queue engine properties (random command sequences)', () => {
  it('(a) no ticket is current at two counters, and callNext only picks a waiting ticket it may call', () => {
    fc.assert(
      fc.property(configArb, stepsArb, (cfg, steps) => {
        const trace = simulate(buildWorld(cfg), steps, checkDesks);
        for (const call of trace.calls) {
          expect(call.picked.status).toBe('waiting');
          expect(callableAt(call.counter, call.picked), `counter ${call.counter.id} called ticket ${call.picked.id} it may not call`).toBe(true);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('(b) no ticket is lost, and once issuing stops the queue drains', () => {
    fc.assert(
      fc.property(configArb, stepsArb, (cfg, steps) => {
        const { world: w, issued } = simulate(buildWorld(cfg), steps);
        expect([...w.tickets.keys()].sort((a, b) => a - b)).toEqual([...issued].sort((a, b) => a - b));
        expect(new Set(issued).size).toBe(issued.length);
        for (const t of w.tickets.values()) expect(STATUSES).toContain(t.status);
        checkDesks(w);

        const pending = [...w.tickets.values()].filter((t) => t.status === 'waiting' || t.status === 'held').map((t) => t.id);
        const called = drain(w);
        expect([...called].sort((a, b) => a - b)).toEqual(pending.sort((a, b) => a - b));
        for (const t of w.tickets.values()) expect(['done', 'no_show', 'cancelled']).toContain(t.status);
        checkDesks(w);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('(c) FIFO within a class and field for tickets in the general queue', () => {
    fc.assert(
      fc.property(configArb, stepsArb, (cfg, steps) => {
        const { calls, moved } = simulate(buildWorld(cfg), steps);
        for (const { picked, waitingBefore } of calls) {
          if (picked.targetCounterId !== null) continue;
          // Whoever a counter takes from the general queue, nobody of the same class and field arrived before.
          const skipped = waitingBefore.filter(
            (t) => t.targetCounterId === null && t.fieldId === picked.fieldId && clsOf(t) === clsOf(picked) && before(t, picked),
          );
          expect(skipped.map((t) => t.id), `ticket ${picked.id} called before earlier arrivals`).toEqual([]);
        }
        // Literally: tickets never transferred or held are called in queuedAt order within a class and field.
        const seen = new Map<string, Ticket>();
        for (const { picked } of calls) {
          if (moved.has(picked.id)) continue;
          const key = `${picked.fieldId}/${clsOf(picked)}`;
          const last = seen.get(key);
          if (last) expect(before(last, picked), `ticket ${picked.id} called after later ticket ${last.id}`).toBe(true);
          seen.set(key, picked);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('(d) interleave ratio holds at every counter of a random world', () => {
    fc.assert(
      fc.property(configArb, stepsArb, (cfg, steps) => {
        const { calls } = simulate(buildWorld(cfg), steps);
        checkInterleave(calls, cfg.interleave);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('(f) numbers are unique per issuing field and service day, consecutive from the start number', () => {
    fc.assert(
      fc.property(configArb, stepsArb, (cfg, steps) => {
        const { world: w } = simulate(buildWorld(cfg), steps);
        const series = new Map<string, Ticket[]>();
        for (const t of w.tickets.values()) {
          const fieldId = w.issuedIn.get(t.id);
          const key = `${String(fieldId)}/${t.serviceDay}`;
          series.set(key, [...(series.get(key) ?? []), t]);
        }
        for (const [key, tickets] of series) {
          const field = w.fields.get(Number(key.split('/')[0]));
          if (!field) throw new Error(`ticket issued in unknown field ${key}`);
          const sorted = [...tickets].sort((a, b) => a.id - b.id);
          expect(sorted.map((t) => t.seq)).toEqual(sorted.map((_, i) => field.startNumber + i));
          expect(new Set(sorted.map((t) => t.number)).size).toBe(sorted.length);
          for (const t of sorted) {
            expect(t.number.startsWith(field.prefix)).toBe(true);
            expect(Number(t.number.slice(field.prefix.length))).toBe(t.seq);
            expect(t.number.length).toBeGreaterThanOrEqual(field.prefix.length + field.width);
          }
          if (field.dailyLimit !== null) expect(sorted.length).toBeLessThanOrEqual(field.dailyLimit);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
