import { describe, expect, it } from 'vitest';
import { T0 } from '../test-support/test-world.ts';
import { DAY, world, refusal, lastEvent } from '../test-support/decide-steps.ts';

// The queue engine's decide(): issuing numbers.
describe('issue', () => {
  it('issues a waiting ticket with the next printed number of the day', () => {
    const w = world();
    const d = w.apply(w.issueCommand(1));
    expect(d.counters).toEqual([]);
    expect(d.tickets).toEqual([
      {
        id: 1,
        fieldId: 1,
        seq: 1,
        number: 'A001',
        serviceDay: '2025-03-10',
        status: 'waiting',
        priority: null,
        counterId: null,
        targetCounterId: null,
        issuedAt: T0,
        queuedAt: T0,
        calledAt: null,
        recalls: 0,
        handover: null,
        bookedFor: null,
      },
    ]);
    expect(d.events).toEqual([
      { type: 'issued', at: T0, ticketId: 1, counterId: null, fieldId: 1, from: null, to: 'waiting', data: { priority: null } },
    ]);
    expect(w.issue(1).number).toBe('A002');
    expect(w.issue(2).number).toBe('B001');
    expect(w.issue(1).number).toBe('A003');
  });

  it('numbers from the field start number and restarts on the next service day', () => {
    const w = world();
    expect(w.issue(6).number).toBe('F100');
    expect(w.issue(6).number).toBe('F101');
    w.advance(DAY);
    const next = w.issue(6);
    expect(next.number).toBe('F100');
    expect(next.serviceDay).toBe('2025-03-11');
  });

  it('records the priority category', () => {
    const w = world();
    const t = w.issue(1, 'elderly');
    expect(t.priority).toBe('elderly');
    expect(lastEvent(w).data).toEqual({ priority: 'elderly' });
  });

  it('refuses an unknown field', () => {
    const w = world();
    expect(refusal(w, w.issueCommand(99))).toBe('FIELD_NOT_FOUND');
  });

  it('refuses a group field that has children', () => {
    const w = world();
    expect(refusal(w, w.issueCommand(3))).toBe('FIELD_HAS_CHILDREN');
  });

  it('refuses a field that stopped issuing', () => {
    const w = world();
    expect(refusal(w, w.issueCommand(5))).toBe('FIELD_NOT_ISSUING');
  });

  it('refuses outside opening hours, local time, closing bound excluded', () => {
    const w = world();
    w.now = Date.parse('2025-03-10T07:29:00+07:00');
    expect(refusal(w, w.issueCommand(4))).toBe('FIELD_CLOSED_HOURS');
    w.now = Date.parse('2025-03-10T07:30:00+07:00');
    expect(w.issue(4).number).toBe('D001');
    w.now = Date.parse('2025-03-10T16:59:00+07:00');
    expect(w.issue(4).number).toBe('D002');
    w.now = Date.parse('2025-03-10T17:00:00+07:00');
    expect(refusal(w, w.issueCommand(4))).toBe('FIELD_CLOSED_HOURS');
  });

  it('refuses past the daily limit until the next service day', () => {
    const w = world();
    w.issue(6);
    w.issue(6);
    expect(refusal(w, w.issueCommand(6))).toBe('DAILY_LIMIT_REACHED');
    // Other fields are not affected.
    expect(w.issue(1).number).toBe('A001');
    // 02:59 next morning still belongs to today's service day (rollover 03:00).
    w.now = Date.parse('2025-03-11T02:59:00+07:00');
    expect(refusal(w, w.issueCommand(6))).toBe('DAILY_LIMIT_REACHED');
    w.now = Date.parse('2025-03-11T03:00:00+07:00');
    expect(w.issue(6).number).toBe('F100');
  });

  it('refuses an unknown priority category', () => {
    const w = world();
    expect(refusal(w, w.issueCommand(1, 'vip'))).toBe('PRIORITY_UNKNOWN');
  });
});
