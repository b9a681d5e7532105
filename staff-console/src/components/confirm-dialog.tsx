import { t, type Lang } from '@luot/shared';
import { Dialog } from './dialog.tsx';

interface ConfirmDialogProps {
  lang: Lang;
  title: string;
  body?: string;
  confirmLabel: string;
  danger?: boolean;
  busy: boolean;
  onConfirm: () => void;
  onClose: () => void;
  testId: string;
}

/** A yes/no step for actions that cannot be undone; Enter confirms (the confirm button has focus), Escape goes back. */
export function ConfirmDialog({ lang, title, body, confirmLabel, danger = false, busy, onConfirm, onClose, testId }: ConfirmDialogProps) {
  return (
    <Dialog title={title} onClose={onClose} testId={testId}>
      {body && <p className="dialog__body">{body}</p>}
      <div className="dialog__actions">
        <button type="button" className="btn" onClick={onClose}>
          {t(lang, 'consoleCancel')}
        </button>
        <button type="button" className={danger ? 'btn btn--danger' : 'btn btn--primary'} disabled={busy} onClick={onConfirm} data-autofocus data-testid="confirm">
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
