import { t, type Lang } from '@luot/shared';
import { useAssist } from './assist.ts';

/**
 * "Nghe hướng dẫn" and "Chữ lớn" on every screen of a citizen's visit, in the same place. Each is a toggle
 * (aria-pressed), filled and ticked while on; the label stays the same so it can be found again to switch off.
 */
export function AssistBar({ lang }: { lang: Lang }) {
  const assist = useAssist();
  if (!assist) return null;
  return (
    <div className="assist-bar" role="group" aria-label={t(lang, 'assistTools')} data-testid="assist-bar">
      <button type="button" className="assist-bar__button" aria-pressed={assist.guideOn} data-testid="assist-listen" onClick={assist.toggleGuide}>
        <SpeakerIcon />
        {t(lang, 'assistListen')}
        <span className="toggle-tick" aria-hidden="true" />
      </button>
      <button type="button" className="assist-bar__button" aria-pressed={assist.largeText} data-testid="assist-large-text" onClick={assist.toggleLargeText}>
        <span className="assist-bar__large-a" aria-hidden="true">
          A<span>A</span>
        </span>
        {t(lang, 'assistLargeText')}
        <span className="toggle-tick" aria-hidden="true" />
      </button>
    </div>
  );
}

/** A loudspeaker with sound waves: drawn, so it needs no icon font and scales with the text. */
function SpeakerIcon() {
  return (
    <svg className="assist-bar__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M3 9h4l5-4v14l-5-4H3z" fill="currentColor" />
      <path d="M15.5 8.5a5 5 0 0 1 0 7M18.5 5.5a9 9 0 0 1 0 13" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}
