import { randomUUID } from 'node:crypto';
import { BlockList, isIP, isIPv6 } from 'node:net';
import type { HttpBindings } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { rateLimiter } from 'hono-rate-limiter';
import { createArticleStates } from './articles.ts';
import { CLIENT_IP_HEADER, createAuth, type Auth } from './auth.ts';
import type { CommentsConfig } from './config.ts';
import type { ExpressionBuilder } from 'kysely';
import type { CommentStatus, Database, Schema, UserTable } from './db.ts';
import { buildIsland } from './island/build.ts';
import { createMailer, type Mailer } from './mail.ts';
import { messages } from './messages.ts';
import { moderationRoutes } from './moderation.ts';
import { checkCommentText } from './text.ts';

/** How long an author may correct a comment. */
export const EDIT_WINDOW_MS = 15 * 60 * 1000;
/** Largest request body: a comment of the longest allowed length in any script fits easily. */
const BODY_LIMIT = 32 * 1024;
/** Failed logins to one account within `LOGIN_WINDOW_MS` that lock it for the rest of the window. */
export const LOGIN_FAILURES_MAX = 5;
const LOGIN_WINDOW_MS = 15 * 60 * 1000;
/** Top-level comments per page of `GET /api/comments`. */
const PAGE_SIZE = 50;

export interface Viewer {
  id: string;
  name: string;
  email: string;
  role: string;
  blocked: boolean;
}

export interface AppEnv {
  Bindings: HttpBindings;
  Variables: { ip: string };
}

export interface CommentsApp {
  app: Hono<AppEnv>;
  auth: Auth;
  mailer: Mailer;
}

/** Options that tests and benchmarks change; production uses the defaults. */
export interface AppOptions {
  /** Comments one address may post per minute. Default: 5. */
  postsPerMinute?: number;
}

/**
 * The comment service as a Hono app over an open database (migrated beforehand):
 * - `/api/auth/*`: better-auth (accounts and sessions), with refusals translated and a
 *   per-account login throttle in front of `sign-in/email`;
 * - `/api/comments`, `/api/counts`, `/api/account/*`: the reader island's API;
 * - `/island.js`: the island itself; `/moderacja/`: the moderators' page;
 * CORS and cookies are limited to the site's origins; every change needs JSON (which a foreign
 * page cannot send without CORS approval) or passes Hono's origin check (forms).
 */
