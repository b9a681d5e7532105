import { Change, HallSnapshot } from '@luot/shared';
import type { LiveReader } from '@luot/shared/ui';
import { Value } from 'typebox/value';

/**
 * The parts of /ws frames the kiosk acts on: only the `hall` stream, each snapshot and change checked against
 * its schema in @luot/shared. A welcome carries nothing the kiosk needs beyond the heartbeat.
 */
export const hallReader: LiveReader<true, HallSnapshot, Change> = {
  welcome: () => true,
  snapshot: (stream, data): data is HallSnapshot => stream === 'hall' && Value.Check(HallSnapshot, data),
  delta: (stream, change) => (stream === 'hall' && Value.Check(Change, change) ? change : null),
};
