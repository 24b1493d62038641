/**
 * The content check: validates a content folder against the site's schemas, the MDX policy and
 * the component registry, and reports every problem as `file:line:column field-or-rule: message (fix)`.
 *
 * Used by `npm run check:content` (`scripts/check-content.ts`), by the Astro integration
 * (`src/integrations/content-check.ts`) and by the tests in `tests/content-check/`. The build's MDX
 * compiler check (`src/integrations/mdx-policy.ts`) uses its body checker through this entry too;
 * no code outside `content-check/` imports from `lib/` (tests may).
 */
export { checkContent, type CheckOptions } from './lib/check.ts';
export { displayPath, formatProblem, formatSummary, formatText, toJson, type CheckResult } from './lib/report.ts';
export { scanContent, type FileIndex } from './lib/files.ts';
export { checkBody } from './lib/mdx.ts';
export type { LinkUse, Problem, Severity } from './lib/types.ts';
