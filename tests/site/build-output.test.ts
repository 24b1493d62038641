import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FixtureBuild } from '../support/build.ts';
import { listFiles, fixtureSite } from '../support/site.ts';

/**
 * What a build leaves behind for people: a terminal log with one summary line for the optimised
 * images, not one line each, and no warning about collections a newsroom may leave empty; and
 * no JPEG in the site larger than the JPEG it was made from.
 */
let build: FixtureBuild;
let log: string;
/** The log of the bare fixture, which has no sponsors. */
let bareLog: string;
/** Source images of the fixture content by file name (`sklep.jpg`): their paths and byte sizes. */
let sources: Map<string, { path: string; size: number }>;
/** Every JPEG Astro wrote into `_astro/`. */
let jpegs: string[];

beforeAll(async () => {
  build = fixtureSite();
  log = stripVTControlCharacters(await readFile(join(build.workDir, 'build.log'), 'utf8'));
  bareLog = stripVTControlCharacters(await readFile(join(fixtureSite('bareSite').workDir, 'build.log'), 'utf8'));
  const images = join(build.contentDir, 'images');
  sources = new Map();
  for (const file of await listFiles(images)) {
    const path = join(images, file);
    sources.set(basename(file), { path, size: (await stat(path)).size });
  }
  jpegs = (await listFiles(build.dist)).filter((file) => file.startsWith('_astro/') && /\.jpe?g$/.test(file));
});

/** The source an `_astro/` file was made from: `sklep.Ab12Cd_Ef34.jpg` → `sklep.jpg` (any of its extensions). */
function sourceOf(file: string): [string, { path: string; size: number }] {
  const stem = /^([^.]+)\./.exec(basename(file))?.[1] ?? '';
  const found = [...sources].find(([name]) => name.replace(/\.[^.]+$/, '') === stem);
  if (!found) throw new Error(`${file}: no source image named ${stem}.* in the fixture content`);
  return found;
}

describe('the build output', () => {
  it('never ships a JPEG larger than its JPEG source, at any width', async () => {
    expect(jpegs.length).toBeGreaterThan(10);
    const larger: string[] = [];
    let resized = 0;
    for (const file of jpegs) {
      const [name, source] = sourceOf(file);
      if (!/\.jpe?g$/.test(name)) continue;
      const shipped = join(build.dist, file);
      const { size } = await stat(shipped);
      if (size > source.size) larger.push(`${file}: ${size} bytes, its source ${name} ${source.size}`);
      const [{ width }, { width: sourceWidth }] = await Promise.all([sharp(shipped).metadata(), sharp(source.path).metadata()]);
      if (width < sourceWidth) resized += 1;
    }
    expect(larger).toEqual([]);
    expect(resized).toBeGreaterThan(0);
  });

  it('prints one summary line for the optimised images instead of one line each', () => {
    const summaries = log.split('\n').filter((line) => /▶ \d+ images?: /.test(line));
    expect(summaries).toHaveLength(1);
    const made = /▶ (\d+) images?: (\d+) made \(/.exec(summaries[0] ?? '');
    expect(Number(made?.[1])).toBeGreaterThanOrEqual(jpegs.length);
    expect(Number(made?.[2])).toBeGreaterThan(0);
    expect(log).not.toMatch(/▶ \/_astro\//);
    expect(log).not.toMatch(/\(before: \d+kB, after: \d+kB\)/);
  });

  it('prints no warning about an empty collection for a newsroom without redirect tables or sponsors', () => {
    const emptyCollections = (text: string) => text.split('\n').filter((line) => /\bcollection\b.*\bempty\b/i.test(line));
    // Neither fixture has redirect tables; the bare one has no sponsors either.
    expect(emptyCollections(log)).toEqual([]);
    expect(emptyCollections(bareLog)).toEqual([]);
    // The log is Astro's own, where such a warning would be.
    expect(log).toMatch(/\[content\] Synced content/);
  });
});
