import { type FieldLive, type FieldView, fill, type Lang, t, type TicketView } from '@luot/shared';
import { fieldName, leafFields } from '../text/names.ts';
import { secondsSince, useNow } from '../time/clock.ts';

interface FieldsTableProps {
  lang: Lang;
  fields: readonly FieldView[];
  queue: readonly TicketView[];
  figures: readonly FieldLive[] | null;
  busy: boolean;
  onIssuing: (field: FieldView, issuing: boolean) => void;
}

const minutes = (seconds: number) => Math.floor(seconds / 60);

/**
 * Per field: how many wait, the longest wait so far (live, from the queue), the average over the last hour
 * and the number served today (from /api/live), and whether numbers are being issued.
 */
export function FieldsTable({ lang, fields, queue, figures, busy, onIssuing }: FieldsTableProps) {
  const now = useNow(5_000);
  return (
    <section className="panel" aria-labelledby="fields-title">
      <h2 className="panel__title" id="fields-title">
        {t(lang, 'boardFieldsTitle')}
      </h2>
      <table className="table" data-testid="fields-table">
        <thead>
          <tr>
            <th scope="col">{t(lang, 'boardField')}</th>
            <th scope="col" className="num">
              {t(lang, 'boardWaiting')}
            </th>
            <th scope="col" className="num" title={t(lang, 'boardLongestWaitLong')}>
              {t(lang, 'boardLongestWait')}
            </th>
            <th scope="col" className="num" title={t(lang, 'boardTargetWaitLong')}>
              {t(lang, 'boardTargetWait')}
            </th>
            <th scope="col" className="num" title={t(lang, 'boardAverageWaitLong')}>
              {t(lang, 'boardAverageWait')}
            </th>
            <th scope="col" className="num" title={t(lang, 'boardServedTodayLong')}>
              {t(lang, 'boardServedToday')}
            </th>
            <th scope="col">{t(lang, 'boardIssuing')}</th>
          </tr>
        </thead>
        <tbody>
          {leafFields(fields).map((field) => {
            const live = figures?.find((f) => f.fieldId === field.id);
            const first = queue.find((q) => q.fieldId === field.id && q.status === 'waiting');
            const longest = first ? secondsSince(first.queuedAt, now) : 0;
            const target = live?.targetWaitMinutes ?? field.targetWaitMinutes;
            const over = longest > target * 60;
            const average = live?.averageWaitLastHourSeconds;
            return (
              <tr key={field.id} className={over ? 'row--alert' : undefined} data-testid="field-row" data-field-code={field.code} data-over={over}>
                <th scope="row">
                  <span className="prefix">{field.prefix}</span> {fieldName(lang, field)}
                </th>
                <td className="num big" data-testid="field-waiting">
                  {field.waiting}
                </td>
                <td className="num" data-testid="field-longest">
                  {over && <span className="over">{t(lang, 'boardOver')} </span>}
                  {first ? fill(lang, 'consoleMinutes', { minutes: minutes(longest) }) : '—'}
                </td>
                <td className="num muted">{fill(lang, 'consoleMinutes', { minutes: target })}</td>
                <td className="num" data-testid="field-average">
                  {average === null || average === undefined ? '—' : fill(lang, 'consoleMinutes', { minutes: Math.round(average / 60) })}
                </td>
                <td className="num" data-testid="field-served">
                  {live ? live.servedToday : '—'}
                </td>
                <td className="actions">
                  {!field.issuing && (
                    <span className="flag flag--off" data-testid="field-stopped">
                      {t(lang, 'boardIssuingOff')}{' '}
                    </span>
                  )}
                  <button
                    type="button"
                    className={field.issuing ? 'btn btn--small btn--subtle' : 'btn btn--small btn--primary'}
                    disabled={busy}
                    onClick={() => onIssuing(field, !field.issuing)}
                    data-testid="toggle-issuing"
                    data-issuing={field.issuing}
                  >
                    {t(lang, field.issuing ? 'boardStopIssuing' : 'boardResumeIssuing')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
