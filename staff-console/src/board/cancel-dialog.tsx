import { fill, type Lang, t, type TicketView } from '@luot/shared';
import type { ApiFailure } from '../api/http.ts';
import { TextPromptDialog } from '../components/text-prompt-dialog.tsx';

interface CancelDialogProps {
  lang: Lang;
  ticket: TicketView;
  busy: boolean;
  failure: ApiFailure | null;
  onSubmit: (reason: string | null) => void;
  onClose: () => void;
}

/** Cancelling takes a ticket out of the day for good, so the reason is asked for and kept in the log. */
export function CancelDialog({ lang, ticket, ...rest }: CancelDialogProps) {
  return (
    <TextPromptDialog
      lang={lang}
      title={fill(lang, 'cancelTitle', { number: ticket.number })}
      explain={t(lang, 'cancelExplain')}
      label={t(lang, 'cancelReason')}
      maxLength={500}
      submitLabel={t(lang, 'boardCancelTicket')}
      tone="danger"
      testId="cancel-dialog"
      inputTestId="cancel-reason"
      submitTestId="cancel-submit"
      {...rest}
    />
  );
}
