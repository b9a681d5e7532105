import { ratingChoices, ratingReasonKeys, t, type CounterView, type FieldView, type Lang, type PriorityCategory, type StringKey, type TicketEvent, type TicketStatus } from '@luot/shared';
import { fill } from '../text/fill.ts';
import { fieldName, priorityName } from '../text/names.ts';

export const statusKey: Record<TicketStatus, StringKey> = {
  waiting: 'statusWaiting',
  called: 'statusCalled',
  serving: 'statusServing',
  held: 'statusHeld',
  done: 'statusDone',
  no_show: 'statusNoShow',
  cancelled: 'statusCancelled',
};

interface Names {
  lang: Lang;
  fields: readonly FieldView[];
  counters: readonly CounterView[];
  categories: readonly PriorityCategory[];
}

/** One event as a sentence and the lines under it (notes, dossier code, who). */
export function eventWords(event: TicketEvent, names: Names): { sentence: string; details: string[] } {
  const { lang } = names;
  const counter = (n: number | null) => (n === null ? '—' : fill(lang, 'consoleCounterNumber', { number: n }));
  const field = (id: number | null) => fieldName(lang, names.fields.find((f) => f.id === id));
  const at = counter(event.counterNumber);
  const details: string[] = [];
  const by = () => {
    if (event.by !== null) details.push(fill(lang, 'histBy', { by: event.by }));
  };
  let sentence: string;
  switch (event.kind) {
    case 'issued':
      sentence = fill(lang, event.byDevice ? 'histIssuedKiosk' : 'histIssuedStaff', { by: event.by ?? '—' });
      details.push(field(event.fieldId));
      if (event.priority !== null) details.push(fill(lang, 'histPriority', { name: priorityName(lang, names.categories, event.priority) }));
      break;
    case 'called':
      sentence = fill(lang, 'histCalled', { counter: at });
      by();
      break;
    case 'recalled':
      sentence = fill(lang, 'histRecalled', { count: event.recalls ?? 1, counter: at });
      break;
    case 'serving':
      sentence = fill(lang, 'histServing', { counter: at });
      break;
    case 'done':
      sentence = fill(lang, 'histDone', { counter: at });
      if (event.dossierCode !== null) details.push(fill(lang, 'histDossier', { code: event.dossierCode }));
      by();
      break;
    case 'no_show':
      sentence = event.auto ? fill(lang, 'histNoShowAuto', { counter: at, count: event.recalls ?? 0 }) : fill(lang, 'histNoShow', { counter: at });
      if (!event.auto) by();
      break;
    case 'held':
      sentence = fill(lang, 'histHeld', { counter: at });
      by();
      break;
    case 'returned':
      sentence = fill(lang, 'histReturned', { counter: at });
      by();
      break;
    case 'transferred': {
      const from = event.counterNumber === null ? t(lang, 'histQueue') : at;
      const to = event.toCounterNumber !== null ? counter(event.toCounterNumber) : field(event.fieldId);
      sentence = fill(lang, 'histTransferred', { from, to });
      if (event.fromFieldId !== null && event.toCounterNumber === null) details.push(`${field(event.fromFieldId)} → ${field(event.fieldId)}`);
      by();
      break;
    }
    case 'cancelled':
      sentence = t(lang, 'histCancelled');
      by();
      break;
    case 'expired':
      sentence = t(lang, 'histExpired');
      break;
    case 'rated': {
      const choice = ratingChoices.find((c) => c.score === event.score);
      sentence = fill(lang, 'histRated', { score: choice ? t(lang, choice.key) : String(event.score), where: t(lang, event.source === 'phone' ? 'histRatedPhone' : 'histRatedCounter') });
      if (event.reasons.length > 0) details.push(fill(lang, 'histReasons', { reasons: event.reasons.map((r) => t(lang, ratingReasonKeys[r])).join(', ') }));
      break;
    }
  }
  if (event.note !== null) details.unshift(fill(lang, event.kind === 'cancelled' ? 'histReason' : 'histNote', { [event.kind === 'cancelled' ? 'reason' : 'note']: event.note }));
  return { sentence, details };
}
