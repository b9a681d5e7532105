import { ErrorBody, LoginBody, LoginResponse, Me } from '@luot/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppDeps } from '../deps.ts';
import { staffOf } from './guards.ts';

export const authRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  app.post(
    '/api/auth/login',
    {
      schema: { tags: ['auth'], summary: 'Staff sign-in', body: LoginBody, response: { 200: LoginResponse, 401: ErrorBody, 429: ErrorBody } },
      // Per address and username: one person mistyping does not lock out a whole office behind one NAT.
      config: {
        rateLimit: {
          max: 10,
          timeWindow: '1 minute',
          keyGenerator: (req: FastifyRequest) => `${req.ip}|${usernameOf(req.body)}`,
        },
      },
    },
    async (request) => {
      const { token, expiresAt, me } = await deps.auth.login(request.body.username, request.body.password);
      return { token, expiresAt: new Date(expiresAt).toISOString(), me };
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], response: { 200: Type.Object({ ok: Type.Boolean() }) } }, onRequest: deps.guards.staff() },
    async (request) => {
      deps.auth.logout(staffOf(request));
      return { ok: true };
    },
  );

  app.get(
    '/api/auth/me',
    { schema: { tags: ['auth'], response: { 200: Me, 401: ErrorBody } }, onRequest: deps.guards.staff() },
    async (request) => deps.auth.me(staffOf(request)),
  );
};

function usernameOf(body: unknown): string {
  if (typeof body !== 'object' || body === null || !('username' in body)) return '';
  return typeof body.username === 'string' ? body.username : '';
}
