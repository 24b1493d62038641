import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { SAMPLE_CONTENT, useCms } from './support/cms.ts';
import { field, keepEvidence } from './support/ui.ts';

/**
 * The "Moderacja komentarzy" link (`admin/src/moderation-link.ts`) of a newsroom with comments
 * (the sample content has them): it sits in Decap's top bar on every screen, so it never covers
 * a field of the editor (as a floating button it hid the authors field), and it is reached
 * with the keyboard and shows where the focus is.
 */

const cms = useCms({ mode: 'fs', content: SAMPLE_CONTENT, loggedIn: true });

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The element's box in the viewport; it must be rendered. */
async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${locator.toString()} has no box on the page`);
  return box;
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;

const moderationLink = (page: Page) => page.getByRole('link', { name: 'Moderacja komentarzy' });

/** Whether the element at the centre of the link is the link (or inside it): nothing covers it. */
function onTop(link: Locator): Promise<boolean> {
  return link.evaluate((element) => {
    const { x, y, width, height } = element.getBoundingClientRect();
    return element.contains(document.elementFromPoint(x + width / 2, y + height / 2));
  });
}

describe('the "Moderacja komentarzy" link', () => {
  it('sits in the top bar of the collection screen and leads to the moderation page', async () => {
    const { page } = cms;
    keepEvidence(page, 'moderation-collections');
    const link = moderationLink(page);
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe('http://127.0.0.1:4322/moderacja/');
    expect(inside(await boxOf(link), await boxOf(page.locator('header').first()))).toBe(true);
    expect(await onTop(link)).toBe(true);
  });

  it('covers no field of the article editor, wherever the authors field is scrolled to', async () => {
    const { page } = cms;
    keepEvidence(page, 'moderation-editor');
    await page.goto(`${cms.adminUrl}#/collections/articles/new`);
    const authors = field(page, 'Autorzy');
    await authors.waitFor();
    const link = moderationLink(page);
    await link.waitFor();
    for (const block of ['start', 'center', 'end'] as const) {
      await authors.evaluate((element, where) => element.scrollIntoView({ block: where }), block);
      const linkBox = await boxOf(link);
      expect(overlaps(linkBox, await boxOf(authors)), `authors field scrolled to the ${block}`).toBe(false);
      for (const control of await page.locator('[class*="ControlContainer"]').all()) {
        const box = await control.boundingBox();
        if (box && box.width > 0) expect(overlaps(linkBox, box), `a field with the authors field at the ${block}`).toBe(false);
      }
      expect(await onTop(link)).toBe(true);
    }
  });

  it('is reached with the Tab key and shows its focus', async () => {
    const { page } = cms;
    keepEvidence(page, 'moderation-focus');
    const link = moderationLink(page);
    await page.getByRole('link', { name: /Edycja treści/ }).focus();
    const focused = () => link.evaluate((element) => element === document.activeElement);
    for (let presses = 0; presses < 10 && !(await focused()); presses++) await page.keyboard.press('Tab');
    expect(await focused()).toBe(true);
    const outline = await link.evaluate((element) => {
      const style = getComputedStyle(element);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    expect(outline.style).not.toBe('none');
    expect(outline.width).toBeGreaterThanOrEqual(2);
  });
});
