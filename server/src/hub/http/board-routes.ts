import { ErrorBody, HubCenterBoard, HubCenterParams, HubClientHello, ProvinceBoard, type HubServerMessage } from '@luot/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type {} from '@fastify/websocket';
import { Compile } from 'typebox/compile';
import type { HubDeps } from './hub-deps.ts';

const checkHello = Compile(HubClientHello);
const HELLO_TIMEOUT_MS = 10_000;
const PING_MS = 30_000;
const CLOSE_UNAUTHENTICATED = 4001;
const errors = { 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

/** The province board: as one document, one center's board, and live over a socket. */
export const boardRoutes: FastifyPluginAsyncTypebox<{ deps: HubDeps }> = async (app, { deps }) => {
  const anyone = deps.guards.staff('province_admin', 'province_viewer');

  app.get('/api/hub/board', { schema: { tags: ['board'], summary: 'Every center now', response: { 200: ProvinceBoard, ...errors } }, onRequest: anyone }, async () =>
    deps.board.board(),
  );

  app.get(
    '/api/hub/centers/:centerId/board',
    { schema: { tags: ['board'], summary: 'One center’s board as it last reported (read-only)', params: HubCenterParams, response: { 200: HubCenterBoard, ...errors } }, onRequest: anyone },
    async (request) => deps.board.center(request.params.centerId),
  );

  /** hello { token } → the whole board → one message per changed center. */
  app.get('/api/hub/ws', { websocket: true }, (socket) => {
    let leave: (() => void) | null = null;
    let alive = true;
    const send = (message: HubServerMessage) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
    };
    socket.on('message', (raw: Buffer) => {
      if (leave) return;
      let hello: unknown;
      try {
        hello = JSON.parse(raw.toString());
      } catch {
        hello = null;
      }
      if (!checkHello.Check(hello)) return socket.close(CLOSE_UNAUTHENTICATED, 'hello expected');
      void deps.auth.authenticate(hello.token).then(async (actor) => {
        if (!actor) return socket.close(CLOSE_UNAUTHENTICATED, 'unauthenticated');
        const stop = await deps.fanout.join({ send });
        if (socket.readyState !== socket.OPEN) stop();
        else leave = stop;
      });
    });
    socket.on('pong', () => (alive = true));
    const ping = setInterval(() => {
      if (!alive) return socket.terminate();
      alive = false;
      socket.ping();
    }, PING_MS);
    const helloTimer = setTimeout(() => leave ?? socket.close(CLOSE_UNAUTHENTICATED, 'no hello'), HELLO_TIMEOUT_MS);
    socket.on('close', () => {
      clearInterval(ping);
      clearTimeout(helloTimer);
      leave?.();
    });
    socket.on('error', () => socket.terminate());
  });
};
