import { t, type Lang, type Me, type Role } from '@luot/shared';
import { AppHeader, useHealth, useLang, type Connection } from '@luot/shared/ui';
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import type { ConsoleApi } from './api/console-api.ts';
import { DeskView } from './desk/desk-view.tsx';
import { useCenterInfo } from './hooks/use-center-info.ts';
import { BookingFigures } from './reports/booking-figures.tsx';
import { useRoute, type View } from './hooks/use-route.ts';
import { useCenter } from './live/use-center.ts';
import { LoginScreen } from './session/login-screen.tsx';
import { NavBar } from './session/nav-bar.tsx';
import { SignOutFromCounter } from './session/sign-out-from-counter.tsx';
import { useSession, type SessionControl } from './session/use-session.ts';
import { useSetupPending } from './setup/use-setup-pending.ts';
import { ServerOffsetContext } from './time/clock.ts';

// Officers, the most numerous users, never load the supervisor's board or the admin screens. A chunk that
// fails to load (the server was updated under an open tab and the old file is gone) asks for a reload.
const BoardView = lazy(() =>
  import('./board/board-view.tsx').then(
    (m) => ({ default: m.BoardView }),
    () => ({ default: ReloadNeeded }),
  ),
);
// The reports carry the chart library: only a supervisor or admin who opens them downloads it.
const ReportsView = lazy(() =>
  import('./reports/reports-view.tsx').then(
    (m) => ({ default: m.ReportsView }),
    () => ({ default: ReloadNeeded }),
  ),
);
const StaffingView = lazy(() =>
  import('./staffing/staffing-view.tsx').then(
    (m) => ({ default: m.StaffingView }),
    () => ({ default: ReloadNeeded }),
  ),
);
const StaffFiguresView = lazy(() =>
  import('./reports/staff-figures-view.tsx').then(
    (m) => ({ default: m.StaffFiguresView }),
    () => ({ default: ReloadNeeded }),
  ),
);
const AdminView = lazy(() =>
  import('./admin/admin-view.tsx').then(
    (m) => ({ default: m.AdminView }),
    () => ({ default: ReloadNeeded }),
  ),
);

// The first-run setup is opened once in a center's life, by its admin.
const SetupView = lazy(() =>
  import('./setup/setup-view.tsx').then(
    (m) => ({ default: m.SetupView }),
    () => ({ default: ReloadNeeded }),
  ),
);

function ReloadNeeded() {
  const [lang] = useLang();
  return (
    <p className="notice notice--error" role="alert">
      {t(lang, 'consoleReloadNeeded')}
    </p>
  );
}

const linkToConnection = { connecting: 'loading', online: 'online', lost: 'lost' } as const;

/** What each role may open, first the one it lands on. Officers see only their desk. */
const viewsOf: Record<Role, readonly View[]> = {
  officer: ['desk'],
  supervisor: ['board', 'reports', 'staff', 'staffing', 'desk'],
  admin: ['board', 'reports', 'staff', 'staffing', 'desk', 'admin'],
};

export function App() {
  const [lang, setLang] = useLang();
  const health = useHealth();
  const control = useSession();
  const { session, api } = control;
  const title = t(lang, 'consoleTitle');

  useEffect(() => {
    document.title = `${t(lang, 'appName')} — ${title}`;
  }, [lang, title]);

  if (session.status === 'signed-in' && api) {
    return <SignedIn key={session.token} lang={lang} onLang={setLang} health={health} me={session.me} api={api} control={control} />;
  }

  let screen: ReactNode;
  if (session.status === 'signed-out') screen = <LoginScreen lang={lang} ended={session.ended} onSignedIn={control.signedIn} />;
  else if (session.status === 'unreachable') screen = <p className="notice notice--error">{t(lang, 'consoleServerUnreachable')}</p>;
  else screen = <p className="loading">{t(lang, 'loading')}</p>;

  return (
    <div className="app console">
      <AppHeader lang={lang} title={title} connection={health} onLangChange={setLang} />
      <main className="app-main console__main">{screen}</main>
    </div>
  );
}

interface SignedInProps {
  lang: Lang;
  onLang: (lang: Lang) => void;
  health: Connection;
  me: Me;
  api: ConsoleApi;
  control: SessionControl;
}

