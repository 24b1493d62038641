/** The environment variable that points every tool at another content folder (fixture builds, tests). */
export const CONTENT_DIR_VARIABLE = 'SZPALTA_CONTENT_DIR';

/**
 * The content folder as given: `SZPALTA_CONTENT_DIR` when set, otherwise `content`. Relative
 * values are relative to the working directory (or to the `root` a caller resolves against).
 */
export function contentDirFromEnvironment(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const value = env[CONTENT_DIR_VARIABLE];
  return value === undefined || value === '' ? 'content' : value;
}
