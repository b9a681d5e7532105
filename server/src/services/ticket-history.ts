import { ratingReasonCodes, type RatingReason, type TicketEvent, type TicketEventKind, type TicketHistory } from '@luot/shared';
import { historyRepo, type HistoryRow } from '../db/repositories/history-repo.ts';
import { ticketView } from '../db/repositories/views-repo.ts';
import type { OpenDb } from '../db/open-db.ts';

const kinds: readonly string[] = ['issued', 'called', 'recalled', 'serving', 'done', 'no_show', 'held', 'returned', 'transferred', 'cancelled', 'expired'];

/**
 * What a person may type for a number: “B023”, “b23”, “B 23”, “1023”. Case, spaces and leading zeros do not
 * matter; the printed number is matched with its series' widths (1 to 5 digits), so “b23” finds B023.
 */
export function numberCandidates(query: string): string[] {
  const typed = query.normalize('NFC').replace(/\s+/g, '').toUpperCase();
  if (typed === '') return [];
  const out = new Set([typed]);
  const m = /^(\D*)(\d+)$/.exec(typed);
  if (m) {
    const prefix = m[1] ?? '';
    const n = Number(m[2]);
    for (let width = 1; width <= 5; width++) {
      const digits = String(n).padStart(width, '0');
      if (digits.length === width) out.add(`${prefix}${digits}`);
    }
  }
  return [...out];
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : null);
const int = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) ? v : null);

/** The tickets of `serviceDay` numbered like `query`, each with its events in words-ready form, oldest first. */
export function ticketHistory(store: OpenDb, serviceDay: string, query: string): TicketHistory[] {
  const { db } = store;
  const found = historyRepo.ticketsByNumber(db, serviceDay, numberCandidates(query));
  if (found.length === 0) return [];
  const counterNumber = historyRepo.counterNumbers(db);
  return found.map((ticket) => {
    const events = historyRepo.events(db, ticket.id).filter((r) => kinds.includes(r.type)).map((r) => eventOf(r, counterNumber));
    const rating = historyRepo.rating(db, ticket.id);
    if (rating) {
      const reasons = rating.reasons.filter((r): r is RatingReason => (ratingReasonCodes as readonly string[]).includes(r));
      events.push({ ...blank(rating.at, 'rated'), counterNumber: rating.counterId === null ? null : (counterNumber.get(rating.counterId) ?? null), score: rating.score, source: rating.source, reasons });
    }
    return { ticket: ticketView(ticket), events };
  });
}

function blank(at: number, kind: TicketEventKind): TicketEvent {
  return {
    at: new Date(at).toISOString(),
    kind,
    counterNumber: null,
    by: null,
    byDevice: false,
    fieldId: null,
    fromFieldId: null,
    toCounterNumber: null,
    note: null,
    dossierCode: null,
    recalls: null,
    auto: false,
    priority: null,
    score: null,
    source: null,
    reasons: [],
  };
}

function eventOf(row: HistoryRow, counterNumber: ReadonlyMap<number, number>): TicketEvent {
  const d = row.data;
  const event: TicketEvent = {
    ...blank(row.at, row.type as TicketEventKind),
    counterNumber: row.counterNumber,
    by: row.actorName ?? row.deviceName,
    byDevice: row.actorName === null && row.deviceName !== null,
  };
  switch (row.type) {
    case 'issued':
      return { ...event, fieldId: row.fieldId, priority: text(d.priority) };
    case 'recalled':
      return { ...event, recalls: int(d.recalls) };
    case 'done':
      return { ...event, dossierCode: text(d.dossierCode) };
    case 'no_show':
      return { ...event, auto: d.auto === true, recalls: int(d.recalls) };
    case 'held':
      return { ...event, note: text(d.note) };
    case 'transferred': {
      const toCounter = int(d.toCounterId);
      const toField = int(d.toFieldId);
      return {
        ...event,
        note: text(d.note),
        fieldId: toField,
        fromFieldId: toField === null ? null : int(d.fromFieldId),
        toCounterNumber: toCounter === null ? null : (counterNumber.get(toCounter) ?? null),
      };
    }
    case 'cancelled':
      return { ...event, note: text(d.reason) };
    default:
      return event;
  }
}

/** The history search as a service bound to one database, for the route. */
export function createTicketHistory(store: OpenDb) {
  return { find: (serviceDay: string, query: string) => ticketHistory(store, serviceDay, query) };
}

export type TicketHistoryService = ReturnType<typeof createTicketHistory>;
