import type { CounterActionResponse, LeaveCounterBody, TicketView } from '@luot/shared';
import type { OpenDb } from '../db/open-db.ts';
import { queueRepo } from '../db/repositories/queue-repo.ts';
import { ticketView } from '../db/repositories/views-repo.ts';
import type { Command } from '../domain/commands.ts';
import { DomainError } from '../domain/errors.ts';
import type { StaffActor } from './actor.ts';
import type { Announcer } from './announcer.ts';
import type { AuthService } from './auth-service.ts';
import type { Outcome, QueueService } from './queue-service.ts';
import type { ReadModels } from './read-models.ts';

export type CounterCommand = Extract<Command, { counterId: number }>;
export type TicketCommand = Extract<Command, { kind: 'returnHeld' | 'transfer' | 'cancel' }>;

/** Ticket work at the desk (call, start, finish…) or running the counter itself (open, pause, close). */
const DESK_WORK: ReadonlySet<CounterCommand['kind']> = new Set(['callNext', 'callTicket', 'recall', 'start', 'noShow', 'finish', 'hold']);

/**
 * Every command an officer or supervisor gives at a counter or on a ticket, from the check of who may give it
 * to the reply: commit (the queue service returns once the batch is durable), then publish, then build the
 * answer from what was committed. The routes only validate and hand over.
 */
export function createCounterDesk(deps: { store: OpenDb; queue: QueueService; announcer: Announcer; read: ReadModels; auth: AuthService }) {
  const { db } = deps.store;

  /** Ticket work at a counter is done only by whoever is signed in to that counter. */
  function atOwnCounter(actor: StaffActor, counterId: number): void {
    if (actor.counterId !== counterId) throw new DomainError('NOT_AT_THIS_COUNTER');
  }

  /** Opening, pausing and closing: the counter's own officer, or a supervisor or admin from anywhere. */
  function mayRunCounter(actor: StaffActor, counterId: number): void {
    if (actor.role === 'officer') atOwnCounter(actor, counterId);
  }

  /** Officers act on tickets at their own counter; supervisors and admins on any ticket. */
  function mayHandle(actor: StaffActor, ticketId: number): void {
    if (actor.role !== 'officer') return;
    const ticket = queueRepo.tickets(db, [ticketId]).get(ticketId);
    if (!ticket) throw new DomainError('TICKET_NOT_FOUND');
    if (actor.counterId === null || ticket.counterId !== actor.counterId) throw new DomainError('NOT_AT_THIS_COUNTER');
  }

  function counterReply(counterId: number, out: Outcome): CounterActionResponse {
    deps.announcer.announce(out);
    const [counter] = deps.read.counters([counterId]);
    if (!counter) throw new DomainError('COUNTER_NOT_FOUND');
    const touched = out.tickets.at(-1);
    return { counter, ticket: touched ? ticketView(touched) : null };
  }

  const nothing = (): Outcome => ({ tickets: [], counters: [], events: [] });

  return {
    async counter(command: CounterCommand, actor: StaffActor): Promise<CounterActionResponse> {
      if (DESK_WORK.has(command.kind)) atOwnCounter(actor, command.counterId);
      else mayRunCounter(actor, command.counterId);
      return counterReply(command.counterId, await deps.queue.run(command, actor));
    },

    async ticket(command: TicketCommand, actor: StaffActor): Promise<{ ticket: TicketView }> {
      mayHandle(actor, command.ticketId);
      const out = await deps.queue.run(command, actor);
      deps.announcer.announce(out);
      const ticket = out.tickets.find((t) => t.id === command.ticketId);
      if (!ticket) throw new DomainError('TICKET_NOT_FOUND');
      return { ticket: ticketView(ticket) };
    },

    view(ticketId: number): { ticket: TicketView } {
      const ticket = queueRepo.tickets(db, [ticketId]).get(ticketId);
      if (!ticket) throw new DomainError('TICKET_NOT_FOUND');
      return { ticket: ticketView(ticket) };
    },

    join(actor: StaffActor, counterId: number): CounterActionResponse {
      deps.auth.joinCounter(actor, counterId);
      deps.announcer.counterChanged(counterId, 'officer_joined');
      return counterReply(counterId, nothing());
    },

    /**
     * A counter nobody sits at must not look open to the hall: it is closed or paused first (committed and
     * announced), then the seat is freed. A citizen still at the desk is finished, held or sent on first.
     */
    async leave(actor: StaffActor, counterId: number, body: LeaveCounterBody): Promise<CounterActionResponse> {
      atOwnCounter(actor, counterId);
      const [counter] = deps.read.counters([counterId]);
      if (!counter) throw new DomainError('COUNTER_NOT_FOUND');
      if (counter.current !== null) throw new DomainError('COUNTER_BUSY');
      let out = nothing();
      if (body.counter === 'close' && counter.status !== 'closed') out = await deps.queue.run({ kind: 'close', counterId }, actor);
      if (body.counter === 'pause' && counter.status === 'open') out = await deps.queue.run({ kind: 'pause', counterId, reason: body.reason }, actor);
      deps.announcer.announce(out);
      deps.auth.leaveCounter(actor);
      deps.announcer.counterChanged(counterId, 'officer_left');
      return counterReply(counterId, nothing());
    },
  };
}

export type CounterDesk = ReturnType<typeof createCounterDesk>;