export async function createApp(config: CommentsConfig, database: Database, options: AppOptions = {}): Promise<CommentsApp> {
  const { db } = database;
  const mailer = createMailer(config);
  const auth = createAuth(config, database, mailer);
  const t = messages[config.language];
  const articleState = createArticleStates(config.contentDir, config.closeAfterDays);
  const island = await buildIsland();
  const serviceOrigin = new URL(config.publicUrl).origin;
  const allowedOrigins = [...config.siteOrigins, serviceOrigin];
  const proxies = trustedProxyList(config.trustedProxies);

  const app = new Hono<AppEnv>();
  const refuse = (c: Context<AppEnv>, status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429, message: string) =>
    c.json({ error: message }, status);

  app.onError((error, c) => {
    if (error instanceof HTTPException && error.status === 403) return refuse(c, 403, t.crossSite);
    if (error instanceof HTTPException) return c.json({ error: t.badRequest }, error.status);
    console.error('[comments]', error);
    return c.json({ error: t.failed }, 500);
  });

  app.use('*', async (c, next) => {
    c.set('ip', clientAddress(c.env.incoming.socket.remoteAddress, c.req.header('x-forwarded-for'), proxies));
    await next();
  });
  app.use(
    '*',
    cors({
      origin: config.siteOrigins,
      credentials: true,
      allowMethods: ['GET', 'POST', 'PATCH'],
      allowHeaders: ['Content-Type'],
      maxAge: 600,
    }),
  );
  app.use('*', bodyLimit({ maxSize: BODY_LIMIT, onError: (c) => c.json({ error: t.bodyTooLarge }, 413) }));
  // Forms (the moderation page, the password page) must come from an allowed origin.
  app.use('*', csrf({ origin: allowedOrigins }));
  app.use('/api/*', async (c, next) => {
    const method = c.req.method;
    if (method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS' && !c.req.path.startsWith('/api/auth/')) {
      if (!c.req.header('content-type')?.startsWith('application/json')) return c.json({ error: t.badRequest }, 415);
      const origin = c.req.header('origin');
      if (origin !== undefined && !allowedOrigins.includes(origin)) return c.json({ error: t.crossSite }, 403);
    }
    await next();
    return undefined;
  });

  const viewerOf = async (c: Context<AppEnv>): Promise<Viewer | undefined> => {
    const session = await auth.api.getSession({ headers: c.req.raw.headers });
    if (!session) return undefined;
    const { id, name, email, role, blocked } = session.user as typeof session.user & { role?: string | null; blocked?: boolean | null };
    return { id, name, email, role: role ?? 'reader', blocked: Boolean(blocked) };
  };

  /** Forwards a request to better-auth with the address this app decided on. */
  const forward = (c: Context<AppEnv>, url: string, method: string, headers: Headers, body: ArrayBuffer | undefined) => {
    headers.set(CLIENT_IP_HEADER, c.get('ip'));
    return auth.handler(new Request(url, { method, headers, ...(body ? { body } : {}) }));
  };

  /** better-auth's e-mail sign-in behind the per-account throttle; refusals translated. */
  async function signInThrottled(c: Context<AppEnv>, url: string, headers: Headers, body: ArrayBuffer): Promise<Response> {
    const email = emailOf(body);
    if (email && (await loginLocked(email))) return refuse(c, 429, t.loginThrottled);
    const response = await forward(c, url, 'POST', headers, body);
    if (email) {
      if (response.status === 401) await recordLoginFailure(email);
      else if (response.ok) await db.deleteFrom('login_failure').where('email', '=', email).execute();
    }
    return translateAuthError(response);
  }

  // Accounts: better-auth.
  app.on(['GET', 'POST'], '/api/auth/*', async (c) => {
    const method = c.req.method;
    const headers = new Headers(c.req.raw.headers);
    const body = method === 'POST' ? await c.req.arrayBuffer() : undefined;
    if (method === 'POST' && c.req.path === '/api/auth/sign-in/email' && body) return signInThrottled(c, c.req.raw.url, headers, body);
    return translateAuthError(await forward(c, c.req.raw.url, method, headers, body));
  });

  /** Sign-in for the moderation page's form, through the same throttles. */
  const signIn = (c: Context<AppEnv>, email: string, password: string) => {
    const headers = new Headers({ 'content-type': 'application/json', origin: serviceOrigin });
    const cookie = c.req.header('cookie');
    if (cookie) headers.set('cookie', cookie);
    const body = new TextEncoder().encode(JSON.stringify({ email, password })).buffer;
    return signInThrottled(c, new URL('/api/auth/sign-in/email', c.req.url).href, headers, body);
  };

  async function loginLocked(email: string): Promise<boolean> {
    const row = await db.selectFrom('login_failure').selectAll().where('email', '=', email).executeTakeFirst();
    return row !== undefined && row.failures >= LOGIN_FAILURES_MAX && Date.now() - Date.parse(row.first_at) < LOGIN_WINDOW_MS;
  }

  async function recordLoginFailure(email: string): Promise<void> {
    const now = new Date().toISOString();
    const row = await db.selectFrom('login_failure').selectAll().where('email', '=', email).executeTakeFirst();
    if (!row)
      await db
        .insertInto('login_failure')
        .values({ email, failures: 1, first_at: now })
        .onConflict((conflict) => conflict.column('email').doNothing())
        .execute();
    else if (Date.now() - Date.parse(row.first_at) >= LOGIN_WINDOW_MS)
      await db.updateTable('login_failure').set({ failures: 1, first_at: now }).where('email', '=', email).execute();
    else
      await db
        .updateTable('login_failure')
        .set({ failures: row.failures + 1 })
        .where('email', '=', email)
        .execute();
  }

  async function translateAuthError(response: Response): Promise<Response> {
    if (response.status < 400 || !response.headers.get('content-type')?.includes('application/json')) return response;
    const payload = (await response.json().catch(() => ({}))) as { code?: string };
    const message = (payload.code ? t.auth[payload.code] : undefined) ?? (response.status === 429 ? t.tooManyRequests : t.failed);
    const headers = new Headers(response.headers);
    headers.delete('content-length');
    return new Response(JSON.stringify({ error: message, code: payload.code }), { status: response.status, headers });
  }

  // The island's script, from this origin (the site's CSP lists it in script-src).
  app.get('/island.js', (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    return c.body(island);
  });

  // Approved counts of all articles, fetched once per site build.
  app.get('/api/counts', async (c) => {
    const rows = await db
      .selectFrom('comment')
      .select(['article', (eb) => eb.fn.countAll<string | number>().as('count')])
      .where('status', '=', 'approved')
      .groupBy('article')
      .execute();
    return c.json(Object.fromEntries(rows.map((row) => [row.article, Number(row.count)])));
  });

  app.get('/api/comments', async (c) => {
    const article = c.req.query('article') ?? '';
    const state = await articleState(article);
    if (state === 'unknown') return refuse(c, 404, t.unknownArticle);
    const page = Math.max(0, Math.floor(Number(c.req.query('page') ?? 0)) || 0);
    const viewer = await viewerOf(c);
    const visible = (eb: ExpressionBuilder<Schema & { user: UserTable }, 'comment'>) =>
      viewer
        ? eb.or([
            eb('comment.status', '=', 'approved'),
            eb.and([eb('comment.user_id', '=', viewer.id), eb('comment.status', '=', 'pending')]),
          ])
        : eb('comment.status', '=', 'approved');
    const base = db
      .selectFrom('comment')
      .leftJoin('user', 'user.id', 'comment.user_id')
      .select([
        'comment.id',
        'comment.parent_id',
        'comment.user_id',
        'comment.author_name',
        'comment.text',
        'comment.status',
        'comment.created_at',
        'comment.edited_at',
        'user.name as user_name',
      ])
      .where('comment.article', '=', article)
      .where(visible);
    const top = await base
      .where('comment.parent_id', 'is', null)
      .orderBy('comment.created_at', 'desc')
      .orderBy('comment.id')
      .limit(PAGE_SIZE + 1)
      .offset(page * PAGE_SIZE)
      .execute();
    const hasMore = top.length > PAGE_SIZE;
    const threads = top.slice(0, PAGE_SIZE);
    const replies = threads.length
      ? await base
          .where(
            'comment.parent_id',
            'in',
            threads.map((row) => row.id),
          )
          .orderBy('comment.created_at')
          .execute()
      : [];
    const count = await db
      .selectFrom('comment')
      .select((eb) => eb.fn.countAll<string | number>().as('count'))
      .where('article', '=', article)
      .where('status', '=', 'approved')
      .executeTakeFirstOrThrow();
    const now = Date.now();
    const shape = (row: (typeof top)[number]) => ({
      id: row.id,
      parent: row.parent_id,
      author: row.user_name ?? row.author_name,
      date: row.created_at,
      edited: row.edited_at,
      text: row.text,
      pending: row.status === 'pending',
      mine: row.user_id !== null && row.user_id === viewer?.id,
      editable: row.user_id !== null && row.user_id === viewer?.id && now - Date.parse(row.created_at) < EDIT_WINDOW_MS,
    });
    c.header('Cache-Control', 'private, no-store');
    return c.json({
      article,
      state,
      count: Number(count.count),
      maxLength: config.maxLength,
      hasMore,
      viewer: viewer ? { name: viewer.name, email: viewer.email, moderator: viewer.role === 'moderator' || viewer.role === 'admin' } : null,
      comments: threads.map((row) => ({ ...shape(row), replies: replies.filter((reply) => reply.parent_id === row.id).map(shape) })),
    });
  });

  const postLimiter = rateLimiter<AppEnv>({
    windowMs: 60_000,
    limit: options.postsPerMinute ?? 5,
    keyGenerator: (c) => c.get('ip'),
    handler: (c) => refuse(c, 429, t.rateLimited),
  });

  app.post('/api/comments', postLimiter, async (c) => {
    const body = await jsonBody(c);
    if (!body) return refuse(c, 400, t.badRequest);
    // The honeypot: a field that people never see and bots fill in.
    if (typeof body['website'] === 'string' && body['website'] !== '') return refuse(c, 400, t.honeypot);
    const viewer = await viewerOf(c);
    if (!viewer) return refuse(c, 401, t.notSignedIn);
    if (viewer.blocked) return refuse(c, 403, t.blocked);
    const article = typeof body['article'] === 'string' ? body['article'] : '';
    const state = await articleState(article);
    if (state === 'unknown') return refuse(c, 404, t.unknownArticle);
    if (!config.enabled || state === 'off') return refuse(c, 403, t.commentsOff);
    if (state === 'closed') return refuse(c, 403, t.closed);
    const checked = checkCommentText(body['text'], config.maxLength, t);
    if (!checked.ok) return refuse(c, 400, checked.error);
    let parentId: string | null = null;
    const parentRef = body['parent'];
    if (parentRef !== undefined && parentRef !== null) {
      if (typeof parentRef !== 'string') return refuse(c, 400, t.parentMissing);
      const parent = await db
        .selectFrom('comment')
        .select(['id', 'parent_id', 'article', 'status'])
        .where('id', '=', parentRef)
        .executeTakeFirst();
      if (parent?.article !== article || parent.status !== 'approved') return refuse(c, 400, t.parentMissing);
      if (parent.parent_id !== null) return refuse(c, 400, t.replyDepth);
      parentId = parent.id;
    }
    const status = await initialStatus(viewer);
    const comment = {
      id: randomUUID(),
      article,
      parent_id: parentId,
      user_id: viewer.id,
      author_name: null,
      text: checked.text,
      status,
      created_at: new Date().toISOString(),
      edited_at: null,
      import_key: null,
    };
    await db.insertInto('comment').values(comment).execute();
    return c.json({ id: comment.id, pending: status === 'pending' }, 201);
  });

  async function initialStatus(viewer: Viewer): Promise<CommentStatus> {
    if (viewer.role === 'moderator' || viewer.role === 'admin') return 'approved';
    if (config.moderation === 'all') return 'pending';
    if (config.moderation === 'none') return 'approved';
    const earlier = await db
      .selectFrom('comment')
      .select('id')
      .where('user_id', '=', viewer.id)
      .where('status', '=', 'approved')
      .limit(1)
      .executeTakeFirst();
    return earlier ? 'approved' : 'pending';
  }

  app.patch('/api/comments/:id', async (c) => {
    const body = await jsonBody(c);
    if (!body) return refuse(c, 400, t.badRequest);
    const viewer = await viewerOf(c);
    if (!viewer) return refuse(c, 401, t.notSignedIn);
    if (viewer.blocked) return refuse(c, 403, t.blocked);
    const comment = await db.selectFrom('comment').selectAll().where('id', '=', c.req.param('id')).executeTakeFirst();
    if (!comment) return refuse(c, 404, t.notFound);
    if (comment.user_id !== viewer.id) return refuse(c, 403, t.notYours);
    if (Date.now() - Date.parse(comment.created_at) >= EDIT_WINDOW_MS) return refuse(c, 403, t.editExpired);
    const checked = checkCommentText(body['text'], config.maxLength, t);
    if (!checked.ok) return refuse(c, 400, checked.error);
    await db.updateTable('comment').set({ text: checked.text, edited_at: new Date().toISOString() }).where('id', '=', comment.id).execute();
    return c.json({ id: comment.id });
  });

  app.post('/api/comments/:id/report', async (c) => {
    const viewer = await viewerOf(c);
    if (!viewer) return refuse(c, 401, t.notSignedIn);
    const comment = await db
      .selectFrom('comment')
      .select('id')
      .where('id', '=', c.req.param('id'))
      .where('status', '=', 'approved')
      .executeTakeFirst();
    if (!comment) return refuse(c, 404, t.notFound);
    await db
      .insertInto('comment_report')
      .values({ comment_id: comment.id, user_id: viewer.id, created_at: new Date().toISOString() })
      .onConflict((conflict) => conflict.columns(['comment_id', 'user_id']).doNothing())
      .execute();
    return c.json({ reported: true });
  });

  // The reader's data (RODO: access and portability).
  app.get('/api/account/data', async (c) => {
    const viewer = await viewerOf(c);
    if (!viewer) return refuse(c, 401, t.notSignedIn);
    const user = await db
      .selectFrom('user')
      .select(['id', 'name', 'email', 'emailVerified', 'createdAt', 'role'])
      .where('id', '=', viewer.id)
      .executeTakeFirstOrThrow();
    const comments = await db
      .selectFrom('comment')
      .select(['id', 'article', 'parent_id', 'text', 'status', 'created_at', 'edited_at'])
      .where('user_id', '=', viewer.id)
      .orderBy('created_at')
      .execute();
    c.header('Content-Disposition', 'attachment; filename="komentarze-dane.json"');
    c.header('Cache-Control', 'private, no-store');
    return c.json({ account: user, comments });
  });

  app.post('/api/account/delete', async (c) => {
    const body = await jsonBody(c);
    const mode = body?.['mode'];
    if (mode !== 'anonymise' && mode !== 'delete') return refuse(c, 400, t.deleteMode);
    const viewer = await viewerOf(c);
    if (!viewer) return refuse(c, 401, t.notSignedIn);
    const password = typeof body?.['password'] === 'string' ? body['password'] : '';
    const response = await translateAuthError(
      await auth.api.deleteUser({ body: { password }, headers: c.req.raw.headers, asResponse: true }),
    );
    if (!response.ok) return response;
    await db.transaction().execute(async (trx) => {
      if (mode === 'anonymise') {
        await trx.updateTable('comment').set({ user_id: null, author_name: null }).where('user_id', '=', viewer.id).execute();
      } else {
        const own = trx.selectFrom('comment').select('id').where('user_id', '=', viewer.id);
        // Other readers' replies stay, as top-level comments.
        await trx.updateTable('comment').set({ parent_id: null }).where('parent_id', 'in', own).execute();
        await trx.deleteFrom('comment_report').where('comment_id', 'in', own).execute();
        await trx.deleteFrom('comment').where('user_id', '=', viewer.id).execute();
      }
      await trx.deleteFrom('comment_report').where('user_id', '=', viewer.id).execute();
    });
    return new Response(JSON.stringify({ deleted: true, mode }), { status: 200, headers: withJson(response.headers) });
  });

  moderationRoutes(app, { config, database, auth, viewerOf, signIn });

  app.get('/', (c) => c.redirect('/moderacja/'));

  return { app, auth, mailer };
}

