import { CenterInfo, HallMediaView, PairResponse, RenewResponse } from '@luot/shared';
import { Type } from 'typebox';
import type { DemoRequest } from '../device/boot-params.ts';
import { request } from '@luot/shared/ui';

/** The demo route's answer is declared inline in server/src/http/demo-routes.ts; only the token is read. */
const DemoDeviceToken = Type.Object({ token: Type.String({ minLength: 1 }) });

function demoPath(demo: DemoRequest): string {
  return demo.kind === 'hall_board' ? '/api/demo/device?kind=hall_board' : `/api/demo/device?kind=counter_display&counter=${demo.counter}`;
}

export const displayApi = {
  /** Demo center only (404 on a real center): a pre-paired screen's token, so a demo needs no pairing code. */
  demoToken: (demo: DemoRequest, signal?: AbortSignal) => request(demoPath(demo), DemoDeviceToken, { signal }),

  pair: (code: string, signal?: AbortSignal) => request('/api/devices/pair', PairResponse, { method: 'POST', body: { code }, signal }),

  /** Trades a token, even an expired one, for a fresh one; the old one stops working. */
  renew: (token: string, signal?: AbortSignal) => request('/api/devices/renew', RenewResponse, { method: 'POST', token, signal }),

  /** Field names for the counter screen, whose own stream carries only the counter. */
  center: (token: string, signal?: AbortSignal) => request('/api/center', CenterInfo, { token, signal }),

  /** The hall board's images and videos for its side panel. */
  media: (token: string, signal?: AbortSignal) => request('/api/media', Type.Array(HallMediaView), { token, signal }),
};
