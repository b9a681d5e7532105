import type { FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';

/**
 * Errors on an open /ws connection. For a frame over the size limit, invalid UTF-8 or a protocol violation, `ws`
 * has already begun a clean close with the matching code (1009, 1007, 1002) and keeps reading until the peer
 * answers it; terminating here would cut that close short and the peer would see 1006. These are a client's
 * mistake, not the server's, so they get one warn line and no stack. Anything else (a reset connection) ends the
 * socket at once.
 */
export function socketErrorHandler(error: Error & { code?: string }, socket: WebSocket, request: FastifyRequest): void {
  if (error.code?.startsWith('WS_ERR_')) {
    const what = error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' ? 'websocket frame too large' : 'websocket frame refused';
    request.log.warn({ code: error.code, ip: request.ip }, `${what}; closing with the matching close code`);
    return;
  }
  request.log.debug({ code: error.code, ip: request.ip }, 'websocket connection error');
  socket.terminate();
}
