import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startLocalServer } from '../../support/local-server.ts';

/**
 * A local stand-in for github.com's OAuth web flow and the few REST calls Decap makes at
 * login, speaking GitHub's documented protocol ("Authorizing OAuth apps"):
 *
 * - `GET /login/oauth/authorize` checks `client_id` and that `redirect_uri` is under the
 *   registered callback URL, then, as for a user who has already authorised the app,
 *   redirects to `redirect_uri?code=…&state=…` (the `state` echoed unchanged), or, after
 *   `askConsent(true)`, shows a consent page whose "Authorize" link leads there;
 * - `POST /login/oauth/access_token` (form or JSON, `Accept: application/json`) exchanges a
 *   code once, checking the client secret, the `redirect_uri` and, when the authorization
 *   carried a `code_challenge` (S256), the `code_verifier`. Failures are answered like GitHub:
 *   status 200 with `error`, `error_description` and `error_uri`;
 * - `GET /user` and `GET /repos/:owner/:repo` answer for a valid token (`Authorization:
 *   token …` or `Bearer …`), with CORS headers as api.github.com sends them.
 */

export interface StandInOptions {
  clientId: string;
  clientSecret: string;
}

interface Grant {
  redirectUri: string;
  scope: string;
  challenge?: string;
}

export interface GitHubStandIn {
  url: string;
  /** Registers the OAuth app's callback URL (GitHub's "Authorization callback URL" setting). */
  registerCallback: (url: string) => void;
  /** Whether the authorize endpoint shows a consent page instead of redirecting at once. */
  askConsent: (ask: boolean) => void;
  /** Every request received, as `METHOD /path`. */
  requests: string[];
  /** Tokens handed out by the token endpoint. */
  issuedTokens: string[];
  /** Bodies of the token requests, as received. */
  tokenRequests: Record<string, string>[];
  close: () => Promise<void>;
}

const LOGIN = 'redaktorka';

async function readBody(request: IncomingMessage): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if ((request.headers['content-type'] ?? '').includes('application/json')) return JSON.parse(text) as Record<string, string>;
  return Object.fromEntries(new URLSearchParams(text));
}

export async function startGitHubStandIn({ clientId, clientSecret }: StandInOptions): Promise<GitHubStandIn> {
  let callbackUrl = 'http://callback-not-registered.invalid/';
  let consent = false;
  const grants = new Map<string, Grant>();
  const tokens = new Map<string, string>();
  const requests: string[] = [];
  const issuedTokens: string[] = [];
  const tokenRequests: Record<string, string>[] = [];

  const json = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(body));
  const oauthError = (response: ServerResponse, error: string, description: string) =>
    json(response, 200, { error, error_description: description, error_uri: 'https://docs.github.com/apps/troubleshooting' });
  const cors = (request: IncomingMessage) => ({
    'access-control-allow-origin': '*',
    'access-control-allow-headers': request.headers['access-control-request-headers'] ?? 'Authorization, Content-Type',
    'access-control-allow-methods': 'GET, POST, PATCH, PUT, DELETE',
    'access-control-expose-headers': 'ETag, Link, X-GitHub-OTP, X-RateLimit-Limit, X-RateLimit-Remaining',
  });

  const server = await startLocalServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    requests.push(`${request.method ?? ''} ${url.pathname}`);

    if (request.method === 'GET' && url.pathname === '/login/oauth/authorize') {
      const redirectUri = url.searchParams.get('redirect_uri') ?? callbackUrl;
      if (url.searchParams.get('client_id') !== clientId) return response.writeHead(404).end('Unknown client_id');
      if (!redirectUri.startsWith(callbackUrl)) {
        return response.writeHead(400).end('The redirect_uri MUST match the registered callback URL for this application.');
      }
      const method = url.searchParams.get('code_challenge_method');
      const challenge = url.searchParams.get('code_challenge') ?? undefined;
      if (challenge && method !== 'S256') return response.writeHead(400).end('code_challenge_method must be S256');
      const code = randomBytes(10).toString('hex');
      grants.set(code, { redirectUri, scope: url.searchParams.get('scope') ?? '', ...(challenge ? { challenge } : {}) });
      const target = new URL(redirectUri);
      target.searchParams.set('code', code);
      const state = url.searchParams.get('state');
      if (state !== null) target.searchParams.set('state', state);
      if (!consent) return response.writeHead(302, { location: target.href }).end();
      const link = target.href.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
      return response
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(`<!doctype html><title>Authorize application</title><a id="authorize" href="${link}">Authorize</a>`);
    }

    if (request.method === 'POST' && url.pathname === '/login/oauth/access_token') {
      const body = await readBody(request);
      tokenRequests.push(body);
      const code = body['code'] ?? '';
      const grant = grants.get(code);
      grants.delete(code);
      if (body['client_id'] !== clientId || body['client_secret'] !== clientSecret) {
        return oauthError(response, 'incorrect_client_credentials', 'The client_id and/or client_secret passed are incorrect.');
      }
      if (!grant) return oauthError(response, 'bad_verification_code', 'The code passed is incorrect or expired.');
      if (body['redirect_uri'] !== undefined && body['redirect_uri'] !== grant.redirectUri) {
        return oauthError(
          response,
          'redirect_uri_mismatch',
          'The redirect_uri MUST match the registered callback URL for this application.',
        );
      }
      if (grant.challenge) {
        const verifier = body['code_verifier'] ?? '';
        if (createHash('sha256').update(verifier).digest('base64url') !== grant.challenge) {
          return oauthError(response, 'bad_verification_code', 'The code_verifier does not match the code_challenge.');
        }
      }
      const token = `gho_${randomBytes(18).toString('hex')}`;
      tokens.set(token, grant.scope);
      issuedTokens.push(token);
      return json(response, 200, { access_token: token, token_type: 'bearer', scope: grant.scope });
    }

    if (request.method === 'OPTIONS') return response.writeHead(204, cors(request)).end();
    const token = /^(?:token|bearer) (.+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '';
    if (!tokens.has(token)) return json(response, 401, { message: 'Bad credentials' }, cors(request));
    const scopes = { 'x-oauth-scopes': tokens.get(token) ?? '' };
    if (request.method === 'GET' && url.pathname === '/user') {
      return json(response, 200, { login: LOGIN, id: 1, name: 'Redaktorka Testowa', avatar_url: '' }, { ...cors(request), ...scopes });
    }
    const repo = /^\/repos\/([^/]+)\/([^/]+)$/.exec(url.pathname);
    if (request.method === 'GET' && repo) {
      return json(
        response,
        200,
        {
          name: repo[2],
          full_name: `${repo[1] ?? ''}/${repo[2] ?? ''}`,
          owner: { login: repo[1] },
          private: false,
          default_branch: 'main',
          permissions: { admin: false, push: true, pull: true },
        },
        { ...cors(request), ...scopes },
      );
    }
    return json(response, 404, { message: 'Not Found' }, cors(request));
  });
  return {
    url: server.origin,
    registerCallback: (url) => {
      callbackUrl = url;
    },
    askConsent: (ask) => {
      consent = ask;
    },
    requests,
    issuedTokens,
    tokenRequests,
    close: server.close,
  };
}
