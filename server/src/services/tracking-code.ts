import { randomBytes } from 'node:crypto';

/** 96 random bits per code: unguessable, and short enough for the receipt's QR code. */
const CODE_BYTES = 12;
/** Random bytes are drawn in blocks: one call to the system's generator per 341 tickets, not one per ticket. */
const BLOCK = CODE_BYTES * 341;

let block = Buffer.alloc(0);
let used = 0;

/** A new tracking code for /t/<code>, base64url. No byte is ever used for two codes. */
export function newTrackingCode(): string {
  if (used + CODE_BYTES > block.length) {
    block = randomBytes(BLOCK);
    used = 0;
  }
  const code = block.toString('base64url', used, used + CODE_BYTES);
  used += CODE_BYTES;
  return code;
}
