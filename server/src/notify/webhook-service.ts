import type { WebhookBody, WebhookCreated, WebhookDeliveriesQuery, WebhookDeliveryView, WebhookView } from '@luot/shared';
import type { OpenDb } from '../db/open-db.ts';
import type { Clock } from '../domain/clock.ts';
import { DomainError } from '../domain/errors.ts';
import type { StaffActor } from '../services/actor.ts';
import { defaultWebhookOptions, type WebhookRelay } from './webhook-relay.ts';
import { webhookRepo } from './webhook-repo.ts';
import { newWebhookSecret } from './webhook-signature.ts';

/** What an admin does with webhooks: register, switch off and on, read the delivery log, resend. All audited. */
export function createWebhookService(deps: { store: OpenDb; clock: Clock; relay: WebhookRelay; retryForMs?: number }) {
  const { db } = deps.store;
  const retryForMs = deps.retryForMs ?? defaultWebhookOptions.retryForMs;
  const view = (id: number): WebhookView => {
    const found = webhookRepo.list(db).find((w) => w.id === id);
    if (!found) throw new DomainError('WEBHOOK_NOT_FOUND');
    return found;
  };
  return {
    list: (): WebhookView[] => webhookRepo.list(db),

    create(body: WebhookBody, actor: StaffActor): WebhookCreated {
      const secret = newWebhookSecret();
      const id = webhookRepo.create(db, { url: body.url, events: body.events, secret }, { at: deps.clock.now(), actorId: actor.staffId });
      return { webhook: view(id), secret };
    },

    setActive(id: number, active: boolean, actor: StaffActor): WebhookView {
      if (!webhookRepo.setActive(db, id, active, { at: deps.clock.now(), actorId: actor.staffId })) throw new DomainError('WEBHOOK_NOT_FOUND');
      return view(id);
    },

    deliveries: (query: WebhookDeliveriesQuery): WebhookDeliveryView[] => webhookRepo.deliveries(db, query.status ?? null, query.limit ?? 100),

    /** Back in the queue now; the relay sends it on its next pass (started here so the log shows it soon). */
    resend(id: number, actor: StaffActor | null): WebhookDeliveryView {
      if (!webhookRepo.resend(db, id, deps.clock.now(), retryForMs, { actorId: actor?.staffId ?? null })) throw new DomainError('DELIVERY_NOT_FOUND');
      void deps.relay.runOnce();
      const found = webhookRepo.deliveries(db, null, 500).find((d) => d.id === id);
      if (!found) throw new DomainError('DELIVERY_NOT_FOUND');
      return found;
    },
  };
}

export type WebhookService = ReturnType<typeof createWebhookService>;
