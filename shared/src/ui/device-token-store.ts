/** A device's token in localStorage, so a kiosk or screen survives reloads and power cuts without pairing again. */
export function readToken(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    // A locked-down browser profile may deny storage: behave as unpaired rather than crash.
    return null;
  }
}

export function saveToken(key: string, token: string): void {
  try {
    window.localStorage.setItem(key, token);
  } catch {
    // Not persisted: the device works until the next reload, then pairs again.
  }
}

export function clearToken(key: string): void {
  try {
    window.localStorage.removeItem(key);
  } catch {
    // Nothing stored, nothing to forget.
  }
}
