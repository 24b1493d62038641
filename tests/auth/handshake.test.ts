import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { buildAdmin } from '../../admin/build.ts';
import { FIXTURE_CONTENT } from '../admin/support/cms.ts';
import { launchChromium } from '../admin/support/browser.ts';
import { freePort, startStaticServer, type Running } from '../admin/support/servers.ts';
import { startAuthServices, type AuthServices } from './support/services.ts';

/**
 * The whole GitHub login in Chromium: the built admin (`dist/admin/`, Decap's real GitHub
 * backend and auth client) opens the auth service's window, the auth service runs on
 * 127.0.0.1 against the GitHub stand-in, and the CMS window receives the token. A page on
 * another origin that opens the same login window receives nothing, and a callback whose
 * `state` is wrong or missing is refused.
 */

const REPO = 'redakcja/portal';

let workDir: string;
let site: Running;
let evil: Running;
let services: AuthServices;
let context: BrowserContext;
const cleanups: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'szpalta-auth-'));
  cleanups.push(() => rm(workDir, { recursive: true, force: true }));
  const siteDir = join(workDir, 'site');
  const evilDir = join(workDir, 'evil');
  await mkdir(siteDir);
  await mkdir(evilDir);
  // Both on 127.0.0.1, on two ports: two origins, as the browser counts them.
  site = await startStaticServer(siteDir);
  cleanups.push(site.stop);
  evil = await startStaticServer(evilDir);
  cleanups.push(evil.stop);
  services = await startAuthServices([site.url]);
  cleanups.push(services.close);

  const contentDir = join(workDir, 'content');
  await cp(FIXTURE_CONTENT, contentDir, { recursive: true });
  const settingsFile = join(contentDir, 'settings/site.yml');
  const settings = parse(await readFile(settingsFile, 'utf8')) as Record<string, unknown>;
  settings['cms'] = { backend: 'github', repo: REPO, authUrl: services.auth.url, scope: 'public_repo', apiRoot: services.github.url };
  await writeFile(settingsFile, stringify(settings));
  // A local backend that does not answer, so the admin uses its production backend on 127.0.0.1 too.
  await buildAdmin({ outDir: join(siteDir, 'admin'), contentDir, localBackendUrl: `http://127.0.0.1:${await freePort()}/api/v1` });

  // Another site's page that opens the login window as Decap does and even answers its handshake.
  await writeFile(
    join(evilDir, 'index.html'),
    `<!doctype html><html lang="en"><title>Another site</title><body><script>
      window.received = [];
      window.addEventListener('message', (event) => window.received.push(String(event.data)));
      window.login = window.open(${JSON.stringify(`${services.auth.url}/auth?provider=github&site_id=127.0.0.1&scope=public_repo`)}, 'login');
      setInterval(() => window.login.postMessage('authorizing:github', '*'), 100);
    </script></body></html>`,
  );

  context = await launchChromium(join(workDir, 'profile'));
  cleanups.push(() => context.close());
}, 180_000);

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

const newPage = async (): Promise<Page> => context.newPage();

describe('GitHub login through the auth service', () => {
  it('hands the token to the CMS window, which logs in with it', async () => {
    const page = await newPage();
    await page.goto(`${site.url}/admin/`);
    const popupOpened = page.waitForEvent('popup');
    await page.getByRole('button', { name: 'Zaloguj przez GitHub' }).click();
    const popup = await popupOpened;
    expect(new URL(popup.url()).origin).toBe(services.auth.url);
    // Decap closes the login window once it has the token.
    await popup.waitForEvent('close', { timeout: 30_000 });

    expect(services.github.issuedTokens).toHaveLength(1);
    const token = services.github.issuedTokens[0] ?? '';
    await expect.poll(() => page.evaluate(() => localStorage.getItem('decap-cms-user')), { timeout: 30_000 }).toContain(token);
    const user = JSON.parse((await page.evaluate(() => localStorage.getItem('decap-cms-user'))) ?? '{}') as Record<string, unknown>;
    expect(user).toMatchObject({ token, backendName: 'github', login: 'redaktorka' });
    expect(services.github.requests).toContain(`GET /repos/${REPO}`);
    await page.close();
  });

  it('gives a window on another origin nothing, even when it answers the handshake', async () => {
    const before = services.github.issuedTokens.length;
    const page = await newPage();
    const popupOpened = page.waitForEvent('popup');
    await page.goto(`${evil.url}/`);
    const popup = await popupOpened;
    // The login itself goes through (the user had authorised the app), up to the hand-over.
    await expect.poll(() => services.github.issuedTokens.length, { timeout: 30_000 }).toBe(before + 1);
    await popup.getByText('The window that opened this login is not a site this service serves.').waitFor({ timeout: 30_000 });
    const token = services.github.issuedTokens.at(-1) ?? '';
    const received = await page.evaluate(() => (window as unknown as { received: string[] }).received);
    expect(received.filter((message) => message.includes(token) || message.startsWith('authorization:'))).toEqual([]);
    await page.close();
  });

  it.each([
    ['a wrong state', (callback: URL) => callback.searchParams.set('state', 'forged-state-value')],
    ['no state', (callback: URL) => callback.searchParams.delete('state')],
  ])('refuses a callback with %s', async (_case, tamper) => {
    const exchanges = services.github.tokenRequests.length;
    const page = await newPage();
    // The login stops at GitHub's consent page; its link back to the service is altered, as a forged one would be.
    services.github.askConsent(true);
    try {
      await page.goto(`${services.auth.url}/auth?provider=github&site_id=127.0.0.1&scope=public_repo`);
    } finally {
      services.github.askConsent(false);
    }
    const callback = new URL((await page.locator('#authorize').getAttribute('href')) ?? '');
    expect(callback.searchParams.get('state')).toMatch(/^[\w-]{43}$/);
    tamper(callback);
    const response = await page.goto(callback.href);
    expect(response?.status()).toBe(400);
    expect(new URL(page.url()).pathname).toBe('/callback');
    await expect(page.locator('#message').textContent()).resolves.toBe(
      'The state value does not match the login started in this browser: start again from the CMS.',
    );
    expect(services.github.tokenRequests).toHaveLength(exchanges);
    await page.close();
  });
});
