import type { Lang } from './i18n.ts';

/** The role guides the server serves under /help (docs/help in the repository). */
export type HelpGuide = 'officer' | 'supervisor' | 'admin' | 'installer';

/** Where a guide lives in the reader's language: /help/officer.html, /help/en/officer.html; no guide: the index. */
export function helpPath(guide: HelpGuide | null, lang: Lang): string {
  const page = `${guide ?? 'index'}.html`;
  return lang === 'vi' ? `/help/${page}` : `/help/en/${page}`;
}
