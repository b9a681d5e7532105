import { fill, normalizeMobile, t, type FieldView, type Lang } from '@luot/shared';
import { useEffect, useEffectEvent, useState } from 'react';
import { useScreenGuide } from '../assist/assist.ts';
import { Keypad } from '../components/keypad.tsx';
import { ScreenFrame } from '../components/screen-frame.tsx';
import { fieldName } from '../fields/field-tree.ts';

interface PhoneScreenProps {
  lang: Lang;
  field: FieldView;
  /** Days the number is kept (said on the screen: a citizen may ask "what happens to my number?"). */
  keepDays: number;
  onSubmit: (phone: string) => void;
  onSkip: () => void;
  onBack: () => void;
}

const maxDigits = 10;

/** "0912 345 678": the way Vietnamese numbers are read aloud and printed, so the citizen can check it. */
function grouped(digits: string): string {
  return [digits.slice(0, 4), digits.slice(4, 7), digits.slice(7)].filter(Boolean).join(' ');
}

/**
 * The optional phone number for "your turn is near" by SMS. "Bỏ qua" (skip) is as big as the confirm button
 * and comes first: nobody has to give a number to get one. The confirm button works only for a whole,
 * valid mobile number; ten digits that are not one say why.
 */
export function PhoneScreen({ lang, field, keepDays, onSubmit, onSkip, onBack }: PhoneScreenProps) {
  useScreenGuide({ say: 'phone' });
  const [digits, setDigits] = useState('');
  const phone = digits.length === maxDigits ? normalizeMobile(digits) : null;
  const wrong = digits.length === maxDigits && phone === null;

  const type = (d: string) => setDigits((s) => (s.length < maxDigits ? s + d : s));
  const erase = () => setDigits((s) => s.slice(0, -1));

  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (/^[0-9]$/.test(event.key)) type(event.key);
    else if (event.key === 'Backspace') erase();
    else if (event.key === 'Enter' && phone !== null) onSubmit(phone);
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  const footer = (
    <button type="button" className="button button--back" data-testid="back" onClick={onBack}>
      {t(lang, 'kioskBack')}
    </button>
  );

  return (
    <ScreenFrame lang={lang} name="phone" prompt={t(lang, 'kioskPhonePrompt')} footer={footer}>
      <div className="phone">
        <div className="phone__text">
          <p className="chosen-field">
            <span className="chosen-field__letter" aria-hidden="true">
              {field.prefix}
            </span>
            <span className="chosen-field__name">{fieldName(field, lang)}</span>
          </p>
          <p>{t(lang, 'kioskPhoneHint')}</p>
          <p className={`phone__number${wrong ? ' phone__number--wrong' : ''}`} role="group" aria-label={t(lang, 'kioskPhoneLabel')} data-testid="phone-number" data-value={digits}>
            {digits === '' ? <span className="phone__placeholder">0___ ___ ___</span> : grouped(digits)}
          </p>
          {wrong && (
            <p className="phone__error" role="alert" data-testid="phone-error">
              {t(lang, 'kioskPhoneInvalid')}
            </p>
          )}
          <p className="phone__privacy">{fill(lang, 'kioskPhonePrivacy', { days: keepDays })}</p>
        </div>
        <div className="phone__pad">
          <Keypad lang={lang} disabled={false} label={t(lang, 'kioskPhoneLabel')} onDigit={type} onDelete={erase} onClear={() => setDigits('')} />
          <div className="phone__actions">
            <button type="button" className="button button--skip" data-testid="phone-skip" onClick={onSkip}>
              {t(lang, 'kioskPhoneSkip')}
            </button>
            <button type="button" className="button button--take" data-testid="phone-submit" disabled={phone === null} onClick={() => phone !== null && onSubmit(phone)}>
              {t(lang, 'kioskPhoneSubmit')}
            </button>
          </div>
        </div>
      </div>
    </ScreenFrame>
  );
}
