import { ErrorBody, errorBody } from '@luot/shared';
import type { Static, TSchema } from 'typebox';
import { Value } from 'typebox/value';

/**
 * What a request can end in; nothing throws, so each caller decides what the screen shows.
 * - network: server not reached, timed out or 5xx — retry later, the screen shows the lost link;
 * - unauthorized: 401 — `DEVICE_TOKEN_EXPIRED` means renew, anything else means pair again;
 * - refused: any other 4xx, with the server's message in both languages.
 */
export type ApiResult<T> =
  | { ok: true; body: T }
  | { ok: false; kind: 'network' }
  | { ok: false; kind: 'unauthorized'; error: ErrorBody }
  | { ok: false; kind: 'refused'; status: number; error: ErrorBody };

export interface RequestOptions {
  method?: 'GET' | 'POST';
  token?: string | null;
  body?: unknown;
  signal?: AbortSignal;
}

/** A LAN server answers in milliseconds or not at all; waiting longer only freezes the screen. */
const timeoutMs = 8_000;

export async function request<S extends TSchema>(path: string, schema: S, options: RequestOptions = {}): Promise<ApiResult<Static<S>>> {
  const controller = new AbortController();
  const abort = () => controller.abort();
  const timer = window.setTimeout(abort, timeoutMs);
  options.signal?.addEventListener('abort', abort);
  try {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      cache: 'no-store',
      signal: controller.signal,
    });
    const body = await readJson(response);
    if (response.ok) {
      return Value.Check(schema, body) ? { ok: true, body } : { ok: false, kind: 'refused', status: response.status, error: errorBody('INTERNAL') };
    }
    if (response.status >= 500) return { ok: false, kind: 'network' };
    const error = Value.Check(ErrorBody, body) ? body : errorBody(response.status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST');
    if (response.status === 401) return { ok: false, kind: 'unauthorized', error };
    return { ok: false, kind: 'refused', status: response.status, error };
  } catch {
    return { ok: false, kind: 'network' };
  } finally {
    window.clearTimeout(timer);
    options.signal?.removeEventListener('abort', abort);
  }
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return (await response.json()) as unknown;
  } catch {
    return null;
  }
}
