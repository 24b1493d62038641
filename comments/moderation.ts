import type { Context, Hono } from 'hono';
import { html, raw } from 'hono/html';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv, Viewer } from './app.ts';
import { RESET_PAGE, type Auth } from './auth.ts';
import type { CommentsConfig } from './config.ts';
import type { CommentStatus, Database } from './db.ts';

export interface ModerationDeps {
  config: CommentsConfig;
  database: Database;
  auth: Auth;
  viewerOf: (c: Context<AppEnv>) => Promise<Viewer | undefined>;
  /** Signs in as the reader island does (same throttles); returns better-auth's response. */
  signIn: (c: Context<AppEnv>, email: string, password: string) => Promise<Response>;
}

/** The three queues of the moderation page, by their Polish URL names. */
const QUEUES = {
  oczekujace: { label: 'Oczekujące', empty: 'Nie ma komentarzy czekających na decyzję.' },
  zgloszone: { label: 'Zgłoszone', empty: 'Nie ma zgłoszonych komentarzy.' },
  spam: { label: 'Spam', empty: 'Nie ma komentarzy oznaczonych jako spam.' },
} as const;
type Queue = keyof typeof QUEUES;

const ACTIONS: Record<string, { status?: CommentStatus; label: string }> = {
  approve: { status: 'approved', label: 'Zatwierdź' },
  reject: { status: 'rejected', label: 'Odrzuć' },
  spam: { status: 'spam', label: 'Spam' },
  delete: { label: 'Usuń' },
  block: { label: 'Zablokuj konto' },
};

const STYLE = `
*{box-sizing:border-box}body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1a1a1a;background:#f6f6f6}
header,main{max-width:48rem;margin:0 auto;padding:1rem}h1{font-size:1.4rem;margin:.5rem 0}
nav ul{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;padding:0;margin:0}
nav a{display:inline-block;padding:.6rem .9rem;border-radius:.4rem;background:#fff;color:#1a1a1a;border:1px solid #ccc}
nav a[aria-current=page]{background:#b3121b;color:#fff;border-color:#b3121b}
ol{list-style:none;padding:0}li.item{background:#fff;border:1px solid #ddd;border-radius:.5rem;padding:1rem;margin:0 0 1rem}
.meta{font-size:.9rem;color:#555;margin:0 0 .5rem}.text{white-space:pre-wrap;overflow-wrap:anywhere;margin:0 0 .75rem}
.actions{display:flex;flex-wrap:wrap;gap:.5rem}.actions form{margin:0}
button{font:inherit;min-height:2.75rem;padding:.5rem 1rem;border-radius:.4rem;border:1px solid #888;background:#fff;cursor:pointer}
button.primary{background:#0b6b2e;color:#fff;border-color:#0b6b2e}button.danger{background:#9b1c1c;color:#fff;border-color:#9b1c1c}
label{display:block;margin:.75rem 0 .25rem}input{font:inherit;width:100%;max-width:24rem;padding:.6rem;border:1px solid #888;border-radius:.4rem}
.error{color:#9b1c1c;font-weight:600}.notice{background:#fff;padding:.75rem;border-left:4px solid #0b6b2e}
:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}
`;

/** Headers of the service's own HTML pages: no scripts, only its own stylesheet and forms. */
const serverPageHeaders = (referrerPolicy: 'same-origin' | 'no-referrer') =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      styleSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
    },
    referrerPolicy,
  });

/**
 * `/moderacja/`: the moderators' page, in Polish, plain HTML forms (no script), usable on a
 * phone. Only accounts with the moderator or admin role (granted by `npm run comments:role`)
 * see the queues; every form passes the app's origin check.
 */
