import type { DomainEvent, Ticket } from './types.ts';

/** Change to one field's day tallies implied by a decision. */
export interface FieldDayDelta {
  fieldId: number;
  serviceDay: string;
  issued: number;
  waiting: number;
  lastSeq: number | null;
}

/**
 * How a decision moves the per-field counters: a ticket leaving `waiting` counts down where it was,
 * a ticket entering `waiting` counts up where it now is (a transfer may change its field), and an
 * issue also counts as issued and advances the field's last sequence.
 */
export function fieldDayDeltas(events: readonly DomainEvent[], tickets: readonly Ticket[]): FieldDayDelta[] {
  const byKey = new Map<string, FieldDayDelta>();
  const at = (fieldId: number, serviceDay: string) => {
    const key = `${fieldId}|${serviceDay}`;
    let d = byKey.get(key);
    if (!d) {
      d = { fieldId, serviceDay, issued: 0, waiting: 0, lastSeq: null };
      byKey.set(key, d);
    }
    return d;
  };
  for (const e of events) {
    if (e.ticketId === null || e.fieldId === null) continue;
    const ticket = tickets.find((t) => t.id === e.ticketId);
    if (!ticket) continue;
    const fieldBefore = e.type === 'transferred' ? e.data.fromFieldId : e.fieldId;
    if (e.from === 'waiting') at(fieldBefore, ticket.serviceDay).waiting -= 1;
    if (e.to === 'waiting') at(e.fieldId, ticket.serviceDay).waiting += 1;
    if (e.type === 'issued') {
      const d = at(e.fieldId, ticket.serviceDay);
      d.issued += 1;
      d.lastSeq = Math.max(d.lastSeq ?? ticket.seq, ticket.seq);
    }
  }
  return [...byKey.values()].filter((d) => d.issued !== 0 || d.waiting !== 0 || d.lastSeq !== null);
}
