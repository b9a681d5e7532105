import { ErrorBody, HALL_MEDIA_LIMITS, HallMediaUploadQuery, HallMediaView, IdParams } from '@luot/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { DomainError } from '../domain/errors.ts';
import type { HallMedia } from '../services/hall-media.ts';
import { staffOf, type Guards } from './guards.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 413: ErrorBody, 415: ErrorBody };
const tags = ['hall board'];
const uploadTypes = ['image/png', 'image/jpeg', 'image/webp', 'video/mp4', 'video/webm', 'application/octet-stream'];

/** The hall board's side panel: admins upload and remove; the board lists; the files are served from here. */
export const mediaRoutes: FastifyPluginAsyncTypebox<{ guards: Guards; media: HallMedia }> = async (app, { guards, media }) => {
  // Only in this plugin: the raw bytes of an upload, up to the video limit (the server's JSON limit stays 64 KiB).
  app.addContentTypeParser(uploadTypes, { parseAs: 'buffer', bodyLimit: HALL_MEDIA_LIMITS.video }, (_req, body, done) => done(null, body));

  app.get('/api/media', { schema: { tags, summary: 'The images and videos the hall board shows, in order', response: { 200: Type.Array(HallMediaView), ...errors } }, onRequest: guards.either(['admin'], ['hall_board']) }, async () =>
    media.list(),
  );

  app.post(
    '/api/admin/media',
    {
      bodyLimit: HALL_MEDIA_LIMITS.video,
      schema: {
        tags,
        summary: 'Upload a PNG, JPEG or WebP image (≤ 5 MB) or an MP4 or WebM video (≤ 50 MB) as the raw request body; the type is read from the file itself',
        querystring: HallMediaUploadQuery,
        response: { 201: HallMediaView, ...errors },
      },
      onRequest: guards.staff('admin'),
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) throw new DomainError('MEDIA_TYPE_INVALID');
      return reply.status(201).send(media.add(request.body, request.query, staffOf(request)));
    },
  );

  app.delete('/api/admin/media/:id', { schema: { tags, summary: 'Remove an image or video from the hall board', params: IdParams, response: { 204: Type.Null(), ...errors } }, onRequest: guards.staff('admin') }, async (request, reply) => {
    media.remove(request.params.id, staffOf(request));
    return reply.status(204).send(null);
  });

  // Public like the apps: a <video> cannot send a token, and the panel holds public notices; names are unguessable.
  app.get('/media/:file', { schema: { hide: true, params: Type.Object({ file: Type.String({ pattern: '^[0-9a-f-]{36}\\.(png|jpg|webp|mp4|webm)$' }) }) } }, async (request, reply) => {
    const found = media.file(request.params.file);
    if (!found) throw new DomainError('MEDIA_NOT_FOUND');
    return reply.type(found.mime).header('cache-control', 'public, max-age=86400').send(found.body);
  });
};
