import { langs, t, type Lang } from '../i18n.ts';

interface LanguageSwitchProps {
  lang: Lang;
  onChange: (lang: Lang) => void;
}

// Each option is named in its own language, so a reader who cannot read the current one still finds theirs.
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
          aria-label={ownName[option]}
          data-testid={`lang-${option}`}
          onClick={() => onChange(option)}
        >
          {option.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
