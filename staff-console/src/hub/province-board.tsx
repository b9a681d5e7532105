import { ht, type BoardRow, type HubStringKey, type Lang } from '@luot/shared';
import { useState } from 'react';
import { useNow } from '../time/clock.ts';
import { defaultSort, longestNow, sortRows, type BoardSort, type BoardSortKey } from './board-sort.ts';

interface ProvinceBoardProps {
  lang: Lang;
  rows: readonly BoardRow[];
  onOpen: (centerId: number) => void;
}

/** The first click on a column puts its worst values on top: long waits first, low shares first. */
const worstIsHigh: Record<BoardSortKey, boolean> = {
  attention: true,
  name: false,
  waiting: true,
  longest: true,
  counters: false,
  served: false,
  within: false,
  satisfied: false,
  sync: true,
  alerts: true,
};

const columns: { key: BoardSortKey; title: HubStringKey; num: boolean }[] = [
  { key: 'name', title: 'hubColCenter', num: false },
  { key: 'waiting', title: 'hubColWaiting', num: true },
  { key: 'longest', title: 'hubColLongest', num: true },
  { key: 'counters', title: 'hubColCounters', num: true },
  { key: 'served', title: 'hubColServed', num: true },
  { key: 'within', title: 'hubColWithin', num: true },
  { key: 'satisfied', title: 'hubColSatisfied', num: true },
  { key: 'sync', title: 'hubColSync', num: false },
  { key: 'alerts', title: 'hubColAlerts', num: false },
];

const percent = (lang: Lang, share: number | null) => (share === null ? '—' : `${(share * 100).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 0 })} %`);
const minutes = (lang: Lang, seconds: number) => ht(lang, 'hubMinutes', { minutes: Math.floor(seconds / 60) });

function syncText(lang: Lang, row: BoardRow): string {
  if (row.sync.lagEvents === 0) return ht(lang, 'hubSyncUpToDate');
  return `${ht(lang, 'hubSyncBehind', { minutes: Math.round(row.sync.lagSeconds / 60) })} · ${ht(lang, 'hubSyncEvents', { count: row.sync.lagEvents })}`;
}

/**
 * Every center of the province on one screen: a summary, then one dense row per center, the ones needing
 * attention first (waits over target, alerts, not reporting). Any column sorts; a row opens that center's board.
 */
