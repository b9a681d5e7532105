import type { CounterView, FieldView, TicketView } from '@luot/shared';
import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import { applyChange, applyConfirmed, emptyCenter, fromSnapshot, type CenterState } from './center-state.ts';
import { CenterSocket, type LinkState } from './center-socket.ts';

export interface Center {
  link: LinkState;
  /** False until the first snapshot: screens show "loading" rather than an empty queue they cannot vouch for. */
  loaded: boolean;
  state: CenterState;
  serverOffsetMs: number;
  /** Counts welcomes, so data fetched over HTTP can be refreshed after every reconnection. */
  epoch: number;
  /** Applies what an action answered, before (or after) the matching delta arrives. */
  confirm: (confirmed: { counter?: CounterView | null; ticket?: TicketView | null; field?: FieldView | null }) => void;
  /** Asks the server for the whole picture again, e.g. after it refused an action as out of date. */
  resync: () => void;
}

/** Follows the `center` stream for as long as the session lasts. */
export function useCenter(token: string, onUnauthorized: () => void, onSeat: (counterId: number | null) => void): Center {
  const [link, setLink] = useState<LinkState>('connecting');
  const [loaded, setLoaded] = useState(false);
  const [state, setState] = useState<CenterState>(emptyCenter);
  const [serverOffsetMs, setServerOffset] = useState(0);
  const [epoch, setEpoch] = useState(0);
  const unauthorized = useEffectEvent(onUnauthorized);
  const seat = useEffectEvent(onSeat);
  const socketRef = useRef<CenterSocket | null>(null);

  useEffect(() => {
    const socket = new CenterSocket(token, {
      state: setLink,
      welcome: (counterId) => {
        setEpoch((e) => e + 1);
        seat(counterId);
      },
      snapshot: (data) => {
        setState((s) => fromSnapshot(s, data));
        setLoaded(true);
      },
      delta: (change) => setState((s) => applyChange(s, change)),
      serverOffset: setServerOffset,
      unauthorized: () => unauthorized(),
    });
    socketRef.current = socket;
    return () => {
      socket.dispose();
      socketRef.current = null;
    };
  }, [token]);

  const confirm = useCallback<Center['confirm']>((confirmed) => setState((s) => applyConfirmed(s, confirmed)), []);

  const resync = useCallback(() => socketRef.current?.resync(), []);

  return { link, loaded, state, serverOffsetMs, epoch, confirm, resync };
}
