import { createHash, randomBytes, randomInt } from 'node:crypto';

/** Bearer tokens carry their kind so the server knows which table to look in; only hashes are stored. */
export type TokenKind = 'staff' | 'device' | 'integration';
const prefix: Record<TokenKind, string> = { staff: 's_', device: 'd_', integration: 'i_' };

export function newToken(kind: TokenKind): string {
  return prefix[kind] + randomBytes(32).toString('base64url');
}

export function tokenKind(token: string): TokenKind | null {
  if (token.startsWith(prefix.staff)) return 'staff';
  if (token.startsWith(prefix.device)) return 'device';
  if (token.startsWith(prefix.integration)) return 'integration';
  return null;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Pairing codes are typed by an admin on a kiosk or TV remote: eight digits, valid for minutes. */
export function newPairingCode(): string {
  return String(randomInt(0, 100_000_000)).padStart(8, '0');
}
