/**
 * One announcement as the hall board made it. Times are epoch milliseconds (Date.now()).
 * `source`: `server` = the server's WAV (chime + Vietnamese sentence), `chime` = the browser's fallback.
 * `skipped`: not played, because sound is off for this screen (`muted`) or the call waited too long (`stale`).
 */
export interface AnnouncementRecord {
  number: string;
  counter: number;
  recall: boolean;
  source: 'server' | 'chime' | null;
  skipped: 'muted' | 'stale' | null;
  enqueuedAt: number;
  startedAt: number | null;
  endedAt: number | null;
}

declare global {
  interface Window {
    /**
     * Test hook: every announcement the hall board made since the page loaded, in order. Read by the browser
     * tests (tests/support/display-page.ts) to check that calls are spoken one after the other and that a
     * recall is spoken again. Nothing in the app reads it.
     */
    __luotAnnouncements?: AnnouncementRecord[];
  }
}

export function announcementLog(): AnnouncementRecord[] {
  window.__luotAnnouncements ??= [];
  return window.__luotAnnouncements;
}
