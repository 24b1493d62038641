import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProjectCopy, runAstroBuild } from '../support/build.ts';
import { FIXTURES, hostileArticle, hostilePage, layContent, temporaryFolders } from './support.ts';

/**
 * Content is data, never code, in `astro build` itself: MDX with code, hidden or badly named
 * files, symbolic links, bodies beyond the parse limits and SVG images are refused by the
 * build even with the content check integration switched off. Each test builds a private copy
 * of the project (the `builds` project of vitest.config.ts).
 */

const workDir = temporaryFolders('szpalta-trust');

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
