/**
 * What a file really is, from its first bytes (the client's content type is not believed): the five formats a
 * hall board's Chromium plays without plug-ins. Anything else is refused.
 */
export type MediaType = { kind: 'image' | 'video'; mime: string; ext: string };

const starts = (b: Buffer, bytes: readonly number[], at = 0) => b.length >= at + bytes.length && bytes.every((x, i) => b[at + i] === x);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

export function sniffMedia(b: Buffer): MediaType | null {
  if (starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { kind: 'image', mime: 'image/png', ext: 'png' };
  if (starts(b, [0xff, 0xd8, 0xff])) return { kind: 'image', mime: 'image/jpeg', ext: 'jpg' };
  if (starts(b, ascii('RIFF')) && starts(b, ascii('WEBP'), 8)) return { kind: 'image', mime: 'image/webp', ext: 'webp' };
  if (starts(b, ascii('ftyp'), 4)) return { kind: 'video', mime: 'video/mp4', ext: 'mp4' };
  if (starts(b, [0x1a, 0x45, 0xdf, 0xa3])) return { kind: 'video', mime: 'video/webm', ext: 'webm' };
  return null;
}
