import { t, type Lang } from '@luot/shared';

interface KeypadProps {
  lang: Lang;
  disabled: boolean;
  onDigit: (digit: string) => void;
  onDelete: () => void;
  onClear: () => void;
  /** What the keys type, for screen readers (the pairing code unless told). */
  label?: string;
}

const digits = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

/** A phone-style keypad: kiosks have no keyboard, and the on-screen one of the OS is not reliable. */
export function Keypad({ lang, disabled, onDigit, onDelete, onClear, label }: KeypadProps) {
  return (
    <div className="keypad" role="group" aria-label={label ?? t(lang, 'kioskPairCode')}>
      {digits.map((d) => (
        <button key={d} type="button" className="keypad__key" disabled={disabled} data-testid={`key-${d}`} onClick={() => onDigit(d)}>
          {d}
        </button>
      ))}
      <button type="button" className="keypad__key keypad__key--word" disabled={disabled} data-testid="key-clear" onClick={onClear}>
        {t(lang, 'kioskKeyClear')}
      </button>
      <button type="button" className="keypad__key" disabled={disabled} data-testid="key-0" onClick={() => onDigit('0')}>
        0
      </button>
      <button type="button" className="keypad__key keypad__key--word" disabled={disabled} data-testid="key-delete" onClick={onDelete}>
        {t(lang, 'kioskKeyDelete')}
      </button>
    </div>
  );
}
