import { t, type CallView } from '@luot/shared';
import { AppHeader, ConnectionBanner, ServerOffsetContext, useDeviceToken, useHealth, useLang, type DeviceTokenSource } from '@luot/shared/ui';
import { useCallback, useEffect } from 'react';
import { displayApi } from './api/display-api.ts';
import { SoundUnlock } from './components/sound-unlock.tsx';
import { demoRequestOf, tokenKeyOf } from './device/boot-params.ts';
import { useCenterFields } from './hooks/use-center-fields.ts';
import { useHallMedia } from './hooks/use-hall-media.ts';
import { useFlash } from './hooks/use-flash.ts';
import { useDisplayLink } from './live/use-display-link.ts';
import { CounterScreen } from './screens/counter-screen.tsx';
import { HallBoard } from './screens/hall-board.tsx';
import { PairingScreen } from './screens/pairing-screen.tsx';
import { ratingModeOf } from './rating/rating-api.ts';
import { RatingOverlay } from './rating/rating-overlay.tsx';
import { StartingScreen } from './screens/starting-screen.tsx';
import { useAnnouncer } from './voice/use-announcer.ts';

// Read once: the address is how a demo screen (or a kiosk-mode browser) says what it is.
const demo = demoRequestOf(window.location.search);
// Only a demo address asks the demo route; a screen in a real center is paired by an admin.
const tokenSource: DeviceTokenSource = {
  storageKey: tokenKeyOf(demo),
  demoToken: demo ? (signal) => displayApi.demoToken(demo, signal) : null,
  renew: displayApi.renew,
};
const ratingMode = ratingModeOf(window.location.search);

/**
 * One app, two screens, chosen by the paired device's kind: the counter screen above a counter, or the
 * hall board. Neither has the shared header: every pixel goes to the numbers, and the connection is shown
 * by a banner driven by the live socket (within about a second), not by the header's 15-second health poll.
 */
export function App() {
  const [lang, setLang] = useLang();
  const { device, paired, refused } = useDeviceToken(tokenSource);
  const token = device.status === 'ready' ? device.token : null;
  const [flash, startFlash] = useFlash();
  const tokenExpired = useCallback((old: string) => refused(old, 'DEVICE_TOKEN_EXPIRED'), [refused]);
  const voice = useAnnouncer(token, tokenExpired);
  const { announce, setSettings } = voice;

  const onCall = useCallback(
    (call: CallView, stream: string) => {
      if (stream === 'hall') announce(call);
      else if (stream.startsWith('counter:')) startFlash(call);
    },
    [announce, startFlash],
  );
  const live = useDisplayLink(token, refused, onCall);
  const { model } = live;
  const kind = model.identity?.deviceKind ?? null;
  const fields = useCenterFields(kind === 'counter_display' ? token : null, live.epoch, refused);
  const media = useHallMedia(kind === 'hall_board' ? token : null, live.epoch, refused);
  // Before pairing there is no socket; the public health check names the center in the header.
  const health = useHealth();

  useEffect(() => setSettings(model.settings), [model.settings, setSettings]);

  const title = t(lang, kind === 'hall_board' ? 'hallBoardTitle' : 'displayTitle');
  useEffect(() => {
    document.title = `${t(lang, 'appName')} — ${title}`;
  }, [lang, title]);

  if (device.status === 'pairing' || device.status === 'checking') {
    return (
      <div className="app display display--pairing">
        <AppHeader lang={lang} title={title} connection={health} onLangChange={setLang} />
        <main className="app-main">
          {device.status === 'pairing' ? <PairingScreen lang={lang} notice={device.notice} onPaired={paired} /> : <StartingScreen lang={lang} />}
        </main>
      </div>
    );
  }

  let screen;
  if (kind === 'hall_board' && model.hall) {
    screen = <HallBoard lang={lang} hall={model.hall} calls={model.calls} media={media} />;
  } else if (kind === 'counter_display' && model.counter) {
    screen = <CounterScreen lang={lang} counter={model.counter} fields={fields} flash={flash} />;
  } else if (kind === 'counter_display' && model.identity?.counterId === null) {
    screen = <StartingScreen lang={lang} message={t(lang, 'displayNoCounter')} />;
  } else {
    screen = <StartingScreen lang={lang} />;
  }

  return (
    <ServerOffsetContext value={live.serverOffsetMs}>
      <div
        className={`display display--${kind ?? 'starting'}${model.settings.calm ? ' display--calm' : ''}`}
        data-testid="display"
        data-link={live.link}
        data-kind={kind ?? ''}
        data-calm={model.settings.calm === true || undefined}
      >
        {screen}
        {ratingMode && kind === 'counter_display' && <RatingOverlay lang={lang} token={token} counter={model.counter} rated={model.rated} />}
        {live.link === 'lost' && <ConnectionBanner lang={lang} />}
        {voice.blocked && <SoundUnlock lang={lang} onUnlock={voice.unlock} />}
      </div>
    </ServerOffsetContext>
  );
}
