import { CONFIG_FORMAT, CONFIG_VERSION, ConfigFile, type ImportResult, type PairingEntry } from '@luot/shared';
import { DomainError } from '../domain/errors.ts';
import { parseLocalTime } from '../domain/time.ts';
import type { OpenDb } from '../db/open-db.ts';
import { adminRepo } from '../db/repositories/admin-repo.ts';
import { printersRepo } from '../db/repositories/printers-repo.ts';
import { settingsRepo } from '../db/repositories/settings-repo.ts';
import { setupRepo } from '../db/repositories/setup-repo.ts';
import { diff } from './audit.ts';
import type { AuthService } from './auth-service.ts';
import type { Clock } from '../domain/clock.ts';
import { Problems, repeats } from './config-problems.ts';
import { SETUP_PAIRING_MS } from './setup-service.ts';

export interface ImportOutcome {
  result: ImportResult;
  fieldIds: number[];
  counterIds: number[];
}

/** Every problem of the file at once, against the file itself and what the center already has. */
function check(store: OpenDb, file: ConfigFile, acceptsPrinter: (uri: string) => boolean): void {
  const { db } = store;
  const problems = new Problems();
  const codes = file.fields.map((f) => f.code);
  for (const i of repeats(codes)) problems.add(`/fields/${i}/code`, 'FIELD_CODE_TAKEN');
  for (const i of repeats(file.fields.map((f) => f.prefix))) problems.add(`/fields/${i}/prefix`, 'PREFIX_TAKEN');
  const inFile = new Set(codes);
  // A field the file leaves alone keeps its letter; a new field must not take it.
  const kept = adminRepo.fields(db).filter((f) => f.active && !inFile.has(f.code));
  const keptPrefixes = new Set(kept.map((f) => f.prefix));
  const topLevel = new Set(file.fields.filter((f) => f.parent === null).map((f) => f.code));
  file.fields.forEach((f, i) => {
    if (keptPrefixes.has(f.prefix)) problems.add(`/fields/${i}/prefix`, 'PREFIX_TAKEN');
    if (f.parent !== null && (f.parent === f.code || !topLevel.has(f.parent))) problems.add(`/fields/${i}/parent`, 'FIELD_PARENT_INVALID');
    if (f.opensAt !== null && f.closesAt !== null && parseLocalTime(f.opensAt) >= parseLocalTime(f.closesAt)) problems.add(`/fields/${i}/closesAt`, 'HOURS_INVALID');
  });
  const known = new Set([...codes, ...kept.map((f) => f.code)]);
  for (const i of repeats(file.counters.map((c) => c.number))) problems.add(`/counters/${i}/number`, 'COUNTER_NUMBER_TAKEN');
  file.counters.forEach((c, i) => {
    c.fields.forEach((l, j) => {
      if (!known.has(l.field)) problems.add(`/counters/${i}/fields/${j}/field`, 'FIELD_UNKNOWN');
    });
    for (const j of repeats(c.fields.map((l) => l.field))) problems.add(`/counters/${i}/fields/${j}/field`, 'COUNTER_FIELDS_INVALID');
  });
  for (const i of repeats(file.rules.priorityCategories.map((p) => p.code))) problems.add(`/rules/priorityCategories/${i}/code`, 'PRIORITY_CODES_INVALID');
  for (const i of repeats(file.printers.map((p) => p.name))) problems.add(`/printers/${i}/name`, 'PRINTER_NAME_TAKEN');
  file.printers.forEach((p, i) => {
    if (!acceptsPrinter(p.uri)) problems.add(`/printers/${i}/uri`, 'PRINTER_PATH_NOT_ALLOWED');
  });
  const counterNumbers = new Set([...file.counters.map((c) => c.number), ...adminRepo.counters(db).filter((c) => c.active).map((c) => c.number)]);
  const printerNames = new Set([...file.printers.map((p) => p.name), ...printersRepo.list(db).map((p) => p.name)]);
  for (const i of repeats(file.devices.map((d) => `${d.kind}/${d.name}`))) problems.add(`/devices/${i}/name`, 'DEVICE_NAME_TAKEN');
  file.devices.forEach((d, i) => {
    if (d.kind === 'counter_display' && (d.counter === null || !counterNumbers.has(d.counter))) problems.add(`/devices/${i}/counter`, 'COUNTER_UNKNOWN');
    if (d.printer !== null && !printerNames.has(d.printer)) problems.add(`/devices/${i}/printer`, 'PRINTER_UNKNOWN');
  });
  problems.throwIfAny('CONFIG_INVALID');
}

/**
 * Applies a configuration file in one transaction with one audit row: all of it or, on any problem, nothing.
 * Entries are matched by natural key (field code, counter number, printer name, device kind and name): a match is
 * updated, anything else is created. What the file does not mention stays as it is. New devices get pairing codes.
 */
