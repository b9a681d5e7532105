import { useCallback, useEffect, useState } from 'react';

/** The console's screens, kept in the URL hash so a reload (or a restored tab) stays on the same one. */
export type View = 'desk' | 'board' | 'reports' | 'staff' | 'staffing' | 'admin';

export interface Route {
  view: View | null;
  /** The admin tab, e.g. 'fields'. */
  tab: string | null;
  /** Everything after the view, e.g. ['month', 'field'] for the reports' period and grouping. */
  rest: readonly string[];
}

function parse(hash: string): Route {
  const [view, ...rest] = hash.replace(/^#\/?/, '').split('/');
  const known = view === 'desk' || view === 'board' || view === 'reports' || view === 'staff' || view === 'staffing' || view === 'admin' ? view : null;
  return { view: known, tab: rest[0] || null, rest };
}

export function useRoute(): [Route, (view: View, tab?: string) => void] {
  const [route, setRoute] = useState<Route>(() => parse(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parse(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const go = useCallback((view: View, tab?: string) => {
    window.location.hash = tab ? `#/${view}/${tab}` : `#/${view}`;
  }, []);
  return [route, go];
}
