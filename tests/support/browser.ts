import { access } from 'node:fs/promises';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (no browser download at test time); `CHROMIUM_PATH` points elsewhere. */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * What headless Chromium needs on this kind of machine (no sandbox in the container, no GPU),
 * and no traffic of its own: no QUIC, background networking, component updates or sync.
 * `--headless` and the profile directory are added by each launcher.
 */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

/** Throws, never skips, when the browser is missing, naming the command that installs it. */
export async function requireChromium(): Promise<void> {
  try {
    await access(CHROMIUM);
  } catch {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it with "apt-get install -y chromium" (or set CHROMIUM_PATH).`);
  }
}

/** Headless Chromium with a fresh temporary profile. */
export async function launchChromium(): Promise<Browser> {
  await requireChromium();
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_FLAGS] });
}
