/**
 * User-facing strings shared by the kiosk, counter display and staff console, assembled from one file per app
 * and screen under i18n/. Vietnamese is the default language; vocabulary follows GLOSSARY.md. All text is
 * NFC-normalized, because decomposed diacritics render badly on some kiosk fonts and break string comparisons.
 */

import { assistEn, assistVi } from './i18n/assist.ts';
import { bookingEn, bookingVi } from './i18n/booking.ts';
import { commonEn, commonVi } from './i18n/common.ts';
import { consoleAdminBackupsEn, consoleAdminBackupsVi } from './i18n/console/admin-backups.ts';
import { consoleAdminCenterEn, consoleAdminCenterVi } from './i18n/console/admin-center.ts';
import { consoleAdminCountersEn, consoleAdminCountersVi } from './i18n/console/admin-counters.ts';
import { consoleAdminDevicesEn, consoleAdminDevicesVi } from './i18n/console/admin-devices.ts';
import { consoleAdminRulesEn, consoleAdminRulesVi } from './i18n/console/admin-rules.ts';
import { consoleAdminBookingEn, consoleAdminBookingVi } from './i18n/console/admin-booking.ts';
import { consoleAdminSmsEn, consoleAdminSmsVi } from './i18n/console/admin-sms.ts';
import { consoleBoardEn, consoleBoardVi } from './i18n/console/board.ts';
import { consoleDeskEn, consoleDeskVi } from './i18n/console/desk.ts';
import { consoleReportsEn, consoleReportsVi } from './i18n/console/reports.ts';
import { consoleIntegrationsEn, consoleIntegrationsVi } from './i18n/console/integrations.ts';
import { consoleShellEn, consoleShellVi } from './i18n/console/shell.ts';
import { consoleStaffingEn, consoleStaffingVi } from './i18n/console/staffing.ts';
import { consoleTicketLookupEn, consoleTicketLookupVi } from './i18n/console/ticket-lookup.ts';
import { displayEn, displayVi } from './i18n/display.ts';
import { feedbackEn, feedbackVi } from './i18n/feedback.ts';
import { kioskEn, kioskVi } from './i18n/kiosk.ts';
import { receiptEn, receiptVi } from './i18n/receipt.ts';
import { setupEn, setupVi } from './i18n/setup.ts';
import type { Placeholders, SamePlaceholders } from './i18n/placeholders.ts';

export const langs = ['vi', 'en'] as const;
export type Lang = (typeof langs)[number];
export const defaultLang: Lang = 'vi';

const vi = {
  ...assistVi,
  ...bookingVi,
  ...setupVi,
  ...commonVi,
  ...kioskVi,
  ...displayVi,
  ...feedbackVi,
  ...receiptVi,
  ...consoleShellVi,
  ...consoleDeskVi,
  ...consoleTicketLookupVi,
  ...consoleBoardVi,
  ...consoleAdminCenterVi,
  ...consoleAdminCountersVi,
  ...consoleAdminDevicesVi,
  ...consoleAdminRulesVi,
  ...consoleAdminBookingVi,
  ...consoleAdminBackupsVi,
  ...consoleAdminSmsVi,
  ...consoleReportsVi,
  ...consoleIntegrationsVi,
  ...consoleStaffingVi,
};

export type StringKey = keyof typeof vi;

// Each part is typed against its Vietnamese keys, so a missing or misspelled English entry is a compile error.
const en = {
  ...assistEn,
  ...bookingEn,
  ...setupEn,
  ...commonEn,
  ...kioskEn,
  ...displayEn,
  ...feedbackEn,
  ...receiptEn,
  ...consoleShellEn,
  ...consoleDeskEn,
  ...consoleTicketLookupEn,
  ...consoleBoardEn,
  ...consoleAdminCenterEn,
  ...consoleAdminCountersEn,
  ...consoleAdminDevicesEn,
  ...consoleAdminRulesEn,
  ...consoleAdminBookingEn,
  ...consoleAdminBackupsEn,
  ...consoleAdminSmsEn,
  ...consoleReportsEn,
  ...consoleIntegrationsEn,
  ...consoleStaffingEn,
} satisfies Record<StringKey, string>;

// A translation that drops or renames a `{placeholder}` fails the type check here, naming the key.
const placeholdersMatch: SamePlaceholders<typeof vi, typeof en> = true;
void placeholdersMatch;

export const strings: Readonly<Record<Lang, Readonly<Record<StringKey, string>>>> = { vi, en };

export function t(lang: Lang, key: StringKey): string {
  return strings[lang][key];
}

/** The values a string's `{name}` placeholders take; the names come from the Vietnamese template itself. */
export type FillValues<K extends StringKey> = Readonly<Record<Placeholders<(typeof vi)[K]>, string | number>>;

const placeholder = /\{(\w+)\}/g;

/**
 * A string with its `{name}` placeholders filled, so word order stays with the translation, not the code:
 * fill('vi', 'displayCounter', { number: 3 }) → "Quầy số 3". A missing or unknown name is a type error.
 */
export function fill<K extends StringKey>(lang: Lang, key: K, values: FillValues<K>): string {
  const byName: Readonly<Record<string, string | number>> = values;
  return t(lang, key).replace(placeholder, (whole, name: string) => {
    const value = byName[name];
    return value === undefined ? whole : String(value);
  });
}

/**
 * The same string cut into text and filled values (odd indexes), for screens that set the values apart,
 * e.g. in <strong>, so the number a citizen looks for stands out from the sentence.
 */
export function fillParts<K extends StringKey>(lang: Lang, key: K, values: FillValues<K>): string[] {
  const byName: Readonly<Record<string, string | number>> = values;
  // split() with one capture group alternates text (even indexes) and placeholder names (odd).
  return t(lang, key)
    .split(placeholder)
    .map((part, i) => (i % 2 === 0 ? part : String(byName[part] ?? `{${part}}`)));
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (langs as readonly string[]).includes(value);
}
