import { errorCatalog, type ErrorCode } from '@luot/shared';
import { expect } from 'vitest';

/** The one error shape: the catalog's code, its HTTP status in the body too, and its two texts. */
export function expectCatalogError(status: number, bodyText: string, code?: ErrorCode): ErrorCode {
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    throw new Error(`error body is not JSON (status ${status}): ${bodyText.slice(0, 200)}`);
  }
  const shaped = body as { statusCode?: unknown; code?: unknown; message?: { vi?: unknown; en?: unknown } };
  expect(shaped.statusCode, bodyText.slice(0, 300)).toBe(status);
  expect(typeof shaped.code, bodyText.slice(0, 300)).toBe('string');
  expect(typeof shaped.message?.vi).toBe('string');
  expect(typeof shaped.message?.en).toBe('string');
  const found = String(shaped.code);
  expect(Object.keys(errorCatalog), `unknown error code ${found}`).toContain(found);
  const entry = errorCatalog[found as ErrorCode];
  expect(entry.status).toBe(status);
  expect(shaped.message).toEqual({ vi: entry.vi, en: entry.en });
  if (code) expect(found).toBe(code);
  return found as ErrorCode;
}
