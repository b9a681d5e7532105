import { maskMobile } from '@luot/shared';
import type { SmsGateway } from './gateway.ts';

/**
 * The default when no modem or gateway is set up: nothing leaves the machine, and the log says an SMS would have
 * gone, to a masked number and without its text (the log is not a place for personal data).
 */
export function createLogGateway(log: (fields: Record<string, unknown>, message: string) => void): SmsGateway {
  return {
    kind: 'log',
    send(message) {
      log({ to: maskMobile(message.to), characters: [...message.text].length }, 'SMS not sent: no SMS gateway is set up (LUOT_SMS)');
      return Promise.resolve();
    },
    async close() {},
  };
}
