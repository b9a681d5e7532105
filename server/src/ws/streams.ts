import type { Identity, StreamName } from '@luot/shared';
import type { Actor } from '../services/actor.ts';
import type { ReadModels } from '../services/read-models.ts';

/** Which streams an actor may follow: a counter screen sees its counter, the hall sees calls, staff see all. */
export function streamsFor(actor: Actor): StreamName[] {
  if (actor.kind === 'device') {
    const own: StreamName = `device:${actor.deviceId}`;
    if (actor.deviceKind === 'counter_display') return actor.counterId === null ? [own] : [`counter:${actor.counterId}`, own];
    return ['hall', own];
  }
  if (actor.kind === 'staff') return ['center'];
  return [];
}

export function identityOf(actor: Exclude<Actor, { kind: 'system' | 'integration' }>): Identity {
  return actor.kind === 'staff'
    ? { kind: 'staff', role: actor.role, deviceKind: null, counterId: actor.counterId, name: actor.name }
    : { kind: 'device', role: null, deviceKind: actor.deviceKind, counterId: actor.counterId, name: actor.name };
}

export function snapshotOf(read: ReadModels, stream: StreamName) {
  if (stream === 'hall') return read.hall();
  if (stream === 'center') return read.center();
  const [kind, id] = stream.split(':');
  return kind === 'device' ? read.device(Number(id)) : read.counter(Number(id));
}
