import { PROTOCOL_VERSION, type Change, type ClientMessage, type Identity } from '@luot/shared';
import { readDisplayMessage } from './display-messages.ts';

/** What a screen shows about its link: `online` after a welcome, `lost` once an outage outlasts the grace period. */
export type LinkState = 'connecting' | 'online' | 'lost';

export interface SocketListener {
  link(state: LinkState): void;
  welcome(identity: Identity, streams: string[]): void;
  /** A full picture of one stream: on connect, after a reconnect, after a gap. Checked by the listener per stream. */
  snapshot(stream: string, data: unknown): void;
  /** The next change on a stream, in order; never called across a gap. */
  delta(stream: string, change: Change): void;
  /** Server clock minus this machine's clock, from the heartbeat pings. */
  serverOffset(offsetMs: number): void;
  /** The token was refused: `DEVICE_TOKEN_EXPIRED` (renew it) or `UNAUTHENTICATED` (revoked or unknown). */
  tokenRefused(code: string): void;
}

/** Close codes chosen by server/src/ws/socket-routes.ts. */
const CLOSE_UNAUTHENTICATED = 4001;
const CLOSE_PROTOCOL = 4002;
const CLOSE_TOKEN_EXPIRED = 4003;
const firstRetryMs = 300;
/** A LAN server is back within seconds of a restart; never wait more than this between tries. */
const maxRetryMs = 5_000;
/** A blip shorter than this is not worth a red banner; a longer one must be shown, stale numbers mislead. */
const lostAfterMs = 1_000;
/** The server pings every heartbeatMs; this much silence means the link is dead even if TCP has not noticed. */
const silenceFactor = 2.5;
/** A connection attempt to a host that does not answer can hang for minutes; retry long before that. */
const connectTimeoutMs = 5_000;

/**
 * One screen's live link (shared/src/ws.ts): hello → welcome → one snapshot per stream → deltas with a
 * sequence number per stream; a resync on any gap; reconnection with capped exponential backoff for as
 * long as the screen is on. A plain class, so the protocol reads without React's lifecycle in the way.
 */
export class DisplaySocket {
  private socket: WebSocket | null = null;
  private readonly seqs = new Map<string, number>();
  private attempt = 0;
  private heartbeatMs = 15_000;
  private lastHeard = Date.now();
  private state: LinkState = 'connecting';
  private retryTimer: number | undefined;
  private lostTimer: number | undefined;
  private readonly watchdog: number;
  private disposed = false;

  constructor(
    private readonly token: string,
    private readonly listener: SocketListener,
  ) {
    this.startLostTimer();
    this.connect();
    // A pulled cable or a frozen server leaves the socket open for minutes: silence is the only sign.
    this.watchdog = window.setInterval(() => {
      const state = this.socket?.readyState;
      const silent = Date.now() - this.lastHeard;
      if (state === WebSocket.OPEN && silent > this.heartbeatMs * silenceFactor) this.drop();
      else if (state === WebSocket.CONNECTING && silent > connectTimeoutMs) this.drop();
    }, 1_000);
  }

  dispose(): void {
    this.disposed = true;
    window.clearInterval(this.watchdog);
    window.clearTimeout(this.retryTimer);
    window.clearTimeout(this.lostTimer);
    const socket = this.socket;
    this.socket = null;
    socket?.close(1000, 'screen closed');
  }

  private connect(): void {
    const url = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/ws`;
    const socket = new WebSocket(url);
    this.socket = socket;
    this.seqs.clear();
    this.lastHeard = Date.now();
    socket.onopen = () => {
      this.lastHeard = Date.now();
      this.send({ type: 'hello', protocol: PROTOCOL_VERSION, token: this.token });
    };
    socket.onmessage = (event: MessageEvent<unknown>) => {
      if (socket === this.socket) this.receive(event.data);
    };
    socket.onclose = (event) => {
      if (socket === this.socket) this.closed(event.code);
    };
  }

  /** Gives up on a silent socket now instead of waiting for TCP to notice. */
  private drop(): void {
    const socket = this.socket;
    if (!socket) return;
    socket.onclose = null;
    socket.close();
    this.closed(1006);
  }

  private receive(data: unknown): void {
    this.lastHeard = Date.now();
    const message = readDisplayMessage(data);
    if (message === null) return;
    switch (message.type) {
      case 'welcome':
        this.attempt = 0;
        if (message.heartbeatMs !== null) this.heartbeatMs = message.heartbeatMs;
        this.listener.welcome(message.identity, message.streams);
        this.setState('online');
        return;
      case 'snapshot':
        this.seqs.set(message.stream, message.seq);
        this.listener.snapshot(message.stream, message.data);
        return;
      case 'delta': {
        const seq = this.seqs.get(message.stream);
        // Before the snapshot, or while a resync is on its way: the snapshot will include this change.
        if (seq === undefined || message.seq <= seq) return;
        if (message.seq !== seq + 1) {
          this.seqs.delete(message.stream);
          this.send({ type: 'resync', stream: message.stream });
          return;
        }
        this.seqs.set(message.stream, message.seq);
        this.listener.delta(message.stream, message.change);
        return;
      }
      case 'ping':
        this.listener.serverOffset(message.t - Date.now());
        this.send({ type: 'pong', t: message.t });
        return;
    }
  }

  private closed(code: number): void {
    this.socket = null;
    if (this.disposed) return;
    this.startLostTimer();
    if (code === CLOSE_UNAUTHENTICATED || code === CLOSE_TOKEN_EXPIRED) {
      // Not with this token again: the owner renews it (or pairs again) and opens a new socket.
      this.listener.tokenRefused(code === CLOSE_TOKEN_EXPIRED ? 'DEVICE_TOKEN_EXPIRED' : 'UNAUTHENTICATED');
      return;
    }
    if (code === CLOSE_PROTOCOL) {
      // The server was updated and speaks another protocol: the new app is one reload away.
      window.setTimeout(() => window.location.reload(), 3_000);
      return;
    }
    const delay = Math.min(maxRetryMs, firstRetryMs * 2 ** this.attempt) * (0.8 + Math.random() * 0.4);
    this.attempt += 1;
    this.retryTimer = window.setTimeout(() => this.connect(), delay);
  }

  /** Started once per outage: retries failing inside the grace period must not keep pushing it back. */
  private startLostTimer(): void {
    if (this.state === 'lost' || this.lostTimer !== undefined) return;
    this.lostTimer = window.setTimeout(() => {
      this.lostTimer = undefined;
      this.setState('lost');
    }, lostAfterMs);
  }

  private setState(state: LinkState): void {
    if (state === 'online') {
      window.clearTimeout(this.lostTimer);
      this.lostTimer = undefined;
    }
    if (state === this.state) return;
    this.state = state;
    this.listener.link(state);
  }

  private send(message: ClientMessage): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }
}
