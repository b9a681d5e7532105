import { errorBody, HallMediaView } from '@luot/shared';
import { failureOf, readJson, type ApiResult } from '@luot/shared/ui';
import { Value } from 'typebox/value';

/** Sends a picture or video as the raw body (the server reads its type from the bytes); a minute for a big video. */
export async function uploadMedia(token: string, file: File, title: string, seconds: number): Promise<ApiResult<HallMediaView>> {
  const controller = new AbortController();
  const timer = window.setTimeout(() => controller.abort(), 60_000);
  try {
    const response = await fetch(`/api/admin/media?title=${encodeURIComponent(title)}&seconds=${seconds}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': file.type || 'application/octet-stream' },
      body: file,
      signal: controller.signal,
    });
    const body = await readJson(response);
    if (response.ok && Value.Check(HallMediaView, body)) return { ok: true, status: response.status, body };
    return failureOf(response.ok ? 500 : response.status, response.ok ? errorBody('INTERNAL') : body);
  } catch {
    return { ok: false, kind: 'network' };
  } finally {
    window.clearTimeout(timer);
  }
}
