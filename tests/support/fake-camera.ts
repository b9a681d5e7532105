import { writeFileSync } from 'node:fs';
import { encode } from 'uqr';

/**
 * A video file for Chromium's fake camera (`--use-file-for-fake-video-capture`) showing a QR code, written by hand
 * as YUV4MPEG2 (no ffmpeg on this machine): a one-line text header, then per frame "FRAME\n" and the raw I420
 * planes — luma one byte per pixel (black 16, white 235), then the two chroma planes at half size, all 128 (grey).
 * Chromium loops the file, so a few identical frames are enough.
 */
export function writeQrVideo(path: string, text: string, options: { width?: number; height?: number; frames?: number } = {}): void {
  const width = options.width ?? 640;
  const height = options.height ?? 480;
  const frames = options.frames ?? 5;
  const qr = encode(text, { border: 4 });
  const module = Math.floor((Math.min(width, height) * 0.8) / qr.size);
  const left = Math.floor((width - qr.size * module) / 2);
  const top = Math.floor((height - qr.size * module) / 2);

  const luma = Buffer.alloc(width * height, 235);
  for (let y = 0; y < qr.size; y++) {
    for (let x = 0; x < qr.size; x++) {
      if (!qr.data[y]?.[x]) continue;
      for (let dy = 0; dy < module; dy++) luma.fill(16, (top + y * module + dy) * width + left + x * module, (top + y * module + dy) * width + left + (x + 1) * module);
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
  writeFileSync(path, Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]));
}
