import { afterEach, describe, expect, it } from 'vitest';
import { FakeSmsGateway } from '../test-support/fake-sms-gateway.ts';
import { createHttpGateway } from './http-gateway.ts';

const fakes: FakeSmsGateway[] = [];
afterEach(async () => {
  for (const f of fakes.splice(0)) await f.stop();
});

async function fake(): Promise<{ gateway: FakeSmsGateway; base: string }> {
  const gateway = new FakeSmsGateway();
  fakes.push(gateway);
  return { gateway, base: await gateway.start() };
}

const TEXT = 'Mời Ông/Bà số A023 đến Quầy 3. "Cảm ơn" \\ & =';

describe('HTTP SMS gateway from a request template', () => {
  it('fills a JSON body with JSON-escaped values and sends the headers as written', async () => {
    const { gateway, base } = await fake();
    const sms = createHttpGateway({
      url: `${base}/v1/sms`,
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=utf-8', Authorization: 'Bearer k3y' },
      body: '{"phone":"{to_intl}","message":"{text}","brand":"UBND"}',
      timeoutMs: 5000,
    });
    await sms.send({ to: '0912345123', text: TEXT });
    expect(gateway.requests).toHaveLength(1);
    const [req] = gateway.requests;
    expect(req?.method).toBe('POST');
    expect(req?.url).toBe('/v1/sms');
    expect(req?.headers.authorization).toBe('Bearer k3y');
    expect(req?.body).toBe(`{"phone":"+84912345123","message":${JSON.stringify(TEXT)},"brand":"UBND"}`);
    expect(JSON.parse(req?.body ?? '')).toEqual({ phone: '+84912345123', message: TEXT, brand: 'UBND' });
  });

  it('percent-encodes the values in a GET URL and form-encodes a form body', async () => {
    const { gateway, base } = await fake();
    await createHttpGateway({ url: `${base}/send?to={to}&msg={text}`, method: 'GET', headers: {}, body: null, timeoutMs: 5000 }).send({ to: '0912345123', text: TEXT });
    expect(gateway.requests[0]?.url).toBe(`/send?to=0912345123&msg=${encodeURIComponent(TEXT)}`);
    expect(new URL(gateway.requests[0]?.url ?? '', base).searchParams.get('msg')).toBe(TEXT);

    await createHttpGateway({
      url: `${base}/form`,
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Phone={to}&Content={text}&SmsType=2',
      timeoutMs: 5000,
    }).send({ to: '0912345123', text: TEXT });
    expect(Object.fromEntries(new URLSearchParams(gateway.requests[1]?.body))).toEqual({ Phone: '0912345123', Content: TEXT, SmsType: '2' });
  });

  it('fails on an HTTP error or an unreachable gateway, naming only the host', async () => {
    const { gateway, base } = await fake();
    gateway.status = 503;
    const sms = createHttpGateway({ url: `${base}/sms?to={to}`, method: 'POST', headers: {}, body: '{text}', timeoutMs: 5000 });
    await expect(sms.send({ to: '0912345123', text: 'x' })).rejects.toThrow(`the SMS gateway ${new URL(base).host} answered HTTP 503`);
    await gateway.stop();
    fakes.splice(0);
    const error = await sms.send({ to: '0912345123', text: 'x' }).catch((e: unknown) => e);
    expect(String(error)).toMatch(/cannot be reached/);
    expect(String(error)).not.toContain('0912345123');
  });
});
