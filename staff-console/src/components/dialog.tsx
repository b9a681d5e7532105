import { useEffect, useId, useRef, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  onClose: () => void;
  testId: string;
  children: ReactNode;
  wide?: boolean;
}

/**
 * A modal built on <dialog>: the browser traps focus inside, Escape closes it, and the page behind is
 * inert, so a desk shortcut cannot fire while the officer types a dossier code. Mounted only while open.
 * The control to start on is marked `data-autofocus`.
 */
export function Dialog({ title, onClose, testId, children, wide = false }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) {
      dialog.showModal();
      // React's autoFocus runs before the dialog is open and so does nothing; the dialog's own pick is its
      // first control, often "Back". The element the form marks is the one Enter should act on.
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog--wide' : 'dialog'}
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 className="dialog__title" id={titleId}>
        {title}
      </h2>
      {children}
    </dialog>
  );
}
