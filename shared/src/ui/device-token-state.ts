import type { ApiResult } from './api-request.ts';

/** Why a device is asking to be paired (again); each app says it in its own words. */
export type PairingNotice = 'pairAgain' | 'wrongKind' | null;

export type DeviceToken =
  | { status: 'checking' }
  | { status: 'pairing'; notice: PairingNotice }
  /** `renewing`: the server said the token expired; it is being traded for a fresh one. */
  | { status: 'ready'; token: string; renewing: boolean };

export interface TokenState {
  device: DeviceToken;
  /** The token refused last: the demo route would hand the same one back, so it is not taken again. */
  refused: string | null;
}

/** Why the current token was refused: by the server (its error code) or by the app (e.g. a kiosk's token on a screen). */
export type RefusalCode = 'DEVICE_TOKEN_EXPIRED' | 'UNAUTHENTICATED' | 'WRONG_KIND' | (string & {});

/** What the device does when its token is no good: ask the demo route again where it may, else pair. */
function lost(canAskDemo: boolean, refused: string, notice: PairingNotice = 'pairAgain'): TokenState {
  return { device: canAskDemo ? { status: 'checking' } : { status: 'pairing', notice }, refused };
}

export function initialTokenState(stored: string | null, canAskDemo: boolean): TokenState {
  if (stored) return { device: { status: 'ready', token: stored, renewing: false }, refused: null };
  return { device: canAskDemo ? { status: 'checking' } : { status: 'pairing', notice: null }, refused: null };
}

/**
 * The next state after the demo route answered, or null to ask again later. A 404 (not a demo server, or no such
 * counter) means an admin pairs this device; an unreachable server (the device often boots first) means ask again.
 */
export function afterDemoAnswer(refused: string | null, result: ApiResult<{ token: string }>): TokenState | null {
  if (result.ok && result.body.token !== refused) return { device: { status: 'ready', token: result.body.token, renewing: false }, refused };
  if (result.ok || result.kind !== 'network') return { device: { status: 'pairing', notice: refused ? 'pairAgain' : null }, refused };
  return null;
}

/**
 * The next state after a renewal answered, or null to try again later. Only a 401 (revoked, unknown, or switched
 * off past the renewal grace period) means pairing again. Anything else — no server, a 5xx, a 429 or other
 * refusal — says nothing about the device, so it keeps its token and tries again: a screen must not ask for an
 * admin and a pairing code because the server was busy.
 */
export function afterRenewal(s: TokenState, renewing: string, result: ApiResult<{ token: string }>, canAskDemo: boolean): TokenState | null {
  if (result.ok) return { ...s, device: { status: 'ready', token: result.body.token, renewing: false } };
  if (result.kind === 'unauthorized') return lost(canAskDemo, renewing);
  return null;
}

/** The next state when a call made with `token` was refused with `code`. */
export function afterRefusal(s: TokenState, token: string, code: RefusalCode, canAskDemo: boolean): TokenState {
  // A late answer to a call made with a token already renewed or replaced says nothing about the current one.
  if (s.device.status !== 'ready' || s.device.token !== token) return s;
  // Several calls may hit the expiry at once (socket, center, ticket); one renewal serves them all.
  if (code === 'DEVICE_TOKEN_EXPIRED') return s.device.renewing ? s : { ...s, device: { ...s.device, renewing: true } };
  // A token of the wrong kind will not turn into the right one by asking the demo route again.
  if (code === 'WRONG_KIND') return { device: { status: 'pairing', notice: 'wrongKind' }, refused: token };
  return lost(canAskDemo, token);
}
