import type { Millis } from './types.ts';

/** Everything the engine can be asked to do. Who asks is checked before; the engine checks what. */
export type Command =
  | {
      kind: 'issue';
      fieldId: number;
      priority: string | null;
      /** Id the new ticket will get and the highest sequence already issued today in the field. */
      newId: number;
      lastSeqToday: number | null;
      issuedToday: number;
      /**
       * A booking checked in at the kiosk: `bookedFor` the slot's start when on time (null for a remote number or a
       * late arrival), `queuedAt` the place in line it keeps (a remote number keeps the moment it was taken).
       */
      booked?: { bookedFor: Millis | null; queuedAt: Millis };
    }
  | { kind: 'callNext'; counterId: number }
  | { kind: 'callTicket'; counterId: number; ticketId: number }
  | { kind: 'recall'; counterId: number }
  | { kind: 'start'; counterId: number }
  | { kind: 'finish'; counterId: number; dossierCode: string | null }
  | { kind: 'noShow'; counterId: number }
  | { kind: 'hold'; counterId: number; note: string | null }
  | { kind: 'returnHeld'; ticketId: number }
  | {
      kind: 'transfer';
      ticketId: number;
      toFieldId: number | null;
      toCounterId: number | null;
      note: string | null;
    }
  | { kind: 'cancel'; ticketId: number; reason: string | null }
  | { kind: 'expire'; ticketId: number }
  | { kind: 'pause'; counterId: number; reason: string }
  | { kind: 'resume'; counterId: number }
  | { kind: 'open'; counterId: number }
  | { kind: 'close'; counterId: number };

export type CommandKind = Command['kind'];

export interface Timed {
  now: Millis;
}
