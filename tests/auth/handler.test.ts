import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthConfigError, authConfigFromEnv } from '../../auth/config.ts';
import { CLIENT_ID, CLIENT_SECRET, startAuthServices, type AuthServices } from './support/services.ts';

/**
 * The auth service over HTTP against the GitHub stand-in: what it sends to GitHub, the cookie
 * that binds a login to the browser, and what it refuses. The browser handshake is in
 * `handshake.test.ts`.
 */

const SITE = 'https://szpalta.example';
const exec = promisify(execFile);

let services: AuthServices;
beforeAll(async () => {
  services = await startAuthServices([SITE, 'http://127.0.0.1:4321']);
});
afterAll(async () => {
  await (services as AuthServices | undefined)?.close();
});

const get = (path: string, cookie?: string) =>
  fetch(`${services.auth.url}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });

/** Starts a login and returns GitHub's authorize URL and the cookie set for it. */
async function startLogin(scope = 'public_repo') {
  const response = await get(`/auth?provider=github&site_id=szpalta.example&scope=${scope}`);
  expect(response.status).toBe(302);
  const setCookie = response.headers.getSetCookie();
  expect(setCookie).toHaveLength(1);
  return { authorize: new URL(response.headers.get('location') ?? ''), setCookie: setCookie[0] ?? '' };
}

/** Lets the stand-in approve the login and returns the callback URL it redirects to. */
async function approve(authorize: URL): Promise<URL> {
  const response = await fetch(authorize, { redirect: 'manual' });
  expect(response.status).toBe(302);
  return new URL(response.headers.get('location') ?? '');
}

describe('configuration', () => {
  const env = { GITHUB_CLIENT_ID: 'id', GITHUB_CLIENT_SECRET: 'secret', ALLOWED_ORIGINS: 'https://a.example, https://b.example:8443' };

  it('reads the environment', () => {
    expect(authConfigFromEnv(env)).toEqual({
      clientId: 'id',
      clientSecret: 'secret',
      allowedOrigins: ['https://a.example', 'https://b.example:8443'],
      githubUrl: 'https://github.com',
    });
  });

  it('names every missing or malformed variable', () => {
    expect(() => authConfigFromEnv({ ALLOWED_ORIGINS: '*, https://a.example/admin/' })).toThrowErrorMatchingInlineSnapshot(`
      [AuthConfigError: The auth service cannot start:
        - GITHUB_CLIENT_ID is not set: copy the client id of your GitHub OAuth app.
        - GITHUB_CLIENT_SECRET is not set: generate a client secret in your GitHub OAuth app and set it.
        - ALLOWED_ORIGINS: "*" is not an origin (scheme://host[:port], no path, no wildcard).
        - ALLOWED_ORIGINS: "https://a.example/admin/" is not an origin (scheme://host[:port], no path, no wildcard).]
    `);
    expect(() => authConfigFromEnv({ ...env, ALLOWED_ORIGINS: '' })).toThrow(AuthConfigError);
  });

  it('refuses to start without the client secret (npm run auth)', async () => {
    const server = fileURLToPath(new URL('../../auth/server.ts', import.meta.url));
    const { GITHUB_CLIENT_SECRET: _secret, ...rest } = env;
    const failure = await exec(process.execPath, [server], { env: { PATH: process.env['PATH'], ...rest, PORT: '0' } }).then(
      () => undefined,
      (error: unknown) => error as { code: number; stderr: string },
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('GITHUB_CLIENT_SECRET is not set');
  });
});

describe('GET /auth', () => {
  it('redirects to GitHub with the scope asked for, a random state, PKCE and no sign-up', async () => {
    const first = await startLogin();
    const second = await startLogin('repo');
    const { authorize, setCookie } = first;
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${services.github.url}/login/oauth/authorize`);
    const params = Object.fromEntries(authorize.searchParams);
    expect(params).toMatchObject({
      client_id: CLIENT_ID,
      redirect_uri: `${services.auth.url}/callback`,
      scope: 'public_repo',
      allow_signup: 'false',
      code_challenge_method: 'S256',
    });
    expect(second.authorize.searchParams.get('scope')).toBe('repo');
    expect(params['state']).toMatch(/^[\w-]{43}$/);
    expect(params['state']).not.toBe(second.authorize.searchParams.get('state'));
    expect(params['code_challenge']).toMatch(/^[\w-]{43}$/);
    // The state and verifier live only in this cookie, which scripts cannot read.
    expect(setCookie).toMatch(
      new RegExp(`^szpalta-oauth=${params['state'] ?? ''}\\.[\\w-]{43}; Path=/; HttpOnly; SameSite=Lax; Max-Age=600$`),
    );
    const verifier = /\.([\w-]{43});/.exec(setCookie)?.[1] ?? '';
    expect(createHash('sha256').update(verifier).digest('base64url')).toBe(params['code_challenge']);
  });

  it('makes the cookie Secure and host-only behind https', async () => {
    const secure = await startAuthServices([SITE], { publicUrl: 'https://auth.szpalta.example' });
    try {
      const response = await fetch(`${secure.auth.url}/auth?provider=github&site_id=szpalta.example&scope=repo`, { redirect: 'manual' });
      expect(new URL(response.headers.get('location') ?? '').searchParams.get('redirect_uri')).toBe(
        'https://auth.szpalta.example/callback',
      );
      expect(response.headers.getSetCookie()[0]).toMatch(
        /^__Host-szpalta-oauth=[\w.-]+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=600; Secure$/,
      );
    } finally {
      await secure.close();
    }
  });

  it.each([
    ['another provider', 'provider=gitlab&site_id=szpalta.example&scope=repo', 400, 'Unsupported provider "gitlab"'],
    ['a wider scope', 'provider=github&site_id=szpalta.example&scope=repo,delete_repo', 400, 'Unsupported scope "repo,delete_repo"'],
    ['no scope', 'provider=github&site_id=szpalta.example', 400, 'Unsupported scope ""'],
    ['a site not on the list', 'provider=github&site_id=evil.example&scope=repo', 403, 'Site "evil.example" is not served by this service'],
  ])('refuses %s', async (_case, query, status, message) => {
    const response = await get(`/auth?${query}`);
    expect(response.status).toBe(status);
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(load(await response.text())('#message').text()).toContain(message);
  });
});

