import { ErrorBody, guideQueries, guideSays, type GuideRequest, type GuideSay } from '@luot/shared';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { ReadModels } from '../services/read-models.ts';
import type { Guards } from './guards.ts';
import { DomainError } from '../domain/errors.ts';
import type { Voice } from '../voice/index.ts';
import { guideSentence, type GuideFacts } from '../voice/guide-sentences.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

/** Guidance is the same words for everyone: a kiosk may keep it a day. The ETag revalidates it after. */
const CACHE_CONTROL = 'private, max-age=86400';

/** The field and category a request names, from the center's configuration; unknown ones are refused. */
function factsOf(read: ReadModels, request: GuideRequest): GuideFacts {
  const config = read.config();
  const lang = request.lang ?? 'vi';
  const facts: GuideFacts = {};
  if ('field' in request && request.field !== undefined) {
    const row = config.fieldRows.find((f) => f.id === request.field);
    if (!row) throw new DomainError('FIELD_NOT_FOUND');
    facts.field = { name: lang === 'vi' ? row.nameVi : row.nameEn || row.nameVi, opensAt: row.opensAt, closesAt: row.closesAt };
  }
  if (request.say === 'category') {
    const category = config.priorities.find((c) => c.code === request.code);
    if (!category) throw new DomainError('PRIORITY_UNKNOWN');
    facts.category = lang === 'vi' ? category.nameVi : category.nameEn || category.nameVi;
  }
  return facts;
}

/**
 * GET /api/voice/guide/<say>: what a kiosk's "Nghe hướng dẫn" reads, as audio/wav in the calls' voice. Only
 * kiosks ask; the sentence is built here from the center's own strings and data (guide-sentences.ts) and cached
 * like a call, so the second citizen who asks hears it at once. `X-Voice-Text` carries the sentence
 * (URL-encoded) for tests and for anyone checking what a kiosk says.
 */
export function registerGuideRoutes(app: FastifyInstance, deps: { guards: Guards; read: ReadModels }, voice: Voice): void {
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();
  for (const say of guideSays) {
    typed.get(
      `/api/voice/guide/${say}`,
      {
        schema: {
          tags: ['voice'],
          summary: `Kiosk guidance read aloud: ${say} (audio/wav, speech only)`,
          querystring: guideQueries[say],
          produces: ['audio/wav'],
          response: {
            200: Type.Unsafe<Uint8Array>({ type: 'string', format: 'binary', description: 'audio/wav' }),
            304: Type.Unsafe<undefined>({ description: 'unchanged since the ETag sent in If-None-Match' }),
            ...errors,
          },
        },
        onRequest: deps.guards.device('kiosk'),
      },
      async (request, reply) => {
        const guide = { say, ...(request.query as object) } as GuideRequest & { say: GuideSay };
        const audio = await voice.speech(guideSentence(guide, factsOf(deps.read, guide)));
        const etag = `"${audio.key}"`;
        void reply.header('cache-control', CACHE_CONTROL).header('etag', etag).header('x-voice-text', encodeURIComponent(audio.text));
        if (request.headers['if-none-match'] === etag) return reply.status(304).send(undefined);
        return reply.type('audio/wav').send(Buffer.from(audio.wav.buffer, audio.wav.byteOffset, audio.wav.byteLength));
      },
    );
  }
}
