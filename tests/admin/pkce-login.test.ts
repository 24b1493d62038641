import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Request as BrowserRequest } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { buildAdmin, writeAdminConfig } from '../../admin/build.ts';
import { launchChromium } from './support/browser.ts';
import { FIXTURE_CONTENT } from './support/cms.ts';
import { freePort, startStaticServer, type Running } from './support/servers.ts';

/**
 * GitLab and Gitea log in without the auth service: Decap's PKCE client in the built admin
 * sends the editor to the host's authorize page with an S256 challenge, and, back on the
 * admin with the code, exchanges it for a token from the browser. The hosts are played by
 * Playwright routes; the token request reaching them shows that the admin's Content Security
 * Policy lets the admin talk to the host the settings name.
 */

let workDir: string;
let contentDir: string;
let siteDir: string;
let site: Running;
let context: BrowserContext;
let localBackendUrl: string;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'szpalta-pkce-'));
  contentDir = join(workDir, 'content');
  siteDir = join(workDir, 'site');
  await mkdir(siteDir);
  await cp(FIXTURE_CONTENT, contentDir, { recursive: true });
  site = await startStaticServer(siteDir);
  localBackendUrl = `http://127.0.0.1:${await freePort()}/api/v1`;
  await buildAdmin({ outDir: join(siteDir, 'admin'), contentDir, localBackendUrl });
  context = await launchChromium(join(workDir, 'profile'));
}, 180_000);

afterAll(async () => {
  await (context as BrowserContext | undefined)?.close();
  await (site as Running | undefined)?.stop();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

/** Writes the settings' `cms` section and regenerates the admin's config and policy for it. */
async function useBackend(cms: Record<string, unknown>): Promise<void> {
  const file = join(contentDir, 'settings/site.yml');
  const settings = parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  await writeFile(file, stringify({ ...settings, cms }));
  await writeAdminConfig({ outDir: join(siteDir, 'admin'), contentDir, localBackendUrl });
}

describe.each([
  {
    name: 'GitLab',
    cms: { backend: 'gitlab', repo: 'redakcja/serwisy/portal', appId: 'gitlab-app-1', baseUrl: 'https://gitlab.szpalta.test' },
    authorize: 'https://gitlab.szpalta.test/oauth/authorize',
    token: 'https://gitlab.szpalta.test/oauth/token',
    scope: 'api',
  },
  {
    name: 'Gitea',
    cms: { backend: 'gitea', repo: 'redakcja/portal', appId: 'gitea-app-1', baseUrl: 'https://forgejo.szpalta.test' },
    authorize: 'https://forgejo.szpalta.test/login/oauth/authorize',
    token: 'https://forgejo.szpalta.test/login/oauth/access_token',
    scope: 'repository',
  },
])('$name login with PKCE', ({ name, cms, authorize, token, scope }) => {
  it('sends the editor to the host with an S256 challenge and exchanges the code from the browser', async () => {
    await useBackend(cms);
    const page = await context.newPage();
    // A request the admin's policy blocks fails the test at once, with the browser's reason.
    const blocked = new Promise<never>((_resolve, reject) => {
      page.on('console', (message) => {
        if (message.text().includes('Content Security Policy')) reject(new Error(message.text()));
      });
    });
    let authorizeUrl: URL | undefined;
    await page.route(`${authorize}?**`, async (route) => {
      authorizeUrl = new URL(route.request().url());
      const back = new URL(authorizeUrl.searchParams.get('redirect_uri') ?? '');
      back.searchParams.set('code', 'code-from-the-host');
      back.searchParams.set('state', authorizeUrl.searchParams.get('state') ?? '');
      await route.fulfill({ status: 302, headers: { location: back.href } });
    });
    const tokenRequest = new Promise<BrowserRequest>((resolve) => {
      void page.route(token, async (route) => {
        resolve(route.request());
        await route.fulfill({
          status: 200,
          contentType: 'application/json',
          headers: { 'access-control-allow-origin': '*' },
          body: JSON.stringify({ access_token: 'token-from-the-host', token_type: 'bearer' }),
        });
      });
    });

    await page.goto(`${site.url}/admin/`);
    await page.getByRole('button', { name: `Zaloguj przez ${name}` }).click();
    const exchange = await Promise.race([tokenRequest, blocked]);
    // Later messages are not this test's business.
    blocked.catch(() => undefined);

    expect(Object.fromEntries(authorizeUrl?.searchParams ?? [])).toMatchObject({
      client_id: cms.appId,
      response_type: 'code',
      code_challenge_method: 'S256',
      redirect_uri: `${site.url}/admin/`,
      scope,
    });
    const body = exchange.postDataJSON() as Record<string, string> | null;
    const form = body ?? Object.fromEntries(new URLSearchParams(exchange.postData() ?? ''));
    expect(form).toMatchObject({ client_id: cms.appId, code: 'code-from-the-host', grant_type: 'authorization_code' });
    expect(
      createHash('sha256')
        .update(form['code_verifier'] ?? '')
        .digest('base64url'),
    ).toBe(authorizeUrl?.searchParams.get('code_challenge'));
    await page.close();
  });
});
