import { ratingChoices, ratingReasonCodes, ratingReasonKeys, reasonsAllowed, t, type Lang, type RatingReason, type RatingScore } from '@luot/shared';
import { useState } from 'react';
import { sendPhoneRating } from './track-api.ts';

/** Four large answers; after Bình thường or Không hài lòng, optional reasons, then Gửi. One rating per ticket. */
export function RatingForm({ lang, code, onRated }: { lang: Lang; code: string; onRated: () => void }) {
  const [score, setScore] = useState<RatingScore | null>(null);
  const [reasons, setReasons] = useState<RatingReason[]>([]);
  const [failed, setFailed] = useState(false);
  const [sending, setSending] = useState(false);

  async function send(chosen: RatingScore, withReasons: RatingReason[]) {
    setSending(true);
    const result = await sendPhoneRating(code, { score: chosen, ...(withReasons.length ? { reasons: withReasons } : {}) });
    setSending(false);
    // Already rated (at the counter, or from another tab) is as good as done for the citizen.
    if (result.ok || (result.kind === 'refused' && result.error.code === 'ALREADY_RATED')) return onRated();
    setFailed(true);
  }

  function choose(chosen: RatingScore) {
    setScore(chosen);
    setFailed(false);
    if (!reasonsAllowed(chosen)) void send(chosen, []);
  }

  const toggle = (r: RatingReason) => setReasons((list) => (list.includes(r) ? list.filter((x) => x !== r) : [...list, r]));

  return (
    <section className="rate" data-testid="track-rating">
      <h2 className="rate__question">{t(lang, 'rateQuestion')}</h2>
      <div className="rate__choices">
        {ratingChoices.map((c) => (
          <button
            key={c.score}
            type="button"
            className={`rate__choice rate__choice--${c.tone}`}
            aria-pressed={score === c.score}
            disabled={sending}
            data-testid={`rate-${c.tone}`}
            onClick={() => choose(c.score)}
          >
            {t(lang, c.key)}
          </button>
        ))}
      </div>
      {score !== null && reasonsAllowed(score) && (
        <div className="rate__reasons">
          <p>{t(lang, 'rateReasonsQuestion')}</p>
          {ratingReasonCodes.map((r) => (
            <label key={r} className="rate__reason">
              <input type="checkbox" checked={reasons.includes(r)} onChange={() => toggle(r)} data-testid={`reason-${r}`} />
              {t(lang, ratingReasonKeys[r])}
            </label>
          ))}
          <button type="button" className="rate__send" disabled={sending} data-testid="rate-send" onClick={() => void send(score, reasons)}>
            {t(lang, 'rateSend')}
          </button>
        </div>
      )}
      {failed && <p className="rate__failed" role="alert">{t(lang, 'rateFailed')}</p>}
      <p className="rate__note">{t(lang, 'rateAnonymous')}</p>
    </section>
  );
}
