import type { IssuedTicket, StringKey } from '@luot/shared';
import type { LimitMark } from '../fields/field-availability.ts';

/** One request for a number; `key` is its idempotency key, kept for every retry of that same request. */
export interface IssueRequest {
  fieldId: number;
  priority: string | null;
  key: string;
  /** The mobile number typed for SMS (national form), or null when the citizen skipped it. */
  phone: string | null;
}

/** A screen that explains why there is no number (yet) and what to do next. */
export interface Notice {
  title: StringKey;
  message: { vi: string; en: string };
  /** The error code behind it (for the spoken guidance); null when the server could not be reached. */
  code: string | null;
  fieldId: number | null;
  /** Set when trying again makes sense (the server was unreachable); reuses the same request and key. */
  retry: IssueRequest | null;
}

export type Step =
  | { screen: 'fields'; parentId: number | null }
  | { screen: 'priority'; fieldId: number; parentId: number | null; categories: boolean }
  /** The optional phone number for SMS, after the field and priority are chosen; `from` is where "back" returns. */
  | { screen: 'phone'; fieldId: number; priority: string | null; from: Step }
  | { screen: 'issuing'; request: IssueRequest; retrying: boolean }
  | { screen: 'ticket'; issued: IssuedTicket }
  | { screen: 'notice'; notice: Notice };

export interface FlowState {
  step: Step;
  /**
   * The last request whose answer never arrived. The server may have issued it; asking again for the
   * same field and priority reuses its key, so that ticket is handed out instead of a second one.
   */
  unconfirmed: IssueRequest | null;
  limits: Readonly<Record<number, LimitMark>>;
}

export type FlowAction =
  | { type: 'home' }
  | { type: 'open-group'; parentId: number }
  | { type: 'choose-field'; fieldId: number; parentId: number | null }
  | { type: 'categories'; show: boolean }
  | { type: 'back' }
  | { type: 'ask-phone'; fieldId: number; priority: string | null }
  | { type: 'issue'; fieldId: number; priority: string | null; freshKey: string; phone?: string | null }
  | { type: 'retrying' }
  | { type: 'issued'; issued: IssuedTicket }
  | { type: 'unconfirmed'; notice: Notice }
  | { type: 'refused'; notice: Notice; limit: { fieldId: number; mark: LimitMark } | null }
  | { type: 'notice'; notice: Notice }
  | { type: 'retry' };

export const initialFlow: FlowState = { step: { screen: 'fields', parentId: null }, unconfirmed: null, limits: {} };

const home: Step = { screen: 'fields', parentId: null };

/**
 * The citizen's path through the kiosk. Every guard against a double tap lives here: actions are reduced
 * one after another, so a second 'issue' arriving before React re-renders finds the kiosk already
 * issuing and is ignored.
 */
export function kioskFlow(state: FlowState, action: FlowAction): FlowState {
  const { step } = state;
  switch (action.type) {
    case 'home':
      // Leaving while a request is in flight: its answer may never be seen, so remember it.
      return { ...state, step: home, unconfirmed: step.screen === 'issuing' ? step.request : state.unconfirmed };
    case 'open-group':
      return step.screen === 'fields' ? { ...state, step: { screen: 'fields', parentId: action.parentId } } : state;
    case 'choose-field':
      return step.screen === 'fields' ? { ...state, step: { screen: 'priority', fieldId: action.fieldId, parentId: action.parentId, categories: false } } : state;
    case 'categories':
      return step.screen === 'priority' ? { ...state, step: { ...step, categories: action.show } } : state;
    case 'ask-phone':
      return step.screen === 'priority' || step.screen === 'fields'
        ? { ...state, step: { screen: 'phone', fieldId: action.fieldId, priority: action.priority, from: step } }
        : state;
    case 'back':
      if (step.screen === 'phone') return { ...state, step: step.from };
      if (step.screen === 'priority') {
        return { ...state, step: step.categories ? { ...step, categories: false } : { screen: 'fields', parentId: step.parentId } };
      }
      return step.screen === 'fields' || step.screen === 'notice' ? { ...state, step: home } : state;
    case 'issue': {
      if (step.screen !== 'priority' && step.screen !== 'fields' && step.screen !== 'phone') return state;
      const pending = state.unconfirmed;
      const phone = action.phone ?? null;
      const same = pending !== null && pending.fieldId === action.fieldId && pending.priority === action.priority && pending.phone === phone;
      const request = same ? pending : { fieldId: action.fieldId, priority: action.priority, key: action.freshKey, phone };
      return { ...state, step: { screen: 'issuing', request, retrying: false } };
    }
    case 'retrying':
      return step.screen === 'issuing' ? { ...state, step: { ...step, retrying: true } } : state;
    case 'issued':
      return step.screen === 'issuing' ? { ...state, step: { screen: 'ticket', issued: action.issued }, unconfirmed: null } : state;
    case 'unconfirmed':
      return step.screen === 'issuing' ? { ...state, step: { screen: 'notice', notice: action.notice }, unconfirmed: step.request } : state;
    case 'refused': {
      if (step.screen !== 'issuing') return state;
      const limits = action.limit ? { ...state.limits, [action.limit.fieldId]: action.limit.mark } : state.limits;
      return { step: { screen: 'notice', notice: action.notice }, unconfirmed: null, limits };
    }
    case 'notice':
      return step.screen === 'fields' ? { ...state, step: { screen: 'notice', notice: action.notice } } : state;
    case 'retry':
      return step.screen === 'notice' && step.notice.retry ? { ...state, step: { screen: 'issuing', request: step.notice.retry, retrying: false } } : state;
  }
}
