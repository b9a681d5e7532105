import { eq } from 'drizzle-orm';
import type { PriorityCategory } from '@luot/shared';
import type { QueueRules } from '../../domain/types.ts';
import type { Db } from '../open-db.ts';
import { settings } from '../schema/index.ts';

export interface CenterProfile {
  name: string;
  address: string;
  /** data: URL of a small PNG or SVG, or empty. */
  logo: string;
  receiptFooter: string;
  hallNotice: string;
}

/** Admin's voice choice; null english means the server's configuration decides. */
export interface VoiceSettings {
  english: boolean | null;
}

export const defaultRules: QueueRules = {
  interleave: { priority: 1, normal: 2 },
  bookedInterleave: { booked: 2, walkIn: 1 },
  maxRecalls: 3,
  keepArrivalOnTransfer: true,
  priorityCategories: ['elderly', 'disability', 'pregnancy', 'meritorious'],
  dayRollover: '00:00',
};

/** Priority classes by law and custom; the admin may edit names and the list. */
export const defaultPriorities: PriorityCategory[] = [
  { code: 'elderly', nameVi: 'Người cao tuổi', nameEn: 'Elderly person' },
  { code: 'disability', nameVi: 'Người khuyết tật', nameEn: 'Person with a disability' },
  { code: 'pregnancy', nameVi: 'Phụ nữ mang thai', nameEn: 'Pregnant woman' },
  { code: 'meritorious', nameVi: 'Người có công với cách mạng', nameEn: 'Person with meritorious service' },
];

export const defaultCenter: CenterProfile = {
  name: 'Trung tâm Phục vụ hành chính công',
  address: '',
  logo: '',
  receiptFooter: '',
  hallNotice: '',
};

function read<T>(db: Db, key: string, fallback: T): T {
  const row = db.select().from(settings).where(eq(settings.key, key)).get();
  return row ? { ...fallback, ...(row.value as Partial<T>) } : fallback;
}

function write(db: Db, key: string, value: unknown, now: number): void {
  db.insert(settings)
    .values({ key, value, updatedAt: now })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } })
    .run();
}

export const settingsRepo: {
  rules(db: Db): QueueRules;
  priorities(db: Db): PriorityCategory[];
  savePriorities(db: Db, list: PriorityCategory[], now: number): void;
  center(db: Db): CenterProfile;
  voice(db: Db): VoiceSettings;
  saveVoice(db: Db, voice: VoiceSettings, now: number): void;
  saveRules(db: Db, rules: QueueRules, now: number): void;
  saveCenter(db: Db, center: CenterProfile, now: number): void;
} = {
  rules: (db: Db): QueueRules => ({
    ...read(db, 'rules', defaultRules),
    priorityCategories: settingsRepo.priorities(db).map((p) => p.code),
  }),
  priorities: (db: Db): PriorityCategory[] => {
    const row = db.select().from(settings).where(eq(settings.key, 'priorities')).get();
    return row ? (row.value as PriorityCategory[]) : defaultPriorities;
  },
  savePriorities: (db: Db, list: PriorityCategory[], now: number) => write(db, 'priorities', list, now),
  center: (db: Db): CenterProfile => read(db, 'center', defaultCenter),
  voice: (db: Db): VoiceSettings => read<VoiceSettings>(db, 'voice', { english: null }),
  saveVoice: (db: Db, voice: VoiceSettings, now: number) => write(db, 'voice', voice, now),
  saveRules: (db: Db, rules: QueueRules, now: number) => write(db, 'rules', rules, now),
  saveCenter: (db: Db, center: CenterProfile, now: number) => write(db, 'center', center, now),
};
