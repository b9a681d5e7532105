import type { Lang } from '@luot/shared';
import { useEffect, useState } from 'react';
import { formatDate, formatTime, vnTime } from '@luot/shared/ui';

/** Date and time in Asia/Ho_Chi_Minh, by the server's clock (the offset comes from its heartbeats). */
export function Clock({ lang, serverOffsetMs }: { lang: Lang; serverOffsetMs: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    // Ticks at each new second so the minute turns over on time, without a drifting interval.
    let timer: number;
    const tick = () => {
      setNow(Date.now());
      timer = window.setTimeout(tick, 1_000 - (Date.now() % 1_000) + 5);
    };
    timer = window.setTimeout(tick, 1_000 - (Date.now() % 1_000) + 5);
    return () => window.clearTimeout(timer);
  }, []);
  const time = vnTime(now + serverOffsetMs);
  return (
    <div className="clock" data-testid="clock">
      <span className="clock__date">{formatDate(lang, time)}</span>
      <span className="clock__time">{formatTime(time)}</span>
    </div>
  );
}
