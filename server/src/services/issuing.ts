import type { IssuedTicket } from '@luot/shared';
import { ticketView } from '../db/repositories/views-repo.ts';
import type { Actor } from './actor.ts';
import type { Announcer } from './announcer.ts';
import type { Estimates } from './estimates.ts';
import type { KioskPace } from './kiosk-pace.ts';
import type { IssueInput, QueueService } from './queue-service.ts';
import type { Receipts } from './receipts.ts';

/**
 * Issuing a number, from the kiosk's touch to its answer, in the one order the house rules allow: commit (the
 * queue service returns only once the batch is durable), then publish to the screens, estimate the wait, print
 * the receipt and build the reply. The route only checks who asks and sends what this returns.
 */
export function createIssuing(deps: { queue: QueueService; announcer: Announcer; estimates: Estimates; receipts: Receipts; kioskPace: KioskPace }) {
  return {
    /** `origin`: where the tracking link points (the configured public address, or the one the kiosk reached). */
    async issue(input: IssueInput, actor: Actor, origin: string): Promise<{ created: boolean; body: IssuedTicket }> {
      if (actor.kind === 'device') deps.kioskPace.take(actor);
      const out = await deps.queue.issue(input, actor);
      deps.announcer.announce(out);
      const estimatedWaitMinutes = deps.estimates.waitMinutes(out.ticket);
      const trackingPath = `/t/${out.trackingCode}`;
      // A replayed request must not print a second receipt; it is told how the first one went.
      const print = out.created
        ? await deps.receipts.print(actor, out.ticket, { peopleAhead: out.peopleAhead, estimatedWaitMinutes, trackingUrl: `${origin}${trackingPath}` })
        : await deps.receipts.previous(out.ticket.id);
      const body = { ticket: ticketView(out.ticket), trackingCode: out.trackingCode, trackingPath, peopleAhead: out.peopleAhead, estimatedWaitMinutes, print };
      return { created: out.created, body };
    },
  };
}

export type Issuing = ReturnType<typeof createIssuing>;
