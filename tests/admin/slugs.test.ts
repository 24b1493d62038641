import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileSlug } from '../../src/content-model/index.ts';
import { astroBuild, createProjectCopy } from '../support/build.ts';
import { expectContentCheckPasses } from './support/content.ts';
import { FIXTURE_CONTENT, useCms, type Cms } from './support/cms.ts';
import { bodyEditor, chooseRelation, input, keepEvidence, publishNow } from './support/ui.ts';

/**
 * The CMS names every new file with the project's one slug function (`fileSlug`), the same one
 * `npm run new` and the content check use: titles with `_`, `~`, `.`, emoji and Polish letters,
 * saved in each collection in real Chromium against the local backend, give files that the
 * content check accepts and the site builds.
 */

interface Case {
  collection: string;
  extension: string;
  title: string;
  /** Label of the entry's first field: the editor is open when it shows. */
  first: string;
  /** Fills the other required fields of the open entry. */
  fill: (cms: Cms, title: string) => Promise<void>;
}

const cases: Case[] = [
  {
    collection: 'articles',
    first: 'Tytuł',
    extension: 'mdx',
    title: 'Promocja: 50% taniej_teraz ~ wersja 2.0 🎉 zażółć',
    fill: async ({ page }, title) => {
      await input(page, 'Tytuł').fill(title);
      await input(page, 'Lead').fill('Lead artykułu o nazwie pliku.');
      await input(page, 'Data publikacji').fill('01.06.2025 10:00');
      await chooseRelation(page, 'Autorzy', 'Anna Kowalska');
      await bodyEditor(page).click();
      await page.keyboard.type('Treść artykułu.');
    },
  },
  {
    collection: 'pages',
    first: 'Tytuł',
    extension: 'mdx',
    title: 'Regulamin_serwisu v1.2 ~ ✨ Łódź',
    fill: async ({ page }, title) => {
      await input(page, 'Tytuł').fill(title);
      await bodyEditor(page).click();
      await page.keyboard.type('Treść strony.');
    },
  },
  {
    collection: 'authors',
    first: 'Imię i nazwisko',
    extension: 'yml',
    title: 'Łukasz Żółć_Nowak ~ 🙂 jr.',
    fill: async ({ page }, title) => {
      await input(page, 'Imię i nazwisko').fill(title);
    },
  },
  {
    collection: 'tags',
    first: 'Nazwa',
    extension: 'yml',
    title: 'Ochrona_danych.osobowych ~ 🔒 Ęą',
    fill: async ({ page }, title) => {
      await input(page, 'Nazwa').fill(title);
    },
  },
  {
    collection: 'sponsors',
    first: 'Nazwa',
    extension: 'yml',
    title: 'Firma_X S.A. ~ 🚀 Śląsk',
    fill: async ({ page }, title) => {
      await input(page, 'Nazwa').fill(title);
      await input(page, 'Strona sponsora').fill('https://firma-x.example/');
    },
  },
];

// Decap may still hold the previous entry as unsaved for a moment after publishing and ask
// before leaving it (beforeunload): leave without asking.
const cms = useCms({ mode: 'fs', content: FIXTURE_CONTENT, loggedIn: true, acceptDialogs: true });

describe('file names of new entries in the CMS', () => {
  const saved: string[] = [];

  for (const { collection, extension, title, first, fill } of cases) {
    it(`saves a new entry of ${collection} under the slug the content check accepts, not Decap's own (with _ ~ . kept)`, async () => {
      // Each entry in a page of its own (the login is shared through the browser context), so
      // nothing of the previous entry's editor state is carried into this one.
      const page = await cms.page.context().newPage();
      page.on('dialog', (dialog) => void dialog.accept());
      keepEvidence(page, `slug-${collection}`);
      try {
        const folder = join(cms.contentDir, collection);
        const before = new Set(await readdir(folder));
        // An entry opened by URL sometimes loads empty: open it again until its first field shows.
        for (let attempt = 1; ; attempt++) {
          await page.goto(`${cms.adminUrl}#/collections/${collection}/new`);
          await page.reload();
          const opened = await input(page, first)
            .waitFor({ timeout: 15_000 })
            .then(() => true)
            .catch(() => false);
          if (opened) break;
          if (attempt === 3) throw new Error(`the new ${collection} entry did not open (no field "${first}") after 3 attempts`);
        }
        await fill({ ...cms, page }, title);
        await publishNow(page);
        const added = async () => (await readdir(folder)).filter((name) => !before.has(name));
        await expect.poll(added, { timeout: 20_000 }).toHaveLength(1);
        const expected = `${fileSlug(title)}.${extension}`;
        expect(await added()).toEqual([expected]);
        expect(expected).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*\.(?:mdx|yml)$/);
        // The helper value that names the file is never written into it.
        expect(await readFile(join(folder, expected), 'utf8')).not.toContain('__szpalta');
        saved.push(`${collection}/${expected}`);
      } finally {
        await page.close();
      }
    }, 120_000);
  }

  it('a title ending in "50% taniej_teraz" gives the same file name as npm run new', () => {
    expect(fileSlug('Promocja: 50% taniej_teraz')).toBe('promocja-50-taniej-teraz');
    expect(saved).toContain('articles/promocja-50-taniej-teraz-wersja-2-0-zazolc.mdx');
  });

  it('the content check accepts every saved file, and the site builds with them', async () => {
    expect(saved).toHaveLength(cases.length);
    await expectContentCheckPasses(cms.contentDir);
    const project = join(cms.workDir, 'project');
    await mkdir(project);
    await createProjectCopy(project);
    await astroBuild({ projectDir: project, contentDir: cms.contentDir, logFile: join(cms.workDir, 'build.log') });
    const built = async (path: string) => readFile(join(project, 'dist', path, 'index.html'), 'utf8');
    expect(await built('artykuly/promocja-50-taniej-teraz-wersja-2-0-zazolc')).toContain('Promocja: 50% taniej_teraz');
    expect(await built('regulamin-serwisu-v1-2-lodz')).toContain('Regulamin_serwisu v1.2');
    expect(await built('autorzy/lukasz-zolc-nowak-jr')).toContain('Łukasz Żółć_Nowak');
  }, 300_000);
});
