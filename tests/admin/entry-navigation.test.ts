import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FIXTURE_CONTENT, useCms } from './support/cms.ts';
import { bodyEditor, chooseRelation, input, keepEvidence, publishNow } from './support/ui.ts';

/**
 * An entry opened by its address right after another entry is the entry itself, in a fresh
 * editor (`admin/src/entry-navigation.ts`): Decap alone kept the previous entry's draft, so
 * the settings opened after an article showed the article's values, and after a new article
 * crashed.
 */

const failures: string[] = [];
const cms = useCms({
  mode: 'fs',
  content: FIXTURE_CONTENT,
  loggedIn: true,
  acceptDialogs: true,
  preparePage: (page) => {
    page.on('pageerror', (error) => failures.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') failures.push(message.text());
    });
  },
});

async function siteName(): Promise<string> {
  const settings = parse(await readFile(join(cms.contentDir, 'settings/site.yml'), 'utf8')) as { name: string };
  return settings.name;
}

describe('opening an entry by its address after another entry', () => {
  it('opens the settings right after a new article is created, without a crash', async () => {
    const { page } = cms;
    keepEvidence(page, 'settings-after-new');
    await page.goto(`${cms.adminUrl}#/collections/articles/new`);
    await input(page, 'Tytuł').fill('Artykuł przed ustawieniami');
    await input(page, 'Lead').fill('Lead artykułu.');
    await input(page, 'Data publikacji').fill('01.06.2025 10:00');
    await chooseRelation(page, 'Autorzy', 'Anna Kowalska');
    await bodyEditor(page).click();
    await page.keyboard.type('Treść.');
    await publishNow(page);
    await page.goto(`${cms.adminUrl}#/collections/settings/entries/site`);
    await expect.poll(() => input(page, 'Nazwa serwisu').inputValue(), { timeout: 20_000 }).toBe(await siteName());
    await expect.poll(() => input(page, 'Adres serwisu').inputValue()).toMatch(/^https:\/\//);
    expect(await page.getByText('Wystąpił błąd').count()).toBe(0);
    expect(failures).toEqual([]);
  });

  it("shows the settings' own values after an article, not the article's", async () => {
    const { page } = cms;
    keepEvidence(page, 'settings-after-article');
    await page.goto(`${cms.adminUrl}#/collections/articles/entries/obowiazki-z-ai-act`);
    await expect.poll(() => input(page, 'Tytuł').inputValue(), { timeout: 20_000 }).toBe('AI Act w firmie. Co trzeba zrobić do sierpnia');
    await page.goto(`${cms.adminUrl}#/collections/settings/entries/site`);
    await expect.poll(() => input(page, 'Nazwa serwisu').inputValue(), { timeout: 20_000 }).toBe(await siteName());
    // And from one article straight to another.
    await page.goto(`${cms.adminUrl}#/collections/articles/entries/obowiazki-z-ai-act`);
    await expect.poll(() => input(page, 'Tytuł').inputValue(), { timeout: 20_000 }).toBe('AI Act w firmie. Co trzeba zrobić do sierpnia');
    await page.goto(`${cms.adminUrl}#/collections/articles/entries/kary-rodo-dla-sklepow`);
    await expect
      .poll(() => input(page, 'Tytuł').inputValue(), { timeout: 20_000 })
      .toBe('UODO nakłada rekordowe kary na sklepy internetowe');
    expect(failures).toEqual([]);
  });
});
