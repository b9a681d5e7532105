import { request as sharedRequest, type ApiResult, type RequestOptions } from '@luot/shared/ui';
import type { Static, TSchema } from 'typebox';

export { failureOf, readJson, type ApiFailure, type ApiResult, type RequestOptions } from '@luot/shared/ui';

/**
 * The apps' shared request, waiting ten seconds unless told otherwise: a LAN request either answers within
 * seconds or the link is down; hanging longer only freezes the desk.
 */
export function request<S extends TSchema>(path: string, schema: S, options: RequestOptions = {}): Promise<ApiResult<Static<S>>> {
  return sharedRequest(path, schema, { ...options, timeoutMs: options.timeoutMs ?? 10_000 });
}
