import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';

/**
 * Where a phone on the center's Wi-Fi can open the receipt's tracking link. The kiosk reaches the server at some
 * address, but on the server PC that is `localhost`, and a Windows or mDNS name (`may-chu`, `may-chu.local`) is
 * often unknown to a phone's DNS. Such an address is replaced by the server's own LAN address, unless the admin
 * set LUOT_PUBLIC_URL.
 */
export type PublicUrlSource = 'configured' | 'request' | 'lan' | 'unreachable';

export interface PublicUrl {
  /** Base of tracking links, e.g. http://192.168.1.10:8080 (no trailing slash). */
  base: string;
  source: PublicUrlSource;
  /** The server's LAN IPv4 addresses, the one used first. */
  addresses: string[];
}

/** False for addresses a phone cannot open: this machine itself, link-local, mDNS and single-label names. */
export function phoneCanOpen(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local')) return false;
  const ip = isIP(host);
  if (ip === 4) return !/^(127\.|0\.|169\.254\.)/.test(host);
  if (ip === 6) return host !== '::1' && host !== '::' && !host.startsWith('fe80:');
  // "may-chu" is answered by Windows name resolution on the PC, not by the DNS a phone asks.
  return host.includes('.');
}

const privateRange = /^(10\.|192\.168\.|172\.(1[6-9]|2[0-9]|3[01])\.)/;
/** Interfaces made by virtual machines and containers, never the one the center's Wi-Fi reaches. */
const virtualName = /^(docker|br-|veth|virbr|vboxnet|vmnet|cni|flannel|tun|tap|wg)/i;

/** The machine's IPv4 LAN addresses: real interfaces first, private ranges first, link-local left out. */
export function lanAddresses(interfaces: ReturnType<typeof networkInterfaces> = networkInterfaces()): string[] {
  const found: { address: string; rank: number }[] = [];
  for (const [name, list] of Object.entries(interfaces)) {
    for (const entry of list ?? []) {
      if (entry.family !== 'IPv4' || entry.internal || entry.address.startsWith('169.254.')) continue;
      found.push({ address: entry.address, rank: (virtualName.test(name) ? 2 : 0) + (privateRange.test(entry.address) ? 0 : 1) });
    }
  }
  return found.sort((a, b) => a.rank - b.rank).map((f) => f.address);
}

/** The tracking links' base for a request that reached the server as `protocol://host`. */
export function publicUrlFor(configured: string | null, request: { protocol: string; host: string }, addresses: readonly string[]): PublicUrl {
  if (configured !== null) return { base: configured, source: 'configured', addresses: [...addresses] };
  const asked = new URL(`${request.protocol}://${request.host}`);
  if (phoneCanOpen(asked.hostname)) return { base: asked.origin, source: 'request', addresses: [...addresses] };
  const lan = addresses[0];
  if (lan === undefined) return { base: asked.origin, source: 'unreachable', addresses: [] };
  const port = asked.port === '' ? '' : `:${asked.port}`;
  return { base: `${asked.protocol}//${lan}${port}`, source: 'lan', addresses: [...addresses] };
}

/** Reads the interfaces at most once a minute: an address that changed (DHCP) is picked up, without a syscall per ticket. */
export function createPublicUrls(deps: { configured: string | null; interfaces?: (() => string[]) | undefined; now: () => number }) {
  const read = deps.interfaces ?? (() => lanAddresses());
  const { now } = deps;
  let cached: { at: number; addresses: string[] } | null = null;
  const addresses = () => {
    const t = now();
    if (!cached || t - cached.at > 60_000 || t < cached.at) cached = { at: t, addresses: read() };
    return cached.addresses;
  };
  return {
    for: (request: { protocol: string; host: string }) => publicUrlFor(deps.configured, request, addresses()),
    addresses,
  };
}

export type PublicUrls = ReturnType<typeof createPublicUrls>;
