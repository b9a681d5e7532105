/**
 * The frames of /ws (shared/src/ws.ts) a live client acts on. The envelope (type, stream, seq, heartbeat,
 * ping) is read here; what a welcome, a snapshot and a change mean is read by each app's LiveReader.
 * `broken`: a delta the app cannot trust, answered with a resync.
 */
export type LiveFrame<W, S, D> =
  | { type: 'welcome'; heartbeatMs: number | null; serverTime: number | null; welcome: W }
  | { type: 'snapshot'; stream: string; seq: number; data: S }
  | { type: 'delta'; stream: string; seq: number; change: D }
  | { type: 'broken'; stream: string; seq: number }
  | { type: 'ping'; t: number };

/** What differs between the apps: which streams they follow and how far they trust each part of a frame. */
export interface LiveReader<W, S, D extends object> {
  /** What the app keeps from a welcome; null ignores a welcome it cannot trust. */
  welcome(frame: Record<string, unknown>): W | null;
  /** True for a snapshot of a stream the app follows, with data it can use. */
  snapshot(stream: string, data: unknown): data is S;
  /** A delta's change as the app uses it; null ignores the frame, `broken` asks for a fresh snapshot. */
  delta(stream: string, change: unknown): D | 'broken' | null;
}

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
export const isInteger = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);

/**
 * Reads one frame, or null for anything the app does not need or cannot trust. Each frame is checked on its
 * own rather than against the whole ServerMessage union: a server that adds a stream or a message type (as
 * `device:<id>` was added) must not make a client deaf to the streams it still understands.
 */
export function readLiveFrame<W, S, D extends object>(text: unknown, reader: LiveReader<W, S, D>): LiveFrame<W, S, D> | null {
  let message: unknown;
  try {
    message = typeof text === 'string' ? JSON.parse(text) : null;
  } catch {
    return null;
  }
  if (!isRecord(message)) return null;
  switch (message.type) {
    case 'welcome': {
      const welcome = reader.welcome(message);
      if (welcome === null) return null;
      // The server's time at once, so timers count in server time before the first heartbeat arrives.
      const serverTime = typeof message.serverTime === 'string' ? Date.parse(message.serverTime) : Number.NaN;
      return {
        type: 'welcome',
        heartbeatMs: isInteger(message.heartbeatMs) && message.heartbeatMs > 0 ? message.heartbeatMs : null,
        serverTime: Number.isNaN(serverTime) ? null : serverTime,
        welcome,
      };
    }
    case 'snapshot': {
      const { stream, seq, data } = message;
      if (typeof stream !== 'string' || !isInteger(seq) || !reader.snapshot(stream, data)) return null;
      return { type: 'snapshot', stream, seq, data };
    }
    case 'delta': {
      const { stream, seq } = message;
      if (typeof stream !== 'string' || !isInteger(seq)) return null;
      const change = reader.delta(stream, message.change);
      if (change === null) return null;
      return change === 'broken' ? { type: 'broken', stream, seq } : { type: 'delta', stream, seq, change };
    }
    case 'ping':
      return typeof message.t === 'number' ? { type: 'ping', t: message.t } : null;
    default:
      // 'error' frames come just before a close code that says all a client needs; other types are not for it.
      return null;
  }
}
