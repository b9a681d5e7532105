/** Injected time source: production reads the system clock (system-clock.ts), tests pass a fixed or stepping clock. */
export interface Clock {
  now(): number;
}
