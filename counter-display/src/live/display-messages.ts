import { Change, Identity } from '@luot/shared';
import type { LiveReader } from '@luot/shared/ui';
import { Value } from 'typebox/value';

export interface DisplayWelcome {
  identity: Identity;
  streams: string[];
}

const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((s) => typeof s === 'string');

/**
 * The parts of /ws frames a screen acts on, on every stream it was given. Snapshot data is checked later,
 * against its own stream's schema; a welcome without a valid identity is not trusted.
 */
export const displayReader: LiveReader<DisplayWelcome, unknown, Change> = {
  welcome: (frame) => (Value.Check(Identity, frame.identity) && isStrings(frame.streams) ? { identity: frame.identity, streams: frame.streams } : null),
  snapshot: (_stream, _data): _data is unknown => true,
  delta: (_stream, change) => (Value.Check(Change, change) ? change : null),
};
