import { type Alert, type CounterView, type FieldView, fill, type Lang, type LiveAlert, type StringKey, t } from '@luot/shared';
import { counterLabel, fieldName } from '../text/names.ts';

interface AlertsPanelProps {
  lang: Lang;
  alerts: readonly LiveAlert[];
  /** Printer problems announced live since the last figures; they show before the next poll catches up. */
  printerAlerts: readonly Alert[];
  loaded: boolean;
  fields: readonly FieldView[];
  counters: readonly CounterView[];
}

type Kind = LiveAlert['kind'];
interface Shown {
  kind: Kind;
  message: { vi: string; en: string };
  /** What the alert is about, named shortly, for a folded group's summary. */
  about: string | null;
}

const kindKey: Record<Kind, StringKey> = {
  wait_over_target: 'boardAlertWait',
  counter_idle: 'boardAlertIdle',
  printer: 'boardAlertPrinter',
  device_offline: 'boardAlertDevice',
  kiosk_too_fast: 'boardAlertKiosk',
  disk_low: 'boardAlertDisk',
  sms: 'boardAlertSms',
};
const order: readonly Kind[] = ['wait_over_target', 'printer', 'disk_low', 'kiosk_too_fast', 'sms', 'counter_idle', 'device_offline'];
/** More alerts of one kind than this fold into one line that opens on demand, so one kind cannot bury the rest. */
const foldAbove = 2;

/** What needs a supervisor now, most urgent kind first; each alert names its kind in words and says what is wrong. */
export function AlertsPanel({ lang, alerts, printerAlerts, loaded, fields, counters }: AlertsPanelProps) {
  const known = new Set(alerts.filter((a) => a.kind === 'printer').map((a) => a.printerId));
  const about = (a: LiveAlert): string | null => {
    const field = a.fieldId === undefined ? undefined : fields.find((f) => f.id === a.fieldId);
    if (field) return fieldName(lang, field);
    const counter = a.counterId === undefined ? undefined : counters.find((c) => c.id === a.counterId);
    return counter ? counterLabel(lang, counter) : null;
  };
  const all: Shown[] = [
    ...alerts.map((a) => ({ kind: a.kind, message: a.message, about: about(a) })),
    ...printerAlerts.filter((a) => !known.has(a.printerId)).map((a) => ({ kind: 'printer' as const, message: a.message, about: a.printerName })),
  ];

  if (all.length === 0) {
    return (
      <p className="alerts alerts--none" data-testid="alerts-none">
        {t(lang, loaded ? 'boardNoAlerts' : 'loading')}
      </p>
    );
  }
  return (
    <section className="alerts" aria-label={t(lang, 'boardAlerts')} role="alert" data-testid="alerts">
      <ul className="alerts__list">
        {order.map((kind) => {
          const group = all.filter((a) => a.kind === kind);
          if (group.length === 0) return null;
          if (group.length <= foldAbove) return group.map((alert, i) => <AlertLine key={`${kind}-${i}`} lang={lang} alert={alert} />);
          return (
            <li key={kind} className={`alert alert--${kind} alert--group`} data-testid="alert" data-kind={kind} data-count={group.length}>
              <details>
                <summary>
                  <span className="alert__kind">{t(lang, kindKey[kind])}</span>
                  <span className="alert__text">{summary(lang, group)}</span>
                </summary>
                <ul className="alert__more">
                  {group.map((alert, i) => (
                    <li key={i}>{alert.message[lang]}</li>
                  ))}
                </ul>
              </details>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** "5 alerts: Justice, Certification, …" when every alert names its subject, else just the count. */
function summary(lang: Lang, group: readonly Shown[]): string {
  const names = group.map((a) => a.about);
  if (names.some((n) => n === null)) return fill(lang, 'boardAlertGroup', { count: group.length });
  return fill(lang, 'boardAlertGroupNamed', { count: group.length, names: names.join(', ') });
}

function AlertLine({ lang, alert }: { lang: Lang; alert: Shown }) {
  return (
    <li className={`alert alert--${alert.kind}`} data-testid="alert" data-kind={alert.kind}>
      <span className="alert__kind">{t(lang, kindKey[alert.kind])}</span>
      <span className="alert__text">{alert.message[lang]}</span>
    </li>
  );
}
