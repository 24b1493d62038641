import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent, formatText } from '../../content-check/index.ts';
import {
  classifyOnDisk,
  classifyPath,
  collectionHasEntries,
  discoverContent,
  fileSlug,
  slugMistake,
} from '../../src/content-model/index.ts';
import { FIXTURES, hostileArticle, hostilePage, layContent, NOW, REPO, temporaryFolders } from './support.ts';

/**
 * Content is data, never code: the files the content check checks are exactly the files the
 * site builds (one discovery function). That the build itself refuses MDX with code, even with
 * the content check integration switched off, is `content-is-data.build.test.ts`.
 */

const workDir = temporaryFolders('szpalta-trust');

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

  it('tells from one folder whether a collection has entries, as the whole discovery would', () => {
    const content = join(workDir('collection-entries'), 'content');
    const agrees = () => {
      const discovered = discoverContent(content).entries.some((entry) => entry.collection === 'redirects');
      expect(collectionHasEntries(content, 'redirects')).toBe(discovered);
      return discovered;
    };
    // No content folder, then no redirects folder.
    expect(agrees()).toBe(false);
    mkdirSync(join(content, 'sponsors'), { recursive: true });
    writeFileSync(join(content, 'sponsors/bank.yml'), 'name: Bank\n');
    expect(agrees()).toBe(false);
    // Only files the site does not build, and a subfolder.
    mkdirSync(join(content, 'redirects/stare'), { recursive: true });
    writeFileSync(join(content, 'redirects/.ukryte.yml'), 'redirects: []\n');
    writeFileSync(join(content, 'redirects/Stare.yml'), 'redirects: []\n');
    writeFileSync(join(content, 'redirects/notatki.txt'), 'redirects: []\n');
    writeFileSync(join(content, 'redirects/stare/wordpress.yml'), 'redirects: []\n');
    symlinkSync(join(content, 'sponsors/bank.yml'), join(content, 'redirects/link.yml'));
    expect(agrees()).toBe(false);
    writeFileSync(join(content, 'redirects/wordpress.yml'), 'redirects: []\n');
    expect(agrees()).toBe(true);
    expect(collectionHasEntries(content, 'sponsors')).toBe(true);
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
