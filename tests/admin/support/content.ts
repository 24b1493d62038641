import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'astro/zod';
import matter from 'gray-matter';
import { articleSchema, type ReferencedCollection } from '../../../src/schemas/index.ts';
import { checkBody, describeProblems } from '../../../admin/src/mdx/policy.ts';

/**
 * Checks an article file the CMS wrote: its frontmatter against the article schema (image
 * paths must name files in `content/images/`, references existing entries) and its body
 * against the MDX rules. Returns the parsed frontmatter; throws naming every problem.
 */
export async function checkArticleFile(contentDir: string, file: string): Promise<Record<string, unknown>> {
  const text = await readFile(join(contentDir, 'articles', file), 'utf8');
  const { data, content } = matter(text);
  const image = () =>
    z.string().refine((path) => /^\.\.\/images\/[\w./-]+\.(jpe?g|png|webp)$/i.test(path) && existsSync(join(contentDir, 'articles', path)), {
      error: 'must be ../images/<file> of an existing JPEG, PNG or WebP file',
    });
  const reference = (collection: ReferencedCollection) =>
    z.string().refine((slug) => existsSync(join(contentDir, collection, `${slug}.yml`)), { error: `must name a file of content/${collection}/` });
  const parsed = articleSchema({ image, reference }).safeParse(data);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)),
    ...(checkBody(content).length > 0 ? [describeProblems(checkBody(content))] : []),
  ];
  if (problems.length > 0) throw new Error(`${file}:\n${problems.join('\n')}\n--- file ---\n${text}`);
  return data;
}
