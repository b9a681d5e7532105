import { failureOf, readJson, type ApiResult } from './http.ts';

/** A file the server sent as an attachment, with the name it chose for it. */
export interface DownloadedFile {
  blob: Blob;
  /** From Content-Disposition: the UTF-8 `filename*` when present (Vietnamese names), else the plain `filename`. */
  fileName: string | null;
}

/** `?a=1&b=2` from the defined values only; '' when there are none. */
export function queryString(values: Readonly<Record<string, string | undefined>>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== undefined) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The file name of an attachment (RFC 6266), preferring the exact UTF-8 name over the ASCII fallback. */
export function attachmentName(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim()).normalize('NFC');
    } catch {
      // A broken encoding: fall back to the plain name below.
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"/i.exec(header) ?? /filename\s*=\s*([^;]+)/i.exec(header);
  return plain?.[1]?.trim() ?? null;
}

/** GET of a file with the session's token; failures read the same as those of `request` in http.ts. */
export async function requestFile(path: string, token: string, timeoutMs: number): Promise<ApiResult<DownloadedFile>> {
  const controller = new AbortController();
  const timer = window.setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(path, { headers: { authorization: `Bearer ${token}` }, cache: 'no-store', signal: controller.signal });
    if (response.ok) {
      return { ok: true, status: response.status, body: { blob: await response.blob(), fileName: attachmentName(response.headers.get('content-disposition')) } };
    }
    return failureOf(response.status, await readJson(response));
  } catch {
    return { ok: false, kind: 'network' };
  } finally {
    window.clearTimeout(timer);
  }
}
