import type { Lang } from '@luot/shared';
import type { ReactNode } from 'react';
import type { ApiFailure } from '../api/http.ts';
import { Problem } from '../components/problem.tsx';
import type { Notice } from '../hooks/use-runner.ts';
import { AdminNotice } from './admin-notice.tsx';

interface AdminListTabProps {
  lang: Lang;
  title: string;
  testId: string;
  /** The button that adds an item, top right. */
  add: { label: string; onClick: () => void; testId: string; disabled?: boolean };
  /** What the last change did, then why the list could not be read, above the list. */
  notice: Notice | null;
  failure: ApiFailure | null;
  children: ReactNode;
}

/** The frame every admin list shares: its title and add button, the last change's notice and a read failure. */
export function AdminListTab({ lang, title, testId, add, notice, failure, children }: AdminListTabProps) {
  return (
    <section className="admin-tab" aria-labelledby="tab-title" data-testid={testId}>
      <div className="admin-tab__head">
        <h2 id="tab-title">{title}</h2>
        <button type="button" className="btn btn--primary" disabled={add.disabled} onClick={add.onClick} data-testid={add.testId}>
          {add.label}
        </button>
      </div>
      <AdminNotice lang={lang} notice={notice} />
      <Problem lang={lang} failure={failure} />
      {children}
    </section>
  );
}
