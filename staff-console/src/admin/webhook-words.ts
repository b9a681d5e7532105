import type { ApiTokenScope, StringKey, WebhookDeliveryView, WebhookEventType } from '@luot/shared';

export const eventKey: Record<WebhookEventType, StringKey> = {
  'ticket.issued': 'hooksEventIssued',
  'ticket.called': 'hooksEventCalled',
  'ticket.finished': 'hooksEventFinished',
  'ticket.rated': 'hooksEventRated',
  'counter.opened': 'hooksEventOpened',
  'counter.paused': 'hooksEventPaused',
  'alert.raised': 'hooksEventAlert',
};

export const statusKey: Record<WebhookDeliveryView['status'], StringKey> = {
  pending: 'hooksStatusPending',
  delivered: 'hooksStatusDelivered',
  failed: 'hooksStatusFailed',
};

export const scopeKey: Record<ApiTokenScope, StringKey> = {
  'reports:read': 'scopeReports',
  'live:read': 'scopeLive',
  'webhooks:receive': 'scopeWebhooks',
  'tickets:issue': 'scopeTickets',
};
