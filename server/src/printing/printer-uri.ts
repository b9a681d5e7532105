import { tcpTransport } from './tcp-transport.ts';
import type { PrinterTransport } from './transport.ts';
import { usbTransport } from './usb-transport.ts';

/** The kernel's USB printer class devices: /dev/usb/lp0, /dev/usb/lp1, … */
const KERNEL_PRINTER = /^\/dev\/usb\/lp[0-9]{1,3}$/;

/**
 * Whether the server may write receipts to this device path: a kernel printer device, or one the server's own
 * administrator listed in LUOT_PRINTER_DEVICES. An admin of the web console can choose among these and nothing
 * else, so the console can never make the server write over a file.
 */
export function printerDeviceAllowed(path: string, extraDevices: readonly string[]): boolean {
  return KERNEL_PRINTER.test(path) || extraDevices.includes(path);
}

/** A printer whose device path is not allowed (an older database): reported unreachable, never opened. */
const refusedTransport: PrinterTransport = {
  status: () => Promise.resolve(['unreachable']),
  print: () => Promise.resolve({ printed: false, problems: ['unreachable'] }),
  close: () => undefined,
};

/** `tcp://host:9100` or `usb:/dev/usb/lp0` (or a device in `extraDevices`). */
export function transportFor(uri: string, extraDevices: readonly string[] = []): PrinterTransport {
  const tcp = /^tcp:\/\/([A-Za-z0-9.-]+):(\d{1,5})$/.exec(uri);
  if (tcp?.[1] !== undefined && tcp[2] !== undefined) {
    const port = Number(tcp[2]);
    if (port >= 1 && port <= 65535) return tcpTransport(tcp[1], port);
  }
  if (uri.startsWith('usb:/')) {
    const path = uri.slice('usb:'.length);
    return printerDeviceAllowed(path, extraDevices) ? usbTransport(path) : refusedTransport;
  }
  throw new RangeError(`unsupported printer address ${uri}`);
}

/** Whether a printer address can be used at all; the API refuses the rest with PRINTER_PATH_NOT_ALLOWED. */
export function printerUriAllowed(uri: string, extraDevices: readonly string[]): boolean {
  return !uri.startsWith('usb:') || printerDeviceAllowed(uri.slice('usb:'.length), extraDevices);
}
