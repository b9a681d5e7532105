/**
 * The staff session token lives in sessionStorage: it survives a reload or a crashed tab being restored,
 * but not the browser being closed, so an officer leaving a shared counter PC does not leave a session open.
 * The counter seat itself is kept by the server, so signing in again brings the officer back to it.
 */
const storageKey = 'luot.console.token';

export function readToken(): string | null {
  try {
    return window.sessionStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

export function saveToken(token: string): void {
  try {
    window.sessionStorage.setItem(storageKey, token);
  } catch {
    // Not persisted: the console works until the next reload, then asks to sign in again.
  }
}

export function clearToken(): void {
  try {
    window.sessionStorage.removeItem(storageKey);
  } catch {
    // Nothing stored, nothing to forget.
  }
}
