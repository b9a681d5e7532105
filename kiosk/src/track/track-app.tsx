import { t, waitWords, type Lang, type TrackView } from '@luot/shared';
import { LanguageSwitch, useLang } from '@luot/shared/ui';
import { useEffect, useRef, useState } from 'react';
import { fill } from '../text/fill.ts';
import { alertTurn, enableSound, soundEnabled } from './alert.ts';
import { RatingForm } from './rating-form.tsx';
import { codeFromPath } from './track-api.ts';
import { useTrack } from './use-track.ts';

/** The citizen's own number on their phone (/t/<code>): where they stand, and the counter when called. */
export function TrackApp() {
  const [lang, setLang] = useLang();
  const [code] = useState(() => codeFromPath(window.location.pathname));
  const [refresh, setRefresh] = useState(0);
  const state = useTrack(code, refresh);

  return (
    <main className="track" data-testid="track-page">
      <header className="track__top">
        {/* The page's one level-one heading; the number below is the heading of its card. */}
        <h1 className="track__title">{t(lang, 'trackTitle')}</h1>
        <LanguageSwitch lang={lang} onChange={setLang} />
      </header>
      {state.kind === 'loading' && <p className="track__message">{t(lang, 'loading')}</p>}
      {state.kind === 'not_found' && <p className="track__message" data-testid="track-not-found">{t(lang, 'trackNotFound')}</p>}
      {state.kind === 'expired' && <p className="track__message" data-testid="track-expired">{t(lang, 'trackExpired')}</p>}
      {state.kind === 'too_many' && <p className="track__message">{t(lang, 'trackTooMany')}</p>}
      {state.kind === 'ready' && code !== null && <Ticket lang={lang} code={code} view={state.view} offline={state.offline} onRated={() => setRefresh((n) => n + 1)} />}
    </main>
  );
}

function Ticket({ lang, code, view, offline, onRated }: { lang: Lang; code: string; view: TrackView; offline: boolean; onRated: () => void }) {
  const [sound, setSound] = useState(soundEnabled);
  const called = view.status === 'called' && view.counterNumber !== null;
  const alerted = useRef<string | null>(null);

  useEffect(() => {
    // Alert once per call; a recall bumps the version too, but the counter is the same: one buzz is enough.
    const key = called ? `${view.number}@${view.counterNumber ?? ''}` : null;
    if (key !== null && alerted.current !== key) alertTurn();
    alerted.current = key;
  }, [called, view.number, view.counterNumber]);

  const field = lang === 'vi' ? view.field.nameVi : view.field.nameEn;
  return (
    <>
      {offline && (
        <p className="track__offline" role="status">
          {t(lang, 'trackOffline')}
        </p>
      )}
      <section className={`track__card${called ? ' track__card--called' : ''}`} aria-live="assertive">
        <h2 className="track__heading">
          <span className="track__label">{t(lang, 'trackYourNumber')}</span>
          <span className="track__number" data-testid="track-number">
            {view.number}
          </span>
        </h2>
        <p className="track__field">{field}</p>
        <Status lang={lang} view={view} />
      </section>
      {(view.status === 'waiting' || view.status === 'held') && !sound && (
        <button type="button" className="track__alert-button" onClick={() => void enableSound().then(setSound)} data-testid="track-sound">
          {t(lang, 'trackAlertOn')}
        </button>
      )}
      {sound && view.status === 'waiting' && <p className="track__hint">{t(lang, 'trackAlertIsOn')}</p>}
      {view.canRate && <RatingForm lang={lang} code={code} onRated={onRated} />}
      {view.rated && <p className="track__thanks" data-testid="track-thanks">{t(lang, 'rateThanks')}</p>}
      {['waiting', 'called', 'serving', 'held'].includes(view.status) && <p className="track__hint">{t(lang, 'trackLive')}</p>}
    </>
  );
}

function Status({ lang, view }: { lang: Lang; view: TrackView }) {
  const counter = view.counterNumber === null ? '' : fill(lang, 'trackCounter', { number: view.counterNumber });
  switch (view.status) {
    case 'waiting': {
      const wait = waitWords(lang, view.estimatedWaitMinutes);
      return (
        <dl className="track__facts" data-testid="track-status" data-status="waiting">
          <div>
            <dt>{t(lang, 'trackPeopleAhead')}</dt>
            <dd data-testid="track-ahead">{view.peopleAhead ?? 0}</dd>
          </div>
          <div>
            <dt>{t(lang, 'trackEstimatedWait')}</dt>
            <dd data-testid="track-wait">{wait}</dd>
          </div>
        </dl>
      );
    }
    case 'called':
      return (
        <div className="track__go" data-testid="track-status" data-status="called">
          <p className="track__go-label">{t(lang, 'trackCalled')}</p>
          <p className="track__counter" data-testid="track-counter">
            {counter}
          </p>
        </div>
      );
    case 'serving':
      return (
        <div className="track__go track__go--serving" data-testid="track-status" data-status="serving">
          <p className="track__go-label">{t(lang, 'trackServing')}</p>
          <p className="track__counter track__counter--calm" data-testid="track-counter">
            {counter}
          </p>
        </div>
      );
    case 'held':
      return <p className="track__state" data-testid="track-status" data-status="held">{t(lang, 'trackHeld')}</p>;
    case 'done':
      return <p className="track__state" data-testid="track-status" data-status="done">{t(lang, 'trackDone')}</p>;
    case 'no_show':
      return <p className="track__state" data-testid="track-status" data-status="no_show">{t(lang, 'trackNoShow')}</p>;
    case 'cancelled':
      return <p className="track__state" data-testid="track-status" data-status="cancelled">{t(lang, 'trackCancelled')}</p>;
  }
}
