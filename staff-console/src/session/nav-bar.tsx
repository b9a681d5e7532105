import { helpPath, t, type Lang, type Me, type StringKey } from '@luot/shared';
import type { View } from '../hooks/use-route.ts';

interface NavBarProps {
  lang: Lang;
  me: Me;
  views: readonly View[];
  current: View | null;
  onGo: (view: View) => void;
  onSignOut: () => void;
}

const viewKey: Record<View, StringKey> = { desk: 'navDesk', board: 'navBoard', reports: 'reportsNav', staff: 'navStaffFigures', staffing: 'staffingNav', admin: 'navAdmin' };
const roleKey = { officer: 'roleOfficer', supervisor: 'roleSupervisor', admin: 'roleAdmin' } as const;

/** The screens this role may open (only those), who is signed in, and signing out. */
export function NavBar({ lang, me, views, current, onGo, onSignOut }: NavBarProps) {
  return (
    <nav className="nav" aria-label={t(lang, 'navLabel')}>
      <ul className="nav__views">
        {views.length > 1 &&
          views.map((view) => (
            <li key={view}>
              <a
                href={`#/${view}`}
                className="nav__link"
                aria-current={view === current ? 'page' : undefined}
                onClick={(e) => {
                  e.preventDefault();
                  onGo(view);
                }}
                data-testid={`nav-${view}`}
              >
                {t(lang, viewKey[view])}
              </a>
            </li>
          ))}
      </ul>
      {/* The guide for this role, in a new tab so the desk stays where it was. */}
      <a className="nav__help" href={helpPath(me.role, lang)} target="_blank" rel="noopener" data-testid="help-link">
        {t(lang, 'helpLink')}
      </a>
      <p className="nav__me" data-testid="signed-in-as" data-role={me.role}>
        <strong>{me.name}</strong> · {t(lang, roleKey[me.role])}
      </p>
      <button type="button" className="btn btn--quiet nav__signout" onClick={onSignOut} data-testid="sign-out">
        {t(lang, 'navSignOut')}
      </button>
    </nav>
  );
}
