import { t, type Lang } from '@luot/shared';

/**
 * Shown over the screen while the server is unreachable: the numbers behind it may be out of date,
 * and whoever looks must know that rather than wait for a number that was already called.
 */
export function ConnectionBanner({ lang }: { lang: Lang }) {
  return (
    <div className="link-lost" role="alert" data-testid="connection-lost">
      <strong className="link-lost__title">{t(lang, 'connectionLost')}</strong>
      <span className="link-lost__hint">{t(lang, 'connectionLostHint')}</span>
    </div>
  );
}
