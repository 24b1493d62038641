/**
 * The content check: validates a content folder against the site's schemas, the MDX policy and
 * the component registry, and reports every problem as `file:line:column field-or-rule: message (fix)`.
 *
 * Used by `npm run check:content` (`scripts/check-content.ts`), by the Astro integration
 * (`src/integrations/content-check.ts`) and by the tests in `tests/content-check/`.
 */
export { checkContent, type CheckOptions } from './lib/check.ts';
export { displayPath, formatProblem, formatSummary, formatText, toJson, type CheckResult } from './lib/report.ts';
export { RESERVED_PAGE_SLUGS } from './lib/site.ts';
export type { Problem, Severity } from './lib/types.ts';

/** The content folder: `SZPALTA_CONTENT_DIR` when set (fixture builds, tests), otherwise `content`. */
export function contentDirFromEnvironment(): string {
  return process.env['SZPALTA_CONTENT_DIR'] ?? 'content';
}
