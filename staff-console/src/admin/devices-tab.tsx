import { t, type CounterView, type DeviceView, type Lang } from '@luot/shared';
import { useState } from 'react';
import type { ConsoleApi } from '../api/console-api.ts';
import { ConfirmDialog } from '../components/confirm-dialog.tsx';
import { fill } from '../text/fill.ts';
import { counterLabel } from '../text/names.ts';
import { dateTime } from '../time/clock.ts';
import { AdminListTab } from './admin-list-tab.tsx';
import { useAdminNotice } from './admin-notice.tsx';
import { DeviceSettingsDialog, kindKey, NewDeviceDialog, PairingCodeDialog, type Created } from './device-dialogs.tsx';
import { useLoad } from './use-load.ts';

/** What each kind's settings button opens: a kiosk's printer, a hall board's sound, a counter screen's display. */
const settingsLabel = { kiosk: 'adminDevicePrinter', hall_board: 'adminDeviceSound', counter_display: 'adminDeviceDisplay' } as const;

type Open = { kind: 'new' } | { kind: 'code'; created: Created } | { kind: 'revoke' | 'settings'; device: DeviceView };

function stateKey(device: DeviceView) {
  if (device.revoked) return 'adminDeviceRevoked' as const;
  return device.paired ? ('adminDevicePaired' as const) : ('adminDeviceWaiting' as const);
}

/** Kiosks and screens: register (pairing code shown once), see when each was last heard from, revoke. */
export function DevicesTab({ lang, api, counters }: { lang: Lang; api: ConsoleApi; counters: readonly CounterView[] }) {
  const list = useLoad(api.devices);
  const printers = useLoad(api.printers);
  const [open, setOpen] = useState<Open | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, say] = useAdminNotice();
  const close = () => setOpen(null);

  const revoke = async (device: DeviceView) => {
    setBusy(true);
    const result = await api.revokeDevice(device.id);
    setBusy(false);
    close();
    if (result.ok) {
      say.ok(fill(lang, 'adminDeviceRevokedNotice', { name: device.name }));
      list.reload();
    } else if (result.kind !== 'unauthorized') say.failed(result);
  };

  return (
    <AdminListTab lang={lang} title={t(lang, 'adminTabDevices')} testId="admin-devices" add={{ label: t(lang, 'adminDeviceAdd'), onClick: () => setOpen({ kind: 'new' }), testId: 'device-add' }} notice={notice} failure={list.failure}>
      <table className="table admin-table" data-testid="devices-list">
        <thead>
          <tr>
            <th scope="col">{t(lang, 'adminDeviceName')}</th>
            <th scope="col">{t(lang, 'adminDeviceKind')}</th>
            <th scope="col">{t(lang, 'adminDeviceWhere')}</th>
            <th scope="col">{t(lang, 'adminState')}</th>
            <th scope="col">{t(lang, 'adminDeviceLastSeen')}</th>
            <th scope="col">
              <span className="visually-hidden">{t(lang, 'boardActions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {(list.data ?? []).map((device) => {
            const counter = counters.find((c) => c.id === device.counterId);
            return (
              <tr key={device.id} className={device.revoked ? 'row--retired' : undefined} data-testid="device-item">
                <th scope="row">{device.name}</th>
                <td>{t(lang, kindKey[device.kind])}</td>
                <td data-testid="device-where">
                  {device.kind === 'kiosk'
                    ? fill(lang, 'adminDeviceUsesPrinter', { printer: printers.data?.find((p) => p.id === device.printerId)?.name ?? t(lang, 'adminDeviceNoPrinter') })
                    : counter
                      ? counterLabel(lang, counter)
                      : '—'}
                </td>
                <td>{t(lang, stateKey(device))}</td>
                <td>{device.lastSeenAt ? dateTime(device.lastSeenAt) : t(lang, 'adminNever')}</td>
                <td className="actions">
                  {!device.revoked && (
                    <button type="button" className="btn btn--small" onClick={() => setOpen({ kind: 'settings', device })} data-testid="device-settings">
                      {t(lang, settingsLabel[device.kind])}
                    </button>
                  )}
                  {!device.revoked && (
                    <button type="button" className="btn btn--small" onClick={() => setOpen({ kind: 'revoke', device })} data-testid="device-revoke">
                      {t(lang, 'adminDeviceRevoke')}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {open?.kind === 'new' && (
        <NewDeviceDialog
          lang={lang}
          api={api}
          counters={counters}
          onClose={close}
          onCreated={(created) => {
            setOpen({ kind: 'code', created });
            list.reload();
          }}
        />
      )}
      {open?.kind === 'code' && <PairingCodeDialog lang={lang} created={open.created} onClose={close} />}
      {open?.kind === 'settings' && (
        <DeviceSettingsDialog
          lang={lang}
          api={api}
          device={open.device}
          printers={printers.data ?? []}
          onClose={close}
          onDone={(message) => {
            close();
            say.ok(message);
            // The list is what the next dialog starts from: it must show what was just saved.
            list.reload();
          }}
        />
      )}
      {open?.kind === 'revoke' && (
        <ConfirmDialog
          lang={lang}
          title={fill(lang, 'adminRevokeTitle', { name: open.device.name })}
          body={t(lang, 'adminRevokeBody')}
          confirmLabel={t(lang, 'adminDeviceRevoke')}
          danger
          busy={busy}
          onClose={close}
          onConfirm={() => void revoke(open.device)}
          testId="revoke-dialog"
        />
      )}
    </AdminListTab>
  );
}
