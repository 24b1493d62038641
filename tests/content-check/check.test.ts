import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent, formatText } from '../../content-check/index.ts';
import { FIXTURES, materialize, NOW, REPO } from './support.ts';

/**
 * One test per folder in `fixtures/`: the report of the check on the base content with the
 * case's files laid over it must equal the case's `expected.txt`. `UPDATE=1` rewrites the
 * expectations from the current output (review the diff before committing).
 *
 * Folder names say what the case must produce: `valid-…` no problem at all, `warn-…` warnings
 * but no error, anything else at least one error.
 */
const cases = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

async function run(caseName: string, workers = 0) {
  const root = materialize(caseName);
  temporary.push(root);
  return checkContent({ contentDir: join(root, 'content'), root, publicDir: join(REPO, 'public'), now: NOW, workers });
}

describe('content check fixtures', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThan(50);
  });

  for (const name of cases) {
    it(name, async () => {
      const result = await run(name);
      const actual = `${formatText(result)}\n`;
      const expectedFile = join(FIXTURES, name, 'expected.txt');
      if (process.env['UPDATE']) writeFileSync(expectedFile, actual);
      expect(actual).toBe(readFileSync(expectedFile, 'utf8'));
      if (name.startsWith('valid-')) {
        expect(result.problems).toEqual([]);
      } else if (name.startsWith('warn-')) {
        expect(result.errors).toBe(0);
        expect(result.warnings).toBeGreaterThan(0);
      } else {
        expect(result.errors).toBeGreaterThan(0);
      }
    });
  }
});

describe('worker threads', () => {
  it('give the same report as the main thread alone', async () => {
    const name = 'wrong-field-types';
    const [alone, threaded] = await Promise.all([run(name, 0), run(name, 2)]);
    expect(formatText(threaded)).toBe(formatText(alone));
    expect(threaded.errors).toBeGreaterThan(0);
  });
});

describe('the per-file report cache', () => {
  /** Checks `root/content` with a cache in `root`, and says how many files the cache answered for. */
  async function cached(root: string) {
    const cacheFile = join(root, 'cache', 'content-check.json');
    const before = existsSync(cacheFile) ? Object.keys((JSON.parse(readFileSync(cacheFile, 'utf8')) as { files: object }).files) : [];
    const result = await checkContent({
      contentDir: join(root, 'content'),
      root,
      publicDir: join(REPO, 'public'),
      now: NOW,
      workers: 0,
      cacheFile,
    });
    return { result, text: formatText(result), cachedBefore: before.length };
  }

  it('gives the same report as a check without it, and notices edits and images that go away', async () => {
    const root = materialize('figure-image-missing');
    temporary.push(root);
    const uncached = formatText(await run('figure-image-missing'));
    const first = await cached(root);
    expect(first.cachedBefore).toBe(0);
    expect(first.text).toBe(uncached);
    const second = await cached(root);
    expect(second.cachedBefore).toBeGreaterThan(5);
    expect(second.text).toBe(uncached);

    // An edit to one file: its new problem shows up.
    const article = join(root, 'content', 'articles', 'pierwszy-artykul.mdx');
    writeFileSync(article, readFileSync(article, 'utf8').replace(/^title: .*$/m, 'title: ""'));
    const edited = await cached(root);
    expect(edited.text).not.toBe(uncached);
    expect(edited.text).toContain('pierwszy-artykul.mdx');

    // An image another (unchanged) file shows is deleted: that file is checked again.
    rmSync(join(root, 'content', 'images', 'wykres.jpg'));
    const fresh = formatText(
      await checkContent({ contentDir: join(root, 'content'), root, publicDir: join(REPO, 'public'), now: NOW, workers: 0 }),
    );
    expect((await cached(root)).text).toBe(fresh);
  });
});
