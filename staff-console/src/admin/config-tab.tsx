import { fill, t, type Lang, type PairingEntry } from '@luot/shared';
import { useState, type ChangeEvent } from 'react';
import type { ConsoleApi } from '../api/console-api.ts';
import type { ApiFailure } from '../api/http.ts';
import { Problem } from '../components/problem.tsx';
import { saveFile } from '../reports/save-file.ts';
import { AdminNotice, useAdminNotice } from './admin-notice.tsx';

/** The set-up as one file: download it, or import one (a province's model center, a copy kept aside). */
export function ConfigTab({ lang, api, onChanged }: { lang: Lang; api: ConsoleApi; onChanged: () => void }) {
  const [notice, say] = useAdminNotice();
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [pairing, setPairing] = useState<PairingEntry[]>([]);
  const [busy, setBusy] = useState(false);

  const download = async () => {
    const result = await api.configFile();
    if (result.ok) saveFile(result.body.blob, result.body.fileName ?? 'luot-config.json');
    else if (result.kind !== 'unauthorized') say.failed(result);
  };

  const pick = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setFailure(null);
    setPairing([]);
    say.clear();
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      say.ok(t(lang, 'configNotJson'));
      return;
    }
    setBusy(true);
    const result = await api.importConfig(parsed);
    setBusy(false);
    if (result.ok) {
      const r = result.body;
      const total = (b: { created: number; updated: number }) => b.created + b.updated;
      say.ok(fill(lang, 'configImported', { fields: total(r.fields), counters: total(r.counters), printers: total(r.printers), devices: total(r.devices) }));
      setPairing(r.pairing);
      onChanged();
    } else if (result.kind !== 'unauthorized') setFailure(result);
  };

  const problems = failure && failure.kind !== 'network' ? (failure.error.problems ?? []) : [];
  return (
    <section className="admin-tab" aria-labelledby="tab-title" data-testid="admin-config">
      <div className="admin-tab__head">
        <h2 id="tab-title">{t(lang, 'adminTabConfig')}</h2>
      </div>
      <p>{t(lang, 'configIntro')}</p>
      <AdminNotice lang={lang} notice={notice} />
      <div className="setup__actions">
        <button type="button" className="btn btn--primary" onClick={() => void download()} data-testid="config-export">
          {t(lang, 'configExport')}
        </button>
        <label className="btn">
          {t(lang, 'configImport')}
          <input type="file" accept="application/json,.json" hidden disabled={busy} onChange={(e) => void pick(e)} data-testid="config-import" />
        </label>
      </div>
      <p className="form__hint">{t(lang, 'configImportHint')}</p>
      <Problem lang={lang} failure={failure} testId="config-problem" />
      {problems.length > 0 && (
        <ul className="setup-problems" data-testid="config-problems">
          {problems.map((p) => (
            <li key={`${p.path}/${p.code}`}>
              <code>{p.path}</code>: {p.message[lang]}
            </li>
          ))}
        </ul>
      )}
      {pairing.length > 0 && (
        <table className="admin-table" data-testid="config-pairing">
          <thead>
            <tr>
              <th scope="col">{t(lang, 'setupSheetDevices')}</th>
              <th scope="col">{t(lang, 'setupSheetCode')}</th>
            </tr>
          </thead>
          <tbody>
            {pairing.map((d) => (
              <tr key={`${d.kind}/${d.name}`}>
                <td>{d.name}</td>
                <td className="mono secret">{d.pairingCode}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
