import { apiTokenScopes, fill, t, type ApiTokenScope, type Lang } from '@luot/shared';
import { useState, type FormEvent } from 'react';
import type { ConsoleApi } from '../api/console-api.ts';
import { Problem } from '../components/problem.tsx';
import { dateTime } from '../time/clock.ts';
import { AdminNotice, useAdminNotice } from './admin-notice.tsx';
import { useLoad } from './use-load.ts';
import { scopeKey } from './webhook-words.ts';

/** API tokens for other systems: made with chosen scopes (the token shown once), revoked with one press. */
export function ApiTokensPanel({ lang, api }: { lang: Lang; api: ConsoleApi }) {
  const list = useLoad('api-tokens', api.apiTokens);
  const [notice, say] = useAdminNotice();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiTokenScope[]>(['reports:read']);
  const add = async (e: FormEvent) => {
    e.preventDefault();
    const result = await api.createApiToken({ name: name.trim(), scopes });
    if (result.ok) {
      say.ok(fill(lang, 'tokensOnce', { token: result.body.token }));
      setName('');
    } else if (result.kind !== 'unauthorized') say.failed(result);
    list.reload();
  };
  const revoke = async (id: number) => {
    const result = await api.revokeApiToken(id);
    if (!result.ok && result.kind !== 'unauthorized') say.failed(result);
    list.reload();
  };
  return (
    <section className="admin-tab__part" aria-labelledby="tokens-title" data-testid="api-tokens">
      <h3 id="tokens-title">{t(lang, 'tokensTitle')}</h3>
      <AdminNotice lang={lang} notice={notice} />
      <Problem lang={lang} failure={list.failure} />
      <form className="form admin-form" onSubmit={(e) => void add(e)} data-testid="token-form">
        <label className="form__row">
          {t(lang, 'tokensName')}
          <input required maxLength={120} value={name} onChange={(e) => setName(e.target.value)} data-testid="token-name" />
        </label>
        <fieldset>
          <legend>{t(lang, 'tokensScopes')}</legend>
          {apiTokenScopes.map((scope) => (
            <label key={scope} className="check">
              <input type="checkbox" checked={scopes.includes(scope)} onChange={(e) => setScopes(e.target.checked ? [...scopes, scope] : scopes.filter((x) => x !== scope))} />
              {t(lang, scopeKey[scope])}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="btn btn--primary" disabled={scopes.length === 0} data-testid="token-add">
          {t(lang, 'tokensAdd')}
        </button>
      </form>
      {list.data?.length === 0 && <p className="muted">{t(lang, 'tokensNone')}</p>}
      {list.data && list.data.length > 0 && (
        <table className="table admin-table" data-testid="token-list">
          <thead>
            <tr>
              <th scope="col">{t(lang, 'tokensName')}</th>
              <th scope="col">{t(lang, 'tokensScopes')}</th>
              <th scope="col">{t(lang, 'tokensLastUsed')}</th>
              <th scope="col">{t(lang, 'adminState')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((token) => (
              <tr key={token.id} data-testid="token-item">
                <th scope="row">
                  {token.name}
                  <small className="sub">
                    {t(lang, 'adminCreatedAt')} {dateTime(token.createdAt)}
                  </small>
                </th>
                <td>{token.scopes.map((s) => t(lang, scopeKey[s])).join(', ')}</td>
                <td>{token.lastUsedAt ? dateTime(token.lastUsedAt) : t(lang, 'adminNever')}</td>
                <td>
                  {token.revoked ? (
                    t(lang, 'tokensRevoked')
                  ) : (
                    <button type="button" className="btn btn--small" onClick={() => void revoke(token.id)} data-testid="token-revoke">
                      {t(lang, 'tokensRevoke')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
