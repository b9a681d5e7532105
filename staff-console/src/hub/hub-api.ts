import {
  HubCenterBoard,
  HubCenterKey,
  HubCenterView,
  HubLoginResponse,
  HubMe,
  HubStaffView,
  HubStaffWithPassword,
  ProvinceBoard,
  Report,
  SyncPosition,
  type HubRankBy,
  type HubRole,
} from '@luot/shared';
import { Type, type Static, type TSchema } from 'typebox';
import { queryString, requestFile, type DownloadedFile } from '../api/file-request.ts';
import { request, type ApiResult, type RequestOptions } from '../api/http.ts';
import type { SelectionQuery } from '../reports/report-selection.ts';

export function hubLogin(username: string, password: string): Promise<ApiResult<HubLoginResponse>> {
  return request('/api/auth/login', HubLoginResponse, { method: 'POST', body: { username, password } });
}

/** The filters a hub report adds to a selection: one center, a ranking. */
export interface HubReportFilters {
  centerId: number | null;
  rankBy: HubRankBy | null;
}

const Anything = Type.Unknown();

/** The province hub's API for one signed-in session; a 401 anywhere returns to sign-in. */
export class HubApi {
  constructor(
    readonly token: string,
    private readonly onUnauthorized: () => void,
  ) {}

  private async call<S extends TSchema>(path: string, schema: S, options: Omit<RequestOptions, 'token'> = {}): Promise<ApiResult<Static<S>>> {
    const result = await request(path, schema, { ...options, token: this.token });
    if (!result.ok && result.kind === 'unauthorized') this.onUnauthorized();
    return result;
  }

  me = () => this.call('/api/auth/me', HubMe);
  logout = () => this.call('/api/auth/logout', Anything, { method: 'POST' });
  board = () => this.call('/api/hub/board', ProvinceBoard);
  centerBoard = (id: number) => this.call(`/api/hub/centers/${id}/board`, HubCenterBoard);
  centers = () => this.call('/api/hub/centers', Type.Array(HubCenterView));
  registerCenter = (code: string, name: string) => this.call('/api/hub/centers', HubCenterKey, { method: 'POST', body: { code, name } });
  newKey = (id: number) => this.call(`/api/hub/centers/${id}/key`, HubCenterKey, { method: 'POST' });
  revokeKey = (id: number) => this.call(`/api/hub/centers/${id}/key`, HubCenterView, { method: 'DELETE' });
  resync = (id: number) => this.call(`/api/hub/centers/${id}/resync`, SyncPosition, { method: 'POST' });
  staff = () => this.call('/api/hub/staff', Type.Array(HubStaffView));
  createStaff = (username: string, name: string, role: HubRole) => this.call('/api/hub/staff', HubStaffWithPassword, { method: 'POST', body: { username, name, role } });
  updateStaff = (id: number, body: { name: string; role: HubRole; active: boolean }) => this.call(`/api/hub/staff/${id}`, HubStaffView, { method: 'PUT', body });
  resetPassword = (id: number) => this.call(`/api/hub/staff/${id}/reset-password`, HubStaffWithPassword, { method: 'POST' });

  /** Reports in the shape the shared reports screen asks for, with the hub's own filters added. */
  reports(filters: HubReportFilters) {
    const extra = { centerId: filters.centerId === null ? undefined : String(filters.centerId), rankBy: filters.rankBy ?? undefined };
    return {
      report: (query: SelectionQuery) => this.call(`/api/hub/reports${queryString({ ...query, ...extra })}`, Report, { timeoutMs: 60_000 }),
      reportFile: async (format: 'xlsx' | 'csv', query: SelectionQuery & { lang: 'vi' | 'en' }): Promise<ApiResult<DownloadedFile>> => {
        const result = await requestFile(`/api/hub/reports/export.${format}${queryString({ ...query, ...extra })}`, this.token, 120_000);
        if (!result.ok && result.kind === 'unauthorized') this.onUnauthorized();
        return result;
      },
    };
  }
}
