import type { AdminCounter, AdminField, AdminStaff, CenterProfileBody, CounterBody, FieldBody, RulesBody, StaffBody, StaffUpdateBody, StaffWithPassword, VoiceSettingsBody } from '@luot/shared';
import { generatePassword } from '../auth/password.ts';
import { DomainError } from '../domain/errors.ts';
import type { Clock } from '../domain/clock.ts';
import { parseLocalTime } from '../domain/time.ts';
import type { ConfigCache } from '../db/config-cache.ts';
import type { OpenDb } from '../db/open-db.ts';
import { adminRepo } from '../db/repositories/admin-repo.ts';
import { settingsRepo } from '../db/repositories/settings-repo.ts';
import type { StaffActor } from './actor.ts';
import type { Announcer } from './announcer.ts';
import { diff, type Audit, type Audited } from './audit.ts';
import { centerWords, counterWords, fieldWords, rulesWords, staffWords } from './audit-words.ts';
import type { AuthService } from './auth-service.ts';

/**
 * The center's set-up. Each change is validated, written and recorded in the audit log in one transaction
 * (services/audit.ts), worded as what changed, before → after. Nothing is deleted: fields, counters and
 * accounts in use are refused or deactivated, because the event log still points at them.
 */
/** What the set-up tells the screens after its commit; the history generator, with no screens, passes a silent one. */
export type SetupAnnouncer = Pick<Announcer, 'fieldsChanged' | 'counterChanged' | 'centerChanged'>;

