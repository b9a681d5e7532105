import { t, type FieldView, type Lang, type PriorityCategory } from '@luot/shared';
import { useState } from 'react';
import { useAssist, useScreenGuide } from '../assist/assist.ts';
import { ScreenFrame } from '../components/screen-frame.tsx';
import { fieldName } from '../fields/field-tree.ts';

interface PriorityScreenProps {
  lang: Lang;
  field: FieldView;
  categories: readonly PriorityCategory[];
  /** false: the "take a number" step; true: the list of priority categories. */
  choosing: boolean;
  onTake: (priority: string | null) => void;
  onChoosing: (show: boolean) => void;
  onBack: () => void;
}

const categoryName = (c: PriorityCategory, lang: Lang) => (lang === 'vi' ? c.nameVi : c.nameEn || c.nameVi);

/**
 * Most citizens are not priority cases, so "Lấy số" is the one big green button; priority is a
 * second, plainer choice that opens its categories. Nobody has to read a list to get a normal number.
 */
export function PriorityScreen({ lang, field, categories, choosing, onTake, onChoosing, onBack }: PriorityScreenProps) {
  const assist = useAssist();
  // With guidance on, a category's first touch reads it and the second takes the number, as with fields.
  const [armed, setArmed] = useState<string | null>(null);
  useScreenGuide(choosing ? { say: 'categories' } : { say: 'take', field: field.id });
  const pick = (code: string) => {
    if (assist?.guideOn && armed !== code) {
      setArmed(code);
      assist.say({ say: 'category', code });
      return;
    }
    onTake(code);
  };
  const footer = (
    <button type="button" className="button button--back" data-testid="back" onClick={onBack}>
      {t(lang, 'kioskBack')}
    </button>
  );
  const chosen = (
    <p className="chosen-field">
      <span className="chosen-field__letter" aria-hidden="true">
        {field.prefix}
      </span>
      <span className="chosen-field__name">{fieldName(field, lang)}</span>
    </p>
  );

  if (choosing) {
    return (
      <ScreenFrame lang={lang} name="priority-categories" prompt={t(lang, 'kioskChoosePriority')} footer={footer}>
        {chosen}
        <div className="category-list">
          {categories.map((c) => (
            <button
              key={c.code}
              type="button"
              className={`button button--category${assist?.guideOn && armed === c.code ? ' button--armed' : ''}`}
              data-testid={`priority-${c.code}`}
              onClick={() => pick(c.code)}
            >
              {categoryName(c, lang)}
            </button>
          ))}
        </div>
        <p className="screen__note">{t(lang, 'kioskPriorityNote')}</p>
      </ScreenFrame>
    );
  }

  return (
    <ScreenFrame lang={lang} name="priority" prompt={t(lang, 'kioskTakeNumberPrompt')} footer={footer}>
      {chosen}
      <div className="take-choice">
        <button type="button" className="button button--take" data-testid="take-number" onClick={() => onTake(null)}>
          {t(lang, 'kioskTakeNumber')}
        </button>
        <button type="button" className="button button--priority" data-testid="priority-open" onClick={() => onChoosing(true)}>
          <span className="button__title">{t(lang, 'kioskIAmPriority')}</span>
          <span className="button__detail">{categories.map((c) => categoryName(c, lang)).join(' · ')}</span>
        </button>
      </div>
    </ScreenFrame>
  );
}
