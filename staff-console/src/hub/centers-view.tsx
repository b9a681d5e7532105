import { ht, type HubCenterView, type Lang } from '@luot/shared';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ApiFailure, ApiResult } from '../api/http.ts';
import { Problem } from '../components/problem.tsx';
import { dateTime } from '../time/clock.ts';
import type { HubApi } from './hub-api.ts';

interface CentersViewProps {
  lang: Lang;
  api: HubApi;
  admin: boolean;
}

type Shown = { kind: 'key'; name: string; key: string; id: number } | { kind: 'text'; text: string } | null;

/** The province's centers and where each one's sync stands; the admin registers them, hands out keys, re-syncs. */
export function CentersView({ lang, api, admin }: CentersViewProps) {
  const [centers, setCenters] = useState<HubCenterView[] | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [shown, setShown] = useState<Shown>(null);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');

  const load = useCallback(() => {
    void api.centers().then((r) => (r.ok ? setCenters(r.body) : r.kind !== 'unauthorized' && setFailure(r)));
  }, [api]);
  useEffect(load, [load]);

  const register = async (e: FormEvent) => {
    e.preventDefault();
    const r = await api.registerCenter(code.trim(), name.trim());
    if (!r.ok) return setFailure(r);
    setShown({ kind: 'key', name: r.body.center.name, key: r.body.key, id: r.body.center.id });
    setCode('');
    setName('');
    load();
  };
  const act = async (work: () => Promise<ApiResult<unknown>>, then: () => void) => {
    const r = await work();
    if (!r.ok) setFailure(r);
    else then();
    load();
  };

  return (
    <div className="hub-centers" data-testid="hub-centers">
      <h2>{ht(lang, 'hubCentersTitle')}</h2>
      <Problem lang={lang} failure={failure} testId="hub-centers-problem" />
      {shown?.kind === 'key' && (
        <div className="notice notice--info" role="status" data-testid="hub-center-key">
          <p>{ht(lang, 'hubCentersKeyShown', { name: shown.name })}</p>
          <p>
            {ht(lang, 'hubCentersId')}: <strong>{shown.id}</strong>
          </p>
          <code className="hub-key">{shown.key}</code>
        </div>
      )}
      {shown?.kind === 'text' && (
        <p className="notice notice--info" role="status">
          {shown.text}
        </p>
      )}
      {admin && (
        <form className="form hub-centers__add" onSubmit={(e) => void register(e)}>
          <label className="form__row">
            {ht(lang, 'hubCentersCode')}
            <input value={code} onChange={(e) => setCode(e.target.value)} pattern="[a-z0-9-]{2,64}" required data-testid="hub-center-code" />
          </label>
          <label className="form__row">
            {ht(lang, 'hubCentersName')}
            <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} data-testid="hub-center-name" />
          </label>
          <button type="submit" className="btn btn--primary" data-testid="hub-center-register">
            {ht(lang, 'hubCentersRegister')}
          </button>
        </form>
      )}
      {centers && (
        <table className="table" data-testid="hub-centers-table">
          <thead>
            <tr>
              <th scope="col">{ht(lang, 'hubCentersId')}</th>
              <th scope="col">{ht(lang, 'hubColCenter')}</th>
              <th scope="col" className="num">
                {ht(lang, 'hubCentersAcked')}
              </th>
              <th scope="col" className="num">
                {ht(lang, 'hubCentersLag')}
              </th>
              <th scope="col">{ht(lang, 'hubCentersContact')}</th>
              {admin && <th scope="col" />}
            </tr>
          </thead>
          <tbody>
            {centers.map((c) => (
              <tr key={c.id} data-testid="hub-center-row" data-code={c.code}>
                <td className="num">{c.id}</td>
                <th scope="row">
                  {c.name}
                  <small className="sub">
                    {c.code}
                    {c.keyIssuedAt === null && ` · ${ht(lang, 'hubCentersNoKey')}`}
                  </small>
                </th>
                <td className="num">{c.sync.ackedEventId.toLocaleString('vi-VN')}</td>
                <td className="num">{c.sync.lagEvents === 0 ? ht(lang, 'hubSyncUpToDate') : ht(lang, 'hubSyncEvents', { count: c.sync.lagEvents })}</td>
                <td>{c.sync.lastContactAt ? dateTime(c.sync.lastContactAt) : '—'}</td>
                {admin && (
                  <td className="actions">
                    <button type="button" className="btn btn--small" onClick={() => void api.newKey(c.id).then((r) => (r.ok ? setShown({ kind: 'key', name: c.name, key: r.body.key, id: c.id }) : setFailure(r)))}>
                      {ht(lang, 'hubCentersNewKey')}
                    </button>
                    <button type="button" className="btn btn--small btn--subtle" onClick={() => void act(() => api.revokeKey(c.id), () => setShown(null))}>
                      {ht(lang, 'hubCentersRevoke')}
                    </button>
                    <button
                      type="button"
                      className="btn btn--small btn--subtle"
                      onClick={() => void act(() => api.resync(c.id), () => setShown({ kind: 'text', text: ht(lang, 'hubCentersResyncDone', { name: c.name }) }))}
                      data-testid="hub-center-resync"
                    >
                      {ht(lang, 'hubCentersResync')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
