import { describe, expect, it } from 'vitest';
import { verifyPassword } from '../auth/password.ts';
import { accessRepo } from '../db/repositories/access-repo.ts';
import { startTestServer } from '../test-support/test-app.ts';

describe('first run of a real center', () => {
  it('begin() creates one admin with a one-time password and marks setup pending; complete() ends it; a restart changes nothing', async () => {
    const server = await startTestServer();
    try {
      const { firstRun } = server.deps;
      expect(firstRun.state()).toEqual({ pending: false, adminUsername: null, startedAt: null, completedAt: null });
      const started = await firstRun.begin();
      expect(started?.username).toBe('admin');
      expect(started?.password.length).toBeGreaterThanOrEqual(12);
      const row = accessRepo.staffByUsername(server.store.db, 'admin');
      expect(row?.role).toBe('admin');
      expect(await verifyPassword(started?.password ?? '', row?.passwordHash ?? '')).toBe(true);
      expect(firstRun.state()).toMatchObject({ pending: true, adminUsername: 'admin', startedAt: server.clock.now(), completedAt: null });

      expect(await firstRun.begin()).toBeNull();
      expect(accessRepo.staffCount(server.store.db)).toBe(1);

      server.clock.advance(10);
      expect(firstRun.complete()).toMatchObject({ pending: false, completedAt: server.clock.now() });
      expect(firstRun.complete().completedAt).toBe(server.clock.now());
    } finally {
      await server.dispose();
    }
  });
});
