import type { SetupStatus } from '@luot/shared';
import { describe, expect, it } from 'vitest';
import { verifyPassword } from '../auth/password.ts';
import { accessRepo } from '../db/repositories/access-repo.ts';
import { setupRepo } from '../db/repositories/setup-repo.ts';
import { settings } from '../db/schema/index.ts';
import { bearer, login } from '../test-support/fixtures.ts';
import { setupForm } from '../test-support/setup-fixtures.ts';
import { startTestServer } from '../test-support/test-app.ts';

describe('first run of a real center', () => {
  it('begin() creates one admin with a one-time password and marks setup pending; a restart changes nothing', async () => {
    const server = await startTestServer();
    try {
      const { firstRun } = server.deps;
      expect(firstRun.state()).toMatchObject({ pending: true, adminUsername: null, startedAt: null, completedAt: null });
      const started = await firstRun.begin();
      expect(started?.username).toBe('admin');
      expect(started?.password.length).toBeGreaterThanOrEqual(12);
      const row = accessRepo.staffByUsername(server.store.db, 'admin');
      expect(row?.role).toBe('admin');
      expect(await verifyPassword(started?.password ?? '', row?.passwordHash ?? '')).toBe(true);
      expect(firstRun.state()).toMatchObject({ pending: true, adminUsername: 'admin', startedAt: server.clock.now(), completedAt: null });

      expect(await firstRun.begin()).toBeNull();
      expect(accessRepo.staffCount(server.store.db)).toBe(1);
    } finally {
      await server.dispose();
    }
  });

  it('is one record: finishing the setup screen completes the first run that the start banner and `luot status` read', async () => {
    const server = await startTestServer();
    try {
      const started = await server.deps.firstRun.begin();
      const admin = await login(server, 'admin', started?.password);
      const ask = async () => (await server.app.inject({ method: 'GET', url: '/api/setup', headers: bearer(admin) })).json<SetupStatus>();
      expect(await ask()).toEqual({ done: false });
      expect(server.deps.firstRun.state().pending).toBe(true);

      server.clock.advance(10);
      expect((await server.app.inject({ method: 'POST', url: '/api/setup', headers: bearer(admin), payload: setupForm })).statusCode).toBe(201);
      expect(await ask()).toEqual({ done: true });
      expect(server.deps.firstRun.state()).toMatchObject({ pending: false, how: 'setup', adminUsername: 'admin', completedAt: server.clock.now() });
      // Only one row holds it.
      const keys = server.store.db.select({ key: settings.key }).from(settings).all().map((r) => r.key);
      expect(keys).toContain('setup');
      expect(keys).not.toContain('first_run');
    } finally {
      await server.dispose();
    }
  });

  it('reads a database written by 0.2.0 (two marks) as one: the setup mark wins, and the next write folds them', async () => {
    const server = await startTestServer();
    try {
      const { db } = server.store;
      const put = (key: string, value: unknown) => db.insert(settings).values({ key, value, updatedAt: 0 }).run();
      // 0.2.0: the first start's mark stayed "pending" after the setup screen wrote its own "done".
      put('first_run', { status: 'pending', adminUsername: 'admin', startedAt: 1000, completedAt: null });
      expect(setupRepo.record(db)).toMatchObject({ pending: true, adminUsername: 'admin', startedAt: 1000 });
      put('setup', { done: true, how: 'setup', actorId: 1, at: '2026-11-01T02:00:00.000Z' });
      expect(setupRepo.record(db)).toEqual({ pending: false, how: 'setup', adminUsername: 'admin', startedAt: 1000, completedAt: Date.parse('2026-11-01T02:00:00.000Z'), actorId: 1 });
      setupRepo.markDone(db, 'import', 1, 5000);
      expect(db.select({ key: settings.key }).from(settings).all().map((r) => r.key)).not.toContain('first_run');
      expect(setupRepo.record(db)).toMatchObject({ pending: false, how: 'import', adminUsername: 'admin', startedAt: 1000, completedAt: 5000 });
    } finally {
      await server.dispose();
    }
  });
});
