import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** This folder's fixtures: `gazeta.xml`, its `uploads/`, the `content/` it is imported into, and `bad/` exports. */
export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
export const GAZETA = join(FIXTURES, 'gazeta.xml');
export const UPLOADS = join(FIXTURES, 'uploads');

/** Real WordPress exports beside the project (`../shared/wordpress/`), when this checkout has them. */
export const SHARED = fileURLToPath(new URL('../../../shared/wordpress/', import.meta.url));
export const hasShared = existsSync(join(SHARED, 'theme-test-data', 'themeunittestdata.wordpress.xml'));
export const THEME_UNIT_TEST = join(SHARED, 'theme-test-data', 'themeunittestdata.wordpress.xml');

/** A temporary folder with a copy of the fixture content folder, and a place for comments outside it. */
export async function freshContent(): Promise<{ dir: string; contentDir: string; commentsOut: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'szpalta-wp-'));
  const contentDir = join(dir, 'content');
  await cp(join(FIXTURES, 'content'), contentDir, { recursive: true });
  return { dir, contentDir, commentsOut: join(dir, 'comments', 'wordpress-comments.json') };
}

/** Every file under `dir` (hidden ones too) with a digest of its bytes, by path relative to `dir`. */
export async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch {
    return files;
  }
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(
      relative(dir, path).split(sep).join('/'),
      createHash('sha256')
        .update(await readFile(path))
        .digest('hex'),
    );
  }
  return files;
}

/** Front matter and body of an MDX file. */
export async function readMdx(path: string): Promise<{ data: Record<string, unknown>; body: string }> {
  const text = await readFile(path, 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`${path} has no front matter`);
  return { data: parse(match[1] ?? '') as Record<string, unknown>, body: match[2] ?? '' };
}

/** Imported articles and pages by WordPress post ID: their slug and front matter. */
export async function byWordPressId(contentDir: string, folder: 'articles' | 'pages') {
  const found = new Map<number, { slug: string; data: Record<string, unknown>; body: string }>();
  for (const name of await readdir(join(contentDir, folder))) {
    if (!name.endsWith('.mdx')) continue;
    const { data, body } = await readMdx(join(contentDir, folder, name));
    const id = (data['wordpress'] as { id?: number } | undefined)?.id;
    if (id !== undefined) found.set(id, { slug: name.slice(0, -4), data, body });
  }
  return found;
}
