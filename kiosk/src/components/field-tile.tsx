import { t, type FieldView, type Lang } from '@luot/shared';
import type { Availability } from '../fields/field-availability.ts';
import { fieldName } from '../fields/field-tree.ts';
import { fill } from '../text/fill.ts';

interface FieldTileProps {
  lang: Lang;
  field: FieldView;
  availability: Availability;
  waiting: number;
  hours: string | null;
  isGroup: boolean;
  onPress: () => void;
}

/**
 * One field as one big button. An unavailable field stays pressable (aria-disabled, greyed): pressing
 * it explains why and when to come back, which helps more than a button that silently does nothing.
 */
export function FieldTile({ lang, field, availability, waiting, hours, isGroup, onPress }: FieldTileProps) {
  const open = availability === 'open';
  const status = open
    ? waiting > 0
      ? fill(lang, 'kioskWaiting', { count: waiting })
      : t(lang, 'kioskNobodyWaiting')
    : t(lang, availability === 'closed-hours' ? 'kioskClosedNow' : availability === 'paused' ? 'kioskPaused' : 'kioskLimitReached');
  return (
    <button
      type="button"
      className={`field-tile field-tile--${availability}${isGroup ? ' field-tile--group' : ''}`}
      aria-disabled={!open}
      data-testid="field-tile"
      data-field-code={field.code}
      data-availability={availability}
      onClick={onPress}
    >
      {!isGroup && (
        <span className="field-tile__letter" aria-hidden="true">
          {field.prefix}
        </span>
      )}
      <span className="field-tile__text">
        <span className="field-tile__name">{fieldName(field, lang)}</span>
        <span className="field-tile__status">{status}</span>
        {hours && <span className="field-tile__hours">{fill(lang, 'kioskHours', { hours })}</span>}
      </span>
      {/* A chevron on every tile: it reads as "press to go on" to people who do not read screens as buttons. */}
      <span className="field-tile__more" aria-hidden="true" />
    </button>
  );
}
