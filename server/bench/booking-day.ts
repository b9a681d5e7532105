import { DomainError } from '../src/domain/errors.ts';
import { TestWorld, makeCounter, makeField } from '../src/test-support/test-world.ts';

/** Deterministic random numbers (mulberry32), so the benchmark's day is the same day every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MIN = 60_000;

/**
 * A ward center's day through the real engine: one field, three counters, ~8-minute visits (exponential, at least
 * two), 150 citizens between 07:30 and 16:30. A share of them book a 15-minute slot and arrive up to ten minutes
 * before it (checking in on time); the rest walk in at random. Counters call the next citizen the moment they are
 * free. Returns the mean hall wait (arrival → call) of each group, in minutes.
 */
export function simulateDay(options: { seed: number; bookedShare: number; citizens?: number }): { citizens: number; bookedWait: number; bookedFromSlot: number; walkInWait: number } {
  const rnd = random(options.seed);
  const citizens = options.citizens ?? 150;
  const w = new TestWorld({ fields: [makeField(1)], counters: [1, 2, 3].map((id) => makeCounter(id, [1])), rules: { bookedInterleave: { booked: 2, walkIn: 1 } } });
  const open = w.now - 30 * MIN; // TestWorld starts at 08:00; the day opens at 07:30
  w.now = open;
  const slots = 36; // 07:30 … 16:15
  const people = Array.from({ length: citizens }, () => {
    const booked = rnd() < options.bookedShare;
    const slotAt = booked ? open + Math.floor(rnd() * slots) * 15 * MIN : null;
    const arrival = slotAt === null ? open + rnd() * 540 * MIN : Math.max(open, slotAt - rnd() * 10 * MIN);
    return { booked, slotAt, arrival, ticketId: 0, calledAt: 0 };
  }).sort((a, b) => a.arrival - b.arrival);
  const busyUntil = new Map<number, number>([1, 2, 3].map((c) => [c, open]));
  let next = 0;
  const byTicket = new Map<number, (typeof people)[number]>();
  for (let step = 0; step < 2000 && (next < people.length || [...byTicket.values()].some((p) => p.calledAt === 0)); step++) {
    while (next < people.length && (people[next]?.arrival ?? Infinity) <= w.now) {
      const p = people[next++];
      if (!p) break;
      const cmd = { ...w.issueCommand(1), ...(p.slotAt === null ? {} : { booked: { bookedFor: p.slotAt, queuedAt: w.now } }) };
      const t = w.apply(cmd).tickets[0];
      if (!t) throw new Error('no ticket');
      p.ticketId = t.id;
      byTicket.set(t.id, p);
    }
    for (const c of [1, 2, 3]) {
      if ((busyUntil.get(c) ?? 0) > w.now) continue;
      if (w.counter(c).currentTicketId !== null) w.apply({ kind: 'finish', counterId: c, dossierCode: null });
      const r = w.attempt({ kind: 'callNext', counterId: c });
      if (r instanceof DomainError) continue;
      const p = r.tickets[0] ? byTicket.get(r.tickets[0].id) : undefined;
      if (p) p.calledAt = w.now;
      busyUntil.set(c, w.now + Math.max(2, -Math.log(1 - rnd()) * 8) * MIN);
    }
    w.now += 30_000;
  }
  const mean = (xs: number[]) => (xs.length === 0 ? NaN : xs.reduce((a, b) => a + b, 0) / xs.length);
  const waits = (booked: boolean) => people.filter((p) => p.booked === booked && p.calledAt > 0).map((p) => (p.calledAt - p.arrival) / MIN);
  const fromSlot = people.filter((p) => p.booked && p.calledAt > 0).map((p) => Math.max(0, p.calledAt - (p.slotAt ?? p.arrival)) / MIN);
  return { citizens, bookedWait: mean(waits(true)), bookedFromSlot: mean(fromSlot), walkInWait: mean(waits(false)) };
}
