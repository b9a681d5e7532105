/**
 * The small part of RIFF/WAVE this project needs: 16-bit PCM, one channel. Written here rather than
 * taken from a library because it is ~80 lines, every file we meet (eSpeak NG output, voice-pack clips,
 * our own output) is this one format, and a strict reader gives voice-pack authors a precise message
 * ("stereo", "24-bit", "not PCM") instead of a silent conversion.
 */

export interface Pcm {
  sampleRate: number;
  samples: Int16Array;
}

export class WavFormatError extends Error {}

const PCM = 1;
const EXTENSIBLE = 0xfffe;

function tag(view: DataView, offset: number): string {
  return String.fromCharCode(view.getUint8(offset), view.getUint8(offset + 1), view.getUint8(offset + 2), view.getUint8(offset + 3));
}

export interface WavInfo {
  audioFormat: number;
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
  /** Byte offset and length of the data chunk's payload within the file. */
  dataOffset: number;
  dataBytes: number;
}

/** Walks the chunks of a RIFF/WAVE file and returns its format and where the samples are. */
export function readWavInfo(bytes: Uint8Array): WavInfo {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 12 || tag(view, 0) !== 'RIFF' || tag(view, 8) !== 'WAVE') throw new WavFormatError('not a RIFF/WAVE file');
  let fmt: Omit<WavInfo, 'dataOffset' | 'dataBytes'> | null = null;
  let offset = 12;
  while (offset + 8 <= bytes.byteLength) {
    const id = tag(view, offset);
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === 'fmt ') {
      if (size < 16 || body + 16 > bytes.byteLength) throw new WavFormatError('fmt chunk too short');
      let audioFormat = view.getUint16(body, true);
      // WAVE_FORMAT_EXTENSIBLE carries the real format in the first two bytes of its sub-format GUID.
      if (audioFormat === EXTENSIBLE && size >= 40 && body + 26 <= bytes.byteLength) audioFormat = view.getUint16(body + 24, true);
      fmt = { audioFormat, channels: view.getUint16(body + 2, true), sampleRate: view.getUint32(body + 4, true), bitsPerSample: view.getUint16(body + 14, true) };
    } else if (id === 'data') {
      if (!fmt) throw new WavFormatError('data chunk before fmt chunk');
      // Streamed writers leave the size unknown (0 or 0xFFFFFFFF): take what is there.
      const dataBytes = Math.min(size === 0 ? Number.MAX_SAFE_INTEGER : size, bytes.byteLength - body);
      return { ...fmt, dataOffset: body, dataBytes };
    }
    offset = body + size + (size % 2);
  }
  throw new WavFormatError(fmt ? 'no data chunk' : 'no fmt chunk');
}

/** Reads a 16-bit PCM mono WAV file; anything else is refused with the reason. */
export function decodeWav(bytes: Uint8Array): Pcm {
  const info = readWavInfo(bytes);
  if (info.audioFormat !== PCM) throw new WavFormatError(`not PCM (format ${info.audioFormat})`);
  if (info.channels !== 1) throw new WavFormatError(`${info.channels} channels; must be mono`);
  if (info.bitsPerSample !== 16) throw new WavFormatError(`${info.bitsPerSample}-bit; must be 16-bit`);
  if (info.sampleRate < 8000 || info.sampleRate > 96000) throw new WavFormatError(`sample rate ${info.sampleRate} Hz is out of range`);
  const view = new DataView(bytes.buffer, bytes.byteOffset + info.dataOffset, info.dataBytes);
  const samples = new Int16Array(Math.floor(info.dataBytes / 2));
  for (let i = 0; i < samples.length; i++) samples[i] = view.getInt16(i * 2, true);
  return { sampleRate: info.sampleRate, samples };
}

/** A canonical 44-byte-header WAV file: RIFF, fmt (PCM, mono, 16-bit), data. */
export function encodeWav({ sampleRate, samples }: Pcm): Uint8Array {
  const dataBytes = samples.length * 2;
  const bytes = new Uint8Array(44 + dataBytes);
  const view = new DataView(bytes.buffer);
  const put = (offset: number, text: string) => {
    for (let i = 0; i < 4; i++) view.setUint8(offset + i, text.charCodeAt(i));
  };
  put(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  put(8, 'WAVE');
  put(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, PCM, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  put(36, 'data');
  view.setUint32(40, dataBytes, true);
  for (let i = 0; i < samples.length; i++) view.setInt16(44 + i * 2, samples[i] ?? 0, true);
  return bytes;
}
