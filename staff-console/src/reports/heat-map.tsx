import { reportTexts, reportWeekdays, t, type Lang, type Report } from '@luot/shared';
import { formatCount } from './report-format.ts';

interface HeatMapProps {
  lang: Lang;
  heatmap: Report['heatmap'];
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * Numbers issued by weekday × hour as a table of shaded cells, with the count written in each, so it reads in
 * black and white on paper too. Only the hours in which anyone came are shown: the night is not a column.
 */
export function HeatMap({ lang, heatmap }: HeatMapProps) {
  const counts = heatmap.counts;
  const busy = Array.from({ length: 24 }, (_, h) => counts.some((day) => (day[h] ?? 0) > 0));
  const first = busy.indexOf(true);
  const last = busy.lastIndexOf(true);
  if (first < 0) return null;
  const hours = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const max = Math.max(...counts.flat());

  return (
    <section className="panel report-panel heat-map" aria-labelledby="heat-map-title">
      <h2 className="panel__title" id="heat-map-title">
        {reportTexts.heatmapTitle[lang]}
      </h2>
      <p className="report-notes">{t(lang, 'reportsHeatmapHint')}</p>
      <div className="report-table__scroll">
        <table className="heat-map__table" data-testid="report-heatmap">
          <thead>
            <tr>
              <th scope="col">{reportTexts.weekday[lang]}</th>
              {hours.map((h) => (
                <th key={h} scope="col">
                  {`${pad2(h)}:00`}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {reportWeekdays.map((weekday, d) => (
              <tr key={weekday.en}>
                <th scope="row">{weekday[lang]}</th>
                {hours.map((h) => {
                  const count = counts[d]?.[h] ?? 0;
                  const share = max > 0 ? count / max : 0;
                  return (
                    <td
                      key={h}
                      className={share > 0.55 ? 'heat-map__cell heat-map__cell--dark' : 'heat-map__cell'}
                      style={{ backgroundColor: count > 0 ? `rgb(10 107 42 / ${(0.08 + 0.92 * share).toFixed(2)})` : undefined }}
                      data-count={count}
                    >
                      {count > 0 ? formatCount(lang, count) : ''}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
