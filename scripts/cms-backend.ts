/**
 * The CMS's local backend (`admin/backend/local-backend.ts`): decap-server's API for this
 * checkout, guarded so that the CMS reads and writes only content. `npm start` runs it; tests
 * run it over their own repositories.
 *
 * Environment: `PORT` (default 8081), `BIND_HOST` (a loopback address, default 127.0.0.1),
 * `MODE` (`fs`, default, or `git`), `GIT_REPO_DIRECTORY` (the repository, default the working
 * directory), `SZPALTA_CONTENT_DIR` (default `<repository>/content`). Prints the API URL once
 * it listens; SIGTERM or SIGINT stops it.
 */
import { resolve } from 'node:path';
import { DEFAULT_PROXY_PORT } from '../admin/config/names.ts';
import { startLocalBackend } from '../admin/backend/local-backend.ts';
import { resolveContentDir } from '../src/content-model/content-dir.ts';

const mode = process.env['MODE'] ?? 'fs';
if (mode !== 'fs' && mode !== 'git') {
  console.error(`MODE must be fs or git, not ${mode}`);
  process.exit(1);
}
const repoDir = resolve(process.env['GIT_REPO_DIRECTORY'] ?? process.cwd());
const backend = await startLocalBackend({
  repoDir,
  contentDir: resolveContentDir(repoDir),
  mode,
  host: process.env['BIND_HOST'] ?? '127.0.0.1',
  port: Number(process.env['PORT'] ?? DEFAULT_PROXY_PORT),
  logLevel: process.env['LOG_LEVEL'] ?? 'warn',
}).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
console.log(`CMS local backend (${mode}) for ${repoDir}: ${backend.url}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void backend.close().then(() => process.exit(0)));
}
