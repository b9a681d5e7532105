import type { HubRole } from '@luot/shared';
import type { FastifyRequest } from 'fastify';
import type { CenterRow } from '../db/centers-repo.ts';
import { DomainError } from '../../domain/errors.ts';
import { bearer } from '../../http/guards.ts';
import type { CentersService } from '../services/centers-service.ts';
import type { HubAuth, ProvinceActor } from '../services/hub-auth.ts';

declare module 'fastify' {
  interface FastifyRequest {
    province: ProvinceActor | null;
    syncCenter: CenterRow | null;
  }
}

/**
 * Who may call a hub route, decided from the bearer token before the body is read: province staff by role,
 * centers by their sync key. A center's key never opens a staff route, nor a staff token a sync route.
 */
export function hubGuards(deps: { auth: HubAuth; centers: CentersService }) {
  return {
    staff(...roles: HubRole[]) {
      return async (request: FastifyRequest) => {
        const token = bearer(request);
        request.province = token ? await deps.auth.authenticate(token) : null;
        if (!request.province) throw new DomainError('UNAUTHENTICATED');
        if (roles.length && !roles.includes(request.province.role)) throw new DomainError('FORBIDDEN');
      };
    },
    /** A center's key: the center it belongs to must be the one the path names. */
    center() {
      return async (request: FastifyRequest<{ Params: { centerId?: unknown } }>) => {
        const token = bearer(request);
        request.syncCenter = token ? await deps.centers.byKey(token) : null;
        if (!request.syncCenter) throw new DomainError('SYNC_KEY_INVALID');
        if (Number(request.params.centerId) !== request.syncCenter.id) throw new DomainError('SYNC_WRONG_CENTER');
      };
    },
  };
}

export type HubGuards = ReturnType<typeof hubGuards>;

export function provinceOf(request: FastifyRequest): ProvinceActor {
  if (!request.province) throw new DomainError('UNAUTHENTICATED');
  return request.province;
}

export function syncCenterOf(request: FastifyRequest): CenterRow {
  if (!request.syncCenter) throw new DomainError('SYNC_KEY_INVALID');
  return request.syncCenter;
}
