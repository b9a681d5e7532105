import { t, type CounterView, type DeviceKind, type DeviceView, type Lang, type PrinterState } from '@luot/shared';
import type { Static } from 'typebox';
import type { CreatedDevice } from '@luot/shared';
import { useState, type FormEvent } from 'react';
import type { ConsoleApi } from '../api/console-api.ts';
import type { ApiFailure } from '../api/http.ts';
import { Dialog } from '../components/dialog.tsx';
import { Problem } from '../components/problem.tsx';
import { fill } from '../text/fill.ts';
import { counterLabel } from '../text/names.ts';
import { clockTime } from '../time/clock.ts';
import { invalidProps, Row, useFocusInvalid } from './form-bits.tsx';

export type Created = Static<typeof CreatedDevice>;
const kinds: readonly DeviceKind[] = ['kiosk', 'counter_display', 'hall_board'];
export const kindKey = { kiosk: 'adminKindKiosk', counter_display: 'adminKindCounterDisplay', hall_board: 'adminKindHallBoard' } as const;

interface NewDeviceProps {
  lang: Lang;
  api: ConsoleApi;
  counters: readonly CounterView[];
  onCreated: (created: Created) => void;
  onClose: () => void;
}

/** Registering a screen or kiosk; the answer is a pairing code the admin types on the device within ten minutes. */
export function NewDeviceDialog({ lang, api, counters, onCreated, onClose }: NewDeviceProps) {
  const [kind, setKind] = useState<DeviceKind>('counter_display');
  const [name, setName] = useState('');
  const [counterId, setCounterId] = useState<number | null>(counters[0]?.id ?? null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const invalid = invalidProps(failure);
  useFocusInvalid(invalid);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await api.createDevice({ kind, name: name.trim(), counterId: kind === 'counter_display' ? counterId : null });
    setBusy(false);
    if (result.ok) onCreated(result.body);
    else setFailure(result);
  };

  return (
    <Dialog title={t(lang, 'adminDeviceNew')} onClose={onClose} testId="device-dialog">
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <Row lang={lang} label="adminDeviceKind" name="kind" invalid={invalid}>
          <select value={kind} onChange={(e) => setKind(kinds.find((k) => k === e.target.value) ?? 'kiosk')} data-autofocus data-testid="device-kind">
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(lang, kindKey[k])}
              </option>
            ))}
          </select>
        </Row>
        <Row lang={lang} label="adminDeviceName" hint="adminDeviceNameHint" name="name" invalid={invalid}>
          <input type="text" value={name} onChange={(e) => setName(e.target.value)} data-testid="device-name" />
        </Row>
        {kind === 'counter_display' && (
          <Row lang={lang} label="adminDeviceCounter" name="counterId" invalid={invalid}>
            <select value={counterId ?? ''} onChange={(e) => setCounterId(Number(e.target.value))} data-testid="device-counter">
              {counters.map((c) => (
                <option key={c.id} value={c.id}>
                  {counterLabel(lang, c)}
                </option>
              ))}
            </select>
          </Row>
        )}
        <Problem lang={lang} failure={failure} testId="form-problem" />
        <div className="dialog__actions">
          <button type="button" className="btn" onClick={onClose}>
            {t(lang, 'consoleCancel')}
          </button>
          <button type="submit" className="btn btn--primary" disabled={busy} data-testid="device-save">
            {t(lang, 'adminDeviceCreate')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** The pairing code, shown once, with when it stops working. */
export function PairingCodeDialog({ lang, created, onClose }: { lang: Lang; created: Created; onClose: () => void }) {
  return (
    <Dialog title={fill(lang, 'adminPairingTitle', { name: created.device.name })} onClose={onClose} testId="pairing-dialog">
      <p className="dialog__body">{fill(lang, 'adminPairingOnce', { time: clockTime(created.pairingExpiresAt) })}</p>
      <p className="secret" data-testid="pairing-code">
        {created.pairingCode}
      </p>
      <div className="dialog__actions">
        <button type="button" className="btn btn--primary" onClick={onClose} data-autofocus>
          {t(lang, 'adminPasswordDone')}
        </button>
      </div>
    </Dialog>
  );
}

interface DeviceSettingsProps {
  lang: Lang;
  api: ConsoleApi;
  device: DeviceView;
  printers: readonly PrinterState[];
  onDone: (message: string) => void;
  onClose: () => void;
}

/**
 * A screen's sound (on/off, volume) and calm mode (no scrolling notice, no flashing), or a kiosk's receipt
 * printer. The form starts from what the device has now (a kiosk without a printer shows “Không in phiếu”,
 * never the first printer in the list); saving sets all of it.
 */
export function DeviceSettingsDialog({ lang, api, device, printers, onDone, onClose }: DeviceSettingsProps) {
  const [sound, setSound] = useState(device.settings.soundEnabled);
  const [volume, setVolume] = useState(device.settings.volume);
  const [calm, setCalm] = useState(device.settings.calm === true);
  const [printerId, setPrinterId] = useState<number | null>(printers.some((p) => p.id === device.printerId) ? device.printerId : null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const kiosk = device.kind === 'kiosk';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = kiosk ? await api.devicePrinter(device.id, printerId) : await api.deviceSettings(device.id, { soundEnabled: sound, volume, calm });
    setBusy(false);
    if (result.ok) onDone(fill(lang, 'adminDeviceSettingsSaved', { name: device.name }));
    else setFailure(result);
  };

  return (
    <Dialog title={fill(lang, 'adminDeviceSettingsTitle', { name: device.name })} onClose={onClose} testId="device-settings-dialog">
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        {kiosk ? (
          <label className="form__row">
            <span>{t(lang, 'adminDevicePrinter')}</span>
            <select value={printerId ?? ''} onChange={(e) => setPrinterId(e.target.value === '' ? null : Number(e.target.value))} data-autofocus data-testid="device-printer">
              <option value="">{t(lang, 'adminDeviceNoPrinter')}</option>
              {printers.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <>
            {/* Counter screens do not speak (the hall board does): they only have the calm setting. */}
            {device.kind === 'hall_board' && (
              <>
                <label className="choice__option">
                  <input type="checkbox" checked={sound} onChange={(e) => setSound(e.target.checked)} data-autofocus data-testid="device-sound" />
                  {t(lang, 'adminDeviceSound')}
                </label>
                <label className="form__row">
                  <span>{fill(lang, 'adminDeviceVolume', { volume })}</span>
                  <input type="range" min={0} max={100} step={5} value={volume} disabled={!sound} onChange={(e) => setVolume(Number(e.target.value))} data-testid="device-volume" />
                </label>
              </>
            )}
            <label className="choice__option">
              <input type="checkbox" checked={calm} onChange={(e) => setCalm(e.target.checked)} aria-describedby="device-calm-hint" data-testid="device-calm" />
              {t(lang, 'adminDeviceCalm')}
            </label>
            <p className="form__hint choice__text" id="device-calm-hint">
              {t(lang, 'adminDeviceCalmHint')}
            </p>
          </>
        )}
        <p className="form__hint">{t(lang, 'adminDeviceSettingsNote')}</p>
        <Problem lang={lang} failure={failure} testId="form-problem" />
        <div className="dialog__actions">
          <button type="button" className="btn" onClick={onClose}>
            {t(lang, 'consoleCancel')}
          </button>
          <button type="submit" className="btn btn--primary" disabled={busy} data-testid="device-settings-save">
            {t(lang, 'consoleSave')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
