import type { IssuedTicket } from '@luot/shared';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { counterFields, counters } from '../db/schema/index.ts';
import { addCounter, addField, addStaff, bearer, deviceToken, issue, login } from '../test-support/fixtures.ts';
import { startTestServer, TestClock, type TestServer } from '../test-support/test-app.ts';

/**
 * The wait estimate through a real SQLite file and the ticket route. No visit has ended today or before in
 * these centers, so every citizen is expected to take the 8-minute default and counters no gap between visits.
 */
let server: TestServer;
let kiosk: string;
let fieldA: number;
let fieldB: number;

/** Local time in Ha Noi on a day of November 2026, as a clock reading. */
const at = (day: number, hhmm: string) => Date.parse(`2026-11-${day}T${hhmm}:00+07:00`);

beforeEach(async () => {
  server = await startTestServer({ clock: new TestClock(at(23, '08:00')) });
  fieldA = addField(server, { code: 'a', prefix: 'A' });
  fieldB = addField(server, { code: 'b', prefix: 'B' });
  kiosk = deviceToken(server, 'kiosk');
});
afterEach(async () => server.dispose());

interface Staffed {
  id: number;
  /** Signs the officer in again and back to the counter (a session lasts one working day). */
  signIn: () => Promise<void>;
  act: (action: string, payload?: object) => Promise<void>;
}

/** A counter serving the fields in this order, with its officer signed in to it. */
async function staffed(number: number, fieldIds: number[]): Promise<Staffed> {
  const id = addCounter(server, number, fieldIds);
  await addStaff(server, `officer${number}`, 'officer');
  let token = '';
  const signIn = async () => {
    token = await login(server, `officer${number}`);
    await server.app.inject({ method: 'POST', url: `/api/counters/${id}/join`, headers: bearer(token) });
  };
  await signIn();
  return {
    id,
    signIn,
    async act(action, payload) {
      const res = await server.app.inject({ method: 'POST', url: `/api/counters/${id}/${action}`, headers: bearer(token), ...(payload ? { payload } : {}) });
      expect(res.statusCode, res.body).toBe(200);
    },
  };
}

async function take(fieldId: number, priority: string | null = null): Promise<IssuedTicket> {
  const res = await issue(server, kiosk, fieldId, priority ? { priority } : {});
  expect(res.statusCode, res.body).toBe(201);
  return res.json<IssuedTicket>();
}

async function waitingIn(fieldId: number, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await take(fieldId);
}

describe('people ahead', () => {
  it('counts those queued before the ticket, not after it, on the phone as at the kiosk', async () => {
    await staffed(1, [fieldA]);
    const tickets = [await take(fieldA), await take(fieldA), await take(fieldA), await take(fieldA)];
    // One free counter: the first citizen at once, then one every 8 minutes.
    expect(tickets.map((t) => t.estimatedWaitMinutes)).toEqual([0, 8, 16, 24]);
    const second = tickets[1];
    const res = await server.app.inject({ method: 'GET', url: `/api/track/${second?.trackingCode ?? ''}` });
    expect(res.json<{ peopleAhead: number; estimatedWaitMinutes: number }>()).toMatchObject({ peopleAhead: 1, estimatedWaitMinutes: 8 });
  });
});

