import { maskMobile } from '@luot/shared';
import type { OpenDb } from '../db/open-db.ts';
import { smsRepo, type SmsPurpose } from '../db/repositories/sms-repo.ts';
import type { Clock } from '../domain/clock.ts';
import type { SmsGateway } from '../sms/gateway.ts';

export interface SmsOutboxOptions {
  /** The first retry waits this long; each next one twice as long, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** After this many failed attempts a message is given up on (and supervisors are told). */
  maxAttempts: number;
  /** How often the sender looks for due messages when nothing woke it. */
  pollMs: number;
}

/** 30 s, 1, 2, 4, 8, 16 min, then every 30 min: eight attempts over about two hours. */
export const defaultSmsOutboxOptions: SmsOutboxOptions = { baseDelayMs: 30_000, maxDelayMs: 30 * 60_000, maxAttempts: 8, pollMs: 5_000 };

/** What the booking and notice services ask for: the national number, the text (Vietnamese, NFC), why it is sent. */
export interface SmsRequest {
  to: string;
  text: string;
  purpose: SmsPurpose;
  ticketId?: number | null;
}

/** A line of the admin's SMS log: the number masked, never the text of a one-time code. */
export interface SmsLogEntry {
  id: number;
  to: string;
  purpose: SmsPurpose;
  text: string;
  status: 'queued' | 'sent' | 'failed';
  attempts: number;
  createdAt: number;
  sentAt: number | null;
  nextAt: number | null;
  lastError: string | null;
}

/** The wait before attempt `attempts + 1`, after `attempts` failures (1 → base, 2 → 2·base, …, capped). */
export function backoffMs(attempts: number, options: Pick<SmsOutboxOptions, 'baseDelayMs' | 'maxDelayMs'>): number {
  return Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, attempts - 1));
}

/**
 * The durable SMS queue. `enqueueSms` only inserts a row, synchronously, so it joins the transaction of whoever
 * calls it (the call that causes a "called" SMS, the booking that causes a one-time code): nothing is sent that was
 * not committed, and nothing committed is forgotten across a restart. The sender sends one message at a time on
 * its own timer; issuing and calling never wait for it.
 */
export function createSmsOutbox(deps: { store: OpenDb; clock: Clock; gateway: SmsGateway; log: (fields: Record<string, unknown>, message: string) => void; options?: Partial<SmsOutboxOptions> }) {
  const { db } = deps.store;
  const options = { ...defaultSmsOutboxOptions, ...deps.options };
  let timer: NodeJS.Timeout | null = null;
  let running = false;
  let sending: Promise<number> | null = null;

  async function sendOne(): Promise<boolean> {
    const row = smsRepo.nextDue(db, deps.clock.now());
    if (!row) return false;
    try {
      await deps.gateway.send({ to: row.phone, text: row.body });
      smsRepo.markSent(db, row.id, deps.clock.now());
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const attempts = row.attempts + 1;
      const giveUp = attempts >= options.maxAttempts;
      smsRepo.markAttemptFailed(db, row.id, reason, giveUp ? null : deps.clock.now() + backoffMs(attempts, options));
      deps.log({ smsId: row.id, purpose: row.purpose, to: maskMobile(row.phone), attempts, reason, gaveUp: giveUp }, 'SMS not sent');
      return true;
    }
    return true;
  }

  /** Sends every message due now, one after another; resolves with how many were tried. */
  function sendDue(): Promise<number> {
    sending ??= (async () => {
      let tried = 0;
      try {
        while (await sendOne()) tried++;
      } finally {
        sending = null;
      }
      return tried;
    })();
    return sending;
  }

  function schedule(delayMs: number): void {
    if (!running) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void sendDue().then(() => {
        const next = smsRepo.nextDueAt(db);
        const wait = next === null ? options.pollMs : Math.min(options.pollMs, Math.max(0, next - deps.clock.now()));
        schedule(wait);
      });
    }, delayMs);
    timer.unref();
  }

  return {
    /** Queues one SMS in the caller's transaction (or its own, outside one); the sender picks it up after the commit. */
    enqueueSms(request: SmsRequest): number {
      return smsRepo.enqueue(db, { phone: request.to, body: request.text.normalize('NFC'), purpose: request.purpose, ticketId: request.ticketId ?? null }, deps.clock.now());
    },

    /** Wakes the sender now (after a commit that queued something) instead of at its next poll. */
    kick(): void {
      if (running) schedule(0);
    },

    sendDue,

    start(): void {
      if (running) return;
      running = true;
      schedule(0);
    },

    async stop(): Promise<void> {
      running = false;
      if (timer) clearTimeout(timer);
      timer = null;
      await sending;
      await deps.gateway.close();
    },

    gatewayKind: deps.gateway.kind,

    /** The admin's SMS log, newest first: numbers masked, one-time codes hidden. */
    log(limit = 200): SmsLogEntry[] {
      return smsRepo.recent(db, limit).map((r) => ({
        id: r.id,
        to: maskMobile(r.phone),
        purpose: r.purpose,
        text: r.purpose === 'otp' ? '••••••' : r.body,
        status: r.status,
        attempts: r.attempts,
        createdAt: r.createdAt,
        sentAt: r.sentAt,
        nextAt: r.status === 'queued' ? r.nextAt : null,
        lastError: r.lastError,
      }));
    },

    /** What a supervisor must hear about: messages given up on today, and whether the oldest queued one is stuck. */
    trouble(sinceMs: number): { failed: number; retrying: number } {
      const recent = smsRepo.recent(db, 500).filter((r) => r.createdAt >= sinceMs);
      return { failed: recent.filter((r) => r.status === 'failed').length, retrying: recent.filter((r) => r.status === 'queued' && r.attempts > 0).length };
    },
  };
}

export type SmsOutbox = ReturnType<typeof createSmsOutbox>;
