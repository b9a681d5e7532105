import type { CallView } from '@luot/shared';
import { callKey } from './display-model.ts';

/** A call missed during an outage is still worth announcing if it is this recent; older ones are history. */
const missedWindowMs = 60_000;

/**
 * Remembers which calls this screen has already shown, so that a call made while the screen was
 * reconnecting (it arrives only inside the next snapshot) is announced once, and old calls never are.
 */
export class CallTracker {
  private readonly known = new Set<string>();
  private newestAt = 0;
  private primed = false;

  /** A call from a delta: true when it is new to this screen. */
  fresh(call: CallView): boolean {
    const key = callKey(call);
    if (this.known.has(key)) return false;
    this.remember(call, key);
    return true;
  }

  /**
   * Calls from a snapshot. The first snapshot this screen ever sees sets what is known (a board switched on
   * mid-morning does not read out the morning); later ones return the calls made since, oldest first.
   */
  missed(calls: readonly CallView[], serverNow: number): CallView[] {
    const wasPrimed = this.primed;
    const newestBefore = this.newestAt;
    this.primed = true;
    const missed: CallView[] = [];
    for (const call of [...calls].sort((a, b) => Date.parse(a.at) - Date.parse(b.at))) {
      const key = callKey(call);
      if (this.known.has(key)) continue;
      this.remember(call, key);
      const at = Date.parse(call.at);
      // At the same instant as the newest call heard is still new (its key is unknown): two counters can call in
      // the same millisecond, and a held test clock calls everything at one instant.
      if (wasPrimed && at >= newestBefore && serverNow - at < missedWindowMs) missed.push(call);
    }
    return missed;
  }

  private remember(call: CallView, key: string): void {
    this.known.add(key);
    this.newestAt = Math.max(this.newestAt, Date.parse(call.at));
    // A day of calls is a few thousand keys at most; trim anyway so a board left on for months stays small.
    if (this.known.size > 5_000) {
      const oldest = this.known.values().next();
      if (!oldest.done) this.known.delete(oldest.value);
    }
  }
}
