import { t, type Lang } from '@luot/shared';
import { useState } from 'react';
import type { ConsoleApi } from '../api/console-api.ts';
import { Problem } from '../components/problem.tsx';
import { AdminNotice, useAdminNotice } from './admin-notice.tsx';
import { useLoad } from './use-load.ts';

/** Whether the hall board adds the English sentence after the Vietnamese call. */
export function VoiceTab({ lang, api }: { lang: Lang; api: ConsoleApi }) {
  const loaded = useLoad('voice', api.voice);
  const [busy, setBusy] = useState(false);
  const [notice, say] = useAdminNotice();

  const set = async (english: boolean) => {
    setBusy(true);
    const result = await api.saveVoice({ english });
    setBusy(false);
    if (result.ok) say.ok(t(lang, 'consoleSaved'));
    else if (result.kind !== 'unauthorized') say.failed(result);
    loaded.reload();
  };

  return (
    <section className="admin-tab" aria-labelledby="tab-title" data-testid="admin-voice">
      <div className="admin-tab__head">
        <h2 id="tab-title">{t(lang, 'adminTabVoice')}</h2>
      </div>
      <AdminNotice lang={lang} notice={notice} />
      <Problem lang={lang} failure={loaded.failure} />
      {loaded.data && (
        <div className="form admin-form">
          <p className="dialog__body">{t(lang, 'adminVoiceExplain')}</p>
          <label className="choice__option">
            <input type="checkbox" checked={loaded.data.english} disabled={busy} onChange={(e) => void set(e.target.checked)} data-testid="voice-english" />
            {t(lang, 'adminVoiceEnglish')}
          </label>
        </div>
      )}
    </section>
  );
}
