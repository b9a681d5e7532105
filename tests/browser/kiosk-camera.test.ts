import type { BookingConfirmation, CheckInResult } from '@luot/shared';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from '../support/browser.ts';
import { CspWatch } from '../support/csp-watch.ts';
import { writeQrVideo } from '../support/fake-camera.ts';
import { KioskPage } from '../support/kiosk-page.ts';
import { ServerProcess } from '../support/server-process.ts';

/**
 * The kiosk's camera as a QR reader, with Chromium's fake camera playing a video of a real booking's QR code (the
 * confirmation link the booking page draws). Nobody types: the kiosk reads the code from the picture and checks in.
 */
let server: ServerProcess;
let real: Browser;
let watch: CspWatch;
let dir: string;
let booking: BookingConfirmation;

beforeAll(async () => {
  server = await ServerProcess.start({ demo: true });
  const options = (await (await fetch(`${server.url}/api/bookings/options`)).json()) as { fields: { id: number; prefix: string }[] };
  const fieldId = options.fields.find((f) => f.prefix === 'A')?.id;
  const res = await fetch(`${server.url}/api/bookings/remote`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ fieldId, phone: '0912000777', name: 'Lê Văn Bình' }),
  });
  expect(res.status).toBe(201);
  booking = (await res.json()) as BookingConfirmation;

  dir = mkdtempSync(join(tmpdir(), 'luot-camera-'));
  const video = join(dir, 'booking-qr.y4m');
  writeQrVideo(video, `${server.url}/book/#${booking.code}`);
  // Only this test's browser has a (fake) camera, allowed without asking.
  real = await launchBrowser(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`]);
  watch = new CspWatch(real);
});
afterAll(async () => {
  await real?.close();
  await server?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Records every camera track the page opens, so the test can see it stopped (an init script, before the app runs). */
async function recordCameraTracks(kiosk: KioskPage): Promise<void> {
  await kiosk.context.addInitScript(() => {
    const tracks: MediaStreamTrack[] = [];
    Object.assign(window, { cameraTracks: tracks });
    const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = async (constraints) => {
      const stream = await original(constraints);
      tracks.push(...stream.getTracks());
      return stream;
    };
  });
  await kiosk.page.reload();
  await kiosk.homeScreen().waitFor();
}

const trackStates = (kiosk: KioskPage): Promise<string[]> =>
  kiosk.page.evaluate(() => (window as unknown as { cameraTracks: MediaStreamTrack[] }).cameraTracks.map((t) => t.readyState));

describe('check-in with the kiosk camera', () => {
  it('a booking QR code held to the camera becomes a ticket with nobody typing; the camera stops after', async () => {
    const kiosk = await KioskPage.open(watch.browser, server.url, { width: 1080, height: 1920 });
    try {
      await recordCameraTracks(kiosk);
      const answer = kiosk.page.waitForResponse((r) => new URL(r.url()).pathname === '/api/bookings/check-in');
      await kiosk.page.getByTestId('check-in').tap();
      const response = await answer;
      // What the camera read is the booking page's QR code: its confirmation link, sent as a typed code would be.
      expect((response.request().postDataJSON() as { code: string }).code).toBe(`${server.url}/book/#${booking.code}`);
      expect(response.status()).toBe(201);
      const checkedIn = (await response.json()) as CheckInResult;
      await kiosk.ticketNumber().waitFor();
      expect(checkedIn.booking.phoneMasked).toBe('09xx xxx 777');
      expect(await kiosk.ticketNumber().innerText()).toBe(checkedIn.issued.ticket.number);
      expect(checkedIn.issued.ticket.number).toMatch(/^A\d+$/);
      expect(await kiosk.page.getByTestId('check-in-timing').getAttribute('data-timing')).toBe(checkedIn.timing);
      await screenshot(kiosk.page, 'kiosk-check-in-camera-ticket');
      await expect.poll(() => trackStates(kiosk)).toEqual(['ended']);
    } finally {
      await kiosk.close();
    }
    expect(watch.violations).toEqual([]);
  });

  it('the same code again shows why it cannot be used, the picture stays, and leaving the screen stops the camera', async () => {
    const kiosk = await KioskPage.open(watch.browser, server.url, { width: 1920, height: 1080 });
    try {
      await recordCameraTracks(kiosk);
      await kiosk.page.getByTestId('check-in').tap();
      await kiosk.page.getByTestId('check-in-error').waitFor();
      expect(await kiosk.page.getByTestId('qr-camera').getAttribute('data-state')).toBe('on');
      expect(await kiosk.page.getByTestId('check-in-code').inputValue()).toBe('');
      await screenshot(kiosk.page, 'kiosk-check-in-camera');
      expect(await trackStates(kiosk)).toEqual(['live']);
      await kiosk.endTapGuard();
      await kiosk.page.getByTestId('back').tap();
      await kiosk.homeScreen().waitFor();
      await expect.poll(() => trackStates(kiosk)).toEqual(['ended']);
    } finally {
      await kiosk.close();
    }
    expect(watch.violations).toEqual([]);
  });
});
