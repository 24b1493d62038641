import type { SmtpCatcher } from './smtp.ts';
import { linkIn } from './smtp.ts';

/** A reader talking to the service's HTTP API from Node, the way the island does from a page on `origin`. */
export interface ApiReader {
  email: string;
  /** The `Cookie` header of the session (empty before login). */
  cookie: string;
  call: (
    path: string,
    init?: {
      method?: string;
      body?: unknown;
      origin?: string;
      cookie?: string;
      contentType?: string;
      rawBody?: string;
      forwardedFor?: string;
    },
  ) => Promise<{ status: number; data: Record<string, unknown>; headers: Headers }>;
  login: (password?: string) => Promise<{ status: number; data: Record<string, unknown> }>;
}

export const PASSWORD = 'Bardzo-tajne-haslo-1';

let readers = 0;

/** Registers `email`, confirms it through the caught e-mail and returns a reader that can log in. */
export async function registeredReader(
  service: string,
  origin: string,
  smtp: SmtpCatcher,
  email: string,
  name = 'Czytelnik',
): Promise<ApiReader> {
  readers += 1;
  // Each reader has an address of its own (documentation range), sent as a trusted proxy would.
  const address = `198.51.100.${readers % 250}`;
  const reader: ApiReader = {
    email,
    cookie: '',
    async call(path, init = {}) {
      const headers: Record<string, string> = { origin: init.origin ?? origin, 'x-forwarded-for': init.forwardedFor ?? address };
      const cookie = init.cookie ?? reader.cookie;
      if (cookie) headers['cookie'] = cookie;
      let body: string | undefined;
      if (init.rawBody !== undefined) body = init.rawBody;
      else if (init.body !== undefined) body = JSON.stringify(init.body);
      if (body !== undefined) headers['content-type'] = init.contentType ?? 'application/json';
      const response = await fetch(`${service}${path}`, {
        method: init.method ?? (body === undefined ? 'GET' : 'POST'),
        headers,
        redirect: 'manual',
        ...(body === undefined ? {} : { body }),
      });
      const data = (await response.json().catch(() => ({}))) as Record<string, unknown>;
      return { status: response.status, data, headers: response.headers };
    },
    async login(password = PASSWORD) {
      const result = await reader.call('/api/auth/sign-in/email', { body: { email, password } });
      const cookies = result.headers.getSetCookie().map((cookie) => cookie.split(';')[0]);
      if (result.status === 200) reader.cookie = cookies.join('; ');
      return result;
    },
  };
  const signUp = await reader.call('/api/auth/sign-up/email', { body: { name, email, password: PASSWORD, callbackURL: `${origin}/` } });
  if (signUp.status !== 200) throw new Error(`sign-up of ${email} failed: ${signUp.status} ${JSON.stringify(signUp.data)}`);
  const mail = await smtp.waitFor(email, /potwierdź|confirm/i);
  const verified = await fetch(linkIn(mail), { redirect: 'manual' });
  if (verified.status >= 400) throw new Error(`verification link of ${email} answered ${verified.status}`);
  return reader;
}
