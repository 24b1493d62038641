/**
 * `npm run screenshots [-- --content <dir>] [--out <dir>]`: pictures of the portal and its CMS
 * for people to look at in review, written to `screenshots/` (git-ignored).
 *
 * The site is built from `content/` in a temporary project copy and served from 127.0.0.1; the
 * home, an article, a tag, an author and the search page (with a query) are taken whole, at
 * 1280 px and 390 px, in the light and the dark theme. The CMS (decap-server over a copy of the
 * same content) is taken on its login screen, the article list and an article in the editor.
 * Nothing is compared: the pictures are for eyes.
 */
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startCms } from '../tests/admin/support/cms.ts';
import { astroBuild, createProjectCopy, ROOT } from '../tests/support/build.ts';
import { launchChromium } from '../tests/support/browser.ts';
import { startStaticServer } from '../tests/support/static-server.ts';

const { values } = parseArgs({
  options: {
    content: { type: 'string', default: join(ROOT, 'content') },
    out: { type: 'string', default: join(ROOT, 'screenshots') },
  },
});
const contentDir = resolve(values.content);
const outDir = resolve(values.out);

const VIEWPORTS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;
const THEMES = ['light', 'dark'] as const;

/** The first entry of a built folder (`dist/artykuly/<first>/`), for a page of that type. */
async function first(dist: string, folder: string): Promise<string> {
  const names = (await readdir(join(dist, folder))).filter((name) => !name.includes('.')).sort();
  if (!names[0]) throw new Error(`the build has no page under /${folder}/`);
  return `/${folder}/${names[0]}/`;
}

await mkdir(outDir, { recursive: true });
const work = await mkdtemp(join(tmpdir(), 'szpalta-screenshots-'));
try {
  const project = join(work, 'project');
  console.log(`[screenshots] building ${contentDir}`);
  await createProjectCopy(project);
  await astroBuild({ projectDir: project, contentDir, logFile: join(work, 'build.log') });
  const dist = join(project, 'dist');
  const article = await first(dist, 'artykuly');
  const pages = {
    home: '/',
    article,
    tag: await first(dist, 'tagi'),
    author: await first(dist, 'autorzy'),
    search: '/szukaj/?q=RODO',
  };
  const server = await startStaticServer(dist);
  const browser = await launchChromium();
  try {
    for (const [viewportName, viewport] of Object.entries(VIEWPORTS)) {
      for (const theme of THEMES) {
        const context = await browser.newContext({ viewport, colorScheme: theme, locale: 'pl-PL' });
        const page = await context.newPage();
        for (const [name, path] of Object.entries(pages)) {
          await page.goto(`${server.origin}${path}`, { waitUntil: 'networkidle' });
          if (name === 'search') await page.locator('.search-result').first().waitFor({ timeout: 15_000 });
          // Lazy images load only near the viewport: scroll through the page first.
          await page.evaluate(async () => {
            for (let y = 0; y < document.body.scrollHeight; y += window.innerHeight / 2) {
              window.scrollTo(0, y);
              await new Promise((resolve) => setTimeout(resolve, 50));
            }
            window.scrollTo(0, 0);
          });
          await page.waitForLoadState('networkidle');
          const file = join(outDir, `${name}-${viewportName}-${theme}.png`);
          await page.screenshot({ path: file, fullPage: true });
          console.log(`[screenshots] ${file}`);
        }
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const cms = await startCms({ mode: 'fs', content: contentDir });
  try {
    const { page, adminUrl } = cms;
    await page.setViewportSize(VIEWPORTS.desktop);
    await page.goto(adminUrl);
    await page.getByRole('button', { name: 'Zaloguj się' }).waitFor();
    await page.screenshot({ path: join(outDir, 'cms-login.png') });
    await page.getByRole('button', { name: 'Zaloguj się' }).click();
    await page.getByRole('heading', { name: 'Kolekcje' }).waitFor();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(outDir, 'cms-list.png') });
    await page.goto(`${adminUrl}#/collections/articles/entries/${article.split('/')[2] ?? ''}`);
    await page.locator('.mdx-editor__content').waitFor();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(outDir, 'cms-editor.png') });
    console.log(`[screenshots] cms-login.png, cms-list.png, cms-editor.png in ${outDir}`);
  } finally {
    await cms.close();
  }
} finally {
  await rm(work, { recursive: true, force: true });
}
