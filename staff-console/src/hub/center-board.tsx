import { ht, type HubCenterBoard, type HubStringKey, type Lang } from '@luot/shared';
import { useEffect, useState } from 'react';
import type { ApiFailure } from '../api/http.ts';
import { Problem } from '../components/problem.tsx';
import { clockTime, formatTimer, useNow } from '../time/clock.ts';
import type { HubApi } from './hub-api.ts';

interface CenterBoardProps {
  lang: Lang;
  api: HubApi;
  centerId: number;
  /** Changes whenever the live board moved; the center's board is fetched again then. */
  changes: number;
  onBack: () => void;
}

const statusKey: Record<'open' | 'paused' | 'closed', HubStringKey> = { open: 'hubStatusOpen', paused: 'hubStatusPaused', closed: 'hubStatusClosed' };
const minutes = (lang: Lang, seconds: number) => ht(lang, 'hubMinutes', { minutes: Math.floor(seconds / 60) });

/** One center's board as it last reported, read-only: the province watches, the center acts. */
export function CenterBoard({ lang, api, centerId, changes, onBack }: CenterBoardProps) {
  const [board, setBoard] = useState<HubCenterBoard | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const now = useNow(1_000);

  useEffect(() => {
    let cancelled = false;
    void api.centerBoard(centerId).then((result) => {
      if (cancelled) return;
      if (result.ok) {
        setBoard(result.body);
        setFailure(null);
      } else if (result.kind !== 'unauthorized') setFailure(result);
    });
    return () => {
      cancelled = true;
    };
  }, [api, centerId, changes]);

  if (failure && !board) return <Problem lang={lang} failure={failure} testId="center-board-problem" />;
  if (!board) return <p className="loading">…</p>;
  const { row, config, live } = board;
  const since = live ? Math.max(0, Math.floor((now - live.at) / 1000)) : 0;
  const fieldName = (id: number) => {
    const f = config?.fields.find((x) => x.id === id);
    return f ? (lang === 'vi' ? f.nameVi : f.nameEn) : `#${id}`;
  };
  const fieldPrefix = (id: number) => config?.fields.find((x) => x.id === id)?.prefix ?? '';
  const counterName = (id: number) => config?.counters.find((x) => x.id === id)?.name ?? `#${id}`;

  return (
    <div className="center-board" data-testid="center-board" data-center-id={centerId}>
      <div className="center-board__head">
        <button type="button" className="btn btn--small" onClick={onBack} data-testid="back-to-province">
          {ht(lang, 'hubBackToBoard')}
        </button>
        <h2 className="center-board__title">{row.name}</h2>
        {!row.online && <span className="flag flag--off">{ht(lang, row.liveAt ? 'hubOffline' : 'hubNeverConnected')}</span>}
      </div>
      <dl className="summary" data-testid="center-summary">
        <div>
          <dt>{ht(lang, 'hubColWaiting')}</dt>
          <dd>{row.waiting}</dd>
        </div>
        <div>
          <dt>{ht(lang, 'hubColCounters')}</dt>
          <dd>
            {row.openCounters}/{row.counters}
          </dd>
        </div>
        <div>
          <dt>{ht(lang, 'hubBoardSummaryServed')}</dt>
          <dd>{row.servedToday}</dd>
        </div>
        <div>
          <dt>{ht(lang, 'hubBoardSummaryWithin')}</dt>
          <dd>{row.withinTargetShare === null ? '—' : `${Math.round(row.withinTargetShare * 100)} %`}</dd>
        </div>
        <div>
          <dt>{ht(lang, 'hubColSatisfied')}</dt>
          <dd>{row.satisfiedShare === null ? '—' : `${Math.round(row.satisfiedShare * 100)} %`}</dd>
        </div>
        <div>
          <dt>{ht(lang, 'hubColSync')}</dt>
          <dd className="center-board__sync" data-testid="center-sync-state">
            {row.sync.lagEvents === 0 ? ht(lang, 'hubSyncUpToDate') : ht(lang, 'hubSyncEvents', { count: row.sync.lagEvents })}
            <small className="sub">
              {ht(lang, 'hubCentersAcked')} {row.sync.ackedEventId.toLocaleString('vi-VN')}
            </small>
          </dd>
        </div>
      </dl>
      {live ? (
        <p className="notice notice--info" data-testid="center-read-only">
          {ht(lang, 'hubCenterReadOnly', { time: clockTime(new Date(live.at).toISOString()) })}
        </p>
      ) : (
        <p className="notice notice--info">{ht(lang, 'hubCenterNoLive')}</p>
      )}
      {live && (
        <div className="center-board__tables">
          <section className="panel" aria-labelledby="hub-fields-title">
            <h3 className="panel__title" id="hub-fields-title">
              {ht(lang, 'hubCenterFields')}
            </h3>
            <table className="table" data-testid="hub-fields-table">
              <thead>
                <tr>
                  <th scope="col">{ht(lang, 'hubField')}</th>
                  <th scope="col" className="num">
                    {ht(lang, 'hubWaiting')}
                  </th>
                  <th scope="col" className="num">
                    {ht(lang, 'hubLongest')}
                  </th>
                  <th scope="col" className="num">
                    {ht(lang, 'hubTarget')}
                  </th>
                  <th scope="col" className="num">
                    {ht(lang, 'hubServed')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {live.fields.map((f) => {
                  const longest = f.waiting > 0 ? f.longestWaitSeconds + (row.online ? since : 0) : 0;
                  const over = longest > f.targetWaitMinutes * 60;
                  return (
                    <tr key={f.fieldId} className={over ? 'row--alert' : undefined} data-testid="hub-field-row">
                      <th scope="row">
                        <span className="prefix">{fieldPrefix(f.fieldId)}</span> {fieldName(f.fieldId)}
                        {!f.issuing && <span className="flag flag--off"> {ht(lang, 'hubIssuingStopped')}</span>}
                      </th>
                      <td className="num big" data-testid="hub-field-waiting">
                        {f.waiting}
                      </td>
                      <td className="num">
                        {over && <span className="over">{ht(lang, 'hubOver')} </span>}
                        {f.waiting > 0 ? minutes(lang, longest) : '—'}
                      </td>
                      <td className="num muted">{ht(lang, 'hubMinutes', { minutes: f.targetWaitMinutes })}</td>
                      <td className="num">{f.servedToday}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
          <section className="panel" aria-labelledby="hub-counters-title">
            <h3 className="panel__title" id="hub-counters-title">
              {ht(lang, 'hubCenterCounters')}
            </h3>
            <table className="table" data-testid="hub-counters-table">
              <thead>
                <tr>
                  <th scope="col">{ht(lang, 'hubCounter')}</th>
                  <th scope="col">{ht(lang, 'hubState')}</th>
                  <th scope="col">{ht(lang, 'hubOfficer')}</th>
                  <th scope="col">{ht(lang, 'hubTicket')}</th>
                </tr>
              </thead>
              <tbody>
                {live.counters.map((c) => (
                  <tr key={c.counterId} data-testid="hub-counter-row" data-status={c.status}>
                    <th scope="row">{counterName(c.counterId)}</th>
                    <td>
                      <span className={`status status--${c.status}`}>{ht(lang, statusKey[c.status])}</span>
                      {c.pauseReason && <small className="sub">{c.pauseReason}</small>}
                    </td>
                    <td>{c.officerName ?? <span className="muted">{ht(lang, 'hubNoOfficer')}</span>}</td>
                    <td className="nowrap" data-testid="hub-counter-ticket">
                      {c.ticket ? (
                        <>
                          <strong className="ticket-number">{c.ticket.number}</strong>
                          {c.ticket.calledAt !== null && <span className="timer"> · {formatTimer(Math.max(0, Math.floor((now - c.ticket.calledAt) / 1000)))}</span>}
                        </>
                      ) : (
                        '—'
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section className="panel" aria-labelledby="hub-alerts-title">
            <h3 className="panel__title" id="hub-alerts-title">
              {ht(lang, 'hubCenterAlerts')}
            </h3>
            {row.alerts.length === 0 ? (
              <p className="muted">{ht(lang, 'hubNoAlerts')}</p>
            ) : (
              <ul className="alerts-list" data-testid="hub-center-alerts">
                {row.alerts.map((a, i) => (
                  <li key={i}>{a.message[lang]}</li>
                ))}
              </ul>
            )}
          </section>
        </div>
      )}
    </div>
  );
}
