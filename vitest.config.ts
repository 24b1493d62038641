import { defineConfig } from 'vitest/config';

/**
 * Three projects that run separately (`vitest run --project site`) or together (`vitest run`):
 * - `unit`: pure functions next to their code, the content check, the workflows and the lockfile;
 * - `site`: the reader portal built from the fixture content (built once per run in the global setup);
 * - `auth`: the OAuth service for the CMS's GitHub backend (`auth/`), with the login handshake in Chromium;
 * - `admin`: the CMS.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'tests/content-check/**/*.test.ts', 'tests/ci/**/*.test.ts'],
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
    ],
  },
});
