import { helpPath, strings, t, type Lang } from '@luot/shared';
import { useEffect, useEffectEvent, useState } from 'react';
import { kioskApi } from '../api/kiosk-api.ts';
import { Keypad } from '../components/keypad.tsx';
import { ScreenFrame } from '../components/screen-frame.tsx';

const codeLength = 8;

interface PairingScreenProps {
  lang: Lang;
  onPaired: (token: string) => void;
}

/**
 * Shown once per kiosk (and again if an admin revokes it): the admin types the 8-digit code from the
 * device page. A plugged-in keyboard works too, for whoever installs the kiosk.
 */
export function PairingScreen({ lang, onPaired }: PairingScreenProps) {
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ vi: string; en: string } | null>(null);

  const type = (digit: string) => {
    setError(null);
    setCode((c) => (c.length < codeLength ? c + digit : c));
  };
  const erase = () => setCode((c) => c.slice(0, -1));

  const submit = async () => {
    if (code.length !== codeLength || busy) return;
    setBusy(true);
    const result = await kioskApi.pair(code);
    setBusy(false);
    if (result.ok) return onPaired(result.body.token);
    setCode('');
    setError(result.kind === 'network' ? { vi: strings.vi.kioskPairUnreachable, en: strings.en.kioskPairUnreachable } : result.error.message);
  };

  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (busy) return;
    if (/^[0-9]$/.test(event.key)) type(event.key);
    else if (event.key === 'Backspace') erase();
    else if (event.key === 'Enter') void submit();
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  return (
    <ScreenFrame lang={lang} name="pairing" prompt={t(lang, 'kioskPairTitle')}>
      <div className="pairing">
        <div className="pairing__text">
          <p className="pairing__for">{t(lang, 'kioskPairForStaff')}</p>
          <p>{t(lang, 'kioskPairHint')}</p>
          {/* A labelled group: a plain paragraph may not carry an aria-label (axe: aria-prohibited-attr). */}
          <p className="pairing__code" role="group" aria-label={t(lang, 'kioskPairCode')} data-testid="pairing-code" data-value={code}>
            {Array.from({ length: codeLength }, (_, i) => (
              <span key={i} className={`pairing__digit${i < code.length ? ' pairing__digit--filled' : ''}`}>
                {code[i] ?? ''}
              </span>
            ))}
          </p>
          {error && (
            <p className="pairing__error" role="alert" data-testid="pairing-error">
              {error[lang]}
            </p>
          )}
          {/* For whoever installs the kiosk; citizens never see this screen. */}
          <p className="pairing__help">
            <a href={helpPath('installer', lang)} data-testid="help-link">
              {t(lang, 'helpInstallLink')}
            </a>
          </p>
        </div>
        <div className="pairing__pad">
          <Keypad lang={lang} disabled={busy} onDigit={type} onDelete={erase} onClear={() => setCode('')} />
          <button type="button" className="button button--take" data-testid="pair-submit" disabled={busy || code.length !== codeLength} onClick={() => void submit()}>
            {t(lang, busy ? 'kioskPairing' : 'kioskPairSubmit')}
          </button>
        </div>
      </div>
    </ScreenFrame>
  );
}
