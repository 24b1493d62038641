import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkContent, formatText } from '../../content-check/index.ts';
import { fileSlug } from '../../src/content-model/index.ts';
import { NEWSROOM_TIME_ZONE } from '../../src/utils/dates.ts';
import { materialize, NOW, REPO } from './support.ts';

const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

function fixture(name: string): string {
  const root = materialize(name);
  temporary.push(root);
  return root;
}

function run(script: string, args: string[], options: { cwd: string; env?: Record<string, string> }) {
  const { SZPALTA_CONTENT_DIR: _ignored, ...env } = process.env;
  return spawnSync(process.execPath, [join(REPO, script), ...args], {
    cwd: options.cwd,
    env: { ...env, ...options.env },
    encoding: 'utf8',
  });
}

const checkArgs = ['--now', NOW.toISOString()];

describe('npm run check:content', () => {
  it('prints one line per problem with the file relative to the working directory, and exits with 1', () => {
    const root = fixture('missing-hero-alt');
    const result = run('scripts/check-content.ts', ['--content-dir', 'content', ...checkArgs], { cwd: root });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(
      'content/articles/tekst.mdx:7:3 hero.alt: hero.alt (alternative text of the photo) is required (add "alt: …" under "hero:")\n' +
        'Content check: 1 error and 0 warnings in 1 of 13 files.\n',
    );
  });

  it('reads SZPALTA_CONTENT_DIR when no folder is given', () => {
    const root = fixture('unknown-author');
    const result = run('scripts/check-content.ts', checkArgs, { cwd: REPO, env: { SZPALTA_CONTENT_DIR: join(root, 'content') } });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`${join(root, 'content/articles/tekst.mdx')}:5:11 authors[0]: unknown author "anna-kowalsk"`);
  });

  it('gives machines JSON with the same problems', () => {
    const root = fixture('component-missing-props');
    const result = run('scripts/check-content.ts', ['--json', '--content-dir', 'content', ...checkArgs], { cwd: root });
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as { files: number; errors: number; warnings: number; problems: unknown[] };
    expect(report).toMatchObject({ contentDir: 'content', files: 13, errors: 2, warnings: 0 });
    expect(report.problems[0]).toEqual({
      file: 'content/articles/tekst.mdx',
      line: 9,
      column: 1,
      rule: 'Figure.alt',
      message: 'alt is required',
      fix: 'add alt="…" to <Figure>',
      severity: 'error',
    });
  });

  it('exits with 0 when there are only warnings', () => {
    const root = fixture('warn-link-scheduled');
    const result = run('scripts/check-content.ts', ['--content-dir', 'content', ...checkArgs], { cwd: root });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Content check: 0 errors and 2 warnings in 1 of 13 files.');
  });

  it('exits with 2 on a bad option', () => {
    const result = run('scripts/check-content.ts', ['--now', 'wczoraj'], { cwd: REPO });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--now: "wczoraj" is not a date');
  });
});

describe('npm run new', () => {
  it('creates a valid draft with an ASCII file name, today, the first author and no tags, and refuses to overwrite it', async () => {
    const root = fixture('valid-base');
    const env = { SZPALTA_CONTENT_DIR: join(root, 'content') };
    const title = 'Zażółć gęślą jaźń: „nowy” tekst #1';
    const created = run('scripts/new-article.ts', [title], { cwd: root, env });
    expect(created.stderr).toBe('');
    expect(created.status).toBe(0);
    expect(created.stdout).toBe('content/articles/zazolc-gesla-jazn-nowy-tekst-1.mdx\n');

    const path = join(root, 'content/articles/zazolc-gesla-jazn-nowy-tekst-1.mdx');
    const text = readFileSync(path, 'utf8');
    const front = parse(text.split('---\n')[1] ?? '') as Record<string, unknown>;
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: NEWSROOM_TIME_ZONE }).format(new Date());
    expect(front).toMatchObject({ title, authors: ['anna-kowalska'], tags: [], draft: true });
    expect(String(front['pubDate'])).toMatch(new RegExp(`^${today}T\\d\\d:\\d\\d:00\\+0[12]:00$`));

    const check = await checkContent({ contentDir: join(root, 'content'), root, publicDir: join(REPO, 'public') });
    expect(formatText(check)).toBe('Content check: 13 files checked, no problems.');

    const again = run('scripts/new-article.ts', [title], { cwd: root, env });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('content/articles/zazolc-gesla-jazn-nowy-tekst-1.mdx already exists');
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('names a title ending in "50% taniej_teraz" as the CMS does, with the one slug function', () => {
    const root = fixture('valid-base');
    const title = 'Promocja: 50% taniej_teraz ~ wersja 2.0 🎉 zażółć';
    const created = run('scripts/new-article.ts', [title], { cwd: root, env: { SZPALTA_CONTENT_DIR: join(root, 'content') } });
    expect(created.status).toBe(0);
    // tests/admin/slugs.test.ts saves the same title in the CMS and expects this name.
    expect(created.stdout).toBe(`content/articles/${fileSlug(title)}.mdx\n`);
    expect(created.stdout).toBe('content/articles/promocja-50-taniej-teraz-wersja-2-0-zazolc.mdx\n');
  });

  it('refuses a title that gives no file name', () => {
    const root = fixture('valid-base');
    const result = run('scripts/new-article.ts', ['„…” — !'], { cwd: root, env: { SZPALTA_CONTENT_DIR: join(root, 'content') } });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('has no letters or digits');
  });
});

describe('the sample content in content/', () => {
  it('passes the check', async () => {
    const result = await checkContent({ contentDir: join(REPO, 'content'), root: REPO });
    expect(result.errors, formatText(result)).toBe(0);
  });
});
