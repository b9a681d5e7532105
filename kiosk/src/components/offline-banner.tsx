import { t, type Lang } from '@luot/shared';

/** Shown while the server cannot be reached; it disappears by itself when the link returns. */
export function OfflineBanner({ lang }: { lang: Lang }) {
  return (
    <div className="offline-banner" role="alert" data-testid="offline-banner">
      <strong className="offline-banner__title">{t(lang, 'kioskOffline')}</strong>
      <span className="offline-banner__hint">{t(lang, 'kioskOfflineHint')}</span>
    </div>
  );
}
