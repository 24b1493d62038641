import { exchangeWebFlowCode, getWebFlowAuthorizationUrl } from '@octokit/oauth-methods';
import { request as octokitRequest } from '@octokit/request';
import { uneval } from 'devalue';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import type { AuthConfig } from './config.ts';

/**
 * The OAuth service for Decap CMS's GitHub backend, written against the web-standard
 * `Request`/`Response` API so that it runs unchanged on Node (`auth/server.ts`) and on
 * serverless or edge platforms.
 *
 * - `GET /auth?provider=github&site_id=…&scope=…` (Decap's entry) checks the request, binds
 *   a random `state` and a PKCE verifier to this browser in an HttpOnly, SameSite=Lax cookie
 *   and redirects to GitHub's authorization page;
 * - `GET /callback?code=…&state=…` refuses a `state` that does not match the cookie, exchanges
 *   the code (with the PKCE verifier) for a token, and answers with a page that hands the
 *   token to the CMS window by Decap's handshake: it posts `authorizing:github` to each allowed
 *   origin, and only a reply from the window that opened it, from an allowed origin, gets
 *   `authorization:github:success:{"token":…,"provider":"github"}`, posted to that origin.
 *   A window on any other origin receives nothing; `*` is never a target.
 */

/** Scopes the CMS may ask for: the minimum for a public content repository, and for a private one. */
export const SCOPES = ['public_repo', 'repo'] as const;

/** Lifetime of a login attempt (the cookie): ten minutes. */
const LOGIN_SECONDS = 600;

export interface AuthHandlerOptions {
  config: AuthConfig;
  /** Receives one line per login step; never a token, code, verifier or secret. Default: nothing. */
  log?: (line: string) => void;
  /** `fetch` for the calls to GitHub. Default: the global one. */
  fetch?: typeof fetch;
}

type Handler = (request: Request) => Promise<Response>;

const encoder = new TextEncoder();

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const randomToken = () => base64url(crypto.getRandomValues(new Uint8Array(32)));

/** RFC 7636 S256 challenge of a verifier. */
async function challengeOf(verifier: string): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(verifier))));
}

/** Compares two strings in time that depends only on their lengths. */
function sameText(a: string, b: string): boolean {
  const left = encoder.encode(a);
  const right = encoder.encode(b);
  let difference = left.length ^ right.length;
  for (let index = 0; index < left.length; index++) difference |= (left[index] ?? 0) ^ (right[index % right.length] ?? 0);
  return difference === 0;
}

