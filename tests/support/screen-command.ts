import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { repoRoot } from './server-process.ts';

/** The Chromium command of docs/devices.md, read from its systemd unit so the guide and the test cannot drift. */
export interface ScreenCommand {
  executable: string;
  flags: string[];
  url: string;
}

export function screenCommandFromGuide(): ScreenCommand {
  const guide = readFileSync(join(repoRoot, 'docs/devices.md'), 'utf8');
  const line = guide.split('\n').find((l) => l.startsWith('ExecStart='));
  if (!line) throw new Error('docs/devices.md has no ExecStart= line');
  const [executable, ...rest] = line.slice('ExecStart='.length).trim().split(/\s+/);
  const url = rest.at(-1);
  if (!executable || !url?.startsWith('http')) throw new Error(`cannot read the command in: ${line}`);
  return { executable, flags: rest.slice(0, -1), url };
}

/**
 * One start of the screen's Chromium with the guide's flags: its profile in `home` (the unit's %h), the
 * server's address in place of the guide's example, plus what CI needs (no display, running as root).
 */
export class ScreenChromium {
  private constructor(
    private readonly child: ChildProcess,
    readonly browser: Browser,
  ) {}

  static async boot(command: ScreenCommand, home: string, serverUrl: string): Promise<ScreenChromium> {
    const flags = command.flags.map((f) => f.replace('%h', home));
    const url = command.url.replace(/^http:\/\/[^/]+/, serverUrl);
    const executable = process.env.CHROMIUM_PATH ?? command.executable;
    const child = spawn(executable, [...flags, '--headless', '--no-sandbox', '--disable-gpu', '--remote-debugging-port=0', url], { stdio: ['ignore', 'ignore', 'pipe'] });
    const endpoint = await new Promise<string>((resolve, reject) => {
      let seen = '';
      child.stderr?.on('data', (d: Buffer) => {
        seen += d.toString('utf8');
        const m = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
        if (m?.[1]) resolve(m[1]);
      });
      child.once('exit', (code) => reject(new Error(`chromium exited (${code}) before listening:\n${seen}`)));
    });
    return new ScreenChromium(child, await chromium.connectOverCDP(endpoint));
  }

  /** The page Chromium opened at start, as a screen shows it. */
  async page() {
    const context = this.browser.contexts()[0];
    if (!context) throw new Error('chromium has no default context');
    const existing = context.pages()[0];
    return existing ?? context.waitForEvent('page');
  }

  /** Shuts Chromium down the way the session's end does, so the profile (and the token in it) is written. */
  async shutDown(): Promise<void> {
    const exited = new Promise<void>((resolve) => (this.child.exitCode !== null ? resolve() : this.child.once('exit', () => resolve())));
    const cdp = await this.browser.newBrowserCDPSession();
    await cdp.send('Browser.close').catch(() => undefined);
    await exited;
  }
}
