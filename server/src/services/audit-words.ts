import type { AdminField, CenterProfileBody, CounterBody, DeviceKind, FieldBody, RulesBody } from '@luot/shared';
import type { AuditRecord } from './audit.ts';

/**
 * The center's set-up as the audit log words it. Ids become names (a counter's fields, a group's parent), a logo
 * its kind and size, not its bytes: the log tells a person what changed, it is not a backup.
 */
export function centerWords(center: CenterProfileBody): AuditRecord {
  return {
    name: center.name,
    address: center.address,
    logo: logoWords(center.logo),
    dayRollover: center.dayRollover,
    receiptFooter: center.receiptFooter,
    hallNotice: center.hallNotice,
  };
}

function logoWords(logo: string): string | null {
  const m = /^data:image\/(png|svg\+xml);base64,(.*)$/.exec(logo);
  if (!m?.[2]) return null;
  const kb = Math.max(1, Math.round((m[2].length * 3) / 4 / 1024));
  return `${m[1] === 'png' ? 'PNG' : 'SVG'}, ${kb} KB`;
}

export function fieldWords(field: FieldBody, fields: readonly AdminField[]): AuditRecord {
  const parent = field.parentId === null ? null : (fields.find((f) => f.id === field.parentId)?.nameVi ?? `#${field.parentId}`);
  return {
    nameVi: field.nameVi,
    nameEn: field.nameEn,
    code: field.code,
    prefix: field.prefix,
    width: field.width,
    startNumber: field.startNumber,
    dailyLimit: field.dailyLimit,
    opensAt: field.opensAt,
    closesAt: field.closesAt,
    targetWaitMinutes: field.targetWaitMinutes,
    serviceMinutes: field.serviceMinutes ?? 10,
    position: field.position,
    parent,
  };
}

export function counterWords(counter: CounterBody, fields: readonly AdminField[]): AuditRecord {
  const served = counter.fields.map((f) => {
    const field = fields.find((x) => x.id === f.fieldId);
    const name = field ? `${field.prefix} · ${field.nameVi}` : `#${f.fieldId}`;
    return counter.policy === 'weights' ? `${name} ×${f.weight}` : name;
  });
  return { number: counter.number, name: counter.name, policy: counter.policy, priorityMode: counter.priorityMode ?? 'mixed', fields: served };
}

export function staffWords(staff: { username: string; displayName: string; role: string; active: boolean }): AuditRecord {
  return { username: staff.username, displayName: staff.displayName, role: staff.role, active: staff.active };
}

export function rulesWords(rules: RulesBody): AuditRecord {
  return {
    interleave: `${rules.interleave.priority} : ${rules.interleave.normal}`,
    maxRecalls: rules.maxRecalls,
    keepArrivalOnTransfer: rules.keepArrivalOnTransfer,
    priorityCategories: rules.priorityCategories.map((p) => p.nameVi),
  };
}

export function deviceWords(device: { kind: DeviceKind; name: string; counter: string | null }): AuditRecord {
  return { kind: device.kind, name: device.name, counter: device.counter };
}

export function printerWords(printer: { name: string; uri: string; widthDots: number }): AuditRecord {
  return { name: printer.name, uri: printer.uri, paper: printer.widthDots === 384 ? '58 mm' : '80 mm' };
}
