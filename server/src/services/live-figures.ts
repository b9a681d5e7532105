import type { LiveAlert, LiveFigures } from '@luot/shared';
import type { SmsOutbox } from './sms-outbox.ts';
import { printerProblemText } from '@luot/shared';
import type { OpenDb } from '../db/open-db.ts';
import { accessRepo } from '../db/repositories/access-repo.ts';
import { liveRepo } from '../db/repositories/live-repo.ts';
import { eligibleFor } from '../domain/ordering.ts';
import type { Clock } from '../domain/clock.ts';
import type { KioskPace } from './kiosk-pace.ts';
import type { ReadModels } from './read-models.ts';
import type { Receipts } from './receipts.ts';

const HOUR_MS = 60 * 60 * 1000;
/** Connected screens are seen at least every minute (heartbeat re-checks); three minutes unseen is offline. */
const DEVICE_OFFLINE_MS = 3 * 60 * 1000;
const kindName = {
  kiosk: { vi: 'Kiosk', en: 'Kiosk' },
  counter_display: { vi: 'Màn hình quầy', en: 'Counter screen' },
  hall_board: { vi: 'Bảng gọi số', en: 'Hall board' },
} as const;
const minutes = (ms: number) => Math.max(0, Math.floor(ms / 60_000));

/** A disk of the center with little space left (measured by ops/disk-watch.ts, wired in parts.ts). */
export interface LowDisk {
  disk: 'data' | 'backup';
  path: string;
  freeBytes: number;
  totalBytes: number;
}

const diskName = { data: { vi: 'Ổ chứa dữ liệu', en: 'The data disk' }, backup: { vi: 'Ổ sao lưu', en: 'The backup disk' } } as const;
const gb = (bytes: number, lang: 'vi' | 'en') => (bytes / 1024 ** 3).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 });

/** What a supervisor reads: how much is left, what happens when it runs out, and who acts. */
function diskAlert(d: LowDisk): LiveAlert {
  const pct = d.totalBytes > 0 ? Math.floor((d.freeBytes / d.totalBytes) * 100) : 0;
  const consequence =
    d.disk === 'data'
      ? { vi: 'Khi đầy, máy sẽ không phát số được.', en: 'When it is full, no numbers can be issued.' }
      : { vi: 'Khi đầy, dữ liệu sẽ không được sao lưu.', en: 'When it is full, the data is no longer backed up.' };
  return {
    kind: 'disk_low',
    disk: d.disk,
    message: {
      vi: `${diskName[d.disk].vi} sắp đầy: còn ${gb(d.freeBytes, 'vi')} GB trống (${pct} %). ${consequence.vi} Hãy báo quản trị viên giải phóng chỗ hoặc thay ổ lớn hơn.`,
      en: `${diskName[d.disk].en} is nearly full: ${gb(d.freeBytes, 'en')} GB free (${pct} %). ${consequence.en} Ask the administrator to free space or fit a bigger disk.`,
    },
  };
}

/**
 * What a supervisor watches besides the live queue: waits per field against their targets, how long each
 * counter has been in its state, and alerts that need someone to act.
 */