describe('counters shared between fields', () => {
  it('counts a counter that serves another field first only while that field’s queue can empty', async () => {
    await staffed(1, [fieldA, fieldB]);
    await staffed(2, [fieldB, fieldA]);
    await waitingIn(fieldA, 3);
    // B is empty, so counter 2 helps A: two free counters take the three ahead at 0, 0 and 8 min; then this one.
    expect((await take(fieldA)).estimatedWaitMinutes).toBe(8);
    // Four citizens came for B in the last half hour: at 8 minutes each, more than counter 2 can keep up with,
    // so it is not expected to turn to A at all and counter 1 takes the four ahead alone.
    await waitingIn(fieldB, 4);
    expect((await take(fieldA)).estimatedWaitMinutes).toBe(32);
  });

  it('gives a weighted counter’s calls to the field in proportion to its weight among fields with people waiting', async () => {
    const one = await staffed(1, [fieldA, fieldB]);
    const two = await staffed(2, [fieldA, fieldB]);
    for (const c of [one, two]) server.store.db.update(counters).set({ policy: 'weights' }).where(eq(counters.id, c.id)).run();
    await waitingIn(fieldA, 3);
    expect((await take(fieldA)).estimatedWaitMinutes).toBe(8);
    // With B waiting too, each counter calls A every other time: every 16 minutes.
    await take(fieldB);
    const fifth = await take(fieldA); // 4 ahead: at 0, 0, 16, 16; this one at 32
    expect(fifth.peopleAhead).toBe(4);
    expect(fifth.estimatedWaitMinutes).toBe(32);
    // Weight 3 : 1 for A: three calls in four go to A.
    server.store.db.update(counterFields).set({ weight: 3 }).where(eq(counterFields.fieldId, fieldA)).run();
    server.clock.advance(1);
    expect((await take(fieldA)).estimatedWaitMinutes).toBe(21); // 5 ahead: 0, 0, 10.7, 10.7, 21.3, 21.3
  });
});

describe('visits under way and the citizen’s class', () => {
  it('counts what is left of the visit at the desk: 6 minutes into an expected 8 leaves 2', async () => {
    const one = await staffed(1, [fieldA]);
    await take(fieldA);
    await one.act('call-next');
    await one.act('start');
    server.clock.advance(6);
    expect((await take(fieldA)).estimatedWaitMinutes).toBe(2);
    expect((await take(fieldA)).estimatedWaitMinutes).toBe(10); // 2, then 8 for the one ahead
    // A visit that has run past its expected 8 minutes is given a quarter of them more.
    server.clock.advance(4);
    expect((await take(fieldA)).estimatedWaitMinutes).toBe(18); // 2 + 8 + 8
  });

  it('a priority citizen waits only for priority citizens ahead; a normal one for everyone', async () => {
    const one = await staffed(1, [fieldA]);
    await take(fieldA);
    await one.act('call-next');
    server.clock.advance(6);
    await waitingIn(fieldA, 4);
    const elderly = await take(fieldA, 'elderly');
    // Told as the engine calls: no priority citizen is ahead, so nobody is (not the four normal ones).
    expect(elderly.peopleAhead).toBe(0);
    expect(elderly.estimatedWaitMinutes).toBe(2); // called as soon as the counter is free
    // The normal citizen after them has five ahead, the priority one included: 2 + 5 × 8.
    const normal = await take(fieldA);
    expect(normal.peopleAhead).toBe(5);
    expect(normal.estimatedWaitMinutes).toBe(42);
    // A second priority citizen: one priority ahead, and with others waiting a counter gives priority one call in
    // three (the interleave), so 2 + 3 × 8.
    const pregnant = await take(fieldA, 'pregnancy');
    expect(pregnant).toMatchObject({ peopleAhead: 1, estimatedWaitMinutes: 26 });
  });
});

describe('minutes per citizen', () => {
  /** `n` citizens served one after another, `minutes` each, the next called `gap` minutes after a visit ends. */
  async function serve(counter: Staffed, n: number, minutes: number, gap: number) {
    await waitingIn(fieldA, n);
    for (let i = 0; i < n; i++) {
      await counter.act('call-next');
      server.clock.advance(minutes);
      await counter.act('finish', {});
      server.clock.advance(gap);
    }
  }

  it('takes today’s visits steadied by the earlier days’ mean (as 20 visits), plus the counters’ gap between visits', async () => {
    server.clock.ms = at(20, '08:00');
    const one = await staffed(1, [fieldA]);
    await serve(one, 5, 4, 1); // Friday: 4-minute visits
    server.clock.ms = at(23, '08:00');
    await one.signIn();
    await serve(one, 6, 10, 0.5); // Monday: 10-minute visits, the next call half a minute after each
    await waitingIn(fieldA, 2);
    // Mean (6 × 10 + 20 × 4) ÷ 26 = 5.38, plus the 0.5 gap: the idle counter takes the two ahead at 0 and 5.9.
    expect((await take(fieldA)).estimatedWaitMinutes).toBe(12);
  });
});

