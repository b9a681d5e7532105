import type { Lang } from '@luot/shared';
import { useState } from 'react';
import type { ApiFailure } from '../api/http.ts';
import { NoticeLine } from '../components/notice-line.tsx';
import type { Notice } from '../hooks/use-runner.ts';

/** What the last change did (or why it was refused), shown above the list it changed. */
export function useAdminNotice(): [Notice | null, { ok: (text: string) => void; failed: (failure: ApiFailure) => void; clear: () => void }] {
  const [notice, setNotice] = useState<Notice | null>(null);
  return [
    notice,
    {
      ok: (text) => setNotice({ tone: 'ok', text }),
      failed: (failure) => setNotice({ tone: 'error', failure }),
      clear: () => setNotice(null),
    },
  ];
}

export function AdminNotice({ lang, notice }: { lang: Lang; notice: Notice | null }) {
  return <NoticeLine lang={lang} notice={notice} testId="admin-notice" />;
}
