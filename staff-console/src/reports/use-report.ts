import type { Report } from '@luot/shared';
import { useEffect, useState } from 'react';
import type { AnyReportGroupBy } from '@luot/shared';
import type { DownloadedFile } from '../api/file-request.ts';
import type { ApiFailure, ApiResult } from '../api/http.ts';
import { parseSelection, selectionPath, selectionQuery, type ReportSelection, type SelectionQuery } from './report-selection.ts';

/** Where reports come from: the center's own API, or the province hub's (which adds its filters to the query). */
export interface ReportSource {
  report(query: SelectionQuery): Promise<ApiResult<Report>>;
  reportFile(format: 'xlsx' | 'csv', query: SelectionQuery & { lang: 'vi' | 'en' }): Promise<ApiResult<DownloadedFile>>;
}

export interface LoadedReport {
  /** The last report received; kept while the next one loads, so the screen does not flash empty. */
  report: Report | null;
  /** True from a new selection until the server answers it. */
  loading: boolean;
  /** Why the last selection has no report; its old figures are not shown beside the error. */
  failure: ApiFailure | null;
}

interface Answer {
  key: string;
  report: Report | null;
  failure: ApiFailure | null;
}

/** GET /api/reports for the selection, again whenever the selection changes. */
export function useReport(api: ReportSource, selection: ReportSelection, among?: readonly AnyReportGroupBy[]): LoadedReport {
  const key = selectionPath(selection);
  const [answer, setAnswer] = useState<Answer | null>(null);

  useEffect(() => {
    let cancelled = false;
    // Read back from the key, so a new selection object with the same content does not fetch again.
    void api.report(selectionQuery(parseSelection(key.split('/'), among))).then((result) => {
      if (cancelled) return;
      if (result.ok) setAnswer({ key, report: result.body, failure: null });
      else if (result.kind !== 'unauthorized') setAnswer({ key, report: null, failure: result });
    });
    return () => {
      cancelled = true;
    };
  }, [api, key, among]);

  return { report: answer?.report ?? null, loading: answer?.key !== key, failure: answer?.key === key ? answer.failure : null };
}
