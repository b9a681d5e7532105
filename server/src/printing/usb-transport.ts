import { constants } from 'node:fs';
import { access, open } from 'node:fs/promises';
import type { PrintAttempt, PrinterTransport } from './transport.ts';

interface Write {
  bytes: Uint8Array;
  /** null while the write is still blocked in the kernel. */
  ok: boolean | null;
}

/**
 * A printer on the server's own USB port through the kernel's printer class driver (/dev/usb/lp0).
 * The device file gives no status back, so a printer is taken to be fine unless the device is missing
 * or the write fails.
 */
export function usbTransport(devicePath: string): PrinterTransport {
  // usblp blocks a write while the printer is out of paper, and a blocked write holds a libuv worker
  // thread that no timeout can free. So a second write never starts while one is still blocked, and a
  // job whose write got through after we stopped waiting is not written twice.
  let last: Write | null = null;

  async function reachable(): Promise<boolean> {
    try {
      await access(devicePath, constants.W_OK);
      return true;
    } catch (_error) {
      return false;
    }
  }

  return {
    async status() {
      if (last?.ok === null) return ['offline'];
      return (await reachable()) ? [] : ['unreachable'];
    },

    async print(bytes, signal): Promise<PrintAttempt> {
      if (last?.ok === null) return { printed: false, problems: ['offline'] };
      if (last?.bytes === bytes && last.ok) return { printed: true, problems: [] };
      if (!(await reachable())) return { printed: false, problems: ['unreachable'] };
      const write: Write = { bytes, ok: null };
      last = write;
      const done = writeDevice(devicePath, bytes).then(
        () => (write.ok = true),
        () => (write.ok = false),
      );
      const outcome = await Promise.race([done, abortOf(signal)]);
      // Still blocked when the attempt ran out: the kernel holds the job until the printer is ready.
      if (outcome === 'aborted') return { printed: false, problems: ['offline'] };
      return outcome ? { printed: true, problems: [] } : { printed: false, problems: ['error'] };
    },

    close() {
      // Nothing to close: each write opens and closes the device itself.
    },
  };
}

/**
 * Opens the device for writing only: never creates a file that is not there, never truncates one that is
 * (O_CREAT and O_TRUNC are what let a printer address overwrite a file), never takes it as a terminal.
 */
async function writeDevice(devicePath: string, bytes: Uint8Array): Promise<void> {
  const handle = await open(devicePath, constants.O_WRONLY | constants.O_NOCTTY);
  try {
    let written = 0;
    while (written < bytes.length) written += (await handle.write(bytes, written)).bytesWritten;
  } finally {
    await handle.close();
  }
}

function abortOf(signal: AbortSignal): Promise<'aborted'> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve('aborted');
    signal.addEventListener('abort', () => resolve('aborted'), { once: true });
  });
}
