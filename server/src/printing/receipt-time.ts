/**
 * Viet Nam has kept UTC+7 without daylight saving since 1975, so a fixed offset gives Asia/Ho_Chi_Minh
 * wall-clock time on any server, whatever its own time zone or ICU data.
 */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

const two = (n: number) => String(n).padStart(2, '0');

/** dd/MM/yyyy HH:mm in Asia/Ho_Chi_Minh, the way dates are written on Vietnamese forms. */
export function formatReceiptTime(epochMs: number): string {
  const d = new Date(epochMs + VIETNAM_OFFSET_MS);
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}
