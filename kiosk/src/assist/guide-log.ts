/** One piece of guidance as the kiosk asked for it and played it. Times are epoch milliseconds (Date.now()). */
export interface GuideRecord {
  /** What was asked for: 'home', 'field', 'ticket', … (GET /api/voice/guide/<say>). */
  say: string;
  /** The sentence the server read (its X-Voice-Text header), once the audio arrived. */
  text: string | null;
  requestedAt: number;
  startedAt: number | null;
  /** Played to its end. */
  endedAt: number | null;
  /** Cut short: the citizen touched something else, switched guidance off or left. */
  stoppedAt: number | null;
  /** Not played: the server could not make it, or the browser could not decode it. */
  failed: boolean;
}

declare global {
  interface Window {
    /**
     * Test hook: every piece of guidance the kiosk asked for since the page loaded, in order. Read by the
     * browser tests (tests/support/kiosk-page.ts); nothing in the app reads it.
     */
    __luotGuide?: GuideRecord[];
  }
}

export function guideLog(): GuideRecord[] {
  window.__luotGuide ??= [];
  return window.__luotGuide;
}
