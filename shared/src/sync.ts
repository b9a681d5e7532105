import { Type, type Static } from 'typebox';
import { CounterStatus, Id, PriorityMode, ServiceDay } from './domain.ts';
import { LiveAlert } from './admin.ts';

/**
 * The center → province hub link. A center streams its committed event log, its ratings and its configuration
 * to the hub in batches (an outbox read from a cursor: the hub's acknowledged position), and its live status
 * every few seconds. Nothing here names or identifies a citizen: events carry only ids, times, states and
 * numeric details; ratings only the score and reason codes.
 */
export const SYNC_PROTOCOL = 1;
/** Events or ratings in one batch at most; a center catching up sends several batches in a row. */
export const SYNC_MAX_ITEMS = 5000;

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Count = Type.Integer({ minimum: 0 });
const Millis = Type.Integer({ minimum: 0, description: 'epoch milliseconds' });
const Position = Type.Integer({ minimum: 0, description: 'an event or rating id of the center; 0 = before the first' });

export const SyncEventType = Type.Union([
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
  Type.Literal('counter_opened'),
  Type.Literal('counter_paused'),
  Type.Literal('counter_resumed'),
  Type.Literal('counter_closed'),
]);

/** One row of the center's event log. `data` keeps only numbers and booleans: free text (notes, reasons, dossier codes) stays home. */
export const SyncEvent = Type.Object(
  {
    id: Id,
    at: Millis,
    type: SyncEventType,
    ticketId: Nullable(Id),
    counterId: Nullable(Id),
    fieldId: Nullable(Id),
    fromStatus: Nullable(Type.String({ maxLength: 16 })),
    toStatus: Nullable(Type.String({ maxLength: 16 })),
    actorId: Nullable(Id),
    deviceId: Nullable(Id),
    data: Type.Record(Type.String({ maxLength: 32 }), Type.Union([Type.Number(), Type.Boolean()]), { maxProperties: 8 }),
    /** The ticket's service day and issue time, which every figure of a ticket event is measured from. */
    serviceDay: Nullable(ServiceDay),
    issuedAt: Nullable(Millis),
  },
  { additionalProperties: false },
);
export type SyncEvent = Static<typeof SyncEvent>;

export const SyncRating = Type.Object(
  {
    id: Id,
    ticketId: Id,
    counterId: Nullable(Id),
    officerId: Nullable(Id),
    fieldId: Id,
    serviceDay: ServiceDay,
    issuedAt: Millis,
    score: Type.Integer({ minimum: 1, maximum: 4 }),
    reasons: Type.Array(Type.String({ pattern: '^[a-z_]{1,32}$' }), { maxItems: 5 }),
    source: Type.Union([Type.Literal('counter'), Type.Literal('phone')]),
    at: Millis,
  },
  { additionalProperties: false },
);
export type SyncRating = Static<typeof SyncRating>;

const Text = Type.String({ maxLength: 300 });

/** The center's set-up as the hub labels and measures it: every field, counter and staff name, active or not. */
export const CenterConfigSnapshot = Type.Object(
  {
    name: Text,
    address: Text,
    dayRollover: Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' }),
    fields: Type.Array(
      Type.Object(
        {
          id: Id,
          parentId: Nullable(Id),
          code: Type.String({ maxLength: 64 }),
          nameVi: Text,
          nameEn: Text,
          prefix: Type.String({ maxLength: 8 }),
          targetWaitMinutes: Count,
          /** The usual service time the charter publishes (#17); absent from centers before it. */
          serviceMinutes: Type.Optional(Count),
          position: Type.Integer(),
          active: Type.Boolean(),
        },
        { additionalProperties: false },
      ),
      { maxItems: 500 },
    ),
    counters: Type.Array(
      Type.Object(
        // priorityMode: Decree 107 priority counters (#17); absent from centers before it.
        { id: Id, number: Type.Integer(), name: Text, priorityMode: Type.Optional(PriorityMode), active: Type.Boolean() },
        { additionalProperties: false },
      ),
      { maxItems: 500 },
    ),
    staff: Type.Array(
      Type.Object({ id: Id, name: Text, role: Type.Union([Type.Literal('officer'), Type.Literal('supervisor'), Type.Literal('admin')]), active: Type.Boolean() }, { additionalProperties: false }),
      { maxItems: 2000 },
    ),
  },
  { additionalProperties: false },
);
export type CenterConfigSnapshot = Static<typeof CenterConfigSnapshot>;

