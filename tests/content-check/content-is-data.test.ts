import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent, formatText } from '../../src/content-check/index.ts';
import { classifyOnDisk, classifyPath, discoverContent, fileSlug, slugMistake } from '../../src/content-model/index.ts';
import { createProjectCopy, runAstroBuild } from '../support/build.ts';
import { FIXTURES, layContent, NOW, REPO } from './support.ts';

/**
 * Content is data, never code: the files the content check checks are exactly the files the
 * site builds (one discovery function), and MDX with code is refused by the build itself, even
 * with the content check integration switched off.
 */

const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

function workDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `szpalta-trust-${name}-`));
  temporary.push(dir);
  return dir;
}

/** An article whose MDX, if it ever ran, would write `marker` (a path outside the project). */
function hostileArticle(marker: string, title = 'Wrogi tekst'): string {
  return [
    '---',
    `title: ${title}`,
    'lead: Ten plik próbuje uruchomić kod podczas budowania.',
    'pubDate: 2026-11-01T10:00:00+01:00',
    'authors: [anna-kowalska]',
    'tags: []',
    '---',
    '',
    "import { writeFileSync } from 'node:fs';",
    '',
    `export const ran = writeFileSync(${JSON.stringify(marker)}, 'the content ran as code');`,
    '',
    'Zwykły akapit.',
    '',
    `{writeFileSync(${JSON.stringify(`${marker}.expression`)}, 'ran')}`,
    '',
    '<script>alert(1)</script>',
    '',
  ].join('\n');
}

function hostilePage(marker: string): string {
  return hostileArticle(marker, 'Zła strona')
    .replace(/^lead:.*\n|^pubDate:.*\n|^authors:.*\n|^tags:.*\n/gm, '')
    .replace('title: Zła strona', 'title: Zła strona\ndescription: Strona spoza repozytorium.');
}

/** A project copy whose config has no content check integration: only the build itself guards the content. */
const UNCHECKED_CONFIG = `import config from './astro.config.mjs';
export default { ...config, integrations: (config.integrations ?? []).filter((integration) => integration.name !== 'szpalta:content-check') };
`;

async function uncheckedProject(dir: string): Promise<string> {
  const projectDir = join(dir, 'project');
  await createProjectCopy(projectDir);
  writeFileSync(join(projectDir, 'astro.unchecked.config.mjs'), UNCHECKED_CONFIG);
  return projectDir;
}

function build(projectDir: string, contentDir: string): Promise<{ code: number | null; output: string }> {
  return runAstroBuild(projectDir, contentDir, 'astro.unchecked.config.mjs');
}

