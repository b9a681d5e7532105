import { Type, type Static } from 'typebox';
import { Id, ServiceDay } from './domain.ts';
import type { StringKey } from './i18n.ts';

/**
 * Citizens' satisfaction ratings (đánh giá mức độ hài lòng). Scores follow the order of the four answers:
 * 1 Rất hài lòng, 2 Hài lòng, 3 Bình thường, 4 Không hài lòng. Code should use the named constants, not numbers.
 */
export const ratingScores = { veryGood: 1, good: 2, neutral: 3, bad: 4 } as const;
export const RatingScore = Type.Integer({ minimum: 1, maximum: 4, description: '1 Rất hài lòng, 2 Hài lòng, 3 Bình thường, 4 Không hài lòng' });
export type RatingScore = 1 | 2 | 3 | 4;

/** Reasons may be given only with a neutral or negative answer. */
export function reasonsAllowed(score: number): boolean {
  return score >= ratingScores.neutral;
}

export const ratingReasonCodes = ['long_wait', 'attitude', 'extra_papers', 'repeat_visits', 'other'] as const;
export const RatingReason = Type.Union([
  Type.Literal('long_wait'),
  Type.Literal('attitude'),
  Type.Literal('extra_papers'),
  Type.Literal('repeat_visits'),
  Type.Literal('other'),
]);
export type RatingReason = (typeof ratingReasonCodes)[number];

export const RatingSource = Type.Union([Type.Literal('counter'), Type.Literal('phone')]);
export type RatingSource = Static<typeof RatingSource>;

const RatingFields = {
  score: RatingScore,
  reasons: Type.Optional(Type.Array(RatingReason, { maxItems: 5, uniqueItems: true })),
};

/** From a counter screen: the ticket it just saw finished at its own counter. */
export const CounterRatingBody = Type.Object({ ticketId: Id, ...RatingFields }, { additionalProperties: false });
export type CounterRatingBody = Static<typeof CounterRatingBody>;

/** From the citizen's phone, on the tracking page of a finished ticket. */
export const PhoneRatingBody = Type.Object(RatingFields, { additionalProperties: false });
export type PhoneRatingBody = Static<typeof PhoneRatingBody>;

/** The reply carries nothing about the officer or other citizens. */
export const RatingReceipt = Type.Object({ ok: Type.Literal(true), source: RatingSource });
export type RatingReceipt = Static<typeof RatingReceipt>;

export const TrackCodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) });
export const TrackQuery = Type.Object(
  { since: Type.Optional(Type.String({ maxLength: 64, description: 'version of the view the page has; the answer waits up to 25 s for a change' })) },
  { additionalProperties: false },
);

export const TrackStatus = Type.Union([
  Type.Literal('waiting'),
  Type.Literal('called'),
  Type.Literal('serving'),
  Type.Literal('held'),
  Type.Literal('done'),
  Type.Literal('no_show'),
  Type.Literal('cancelled'),
]);
export type TrackStatus = Static<typeof TrackStatus>;

/** What the citizen's phone sees about their own ticket, and nothing about anyone else. */
export const TrackView = Type.Object({
  version: Type.String({ description: 'changes whenever anything shown changes' }),
  number: Type.String(),
  field: Type.Object({ nameVi: Type.String(), nameEn: Type.String() }),
  status: TrackStatus,
  counterNumber: Type.Union([Type.Integer(), Type.Null()], { description: 'the counter calling or serving the ticket' }),
  peopleAhead: Type.Union([Type.Integer(), Type.Null()], { description: 'only while waiting' }),
  estimatedWaitMinutes: Type.Union([Type.Integer(), Type.Null()], { description: 'only while waiting; null when no counter is open' }),
  rated: Type.Boolean(),
  canRate: Type.Boolean({ description: 'done, not rated yet, code still valid' }),
  serviceDay: ServiceDay,
  expiresAt: Type.String({ format: 'date-time', description: 'the code stops working at the end of the service day' }),
});
export type TrackView = Static<typeof TrackView>;

const ScoreCounts = Type.Object({ veryGood: Type.Integer(), good: Type.Integer(), neutral: Type.Integer(), bad: Type.Integer() });

/** Today's satisfaction per counter, for supervisors: counts only, no tickets, no citizens. */
export const CounterSatisfaction = Type.Object({
  counterId: Id,
  counterNumber: Type.Integer(),
  ratings: Type.Integer(),
  scores: ScoreCounts,
  satisfiedShare: Type.Union([Type.Number(), Type.Null()], { description: '(very good + good) / ratings, 0..1' }),
});
export type CounterSatisfaction = Static<typeof CounterSatisfaction>;

export const SatisfactionToday = Type.Object({
  serviceDay: ServiceDay,
  ratings: Type.Integer(),
  scores: ScoreCounts,
  satisfiedShare: Type.Union([Type.Number(), Type.Null()]),
  reasons: Type.Object({
    long_wait: Type.Integer(),
    attitude: Type.Integer(),
    extra_papers: Type.Integer(),
    repeat_visits: Type.Integer(),
    other: Type.Integer(),
  }),
  counters: Type.Array(CounterSatisfaction),
});
export type SatisfactionToday = Static<typeof SatisfactionToday>;

/** Refusals specific to feedback, in the same { code, vi, en } shape as the main catalog. */

/** The four answers in the order they are shown, with their words in the shared strings. */
export const ratingChoices = [
  { score: ratingScores.veryGood, key: 'rateVeryGood', tone: 'very-good' },
  { score: ratingScores.good, key: 'rateGood', tone: 'good' },
  { score: ratingScores.neutral, key: 'rateNeutral', tone: 'neutral' },
  { score: ratingScores.bad, key: 'rateBad', tone: 'bad' },
] as const satisfies readonly { score: RatingScore; key: StringKey; tone: string }[];

export const ratingReasonKeys = {
  long_wait: 'rateReasonLongWait',
  attitude: 'rateReasonAttitude',
  extra_papers: 'rateReasonExtraPapers',
  repeat_visits: 'rateReasonRepeatVisits',
  other: 'rateReasonOther',
} as const satisfies Record<RatingReason, StringKey>;

/** For a counter screen in rating mode: the ticket just finished at its counter and not rated yet, if any. */
export const PendingRating = Type.Object({ ticketId: Type.Union([Id, Type.Null()]) });
export type PendingRating = Static<typeof PendingRating>;
