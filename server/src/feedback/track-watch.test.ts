import { describe, expect, it } from 'vitest';
import { Hub } from '../ws/hub.ts';
import { createTrackWatch } from './track-watch.ts';

describe('track watch', () => {
  it('wakes a waiter on a change to its ticket or field only, and lets go on timeout', async () => {
    const hub = new Hub();
    const watch = createTrackWatch(hub);
    let woke = false;
    const waiting = watch.wait(7, 2, 5_000).then(() => (woke = true));
    hub.publish('center', { cause: 'issued', tickets: [], fields: [{ id: 3 } as never] });
    await new Promise((r) => setTimeout(r, 10));
    expect(woke).toBe(false);
    hub.publish('center', { cause: 'called', tickets: [{ id: 7, fieldId: 2 } as never] });
    await waiting;
    expect(woke).toBe(true);
    expect(watch.waiting).toBe(0);
    expect(hub.clientCount()).toBe(0);
    const start = Date.now();
    await watch.wait(8, 9, 30);
    expect(Date.now() - start).toBeGreaterThanOrEqual(25);
    watch.close();
  });
});
