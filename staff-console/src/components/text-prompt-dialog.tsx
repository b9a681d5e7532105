import { t, type Lang } from '@luot/shared';
import { useState, type FormEvent } from 'react';
import type { ApiFailure } from '../api/http.ts';
import { Dialog } from './dialog.tsx';
import { Problem } from './problem.tsx';

export interface TextPromptProps {
  lang: Lang;
  title: string;
  /** What the step does, above the field. */
  explain?: string;
  label: string;
  hint?: string;
  maxLength: number;
  submitLabel: string;
  tone: 'primary' | 'danger';
  busy: boolean;
  failure: ApiFailure | null;
  /** The text typed, trimmed; null when left empty (every such field is optional). */
  onSubmit: (text: string | null) => void;
  onClose: () => void;
  testId: string;
  inputTestId: string;
  submitTestId: string;
}

/**
 * A step that asks for one optional line of text before it runs (a cancel reason, a hold note, a dossier code):
 * Enter submits, and the field is focused when the dialog opens, so the keyboard alone gets through it.
 */
export function TextPromptDialog(p: TextPromptProps) {
  const [text, setText] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    p.onSubmit(text.trim() || null);
  };
  return (
    <Dialog title={p.title} onClose={p.onClose} testId={p.testId}>
      <form className="form" onSubmit={submit}>
        {p.explain && <p className="dialog__body">{p.explain}</p>}
        <label className="form__row">
          <span>{p.label}</span>
          <input type="text" maxLength={p.maxLength} value={text} onChange={(e) => setText(e.target.value)} data-autofocus autoComplete="off" data-testid={p.inputTestId} />
          {p.hint && <small className="form__hint">{p.hint}</small>}
        </label>
        <Problem lang={p.lang} failure={p.failure} />
        <div className="dialog__actions">
          <button type="button" className="btn" onClick={p.onClose}>
            {t(p.lang, 'consoleCancel')}
          </button>
          <button type="submit" className={`btn btn--${p.tone}`} disabled={p.busy} data-testid={p.submitTestId}>
            {p.submitLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
