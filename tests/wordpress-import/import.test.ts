import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { parse } from 'yaml';
import { checkContent } from '../../content-check/index.ts';
import { importWordPress, type ImportReport } from '../../wordpress-import/lib/import.ts';
import { WxrError } from '../../wordpress-import/lib/wxr.ts';
import { ROOT } from '../support/build.ts';
import { FIXTURES, GAZETA, UPLOADS, byWordPressId, freshContent, readMdx, snapshot } from './support.ts';

const run = promisify(execFile);
const folders: string[] = [];

afterEach(async () => {
  await Promise.all(folders.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function imported(extra: Partial<Parameters<typeof importWordPress>[0]> = {}) {
  const fresh = await freshContent();
  folders.push(fresh.dir);
  const report = await importWordPress({
    files: [GAZETA],
    contentDir: fresh.contentDir,
    uploads: UPLOADS,
    commentsOut: fresh.commentsOut,
    ...extra,
  });
  return { ...fresh, report };
}

function messages(report: ImportReport, postId: string): string[] {
  return report.warnings.filter((warning) => warning.postId === postId).map((warning) => warning.message);
}

describe('importing the fixture export', () => {
  it('maps posts, pages, authors, tags and images, and the result passes the content check', async () => {
    const { contentDir, report } = await imported();
    expect(report.counts).toEqual({
      articles: 3,
      drafts: 1,
      scheduled: 1,
      pages: 2,
      authors: 2,
      tags: 2,
      images: 3,
      comments: 2,
      redirects: 10,
      skipped: 1,
    });
    const check = await checkContent({ contentDir, root: ROOT, publicDir: join(ROOT, 'public') });
    expect(check.problems).toEqual([]);

    const articles = await byWordPressId(contentDir, 'articles');
    const classic = articles.get(10);
    expect(classic?.slug).toBe('oszusci-podszywaja-sie-pod-bank');
    expect(classic?.data).toMatchObject({
      title: 'Oszuści podszywają się pod bank & kuriera',
      // No excerpt: the Yoast description is the lead.
      lead: 'Jak rozpoznać fałszywego kuriera i fałszywy bank.',
      pubDate: '2024-05-10T08:30:00Z',
      updatedDate: '2024-05-12T09:00:00Z',
      authors: ['jan-nowak'],
      // Categories first, the default category dropped, the percent-encoded tag decoded.
      tags: ['oszustwa-w-sieci', 'bezpieczenstwo', 'zabka'],
      hero: {
        image: '../images/wordpress/2024/05/kot.jpg',
        alt: 'Rudy kot siedzi na drewnianym płocie',
        caption: 'Kot sąsiadów na płocie.',
        credit: 'Jan Nowak/PAP',
      },
      source: 'PAP',
      wordpress: { id: 10 },
    });
    expect(classic?.data).not.toHaveProperty('draft');
    expect(classic?.body).toContain('[wpis blokowy](/artykuly/blokowy-wpis/)');
    expect(classic?.body).toContain('[stronę redakcji](/o-redakcji/)');
    expect(classic?.body).toContain('[tag Żabka](/tagi/zabka/)');
    // The size variant in the body resolves to the original upload.
    expect(classic?.body).toContain(
      '<Figure src="../images/wordpress/2024/05/kot.jpg" alt="Rudy kot" caption="Kot na płocie." credit="Anna Kowalska" />',
    );

    expect(articles.get(11)?.data).toMatchObject({ authors: ['anna-kowalska', 'piotr-zielinski'], lead: 'Łąki giną, a z nimi pszczoły.' });
    expect(articles.get(11)?.body).toContain('src="../images/wordpress/2024/05/zrodlo-laka.jpg"');
    expect(articles.get(14)?.slug).toBe('pierwszy-artykul-2');
    // The old site's address with "www." and without the trailing slash is the old site too.
    expect(articles.get(14)?.body).toContain('[wpis o łąkach](/artykuly/blokowy-wpis/)');
    expect(articles.get(15)).toMatchObject({ slug: 'szkic-redakcyjny', data: { draft: true, pubDate: '2024-05-20T12:00:00Z' } });
    expect(articles.get(16)?.data).toMatchObject({ pubDate: '2099-01-01T10:00:00Z' });
    expect(articles.get(16)?.data).not.toHaveProperty('draft');
    expect(articles.has(17)).toBe(false);

    const pages = await byWordPressId(contentDir, 'pages');
    expect(pages.get(12)).toMatchObject({
      slug: 'o-redakcji',
      data: { title: 'O redakcji', description: 'Kim jesteśmy i jak pracujemy.' },
    });
    expect(pages.get(13)?.slug).toBe('o-nas-2');

    expect(parse(await readFile(join(contentDir, 'authors', 'lukasz-zolc.yml'), 'utf8'))).toEqual({ name: 'Łukasz Żółć' });
    expect(parse(await readFile(join(contentDir, 'tags', 'zabka.yml'), 'utf8'))).toEqual({ name: 'Żabka' });
    expect(parse(await readFile(join(contentDir, 'tags', 'oszustwa-w-sieci.yml'), 'utf8'))).toEqual({
      name: 'Oszustwa w sieci',
      description: 'Jak nie dać się oszukać.',
    });
    expect((await readdir(join(contentDir, 'images', 'wordpress', '2024', '05'))).sort()).toEqual([
      'kot.jpg',
      'pies.png',
      'zrodlo-laka.jpg',
    ]);
  });

  it('reuses an existing author and tag of the same slug without touching their files', async () => {
    const before = await snapshot(join(FIXTURES, 'content'));
    const { contentDir } = await imported();
    const after = await snapshot(contentDir);
    for (const file of [
      'authors/jan-nowak.yml',
      'authors/anna-kowalska.yml',
      'tags/bezpieczenstwo.yml',
      'articles/pierwszy-artykul.mdx',
      'pages/o-nas.mdx',
    ]) {
      expect(after.get(file), file).toBe(before.get(file));
    }
  });

  it('reports what it changed or dropped, naming the post', async () => {
    const { report } = await imported();
    expect(messages(report, '10')).toEqual([
      'unknown shortcode [contact-form-7] removed',
      '<script> removed',
      'image missing from the uploads: https://stara-gazeta.example/wp-content/uploads/2024/05/brak.jpg',
    ]);
    expect(report.warnings.find((warning) => warning.postId === '10')?.title).toBe('Oszuści podszywają się pod bank & kuriera');
    expect(messages(report, '11')).toEqual(['<style> removed']);
    expect(messages(report, '13')).toEqual(['slug changed from "o-nas" to "o-nas-2": the address is already taken']);
    expect(messages(report, '14')).toEqual([
      'slug changed from "pierwszy-artykul" to "pierwszy-artykul-2": the address is already taken',
      'link to https://stara-gazeta.example/wp-content/uploads/2024/05/cennik.pdf kept: a file of the old site, copy it to the new one or remove the link',
    ]);
    expect(messages(report, '17')).toEqual(['skipped: its status is "private"']);
  });

  it('converts a GIF upload to WebP and drops an SVG one with a warning, so the content passes the one image rule', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'szpalta-wp-types-'));
    folders.push(dir);
    const uploads = join(dir, 'uploads');
    await cp(UPLOADS, uploads, { recursive: true });
    await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c00' } })
      .gif()
      .toFile(join(uploads, '2024', '05', 'ruchomy.gif'));
    await writeFile(join(uploads, '2024', '05', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const exportFile = join(dir, 'gazeta.xml');
    const old = 'https://stara-gazeta.example/wp-content/uploads/2024/05/';
    await writeFile(
      exportFile,
      (await readFile(GAZETA, 'utf8')).replace(
        `<img src="${old}brak.jpg" alt="Brak" />`,
        `<img src="${old}ruchomy.gif" alt="Ruchomy" />\n\n<img src="${old}logo.svg" alt="Logo" />`,
      ),
    );
    const { contentDir, report } = await imported({ files: [exportFile], uploads });
    expect(messages(report, '10')).toContain(
      `image dropped, "2024/05/logo.svg" is an SVG file, which can carry scripts, so the site does not serve it: ${old}logo.svg`,
    );
    const webp = await sharp(join(contentDir, 'images', 'wordpress', '2024', '05', 'ruchomy.webp')).metadata();
    expect([webp.format, webp.width, webp.height]).toEqual(['webp', 40, 30]);
    const files = await readdir(join(contentDir, 'images', 'wordpress', '2024', '05'));
    expect(files.filter((file) => /\.(gif|svg)$/.test(file))).toEqual([]);
    const article = (await byWordPressId(contentDir, 'articles')).get(10);
    expect(article?.body).toContain('../images/wordpress/2024/05/ruchomy.webp');
    expect(article?.body).not.toContain('logo.svg');
    const check = await checkContent({ contentDir, root: ROOT, publicDir: join(ROOT, 'public') });
    expect(check.errors).toBe(0);
  });

  it('writes the redirect table and the approved comments with their threads (no spam, no pending)', async () => {
    const { contentDir, commentsOut } = await imported();
    const table = parse(await readFile(join(contentDir, 'redirects', 'wordpress.yml'), 'utf8')) as {
      redirects: { from: string; to: string }[];
    };
    expect(table.redirects).toEqual(
      expect.arrayContaining([
        { from: '/2024/05/10/oszusci-podszywaja-sie-pod-bank/', to: '/artykuly/oszusci-podszywaja-sie-pod-bank/' },
        { from: '/2023/01/02/pierwszy-artykul/', to: '/artykuly/pierwszy-artykul-2/' },
        { from: '/category/bezpieczenstwo/oszustwa-w-sieci/', to: '/tagi/oszustwa-w-sieci/' },
        { from: '/tag/%c5%bcabka/', to: '/tagi/zabka/' },
        { from: '/author/lzolc/', to: '/autorzy/lukasz-zolc/' },
      ]),
    );
    // Neither the draft nor the scheduled post has an address yet; /o-redakcji/ stays where it was.
    expect(table.redirects.map((redirect) => redirect.to)).not.toContain('/artykuly/zapowiedz-na-przyszlosc/');
    expect(table.redirects.map((redirect) => redirect.from)).not.toContain('/o-redakcji/');

    const comments = JSON.parse(await readFile(commentsOut, 'utf8')) as unknown;
    expect(comments).toEqual({
      version: 1,
      source: 'wordpress',
      articles: {
        'oszusci-podszywaja-sie-pod-bank': [
          {
            id: 'wp-1',
            parentId: null,
            author: 'Czytelniczka',
            date: '2024-05-10T09:00:00Z',
            text: 'Dziękuję za ostrzeżenie & pozdrawiam!',
          },
          {
            id: 'wp-2',
            parentId: 'wp-1',
            author: 'Jan Nowak',
            date: '2024-05-10T09:30:00Z',
            text: 'Proszę bardzo.\n\nUważajcie na siebie.',
          },
        ],
      },
    });
    // Comments never go into the content folder, which the content check and the site read.
    expect([...(await snapshot(contentDir)).keys()].some((file) => file.includes('comment'))).toBe(false);
  });
});

describe('running it again', () => {
  it('changes nothing when run again on the same export', async () => {
    const { contentDir, commentsOut } = await imported();
    const before = await snapshot(contentDir);
    const again = await importWordPress({ files: [GAZETA], contentDir, uploads: UPLOADS, commentsOut });
    expect(again.written).toEqual([]);
    expect(await snapshot(contentDir)).toEqual(before);
    // The re-run finds its files by WordPress ID, so slugs it changed stay changed and nothing is duplicated.
    expect(again.warnings.filter((warning) => warning.message.startsWith('slug changed'))).toEqual([]);
  });

  it('keeps a file edited in Szpalta after the import, and overwrites it with --force', async () => {
    const { contentDir, commentsOut } = await imported();
    const file = join(contentDir, 'articles', 'blokowy-wpis.mdx');
    const edited = (await readFile(file, 'utf8')).replace('Wstęp wpisu blokowego', 'Poprawiony wstęp');
    await writeFile(file, edited);

    const kept = await importWordPress({ files: [GAZETA], contentDir, uploads: UPLOADS, commentsOut });
    expect(await readFile(file, 'utf8')).toBe(edited);
    expect(messages(kept, '11')).toContain('articles/blokowy-wpis.mdx was changed after the import and is kept; --force overwrites it');

    const forced = await importWordPress({ files: [GAZETA], contentDir, uploads: UPLOADS, commentsOut, force: true });
    expect(forced.written).toEqual(['articles/blokowy-wpis.mdx']);
    expect(await readFile(file, 'utf8')).toContain('Wstęp wpisu blokowego');
  });

  it('writes nothing with --dry-run but reports the same counts', async () => {
    const fresh = await freshContent();
    folders.push(fresh.dir);
    const before = await snapshot(fresh.dir);
    const report = await importWordPress({
      files: [GAZETA],
      contentDir: fresh.contentDir,
      uploads: UPLOADS,
      commentsOut: fresh.commentsOut,
      dryRun: true,
    });
    expect(report.dryRun).toBe(true);
    expect(report.counts.articles).toBe(3);
    expect(report.written).toContain('articles/oszusci-podszywaja-sie-pod-bank.mdx');
    expect(await snapshot(fresh.dir)).toEqual(before);
  });
});

describe('bad input', () => {
  const cases: [string, RegExp][] = [
    ['not-xml.xml', /not-xml\.xml:\d+:\d+: not an XML file/],
    ['truncated.xml', /truncated\.xml:61:1: malformed XML: unclosed tag: content:encoded/],
    ['not-wxr.xml', /not-wxr\.xml:\d+:\d+: no <wp:wxr_version> in the channel: this is not a WordPress export \(WXR\)/],
    ['version.xml', /version\.xml:5:37: unsupported WXR version "2\.0"/],
  ];
  it.each(cases)('refuses %s with file, line and column, and writes nothing', async (name, message) => {
    const fresh = await freshContent();
    folders.push(fresh.dir);
    const before = await snapshot(fresh.dir);
    const attempt = importWordPress({
      files: [GAZETA, join(FIXTURES, 'bad', name)],
      contentDir: fresh.contentDir,
      uploads: UPLOADS,
      commentsOut: fresh.commentsOut,
    });
    await expect(attempt).rejects.toBeInstanceOf(WxrError);
    await expect(attempt).rejects.toThrow(message);
    // Not even the good file before it, nor a leftover temporary folder.
    expect(await snapshot(fresh.dir)).toEqual(before);
    expect((await readdir(fresh.dir)).sort()).toEqual(['content']);
  });
});

describe('the command', () => {
  const command = (args: string[]) => run(process.execPath, [join(ROOT, 'wordpress-import', 'index.ts'), ...args], { cwd: ROOT });

  it('prints the report as JSON with --json', async () => {
    const fresh = await freshContent();
    folders.push(fresh.dir);
    const { stdout } = await command([
      GAZETA,
      '--uploads',
      UPLOADS,
      '--content-dir',
      fresh.contentDir,
      '--comments-out',
      fresh.commentsOut,
      '--json',
      '--dry-run',
    ]);
    const report = JSON.parse(stdout) as ImportReport;
    expect(report).toMatchObject({ dryRun: true, counts: { articles: 3, pages: 2, comments: 2 } });
    expect(report.warnings).toContainEqual({ postId: '17', title: 'Prywatna notatka', message: 'skipped: its status is "private"' });
  });

  it('prints counts and one line per warning, and exits with 1 and the position for a broken file', async () => {
    const fresh = await freshContent();
    folders.push(fresh.dir);
    const { stdout } = await command([
      GAZETA,
      '--uploads',
      UPLOADS,
      '--content-dir',
      fresh.contentDir,
      '--comments-out',
      fresh.commentsOut,
    ]);
    expect(stdout).toContain('articles 3, drafts 1, scheduled 1, pages 2, skipped 1');
    expect(stdout).toContain('authors 2, tags 2, images 3, comments 2, redirects 10');
    expect(stdout).toContain(
      '  post 14 "Pierwszy artykuł": slug changed from "pierwszy-artykul" to "pierwszy-artykul-2": the address is already taken',
    );
    const { contentDir } = fresh;
    const failure = await command([join(FIXTURES, 'bad', 'truncated.xml'), '--content-dir', contentDir]).then(
      () => undefined,
      (error: unknown) => error as { code: number; stderr: string },
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toMatch(/truncated\.xml:61:1: malformed XML: unclosed tag: content:encoded\nNothing was imported\./);
  });

  it('refuses to start without an export file', async () => {
    const failure = await command([]).then(
      () => undefined,
      (error: unknown) => error as { code: number; stderr: string },
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toContain('No export file given.');
  });
});

describe('the fixture content', () => {
  it('is valid before the import', async () => {
    const check = await checkContent({ contentDir: join(FIXTURES, 'content'), root: ROOT, publicDir: join(ROOT, 'public') });
    expect(check.problems).toEqual([]);
    expect(await readMdx(join(FIXTURES, 'content', 'articles', 'pierwszy-artykul.mdx'))).toMatchObject({
      data: { title: 'Pierwszy artykuł' },
    });
  });
});
