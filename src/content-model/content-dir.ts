import { resolve } from 'node:path';

/** The environment variable that points every tool at another content folder (fixture builds, tests). */
export const CONTENT_DIR_VARIABLE = 'SZPALTA_CONTENT_DIR';

type Environment = Readonly<Record<string, string | undefined>>;

/**
 * The content folder as given: `SZPALTA_CONTENT_DIR` when set, otherwise `content`. Relative
 * values are relative to the working directory (or to the root a caller resolves against).
 */
export function contentDirFromEnvironment(env: Environment = process.env): string {
  const value = env[CONTENT_DIR_VARIABLE];
  return value === undefined || value === '' ? 'content' : value;
}

/** The content folder as an absolute path, a relative setting taken from `root`. */
export function resolveContentDir(root: string, env: Environment = process.env): string {
  return resolve(root, contentDirFromEnvironment(env));
}
