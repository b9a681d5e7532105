import { type FieldView, fill, type Lang, type PriorityCategory, t, type TicketView } from '@luot/shared';
import { Dialog } from '../components/dialog.tsx';
import { fieldName, priorityName } from '../text/names.ts';
import { clockTime } from '../time/clock.ts';

interface TicketDialogProps {
  lang: Lang;
  ticket: TicketView;
  fields: readonly FieldView[];
  categories: readonly PriorityCategory[];
  onTransfer: () => void;
  onCancel: () => void;
  onClose: () => void;
}

/** One ticket of the queue, and what a supervisor may do with it. */
export function TicketDialog({ lang, ticket, fields, categories, onTransfer, onCancel, onClose }: TicketDialogProps) {
  return (
    <Dialog title={fill(lang, 'boardTicketTitle', { number: ticket.number })} onClose={onClose} testId="ticket-dialog">
      <dl className="facts">
        <dt>{t(lang, 'boardField')}</dt>
        <dd>{fieldName(lang, fields.find((f) => f.id === ticket.fieldId))}</dd>
        <dt>{t(lang, 'boardIssuedAt')}</dt>
        <dd>{clockTime(ticket.issuedAt)}</dd>
        {ticket.priority && (
          <>
            <dt>{t(lang, 'boardPriority')}</dt>
            <dd>{priorityName(lang, categories, ticket.priority)}</dd>
          </>
        )}
      </dl>
      <div className="dialog__actions">
        <button type="button" className="btn" onClick={onClose}>
          {t(lang, 'consoleCancel')}
        </button>
        <button type="button" className="btn btn--danger" onClick={onCancel} data-testid="ticket-cancel">
          {t(lang, 'boardCancelTicket')}
        </button>
        <button type="button" className="btn btn--primary" onClick={onTransfer} data-autofocus data-testid="ticket-transfer">
          {t(lang, 'deskTransfer')}
        </button>
      </div>
    </Dialog>
  );
}
