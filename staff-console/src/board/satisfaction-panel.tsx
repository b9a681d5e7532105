import { fill, type Lang, ratingChoices, ratingReasonCodes, ratingReasonKeys, type SatisfactionToday, t } from '@luot/shared';
import { percent } from './satisfaction.ts';

const scoreKey = { 1: 'veryGood', 2: 'good', 3: 'neutral', 4: 'bad' } as const;

interface SatisfactionPanelProps {
  lang: Lang;
  today: SatisfactionToday | null;
}

/**
 * Today's answers to “Ông/Bà có hài lòng với sự phục vụ?” for the whole center, and the reasons given after a
 * lukewarm or negative answer. Counts only: the server sends nothing about tickets or citizens.
 */
export function SatisfactionPanel({ lang, today }: SatisfactionPanelProps) {
  const scores = today?.scores;
  const reasons = today ? ratingReasonCodes.filter((code) => today.reasons[code] > 0) : [];
  return (
    <section className="panel satisfaction" aria-labelledby="satisfaction-title" data-testid="satisfaction-panel">
      <h2 className="panel__title" id="satisfaction-title">
        {t(lang, 'boardSatisfactionTitle')}
        {today && today.ratings > 0 && (
          <span className="panel__aside" data-testid="satisfaction-share">
            {percent(lang, today.satisfiedShare)} · {fill(lang, 'boardRatingsCount', { count: today.ratings })}
          </span>
        )}
      </h2>
      {!today || today.ratings === 0 ? (
        <p className="muted">{t(lang, 'boardSatisfactionNone')}</p>
      ) : (
        <>
          <ul className="satisfaction__scores">
            {ratingChoices.map((choice) => {
              const n = scores?.[scoreKey[choice.score]] ?? 0;
              return (
                <li key={choice.score} className={`satisfaction__score satisfaction__score--${choice.tone}`} data-testid={`satisfaction-${choice.tone}`}>
                  <span>{t(lang, choice.key)}</span>
                  <strong>{n}</strong>
                  <span className="satisfaction__bar" style={{ inlineSize: `${today.ratings ? (n / today.ratings) * 100 : 0}%` }} aria-hidden="true" />
                </li>
              );
            })}
          </ul>
          {reasons.length > 0 && (
            <p className="satisfaction__reasons">
              <span>{t(lang, 'boardSatisfactionReasons')}: </span>
              {reasons.map((code) => `${t(lang, ratingReasonKeys[code])} (${today.reasons[code]})`).join(' · ')}
            </p>
          )}
          <p className="sub">{t(lang, 'boardSatisfactionNote')}</p>
        </>
      )}
    </section>
  );
}
