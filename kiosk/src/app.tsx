import { defaultLang, t } from '@luot/shared';
import { AppHeader, ConnectionBanner, ServerOffsetContext, useDeviceToken, useHealth, useLang, type Connection, type DeviceTokenSource } from '@luot/shared/ui';
import { useCallback, useEffect, useState } from 'react';
import { kioskApi } from './api/kiosk-api.ts';
import { AssistContext, useAssistState } from './assist/assist.ts';
import { HeaderSlotContext } from './components/header-slot.tsx';
import { useCenterInfo } from './hooks/use-center-info.ts';
import { useHall } from './hooks/use-hall.ts';
import { KioskScreens } from './kiosk-screens.tsx';
import { PairingScreen } from './screens/pairing-screen.tsx';
import { StartingScreen } from './screens/starting-screen.tsx';

// A kiosk always asks the demo route first: it answers 404 on a real center, and the kiosk then asks to be paired.
const kioskToken: DeviceTokenSource = { storageKey: 'luot.kiosk.token', demoToken: kioskApi.demoToken, renew: kioskApi.renew };

const linkToConnection = { connecting: 'loading', online: 'online', lost: 'lost' } as const;

/**
 * The shared header (title, center, connection, language) over the kiosk's own screens. The shell's
 * AppShell is not used as is because its connection comes from a 15-second health poll; the kiosk has a
 * live socket and must show a lost server, and its return, within a second or two.
 */
export function App() {
  const [lang, setLang] = useLang();
  const { device, paired, refused } = useDeviceToken(kioskToken);
  const token = device.status === 'ready' ? device.token : null;
  const hall = useHall(token, refused);
  const center = useCenterInfo(token, hall.epoch, refused);
  const health = useHealth();
  const title = t(lang, 'kioskTitle');

  // Before pairing there is no socket; the public health check still names the center and shows the link.
  const connection: Connection = token === null ? health : { state: linkToConnection[hall.link], center: center?.name ?? health.center };
  const fields = hall.fields ?? center?.fields ?? null;
  const assist = useAssistState(lang, token, refused);
  const { reset } = assist;
  const [headerSlot, setHeaderSlot] = useState<HTMLElement | null>(null);
  const endVisit = useCallback(() => {
    setLang(defaultLang);
    reset();
  }, [setLang, reset]);

  useEffect(() => {
    document.title = `${t(lang, 'appName')} — ${title}`;
  }, [lang, title]);

  let screen;
  if (device.status === 'pairing') screen = <PairingScreen lang={lang} onPaired={paired} />;
  else if (token === null || center === null || fields === null) screen = <StartingScreen lang={lang} />;
  // Not keyed by token: a renewed token must not throw away a citizen's half-finished request.
  else {
    const changed = lang !== defaultLang || assist.largeText || assist.guideOn;
    screen = (
      <AssistContext value={assist}>
        <HeaderSlotContext value={headerSlot}>
          <KioskScreens lang={lang} token={token} center={center} fields={fields} onTokenRefused={refused} changed={changed} onVisitEnded={endVisit} />
        </HeaderSlotContext>
      </AssistContext>
    );
  }

  return (
    <ServerOffsetContext value={hall.serverOffsetMs}>
      <div className={`app kiosk${assist.largeText ? ' kiosk--large' : ''}`} data-large-text={assist.largeText || undefined}>
        <div className="kiosk__page">
          <AppHeader lang={lang} title={title} connection={connection} onLangChange={setLang} extra={<div className="kiosk__header-slot" ref={setHeaderSlot} />} />
          <main className="app-main kiosk__main">
            {connection.state === 'lost' && <ConnectionBanner lang={lang} title="kioskOffline" hint="kioskOfflineHint" block="offline-banner" testId="offline-banner" />}
            {screen}
          </main>
        </div>
      </div>
    </ServerOffsetContext>
  );
}
