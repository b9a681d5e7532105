import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { HallMediaView } from '@luot/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bearer, deviceToken, smallCenter } from '../test-support/fixtures.ts';
import { startTestServer, type TestServer } from '../test-support/test-app.ts';

let server: TestServer;
let center: Awaited<ReturnType<typeof smallCenter>>;

beforeEach(async () => {
  server = await startTestServer();
  center = await smallCenter(server);
});
afterEach(async () => server.dispose());

/** A real 1×1 PNG, and the first bytes of an MP4 (an ftyp box). */
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 0x20]), Buffer.from('ftypisom'), Buffer.alloc(200)]);

const upload = (body: Buffer, type: string, title = 'Hướng dẫn thủ tục', token = center.admin) =>
  server.app.inject({ method: 'POST', url: `/api/admin/media?title=${encodeURIComponent(title)}&seconds=8`, headers: { ...bearer(token), 'content-type': type }, payload: body });

const mediaDir = () => join(server.dir, 'media');

describe('hall board media', () => {
  it('stores an image and a video under the data folder, lists them for the board, and serves the bytes', async () => {
    const image = await upload(png, 'image/png');
    expect(image.statusCode, image.body).toBe(201);
    // The client's type is not believed: the file's first bytes are.
    const video = await upload(mp4, 'application/octet-stream', 'Thông báo');
    expect(video.json()).toMatchObject({ kind: 'video', mime: 'video/mp4', title: 'Thông báo' });
    expect(readdirSync(mediaDir())).toHaveLength(2);
    const board = deviceToken(server, 'hall_board');
    const list = (await server.app.inject({ method: 'GET', url: '/api/media', headers: bearer(board) })).json<HallMediaView[]>();
    expect(list.map((m) => [m.kind, m.title, m.seconds])).toEqual([
      ['image', 'Hướng dẫn thủ tục', 8],
      ['video', 'Thông báo', 8],
    ]);
    const served = await server.app.inject({ method: 'GET', url: list[0]?.url ?? '' });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.rawPayload.equals(png)).toBe(true);
  });

  it('refuses a file that is not an image or video by its bytes, and one over the size limit', async () => {
    const html = await upload(Buffer.from('<html><script>alert(1)</script></html>'), 'image/png');
    expect(html.json()).toMatchObject({ statusCode: 415, code: 'MEDIA_TYPE_INVALID' });
    const bigImage = Buffer.concat([png, Buffer.alloc(5 * 1024 * 1024)]);
    expect((await upload(bigImage, 'image/png')).json()).toMatchObject({ statusCode: 413, code: 'MEDIA_TOO_LARGE' });
    expect(existsSync(mediaDir()) ? readdirSync(mediaDir()) : []).toEqual([]);
  });

  it('only an admin uploads and removes; removing deletes the file and is audited; unknown names are 404', async () => {
    for (const token of [center.officer1, center.supervisor, center.kiosk]) expect((await upload(png, 'image/png', 'x', token)).statusCode).toBe(403);
    const added = (await upload(png, 'image/png')).json<HallMediaView>();
    expect((await server.app.inject({ method: 'GET', url: '/api/media', headers: bearer(center.kiosk) })).statusCode).toBe(403);
    const removed = await server.app.inject({ method: 'DELETE', url: `/api/admin/media/${added.id}`, headers: bearer(center.admin) });
    expect(removed.statusCode).toBe(204);
    expect(readdirSync(mediaDir())).toEqual([]);
    expect((await server.app.inject({ method: 'GET', url: added.url })).statusCode).toBe(404);
    expect((await server.app.inject({ method: 'GET', url: '/media/..%2Fluot.db' })).statusCode).toBe(400);
    const actions = (server.store.sqlite.prepare("SELECT action FROM audit_log WHERE entity = 'hall_media' ORDER BY id").all() as { action: string }[]).map((a) => a.action);
    expect(actions).toEqual(['media.add', 'media.remove']);
  });
});
