import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ErrorBody, PhoneRatingBody, RatingReceipt, TrackCodeParams, TrackQuery, TrackView } from '@luot/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FeedbackService } from '../feedback/feedback-service.ts';
import type { StreamTaps } from '../services/publisher.ts';
import { createTrackWatch } from '../feedback/track-watch.ts';

/** How long a tracking page's request is held open waiting for a change before it is answered anyway. */
const LONG_POLL_MS = 25_000;
const errors = { 400: ErrorBody, 404: ErrorBody, 409: ErrorBody, 410: ErrorBody, 429: ErrorBody };

/**
 * The citizen's own ticket on their phone, with no login: the unguessable code printed as a QR code is the only
 * key. Requests are limited per address before the code is even looked up, and an unknown code is answered
 * with the same plain 404 as any missing page, so guessing is slow and learns nothing.
 *
 * Live updates are a long poll: the page passes the version it shows and the answer waits until that changes
 * (or 25 s). A call reaches the phone as fast as a WebSocket delta would, without opening the authenticated
 * /ws protocol to anonymous peers, and a phone that sleeps and wakes simply asks again.
 */
export const trackRoutes: FastifyPluginAsyncTypebox<{ feedback: FeedbackService; taps: StreamTaps; appsRoot: string }> = async (app, deps) => {
  const watch = createTrackWatch(deps.taps);
  app.addHook('onClose', async () => watch.close());

  app.get(
    '/api/track/:code',
    {
      schema: {
        tags: ['feedback'],
        summary: 'The citizen’s ticket: status, counter, people ahead, estimated wait (public, by tracking code)',
        params: TrackCodeParams,
        querystring: TrackQuery,
        response: { 200: TrackView, ...errors },
        security: [],
      },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const { code } = request.params;
      let view = deps.feedback.track(code);
      const since = request.query.since;
      if (since === undefined || since !== view.version) return view;
      const { ticketId, fieldId } = deps.feedback.ticketIdOf(code);
      const gone = new AbortController();
      reply.raw.once('close', () => gone.abort());
      const deadline = Date.now() + LONG_POLL_MS;
      while (view.version === since && !gone.signal.aborted && Date.now() < deadline) {
        await watch.wait(ticketId, fieldId, deadline - Date.now(), gone.signal);
        view = deps.feedback.track(code);
      }
      return view;
    },
  );

  app.post(
    '/api/track/:code/rating',
    {
      schema: {
        tags: ['feedback'],
        summary: 'The citizen rates their finished ticket from the phone (once)',
        params: TrackCodeParams,
        body: PhoneRatingBody,
        response: { 201: RatingReceipt, ...errors },
        security: [],
      },
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      deps.feedback.rateByPhone(request.params.code, request.body);
      return reply.status(201).send({ ok: true, source: 'phone' });
    },
  );

  const page = join(deps.appsRoot, 'kiosk', 'dist', 'track.html');
  app.get('/t/:code', { schema: { hide: true } }, async (_request, reply) => {
    let html: string;
    try {
      html = await readFile(page, 'utf8');
    } catch {
      return reply
        .status(503)
        .type('text/html; charset=utf-8')
        .send('<!doctype html><meta charset="utf-8"><p>Trang theo dõi số chưa được build. Chạy <code>pnpm build</code>.</p><p>The tracking page is not built yet. Run <code>pnpm build</code>.</p>');
    }
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').send(html);
  });
};
