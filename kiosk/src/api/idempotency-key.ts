/**
 * A fresh key for one citizen's request: 16 random bytes as 22 URL-safe base64 characters, inside the
 * server's pattern ^[A-Za-z0-9_-]{8,64}$. Retries of the same request reuse it, so the server answers
 * with the ticket it already issued instead of a second one.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
