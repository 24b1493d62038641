import { readdirSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent, formatText } from '../../content-check/index.ts';
import { importWordPress } from '../../wordpress-import/lib/import.ts';
import { WxrError } from '../../wordpress-import/lib/wxr.ts';
import { ROOT } from '../support/build.ts';
import { SHARED, freshContent, hasShared, snapshot } from './support.ts';

/**
 * The real exports in `../shared/wordpress/` (WordPress's theme test data and its importer's
 * test files). Each one either imports and passes the content check, or is refused with a
 * position and nothing written. The files that must be refused are named here with the reason.
 */
const REFUSED: Record<string, RegExp> = {
  // Broken on purpose in WordPress's importer tests.
  'malformed.xml': /malformed\.xml:\d+:\d+: malformed XML/,
  'malformed-simple.xml': /malformed-simple\.xml:\d+:\d+: malformed XML: unclosed tag/,
  'missing-version-tag.xml': /missing-version-tag\.xml:\d+:\d+: no <wp:wxr_version>/,
  'invalid-version-tag.xml': /invalid-version-tag\.xml:33:\d+: unsupported WXR version "abc"/,
  // Holds "]]>" in character data, which XML forbids; WordPress's regex-based reader copes, an XML parser must not.
  'crazy-cdata.xml': /crazy-cdata\.xml:\d+:\d+: malformed XML: the string "\]\]>" is disallowed in char data/,
};

const files = hasShared
  ? ['importer-fixtures', 'theme-test-data'].flatMap((folder) =>
      readdirSync(join(SHARED, folder))
        .filter((name) => name.endsWith('.xml'))
        .map((name) => [name, join(SHARED, folder, name)] as const),
    )
  : [];

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe.skipIf(!hasShared)('real WordPress exports in ../shared/wordpress', () => {
  it('has the files this test expects', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
    for (const name of Object.keys(REFUSED)) expect(files.map(([file]) => file)).toContain(name);
  });

  it.each(files)('%s imports and passes the content check, or is refused with nothing written', async (name, path) => {
    const fresh = await freshContent();
    folders.push(fresh.dir);
    const refused = REFUSED[name];
    if (refused) {
      const before = await snapshot(fresh.dir);
      const attempt = importWordPress({ files: [path], contentDir: fresh.contentDir, commentsOut: fresh.commentsOut });
      await expect(attempt).rejects.toBeInstanceOf(WxrError);
      await expect(attempt).rejects.toThrow(refused);
      expect(await snapshot(fresh.dir)).toEqual(before);
      expect(await readdir(fresh.dir)).toEqual(['content']);
      return;
    }
    await importWordPress({ files: [path], contentDir: fresh.contentDir, commentsOut: fresh.commentsOut });
    const check = await checkContent({ contentDir: fresh.contentDir, root: ROOT, publicDir: join(ROOT, 'public') });
    expect(check.errors, formatText(check)).toBe(0);
  });
});

describe.skipIf(hasShared)('without ../shared/wordpress', () => {
  it('skips the real exports', () => {
    console.warn(`Skipped the real WordPress exports: ${SHARED} is not there (the fixtures in tests/wordpress-import/ still run).`);
    expect(hasShared).toBe(false);
  });
});
