import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM, CHROMIUM_FLAGS, requireChromium } from '../../support/browser.ts';

/** Headless Chromium with a fresh profile in `profileDir`, in Polish and in the newsroom's time zone. */
export async function launchChromium(profileDir: string): Promise<BrowserContext> {
  await requireChromium();
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_FLAGS],
    locale: 'pl-PL',
    timezoneId: 'Europe/Warsaw',
    viewport: { width: 1400, height: 1000 },
  });
}
