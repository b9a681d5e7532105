import { t, type CallView, type CounterView, type HallMediaView, type Lang } from '@luot/shared';
import { Clock } from '@luot/shared/ui';
import { useEffect, useState, type CSSProperties } from 'react';
import { Arrow } from '../components/arrow.tsx';
import { NoticeTicker } from '../components/notice-ticker.tsx';
import { charterRows } from '../standards/charter-rows.ts';
import { FieldCharter } from '../standards/field-charter.tsx';
import { PriorityCounters } from '../standards/priority-counters.tsx';
import { waitingByField } from '../fields/waiting-by-field.ts';
import type { DisplayModel } from '../live/display-model.ts';
import { callKey } from '../live/display-model.ts';
import { MediaPanel } from './media-panel.tsx';

interface HallBoardProps {
  lang: Lang;
  hall: NonNullable<DisplayModel['hall']>;
  calls: CallView[];
  /** The admin's images and videos for the side panel; none leaves the board as it was. */
  media?: readonly HallMediaView[];
}

/** How long the media panel steps back after a call, while the number is read out and people look up. */
const quietAfterCallMs = 20_000;

/** Calls under the newest one; more would shrink the digits below what the back of the hall can read. */
const recentCalls = 4;

/**
 * The TV in the waiting hall: the newest call huge and highlighted, the calls before it, people waiting per
 * field, the date and time, the center's name and the admin's notice. Read from 8 m by people with weak eyes:
 * few words, very large digits, white and yellow on near-black.
 */
export function HallBoard({ lang, hall, calls, media = [] }: HallBoardProps) {
  const latest = calls.find((call) => stillAtCounter(call, hall.counters));
  const earlier = calls.filter((call) => call !== latest);
  const rows = waitingByField(hall.fields);
  const newest = calls[0] ? callKey(calls[0]) : null;
  // Each new call quiets the panel for a while: a call always takes the screen's attention first.
  const [settled, setSettled] = useState<string | null>(null);
  const quiet = newest !== null && settled !== newest;
  useEffect(() => {
    if (newest === null) return;
    const timer = window.setTimeout(() => setSettled(newest), quietAfterCallMs);
    return () => window.clearTimeout(timer);
  }, [newest]);
  const charter = charterRows(hall.fields);

  return (
    <div className="hall" data-testid="hall-board">
      <header className="hall__top">
        <h1 className="hall__center" data-testid="hall-center">
          {hall.center.name}
        </h1>
        <Clock lang={lang} dateFirst />
      </header>

      <main className="hall__main">
        <section className="hall__calls" aria-live="polite">
          {latest ? (
            <div className="hall-latest" key={callKey(latest)} data-testid="hall-latest" data-number={latest.number} data-counter={latest.counterNumber}>
              <p className="hall-latest__label">
                {t(lang, 'hallCalling')}
                {latest.recall && <span className="hall-latest__recall">{t(lang, 'hallRecall')}</span>}
              </p>
              <div className="hall-latest__pair" style={{ '--chars': latest.number.length } as CSSProperties}>
                <span className="hall-latest__number" data-testid="hall-latest-number">
                  {latest.number}
                </span>
                <Arrow className="hall-latest__arrow" />
                <span className="hall-latest__counter">
                  <span className="hall-latest__counter-word">{t(lang, 'hallCounter')}</span>
                  <span className="hall-latest__counter-number" data-testid="hall-latest-counter">
                    {latest.counterNumber}
                  </span>
                </span>
              </div>
            </div>
          ) : (
            <div className="hall-latest hall-latest--empty" data-testid="hall-latest">
              <p className="hall-latest__none">{t(lang, calls.length === 0 ? 'hallNoCalls' : 'hallNextCall')}</p>
            </div>
          )}

          {earlier.length > 0 && (
            <div className="hall-recent">
              <h2 className="hall__heading">{t(lang, 'hallRecentCalls')}</h2>
              <ol className="hall-recent__list">
                {earlier.slice(0, recentCalls).map((call) => (
                  <li
                    key={callKey(call)}
                    className="hall-recent__row"
                    style={{ '--chars': call.number.length + String(call.counterNumber).length } as CSSProperties}
                    data-testid="hall-call"
                    data-number={call.number}
                    data-counter={call.counterNumber}
                  >
                    <span className="hall-recent__number">{call.number}</span>
                    <Arrow className="hall-recent__arrow" />
                    <span className="hall-recent__counter">
                      <span className="hall-recent__counter-word">{t(lang, 'hallCounter')}</span>
                      <span className="hall-recent__counter-number">{call.counterNumber}</span>
                    </span>
                  </li>
                ))}
              </ol>
            </div>
          )}
          <PriorityCounters lang={lang} counters={hall.counters} />
          {/* Under the calls, in the space they leave: the waiting list keeps its whole column for every field. */}
          {media.length > 0 && <MediaPanel media={media} quiet={quiet} />}
        </section>

        <aside className="hall__waiting">
          <h2 className="hall__heading">{t(lang, 'hallWaiting')}</h2>
          <ul className="hall-waiting">
            {rows.map(({ field, waiting }) => (
              <li key={field.id} className="hall-waiting__row" data-testid="hall-waiting" data-field={field.code}>
                <span className="hall-waiting__prefix">{field.prefix}</span>
                <span className="hall-waiting__name">
                  {lang === 'vi' ? field.nameVi : field.nameEn}
                  <FieldCharter lang={lang} row={charter.get(field.id)} />
                </span>
                <span className="hall-waiting__count" data-testid="hall-waiting-count">
                  {waiting}
                </span>
              </li>
            ))}
          </ul>
        </aside>
      </main>

      <footer className="hall__bottom">
        <NoticeTicker text={hall.center.notice} />
      </footer>
    </div>
  );
}

/**
 * The big call is one the citizen can still answer: its ticket is called or served at that counter now. A ticket
 * set aside (held), sent on, finished or marked absent leaves it, even when its counter then pauses or nobody
 * calls for a while; it stays in the list of numbers called.
 */
function stillAtCounter(call: CallView, counters: readonly CounterView[]): boolean {
  return counters.find((c) => c.id === call.counterId)?.current?.id === call.ticketId;
}
