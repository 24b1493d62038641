import { betterAuth } from 'better-auth';
import { APIError } from 'better-auth/api';
import type { CommentsConfig } from './config.ts';
import type { Database } from './db.ts';
import type { Mailer } from './mail.ts';

/**
 * The header that carries the reader's address to better-auth's rate limiter. The app sets it
 * on every request from the connection (or from `X-Forwarded-For` of a trusted proxy) and
 * removes any value the client sent, so a client cannot choose its own address.
 */
export const CLIENT_IP_HEADER = 'x-szpalta-client-ip';

/** Path of the service's own page where a reader sets a new password from the e-mailed link. */
export const RESET_PAGE = '/konto/nowe-haslo';

/**
 * Reader accounts: registration with e-mail confirmation, login, sessions, password reset,
 * profile changes and account deletion are better-auth's, with its hashing, session cookies,
 * origin (CSRF) checks and rate limits. Moderators are marked by `role`, which no request can
 * set (`input: false`): only `npm run comments:role` grants it. A blocked account cannot
 * start a session.
 */
export function createAuth(config: CommentsConfig, database: Database, mailer: Mailer) {
  const secure = config.publicUrl.startsWith('https:');
  return betterAuth({
    appName: config.siteName,
    baseURL: config.publicUrl,
    basePath: '/api/auth',
    secret: config.secret,
    database: { db: database.db, type: database.type },
    trustedOrigins: [...config.siteOrigins, new URL(config.publicUrl).origin],
    emailAndPassword: {
      enabled: true,
      requireEmailVerification: true,
      autoSignIn: false,
      minPasswordLength: 8,
      maxPasswordLength: 128,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ user, url }) => {
        await mailer.passwordReset(user.email, user.name, url);
      },
    },
    emailVerification: {
      sendOnSignUp: true,
      autoSignInAfterVerification: false,
      sendVerificationEmail: async ({ user, url }) => {
        await mailer.verification(user.email, user.name, url);
      },
    },
    user: {
      additionalFields: {
        role: { type: 'string', required: false, defaultValue: 'reader', input: false },
        blocked: { type: 'boolean', required: false, defaultValue: false, input: false },
      },
      deleteUser: { enabled: true },
    },
    session: {
      expiresIn: config.sessionSeconds,
      updateAge: 24 * 3600,
    },
    rateLimit: {
      enabled: true,
      window: 60,
      max: 100,
      customRules: {
        '/sign-in/email': { window: 60, max: 20 },
        '/sign-up/email': { window: 3600, max: 10 },
        '/request-password-reset': { window: 3600, max: 5 },
        '/send-verification-email': { window: 3600, max: 5 },
      },
    },
    advanced: {
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      useSecureCookies: secure,
      cookiePrefix: 'szpalta',
      defaultCookieAttributes: { sameSite: 'lax', httpOnly: true, secure },
    },
    databaseHooks: {
      session: {
        create: {
          before: async (session) => {
            const user = await database.db.selectFrom('user').select('blocked').where('id', '=', session.userId).executeTakeFirst();
            if (user?.blocked) throw new APIError('FORBIDDEN', { code: 'BLOCKED', message: 'Account blocked' });
          },
        },
      },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
