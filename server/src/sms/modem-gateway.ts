import { internationalMobile } from '@luot/shared';
import { AtChannel } from './at-channel.ts';
import type { SmsGateway, SmsMessage } from './gateway.ts';
import { submitPdus, textModeParts, ucs2Hex, type SmsCharset } from './pdu.ts';

export interface ModemSettings {
  /** The modem's serial device, e.g. /dev/ttyUSB2 or /dev/serial/by-id/usb-…-if02-port0. */
  path: string;
  baudRate: number;
  /** PDU mode (multi-part messages) or text mode (for modems without PDU mode). */
  mode: 'pdu' | 'text';
  charset: SmsCharset;
  /** How long the modem may take to answer one command; a send to the network can take several seconds. */
  timeoutMs: number;
}

/**
 * A USB GSM modem speaking AT commands. The port is opened on the first send and kept; when the modem is pulled
 * out or answers with an error, the port is closed and the next send opens it again and repeats the set-up, so a
 * modem plugged back in works without restarting the server.
 */
export function createModemGateway(settings: ModemSettings): SmsGateway {
  let channel: AtChannel | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let reference = Math.floor(Math.random() * 256);
  const t = settings.timeoutMs;

  async function ready(): Promise<AtChannel> {
    if (channel && !channel.closed) return channel;
    const ch = await AtChannel.open(settings.path, settings.baudRate);
    try {
      await ch.command('ATE0', t);
      await ch.command(settings.mode === 'pdu' ? 'AT+CMGF=0' : 'AT+CMGF=1', t);
      if (settings.mode === 'text') {
        await ch.command(settings.charset === 'ucs2' ? 'AT+CSCS="UCS2"' : 'AT+CSCS="IRA"', t);
        // First octet 17 (SMS-SUBMIT, relative validity), validity 167 (one day), PID 0, DCS 8 (UCS-2) or 0.
        await ch.command(`AT+CSMP=17,167,0,${settings.charset === 'ucs2' ? 8 : 0}`, t);
      }
    } catch (error) {
      await ch.close();
      throw error;
    }
    channel = ch;
    return ch;
  }

  async function sendNow(message: SmsMessage): Promise<void> {
    const ch = await ready();
    try {
      const to = internationalMobile(message.to);
      if (settings.mode === 'pdu') {
        reference = (reference + 1) % 256;
        for (const pdu of submitPdus(to, message.text, settings.charset, reference)) {
          await ch.prompt(`AT+CMGS=${pdu.length}`, t);
          await ch.body(pdu.hex, t);
        }
      } else {
        const number = settings.charset === 'ucs2' ? ucs2Hex(to) : to;
        for (const part of textModeParts(message.text, settings.charset)) {
          await ch.prompt(`AT+CMGS="${number}"`, t);
          await ch.body(settings.charset === 'ucs2' ? ucs2Hex(part) : part, t);
        }
      }
    } catch (error) {
      // Whatever state the modem is in now, the next send starts from a fresh port and set-up.
      channel = null;
      await ch.close();
      throw error;
    }
  }

  return {
    kind: 'modem',
    send(message) {
      const run = queue.then(() => sendNow(message));
      queue = run.catch(() => undefined);
      return run;
    },
    async close() {
      await queue;
      await channel?.close();
      channel = null;
    },
  };
}
