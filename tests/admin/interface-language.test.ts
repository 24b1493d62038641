import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { FIXTURE_CONTENT, useCms } from './support/cms.ts';
import { bodyEditor, input, keepEvidence } from './support/ui.ts';

/**
 * The admin speaks Polish everywhere an editor or a screen reader looks: no phrase key of
 * Decap's (`editor.editorControl.field.widgetLabel`) reaches the accessibility tree, a label,
 * a title or a placeholder on any screen, and Decap never reports a missing translation.
 */

/** A Decap phrase key: three or more dotted identifiers, one of them camel-cased. */
const KEY_SHAPED = /\b[a-z][a-zA-Z]*(?:\.[a-z][a-zA-Z]*){2,}\b/g;
const keysIn = (text: string) => [...text.matchAll(KEY_SHAPED)].map((match) => match[0]).filter((key) => /[A-Z]/.test(key));

const missing: string[] = [];
const cms = useCms({
  mode: 'fs',
  content: FIXTURE_CONTENT,
  loggedIn: false,
  // Leaving a new entry asks whether to drop it; the walk through the screens says yes.
  acceptDialogs: true,
  preparePage: (page) =>
    page.on('console', (message) => {
      if (/missing translation/i.test(message.text())) missing.push(message.text());
    }),
});

/** Key-shaped names in the accessibility tree and in the texts of attributes a screen reader or a tooltip shows. */
async function keyShapedTexts(page: Page): Promise<string[]> {
  const tree = await page.locator('body').ariaSnapshot();
  const attributes = await page.evaluate(() =>
    [...document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')].flatMap((element) =>
      ['aria-label', 'title', 'placeholder', 'alt'].map((name) => element.getAttribute(name) ?? ''),
    ),
  );
  const text = await page.evaluate(() => document.body.innerText);
  return [...new Set([...keysIn(tree), ...attributes.flatMap(keysIn), ...keysIn(text)])];
}

describe('the admin in Polish', () => {
  it('shows no phrase key on any screen and reports no missing translation', async () => {
    const { page, adminUrl } = cms;
    keepEvidence(page, 'interface-language');
    const found: Record<string, string[]> = {};
    const check = async (screen: string) => {
      // Decap renders lazily loaded parts (widgets, toolbars) after the screen's landmark appears;
      // a moment lets them in. The check does not depend on timing: a late part only escapes it.
      await page.waitForTimeout(1500);
      const keys = await keyShapedTexts(page);
      if (keys.length > 0) found[screen] = keys;
    };

    await page.goto(adminUrl);
    await page.getByRole('button', { name: 'Zaloguj się' }).waitFor();
    await check('login');
    // The portal's logo, not Decap's, and it loads.
    const logo = page.locator('img[src="/logo.svg"]').first();
    await expect.poll(() => logo.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true);
    await page.getByRole('button', { name: 'Zaloguj się' }).click();
    await page.getByRole('heading', { name: 'Kolekcje' }).waitFor();
    await check('article list');
    // The new-entry button with characters the fonts have (Decap's Polish text has a full-width plus).
    const newEntry = page.getByRole('link', { name: /Artykuł$/ }).first();
    expect(await newEntry.innerText()).not.toMatch(/[\uFF01-\uFF5E]/);

    await page.goto(`${adminUrl}#/collections/articles/entries/obowiazki-z-ai-act`);
    await bodyEditor(page).waitFor();
    await check('article editor');
    // Dates in Polish form from the widget itself (a native date field would follow the browser's language).
    // The fixture article's pubDate is 2025-06-20T10:00:00+02:00.
    expect(await input(page, 'Data publikacji').inputValue()).toBe('20.06.2025 10:00');

    await page.goto(`${adminUrl}#/collections/settings/entries/site`);
    await page.getByText('Nazwa serwisu', { exact: true }).first().waitFor();
    await check('settings');

    // Screens are opened by address in this order: Decap shows an entry opened by address right
    // after the settings file empty, and going from a new entry to the settings file by address
    // ends in its error screen ("map is not a function"); neither is investigated yet.
    await page.goto(`${adminUrl}#/collections/articles/new`);
    await bodyEditor(page).waitFor();
    await check('new article');

    await page.goto(`${adminUrl}#/collections/authors`);
    await page.getByRole('heading', { name: 'Kolekcje' }).waitFor();
    await check('author list');

    await page
      .getByRole('button', { name: 'Multimedia' })
      .or(page.getByRole('link', { name: 'Multimedia' }))
      .first()
      .click();
    await page.getByPlaceholder('Szukaj...').waitFor();
    await check('media library');

    expect(found).toEqual({});
    expect(missing).toEqual([]);
  });
});
