import { fill, t, type Lang, type Problem as EntryProblem, type SetupBody, type SetupSheet, type StringKey } from '@luot/shared';
import { useState } from 'react';
import type { ConsoleApi } from '../api/console-api.ts';
import type { ApiFailure } from '../api/http.ts';
import { Problem } from '../components/problem.tsx';
import { initialDraft, proposeCounters, proposeStaff, toBody, type Draft } from './setup-draft.ts';
import { SetupSheetView } from './setup-sheet.tsx';
import { StepCenter, StepFields } from './step-center-fields.tsx';
import { StepCounters, StepDevices, StepStaff } from './step-people-devices.tsx';

const steps = [
  { id: 'center', label: 'setupStepCenter' },
  { id: 'fields', label: 'setupStepFields' },
  { id: 'counters', label: 'setupStepCounters' },
  { id: 'staff', label: 'setupStepStaff' },
  { id: 'devices', label: 'setupStepDevices' },
] as const satisfies readonly { id: string; label: StringKey }[];

/** The step a problem's path belongs to ("/counters/2/fields/0" → counters). */
function stepOf(path: string): number {
  const top = path.split('/')[1] ?? '';
  const index = steps.findIndex((s) => s.id === top);
  return index >= 0 ? index : 0;
}

/** "Quầy số 3", "quay2", "Kiosk 1": the entry a problem points at, as the installer named it. */
function entryOf(body: SetupBody, path: string): string {
  const [, top, i] = path.split('/');
  const n = Number(i);
  if (top === 'fields') return body.fields[n]?.nameVi ?? '';
  if (top === 'counters') return body.counters[n]?.name ?? '';
  if (top === 'staff') return body.staff[n]?.username ?? '';
  if (top === 'devices') return body.devices[n]?.name ?? '';
  return '';
}

/**
 * The first-run setup, shown to an admin instead of the console until the center is set up: five steps kept in
 * the browser, one request at the end, then the printable sheet of passwords and pairing codes.
 */
export function SetupView({ lang, api, onDone }: { lang: Lang; api: ConsoleApi; onDone: () => void }) {
  const [draft, setDraft] = useState<Draft>(initialDraft);
  const [step, setStep] = useState(0);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [sent, setSent] = useState<SetupBody | null>(null);
  const [sheet, setSheet] = useState<SetupSheet | null>(null);

  if (sheet) return <SetupSheetView lang={lang} sheet={sheet} onContinue={onDone} />;

  const onDraft = (change: (d: Draft) => Draft) => setDraft(change);
  const go = (to: number) => {
    // Proposals are made the first time a step opens, from what the steps before it hold.
    setDraft((d) => {
      let next = d;
      if (to >= 2 && next.counters === null) next = { ...next, counters: proposeCounters(next) };
      if (to >= 3 && next.staff === null) next = { ...next, staff: proposeStaff(next.counters ?? []) };
      if (to >= 4 && next.screens === null) next = { ...next, screens: (next.counters ?? []).map((c) => c.number) };
      return next;
    });
    setStep(to);
  };

  const finish = async () => {
    const body = toBody(draft, {
      kiosk: (n) => fill('vi', 'setupKioskName', { n }),
      hall: t('vi', 'setupHallName'),
      screen: (n) => fill('vi', 'setupScreenName', { n }),
    });
    setBusy(true);
    setFailure(null);
    const result = await api.finishSetup(body);
    setBusy(false);
    setSent(body);
    if (result.ok) setSheet(result.body);
    else if (result.kind !== 'unauthorized') setFailure(result);
  };

  const skip = async () => {
    if (!window.confirm(t(lang, 'setupSkipConfirm'))) return;
    const result = await api.skipSetup();
    if (result.ok || (result.kind !== 'network' && result.error.code === 'SETUP_DONE')) onDone();
    else if (result.kind !== 'unauthorized') setFailure(result);
  };

  const problems: EntryProblem[] = failure && failure.kind !== 'network' ? (failure.error.problems ?? []) : [];
  const last = step === steps.length - 1;
  const noField = draft.fields.every((f) => !f.chosen);

  return (
    <section className="setup" aria-labelledby="setup-title" data-testid="setup">
      <header className="setup__head">
        <h2 id="setup-title">{t(lang, 'setupTitle')}</h2>
        <p className="setup__intro">{t(lang, 'setupIntro')}</p>
        <ol className="setup__steps">
          {steps.map((s, i) => (
            <li key={s.id} aria-current={i === step ? 'step' : undefined} className={i < step ? 'setup__step--past' : undefined}>
              <button type="button" className="setup__step" onClick={() => go(i)} disabled={i > 0 && noField} data-testid={`setup-go-${s.id}`}>
                <span className="setup__step-number">{i + 1}</span> {t(lang, s.label)}
              </button>
            </li>
          ))}
        </ol>
      </header>
      <h3 className="setup__step-title">
        {fill(lang, 'setupStep', { n: step + 1, total: steps.length })}: {t(lang, steps[step]?.label ?? 'setupStepCenter')}
      </h3>
      {step === 0 && <StepCenter lang={lang} draft={draft} onDraft={onDraft} />}
      {step === 1 && <StepFields lang={lang} draft={draft} onDraft={onDraft} />}
      {step === 2 && <StepCounters lang={lang} draft={draft} onDraft={onDraft} />}
      {step === 3 && <StepStaff lang={lang} draft={draft} onDraft={onDraft} />}
      {step === 4 && <StepDevices lang={lang} draft={draft} onDraft={onDraft} />}
      {step === 1 && noField && <p className="notice notice--error">{t(lang, 'setupFieldsNone')}</p>}

      <Problem lang={lang} failure={failure} testId="setup-problem" />
      {problems.length > 0 && sent && (
        <div className="setup-problems" role="alert" data-testid="setup-problems">
          <p>{t(lang, 'setupProblems')}</p>
          <ul>
            {problems.map((p) => (
              <li key={`${p.path}/${p.code}`} data-path={p.path}>
                <b>{t(lang, steps[stepOf(p.path)]?.label ?? 'setupStepCenter')}</b>
                {entryOf(sent, p.path) && <> — {entryOf(sent, p.path)}</>}: {p.message[lang]}{' '}
                <button type="button" className="btn btn--small btn--quiet" onClick={() => go(stepOf(p.path))}>
                  {t(lang, 'setupGoFix')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}

      <div className="setup__actions">
        {step > 0 && (
          <button type="button" className="btn" onClick={() => go(step - 1)} data-testid="setup-back">
            {t(lang, 'setupBack')}
          </button>
        )}
        {!last && (
          <button type="button" className="btn btn--primary" onClick={() => go(step + 1)} disabled={step === 1 && noField} data-testid="setup-next">
            {t(lang, 'setupNext')}
          </button>
        )}
        {last && (
          <button type="button" className="btn btn--primary" onClick={() => void finish()} disabled={busy} data-testid="setup-finish">
            {t(lang, busy ? 'setupFinishing' : 'setupFinish')}
          </button>
        )}
        <button type="button" className="btn btn--quiet setup__skip" onClick={() => void skip()} data-testid="setup-skip">
          {t(lang, 'setupSkip')}
        </button>
      </div>
    </section>
  );
}
