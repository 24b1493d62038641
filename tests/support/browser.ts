import { access } from 'node:fs/promises';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (no browser download at test time); `CHROMIUM_PATH` points elsewhere. */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * Headless Chromium with a fresh temporary profile. Throws, never skips, when the browser is
 * missing, naming the command that installs it.
 */
export async function launchChromium(): Promise<Browser> {
  try {
    await access(CHROMIUM);
  } catch {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it with "apt-get install -y chromium" (or set CHROMIUM_PATH).`);
  }
  return chromium.launch({
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
  });
}
