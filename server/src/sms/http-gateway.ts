import { internationalMobile } from '@luot/shared';
import { SmsSendError, type SmsGateway } from './gateway.ts';

/**
 * An SMS provider's HTTP API described by a template (a JSON file named by LUOT_SMS): {to} is the national number
 * (0912345123), {to_intl} the international one (+84912345123), {text} the message. In the URL they are
 * percent-encoded; in a JSON body JSON-escaped (write them inside quotes); in a form body form-encoded.
 */
export interface HttpTemplate {
  url: string;
  method: 'GET' | 'POST' | 'PUT';
  headers: Record<string, string>;
  body: string | null;
  timeoutMs: number;
}

type Escape = (value: string) => string;

const jsonEscape: Escape = (v) => JSON.stringify(v).slice(1, -1);
const formEscape: Escape = (v) => encodeURIComponent(v).replace(/%20/g, '+');

function fill(template: string, values: Record<string, string>, escape: Escape): string {
  return template.replace(/\{(to|to_intl|text)\}/g, (_, key: string) => escape(values[key] ?? ''));
}

function bodyEscape(headers: Record<string, string>): Escape {
  const type = Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1]?.toLowerCase() ?? '';
  if (type.includes('json')) return jsonEscape;
  if (type.includes('x-www-form-urlencoded')) return formEscape;
  return (v) => v;
}

export function createHttpGateway(template: HttpTemplate): SmsGateway {
  return {
    kind: 'http',
    async send(message) {
      const values = { to: message.to, to_intl: internationalMobile(message.to), text: message.text.normalize('NFC') };
      const url = fill(template.url, values, encodeURIComponent);
      const headers = Object.fromEntries(Object.entries(template.headers).map(([k, v]) => [k, fill(v, values, (x) => x)]));
      const body = template.body === null ? undefined : fill(template.body, values, bodyEscape(template.headers));
      let response: Response;
      try {
        response = await fetch(url, { method: template.method, headers, body, signal: AbortSignal.timeout(template.timeoutMs) });
      } catch (error) {
        // The URL may hold the number ({to} in a query): only the host goes into the error.
        const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.name) : 'unknown';
        throw new SmsSendError(`the SMS gateway ${new URL(template.url).host} cannot be reached (${reason})`);
      }
      await response.arrayBuffer().catch(() => undefined);
      if (!response.ok) throw new SmsSendError(`the SMS gateway ${new URL(template.url).host} answered HTTP ${response.status}`);
    },
    async close() {},
  };
}
