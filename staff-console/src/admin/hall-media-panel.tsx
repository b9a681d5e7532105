import { t, type Lang } from '@luot/shared';
import { useState, type FormEvent } from 'react';
import type { ConsoleApi } from '../api/console-api.ts';
import { Problem } from '../components/problem.tsx';
import { AdminNotice, useAdminNotice } from './admin-notice.tsx';
import { useLoad } from './use-load.ts';

/** Pictures and short videos for the hall board's side panel: upload (checked by the server), see, remove. */
export function HallMediaPanel({ lang, api }: { lang: Lang; api: ConsoleApi }) {
  const list = useLoad('hall-media', api.hallMedia);
  const [notice, say] = useAdminNotice();
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [seconds, setSeconds] = useState(10);
  // A new input after each upload: the chosen file's name stayed beside the button, inviting a second upload.
  const [inputKey, setInputKey] = useState(0);
  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    const result = await api.uploadHallMedia(file, title.trim(), seconds);
    if (result.ok) {
      say.ok(t(lang, 'mediaAdded'));
      setTitle('');
      setFile(null);
      setInputKey((k) => k + 1);
    } else if (result.kind !== 'unauthorized') say.failed(result);
    list.reload();
  };
  const remove = async (id: number) => {
    const result = await api.removeHallMedia(id);
    if (!result.ok && result.kind !== 'unauthorized') say.failed(result);
    list.reload();
  };
  return (
    <section className="admin-tab__part" aria-labelledby="media-title" data-testid="hall-media-admin">
      <h3 id="media-title">{t(lang, 'mediaTitle')}</h3>
      <p className="dialog__body">{t(lang, 'mediaExplain')}</p>
      <AdminNotice lang={lang} notice={notice} />
      <Problem lang={lang} failure={list.failure} />
      <form className="form admin-form" onSubmit={(e) => void add(e)}>
        <label className="form__row">
          {t(lang, 'mediaFile')}
          <input key={inputKey} type="file" required accept="image/png,image/jpeg,image/webp,video/mp4,video/webm" onChange={(e) => setFile(e.target.files?.[0] ?? null)} data-testid="media-file" />
        </label>
        <label className="form__row">
          {t(lang, 'mediaTitleField')}
          <input required maxLength={120} value={title} onChange={(e) => setTitle(e.target.value)} data-testid="media-title" />
        </label>
        <label className="form__row">
          {t(lang, 'mediaSeconds')}
          <input type="number" min={3} max={120} value={seconds} onChange={(e) => setSeconds(Number(e.target.value) || 10)} />
        </label>
        <button type="submit" className="btn btn--primary" disabled={!file} data-testid="media-add">
          {t(lang, 'mediaAdd')}
        </button>
      </form>
      {list.data?.length === 0 && <p className="muted">{t(lang, 'mediaNone')}</p>}
      <ul className="media-list">
        {(list.data ?? []).map((m) => (
          <li key={m.id} data-testid="media-item">
            {m.kind === 'image' ? <img src={m.url} alt={m.title} height={72} /> : <video src={m.url} muted height={72} />}
            <span>{m.title}</span>
            <button type="button" className="btn btn--small" onClick={() => void remove(m.id)}>
              {t(lang, 'adminRemove')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
