import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { AxeResults } from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { setRole } from '../../comments/role.ts';
import { launchChromium } from '../support/browser.ts';
import { startStaticServer, type StaticServer } from '../support/static-server.ts';
import { ARTICLE, SEEDED_COUNT } from './support/global-setup.ts';
import { postgresBin, startPostgres, type Postgres } from './support/postgres.ts';
import { PASSWORD, registeredReader, type ApiReader } from './support/reader.ts';
import { freePort, startService, type RunningService } from './support/service.ts';
import { linkIn, startSmtpCatcher, type SmtpCatcher } from './support/smtp.ts';

const fixture = inject('comments');
const pgBin = postgresBin();
if (!pgBin)
  console.warn(
    '[comments] PostgreSQL not found under /usr/lib/postgresql: the PostgreSQL runs are skipped. Install it with "apt-get install -y postgresql".',
  );

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

describe.each([
  { backend: 'SQLite', skip: false },
  { backend: 'PostgreSQL', skip: !pgBin },
])('comments on $backend', ({ backend, skip }) => {
  let postgres: Postgres | undefined;
  let smtp: SmtpCatcher;
  let site: StaticServer;
  let service: RunningService;
  let browser: Browser;
  let counter = 0;
  const databaseUrl = async (name: string) => {
    if (backend === 'PostgreSQL') {
      postgres ??= await startPostgres(pgBin as string);
      return postgres.url;
    }
    return join(fixture.workDir, `${name}-${Date.now()}.sqlite`);
  };
  const email = (who: string) => `${who}-${backend.toLowerCase()}-${(counter += 1)}@example.com`;
  const db = () => service.service.database.db;

  beforeAll(async () => {
    if (skip) return;
    smtp = await startSmtpCatcher();
    site = await startStaticServer(fixture.dist);
    service = await startService({
      contentDir: fixture.contentDir,
      databaseUrl: await databaseUrl('flow'),
      port: fixture.servicePort,
      siteOrigin: site.origin,
      smtpUrl: smtp.url,
      postsPerMinute: 1000,
      // API readers come "through a proxy" from addresses of their own, as readers do.
      env: { TRUST_PROXY: '127.0.0.1' },
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    if (skip) return;
    await browser.close();
    await service.close();
    await site.close();
    await smtp.close();
    await postgres?.stop();
  });

  const approve = async (text: string) => {
    await db().updateTable('comment').set({ status: 'approved' }).where('text', '=', text).execute();
  };

  it.skipIf(skip)(
    'register → confirm → log in → comment → held → approved by a moderator → visible → reply → edit → log out, in Chromium',
    async () => {
      const readerEmail = email('ala');
      const context = await browser.newContext();
      const page = await context.newPage();
      const scripts: string[] = [];
      const cspErrors: string[] = [];
      page.on('request', (request) => {
        if (request.resourceType() === 'script') scripts.push(request.url());
      });
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) cspErrors.push(message.text());
      });
      await page.goto(`${site.origin}/artykuly/${ARTICLE}/`);
      expect(await page.locator('#komentarze-tytul').textContent()).toContain(`Komentarze (${SEEDED_COUNT})`);
      expect(scripts, 'no script file before the click').toEqual([]);

      await page.getByRole('button', { name: 'Pokaż komentarze' }).click();
      await page.getByRole('heading', { name: 'Logowanie' }).waitFor();
      expect(scripts).toEqual([`${service.url}/island.js`]);
      expect(await page.locator('.comments__invite').textContent()).toContain(
        'Nie masz jeszcze konta? Zachęcamy do założenia konta. Rejestracja zajmie Ci tylko chwilę.',
      );

      await page.getByRole('button', { name: 'Zarejestruj się' }).click();
      await page.getByLabel('Nazwa wyświetlana przy komentarzach').fill('Ala Czytelniczka');
      await page.getByLabel('E-mail', { exact: true }).fill(readerEmail);
      await page.getByLabel('Hasło (co najmniej 8 znaków)').fill(PASSWORD);
      await page.getByRole('button', { name: 'Zarejestruj się' }).click();
      await page.getByText('Konto założone.').waitFor();

      const confirmation = await smtp.waitFor(readerEmail, /potwierdź adres e-mail/);
      await page.goto(linkIn(confirmation));
      expect(page.url()).toBe(`${site.origin}/artykuly/${ARTICLE}/#komentarze`);
      // Arriving at #komentarze opens the comments without a click.
      await page.getByRole('heading', { name: 'Logowanie' }).waitFor();
      await page.getByLabel('E-mail', { exact: true }).fill(readerEmail);
      await page.getByLabel('Hasło', { exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: 'Zaloguj się' }).click();
      await page.getByText('Zalogowano jako').first().waitFor();

      // HTML is refused with a clear message, in the browser too.
      await page.getByLabel('Twój komentarz').fill('<script>alert(1)</script>');
      await page.getByRole('button', { name: 'Wyślij komentarz' }).click();
      await page.getByRole('alert').filter({ hasText: 'zwykły tekst' }).waitFor();

      const text = 'Pierwszy komentarz. Więcej: https://szpalta.example/o-nas/ i tyle.';
      await page.getByLabel('Twój komentarz').fill(text);
      await page.getByRole('button', { name: 'Wyślij komentarz' }).click();
      await page.getByText('pojawi się po zatwierdzeniu przez moderatora').waitFor();
      await page.locator('.comments__item', { hasText: 'Pierwszy komentarz' }).getByText('Czeka na moderację').waitFor();

      // A moderator (granted by the role command) approves it on the moderation page.
      const moderatorEmail = email('moderator');
      await registeredReader(service.url, site.origin, smtp, moderatorEmail, 'Redakcja');
      await setRole(db(), moderatorEmail, 'moderator');
      const moderatorContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
      const moderation = await moderatorContext.newPage();
      await moderation.goto(`${service.url}/moderacja/`);
      await moderation.getByLabel('E-mail', { exact: true }).fill(moderatorEmail);
      await moderation.getByLabel('Hasło').fill(PASSWORD);
      await moderation.getByRole('button', { name: 'Zaloguj się' }).click();
      await moderation.getByRole('heading', { name: 'Oczekujące (1)' }).waitFor();
      expect(await moderation.locator('.item .text').textContent()).toBe(text);
      await moderation.getByRole('button', { name: 'Zatwierdź' }).click();
      await moderation.getByText('Komentarz zatwierdzony.').waitFor();
      await moderation.getByRole('heading', { name: 'Oczekujące (0)' }).waitFor();
      await moderatorContext.close();

      // Still at #komentarze: the comments open by themselves after the reload.
      await page.reload();
      const item = page.locator('.comments__list > .comments__item', { hasText: 'Pierwszy komentarz' });
      await item.waitFor();
      expect(await item.getByText('Czeka na moderację').count()).toBe(0);
      expect(await item.locator('a[href="https://szpalta.example/o-nas/"]').getAttribute('rel')).toBe('nofollow ugc noopener');
      expect(await page.locator('[data-comments-count]').textContent()).toBe('1');

      await item.getByRole('button', { name: 'Odpowiedz' }).click();
      await page.getByLabel('Odpowiedź dla: Ala Czytelniczka').fill('Odpowiedź do własnego komentarza.');
      await item.getByRole('button', { name: 'Wyślij komentarz' }).click();
      await page.getByText('Komentarz opublikowany.').waitFor();
      const reply = page.locator('.comments__replies .comments__item', { hasText: 'Odpowiedź do własnego' });
      await reply.waitFor();

      await reply.getByRole('button', { name: 'Edytuj' }).click();
      await page.getByLabel('Edytuj').fill('Odpowiedź poprawiona.');
      await page.getByRole('button', { name: 'Zapisz', exact: true }).click();
      await page.getByText('Zmiany zapisane.').waitFor();
      await page.locator('.comments__replies .comments__item', { hasText: 'Odpowiedź poprawiona.' }).getByText('(edytowany)').waitFor();

      const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
      await page.evaluate(axeSource);
      const results = await axeResults(page, { runOnly: { type: 'tag', values: WCAG_TAGS } });
      expect(
        results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`),
      ).toEqual([]);

      await page.getByRole('button', { name: 'Wyloguj się' }).click();
      await page.getByText('Wylogowano.').waitFor();
      await page.getByRole('heading', { name: 'Logowanie' }).waitFor();
      expect(cspErrors).toEqual([]);
      await context.close();
    },
  );

  it.skipIf(skip)('keyboard: the comments open and the login form is reachable with Tab and Enter', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.origin}/artykuly/${ARTICLE}/`);
    await page.getByRole('button', { name: 'Pokaż komentarze' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Logowanie' }).waitFor();
    await page.getByLabel('E-mail', { exact: true }).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('autocomplete'))).toBe('current-password');
    await context.close();
  });

  it.skipIf(skip)('a forgotten password is reset through the e-mailed link and the service page', async () => {
    const reader = await registeredReader(service.url, site.origin, smtp, email('zapominalski'));
    const requested = await reader.call('/api/auth/request-password-reset', {
      body: { email: reader.email, redirectTo: `${service.url}/konto/nowe-haslo` },
    });
    expect(requested.status).toBe(200);
    const mail = await smtp.waitFor(reader.email, /ustaw nowe hasło/);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(linkIn(mail));
    await page.getByLabel('Nowe hasło (co najmniej 8 znaków)').fill('Zupelnie-nowe-haslo-2');
    await page.getByRole('button', { name: 'Zapisz hasło' }).click();
    await page.getByText('Hasło zostało zmienione.').waitFor();
    await context.close();
    expect((await reader.login()).status).toBe(401);
    expect((await reader.login('Zupelnie-nowe-haslo-2')).status).toBe(200);
  });

  it.skipIf(skip)('the island speaks English on an English site (language: en)', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.origin}/artykuly/${ARTICLE}/`);
    await page.locator('[data-comments]').evaluate((section: HTMLElement) => {
      section.dataset['lang'] = 'en';
    });
    await page.getByRole('button', { name: 'Pokaż komentarze' }).click();
    await page.getByRole('heading', { name: 'Log in' }).waitFor();
    expect(await page.locator('.comments__invite').textContent()).toContain("Don't have an account yet?");
    await page.getByRole('button', { name: 'Sign up' }).waitFor();
    await context.close();
  });

  it.skipIf(skip)('a session thrown away by logging out is refused', async () => {
    const reader = await registeredReader(service.url, site.origin, smtp, email('wylogowany'));
    expect((await reader.login()).status).toBe(200);
    const oldCookie = reader.cookie;
    expect((await reader.call(`/api/comments?article=${ARTICLE}`)).data['viewer']).toMatchObject({ email: reader.email });
    expect((await reader.call('/api/auth/sign-out', { body: {} })).status).toBe(200);
    const refused = await reader.call('/api/comments', { body: { article: ARTICLE, text: 'Po wylogowaniu.' }, cookie: oldCookie });
    expect(refused).toMatchObject({ status: 401, data: { error: 'Zaloguj się, aby wykonać tę czynność.' } });
    expect((await reader.call(`/api/comments?article=${ARTICLE}`, { cookie: oldCookie })).data['viewer']).toBeNull();
  });

  it.skipIf(skip)('ten wrong passwords throttle the account, even for the right password', async () => {
    const reader = await registeredReader(service.url, site.origin, smtp, email('zgadywany'));
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 10; attempt += 1) statuses.push((await reader.login('zle-haslo-123')).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429, 429, 429, 429]);
    const right = await reader.login();
    expect(right).toMatchObject({
      status: 429,
      data: { error: 'Za dużo nieudanych prób logowania na to konto. Spróbuj ponownie za 15 minut.' },
    });
    expect(reader.cookie).toBe('');
  });

  it.skipIf(skip)(
    'a 100 kB comment, HTML or script, a too long text, the honeypot and cross-site requests are refused in Polish',
    async () => {
      const reader = await registeredReader(service.url, site.origin, smtp, email('psotnik'));
      await reader.login();
      const post = (body: unknown, init: { origin?: string; contentType?: string; rawBody?: string } = {}) =>
        reader.call('/api/comments', { body, ...init });
      expect(await post({ article: ARTICLE, text: 'x'.repeat(100_000) })).toMatchObject({
        status: 413,
        data: { error: 'Wysłane dane są za duże.' },
      });
      expect(await post({ article: ARTICLE, text: 'ż'.repeat(5001) })).toMatchObject({
        status: 400,
        data: { error: 'Komentarz jest za długi: może mieć najwyżej 5000 znaków.' },
      });
      for (const text of ['<script>alert(1)</script>', 'Zobacz <b>to</b>', '<img src=x onerror=alert(1)>', 'a <!-- b -->']) {
        expect(await post({ article: ARTICLE, text })).toMatchObject({
          status: 400,
          data: { error: 'Komentarz to zwykły tekst: usuń znaczniki HTML (na przykład <b> lub <script>).' },
        });
      }
      expect(await post({ article: ARTICLE, text: 'Tylko tekst: 2 < 3 i 5 > 4.' })).toMatchObject({ status: 201 });
      expect(await post({ article: ARTICLE, text: 'Kup teraz!', website: 'https://spam.example' })).toMatchObject({
        status: 400,
        data: { error: 'Komentarz odrzucony jako wysłany automatycznie.' },
      });
      expect(await post({ article: 'nie-ma-takiego', text: 'Hej' })).toMatchObject({
        status: 404,
        data: { error: 'Nie ma takiego artykułu.' },
      });
      expect(await post({ article: 'regulamin-sklepu-internetowego', text: 'Hej' })).toMatchObject({
        status: 403,
        data: { error: 'Komentarze pod tym artykułem są wyłączone.' },
      });

      // Cross-site: JSON from a foreign origin, a form post from a foreign page, and the CORS preflight.
      expect(await post({ article: ARTICLE, text: 'Z obcej strony.' }, { origin: 'http://evil.example' })).toMatchObject({
        status: 403,
        data: { error: 'Odrzucono żądanie wysłane z innej strony.' },
      });
      const form = await post(undefined, {
        origin: 'http://evil.example',
        contentType: 'application/x-www-form-urlencoded',
        rawBody: `article=${ARTICLE}&text=CSRF`,
      });
      expect(form).toMatchObject({ status: 403, data: { error: 'Odrzucono żądanie wysłane z innej strony.' } });
      const preflight = await fetch(`${service.url}/api/comments`, {
        method: 'OPTIONS',
        headers: {
          origin: 'http://evil.example',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
      const allowed = await fetch(`${service.url}/api/comments`, {
        method: 'OPTIONS',
        headers: { origin: site.origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
      expect(allowed.headers.get('access-control-allow-origin')).toBe(site.origin);
      const stored = await db().selectFrom('comment').select('text').where('user_id', 'is not', null).execute();
      expect(stored.map((row) => row.text).filter((t) => /CSRF|obcej|script|<b>/.test(t))).toEqual([]);
    },
  );

  it.skipIf(skip)('registering never makes a moderator; a blocked account cannot log in', async () => {
    const reader = await registeredReader(service.url, site.origin, smtp, email('zwykly'));
    await reader.login();
    const page = await fetch(`${service.url}/moderacja/`, { headers: { cookie: reader.cookie } });
    expect(page.status).toBe(403);
    expect(await page.text()).toContain('nie ma uprawnień moderatora');
    const queue = await fetch(`${service.url}/moderacja/akcja`, {
      method: 'POST',
      headers: { cookie: reader.cookie, origin: service.url, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'id=x&action=approve',
    });
    expect(queue.status).toBe(403);

    const posted = await reader.call('/api/comments', { body: { article: ARTICLE, text: 'Komentarz do zablokowania.' } });
    const moderator = await registeredReader(service.url, site.origin, smtp, email('mod'));
    await setRole(db(), moderator.email, 'moderator');
    await moderator.login();
    const block = await fetch(`${service.url}/moderacja/akcja`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: moderator.cookie, origin: service.url, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ id: String(posted.data['id']), action: 'block', kolejka: 'oczekujace' }).toString(),
    });
    expect(block.status).toBe(303);
    expect((await reader.call(`/api/comments?article=${ARTICLE}`)).data['viewer']).toBeNull();
    reader.cookie = '';
    expect(await reader.login()).toMatchObject({ status: 403, data: { error: 'Twoje konto zostało zablokowane przez moderatora.' } });
    // A moderation form posted from a foreign page is refused.
    const foreign = await fetch(`${service.url}/moderacja/akcja`, {
      method: 'POST',
      headers: { cookie: moderator.cookie, origin: 'http://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'id=x&action=delete',
    });
    expect(foreign.status).toBe(403);
  });

  it.skipIf(skip)(
    'deleting an account anonymises or deletes its comments, as the reader chooses; the data can be downloaded first',
    async () => {
      const keeper = await registeredReader(service.url, site.origin, smtp, email('anonim'), 'Zostawiam');
      const leaver = await registeredReader(service.url, site.origin, smtp, email('znikam'), 'Znikam');
      await keeper.login();
      await leaver.login();
      await keeper.call('/api/comments', { body: { article: ARTICLE, text: 'Zostanie bez podpisu.' } });
      await leaver.call('/api/comments', { body: { article: ARTICLE, text: 'Zniknie razem z kontem.' } });
      await approve('Zostanie bez podpisu.');
      await approve('Zniknie razem z kontem.');

      const data = await keeper.call('/api/account/data');
      expect(data.headers.get('content-disposition')).toContain('attachment');
      expect(data.data).toMatchObject({
        account: { email: keeper.email, name: 'Zostawiam' },
        comments: [{ text: 'Zostanie bez podpisu.', article: ARTICLE }],
      });

      expect(await keeper.call('/api/account/delete', { body: { mode: 'anonymise', password: 'zle-haslo-123' } })).toMatchObject({
        status: 400,
        data: { error: 'Nieprawidłowe hasło.' },
      });
      expect(await keeper.call('/api/account/delete', { body: { mode: 'anonymise', password: PASSWORD } })).toMatchObject({ status: 200 });
      expect(await leaver.call('/api/account/delete', { body: { mode: 'delete', password: PASSWORD } })).toMatchObject({ status: 200 });

      const rows = await db()
        .selectFrom('comment')
        .select(['text', 'user_id', 'author_name'])
        .where('text', 'in', ['Zostanie bez podpisu.', 'Zniknie razem z kontem.'])
        .execute();
      expect(rows).toEqual([{ text: 'Zostanie bez podpisu.', user_id: null, author_name: null }]);
      const users = await db().selectFrom('user').select('email').where('email', 'in', [keeper.email, leaver.email]).execute();
      expect(users).toEqual([]);
      const listed = (await keeper.call(`/api/comments?article=${ARTICLE}`)).data['comments'] as { text: string; author: string | null }[];
      expect(listed.find((comment) => comment.text === 'Zostanie bez podpisu.')).toMatchObject({ author: null });
      expect(await keeper.login()).toMatchObject({ status: 401 });
    },
  );

  it.skipIf(skip)('a session expires after its lifetime (COMMENTS_SESSION_DAYS)', async () => {
    // Two seconds, written in days.
    const shortLived = await startService({
      contentDir: fixture.contentDir,
      databaseUrl: await databaseUrl('expiry'),
      port: await freePort(),
      siteOrigin: site.origin,
      smtpUrl: smtp.url,
      env: { TRUST_PROXY: '127.0.0.1', COMMENTS_SESSION_DAYS: String(2 / 86_400) },
    });
    try {
      const reader = await registeredReader(shortLived.url, site.origin, smtp, email('krotki'));
      expect((await reader.login()).status).toBe(200);
      expect((await reader.call(`/api/comments?article=${ARTICLE}`)).data['viewer']).toMatchObject({ email: reader.email });
      await new Promise((resolve) => setTimeout(resolve, 3000));
      expect((await reader.call(`/api/comments?article=${ARTICLE}`)).data['viewer']).toBeNull();
      expect((await reader.call('/api/comments', { body: { article: ARTICLE, text: 'Po wygaśnięciu sesji.' } })).status).toBe(401);
    } finally {
      await shortLived.close();
    }
  });

  it.skipIf(skip)('logins are throttled per address too, whatever the account', async () => {
    const attempt = async (index: number) =>
      fetch(`${service.url}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: site.origin,
          'x-forwarded-for': `192.0.2.${backend === 'SQLite' ? 77 : 78}`,
        },
        body: JSON.stringify({ email: `nikt-${index}@example.com`, password: 'zle-haslo-123' }),
      });
    const statuses: number[] = [];
    for (let index = 0; index < 20; index += 1) statuses.push((await attempt(index)).status);
    expect(statuses.every((status) => status === 401)).toBe(true);
    const refused = await attempt(20);
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ error: 'Za dużo prób. Odczekaj chwilę i spróbuj ponownie.' });
  });

  it.skipIf(skip)('posting is limited per address, with a Polish message', async () => {
    const limited = await startService({
      contentDir: fixture.contentDir,
      databaseUrl: await databaseUrl('limit'),
      port: await freePort(),
      siteOrigin: site.origin,
      smtpUrl: smtp.url,
      postsPerMinute: 2,
      env: { TRUST_PROXY: '127.0.0.1' },
    });
    try {
      const reader = await registeredReader(limited.url, site.origin, smtp, email('szybki'));
      await reader.login();
      const statuses: number[] = [];
      for (let index = 0; index < 3; index += 1)
        statuses.push((await reader.call('/api/comments', { body: { article: ARTICLE, text: `Szybki komentarz ${index}` } })).status);
      expect(statuses).toEqual([201, 201, 429]);
      expect((await reader.call('/api/comments', { body: { article: ARTICLE, text: 'Jeszcze jeden' } })).data['error']).toBe(
        'Za dużo komentarzy w krótkim czasie. Odczekaj chwilę i spróbuj ponownie.',
      );
    } finally {
      await limited.close();
    }
  });

  it.skipIf(skip)('without TRUST_PROXY a forged X-Forwarded-For changes nothing: the connection is the address', async () => {
    const limited = await startService({
      contentDir: fixture.contentDir,
      databaseUrl: await databaseUrl('noproxy'),
      port: await freePort(),
      siteOrigin: site.origin,
      smtpUrl: smtp.url,
      postsPerMinute: 2,
    });
    try {
      const reader = await registeredReader(limited.url, site.origin, smtp, email('falszerz'));
      await reader.login();
      const statuses: number[] = [];
      for (let index = 0; index < 4; index += 1) {
        statuses.push(
          (
            await reader.call('/api/comments', {
              body: { article: ARTICLE, text: `Komentarz ${index}` },
              forwardedFor: `203.0.113.${index + 1}`,
            })
          ).status,
        );
      }
      expect(statuses).toEqual([201, 201, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});

async function axeResults(page: Page, options: unknown): Promise<AxeResults> {
  return page.evaluate(
    (runOptions) =>
      (window as unknown as { axe: { run: (context: Document, options: unknown) => Promise<AxeResults> } }).axe.run(document, runOptions),
    options,
  );
}

export type { ApiReader };
