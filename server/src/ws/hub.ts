import type { ServerMessage, StreamName } from '@luot/shared';
import type { Published, Publisher, StreamListener, StreamTaps } from '../services/publisher.ts';

/** The small part of a WebSocket the hub needs; real sockets from `ws` fit it, and so do in-process listeners. */
export type HubSocket = StreamListener;

const OPEN = 1;

interface Stream {
  seq: number;
  clients: Set<HubSocket>;
}

/**
 * Topics with a sequence number each. A delta is serialized once per stream, not once per client,
 * so a call reaches two hundred screens for the price of one JSON.stringify.
 */
export class Hub implements Publisher, StreamTaps {
  private readonly streams = new Map<string, Stream>();
  /** What each connection is (kiosk, hall_board, counter_display, staff_console), for the metrics. */
  private readonly labels = new WeakMap<HubSocket, string>();

  private stream(name: StreamName): Stream {
    let s = this.streams.get(name);
    if (!s) {
      s = { seq: 0, clients: new Set() };
      this.streams.set(name, s);
    }
    return s;
  }

  seq(name: StreamName): number {
    return this.stream(name).seq;
  }

  subscribe(socket: HubSocket, name: StreamName): void {
    this.stream(name).clients.add(socket);
  }

  unsubscribeAll(socket: HubSocket): void {
    for (const s of this.streams.values()) s.clients.delete(socket);
  }

  publish(name: StreamName, change: Published): void {
    const s = this.stream(name);
    s.seq += 1;
    // The sequence advances even with nobody listening, so a later subscriber's snapshot carries it.
    if (s.clients.size === 0) return;
    const message: ServerMessage = { type: 'delta', stream: name, seq: s.seq, change };
    const text = JSON.stringify(message);
    for (const client of s.clients) if (client.readyState === OPEN) client.send(text);
  }

  label(socket: HubSocket, kind: string): void {
    this.labels.set(socket, kind);
  }

  /** Connected clients by what they are. */
  countByLabel(): Map<string, number> {
    const all = new Set<HubSocket>();
    for (const s of this.streams.values()) for (const c of s.clients) all.add(c);
    const counts = new Map<string, number>();
    for (const c of all) {
      const kind = this.labels.get(c) ?? 'unknown';
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
    }
    return counts;
  }

  clientCount(): number {
    const all = new Set<HubSocket>();
    for (const s of this.streams.values()) for (const c of s.clients) all.add(c);
    return all.size;
  }
}
