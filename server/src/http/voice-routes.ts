import { ErrorBody, VoiceCallQuery } from '@luot/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { ReadModels } from '../services/read-models.ts';
import { createVoice, type Voice } from '../voice/index.ts';
import type { Guards } from './guards.ts';
import { registerGuideRoutes } from './voice-guide-routes.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody };

/** Browsers keep a call's audio an hour; the ETag (a hash of what shapes the sound) revalidates it after. */
const CACHE_CONTROL = 'private, max-age=3600';

export interface VoiceRoutesOptions {
  guards: Guards;
  read: ReadModels;
  /** Where the voice keeps its cache and finds its pack (app.ts: the configuration, or beside the database). */
  settings: Omit<Parameters<typeof createVoice>[0], 'logger'>;
  /** Pass one to share it (the caller then closes it); otherwise the plugin makes one and closes it with the app. */
  voice?: Voice;
}

/**
 * GET /api/voice/call: the WAV a hall board plays when a number is called or recalled; and the kiosk's spoken
 * guidance (voice-guide-routes.ts), made by the same voice.
 */
export const voiceRoutes: FastifyPluginAsyncTypebox<VoiceRoutesOptions> = async (app, deps) => {
  const given = deps.voice;
  const voice = given ?? createVoice({ ...deps.settings, logger: app.log });
  if (!given) app.addHook('onClose', async () => voice.close());
  registerGuideRoutes(app, deps, voice);

  app.get(
    '/api/voice/call',
    {
      schema: {
        tags: ['voice'],
        summary: 'Audio of a call: chime, then "Mời công dân có số … đến quầy số …" (audio/wav, 16-bit PCM mono)',
        querystring: VoiceCallQuery,
        produces: ['audio/wav'],
        response: {
          200: Type.Unsafe<Uint8Array>({ type: 'string', format: 'binary', description: 'audio/wav' }),
          304: Type.Unsafe<undefined>({ description: 'unchanged since the ETag sent in If-None-Match' }),
          ...errors,
        },
      },
      onRequest: deps.guards.either(['officer', 'supervisor', 'admin'], ['hall_board', 'counter_display']),
    },
    async (request, reply) => {
      const { number, counter, english } = request.query;
      // The request may ask; otherwise the admin's choice; otherwise the server's configuration.
      const wanted = english ?? deps.read.config().voice.english ?? undefined;
      const audio = await voice.callAudio(number, counter, wanted === undefined ? {} : { english: wanted });
      const etag = `"${audio.key}"`;
      void reply.header('cache-control', CACHE_CONTROL).header('etag', etag).header('x-voice-source', audio.source);
      if (audio.missing) void reply.header('x-voice-pack-missing', encodeURIComponent(audio.missing.join(', ')));
      if (request.headers['if-none-match'] === etag) return reply.status(304).send(undefined);
      return reply.type('audio/wav').send(Buffer.from(audio.wav.buffer, audio.wav.byteOffset, audio.wav.byteLength));
    },
  );
};
