import { Type, type Static } from 'typebox';
import { CenterProfileBody, CounterBody, CounterFieldBody, FieldBody, RulesBody } from './admin.ts';
import { DeviceKind, DeviceSettings, FieldPolicy, LocalTime, Role } from './domain.ts';
import { CreatePrinterBody } from './printing.ts';

const Name = Type.String({ minLength: 1, maxLength: 120 });
const FieldCode = FieldBody.properties.code;
const CounterNumber = Type.Integer({ minimum: 1, maximum: 999 });

/** GET /api/setup: whether the center still needs its first-run setup. */
export const SetupStatus = Type.Object({ done: Type.Boolean() });
export type SetupStatus = Static<typeof SetupStatus>;

/** Everything the setup screen collects, sent once at the end so the set-up lands whole or not at all. */
export const SetupBody = Type.Object(
  {
    center: Type.Object({ name: Name, address: Type.String({ maxLength: 300 }) }, { additionalProperties: false }),
    /** The service day: every chosen field takes numbers between these times. */
    hours: Type.Object({ opensAt: LocalTime, closesAt: LocalTime }, { additionalProperties: false }),
    fields: Type.Array(
      Type.Object({ code: FieldCode, nameVi: Name, nameEn: Name, prefix: FieldBody.properties.prefix }, { additionalProperties: false }),
      { minItems: 1, maxItems: 40 },
    ),
    counters: Type.Array(
      // An empty list is refused by the setup's own check, which names the counter.
      Type.Object({ number: CounterNumber, name: Name, fields: Type.Array(FieldCode, { maxItems: 20 }) }, { additionalProperties: false }),
      { minItems: 1, maxItems: 100 },
    ),
    staff: Type.Array(Type.Object({ username: Type.String({ pattern: '^[a-z0-9._-]{3,32}$' }), displayName: Name, role: Role }, { additionalProperties: false }), { maxItems: 200 }),
    devices: Type.Array(
      Type.Object({ kind: DeviceKind, name: Type.String({ minLength: 1, maxLength: 100 }), counter: Type.Union([CounterNumber, Type.Null()]) }, { additionalProperties: false }),
      { maxItems: 200 },
    ),
  },
  { additionalProperties: false },
);
export type SetupBody = Static<typeof SetupBody>;

/** A device registered by the setup or an import, with its one-time pairing code (shown once). */
export const PairingEntry = Type.Object({
  kind: DeviceKind,
  name: Type.String(),
  counter: Type.Union([Type.Integer(), Type.Null()]),
  pairingCode: Type.String(),
  pairingExpiresAt: Type.String({ format: 'date-time' }),
});
export type PairingEntry = Static<typeof PairingEntry>;

/** The printable set-up sheet: accounts with their one-time passwords and the pairing codes. */
export const SetupSheet = Type.Object({
  center: Type.Object({ name: Type.String(), address: Type.String() }),
  accounts: Type.Array(Type.Object({ username: Type.String(), displayName: Type.String(), role: Role, password: Type.String() })),
  devices: Type.Array(PairingEntry),
});
export type SetupSheet = Static<typeof SetupSheet>;

/**
 * One center's set-up as a file a province can roll out to many centers. Entries refer to each other by their
 * natural keys (field code, counter number, printer name), never by database ids; devices carry no secrets.
 * `center` is optional: leave it out to keep each center's own name and address.
 */
export const CONFIG_FORMAT = 'luot-config';
export const CONFIG_VERSION = 1;
export const ConfigFile = Type.Object(
  {
    format: Type.Literal(CONFIG_FORMAT),
    version: Type.Literal(CONFIG_VERSION),
    exportedAt: Type.Optional(Type.String()),
    center: Type.Optional(CenterProfileBody),
    fields: Type.Array(
      Type.Object(
        {
          code: FieldCode,
          parent: Type.Union([FieldCode, Type.Null()]),
          nameVi: Name,
          nameEn: Name,
          prefix: FieldBody.properties.prefix,
          width: FieldBody.properties.width,
          startNumber: FieldBody.properties.startNumber,
          dailyLimit: FieldBody.properties.dailyLimit,
          opensAt: FieldBody.properties.opensAt,
          closesAt: FieldBody.properties.closesAt,
          targetWaitMinutes: FieldBody.properties.targetWaitMinutes,
          serviceMinutes: FieldBody.properties.serviceMinutes,
        },
        { additionalProperties: false },
      ),
      { maxItems: 200 },
    ),
    counters: Type.Array(
      Type.Object(
        {
          number: CounterNumber,
          name: Name,
          policy: FieldPolicy,
          priorityMode: CounterBody.properties.priorityMode,
          fields: Type.Array(Type.Object({ field: FieldCode, weight: CounterFieldBody.properties.weight }, { additionalProperties: false }), { minItems: 1, maxItems: 20 }),
        },
        { additionalProperties: false },
      ),
      { maxItems: 200 },
    ),
    rules: RulesBody,
    voice: Type.Object({ english: Type.Boolean() }, { additionalProperties: false }),
    printers: Type.Array(CreatePrinterBody, { maxItems: 50 }),
    devices: Type.Array(
      Type.Object(
        {
          kind: DeviceKind,
          name: Type.String({ minLength: 1, maxLength: 100 }),
          counter: Type.Union([CounterNumber, Type.Null()]),
          printer: Type.Union([Type.String({ minLength: 1, maxLength: 100 }), Type.Null()]),
          settings: DeviceSettings,
        },
        { additionalProperties: false },
      ),
      { maxItems: 500 },
    ),
  },
  { additionalProperties: false },
);
export type ConfigFile = Static<typeof ConfigFile>;

/** What an import changed, and the pairing codes of the devices it registered. */
export const ImportResult = Type.Object({
  fields: Type.Object({ created: Type.Integer(), updated: Type.Integer() }),
  counters: Type.Object({ created: Type.Integer(), updated: Type.Integer() }),
  printers: Type.Object({ created: Type.Integer(), updated: Type.Integer() }),
  devices: Type.Object({ created: Type.Integer(), updated: Type.Integer() }),
  pairing: Type.Array(PairingEntry),
});
export type ImportResult = Static<typeof ImportResult>;
