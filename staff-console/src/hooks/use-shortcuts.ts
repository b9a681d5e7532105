import { useEffect, useEffectEvent } from 'react';

/** True when the key belongs to something the user is typing in, or to an open dialog. */
function typingOrModal(event: KeyboardEvent): boolean {
  if (document.querySelector('dialog[open]')) return true;
  const target = event.target;
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type);
}

/**
 * Single-key shortcuts (KeyboardEvent.code → handler) for the whole page, ignored while typing, inside a
 * dialog, with a modifier (browser shortcuts stay intact) and on auto-repeat (a held key calls once).
 */
export function useShortcuts(handlers: Record<string, () => void>, enabled = true): void {
  const handle = useEffectEvent((event: KeyboardEvent) => {
    if (!enabled || event.repeat || event.ctrlKey || event.altKey || event.metaKey || typingOrModal(event)) return;
    const handler = handlers[event.code];
    if (!handler) return;
    event.preventDefault();
    handler();
  });

  useEffect(() => {
    const listener = (event: KeyboardEvent) => handle(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
