import { t, type Lang } from '@luot/shared';
import { ScreenFrame } from '../components/screen-frame.tsx';

/** Until the kiosk knows its token and the center's fields. */
export function StartingScreen({ lang }: { lang: Lang }) {
  return (
    <ScreenFrame lang={lang} name="starting">
      <div className="waiting-message" role="status">
        <span className="spinner" aria-hidden="true" />
        <p>{t(lang, 'kioskStarting')}</p>
      </div>
    </ScreenFrame>
  );
}
