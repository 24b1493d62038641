import { access } from 'node:fs/promises';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's Chromium, which the browser tests drive (no browser download at test time). */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * Headless Chromium with a fresh profile in `profileDir`. Throws, never skips, when the
 * browser is missing, with the command that installs it.
 */
export async function launchChromium(profileDir: string): Promise<BrowserContext> {
  try {
    await access(CHROMIUM);
  } catch {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. The admin browser tests need it: install it with "apt-get install -y chromium" (or point CHROMIUM_PATH at a Chromium binary).`,
    );
  }
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    locale: 'pl-PL',
    timezoneId: 'Europe/Warsaw',
    viewport: { width: 1400, height: 1000 },
  });
}
