import type { PriorityCategory } from '@luot/shared';
import { asc, eq } from 'drizzle-orm';
import type { CounterField, FieldConfig, QueueRules } from '../domain/types.ts';
import type { OpenDb } from './open-db.ts';
import { settingsRepo, type CenterProfile, type VoiceSettings } from './repositories/settings-repo.ts';
import { counterFields, fields } from './schema/index.ts';

export type FieldRow = typeof fields.$inferSelect;

/** Everything an admin configures, as one immutable value. Queue state (tickets, counter status) is not here. */
export interface CenterConfig {
  version: number;
  rules: QueueRules;
  priorities: PriorityCategory[];
  center: CenterProfile;
  voice: VoiceSettings;
  /** Active fields in display order. */
  fieldRows: FieldRow[];
  fields: ReadonlyMap<number, FieldConfig>;
  /** Fields each counter serves, in its order. */
  counterLinks: ReadonlyMap<number, CounterField[]>;
}

/**
 * Configuration is read on every command but changes a few times a year. Triggers bump
 * `config_version` on any change to fields, counters' setup or settings (migration 0001), so a
 * one-row read tells whether the cached copy is still right — also when another connection wrote.
 */
export function createConfigCache(store: OpenDb) {
  const versionStmt = store.sqlite.prepare('SELECT version FROM config_version WHERE id = 1').pluck();
  let cached: CenterConfig | null = null;

  function load(version: number): CenterConfig {
    const { db } = store;
    const fieldRows = db.select().from(fields).where(eq(fields.active, true)).orderBy(asc(fields.position), asc(fields.id)).all();
    const parents = new Set(fieldRows.map((r) => r.parentId).filter((id): id is number => id !== null));
    const links = new Map<number, CounterField[]>();
    for (const l of db.select().from(counterFields).orderBy(asc(counterFields.position)).all()) {
      const list = links.get(l.counterId) ?? [];
      list.push({ fieldId: l.fieldId, position: l.position, weight: l.weight });
      links.set(l.counterId, list);
    }
    return {
      version,
      rules: settingsRepo.rules(db),
      priorities: settingsRepo.priorities(db),
      center: settingsRepo.center(db),
      voice: settingsRepo.voice(db),
      fieldRows,
      fields: new Map(
        fieldRows.map((r) => [
          r.id,
          {
            id: r.id,
            parentId: r.parentId,
            prefix: r.prefix,
            width: r.width,
            startNumber: r.startNumber,
            dailyLimit: r.dailyLimit,
            opensAt: r.opensAt,
            closesAt: r.closesAt,
            issuing: r.issuing,
            hasChildren: parents.has(r.id),
          },
        ]),
      ),
      counterLinks: links,
    };
  }

  return {
    get(): CenterConfig {
      const version = versionStmt.get() as number;
      if (cached?.version !== version) cached = load(version);
      return cached;
    },
  };
}

export type ConfigCache = ReturnType<typeof createConfigCache>;
