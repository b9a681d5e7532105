import { createHash } from 'node:crypto';
import {
  ratingReasonCodes,
  ratingScores,
  reasonsAllowed,
  type CounterSatisfaction,
  type RatingReason,
  type RatingSource,
  type SatisfactionToday,
  type TrackView,
} from '@luot/shared';
import { DomainError } from '../domain/errors.ts';
import { serviceDayOf, serviceDayStart } from '../domain/time.ts';
import type { OpenDb } from '../db/open-db.ts';
import type { Clock } from '../domain/clock.ts';
import type { ConfigCache } from '../db/config-cache.ts';
import type { Announcer } from '../services/announcer.ts';
import type { Estimates } from '../services/estimates.ts';
import { ratingsRepo, type FinishedVisit } from './ratings-repo.ts';
import { saveRating } from './rating-writer.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A counter screen may ask about the ticket it just saw finished for this long (the citizen is still there). */
export const COUNTER_RATING_WINDOW_MS = 10 * 60 * 1000;

export interface RatingInput {
  score: number;
  reasons?: RatingReason[] | undefined;
}

type TicketRow = NonNullable<ReturnType<typeof ratingsRepo.ticketByCode>>;

/** The ticket just rated and the counter where it was finished, whose screen may still be asking. */
export interface RatedVisit {
  ticketId: number;
  counterId: number | null;
}

/**
 * Ratings and the citizen's view of their own ticket. A rating records where, in which field and by which
 * officer the ticket was finished (from the event log), never anything about the citizen.
 */
