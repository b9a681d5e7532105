import { useEffect, useState, type RefObject } from 'react';

/**
 * True while a scrolling box has content below what it shows: large text or many fields may not fit one
 * screen, and a citizen who has never scrolled a list needs to be told there is more.
 */
export function useMoreBelow(ref: RefObject<HTMLElement | null>): boolean {
  const [more, setMore] = useState(false);
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const check = () => setMore(box.scrollTop + box.clientHeight < box.scrollHeight - 2);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(box);
    for (const child of box.children) observer.observe(child);
    box.addEventListener('scroll', check, { passive: true });
    return () => {
      observer.disconnect();
      box.removeEventListener('scroll', check);
    };
  }, [ref]);
  return more;
}
