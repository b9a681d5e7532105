import type { CenterSnapshot } from '@luot/shared';
import { CLOSE_UNAUTHENTICATED, LiveSocket, type LinkState } from '@luot/shared/ui';
import { centerReader, type CenterChange, type CenterWelcome } from './center-messages.ts';

export type { LinkState };

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

/**
 * The console's live link to the `center` stream (shared/src/ws.ts), over the apps' shared LiveSocket with its
 * default timing: a quick reconnect is not worth alarming an officer about. After each reconnect the fresh
 * snapshot replaces everything the console knew; a delta it cannot read is answered with a resync too.
 */
export class CenterSocket {
  private readonly live: LiveSocket<CenterWelcome, CenterSnapshot, CenterChange>;

  constructor(token: string, listener: CenterListener) {
    this.live = new LiveSocket(
      // The server closes with TOKEN_EXPIRED for device tokens only; an ended session is refused as UNAUTHENTICATED.
      { token, reader: centerReader, refusedBy: [CLOSE_UNAUTHENTICATED], closeReason: 'console closed' },
      {
        link: (state) => listener.state(state),
        welcome: ({ counterId }) => listener.welcome(counterId),
        snapshot: (_stream, data) => listener.snapshot(data),
        delta: (_stream, change) => listener.delta(change),
        serverOffset: (offsetMs) => listener.serverOffset(offsetMs),
        refused: () => listener.unauthorized(),
      },
    );
  }

  dispose(): void {
    this.live.dispose();
  }

  /** Asks for a fresh snapshot, e.g. when an HTTP answer suggests the picture is stale. */
  resync(): void {
    this.live.resync('center');
  }
}
