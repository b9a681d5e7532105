import { t, type Lang, type PriorityCategory, type RulesBody } from '@luot/shared';
import { useState, type FormEvent } from 'react';
import type { ConsoleApi } from '../api/console-api.ts';
import type { ApiFailure } from '../api/http.ts';
import { Problem } from '../components/problem.tsx';
import { AdminNotice, useAdminNotice } from './admin-notice.tsx';
import { invalidProps, Numbers, Row, text, useFocusInvalid } from './form-bits.tsx';
import { slug } from './slug.ts';
import { useLoad } from './use-load.ts';

/** Queue rules: the priority categories, how priority and normal tickets interleave, recalls, transfers. */
export function RulesTab({ lang, api, onChanged }: { lang: Lang; api: ConsoleApi; onChanged: () => void }) {
  const loaded = useLoad('rules', api.rules);
  if (loaded.data === null) return <Problem lang={lang} failure={loaded.failure} />;
  return <RulesForm key={JSON.stringify(loaded.data)} lang={lang} api={api} rules={loaded.data} onSaved={() => {
        loaded.reload();
        onChanged();
      }} />;
}

function RulesForm({ lang, api, rules, onSaved }: { lang: Lang; api: ConsoleApi; rules: RulesBody; onSaved: () => void }) {
  const [priority, setPriority] = useState(text(rules.interleave.priority));
  const [normal, setNormal] = useState(text(rules.interleave.normal));
  const [maxRecalls, setMaxRecalls] = useState(text(rules.maxRecalls));
  const [keepArrival, setKeepArrival] = useState(rules.keepArrivalOnTransfer);
  const [categories, setCategories] = useState<PriorityCategory[]>(rules.priorityCategories);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [typed, setTyped] = useState<ReadonlySet<string>>(new Set());
  const [notice, say] = useAdminNotice();
  const invalid = new Set([...invalidProps(failure), ...typed]);
  useFocusInvalid(invalid);

  const edit = (index: number, change: Partial<PriorityCategory>) => setCategories((list) => list.map((c, i) => (i === index ? { ...c, ...change } : c)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const numbers = new Numbers();
    const body: RulesBody = {
      interleave: { priority: numbers.int('interleave', priority), normal: numbers.int('interleave', normal) },
      maxRecalls: numbers.int('maxRecalls', maxRecalls),
      keepArrivalOnTransfer: keepArrival,
      priorityCategories: categories.map((c) => ({ code: c.code.trim() || slug(c.nameEn || c.nameVi).replace(/-/g, '_'), nameVi: c.nameVi.trim(), nameEn: c.nameEn.trim() })),
    };
    setTyped(numbers.bad);
    if (numbers.bad.size) return;
    setBusy(true);
    setFailure(null);
    const result = await api.saveRules(body);
    setBusy(false);
    if (result.ok) {
      say.ok(t(lang, 'consoleSaved'));
      onSaved();
    } else if (result.kind !== 'unauthorized') setFailure(result);
  };

  return (
    <section className="admin-tab" aria-labelledby="tab-title" data-testid="admin-rules">
      <div className="admin-tab__head">
        <h2 id="tab-title">{t(lang, 'adminTabRules')}</h2>
      </div>
      <AdminNotice lang={lang} notice={notice} />
      <form className="form admin-form" onSubmit={(e) => void submit(e)} noValidate>
        <div className={`form__row${invalid.has('interleave') ? ' form__row--invalid' : ''}`} data-prop="interleave">
          <span>{t(lang, 'adminRulesInterleave')}</span>
          <span className="inline-inputs">
            {t(lang, 'adminRulesEvery')}
            <input type="number" min={1} max={10} value={priority} onChange={(e) => setPriority(e.target.value)} aria-label={t(lang, 'adminRulesPriorityCount')} />
            {t(lang, 'adminRulesPriorityThen')}
            <input type="number" min={1} max={10} value={normal} onChange={(e) => setNormal(e.target.value)} aria-label={t(lang, 'adminRulesNormalCount')} />
            {t(lang, 'adminRulesNormal')}
          </span>
          <small className="form__hint">{t(lang, 'adminRulesInterleaveHint')}</small>
        </div>
        <Row lang={lang} label="adminRulesMaxRecalls" hint="adminRulesMaxRecallsHint" name="maxRecalls" invalid={invalid}>
          <input type="number" min={0} max={10} value={maxRecalls} onChange={(e) => setMaxRecalls(e.target.value)} />
        </Row>
        <label className="choice__option">
          <input type="checkbox" checked={keepArrival} onChange={(e) => setKeepArrival(e.target.checked)} />
          {t(lang, 'adminRulesKeepArrival')}
        </label>
        <fieldset className={`categories${invalid.has('priorityCategories') ? ' form__row--invalid' : ''}`} data-prop="priorityCategories">
          <legend>{t(lang, 'adminRulesCategories')}</legend>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t(lang, 'adminRulesCode')}</th>
                <th scope="col">{t(lang, 'adminFieldNameVi')}</th>
                <th scope="col">{t(lang, 'adminFieldNameEn')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t(lang, 'boardActions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {categories.map((c, i) => (
                <tr key={i}>
                  <td>
                    <input type="text" value={c.code} onChange={(e) => edit(i, { code: e.target.value })} aria-label={t(lang, 'adminRulesCode')} className="mono" />
                  </td>
                  <td>
                    <input type="text" value={c.nameVi} onChange={(e) => edit(i, { nameVi: e.target.value })} aria-label={t(lang, 'adminFieldNameVi')} />
                  </td>
                  <td>
                    <input type="text" value={c.nameEn} onChange={(e) => edit(i, { nameEn: e.target.value })} aria-label={t(lang, 'adminFieldNameEn')} />
                  </td>
                  <td>
                    <button type="button" className="btn btn--small" onClick={() => setCategories((list) => list.filter((_, j) => j !== i))}>
                      {t(lang, 'adminRemove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" className="btn btn--small" onClick={() => setCategories((list) => [...list, { code: '', nameVi: '', nameEn: '' }])}>
            {t(lang, 'adminRulesAddCategory')}
          </button>
          <small className="form__hint">{t(lang, 'adminRulesCodeHint')}</small>
        </fieldset>
        {typed.size > 0 && <p className="problem problem__text">{t(lang, 'adminNumbersInvalid')}</p>}
        <Problem lang={lang} failure={failure} testId="form-problem" />
        <div>
          <button type="submit" className="btn btn--primary" disabled={busy} data-testid="rules-save">
            {t(lang, 'consoleSave')}
          </button>
        </div>
      </form>
    </section>
  );
}
