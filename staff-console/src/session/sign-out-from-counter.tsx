import type { CounterView, Lang } from '@luot/shared';
import type { ConsoleApi } from '../api/console-api.ts';
import { LeaveDialog } from '../desk/leave-dialog.tsx';
import { useRunner } from '../hooks/use-runner.ts';

interface SignOutFromCounterProps {
  lang: Lang;
  api: ConsoleApi;
  counter: CounterView;
  onSignedOut: () => void;
  onClose: () => void;
}

/** Signing out while seated at a counter: first say what becomes of the counter, as “Rời quầy” does. */
export function SignOutFromCounter({ lang, api, counter, onSignedOut, onClose }: SignOutFromCounterProps) {
  const runner = useRunner();
  const failure = runner.notice?.tone === 'error' ? runner.notice.failure : null;
  return (
    <LeaveDialog
      lang={lang}
      counter={counter}
      busy={runner.busy !== null}
      failure={failure}
      onClose={onClose}
      onSubmit={(body) =>
        void runner.run('leave', () => api.leave(counter.id, body)).then((left) => {
          if (left) onSignedOut();
        })
      }
    />
  );
}
