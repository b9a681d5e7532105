import { availableParallelism } from 'node:os';
import pLimit from 'p-limit';
import { DomainError } from '../domain/errors.ts';

export interface PasswordGateOptions {
  /** Password checks running at once. */
  concurrency?: number;
  /** Checks allowed to wait for a turn; beyond this a sign-in is refused at once (SIGN_IN_BUSY). */
  maxWaiting?: number;
  /** Checks one address may have running or waiting, so one machine cannot take every turn. */
  perAddress?: number;
}

/**
 * At most half the cores, and never more than two: scrypt at N = 2^17 takes a core and 128 MiB for about half a
 * second, and runs on libuv's pool of four threads, which also reads the apps' files and the voice cache. With one
 * or two checks at a time, kiosk pages, displays and calls keep a core and two threads whatever a flood sends.
 */
export function defaultConcurrency(): number {
  return Math.max(1, Math.min(2, Math.floor(availableParallelism() / 2)));
}

/**
 * The only way into a password check. Sign-ins beyond what the server can check promptly are refused at once
 * rather than queued for minutes, and one address can never hold more than its share of the turns.
 */
export function createPasswordGate(options: PasswordGateOptions = {}) {
  const limit = pLimit(options.concurrency ?? defaultConcurrency());
  const maxWaiting = options.maxWaiting ?? 8;
  const perAddress = options.perAddress ?? 2;
  const inFlight = new Map<string, number>();

  return {
    async run<T>(address: string, check: () => Promise<T>): Promise<T> {
      const mine = inFlight.get(address) ?? 0;
      if (mine >= perAddress || limit.pendingCount >= maxWaiting) throw new DomainError('SIGN_IN_BUSY');
      inFlight.set(address, mine + 1);
      try {
        return await limit(check);
      } finally {
        const left = (inFlight.get(address) ?? 1) - 1;
        if (left === 0) inFlight.delete(address);
        else inFlight.set(address, left);
      }
    },
  };
}

export type PasswordGate = ReturnType<typeof createPasswordGate>;
