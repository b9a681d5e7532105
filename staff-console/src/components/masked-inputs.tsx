import { useState, type InputHTMLAttributes } from 'react';

/**
 * Dates and times typed the Vietnamese way (dd/mm/yyyy, 24-hour HH:mm) whatever the browser's own language.
 * The browser's date and time pickers follow the operating system's locale, not the page's, so a Vietnamese
 * screen showed mm/dd/yyyy and “12:00 AM”; these are text inputs that put in the / and : as digits are typed.
 */
type Passed = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type' | 'inputMode' | 'placeholder'>;

const digitsOf = (text: string, max: number) => text.replace(/\D/g, '').slice(0, max);

/** "05032026" → "05/03/2026", as far as typed. */
export function maskDate(text: string): string {
  const d = digitsOf(text, 8);
  return [d.slice(0, 2), d.slice(2, 4), d.slice(4)].filter((part) => part !== '').join('/');
}

/** "dd/mm/yyyy" → "yyyy-mm-dd" when it is a real calendar date, else null. */
export function isoFromDate(text: string): string | null {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  if (!m) return null;
  const [, dd, mm, yyyy] = m;
  const iso = `${yyyy}-${mm}-${dd}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null;
}

export function dateFromIso(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}

/** "1730" → "17:30", as far as typed. */
export function maskTime(text: string): string {
  const d = digitsOf(text, 4);
  return d.length > 2 ? `${d.slice(0, 2)}:${d.slice(2)}` : d;
}

export function isTime(text: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(text);
}

/**
 * A date as dd/mm/yyyy. `value` and `onChange` speak ISO (yyyy-mm-dd), '' while the date is incomplete or not a
 * real day, so a half-typed date is never taken for one.
 */
export function DateInput({ value, onChange, ...rest }: Passed & { value: string; onChange: (iso: string) => void }) {
  const [text, setText] = useState(() => dateFromIso(value));
  const [shown, setShown] = useState(value);
  // A new value from outside (a preset period, a reset) replaces what is typed; our own echo does not.
  if (value !== shown) {
    setShown(value);
    setText(dateFromIso(value));
  }
  const complete = text.length === 10;
  return (
    <input
      {...rest}
      type="text"
      inputMode="numeric"
      placeholder="dd/mm/yyyy"
      value={text}
      aria-invalid={complete && isoFromDate(text) === null ? true : undefined}
      onChange={(e) => {
        const next = maskDate(e.target.value);
        const iso = isoFromDate(next) ?? '';
        setText(next);
        setShown(iso);
        onChange(iso);
      }}
    />
  );
}

/**
 * A time of day as 24-hour HH:mm. `onChange` gets what is typed, masked: "17:30" when complete, '' when empty,
 * anything else as typed, so the server's validation can mark it rather than it being quietly dropped.
 */
export function TimeInput({ value, onChange, ...rest }: Passed & { value: string; onChange: (time: string) => void }) {
  return (
    <input
      {...rest}
      type="text"
      inputMode="numeric"
      placeholder="HH:mm"
      maxLength={5}
      value={value}
      aria-invalid={value.length === 5 && !isTime(value) ? true : undefined}
      onChange={(e) => onChange(maskTime(e.target.value))}
    />
  );
}
