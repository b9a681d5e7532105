import { HealthResponse } from '../api.ts';
import type { Static } from 'typebox';
import { Value } from 'typebox/value';

export type Health = Static<typeof HealthResponse>;

const timeoutMs = 5_000;

/** Resolves to null on any failure: unreachable server, timeout, error status or a body that fails the schema. */
export async function fetchHealth(signal: AbortSignal): Promise<Health | null> {
  // A dead LAN link can leave a request hanging for minutes; give up early so the screen says so.
  const controller = new AbortController();
  const abort = () => controller.abort();
  const timer = window.setTimeout(abort, timeoutMs);
  signal.addEventListener('abort', abort);
  try {
    const response = await fetch('/api/health', { signal: controller.signal, cache: 'no-store' });
    if (!response.ok) return null;
    const body: unknown = await response.json();
    return Value.Check(HealthResponse, body) ? body : null;
  } catch {
    return null;
  } finally {
    window.clearTimeout(timer);
    signal.removeEventListener('abort', abort);
  }
}