describe('lunch and pauses', () => {
  async function lunchOnFriday() {
    server.clock.ms = at(20, '07:30');
    const one = await staffed(1, [fieldA]);
    server.clock.ms = at(20, '11:30');
    await one.act('pause', { reason: 'Nghỉ trưa' });
    server.clock.ms = at(20, '13:00');
    await one.act('resume');
    server.clock.ms = at(20, '17:00');
    await one.act('close');
    return one;
  }

  it('expects a counter to take the lunch break it took on its last working day', async () => {
    const one = await lunchOnFriday();
    server.clock.ms = at(23, '07:30');
    await one.signIn();
    await one.act('open');
    server.clock.ms = at(23, '11:20');
    await waitingIn(fieldA, 2);
    // Turns at 11:20 and 11:28; the next would start at 11:36, during its lunch, so it comes at 13:00.
    expect((await take(fieldA)).estimatedWaitMinutes).toBe(100);
    // At 12:00, paused for lunch, it is expected back at 13:00 rather than nobody knowing.
    server.clock.ms = at(23, '11:40');
    await one.act('pause', { reason: 'Nghỉ trưa' });
    server.clock.ms = at(23, '12:00');
    expect((await take(fieldA)).estimatedWaitMinutes).toBe(60 + 3 * 8); // three ahead
  });

  it('has no estimate when the only counter is paused outside its lunch, and none without a lunch habit', async () => {
    const one = await staffed(1, [fieldA]);
    await take(fieldA);
    await one.act('pause', { reason: 'Họp' });
    expect((await take(fieldA)).estimatedWaitMinutes).toBeNull();
    server.clock.ms = at(23, '12:00');
    expect((await take(fieldA)).estimatedWaitMinutes).toBeNull();
  });
});

describe('Decree 107 priority counters (#17)', () => {
  const mode = (id: number, priorityMode: 'priority_only' | 'priority_then_normal') => server.store.db.update(counters).set({ priorityMode }).where(eq(counters.id, id)).run();

  it('a strictly priority-only counter is no turn of a normal citizen’s, and takes a priority citizen at once', async () => {
    await staffed(1, [fieldA]);
    const two = await staffed(2, [fieldA]);
    mode(two.id, 'priority_only');
    // Only counter 1 calls normal citizens: one every 8 minutes (counting counter 2 said 0, 0, 8, 8).
    const normal = [await take(fieldA), await take(fieldA), await take(fieldA), await take(fieldA)];
    expect(normal.map((t) => t.estimatedWaitMinutes)).toEqual([0, 8, 16, 24]);
    const elderly = await take(fieldA, 'elderly');
    expect(elderly.estimatedWaitMinutes).toBe(0);
  });

  it('a priority-first counter gives a priority citizen every call, not the interleave’s share', async () => {
    const one = await staffed(1, [fieldA]);
    await waitingIn(fieldA, 3);
    await take(fieldA, 'elderly');
    await take(fieldA, 'elderly');
    // A mixed counter, normal citizens waiting too: priority gets 1 call in 3, every 24 minutes; two ahead → 48.
    expect((await take(fieldA, 'elderly')).estimatedWaitMinutes).toBe(48);
    mode(one.id, 'priority_then_normal');
    // The same counter calling priority first: every 8 minutes; three ahead now → 24.
    expect((await take(fieldA, 'elderly')).estimatedWaitMinutes).toBe(24);
  });
});
