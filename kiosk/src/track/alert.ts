/**
 * The "your turn" alert on the phone: vibration where the phone allows it, and a three-note chime once the
 * citizen has tapped the alert button (browsers play sound only after a tap).
 */
let context: AudioContext | null = null;

export async function enableSound(): Promise<boolean> {
  try {
    context ??= new AudioContext();
    if (context.state !== 'running') await context.resume();
    return context.state === 'running';
  } catch {
    return false;
  }
}

export function soundEnabled(): boolean {
  return context?.state === 'running';
}

export function alertTurn(): void {
  try {
    navigator.vibrate([400, 200, 400, 200, 800]);
  } catch {
    // Not every phone vibrates from a web page (iOS Safari does not); the big counter number still shows.
  }
  if (context?.state !== 'running') return;
  const start = context.currentTime + 0.05;
  [784, 659.25, 523.25].forEach((frequency, i) => {
    if (!context) return;
    const osc = context.createOscillator();
    const gain = context.createGain();
    const at = start + i * 0.45;
    osc.frequency.value = frequency;
    gain.gain.setValueAtTime(0, at);
    gain.gain.linearRampToValueAtTime(0.7, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 1);
    osc.connect(gain).connect(context.destination);
    osc.start(at);
    osc.stop(at + 1.05);
  });
}
