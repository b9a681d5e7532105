import { Change, Identity } from '@luot/shared';
import { Value } from 'typebox/value';

/** The frames of /ws a screen acts on. Snapshot data is checked later, against its own stream's schema. */
export type DisplayMessage =
  | { type: 'welcome'; identity: Identity; streams: string[]; heartbeatMs: number | null }
  | { type: 'snapshot'; stream: string; seq: number; data: unknown }
  | { type: 'delta'; stream: string; seq: number; change: Change }
  | { type: 'ping'; t: number };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isInteger = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);
const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((s) => typeof s === 'string');

/**
 * Reads one frame, or null for anything the screen does not need or cannot trust. Each frame is checked on
 * its own, not against the whole ServerMessage union (shared/src/ws.ts): a server that adds a stream or a
 * message type must not make a board deaf to the streams it still understands.
 */
export function readDisplayMessage(text: unknown): DisplayMessage | null {
  let message: unknown;
  try {
    message = typeof text === 'string' ? JSON.parse(text) : null;
  } catch {
    return null;
  }
  if (!isRecord(message)) return null;
  switch (message.type) {
    case 'welcome':
      if (!Value.Check(Identity, message.identity) || !isStrings(message.streams)) return null;
      return {
        type: 'welcome',
        identity: message.identity,
        streams: message.streams,
        heartbeatMs: isInteger(message.heartbeatMs) && message.heartbeatMs > 0 ? message.heartbeatMs : null,
      };
    case 'snapshot':
      if (typeof message.stream !== 'string' || !isInteger(message.seq)) return null;
      return { type: 'snapshot', stream: message.stream, seq: message.seq, data: message.data };
    case 'delta':
      if (typeof message.stream !== 'string' || !isInteger(message.seq) || !Value.Check(Change, message.change)) return null;
      return { type: 'delta', stream: message.stream, seq: message.seq, change: message.change };
    case 'ping':
      return typeof message.t === 'number' ? { type: 'ping', t: message.t } : null;
    default:
      // 'error' frames come just before a close code that says all the screen needs; other types are not for it.
      return null;
  }
}
