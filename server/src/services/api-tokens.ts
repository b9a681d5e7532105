import type { ApiTokenBody, ApiTokenCreated, ApiTokenView } from '@luot/shared';
import { hashToken, newToken } from '../auth/tokens.ts';
import type { OpenDb } from '../db/open-db.ts';
import { apiTokenRepo } from '../db/repositories/api-token-repo.ts';
import type { Clock } from '../domain/clock.ts';
import { DomainError } from '../domain/errors.ts';
import type { StaffActor } from './actor.ts';

/** API tokens for integrations: made and revoked by admins, shown once, kept as a hash, audited. */
export function createApiTokens(deps: { store: OpenDb; clock: Clock }) {
  const { db } = deps.store;
  return {
    list: (): ApiTokenView[] => apiTokenRepo.list(db),

    create(body: ApiTokenBody, actor: StaffActor): ApiTokenCreated {
      const token = newToken('integration');
      const view = apiTokenRepo.create(db, { name: body.name.trim().normalize('NFC'), scopes: body.scopes, tokenHash: hashToken(token) }, { at: deps.clock.now(), actorId: actor.staffId });
      return { token, view };
    },

    revoke(id: number, actor: StaffActor): ApiTokenView {
      const view = apiTokenRepo.revoke(db, id, { at: deps.clock.now(), actorId: actor.staffId });
      if (!view) throw new DomainError('API_TOKEN_NOT_FOUND');
      return view;
    },
  };
}

export type ApiTokens = ReturnType<typeof createApiTokens>;