describe('what is content: one decision for the check, the loaders and the CMS', () => {
  it('classifies paths by the content model', () => {
    expect(classifyPath('articles/dobry-tekst.mdx')).toMatchObject({ kind: 'entry', collection: 'articles', id: 'dobry-tekst' });
    expect(classifyPath('authors/anna.yaml')).toMatchObject({ kind: 'entry', collection: 'authors', id: 'anna' });
    expect(classifyPath('settings/site.yml')).toMatchObject({ kind: 'entry', collection: 'settings' });
    expect(classifyPath('images/authors/anna.jpg')).toMatchObject({ kind: 'media' });
    const refusals: [string, string][] = [
      ['articles/.ukryty.mdx', 'hidden'],
      ['.git/config', 'hidden'],
      ['images/.cache/x.jpg', 'hidden'],
      ['articles/tekst.md', 'extension'],
      ['articles/tekst.js', 'extension'],
      ['pages/x.astro', 'extension'],
      ['images/x.html', 'extension'],
      ['articles/2026/tekst.mdx', 'nested'],
      ['README.md', 'outside-collection'],
      ['skrypty/x.mdx', 'outside-collection'],
      ['articles/50-taniej_teraz.mdx', 'slug'],
      ['tags/Duze.yml', 'slug'],
      ['settings/inne.yml', 'name'],
    ];
    for (const [path, reason] of refusals) expect(classifyPath(path), path).toMatchObject({ kind: 'refused', reason });
  });

  it('refuses a dot-file article that the loader would otherwise build', async () => {
    const dir = workDir('dot-file');
    const content = join(dir, 'content');
    layContent(join(FIXTURES, 'valid-base'), content);
    writeFileSync(join(content, 'articles/.ukryty.mdx'), hostileArticle(join(dir, 'ran')));
    const result = await checkContent({ contentDir: content, root: dir, publicDir: join(REPO, 'public'), now: NOW });
    expect(formatText(result)).toContain(
      'content/articles/.ukryty.mdx:1:1 unexpected-file: hidden files and folders (names starting with a dot) are not content, and the site does not build them (rename it without the leading dot, or move it out of content/)',
    );
    expect(result.errors).toBe(1);
    expect(discoverContent(content).entries.map((entry) => entry.relative)).not.toContain('articles/.ukryty.mdx');
  });

  it('refuses a page that is a symbolic link to a file outside the repository', async () => {
    const dir = workDir('symlink-page');
    const content = join(dir, 'content');
    layContent(join(FIXTURES, 'valid-base'), content);
    mkdirSync(join(dir, 'outside'));
    writeFileSync(join(dir, 'outside/zla.mdx'), hostilePage(join(dir, 'ran')));
    symlinkSync(join(dir, 'outside/zla.mdx'), join(content, 'pages/zla.mdx'));
    mkdirSync(join(dir, 'outside/images'));
    symlinkSync(join(dir, 'outside/images'), join(content, 'images/z-zewnatrz'));
    const text = formatText(await checkContent({ contentDir: content, root: dir, publicDir: join(REPO, 'public'), now: NOW }));
    expect(text).toContain('content/pages/zla.mdx:1:1 unexpected-file: a symbolic link: the site does not follow links');
    expect(text).toContain('content/images/z-zewnatrz:1:1 unexpected-file: a symbolic link to a folder');
    expect(text).toContain('(replace the link with the folder itself, or delete it)');
    expect(classifyOnDisk(content, join(content, 'pages/zla.mdx'))).toMatchObject({ kind: 'refused', reason: 'symlink' });
    expect(classifyOnDisk(content, join(content, 'images/z-zewnatrz/nowe.jpg'))).toMatchObject({ kind: 'refused', reason: 'symlink' });
    expect(existsSync(join(dir, 'ran'))).toBe(false);
  });

  it('refuses an images folder that is a symbolic link from outside the content folder', async () => {
    const dir = workDir('symlink-images');
    const content = join(dir, 'content');
    layContent(join(FIXTURES, 'valid-base'), content);
    rmSync(join(content, 'images'), { recursive: true });
    mkdirSync(join(dir, 'outside'));
    symlinkSync(join(dir, 'outside'), join(content, 'images'));
    const text = formatText(await checkContent({ contentDir: content, root: dir, publicDir: join(REPO, 'public'), now: NOW }));
    expect(text).toContain('content/images:1:1 unexpected-file: a symbolic link to a folder');
  });
});

describe('one slug function for the CMS, npm run new and the check', () => {
  it('names the real problem of a file name the CMS saved as …-50-taniej_teraz.mdx', async () => {
    const dir = workDir('underscore');
    const content = join(dir, 'content');
    layContent(join(FIXTURES, 'valid-base'), content);
    writeFileSync(join(content, 'tags/promocja-50-taniej_teraz.yml'), 'name: Promocja\n');
    const text = formatText(await checkContent({ contentDir: content, root: dir, publicDir: join(REPO, 'public'), now: NOW }));
    expect(text).toContain(
      'content/tags/promocja-50-taniej_teraz.yml:1:1 slug: the file name "promocja-50-taniej_teraz" is not a valid address: an underscore (_) is not allowed in a file name; use - (rename the file to promocja-50-taniej-teraz.yml: lower-case letters a–z, digits and single hyphens)',
    );
  });

  it('accepts exactly the names it makes, and says what is wrong with the others', () => {
    expect(fileSlug('Promocja: 50% taniej_teraz')).toBe('promocja-50-taniej-teraz');
    expect(fileSlug('Zażółć gęślą jaźń ~ v2.0 🎉')).toBe('zazolc-gesla-jazn-v2-0');
    for (const title of ['Łódź_2026', 'a~b', 'x.y', '🎉 emoji', 'ŻÓŁW', '  -  spacje  - ']) {
      const slug = fileSlug(title);
      expect(slugMistake(slug), title).toBeUndefined();
      expect(fileSlug(slug)).toBe(slug);
    }
    expect(slugMistake('a~b')).toBe('a tilde (~) is not allowed in a file name; use -');
    expect(slugMistake('wersja-2.0')).toBe('a dot (.) is not allowed in a file name except before the extension; use -');
    expect(slugMistake('Duze')).toBe('capital letters are not allowed in a file name; use lower-case letters');
    expect(slugMistake('zolw-🐢')).toBe(
      'letters with diacritics and other non-ASCII characters (ą, ł, emoji…) are not allowed in a file name',
    );
    expect(slugMistake('a--b')).toBe('a file name must not contain two hyphens in a row');
  });
});

