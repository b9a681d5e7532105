import type { Lang } from '../i18n.ts';
import { useNow } from './use-now.ts';
import { formatDate, formatTime, vnTime } from './vn-time.ts';

/** Date and time in Asia/Ho_Chi_Minh by the server's clock: the same time a ticket carries. */
export function Clock({ lang, dateFirst = false }: { lang: Lang; dateFirst?: boolean }) {
  const now = vnTime(useNow(1_000));
  const date = <span className="clock__date">{formatDate(lang, now)}</span>;
  const time = <span className="clock__time">{formatTime(now)}</span>;
  return (
    <div className="clock" data-testid="clock">
      {dateFirst ? date : time}
      {dateFirst ? time : date}
    </div>
  );
}
