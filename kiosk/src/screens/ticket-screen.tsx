import { fill, printerProblemText, t, waitWords, type FieldView, type IssuedTicket, type Lang, type PriorityCategory } from '@luot/shared';
import { fillStrong } from '../text/fill-strong.ts';
import type { CSSProperties } from 'react';
import { useScreenGuide } from '../assist/assist.ts';
import { ScreenFrame } from '../components/screen-frame.tsx';
import { fieldName } from '../fields/field-tree.ts';
import { useCountdown } from '../hooks/use-countdown.ts';
import { formatTime, vnTime } from '@luot/shared/ui';

interface TicketScreenProps {
  lang: Lang;
  issued: IssuedTicket;
  field: FieldView | undefined;
  categories: readonly PriorityCategory[];
  onDone: () => void;
}

/** Long enough to read the screen twice; longer when the number must be written down or photographed. */
const showSeconds = 20;
const showSecondsWithoutReceipt = 45;

/**
 * The number, as large as the screen allows, with what the citizen needs while waiting. Only the "Xong"
 * button leaves early: a hand resting on the screen must not make the number disappear.
 */
export function TicketScreen({ lang, issued, field, categories, onDone }: TicketScreenProps) {
  const { ticket, print } = issued;
  const printerTrouble = print.status === 'failed' || print.status === 'queued';
  const left = useCountdown(printerTrouble ? showSecondsWithoutReceipt : showSeconds, onDone);
  const category = ticket.priority === null ? undefined : categories.find((c) => c.code === ticket.priority);
  const priorityName = category ? (lang === 'vi' ? category.nameVi : category.nameEn) : ticket.priority;
  // Read exactly what the screen shows: the number, the people ahead, the wait, whether a receipt came out.
  const wait = issued.estimatedWaitMinutes;
  useScreenGuide({
    say: 'ticket',
    number: ticket.number,
    field: ticket.fieldId,
    ahead: issued.peopleAhead,
    ...(wait === null ? {} : { wait }),
    printed: print.status === 'printed',
  });

  return (
    <ScreenFrame lang={lang} name="ticket">
      <div className="ticket">
        <div className="ticket__card">
          {/* The number is the screen's heading: a screen reader's "next heading" lands on it. */}
          <h2 className="ticket__heading">
            <span className="ticket__label">{t(lang, 'kioskYourNumber')}</span>
            {/* --chars lets the CSS size the number to fill the card whatever its length (A023, 1023, AB1023). */}
            <span className="ticket__number" data-testid="ticket-number" style={{ '--chars': ticket.number.length } as CSSProperties}>
              {ticket.number}
            </span>
          </h2>
          {field && (
            <p className="ticket__field" data-testid="ticket-field">
              {fieldName(field, lang)}
            </p>
          )}
          {priorityName && <p className="ticket__priority">{fill(lang, 'kioskPriorityBadge', { name: priorityName })}</p>}
        </div>

        <div className="ticket__details">
          <ul className="ticket__facts">
            <li data-testid="people-ahead">{fillStrong(lang, 'kioskPeopleAhead', { count: issued.peopleAhead })}</li>
            <li data-testid="estimated-wait">{fillStrong(lang, 'kioskEstimatedWait', { wait: waitWords(lang, issued.estimatedWaitMinutes) })}</li>
            <li className="ticket__time">{fill(lang, 'kioskIssuedAt', { time: formatTime(vnTime(Date.parse(ticket.issuedAt))) })}</li>
          </ul>

          {printerTrouble ? (
            <div className="ticket__note ticket__note--problem" role="alert" data-testid="printer-problem">
              <span className="ticket__note-icon" aria-hidden="true">
                !
              </span>
              <div>
                <p>{t(lang, 'kioskPrinterProblem')}</p>
                {print.problem && <p className="ticket__note-detail">{printerProblemText[print.problem][lang]}</p>}
              </div>
            </div>
          ) : (
            <p className={`ticket__note ticket__note--${print.status}`} data-testid="print-note">
              {t(lang, print.status === 'printed' ? 'kioskTakeReceipt' : 'kioskRememberNumber')}
            </p>
          )}
          {issued.phoneMasked && (
            <p className="ticket__sms" data-testid="ticket-sms">
              {fill(lang, 'kioskPhoneWillText', { phone: issued.phoneMasked })}
            </p>
          )}
          <p className="ticket__watch">{t(lang, 'kioskWatchBoard')}</p>

          <button type="button" className="button button--done" data-testid="done" onClick={onDone}>
            {t(lang, 'kioskDone')}
          </button>
          <p className="ticket__countdown" data-testid="countdown">
            {fill(lang, 'kioskReturnsIn', { seconds: left })}
          </p>
        </div>
      </div>
    </ScreenFrame>
  );
}
