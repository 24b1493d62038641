import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent, displayPath } from '../../content-check/index.ts';
import { readRedirects, redirectsFile } from '../../src/lib/redirects.ts';
import { ROOT } from '../support/build.ts';
import { FIXTURES } from './support.ts';

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function contentWith(redirects: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'szpalta-redirects-'));
  folders.push(dir);
  const contentDir = join(dir, 'content');
  await cp(join(FIXTURES, 'content'), contentDir, { recursive: true });
  await mkdir(join(contentDir, 'redirects'));
  await writeFile(join(contentDir, 'redirects', 'wordpress.yml'), redirects);
  return contentDir;
}

describe('redirect tables in content/redirects/', () => {
  it('are checked like every other file: the form of each old address, and that each target exists', async () => {
    const contentDir = await contentWith(
      [
        'name: Test',
        'redirects:',
        '  - from: /2020/01/01/stary/',
        '    to: /artykuly/pierwszy-artykul/',
        '  - from: /?p=12',
        '    to: /artykuly/nie-ma-takiego/',
        '',
      ].join('\n'),
    );
    const check = await checkContent({ contentDir, root: ROOT, publicDir: join(ROOT, 'public') });
    const problems = check.problems.map(
      (problem) => `${displayPath(problem.file, contentDir)}:${problem.line}:${problem.column} ${problem.rule}: ${problem.message}`,
    );
    expect(problems).toEqual([
      'redirects/wordpress.yml:5:11 redirects[1].from: from must be a path that starts and ends with / (such as /2013/01/10/witaj/), without ? or #',
      expect.stringMatching(/^redirects\/wordpress\.yml:6:9 redirects\[1\]\.to: .*\/artykuly\/nie-ma-takiego\//),
    ]);
  });

  it('may not take an address of the site, which the redirect would hide', async () => {
    const contentDir = await contentWith(
      [
        'name: Test',
        'redirects:',
        '  - from: /o-nas/',
        '    to: /artykuly/pierwszy-artykul/',
        '  - from: /tagi/stary-tag/',
        '    to: /tagi/bezpieczenstwo/',
        '',
      ].join('\n'),
    );
    const check = await checkContent({ contentDir, root: ROOT, publicDir: join(ROOT, 'public') });
    expect(
      check.problems.map(
        (problem) => `${displayPath(problem.file, contentDir)}:${problem.line}:${problem.column} ${problem.rule}: ${problem.message}`,
      ),
    ).toEqual([
      'redirects/wordpress.yml:3:11 redirects[0].from: /o-nas/ is an address of this site, and a redirect from it would hide the page there',
      'redirects/wordpress.yml:5:11 redirects[1].from: /tagi/stary-tag/ is in /tagi/, a section of this site, where a redirect would shadow its pages',
    ]);
  });

  it('become the lines of _redirects', async () => {
    const contentDir = await contentWith(
      [
        'name: Test',
        'redirects:',
        '  - from: /2020/01/01/stary/',
        '    to: /artykuly/pierwszy-artykul/',
        '  - from: /tag/%c5%bcabka/',
        '    to: /tagi/zabka/',
        '',
      ].join('\n'),
    );
    const table = readRedirects(contentDir);
    expect(table).toEqual([
      { from: '/2020/01/01/stary/', to: '/artykuly/pierwszy-artykul/' },
      { from: '/tag/%c5%bcabka/', to: '/tagi/zabka/' },
    ]);
    expect(redirectsFile(table)).toBe('/2020/01/01/stary/ /artykuly/pierwszy-artykul/ 301\n/tag/%c5%bcabka/ /tagi/zabka/ 301\n');
    expect(readRedirects(join(contentDir, 'nie-ma'))).toEqual([]);
  });
});
