import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { FIXTURE_CONTENT, useCms } from './support/cms.ts';

/**
 * Budgets of the admin: the JavaScript its first screen needs (everything the page loads
 * before any entry is opened, gzip). The time to the login screen is measured by
 * `npm run bench:admin`, not asserted here.
 */

/** At most 1.0 MB of gzip JavaScript before the login screen. */
const INITIAL_JS_BUDGET = 1_000_000;

const cms = useCms({ mode: 'fs', content: FIXTURE_CONTENT, loggedIn: false });

describe('admin budgets', () => {
  it(`loads at most ${INITIAL_JS_BUDGET / 1_000_000} MB of gzip JavaScript before the login screen`, async () => {
    const admin = join(cms.workDir, 'site/admin');
    const $ = load(await readFile(join(admin, 'index.html'), 'utf8'));
    const initial = [
      ...$('script[type="module"][src]')
        .map((_, script) => $(script).attr('src'))
        .get(),
      ...$('link[rel="modulepreload"][href]')
        .map((_, link) => $(link).attr('href'))
        .get(),
    ];
    expect(initial.length).toBeGreaterThan(0);
    let gzip = 0;
    for (const src of initial) gzip += gzipSync(await readFile(join(admin, src.replace(/^\/admin\//, '')))).length;
    console.log(`admin initial JavaScript: ${initial.length} file(s), ${(gzip / 1_000_000).toFixed(3)} MB gzip`);
    expect(gzip).toBeLessThanOrEqual(INITIAL_JS_BUDGET);
  });

  it('shows the login screen in a fresh browser', async () => {
    await cms.page.goto(cms.adminUrl);
    await cms.page.getByRole('button', { name: 'Zaloguj się' }).waitFor({ timeout: 30_000 });
  });

  it('is kept out of search engines and has its own Content Security Policy', async () => {
    const $ = load(await readFile(join(cms.workDir, 'site/admin/index.html'), 'utf8'));
    expect($('meta[name="robots"]').attr('content')).toContain('noindex');
    const policy = $('meta[http-equiv="Content-Security-Policy"]').attr('content') ?? '';
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  });
});
