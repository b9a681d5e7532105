import { describe, expect, it } from 'vitest';
import { bearer, deviceToken, issue, smallCenter } from '../test-support/fixtures.ts';
import { startTestServer } from '../test-support/test-app.ts';
import { TestSocket } from '../test-support/ws-client.ts';
import { buildApp } from '../app.ts';
import { openDb } from '../db/open-db.ts';

describe('/metrics', () => {
  it('speaks Prometheus to leaders: tickets, waiting, counters, screens, database size, backup age, event-loop delay', async () => {
    const server = await startTestServer({ listen: true });
    try {
      const { fieldA, kiosk, supervisor, officer1, admin } = await smallCenter(server);
      for (let i = 0; i < 3; i += 1) expect((await issue(server, kiosk, fieldA)).statusCode).toBe(201);
      expect((await server.app.inject({ method: 'POST', url: '/api/counters/1/call-next', headers: bearer(officer1) })).statusCode).toBe(200);
      await server.app.inject({ method: 'POST', url: '/api/admin/backups', headers: bearer(admin) });

      expect((await server.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
      expect((await server.app.inject({ method: 'GET', url: '/metrics', headers: bearer(officer1) })).statusCode).toBe(403);
      const res = await server.app.inject({ method: 'GET', url: '/metrics', headers: bearer(supervisor) });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/plain');
      const text = res.body;
      expect(text).toMatch(/^luot_ticket_events_today\{type="issued",field="a"\} 3$/m);
      expect(text).toMatch(/^luot_ticket_events_today\{type="called",field="a"\} 1$/m);
      expect(text).toMatch(/^luot_waiting\{field="a"\} 2$/m);
      expect(text).toMatch(/^luot_counters\{status="open"\} 2$/m);
      expect(text).toMatch(/^luot_database_bytes \d{4,}$/m);
      expect(text).toMatch(/^luot_last_backup_age_seconds \d+$/m);
      expect(text).toMatch(/^luot_disk_free_bytes\{disk="database"\} \d+$/m);
      expect(text).toMatch(/^nodejs_eventloop_lag_p99_seconds /m);
      expect(text).toMatch(/^process_resident_memory_bytes /m);
    } finally {
      await server.dispose();
    }
  });

  it('counts connected screens by kind', async () => {
    const server = await startTestServer({ listen: true });
    try {
      const { supervisor } = await smallCenter(server);
      const address = server.app.server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const board = await TestSocket.hello(`ws://127.0.0.1:${port}/ws`, deviceToken(server, 'hall_board'));
      const display = await TestSocket.hello(`ws://127.0.0.1:${port}/ws`, deviceToken(server, 'counter_display', 1));
      const text = (await server.app.inject({ method: 'GET', url: '/metrics', headers: bearer(supervisor) })).body;
      expect(text).toMatch(/^luot_connected_screens\{kind="hall_board"\} 1$/m);
      expect(text).toMatch(/^luot_connected_screens\{kind="counter_display"\} 1$/m);
      expect(text).toMatch(/^luot_connected_screens\{kind="kiosk"\} 0$/m);
      board.close();
      display.close();
    } finally {
      await server.dispose();
    }
  });

  it('answers the addresses in LUOT_METRICS_ALLOW without a sign-in, and no others', async () => {
    const store = openDb(':memory:');
    for (const [allow, expected] of [
      [['127.0.0.1'], 200],
      [['10.0.0.0/8'], 401],
      [['127.0.0.0/8', '::1'], 200],
    ] as const) {
      const { app } = await buildApp({ store, config: { heartbeatMs: 15_000, appsRoot: '/nonexistent', demo: false, publicUrl: null, metricsAllow: [...allow] } });
      expect((await app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(expected);
      await app.close();
    }
    store.close();
  });
});
