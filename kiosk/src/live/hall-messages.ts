import { Change, HallSnapshot } from '@luot/shared';
import { Value } from 'typebox/value';

/** The frames of /ws the kiosk acts on, each checked against its schema in @luot/shared. */
export type HallMessage =
  | { type: 'welcome'; heartbeatMs: number | null }
  | { type: 'snapshot'; seq: number; data: HallSnapshot }
  | { type: 'delta'; seq: number; change: Change }
  | { type: 'ping'; t: number };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isInteger = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);

/**
 * Reads one frame, or null for anything the kiosk does not need or cannot trust. Each frame is checked on
 * its own rather than against the whole ServerMessage union: a server that adds a stream or a message
 * type (as `device:<id>` was added) must not make a kiosk deaf to the `hall` stream it still understands.
 */
export function readHallMessage(text: unknown): HallMessage | null {
  let message: unknown;
  try {
    message = typeof text === 'string' ? JSON.parse(text) : null;
  } catch {
    return null;
  }
  if (!isRecord(message)) return null;
  switch (message.type) {
    case 'welcome':
      return { type: 'welcome', heartbeatMs: isInteger(message.heartbeatMs) && message.heartbeatMs > 0 ? message.heartbeatMs : null };
    case 'snapshot':
      if (message.stream !== 'hall' || !isInteger(message.seq) || !Value.Check(HallSnapshot, message.data)) return null;
      return { type: 'snapshot', seq: message.seq, data: message.data };
    case 'delta':
      if (message.stream !== 'hall' || !isInteger(message.seq) || !Value.Check(Change, message.change)) return null;
      return { type: 'delta', seq: message.seq, change: message.change };
    case 'ping':
      return typeof message.t === 'number' ? { type: 'ping', t: message.t } : null;
    default:
      // 'error' frames come before a close code that says all the kiosk needs; other types are not for it.
      return null;
  }
}
