import type { ApiTokenScope, ApiTokenView } from '@luot/shared';
import type { Db } from '../open-db.ts';
import { perConnection } from '../prepared.ts';

interface Raw {
  id: number;
  name: string;
  scopes: string;
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

const statements = perConnection((sqlite) => ({
  live: sqlite.prepare('SELECT id, name, scopes, last_used_at AS lastUsedAt FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL'),
  touch: sqlite.prepare('UPDATE api_tokens SET last_used_at = ? WHERE id = ?'),
  insert: sqlite.prepare('INSERT INTO api_tokens (name, scopes, token_hash, created_by, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id'),
  all: sqlite.prepare('SELECT id, name, scopes, created_at AS createdAt, last_used_at AS lastUsedAt, revoked_at AS revokedAt FROM api_tokens ORDER BY id'),
  revoke: sqlite.prepare('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
  exists: sqlite.prepare('SELECT 1 FROM api_tokens WHERE id = ?').pluck(),
  audit: sqlite.prepare('INSERT INTO audit_log (at, actor_id, action, entity, entity_id, details) VALUES (?, ?, ?, ?, ?, ?)'),
}));

const view = (r: Raw): ApiTokenView => ({
  id: r.id,
  name: r.name,
  scopes: JSON.parse(r.scopes) as ApiTokenScope[],
  createdAt: new Date(r.createdAt).toISOString(),
  lastUsedAt: r.lastUsedAt === null ? null : new Date(r.lastUsedAt).toISOString(),
  revoked: r.revokedAt !== null,
});

/** Integration tokens: stored as hashes; every creation and revocation writes an audit row in the same transaction. */
export const apiTokenRepo = {
  live(db: Db, tokenHash: string): { id: number; name: string; scopes: ApiTokenScope[]; lastUsedAt: number | null } | null {
    const row = statements(db).live.get(tokenHash) as Omit<Raw, 'createdAt' | 'revokedAt'> | undefined;
    return row ? { ...row, scopes: JSON.parse(row.scopes) as ApiTokenScope[] } : null;
  },
  touch: (db: Db, id: number, now: number) => statements(db).touch.run(now, id),
  list: (db: Db): ApiTokenView[] => (statements(db).all.all() as Raw[]).map(view),

  create(db: Db, input: { name: string; scopes: ApiTokenScope[]; tokenHash: string }, audit: { at: number; actorId: number }): ApiTokenView {
    const s = statements(db);
    const id = db.$client.transaction(() => {
      const { id } = s.insert.get(input.name, JSON.stringify(input.scopes), input.tokenHash, audit.actorId, audit.at) as { id: number };
      s.audit.run(audit.at, audit.actorId, 'api_token.create', 'api_token', id, JSON.stringify({ name: input.name, scopes: input.scopes }));
      return id;
    })();
    const found = apiTokenRepo.list(db).find((t) => t.id === id);
    if (!found) throw new Error('api token vanished after insert');
    return found;
  },

  revoke(db: Db, id: number, audit: { at: number; actorId: number }): ApiTokenView | null {
    const s = statements(db);
    const done = db.$client.transaction(() => {
      if (!s.exists.get(id)) return false;
      if (s.revoke.run(audit.at, id).changes > 0) s.audit.run(audit.at, audit.actorId, 'api_token.revoke', 'api_token', id, '{}');
      return true;
    })();
    return done ? (apiTokenRepo.list(db).find((t) => t.id === id) ?? null) : null;
  },
};
