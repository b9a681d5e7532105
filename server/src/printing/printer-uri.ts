import { tcpTransport } from './tcp-transport.ts';
import type { PrinterTransport } from './transport.ts';
import { usbTransport } from './usb-transport.ts';

/**
 * `tcp://host:9100` or `usb:/dev/usb/lp0`. The API only lets admins enter device paths under /dev
 * (PrinterUri in shared); any absolute path is accepted here so tests can print to a temporary file.
 */
export function transportFor(uri: string): PrinterTransport {
  const tcp = /^tcp:\/\/([A-Za-z0-9.-]+):(\d{1,5})$/.exec(uri);
  if (tcp?.[1] !== undefined && tcp[2] !== undefined) {
    const port = Number(tcp[2]);
    if (port >= 1 && port <= 65535) return tcpTransport(tcp[1], port);
  }
  if (uri.startsWith('usb:/')) return usbTransport(uri.slice('usb:'.length));
  throw new RangeError(`unsupported printer address ${uri}`);
}
