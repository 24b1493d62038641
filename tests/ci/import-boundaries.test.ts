import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { importBoundaries } from '../../eslint.boundaries.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The import map of `eslint.boundaries.js`, as `npm run lint` applies it: a file with the given
 * text at `path` (relative to the repository; it need not exist, the files it imports do) is
 * linted with ESLint's Node API and the boundary messages come back.
 */
async function boundaryMessages(path: string, code: string): Promise<string[]> {
  const eslint = new ESLint({
    cwd: ROOT,
    overrideConfigFile: true,
    overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, importBoundaries],
  });
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}${path}` });
  return (result?.messages ?? []).map((message) => `${message.line}: ${message.ruleId ?? 'parser'}: ${message.message}`);
}

describe('the import map', () => {
  it("refuses the CMS reaching into the content check's internals", async () => {
    expect(
      await boundaryMessages(
        'admin/src/mdx/bad.ts',
        "import { checkBody } from '../../../content-check/lib/mdx.ts';\nexport { checkBody };\n",
      ),
    ).toMatchInlineSnapshot(`
        [
          "1: boundaries/dependencies: admin code may not import this content-check module (the import map: eslint.boundaries.js; README, "Architecture")",
        ]
      `);
  });

  it('refuses the shared model importing the site', async () => {
    expect(await boundaryMessages('src/content-model/bad.ts', "import { getSite } from '../lib/site.ts';\nexport { getSite };\n"))
      .toMatchInlineSnapshot(`
      [
        "1: boundaries/dependencies: model code may not import this site module (the import map: eslint.boundaries.js; README, "Architecture")",
      ]
    `);
  });

  it("refuses the site's pages running the content check, which only its integration does", async () => {
    expect(
      await boundaryMessages('src/lib/bad.ts', "import { checkContent } from '../../content-check/index.ts';\nexport { checkContent };\n"),
    ).toHaveLength(1);
    expect(
      await boundaryMessages(
        'src/integrations/good.ts',
        "import { checkContent } from '../../content-check/index.ts';\nexport { checkContent };\n",
      ),
    ).toEqual([]);
  });

  it('refuses the comment service importing the CMS, and the content check importing the site', async () => {
    expect(
      await boundaryMessages('comments/bad.ts', "import { buildAdmin } from '../admin/build.ts';\nexport { buildAdmin };\n"),
    ).toHaveLength(1);
    expect(
      await boundaryMessages(
        'content-check/lib/bad.ts',
        "import { getNewsroom } from '../../src/lib/content.ts';\nexport { getNewsroom };\n",
      ),
    ).toHaveLength(1);
  });

  it('refuses the shared files in the site folders importing the site', async () => {
    expect(
      await boundaryMessages('src/lib/routes.ts', "import { getNewsroom } from './content.ts';\nexport { getNewsroom };\n"),
    ).toHaveLength(1);
  });

  it('allows every part the shared model, and tests anything', async () => {
    const model =
      "import { urls } from '../../src/lib/urls.ts';\nimport { parseYaml } from '../../src/content-model/yaml.ts';\nexport { urls, parseYaml };\n";
    expect(await boundaryMessages('content-check/lib/good.ts', model)).toEqual([]);
    expect(await boundaryMessages('wordpress-import/lib/good.ts', model)).toEqual([]);
    expect(
      await boundaryMessages('tests/site/good.ts', "import { checkBody } from '../../content-check/lib/mdx.ts';\nexport { checkBody };\n"),
    ).toEqual([]);
  });
});
