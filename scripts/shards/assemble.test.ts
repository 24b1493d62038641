import { link, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assemble, patchSite, ShardConflictError } from './assemble.ts';

const work = await mkdtemp(join(tmpdir(), 'szpalta-assemble-'));
afterAll(() => rm(work, { recursive: true, force: true }));

async function folder(name: string, files: Record<string, string>): Promise<string> {
  const dir = join(work, name);
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

describe('assemble', () => {
  it('copies the kept files of every shard once; the same bytes at one path are fine', async () => {
    const lists = await folder('a-lists', { 'index.html': 'home', '_astro/site.css': 'css', 'artykuly/x/index.html': 'stale' });
    const one = await folder('a-one', { 'artykuly/x/index.html': 'x', '_astro/site.css': 'css', 'index.html': 'home of a shard' });
    const out = join(work, 'a-dist');
    const result = await assemble(
      [
        { name: 'lists', dir: lists, keep: (path) => !path.startsWith('artykuly/') },
        { name: 'one', dir: one, keep: (path) => path.startsWith('artykuly/') || path.startsWith('_astro/') },
      ],
      out,
    );
    expect(result.files).toBe(3);
    expect(await readFile(join(out, 'index.html'), 'utf8')).toBe('home');
    expect(await readFile(join(out, 'artykuly/x/index.html'), 'utf8')).toBe('x');
    expect(await readFile(join(out, '_astro/site.css'), 'utf8')).toBe('css');
  });

  it('refuses two different files at one path, naming it and both shards, and leaves the previous site whole', async () => {
    const out = await folder('b-dist', { 'index.html': 'previous site' });
    const one = await folder('b-one', { '_astro/site.css': 'one' });
    const two = await folder('b-two', { '_astro/site.css': 'two' });
    const run = assemble(
      [
        { name: 'articles-1', dir: one, keep: () => true },
        { name: 'articles-2', dir: two, keep: () => true },
      ],
      out,
    );
    await expect(run).rejects.toThrow(ShardConflictError);
    await expect(run).rejects.toThrow('_astro/site.css: shards articles-1 and articles-2 wrote different files at this path');
    expect(await readFile(join(out, 'index.html'), 'utf8')).toBe('previous site');
  });

  it('replaces the previous site: files no shard keeps any more are gone', async () => {
    const out = await folder('c-dist', { 'old/index.html': 'removed article' });
    const lists = await folder('c-lists', { 'index.html': 'home' });
    await assemble([{ name: 'lists', dir: lists, keep: () => true }], out);
    await expect(readFile(join(out, 'old/index.html'), 'utf8')).rejects.toThrow('ENOENT');
    expect(await readFile(join(out, 'index.html'), 'utf8')).toBe('home');
  });

  it("takes an unchanged shard's files from the previous site without copying, and a rebuilt shard's from its output", async () => {
    const out = join(work, 'd-dist');
    const kept = await folder('d-kept', { 'artykuly/a/index.html': 'a' });
    const rebuilt = await folder('d-rebuilt', { 'artykuly/b/index.html': 'b1' });
    await assemble(
      [
        { name: 'kept', dir: kept, keep: () => true },
        { name: 'rebuilt', dir: rebuilt, keep: () => true },
      ],
      out,
    );
    const before = await stat(join(out, 'artykuly/a/index.html'));
    await writeFile(join(rebuilt, 'artykuly/b/index.html'), 'b2');
    await assemble(
      [
        { name: 'kept', dir: kept, keep: () => true, unchanged: true },
        { name: 'rebuilt', dir: rebuilt, keep: () => true },
      ],
      out,
    );
    expect((await stat(join(out, 'artykuly/a/index.html'))).ino).toBe(before.ino);
    expect(await readFile(join(out, 'artykuly/b/index.html'), 'utf8')).toBe('b2');
  });
});

describe('patchSite', () => {
  it('takes the previous site with the changed files and folders replaced, never writing a previous file in place', async () => {
    const out = await folder('p-dist', {
      'index.html': 'home',
      'artykuly/x/index.html': 'old x',
      'artykuly/y/index.html': 'y',
      'pagefind-articles-1/index.pf': 'old index',
      'pagefind-articles-1/fragment/old.pf': 'old fragment',
    });
    // A second name for the previous page: a file written in place would show through it.
    const keeper = join(work, 'p-keeper.html');
    await link(join(out, 'artykuly/x/index.html'), keeper);
    const shard = await folder('p-shard', {
      'artykuly/x/index.html': 'new x',
      '_astro/new.webp': 'image',
      'pagefind-articles-1/index.pf': 'new index',
      'pagefind-articles-1/fragment/new.pf': 'new fragment',
    });
    const applied = await patchSite(out, [
      { dir: shard, files: ['artykuly/x/index.html', '_astro/new.webp'], folders: ['pagefind-articles-1'] },
    ]);
    expect(applied).toBe(true);
    expect(await readFile(join(out, 'artykuly/x/index.html'), 'utf8')).toBe('new x');
    expect(await readFile(join(out, 'artykuly/y/index.html'), 'utf8')).toBe('y');
    expect(await readFile(join(out, 'index.html'), 'utf8')).toBe('home');
    expect(await readFile(join(out, '_astro/new.webp'), 'utf8')).toBe('image');
    expect(await readFile(join(out, 'pagefind-articles-1/index.pf'), 'utf8')).toBe('new index');
    await expect(readFile(join(out, 'pagefind-articles-1/fragment/old.pf'), 'utf8')).rejects.toThrow('ENOENT');
    expect(await readFile(keeper, 'utf8')).toBe('old x');
    await expect(stat(`${out}.assembling`)).rejects.toThrow('ENOENT');
    await expect(stat(`${out}.previous`)).rejects.toThrow('ENOENT');
  });
});
