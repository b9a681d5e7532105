import { createHttpGateway } from '../sms/http-gateway.ts';
import type { SmsGateway } from '../sms/gateway.ts';
import { FakeSmsGateway } from './fake-sms-gateway.ts';

/** A fake SMS provider on 127.0.0.1 and the HTTP gateway the server would configure for it (JSON body). */
export async function httpSms(): Promise<{ fake: FakeSmsGateway; gateway: SmsGateway; texts: () => { to: string; text: string }[] }> {
  const fake = new FakeSmsGateway();
  const base = await fake.start();
  const gateway = createHttpGateway({
    url: `${base}/sms`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"to":"{to}","text":"{text}"}',
    timeoutMs: 5_000,
  });
  const texts = () => fake.requests.map((r) => JSON.parse(r.body) as { to: string; text: string });
  return { fake, gateway, texts };
}
