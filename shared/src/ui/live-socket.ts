import { PROTOCOL_VERSION, type ClientMessage } from '../ws.ts';
import { readLiveFrame, type LiveReader } from './live-frames.ts';

/** What a screen shows about its link: `online` after a welcome, `lost` once an outage outlasts the grace period. */
export type LinkState = 'connecting' | 'online' | 'lost';

/** Close codes chosen by server/src/ws/socket-routes.ts. */
export const CLOSE_UNAUTHENTICATED = 4001;
export const CLOSE_PROTOCOL = 4002;
export const CLOSE_TOKEN_EXPIRED = 4003;

/** The close codes that refuse a token, and the error code each stands for. */
export type RefusalClose = typeof CLOSE_UNAUTHENTICATED | typeof CLOSE_TOKEN_EXPIRED;
export type Refusal = 'UNAUTHENTICATED' | 'DEVICE_TOKEN_EXPIRED';

export interface LiveTiming {
  /** The first wait before reconnecting; it doubles at each failed try, up to maxRetryMs. */
  firstRetryMs: number;
  /** How long an outage may last before the link shows as lost. */
  lostAfterMs: number;
  /**
   * `reconnects`: only an outage after a welcome gets the grace period; a first connect that fails shows
   * `lost` at once, and a refused token leaves the state to the owner.
   * `every-gap`: any time without a live link counts, from the first connect and after a refusal too.
   */
  grace: 'reconnects' | 'every-gap';
  /** How often the watchdog looks for a silent socket. */
  watchdogEveryMs: number;
  /** Silence on an open socket past which it is taken for dead, given the server's heartbeat. */
  deadAfterMs(heartbeatMs: number): number;
  /** A connection attempt still pending after this long is dropped and retried; null leaves it to the browser. */
  connectTimeoutMs: number | null;
}

/** For a person at the screen (kiosk, console): a quick reconnect shows nothing, a dead link is found within seconds. */
const defaultTiming: LiveTiming = {
  firstRetryMs: 500,
  /** A reconnect this quick is invisible to whoever is at the screen; only a longer outage is worth a red banner. */
  lostAfterMs: 1_500,
  grace: 'reconnects',
  watchdogEveryMs: 5_000,
  // A pulled LAN cable does not close a socket for minutes; silence past two heartbeats means it is dead.
  deadAfterMs: (heartbeatMs) => heartbeatMs * 2 + 5_000,
  connectTimeoutMs: null,
};

/** A LAN server comes back within seconds of a restart; five seconds between tries keeps the wait short. */
const maxRetryMs = 5_000;

export interface LiveHandlers<W, S, D> {
  link(state: LinkState): void;
  welcome(welcome: W): void;
  /** A full picture of one stream: on connect, after a reconnect, after a gap. */
  snapshot(stream: string, data: S): void;
  /** The next change on a stream, in order; never called across a gap. */
  delta(stream: string, change: D): void;
  /** Server clock minus this machine's clock, from the server's heartbeat pings. */
  serverOffset(offsetMs: number): void;
  /** Closed with one of `refusedBy`: the token will not do, and this socket does not reconnect with it. */
  refused(code: Refusal): void;
}

export interface LiveOptions<W, S, D extends object> {
  token: string;
  reader: LiveReader<W, S, D>;
  /** Close codes that refuse the token; the owner renews it (or pairs or signs in again) and opens a new socket. */
  refusedBy: readonly RefusalClose[];
  /** The close reason sent when the app disposes of the socket. */
  closeReason: string;
  timing?: Partial<LiveTiming>;
}

/**
 * A live link to /ws (shared/src/ws.ts): hello → welcome → one snapshot per stream → deltas with a sequence
 * number per stream; a resync on any gap; reconnection with capped exponential backoff for as long as the app
 * is on. A plain class, not a hook, so the protocol reads without React's lifecycle in the way.
 */
export class LiveSocket<W, S, D extends object> {
  private socket: WebSocket | null = null;
  private readonly seqs = new Map<string, number>();
  private attempt = 0;
  private heartbeatMs = 15_000;
  private lastHeard = Date.now();
  private state: LinkState = 'connecting';
  private retryTimer: number | undefined;
  private lostTimer: number | undefined;
  private readonly watchdog: number;
  private readonly timing: LiveTiming;
  private disposed = false;

  constructor(
    private readonly options: LiveOptions<W, S, D>,
    private readonly handlers: LiveHandlers<W, S, D>,
  ) {
    const timing = { ...defaultTiming, ...options.timing };
    this.timing = timing;
    if (timing.grace === 'every-gap') this.startGrace();
    this.connect();
    this.watchdog = window.setInterval(() => {
      const state = this.socket?.readyState;
      const silent = Date.now() - this.lastHeard;
      if (state === WebSocket.OPEN && silent > timing.deadAfterMs(this.heartbeatMs)) this.drop();
      else if (state === WebSocket.CONNECTING && timing.connectTimeoutMs !== null && silent > timing.connectTimeoutMs) this.drop();
    }, timing.watchdogEveryMs);
  }

