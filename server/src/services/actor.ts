import type { DeviceKind, Role } from '@luot/shared';

/** Who is acting, established by the server from a token — never from what the client says about itself. */
export type Actor =
  | { kind: 'staff'; staffId: number; role: Role; name: string; counterId: number | null; tokenHash: string }
  | { kind: 'device'; deviceId: number; deviceKind: DeviceKind; counterId: number | null; name: string }
  | { kind: 'system' };

export function stampOf(actor: Actor): { actorId: number | null; deviceId: number | null } {
  return {
    actorId: actor.kind === 'staff' ? actor.staffId : null,
    deviceId: actor.kind === 'device' ? actor.deviceId : null,
  };
}

export type StaffActor = Extract<Actor, { kind: 'staff' }>;
export type DeviceActor = Extract<Actor, { kind: 'device' }>;
