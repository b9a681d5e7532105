import { t, type FieldView, type Lang } from '@luot/shared';
import { FieldTile } from '../components/field-tile.tsx';
import { ScreenFrame } from '../components/screen-frame.tsx';
import { availability, hoursText, waitingIn, type Availability, type AvailabilityContext } from '../fields/field-availability.ts';
import { fieldName, fieldsUnder, hasChildren } from '../fields/field-tree.ts';

interface FieldScreenProps {
  lang: Lang;
  fields: readonly FieldView[];
  /** null: the home screen (top-level fields); otherwise the sub-fields of this group. */
  parentId: number | null;
  context: AvailabilityContext;
  onGroup: (group: FieldView) => void;
  onField: (field: FieldView) => void;
  onUnavailable: (field: FieldView, why: Exclude<Availability, 'open'>) => void;
  onBack: () => void;
}

/** The home screen and the sub-field screen: one big button per field. */
export function FieldScreen({ lang, fields, parentId, context, onGroup, onField, onUnavailable, onBack }: FieldScreenProps) {
  const shown = fieldsUnder(fields, parentId);
  const group = parentId === null ? undefined : fields.find((f) => f.id === parentId);
  const prompt = group ? (
    <>
      <span className="screen__prompt-context">{fieldName(group, lang)}</span>
      {t(lang, 'kioskChooseSubfield')}
    </>
  ) : (
    t(lang, 'kioskChooseField')
  );
  const footer =
    parentId === null ? undefined : (
      <button type="button" className="button button--back" data-testid="back" onClick={onBack}>
        {t(lang, 'kioskBack')}
      </button>
    );

  return (
    <ScreenFrame lang={lang} name={parentId === null ? 'home' : 'subfields'} prompt={prompt} footer={footer}>
      {shown.length === 0 ? (
        <p className="screen__message">{t(lang, 'kioskNoFields')}</p>
      ) : (
        <div className={`field-grid field-grid--${shown.length > 8 ? 'many' : shown.length > 4 ? 'some' : 'few'}`}>
          {shown.map((field) => {
            const isGroup = hasChildren(fields, field);
            const state = availability(fields, field, context);
            const press = () => {
              if (state !== 'open') onUnavailable(field, state);
              else if (isGroup) onGroup(field);
              else onField(field);
            };
            return (
              <FieldTile
                key={field.id}
                lang={lang}
                field={field}
                availability={state}
                waiting={waitingIn(fields, field)}
                hours={state === 'closed-hours' ? hoursText(field) : null}
                isGroup={isGroup}
                onPress={press}
              />
            );
          })}
        </div>
      )}
    </ScreenFrame>
  );
}
