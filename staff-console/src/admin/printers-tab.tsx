import { printerProblemText, t, type Lang, type PrinterState, type PublicLink } from '@luot/shared';
import { useState, type FormEvent } from 'react';
import type { ConsoleApi } from '../api/console-api.ts';
import type { ApiFailure } from '../api/http.ts';
import { ConfirmDialog } from '../components/confirm-dialog.tsx';
import { Dialog } from '../components/dialog.tsx';
import { Problem } from '../components/problem.tsx';
import { fill } from '../text/fill.ts';
import { dateTime } from '../time/clock.ts';
import { AdminListTab } from './admin-list-tab.tsx';
import { useAdminNotice } from './admin-notice.tsx';
import { invalidProps, Row, useFocusInvalid } from './form-bits.tsx';
import { useLoad } from './use-load.ts';

const outcomeKey = { printed: 'adminTestPrinted', queued: 'adminTestQueued', failed: 'adminTestFailed', none: 'adminTestFailed' } as const;

/** Receipt printers: add, print a test receipt, ask for the status now, remove. */
export function PrintersTab({ lang, api }: { lang: Lang; api: ConsoleApi }) {
  const list = useLoad(api.printers);
  const link = useLoad(api.publicLink);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<PrinterState | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const [notice, say] = useAdminNotice();
  const status = (p: PrinterState) => (p.problems.length ? p.problems.map((x) => printerProblemText[x][lang]).join(', ') : t(lang, 'adminPrinterOk'));

  const test = async (printer: PrinterState) => {
    setBusy(printer.id);
    const result = await api.testPrinter(printer.id);
    setBusy(null);
    if (result.ok) say.ok(fill(lang, outcomeKey[result.body.status], { name: printer.name }));
    else if (result.kind !== 'unauthorized') say.failed(result);
    list.reload();
  };

  const check = async (printer: PrinterState) => {
    setBusy(printer.id);
    const result = await api.checkPrinter(printer.id);
    setBusy(null);
    if (result.ok) say.ok(`${printer.name}: ${status(result.body)}`);
    else if (result.kind !== 'unauthorized') say.failed(result);
    list.reload();
  };

  const remove = async (printer: PrinterState) => {
    setBusy(printer.id);
    const result = await api.deletePrinter(printer.id);
    setBusy(null);
    setRemoving(null);
    if (result.ok) say.ok(fill(lang, 'adminPrinterRemoved', { name: printer.name }));
    else if (result.kind !== 'unauthorized') say.failed(result);
    list.reload();
  };

  return (
    <AdminListTab lang={lang} title={t(lang, 'adminTabPrinters')} testId="admin-printers" add={{ label: t(lang, 'adminPrinterAdd'), onClick: () => setAdding(true), testId: 'printer-add' }} notice={notice} failure={list.failure}>
      {link.data && <LinkLine lang={lang} link={link.data} />}
      {list.data?.length === 0 && (
        <p className="notice notice--info" data-testid="printers-empty">
          {t(lang, 'adminPrintersEmpty')}
        </p>
      )}
      <table className="table admin-table" data-testid="printers-list" hidden={list.data?.length === 0}>
        <thead>
          <tr>
            <th scope="col">{t(lang, 'adminPrinterName')}</th>
            <th scope="col">{t(lang, 'adminPrinterUri')}</th>
            <th scope="col">{t(lang, 'adminPrinterPaper')}</th>
            <th scope="col">{t(lang, 'adminState')}</th>
            <th scope="col">{t(lang, 'adminPrinterCheckedAt')}</th>
            <th scope="col" className="num">
              {t(lang, 'adminPrinterQueued')}
            </th>
            <th scope="col">
              <span className="visually-hidden">{t(lang, 'boardActions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {(list.data ?? []).map((printer) => (
            <tr key={printer.id} className={printer.problems.length ? 'row--alert' : undefined} data-testid="printer-item">
              <th scope="row">{printer.name}</th>
              <td className="mono">{printer.uri}</td>
              <td>{printer.widthDots === 576 ? '80 mm' : '58 mm'}</td>
              <td>{status(printer)}</td>
              <td>{printer.checkedAt ? dateTime(printer.checkedAt) : t(lang, 'adminNever')}</td>
              <td className="num">{printer.queued}</td>
              <td className="actions">
                <button type="button" className="btn btn--small" disabled={busy !== null} onClick={() => void test(printer)}>
                  {t(lang, 'adminPrinterTest')}
                </button>
                <button type="button" className="btn btn--small" disabled={busy !== null} onClick={() => void check(printer)}>
                  {t(lang, 'adminPrinterCheck')}
                </button>
                <button type="button" className="btn btn--small" disabled={busy !== null} onClick={() => setRemoving(printer)}>
                  {t(lang, 'adminRemove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {adding && (
        <NewPrinterDialog
          lang={lang}
          api={api}
          onClose={() => setAdding(false)}
          onAdded={(printer) => {
            setAdding(false);
            say.ok(`${fill(lang, 'adminPrinterAdded', { name: printer.name })} ${status(printer)}`);
            list.reload();
          }}
        />
      )}
      {removing && (
        <ConfirmDialog
          lang={lang}
          title={fill(lang, 'adminPrinterRemoveTitle', { name: removing.name })}
          body={t(lang, 'adminPrinterRemoveBody')}
          confirmLabel={t(lang, 'adminRemove')}
          danger
          busy={busy !== null}
          onClose={() => setRemoving(null)}
          onConfirm={() => void remove(removing)}
          testId="remove-dialog"
        />
      )}
    </AdminListTab>
  );
}

/** Where the receipts' QR codes lead, to try with a phone; a warning when phones cannot be expected to open it. */
function LinkLine({ lang, link }: { lang: Lang; link: PublicLink }) {
  const warning =
    link.source === 'unreachable'
      ? t(lang, 'adminPublicLinkNone')
      : link.source === 'lan' && link.addresses.length > 1
        ? fill(lang, 'adminPublicLinkSeveral', { addresses: link.addresses.join(', ') })
        : null;
  return (
    <div className="public-link" data-testid="public-link" data-source={link.source}>
      <p>
        {t(lang, 'adminPublicLink')} <span className="mono">{link.base}/t/…</span>
      </p>
      {warning ? (
        <p className="notice notice--error" role="alert" data-testid="public-link-warning">
          {warning}
        </p>
      ) : (
        <p className="muted">{t(lang, 'adminPublicLinkHint')}</p>
      )}
    </div>
  );
}

function NewPrinterDialog({ lang, api, onAdded, onClose }: { lang: Lang; api: ConsoleApi; onAdded: (p: PrinterState) => void; onClose: () => void }) {
  const [name, setName] = useState('');
  const [uri, setUri] = useState('tcp://');
  const [width, setWidth] = useState<384 | 576>(576);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const invalid = invalidProps(failure);
  useFocusInvalid(invalid);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await api.createPrinter({ name: name.trim(), uri: uri.trim(), widthDots: width });
    setBusy(false);
    if (result.ok) onAdded(result.body);
    else setFailure(result);
  };

  return (
    <Dialog title={t(lang, 'adminPrinterNew')} onClose={onClose} testId="printer-dialog">
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <Row lang={lang} label="adminPrinterName" name="name" invalid={invalid}>
          <input type="text" value={name} onChange={(e) => setName(e.target.value)} data-autofocus data-testid="printer-name" />
        </Row>
        <Row lang={lang} label="adminPrinterUri" hint="adminPrinterUriHint" name="uri" invalid={invalid}>
          <input type="text" value={uri} onChange={(e) => setUri(e.target.value)} spellCheck={false} data-testid="printer-uri" />
        </Row>
        <fieldset className="choice">
          <legend>{t(lang, 'adminPrinterPaper')}</legend>
          <label className="choice__option">
            <input type="radio" name="width" checked={width === 576} onChange={() => setWidth(576)} />
            80 mm
          </label>
          <label className="choice__option">
            <input type="radio" name="width" checked={width === 384} onChange={() => setWidth(384)} />
            58 mm
          </label>
        </fieldset>
        <Problem lang={lang} failure={failure} testId="form-problem" />
        <div className="dialog__actions">
          <button type="button" className="btn" onClick={onClose}>
            {t(lang, 'consoleCancel')}
          </button>
          <button type="submit" className="btn btn--primary" disabled={busy} data-testid="printer-save">
            {t(lang, 'adminPrinterAdd')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
