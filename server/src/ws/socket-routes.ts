import { ClientMessage, errorBody, PROTOCOL_VERSION, type ErrorCode, type ServerMessage, type StreamName } from '@luot/shared';
import type {} from '@fastify/websocket';
import type { FastifyPluginAsync } from 'fastify';
import { Compile } from 'typebox/compile';
import type { WebSocket } from 'ws';
import type { Clock } from '../domain/clock.ts';
import type { AuthService } from '../services/auth-service.ts';
import type { ReadModels } from '../services/read-models.ts';
import type { Hub } from './hub.ts';
import { identityOf, snapshotOf, streamsFor } from './streams.ts';

const checkClient = Compile(ClientMessage);
const HELLO_TIMEOUT_MS = 10_000;
const CLOSE_UNAUTHENTICATED = 4001;
const CLOSE_PROTOCOL = 4002;
const CLOSE_TOKEN_EXPIRED = 4003;

interface Peer {
  socket: WebSocket;
  alive: boolean;
  streams: Set<StreamName>;
  /** The credential it said hello with; checked again on every heartbeat. */
  token: string | null;
}

/**
 * /ws: hello (protocol + token) → welcome → one snapshot per stream → deltas with per-stream sequence
 * numbers. A client that sees a gap asks `resync` and gets a fresh snapshot. The server pings on a
 * heartbeat and drops peers that stop answering, so a dead screen never holds a slot.
 */
export const socketRoutes: FastifyPluginAsync<{ auth: AuthService; read: ReadModels; hub: Hub; clock: Clock; heartbeatMs: number }> = async (app, deps) => {
  const peers = new Set<Peer>();

  const send = (socket: WebSocket, message: ServerMessage) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };
  const fail = (socket: WebSocket, code: ErrorCode) => {
    const body = errorBody(code);
    send(socket, { type: 'error', code: body.code, message: body.message });
  };

  function sendSnapshot(peer: Peer, stream: StreamName): void {
    // Snapshot and sequence are read in the same tick as publishes happen, so they always agree.
    const data = snapshotOf(deps.read, stream);
    if (data) send(peer.socket, { type: 'snapshot', stream, seq: deps.hub.seq(stream), data });
  }

  const heartbeat = setInterval(() => {
    for (const peer of peers) {
      if (!peer.alive) {
        peer.socket.terminate();
        continue;
      }
      // Re-checking the credential on each beat keeps a connected screen's token sliding forward, and ends
      // a revoked device's or a disabled officer's stream within one beat rather than at its next reconnect.
      if (peer.token !== null && !stillValid(peer, peer.token)) continue;
      peer.alive = false;
      peer.socket.ping();
      send(peer.socket, { type: 'ping', t: deps.clock.now() });
    }
  }, deps.heartbeatMs);
  heartbeat.unref();
  app.addHook('onClose', async () => {
    clearInterval(heartbeat);
    for (const peer of peers) peer.socket.close(1001, 'server shutting down');
  });

  app.get('/ws', { websocket: true }, (socket) => {
    const peer: Peer = { socket, alive: true, streams: new Set(), token: null };
    // Listeners first, before anything asynchronous, so no early frame is lost.
    socket.on('message', (raw, isBinary) => onMessage(peer, raw, isBinary));
    socket.on('pong', () => {
      peer.alive = true;
    });
    socket.on('close', () => {
      clearTimeout(helloTimer);
      peers.delete(peer);
      deps.hub.unsubscribeAll(socket);
    });
    const helloTimer = setTimeout(() => {
      if (peer.streams.size === 0) {
        fail(socket, 'UNAUTHENTICATED');
        socket.close(CLOSE_UNAUTHENTICATED, 'no hello');
      }
    }, HELLO_TIMEOUT_MS);
  });

  function onMessage(peer: Peer, raw: unknown, isBinary: boolean): void {
    peer.alive = true;
    let message: unknown;
    try {
      message = isBinary ? undefined : JSON.parse(String(raw));
    } catch {
      message = undefined;
    }
    if (!checkClient.Check(message)) return fail(peer.socket, 'BAD_FRAME');
    switch (message.type) {
      case 'pong':
        return;
      case 'resync': {
        // Only a stream the peer was given: the name comes back from its own set, typed.
        const stream = [...peer.streams].find((s) => s === message.stream);
        if (stream === undefined) return fail(peer.socket, 'FORBIDDEN');
        return sendSnapshot(peer, stream);
      }
      case 'hello':
        return hello(peer, message.protocol, message.token);
    }
  }

  /** False (and the socket is being closed) when the token no longer authenticates. */
  function stillValid(peer: Peer, token: string): boolean {
    const actor = deps.auth.authenticate(token);
    // API tokens have no live stream: integrations read /api/live (live:read) or take webhooks.
    if (actor && actor.kind !== 'system' && actor.kind !== 'integration') return true;
    if (deps.auth.deviceTokenExpired(token)) {
      fail(peer.socket, 'DEVICE_TOKEN_EXPIRED');
      peer.socket.close(CLOSE_TOKEN_EXPIRED, 'token expired');
    } else {
      fail(peer.socket, 'UNAUTHENTICATED');
      peer.socket.close(CLOSE_UNAUTHENTICATED, 'unauthenticated');
    }
    peers.delete(peer);
    return false;
  }

  function hello(peer: Peer, protocol: number, token: string): void {
    if (protocol !== PROTOCOL_VERSION) {
      fail(peer.socket, 'PROTOCOL_MISMATCH');
      return peer.socket.close(CLOSE_PROTOCOL, 'protocol');
    }
    const actor = deps.auth.authenticate(token);
    if (!actor && deps.auth.deviceTokenExpired(token)) {
      fail(peer.socket, 'DEVICE_TOKEN_EXPIRED');
      return peer.socket.close(CLOSE_TOKEN_EXPIRED, 'token expired');
    }
    if (!actor || actor.kind === 'system' || actor.kind === 'integration') {
      fail(peer.socket, 'UNAUTHENTICATED');
      return peer.socket.close(CLOSE_UNAUTHENTICATED, 'unauthenticated');
    }
    deps.hub.unsubscribeAll(peer.socket);
    deps.hub.label(peer.socket, actor.kind === 'staff' ? 'staff_console' : actor.deviceKind);
    peer.token = token;
    peer.streams = new Set(streamsFor(actor));
    peers.add(peer);
    send(peer.socket, {
      type: 'welcome',
      protocol: PROTOCOL_VERSION,
      identity: identityOf(actor),
      streams: [...peer.streams],
      heartbeatMs: deps.heartbeatMs,
      serverTime: new Date(deps.clock.now()).toISOString(),
    });
    for (const stream of peer.streams) {
      deps.hub.subscribe(peer.socket, stream);
      sendSnapshot(peer, stream);
    }
  }
};
