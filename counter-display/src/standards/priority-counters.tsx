import { fill, t, type CounterView, type Lang } from '@luot/shared';

/**
 * The hall board's line naming the counters reserved for priority citizens (Decree 107/2021), so an elderly
 * citizen knows where to go before the number is even called. Nothing when the center has none.
 */
export function PriorityCounters({ lang, counters }: { lang: Lang; counters: readonly CounterView[] }) {
  const reserved = counters.filter((c) => c.priorityMode !== undefined && c.priorityMode !== 'mixed').map((c) => c.number);
  if (reserved.length === 0) return null;
  return (
    <p className="hall-priority" data-testid="hall-priority-counters">
      <span className="hall-priority__mark" aria-hidden="true">
        ★
      </span>
      <span>
        <strong>{fill(lang, 'hallPriorityCounters', { numbers: reserved.join(', ') })}</strong>
        <span className="hall-priority__who">{t(lang, 'priorityWho')}</span>
      </span>
    </p>
  );
}

/** On the counter's own screen: the same reservation, in the counter's words. */
export function PriorityBadge({ lang, counter }: { lang: Lang; counter: CounterView }) {
  if (counter.priorityMode === undefined || counter.priorityMode === 'mixed') return null;
  return (
    <p className="counter-priority" data-testid="counter-priority" data-mode={counter.priorityMode}>
      <strong>{t(lang, counter.priorityMode === 'priority_only' ? 'counterPriorityOnly' : 'counterPriorityFirst')}</strong>
      <span>{t(lang, 'priorityWho')}</span>
    </p>
  );
}
