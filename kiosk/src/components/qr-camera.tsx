import { t, type Lang } from '@luot/shared';
import { useRef } from 'react';
import { useQrCamera } from '../hooks/use-qr-camera.ts';

/**
 * The camera's live picture with a frame to hold the booking's QR code in, and the one line saying so. Shown only
 * once the camera runs: a kiosk without one shows nothing here.
 */
export function QrCamera({ lang, paused, onCode }: { lang: Lang; paused: boolean; onCode: (text: string) => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const state = useQrCamera(video, paused, onCode);
  if (state === 'none') return null;
  return (
    <figure className="qr-camera" data-testid="qr-camera" data-state={state} hidden={state !== 'on'}>
      <div className="qr-camera__view">
        <video ref={video} className="qr-camera__video" muted playsInline aria-hidden="true" />
        <span className="qr-camera__frame" aria-hidden="true" />
      </div>
      <figcaption className="qr-camera__caption">{t(lang, 'kioskCheckInCamera')}</figcaption>
    </figure>
  );
}
