import type { Change, Identity } from '@luot/shared';
import { CLOSE_TOKEN_EXPIRED, CLOSE_UNAUTHENTICATED, LiveSocket, type LinkState } from '@luot/shared/ui';
import { displayReader, type DisplayWelcome } from './display-messages.ts';

export type { LinkState };

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

/**
 * One screen's live link to the streams it was given (shared/src/ws.ts), over the apps' shared LiveSocket.
 * Nobody operates a board to notice a stale one, so it reconnects sooner and counts every gap as an outage.
 */
export class DisplaySocket {
  private readonly live: LiveSocket<DisplayWelcome, unknown, Change>;

  constructor(token: string, listener: SocketListener) {
    this.live = new LiveSocket(
      {
        token,
        reader: displayReader,
        // Not with this token again: the owner renews it (or pairs again) and opens a new socket.
        refusedBy: [CLOSE_UNAUTHENTICATED, CLOSE_TOKEN_EXPIRED],
        closeReason: 'screen closed',
        timing: {
          firstRetryMs: 300,
          /** A blip shorter than this is not worth a red banner; a longer one must be shown, stale numbers mislead. */
          lostAfterMs: 1_000,
          grace: 'every-gap',
          watchdogEveryMs: 1_000,
          // A pulled cable or a frozen server leaves the socket open for minutes: silence is the only sign.
          deadAfterMs: (heartbeatMs) => heartbeatMs * 2.5,
          /** A connection attempt to a host that does not answer can hang for minutes; retry long before that. */
          connectTimeoutMs: 5_000,
        },
      },
      {
        link: (state) => listener.link(state),
        welcome: ({ identity, streams }) => listener.welcome(identity, streams),
        snapshot: (stream, data) => listener.snapshot(stream, data),
        delta: (stream, change) => listener.delta(stream, change),
        serverOffset: (offsetMs) => listener.serverOffset(offsetMs),
        refused: (code) => listener.tokenRefused(code),
      },
    );
  }

  dispose(): void {
    this.live.dispose();
  }
}
