import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IssuedTicket } from '@luot/shared';
import type { Identity } from '../security/authorization-table.ts';
import { addCounter, addField, addStaff, bearer, deviceToken, login } from './fixtures.ts';
import type { TestServer } from './test-app.ts';

/** Stand-ins for the three built apps, so the static file server is part of what a probe reaches. */
export function standInApps(dir: string): void {
  for (const app of ['kiosk', 'counter-display', 'staff-console']) {
    mkdirSync(join(dir, app, 'dist'), { recursive: true });
    writeFileSync(join(dir, app, 'dist', 'index.html'), '<!doctype html><title>app</title>');
  }
}

export interface SecurityCenter {
  /** A token for each identity the authorization table knows; none for the anonymous caller. */
  tokens: Record<Identity, string | null>;
  trackingCode: string;
  fieldId: number;
  counterId: number;
}

/**
 * The small center the security tests probe: one field, two counters, an officer seated at counter 1, a
 * supervisor, an admin, a kiosk, a hall board, the counter screen of counter 1, one waiting ticket, and an API
 * token for each integration scope.
 */
export async function securityCenter(server: TestServer): Promise<SecurityCenter> {
  const fieldId = addField(server, { code: 'a', prefix: 'A' });
  const counterId = addCounter(server, 1, [fieldId]);
  addCounter(server, 2, [fieldId]);
  for (const [name, role] of [['quay1', 'officer'], ['giamsat', 'supervisor'], ['admin', 'admin']] as const) await addStaff(server, name, role);
  const officer = await login(server, 'quay1');
  await server.app.inject({ method: 'POST', url: `/api/counters/${counterId}/join`, headers: bearer(officer) });
  const kiosk = deviceToken(server, 'kiosk');
  const issued = await server.app.inject({ method: 'POST', url: '/api/tickets', headers: bearer(kiosk), payload: { fieldId } });
  const admin = await login(server, 'admin');
  const apiToken = async (scope: string) => {
    const res = await server.app.inject({ method: 'POST', url: '/api/admin/api-tokens', headers: bearer(admin), payload: { name: `token ${scope}`, scopes: [scope] } });
    if (res.statusCode !== 201) throw new Error(`api token ${scope}: ${res.body}`);
    return res.json<{ token: string }>().token;
  };
  return {
    tokens: {
      anonymous: null,
      kiosk,
      hall_board: deviceToken(server, 'hall_board'),
      counter_display: deviceToken(server, 'counter_display', counterId),
      officer,
      supervisor: await login(server, 'giamsat'),
      admin,
      token_reports: await apiToken('reports:read'),
      token_live: await apiToken('live:read'),
      token_webhooks: await apiToken('webhooks:receive'),
      token_tickets: await apiToken('tickets:issue'),
    },
    trackingCode: issued.json<IssuedTicket>().trackingCode,
    fieldId,
    counterId,
  };
}
