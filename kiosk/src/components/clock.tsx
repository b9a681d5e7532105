import type { Lang } from '@luot/shared';
import { useNow } from '../hooks/use-now.ts';
import { formatDate, formatTime, vnTime } from '@luot/shared/ui';

/** Time and date in Vietnam, from the server's clock: the same time the ticket will carry. */
export function Clock({ lang }: { lang: Lang }) {
  const now = vnTime(useNow(1_000));
  return (
    <div className="clock" data-testid="clock">
      <span className="clock__time">{formatTime(now)}</span>
      <span className="clock__date">{formatDate(lang, now)}</span>
    </div>
  );
}
