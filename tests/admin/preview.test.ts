import { describe, expect, it } from 'vitest';
import { FIXTURE_CONTENT, useCms, type Cms } from './support/cms.ts';
import { bodyEditor, keepEvidence } from './support/ui.ts';

/**
 * The editor's preview of an article looks like the site: the site's own stylesheet in the
 * preview frame, the article layout's classes, and every registry component rendered with
 * the markup of its Astro version. Edits show up in the preview as the editor types.
 */

const ARTICLE = 'obowiazki-z-ai-act';

const cms = useCms({ mode: 'fs', content: FIXTURE_CONTENT, loggedIn: true });

/** The preview frame (Decap renders the preview in an iframe). */
function preview(cms: Cms) {
  const frame = cms.page.frames().find((candidate) => candidate !== cms.page.mainFrame());
  if (!frame) throw new Error('The editor has no preview frame');
  return frame;
}

describe('article preview', () => {
  it('renders the article with the site stylesheet and the components', async () => {
    const { page } = cms;
    keepEvidence(page, 'preview');
    await page.goto(`${cms.adminUrl}#/collections/articles/entries/${ARTICLE}`);
    await bodyEditor(page).waitFor();
    await expect.poll(() => preview(cms).locator('aside.callout').count(), { timeout: 15_000 }).toBe(1);
    const frame = preview(cms);

    // The site's stylesheet itself, not a copy of some rules: its custom properties are there.
    const styles = await frame.evaluate(() => [...document.querySelectorAll('style')].map((style) => style.textContent).join('\n'));
    expect(styles).toContain('--callout-warning');
    expect(styles).toContain('.prose');

    const computed = (selector: string, property: string) =>
      frame
        .locator(selector)
        .first()
        .evaluate((element, name) => getComputedStyle(element).getPropertyValue(name), property);
    expect(await computed('.prose', 'font-family')).toContain('Georgia');
    expect(await computed('aside.callout.callout--warning', 'background-color')).toBe('rgb(253, 240, 213)');
    expect(await computed('aside.callout.callout--warning', 'border-left-style')).toBe('solid');
    expect(await computed('h1.article__title', 'font-family')).not.toBe('');

    expect(await frame.locator('h1.article__title').textContent()).toBe('AI Act w firmie. Co trzeba zrobić do sierpnia');
    expect(await frame.locator('aside.callout.callout--warning .callout__title').textContent()).toBe('Uwaga na terminy');
    expect(await frame.locator('figure.quote blockquote').textContent()).toContain('Najpierw warto spisać');
    expect(await frame.locator('figure.quote figcaption cite').textContent()).toBe('radczyni prawna');
    expect(await frame.locator('figure.figure figcaption .figure__credit').textContent()).toBe('Foto: GUS');
    await expect
      .poll(() => frame.locator('figure.figure img').evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth), {
        timeout: 10_000,
      })
      .toBeGreaterThan(0);
    expect(await frame.locator('aside.embed .embed__provider').textContent()).toBe('YouTube');
    expect(await frame.locator('aside.embed a').getAttribute('href')).toBe('https://www.youtube.com/watch?v=abc123');
    expect(await frame.locator('aside.ad .ad__label').textContent()).toBe('REKLAMA');
  });

  it('shows edits as the editor types', async () => {
    const { page } = cms;
    keepEvidence(page, 'preview-live');
    await bodyEditor(page).locator('.mdx-card--Callout .mdx-card__body p').first().click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Sprawdź terminy {dziś} & <jutro>.');
    await expect
      .poll(() => preview(cms).locator('aside.callout').textContent(), { timeout: 10_000 })
      .toContain('Sprawdź terminy {dziś} & <jutro>.');
  });

  it('renders Markdown as the site does, allowed HTML as itself, and no refused address or unknown component', async () => {
    const { page } = cms;
    keepEvidence(page, 'preview-markdown');
    await page.getByRole('button', { name: 'MDX', exact: true }).click();
    await page
      .getByLabel('Treść w MDX')
      .fill(
        [
          '## Śródtytuł',
          '',
          'Skrót <abbr title="Unia Europejska">UE</abbr>, ~~stare~~ i [zły link](javascript:alert(1)) oraz [dobry](https://example.com/).',
          '',
          '| Kraj | Kara |',
          '| - | -: |',
          '| Polska | 10 mln |',
          '',
          '<Nieznany tekst="x" />',
        ].join('\n'),
      );
    const frame = preview(cms);
    await expect.poll(() => frame.locator('.prose h2').textContent(), { timeout: 10_000 }).toBe('Śródtytuł');
    expect(await frame.locator('.prose abbr').getAttribute('title')).toBe('Unia Europejska');
    expect(await frame.locator('.prose del').textContent()).toBe('stare');
    expect(await frame.locator('.prose a', { hasText: 'zły link' }).getAttribute('href')).toBeNull();
    expect(await frame.locator('.prose a', { hasText: 'dobry' }).getAttribute('href')).toBe('https://example.com/');
    expect(await frame.locator('.prose table thead th').allTextContents()).toEqual(['Kraj', 'Kara']);
    expect(await frame.locator('.prose table tbody td').allTextContents()).toEqual(['Polska', '10 mln']);
    expect(await frame.locator('.prose .preview-unknown').textContent()).toBe('<Nieznany>');
    expect(await frame.locator('.prose script, .prose [onclick]').count()).toBe(0);
  });
});
