import {
  CounterSnapshot,
  defaultDeviceSettings,
  DeviceSnapshot,
  HallSnapshot,
  type CallView,
  type Change,
  type CounterView,
  type DeviceSettings,
  type FieldView,
  type Identity,
} from '@luot/shared';
import { Value } from 'typebox/value';

/** Everything a screen shows, built from the snapshots and deltas of its streams. */
export interface DisplayModel {
  identity: Identity | null;
  /** Counter screen: its counter. */
  counter: CounterView | null;
  /** Hall board: center name and notice, fields (waiting counts) and counters. */
  hall: { center: HallSnapshot['center']; fields: FieldView[]; counters: CounterView[] } | null;
  /** Hall board: recent calls, newest first, one per ticket (a recall moves the ticket back to the top). */
  calls: CallView[];
  settings: DeviceSettings;
  /** Counter screen: tickets of its counter rated lately (at the counter or on a phone), newest last. */
  rated: number[];
}

export const emptyModel: DisplayModel = { identity: null, counter: null, hall: null, calls: [], settings: defaultDeviceSettings, rated: [] };

export type ModelAction =
  | { type: 'welcome'; identity: Identity }
  | { type: 'snapshot'; stream: string; data: unknown }
  | { type: 'delta'; stream: string; change: Change };

/** Enough for the board's hero plus the rows below it; the server keeps ten. */
const keptCalls = 10;
/** Only the ticket just finished is ever asked about; a few are kept in case deltas cross. */
const keptRated = 5;

export function reduceModel(model: DisplayModel, action: ModelAction): DisplayModel {
  switch (action.type) {
    case 'welcome':
      return { ...model, identity: action.identity };
    case 'snapshot':
      return applySnapshot(model, action.stream, action.data);
    case 'delta':
      return applyDelta(model, action.stream, action.change);
  }
}

/** Each stream's data is checked against its own schema; a stream this screen does not know is ignored. */
function applySnapshot(model: DisplayModel, stream: string, data: unknown): DisplayModel {
  if (stream === 'hall' && Value.Check(HallSnapshot, data)) {
    return { ...model, hall: { center: data.center, fields: data.fields, counters: data.counters }, calls: mergeCalls([], data.calls) };
  }
  if (stream.startsWith('counter:') && Value.Check(CounterSnapshot, data)) return { ...model, counter: data.counter };
  if (stream.startsWith('device:') && Value.Check(DeviceSnapshot, data)) return { ...model, settings: data.settings };
  return model;
}

function applyDelta(model: DisplayModel, stream: string, change: Change): DisplayModel {
  if (stream === 'hall' && model.hall) {
    return {
      ...model,
      hall: {
        ...model.hall,
        center: centerOf(change) ?? model.hall.center,
        fields: change.fields ? upsert(model.hall.fields, change.fields) : model.hall.fields,
        counters: change.counters ? upsert(model.hall.counters, change.counters) : model.hall.counters,
      },
      calls: change.call ? mergeCalls(model.calls, [change.call]) : model.calls,
    };
  }
  if (stream.startsWith('counter:') && model.counter) {
    const own = model.counter.id;
    const counter = change.counters?.find((c) => c.id === own);
    const rated = change.rated ? [...model.rated, change.rated.ticketId].slice(-keptRated) : model.rated;
    return counter || change.rated ? { ...model, counter: counter ?? model.counter, rated } : model;
  }
  if (stream.startsWith('device:') && change.settings) return { ...model, settings: change.settings };
  return model;
}

const CenterOnBoard = HallSnapshot.properties.center;

/**
 * The center's name and notice, if a delta carries them. Not in shared/src/ws.ts's Change yet: the server
 * sends the notice only in snapshots, so an admin's edit shows at the board's next reconnect. Read here so
 * that adding `center` to Change (an additive change) updates boards at once, with no change to this app.
 */
function centerOf(change: Change): HallSnapshot['center'] | null {
  const center: unknown = (change as Change & { center?: unknown }).center;
  return Value.Check(CenterOnBoard, center) ? center : null;
}

/** Replaces items by id and adds new ones, keeping the server's order for the rest. */
export function upsert<T extends { id: number }>(items: readonly T[], changed: readonly T[]): T[] {
  const byId = new Map(changed.map((item) => [item.id, item]));
  const out = items.map((item) => byId.get(item.id) ?? item);
  for (const item of changed) if (!items.some((old) => old.id === item.id)) out.push(item);
  return out;
}

/** Newest first by call time; one entry per ticket, the latest of its calls and recalls. */
export function mergeCalls(current: readonly CallView[], incoming: readonly CallView[]): CallView[] {
  const all = [...incoming, ...current].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  const seen = new Set<number>();
  const out: CallView[] = [];
  for (const call of all) {
    if (seen.has(call.ticketId)) continue;
    seen.add(call.ticketId);
    out.push(call);
    if (out.length === keptCalls) break;
  }
  return out;
}

/** A call's identity across snapshots and deltas: the same ticket recalled is a new call. */
export function callKey(call: CallView): string {
  return `${call.ticketId}@${call.at}${call.recall ? ':r' : ''}`;
}
