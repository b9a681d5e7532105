import type { SmsGateway } from './gateway.ts';
import { createHttpGateway, type HttpTemplate } from './http-gateway.ts';
import { createLogGateway } from './log-gateway.ts';
import { createModemGateway, type ModemSettings } from './modem-gateway.ts';

/** The configured gateway (config.ts reads LUOT_SMS): a modem, an HTTP template, or the log. */
export type GatewaySettings = { kind: 'log' } | ({ kind: 'modem' } & ModemSettings) | { kind: 'http'; template: HttpTemplate };

export function createGateway(settings: GatewaySettings, log: (fields: Record<string, unknown>, message: string) => void): SmsGateway {
  switch (settings.kind) {
    case 'modem':
      return createModemGateway(settings);
    case 'http':
      return createHttpGateway(settings.template);
    case 'log':
      return createLogGateway(log);
  }
}
