import { Type, type Static } from 'typebox';
import { Id, ServiceDay, TicketView } from './domain.ts';
import { RatingReason, RatingSource } from './feedback.ts';

/**
 * A ticket's story, for a supervisor asked “where did B023 go?”: every event of the event log (and its rating),
 * with who and where already named, so the console words it without further requests.
 */
export const TicketEventKind = Type.Union([
  Type.Literal('issued'),
  Type.Literal('called'),
  Type.Literal('recalled'),
  Type.Literal('serving'),
  Type.Literal('done'),
  Type.Literal('no_show'),
  Type.Literal('held'),
  Type.Literal('returned'),
  Type.Literal('transferred'),
  Type.Literal('cancelled'),
  Type.Literal('expired'),
  Type.Literal('rated'),
]);
export type TicketEventKind = Static<typeof TicketEventKind>;

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const TicketEvent = Type.Object({
  at: Type.String({ format: 'date-time' }),
  kind: TicketEventKind,
  /** The counter where it happened (for a transfer: the counter it left). */
  counterNumber: Nullable(Type.Integer()),
  /** Who did it: the staff member's name, or the kiosk's name for a number taken there. */
  by: Nullable(Type.String()),
  byDevice: Type.Boolean({ description: 'true when `by` is a device (a kiosk), not a person' }),
  /** Issued: the field; transferred: the field it went to, when that changed. */
  fieldId: Nullable(Id),
  fromFieldId: Nullable(Id),
  toCounterNumber: Nullable(Type.Integer()),
  /** A transfer's or hold's note, a cancellation's reason. */
  note: Nullable(Type.String()),
  dossierCode: Nullable(Type.String()),
  /** Recalled: which recall this was; an automatic no-show: after how many. */
  recalls: Nullable(Type.Integer()),
  /** A no-show marked by the system after the allowed recalls, not by the officer. */
  auto: Type.Boolean(),
  priority: Nullable(Type.String({ description: 'issued: the priority category code' })),
  /** Rated: the answer (1 Rất hài lòng … 4 Không hài lòng), where and the reasons. */
  score: Nullable(Type.Integer()),
  source: Nullable(RatingSource),
  reasons: Type.Array(RatingReason),
});
export type TicketEvent = Static<typeof TicketEvent>;

export const TicketHistory = Type.Object({ ticket: TicketView, events: Type.Array(TicketEvent) });
export type TicketHistory = Static<typeof TicketHistory>;

export const TicketSearchQuery = Type.Object(
  {
    number: Type.String({ minLength: 1, maxLength: 16, description: 'e.g. B023, b23 or 1023; case and leading zeros do not matter' }),
    day: Type.Optional(ServiceDay),
  },
  { additionalProperties: false },
);
export type TicketSearchQuery = Static<typeof TicketSearchQuery>;

export const TicketSearchResult = Type.Object({
  serviceDay: ServiceDay,
  /** Usually one; a number repeats only when two fields share a prefix. */
  tickets: Type.Array(TicketHistory),
});
export type TicketSearchResult = Static<typeof TicketSearchResult>;
