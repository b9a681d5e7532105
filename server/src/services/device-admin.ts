import type { DeviceKind, DeviceSettings, DeviceView } from '@luot/shared';
import type { OpenDb } from '../db/open-db.ts';
import { accessRepo, deviceSettings } from '../db/repositories/access-repo.ts';
import { demoRepo } from '../db/repositories/demo-repo.ts';
import { printersRepo } from '../db/repositories/printers-repo.ts';
import type { Clock } from '../domain/clock.ts';
import { DomainError } from '../domain/errors.ts';
import type { StaffActor } from './actor.ts';
import { diff, type Audit } from './audit.ts';
import { deviceWords } from './audit-words.ts';
import { deviceView, type AuthService } from './auth-service.ts';
import type { Publisher } from './publisher.ts';
import type { ReadModels } from './read-models.ts';

/**
 * Kiosks and screens: an admin registers, tunes, gives a printer to and revokes them — each change in the audit
 * log like a field's or an account's; a device pairs and renews itself.
 */
export function createDeviceAdmin(deps: { store: OpenDb; clock: Clock; auth: AuthService; audit: Audit; hub: Publisher; read: ReadModels }) {
  const { db } = deps.store;
  const counterName = (id: number | null) => (id === null ? null : (accessRepo.counterById(db, id)?.name ?? `#${id}`));

  function device(id: number) {
    const row = accessRepo.deviceById(db, id);
    if (!row) throw new DomainError('DEVICE_NOT_FOUND');
    return row;
  }

  return {
    list: (): DeviceView[] => deps.auth.listDevices(),

    create(actor: StaffActor, body: { kind: DeviceKind; name: string; counterId?: number | null }) {
      return deps.audit.record(actor, 'device.create', 'device', () => {
        const made = deps.auth.createDevice({ kind: body.kind, name: body.name, counterId: body.counterId ?? null });
        const words = deviceWords({ kind: made.device.kind, name: made.device.name, counter: counterName(made.device.counterId) });
        return { id: made.device.id, result: made, subject: made.device.name, changes: diff(null, words) };
      });
    },

    pair: (code: string) => deps.auth.pair(code),

    /** A demo screen's stored token follows its renewal (demo center only; a real center stores none). */
    renew(token: string) {
      const renewed = deps.auth.renewDevice(token);
      demoRepo.replaceToken(db, token, renewed.token, deps.clock.now());
      return renewed;
    },

    setSettings(actor: StaffActor, id: number, settings: DeviceSettings): DeviceSettings {
      deps.audit.record(actor, 'device.settings', 'device', () => {
        const row = device(id);
        const before = deviceSettings(row);
        accessRepo.setDeviceSettings(db, id, settings);
        return { id: row.id, result: null, subject: row.name, changes: diff({ ...before }, { ...settings }) };
      });
      // The screen hears it at once on its own stream.
      deps.hub.publish(`device:${id}`, { cause: 'device_settings', settings });
      return settings;
    },

    /** The printer a kiosk prints its receipts on, or none. */
    assignPrinter(actor: StaffActor, id: number, printerId: number | null): DeviceView {
      return deps.audit.record(actor, 'device.printer', 'device', () => {
        const kiosk = device(id);
        if (kiosk.kind !== 'kiosk') throw new DomainError('DEVICE_NOT_ALLOWED');
        const before = kiosk.printerId === null ? null : (printersRepo.byId(db, kiosk.printerId)?.name ?? null);
        const chosen = printerId === null ? null : printersRepo.byId(db, printerId);
        if (chosen === undefined) throw new DomainError('PRINTER_NOT_FOUND');
        printersRepo.assign(db, id, printerId);
        return { id, result: deviceView(device(id)), subject: kiosk.name, changes: diff({ printer: before }, { printer: chosen?.name ?? null }) };
      });
    },

    revoke(actor: StaffActor, id: number): DeviceView {
      return deps.audit.record(actor, 'device.revoke', 'device', () => {
        const row = device(id);
        const revoked = deps.auth.revokeDevice(row.id);
        return { id: row.id, result: revoked, subject: row.name, changes: diff({ revoked: row.revokedAt !== null }, { revoked: true }) };
      });
    },

    /** Demo center only: the token of a pre-paired screen, so a browser can become it without pairing. */
    demoToken(kind: DeviceKind, counterNumber: number | undefined): { token: string; name: string } {
      const counters = deps.read.counters();
      const wanted = counterNumber === undefined ? null : counters.find((c) => c.number === counterNumber)?.id;
      const found = demoRepo.list(db).find((d) => d.kind === kind && (d.kind !== 'counter_display' || d.counterId === (wanted ?? counters[0]?.id)));
      if (!found) throw new DomainError('DEVICE_NOT_FOUND');
      return { token: found.token, name: found.name };
    },
  };
}

export type DeviceAdmin = ReturnType<typeof createDeviceAdmin>;
