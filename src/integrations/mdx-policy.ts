import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MarkdownProcessor, MdxRenderer } from 'astro/markdown';
import { checkBody, formatProblem, scanContent, type FileIndex, type LinkUse, type Problem } from '../../content-check/index.ts';

/** An MDX file that breaks the MDX policy; the message lists every problem as `file:line:column rule: message (fix)`. */
export class MdxPolicyError extends Error {
  readonly problems: Problem[];
  /** Where Astro's error overlay and log point. */
  readonly loc: { file: string; line: number; column: number };
  constructor(problems: Problem[], root: string) {
    super(
      `MDX content breaks the MDX policy, so it is not compiled:\n${problems.map((problem) => formatProblem(problem, root)).join('\n')}`,
    );
    this.name = 'MdxPolicyError';
    this.problems = problems;
    const first = problems[0] as Problem;
    this.loc = { file: first.file, line: first.line, column: first.column };
  }
}

/** How long the list of image files is trusted before a file with errors is checked again against a new one. */
const INDEX_LIFETIME_MS = 1000;

export interface MdxPolicyOptions {
  /** Absolute path of the content folder (image paths in bodies are checked against it). */
  contentDir: string;
  /** Project root, for the paths in messages. */
  root: string;
}

/**
 * The MDX policy's check of one file: `(file, content)` gives the errors `checkBody` finds in
 * `content` (the whole file, its front matter blanked out with spaces so that lines and
 * columns are the file's own), image paths checked against the files of `contentDir`.
 */
export function mdxPolicyCheck(contentDir: string): (file: string, content: string) => Problem[] {
  let index: FileIndex | undefined;
  let indexedAt = 0;
  const freshIndex = () => {
    index = scanContent(contentDir).index;
    indexedAt = Date.now();
    return index;
  };
  const errorsOf = (file: string, content: string, fileIndex: FileIndex) => {
    const problems: Problem[] = [];
    const links: LinkUse[] = [];
    checkBody(
      { file, relative: relative(contentDir, file).split(sep).join('/'), body: content, start: { line: 1, column: 1 }, pagePath: '/' },
      { index: fileIndex, adSlots: undefined, siteOrigin: undefined },
      problems,
      links,
    );
    return problems.filter((problem) => problem.severity === 'error');
  };
  return (file, content) => {
    let errors = errorsOf(file, content, index ?? freshIndex());
    // Images are listed once; a file with errors is checked again against a new list, in case an image was added since (astro dev).
    if (errors.length > 0 && Date.now() - indexedAt > INDEX_LIFETIME_MS) errors = errorsOf(file, content, freshIndex());
    return errors;
  };
}

/**
 * Wraps the Markdown processor that `@astrojs/mdx` compiles `.mdx` files with, so that every
 * MDX file outside `src/` (content: articles, pages, whatever path it came from) is checked
 * with the content check's MDX policy (`checkBody`) before it is compiled, and refused with
 * `file:line:column` when the check finds an error: no `import`/`export`, no expressions, no
 * forbidden elements or attributes. This holds even when the content check integration is off
 * or a loader reads a file the check never saw. MDX under `src/` is the site's own code.
 */
export function withMdxPolicy(processor: MarkdownProcessor, { contentDir, root }: MdxPolicyOptions): MarkdownProcessor {
  const create = processor.createMdxRenderer?.bind(processor);
  if (!create) return processor;
  const policyErrors = mdxPolicyCheck(contentDir);
  return {
    ...processor,
    async createMdxRenderer(shared, mdx): Promise<MdxRenderer> {
      const renderer = await create(shared, mdx);
      const srcDir = mdx.srcDir ? fileURLToPath(mdx.srcDir) : `${root}${sep}src${sep}`;
      return {
        async process(content, filePath, frontmatter) {
          const file = filePath.split('?')[0] ?? filePath;
          if (!file.startsWith(srcDir)) {
            const errors = policyErrors(file, content);
            if (errors.length > 0) throw new MdxPolicyError(errors, root);
          }
          return renderer.process(content, filePath, frontmatter);
        },
      };
    },
  };
}
