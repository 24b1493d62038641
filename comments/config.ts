import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { settingsSchema } from '../src/schemas/settings.ts';
import { resolveContentDir } from '../src/content-model/content-dir.ts';

/** Everything the comment service runs with: the site's settings plus the environment. */
export interface CommentsConfig {
  /** Interface and e-mail language of the site (`language` in the settings). */
  language: 'pl' | 'en';
  /** Name of the portal, used in e-mails and on the moderation page. */
  siteName: string;
  /** Origins allowed to call the service with the reader's cookie: the site's `url` plus `COMMENTS_SITE_ORIGINS`. */
  siteOrigins: string[];
  /** Public URL of the service (`comments.url`), the base of links in e-mails. */
  publicUrl: string;
  /** Interface to listen on: `COMMENTS_HOST`, default 127.0.0.1. */
  host: string;
  /** Port: `COMMENTS_PORT`, else `comments.port`. */
  port: number;
  enabled: boolean;
  moderation: 'first' | 'all' | 'none';
  closeAfterDays: number;
  maxLength: number;
  /** Folder with `articles/<slug>.mdx`: which articles exist, their date and `comments: false`. */
  contentDir: string;
  /** `postgres://…` for PostgreSQL, otherwise the path of the SQLite file. */
  databaseUrl: string;
  /** Signs sessions and tokens: `COMMENTS_SECRET` (at least 32 characters). */
  secret: string;
  /** `smtp://user:pass@host:port` (`SMTP_URL`); without it e-mails are printed to the log. */
  smtpUrl: string | undefined;
  /** Sender of the e-mails (`MAIL_FROM`). */
  mailFrom: string;
  /**
   * Reverse proxies whose `X-Forwarded-For` is believed (`TRUST_PROXY`: comma-separated
   * addresses or CIDR ranges). Empty: the address of the connection is the reader's.
   */
  trustedProxies: string[];
  /** Session lifetime in seconds (`COMMENTS_SESSION_DAYS`, default 30 days). */
  sessionSeconds: number;
}

/** A configuration problem, with the file or variable to fix in the message. */
export class CommentsConfigError extends Error {}

/**
 * Reads `<root>/content/settings/site.yml` (or `SZPALTA_CONTENT_DIR`) and the environment.
 * Throws `CommentsConfigError` naming the file and field, or the variable, when one is wrong.
 * Without `COMMENTS_SECRET`, a random secret is kept next to the SQLite file (development);
 * with PostgreSQL the variable is required.
 */
export function loadConfig(root: string, env: NodeJS.ProcessEnv = process.env): CommentsConfig {
  const contentDir = resolveContentDir(root, env);
  const settingsFile = resolve(contentDir, 'settings/site.yml');
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(settingsFile, 'utf8'));
  } catch (error) {
    throw new CommentsConfigError(`${settingsFile}: cannot read the site settings (${(error as Error).message})`, { cause: error });
  }
  const parsed = settingsSchema().safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CommentsConfigError(`${settingsFile}: field "${issue?.path.join('.') ?? '?'}": ${issue?.message ?? 'invalid'}`);
  }
  const settings = parsed.data;
  if (!settings.comments)
    throw new CommentsConfigError(
      `${settingsFile}: there is no "comments:" section (add comments.url, the public URL of the comment service)`,
    );
  const { comments } = settings;
  const port = env['COMMENTS_PORT'] ? Number(env['COMMENTS_PORT']) : comments.port;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new CommentsConfigError(`COMMENTS_PORT: "${env['COMMENTS_PORT'] ?? ''}" is not a port number`);
  const extraOrigins = (env['COMMENTS_SITE_ORIGINS'] ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of extraOrigins) {
    if (!URL.canParse(origin))
      throw new CommentsConfigError(`COMMENTS_SITE_ORIGINS: "${origin}" is not an origin such as https://szpalta.example`);
  }
  const databaseUrl = env['COMMENTS_DATABASE_URL'] ?? resolve(root, '.data/comments.sqlite');
  const sessionDays = Number(env['COMMENTS_SESSION_DAYS'] ?? 30);
  if (!(sessionDays > 0))
    throw new CommentsConfigError(`COMMENTS_SESSION_DAYS: "${env['COMMENTS_SESSION_DAYS'] ?? ''}" must be a positive number of days`);
  return {
    language: settings.language,
    siteName: settings.name,
    siteOrigins: [...new Set([new URL(settings.url).origin, ...extraOrigins.map((origin) => new URL(origin).origin)])],
    publicUrl: env['COMMENTS_PUBLIC_URL'] ?? comments.url,
    host: env['COMMENTS_HOST'] ?? '127.0.0.1',
    port,
    enabled: comments.enabled,
    moderation: comments.moderation,
    closeAfterDays: comments.closeAfterDays,
    maxLength: comments.maxLength,
    contentDir,
    databaseUrl,
    secret: secretFrom(env, databaseUrl),
    smtpUrl: nonEmpty(env['SMTP_URL']),
    mailFrom: env['MAIL_FROM'] ?? `${settings.name} <komentarze@${new URL(settings.url).hostname}>`,
    trustedProxies: (env['TRUST_PROXY'] ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean),
    sessionSeconds: Math.round(sessionDays * 24 * 3600),
  };
}

const nonEmpty = (value: string | undefined) => (value?.trim() === '' ? undefined : value);

export const isPostgres = (databaseUrl: string) => /^postgres(ql)?:\/\//.test(databaseUrl);

function secretFrom(env: NodeJS.ProcessEnv, databaseUrl: string): string {
  const secret = env['COMMENTS_SECRET'];
  if (secret !== undefined) {
    if (secret.length < 32)
      throw new CommentsConfigError('COMMENTS_SECRET: use at least 32 random characters (for example: openssl rand -base64 32)');
    return secret;
  }
  if (isPostgres(databaseUrl))
    throw new CommentsConfigError('COMMENTS_SECRET is not set: with PostgreSQL the service needs a secret of at least 32 characters');
  const file = `${databaseUrl}.secret`;
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const generated = randomBytes(32).toString('base64url');
  writeFileSync(file, `${generated}\n`, { mode: 0o600 });
  return generated;
}
