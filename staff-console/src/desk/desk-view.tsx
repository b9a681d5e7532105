import { t, type CenterInfo, type CounterView, type Lang, type Me } from '@luot/shared';
import type { ConsoleApi } from '../api/console-api.ts';
import type { Center } from '../live/use-center.ts';
import { CounterDesk } from './counter-desk.tsx';
import { CounterPicker } from './counter-picker.tsx';

interface DeskViewProps {
  lang: Lang;
  api: ConsoleApi;
  center: Center;
  me: Me;
  info: CenterInfo | null;
  onSeat: (counterId: number | null) => void;
}

/** The officer's side: choose a counter, then work at it. */
export function DeskView({ lang, api, center, me, info, onSeat }: DeskViewProps) {
  if (!center.loaded) return <p className="loading">{t(lang, 'loading')}</p>;
  const counter = me.counterId === null ? undefined : center.state.counters.find((c) => c.id === me.counterId);
  if (!counter) {
    const joined = (c: CounterView) => {
      center.confirm({ counter: c });
      onSeat(c.id);
    };
    return <CounterPicker lang={lang} api={api} me={me} counters={center.state.counters} fields={center.state.fields} onJoined={joined} />;
  }
  return <CounterDesk key={counter.id} lang={lang} api={api} center={center} counter={counter} info={info} onLeft={() => onSeat(null)} />;
}