function withJson(headers: Headers): Headers {
  const result = new Headers(headers);
  result.set('content-type', 'application/json');
  result.delete('content-length');
  return result;
}

async function jsonBody(c: Context<AppEnv>): Promise<Record<string, unknown> | undefined> {
  try {
    const body: unknown = await c.req.json();
    return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function emailOf(body: ArrayBuffer): string | undefined {
  try {
    const parsed = JSON.parse(new TextDecoder().decode(body)) as { email?: unknown };
    return typeof parsed.email === 'string' ? parsed.email.trim().toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

function trustedProxyList(entries: string[]): BlockList | undefined {
  if (entries.length === 0) return undefined;
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', prefix] = entry.split('/');
    const type = isIPv6(address) ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return list;
}

const trusted = (list: BlockList, address: string) => list.check(address, isIPv6(address) ? 'ipv6' : 'ipv4');

/**
 * The reader's address: the connection's, or, when it comes from a trusted proxy, the
 * right-most address of `X-Forwarded-For` that is not itself a trusted proxy.
 */
function clientAddress(remote: string | undefined, forwardedFor: string | undefined, proxies: BlockList | undefined): string {
  let address = remote ?? 'unknown';
  if (address.startsWith('::ffff:')) address = address.slice(7);
  if (!proxies || isIP(address) === 0 || !trusted(proxies, address)) return address;
  const chain = (forwardedFor ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  for (let index = chain.length - 1; index >= 0; index -= 1) {
    const hop = chain[index] as string;
    // A malformed entry ends the trusted part of the chain: the proxy's own address is used.
    if (isIP(hop) === 0) return address;
    if (!trusted(proxies, hop)) return hop;
  }
  return address;
}
