import { PendingRating, RatingReceipt, type CounterRatingBody } from '@luot/shared';
import { request } from '@luot/shared/ui';

export const ratingApi = {
  /** The ticket just finished at this screen's counter, if it still awaits a rating (the server decides). */
  pending: (token: string, signal?: AbortSignal) => request('/api/ratings/pending', PendingRating, { token, signal }),
  send: (token: string, body: CounterRatingBody) => request('/api/ratings', RatingReceipt, { method: 'POST', token, body }),
};

/** Rating mode is asked for in the address (`?counter=3&rating=1`), for a screen facing the citizen. */
export function ratingModeOf(search: string): boolean {
  return new URLSearchParams(search).get('rating') === '1';
}
