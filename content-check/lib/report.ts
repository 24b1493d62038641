import { isAbsolute, relative, sep } from 'node:path';
import type { Problem } from './types.ts';

/** The outcome of a check over a content folder. */
export interface CheckResult {
  /** Absolute path of the checked content folder. */
  contentDir: string;
  /** Folder that reported paths are relative to. */
  root: string;
  /** How many content files (articles, pages, authors, tags, sponsors, settings) were read. */
  files: number;
  /** Every problem, sorted by file, line and column. */
  problems: Problem[];
  errors: number;
  warnings: number;
}

/** A path as the report prints it: relative to `root` with `/` separators, or absolute when outside it. */
export function displayPath(file: string, root: string): string {
  const path = relative(root, file);
  if (path.startsWith('..') || isAbsolute(path)) return file;
  return path.split(sep).join('/');
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** One problem as one line: `content/articles/x.mdx:3:1 title: title is required (add …)`. */
export function formatProblem(problem: Problem, root: string): string {
  const severity = problem.severity === 'warning' ? 'warning: ' : '';
  return `${displayPath(problem.file, root)}:${problem.line}:${problem.column} ${problem.rule}: ${severity}${problem.message} (${problem.fix})`;
}

/** The last line of the report. */
export function formatSummary(result: CheckResult): string {
  const files = plural(result.files, 'file', 'files');
  if (result.problems.length === 0) return `Content check: ${files} checked, no problems.`;
  const affected = new Set(result.problems.map((problem) => problem.file)).size;
  return `Content check: ${plural(result.errors, 'error', 'errors')} and ${plural(result.warnings, 'warning', 'warnings')} in ${affected} of ${files}.`;
}

/** The whole report for people: one line per problem, then the summary. */
export function formatText(result: CheckResult): string {
  return [...result.problems.map((problem) => formatProblem(problem, result.root)), formatSummary(result)].join('\n');
}

/** The report for machines. Paths are relative to the result's root, like in the text report. */
export function toJson(result: CheckResult) {
  return {
    contentDir: displayPath(result.contentDir, result.root),
    files: result.files,
    errors: result.errors,
    warnings: result.warnings,
    problems: result.problems.map((problem) => ({ ...problem, file: displayPath(problem.file, result.root) })),
  };
}
