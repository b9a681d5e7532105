/** Where the kiosk keeps its device token between reloads and power cuts. */
const storageKey = 'luot.kiosk.token';

export function readToken(): string | null {
  try {
    return window.localStorage.getItem(storageKey);
  } catch {
    // Storage denied by a locked-down browser profile: behave as unpaired rather than crash.
    return null;
  }
}

export function saveToken(token: string): void {
  try {
    window.localStorage.setItem(storageKey, token);
  } catch {
    // Not persisted: the kiosk works until the next reload, then asks to pair again.
  }
}

export function clearToken(): void {
  try {
    window.localStorage.removeItem(storageKey);
  } catch {
    // Nothing stored, nothing to forget.
  }
}
