import type { CallView, CounterView, FieldView } from '@luot/shared';
import { describe, expect, it } from 'vitest';
import { callKey, emptyModel, mergeCalls, reduceModel, upsert, type DisplayModel } from './display-model.ts';

const counter = (id: number, patch: Partial<CounterView> = {}): CounterView => ({
  id,
  number: id,
  name: `Quầy ${id}`,
  status: 'open',
  pauseReason: null,
  fieldIds: [1],
  officer: null,
  current: null,
  ...patch,
});
const field = (id: number, waiting: number): FieldView => ({
  id,
  parentId: null,
  code: `F${id}`,
  nameVi: `Lĩnh vực ${id}`,
  nameEn: `Field ${id}`,
  prefix: 'A',
  width: 3,
  startNumber: 1,
  dailyLimit: null,
  opensAt: null,
  closesAt: null,
  issuing: true,
  targetWaitMinutes: 15,
  waiting,
  issuedToday: 0,
});
const call = (ticketId: number, at: string, recall = false): CallView => ({ ticketId, number: `A${ticketId}`, fieldId: 1, counterId: 1, counterNumber: 1, at, recall });
const hall = (calls: CallView[]) => ({ center: { name: 'Trung tâm', notice: '' }, fields: [field(1, 2)], counters: [counter(1)], calls });

describe('display model', () => {
  it('builds the hall board from its snapshot and ignores data that fails the schema', () => {
    const model = reduceModel(emptyModel, { type: 'snapshot', stream: 'hall', data: hall([call(1, '2026-12-03T01:00:00Z')]) });
    expect(model.hall?.fields.map((f) => f.waiting)).toEqual([2]);
    expect(model.calls.map((c) => c.ticketId)).toEqual([1]);
    expect(reduceModel(model, { type: 'snapshot', stream: 'hall', data: { fields: 'broken' } })).toBe(model);
  });

  it('applies a hall delta: changed fields and counters by id, a new call on top', () => {
    const start = reduceModel(emptyModel, { type: 'snapshot', stream: 'hall', data: hall([call(1, '2026-12-03T01:00:00Z')]) });
    const next = reduceModel(start, {
      type: 'delta',
      stream: 'hall',
      change: { cause: 'call', fields: [field(1, 1)], counters: [counter(2)], call: call(2, '2026-12-03T01:01:00Z') },
    });
    expect(next.hall?.fields.map((f) => f.waiting)).toEqual([1]);
    expect(next.hall?.counters.map((c) => c.id)).toEqual([1, 2]);
    expect(next.calls.map((c) => c.ticketId)).toEqual([2, 1]);
  });

  it('follows only its own counter on a counter stream', () => {
    const own: DisplayModel = reduceModel(emptyModel, { type: 'snapshot', stream: 'counter:1', data: { counter: counter(1) } });
    expect(reduceModel(own, { type: 'delta', stream: 'counter:1', change: { cause: 'pause', counters: [counter(2, { status: 'paused' })] } })).toBe(own);
    const paused = reduceModel(own, { type: 'delta', stream: 'counter:1', change: { cause: 'pause', counters: [counter(1, { status: 'paused', pauseReason: 'Họp' })] } });
    expect(paused.counter?.pauseReason).toBe('Họp');
  });

  it('keeps one entry per ticket, the latest call, newest first, at most ten', () => {
    const calls = Array.from({ length: 12 }, (_, i) => call(i + 1, `2026-12-03T01:${String(i).padStart(2, '0')}:00Z`));
    const merged = mergeCalls([], calls);
    expect(merged).toHaveLength(10);
    expect(merged[0]?.ticketId).toBe(12);
    const recalled = mergeCalls(merged, [call(5, '2026-12-03T02:00:00Z', true)]);
    expect(recalled[0]).toMatchObject({ ticketId: 5, recall: true });
    expect(recalled.filter((c) => c.ticketId === 5)).toHaveLength(1);
    expect(callKey(recalled[0] as CallView)).toBe('5@2026-12-03T02:00:00Z:r');
  });

  it('upserts by id, keeping the server order and adding new items at the end', () => {
    expect(upsert([{ id: 1, v: 'a' }, { id: 2, v: 'b' }], [{ id: 3, v: 'c' }, { id: 1, v: 'A' }])).toEqual([
      { id: 1, v: 'A' },
      { id: 2, v: 'b' },
      { id: 3, v: 'c' },
    ]);
  });
});
