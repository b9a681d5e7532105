import type { LiveAlert, WebhookEventType } from '@luot/shared';
import type { OpenDb } from '../db/open-db.ts';
import type { Clock } from '../domain/clock.ts';
import { alertKey, fromAlert, fromEvent, fromRating, type Outgoing } from './webhook-payload.ts';
import { webhookRepo, type DueDelivery, type NewDelivery, type WebhookRow } from './webhook-repo.ts';
import { signWebhook } from './webhook-signature.ts';
import { WEBHOOK_SIGNATURE_HEADER } from '@luot/shared';

export interface WebhookRelayOptions {
  tickMs: number;
  /** Log entries read per pass. */
  batchSize: number;
  /** Deliveries sent at once (each to its own ticket or counter; one ticket's go one after another). */
  concurrency: number;
  attemptTimeoutMs: number;
  /** Backoff after a failed attempt: doubles from the first to the last. */
  backoffMs: { first: number; max: number };
  /** How long a delivery is retried before it is marked failed (a resend gives it another such span). */
  retryForMs: number;
}

export const defaultWebhookOptions: WebhookRelayOptions = {
  tickMs: 1000,
  batchSize: 500,
  concurrency: 4,
  attemptTimeoutMs: 10_000,
  backoffMs: { first: 30_000, max: 60 * 60_000 },
  retryForMs: 24 * 60 * 60_000,
};

type Logger = { warn(obj: object, msg: string): void };

/** The wait before attempt n+1 after n failed ones: first, 2×first, 4×first … capped. */
export function backoff(failedAttempts: number, o: WebhookRelayOptions['backoffMs']): number {
  return Math.min(o.max, o.first * 2 ** Math.max(0, failedAttempts - 1));
}

/**
 * Webhooks as an outbox relay over the committed event log, like the province sync: the queue's transactions never
 * see it. Each pass (1) turns the log past its cursor into delivery rows, writing them and the new cursor in one
 * transaction, then (2) sends what is due, signed, with a timeout, and records the outcome. A delivery is sent only
 * after it is committed, survives a restart, and one ticket's deliveries go out in order.
 */
export function createWebhookRelay(deps: { store: OpenDb; clock: Clock; alerts: () => LiveAlert[]; log: Logger; options?: Partial<WebhookRelayOptions> }) {
  const { db } = deps.store;
  const options = { ...defaultWebhookOptions, ...deps.options };
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  /** Alerts already told, by identity; an alert that clears and comes back is told again. */
  let toldAlerts = new Set<string>();

  function deliveriesFor(items: Outgoing[], hooks: WebhookRow[]): NewDelivery[] {
    const out: NewDelivery[] = [];
    for (const item of items)
      for (const hook of hooks)
        if (hook.events.includes(item.type) && item.at >= hook.createdAt)
          out.push({ webhookId: hook.id, eventId: item.eventId, eventType: item.type, orderKey: item.orderKey, body: JSON.stringify(item.payload) });
    return out;
  }

  /** Moves the cursor over the log, writing deliveries for what the webhooks asked for. Returns true if more remain. */
  function enqueueFromLog(): boolean {
    const now = deps.clock.now();
    const cursor = webhookRepo.cursor(db, now);
    const events = webhookRepo.eventsAfter(db, cursor.events, options.batchSize);
    const ratings = webhookRepo.ratingsAfter(db, cursor.ratings, options.batchSize);
    if (events.length === 0 && ratings.length === 0) return false;
    const hooks = webhookRepo.activeWebhooks(db);
    // A rating belongs after its ticket's finish: events and ratings merge by time, the log's order within each.
    const items = [...events.map(fromEvent), ...ratings.map(fromRating)].filter((x): x is Outgoing => x !== null).sort((a, b) => a.at - b.at);
    const next = { events: events.at(-1)?.id ?? cursor.events, ratings: ratings.at(-1)?.id ?? cursor.ratings };
    webhookRepo.enqueue(db, deliveriesFor(items, hooks), next, now, options.retryForMs);
    return events.length === options.batchSize || ratings.length === options.batchSize;
  }

  function enqueueAlerts(): void {
    const hooks = webhookRepo.activeWebhooks(db).filter((h) => h.events.includes('alert.raised' satisfies WebhookEventType));
    if (hooks.length === 0) {
      toldAlerts = new Set();
      return;
    }
    const now = deps.clock.now();
    const current = deps.alerts();
    const keys = new Set(current.map(alertKey));
    const fresh = current.filter((a) => !toldAlerts.has(alertKey(a)));
    toldAlerts = keys;
    if (fresh.length === 0) return;
    const cursor = webhookRepo.cursor(db, now);
    webhookRepo.enqueue(db, deliveriesFor(fresh.map((a) => fromAlert(a, now)), hooks), cursor, now, options.retryForMs);
  }

  async function attempt(d: DueDelivery): Promise<void> {
    const now = deps.clock.now();
    let status: number | null = null;
    let error: string;
    try {
      const response = await fetch(d.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [WEBHOOK_SIGNATURE_HEADER]: signWebhook(d.secret, d.body, Math.floor(now / 1000)), 'user-agent': 'Luot-Webhook/1' },
        body: d.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(options.attemptTimeoutMs),
      });
      status = response.status;
      await response.body?.cancel();
      if (status >= 200 && status < 300) {
        webhookRepo.markDelivered(db, d.id, status, deps.clock.now());
        return;
      }
      error = `HTTP ${status}`;
    } catch (e) {
      error = e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e);
    }
    const later = deps.clock.now() + backoff(d.attempts + 1, options.backoffMs);
    if (later > d.giveUpAt) webhookRepo.markFailed(db, d.id, status, error.slice(0, 300));
    else webhookRepo.markRetry(db, d.id, status, error.slice(0, 300), later);
  }

  /** One full pass: the log into deliveries, then everything due sent until nothing is due. */
  async function pass(): Promise<void> {
    try {
      while (enqueueFromLog()) await new Promise((r) => setImmediate(r));
      enqueueAlerts();
    } catch (e) {
      deps.log.warn({ err: e }, 'webhook relay could not read the event log; will try again');
      return;
    }
    for (;;) {
      const due = webhookRepo.due(db, deps.clock.now(), options.concurrency);
      if (due.length === 0) return;
      await Promise.all(due.map(attempt));
    }
  }

  function runOnce(): Promise<void> {
    running ??= pass().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    /** Runs a pass now (or waits for the one under way); tests drive the relay with it. */
    runOnce,
    start() {
      if (timer) return;
      timer = setInterval(() => void runOnce(), options.tickMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}

export type WebhookRelay = ReturnType<typeof createWebhookRelay>;
