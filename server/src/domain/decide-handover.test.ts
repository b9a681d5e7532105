import { describe, expect, it } from 'vitest';
import { MINUTE } from '../test-support/test-world.ts';
import { callNext, issue, world } from '../test-support/decide-steps.ts';

// The queue engine's decide(): the handover note a transferred or returned ticket carries to the next desk.
describe('handover: what the next desk is told', () => {
  it('carries a transfer’s note, where it came from and its old field, through the call at the new counter', () => {
    const w = world();
    const a = issue(w, 1);
    const b = issue(w, 2);
    callNext(w, 1);
    w.advance(MINUTE);
    w.apply({ kind: 'transfer', ticketId: a, toFieldId: null, toCounterId: 2, note: 'Hồ sơ chứng thực kèm theo, nhờ quầy 2 xử lý' });
    expect(w.ticket(a).handover).toEqual({ kind: 'transferred', fromCounterId: 1, fromFieldId: null, note: 'Hồ sơ chứng thực kèm theo, nhờ quầy 2 xử lý', at: w.now });
    expect(callNext(w, 2)).toBe(a);
    expect(w.ticket(a).handover?.note).toBe('Hồ sơ chứng thực kèm theo, nhờ quầy 2 xử lý');
    // Sent to another field from the queue by a supervisor: no counter, the old field.
    w.apply({ kind: 'transfer', ticketId: b, toFieldId: 1, toCounterId: null, note: null });
    expect(w.ticket(b).handover).toMatchObject({ kind: 'transferred', fromCounterId: null, fromFieldId: 2, note: null });
  });

  it('says a returned ticket comes back from hold, with the hold’s note, not that it was transferred', () => {
    const w = world();
    const a = issue(w, 1);
    callNext(w, 1);
    w.apply({ kind: 'hold', counterId: 1, note: 'đi photo CCCD' });
    expect(w.ticket(a).handover).toMatchObject({ kind: 'held', fromCounterId: 1, note: 'đi photo CCCD' });
    w.advance(MINUTE);
    w.apply({ kind: 'returnHeld', ticketId: a });
    expect(w.ticket(a).handover).toEqual({ kind: 'returned', fromCounterId: 1, fromFieldId: null, note: 'đi photo CCCD', at: w.now });
  });
});
