import { CONFIG_FORMAT, CONFIG_VERSION, defaultDeviceSettings, type ConfigFile, type DeviceSettings } from '@luot/shared';
import type { OpenDb } from '../db/open-db.ts';
import { adminRepo } from '../db/repositories/admin-repo.ts';
import { printersRepo } from '../db/repositories/printers-repo.ts';
import { settingsRepo } from '../db/repositories/settings-repo.ts';
import { setupRepo } from '../db/repositories/setup-repo.ts';
import type { Clock } from '../domain/clock.ts';

/**
 * The center's set-up as one file: active fields, counters, rules, voice, printers and devices. Entries name each
 * other by code, number and name, never by database id, so the file means the same in another center. Device
 * tokens and pairing codes, accounts and passwords never leave.
 */
export function exportConfig(store: OpenDb, clock: Clock): ConfigFile {
  const { db } = store;
  const fields = adminRepo.fields(db).filter((f) => f.active);
  const codeOf = new Map(fields.map((f) => [f.id, f.code]));
  const counters = adminRepo.counters(db).filter((c) => c.active);
  const numberOf = new Map(counters.map((c) => [c.id, c.number]));
  const printers = printersRepo.list(db);
  const printerName = new Map(printers.map((p) => [p.id, p.name]));
  const rules = settingsRepo.rules(db);
  const voice = settingsRepo.voice(db);
  const { logo, name, address, receiptFooter, hallNotice } = settingsRepo.center(db);
  return {
    format: CONFIG_FORMAT,
    version: CONFIG_VERSION,
    exportedAt: new Date(clock.now()).toISOString(),
    center: { name, address, logo, receiptFooter, hallNotice, dayRollover: rules.dayRollover },
    fields: fields.map((f) => ({
      code: f.code,
      parent: f.parentId === null ? null : (codeOf.get(f.parentId) ?? null),
      nameVi: f.nameVi,
      nameEn: f.nameEn,
      prefix: f.prefix,
      width: f.width,
      startNumber: f.startNumber,
      dailyLimit: f.dailyLimit,
      opensAt: f.opensAt,
      closesAt: f.closesAt,
      targetWaitMinutes: f.targetWaitMinutes,
      serviceMinutes: f.serviceMinutes,
    })),
    counters: counters.map((c) => ({
      number: c.number,
      name: c.name,
      policy: c.policy,
      priorityMode: c.priorityMode,
      fields: c.fields.flatMap((l) => {
        const code = codeOf.get(l.fieldId);
        return code === undefined ? [] : [{ field: code, weight: l.weight }];
      }),
    })),
    rules: { interleave: rules.interleave, maxRecalls: rules.maxRecalls, keepArrivalOnTransfer: rules.keepArrivalOnTransfer, priorityCategories: settingsRepo.priorities(db) },
    voice: { english: voice.english ?? false },
    printers: printers.map((p) => ({ name: p.name, uri: p.uri, widthDots: p.widthDots === 384 ? 384 : 576 })),
    devices: setupRepo.activeDevices(db).map((d) => ({
      kind: d.kind,
      name: d.name,
      counter: d.counterId === null ? null : (numberOf.get(d.counterId) ?? null),
      printer: d.printerId === null ? null : (printerName.get(d.printerId) ?? null),
      // Screens never given settings store none and use the defaults.
      settings: { ...defaultDeviceSettings, ...(d.settings as Partial<DeviceSettings>) },
    })),
  };
}
