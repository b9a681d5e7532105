import { ErrorBody, LoginBody, LoginResponse, Me } from '@luot/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { DomainError } from '../domain/errors.ts';
import { staffOf, type Guards } from './guards.ts';
import type { AuthService } from '../services/auth-service.ts';

export const authRoutes: FastifyPluginAsyncTypebox<{ guards: Guards; auth: AuthService }> = async (app, deps) => {
  // Per address and username, so one person mistyping does not lock out a whole office behind one NAT; and per
  // address, so invented usernames do not each get a fresh allowance. Both are counted before any password check.
  const limits = [
    app.createRateLimit({ max: 30, timeWindow: 60_000, keyGenerator: (req: FastifyRequest) => `address|${req.ip}` }),
    app.createRateLimit({ max: 10, timeWindow: 60_000, keyGenerator: (req: FastifyRequest) => `account|${req.ip}|${usernameOf(req.body)}` }),
  ];

  app.post(
    '/api/auth/login',
    {
      schema: { tags: ['auth'], summary: 'Staff sign-in', body: LoginBody, response: { 200: LoginResponse, 401: ErrorBody, 429: ErrorBody, 503: ErrorBody } },
      preHandler: async (request, reply) => {
        for (const limit of limits) {
          const verdict = await limit(request);
          if (!verdict.isAllowed && verdict.isExceeded) {
            void reply.header('retry-after', String(verdict.ttlInSeconds));
            throw new DomainError('TOO_MANY_ATTEMPTS');
          }
        }
      },
    },
    async (request) => {
      const { token, expiresAt, me } = await deps.auth.login(request.body.username, request.body.password, request.ip);
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
