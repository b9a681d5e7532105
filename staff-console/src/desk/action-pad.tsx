import { t, type Lang, type StringKey } from '@luot/shared';
import { Keycap } from '../components/keycap.tsx';
import { shortcuts, type Availability, type DeskAction } from './desk-state.ts';

interface ActionPadProps {
  lang: Lang;
  can: Record<DeskAction, Availability>;
  primary: DeskAction | null;
  busy: string | null;
  onAction: (action: DeskAction) => void;
}

const order: { action: Exclude<DeskAction, 'pause'>; label: StringKey }[] = [
  { action: 'callNext', label: 'deskCallNext' },
  { action: 'recall', label: 'deskRecall' },
  { action: 'start', label: 'deskStart' },
  { action: 'finish', label: 'deskFinish' },
  { action: 'noShow', label: 'deskNoShow' },
  { action: 'hold', label: 'deskHold' },
  { action: 'transfer', label: 'deskTransfer' },
];

/**
 * The desk's big buttons, each with its key. The step that usually comes next is the coloured one, so a
 * new officer follows the colour: call → start → finish. Buttons that cannot apply now are disabled.
 */
export function ActionPad({ lang, can, primary, busy, onAction }: ActionPadProps) {
  return (
    <div className="action-pad" role="group" aria-label={t(lang, 'deskActions')}>
      {order.map(({ action, label }) => {
        const kind = action === primary ? 'action--primary' : action === 'noShow' ? 'action--caution' : '';
        return (
          <button
            key={action}
            type="button"
            className={`action action--${action} ${kind}`}
            disabled={!can[action].enabled || busy !== null}
            aria-keyshortcuts={shortcuts[action].label}
            aria-busy={busy === action}
            onClick={() => onAction(action)}
            data-testid={`action-${action}`}
          >
            <span className="action__label">{t(lang, label)}</span>
            <Keycap label={shortcuts[action].label} />
          </button>
        );
      })}
    </div>
  );
}
