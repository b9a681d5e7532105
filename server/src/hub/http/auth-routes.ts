import { ErrorBody, HubLoginResponse, HubMe, LoginBody } from '@luot/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { HubDeps } from './hub-deps.ts';
import { provinceOf } from './hub-guards.ts';

/** Province staff sign-in: the same paths and bodies as a center's, with the province's roles. */
export const hubAuthRoutes: FastifyPluginAsyncTypebox<{ deps: HubDeps }> = async (app, { deps }) => {
  app.post(
    '/api/auth/login',
    {
      schema: { tags: ['auth'], summary: 'Province staff sign-in', body: LoginBody, response: { 200: HubLoginResponse, 401: ErrorBody, 403: ErrorBody, 429: ErrorBody } },
      config: { rateLimit: { max: 10, timeWindow: '1 minute', keyGenerator: (req: FastifyRequest) => `${req.ip}|${usernameOf(req.body)}` } },
    },
    async (request) => {
      const { token, expiresAt, me } = await deps.auth.login(request.body.username, request.body.password);
      return { token, expiresAt: new Date(expiresAt).toISOString(), me };
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], response: { 200: Type.Object({ ok: Type.Boolean() }), 401: ErrorBody } }, onRequest: deps.guards.staff() },
    async (request) => {
      await deps.auth.logout(provinceOf(request));
      return { ok: true };
    },
  );

  app.get('/api/auth/me', { schema: { tags: ['auth'], response: { 200: HubMe, 401: ErrorBody } }, onRequest: deps.guards.staff() }, async (request) =>
    deps.auth.me(provinceOf(request)),
  );
};

function usernameOf(body: unknown): string {
  if (typeof body !== 'object' || body === null || !('username' in body)) return '';
  return typeof body.username === 'string' ? body.username : '';
}
