import { t, type FieldView, type GuideRequest, type Lang } from '@luot/shared';
import { useRef, useState } from 'react';
import { useAssist, useScreenGuide } from '../assist/assist.ts';
import { CheckInEntry } from '../components/check-in-entry.tsx';
import { FieldTile } from '../components/field-tile.tsx';
import { InHeader } from '../components/header-slot.tsx';
import { ScreenFrame } from '../components/screen-frame.tsx';
import { availability, hoursText, waitingIn, type Availability, type AvailabilityContext } from '../fields/field-availability.ts';
import { fieldName, fieldsUnder, hasChildren } from '../fields/field-tree.ts';
import { useMoreBelow } from '../hooks/use-more-below.ts';

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
  /** Home screen only: a citizen who booked scans or types their code instead of choosing a field. */
  onCheckIn?: () => void;
}

/**
 * How crowded the grid is; fields.css picks columns, tile shape and type size from it and the orientation,
 * so 4 or 16 fields, short or long names, all fit a portrait or landscape screen.
 */
export function density(count: number): 'few' | 'some' | 'many' | 'lots' | 'huge' {
  if (count <= 4) return 'few';
  if (count <= 6) return 'some';
  if (count <= 12) return 'many';
  return count <= 16 ? 'lots' : 'huge';
}

/** The home screen and the sub-field screen: one big button per field. */
export function FieldScreen({ lang, fields, parentId, context, onGroup, onField, onUnavailable, onBack, onCheckIn }: FieldScreenProps) {
  const assist = useAssist();
  const guideOn = assist?.guideOn ?? false;
  // With guidance on, the first touch reads a tile and the second chooses it.
  const [armed, setArmed] = useState<number | null>(null);
  const grid = useRef<HTMLDivElement>(null);
  const moreBelow = useMoreBelow(grid);
  const shown = fieldsUnder(fields, parentId);
  const group = parentId === null ? undefined : fields.find((f) => f.id === parentId);
  useScreenGuide(group ? { say: 'subfields', field: group.id } : { say: 'home' });

  const prompt = group ? (
    <>
      <span className="screen__prompt-context">{fieldName(group, lang)}</span>
      {t(lang, 'kioskChooseSubfield')}
    </>
  ) : (
    t(lang, 'kioskChooseField')
  );
  const footer = parentId !== null && (
    <button type="button" className="button button--back" data-testid="back" onClick={onBack}>
      {t(lang, 'kioskBack')}
    </button>
  );

  return (
    <ScreenFrame lang={lang} name={parentId === null ? 'home' : 'subfields'} prompt={prompt} footer={footer}>
      {parentId === null && onCheckIn && (
        <InHeader>
          <CheckInEntry lang={lang} onPress={onCheckIn} />
        </InHeader>
      )}
      {shown.length === 0 ? (
        <p className="screen__message">{t(lang, 'kioskNoFields')}</p>
      ) : (
        <div className={`field-grid field-grid--${density(shown.length)}`} data-count={shown.length} ref={grid}>
          {shown.map((field) => {
            const isGroup = hasChildren(fields, field);
            const state = availability(fields, field, context);
            const waiting = waitingIn(fields, field);
            const press = () => {
              if (guideOn && armed !== field.id) {
                setArmed(field.id);
                assist?.say({ say: 'field', field: field.id, state, waiting } satisfies GuideRequest);
                return;
              }
              setArmed(null);
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
                waiting={waiting}
                hours={state === 'closed-hours' ? hoursText(field) : null}
                isGroup={isGroup}
                armed={guideOn && armed === field.id}
                onPress={press}
              />
            );
          })}
        </div>
      )}
      {moreBelow && (
        <p className="field-grid__more" data-testid="more-below">
          {t(lang, 'assistMoreBelow')}
        </p>
      )}
    </ScreenFrame>
  );
}
