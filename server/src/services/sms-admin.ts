import type { SmsAdminView, SmsSettingsBody } from '@luot/shared';
import type { OpenDb } from '../db/open-db.ts';
import { smsRepo } from '../db/repositories/sms-repo.ts';
import type { Clock } from '../domain/clock.ts';
import { DomainError } from '../domain/errors.ts';
import type { StaffActor } from './actor.ts';
import type { Audit } from './audit.ts';
import type { SmsOutbox } from './sms-outbox.ts';

/** The admin's SMS page: the gateway in use, the near rule and the keeping time (audited), the masked log. */
export function createSmsAdmin(deps: { store: OpenDb; clock: Clock; audit: Audit; outbox: SmsOutbox; fieldIds: () => number[] }) {
  const { db } = deps.store;
  return {
    /** What the kiosk needs: whether to offer SMS at all (a real gateway is set up) and the keeping time. */
    kiosk(): { keepDays: number } | null {
      return deps.outbox.gatewayKind === 'log' ? null : { keepDays: smsRepo.settings(db).personalDataDays };
    },

    view(): SmsAdminView {
      return { gateway: deps.outbox.gatewayKind, settings: smsRepo.settings(db), log: deps.outbox.log(200) };
    },

    save(actor: StaffActor, body: SmsSettingsBody): SmsSettingsBody {
      const known = new Set(deps.fieldIds().map(String));
      const unknown = Object.keys(body.fields).filter((id) => !known.has(id));
      if (unknown.length > 0) throw new DomainError('FIELD_NOT_FOUND', `fields ${unknown.join(', ')}`, unknown.map((id) => `body/fields/${id}`));
      return deps.audit.record(actor, 'sms.update', 'sms', () => {
        const before = smsRepo.settings(db);
        smsRepo.saveSettings(db, body, deps.clock.now());
        const changes = (['near', 'fields', 'personalDataDays'] as const)
          .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(body[k]))
          .map((key) => ({ key, before: JSON.stringify(before[key]), after: JSON.stringify(body[key]) }));
        return { id: null, result: body, subject: 'SMS', changes };
      });
    },
  };
}

export type SmsAdmin = ReturnType<typeof createSmsAdmin>;
