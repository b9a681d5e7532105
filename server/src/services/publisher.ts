import type { Change, ChangeCause, StreamName } from '@luot/shared';

/** A delta as the services publish it: the wire's `Change` with a cause the server knows. */
export type Published = Change & { cause: ChangeCause };

/** Where committed changes go out. The WebSocket hub (ws/hub.ts) implements it; services never see a socket. */
export interface Publisher {
  publish(stream: StreamName, change: Published): void;
}

/** Something that reads a stream in-process, the way a screen reads it over /ws: it gets each delta's text. */
export interface StreamListener {
  send(data: string): void;
  readonly readyState: number;
}

/** In-process readers of the streams (the tracking page's long poll). The hub implements it too. */
export interface StreamTaps {
  subscribe(listener: StreamListener, stream: StreamName): void;
  unsubscribeAll(listener: StreamListener): void;
}
