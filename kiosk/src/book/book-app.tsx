import { t, type BookingConfirmation, type BookingOptions } from '@luot/shared';
import { LanguageSwitch, useLang } from '@luot/shared/ui';
import { useEffect, useState } from 'react';
import { bookApi, codeFromHash, dayLabel, hhmm } from './book-api.ts';
import { BookingCard } from './booking-card.tsx';
import { Choice, TimeChoice } from './choice.tsx';
import { DetailsForm } from './details-form.tsx';

type Step = { kind: 'field' } | { kind: 'how'; fieldId: number } | { kind: 'day'; fieldId: number } | { kind: 'time'; fieldId: number; day: string } | { kind: 'details'; fieldId: number; slotAt: number | null };

/**
 * The citizen's booking page on their phone (/book/): a field, then a number for today or a slot on a coming
 * working day, then name and phone. One question per screen, big buttons, Vietnamese first. A link with the
 * booking's code after '#' (/book/#ABCDE-FGHJK) opens that booking, to see, cancel or show at the kiosk.
 */
export function BookApp() {
  const [lang, setLang] = useLang();
  const [options, setOptions] = useState<BookingOptions | null | 'offline'>(null);
  const [step, setStep] = useState<Step>({ kind: 'field' });
  const [done, setDone] = useState<BookingConfirmation | null>(null);
  const [code, setCode] = useState(() => codeFromHash(window.location.hash));

  useEffect(() => {
    void bookApi.options().then((r) => setOptions(r.ok ? r.body : 'offline'));
  }, []);

  const field = (id: number) => (options && options !== 'offline' ? options.fields.find((f) => f.id === id) : undefined);
  const fieldName = (id: number) => (lang === 'vi' ? field(id)?.nameVi : field(id)?.nameEn) ?? '';

  let body: React.ReactNode;
  if (code !== null) body = <BookingCard lang={lang} code={code} confirmation={done} days={options && options !== 'offline' ? options.days : []} onNew={() => { window.location.hash = ''; setDone(null); setCode(null); setStep({ kind: 'field' }); }} />;
  else if (options === null) body = <p className="book__message">{t(lang, 'loading')}</p>;
  else if (options === 'offline') body = <p className="book__message">{t(lang, 'bookOffline')}</p>;
  else if (!options.enabled) body = <p className="book__message" data-testid="book-closed">{t(lang, 'bookClosed')}</p>;
  else if (step.kind === 'field')
    body = (
      <Choice title={t(lang, 'bookChooseField')}>
        {options.fields.map((f) => (
          <button key={f.id} type="button" className="book__choice" data-testid={`book-field-${f.prefix}`} onClick={() => setStep({ kind: 'how', fieldId: f.id })}>
            {lang === 'vi' ? f.nameVi : f.nameEn}
          </button>
        ))}
      </Choice>
    );
  else if (step.kind === 'how')
    body = (
      <Choice title={t(lang, 'bookHowTitle')} subtitle={fieldName(step.fieldId)} onBack={() => setStep({ kind: 'field' })} lang={lang}>
        <button type="button" className="book__choice" data-testid="book-remote" onClick={() => setStep({ kind: 'details', fieldId: step.fieldId, slotAt: null })}>
          {t(lang, 'bookRemote')}
          <small>{t(lang, 'bookRemoteHint')}</small>
        </button>
        <button type="button" className="book__choice" data-testid="book-slot" onClick={() => setStep({ kind: 'day', fieldId: step.fieldId })}>
          {t(lang, 'bookSlot')}
          <small>{t(lang, 'bookSlotHint')}</small>
        </button>
      </Choice>
    );
  else if (step.kind === 'day')
    body = (
      <Choice title={t(lang, 'bookChooseDay')} subtitle={fieldName(step.fieldId)} onBack={() => setStep({ kind: 'how', fieldId: step.fieldId })} lang={lang}>
        {options.days.length === 0 && <p className="book__message">{t(lang, 'bookNoDays')}</p>}
        {options.days.map((day) => (
          <button key={day} type="button" className="book__choice" data-testid={`book-day-${day}`} onClick={() => setStep({ kind: 'time', fieldId: step.fieldId, day })}>
            {dayLabel(day, lang)}
          </button>
        ))}
      </Choice>
    );
  else if (step.kind === 'time') body = <TimeChoice lang={lang} fieldId={step.fieldId} day={step.day} subtitle={fieldName(step.fieldId)} onBack={() => setStep({ kind: 'day', fieldId: step.fieldId })} onPick={(slotAt) => setStep({ kind: 'details', fieldId: step.fieldId, slotAt })} />;
  else
    body = (
      <DetailsForm
        lang={lang}
        options={options}
        fieldId={step.fieldId}
        slotAt={step.slotAt}
        summary={step.slotAt === null ? `${fieldName(step.fieldId)} — ${t(lang, 'bookRemote')}` : `${fieldName(step.fieldId)} — ${hhmm(step.slotAt)}, ${dayLabel(new Date(step.slotAt + 7 * 3_600_000).toISOString().slice(0, 10), lang)}`}
        onBack={() => setStep(step.slotAt === null ? { kind: 'how', fieldId: step.fieldId } : { kind: 'day', fieldId: step.fieldId })}
        onDone={(c) => {
          setDone(c);
          window.location.hash = c.code;
          setCode(c.code);
        }}
      />
    );

  return (
    <main className="book" data-testid="book-page">
      <header className="book__top">
        <h1 className="book__title">{t(lang, 'bookTitle')}</h1>
        <LanguageSwitch lang={lang} onChange={setLang} />
      </header>
      {options && options !== 'offline' && <p className="book__center">{options.centerName}</p>}
      {body}
    </main>
  );
}