export function createConfigImport(deps: { store: OpenDb; clock: Clock; auth: AuthService; acceptsPrinter: (uri: string) => boolean }) {
  const { db, sqlite } = deps.store;

  return (actorId: number, input: unknown): ImportOutcome => {
    const head = input as { format?: unknown; version?: unknown } | null;
    if (typeof head !== 'object' || head === null || head.format !== CONFIG_FORMAT || head.version !== CONFIG_VERSION) throw new DomainError('CONFIG_FORMAT_UNKNOWN');
    const schema = new Problems();
    schema.addSchema(ConfigFile, input);
    schema.throwIfAny('CONFIG_INVALID');
    const file = input as ConfigFile;

    return sqlite.transaction((): ImportOutcome => {
      check(deps.store, file, deps.acceptsPrinter);
      const wasPending = setupRepo.pending(db);
      const now = deps.clock.now();
      const result: ImportResult = { fields: { created: 0, updated: 0 }, counters: { created: 0, updated: 0 }, printers: { created: 0, updated: 0 }, devices: { created: 0, updated: 0 }, pairing: [] };
      const count = (bucket: { created: number; updated: number }, existed: boolean) => (existed ? bucket.updated++ : bucket.created++);

      const rules = settingsRepo.rules(db);
      if (file.center) {
        const { dayRollover, ...profile } = file.center;
        settingsRepo.saveCenter(db, profile, now);
        rules.dayRollover = dayRollover;
      }
      const { interleave, maxRecalls, keepArrivalOnTransfer, priorityCategories } = file.rules;
      settingsRepo.saveRules(db, { ...rules, interleave, maxRecalls, keepArrivalOnTransfer }, now);
      settingsRepo.savePriorities(db, priorityCategories, now);
      settingsRepo.saveVoice(db, { english: file.voice.english }, now);

      const printerIds = new Map(printersRepo.list(db).map((p) => [p.name, p.id]));
      for (const p of file.printers) {
        const existing = setupRepo.printerByName(db, p.name);
        if (existing) setupRepo.updatePrinter(db, existing.id, { uri: p.uri, widthDots: p.widthDots });
        else printerIds.set(p.name, printersRepo.create(db, p, now).id);
        count(result.printers, existing !== undefined);
      }

      const fieldIds = new Map(adminRepo.fields(db).map((f) => [f.code, f.id]));
      // Groups first, so sub-fields can point at them.
      const ordered = [...file.fields.entries()].sort(([, a], [, b]) => Number(a.parent !== null) - Number(b.parent !== null));
      for (const [position, f] of ordered) {
        const { parent, ...rest } = f;
        const body = { ...rest, parentId: parent === null ? null : (fieldIds.get(parent) ?? null), position };
        const id = fieldIds.get(f.code);
        if (id !== undefined) {
          adminRepo.updateField(db, id, body);
          adminRepo.setFieldActive(db, id, true);
        } else fieldIds.set(f.code, adminRepo.insertField(db, body));
        count(result.fields, id !== undefined);
      }

      const counterIds = new Map(adminRepo.counters(db).map((c) => [c.number, c.id]));
      for (const c of file.counters) {
        const row = { number: c.number, name: c.name, policy: c.policy, priorityMode: c.priorityMode ?? 'mixed' };
        let id = counterIds.get(c.number);
        const existed = id !== undefined;
        if (id !== undefined) {
          adminRepo.updateCounter(db, id, row);
          adminRepo.setCounterActive(db, id, true);
        } else {
          id = adminRepo.insertCounter(db, row);
          counterIds.set(c.number, id);
        }
        adminRepo.setCounterFields(db, id, c.fields.map((l) => ({ fieldId: fieldIds.get(l.field) ?? 0, weight: l.weight })));
        count(result.counters, existed);
      }

      for (const d of file.devices) {
        const counterId = d.kind === 'counter_display' && d.counter !== null ? (counterIds.get(d.counter) ?? null) : null;
        const printerId = d.kind === 'kiosk' && d.printer !== null ? (printerIds.get(d.printer) ?? null) : null;
        const existing = setupRepo.deviceByName(db, d.kind, d.name);
        let id = existing?.id;
        if (id === undefined) {
          const created = deps.auth.createDevice({ kind: d.kind, name: d.name, counterId }, SETUP_PAIRING_MS);
          id = created.device.id;
          const entry: PairingEntry = { kind: d.kind, name: d.name, counter: counterId === null ? null : d.counter, pairingCode: created.pairingCode, pairingExpiresAt: new Date(created.pairingExpiresAt).toISOString() };
          result.pairing.push(entry);
        }
        setupRepo.updateDevice(db, id, { counterId, settings: d.settings, printerId });
        count(result.devices, existing !== undefined);
      }

      if (wasPending) setupRepo.markDone(db, 'import', actorId, now);
      const { pairing: _, ...counts } = result;
      const counted = Object.fromEntries(Object.entries(counts).flatMap(([kind, n]) => [[`${kind}.created`, n.created], [`${kind}.updated`, n.updated]]));
      const subject = file.center?.name ?? settingsRepo.center(db).name;
      adminRepo.audit(db, { at: now, actorId, action: 'config.import', entity: 'center', entityId: null, details: { subject, changes: diff(null, { ...counted, center: file.center ? 'replaced' : 'kept' }) } });
      return { result, fieldIds: file.fields.map((f) => fieldIds.get(f.code) ?? 0), counterIds: file.counters.map((c) => counterIds.get(c.number) ?? 0) };
    })();
  };
}

export type ConfigImport = ReturnType<typeof createConfigImport>;
