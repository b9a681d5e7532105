import type { CounterView, Lang } from '@luot/shared';
import { RatingScreen } from './rating-screen.tsx';
import { useRatingPrompt } from './use-rating-prompt.ts';
import './rating.css';

/** Rating mode of a counter screen: idle it shows the counter as usual; after a finished visit it asks. */
export function RatingOverlay({ lang, token, counter, rated }: { lang: Lang; token: string | null; counter: CounterView | null; rated: readonly number[] }) {
  const [ticketId, close] = useRatingPrompt(token, counter);
  if (ticketId === null || token === null) return null;
  return <RatingScreen key={ticketId} lang={lang} token={token} ticketId={ticketId} ratedElsewhere={rated.includes(ticketId)} onClose={close} />;
}