/** Ratings are told to the screens after their commit (announcer.rated). */
export function createFeedback(deps: { store: OpenDb; clock: Clock; config: ConfigCache; estimates: Estimates; announcer: Pick<Announcer, 'rated'> }) {
  const { db } = deps.store;
  const rollover = () => deps.config.get().rules.dayRollover;

  function store(ticket: TicketRow, visit: FinishedVisit, input: RatingInput, source: RatingSource): RatedVisit {
    const reasons = input.reasons ?? [];
    if (reasons.length > 0 && !reasonsAllowed(input.score)) throw new DomainError('REASONS_NOT_ALLOWED');
    const rating = {
      ticketId: ticket.id,
      counterId: visit.counterId,
      officerId: visit.officerId,
      fieldId: visit.fieldId ?? ticket.fieldId,
      serviceDay: ticket.serviceDay,
      score: input.score,
      reasons,
      source,
      at: deps.clock.now(),
    };
    const inserted = saveRating(db, rating, ticket);
    if (!inserted) throw new DomainError('ALREADY_RATED');
    return { ticketId: ticket.id, counterId: visit.counterId };
  }

  /** The ticket behind a tracking code, refused alike when unknown; refused as expired after its service day. */
  function ticketOf(code: string): TicketRow {
    const ticket = ratingsRepo.ticketByCode(db, code);
    if (!ticket) throw new DomainError('NOT_FOUND');
    if (deps.clock.now() >= expiresAt(ticket)) throw new DomainError('TRACK_EXPIRED');
    return ticket;
  }

  function expiresAt(ticket: TicketRow): number {
    return serviceDayStart(ticket.serviceDay, rollover()) + DAY_MS;
  }

  function announced(visit: RatedVisit): RatedVisit {
    deps.announcer.rated(visit);
    return visit;
  }

  return {
    ticketIdOf(code: string): { ticketId: number; fieldId: number } {
      const t = ticketOf(code);
      return { ticketId: t.id, fieldId: t.fieldId };
    },

    track(code: string): TrackView {
      const t = ticketOf(code);
      const waiting = t.status === 'waiting';
      const told = waiting ? deps.estimates.forCitizen(t) : null;
      const atCounter = (t.status === 'called' || t.status === 'serving') && t.counterId !== null;
      const rated = ratingsRepo.isRated(db, t.id);
      const view: Omit<TrackView, 'version'> = {
        number: t.number,
        field: ratingsRepo.fieldNames(db, t.fieldId),
        status: t.status,
        counterNumber: atCounter && t.counterId !== null ? ratingsRepo.counterNumber(db, t.counterId) : null,
        peopleAhead: told?.peopleAhead ?? null,
        estimatedWaitMinutes: told?.estimatedWaitMinutes ?? null,
        rated,
        canRate: t.status === 'done' && !rated,
        serviceDay: t.serviceDay,
        expiresAt: new Date(expiresAt(t)).toISOString(),
      };
      const version = createHash('sha1').update(JSON.stringify(view)).digest('base64url').slice(0, 16);
      return { version, ...view };
    },

    /** The ticket finished last at this counter, within the window, if it is still unrated. */
    pendingAtCounter(counterId: number | null): number | null {
      if (counterId === null) return null;
      const last = ratingsRepo.lastDoneAtCounter(db, counterId, deps.clock.now() - COUNTER_RATING_WINDOW_MS);
      if (!last || ratingsRepo.isRated(db, last.ticketId)) return null;
      return ratingsRepo.ticketById(db, last.ticketId)?.status === 'done' ? last.ticketId : null;
    },

    /** A counter screen rates only the ticket last finished at its own counter, within the window. */
    rateAtCounter(counterId: number | null, ticketId: number, input: RatingInput): RatedVisit {
      if (counterId === null) throw new DomainError('RATING_NOT_ALLOWED');
      const now = deps.clock.now();
      const last = ratingsRepo.lastDoneAtCounter(db, counterId, now - COUNTER_RATING_WINDOW_MS);
      if (!last || last.ticketId !== ticketId) throw new DomainError('RATING_NOT_ALLOWED');
      const ticket = ratingsRepo.ticketById(db, ticketId);
      if (ticket?.status !== 'done') throw new DomainError('RATING_NOT_ALLOWED');
      return announced(store(ticket, last, input, 'counter'));
    },

    /** The citizen's phone rates its own ticket once, after it is finished, until the code expires. */
    rateByPhone(code: string, input: RatingInput): RatedVisit {
      const ticket = ticketOf(code);
      if (ticket.status !== 'done') throw new DomainError('RATING_NOT_ALLOWED');
      const visit = ratingsRepo.doneOfTicket(db, ticket.id);
      if (!visit) throw new DomainError('RATING_NOT_ALLOWED');
      // Committed; now the counter screen that may still be asking hears of it and stops.
      return announced(store(ticket, visit, input, 'phone'));
    },

    /** Today's satisfaction per counter: counts only. */
    today(): SatisfactionToday {
      const day = serviceDayOf(deps.clock.now(), rollover());
      const numbers = ratingsRepo.counterNumbers(db);
      const empty = () => ({ veryGood: 0, good: 0, neutral: 0, bad: 0 });
      const total = empty();
      const perCounter = new Map<number, ReturnType<typeof empty>>();
      for (const row of ratingsRepo.tally(db, day)) {
        const key = scoreKey(row.score);
        if (!key) continue;
        total[key] += row.n;
        if (row.counterId === null) continue;
        const c = perCounter.get(row.counterId) ?? empty();
        c[key] += row.n;
        perCounter.set(row.counterId, c);
      }
      const reasons = Object.fromEntries(ratingReasonCodes.map((c) => [c, 0])) as Record<RatingReason, number>;
      for (const text of ratingsRepo.reasonLists(db, day)) {
        for (const r of JSON.parse(text) as string[]) if (r in reasons) reasons[r as RatingReason] += 1;
      }
      const counters: CounterSatisfaction[] = [...perCounter]
        .map(([counterId, scores]) => ({ counterId, counterNumber: numbers.get(counterId) ?? 0, ...summary(scores) }))
        .sort((a, b) => a.counterNumber - b.counterNumber);
      return { serviceDay: day, ...summary(total), reasons, counters };
    },
  };
}

export type FeedbackService = ReturnType<typeof createFeedback>;

function scoreKey(score: number): 'veryGood' | 'good' | 'neutral' | 'bad' | null {
  const entry = Object.entries(ratingScores).find(([, v]) => v === score);
  return entry ? (entry[0] as keyof typeof ratingScores) : null;
}

function summary(scores: { veryGood: number; good: number; neutral: number; bad: number }) {
  const ratings = scores.veryGood + scores.good + scores.neutral + scores.bad;
  return { ratings, scores, satisfiedShare: ratings === 0 ? null : (scores.veryGood + scores.good) / ratings };
}
