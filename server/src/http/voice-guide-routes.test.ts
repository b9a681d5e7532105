import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ErrorBody } from '@luot/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addField, addStaff, bearer, deviceToken, login } from '../test-support/fixtures.ts';
import { startTestServer, type TestServer } from '../test-support/test-app.ts';

let server: TestServer;
let kiosk: string;
let hallBoard: string;
let officer: string;
let field: number;

beforeAll(async () => {
  server = await startTestServer();
  field = addField(server, { code: 'ho-tich', prefix: 'A' });
  await addStaff(server, 'officer1', 'officer');
  officer = await login(server, 'officer1');
  kiosk = deviceToken(server, 'kiosk');
  hallBoard = deviceToken(server, 'hall_board');
});
afterAll(async () => server.dispose());

const guide = (path: string, headers: Record<string, string> = {}) => server.app.inject({ method: 'GET', url: `/api/voice/guide/${path}`, headers });
const spoken = (res: { headers: Record<string, unknown> }) => decodeURIComponent(String(res.headers['x-voice-text']));

describe('GET /api/voice/guide/<say>', () => {
  it('answers a kiosk with speech only (no chime), the sentence in X-Voice-Text, and caches it', async () => {
    const res = await guide(`field?field=${field}&state=open&waiting=2`, bearer(kiosk));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('audio/wav');
    expect(res.rawPayload.subarray(0, 4).toString('latin1')).toBe('RIFF');
    expect(spoken(res)).toBe('Lĩnh vực ho-tich. Đang chờ: hai người. Chạm thêm lần nữa để chọn.');
    // About two seconds of speech at 22,050 Hz; a chime alone would be 0.8 s.
    expect(res.rawPayload.length).toBeGreaterThan(44 + 2 * 22050 * 2);

    const etag = String(res.headers.etag);
    const again = await guide(`field?field=${field}&state=open&waiting=2`, { ...bearer(kiosk), 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    await expect.poll(() => readdirSync(join(server.dir, 'voice-cache'))).toContain(`${etag.slice(1, -1)}.wav`);
  });

  it('reads the number taken with what the ticket screen shows', async () => {
    const res = await guide(`ticket?number=A007&field=${field}&ahead=4&wait=15&printed=true`, bearer(kiosk));
    expect(res.statusCode).toBe(200);
    expect(spoken(res)).toContain('Số thứ tự của Ông/Bà là a bảy. Lĩnh vực Lĩnh vực ho-tich. Có bốn người đang chờ trước Ông/Bà. Thời gian chờ dự kiến khoảng mười lăm phút.');
  });

  it('speaks English when the kiosk is in English', async () => {
    const res = await guide('home?lang=en', bearer(kiosk));
    expect(res.statusCode).toBe(200);
    expect(spoken(res)).toContain('Touch a box once to hear its name');
  });

  it('is for kiosks only', async () => {
    expect((await guide('home')).statusCode).toBe(401);
    expect((await guide('home', bearer(hallBoard))).json<ErrorBody>().code).toBe('DEVICE_NOT_ALLOWED');
    expect((await guide('home', bearer(officer))).statusCode).toBe(403);
  });

  it('refuses what it cannot read with the bilingual error body', async () => {
    for (const path of [`field?field=${field}&state=open`, 'field?field=0&state=open&waiting=1', `field?field=${field}&state=shut&waiting=1`, 'ticket?number=a1&field=1&ahead=0&printed=true', 'home?say=anything', 'nothing']) {
      const res = await guide(path, bearer(kiosk));
      expect(res.statusCode, path).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, path).toBeLessThan(500);
      const body = res.json<ErrorBody>();
      expect(body.message.vi, path).not.toBe('');
      expect(body.message.en, path).not.toBe('');
    }
    expect((await guide('take?field=9999', bearer(kiosk))).json<ErrorBody>().code).toBe('FIELD_NOT_FOUND');
    expect((await guide('category?code=nobody', bearer(kiosk))).json<ErrorBody>().code).toBe('PRIORITY_UNKNOWN');
    expect(spoken(await guide('category?code=elderly', bearer(kiosk)))).toMatch(/^Người cao tuổi\. /);
  });
});
