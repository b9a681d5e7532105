import type { CounterActionResponse, TicketActionResponse } from '@luot/shared';
import { useCallback } from 'react';
import type { Static } from 'typebox';
import type { ApiResult } from '../api/http.ts';
import { useRunner, type Notice, type Runner } from '../hooks/use-runner.ts';
import type { Center } from '../live/use-center.ts';

export type Answer = CounterActionResponse | Static<typeof TicketActionResponse>;

export interface Desk extends Omit<Runner, 'run'> {
  run: (name: string, send: () => Promise<ApiResult<Answer>>, done?: (answer: Answer) => Notice | null) => Promise<boolean>;
}

/**
 * Counter and ticket actions that show only what the server answered: the counter and ticket it returns
 * go straight into the live picture (the matching delta follows), never a guess made before it answered.
 */
export function useDesk(center: Pick<Center, 'confirm' | 'resync'>): Desk {
  const runner = useRunner(center.resync);
  const { confirm } = center;
  const { run: send } = runner;
  const run = useCallback<Desk['run']>(
    (name, request, done) =>
      send(name, request, (answer) => {
        confirm({ counter: 'counter' in answer ? answer.counter : null, ticket: answer.ticket });
        return done?.(answer) ?? null;
      }),
    [send, confirm],
  );
  return { ...runner, run };
}
