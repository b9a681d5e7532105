import type { StreamListener, StreamTaps } from '../services/publisher.ts';

interface Waiter {
  ticketId: number;
  fieldId: number;
  wake: () => void;
}

/**
 * Wakes long-polling tracking pages when their ticket or its field changes. It listens to the staff `center`
 * stream as one more (in-process) subscriber, so the queue service and the announcer need no change and a
 * phone learns of a call as fast as a counter screen does.
 */
export function createTrackWatch(hub: StreamTaps) {
  const waiters = new Set<Waiter>();
  const tap: StreamListener = {
    readyState: 1,
    send(text: string) {
      if (waiters.size === 0) return;
      const touched = touchedBy(text);
      for (const w of waiters) if (touched.tickets.has(w.ticketId) || touched.fields.has(w.fieldId)) w.wake();
    },
  };
  // Subscribed only while some page waits, so an idle server has no extra stream client.
  const release = (w: Waiter) => {
    waiters.delete(w);
    if (waiters.size === 0) hub.unsubscribeAll(tap);
  };

  return {
    /** Resolves on a change to the ticket or its field, after `ms`, or when `signal` aborts. */
    wait(ticketId: number, fieldId: number, ms: number, signal?: AbortSignal): Promise<void> {
      return new Promise((resolve) => {
        const waiter: Waiter = { ticketId, fieldId, wake: () => done() };
        const timer = setTimeout(() => done(), ms);
        const done = () => {
          clearTimeout(timer);
          release(waiter);
          signal?.removeEventListener('abort', done);
          resolve();
        };
        signal?.addEventListener('abort', done);
        if (waiters.size === 0) hub.subscribe(tap, 'center');
        waiters.add(waiter);
      });
    },
    close(): void {
      for (const w of [...waiters]) w.wake();
      hub.unsubscribeAll(tap);
    },
    get waiting(): number {
      return waiters.size;
    },
  };
}

export type TrackWatch = ReturnType<typeof createTrackWatch>;

function touchedBy(text: string): { tickets: Set<number>; fields: Set<number> } {
  const tickets = new Set<number>();
  const fields = new Set<number>();
  try {
    const message = JSON.parse(text) as { change?: { tickets?: { id: number; fieldId: number }[]; fields?: { id: number }[] } };
    for (const t of message.change?.tickets ?? []) {
      tickets.add(t.id);
      fields.add(t.fieldId);
    }
    for (const f of message.change?.fields ?? []) fields.add(f.id);
  } catch {
    // The hub only sends JSON it produced; nothing to wake on anything else.
  }
  return { tickets, fields };
}
