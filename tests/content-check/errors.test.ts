import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent, formatText } from '../../content-check/index.ts';
import { checkBody } from '../../content-check/lib/mdx.ts';
import { scanContent } from '../../content-check/lib/files.ts';
import type { LinkUse, Problem } from '../../content-check/lib/types.ts';
import { ContentCheckError } from '../../src/integrations/content-check.ts';
import { MdxPolicyError } from '../../src/integrations/mdx-policy.ts';
import { hostileArticle, materialize, NOW, REPO } from './support.ts';

/**
 * The exact words editors read, pinned: a handful of representative content errors as the
 * content check prints them (`npm run check:content`) and as `astro build` reports them, with
 * the file, line and column, the field, the message and the fix. Every fixture's full report
 * is compared with its `expected.txt` in `check.test.ts`; these are the ones to read in review.
 */

const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

async function check(caseName: string) {
  const root = materialize(caseName);
  temporary.push(root);
  return checkContent({ contentDir: join(root, 'content'), root, publicDir: join(REPO, 'public'), now: NOW });
}

describe('the content check names file, line, field and fix', () => {
  it('for a date that is no date', async () => {
    expect(formatText(await check('invalid-date'))).toMatchInlineSnapshot(`
      "content/articles/tekst.mdx:4:10 pubDate: must be a date such as 2026-11-22 or 2026-11-22T09:30:00+01:00 (write the date as YYYY-MM-DD, or with time and zone as YYYY-MM-DDTHH:MM:SS+01:00)
      Content check: 1 error and 0 warnings in 1 of 13 files."
    `);
  });

  it('for an unknown tag, suggesting the closest one', async () => {
    expect(formatText(await check('unknown-tag'))).toMatchInlineSnapshot(`
      "content/articles/tekst.mdx:9:5 tags[2]: unknown tag "bezpieczenstow" (did you mean "bezpieczenstwo"? Otherwise add content/tags/bezpieczenstow.yml)
      Content check: 1 error and 0 warnings in 1 of 13 files."
    `);
  });

  it('for an import in MDX', async () => {
    expect(formatText(await check('mdx-import'))).toMatchInlineSnapshot(`
      "content/articles/tekst.mdx:9:1 no-import-export: import statements are not allowed in content (remove the line: the components Figure, Callout, Quote, Ad and Embed need no import)
      Content check: 1 error and 0 warnings in 1 of 13 files."
    `);
  });

  it('for javascript: and data: addresses', async () => {
    expect(formatText(await check('unsafe-url'))).toMatchInlineSnapshot(`
      "content/articles/tekst.mdx:9:1 unsafe-url: javascript: addresses are not allowed (link to an https:// address or a page of the site)
      content/articles/tekst.mdx:9:40 unsafe-url: javascript: addresses are not allowed (link to an https:// address or a page of the site)
      content/articles/tekst.mdx:9:79 unsafe-url: data: addresses are not allowed (link to an https:// address or a page of the site)
      Content check: 3 errors and 0 warnings in 1 of 13 files."
    `);
  });

  it('for a missing image in a Figure and as the hero', async () => {
    expect(formatText(await check('figure-image-missing'))).toMatchInlineSnapshot(`
      "content/articles/tekst.mdx:9:9 Figure.src: image file content/images/wykress.jpg not found (did you mean ../images/wykres.jpg? Otherwise add the file or correct the path)
      content/articles/tekst.mdx:11:9 Figure.src: image file content/images/brak.jpg not found (did you mean ../images/foto.jpg? Otherwise add the file or correct the path)
      Content check: 2 errors and 0 warnings in 1 of 13 files."
    `);
    expect(formatText(await check('hero-image-missing'))).toMatchInlineSnapshot(`
      "content/articles/tekst.mdx:7:10 hero.image: image file content/images/fotp.jpg not found (did you mean ../images/foto.jpg? Otherwise add the file or correct the path)
      Content check: 1 error and 0 warnings in 1 of 13 files."
    `);
  });
});

describe('astro build reports content errors in the same words', () => {
  it('stops with the check report and a hint (src/integrations/content-check.ts)', async () => {
    const error = new ContentCheckError(await check('unknown-tag'));
    expect({ message: error.message, hint: error.hint }).toMatchInlineSnapshot(`
      {
        "hint": "Fix the files named above, or run \`npm run check:content\` to see the same report without building.",
        "message": "content/articles/tekst.mdx:9:5 tags[2]: unknown tag "bezpieczenstow" (did you mean "bezpieczenstwo"? Otherwise add content/tags/bezpieczenstow.yml)
      Content check: 1 error and 0 warnings in 1 of 13 files.",
      }
    `);
  });

  it('refuses MDX with code even without the check (src/integrations/mdx-policy.ts)', () => {
    const root = materialize('valid-base');
    temporary.push(root);
    const content = join(root, 'content');
    const file = join(content, 'articles/zly.mdx');
    const text = hostileArticle('/tmp/never-written');
    // `@astrojs/mdx` hands the body over with its front matter blanked out, keeping the lines.
    const body = text.replace(/^---\n[\s\S]*?\n---\n/, (frontMatter) => frontMatter.replace(/[^\n]/g, ' '));
    const problems: Problem[] = [];
    const links: LinkUse[] = [];
    checkBody(
      { file, relative: 'articles/zly.mdx', body, start: { line: 1, column: 1 }, pagePath: '/' },
      { index: scanContent(content).index, adSlots: undefined, siteOrigin: undefined },
      problems,
      links,
    );
    expect(new MdxPolicyError(problems, root).message).toMatchInlineSnapshot(`
      "MDX content breaks the MDX policy, so it is not compiled:
      content/articles/zly.mdx:9:1 no-import-export: import statements are not allowed in content (remove the line: the components Figure, Callout, Quote, Ad and Embed need no import)
      content/articles/zly.mdx:11:1 no-import-export: export statements are not allowed in content (remove the line: put data in the front matter)
      content/articles/zly.mdx:15:1 no-expression: the JavaScript expression {writeFileSync("/tmp/never-written.expres…} is not allowed (write the text itself; for literal braces write \\{ and \\})
      content/articles/zly.mdx:17:1 forbidden-element: <script> is not allowed in content (remove it: scripts cannot be part of content)"
    `);
  });
});
