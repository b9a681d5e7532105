import { fieldCatalog, type Role, type SetupBody } from '@luot/shared';

/** A field on the setup screen: from the catalog or added by hand; only ticked ones are sent. */
export interface DraftField {
  code: string;
  nameVi: string;
  nameEn: string;
  prefix: string;
  chosen: boolean;
  hintVi: string;
  hintEn: string;
}

export interface DraftCounter {
  number: number;
  name: string;
  /** Codes of the fields it serves, in calling order. */
  fields: string[];
}

export interface DraftStaff {
  username: string;
  displayName: string;
  role: Role;
}

/**
 * Everything typed on the setup screen, kept in the browser until "Finish". Counters, accounts and screens are
 * proposed from the steps before the first time their step opens, then left to the installer.
 */
export interface Draft {
  name: string;
  address: string;
  opensAt: string;
  closesAt: string;
  fields: DraftField[];
  counters: DraftCounter[] | null;
  staff: DraftStaff[] | null;
  kiosks: number;
  hallBoard: boolean;
  /** Counter numbers that get a screen; null until the devices step opens. */
  screens: number[] | null;
}

export const initialDraft = (): Draft => ({
  name: 'Trung tâm Phục vụ hành chính công ',
  address: '',
  opensAt: '07:30',
  closesAt: '17:00',
  fields: fieldCatalog.map((f) => ({ code: f.code, nameVi: f.nameVi, nameEn: f.nameEn, prefix: f.prefix, chosen: f.common, hintVi: f.hintVi, hintEn: f.hintEn })),
  counters: null,
  staff: null,
  kiosks: 1,
  hallBoard: true,
  screens: null,
});

export const chosenFields = (draft: Draft) => draft.fields.filter((f) => f.chosen);

/** One counter per chosen field to start from: the usual layout of a small commune center. */
export function proposeCounters(draft: Draft): DraftCounter[] {
  return chosenFields(draft).map((f, i) => ({ number: i + 1, name: `Quầy số ${i + 1}`, fields: [f.code] }));
}

/** A leader's account and one officer per counter, named after the counter until the real names are typed. */
export function proposeStaff(counters: readonly DraftCounter[]): DraftStaff[] {
  return [
    { username: 'giamsat', displayName: 'Lãnh đạo Trung tâm', role: 'supervisor' },
    ...counters.map((c): DraftStaff => ({ username: `quay${c.number}`, displayName: `Cán bộ quầy ${c.number}`, role: 'officer' })),
  ];
}

/** The request the server receives; names for the devices come from the language the installer reads. */
export function toBody(draft: Draft, names: { kiosk: (n: number) => string; hall: string; screen: (n: number) => string }): SetupBody {
  const fields = chosenFields(draft);
  const codes = new Set(fields.map((f) => f.code));
  const counters = draft.counters ?? proposeCounters(draft);
  const numbers = new Set(counters.map((c) => c.number));
  return {
    center: { name: draft.name.trim(), address: draft.address.trim() },
    hours: { opensAt: draft.opensAt, closesAt: draft.closesAt },
    fields: fields.map(({ code, nameVi, nameEn, prefix }) => ({ code, nameVi: nameVi.trim(), nameEn: nameEn.trim() || nameVi.trim(), prefix: prefix.trim().toUpperCase() })),
    // A field unticked after its counter was set up drops out of that counter too.
    counters: counters.map((c) => ({ number: c.number, name: c.name.trim(), fields: c.fields.filter((code) => codes.has(code)) })),
    staff: (draft.staff ?? proposeStaff(counters)).map((s) => ({ ...s, username: s.username.trim(), displayName: s.displayName.trim() })),
    devices: [
      ...Array.from({ length: draft.kiosks }, (_, i) => ({ kind: 'kiosk' as const, name: names.kiosk(i + 1), counter: null })),
      ...(draft.hallBoard ? [{ kind: 'hall_board' as const, name: names.hall, counter: null }] : []),
      ...(draft.screens ?? counters.map((c) => c.number))
        .filter((n) => numbers.has(n))
        .map((n) => ({ kind: 'counter_display' as const, name: names.screen(n), counter: n })),
    ],
  };
}
