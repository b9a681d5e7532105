import { langs, t, type Lang } from '../i18n.ts';

interface LanguageSwitchProps {
  lang: Lang;
  onChange: (lang: Lang) => void;
}

/**
 * "VI – Tiếng Việt" and "EN – English": each option names its language in that language, so a reader who
 * cannot read the current one still finds theirs, and the code alone is not all they get. The visible text is
 * the button's whole name (no aria-label), so a voice-control user can say what they see.
 */
const ownName = { vi: t('vi', 'languageVi'), en: t('en', 'languageEn') } as const satisfies Record<Lang, string>;

export function LanguageSwitch({ lang, onChange }: LanguageSwitchProps) {
  return (
    <div className="lang-switch" role="group" aria-label={t(lang, 'language')} data-testid="lang-switch">
      {langs.map((option) => (
        <button
          key={option}
          type="button"
          className="lang-switch__option"
          lang={option}
          aria-pressed={option === lang}
          data-testid={`lang-${option}`}
          onClick={() => onChange(option)}
        >
          {/* The tick says "this one is on" in shape as well as colour. */}
          <span className="toggle-tick" aria-hidden="true" />
          {`${option.toUpperCase()} – ${ownName[option]}`}
        </button>
      ))}
    </div>
  );
}