export function ProvinceBoard({ lang, rows, onOpen }: ProvinceBoardProps) {
  const [sort, setSort] = useState<BoardSort>(defaultSort);
  const now = useNow(1_000);
  const sorted = sortRows(rows, sort, now);
  const online = rows.filter((r) => r.online).length;
  const waiting = rows.reduce((s, r) => s + r.waiting, 0);
  const served = rows.reduce((s, r) => s + r.servedToday, 0);
  const called = rows.reduce((s, r) => s + r.calledToday, 0);
  const within = rows.reduce((s, r) => s + Math.round((r.withinTargetShare ?? 0) * r.calledToday), 0);
  const over = rows.filter((r) => r.overTarget).length;

  const choose = (key: BoardSortKey) => setSort((s) => (s.key === key ? { key, descending: !s.descending } : { key, descending: worstIsHigh[key] }));
  const ariaSort = (key: BoardSortKey) => (sort.key === key ? (sort.descending ? 'descending' : 'ascending') : undefined);

  return (
    <div className="province" data-testid="province-board">
      <dl className="summary province__summary">
        <div>
          <dt>{ht(lang, 'hubBoardSummaryCenters')}</dt>
          <dd data-testid="province-centers">{rows.length}</dd>
        </div>
        <div>
          <dt>{ht(lang, 'hubBoardSummaryOnline')}</dt>
          <dd data-testid="province-online">
            {online}/{rows.length}
          </dd>
        </div>
        <div>
          <dt>{ht(lang, 'hubBoardSummaryWaiting')}</dt>
          <dd data-testid="province-waiting">{waiting.toLocaleString('vi-VN')}</dd>
        </div>
        <div className={over > 0 ? 'summary--alert' : undefined}>
          <dt>{ht(lang, 'hubBoardSummaryOver')}</dt>
          <dd data-testid="province-over">{over}</dd>
        </div>
        <div>
          <dt>{ht(lang, 'hubBoardSummaryServed')}</dt>
          <dd>{served.toLocaleString('vi-VN')}</dd>
        </div>
        <div>
          <dt>{ht(lang, 'hubBoardSummaryWithin')}</dt>
          <dd>{percent(lang, called === 0 ? null : within / called)}</dd>
        </div>
      </dl>
      <ol className="province__map" aria-label={ht(lang, 'hubMapLabel')} data-testid="province-map">
        {sorted.map((row) => {
          const tone = row.overTarget ? 'tile--alert' : !row.online ? 'tile--off' : row.alerts.length > 0 ? 'tile--warn' : 'tile--ok';
          return (
            <li key={row.centerId}>
              <button type="button" className={`tile ${tone}`} onClick={() => onOpen(row.centerId)} title={`${row.name} — ${ht(lang, 'hubColWaiting')}: ${row.waiting}`} data-testid="center-tile">
                <span className="tile__name">{row.name.replace(/^Trung tâm Phục vụ hành chính công /, '').replace(/^(phường|xã|Phường|Xã) /, '')}</span>
                <span className="tile__figure">
                  {row.online ? row.waiting : '—'}
                  {row.online && row.waiting > 0 && <small> · {Math.floor(longestNow(row, now) / 60)}′</small>}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
      <p className="province__legend" aria-hidden="true">
        <span className="tile tile--alert">{ht(lang, 'hubLegendOver')}</span>
        <span className="tile tile--warn">{ht(lang, 'hubLegendAlerts')}</span>
        <span className="tile tile--off">{ht(lang, 'hubLegendOffline')}</span>
        <span className="tile tile--ok">{ht(lang, 'hubLegendOk')}</span>
        <span>{ht(lang, 'hubLegendFigure')}</span>
      </p>
      <p className="province__hint">
        {ht(lang, 'hubBoardSort')}{' '}
        {sort.key !== 'attention' && (
          <button type="button" className="btn btn--small btn--subtle" onClick={() => setSort(defaultSort)} data-testid="sort-attention">
            {ht(lang, 'hubWorstFirst')}
          </button>
        )}
      </p>
      <div className="province__scroll">
        <table className="table province__table" data-testid="province-table">
          <thead>
            <tr>
              <th scope="col" className="num">
                #
              </th>
              {columns.map((c) => (
                <th key={c.key} scope="col" className={c.num ? 'num' : undefined} aria-sort={ariaSort(c.key)}>
                  <button type="button" className="province__sort" onClick={() => choose(c.key)} data-testid={`sort-${c.key}`}>
                    {ht(lang, c.title)}
                    {sort.key === c.key && <span aria-hidden="true">{sort.descending ? ' ▼' : ' ▲'}</span>}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sorted.map((row, i) => {
              const longest = longestNow(row, now);
              const tone = row.overTarget ? 'row--alert' : !row.online || row.alerts.length > 0 ? 'row--warn' : undefined;
              return (
                <tr key={row.centerId} className={tone} data-testid="center-row" data-center-code={row.code} data-online={row.online}>
                  <td className="num muted">{i + 1}</td>
                  <th scope="row">
                    <button type="button" className="province__open" onClick={() => onOpen(row.centerId)} title={ht(lang, 'hubOpenBoard')} data-testid="open-center">
                      {row.name}
                    </button>
                    {!row.online && <span className="flag flag--off">{ht(lang, row.liveAt ? 'hubOffline' : 'hubNeverConnected')}</span>}
                  </th>
                  <td className="num big" data-testid="center-waiting">
                    {row.waiting}
                  </td>
                  <td className="num" data-testid="center-longest">
                    {row.overTarget && <span className="over">{ht(lang, 'hubOver')} </span>}
                    {row.waiting > 0 ? minutes(lang, longest) : '—'}
                  </td>
                  <td className="num" data-testid="center-counters">
                    {row.openCounters}/{row.counters}
                  </td>
                  <td className="num" data-testid="center-served">
                    {row.servedToday}
                  </td>
                  <td className="num" data-testid="center-within">
                    {percent(lang, row.withinTargetShare)}
                  </td>
                  <td className="num">{percent(lang, row.satisfiedShare)}</td>
                  <td className={row.sync.lagSeconds > 120 ? 'sub--warn nowrap' : 'muted nowrap'} data-testid="center-sync">
                    {syncText(lang, row)}
                  </td>
                  <td className="province__alerts" data-testid="center-alerts" title={row.alerts.map((a) => a.message[lang]).join('\n')}>
                    {row.alerts.length === 0 ? '—' : row.alerts.map((a) => a.message[lang]).join(' · ')}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
