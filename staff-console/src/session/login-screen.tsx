import { helpPath, t, type Lang, type LoginResponse } from '@luot/shared';
import { useState, type FormEvent } from 'react';
import { login as centerLogin } from '../api/console-api.ts';
import type { ApiFailure, ApiResult } from '../api/http.ts';
import { Problem } from '../components/problem.tsx';

interface LoginScreenProps<R> {
  lang: Lang;
  /** The previous session ended on the server's side (expired, signed out elsewhere, account disabled). */
  ended: boolean;
  onSignedIn: (response: R) => void;
  /** The sign-in call: the center's, unless the province hub's console passes its own. */
  login?: (username: string, password: string) => Promise<ApiResult<R>>;
}

export function LoginScreen<R = LoginResponse>({ lang, ended, onSignedIn, login = centerLogin as unknown as (u: string, p: string) => Promise<ApiResult<R>> }: LoginScreenProps<R>) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    const result = await login(username.trim(), password);
    setBusy(false);
    if (result.ok) onSignedIn(result.body);
    else setFailure(result);
  };

  return (
    <section className="login" aria-labelledby="login-title">
      <form className="login__form form" onSubmit={(e) => void submit(e)} data-testid="login-form">
        <h2 id="login-title" className="login__title">
          {t(lang, 'loginTitle')}
        </h2>
        {ended && failure === null && (
          <p className="notice notice--info" role="status" data-testid="session-ended">
            {t(lang, 'loginSessionEnded')}
          </p>
        )}
        <label className="form__row">
          <span>{t(lang, 'loginUsername')}</span>
          <input
            type="text"
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            autoFocus
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            data-testid="login-username"
          />
        </label>
        <label className="form__row">
          <span>{t(lang, 'loginPassword')}</span>
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            data-testid="login-password"
          />
        </label>
        <Problem lang={lang} failure={failure} testId="login-problem" />
        <button type="submit" className="btn btn--primary btn--block" disabled={busy} data-testid="login-submit">
          {t(lang, busy ? 'loginSigningIn' : 'loginSubmit')}
        </button>
        <p className="form__hint">{t(lang, 'loginHint')}</p>
        <p className="form__hint">
          <a href={helpPath(null, lang)} target="_blank" rel="noopener" data-testid="help-link">
            {t(lang, 'helpLink')}
          </a>
        </p>
      </form>
    </section>
  );
}