function SignedIn({ lang, onLang, health, me, api, control }: SignedInProps) {
  const center = useCenter(api.token, control.ended, control.seated);
  const [info, refreshInfo] = useCenterInfo(api, center.epoch);
  const [route, go] = useRoute();
  const views = viewsOf[me.role];
  const view = route.view === null ? views[0] : route.view;
  const allowed = view !== undefined && views.includes(view);
  const connection: Connection = { state: linkToConnection[center.link], center: info?.name ?? health.center };
  // Seated at a counter, signing out first asks what becomes of it (closed or paused), like “Rời quầy”.
  const [leaving, setLeaving] = useState(false);
  const seat = me.counterId === null ? undefined : center.state.counters.find((c) => c.id === me.counterId);
  const signOut = () => (seat ? setLeaving(true) : void control.signOut());
  const [setupPending, setupDone] = useSetupPending(api, me.role === 'admin');
  if (setupPending !== false) {
    return (
      <div className="app console">
        <AppHeader lang={lang} title={t(lang, 'consoleTitle')} connection={connection} onLangChange={onLang} />
        <NavBar lang={lang} me={me} views={[]} current={null} onGo={go} onSignOut={signOut} />
        <main className="app-main console__main">
          <Suspense fallback={<p className="loading">{t(lang, 'loading')}</p>}>
            {setupPending === null ? (
              <p className="loading">{t(lang, 'loading')}</p>
            ) : (
              <SetupView
                lang={lang}
                api={api}
                onDone={() => {
                  setupDone();
                  refreshInfo();
                  center.resync();
                }}
              />
            )}
          </Suspense>
        </main>
      </div>
    );
  }

  return (
    <ServerOffsetContext value={center.serverOffsetMs}>
      <div className="app console">
        <AppHeader lang={lang} title={t(lang, 'consoleTitle')} connection={connection} onLangChange={onLang} />
        <NavBar lang={lang} me={me} views={views} current={allowed ? (view ?? null) : null} onGo={go} onSignOut={signOut} />
        {leaving && seat && (
          <SignOutFromCounter
            lang={lang}
            api={api}
            counter={seat}
            onClose={() => setLeaving(false)}
            onSignedOut={() => {
              control.seated(null);
              void control.signOut();
            }}
          />
        )}
        <main className="app-main console__main">
          {center.link === 'lost' && (
            <p className="notice notice--error banner" role="alert" data-testid="link-lost">
              {t(lang, 'consoleLinkLost')}
            </p>
          )}
          {!allowed && (
            <p className="notice notice--error" role="alert" data-testid="not-allowed">
              {t(lang, 'consoleNotAllowed')}
            </p>
          )}
          <Suspense fallback={<p className="loading">{t(lang, 'loading')}</p>}>
            {allowed && view === 'desk' && <DeskView lang={lang} api={api} center={center} me={me} info={info} onSeat={control.seated} />}
            {allowed && view === 'board' && <BoardView lang={lang} api={api} center={center} info={info} />}
            {allowed && view === 'reports' && (
              <ReportsView
                  lang={lang}
                  api={api}
                  centerName={info?.name ?? health.center ?? null}
                  path={route.rest}
                  onPath={(path) => go('reports', path)}
                  more={(range) => <BookingFigures lang={lang} api={api} from={range.from} to={range.to} fields={info?.fields ?? []} />}
                />
            )}
            {allowed && view === 'staff' && <StaffFiguresView lang={lang} api={api} />}
            {allowed && view === 'staffing' && (
              <StaffingView lang={lang} api={api} centerName={info?.name ?? health.center ?? null} path={route.rest} onPath={(path) => go('staffing', path)} />
            )}
            {allowed && view === 'admin' && (
              <AdminView
                lang={lang}
                api={api}
                counters={center.state.counters}
                tab={route.tab}
                onTab={(tab) => go('admin', tab)}
                onChanged={() => {
                  // Set-up changes do not travel on the live stream yet: fetch the center again.
                  refreshInfo();
                  center.resync();
                }}
              />
            )}
          </Suspense>
        </main>
      </div>
    </ServerOffsetContext>
  );
}
