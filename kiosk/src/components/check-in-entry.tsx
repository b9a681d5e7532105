import { t, type Lang } from '@luot/shared';

/**
 * The booked citizen's way in, in the top bar of the home screen: a light button on the dark bar, a question they
 * recognise ("Đã đặt lịch hẹn?") over what to do, so it reads as meant for them and not for everyone.
 */
export function CheckInEntry({ lang, onPress }: { lang: Lang; onPress: () => void }) {
  return (
    <button type="button" className="check-in-entry" data-testid="check-in" onClick={onPress}>
      <span className="check-in-entry__ask">{t(lang, 'kioskCheckInAsk')}</span>
      <span className="check-in-entry__act">{t(lang, 'kioskCheckInAct')}</span>
    </button>
  );
}
