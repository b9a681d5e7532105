import { ratingChoices, ratingReasonCodes, ratingReasonKeys, reasonsAllowed, t, type Lang, type RatingReason, type RatingScore } from '@luot/shared';
import { useEffect, useEffectEvent, useState } from 'react';
import { ratingApi } from './rating-api.ts';

/** Without a tap for this long the question goes away: the citizen has left. */
export const RATING_TIMEOUT_MS = 30_000;
const THANKS_MS = 4_000;

/**
 * “Ông/Bà có hài lòng với sự phục vụ?” with four large answers; after Bình thường or Không hài lòng, optional
 * reasons. Shows nothing about the ticket or anyone else: the question is about the visit that just ended.
 */
interface RatingScreenProps {
  lang: Lang;
  token: string;
  ticketId: number;
  /** The ticket was rated meanwhile, e.g. on the citizen's phone (or this screen's own answer came back). */
  ratedElsewhere: boolean;
  onClose: () => void;
}

export function RatingScreen({ lang, token, ticketId, ratedElsewhere, onClose }: RatingScreenProps) {
  const [score, setScore] = useState<RatingScore | null>(null);
  const [reasons, setReasons] = useState<RatingReason[]>([]);
  const [phase, setPhase] = useState<'ask' | 'sending' | 'thanks' | 'failed'>('ask');
  const [touched, setTouched] = useState(0);
  // The screen around re-renders on every live update and health check; only a tap or a new phase restarts the wait.
  const timeUp = useEffectEvent(onClose);

  useEffect(() => {
    const timer = window.setTimeout(timeUp, phase === 'thanks' ? THANKS_MS : RATING_TIMEOUT_MS);
    return () => window.clearTimeout(timer);
  }, [phase, touched]);

  // Rated on the phone: asking again would end in a refusal hidden behind “cảm ơn”. This screen's own answer
  // is in flight or thanked by then ('sending', 'thanks'), so only a question still asked goes away.
  useEffect(() => {
    if (ratedElsewhere && (phase === 'ask' || phase === 'failed')) timeUp();
  }, [ratedElsewhere, phase]);

  async function send(chosen: RatingScore, withReasons: RatingReason[]) {
    setPhase('sending');
    const result = await ratingApi.send(token, { ticketId, score: chosen, ...(withReasons.length ? { reasons: withReasons } : {}) });
    // Already rated or too late: nothing the citizen can fix; thank them either way.
    setPhase(result.ok || result.kind === 'refused' ? 'thanks' : 'failed');
  }

  function choose(chosen: RatingScore) {
    setTouched((n) => n + 1);
    setScore(chosen);
    if (!reasonsAllowed(chosen)) void send(chosen, []);
  }

  function toggle(reason: RatingReason) {
    setTouched((n) => n + 1);
    setReasons((list) => (list.includes(reason) ? list.filter((r) => r !== reason) : [...list, reason]));
  }

  if (phase === 'thanks') {
    return (
      <main className="rating rating--thanks" data-testid="rating-thanks">
        <p className="rating__thanks">{t(lang, 'rateThanks')}</p>
      </main>
    );
  }

  const askReasons = score !== null && reasonsAllowed(score);
  return (
    <main className="rating" data-testid="rating-screen">
      <h1 className="rating__question">{t(lang, 'rateQuestion')}</h1>
      {!askReasons ? (
        <div className="rating__choices">
          {ratingChoices.map((c) => (
            <button
              key={c.score}
              type="button"
              className={`rating__choice rating__choice--${c.tone}`}
              disabled={phase === 'sending'}
              data-testid={`rating-${c.tone}`}
              onClick={() => choose(c.score)}
            >
              <Face tone={c.tone} />
              {t(lang, c.key)}
            </button>
          ))}
        </div>
      ) : (
        <div className="rating__reasons">
          <p className="rating__reasons-question">{t(lang, 'rateReasonsQuestion')}</p>
          <div className="rating__reason-list">
            {ratingReasonCodes.map((r) => (
              <button key={r} type="button" className="rating__reason" aria-pressed={reasons.includes(r)} data-testid={`rating-reason-${r}`} onClick={() => toggle(r)}>
                <span aria-hidden="true">{reasons.includes(r) ? '☑' : '☐'}</span> {t(lang, ratingReasonKeys[r])}
              </button>
            ))}
          </div>
          <div className="rating__actions">
            <button type="button" className="rating__send" disabled={phase === 'sending'} data-testid="rating-send" onClick={() => void send(score, reasons)}>
              {t(lang, 'rateSend')}
            </button>
            <button type="button" className="rating__skip" disabled={phase === 'sending'} data-testid="rating-skip" onClick={() => void send(score, [])}>
              {t(lang, 'rateSkip')}
            </button>
          </div>
        </div>
      )}
      {phase === 'failed' && (
        <p className="rating__failed" role="alert">
          {t(lang, 'rateFailed')}
        </p>
      )}
      <p className="rating__note">{t(lang, 'rateAnonymous')}</p>
    </main>
  );
}

/** Faces drawn, not typed: emoji fonts are missing on many center machines and show as empty boxes. */
const mouths = {
  'very-good': 'M14 30 Q24 42 34 30 Z',
  good: 'M15 31 Q24 38 33 31',
  neutral: 'M15 33 L33 33',
  bad: 'M15 36 Q24 28 33 36',
} as const;

function Face({ tone }: { tone: keyof typeof mouths }) {
  return (
    <svg className="rating__face" viewBox="0 0 48 48" aria-hidden="true">
      <circle cx="24" cy="24" r="21" fill="none" stroke="currentColor" strokeWidth="3.5" />
      <circle cx="17" cy="19" r="3" fill="currentColor" />
      <circle cx="31" cy="19" r="3" fill="currentColor" />
      <path d={mouths[tone]} fill={tone === 'very-good' ? 'currentColor' : 'none'} stroke="currentColor" strokeWidth="3.5" strokeLinecap="round" />
    </svg>
  );
}
