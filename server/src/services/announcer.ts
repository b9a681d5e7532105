import { printerProblemText, type Alert, type CallView, type CounterView, type PrinterState, type SetupCause } from '@luot/shared';
import { ticketView } from '../db/repositories/views-repo.ts';
import type { Clock } from '../domain/clock.ts';
import type { Published, Publisher } from './publisher.ts';
import type { Outcome } from './queue-service.ts';
import type { ReadModels } from './read-models.ts';

/**
 * Turns committed outcomes into deltas on the hub's streams. Called only after the transaction
 * returned, so screens never show a change the database does not have.
 */
export function createAnnouncer(deps: { hub: Publisher; read: ReadModels; clock: Clock }) {
  const { hub, read, clock } = deps;

  const lastProblems = new Map<number, string>();

  return {
    /** Printer problems appear on the supervisors' live view the moment they change, and again when cleared. */
    printerState(state: PrinterState): void {
      const key = [...state.problems].sort().join(',');
      if ((lastProblems.get(state.id) ?? '') === key) return;
      lastProblems.set(state.id, key);
      const text = state.problems.map((p) => printerProblemText[p]);
      const alert: Alert = {
        kind: 'printer',
        printerId: state.id,
        printerName: state.name,
        problems: state.problems,
        at: state.checkedAt ?? new Date(clock.now()).toISOString(),
        message: state.problems.length
          ? { vi: `${state.name}: ${text.map((t) => t.vi).join(', ')}`, en: `${state.name}: ${text.map((t) => t.en).join(', ')}` }
          : { vi: `${state.name}: đã hoạt động bình thường`, en: `${state.name}: working again` },
      };
      hub.publish('center', { cause: 'printer_alert', alert });
    },

    /** The center's name or hall notice changed: boards show it without a reconnect. */
    centerChanged(): void {
      const profile = read.centerProfile();
      const change: Published = { cause: 'center_updated', center: { name: profile.name, notice: profile.hallNotice } };
      hub.publish('hall', change);
      hub.publish('center', change);
    },

    /**
     * A ticket was rated: the screen of the counter that finished it stops asking (a citizen who rated on the
     * phone must not be asked again at the desk), and supervisors' satisfaction figures refresh.
     */
    rated(visit: { ticketId: number; counterId: number | null }): void {
      const change: Published = { cause: 'rated', rated: visit };
      if (visit.counterId !== null) hub.publish(`counter:${visit.counterId}`, change);
      hub.publish('center', change);
    },

    /** Fields changed outside the queue engine (issuing stopped or resumed): refresh their views. */
    fieldsChanged(fieldIds: number[], cause: SetupCause): void {
      const fields = read.fields(fieldIds);
      hub.publish('center', { cause, fields });
      hub.publish('hall', { cause, fields });
    },

    /** A counter changed outside the queue engine (an officer signed in or out): refresh its views. */
    counterChanged(counterId: number, cause: SetupCause): void {
      const counters = read.counters([counterId]);
      hub.publish('center', { cause, counters });
      hub.publish('hall', { cause, counters });
      hub.publish(`counter:${counterId}`, { cause, counters });
    },

    announce(outcome: Outcome): void {
      const last = outcome.events.at(-1);
      if (!last) return;
      const counterIds = new Set<number>();
      const fieldIds = new Set<number>();
      for (const c of outcome.counters) counterIds.add(c.id);
      for (const e of outcome.events) {
        if (e.counterId !== null) counterIds.add(e.counterId);
        if (e.fieldId !== null) fieldIds.add(e.fieldId);
        if (e.type === 'transferred') fieldIds.add(e.data.fromFieldId);
      }
      for (const t of outcome.tickets) {
        fieldIds.add(t.fieldId);
        if (t.counterId !== null) counterIds.add(t.counterId);
      }
      const counters = counterIds.size ? read.counters([...counterIds]) : [];
      const fields = fieldIds.size ? read.fields([...fieldIds]) : [];
      const call = callOf(outcome, counters);
      const base = { cause: last.type, ...(call ? { call } : {}) };

      hub.publish('center', { ...base, tickets: outcome.tickets.map(ticketView), counters, fields });
      hub.publish('hall', { ...base, counters, fields });
      for (const counter of counters) {
        const change: Published = { cause: last.type, counters: [counter] };
        if (call?.counterId === counter.id) change.call = call;
        hub.publish(`counter:${counter.id}`, change);
      }
    },
  };
}

export type Announcer = ReturnType<typeof createAnnouncer>;

function callOf(outcome: Outcome, counters: readonly CounterView[]): CallView | null {
  const e = outcome.events.find((ev) => ev.type === 'called' || ev.type === 'recalled');
  if (!e || e.ticketId === null || e.counterId === null) return null;
  const ticket = outcome.tickets.find((t) => t.id === e.ticketId);
  const counter = counters.find((c) => c.id === e.counterId);
  if (!ticket || !counter) return null;
  return {
    ticketId: ticket.id,
    number: ticket.number,
    fieldId: ticket.fieldId,
    counterId: counter.id,
    counterNumber: counter.number,
    at: new Date(e.at).toISOString(),
    recall: e.type === 'recalled',
  };
}