/** What the center's live board shows, for the province board and its read-only drill-down. */
export const CenterLiveStatus = Type.Object(
  {
    at: Millis,
    serviceDay: ServiceDay,
    fields: Type.Array(
      Type.Object(
        {
          fieldId: Id,
          waiting: Count,
          longestWaitSeconds: Count,
          averageWaitLastHourSeconds: Nullable(Count),
          servedToday: Count,
          targetWaitMinutes: Count,
          issuing: Type.Boolean(),
        },
        { additionalProperties: false },
      ),
      { maxItems: 500 },
    ),
    counters: Type.Array(
      Type.Object(
        {
          counterId: Id,
          status: CounterStatus,
          pauseReason: Nullable(Type.String({ maxLength: 200 })),
          officerName: Nullable(Text),
          ticket: Nullable(Type.Object({ number: Type.String({ maxLength: 16 }), status: Type.String({ maxLength: 16 }), calledAt: Nullable(Millis) }, { additionalProperties: false })),
          stateSinceSeconds: Nullable(Count),
        },
        { additionalProperties: false },
      ),
      { maxItems: 500 },
    ),
    alerts: Type.Array(LiveAlert, { maxItems: 500 }),
  },
  { additionalProperties: false },
);
export type CenterLiveStatus = Static<typeof CenterLiveStatus>;

/** The center's newest event and rating, so both sides can say how far behind the hub is. */
export const SyncHead = Type.Object(
  { eventId: Position, eventAt: Nullable(Millis), ratingId: Position },
  { additionalProperties: false },
);
export type SyncHead = Static<typeof SyncHead>;

/**
 * POST /api/sync/batches. `after` is the position the center believes the hub holds; items follow it in
 * ascending id order. A batch whose items the hub already holds changes nothing and is refused (409), as is one
 * that starts past the hub's position (409: the center rewinds to the hub's position, e.g. after a re-sync).
 */
export const SyncBatch = Type.Object(
  {
    protocol: Type.Literal(SYNC_PROTOCOL),
    centerId: Id,
    events: Type.Object({ after: Position, items: Type.Array(SyncEvent, { maxItems: SYNC_MAX_ITEMS }) }, { additionalProperties: false }),
    ratings: Type.Object({ after: Position, items: Type.Array(SyncRating, { maxItems: SYNC_MAX_ITEMS }) }, { additionalProperties: false }),
    head: SyncHead,
    config: Type.Optional(CenterConfigSnapshot),
    configHash: Type.String({ pattern: '^[0-9a-f]{16,64}$' }),
    live: Type.Optional(CenterLiveStatus),
  },
  { additionalProperties: false },
);
export type SyncBatch = Static<typeof SyncBatch>;

/** The hub's acknowledged position for a center: every event and rating up to these ids is stored and counted. */
export const SyncPosition = Type.Object({
  centerId: Id,
  events: Position,
  ratings: Position,
  /** Hash of the configuration the hub holds, null before the first; the center sends its set-up when they differ. */
  configHash: Nullable(Type.String()),
  /** The hub dropped this center's data and waits for the full log again. */
  resyncRequested: Type.Boolean(),
});
export type SyncPosition = Static<typeof SyncPosition>;

/** Where the center's link to the hub stands, as the center's admin sees it. */
export const CenterSyncStatus = Type.Object({
  configured: Type.Boolean(),
  hubUrl: Nullable(Type.String()),
  centerId: Nullable(Id),
  /** Where the settings come from: the environment wins over the console. */
  source: Type.Union([Type.Literal('env'), Type.Literal('console'), Type.Literal('none')]),
  state: Type.Union([Type.Literal('off'), Type.Literal('connecting'), Type.Literal('syncing'), Type.Literal('up_to_date'), Type.Literal('failing')]),
  ackedEventId: Nullable(Type.Integer()),
  ackedRatingId: Nullable(Type.Integer()),
  headEventId: Type.Integer(),
  lagEvents: Nullable(Type.Integer()),
  lagSeconds: Nullable(Type.Integer()),
  lastAckAt: Nullable(Type.String({ format: 'date-time' })),
  lastAttemptAt: Nullable(Type.String({ format: 'date-time' })),
  nextAttemptAt: Nullable(Type.String({ format: 'date-time' })),
  lastError: Nullable(Type.Object({ code: Type.String(), message: Type.Object({ vi: Type.String(), en: Type.String() }) })),
});
export type CenterSyncStatus = Static<typeof CenterSyncStatus>;

/** PUT /api/admin/hub-sync: the center admin's hub settings; a null key keeps the stored one. */
export const CenterSyncSettingsBody = Type.Object(
  {
    hubUrl: Nullable(Type.String({ maxLength: 300, pattern: '^https?://[^\\s]+$' })),
    centerId: Nullable(Id),
    key: Type.Optional(Nullable(Type.String({ minLength: 16, maxLength: 200 }))),
  },
  { additionalProperties: false },
);
export type CenterSyncSettingsBody = Static<typeof CenterSyncSettingsBody>;

/**
 * A fingerprint of a configuration snapshot (64-bit FNV-1a over its JSON), so the center sends its set-up only
 * when it changed. It detects change, it proves nothing: the sync key does that.
 */
export function configHash(config: CenterConfigSnapshot): string {
  let h = 0xcbf29ce484222325n;
  const text = JSON.stringify(config);
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i));
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, '0');
}