export function createAdminService(deps: { store: OpenDb; clock: Clock; config: ConfigCache; auth: AuthService; audit: Audit; announcer: SetupAnnouncer }) {
  const { db } = deps.store;
  const audited = <T>(actor: StaffActor, action: string, entity: string, work: () => Audited<T>): T => deps.audit.record(actor, action, entity, work);
  const allFields = () => adminRepo.fields(db);

  function checkField(body: FieldBody, selfId: number | null): void {
    const taken = adminRepo.fieldByCode(db, body.code);
    if (taken && taken.id !== selfId) throw new DomainError('FIELD_CODE_TAKEN');
    if (body.parentId !== null) {
      const parent = adminRepo.field(db, body.parentId);
      if (!parent?.active || parent.parentId !== null || parent.id === selfId) throw new DomainError('FIELD_PARENT_INVALID');
    }
    if (body.opensAt !== null && body.closesAt !== null && parseLocalTime(body.opensAt) >= parseLocalTime(body.closesAt)) {
      throw new DomainError('HOURS_INVALID');
    }
  }

  function checkCounter(body: CounterBody, selfId: number | null): void {
    if (adminRepo.counterNumberTaken(db, body.number, selfId)) throw new DomainError('COUNTER_NUMBER_TAKEN');
    const ids = body.fields.map((f) => f.fieldId);
    const active = new Set(adminRepo.fields(db).filter((f) => f.active).map((f) => f.id));
    if (new Set(ids).size !== ids.length || ids.some((id) => !active.has(id))) throw new DomainError('COUNTER_FIELDS_INVALID');
  }

  function field(id: number): AdminField {
    const found = adminRepo.field(db, id);
    if (!found) throw new DomainError('FIELD_NOT_FOUND');
    return found;
  }

  function counter(id: number): AdminCounter {
    const found = adminRepo.counter(db, id);
    if (!found) throw new DomainError('COUNTER_NOT_FOUND');
    return found;
  }

  function staff(id: number): AdminStaff {
    const found = adminRepo.staff(db, id);
    if (!found) throw new DomainError('STAFF_NOT_FOUND');
    return found;
  }

  return {
    center(): CenterProfileBody {
      const config = deps.config.get();
      return { ...config.center, dayRollover: config.rules.dayRollover };
    },
    saveCenter(actor: StaffActor, body: CenterProfileBody): CenterProfileBody {
      const done = audited(actor, 'center.update', 'center', () => {
        const now = deps.clock.now();
        const config = deps.config.get();
        const before = centerWords({ ...config.center, dayRollover: config.rules.dayRollover });
        const { dayRollover, ...profile } = body;
        settingsRepo.saveCenter(db, profile, now);
        settingsRepo.saveRules(db, { ...settingsRepo.rules(db), dayRollover }, now);
        return { id: null, result: body, subject: body.name, changes: diff(before, centerWords(body)) };
      });
      deps.announcer.centerChanged();
      return done;
    },

    fields: () => adminRepo.fields(db),
    createField(actor: StaffActor, body: FieldBody): AdminField {
      const done = audited(actor, 'field.create', 'field', () => {
        checkField(body, null);
        const id = adminRepo.insertField(db, body);
        return { id, result: field(id), subject: body.nameVi, changes: diff(null, fieldWords(body, allFields())) };
      });
      // Open kiosks and consoles receive the new field as an upsert and offer it at once.
      deps.announcer.fieldsChanged([done.id], 'field_created');
      return done;
    },
    updateField(actor: StaffActor, id: number, body: FieldBody): AdminField {
      const done = audited(actor, 'field.update', 'field', () => {
        const old = field(id);
        const before = fieldWords(old, allFields());
        checkField(body, id);
        // A client that does not know the usual service time (before #17) keeps the one set.
        body = { ...body, serviceMinutes: body.serviceMinutes ?? old.serviceMinutes };
        adminRepo.updateField(db, id, body);
        return { id, result: field(id), subject: body.nameVi, changes: diff(before, fieldWords(body, allFields())) };
      });
      deps.announcer.fieldsChanged([done.id], 'field_updated');
      return done;
    },
    /** A field with citizens still in its queue, or with sub-fields, stays; otherwise it is deactivated. */
    removeField(actor: StaffActor, id: number): AdminField {
      return audited(actor, 'field.deactivate', 'field', () => {
        const before = field(id);
        if (adminRepo.openTicketsIn(db, id) > 0 || adminRepo.childrenOf(db, id).length > 0) throw new DomainError('FIELD_IN_USE');
        adminRepo.setFieldActive(db, id, false);
        return { id, result: field(id), subject: before.nameVi, changes: [{ key: 'active', before: before.active, after: false }] };
      });
    },
    setIssuing(actor: StaffActor, id: number, issuing: boolean): AdminField {
      const done = audited(actor, issuing ? 'field.resume_issuing' : 'field.stop_issuing', 'field', () => {
        const before = field(id);
        adminRepo.setIssuing(db, id, issuing);
        return { id, result: field(id), subject: before.nameVi, changes: diff({ issuing: before.issuing }, { issuing }) };
      });
      // Kiosks and boards learn at once that the field stopped or resumed.
      deps.announcer.fieldsChanged([done.id], done.issuing ? 'issuing_resumed' : 'issuing_stopped');
      return done;
    },

    counters: () => adminRepo.counters(db),
    createCounter(actor: StaffActor, body: CounterBody): AdminCounter {
      const done = audited(actor, 'counter.create', 'counter', () => {
        checkCounter(body, null);
        const { fields: served, ...row } = body;
        const id = adminRepo.insertCounter(db, row);
        adminRepo.setCounterFields(db, id, served);
        return { id, result: counter(id), subject: body.name, changes: diff(null, counterWords(body, allFields())) };
      });
      deps.announcer.counterChanged(done.id, 'counter_created');
      return done;
    },
    updateCounter(actor: StaffActor, id: number, body: CounterBody): AdminCounter {
      const done = audited(actor, 'counter.update', 'counter', () => {
        const old = counter(id);
        const before = counterWords(old, allFields());
        checkCounter(body, id);
        body = { ...body, priorityMode: body.priorityMode ?? old.priorityMode };
        const { fields: served, ...row } = body;
        adminRepo.updateCounter(db, id, row);
        adminRepo.setCounterFields(db, id, served);
        return { id, result: counter(id), subject: body.name, changes: diff(before, counterWords(body, allFields())) };
      });
      deps.announcer.counterChanged(done.id, 'counter_updated');
      return done;
    },
    removeCounter(actor: StaffActor, id: number): AdminCounter {
      return audited(actor, 'counter.deactivate', 'counter', () => {
        const before = counter(id);
        if (adminRepo.counterRow(db, id)?.currentTicketId != null) throw new DomainError('COUNTER_IN_USE');
        adminRepo.setCounterActive(db, id, false);
        return { id, result: counter(id), subject: before.name, changes: [{ key: 'active', before: before.active, after: false }] };
      });
    },

    staff: () => adminRepo.staffList(db),
    async createStaff(actor: StaffActor, body: StaffBody): Promise<StaffWithPassword> {
      const password = generatePassword();
      const passwordHash = await deps.auth.hashPassword(password);
      return audited(actor, 'staff.create', 'staff', () => {
        if (adminRepo.staffList(db).some((s) => s.username === body.username)) throw new DomainError('USERNAME_TAKEN');
        const row = deps.auth.insertStaff({ ...body, passwordHash });
        return { id: row.id, result: { staff: staff(row.id), password }, subject: body.displayName, changes: diff(null, staffWords({ ...body, active: true })) };
      });
    },
    updateStaff(actor: StaffActor, id: number, body: StaffUpdateBody): AdminStaff {
      return audited(actor, 'staff.update', 'staff', () => {
        const before = staff(id);
        const losesAdmin = before.role === 'admin' && before.active && (body.role !== 'admin' || !body.active);
        if (losesAdmin && adminRepo.activeAdmins(db) <= 1) throw new DomainError('LAST_ADMIN');
        adminRepo.updateStaff(db, id, body);
        // A disabled account leaves at once: its sessions end and its counter seat is freed.
        if (!body.active) deps.auth.endSessionsOf(id);
        return { id, result: staff(id), subject: body.displayName, changes: diff(staffWords(before), staffWords({ ...body, username: before.username })) };
      });
    },
    async resetPassword(actor: StaffActor, id: number): Promise<StaffWithPassword> {
      const who = staff(id);
      const password = generatePassword();
      const passwordHash = await deps.auth.hashPassword(password);
      return audited(actor, 'staff.reset_password', 'staff', () => {
        adminRepo.setPassword(db, id, passwordHash);
        deps.auth.endSessionsOf(id);
        // The password itself is never logged; that it was reset is the change.
        return { id, result: { staff: staff(id), password }, subject: who.displayName, changes: [] };
      });
    },

    rules(): RulesBody {
      const config = deps.config.get();
      const { interleave, maxRecalls, keepArrivalOnTransfer } = config.rules;
      return { interleave, maxRecalls, keepArrivalOnTransfer, priorityCategories: config.priorities };
    },
    saveRules(actor: StaffActor, body: RulesBody): RulesBody {
      return audited(actor, 'rules.update', 'rules', () => {
        const codes = body.priorityCategories.map((p) => p.code);
        if (new Set(codes).size !== codes.length) throw new DomainError('PRIORITY_CODES_INVALID');
        const now = deps.clock.now();
        const current = settingsRepo.rules(db);
        const config = deps.config.get();
        const before = rulesWords({ ...config.rules, priorityCategories: config.priorities });
        settingsRepo.saveRules(db, { ...current, interleave: body.interleave, maxRecalls: body.maxRecalls, keepArrivalOnTransfer: body.keepArrivalOnTransfer }, now);
        settingsRepo.savePriorities(db, body.priorityCategories, now);
        return { id: null, result: body, subject: '', changes: diff(before, rulesWords(body)) };
      });
    },

    voice: (): VoiceSettingsBody => ({ english: deps.config.get().voice.english ?? false }),
    saveVoice(actor: StaffActor, body: VoiceSettingsBody): VoiceSettingsBody {
      return audited(actor, 'voice.update', 'voice', () => {
        const before = deps.config.get().voice.english ?? false;
        settingsRepo.saveVoice(db, { english: body.english }, deps.clock.now());
        return { id: null, result: body, subject: '', changes: diff({ english: before }, { english: body.english }) };
      });
    },

    audit: (limit: number) => adminRepo.auditList(db, limit),
  };
}

export type AdminService = ReturnType<typeof createAdminService>;
