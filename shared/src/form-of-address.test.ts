import { describe, expect, it } from 'vitest';
import { errorCatalog } from './errors.ts';
import { strings, type StringKey } from './i18n.ts';

/** "bạn" as a word (not inside another word), in any case. */
const ban = /(^|[^\p{L}])bạn($|[^\p{L}])/iu;

/**
 * Strings the citizen meets: the kiosk (and its helpers and spoken guidance), the receipt, the phone page, the
 * rating screen, the counter screens and hall board, the estimated wait's words.
 */
const citizenPrefixes = ['kiosk', 'assist', 'guide', 'receipt', 'track', 'rate', 'display', 'hall', 'wait'];
const citizenKeys = (Object.keys(strings.vi) as StringKey[]).filter((key) => citizenPrefixes.some((p) => key.startsWith(p)));

describe('form of address (GLOSSARY.md)', () => {
  it('covers every screen and paper a citizen sees', () => {
    for (const prefix of citizenPrefixes) expect(citizenKeys.some((k) => k.startsWith(prefix)), prefix).toBe(true);
  });

  it('never calls the citizen “bạn”: the kiosk, receipt, phone page and rating screen say “Ông/Bà”', () => {
    for (const key of citizenKeys) expect(strings.vi[key], key).not.toMatch(ban);
    for (const key of ['kioskYourNumber', 'kioskPeopleAhead', 'kioskChoosePriority', 'receiptYourNumber', 'receiptPeopleAhead', 'trackYourNumber', 'rateQuestion'] as const) {
      expect(strings.vi[key].toLowerCase(), key).toContain('ông/bà');
    }
  });

  it('uses no form of address on staff screens either, nor in any message a kiosk may show', () => {
    for (const [key, text] of Object.entries(strings.vi)) expect(text, key).not.toMatch(ban);
    for (const [code, entry] of Object.entries(errorCatalog)) expect(entry.vi, code).not.toMatch(ban);
  });
});
