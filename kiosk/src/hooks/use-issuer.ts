import { strings, type ErrorBody, type FieldView, type Lang, type StringKey } from '@luot/shared';
import { useEffect, useEffectEvent, type Dispatch } from 'react';
import { kioskApi } from '../api/kiosk-api.ts';
import type { FlowAction, IssueRequest, Notice } from '../flow/kiosk-flow.ts';
import { dayKey, vnTime } from '@luot/shared/ui';

const retryEveryMs = 2_000;
/** After this long without an answer the citizen gets a choice instead of an endless spinner. */
const giveUpAfterMs = 45_000;

const titles: Partial<Record<string, StringKey>> = {
  FIELD_CLOSED_HOURS: 'kioskClosedTitle',
  FIELD_NOT_ISSUING: 'kioskPausedTitle',
  DAILY_LIMIT_REACHED: 'kioskLimitTitle',
};

function refusal(error: ErrorBody, request: IssueRequest): Notice {
  return { title: titles[error.code] ?? 'kioskErrorTitle', message: error.message, code: error.code, fieldId: request.fieldId, retry: null };
}

/**
 * Sends the request of the 'issuing' step, and keeps sending the very same request (same idempotency
 * key) while the server cannot be reached, so a retry can never turn into a second ticket.
 */
export function useIssuer(args: {
  request: IssueRequest | null;
  token: string | null;
  /** The citizen's language: the receipt is printed in it. */
  lang: Lang;
  fields: readonly FieldView[];
  now: () => number;
  dispatch: Dispatch<FlowAction>;
  onTokenRefused: (token: string, code: string) => void;
}): void {
  const { request, token, dispatch } = args;
  const tokenRefused = useEffectEvent(args.onTokenRefused);
  const langNow = useEffectEvent(() => args.lang);
  const limitMark = useEffectEvent((fieldId: number) => {
    const field = args.fields.find((f) => f.id === fieldId);
    return { fieldId, mark: { day: dayKey(vnTime(args.now())), dailyLimit: field?.dailyLimit ?? null } };
  });

  useEffect(() => {
    if (request === null || token === null) return;
    const controller = new AbortController();
    const started = Date.now();
    let timer: number | undefined;
    const attempt = async () => {
      const body = { fieldId: request.fieldId, priority: request.priority, idempotencyKey: request.key, lang: langNow(), ...(request.phone === null ? {} : { phone: request.phone }) };
      const result = await kioskApi.issue(token, body, controller.signal);
      if (controller.signal.aborted) return;
      if (result.ok) return dispatch({ type: 'issued', issued: result.body });
      // An expired token is renewed by the owner; the new token re-runs this effect with the same request and key.
      if (result.kind === 'unauthorized') return tokenRefused(token, result.error.code);
      if (result.kind === 'refused') {
        const limit = result.error.code === 'DAILY_LIMIT_REACHED' ? limitMark(request.fieldId) : null;
        return dispatch({ type: 'refused', notice: refusal(result.error, request), limit });
      }
      if (Date.now() - started > giveUpAfterMs) {
        const message = { vi: strings.vi.kioskIssueUnreachable, en: strings.en.kioskIssueUnreachable };
        return dispatch({ type: 'unconfirmed', notice: { title: 'kioskErrorTitle', message, code: null, fieldId: request.fieldId, retry: request } });
      }
      dispatch({ type: 'retrying' });
      timer = window.setTimeout(() => void attempt(), retryEveryMs);
    };
    void attempt();
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [request, token, dispatch]);
}
