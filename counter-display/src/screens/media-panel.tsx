import type { HallMediaView } from '@luot/shared';
import { useEffect, useRef, useState } from 'react';

interface MediaPanelProps {
  media: readonly HallMediaView[];
  /** A call just came: the panel steps back (dimmed, video paused) so the call has the screen's attention. */
  quiet: boolean;
}

/**
 * The hall board's side panel: the admin's images (each for its seconds) and videos (to their end), one after
 * another, always muted so the spoken call is heard. It never covers the calls: it sits beside them.
 */
export function MediaPanel({ media, quiet }: MediaPanelProps) {
  const [index, setIndex] = useState(0);
  const video = useRef<HTMLVideoElement>(null);
  const item = media.length > 0 ? media[index % media.length] : undefined;
  const count = Math.max(1, media.length);
  const next = () => setIndex((i) => (i + 1) % count);

  useEffect(() => {
    if (!item || item.kind !== 'image' || quiet) return;
    const timer = window.setTimeout(() => setIndex((i) => (i + 1) % count), item.seconds * 1000);
    return () => window.clearTimeout(timer);
  }, [item, quiet, count]);

  useEffect(() => {
    const element = video.current;
    if (!element) return;
    if (quiet) element.pause();
    else void element.play().catch(() => undefined);
  }, [quiet, item]);

  if (!item) return null;
  return (
    <section className={quiet ? 'hall-media hall-media--quiet' : 'hall-media'} aria-label={item.title} data-testid="hall-media" data-quiet={quiet}>
      {item.kind === 'image' ? (
        <img className="hall-media__item" src={item.url} alt={item.title} data-testid="hall-media-item" />
      ) : (
        <video ref={video} className="hall-media__item" src={item.url} muted autoPlay playsInline onEnded={next} data-testid="hall-media-item" />
      )}
      <p className="hall-media__title">{item.title}</p>
    </section>
  );
}
