import { t, type Lang, type StringKey } from '@luot/shared';
import { useEffect, type ReactNode } from 'react';
import type { ApiFailure } from '../api/http.ts';

/**
 * The body properties the server's validation named ("body/prefix must match pattern …" → "prefix"),
 * so the form can mark those very inputs rather than only print the server's technical sentence.
 */
export function invalidProps(failure: ApiFailure | null): ReadonlySet<string> {
  if (failure === null || failure.kind === 'network') return new Set();
  const names = (failure.error.details ?? []).map((d) => /^body\/([A-Za-z]+)/.exec(d)?.[1]).filter((n): n is string => n !== undefined);
  return new Set(names);
}

interface RowProps {
  lang: Lang;
  label: StringKey;
  /** Shown under the input always, and in red when the server refused this property. */
  hint?: StringKey;
  name: string;
  invalid: ReadonlySet<string>;
  children: ReactNode;
  wide?: boolean;
}

/** One labelled input of an admin form, marked when the server refused its value. */
export function Row({ lang, label, hint, name, invalid, children, wide = false }: RowProps) {
  const bad = invalid.has(name);
  return (
    <label className={`form__row${bad ? ' form__row--invalid' : ''}${wide ? ' form__row--wide' : ''}`} data-invalid={bad || undefined} data-prop={name}>
      <span>{t(lang, label)}</span>
      {children}
      {(hint || bad) && <small className="form__hint">{t(lang, hint ?? 'adminInvalidValue')}</small>}
    </label>
  );
}

/**
 * Reads whole numbers typed into a form. Typing is checked here only as far as "is it a number"; every
 * other rule (ranges, patterns, uniqueness) is the server's, and its refusal is shown next to the input.
 */
export class Numbers {
  readonly bad = new Set<string>();

  /** A required whole number. */
  int(name: string, value: string): number {
    const n = Number(value.trim());
    if (value.trim() === '' || !Number.isInteger(n)) {
      this.bad.add(name);
      return 0;
    }
    return n;
  }

  /** An optional whole number: empty means none. */
  intOrNull(name: string, value: string): number | null {
    return value.trim() === '' ? null : this.int(name, value);
  }
}

/** The text of an optional number, for an input. */
export const text = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));

/** After a refusal, the first input the server named gets the focus (and scrolls into view in a tall form). */
export function useFocusInvalid(invalid: ReadonlySet<string>): void {
  const key = [...invalid].join(',');
  useEffect(() => {
    if (!key) return;
    document.querySelector<HTMLElement>('dialog[open] [data-invalid] :is(input, select, textarea), [data-invalid] :is(input, select, textarea)')?.focus();
  }, [key]);
}
