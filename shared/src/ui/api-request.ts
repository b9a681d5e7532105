import { ErrorBody, errorBody } from '../errors.ts';
import type { Static, TSchema } from 'typebox';
import { Value } from 'typebox/value';

/**
 * What a call can end in. Nothing throws: each screen decides what its user sees for each case.
 * - network: the server was not reached, timed out or answered 5xx; nothing happened, so it is safe to retry
 *   (with the same idempotency key for tickets), and the screen shows a lost connection.
 * - unauthorized: 401. For a device token, `error.code` DEVICE_TOKEN_EXPIRED means renew it and anything else
 *   means the device was revoked or is unknown and must pair again; for a staff session, the session is gone
 *   (expired, signed out elsewhere, account disabled): back to sign-in.
 * - refused: the server understood and said no (4xx); `error.message` says why and what to do, in both languages.
 */
export type ApiResult<T> =
  | { ok: true; status: number; body: T }
  | { ok: false; kind: 'network' }
  | { ok: false; kind: 'unauthorized'; error: ErrorBody }
  | { ok: false; kind: 'refused'; status: number; error: ErrorBody };

export type ApiFailure = Exclude<ApiResult<unknown>, { ok: true }>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  token?: string | null;
  body?: unknown;
  /** A LAN request either answers within seconds or the link is down; hanging longer only freezes the screen. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export async function request<S extends TSchema>(path: string, schema: S, options: RequestOptions = {}): Promise<ApiResult<Static<S>>> {
  const controller = new AbortController();
  const abort = () => controller.abort();
  const timer = window.setTimeout(abort, options.timeoutMs ?? 8_000);
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
      // A body that fails the schema means client and server disagree; retrying cannot fix that.
      return Value.Check(schema, body) ? { ok: true, status: response.status, body } : refused(response.status, errorBody('INTERNAL'));
    }
    return failureOf(response.status, body);
  } catch {
    return { ok: false, kind: 'network' };
  } finally {
    window.clearTimeout(timer);
    options.signal?.removeEventListener('abort', abort);
  }
}

/** What a non-2xx answer means, from its status and its (JSON) body. */
export function failureOf(status: number, body: unknown): ApiFailure {
  if (status >= 500) return { ok: false, kind: 'network' };
  const error = Value.Check(ErrorBody, body) ? body : errorBody(status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST');
  if (status === 401) return { ok: false, kind: 'unauthorized', error };
  return refused(status, error);
}

function refused(status: number, error: ErrorBody): ApiFailure {
  return { ok: false, kind: 'refused', status, error };
}

/** The body as JSON, or null when there is none or it is not JSON. */
export async function readJson(response: Response): Promise<unknown> {
  try {
    return (await response.json()) as unknown;
  } catch {
    return null;
  }
}
