import { Alert, CallView, CenterSnapshot, CounterView, FieldView, TicketView, type Change } from '@luot/shared';
import { Type } from 'typebox';
import { Value } from 'typebox/value';

/** The parts of a `center` delta the console uses, each checked on its own. */
export interface CenterChange {
  cause: string;
  tickets: TicketView[];
  counters: CounterView[];
  fields: FieldView[];
  call: Change['call'] | null;
  alert: Alert | null;
}

/** The frames of /ws the console acts on. `broken`: a delta it cannot trust, answered with a resync. */
export type CenterMessage =
  | { type: 'welcome'; heartbeatMs: number | null; counterId: number | null }
  | { type: 'snapshot'; seq: number; data: CenterSnapshot }
  | { type: 'delta'; seq: number; change: CenterChange }
  | { type: 'broken'; seq: number }
  | { type: 'ping'; t: number };

const Tickets = Type.Array(TicketView);
const Counters = Type.Array(CounterView);
const Fields = Type.Array(FieldView);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isInteger = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);

/**
 * Reads one frame, or null for anything the console does not need. Each frame, and each part of a delta,
 * is checked on its own rather than against the whole ServerMessage union, so a server that adds a stream,
 * a message type or an alert kind does not make the console deaf to what it still understands.
 */
export function readCenterMessage(text: unknown): CenterMessage | null {
  let message: unknown;
  try {
    message = typeof text === 'string' ? JSON.parse(text) : null;
  } catch {
    return null;
  }
  if (!isRecord(message)) return null;
  switch (message.type) {
    case 'welcome': {
      const identity = isRecord(message.identity) ? message.identity : {};
      return {
        type: 'welcome',
        heartbeatMs: isInteger(message.heartbeatMs) && message.heartbeatMs > 0 ? message.heartbeatMs : null,
        counterId: isInteger(identity.counterId) ? identity.counterId : null,
      };
    }
    case 'snapshot':
      if (message.stream !== 'center' || !isInteger(message.seq) || !Value.Check(CenterSnapshot, message.data)) return null;
      return { type: 'snapshot', seq: message.seq, data: message.data };
    case 'delta':
      if (message.stream !== 'center' || !isInteger(message.seq)) return null;
      return readDelta(message.seq, message.change);
    case 'ping':
      return typeof message.t === 'number' ? { type: 'ping', t: message.t } : null;
    default:
      return null;
  }
}

function readDelta(seq: number, change: unknown): CenterMessage {
  if (!isRecord(change)) return { type: 'broken', seq };
  const { tickets = [], counters = [], fields = [] } = change;
  // Queue and counters must stay whole: a part that fails its schema means a fresh snapshot, not a guess.
  if (!Value.Check(Tickets, tickets) || !Value.Check(Counters, counters) || !Value.Check(Fields, fields)) return { type: 'broken', seq };
  return {
    type: 'delta',
    seq,
    change: {
      cause: typeof change.cause === 'string' ? change.cause : '',
      tickets,
      counters,
      fields,
      call: Value.Check(CallView, change.call) ? change.call : null,
      // An alert of a kind this console does not know is skipped; the rest of the delta still applies.
      alert: Value.Check(Alert, change.alert) ? change.alert : null,
    },
  };
}
