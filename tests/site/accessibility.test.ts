import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AxeResults, RunOptions } from 'axe-core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { loadFixture, readText, type Fixture } from '../support/site.ts';
import { startStaticServer, type StaticServer } from '../support/static-server.ts';
import { children, child, parseXml, requiredText } from '../support/xml.ts';

/** WCAG 2.2 level AA, as axe-core tags it (each level's criteria are tagged by the version that added them). */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Rules turned off, each with its reason. Empty: every page passes every WCAG 2.2 AA rule.
 * An entry looks like `'rule-id': { enabled: false }` under a comment explaining why it is a
 * false positive here, with the upstream issue.
 */
const SUPPRESSED_RULES: NonNullable<RunOptions['rules']> = {};

let fixture: Fixture;
let runningServer: StaticServer | undefined;
let runningBrowser: Browser | undefined;
let axeSource: string;
let paths: string[];

beforeAll(async () => {
  fixture = await loadFixture();
  axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  // Every URL of the sitemaps, plus the 404 page, which sitemaps leave out but readers see.
  const index = parseXml(await readText(fixture.dist, '/sitemap-index.xml'), 'sitemap-index.xml');
  const sitemaps = children(child(index, 'sitemapindex', 'sitemap-index.xml'), 'sitemap').map(
    (entry) => new URL(requiredText(entry, 'loc', 'sitemap-index.xml')).pathname,
  );
  const urls = new Set<string>();
  for (const sitemap of sitemaps) {
    const xml = parseXml(await readText(fixture.dist, sitemap), sitemap);
    for (const url of children(child(xml, 'urlset', sitemap), 'url')) urls.add(new URL(requiredText(url, 'loc', sitemap)).pathname);
  }
  paths = [...urls, '/404.html'].sort();
  runningServer = await startStaticServer(fixture.dist);
  runningBrowser = await launchChromium();
});

afterAll(async () => {
  await runningBrowser?.close();
  await runningServer?.close();
});

/** The browser and server that `beforeAll` started (it throws when either failed to start). */
function started(): { browser: Browser; server: StaticServer } {
  if (!runningBrowser || !runningServer) throw new Error('the browser or the static server did not start');
  return { browser: runningBrowser, server: runningServer };
}

async function audit(colorScheme: 'light' | 'dark'): Promise<string[]> {
  const { browser, server } = started();
  const context = await browser.newContext({ colorScheme, locale: 'pl-PL', viewport: { width: 1280, height: 900 } });
  // Injected through the DevTools protocol, which the pages' strict CSP does not govern.
  await context.addInitScript({ content: axeSource });
  const problems: string[] = [];
  try {
    const page = await context.newPage();
    for (const path of paths) {
      const response = await page.goto(`${server.origin}${path}`, { waitUntil: 'load' });
      expect(response?.status(), path).toBe(200);
      const results = await page.evaluate(
        (options) =>
          (window as unknown as { axe: { run: (context: Document, options: unknown) => Promise<AxeResults> } }).axe.run(document, options),
        { runOnly: { type: 'tag', values: WCAG_TAGS }, rules: SUPPRESSED_RULES, resultTypes: ['violations'] } satisfies RunOptions,
      );
      expect(results.passes.length, `${path}: axe ran its rules`).toBeGreaterThan(10);
      for (const violation of results.violations) {
        for (const node of violation.nodes) {
          problems.push(
            `${colorScheme} ${path}: ${violation.id} (${violation.impact ?? ''}) ${node.target.join(' ')}: ${node.failureSummary ?? violation.help}`,
          );
        }
      }
    }
  } finally {
    await context.close();
  }
  return problems;
}

describe('accessibility (axe-core, WCAG 2.2 AA)', () => {
  it('covers every URL of the sitemaps', () => {
    console.log(`[axe] ${paths.length} URLs, each in the light and the dark theme`);
    expect(paths.length).toBeGreaterThan(25);
  });

  it('reports a known violation (a control for the audits below)', async () => {
    const { browser, server } = started();
    const context = await browser.newContext();
    await context.addInitScript({ content: axeSource });
    try {
      const page = await context.newPage();
      await page.goto(`${server.origin}/`);
      await page.evaluate(() => document.querySelector('main')?.insertAdjacentHTML('beforeend', '<img src="/favicon.svg">'));
      const results = await page.evaluate(
        (options) =>
          (window as unknown as { axe: { run: (context: Document, options: unknown) => Promise<AxeResults> } }).axe.run(document, options),
        { runOnly: { type: 'tag', values: WCAG_TAGS }, rules: SUPPRESSED_RULES } satisfies RunOptions,
      );
      expect(results.violations.map((violation) => violation.id)).toContain('image-alt');
    } finally {
      await context.close();
    }
  });

  it('finds no violation on any page in the light theme', async () => {
    expect(await audit('light')).toEqual([]);
  });

  it('finds no violation on any page in the dark theme', async () => {
    expect(await audit('dark')).toEqual([]);
  });
});
