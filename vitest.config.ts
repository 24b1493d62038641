import { defineConfig } from 'vitest/config';

/**
 * Projects that run separately (`vitest run --project site`) or together (`vitest run`):
 * - `unit`: pure functions next to their code, the content check, the workflows and the lockfile;
 * - `site`: the reader portal built from the fixture content (built once per run in the global setup);
 * - `admin`: the CMS;
 * - `auth`: the OAuth service for the CMS's GitHub backend (`auth/`), with the login handshake in Chromium;
 * - `comments`: the comment service against SQLite and PostgreSQL, and its island on a built site;
 * - `wordpress-import`: the WordPress importer, its output checked, built and opened in a browser;
 * - `shards`: a generated site built whole and with `npm run build -- --shards 3`: the same site, search across shards.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/content-check/**/*.test.ts', 'tests/ci/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'site',
          include: ['tests/site/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/global-setup.ts'],
          // The fixture build happens in the global setup; these cover parsing a whole site and driving a browser.
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'wordpress-import',
          include: ['tests/wordpress-import/**/*.test.ts'],
          environment: 'node',
          // build.test.ts imports exports and builds a site from them in its beforeAll.
          testTimeout: 120_000,
          hookTimeout: 600_000,
        },
      },
      {
        test: {
          name: 'auth',
          include: ['tests/auth/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'admin',
          include: ['tests/admin/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'shards',
          include: ['tests/shards/**/*.test.ts'],
          environment: 'node',
          // Builds a generated site whole and in shards in its beforeAll (minutes on two cores).
          testTimeout: 120_000,
          hookTimeout: 1_500_000,
        },
      },
      {
        test: {
          name: 'comments',
          include: ['tests/comments/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/comments/support/global-setup.ts'],
          // Every file starts the service on the port the built site expects: one file at a time.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
