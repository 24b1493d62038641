import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { describeShifts, layoutShifts, watchLayoutShifts } from '../support/layout-shift.ts';
import { loadFixture, type Fixture } from '../support/site.ts';
import { startStaticServer, type StaticServer } from '../support/static-server.ts';

let fixture: Fixture;
let runningServer: StaticServer | undefined;
let runningBrowser: Browser | undefined;

beforeAll(async () => {
  fixture = await loadFixture();
  runningServer = await startStaticServer(fixture.dist);
  runningBrowser = await launchChromium();
});

afterAll(async () => {
  await runningBrowser?.close();
  await runningServer?.close();
});

/** The browser and server that `beforeAll` started (it throws when either failed to start). */
function started(): { browser: Browser; server: StaticServer } {
  if (!runningBrowser || !runningServer) throw new Error('the browser or the static server did not start');
  return { browser: runningBrowser, server: runningServer };
}

/** Records what goes wrong on a page: CSP violations, console errors, failed or refused requests. */
async function watchedContext(options: Parameters<Browser['newContext']>[0] = {}) {
  const { browser } = started();
  const context = await browser.newContext({ locale: 'pl-PL', ...options });
  await context.addInitScript(() => {
    const store = window as unknown as { cspViolations: string[] };
    store.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      store.cspViolations.push(
        `${event.violatedDirective} blocked ${event.blockedURI || 'inline code'} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  const problems: string[] = [];
  const watch = (page: Page) => {
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`${page.url()}: console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`${page.url()}: uncaught ${error.message}`));
    page.on('requestfailed', (request) =>
      problems.push(`${page.url()}: request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`),
    );
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${page.url()}: ${response.status()} for ${response.url()}`);
    });
  };
  context.on('page', watch);
  return { context, problems };
}

const cspViolations = (page: Page) => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

/** A phone and a desktop. */
const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1280, height: 900 },
] as const;

/** One page of each kind a reader meets. */
function samplePaths(): string[] {
  const withHero = fixture.published.find((article) => article.hero && article.ads);
  const sponsored = fixture.published.find((article) => article.sponsor);
  const [tag] = fixture.content.tags.keys();
  const [author] = fixture.content.authors.keys();
  const [page] = fixture.content.pages;
  if (!withHero || !sponsored || !tag || !author || !page) throw new Error('the fixture lacks a page type');
  return [
    '/',
    '/strona/2/',
    `/artykuly/${withHero.slug}/`,
    `/artykuly/${sponsored.slug}/`,
    `/tagi/`,
    `/tagi/${tag}/`,
    `/autorzy/`,
    `/autorzy/${author}/`,
    `/${page.slug}/`,
    '/szukaj/',
    '/404.html',
  ];
}

describe('in Chromium, served with the _headers rules', () => {
  it('pages load with no CSP violation, console error or failed request', async () => {
    const { server } = started();
    const { context, problems } = await watchedContext();
    try {
      const page = await context.newPage();
      for (const path of samplePaths()) {
        await page.goto(`${server.origin}${path}`, { waitUntil: 'networkidle' });
        // Scrolling loads the lazy images, so their requests are checked too.
        await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
        await page.waitForLoadState('networkidle');
        for (const violation of await cspViolations(page)) problems.push(`${path}: CSP ${violation}`);
      }
      // Control: an injected inline script is refused and reported, so the listener above works.
      const before = problems.length;
      await page.goto(`${server.origin}/`);
      await page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'window.injected = true';
        document.body.append(script);
      });
      await expect.poll(() => cspViolations(page)).toHaveLength(1);
      expect(await page.evaluate(() => 'injected' in window)).toBe(false);
      // The refusal is also logged as a console error; that one was provoked.
      problems.length = before;
    } finally {
      await context.close();
    }
    expect(problems).toEqual([]);
  });

  it('reader pages request no JavaScript file', async () => {
    const { server } = started();
    const { context } = await watchedContext();
    const scripts: string[] = [];
    context.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    try {
      const page = await context.newPage();
      for (const path of samplePaths().filter((candidate) => candidate !== '/szukaj/')) {
        await page.goto(`${server.origin}${path}`, { waitUntil: 'networkidle' });
      }
    } finally {
      await context.close();
    }
    expect(scripts).toEqual([]);
  });

  it('the search page finds a published article with Pagefind', async () => {
    const { server } = started();
    const article = fixture.published.find((candidate) => candidate.slug === 'kary-rodo-dla-sklepow');
    if (!article) throw new Error('fixture article kary-rodo-dla-sklepow is not published');
    const { context, problems } = await watchedContext();
    try {
      const page = await context.newPage();
      await page.goto(`${server.origin}/szukaj/`, { waitUntil: 'networkidle' });
      const input = page.locator('#search input[type="text"], #search input[type="search"]').first();
      await input.waitFor({ timeout: 15_000 });
      await input.fill('rekordowe kary');
      const result = page.locator(`#search a[href*="/artykuly/${article.slug}/"]`).first();
      await result.waitFor({ timeout: 15_000 });
      expect(await result.textContent()).toContain('rekordowe kary');
      for (const violation of await cspViolations(page)) problems.push(`CSP ${violation}`);
    } finally {
      await context.close();
    }
    expect(problems).toEqual([]);
  });

  it('the theme switch works and is remembered', async () => {
    const { server } = started();
    const { context, problems } = await watchedContext({ colorScheme: 'light' });
    try {
      const page = await context.newPage();
      await page.goto(`${server.origin}/`);
      const theme = () => page.evaluate(() => document.documentElement.dataset['theme'] ?? null);
      expect(await theme()).toBeNull();
      const toggle = page.getByRole('button', { name: 'Tryb ciemny' });
      expect(await toggle.getAttribute('aria-pressed')).toBe('false');
      await toggle.click();
      expect(await theme()).toBe('dark');
      expect(await toggle.getAttribute('aria-pressed')).toBe('true');
      await page.goto(`${server.origin}/tagi/`);
      expect(await theme()).toBe('dark');
      expect(await page.getByRole('button', { name: 'Tryb ciemny' }).getAttribute('aria-pressed')).toBe('true');
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background).not.toBe('rgb(255, 255, 255)');
      for (const violation of await cspViolations(page)) problems.push(`CSP ${violation}`);
    } finally {
      await context.close();
    }
    expect(problems).toEqual([]);
  });

  it('nothing shifts while images and ads load (cumulative layout shift 0), on a phone and a desktop', async () => {
    const { browser, server } = started();
    const paths = [
      '/',
      ...fixture.published.filter((article) => article.hero !== undefined || article.ads).map((article) => `/artykuly/${article.slug}/`),
    ];
    const shifted: string[] = [];
    for (const viewport of VIEWPORTS) {
      const context: BrowserContext = await browser.newContext({ viewport });
      await watchLayoutShifts(context);
      try {
        const page = await context.newPage();
        // A phone's CPU (4× slower): the parser gets through fewer tags between frames, so pages are
        // painted partly parsed, and a box placed by content parsed after it moves on screen.
        const cdp = await context.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
        for (const path of paths) {
          await page.goto(`${server.origin}${path}`, { waitUntil: 'networkidle' });
          await page.evaluate(async () => {
            for (let y = 0; y < document.body.scrollHeight; y += window.innerHeight / 2) {
              window.scrollTo(0, y);
              await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 30)));
            }
          });
          await page.waitForLoadState('networkidle');
          const shifts = await layoutShifts(page);
          if (shifts.some((shift) => shift.value > 0)) shifted.push(describeShifts(`${viewport.width}px ${path}`, shifts));
        }
      } finally {
        await context.close();
      }
    }
    expect(shifted).toEqual([]);
  });

  for (const viewport of VIEWPORTS) {
    it(`nothing moves while a page arrives tag by tag (painted half parsed, as on a slow phone), ${viewport.width}px`, async () => {
      const { browser } = started();
      const withHero = fixture.published.find((article) => article.hero && article.ads);
      const sponsored = fixture.published.find((article) => article.sponsor);
      const [author] = fixture.content.authors.keys();
      if (!withHero || !sponsored || !author) throw new Error('the fixture lacks a page type');
      const paths = new Set([
        '/',
        '/strona/2/',
        `/artykuly/${withHero.slug}/`,
        `/artykuly/${sponsored.slug}/`,
        `/autorzy/${author}/`,
        '/szukaj/',
      ]);
      const trickling = await startStaticServer(fixture.dist, { trickle: { through: '</main>', headMs: 300, pieceMs: 25 } });
      const shifted: string[] = [];
      const unpainted: string[] = [];
      try {
        const context = await browser.newContext({ viewport });
        try {
          await watchLayoutShifts(context);
          // Control: how many different partial pages were rendered before the footer arrived. Without
          // them (say, the stylesheet came late, and nothing is rendered before it) nothing was tested.
          await context.addInitScript(() => {
            const store = window as unknown as { partialStates: Set<number> };
            store.partialStates = new Set();
            const frame = () => {
              if (document.querySelector('.site-footer')) return;
              store.partialStates.add(document.getElementsByTagName('*').length);
              requestAnimationFrame(frame);
            };
            requestAnimationFrame(frame);
          });
          const page = await context.newPage();
          for (const path of paths) {
            await page.goto(`${trickling.origin}${path}`, { waitUntil: 'load' });
            const shifts = await layoutShifts(page);
            if (shifts.some((shift) => shift.value > 0)) shifted.push(describeShifts(path, shifts));
            const states = await page.evaluate(() => (window as unknown as { partialStates: Set<number> }).partialStates.size);
            if (states < 20) unpainted.push(`${path}: rendered in ${states} partial states`);
          }
        } finally {
          await context.close();
        }
      } finally {
        await trickling.close();
      }
      expect(shifted).toEqual([]);
      expect(unpainted).toEqual([]);
    });
  }
});
