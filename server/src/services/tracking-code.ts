import { randomBytes } from 'node:crypto';

/** 96 random bits per code: unguessable, and short enough for the receipt's QR code. */
const CODE_BYTES = 12;
/** Random bytes are drawn in blocks: one call to the system's generator per 341 tickets, not one per ticket. */
const BLOCK = CODE_BYTES * 341;

/**
 * A source of tracking codes for /t/<code>, base64url. Each writer (the queue service, the history generator)
 * owns one, so no state is shared between apps built in one process. No byte is ever used for two codes.
 */
export function createTrackingCodes(): () => string {
  let block = Buffer.alloc(0);
  let used = 0;
  return () => {
    if (used + CODE_BYTES > block.length) {
      block = randomBytes(BLOCK);
      used = 0;
    }
    const code = block.toString('base64url', used, used + CODE_BYTES);
    used += CODE_BYTES;
    return code;
  };
}
