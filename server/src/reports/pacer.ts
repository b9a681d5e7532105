/**
 * Keeps long report work from holding the event loop: `run` does a piece of synchronous work and, once the
 * slice used since the last pause passes `sliceMs`, lets timers, sockets and write batches run before going on.
 */
export class Pacer {
  private since = performance.now();

  constructor(private readonly sliceMs = 10) {}

  async run<T>(work: () => T): Promise<T> {
    const value = work();
    await this.pause();
    return value;
  }

  async pause(force = false): Promise<void> {
    if (!force && performance.now() - this.since < this.sliceMs) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.since = performance.now();
  }
}
