import { PROTOCOL_VERSION, type ClientMessage, type FieldView } from '@luot/shared';
import { readHallMessage } from './hall-messages.ts';

export type LinkState = 'connecting' | 'online' | 'lost';

export interface HallListener {
  state(state: LinkState): void;
  /** Every field (snapshot, replace all) or the changed ones (delta, upsert by id). */
  fields(fields: FieldView[], replace: boolean): void;
  /** Server clock minus this machine's clock, from the server's heartbeat pings. */
  serverOffset(offsetMs: number): void;
  /** The token was refused: `DEVICE_TOKEN_EXPIRED` (renew it) or `UNAUTHENTICATED` (revoked or unknown). */
  tokenRefused(code: string): void;
}

/** Close codes chosen by server/src/ws/socket-routes.ts. */
const CLOSE_UNAUTHENTICATED = 4001;
const CLOSE_PROTOCOL = 4002;
const CLOSE_TOKEN_EXPIRED = 4003;
const firstRetryMs = 500;
/** A LAN server comes back within seconds of a restart; five seconds between tries keeps the wait short. */
const maxRetryMs = 5_000;
/** A reconnect this quick is invisible to the citizen; only a longer outage is worth a red banner. */
const lostAfterMs = 1_500;

/**
 * The kiosk's live link to the `hall` stream (shared/src/ws.ts): hello → welcome → snapshot → deltas,
 * a resync on any sequence gap, and reconnection with backoff for as long as the kiosk is on.
 * Plain class, not a hook, so the protocol can be read without React's lifecycle in the way.
 */
export class HallSocket {
  private socket: WebSocket | null = null;
  private seq: number | null = null;
  private attempt = 0;
  private heartbeatMs = 15_000;
  private lastHeard = 0;
  private state: LinkState = 'connecting';
  private retryTimer: number | undefined;
  private lostTimer: number | undefined;
  private readonly watchdog: number;
  private closed = false;

  constructor(
    private readonly token: string,
    private readonly listener: HallListener,
  ) {
    this.connect();
    // A pulled LAN cable does not close a socket for minutes; silence past two heartbeats means it is dead.
    this.watchdog = window.setInterval(() => {
      const socket = this.socket;
      if (socket?.readyState !== WebSocket.OPEN || Date.now() - this.lastHeard <= this.heartbeatMs * 2 + 5_000) return;
      // Do not wait for a close handshake the dead link cannot carry: drop the socket and reconnect now.
      socket.onclose = null;
      socket.onmessage = null;
      socket.close();
      this.onClose(1006);
    }, 5_000);
  }

  dispose(): void {
    this.closed = true;
    window.clearInterval(this.watchdog);
    window.clearTimeout(this.retryTimer);
    window.clearTimeout(this.lostTimer);
    this.socket?.close(1000, 'kiosk closed');
    this.socket = null;
  }

  private connect(): void {
    const url = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/ws`;
    const socket = new WebSocket(url);
    this.socket = socket;
    this.seq = null;
    socket.onopen = () => {
      this.lastHeard = Date.now();
      this.send({ type: 'hello', protocol: PROTOCOL_VERSION, token: this.token });
    };
    socket.onmessage = (event: MessageEvent<unknown>) => {
      if (socket === this.socket) this.receive(event.data);
    };
    socket.onclose = (event) => {
      if (socket === this.socket) this.onClose(event.code);
    };
  }

  private receive(data: unknown): void {
    this.lastHeard = Date.now();
    const message = readHallMessage(data);
    if (message === null) return;
    switch (message.type) {
      case 'welcome':
        this.attempt = 0;
        if (message.heartbeatMs !== null) this.heartbeatMs = message.heartbeatMs;
        this.setState('online');
        return;
      case 'snapshot':
        this.seq = message.seq;
        this.listener.fields(message.data.fields, true);
        return;
      case 'delta':
        if (this.seq === null || message.seq <= this.seq) return;
        if (message.seq !== this.seq + 1) {
          // A missed delta would leave waiting counts wrong until the next change; ask for the whole picture.
          this.seq = null;
          this.send({ type: 'resync', stream: 'hall' });
          return;
        }
        this.seq = message.seq;
        if (message.change.fields?.length) this.listener.fields(message.change.fields, false);
        return;
      case 'ping':
        this.listener.serverOffset(message.t - Date.now());
        this.send({ type: 'pong', t: message.t });
        return;
    }
  }

  private onClose(code: number): void {
    this.socket = null;
    if (this.closed) return;
    if (code === CLOSE_UNAUTHENTICATED || code === CLOSE_TOKEN_EXPIRED) {
      // No reconnecting with this token: the owner renews it or pairs again, then opens a new socket.
      this.listener.tokenRefused(code === CLOSE_TOKEN_EXPIRED ? 'DEVICE_TOKEN_EXPIRED' : 'UNAUTHENTICATED');
      return;
    }
    if (code === CLOSE_PROTOCOL) {
      // The server was updated and speaks another protocol version: the new app is one reload away.
      window.setTimeout(() => window.location.reload(), 3_000);
      return;
    }
    if (this.state !== 'online') {
      this.setState('lost');
    } else if (this.lostTimer === undefined) {
      // Started once per outage: failed retries inside the grace period must not keep pushing it back.
      this.lostTimer = window.setTimeout(() => {
        this.lostTimer = undefined;
        this.setState('lost');
      }, lostAfterMs);
    }
    const delay = Math.min(maxRetryMs, firstRetryMs * 2 ** this.attempt) * (0.8 + Math.random() * 0.4);
    this.attempt += 1;
    this.retryTimer = window.setTimeout(() => this.connect(), delay);
  }

  private setState(state: LinkState): void {
    if (state === 'online') {
      window.clearTimeout(this.lostTimer);
      this.lostTimer = undefined;
    }
    if (state === this.state) return;
    this.state = state;
    this.listener.state(state);
  }

  private send(message: ClientMessage): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }
}
