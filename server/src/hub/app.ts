import { existsSync } from 'node:fs';
import { join } from 'node:path';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import websocket from '@fastify/websocket';
import { HealthResponse } from '@luot/shared';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { installErrorHandling } from '../http/errors.ts';
import { apiDocsPolicy, securityHeaders } from '../http/security-headers.ts';
import { lazySerializers } from '../http/lazy-serializers.ts';
import { strictValidatorCompiler } from '../http/strict-validator.ts';
import { VERSION } from '../version.ts';
import type { HubStore } from './db/open-hub-db.ts';
import { hubAdminRoutes } from './http/admin-routes.ts';
import { hubAuthRoutes } from './http/auth-routes.ts';
import { boardRoutes } from './http/board-routes.ts';
import type { HubDeps } from './http/hub-deps.ts';
import { hubGuards } from './http/hub-guards.ts';
import { hubReportRoutes } from './http/report-routes.ts';
import { syncRoutes } from './http/sync-routes.ts';
import { createIngest } from './ingest/ingest-service.ts';
import { createBoardFanout } from './live/board-fanout.ts';
import { createBoardService } from './services/board-service.ts';
import { createCentersService } from './services/centers-service.ts';
import { createHubAuth } from './services/hub-auth.ts';
import { createHubReportService } from './services/hub-report-service.ts';

export interface HubAppOptions {
  store: HubStore;
  provinceName: string;
  /** Folder holding staff-console/dist (the console is served in hub mode) and docs/help. */
  appsRoot: string;
  clock?: { now(): number };
  logger?: FastifyServerOptions['logger'];
  scryptN?: number;
  /** How often board rows are re-checked without any event (offline centers); tests shorten it. */
  sweepMs?: number;
}

/** The province hub, built from its parts like the center's app: no module-level state. */
export async function buildHubApp(options: HubAppOptions): Promise<{ app: FastifyInstance; deps: HubDeps }> {
  const clock = options.clock ?? { now: () => Date.now() };
  const { store } = options;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 64 * 1024,
    trustProxy: false,
    schemaController: { compilersFactory: { buildSerializer: lazySerializers } },
  });
  const auth = createHubAuth({ store, clock, scryptN: options.scryptN });
  const centers = createCentersService({ store, clock });
  const board = createBoardService({ store, clock });
  const deps: HubDeps = {
    store,
    clock,
    provinceName: options.provinceName,
    auth,
    centers,
    ingest: createIngest({ store, clock }),
    board,
    fanout: createBoardFanout({ sql: store.sql, board, log: app.log, sweepMs: options.sweepMs }),
    reports: createHubReportService({ store, clock, provinceName: options.provinceName }),
    guards: hubGuards({ auth, centers }),
  };

  // The same request discipline and headers as a center: canonical ids only, a strict Content-Security-Policy.
  app.setValidatorCompiler(strictValidatorCompiler);
  app.removeContentTypeParser('text/plain');
  app.decorateRequest('province', null);
  app.decorateRequest('syncCenter', null);
  installErrorHandling(app);
  await securityHeaders(app);

  await app.register(swagger, {
    openapi: {
      info: { title: 'Lượt province hub API', version: VERSION, description: 'Every center of a province: sync, live board, reports' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', transformStaticCSP: apiDocsPolicy });
  await app.register(rateLimit, { global: false, hook: 'preHandler' });
  await app.register(websocket, { options: { maxPayload: 16 * 1024 } });

  app.get('/api/health', { schema: { tags: ['system'], response: { 200: HealthResponse } } }, async () => {
    await store.sql`select 1`;
    return { status: 'ok' as const, center: options.provinceName, version: VERSION, time: new Date(clock.now()).toISOString(), mode: 'hub' as const };
  });
  await app.register(hubAuthRoutes, { deps });
  await app.register(hubAdminRoutes, { deps });
  await app.register(boardRoutes, { deps });
  await app.register(hubReportRoutes, { deps });
  await app.register(syncRoutes, { deps });
  await registerConsole(app, options.appsRoot);

  await deps.fanout.start();
  app.addHook('onClose', async () => deps.fanout.stop());
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  return { app, deps };
}

/** The staff console in hub mode (its hub.html page), and the role guides. */
async function registerConsole(app: FastifyInstance, appsRoot: string): Promise<void> {
  const root = join(appsRoot, 'staff-console', 'dist');
  app.get('/', async (_req, reply) => reply.redirect('/console/'));
  app.get('/console', async (_req, reply) => reply.redirect('/console/'));
  if (!existsSync(join(root, 'hub.html'))) {
    app.get('/console/*', async (_req, reply) =>
      reply
        .status(503)
        .type('text/html; charset=utf-8')
        .send('<!doctype html><meta charset="utf-8"><p>Ứng dụng chưa được build. Chạy <code>pnpm build</code> rồi khởi động lại máy chủ.</p><p>The app is not built yet. Run <code>pnpm build</code> and restart.</p>'),
    );
    return;
  }
  await app.register(fastifyStatic, { root, prefix: '/console/', index: ['hub.html'] });
  await app.register(fastifyStatic, { root: join(appsRoot, 'docs', 'help'), prefix: '/help/', decorateReply: false, index: ['index.html'] });
}
