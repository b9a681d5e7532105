import { afterEach, describe, expect, it, vi } from 'vitest';
import { Hub } from '../ws/hub.ts';
import { createTrackWatch } from './track-watch.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('track watch', () => {
  it('wakes a waiter on a change to its ticket or field only, and lets go on timeout', async () => {
    const hub = new Hub();
    const watch = createTrackWatch(hub);
    let woke = false;
    const waiting = watch.wait(7, 2, 5_000).then(() => (woke = true));
    // A second page waits on field 3: it wakes on the change below, so by then the first would have too.
    const other = watch.wait(99, 3, 5_000);
    hub.publish('center', { cause: 'issued', tickets: [], fields: [{ id: 3 } as never] });
    await other;
    expect(woke).toBe(false);
    hub.publish('center', { cause: 'called', tickets: [{ id: 7, fieldId: 2 } as never] });
    await waiting;
    expect(woke).toBe(true);
    expect(watch.waiting).toBe(0);
    expect(hub.clientCount()).toBe(0);
    // The time-out, on a clock the test moves: still waiting 1 ms before it, let go at it.
    vi.useFakeTimers();
    const start = Date.now();
    let timedOut = false;
    const timing = watch.wait(8, 9, 30).then(() => (timedOut = true));
    await vi.advanceTimersByTimeAsync(29);
    expect(timedOut).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await timing;
    expect(Date.now() - start).toBeGreaterThanOrEqual(25);
    expect(watch.waiting).toBe(0);
    watch.close();
  });
});
