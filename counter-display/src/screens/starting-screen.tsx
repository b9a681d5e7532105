import { t, type Lang } from '@luot/shared';

/** Between the token and the first snapshot; usually a fraction of a second. */
export function StartingScreen({ lang, message }: { lang: Lang; message?: string }) {
  return (
    <div className="starting" data-testid="display-starting">
      <p className="starting__text">{message ?? t(lang, 'displayStarting')}</p>
    </div>
  );
}
