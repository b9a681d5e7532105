import { PROTOCOL_VERSION, type CenterSnapshot, type ClientMessage } from '@luot/shared';
import { readCenterMessage, type CenterChange } from './center-messages.ts';

export type LinkState = 'connecting' | 'online' | 'lost';

export interface CenterListener {
  state(state: LinkState): void;
  /** The counter this session is seated at, as the server saw it at hello. */
  welcome(counterId: number | null): void;
  snapshot(data: CenterSnapshot): void;
  delta(change: CenterChange): void;
  /** Server clock minus this machine's clock, from the server's heartbeat pings. */
  serverOffset(offsetMs: number): void;
  /** The session token was refused: the session ended (expired, signed out, account disabled). */
  unauthorized(): void;
}

/** Close codes chosen by server/src/ws/socket-routes.ts. */
const CLOSE_UNAUTHENTICATED = 4001;
const CLOSE_PROTOCOL = 4002;
const firstRetryMs = 500;
/** A LAN server comes back within seconds of a restart; five seconds between tries keeps the wait short. */
const maxRetryMs = 5_000;
/** A reconnect this quick is not worth alarming an officer about. */
const lostAfterMs = 1_500;

/**
 * The console's live link to the `center` stream (shared/src/ws.ts): hello → welcome → snapshot → deltas,
 * a resync on any sequence gap, reconnection with backoff, and after each reconnect the fresh snapshot
 * replaces everything the console knew. Plain class, not a hook, so the protocol reads without React.
 */
export class CenterSocket {
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
    private readonly listener: CenterListener,
  ) {
    this.connect();
    // A pulled LAN cable does not close a socket for minutes; silence past two heartbeats means it is dead.
    this.watchdog = window.setInterval(() => {
      const socket = this.socket;
      if (socket?.readyState !== WebSocket.OPEN || Date.now() - this.lastHeard <= this.heartbeatMs * 2 + 5_000) return;
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
    this.socket?.close(1000, 'console closed');
    this.socket = null;
  }

  /** Asks for a fresh snapshot, e.g. when an HTTP answer suggests the picture is stale. */
  resync(): void {
    this.seq = null;
    this.send({ type: 'resync', stream: 'center' });
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
    const message = readCenterMessage(data);
    if (message === null) return;
    switch (message.type) {
      case 'welcome':
        this.attempt = 0;
        if (message.heartbeatMs !== null) this.heartbeatMs = message.heartbeatMs;
        this.listener.welcome(message.counterId);
        this.setState('online');
        return;
      case 'snapshot':
        this.seq = message.seq;
        this.listener.snapshot(message.data);
        return;
      case 'delta':
      case 'broken':
        if (this.seq === null || message.seq <= this.seq) return;
        if (message.type === 'broken' || message.seq !== this.seq + 1) {
          // A missed or unreadable delta would leave the queue wrong until the next change: ask for all of it.
          this.resync();
          return;
        }
        this.seq = message.seq;
        this.listener.delta(message.change);
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
    if (code === CLOSE_UNAUTHENTICATED) {
      this.listener.unauthorized();
      return;
    }
    if (code === CLOSE_PROTOCOL) {
      // The server was updated and speaks another protocol version: the new console is one reload away.
      window.setTimeout(() => window.location.reload(), 3_000);
      return;
    }
    if (this.state !== 'online') {
      this.setState('lost');
    } else if (this.lostTimer === undefined) {
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
