import { CenterInfo, IssuedTicket, PairResponse, RenewResponse, type IssueTicketBody } from '@luot/shared';
import { Type } from 'typebox';
import { request } from '@luot/shared/ui';

/**
 * The demo route's answer is declared inline in server/src/http/demo-routes.ts, not in @luot/shared;
 * the kiosk checks only the one property it reads.
 */
const DemoDeviceToken = Type.Object({ token: Type.String({ minLength: 1 }) });

export const kioskApi = {
  /** Demo center only (404 elsewhere): the pre-paired kiosk's token, so a demo needs no pairing code. */
  demoToken: (signal?: AbortSignal) => request('/api/demo/device?kind=kiosk', DemoDeviceToken, { signal }),

  pair: (code: string, signal?: AbortSignal) => request('/api/devices/pair', PairResponse, { method: 'POST', body: { code }, signal }),

  /** Trades a token, even an expired one, for a fresh one (the old one stops working). */
  renew: (token: string, signal?: AbortSignal) => request('/api/devices/renew', RenewResponse, { method: 'POST', token, signal }),

  center: (token: string, signal?: AbortSignal) => request('/api/center', CenterInfo, { token, signal }),

  issue: (token: string, body: IssueTicketBody, signal?: AbortSignal) =>
    request('/api/tickets', IssuedTicket, {
      method: 'POST',
      token,
      body,
      signal,
      // The server waits up to 3 s for the printer's first attempt before it answers.
      timeoutMs: 12_000,
    }),
};
