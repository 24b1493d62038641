import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { onTestFailed } from 'vitest';

/**
 * Steps in Decap's Polish interface, shared by the admin tests. Labels are the texts an
 * editor sees.
 */

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The input of the field labelled `label` (Decap adds " (opcjonalne)" to optional fields). */
export function input(page: Page | Locator, label: string): Locator {
  return page.getByLabel(new RegExp(`^${escape(label)}( \\(opcjonalne\\))?$`));
}

/** The control of the field labelled `label` (its whole box: input, buttons, nested fields). */
export function field(page: Page, label: string): Locator {
  return page
    .locator('[class*="ControlContainer"]', {
      has: page.locator(`label:text-is("${label}"), label:text-is("${label} (opcjonalne)")`),
    })
    .first();
}

/** Picks `option` in a relation field (react-select) by typing part of it. */
export async function chooseRelation(page: Page, label: string, option: string): Promise<void> {
  const control = input(page, label);
  await control.click({ force: true });
  await control.fill(option);
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Uploads `file` in the open media library and inserts it; Decap lists it as `listedAs`. */
export async function uploadAndInsert(page: Page, file: string, listedAs: string): Promise<void> {
  await page.locator('input[type="file"]').setInputFiles(file);
  // Decap selects a new upload by itself.
  await page.getByText(listedAs, { exact: true }).first().waitFor();
  await page.getByRole('button', { name: 'Wybierz zaznaczone' }).click();
  await page.getByRole('button', { name: 'Wybierz zaznaczone' }).waitFor({ state: 'detached' });
}

/** Picks an image already in the media library and inserts it. */
export async function insertExisting(page: Page, name: string): Promise<void> {
  await page.getByText(name, { exact: true }).first().click();
  await page.getByRole('button', { name: 'Wybierz zaznaczone' }).click();
  await page.getByRole('button', { name: 'Wybierz zaznaczone' }).waitFor({ state: 'detached' });
}

/**
 * Opens an admin address as a new page load (the login is kept): going from one entry to
 * another by address reloads the admin (`admin/src/entry-navigation.ts`), and a load of its own
 * leaves nothing of that reload to wait for.
 */
export async function openAddress(page: Page, url: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(url);
}

/** The rich body editor (ProseMirror) of the entry. */
export function bodyEditor(page: Page): Locator {
  return page.locator('.mdx-editor__content');
}

/** Publishes the open entry in simple publish mode and waits until Decap has saved it. */
export async function publishNow(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Opublikuj', exact: true }).click();
  await page.getByText('Opublikuj teraz', { exact: true }).click();
  await page
    .getByText(/^Pozycja (zapisana|opublikowana)$/)
    .first()
    .waitFor({ timeout: 20_000 });
}

/**
 * Keeps a screenshot and the page text of a failed test in the system's temp folder (the
 * test's own folder is removed), and says where.
 */
export function keepEvidence(page: Page, name: string): void {
  onTestFailed(async () => {
    const path = join(tmpdir(), `szpalta-admin-${name}-${Date.now()}.png`);
    await page.screenshot({ path, fullPage: true }).catch(() => undefined);
    const errors = await page
      .locator('[class*="ErrorMessage"], [role="alert"]')
      .allInnerTexts()
      .catch(() => []);
    console.error(`Screenshot of the failed admin test: ${path}${errors.length ? `\nMessages on the page:\n${errors.join('\n')}` : ''}`);
  });
}
