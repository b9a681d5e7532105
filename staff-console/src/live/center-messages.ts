import { Alert, CallView, CenterSnapshot, CounterView, FieldView, TicketView, type Change } from '@luot/shared';
import { isInteger, isRecord, type LiveReader } from '@luot/shared/ui';
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

/** What the console keeps from a welcome: the counter this session is seated at, as the server saw it at hello. */
export interface CenterWelcome {
  counterId: number | null;
}

/**
 * The parts of /ws frames the console acts on: only the `center` stream. Each part of a delta is checked on its
 * own, so a server that adds an alert kind does not make the console deaf to what it still understands.
 */
export const centerReader: LiveReader<CenterWelcome, CenterSnapshot, CenterChange> = {
  welcome: (frame) => {
    const identity = isRecord(frame.identity) ? frame.identity : {};
    return { counterId: isInteger(identity.counterId) ? identity.counterId : null };
  },
  snapshot: (stream, data): data is CenterSnapshot => stream === 'center' && Value.Check(CenterSnapshot, data),
  delta: (stream, change) => (stream === 'center' ? readChange(change) : null),
};

const Tickets = Type.Array(TicketView);
const Counters = Type.Array(CounterView);
const Fields = Type.Array(FieldView);

/** A delta's change, or `broken` for one the console cannot trust, answered with a resync. */
function readChange(change: unknown): CenterChange | 'broken' {
  if (!isRecord(change)) return 'broken';
  const { tickets = [], counters = [], fields = [] } = change;
  // Queue and counters must stay whole: a part that fails its schema means a fresh snapshot, not a guess.
  if (!Value.Check(Tickets, tickets) || !Value.Check(Counters, counters) || !Value.Check(Fields, fields)) return 'broken';
  return {
    cause: typeof change.cause === 'string' ? change.cause : '',
    tickets,
    counters,
    fields,
    call: Value.Check(CallView, change.call) ? change.call : null,
    // An alert of a kind this console does not know is skipped; the rest of the delta still applies.
    alert: Value.Check(Alert, change.alert) ? change.alert : null,
  };
}