describe('the build refuses content as code without the content check', () => {
  it('does not build a dot-file, a .md file or a badly named file, and runs none of their code', { timeout: 400_000 }, async () => {
    const dir = workDir('build-ignored');
    const projectDir = await uncheckedProject(dir);
    const content = join(dir, 'content');
    layContent(join(FIXTURES, 'valid-base'), content);
    writeFileSync(join(content, 'articles/.ukryty.mdx'), hostileArticle(join(dir, 'ran-dot-file')));
    writeFileSync(join(content, 'articles/zly_plik.mdx'), hostileArticle(join(dir, 'ran-bad-name')));
    mkdirSync(join(content, 'articles/.ukryty-folder'));
    writeFileSync(join(content, 'articles/.ukryty-folder/tekst.mdx'), hostileArticle(join(dir, 'ran-dot-folder')));
    writeFileSync(join(content, 'articles/notatka.md'), hostileArticle(join(dir, 'ran-md')));
    writeFileSync(join(content, 'pages/strona.mdx.bak'), hostilePage(join(dir, 'ran-bak')));
    const { code, output } = await build(projectDir, content);
    expect(code, output.split('\n').slice(-30).join('\n')).toBe(0);
    expect(readdirSync(dir).filter((name) => name.startsWith('ran'))).toEqual([]);
    expect(output).toContain('content/articles/.ukryty.mdx is not built: hidden files and folders');
    expect(readdirSync(join(projectDir, 'dist/artykuly')).sort()).toEqual(['drugi-artykul', 'pierwszy-artykul']);
    // Neither the pages nor the feed nor the sitemap know the refused files.
    for (const file of ['rss.xml', 'sitemap-0.xml', 'index.html']) {
      expect(readFileSync(join(projectDir, 'dist', file), 'utf8'), file).not.toMatch(/Wrogi tekst|Zła strona|alert\(1\)/);
    }
  });

  it(
    'fails on an article with import, export, expressions and a script, naming file and line, and runs none of it',
    { timeout: 400_000 },
    async () => {
      const dir = workDir('build-code');
      const projectDir = await uncheckedProject(dir);
      const content = join(dir, 'content');
      layContent(join(FIXTURES, 'valid-base'), content);
      writeFileSync(join(content, 'articles/zly.mdx'), hostileArticle(join(dir, 'ran')));
      const { code, output } = await build(projectDir, content);
      expect(code).not.toBe(0);
      expect(readdirSync(dir).filter((name) => name.startsWith('ran'))).toEqual([]);
      expect(output).toContain('MDX content breaks the MDX policy');
      expect(output).toMatch(/content\/articles\/zly\.mdx:9:1 [a-z-]+: .*import/);
      expect(output).toMatch(/content\/articles\/zly\.mdx:11:1 [a-z-]+: .*export/);
      expect(output).toMatch(/content\/articles\/zly\.mdx:15:1 [a-z-]+: .*expression/);
      expect(output).toMatch(/content\/articles\/zly\.mdx:17:1 forbidden-element: /);
      expect(existsSync(join(projectDir, 'dist/artykuly/zly'))).toBe(false);
    },
  );

  it(
    'fails on an article whose components break the policy though it never reaches the MDX compiler, naming file and line',
    { timeout: 400_000 },
    async () => {
      const dir = workDir('build-component-props');
      const projectDir = await uncheckedProject(dir);
      const content = join(dir, 'content');
      layContent(join(FIXTURES, 'valid-base'), content);
      // Block components with string props: the loader renders this body itself (component markers), without MDX.
      const article = [
        '---',
        'title: Złe komponenty',
        'lead: Komponenty z niedozwolonymi wartościami.',
        'pubDate: 2026-11-01T10:00:00+01:00',
        'authors: [anna-kowalska]',
        'tags: []',
        '---',
        '',
        'Zwykły akapit.',
        '',
        '<Embed url="javascript:alert(1)" title="Kliknij" />',
        '',
        '<Figure src="../images/nie-ma-takiego.jpg" alt="Brak" />',
        '',
      ].join('\n');
      writeFileSync(join(content, 'articles/zle-komponenty.mdx'), article);
      const { code, output } = await build(projectDir, content);
      expect(code).not.toBe(0);
      expect(output).toContain('MDX content breaks the MDX policy');
      // The URL allow-list refuses the javascript: address before the component's own prop rule sees it.
      expect(output).toMatch(/content\/articles\/zle-komponenty\.mdx:11:\d+ unsafe-url: javascript: addresses are not allowed/);
      expect(output).toMatch(
        /content\/articles\/zle-komponenty\.mdx:13:\d+ Figure\.src: image file content\/images\/nie-ma-takiego\.jpg not found/,
      );
      expect(existsSync(join(projectDir, 'dist/artykuly/zle-komponenty'))).toBe(false);
    },
  );

  it('fails on a symbolic link in the content folder, naming it, and runs no code from where it points', { timeout: 400_000 }, async () => {
    const dir = workDir('build-symlink');
    const projectDir = await uncheckedProject(dir);
    const content = join(dir, 'content');
    layContent(join(FIXTURES, 'valid-base'), content);
    mkdirSync(join(dir, 'outside'));
    writeFileSync(join(dir, 'outside/zla.mdx'), hostilePage(join(dir, 'ran')));
    symlinkSync(join(dir, 'outside/zla.mdx'), join(content, 'pages/zla.mdx'));
    const { code, output } = await build(projectDir, content);
    expect(code).not.toBe(0);
    expect(output).toContain('pages/zla.mdx: a symbolic link: the site does not follow links');
    expect(readdirSync(dir).filter((name) => name.startsWith('ran'))).toEqual([]);
  });
});

