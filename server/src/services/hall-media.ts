import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HALL_MEDIA_LIMITS, type HallMediaUploadQuery, type HallMediaView } from '@luot/shared';
import type { OpenDb } from '../db/open-db.ts';
import { mediaRepo, type HallMediaRow } from '../db/repositories/media-repo.ts';
import type { Clock } from '../domain/clock.ts';
import { DomainError } from '../domain/errors.ts';
import type { StaffActor } from './actor.ts';
import { sniffMedia } from './media-type.ts';

const view = (row: HallMediaRow): HallMediaView => ({
  id: row.id,
  kind: row.kind,
  mime: row.mime,
  title: row.title,
  bytes: row.bytes,
  seconds: row.seconds,
  url: `/media/${row.fileName}`,
  createdAt: new Date(row.createdAt).toISOString(),
});

/**
 * Images and short videos for the hall board, kept in `dir` (the server's data folder) under names nobody can
 * guess, checked by their first bytes and their size before anything is written.
 */
export function createHallMedia(deps: { store: OpenDb; clock: Clock; dir: string }) {
  const { db } = deps.store;
  return {
    list: (): HallMediaView[] => mediaRepo.list(db).map(view),

    add(body: Buffer, query: HallMediaUploadQuery, actor: StaffActor): HallMediaView {
      const type = sniffMedia(body);
      if (!type) throw new DomainError('MEDIA_TYPE_INVALID');
      if (body.length > HALL_MEDIA_LIMITS[type.kind]) throw new DomainError('MEDIA_TOO_LARGE');
      mkdirSync(deps.dir, { recursive: true });
      const fileName = `${randomUUID()}.${type.ext}`;
      const path = join(deps.dir, fileName);
      writeFileSync(path, body, { flag: 'wx' });
      try {
        const row = mediaRepo.add(
          db,
          { kind: type.kind, mime: type.mime, fileName, title: query.title.trim().normalize('NFC'), bytes: body.length, seconds: query.seconds ?? 10, createdAt: deps.clock.now() },
          actor.staffId,
        );
        return view(row);
      } catch (error) {
        rmSync(path, { force: true });
        throw error;
      }
    },

    remove(id: number, actor: StaffActor): void {
      const row = mediaRepo.byId(db, id);
      if (!row) throw new DomainError('MEDIA_NOT_FOUND');
      mediaRepo.remove(db, id, deps.clock.now(), actor.staffId);
      rmSync(join(deps.dir, row.fileName), { force: true });
    },

    /** The file and its type, or null: only names the center gave out are served, never a path. */
    file(fileName: string): { body: Buffer; mime: string } | null {
      const row = mediaRepo.byFile(db, fileName);
      if (!row) return null;
      return { body: readFileSync(join(deps.dir, row.fileName)), mime: row.mime };
    },
  };
}

export type HallMedia = ReturnType<typeof createHallMedia>;
