import { fill, t, type Lang, type SlotList } from '@luot/shared';
import type { ApiFailure } from '@luot/shared/ui';
import { useEffect, useState } from 'react';
import { bookApi, dayLabel } from './book-api.ts';

/** One question per screen with big answer buttons, and the slot picker (new bookings and changing the time). */

export function Choice({ title, subtitle, children, onBack, lang }: { title: string; subtitle?: string; children: React.ReactNode; onBack?: () => void; lang?: Lang }) {
  return (
    <section className="book__step">
      {subtitle && <p className="book__subtitle">{subtitle}</p>}
      <h2 className="book__question">{title}</h2>
      <div className="book__choices">{children}</div>
      {onBack && lang && (
        <button type="button" className="book__back" onClick={onBack}>
          {t(lang, 'bookBack')}
        </button>
      )}
    </section>
  );
}

export function TimeChoice({ lang, fieldId, day, subtitle, onBack, onPick, current }: { lang: Lang; fieldId: number; day: string; subtitle: string; onBack: () => void; onPick: (slotAt: number) => void; current?: number }) {
  const [list, setList] = useState<SlotList | ApiFailure | null>(null);
  useEffect(() => {
    void bookApi.slots(fieldId, day).then((r) => setList(r.ok ? r.body : r));
  }, [fieldId, day]);
  return (
    <Choice title={t(lang, 'bookChooseTime')} subtitle={`${subtitle} — ${dayLabel(day, lang)}`} onBack={onBack} lang={lang}>
      {list === null && <p className="book__message">{t(lang, 'loading')}</p>}
      {list !== null && 'ok' in list && <p className="book__message">{list.kind === 'refused' ? list.error.message[lang] : t(lang, 'bookOffline')}</p>}
      {list !== null && 'slots' in list && (
        <div className="book__times">
          {list.slots.map((s) => (
            <button key={s.at} type="button" className="book__time" disabled={s.left === 0 || s.at === current} aria-current={s.at === current || undefined} data-testid={`book-time-${s.time}`} onClick={() => onPick(s.at)}>
              <span className="book__time-hour">{s.time}</span>
              <small>{s.at === current ? t(lang, 'bookCurrentTime') : s.left === 0 ? t(lang, 'bookFull') : fill(lang, 'bookLeft', { count: s.left })}</small>
            </button>
          ))}
        </div>
      )}
    </Choice>
  );
}
