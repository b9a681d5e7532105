import { helpPath, ht, t, type HubMe, type HubStringKey, type Lang } from '@luot/shared';
import { AppHeader, useHealth, useLang, type Connection } from '@luot/shared/ui';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { LoginScreen } from '../session/login-screen.tsx';
import { AccountsView } from './accounts-view.tsx';
import { CenterBoard } from './center-board.tsx';
import { CentersView } from './centers-view.tsx';
import { hubLogin, type HubApi } from './hub-api.ts';
import { HubReports } from './hub-reports.tsx';
import { ProvinceBoard } from './province-board.tsx';
import { useHubSession } from './use-hub-session.ts';
import { useProvinceBoard } from './use-province-board.ts';

type HubView = 'board' | 'center' | 'reports' | 'centers' | 'accounts';
const views: Record<HubView, HubStringKey> = { board: 'hubNavBoard', center: 'hubNavBoard', reports: 'hubNavReports', centers: 'hubNavCenters', accounts: 'hubNavAccounts' };

function parse(hash: string): { view: HubView; rest: string[] } {
  const [view, ...rest] = hash.replace(/^#\/?/, '').split('/');
  const known = view === 'center' || view === 'reports' || view === 'centers' || view === 'accounts' ? view : 'board';
  return { view: known, rest };
}

function useHubRoute(): [{ view: HubView; rest: string[] }, (path: string) => void] {
  const [route, setRoute] = useState(() => parse(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parse(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return [route, useCallback((path: string) => void (window.location.hash = `#/${path}`), [])];
}

/** The staff console in hub mode: the province board, one center's board, reports across centers, the registry. */
export function HubApp() {
  const [lang, setLang] = useLang();
  const health = useHealth();
  const control = useHubSession();
  const title = ht(lang, 'hubTitle');
  useEffect(() => {
    document.title = `${t(lang, 'appName')} — ${title}`;
  }, [lang, title]);

  if (control.session.status === 'signed-in' && control.api) {
    return <SignedIn key={control.session.token} lang={lang} onLang={setLang} health={health} me={control.session.me} api={control.api} onEnded={control.ended} onSignOut={() => void control.signOut()} />;
  }
  let screen: ReactNode;
  if (control.session.status === 'signed-out') screen = <LoginScreen lang={lang} ended={control.session.ended} onSignedIn={control.signedIn} login={hubLogin} />;
  else if (control.session.status === 'unreachable') screen = <p className="notice notice--error">{t(lang, 'consoleServerUnreachable')}</p>;
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
  me: HubMe;
  api: HubApi;
  onEnded: () => void;
  onSignOut: () => void;
}

function SignedIn({ lang, onLang, health, me, api, onEnded, onSignOut }: SignedInProps) {
  const [route, go] = useHubRoute();
  const live = useProvinceBoard(api.token, onEnded);
  const admin = me.role === 'province_admin';
  const tabs: HubView[] = admin ? ['board', 'reports', 'centers', 'accounts'] : ['board', 'reports', 'centers'];
  const current = route.view === 'center' ? 'board' : route.view;
  const centerId = route.view === 'center' ? Number(route.rest[0]) : NaN;
  const connection: Connection = { state: live.link === 'lost' ? 'lost' : health.state, center: health.center };

  return (
    <div className="app console hub-console">
      <AppHeader lang={lang} title={ht(lang, 'hubTitle')} connection={connection} onLangChange={onLang} />
      <nav className="nav" aria-label={t(lang, 'navLabel')}>
        <ul className="nav__views">
          {tabs.map((view) => (
            <li key={view}>
              <a
                href={`#/${view}`}
                className="nav__link"
                aria-current={view === current ? 'page' : undefined}
                onClick={(e) => {
                  e.preventDefault();
                  go(view);
                }}
                data-testid={`nav-${view}`}
              >
                {ht(lang, views[view])}
              </a>
            </li>
          ))}
        </ul>
        <a className="nav__help" href={helpPath(null, lang)} target="_blank" rel="noopener" data-testid="help-link">
          {t(lang, 'helpLink')}
        </a>
        <p className="nav__me" data-testid="signed-in-as" data-role={me.role}>
          <strong>{me.name}</strong> · {ht(lang, admin ? 'hubRoleAdmin' : 'hubRoleViewer')}
        </p>
        <button type="button" className="btn btn--quiet nav__signout" onClick={onSignOut} data-testid="sign-out">
          {t(lang, 'navSignOut')}
        </button>
      </nav>
      <main className="app-main console__main">
        {live.link === 'lost' && (
          <p className="notice notice--error banner" role="alert" data-testid="link-lost">
            {ht(lang, 'hubLinkLost')}
          </p>
        )}
        {route.view === 'board' && (live.rows ? <ProvinceBoard lang={lang} rows={live.rows} onOpen={(id) => go(`center/${id}`)} /> : <p className="loading">{t(lang, 'loading')}</p>)}
        {route.view === 'center' && Number.isInteger(centerId) && <CenterBoard lang={lang} api={api} centerId={centerId} changes={live.changes} onBack={() => go('board')} />}
        {route.view === 'reports' && <HubReports lang={lang} api={api} provinceName={health.center} path={route.rest} onPath={(path) => go(`reports/${path}`)} />}
        {route.view === 'centers' && <CentersView lang={lang} api={api} admin={admin} />}
        {route.view === 'accounts' && admin && <AccountsView lang={lang} api={api} />}
      </main>
    </div>
  );
}
