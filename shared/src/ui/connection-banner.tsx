import { t, type Lang, type StringKey } from '../i18n.ts';

interface ConnectionBannerProps {
  lang: Lang;
  /** The kiosk speaks to a citizen waiting at it; the screens to whoever looks from across the hall. */
  title?: StringKey;
  hint?: StringKey;
  /** The block's class (its parts are `__title` and `__hint`) and test id, each app styling its own. */
  block?: string;
  testId?: string;
}

/**
 * Shown over a device's screen while the server is unreachable: what is behind it may be out of date, and
 * whoever looks must know that rather than wait for a number already called. It goes by itself when the link returns.
 */
export function ConnectionBanner({ lang, title = 'connectionLost', hint = 'connectionLostHint', block = 'link-lost', testId = 'connection-lost' }: ConnectionBannerProps) {
  return (
    <div className={block} role="alert" data-testid={testId}>
      <strong className={`${block}__title`}>{t(lang, title)}</strong>
      <span className={`${block}__hint`}>{t(lang, hint)}</span>
    </div>
  );
}
