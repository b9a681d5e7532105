import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveReader } from './live-frames.ts';
import { CLOSE_TOKEN_EXPIRED, CLOSE_UNAUTHENTICATED, LiveSocket, type LiveHandlers, type LiveTiming } from './live-socket.ts';

/** Just enough of a browser WebSocket to drive LiveSocket by hand. */
class FakeSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly all: FakeSocket[] = [];
  readyState = FakeSocket.CONNECTING;
  sent: unknown[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number }) => void) | null = null;

  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  open(): void {
    this.readyState = FakeSocket.OPEN;
    this.onopen?.();
  }
  frame(message: unknown): void {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  send(text: string): void {
    this.sent.push(JSON.parse(text));
  }
  close(): void {
    this.readyState = 3;
  }
  serverClose(code: number): void {
    this.readyState = 3;
    this.onclose?.({ code });
  }
}

const reader: LiveReader<true, { n: number }, { n: number }> = {
  welcome: () => true,
  snapshot: (stream, data): data is { n: number } => stream === 'hall' && typeof (data as { n?: unknown } | null)?.n === 'number',
  delta: (stream, change) => (stream !== 'hall' ? null : typeof (change as { n?: unknown } | null)?.n === 'number' ? (change as { n: number }) : 'broken'),
};

function start(timing?: Partial<LiveTiming>) {
  const calls: string[] = [];
  const handlers: LiveHandlers<true, { n: number }, { n: number }> = {
    link: (state) => calls.push(`link ${state}`),
    welcome: () => calls.push('welcome'),
    snapshot: (stream, data) => calls.push(`snapshot ${stream} ${data.n}`),
    delta: (stream, change) => calls.push(`delta ${stream} ${change.n}`),
    serverOffset: (offsetMs) => calls.push(`offset ${offsetMs}`),
    refused: (code) => calls.push(`refused ${code}`),
  };
  const socket = new LiveSocket({ token: 't', reader, refusedBy: [CLOSE_UNAUTHENTICATED, CLOSE_TOKEN_EXPIRED], closeReason: 'test', timing }, handlers);
  return { socket, calls, last: () => FakeSocket.all.at(-1)! };
}

function online(ws: FakeSocket): void {
  ws.open();
  ws.frame({ type: 'welcome', heartbeatMs: 15_000 });
  ws.frame({ type: 'snapshot', stream: 'hall', seq: 5, data: { n: 0 } });
}

beforeEach(() => {
  vi.useFakeTimers();
  FakeSocket.all.length = 0;
  vi.stubGlobal('WebSocket', FakeSocket);
  vi.stubGlobal('window', { setTimeout, clearTimeout, setInterval, clearInterval, location: { protocol: 'http:', host: 'luot.local' } });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('LiveSocket', () => {
  it('counts in server time from the welcome, before the first heartbeat', () => {
    vi.setSystemTime(Date.parse('2026-12-03T09:00:00.000Z'));
    const { calls, last } = start();
    last().open();
    last().frame({ type: 'welcome', heartbeatMs: 15_000, serverTime: '2026-11-23T02:00:00.000Z' });
    expect(calls).toContain(`offset ${Date.parse('2026-11-23T02:00:00.000Z') - Date.parse('2026-12-03T09:00:00.000Z')}`);
  });

  it('says hello, then passes the snapshot and the deltas in order', () => {
    const { calls, last } = start();
    const ws = last();
    online(ws);
    ws.frame({ type: 'delta', stream: 'hall', seq: 6, change: { n: 1 } });
    ws.frame({ type: 'delta', stream: 'hall', seq: 6, change: { n: 1 } });
    expect(ws.url).toBe('ws://luot.local/ws');
    expect(ws.sent[0]).toMatchObject({ type: 'hello', token: 't' });
    expect(calls).toEqual(['welcome', 'link online', 'snapshot hall 0', 'delta hall 1']);
  });

  it('asks for a snapshot after a gap or a broken delta, and ignores deltas until it comes', () => {
    const { calls, last } = start();
    const ws = last();
    online(ws);
    ws.frame({ type: 'delta', stream: 'hall', seq: 7, change: { n: 2 } });
    ws.frame({ type: 'delta', stream: 'hall', seq: 8, change: { n: 3 } });
    ws.frame({ type: 'snapshot', stream: 'hall', seq: 8, data: { n: 3 } });
    ws.frame({ type: 'delta', stream: 'hall', seq: 9, change: 'garbled' });
    expect(ws.sent.filter((m) => (m as { type: string }).type === 'resync')).toEqual([
      { type: 'resync', stream: 'hall' },
      { type: 'resync', stream: 'hall' },
    ]);
    expect(calls.filter((c) => c.startsWith('delta'))).toEqual([]);
  });

  it('with `reconnects` grace: a failed first connect is lost at once, a drop after a welcome only past the grace period', () => {
    const { calls, last } = start();
    last().serverClose(1006);
    expect(calls).toEqual(['link lost']);
    vi.advanceTimersByTime(600);
    online(last());
    last().serverClose(1006);
    vi.advanceTimersByTime(1_400);
    expect(calls.at(-1)).toBe('snapshot hall 0');
    vi.advanceTimersByTime(200);
    expect(calls.at(-1)).toBe('link lost');
  });

  it('with `every-gap` grace: lost once the first connect has taken longer than the grace period', () => {
    const { calls, last } = start({ grace: 'every-gap', lostAfterMs: 1_000, firstRetryMs: 300 });
    last().serverClose(1006);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(1_000);
    expect(calls).toEqual(['link lost']);
  });

  it('does not reconnect with a refused token', () => {
    const { calls, last } = start();
    online(last());
    last().serverClose(CLOSE_TOKEN_EXPIRED);
    vi.advanceTimersByTime(10_000);
    expect(calls.at(-1)).toBe('refused DEVICE_TOKEN_EXPIRED');
    expect(FakeSocket.all).toHaveLength(1);
  });

  it('drops a socket gone silent past two heartbeats and reconnects', () => {
    const { last } = start();
    online(last());
    vi.advanceTimersByTime(41_000);
    expect(FakeSocket.all.length).toBeGreaterThan(1);
  });
});
