import { CounterSnapshot, HallSnapshot, type CallView, type CounterView } from '@luot/shared';
import { useEffect, useEffectEvent, useReducer, useRef, useState } from 'react';
import { Value } from 'typebox/value';
import { CallTracker } from './call-tracker.ts';
import { emptyModel, reduceModel, type DisplayModel } from './display-model.ts';
import { DisplaySocket, type LinkState } from './display-socket.ts';

export interface DisplayLink {
  link: LinkState;
  model: DisplayModel;
  /** Server clock minus this machine's clock: the board's clock shows the server's time. */
  serverOffsetMs: number;
  /** Goes up at each welcome, so data fetched over HTTP is fetched again after a reconnect. */
  epoch: number;
}

/** How a call reached the screen: live, or found in a snapshot after an outage. */
export type CallSource = 'live' | 'missed';

/**
 * The screen's socket as React state. `onCall` hears each call and recall once — live from a delta, or,
 * for one made while the screen was reconnecting, from the next snapshot — and drives the counter screen's
 * flash and the hall board's voice.
 */
export function useDisplayLink(
  token: string | null,
  onTokenRefused: (token: string, code: string) => void,
  onCall: (call: CallView, stream: string, source: CallSource) => void,
): DisplayLink {
  const [model, dispatch] = useReducer(reduceModel, emptyModel);
  const [link, setLink] = useState<LinkState>('connecting');
  const [serverOffsetMs, setServerOffsetMs] = useState(0);
  const [epoch, setEpoch] = useState(0);
  const offsetRef = useRef(0);
  const tracker = useRef<CallTracker | null>(null);
  const refused = useEffectEvent(onTokenRefused);
  const called = useEffectEvent(onCall);

  useEffect(() => {
    if (token === null) return;
    tracker.current ??= new CallTracker();
    const calls = tracker.current;
    const socket = new DisplaySocket(token, {
      link: setLink,
      welcome: (identity) => {
        // A kiosk's or an officer's token opened on a screen: it must be paired as a screen.
        if (identity.kind !== 'device' || identity.deviceKind === 'kiosk') refused(token, 'WRONG_KIND');
        dispatch({ type: 'welcome', identity });
        setEpoch((e) => e + 1);
      },
      snapshot: (stream, data) => {
        dispatch({ type: 'snapshot', stream, data });
        const serverNow = Date.now() + offsetRef.current;
        if (stream === 'hall' && Value.Check(HallSnapshot, data)) {
          for (const call of calls.missed(data.calls, serverNow)) called(call, stream, 'missed');
        } else if (stream.startsWith('counter:') && Value.Check(CounterSnapshot, data)) {
          const current = currentCall(data.counter);
          for (const call of calls.missed(current ? [current] : [], serverNow)) called(call, stream, 'missed');
        }
      },
      delta: (stream, change) => {
        dispatch({ type: 'delta', stream, change });
        if (change.call && calls.fresh(change.call)) called(change.call, stream, 'live');
      },
      serverOffset: (offsetMs) => {
        offsetRef.current = offsetMs;
        setServerOffsetMs(offsetMs);
      },
      tokenRefused: (code) => refused(token, code),
    });
    return () => socket.dispose();
  }, [token]);

  return { link, model, serverOffsetMs, epoch };
}

/** The counter's called ticket as a call, to find one made while this screen was away. */
function currentCall(counter: CounterView): CallView | null {
  const ticket = counter.current;
  if (!ticket || ticket.status !== 'called' || ticket.calledAt === null) return null;
  return {
    ticketId: ticket.id,
    number: ticket.number,
    fieldId: ticket.fieldId,
    counterId: counter.id,
    counterNumber: counter.number,
    at: ticket.calledAt,
    recall: ticket.recalls > 0,
  };
}
