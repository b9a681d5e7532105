import { CounterRatingBody, ErrorBody, PendingRating, RatingReceipt, SatisfactionToday } from '@luot/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, type Guards } from './guards.ts';
import type { FeedbackService } from '../feedback/feedback-service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 409: ErrorBody };

/**
 * Ratings from counter screens, and today's figures for supervisors. Officers have no route here: they neither
 * rate nor read ratings, so no one at a counter can see or sway what a citizen answered.
 */
export const feedbackRoutes: FastifyPluginAsyncTypebox<{ guards: Guards; feedback: FeedbackService }> = async (app, deps) => {

  app.post(
    '/api/ratings',
    {
      schema: {
        tags: ['feedback'],
        summary: 'A counter screen records the rating of the ticket just finished at its counter',
        body: CounterRatingBody,
        response: { 201: RatingReceipt, ...errors },
      },
      onRequest: deps.guards.device('counter_display'),
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const counterId = actor.kind === 'device' ? actor.counterId : null;
      deps.feedback.rateAtCounter(counterId, request.body.ticketId, request.body);
      return reply.status(201).send({ ok: true, source: 'counter' });
    },
  );

  app.get(
    '/api/ratings/pending',
    {
      schema: {
        tags: ['feedback'],
        summary: 'A counter screen asks whether the ticket just finished at its counter awaits a rating',
        response: { 200: PendingRating, 401: ErrorBody, 403: ErrorBody },
      },
      onRequest: deps.guards.device('counter_display'),
    },
    async (request) => {
      const actor = actorOf(request);
      return { ticketId: deps.feedback.pendingAtCounter(actor.kind === 'device' ? actor.counterId : null) };
    },
  );

  app.get(
    '/api/ratings/today',
    {
      schema: { tags: ['feedback'], summary: 'Today’s satisfaction per counter (counts only)', response: { 200: SatisfactionToday, 401: ErrorBody, 403: ErrorBody } },
      onRequest: deps.guards.staff('supervisor', 'admin'),
    },
    async () => deps.feedback.today(),
  );
};
