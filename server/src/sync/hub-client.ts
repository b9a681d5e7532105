import { ErrorBody, SyncPosition, type ErrorCode, type SyncBatch } from '@luot/shared';
import { Value } from 'typebox/value';

/** The hub refused or failed: its error code when it sent one, HUB_UNREACHABLE when nothing came back. */
export class HubRequestError extends Error {
  constructor(
    readonly code: ErrorCode | 'HUB_UNREACHABLE',
    readonly status: number | null,
    detail: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'HubRequestError';
  }
}

const TIMEOUT_MS = 20_000;

/** HTTP(S) calls to the province hub with the center's key; each answer is checked against its schema. */
export function hubClient(settings: { hubUrl: string; centerId: number; key: string }) {
  const base = settings.hubUrl.replace(/\/+$/, '');

  async function call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<SyncPosition> {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method,
        headers: { authorization: `Bearer ${settings.key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new HubRequestError('HUB_UNREACHABLE', null, error instanceof Error ? error.message : String(error));
    }
    const answer: unknown = await response.json().catch(() => null);
    if (response.ok && Value.Check(SyncPosition, answer)) return answer;
    if (Value.Check(ErrorBody, answer)) {
      // A batch the hub's schema refuses is this center's fault, not the admin's typing: say so.
      const code = answer.code === 'VALIDATION_FAILED' ? 'SYNC_BATCH_INVALID' : (answer.code as ErrorCode);
      throw new HubRequestError(code, response.status, [answer.message.en, ...(answer.details ?? [])].join(' '));
    }
    throw new HubRequestError('HUB_UNREACHABLE', response.status, `unexpected answer ${response.status}`);
  }

  return {
    position: () => call('GET', `/api/sync/centers/${settings.centerId}/position`),
    send: (batch: SyncBatch) => call('POST', `/api/sync/centers/${settings.centerId}/batches`, batch),
    resync: () => call('POST', `/api/sync/centers/${settings.centerId}/resync`, {}),
  };
}

export type HubClient = ReturnType<typeof hubClient>;
