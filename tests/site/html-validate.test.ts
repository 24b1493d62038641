import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { htmlValidateConfig } from '../support/html-validate.config.ts';
import { loadFixture, readAllPages, type BuiltPage } from '../support/site.ts';

let pages: BuiltPage[];

beforeAll(async () => {
  const [full, bare] = await Promise.all([loadFixture('site'), loadFixture('bareSite').catch(() => undefined)]);
  pages = await readAllPages(full.dist);
  // The bare site is validated too when it builds; its own test file reports when it does not.
  if (bare) pages.push(...(await readAllPages(bare.dist)).map((page) => ({ ...page, url: `bare:${page.url}` })));
});

describe('html-validate', () => {
  it('reports invalid markup with this configuration (a control)', async () => {
    const validator = new HtmlValidate(htmlValidateConfig);
    const report = await validator.validateString(
      '<!doctype html><html lang="pl"><head><title>x</title></head><body><main><img src="a.png"><p id="a"></p><p id="a"></p></main></body></html>',
      'control.html',
    );
    const rules = report.results.flatMap((result) => result.messages.map((message) => message.ruleId));
    expect(rules).toEqual(expect.arrayContaining(['wcag/h37', 'no-dup-id']));
  });

  it('finds no error on any page of the fixture sites', async () => {
    const validator = new HtmlValidate(htmlValidateConfig);
    const problems: string[] = [];
    for (const page of pages) {
      const report = await validator.validateString(page.html, page.file);
      for (const result of report.results) {
        for (const message of result.messages) {
          problems.push(`${page.url}:${message.line}:${message.column} ${message.ruleId}: ${message.message} (${message.selector ?? ''})`);
        }
      }
    }
    expect(pages.length).toBeGreaterThan(20);
    expect(problems).toEqual([]);
  });
});