describe('the build applies the parse limits without the content check', () => {
  it('fails on 20,000 nested > with file and line instead of overflowing the stack', { timeout: 400_000 }, async () => {
    const dir = workDir('build-nested');
    const projectDir = await uncheckedProject(dir);
    const content = join(dir, 'content');
    layContent(join(FIXTURES, 'valid-base'), content);
    const article = readFileSync(join(content, 'articles/drugi-artykul.mdx'), 'utf8');
    const bodyStart = article.indexOf('\n---\n', 4) + 5;
    const line = article.slice(0, bodyStart).split('\n').length;
    writeFileSync(join(content, 'articles/drugi-artykul.mdx'), `${article.slice(0, bodyStart)}${'> '.repeat(20_000)}cytat\n`);
    const { code, output } = await build(projectDir, content);
    expect(code).not.toBe(0);
    expect(output).not.toContain('Maximum call stack size exceeded');
    expect(output).toContain(
      `content/articles/drugi-artykul.mdx:${line}:1 limit: the line starts with 40000 characters of quote, list or indentation markers, more than the 100 allowed (nest quotes and lists a few levels deep at most)`,
    );
  });
});

describe('one image rule for the check, the site and the CMS', () => {
  it('refuses an .svg sponsor logo in the build, as the check and the CMS do', { timeout: 400_000 }, async () => {
    const dir = workDir('build-svg-logo');
    const projectDir = await uncheckedProject(dir);
    const content = join(dir, 'content');
    layContent(join(FIXTURES, 'valid-base'), content);
    writeFileSync(
      join(content, 'images/sponsors/tarcza.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>\n',
    );
    writeFileSync(
      join(content, 'sponsors/tarcza.yml'),
      'name: Tarcza Cyfrowa\nurl: https://tarcza.example\nlogo: ../images/sponsors/tarcza.svg\n',
    );
    const { code, output } = await build(projectDir, content);
    expect(code).not.toBe(0);
    expect(output).toContain('sponsors/tarcza.yml');
    expect(output).toContain('"../images/sponsors/tarcza.svg" is an SVG file');
    expect(existsSync(join(projectDir, 'dist/index.html'))).toBe(false);
  });
});
