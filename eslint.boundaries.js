// @ts-check
import boundaries from 'eslint-plugin-boundaries';

/**
 * The import map of the repository: which top-level part may import which (README,
 * "Architecture"). Data walks one way: content → the shared model → the site, the content check,
 * the CMS, the comment service, the WordPress importer. The site's Astro integrations are the
 * intended edges out of the site: they run the content check (through its entry,
 * `content-check/index.ts`) and build the CMS (`admin/build.ts` and what it hands the build).
 * Tests, benchmarks and scripts may import anything.
 */

/** The parts, by folder; the first that matches a file decides, so the narrower come first. */
export const ELEMENTS = [
  { type: 'tests', pattern: ['tests', 'bench'] },
  { type: 'scripts', pattern: 'scripts' },
  { type: 'model', pattern: ['src/content-model', 'src/schemas', 'src/utils', 'src/i18n', 'src/styles'] },
  { type: 'site', pattern: 'src' },
  { type: 'content-check', pattern: 'content-check' },
  { type: 'admin', pattern: 'admin' },
  { type: 'comments', pattern: 'comments' },
  { type: 'wordpress-import', pattern: 'wordpress-import' },
  { type: 'auth', pattern: 'auth' },
].map((element) => ({ ...element, partialMatch: false }));

/** Single files with a role of their own inside a part. */
export const FILES = [
  // Pure modules of the site's folders that belong to the shared model.
  { category: 'shared', pattern: ['src/lib/urls.ts', 'src/lib/routes.ts', 'src/components/mdx/registry.ts'] },
  // What the site's integrations may reach in the content check and the CMS.
  { category: 'entry', pattern: ['content-check/index.ts', 'admin/build.ts', 'admin/config/cms-config.ts', 'admin/vite.config.ts'] },
  { category: 'integration', pattern: 'src/integrations/**' },
  { category: 'test', pattern: '**/*.test.ts' },
];

/** @param {string[]} types */
const toParts = (...types) => ({ to: { element: { types: { anyOf: types } } } });
const toShared = { to: { file: { categories: 'shared' } } };

/** What each part may import; everything else is refused. When several policies match, the last decides. */
export const POLICIES = [
  { from: { element: { type: 'model' } }, allow: [toParts('model'), toShared] },
  { from: { element: { type: 'site' } }, allow: toParts('model', 'site') },
  { from: { file: { categories: 'integration' } }, allow: { to: { file: { categories: 'entry' } } } },
  // The shared files that live in the site's folders import only the model.
  { from: { file: { categories: 'shared' } }, disallow: toParts('site') },
  { from: { file: { categories: 'shared' } }, allow: toShared },
  ...['content-check', 'admin', 'comments', 'wordpress-import', 'auth'].map((part) => ({
    from: { element: { type: part } },
    allow: [toParts('model', part), toShared],
  })),
  {
    from: [{ element: { types: { anyOf: ['tests', 'scripts'] } } }, { file: { categories: 'test' } }],
    allow: { to: { element: { type: '*' } } },
  },
];

/**
 * The flat-config block that enforces the map (`boundaries/dependencies`).
 * @type {import('eslint').Linter.Config}
 */
export const importBoundaries = {
  files: ['**/*.{ts,tsx,js,mjs,astro}'],
  plugins: { boundaries },
  settings: {
    'boundaries/elements': ELEMENTS,
    'boundaries/files': FILES,
  },
  rules: {
    'boundaries/dependencies': [
      'error',
      {
        default: 'disallow',
        // Imports inside one part are checked too: the shared files in the site's folders must not import the site.
        checkInternals: true,
        message: '{{from.type}} code may not import this {{to.type}} module (the import map: eslint.boundaries.js; README, "Architecture")',
        policies: POLICIES,
      },
    ],
  },
};
