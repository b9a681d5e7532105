import { t, type FieldView, type GuideRequest, type Lang } from '@luot/shared';
import { useScreenGuide } from '../assist/assist.ts';
import { ScreenFrame } from '../components/screen-frame.tsx';
import { fieldName } from '../fields/field-tree.ts';
import type { Notice } from '../flow/kiosk-flow.ts';

interface NoticeScreenProps {
  lang: Lang;
  notice: Notice;
  field: FieldView | undefined;
  onRetry: () => void;
  onHome: () => void;
}

/** Why there is no number, in the citizen's language, and the one or two things they can do now. */
const noticeKinds = { FIELD_CLOSED_HOURS: 'closed-hours', FIELD_NOT_ISSUING: 'paused', DAILY_LIMIT_REACHED: 'limit' } as const;

/** What the guidance reads for a notice: the same title and message, built by the server from the code. */
function noticeGuide(notice: Notice): GuideRequest {
  const field = notice.fieldId === null ? {} : { field: notice.fieldId };
  if (notice.code === null) return { say: 'notice', kind: 'unreachable', ...field };
  const kind = noticeKinds[notice.code as keyof typeof noticeKinds] as (typeof noticeKinds)[keyof typeof noticeKinds] | undefined;
  return kind ? { say: 'notice', kind, ...field } : { say: 'notice', kind: 'refused', code: notice.code, ...field };
}

export function NoticeScreen({ lang, notice, field, onRetry, onHome }: NoticeScreenProps) {
  useScreenGuide(noticeGuide(notice));
  return (
    <ScreenFrame lang={lang} name="notice">
      <div className="notice" role="alert">
        <span className="notice__icon" aria-hidden="true">
          !
        </span>
        <h3 className="notice__title" data-testid="notice-title">
          {t(lang, notice.title)}
        </h3>
        {field && <p className="notice__field">{fieldName(field, lang)}</p>}
        <p className="notice__message" data-testid="notice-message">
          {notice.message[lang]}
        </p>
        <div className="notice__actions">
          {notice.retry && (
            <button type="button" className="button button--take" data-testid="retry" onClick={onRetry}>
              {t(lang, 'kioskTryAgain')}
            </button>
          )}
          <button type="button" className="button button--home" data-testid="home" onClick={onHome}>
            {t(lang, 'kioskHome')}
          </button>
        </div>
      </div>
    </ScreenFrame>
  );
}
