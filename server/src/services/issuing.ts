import type { IssuedTicket } from '@luot/shared';
import { ticketView } from '../db/repositories/views-repo.ts';
import type { Actor } from './actor.ts';
import type { Announcer } from './announcer.ts';
import type { Estimates } from './estimates.ts';
import type { KioskPace } from './kiosk-pace.ts';
import type { PublicUrls } from './public-url.ts';
import type { IssueInput, QueueService } from './queue-service.ts';
import type { Receipts } from './receipts.ts';
import type { SmsNotices } from './sms-notices.ts';
import { maskMobile } from '@luot/shared';

/**
 * Issuing a number, from the kiosk's touch to its answer, in the one order the house rules allow: commit (the
 * queue service returns only once the batch is durable), then publish to the screens, estimate the wait, print
 * the receipt and build the reply. The route only checks who asks and sends what this returns.
 */
export function createIssuing(deps: { queue: QueueService; announcer: Announcer; estimates: Estimates; receipts: Receipts; kioskPace: KioskPace; publicUrls: PublicUrls; sms: SmsNotices }) {
  return {
    /**
     * `lang`: the language the citizen chose, for the receipt. `asked`: how the kiosk reached the server — the
     * receipt's QR code must open on a phone on the center's Wi-Fi: that address, unless it is localhost or a
     * name phones cannot look up (then the server's LAN address), or LUOT_PUBLIC_URL.
     */
    async issue(input: IssueInput & { lang: 'vi' | 'en' }, actor: Actor, asked: { protocol: string; host: string }): Promise<{ created: boolean; body: IssuedTicket }> {
      if (actor.kind === 'device') deps.kioskPace.take(actor);
      // A partner kiosk by API token is held to a kiosk's pace too; negative ids keep its bucket apart from devices'.
      if (actor.kind === 'integration') deps.kioskPace.take({ deviceId: -actor.tokenId, name: actor.name });
      const out = await deps.queue.issue(input, actor);
      deps.announcer.announce(out);
      // Counted as the engine will call them: a priority citizen is told only the priority citizens ahead.
      const { peopleAhead, estimatedWaitMinutes } = deps.estimates.forCitizen(out.ticket) ?? { peopleAhead: 0, estimatedWaitMinutes: null };
      const phone = out.created ? (input.phone ?? null) : null;
      if (phone !== null) deps.sms.issued(out.ticket, true);
      const trackingPath = `/t/${out.trackingCode}`;
      const trackingUrl = `${deps.publicUrls.for(asked).base}${trackingPath}`;
      // A replayed request must not print a second receipt; it is told how the first one went.
      const print = out.created
        ? await deps.receipts.print(actor, out.ticket, { peopleAhead, estimatedWaitMinutes, trackingUrl, lang: input.lang })
        : await deps.receipts.previous(out.ticket.id);
      const body = { ticket: ticketView(out.ticket), trackingCode: out.trackingCode, trackingPath, peopleAhead, estimatedWaitMinutes, print, phoneMasked: phone === null ? null : maskMobile(phone) };
      return { created: out.created, body };
    },
  };
}

export type Issuing = ReturnType<typeof createIssuing>;
