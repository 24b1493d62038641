import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_CONTENT, useCms, type Cms } from './support/cms.ts';
import { expectContentCheckPasses } from './support/content.ts';
import { bodyEditor, input, keepEvidence, openAddress, publishNow } from './support/ui.ts';

/**
 * Round trip over every sample article: open it in the admin, change one word of its body
 * in the rich editor, save. The file must differ from the original by exactly that word:
 * frontmatter, components, blank lines and every other byte stay as they were.
 */

const REPLACEMENT = 'ZMIENIONE';

const articles = (await readdir(join(SAMPLE_CONTENT, 'articles'))).filter((name) => name.endsWith('.mdx')).sort();
const cms = useCms({ mode: 'fs', content: SAMPLE_CONTENT, loggedIn: true });

/** Where the edited word is taken from; the articles take turns so that every kind of block is edited. */
const places = [
  { name: 'a paragraph', selector: ':scope > p' },
  { name: 'the text of a component', selector: '.mdx-card__body p' },
  { name: 'a list item', selector: ':scope > ul li p, :scope > ol li p' },
] as const;

/**
 * Selects, in the editor, the first word of at least five letters in a block matching the
 * place's selector (falling back to top-level paragraphs) and returns it.
 */
async function selectWord(cms: Cms, selector: string): Promise<string> {
  const word = await cms.page.evaluate((selector) => {
    const root = document.querySelector('.mdx-editor__content');
    if (!root) return undefined;
    for (const candidates of [selector, ':scope > p']) {
      for (const block of root.querySelectorAll(candidates)) {
        const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
          const match = /(?<![\p{L}\p{N}_])\p{L}{5,}(?![\p{L}\p{N}_])/u.exec(node.data);
          if (!match) continue;
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const selection = window.getSelection();
          selection?.removeAllRanges();
          selection?.addRange(range);
          return match[0];
        }
      }
    }
    return undefined;
  }, selector);
  if (!word) throw new Error('No block with a word of five letters in the editor');
  return word;
}

describe('editing one word of every sample article', () => {
  it('has sample articles', () => {
    expect(articles.length).toBeGreaterThan(0);
  });

  it.each(articles.map((file, index) => ({ file, place: places[index % places.length] ?? places[0] })))(
    '$file: a word in $place.name changes, nothing else',
    async ({ file, place }) => {
      const { page } = cms;
      keepEvidence(page, `round-trip-${file}`);
      const path = join(cms.contentDir, 'articles', file);
      const original = await readFile(path, 'utf8');
      await openAddress(page, `${cms.adminUrl}#/collections/articles/entries/${file.replace(/\.mdx$/, '')}`);
      await bodyEditor(page).waitFor();
      await bodyEditor(page).click();
      const word = await selectWord(cms, place.selector);
      await page.keyboard.type(REPLACEMENT);
      await publishNow(page);
      await expect.poll(() => readFile(path, 'utf8'), { timeout: 10_000 }).not.toBe(original);
      const saved = await readFile(path, 'utf8');

      const candidates: number[] = [];
      for (let at = original.indexOf(word); at !== -1; at = original.indexOf(word, at + 1)) candidates.push(at);
      const expected = candidates.map((at) => original.slice(0, at) + REPLACEMENT + original.slice(at + word.length));
      expect(expected, `only "${word}" → "${REPLACEMENT}" may change`).toContain(saved);
    },
  );

  it('MDX mode saves the source as typed, and refuses a body the content rules refuse', async () => {
    const { page } = cms;
    keepEvidence(page, 'round-trip-mdx-mode');
    const file = articles[0] ?? '';
    const path = join(cms.contentDir, 'articles', file);
    const original = await readFile(path, 'utf8');
    await openAddress(page, `${cms.adminUrl}#/collections/articles/entries/${file.replace(/\.mdx$/, '')}`);
    await page.getByRole('button', { name: 'MDX', exact: true }).click();
    const source = page.getByLabel('Treść w MDX');
    await source.press('ControlOrMeta+End');
    await source.pressSequentially('\nDopisane w trybie *MDX*.\n');
    await publishNow(page);
    await expect.poll(() => readFile(path, 'utf8'), { timeout: 10_000 }).toBe(`${original}\nDopisane w trybie *MDX*.\n`);

    await source.press('ControlOrMeta+End');
    await source.pressSequentially('\nSuma: {1 + 1}\n');
    await page.getByRole('button', { name: 'Opublikuj', exact: true }).click();
    await page.getByText('Opublikuj teraz', { exact: true }).click();
    await page
      .getByText(/Wyrażenia w nawiasach klamrowych/)
      .first()
      .waitFor();
    await page.waitForTimeout(1000);
    expect(await readFile(path, 'utf8')).toBe(`${original}\nDopisane w trybie *MDX*.\n`);
  });

  it.each([
    { file: 'settings/site.yml', entry: 'settings/entries/site', label: 'Hasło pod nazwą', key: 'tagline' },
    { file: 'authors/agata-pawlikowska-rys.yml', entry: 'authors/entries/agata-pawlikowska-rys', label: 'Funkcja', key: 'role' },
  ])('$file: changing $key rewrites that line only', async ({ file, entry, label, key }) => {
    const { page } = cms;
    keepEvidence(page, `round-trip-${key}`);
    const path = join(cms.contentDir, file);
    const original = await readFile(path, 'utf8');
    const line = new RegExp(`^${key}: .*$`, 'm').exec(original)?.[0];
    expect(line, `${file} has a ${key} line`).toBeDefined();
    await openAddress(page, `${cms.adminUrl}#/collections/${entry}`);
    await input(page, label).fill(`${REPLACEMENT} ${key}`);
    await publishNow(page);
    await expect
      .poll(() => readFile(path, 'utf8'), { timeout: 10_000 })
      .toBe(original.replace(line ?? '', `${key}: ${REPLACEMENT} ${key}`));
  });

  it('leaves content that passes the content check', async () => {
    await expectContentCheckPasses(cms.contentDir);
  });
});
