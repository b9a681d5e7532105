import { type AdminField, type FieldBody, fill, type Lang, t } from '@luot/shared';
import { useState, type FormEvent } from 'react';
import type { ConsoleApi } from '../api/console-api.ts';
import type { ApiFailure } from '../api/http.ts';
import { Dialog } from '../components/dialog.tsx';
import { TimeInput } from '../components/masked-inputs.tsx';
import { Problem } from '../components/problem.tsx';
import { invalidProps, Numbers, Row, text, useFocusInvalid } from './form-bits.tsx';
import { slug } from './slug.ts';

interface FieldDialogProps {
  lang: Lang;
  api: ConsoleApi;
  /** null: a new field. */
  field: AdminField | null;
  fields: readonly AdminField[];
  onSaved: (message: string) => void;
  onClose: () => void;
}

/** Creating or editing a field of procedures: its names, number series, limits, hours and target wait. */
export function FieldDialog({ lang, api, field, fields, onSaved, onClose }: FieldDialogProps) {
  const [nameVi, setNameVi] = useState(field?.nameVi ?? '');
  const [nameEn, setNameEn] = useState(field?.nameEn ?? '');
  const [code, setCode] = useState(field?.code ?? '');
  const [codeTouched, setCodeTouched] = useState(field !== null);
  const [prefix, setPrefix] = useState(field?.prefix ?? '');
  const [width, setWidth] = useState(text(field?.width ?? 3));
  const [startNumber, setStartNumber] = useState(text(field?.startNumber ?? 1));
  const [dailyLimit, setDailyLimit] = useState(text(field?.dailyLimit));
  const [opensAt, setOpensAt] = useState(field?.opensAt ?? '');
  const [closesAt, setClosesAt] = useState(field?.closesAt ?? '');
  const [target, setTarget] = useState(text(field?.targetWaitMinutes ?? 30));
  const [service, setService] = useState(text(field?.serviceMinutes ?? 10));
  const [position, setPosition] = useState(text(field?.position ?? Math.max(0, ...fields.map((f) => f.position + 1))));
  const [parentId, setParentId] = useState<number | null>(field?.parentId ?? null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [typed, setTyped] = useState<ReadonlySet<string>>(new Set());
  const groups = fields.filter((f) => f.active && f.parentId === null && f.id !== field?.id);
  const invalid = new Set([...invalidProps(failure), ...typed]);
  useFocusInvalid(invalid);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const numbers = new Numbers();
    const body: FieldBody = {
      code: code.trim(),
      parentId,
      nameVi: nameVi.trim(),
      nameEn: nameEn.trim(),
      prefix: prefix.trim().toUpperCase(),
      width: numbers.int('width', width),
      startNumber: numbers.int('startNumber', startNumber),
      dailyLimit: numbers.intOrNull('dailyLimit', dailyLimit),
      opensAt: opensAt || null,
      closesAt: closesAt || null,
      targetWaitMinutes: numbers.int('targetWaitMinutes', target),
      serviceMinutes: numbers.int('serviceMinutes', service),
      position: numbers.int('position', position),
    };
    setTyped(numbers.bad);
    if (numbers.bad.size) return;
    setBusy(true);
    const result = field ? await api.updateField(field.id, body) : await api.createField(body);
    setBusy(false);
    if (result.ok) onSaved(fill(lang, field ? 'adminFieldUpdated' : 'adminFieldCreated', { name: body.nameVi }));
    else setFailure(result);
  };

  const nameChanged = (value: string) => {
    setNameVi(value);
    if (!codeTouched) setCode(slug(value));
  };

  return (
    <Dialog title={t(lang, field ? 'adminFieldEdit' : 'adminFieldNew')} onClose={onClose} testId="field-dialog" wide>
      <form className="form form--grid" onSubmit={(e) => void submit(e)} noValidate>
        <Row lang={lang} label="adminFieldNameVi" name="nameVi" invalid={invalid} wide>
          <input type="text" value={nameVi} onChange={(e) => nameChanged(e.target.value)} data-autofocus data-testid="field-name-vi" />
        </Row>
        <Row lang={lang} label="adminFieldNameEn" name="nameEn" invalid={invalid} wide>
          <input type="text" value={nameEn} onChange={(e) => setNameEn(e.target.value)} data-testid="field-name-en" />
        </Row>
        <Row lang={lang} label="adminFieldPrefix" hint="adminFieldPrefixHint" name="prefix" invalid={invalid}>
          <input type="text" value={prefix} maxLength={2} onChange={(e) => setPrefix(e.target.value)} data-testid="field-prefix" />
        </Row>
        <Row lang={lang} label="adminFieldCode" hint="adminFieldCodeHint" name="code" invalid={invalid}>
          <input
            type="text"
            value={code}
            onChange={(e) => {
              setCode(e.target.value);
              setCodeTouched(true);
            }}
            data-testid="field-code"
          />
        </Row>
        <Row lang={lang} label="adminFieldWidth" hint="adminFieldWidthHint" name="width" invalid={invalid}>
          <input type="number" min={1} max={5} value={width} onChange={(e) => setWidth(e.target.value)} data-testid="field-width" />
        </Row>
        <Row lang={lang} label="adminFieldStart" name="startNumber" invalid={invalid}>
          <input type="number" min={0} value={startNumber} onChange={(e) => setStartNumber(e.target.value)} data-testid="field-start" />
        </Row>
        <Row lang={lang} label="adminFieldLimit" hint="adminFieldLimitHint" name="dailyLimit" invalid={invalid}>
          <input type="number" min={1} value={dailyLimit} onChange={(e) => setDailyLimit(e.target.value)} data-testid="field-limit" />
        </Row>
        <Row lang={lang} label="adminFieldTarget" hint="adminFieldTargetHint" name="targetWaitMinutes" invalid={invalid}>
          <input type="number" min={1} max={600} value={target} onChange={(e) => setTarget(e.target.value)} data-testid="field-target" />
        </Row>
        <Row lang={lang} label="adminFieldService" hint="adminFieldServiceHint" name="serviceMinutes" invalid={invalid}>
          <input type="number" min={1} max={240} value={service} onChange={(e) => setService(e.target.value)} data-testid="field-service" />
        </Row>
        <Row lang={lang} label="adminFieldOpens" hint="adminFieldHoursHint" name="opensAt" invalid={invalid}>
          <TimeInput value={opensAt} onChange={setOpensAt} data-testid="field-opens" />
        </Row>
        <Row lang={lang} label="adminFieldCloses" name="closesAt" invalid={invalid}>
          <TimeInput value={closesAt} onChange={setClosesAt} data-testid="field-closes" />
        </Row>
        <Row lang={lang} label="adminFieldParent" hint="adminFieldParentHint" name="parentId" invalid={invalid}>
          <select value={parentId ?? ''} onChange={(e) => setParentId(e.target.value === '' ? null : Number(e.target.value))} data-testid="field-parent">
            <option value="">{t(lang, 'adminFieldNoParent')}</option>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.prefix} · {lang === 'vi' ? g.nameVi : g.nameEn}
              </option>
            ))}
          </select>
        </Row>
        <Row lang={lang} label="adminFieldPosition" hint="adminFieldPositionHint" name="position" invalid={invalid}>
          <input type="number" min={0} value={position} onChange={(e) => setPosition(e.target.value)} data-testid="field-position" />
        </Row>
        <div className="form__wide">
          {typed.size > 0 && <p className="problem problem__text">{t(lang, 'adminNumbersInvalid')}</p>}
          <Problem lang={lang} failure={failure} testId="form-problem" />
        </div>
        <div className="dialog__actions form__wide">
          <button type="button" className="btn" onClick={onClose}>
            {t(lang, 'consoleCancel')}
          </button>
          <button type="submit" className="btn btn--primary" disabled={busy} data-testid="field-save">
            {t(lang, 'consoleSave')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
