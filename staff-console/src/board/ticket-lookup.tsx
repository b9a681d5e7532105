import { t, type CounterView, type FieldView, type Lang, type PriorityCategory, type TicketSearchResult } from '@luot/shared';
import { useState, type FormEvent } from 'react';
import type { ConsoleApi } from '../api/console-api.ts';
import type { ApiFailure } from '../api/http.ts';
import { Dialog } from '../components/dialog.tsx';
import { Problem } from '../components/problem.tsx';
import { fill } from '../text/fill.ts';
import { fieldName } from '../text/names.ts';
import { statusKey, eventWords } from './ticket-history-words.ts';

interface TicketLookupProps {
  lang: Lang;
  api: ConsoleApi;
  fields: readonly FieldView[];
  counters: readonly CounterView[];
  categories: readonly PriorityCategory[];
}

const pad2 = (n: number) => String(n).padStart(2, '0');
/** HH:mm:ss in Asia/Ho_Chi_Minh (UTC+7 all year): a ticket's steps are often seconds apart. */
function timeOf(iso: string): string {
  const d = new Date(Date.parse(iso) + 7 * 60 * 60 * 1000);
  return `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
}

/** “Where did B023 go?”: a number of today typed in, its whole story shown, each step in words with its time. */
export function TicketLookup({ lang, api, fields, counters, categories }: TicketLookupProps) {
  const [number, setNumber] = useState('');
  const [result, setResult] = useState<{ asked: string; body: TicketSearchResult } | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const asked = number.trim();
    if (!asked) return;
    setBusy(true);
    const answer = await api.searchTickets(asked);
    setBusy(false);
    if (answer.ok) {
      setFailure(null);
      setResult({ asked, body: answer.body });
    } else if (answer.kind !== 'unauthorized') setFailure(answer);
  };

  const names = { lang, fields, counters, categories };
  return (
    <>
      <form className="lookup" onSubmit={(e) => void submit(e)} role="search" data-testid="ticket-lookup">
        <label className="lookup__label">
          <span>{t(lang, 'lookupLabel')}</span>
          <input type="search" value={number} onChange={(e) => setNumber(e.target.value)} placeholder={t(lang, 'lookupPlaceholder')} maxLength={16} data-testid="lookup-number" />
        </label>
        <button type="submit" className="btn btn--small" disabled={busy || number.trim() === ''} data-testid="lookup-submit">
          {t(lang, 'lookupSubmit')}
        </button>
      </form>
      <Problem lang={lang} failure={failure} />
      {result && (
        <Dialog title={`${t(lang, 'lookupLabel')}: ${result.asked.toUpperCase()}`} onClose={() => setResult(null)} testId="lookup-dialog" wide>
          {result.body.tickets.length === 0 && (
            <p className="notice notice--info" data-testid="lookup-none">
              {fill(lang, 'lookupNone', { number: result.asked.toUpperCase() })}
            </p>
          )}
          {result.body.tickets.map(({ ticket, events }) => (
            <section key={ticket.id} className="history" data-testid="lookup-ticket" data-number={ticket.number}>
              <h3 className="history__title">
                <span className="history__number">{ticket.number}</span> {fieldName(lang, fields.find((f) => f.id === ticket.fieldId))}
                <span className="history__status" data-testid="lookup-status">
                  {fill(lang, 'lookupStatus', { status: t(lang, statusKey[ticket.status]) })}
                </span>
              </h3>
              <ol className="history__events">
                {events.map((event, i) => {
                  const words = eventWords(event, names);
                  return (
                    <li key={i} className="history__event" data-testid="lookup-event" data-kind={event.kind}>
                      <time className="history__time" dateTime={event.at}>
                        {timeOf(event.at)}
                      </time>
                      <span className="history__what">
                        <span className="history__sentence">{words.sentence}</span>
                        {words.details.map((line) => (
                          <span key={line} className="history__detail">
                            {line}
                          </span>
                        ))}
                      </span>
                    </li>
                  );
                })}
              </ol>
            </section>
          ))}
          <div className="dialog__actions">
            <button type="button" className="btn btn--primary" onClick={() => setResult(null)} data-autofocus>
              {t(lang, 'consoleCancel')}
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}
