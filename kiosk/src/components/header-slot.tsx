import { createContext, use, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

/**
 * A place in the kiosk's top bar that a screen can fill: the home screen puts the booking check-in there, so it
 * is on screen whatever the orientation, field count or text size, and never takes a row from the fields.
 */
export const HeaderSlotContext = createContext<HTMLElement | null>(null);

/** Draws its children in the top bar while the screen that renders it is shown. */
export function InHeader({ children }: { children: ReactNode }) {
  const slot = use(HeaderSlotContext);
  return slot ? createPortal(children, slot) : null;
}
