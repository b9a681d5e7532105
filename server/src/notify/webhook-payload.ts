import type { LiveAlert, WebhookEventType, WebhookPayload } from '@luot/shared';
import type { LogItem, RatingItem } from './webhook-repo.ts';

/** An event of the log as a webhook sees it, or null when no webhook type tells of it. */
export interface Outgoing {
  eventId: string;
  type: WebhookEventType;
  /** The deliveries of one ticket (or one counter) go out in order. */
  orderKey: string;
  at: number;
  payload: WebhookPayload;
}

const typeOf: Partial<Record<string, WebhookEventType>> = {
  issued: 'ticket.issued',
  called: 'ticket.called',
  recalled: 'ticket.called',
  done: 'ticket.finished',
  counter_opened: 'counter.opened',
  counter_resumed: 'counter.opened',
  counter_paused: 'counter.paused',
};

/**
 * Only what the one-stop system needs to join a visit to its dossier: numbers, codes, times. Notes, cancel reasons
 * and tracking codes stay at the center (free text may hold a phone or an ID number).
 */
export function fromEvent(item: LogItem): Outgoing | null {
  const type = typeOf[item.type];
  if (!type) return null;
  const data = JSON.parse(item.data) as Record<string, unknown>;
  const at = Math.round(item.at);
  const body: WebhookPayload['data'] = { counterNumber: item.counterNumber };
  if (item.ticketId !== null) Object.assign(body, { ticketId: item.ticketId, number: item.number, serviceDay: item.serviceDay, field: item.fieldCode });
  if (type === 'ticket.issued') body.priority = item.priority;
  if (item.type === 'recalled') body.recalls = typeof data.recalls === 'number' ? data.recalls : null;
  if (type === 'ticket.finished') body.dossierCode = typeof data.dossierCode === 'string' ? data.dossierCode : null;
  if (type === 'counter.paused') body.reason = typeof data.reason === 'string' ? data.reason : null;
  const orderKey = item.ticketId !== null ? `ticket:${item.ticketId}` : `counter:${item.counterId ?? 0}`;
  return { eventId: `evt_${item.id}`, type, orderKey, at, payload: { id: `evt_${item.id}`, type, at: new Date(at).toISOString(), data: body } };
}

export function fromRating(item: RatingItem): Outgoing {
  const at = Math.round(item.at);
  const data: WebhookPayload['data'] = {
    ticketId: item.ticketId,
    number: item.number,
    serviceDay: item.serviceDay,
    field: item.fieldCode,
    counterNumber: item.counterNumber,
    score: item.score,
    reasons: (JSON.parse(item.reasons) as string[]).join(','),
    source: item.source,
  };
  return { eventId: `rating_${item.id}`, type: 'ticket.rated', orderKey: `ticket:${item.ticketId}`, at, payload: { id: `rating_${item.id}`, type: 'ticket.rated', at: new Date(at).toISOString(), data } };
}

/** A live alert is not in the log: its identity is what it is about, so the same alert is told once while it lasts. */
export function alertKey(alert: LiveAlert): string {
  return [alert.kind, alert.fieldId ?? '', alert.counterId ?? '', alert.printerId ?? '', alert.deviceId ?? ''].join(':');
}

export function fromAlert(alert: LiveAlert, at: number): Outgoing {
  const key = alertKey(alert);
  const id = `alert_${key}_${at}`;
  const data: WebhookPayload['data'] = {
    kind: alert.kind,
    fieldId: alert.fieldId ?? null,
    counterId: alert.counterId ?? null,
    printerId: alert.printerId ?? null,
    deviceId: alert.deviceId ?? null,
    messageVi: alert.message.vi,
    messageEn: alert.message.en,
  };
  return { eventId: id, type: 'alert.raised', orderKey: `alert:${key}`, at, payload: { id, type: 'alert.raised', at: new Date(at).toISOString(), data } };
}
