import { fill, type Lang, t, type TicketView } from '@luot/shared';
import type { ApiFailure } from '../api/http.ts';
import { TextPromptDialog } from '../components/text-prompt-dialog.tsx';

interface HoldDialogProps {
  lang: Lang;
  ticket: TicketView;
  busy: boolean;
  failure: ApiFailure | null;
  onSubmit: (note: string | null) => void;
  onClose: () => void;
}

/** Setting a citizen aside (tạm giữ), e.g. to fetch a missing paper; a note says why, for whoever returns it. */
export function HoldDialog({ lang, ticket, ...rest }: HoldDialogProps) {
  return (
    <TextPromptDialog
      lang={lang}
      title={fill(lang, 'holdTitle', { number: ticket.number })}
      explain={t(lang, 'holdExplain')}
      label={t(lang, 'holdNote')}
      maxLength={500}
      submitLabel={t(lang, 'deskHold')}
      tone="primary"
      testId="hold-dialog"
      inputTestId="hold-note"
      submitTestId="hold-submit"
      {...rest}
    />
  );
}
