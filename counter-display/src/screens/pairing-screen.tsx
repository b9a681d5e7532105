import { helpPath, t, type Lang } from '@luot/shared';
import type { PairingNotice } from '@luot/shared/ui';
import { useState, type FormEvent } from 'react';
import { displayApi } from '../api/display-api.ts';

interface PairingScreenProps {
  lang: Lang;
  notice: PairingNotice;
  onPaired: (token: string) => void;
}

/** For the admin setting up a screen: the 8-digit code from the console, typed once with a keyboard or remote. */
export function PairingScreen({ lang, notice, onPaired }: PairingScreenProps) {
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || code.length !== 8) return;
    setBusy(true);
    setError(null);
    const result = await displayApi.pair(code);
    setBusy(false);
    if (result.ok) {
      if (result.body.device.kind === 'kiosk') setError(t(lang, 'displayWrongKind'));
      else onPaired(result.body.token);
    } else if (result.kind === 'network') setError(t(lang, 'displayPairUnreachable'));
    else setError(result.error.message[lang]);
  };

  return (
    <form className="pairing" data-testid="pairing" onSubmit={(e) => void submit(e)}>
      <h2 className="pairing__title">{t(lang, 'displayPairTitle')}</h2>
      {notice && <p className="pairing__notice">{t(lang, notice === 'wrongKind' ? 'displayWrongKind' : 'displayPairAgain')}</p>}
      <p className="pairing__hint">{t(lang, 'displayPairHint')}</p>
      <label className="pairing__label">
        {t(lang, 'displayPairCode')}
        <input
          className="pairing__code"
          data-testid="pairing-code"
          inputMode="numeric"
          autoComplete="off"
          maxLength={8}
          value={code}
          onChange={(e) => setCode(e.target.value.replace(/\D/g, '').slice(0, 8))}
        />
      </label>
      <button className="pairing__submit" type="submit" disabled={busy || code.length !== 8} data-testid="pairing-submit">
        {t(lang, busy ? 'displayPairing' : 'displayPairSubmit')}
      </button>
      {error && (
        <p className="pairing__error" role="alert" data-testid="pairing-error">
          {error}
        </p>
      )}
      <p className="pairing__help">
        <a href={helpPath('installer', lang)} data-testid="help-link">
          {t(lang, 'helpInstallLink')}
        </a>
      </p>
    </form>
  );
}
