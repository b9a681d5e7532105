import { fill, type Lang } from '@luot/shared';
import { type CharterRow, withinShare } from './charter-rows.ts';

/**
 * Under a field's name on the hall board: the committed wait, and today's share of citizens called within it
 * (the citizen charter, which the national service index scores). Before the first call of the day
 * only the commitment shows.
 */
export function FieldCharter({ lang, row }: { lang: Lang; row: CharterRow | undefined }) {
  if (!row) return null;
  const share = withinShare(row);
  return (
    <span className="hall-charter" data-testid="hall-charter" data-share={share ?? undefined}>
      <span className="hall-charter__wait">{fill(lang, 'hallCharterWait', { wait: row.waitMinutes })}</span>
      {share !== null && (
        <span className={`hall-charter__share${share < 80 ? ' hall-charter__share--low' : ''}`}>{fill(lang, 'hallCharterToday', { share })}</span>
      )}
    </span>
  );
}