export function createLiveFigures(deps: {
  store: OpenDb;
  clock: Clock;
  read: ReadModels;
  receipts: Receipts;
  kioskPace: KioskPace;
  idleAlertMs: number;
  /** The center's disks that are nearly full (none when not wired: tools). */
  lowDisks?: () => LowDisk[];
  /** SMS the outbox could not send (none when not wired: tools). */
  sms?: Pick<SmsOutbox, 'trouble'>;
}) {
  const { db } = deps.store;

  return {
    figures(): LiveFigures {
      const now = deps.clock.now();
      const { day, start } = deps.read.today();
      const fieldViews = deps.read.fields();
      const oldest = liveRepo.oldestWaiting(db, day);
      const waits = liveRepo.firstCallWaitMs(db, Math.max(start, now - HOUR_MS));
      const served = liveRepo.served(db, start);
      const lastEvent = liveRepo.counterLastEvent(db, start);
      const alerts: LiveAlert[] = [];

      const fields = fieldViews.map((f) => {
        const since = oldest.get(f.id);
        const longest = since === undefined ? 0 : Math.floor((now - since) / 1000);
        if (longest > f.targetWaitMinutes * 60) {
          alerts.push({
            kind: 'wait_over_target',
            fieldId: f.id,
            message: {
              vi: `${f.nameVi}: có người đã chờ ${minutes(longest * 1000)} phút (mục tiêu ${f.targetWaitMinutes} phút)`,
              en: `${f.nameEn}: someone has waited ${minutes(longest * 1000)} min (target ${f.targetWaitMinutes} min)`,
            },
          });
        }
        const avg = waits.get(f.id);
        return {
          fieldId: f.id,
          waiting: f.waiting,
          longestWaitSeconds: longest,
          averageWaitLastHourSeconds: avg === undefined ? null : Math.round(avg / 1000),
          servedToday: served.get(f.id) ?? 0,
          targetWaitMinutes: f.targetWaitMinutes,
        };
      });

      const counterViews = deps.read.counters();
      // Who could be called where, by the engine's own rule (domain/ordering.ts): a ticket sent to one counter is
      // waiting for that counter only, not for every counter of its field.
      const waiting = liveRepo.waitingGroups(db, day).map((g) => ({ status: 'waiting' as const, fieldId: g.fieldId, targetCounterId: g.targetCounterId }));
      const counters = counterViews.map((c) => {
        const since = c.current?.calledAt ? Date.parse(c.current.calledAt) : lastEvent.get(c.id);
        const idleMs = since === undefined ? null : now - since;
        const asEngine = { id: c.id, fields: c.fieldIds.map((fieldId, position) => ({ fieldId, position, weight: 1 })) };
        const waitingHere = waiting.some((t) => eligibleFor(asEngine, t));
        if (c.status === 'open' && c.current === null && waitingHere && (idleMs === null || idleMs >= deps.idleAlertMs)) {
          alerts.push({
            kind: 'counter_idle',
            counterId: c.id,
            message: {
              vi: `${c.name} đang mở nhưng không gọi số trong khi có công dân chờ`,
              en: `${c.name} is open but not calling while citizens wait`,
            },
          });
        }
        return { counterId: c.id, stateSinceSeconds: idleMs === null ? null : Math.floor(idleMs / 1000) };
      });

      for (const p of deps.receipts.states()) {
        if (p.problems.length === 0) continue;
        alerts.push({
          kind: 'printer',
          printerId: p.id,
          message: {
            vi: `${p.name}: ${p.problems.map((x) => printerProblemText[x].vi).join(', ')}`,
            en: `${p.name}: ${p.problems.map((x) => printerProblemText[x].en).join(', ')}`,
          },
        });
      }

      for (const d of accessRepo.listDevices(db)) {
        if (d.revokedAt !== null || d.pairedAt === null) continue;
        // A screen never seen has not been set up yet; one seen and then gone quiet is what needs a look.
        if (d.lastSeenAt === null || now - d.lastSeenAt < DEVICE_OFFLINE_MS) continue;
        alerts.push({
          kind: 'device_offline',
          deviceId: d.id,
          deviceKind: d.kind,
          message: { vi: `${kindName[d.kind].vi} "${d.name}" mất kết nối`, en: `${kindName[d.kind].en} "${d.name}" is offline` },
        });
      }

      for (const k of deps.kioskPace.refusedRecently()) {
        alerts.push({
          kind: 'kiosk_too_fast',
          deviceId: k.deviceId,
          deviceKind: 'kiosk',
          message: {
            vi: `Kiosk "${k.name}" lấy số nhanh bất thường: đã từ chối ${k.count} lần trong 10 phút qua. Hãy kiểm tra kiosk (màn hình cảm ứng bị kẹt, hoặc có người lạm dụng).`,
            en: `Kiosk "${k.name}" is taking numbers faster than a person could: refused ${k.count} times in the last 10 minutes. Check the kiosk (a stuck touch screen, or misuse).`,
          },
        });
      }

      for (const d of deps.lowDisks?.() ?? []) alerts.push(diskAlert(d));
      // SMS given up on (or still being retried) in the last day: the modem or gateway needs a look.
      const sms = deps.sms?.trouble(now - 86_400_000);
      if (sms && (sms.failed > 0 || sms.retrying > 0)) {
        alerts.push({
          kind: 'sms',
          message: {
            vi: `Tin nhắn SMS chưa gửi được: ${sms.failed} tin đã bỏ, ${sms.retrying} tin đang thử lại. Hãy kiểm tra modem hoặc cổng SMS (Quản trị → Nhật ký SMS).`,
            en: `SMS not sent: ${sms.failed} given up, ${sms.retrying} being retried. Check the modem or SMS gateway (Admin → SMS log).`,
          },
        });
      }

      return { at: new Date(now).toISOString(), fields, counters, alerts };
    },
  };
}

export type LiveFiguresService = ReturnType<typeof createLiveFigures>;
