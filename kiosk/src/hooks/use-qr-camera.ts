import jsQR from 'jsqr';
import { useEffect, useEffectEvent, useState, type RefObject } from 'react';

/** A frame is read this often: quick enough to feel instant, slow enough to leave the kiosk's one core breathing. */
const scanEveryMs = 200;
/** Frames are read at most this wide: a phone's QR code held to the camera is large, and smaller frames decode faster. */
const scanWidth = 480;
/** The same code is not sent again this soon (it stays in front of the camera while its answer is shown). */
const sameCodeMs = 4_000;

export type CameraState = 'starting' | 'on' | 'none';

/**
 * The kiosk's camera as a QR reader: the live picture goes to `video`, and every code read from it goes to `onCode`
 * (not while `paused`). A kiosk without a camera, or one where permission is refused, is simply 'none' — nothing
 * is shown and nothing is said: the reader and the typed code still work. The camera stops when the component
 * using this goes away (the citizen leaves the screen, or the kiosk resets itself when left idle).
 */
export function useQrCamera(video: RefObject<HTMLVideoElement | null>, paused: boolean, onCode: (text: string) => void): CameraState {
  const [state, setState] = useState<CameraState>(() => (typeof navigator.mediaDevices?.getUserMedia === 'function' ? 'starting' : 'none'));
  const found = useEffectEvent(onCode);
  const isPaused = useEffectEvent(() => paused);

  useEffect(() => {
    const v = video.current;
    if (typeof navigator.mediaDevices?.getUserMedia !== 'function' || !v) return;
    let stream: MediaStream | null = null;
    let timer: number | undefined;
    let stopped = false;
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });
    let last = { text: '', at: 0 };

    const scan = () => {
      if (!stopped && context && v.readyState >= v.HAVE_CURRENT_DATA && v.videoWidth > 0 && !isPaused()) {
        const scale = Math.min(1, scanWidth / v.videoWidth);
        canvas.width = Math.round(v.videoWidth * scale);
        canvas.height = Math.round(v.videoHeight * scale);
        context.drawImage(v, 0, 0, canvas.width, canvas.height);
        const image = context.getImageData(0, 0, canvas.width, canvas.height);
        const code = jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
        const now = performance.now();
        if (code && code.data && (code.data !== last.text || now - last.at > sameCodeMs)) {
          last = { text: code.data, at: now };
          found(code.data);
        }
      }
      if (!stopped) timer = window.setTimeout(scan, scanEveryMs);
    };

    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'user', width: { ideal: 640 }, height: { ideal: 480 } }, audio: false })
      .then(async (media) => {
        if (stopped) {
          for (const track of media.getTracks()) track.stop();
          return;
        }
        stream = media;
        v.srcObject = media;
        await v.play();
        setState('on');
        scan();
      })
      .catch(() => {
        // No camera, permission refused, or the camera busy: the screen works as without one.
        if (!stopped) setState('none');
      });

    return () => {
      stopped = true;
      window.clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
      v.srcObject = null;
    };
  }, [video]);

  return state;
}
