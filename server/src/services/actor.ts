import type { ApiTokenScope, DeviceKind, Role } from '@luot/shared';

/** Who is acting, established by the server from a token — never from what the client says about itself. */
export type Actor =
  | { kind: 'staff'; staffId: number; role: Role; name: string; counterId: number | null; tokenHash: string }
  | { kind: 'device'; deviceId: number; deviceKind: DeviceKind; counterId: number | null; name: string }
  /** A system around the center, by an API token an admin made, allowed only its scopes. */
  | { kind: 'integration'; tokenId: number; name: string; scopes: ApiTokenScope[] }
  | { kind: 'system' };

export function stampOf(actor: Actor): { actorId: number | null; deviceId: number | null } {
  return {
    actorId: actor.kind === 'staff' ? actor.staffId : null,
    deviceId: actor.kind === 'device' ? actor.deviceId : null,
  };
}

export type StaffActor = Extract<Actor, { kind: 'staff' }>;
export type DeviceActor = Extract<Actor, { kind: 'device' }>;
export type IntegrationActor = Extract<Actor, { kind: 'integration' }>;
