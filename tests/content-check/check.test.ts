import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent, formatText } from '../../src/content-check/index.ts';
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
