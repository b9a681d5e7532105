import type { ApiTokenScope, DeviceKind, Role } from '@luot/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../domain/errors.ts';
import type { Actor, StaffActor } from '../services/actor.ts';
import type { AuthService } from '../services/auth-service.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export function bearer(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header?.startsWith('Bearer ')) return null;
  return header.slice(7).trim() || null;
}

/**
 * onRequest hook factories: who may call a route is decided here from the token, never from the body, and
 * before the body is parsed or validated, so a stranger learns nothing about what a valid request looks like.
 */
export function guards(auth: AuthService) {
  function resolve(request: FastifyRequest): Actor | null {
    const token = bearer(request);
    request.actor = token ? auth.authenticate(token) : null;
    // An expired device token gets its own answer, so the screen renews it instead of asking for pairing.
    if (!request.actor && token && auth.deviceTokenExpired(token)) throw new DomainError('DEVICE_TOKEN_EXPIRED');
    return request.actor;
  }

  return {
    staff(...roles: Role[]) {
      return async (request: FastifyRequest, _reply: FastifyReply) => {
        const actor = resolve(request);
        if (!actor) throw new DomainError('UNAUTHENTICATED');
        if (actor.kind !== 'staff') throw new DomainError('FORBIDDEN');
        if (roles.length && !roles.includes(actor.role)) throw new DomainError('FORBIDDEN');
      };
    },
    device(...kinds: DeviceKind[]) {
      return async (request: FastifyRequest, _reply: FastifyReply) => {
        const actor = resolve(request);
        if (!actor) throw new DomainError('DEVICE_REQUIRED');
        if (actor.kind !== 'device' || !kinds.includes(actor.deviceKind)) throw new DomainError('DEVICE_NOT_ALLOWED');
      };
    },
    /**
     * Staff of the given roles (and devices of the given kinds), or an integration's API token carrying `scope`.
     * A token without the scope is refused with a code that says so; it never reaches any other route.
     */
    scoped(scope: ApiTokenScope, roles: Role[], kinds: DeviceKind[] = []) {
      return async (request: FastifyRequest, _reply: FastifyReply) => {
        const actor = resolve(request);
        if (!actor) throw new DomainError('UNAUTHENTICATED');
        if (actor.kind === 'integration') {
          if (!actor.scopes.includes(scope)) throw new DomainError('TOKEN_SCOPE_MISSING');
          return;
        }
        const ok = actor.kind === 'staff' ? roles.includes(actor.role) : actor.kind === 'device' && kinds.includes(actor.deviceKind);
        if (!ok) throw new DomainError('FORBIDDEN');
      };
    },
    /** Staff of the given roles, or devices of the given kinds. */
    either(roles: Role[], kinds: DeviceKind[]) {
      return async (request: FastifyRequest, _reply: FastifyReply) => {
        const actor = resolve(request);
        if (!actor) throw new DomainError('UNAUTHENTICATED');
        const ok = actor.kind === 'staff' ? roles.includes(actor.role) : actor.kind === 'device' && kinds.includes(actor.deviceKind);
        if (!ok) throw new DomainError('FORBIDDEN');
      };
    },
  };
}

export type Guards = ReturnType<typeof guards>;

export function staffOf(request: FastifyRequest): StaffActor {
  const actor = request.actor;
  if (actor?.kind !== 'staff') throw new DomainError('UNAUTHENTICATED');
  return actor;
}

export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new DomainError('UNAUTHENTICATED');
  return request.actor;
}
