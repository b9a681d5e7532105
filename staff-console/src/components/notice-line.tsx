import type { Lang } from '@luot/shared';
import { describeFailure } from './problem.tsx';
import type { Notice } from '../hooks/use-runner.ts';

/** One line under the buttons: what just happened, or why the server said no and what to do. */
interface NoticeLineProps {
  lang: Lang;
  notice: Notice | null;
  testId?: string;
  /** Keep the line's height when empty, so buttons above and below do not jump as notices come and go. */
  reserve?: boolean;
}

export function NoticeLine({ lang, notice, testId = 'notice', reserve = false }: NoticeLineProps) {
  if (notice === null) return reserve ? <p className="notice notice--empty" aria-live="polite" /> : null;
  const text = notice.tone === 'error' ? describeFailure(lang, notice.failure) : notice.text;
  const code = notice.tone === 'error' ? (notice.failure.kind === 'network' ? 'NETWORK' : notice.failure.error.code) : undefined;
  return (
    <p className={`notice notice--${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'} data-testid={testId} data-code={code}>
      {text}
    </p>
  );
}
