import { type FieldView, fill, type Lang, t } from '@luot/shared';
import type { Availability } from '../fields/field-availability.ts';
import { fieldName } from '../fields/field-tree.ts';

interface FieldTileProps {
  lang: Lang;
  field: FieldView;
  availability: Availability;
  waiting: number;
  hours: string | null;
  isGroup: boolean;
  /** Spoken guidance read this tile on its first touch; the next touch chooses it. */
  armed: boolean;
  onPress: () => void;
}

/** What a tile says under its name: the people waiting, or why it cannot be chosen now. */
export function tileStatus(lang: Lang, availability: Availability, waiting: number): string {
  if (availability === 'open') return waiting > 0 ? fill(lang, 'kioskWaiting', { count: waiting }) : t(lang, 'kioskNobodyWaiting');
  return t(lang, availability === 'closed-hours' ? 'kioskClosedNow' : availability === 'paused' ? 'kioskPaused' : 'kioskLimitReached');
}

/**
 * One field as one big button: its letter (the first character of its numbers), name, state and a chevron.
 * The grid places these parts by name (fields.css), side by side on a wide tile, name over state on a narrow
 * one, so a long name gets the tile's whole width. An unavailable field stays pressable (aria-disabled,
 * greyed): pressing it explains why and when to come back, which helps more than a button that does nothing.
 */
export function FieldTile({ lang, field, availability, waiting, hours, isGroup, armed, onPress }: FieldTileProps) {
  const open = availability === 'open';
  return (
    <button
      type="button"
      className={`field-tile field-tile--${availability}${isGroup ? ' field-tile--group' : ''}${armed ? ' field-tile--armed' : ''}`}
      aria-disabled={!open}
      data-testid="field-tile"
      data-field-code={field.code}
      data-availability={availability}
      data-armed={armed || undefined}
      onClick={onPress}
    >
      {!isGroup && (
        <span className="field-tile__letter" aria-hidden="true">
          {field.prefix}
        </span>
      )}
      <span className="field-tile__name">{fieldName(field, lang)}</span>
      <span className="field-tile__state">
        <span className="field-tile__status">{tileStatus(lang, availability, waiting)}</span>
        {hours && <span className="field-tile__hours">{fill(lang, 'kioskHours', { hours })}</span>}
        {/*
         * The citizen charter: what the center commits to for this field, published where the citizen chooses it. The
         * whole sentence where the tile has room; a short chip with the committed wait alone where it has not (7–12
         * fields, large text) — fields.css shows one of the two, and neither on 13+ fields (no line to spare there).
         */}
        {!isGroup && field.serviceMinutes !== undefined && (
          <>
            <span className="field-tile__charter" data-testid="field-charter">
              {fill(lang, 'kioskCharter', { wait: field.targetWaitMinutes, service: field.serviceMinutes })}
            </span>
            <span className="field-tile__charter-chip" data-testid="field-charter-chip">
              {fill(lang, 'kioskCharterShort', { wait: field.targetWaitMinutes })}
            </span>
          </>
        )}
        {armed && <span className="field-tile__again">{t(lang, 'assistTouchAgain')}</span>}
      </span>
      {/* A chevron on every tile: it reads as "press to go on" to people who do not read screens as buttons. */}
      <span className="field-tile__more" aria-hidden="true" />
    </button>
  );
}
