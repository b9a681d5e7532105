import { t, type Lang } from '@luot/shared';
import { useScreenGuide } from '../assist/assist.ts';
import { ScreenFrame } from '../components/screen-frame.tsx';

interface IssuingScreenProps {
  lang: Lang;
  /** The server did not answer; the same request is being sent again. */
  retrying: boolean;
  onHome: () => void;
}

/** Between the tap and the number: printing can take a few seconds, and nothing here can be tapped twice. */
export function IssuingScreen({ lang, retrying, onHome }: IssuingScreenProps) {
  useScreenGuide({ say: 'issuing' });
  return (
    <ScreenFrame
      lang={lang}
      name="issuing"
      footer={
        retrying && (
          <button type="button" className="button button--back" data-testid="home" onClick={onHome}>
            {t(lang, 'kioskHome')}
          </button>
        )
      }
    >
      <div className={`waiting-message${retrying ? ' waiting-message--retrying' : ''}`} role="status" aria-live="polite">
        <span className="spinner" aria-hidden="true" />
        <p>{t(lang, retrying ? 'kioskIssueRetrying' : 'kioskIssuing')}</p>
      </div>
    </ScreenFrame>
  );
}
