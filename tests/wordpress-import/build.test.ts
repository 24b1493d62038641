import { existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent, formatText } from '../../content-check/index.ts';
import { ImageStore } from '../../wordpress-import/lib/images.ts';
import { importWordPress } from '../../wordpress-import/lib/import.ts';
import { launchChromium } from '../support/browser.ts';
import { astroBuild, createProjectCopy, ROOT } from '../support/build.ts';
import { listFiles } from '../support/site.ts';
import { startStaticServer, type StaticServer } from '../support/static-server.ts';
import { parseXml, type XmlNode } from '../support/xml.ts';
import { GAZETA, THEME_UNIT_TEST, UPLOADS, byWordPressId, freshContent, hasShared } from './support.ts';

/**
 * One site built from the fixture export and, when `../shared/wordpress` is there, WordPress's
 * theme unit test export, imported into the fixture content folder. The theme unit test's images
 * are hosted on WordPress.com; a stand-in uploads folder holds a small image at each of their paths,
 * as a newsroom's copy of `wp-content/uploads` would.
 */
let workDir = '';
let contentDir = '';
let dist = '';
let themePosts: ThemePost[] = [];

interface ThemePost {
  id: number;
  type: string;
  status: string;
  date: string;
  content: string;
}

/** The posts and pages of the theme unit test, read with a general XML parser (not the importer's reader). */
async function readThemePosts(): Promise<ThemePost[]> {
  const xml = parseXml(await readFile(THEME_UNIT_TEST, 'utf8'), 'the theme unit test export');
  const items = ((xml['rss'] as XmlNode)['channel'] as XmlNode)['item'] as XmlNode[];
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return items.map((item) => ({
    id: Number(text(item['wp:post_id'])),
    type: text(item['wp:post_type']),
    status: text(item['wp:status']),
    date: text(item['wp:post_date_gmt']),
    content: text(item['content:encoded']),
  }));
}

