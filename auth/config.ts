/**
 * Configuration of the auth service, read from environment variables. Every problem is
 * reported at once, naming the variable and what it must hold, so a misconfigured service
 * stops at start-up instead of failing an editor's login later.
 */

/** What the service needs to run the GitHub web flow for the CMS. */
export interface AuthConfig {
  /** Client id of the GitHub OAuth app. */
  clientId: string;
  /** Client secret of the GitHub OAuth app; never sent to a browser, never logged. */
  clientSecret: string;
  /** Site origins (`https://szpalta.example`) whose CMS window may receive a token. */
  allowedOrigins: string[];
  /** GitHub's web origin (`https://github.com`, or a GitHub Enterprise Server); tests point it at a stand-in. */
  githubUrl: string;
  /**
   * Public URL of this service (`https://auth.szpalta.example`, optionally with a path), from
   * which the callback URL registered at GitHub is derived. Default: the origin of each request.
   */
  publicUrl?: string;
}

/** The service cannot start: the message lists every variable to fix. */
export class AuthConfigError extends Error {
  constructor(problems: string[]) {
    super(`The auth service cannot start:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'AuthConfigError';
  }
}

/** `scheme://host[:port]` exactly, or undefined when `value` is not such an origin. */
function originOf(value: string): string | undefined {
  try {
    const url = new URL(value);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    return url.origin === value.replace(/\/$/, '') ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

function httpUrl(value: string): URL | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads `GITHUB_CLIENT_ID`, `GITHUB_CLIENT_SECRET`, `ALLOWED_ORIGINS` (comma-separated site
 * origins), `GITHUB_URL` (default `https://github.com`) and `AUTH_PUBLIC_URL` (optional).
 * Throws {@link AuthConfigError} naming every missing or malformed variable.
 */
export function authConfigFromEnv(env: Record<string, string | undefined>): AuthConfig {
  const problems: string[] = [];
  const value = (name: string) => env[name]?.trim() ?? '';

  const clientId = value('GITHUB_CLIENT_ID');
  if (!clientId) problems.push('GITHUB_CLIENT_ID is not set: copy the client id of your GitHub OAuth app.');
  const clientSecret = value('GITHUB_CLIENT_SECRET');
  if (!clientSecret) problems.push('GITHUB_CLIENT_SECRET is not set: generate a client secret in your GitHub OAuth app and set it.');

  const origins = value('ALLOWED_ORIGINS')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const allowedOrigins: string[] = [];
  if (origins.length === 0) {
    problems.push('ALLOWED_ORIGINS is not set: list the origins of the sites whose CMS may log in, e.g. https://szpalta.example');
  }
  for (const entry of origins) {
    const origin = originOf(entry);
    if (origin) allowedOrigins.push(origin);
    else problems.push(`ALLOWED_ORIGINS: "${entry}" is not an origin (scheme://host[:port], no path, no wildcard).`);
  }

  const githubUrl = httpUrl(value('GITHUB_URL') || 'https://github.com');
  if (!githubUrl) problems.push(`GITHUB_URL: "${value('GITHUB_URL')}" is not an http(s) URL.`);

  const publicUrlText = value('AUTH_PUBLIC_URL');
  const publicUrl = publicUrlText ? httpUrl(publicUrlText) : undefined;
  if (publicUrlText && !publicUrl) problems.push(`AUTH_PUBLIC_URL: "${publicUrlText}" is not an http(s) URL.`);

  if (problems.length > 0 || !githubUrl) throw new AuthConfigError(problems);
  return {
    clientId,
    clientSecret,
    allowedOrigins,
    githubUrl: githubUrl.href.replace(/\/$/, ''),
    ...(publicUrl ? { publicUrl: publicUrl.href.replace(/\/$/, '') } : {}),
  };
}
