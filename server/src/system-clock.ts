import type { Clock } from './domain/clock.ts';

/** The real clock, handed to the app by main.ts and app.ts; nothing below them reads the time itself. */
export const systemClock: Clock = { now: () => Date.now() };
