import { type CenterInfo, errorCatalog, type FieldView, fill, type Lang } from '@luot/shared';
import { useCallback, useReducer, useState } from 'react';
import { newIdempotencyKey } from './api/idempotency-key.ts';
import { hoursText, type Availability } from './fields/field-availability.ts';
import { initialFlow, kioskFlow, type Notice } from './flow/kiosk-flow.ts';
import { useIdle } from './hooks/use-idle.ts';
import { useIssuer } from './hooks/use-issuer.ts';
import { CheckInScreen } from './screens/check-in-screen.tsx';
import { FieldScreen } from './screens/field-screen.tsx';
import { IssuingScreen } from './screens/issuing-screen.tsx';
import { NoticeScreen } from './screens/notice-screen.tsx';
import { PhoneScreen } from './screens/phone-screen.tsx';
import { PriorityScreen } from './screens/priority-screen.tsx';
import { TicketScreen } from './screens/ticket-screen.tsx';
import { dayKey, minutesOfDay, useNow, vnTime } from '@luot/shared/ui';

interface KioskScreensProps {
  lang: Lang;
  token: string;
  center: CenterInfo;
  fields: readonly FieldView[];
  onTokenRefused: (token: string, code: string) => void;
  /** The citizen switched on English, large text or spoken guidance: the home screen must reset too. */
  changed: boolean;
  /** The citizen is done (or walked away): the next one must find the kiosk as new, in Vietnamese. */
  onVisitEnded: () => void;
}

/** A half-finished choice goes back to the start after this long untouched. */
const idleMs = 30_000;
/** On the home screen only the language and helpers need resetting, and a citizen may be reading the list. */
const homeIdleMs = 60_000;

function unavailableNotice(field: FieldView, why: Exclude<Availability, 'open'>): Notice {
  const hours = hoursText(field);
  const base = { fieldId: field.id, retry: null };
  switch (why) {
    case 'closed-hours':
      return {
        ...base,
        code: 'FIELD_CLOSED_HOURS',
        title: 'kioskClosedTitle',
        message: hours
          ? { vi: fill('vi', 'kioskClosedBody', { hours }), en: fill('en', 'kioskClosedBody', { hours }) }
          : { vi: errorCatalog.FIELD_CLOSED_HOURS.vi, en: errorCatalog.FIELD_CLOSED_HOURS.en },
      };
    case 'paused':
      return { ...base, title: 'kioskPausedTitle', code: 'FIELD_NOT_ISSUING', message: { vi: errorCatalog.FIELD_NOT_ISSUING.vi, en: errorCatalog.FIELD_NOT_ISSUING.en } };
    case 'limit':
      return { ...base, title: 'kioskLimitTitle', code: 'DAILY_LIMIT_REACHED', message: { vi: errorCatalog.DAILY_LIMIT_REACHED.vi, en: errorCatalog.DAILY_LIMIT_REACHED.en } };
  }
}

/** The citizen's path: field → (sub-field) → take a number or priority → number, or a notice saying why not. */
export function KioskScreens({ lang, token, center, fields, onTokenRefused, changed, onVisitEnded }: KioskScreensProps) {
  const [flow, dispatch] = useReducer(kioskFlow, initialFlow);
  const [checkingIn, setCheckingIn] = useState(false);
  const { step } = flow;
  const now = useNow(15_000);
  const local = vnTime(now);

  useIssuer({ request: step.screen === 'issuing' ? step.request : null, token, lang, fields, now: () => now, dispatch, onTokenRefused });

  const endVisit = useCallback(() => {
    setCheckingIn(false);
    dispatch({ type: 'home' });
    onVisitEnded();
  }, [onVisitEnded]);

  const atHome = step.screen === 'fields' && step.parentId === null;
  // The ticket and issuing screens keep their own time: a countdown, and the retry limit.
  const ownTimer = step.screen === 'ticket' || step.screen === 'issuing';
  useIdle(ownTimer ? null : atHome && !checkingIn ? (changed ? homeIdleMs : null) : idleMs, endVisit);

  const issue = (fieldId: number, priority: string | null, phone: string | null) => dispatch({ type: 'issue', fieldId, priority, phone, freshKey: newIdempotencyKey() });
  // With an SMS gateway set up, the number is offered after the choice (skippable); otherwise straight to issuing.
  const take = (fieldId: number, priority: string | null) => (center.sms ? dispatch({ type: 'ask-phone', fieldId, priority }) : issue(fieldId, priority, null));
  const field = (id: number) => fields.find((f) => f.id === id);

  if (checkingIn) return <CheckInScreen key="check-in" lang={lang} token={token} fields={fields} categories={center.priorityCategories} onDone={endVisit} />;

  switch (step.screen) {
    case 'fields':
      return (
        <FieldScreen
          key={`fields-${step.parentId ?? 'home'}`}
          lang={lang}
          fields={fields}
          parentId={step.parentId}
          context={{ minutes: minutesOfDay(local), day: dayKey(local), limits: flow.limits }}
          onGroup={(group) => dispatch({ type: 'open-group', parentId: group.id })}
          onField={(chosen) =>
            center.priorityCategories.length === 0
              ? take(chosen.id, null)
              : dispatch({ type: 'choose-field', fieldId: chosen.id, parentId: chosen.parentId })
          }
          onUnavailable={(chosen, why) => dispatch({ type: 'notice', notice: unavailableNotice(chosen, why) })}
          onBack={() => dispatch({ type: 'back' })}
          onCheckIn={center.booking ? () => setCheckingIn(true) : undefined}
        />
      );
    case 'priority': {
      const chosen = field(step.fieldId);
      if (!chosen) return null;
      return (
        <PriorityScreen
          key={`priority-${step.categories ? 'list' : 'take'}`}
          lang={lang}
          field={chosen}
          categories={center.priorityCategories}
          choosing={step.categories}
          onTake={(priority) => take(chosen.id, priority)}
          onChoosing={(show) => dispatch({ type: 'categories', show })}
          onBack={() => dispatch({ type: 'back' })}
        />
      );
    }
    case 'phone': {
      const chosen = field(step.fieldId);
      if (!chosen) return null;
      return (
        <PhoneScreen
          key="phone"
          lang={lang}
          field={chosen}
          keepDays={center.sms?.keepDays ?? 30}
          onSubmit={(phone) => issue(step.fieldId, step.priority, phone)}
          onSkip={() => issue(step.fieldId, step.priority, null)}
          onBack={() => dispatch({ type: 'back' })}
        />
      );
    }
    case 'issuing':
      return <IssuingScreen key="issuing" lang={lang} retrying={step.retrying} onHome={endVisit} />;
    case 'ticket':
      return (
        <TicketScreen
          key={`ticket-${step.issued.ticket.id}`}
          lang={lang}
          issued={step.issued}
          field={field(step.issued.ticket.fieldId)}
          categories={center.priorityCategories}
          onDone={endVisit}
        />
      );
    case 'notice':
      return (
        <NoticeScreen
          key="notice"
          lang={lang}
          notice={step.notice}
          field={step.notice.fieldId === null ? undefined : field(step.notice.fieldId)}
          onRetry={() => dispatch({ type: 'retry' })}
          onHome={endVisit}
        />
      );
  }
}