  dispose(): void {
    this.disposed = true;
    window.clearInterval(this.watchdog);
    window.clearTimeout(this.retryTimer);
    window.clearTimeout(this.lostTimer);
    const socket = this.socket;
    this.socket = null;
    socket?.close(1000, this.options.closeReason);
  }

  /** Asks for a fresh snapshot of a stream, e.g. when an HTTP answer suggests the picture is stale. */
  resync(stream: string): void {
    this.seqs.delete(stream);
    this.send({ type: 'resync', stream });
  }

  private connect(): void {
    const url = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/ws`;
    const socket = new WebSocket(url);
    this.socket = socket;
    this.seqs.clear();
    this.lastHeard = Date.now();
    socket.onopen = () => {
      this.lastHeard = Date.now();
      this.send({ type: 'hello', protocol: PROTOCOL_VERSION, token: this.options.token });
    };
    socket.onmessage = (event: MessageEvent<unknown>) => {
      if (socket === this.socket) this.receive(event.data);
    };
    socket.onclose = (event) => {
      if (socket === this.socket) this.closed(event.code);
    };
  }

  /** Do not wait for a close handshake the dead link cannot carry: drop the socket and reconnect now. */
  private drop(): void {
    const socket = this.socket;
    if (!socket) return;
    socket.onclose = null;
    socket.onmessage = null;
    socket.close();
    this.closed(1006);
  }

  private receive(data: unknown): void {
    this.lastHeard = Date.now();
    const frame = readLiveFrame(data, this.options.reader);
    if (frame === null) return;
    switch (frame.type) {
      case 'welcome':
        this.attempt = 0;
        if (frame.heartbeatMs !== null) this.heartbeatMs = frame.heartbeatMs;
        if (frame.serverTime !== null) this.handlers.serverOffset(frame.serverTime - Date.now());
        this.handlers.welcome(frame.welcome);
        this.setState('online');
        return;
      case 'snapshot':
        this.seqs.set(frame.stream, frame.seq);
        this.handlers.snapshot(frame.stream, frame.data);
        return;
      case 'delta':
      case 'broken': {
        const seq = this.seqs.get(frame.stream);
        // Before the snapshot, or while a resync is on its way: the snapshot will include this change.
        if (seq === undefined || frame.seq <= seq) return;
        if (frame.type === 'broken' || frame.seq !== seq + 1) {
          // A missed or unreadable delta would leave the picture wrong until the next change: ask for all of it.
          this.resync(frame.stream);
          return;
        }
        this.seqs.set(frame.stream, frame.seq);
        this.handlers.delta(frame.stream, frame.change);
        return;
      }
      case 'ping':
        this.handlers.serverOffset(frame.t - Date.now());
        this.send({ type: 'pong', t: frame.t });
        return;
    }
  }

  private closed(code: number): void {
    this.socket = null;
    if (this.disposed) return;
    if (this.timing.grace === 'every-gap') this.graceOrLost();
    if (this.options.refusedBy.some((refusal) => refusal === code)) {
      this.handlers.refused(code === CLOSE_TOKEN_EXPIRED ? 'DEVICE_TOKEN_EXPIRED' : 'UNAUTHENTICATED');
      return;
    }
    if (code === CLOSE_PROTOCOL) {
      // The server was updated and speaks another protocol version: the new app is one reload away.
      window.setTimeout(() => window.location.reload(), 3_000);
      return;
    }
    if (this.timing.grace === 'reconnects') this.graceOrLost();
    const delay = Math.min(maxRetryMs, this.timing.firstRetryMs * 2 ** this.attempt) * (0.8 + Math.random() * 0.4);
    this.attempt += 1;
    this.retryTimer = window.setTimeout(() => this.connect(), delay);
  }

  /** Started once per outage: failed retries inside the grace period must not keep pushing it back. */
  private graceOrLost(): void {
    if (this.lostTimer !== undefined) return;
    if (this.state === 'online') this.startGrace();
    else this.setState('lost');
  }

  private startGrace(): void {
    this.lostTimer = window.setTimeout(() => {
      this.lostTimer = undefined;
      this.setState('lost');
    }, this.timing.lostAfterMs);
  }

  private setState(state: LinkState): void {
    if (state === 'online') {
      window.clearTimeout(this.lostTimer);
      this.lostTimer = undefined;
    }
    if (state === this.state) return;
    this.state = state;
    this.handlers.link(state);
  }

  private send(message: ClientMessage): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }
}
