import type { IssuedTicket } from '@luot/shared';
import { describe, expect, it } from 'vitest';
import { initialFlow, kioskFlow, type FlowAction, type FlowState, type Notice } from './kiosk-flow.ts';

const run = (...actions: FlowAction[]): FlowState => actions.reduce(kioskFlow, initialFlow);
const issued = { ticket: { id: 1, number: 'A001' } } as unknown as IssuedTicket;
const unreachable = (retry: Notice['retry']): Notice => ({ title: 'kioskErrorTitle', message: { vi: 'x', en: 'x' }, code: null, fieldId: 1, retry });

describe('kiosk flow', () => {
  it('walks field → priority → issuing → ticket, and home again', () => {
    const choosing = run({ type: 'open-group', parentId: 9 }, { type: 'choose-field', fieldId: 1, parentId: 9 });
    expect(choosing.step).toEqual({ screen: 'priority', fieldId: 1, parentId: 9, categories: false });
    const issuing = kioskFlow(choosing, { type: 'issue', fieldId: 1, priority: null, freshKey: 'k1' });
    expect(issuing.step).toEqual({ screen: 'issuing', request: { fieldId: 1, priority: null, key: 'k1', phone: null }, retrying: false });
    const done = kioskFlow(issuing, { type: 'issued', issued });
    expect(done.step).toEqual({ screen: 'ticket', issued });
    expect(kioskFlow(done, { type: 'home' }).step).toEqual({ screen: 'fields', parentId: null });
  });

  it('ignores a second tap while a number is being issued', () => {
    const issuing = run({ type: 'issue', fieldId: 1, priority: null, freshKey: 'k1' });
    expect(kioskFlow(issuing, { type: 'issue', fieldId: 2, priority: null, freshKey: 'k2' })).toBe(issuing);
  });

  it('reuses the key of a request whose answer never came, for the same field and priority only', () => {
    const lost = run({ type: 'issue', fieldId: 1, priority: 'elderly', freshKey: 'k1' }, { type: 'home' });
    expect(lost.unconfirmed).toEqual({ fieldId: 1, priority: 'elderly', key: 'k1', phone: null });
    const again = kioskFlow(lost, { type: 'issue', fieldId: 1, priority: 'elderly', freshKey: 'k2' });
    expect(again.step).toMatchObject({ screen: 'issuing', request: { key: 'k1' } });
    const other = kioskFlow(lost, { type: 'issue', fieldId: 1, priority: null, freshKey: 'k3' });
    expect(other.step).toMatchObject({ screen: 'issuing', request: { key: 'k3' } });
  });

  it('offers to retry an unreachable server with the same request, and forgets it once issued', () => {
    const request = { fieldId: 1, priority: null, key: 'k1', phone: null };
    const notice = run({ type: 'issue', ...request, freshKey: 'k1' }, { type: 'retrying' }, { type: 'unconfirmed', notice: unreachable(request) });
    expect(notice.step).toMatchObject({ screen: 'notice' });
    expect(notice.unconfirmed).toEqual(request);
    const retried = kioskFlow(notice, { type: 'retry' });
    expect(retried.step).toEqual({ screen: 'issuing', request, retrying: false });
    expect(kioskFlow(retried, { type: 'issued', issued }).unconfirmed).toBeNull();
  });

  it('marks a field whose daily limit was reached, and drops the unconfirmed request on a refusal', () => {
    const refused = run(
      { type: 'issue', fieldId: 3, priority: null, freshKey: 'k1' },
      { type: 'refused', notice: unreachable(null), limit: { fieldId: 3, mark: { day: '2026-12-03', dailyLimit: 80 } } },
    );
    expect(refused.limits[3]).toEqual({ day: '2026-12-03', dailyLimit: 80 });
    expect(refused.unconfirmed).toBeNull();
    expect(kioskFlow(refused, { type: 'retry' })).toBe(refused);
  });

  it('goes back one step: categories → priority → fields of the group → home', () => {
    const categories = run({ type: 'open-group', parentId: 9 }, { type: 'choose-field', fieldId: 1, parentId: 9 }, { type: 'categories', show: true });
    const priority = kioskFlow(categories, { type: 'back' });
    expect(priority.step).toMatchObject({ screen: 'priority', categories: false });
    const group = kioskFlow(priority, { type: 'back' });
    expect(group.step).toEqual({ screen: 'fields', parentId: 9 });
    expect(kioskFlow(group, { type: 'back' }).step).toEqual({ screen: 'fields', parentId: null });
  });

  it('asks for the optional phone after the priority choice: back returns there, skip and submit both issue', () => {
    const priority = run({ type: 'choose-field', fieldId: 1, parentId: null });
    const phone = kioskFlow(priority, { type: 'ask-phone', fieldId: 1, priority: 'elderly' });
    expect(phone.step).toMatchObject({ screen: 'phone', fieldId: 1, priority: 'elderly' });
    expect(kioskFlow(phone, { type: 'back' }).step).toEqual(priority.step);
    const typed = kioskFlow(phone, { type: 'issue', fieldId: 1, priority: 'elderly', phone: '0912345123', freshKey: 'k1' });
    expect(typed.step).toEqual({ screen: 'issuing', request: { fieldId: 1, priority: 'elderly', key: 'k1', phone: '0912345123' }, retrying: false });
    const skipped = kioskFlow(phone, { type: 'issue', fieldId: 1, priority: 'elderly', phone: null, freshKey: 'k2' });
    expect(skipped.step).toMatchObject({ screen: 'issuing', request: { key: 'k2', phone: null } });
    // An unanswered request is reused only for the same phone too: another number is another request.
    const lost = kioskFlow(typed, { type: 'home' });
    const other = kioskFlow(kioskFlow(kioskFlow(lost, { type: 'choose-field', fieldId: 1, parentId: null }), { type: 'ask-phone', fieldId: 1, priority: 'elderly' }), {
      type: 'issue',
      fieldId: 1,
      priority: 'elderly',
      phone: '0987654321',
      freshKey: 'k3',
    });
    expect(other.step).toMatchObject({ screen: 'issuing', request: { key: 'k3' } });
  });
});
