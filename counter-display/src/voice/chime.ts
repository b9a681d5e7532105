/**
 * A two-note chime made in the browser: the fallback when the server has no voice route yet or cannot make
 * the call's audio, so a call is still heard and the queue still runs. The real path is the server's WAV.
 */
let context: AudioContext | null = null;

function audioContext(): AudioContext {
  context ??= new AudioContext();
  return context;
}

/** Resumes the shared AudioContext; must be called from a tap to work where autoplay is blocked. */
export async function resumeAudio(): Promise<boolean> {
  const ctx = audioContext();
  if (ctx.state !== 'running') {
    await Promise.race([ctx.resume(), new Promise((r) => window.setTimeout(r, 300))]);
  }
  return ctx.state === 'running';
}

/** Plays the chime at `volume` (0..1); resolves when it has finished, rejects with NotAllowedError if blocked. */
export async function playChime(volume: number): Promise<void> {
  if (!(await resumeAudio())) throw new DOMException('audio is blocked until the screen is touched', 'NotAllowedError');
  const ctx = audioContext();
  const start = ctx.currentTime + 0.05;
  // "Ding-dong": E5 then C5, each with a soft attack and a bell-like decay.
  const notes = [
    { frequency: 659.25, at: 0, length: 0.9 },
    { frequency: 523.25, at: 0.55, length: 1.2 },
  ];
  for (const note of notes) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'sine';
    osc.frequency.value = note.frequency;
    gain.gain.setValueAtTime(0, start + note.at);
    gain.gain.linearRampToValueAtTime(0.6 * volume, start + note.at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + note.at + note.length);
    osc.connect(gain).connect(ctx.destination);
    osc.start(start + note.at);
    osc.stop(start + note.at + note.length);
  }
  const totalMs = (0.05 + 0.55 + 1.2) * 1000;
  await new Promise((resolve) => window.setTimeout(resolve, totalMs));
}