function cookieValue(request: Request, name: string): string | undefined {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

/** An HTML page with a strict policy: no script unless one is given, with its nonce. */
function page({ status, title, message, script }: { status: number; title: string; message: string; script?: string }): Response {
  const nonce = script === undefined ? undefined : randomToken();
  const html = `<!doctype html>${toHtml(
    h('html', { lang: 'en' }, [
      h('head', [
        h('meta', { charset: 'utf-8' }),
        h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
        h('title', title),
      ]),
      h('body', [
        h('main', [h('h1', title), h('p', { id: 'message' }, message)]),
        ...(script === undefined ? [] : [h('script', { nonce }, script)]),
      ]),
    ]),
  )}`;
  return new Response(html, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'content-security-policy': `default-src 'none'; script-src ${nonce ? `'nonce-${nonce}'` : "'none'"}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    },
  });
}

/**
 * The script of the callback page. `message` goes to the opener only after the opener, from
 * an allowed origin, has answered the `authorizing:github` announcement (Decap's handshake),
 * and only to that origin.
 */
function handshakeScript(allowedOrigins: readonly string[], message: string): string {
  return `(() => {
  const allowed = ${uneval(allowedOrigins)};
  const message = ${uneval(message)};
  const opener = window.opener;
  const status = document.getElementById('message');
  let answered = false;
  if (!opener) {
    status.textContent = 'Open the login from the CMS: this window was not opened by it.';
    return;
  }
  window.addEventListener('message', (event) => {
    if (event.source !== opener || event.data !== 'authorizing:github' || !allowed.includes(event.origin)) return;
    answered = true;
    opener.postMessage(message, event.origin);
    status.textContent = 'Done: you can close this window.';
  });
  for (const origin of allowed) opener.postMessage('authorizing:github', origin);
  setTimeout(() => {
    if (!answered) status.textContent = 'The window that opened this login is not a site this service serves.';
  }, 5000);
})();`;
}

/** Creates the request handler for `config`. */
export function createAuthHandler({ config, log = () => undefined, fetch: fetchImpl = fetch }: AuthHandlerOptions): Handler {
  const allowedHosts = new Set(config.allowedOrigins.map((origin) => new URL(origin).hostname));
  const request = octokitRequest.defaults({ baseUrl: config.githubUrl, request: { fetch: fetchImpl } });

  /** The service's public base (origin and optional path), without a trailing slash. */
  const baseOf = (incoming: Request) => config.publicUrl ?? new URL(incoming.url).origin;
  const secureCookie = (base: string) => base.startsWith('https:');
  // The __Host- prefix makes the browser refuse the cookie unless it is Secure, host-only and for Path=/.
  const cookieName = (base: string) => (secureCookie(base) ? '__Host-szpalta-oauth' : 'szpalta-oauth');
  const cookie = (base: string, value: string, maxAge: number) =>
    `${cookieName(base)}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secureCookie(base) ? '; Secure' : ''}`;

  const refuse = (status: number, message: string, base?: string) => {
    log(`refused (${status}): ${message}`);
    const response = page({ status, title: 'Login refused', message });
    if (base) response.headers.append('set-cookie', cookie(base, '', 0));
    return response;
  };

  async function start(incoming: Request, url: URL): Promise<Response> {
    const provider = url.searchParams.get('provider');
    const siteId = url.searchParams.get('site_id') ?? '';
    const scope = url.searchParams.get('scope') ?? '';
    if (provider !== 'github') return refuse(400, `Unsupported provider "${provider ?? ''}": this service logs in to GitHub only.`);
    if (!(SCOPES as readonly string[]).includes(scope)) {
      return refuse(400, `Unsupported scope "${scope}": ask for ${SCOPES.join(' or ')} (cms.backend.scope in the site settings).`);
    }
    if (!allowedHosts.has(siteId)) {
      return refuse(403, `Site "${siteId}" is not served by this service: add its origin to ALLOWED_ORIGINS.`);
    }
    const base = baseOf(incoming);
    const state = randomToken();
    const verifier = randomToken();
    const { url: authorizeUrl } = getWebFlowAuthorizationUrl({
      clientType: 'oauth-app',
      clientId: config.clientId,
      redirectUrl: `${base}/callback`,
      scopes: [scope],
      state,
      allowSignup: false,
      request,
    });
    const target = new URL(authorizeUrl);
    target.searchParams.set('code_challenge', await challengeOf(verifier));
    target.searchParams.set('code_challenge_method', 'S256');
    log(`login started for ${siteId} with scope ${scope}`);
    return new Response(null, {
      status: 302,
      headers: { location: target.href, 'set-cookie': cookie(base, `${state}.${verifier}`, LOGIN_SECONDS), 'cache-control': 'no-store' },
    });
  }

  async function callback(incoming: Request, url: URL): Promise<Response> {
    const base = baseOf(incoming);
    const [expectedState = '', verifier = ''] = (cookieValue(incoming, cookieName(base)) ?? '').split('.');
    const state = url.searchParams.get('state') ?? '';
    if (!expectedState || !verifier) {
      return refuse(400, 'No login was started in this browser, or it expired: start again from the CMS.', base);
    }
    if (!state || !sameText(state, expectedState)) {
      return refuse(400, 'The state value does not match the login started in this browser: start again from the CMS.', base);
    }
    const handOver = (status: number, title: string, message: string, payload: string) => {
      const response = page({ status, title, message, script: handshakeScript(config.allowedOrigins, payload) });
      response.headers.append('set-cookie', cookie(base, '', 0));
      return response;
    };
    const denied = url.searchParams.get('error');
    if (denied) {
      log(`GitHub answered ${denied}`);
      const reason = url.searchParams.get('error_description') ?? denied;
      return handOver(200, 'Login cancelled', reason, `authorization:github:error:${JSON.stringify({ message: reason })}`);
    }
    const code = url.searchParams.get('code');
    if (!code) return refuse(400, 'GitHub sent no code: start again from the CMS.', base);
    try {
      const { authentication } = await exchangeWebFlowCode({
        clientType: 'oauth-app',
        clientId: config.clientId,
        clientSecret: config.clientSecret,
        code,
        redirectUrl: `${base}/callback`,
        // GitHub's token endpoint takes the PKCE verifier as one more form field.
        request: request.defaults({ code_verifier: verifier }),
      });
      log(`token issued with scopes ${authentication.scopes.join(' ') || '(none)'}`);
      const payload = `authorization:github:success:${JSON.stringify({ token: authentication.token, provider: 'github' })}`;
      return handOver(200, 'Logging in', 'Finishing the login in the CMS window…', payload);
    } catch (error) {
      // Octokit's messages carry GitHub's error code and description, never the request body.
      const reason = error instanceof Error ? error.message : String(error);
      log(`code exchange failed: ${reason}`);
      return handOver(
        502,
        'Login failed',
        `GitHub refused the login: ${reason}`,
        `authorization:github:error:${JSON.stringify({ message: reason })}`,
      );
    }
  }

  return async (incoming) => {
    const url = new URL(incoming.url);
    const base = new URL(`${baseOf(incoming)}/`);
    const path = `/${url.pathname.slice(base.pathname.length)}`;
    if (!url.pathname.startsWith(base.pathname)) return new Response('Not found\n', { status: 404 });
    if (incoming.method !== 'GET' && incoming.method !== 'HEAD') {
      return new Response('Method not allowed\n', { status: 405, headers: { allow: 'GET, HEAD' } });
    }
    if (path === '/auth') return start(incoming, url);
    if (path === '/callback') return callback(incoming, url);
    if (path === '/') return new Response('Szpalta auth service: Decap CMS logs in to GitHub at /auth.\n', { status: 200 });
    return new Response('Not found\n', { status: 404 });
  };
}
