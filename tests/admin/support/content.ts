import { join, resolve } from 'node:path';
import { checkContent, formatProblem } from '../../../content-check/index.ts';
import { ROOT } from './cms.ts';

/**
 * Runs the project's content check (`npm run check:content`) on a content folder the CMS
 * wrote to; throws with its report when it finds errors in `files` (paths relative to the
 * content folder), or anywhere when no files are given.
 */
export async function expectContentCheckPasses(contentDir: string, files?: readonly string[]): Promise<void> {
  const result = await checkContent({ contentDir, publicDir: join(ROOT, 'public'), root: contentDir });
  const wanted = files && new Set(files.map((file) => resolve(contentDir, file)));
  const errors = result.problems.filter((problem) => problem.severity === 'error' && (!wanted || wanted.has(resolve(problem.file))));
  if (errors.length > 0) {
    throw new Error(`The content check failed:\n${errors.map((problem) => formatProblem(problem, contentDir)).join('\n')}`);
  }
}
