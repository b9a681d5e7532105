import { PhoneRatingBody, RatingReceipt, TrackView } from '@luot/shared';
import type { Static } from 'typebox';
import { request, type ApiResult } from '@luot/shared/ui';

/** The tracking code is the last part of the address /t/<code>; nothing else identifies the citizen. */
export function codeFromPath(pathname: string): string | null {
  const match = /^\/t\/([A-Za-z0-9_-]{1,64})\/?$/.exec(pathname);
  return match?.[1] ?? null;
}

/** Long poll: with `since`, the server answers when the view changes or after 25 s. */
export function fetchTrack(code: string, since: string | null, signal: AbortSignal): Promise<ApiResult<TrackView>> {
  const query = since === null ? '' : `?since=${encodeURIComponent(since)}`;
  return request(`/api/track/${encodeURIComponent(code)}${query}`, TrackView, { signal, timeoutMs: since === null ? 8_000 : 35_000 });
}

export function sendPhoneRating(code: string, body: Static<typeof PhoneRatingBody>): Promise<ApiResult<RatingReceipt>> {
  return request(`/api/track/${encodeURIComponent(code)}/rating`, RatingReceipt, { method: 'POST', body });
}