/** A stand-in for the theme unit test's `wp-content/uploads`: a small image at the path of every image it uses. */
async function standInUploads(dir: string): Promise<void> {
  const source = await readFile(THEME_UNIT_TEST, 'utf8');
  const addresses = new Set(source.match(/https?:\/\/wpthemetestdata\.files\.wordpress\.com\/[^\s"'<>\])]+?\.(?:jpe?g|png|gif)/gi) ?? []);
  for (const address of addresses) {
    const inside = ImageStore.uploadsPath(address)?.replace(/-(?:\d+x\d+|scaled)(\.[a-z]+)$/i, '$1');
    if (!inside) continue;
    const path = join(dir, inside);
    if (existsSync(path)) continue;
    await mkdir(join(path, '..'), { recursive: true });
    const image = sharp({ create: { width: 48, height: 32, channels: 3, background: '#4a6fa5' } });
    const format = /\.png$/i.test(path) ? 'png' : /\.gif$/i.test(path) ? 'gif' : 'jpeg';
    await image.toFormat(format).toFile(path);
  }
}

beforeAll(async () => {
  const fresh = await freshContent();
  workDir = fresh.dir;
  contentDir = fresh.contentDir;
  await importWordPress({ files: [GAZETA], contentDir, uploads: UPLOADS, commentsOut: fresh.commentsOut });
  if (hasShared) {
    const uploads = join(workDir, 'theme-uploads');
    await standInUploads(uploads);
    await importWordPress({ files: [THEME_UNIT_TEST], contentDir, uploads, commentsOut: fresh.commentsOut });
    themePosts = await readThemePosts();
  }
  const check = await checkContent({ contentDir, root: ROOT, publicDir: join(ROOT, 'public') });
  if (check.errors > 0) throw new Error(`the imported content does not pass the content check:\n${formatText(check)}`);
  const projectDir = join(workDir, 'project');
  await createProjectCopy(projectDir);
  await astroBuild({ projectDir, contentDir, logFile: join(workDir, 'build.log') });
  dist = join(projectDir, 'dist');
});

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

async function page(url: string): Promise<CheerioAPI> {
  return load(await readFile(join(dist, url, 'index.html'), 'utf8'));
}

describe('the fixture export, built', () => {
  it('shows an imported classic article as WordPress did: figures with captions and credits, embeds, rewritten links', async () => {
    const $ = await page('artykuly/oszusci-podszywaja-sie-pod-bank');
    expect($('h1').first().text().trim()).toBe('Oszuści podszywają się pod bank & kuriera');
    const body = $('article.article').text().replace(/\s+/g, ' ');
    expect(body).toContain('Pierwszy akapit z „cudzysłowem”, klamrami {x} i gwiazdkami *a* _b_ oraz 2 < 3');
    expect(body).toContain('[caption] to kod WordPressa, a [sic] zostaje.');
    const captions = $('article.article figure figcaption')
      .toArray()
      .map((caption) => $(caption).text().replace(/\s+/g, ' ').trim());
    expect(captions).toEqual(expect.arrayContaining(['Kot na płocie. Foto: Anna Kowalska', 'Pies na spacerze']));
    expect($('article.article a[href="/artykuly/blokowy-wpis/"]').text()).toBe('wpis blokowy');
    expect($('article.article a[href="/o-redakcji/"]').length).toBe(1);
    expect($('article.article a[href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"]').length).toBeGreaterThan(0);
    expect($('article.article script, article.article iframe, article.article form').length).toBe(0);
  });

  it('builds the scheduled and the draft post nowhere', () => {
    expect(existsSync(join(dist, 'artykuly', 'zapowiedz-na-przyszlosc'))).toBe(false);
    expect(existsSync(join(dist, 'artykuly', 'szkic-redakcyjny'))).toBe(false);
  });

  it('writes _redirects and a redirect page at every old address', async () => {
    const redirects = await readFile(join(dist, '_redirects'), 'utf8');
    expect(redirects).toContain('/2024/05/10/oszusci-podszywaja-sie-pod-bank/ /artykuly/oszusci-podszywaja-sie-pod-bank/ 301\n');
    expect(redirects).toContain('/tag/%c5%bcabka/ /tagi/zabka/ 301\n');
    const $ = await page('2024/05/10/oszusci-podszywaja-sie-pod-bank');
    expect($('meta[http-equiv="refresh"]').attr('content')).toBe('0; url=/artykuly/oszusci-podszywaja-sie-pod-bank/');
    expect($('link[rel="canonical"]').attr('href')).toBe('https://nowa-gazeta.example/artykuly/oszusci-podszywaja-sie-pod-bank/');
    expect($('meta[name="robots"]').attr('content')).toBe('noindex');
    expect($('a[href="/artykuly/oszusci-podszywaja-sie-pod-bank/"]').length).toBe(1);
    const sitemap = await readFile(join(dist, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain('/artykuly/oszusci-podszywaja-sie-pod-bank/');
    expect(sitemap).not.toContain('/2024/05/10/');
  });
});

describe.skipIf(!hasShared)('the theme unit test export, built', () => {
  it('gives every published post a page, and none to scheduled or draft posts', async () => {
    const articles = await byWordPressId(contentDir, 'articles');
    const published = themePosts.filter((post) => post.type === 'post' && post.status === 'publish');
    expect(published.length).toBe(56);
    for (const post of published) {
      const slug = articles.get(post.id)?.slug;
      expect(slug, `post ${post.id}`).toBeDefined();
      expect(existsSync(join(dist, 'artykuly', slug ?? '', 'index.html')), `post ${post.id} at /artykuly/${slug}/`).toBe(true);
    }
    const hidden = themePosts.filter((post) => post.type === 'post' && (post.status === 'future' || post.status === 'draft'));
    expect(hidden.map((post) => post.status).sort()).toEqual(['draft', 'future']);
    const html = await Promise.all(
      (await listFiles(dist)).filter((file) => file.endsWith('.html')).map((file) => readFile(join(dist, file), 'utf8')),
    );
    for (const post of hidden) {
      const slug = articles.get(post.id)?.slug ?? '';
      expect(slug).not.toBe('');
      expect(existsSync(join(dist, 'artykuly', slug)), `${post.status} post ${post.id}`).toBe(false);
      expect(html.filter((text) => text.includes(`/artykuly/${slug}/`)).length, `links to ${post.status} post ${post.id}`).toBe(0);
    }
  });

  it('shows every [caption] as a figure with its caption', async () => {
    const articles = await byWordPressId(contentDir, 'articles');
    let seen = 0;
    for (const post of themePosts.filter((candidate) => candidate.type === 'post' && candidate.status === 'publish')) {
      for (const match of post.content.matchAll(/\[caption([^\]]*)\]([\s\S]*?)\[\/caption\]/g)) {
        const attribute = /caption="([^"]*)"/.exec(match[1] ?? '')?.[1];
        const expected = load(`<p>${attribute ?? (match[2] ?? '').replace(/<img[^>]*>/g, '')}</p>`)('p')
          .text()
          .replace(/\s+/g, ' ')
          .trim();
        const $ = await page(`artykuly/${articles.get(post.id)?.slug ?? ''}`);
        const captions = $('article.article figure figcaption')
          .toArray()
          .map((caption) => $(caption).text().replace(/\s+/g, ' ').trim());
        expect(
          captions.some((caption) => caption.startsWith(expected.slice(0, 25))),
          `post ${post.id}: "${expected}" among ${JSON.stringify(captions)}`,
        ).toBe(true);
        seen++;
      }
    }
    // The export has seven captioned images in published posts (others are in pages, or literal "[captions]").
    expect(seen).toBeGreaterThanOrEqual(7);
  });

  it('leaves no raw shortcode or block comment anywhere in the site', async () => {
    const shortcode = /\[\/?(?:caption|wp_caption|gallery|embed|video|audio|youtube|playlist)(?:\s[^\]]*)?\]/;
    for (const file of (await listFiles(dist)).filter((name) => name.endsWith('.html') || name.endsWith('.xml'))) {
      const raw = await readFile(join(dist, file), 'utf8');
      if (file.endsWith('.xml')) {
        expect(raw.replace('[caption] to kod WordPressa', ''), file).not.toMatch(shortcode);
        continue;
      }
      const $ = load(raw);
      const comments = $('*')
        .contents()
        .toArray()
        .filter((node) => node.nodeType === 8 && 'data' in node && /^\s*\/?wp:/.test(node.data));
      expect(comments.length, `${file}: block comments left in the HTML`).toBe(0);
      // Code blocks show markup literally, as WordPress did ("The code block starts with <!-- wp:code -->").
      $('pre, code').remove();
      // The fixture's "[[caption]]" is WordPress's escape for the literal text "[caption]".
      const text = $('body').text().replace('[caption] to kod WordPressa', '');
      expect(text, file).not.toMatch(/<!--\s*\/?wp:/);
      expect(text, file).not.toMatch(shortcode);
    }
  });
});

describe('in a browser', () => {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    server = await startStaticServer(dist);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows readers the imported articles, and an old address takes them to the new one', async () => {
    if (!browser || !server) throw new Error('the browser or the static server did not start');
    const context = await browser.newContext({ locale: 'pl-PL' });
    const tab = await context.newPage();
    const errors: string[] = [];
    tab.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${tab.url()}: ${message.text()}`);
    });
    tab.on('response', (response) => {
      if (response.status() >= 400) errors.push(`${tab.url()}: ${response.status()} ${response.url()}`);
    });

    await tab.goto(`${server.origin}/2024/05/10/oszusci-podszywaja-sie-pod-bank/`);
    await tab.waitForURL(`${server.origin}/artykuly/oszusci-podszywaja-sie-pod-bank/`);
    await expect(tab.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Oszuści podszywają się pod bank & kuriera');
    // One-letter words are joined to the next by a no-break space (Polish typography).
    const text = (await tab.locator('article.article').innerText()).replaceAll('\u00a0', ' ');
    expect(text).toContain('klamrami {x} i gwiazdkami *a* _b_ oraz 2 < 3');
    // [[caption]] is WordPress's way of writing the text "[caption]"; every real shortcode is gone.
    expect(text).toContain('Napisz do nas: [caption] to kod WordPressa, a [sic] zostaje.');
    expect(text.replace('[caption] to kod', '')).not.toMatch(/\[\/?(?:caption|gallery|contact-form-7)/);
    expect(text).not.toContain('alert(');
    await expect(tab.locator('article.article figure figcaption').first().isVisible()).resolves.toBe(true);
    await expect(
      tab
        .locator('article.article figure img')
        .first()
        .evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0),
    ).resolves.toBe(true);
    await expect(tab.getByRole('link', { name: 'wpis blokowy' }).getAttribute('href')).resolves.toBe('/artykuly/blokowy-wpis/');

    await tab.getByRole('link', { name: 'wpis blokowy' }).click();
    await tab.waitForURL(`${server.origin}/artykuly/blokowy-wpis/`);
    const blockText = await tab.locator('article.article').innerText();
    expect(blockText).toContain('Łąki to płuca wsi.');
    expect(blockText).toContain('Maria Rolnik');
    expect(blockText).not.toContain('wp:');
    await expect(tab.locator('article.article table td').first().innerText()).resolves.toBe('Mak');

    if (hasShared) {
      await tab.goto(`${server.origin}/2013/01/11/markup-html-tags-and-formatting/`);
      await tab.waitForURL(`${server.origin}/artykuly/markup-html-tags-and-formatting/`);
      await expect(tab.getByRole('heading', { name: 'Header one' }).isVisible()).resolves.toBe(true);
      await expect(tab.locator('article.article table').first().innerText()).resolves.toContain('John Doe');
      const markup = await tab.locator('article.article').innerText();
      // Text that WordPress showed as text stays text; markup became formatting.
      expect(markup).toContain('The HTML <blockquote> Element');
      expect(markup).not.toContain('<strong>');
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});
