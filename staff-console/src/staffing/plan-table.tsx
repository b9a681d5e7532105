import { reportWeekdays, staffingTexts, type Lang } from '@luot/shared';
import { gapText, type PlanGrid } from './plan-grid.ts';

/** Weekday columns × hour rows; each cell the counters needed and the gap, shaded where counters are short. */
export function PlanTable({ lang, grid }: { lang: Lang; grid: PlanGrid }) {
  return (
    <table className="plan-table" data-testid="staffing-table">
      <thead>
        <tr>
          <th scope="col">{staffingTexts.hour[lang]}</th>
          {grid.days.map((d) => (
            <th scope="col" key={d}>
              {reportWeekdays[d]?.[lang]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {grid.hours.map((h) => (
          <tr key={h}>
            <th scope="row">{`${String(h).padStart(2, '0')}:00`}</th>
            {grid.days.map((d) => {
              const needed = grid.needed(d, h);
              if (needed === null) return <td key={d} className="plan-table__none" />;
              const short = needed > grid.present;
              return (
                <td key={d} className={short ? 'plan-table__short' : needed < grid.present ? 'plan-table__spare' : undefined} data-testid="staffing-cell" data-day={d} data-hour={h} data-needed={needed}>
                  <strong>{needed}</strong> <span className="plan-table__gap">({gapText(needed, grid.present)})</span>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
