import { fill, type Lang, t, type TicketView } from '@luot/shared';
import type { ApiFailure } from '../api/http.ts';
import { TextPromptDialog } from '../components/text-prompt-dialog.tsx';

interface FinishDialogProps {
  lang: Lang;
  ticket: TicketView;
  busy: boolean;
  failure: ApiFailure | null;
  onSubmit: (dossierCode: string | null) => void;
  onClose: () => void;
}

/** Finishing asks for the dossier code of the one-stop system, optional: Enter alone finishes without one. */
export function FinishDialog({ lang, ticket, ...rest }: FinishDialogProps) {
  return (
    <TextPromptDialog
      lang={lang}
      title={fill(lang, 'finishTitle', { number: ticket.number })}
      label={t(lang, 'finishDossierCode')}
      hint={t(lang, 'finishDossierHint')}
      maxLength={64}
      submitLabel={t(lang, 'deskFinish')}
      tone="primary"
      testId="finish-dialog"
      inputTestId="dossier-code"
      submitTestId="finish-submit"
      {...rest}
    />
  );
}