export function moderationRoutes(app: Hono<AppEnv>, deps: ModerationDeps): void {
  const { config, database, auth, viewerOf, signIn } = deps;
  const { db } = database;

  app.use('/moderacja/*', serverPageHeaders('same-origin'));

  app.get('/moderacja/styl.css', (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=300');
    return c.body(STYLE);
  });

  const page = (c: Context<AppEnv>, title: string, body: unknown, status: 200 | 401 | 403 = 200) => {
    c.header('Cache-Control', 'private, no-store');
    return c.html(
      html`<!doctype html>
        <html lang="pl">
          <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <meta name="robots" content="noindex" />
            <title>${title} – moderacja – ${config.siteName}</title>
            <link rel="stylesheet" href="/moderacja/styl.css" />
          </head>
          <body>
            <header><h1>Moderacja komentarzy – ${config.siteName}</h1></header>
            <main>${body}</main>
          </body>
        </html>`,
      status,
    );
  };

  const loginForm = (c: Context<AppEnv>, error?: string) =>
    page(
      c,
      'Logowanie',
      html`<h2>Logowanie</h2>
        ${error ? html`<p class="error" role="alert">${error}</p>` : ''}
        <form method="post" action="/moderacja/logowanie">
          <label for="email">E-mail</label>
          <input id="email" name="email" type="email" autocomplete="username" required />
          <label for="password">Hasło</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required />
          <p><button class="primary" type="submit">Zaloguj się</button></p>
        </form>`,
      error ? 401 : 200,
    );

  app.get('/moderacja', (c) => c.redirect('/moderacja/'));
  app.get('/moderacja/', async (c) => {
    const viewer = await viewerOf(c);
    if (!viewer) return loginForm(c);
    if (viewer.role !== 'moderator' && viewer.role !== 'admin') {
      return page(
        c,
        'Brak uprawnień',
        html`<p class="error">
            Konto ${viewer.email} nie ma uprawnień moderatora. Uprawnienia nadaje administrator poleceniem
            <code>npm run comments:role</code>.
          </p>
          ${logoutForm()}`,
        403,
      );
    }
    const asked = c.req.query('kolejka') ?? '';
    const queue: Queue = Object.hasOwn(QUEUES, asked) ? (asked as Queue) : 'oczekujace';
    const done = c.req.query('zrobione');
    let query = db
      .selectFrom('comment')
      .leftJoin('user', 'user.id', 'comment.user_id')
      .select([
        'comment.id',
        'comment.article',
        'comment.text',
        'comment.created_at',
        'comment.status',
        'comment.user_id',
        'comment.author_name',
        'user.name as user_name',
        'user.email as user_email',
        'user.blocked as user_blocked',
      ])
      .select((eb) =>
        eb
          .selectFrom('comment_report')
          .select((inner) => inner.fn.countAll<string | number>().as('n'))
          .whereRef('comment_report.comment_id', '=', 'comment.id')
          .as('reports'),
      )
      .orderBy('comment.created_at')
      .limit(100);
    if (queue === 'oczekujace') query = query.where('comment.status', '=', 'pending');
    else if (queue === 'spam') query = query.where('comment.status', '=', 'spam');
    else
      query = query
        .where('comment.status', '=', 'approved')
        .where((eb) =>
          eb.exists(eb.selectFrom('comment_report').select('comment_id').whereRef('comment_report.comment_id', '=', 'comment.id')),
        );
    const rows = await query.execute();
    const siteUrl = config.siteOrigins[0] ?? '';
    const actionsFor = (row: (typeof rows)[number]) =>
      Object.entries(ACTIONS)
        .filter(([action]) => !(action === 'approve' && row.status === 'approved' && queue !== 'zgloszone'))
        .filter(([action]) => !(action === 'block' && (!row.user_id || row.user_blocked)))
        .map(
          ([action, { label }]) =>
            html`<form method="post" action="/moderacja/akcja">
              <input type="hidden" name="id" value="${row.id}" />
              <input type="hidden" name="action" value="${action}" />
              <input type="hidden" name="kolejka" value="${queue}" />
              <button type="submit" class="${action === 'approve' ? 'primary' : action === 'delete' || action === 'block' ? 'danger' : ''}">
                ${label}${queue === 'zgloszone' && action === 'approve' ? ' (zostaw)' : ''}
              </button>
            </form>`,
        );
    return page(
      c,
      QUEUES[queue].label,
      html`<nav aria-label="Kolejki">
          <ul>
            ${Object.entries(QUEUES).map(([key, { label }]) => html`<li><a href="/moderacja/?kolejka=${key}" ${key === queue ? raw('aria-current="page"') : ''}>${label}</a></li>`)}
          </ul>
        </nav>
        ${done ? html`<p class="notice" role="status">${done}</p>` : ''}
        <h2>${QUEUES[queue].label} (${rows.length})</h2>
        ${
          rows.length === 0
            ? html`<p>${QUEUES[queue].empty}</p>`
            : html`<ol>
                ${rows.map(
                  (row) =>
                    html`<li class="item">
                      <p class="meta">
                        <strong>${row.user_name ?? row.author_name ?? 'Konto usunięte'}</strong
                        >${row.user_email ? ` (${row.user_email})` : ''}${row.user_blocked ? ' – konto zablokowane' : ''} ·
                        <time datetime="${row.created_at}"
                          >${new Date(row.created_at).toLocaleString('pl-PL', { timeZone: 'Europe/Warsaw' })}</time
                        >
                        ·
                        <a href="${new URL(`/artykuly/${row.article}/`, siteUrl).href}">${row.article}</a
                        >${Number(row.reports ?? 0) > 0 ? ` · zgłoszenia: ${Number(row.reports)}` : ''}
                      </p>
                      <p class="text">${row.text}</p>
                      <div class="actions">${actionsFor(row)}</div>
                    </li>`,
                )}
              </ol>`
        }
        ${logoutForm()}`,
    );
  });

  app.post('/moderacja/logowanie', async (c) => {
    const form = await c.req.parseBody();
    const response = await signIn(c, textOf(form, 'email'), textOf(form, 'password'));
    if (!response.ok) {
      const payload = (await response.json().catch(() => ({}))) as { error?: string };
      return loginForm(c, payload.error ?? 'Nie udało się zalogować.');
    }
    return redirectWithCookies('/moderacja/', response.headers);
  });

  app.post('/moderacja/wyloguj', async (c) => {
    const response = await auth.api.signOut({ headers: c.req.raw.headers, asResponse: true });
    return redirectWithCookies('/moderacja/', response.headers);
  });

  // The page the password-reset e-mail leads to (better-auth redirects here with `token`).
  app.use('/konto/*', serverPageHeaders('no-referrer'));
  const resetForm = (c: Context<AppEnv>, token: string, error?: string, status: 200 | 401 = 200) =>
    page(
      c,
      'Nowe hasło',
      html`<h2>Ustaw nowe hasło</h2>
        ${error ? html`<p class="error" role="alert">${error}</p>` : ''}
        <form method="post" action="${RESET_PAGE}">
          <input type="hidden" name="token" value="${token}" />
          <label for="password">Nowe hasło (co najmniej 8 znaków)</label>
          <input id="password" name="password" type="password" autocomplete="new-password" minlength="8" maxlength="128" required />
          <p><button class="primary" type="submit">Zapisz hasło</button></p>
        </form>`,
      status,
    );
  app.get(RESET_PAGE, (c) => {
    const token = c.req.query('token') ?? '';
    if (!token || c.req.query('error'))
      return page(
        c,
        'Nowe hasło',
        html`<p class="error">Odnośnik jest nieważny lub wygasł. Poproś o nowy w formularzu logowania pod artykułem.</p>`,
        401,
      );
    return resetForm(c, token);
  });
  app.post(RESET_PAGE, async (c) => {
    const form = await c.req.parseBody();
    const token = textOf(form, 'token');
    const password = textOf(form, 'password');
    if (password.length < 8) return resetForm(c, token, 'Hasło jest za krótkie: musi mieć co najmniej 8 znaków.');
    try {
      await auth.api.resetPassword({ body: { newPassword: password, token } });
    } catch {
      return resetForm(c, token, 'Odnośnik jest nieważny lub wygasł. Poproś o nowy w formularzu logowania pod artykułem.', 401);
    }
    return page(
      c,
      'Hasło zmienione',
      html`<p class="notice" role="status">Hasło zostało zmienione. Możesz się zalogować pod dowolnym artykułem.</p>
        <p><a href="${config.siteOrigins[0] ?? '/'}">Wróć do serwisu</a></p>`,
    );
  });

  app.post('/moderacja/akcja', async (c) => {
    const viewer = await viewerOf(c);
    if (!viewer) return loginForm(c);
    if (viewer.role !== 'moderator' && viewer.role !== 'admin')
      return page(c, 'Brak uprawnień', html`<p class="error">Brak uprawnień moderatora.</p>`, 403);
    const form = await c.req.parseBody();
    const id = textOf(form, 'id');
    const action = textOf(form, 'action');
    const queue = textOf(form, 'kolejka', 'oczekujace');
    const spec = ACTIONS[action];
    const comment = await db.selectFrom('comment').select(['id', 'user_id']).where('id', '=', id).executeTakeFirst();
    if (!spec || !comment)
      return c.redirect(
        `/moderacja/?kolejka=${encodeURIComponent(queue)}&zrobione=${encodeURIComponent('Nie ma już tego komentarza.')}`,
        303,
      );
    let done: string;
    if (spec.status) {
      await db.updateTable('comment').set({ status: spec.status }).where('id', '=', id).execute();
      // Approving a reported comment keeps it and clears its reports.
      if (spec.status === 'approved' || spec.status === 'rejected')
        await db.deleteFrom('comment_report').where('comment_id', '=', id).execute();
      done = { approved: 'Komentarz zatwierdzony.', rejected: 'Komentarz odrzucony.', spam: 'Komentarz oznaczony jako spam.', pending: '' }[
        spec.status
      ];
    } else if (action === 'delete') {
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('comment').set({ parent_id: null }).where('parent_id', '=', id).execute();
        await trx.deleteFrom('comment_report').where('comment_id', '=', id).execute();
        await trx.deleteFrom('comment').where('id', '=', id).execute();
      });
      done = 'Komentarz usunięty.';
    } else {
      if (!comment.user_id) return c.redirect(`/moderacja/?kolejka=${encodeURIComponent(queue)}`, 303);
      const userId = comment.user_id;
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('user')
          .set({ blocked: database.type === 'sqlite' ? 1 : true })
          .where('id', '=', userId)
          .execute();
        await trx.deleteFrom('session').where('userId', '=', userId).execute();
        await trx
          .updateTable('comment')
          .set({ status: 'rejected' })
          .where('user_id', '=', userId)
          .where('status', '=', 'pending')
          .execute();
      });
      done = 'Konto zablokowane: autor nie może się zalogować ani komentować.';
    }
    return c.redirect(`/moderacja/?kolejka=${encodeURIComponent(queue)}&zrobione=${encodeURIComponent(done)}`, 303);
  });
}

/** A text field of a parsed form (files and repeated fields count as missing). */
const textOf = (form: Record<string, unknown>, name: string, fallback = '') => {
  const value = form[name];
  return typeof value === 'string' ? value : fallback;
};

const logoutForm = () =>
  html`<form method="post" action="/moderacja/wyloguj">
    <p><button type="submit">Wyloguj się</button></p>
  </form>`;

function redirectWithCookies(location: string, from: Headers): Response {
  const headers = new Headers({ Location: location });
  for (const cookie of from.getSetCookie()) headers.append('Set-Cookie', cookie);
  return new Response(null, { status: 303, headers });
}
