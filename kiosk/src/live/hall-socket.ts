import type { Change, FieldView, HallSnapshot } from '@luot/shared';
import { CLOSE_TOKEN_EXPIRED, CLOSE_UNAUTHENTICATED, LiveSocket, type LinkState } from '@luot/shared/ui';
import { hallReader } from './hall-messages.ts';

export type { LinkState };

export interface HallListener {
  state(state: LinkState): void;
  /** Every field (snapshot, replace all) or the changed ones (delta, upsert by id). */
  fields(fields: FieldView[], replace: boolean): void;
  /** Server clock minus this machine's clock, from the server's heartbeat pings. */
  serverOffset(offsetMs: number): void;
  /** The token was refused: `DEVICE_TOKEN_EXPIRED` (renew it) or `UNAUTHENTICATED` (revoked or unknown). */
  tokenRefused(code: string): void;
}

/**
 * The kiosk's live link to the `hall` stream (shared/src/ws.ts), over the apps' shared LiveSocket with its
 * default timing: a reconnect within the grace period is invisible to the citizen.
 */
export class HallSocket {
  private readonly live: LiveSocket<true, HallSnapshot, Change>;

  constructor(token: string, listener: HallListener) {
    this.live = new LiveSocket(
      // No reconnecting with a refused token: the owner renews it or pairs again, then opens a new socket.
      { token, reader: hallReader, refusedBy: [CLOSE_UNAUTHENTICATED, CLOSE_TOKEN_EXPIRED], closeReason: 'kiosk closed' },
      {
        link: (state) => listener.state(state),
        welcome: () => undefined,
        snapshot: (_stream, data) => listener.fields(data.fields, true),
        delta: (_stream, change) => {
          if (change.fields?.length) listener.fields(change.fields, false);
        },
        serverOffset: (offsetMs) => listener.serverOffset(offsetMs),
        refused: (code) => listener.tokenRefused(code),
      },
    );
  }

  dispose(): void {
    this.live.dispose();
  }
}
