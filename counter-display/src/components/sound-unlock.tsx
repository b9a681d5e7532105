import { t, type Lang } from '@luot/shared';

/** The browser refused to play sound on its own: one touch anywhere lets the board read out the calls. */
export function SoundUnlock({ lang, onUnlock }: { lang: Lang; onUnlock: () => void }) {
  return (
    <button type="button" className="sound-unlock" data-testid="sound-unlock" onClick={onUnlock}>
      {/* Drawn, not an emoji: the screen's fonts may have no emoji. */}
      <svg className="sound-unlock__icon" viewBox="0 0 24 24" aria-hidden="true">
        <path d="M3 9v6h4l5 4V5L7 9H3z" fill="currentColor" />
        <path d="M15.5 8.5a5 5 0 0 1 0 7M18.5 5.5a9 9 0 0 1 0 13" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      </svg>
      <strong className="sound-unlock__title">{t(lang, 'displaySoundUnlock')}</strong>
      <span className="sound-unlock__hint">{t(lang, 'displaySoundUnlockHint')}</span>
    </button>
  );
}
