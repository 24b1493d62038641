import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'cheerio';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent, formatText } from '../../content-check/index.ts';
import { createProjectCopy, runAstroBuild } from '../support/build.ts';
import { FIXTURES, layContent, REPO } from './support.ts';

/**
 * The check inside `astro build`, through `src/integrations/content-check.ts`, in a private copy
 * of the project (Astro keeps per-build state in its root). The copy's config adds the
 * integration unless `astro.config.mjs` already has it.
 */
const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

const CONFIG = `import config from './astro.config.mjs';
import contentCheck from './src/integrations/content-check.ts';
const integrations = config.integrations ?? [];
export default {
  ...config,
  integrations: integrations.some((integration) => integration.name === 'szpalta:content-check') ? integrations : [contentCheck(), ...integrations],
};
`;

async function project(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'szpalta-check-build-'));
  temporary.push(dir);
  const projectDir = join(dir, 'project');
  await createProjectCopy(projectDir);
  writeFileSync(join(projectDir, 'astro.check.config.mjs'), CONFIG);
  return projectDir;
}

function build(projectDir: string): Promise<{ code: number | null; output: string }> {
  return runAstroBuild(projectDir, join(projectDir, 'content'), 'astro.check.config.mjs');
}

describe('astro build with the content check', () => {
  it('fails on a malformed article, naming the file and each field', { timeout: 180_000 }, async () => {
    const projectDir = await project();
    layContent(join(import.meta.dirname, 'build', 'malformed'), join(projectDir, 'content'));
    const { code, output } = await build(projectDir);
    expect(code, output).not.toBe(0);
    // The build's own words for the editor: the check's lines (the first one follows the error's name), pinned.
    const reported = output
      .split('\n')
      .map((line) => /content\/\S+:\d+:\d+ .*/.exec(line)?.[0])
      .filter((line) => line !== undefined);
    expect(reported.join('\n')).toMatchInlineSnapshot(`
      "content/articles/kopia.mdx:1:1 duplicate-slug: the slug "pierwszy-artykul" is also the slug of content/articles/pierwszy-artykul.mdx; only one of them would be published (remove the slug field or give each file its own slug)
      content/articles/kopia.mdx:6:7 slug: the slug field replaces the file name as the address of the page (remove the line and rename the file to pierwszy-artykul.mdx)
      content/articles/pierwszy-artykul.mdx:1:1 duplicate-slug: the slug "pierwszy-artykul" is also the slug of content/articles/kopia.mdx; only one of them would be published (rename one of the files)
      content/articles/zepsuty.mdx:1:1 title: title is required (add "title: …" to the front matter)
      content/articles/zepsuty.mdx:3:10 pubDate: must be a date such as 2026-11-22 or 2026-11-22T09:30:00+01:00 (write the date as YYYY-MM-DD, or with time and zone as YYYY-MM-DDTHH:MM:SS+01:00)
      content/articles/zepsuty.mdx:4:11 authors[0]: unknown author "nieznany-autor" (use the file name of an author in content/authors, or add content/authors/nieznany-autor.yml)
      content/articles/zepsuty.mdx:6:3 hero.alt: hero.alt (alternative text of the photo) is required (add "alt: …" under "hero:")"
    `);
    expect(readdirSync(projectDir)).not.toContain('dist');
  });

  it('builds the valid tricky files, and the site shows their text as written', { timeout: 300_000 }, async () => {
    const projectDir = await project();
    const content = join(projectDir, 'content');
    layContent(join(FIXTURES, 'valid-base'), content);
    // Every valid case's article under its own name, so the cases do not overwrite each other.
    for (const name of ['valid-bom-crlf', 'valid-escapes', 'valid-components-and-links', 'valid-yaml-variants']) {
      cpSync(join(FIXTURES, name, 'content'), content, {
        recursive: true,
        filter: (source) => !source.endsWith('tekst.mdx'),
      });
      const article = join(FIXTURES, name, 'content/articles/tekst.mdx');
      if (existsSync(article)) cpSync(article, join(content, `articles/${name}.mdx`));
    }
    const checked = await checkContent({ contentDir: content, root: projectDir, publicDir: join(REPO, 'public') });
    expect(formatText(checked)).toMatch(/no problems\.$/);

    const { code, output } = await build(projectDir);
    expect(code, output.split('\n').slice(-40).join('\n')).toBe(0);
    // The site joins one-letter words to the next with a no-break space (Polish typography); the
    // text is compared as written, with ordinary spaces.
    const page = (path: string) =>
      load(
        readFileSync(join(projectDir, 'dist', path, 'index.html'), 'utf8')
          .replaceAll('\u00a0', ' ')
          .replaceAll('&nbsp;', ' '),
      );

    const escapes = page('artykuly/valid-escapes').root().text();
    for (const text of [
      'Cena {brutto} i nawiasy klamrowe { }.',
      'Mniejsze < większe, 3 < 5, a także 5 > 3 i a > b; strzałka -> w prawo.',
      'Wyrażenie x < y ze spacją nie otwiera znacznika.',
      // The site's typography turns straight quotes into curly ones; the Polish ones stay as written.
      'Cudzysłowy „polskie”',
      'i »francuskie«; apostrof w O’Neill.',
      '<script>alert(1)</script>',
      "import X from 'y'",
      'Cytat z < i > w środku: 2 < 3.',
    ]) {
      expect(escapes).toContain(text);
    }
    expect(page('artykuly/valid-escapes')('.prose script')).toHaveLength(0);

    const bom = page('artykuly/bom-crlf');
    expect(bom('h1').first().text()).toBe('Zażółć gęślą jaźń – „cudzysłowy” i apostrof’');
    expect(bom.root().text()).toContain('Akapit z polskimi znakami: ąćęłńóśźż ĄĆĘŁŃÓŚŹŻ.');

    const components = page('artykuly/valid-components-and-links');
    expect(components('figure img').attr('alt')).toBe('Wykres liczby zgłoszeń');
    expect(components.root().text()).toContain('Fałszywe SMS-y');
  });
});
