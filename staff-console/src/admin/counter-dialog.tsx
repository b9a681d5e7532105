import { type AdminCounter, type AdminField, type CounterBody, type FieldPolicy, fill, type Lang, type PriorityMode, t } from '@luot/shared';
import { useState, type FormEvent } from 'react';
import type { ConsoleApi } from '../api/console-api.ts';
import type { ApiFailure } from '../api/http.ts';
import { Dialog } from '../components/dialog.tsx';
import { Problem } from '../components/problem.tsx';
import { leafFields } from '../text/names.ts';
import { invalidProps, Numbers, Row, text, useFocusInvalid } from './form-bits.tsx';

interface CounterDialogProps {
  lang: Lang;
  api: ConsoleApi;
  /** null: a new counter. */
  counter: AdminCounter | null;
  counters: readonly AdminCounter[];
  fields: readonly AdminField[];
  onSaved: (message: string) => void;
  onClose: () => void;
}

const priorityModes = [
  ['mixed', 'adminPriorityMixed'],
  ['priority_then_normal', 'adminPriorityThenNormal'],
  ['priority_only', 'adminPriorityOnly'],
] as const satisfies ReadonlyArray<readonly [PriorityMode, string]>;

interface Served {
  fieldId: number;
  weight: string;
}

/** Creating or editing a counter: its number and name, the fields it serves in order, and how it picks among them. */
export function CounterDialog({ lang, api, counter, counters, fields, onSaved, onClose }: CounterDialogProps) {
  const nextNumber = Math.max(0, ...counters.map((c) => c.number)) + 1;
  const [number, setNumber] = useState(text(counter?.number ?? nextNumber));
  const [name, setName] = useState(counter?.name ?? fill('vi', 'consoleCounterNumber', { number: nextNumber }));
  const [nameTouched, setNameTouched] = useState(counter !== null);
  const [policy, setPolicy] = useState<FieldPolicy>(counter?.policy ?? 'order');
  const [priorityMode, setPriorityMode] = useState<PriorityMode>(counter?.priorityMode ?? 'mixed');
  const [served, setServed] = useState<Served[]>(counter?.fields.map((f) => ({ fieldId: f.fieldId, weight: String(f.weight) })) ?? []);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [typed, setTyped] = useState<ReadonlySet<string>>(new Set());
  const choices = leafFields(fields.filter((f) => f.active));
  const invalid = new Set([...invalidProps(failure), ...typed]);
  useFocusInvalid(invalid);
  const label = (id: number) => {
    const f = fields.find((x) => x.id === id);
    return f ? `${f.prefix} · ${lang === 'vi' ? f.nameVi : f.nameEn}` : String(id);
  };

  const toggle = (fieldId: number, on: boolean) =>
    setServed((list) => (on ? [...list, { fieldId, weight: '1' }] : list.filter((s) => s.fieldId !== fieldId)));
  const move = (index: number, by: -1 | 1) =>
    setServed((list) => {
      const next = [...list];
      const [item] = next.splice(index, 1);
      if (item) next.splice(index + by, 0, item);
      return next;
    });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const numbers = new Numbers();
    const body: CounterBody = {
      number: numbers.int('number', number),
      name: name.trim(),
      policy,
      priorityMode,
      fields: served.map((s) => ({ fieldId: s.fieldId, weight: numbers.int('fields', s.weight) })),
    };
    setTyped(numbers.bad);
    if (numbers.bad.size) return;
    setBusy(true);
    const result = counter ? await api.updateCounter(counter.id, body) : await api.createCounter(body);
    setBusy(false);
    if (result.ok) onSaved(fill(lang, counter ? 'adminCounterUpdated' : 'adminCounterCreated', { name: body.name }));
    else setFailure(result);
  };

  return (
    <Dialog title={t(lang, counter ? 'adminCounterEdit' : 'adminCounterNew')} onClose={onClose} testId="counter-dialog" wide>
      <form className="form form--grid" onSubmit={(e) => void submit(e)} noValidate>
        <Row lang={lang} label="adminCounterNumber" name="number" invalid={invalid}>
          <input
            type="number"
            min={1}
            max={999}
            value={number}
            onChange={(e) => {
              setNumber(e.target.value);
              if (!nameTouched) setName(fill('vi', 'consoleCounterNumber', { number: e.target.value }));
            }}
            data-autofocus
            data-testid="counter-number"
          />
        </Row>
        <Row lang={lang} label="adminCounterName" hint="adminCounterNameHint" name="name" invalid={invalid}>
          <input
            type="text"
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              setNameTouched(true);
            }}
            data-testid="counter-name"
          />
        </Row>
        <fieldset className={`choice form__wide${invalid.has('fields') ? ' form__row--invalid' : ''}`} data-prop="fields">
          <legend>{t(lang, 'adminCounterFields')}</legend>
          {choices.map((f) => (
            <label key={f.id} className="choice__option">
              <input
                type="checkbox"
                checked={served.some((s) => s.fieldId === f.id)}
                onChange={(e) => toggle(f.id, e.target.checked)}
                data-testid="counter-field"
                data-code={f.code}
              />
              {label(f.id)}
            </label>
          ))}
        </fieldset>
        {served.length > 0 && (
          <div className="form__wide">
            <p className="form__label">{t(lang, policy === 'order' ? 'adminCounterOrderHint' : 'adminCounterWeightsHint')}</p>
            <ol className="served-list">
              {served.map((s, i) => (
                <li key={s.fieldId} className="served-list__item">
                  <span className="served-list__name">{label(s.fieldId)}</span>
                  {policy === 'weights' && (
                    <input
                      type="number"
                      min={1}
                      max={100}
                      value={s.weight}
                      aria-label={t(lang, 'adminCounterWeight')}
                      onChange={(e) => setServed((list) => list.map((x) => (x.fieldId === s.fieldId ? { ...x, weight: e.target.value } : x)))}
                    />
                  )}
                  <button type="button" className="btn btn--small" disabled={i === 0} onClick={() => move(i, -1)} aria-label={t(lang, 'adminMoveUp')}>
                    ↑
                  </button>
                  <button type="button" className="btn btn--small" disabled={i === served.length - 1} onClick={() => move(i, 1)} aria-label={t(lang, 'adminMoveDown')}>
                    ↓
                  </button>
                </li>
              ))}
            </ol>
          </div>
        )}
        <fieldset className="choice form__wide">
          <legend>{t(lang, 'adminCounterPolicy')}</legend>
          <label className="choice__option">
            <input type="radio" name="policy" checked={policy === 'order'} onChange={() => setPolicy('order')} />
            {t(lang, 'adminPolicyOrder')}
          </label>
          <label className="choice__option">
            <input type="radio" name="policy" checked={policy === 'weights'} onChange={() => setPolicy('weights')} />
            {t(lang, 'adminPolicyWeights')}
          </label>
        </fieldset>
        <fieldset className="choice form__wide" data-testid="counter-priority-mode">
          <legend>{t(lang, 'adminCounterPriority')}</legend>
          {priorityModes.map(([mode, words]) => (
            <label key={mode} className="choice__option">
              <input type="radio" name="priorityMode" value={mode} checked={priorityMode === mode} onChange={() => setPriorityMode(mode)} />
              {t(lang, words)}
            </label>
          ))}
        </fieldset>
        <div className="form__wide">
          {typed.size > 0 && <p className="problem problem__text">{t(lang, 'adminNumbersInvalid')}</p>}
          <Problem lang={lang} failure={failure} testId="form-problem" />
        </div>
        <div className="dialog__actions form__wide">
          <button type="button" className="btn" onClick={onClose}>
            {t(lang, 'consoleCancel')}
          </button>
          <button type="submit" className="btn btn--primary" disabled={busy} data-testid="counter-save">
            {t(lang, 'consoleSave')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
