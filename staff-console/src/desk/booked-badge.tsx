import { fill, type Lang, type TicketView } from '@luot/shared';

const hhmm = (iso: string): string => new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(11, 16);

/** A citizen who booked and checked in on time: called from their slot's time ahead of walk-ins. */
export function BookedBadge({ lang, ticket }: { lang: Lang; ticket: TicketView }) {
  if (!ticket.bookedFor) return null;
  return (
    <span className="badge badge--booked" data-testid="booked-badge">
      {fill(lang, 'consoleBookedAt', { time: hhmm(ticket.bookedFor) })}
    </span>
  );
}