describe('GET /callback', () => {
  it('exchanges the code with the PKCE verifier and answers with the handshake page', async () => {
    const { authorize, setCookie } = await startLogin();
    const callback = await approve(authorize);
    const response = await get(`${callback.pathname}${callback.search}`, setCookie.split(';')[0]);
    expect(response.status).toBe(200);
    const token = services.github.issuedTokens.at(-1) ?? '';
    expect(token).toMatch(/^gho_/);
    const exchange = services.github.tokenRequests.at(-1) ?? {};
    expect(exchange).toMatchObject({
      client_id: CLIENT_ID,
      code: callback.searchParams.get('code'),
      redirect_uri: `${services.auth.url}/callback`,
    });
    expect(exchange['code_verifier']).toBe(/\.([\w-]{43});/.exec(setCookie)?.[1]);

    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.getSetCookie()).toEqual(['szpalta-oauth=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0']);
    const policy = response.headers.get('content-security-policy') ?? '';
    const $ = load(await response.text());
    const script = $('script');
    expect(script).toHaveLength(1);
    expect(policy).toContain(`script-src 'nonce-${script.attr('nonce') ?? 'missing'}'`);
    const code = script.text();
    expect(code).toContain(token);
    expect(code).toContain(JSON.stringify([SITE, 'http://127.0.0.1:4321']));
    expect(code).not.toMatch(/postMessage\([^)]*['"]\*['"]/);
  });

  it('refuses a wrong state without asking GitHub for a token', async () => {
    const { authorize, setCookie } = await startLogin();
    const callback = await approve(authorize);
    callback.searchParams.set('state', 'x'.repeat(43));
    const exchanges = services.github.tokenRequests.length;
    const response = await get(`${callback.pathname}${callback.search}`, setCookie.split(';')[0]);
    expect(response.status).toBe(400);
    expect(load(await response.text())('#message').text()).toBe(
      'The state value does not match the login started in this browser: start again from the CMS.',
    );
    expect(response.headers.getSetCookie()).toEqual(['szpalta-oauth=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0']);
    expect(services.github.tokenRequests).toHaveLength(exchanges);
  });

  it('refuses a missing state, and a callback in a browser that started no login', async () => {
    const { authorize, setCookie } = await startLogin();
    const callback = await approve(authorize);
    const exchanges = services.github.tokenRequests.length;
    const withoutState = await get(`/callback?code=${callback.searchParams.get('code') ?? ''}`, setCookie.split(';')[0]);
    expect(withoutState.status).toBe(400);
    expect(load(await withoutState.text())('#message').text()).toContain('The state value does not match');
    const withoutCookie = await get(`${callback.pathname}${callback.search}`);
    expect(withoutCookie.status).toBe(400);
    expect(load(await withoutCookie.text())('#message').text()).toContain('No login was started in this browser');
    expect(services.github.tokenRequests).toHaveLength(exchanges);
  });

  it('hands GitHub’s refusal to the CMS as an error', async () => {
    const { authorize, setCookie } = await startLogin();
    const callback = await approve(authorize);
    // The code is used once: replaying it makes GitHub answer bad_verification_code.
    await get(`${callback.pathname}${callback.search}`, setCookie.split(';')[0]);
    const again = await startLogin();
    const replay = new URL(callback);
    replay.searchParams.set('state', again.authorize.searchParams.get('state') ?? '');
    const response = await get(`${replay.pathname}${replay.search}`, again.setCookie.split(';')[0]);
    expect(response.status).toBe(502);
    const $ = load(await response.text());
    expect($('#message').text()).toContain('bad_verification_code');
    expect($('script').text()).toContain('authorization:github:error:');
  });

  it('logs no token, code, verifier or secret', () => {
    const logged = services.log.join('\n');
    expect(services.log.length).toBeGreaterThan(5);
    for (const token of services.github.issuedTokens) expect(logged).not.toContain(token);
    for (const exchange of services.github.tokenRequests) {
      expect(logged).not.toContain(exchange['code']);
      expect(logged).not.toContain(exchange['code_verifier']);
    }
    expect(logged).not.toContain(CLIENT_SECRET);
  });
});
