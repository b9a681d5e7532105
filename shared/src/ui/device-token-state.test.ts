import { describe, expect, it } from 'vitest';
import { errorBody } from '../errors.ts';
import type { ApiResult } from './api-request.ts';
import { afterDemoAnswer, afterRefusal, afterRenewal, initialTokenState, type TokenState } from './device-token-state.ts';

type TokenResult = ApiResult<{ token: string }>;
const ok = (token: string): TokenResult => ({ ok: true, status: 200, body: { token } });
const network: TokenResult = { ok: false, kind: 'network' };
const unauthorized: TokenResult = { ok: false, kind: 'unauthorized', error: errorBody('UNAUTHENTICATED') };
const tooMany: TokenResult = { ok: false, kind: 'refused', status: 429, error: errorBody('TOO_MANY_ATTEMPTS') };
const notFound: TokenResult = { ok: false, kind: 'refused', status: 404, error: errorBody('NOT_FOUND') };
const ready = (token: string, renewing = false): TokenState => ({ device: { status: 'ready', token, renewing }, refused: null });

describe('device token state', () => {
  it('starts from storage, else asks the demo route where it may, else pairs', () => {
    expect(initialTokenState('t1', false)).toEqual(ready('t1'));
    expect(initialTokenState(null, true).device).toEqual({ status: 'checking' });
    expect(initialTokenState(null, false).device).toEqual({ status: 'pairing', notice: null });
  });

  it('takes the demo token unless it is the one just refused; a 404 pairs; no server asks again', () => {
    expect(afterDemoAnswer(null, ok('d1'))).toEqual(ready('d1'));
    expect(afterDemoAnswer('d1', ok('d1'))).toEqual({ device: { status: 'pairing', notice: 'pairAgain' }, refused: 'd1' });
    expect(afterDemoAnswer(null, notFound)).toEqual({ device: { status: 'pairing', notice: null }, refused: null });
    expect(afterDemoAnswer(null, network)).toBeNull();
  });

  it('renews an expired token once however many calls hit the expiry, and ignores answers about an old token', () => {
    const once = afterRefusal(ready('t1'), 't1', 'DEVICE_TOKEN_EXPIRED', false);
    expect(once).toEqual(ready('t1', true));
    expect(afterRefusal(once, 't1', 'DEVICE_TOKEN_EXPIRED', false)).toBe(once);
    expect(afterRefusal(ready('t2'), 't1', 'UNAUTHENTICATED', false)).toEqual(ready('t2'));
  });

  it('pairs again on a revoked token or one of the wrong kind; a demo device asks the demo route first', () => {
    expect(afterRefusal(ready('t1'), 't1', 'UNAUTHENTICATED', false)).toEqual({ device: { status: 'pairing', notice: 'pairAgain' }, refused: 't1' });
    expect(afterRefusal(ready('t1'), 't1', 'UNAUTHENTICATED', true)).toEqual({ device: { status: 'checking' }, refused: 't1' });
    expect(afterRefusal(ready('t1'), 't1', 'WRONG_KIND', true)).toEqual({ device: { status: 'pairing', notice: 'wrongKind' }, refused: 't1' });
  });

  it('keeps its token after a failed renewal unless the server says it is no good (401)', () => {
    const renewing = ready('t1', true);
    expect(afterRenewal(renewing, 't1', ok('t2'), false)).toEqual(ready('t2'));
    // A busy or refusing server (429, 5xx, no answer) says nothing about the device: try again, do not ask for an admin.
    expect(afterRenewal(renewing, 't1', tooMany, false)).toBeNull();
    expect(afterRenewal(renewing, 't1', network, false)).toBeNull();
    expect(afterRenewal(renewing, 't1', unauthorized, false)).toEqual({ device: { status: 'pairing', notice: 'pairAgain' }, refused: 't1' });
    expect(afterRenewal(renewing, 't1', unauthorized, true)).toEqual({ device: { status: 'checking' }, refused: 't1' });
  });
});
