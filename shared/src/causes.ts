/**
 * Names the server and the screens share as literal unions: what a delta says caused it (the stream names are
 * `StreamName` in ws.ts). The wire schema (ws.ts) keeps `cause` a plain string, so an older screen ignores a cause it does
 * not know instead of refusing the message; these types keep the server from publishing a misspelled one.
 */

/** What the queue engine records: one row of the event log each. */
export type EventType =
  | 'issued'
  | 'called'
  | 'recalled'
  | 'serving'
  | 'done'
  | 'no_show'
  | 'held'
  | 'returned'
  | 'transferred'
  | 'cancelled'
  | 'expired'
  | 'counter_opened'
  | 'counter_paused'
  | 'counter_resumed'
  | 'counter_closed';

/** Changes made outside the queue engine: set-up, sign-ins, printers, screen settings, ratings. */
export type SetupCause =
  | 'rated'
  | 'officer_joined'
  | 'officer_left'
  | 'field_created'
  | 'field_updated'
  | 'issuing_resumed'
  | 'issuing_stopped'
  | 'counter_created'
  | 'counter_updated'
  | 'center_updated'
  | 'printer_alert'
  | 'device_settings';

export type ChangeCause = EventType | SetupCause;
