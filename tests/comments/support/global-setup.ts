import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { astroBuild, createProjectCopy } from '../../support/build.ts';
import { prepareFixture } from '../../support/fixture.ts';
import { freePort, startService } from './service.ts';

/** What the comment tests get from the setup. */
export interface CommentsFixture {
  /** The built site, with comments configured at `servicePort`. */
  dist: string;
  /** Its content folder (the service reads articles from it). */
  contentDir: string;
  /** Port the site's pages expect the comment service on. */
  servicePort: number;
  workDir: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    comments: CommentsFixture;
  }
}

/** The article with comments that the tests use, and one that turns them off. */
export const ARTICLE = 'kary-rodo-dla-sklepow';
export const NO_COMMENTS_ARTICLE = 'regulamin-sklepu-internetowego';
/** Approved comments stored before the build: the article page must say "Komentarze (2)". */
export const SEEDED_COUNT = 2;

/**
 * Builds the full fixture site with a `comments:` section pointing at a free port, while a
 * comment service with two approved comments runs there (so the count is baked in), then
 * stops that service. Each test file starts its own service on the same port.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const workDir = await mkdtemp(join(tmpdir(), 'szpalta-comments-'));
  const contentDir = join(workDir, 'content');
  const projectDir = join(workDir, 'project');
  const servicePort = await freePort();
  await prepareFixture('full', contentDir, new Date());
  await appendFile(
    join(contentDir, 'settings/site.yml'),
    `\ncomments:\n  enabled: true\n  url: http://127.0.0.1:${servicePort}\n  port: ${servicePort}\n  moderation: first\n`,
  );
  const off = join(contentDir, 'articles', `${NO_COMMENTS_ARTICLE}.mdx`);
  await writeFile(off, (await readFile(off, 'utf8')).replace(/^---\n/, '---\ncomments: false\n'));

  const seed = await startService({ contentDir, databaseUrl: join(workDir, 'seed.sqlite'), port: servicePort });
  const now = Date.now();
  for (let index = 0; index < SEEDED_COUNT; index += 1) {
    await seed.service.database.db
      .insertInto('comment')
      .values({
        id: randomUUID(),
        article: ARTICLE,
        parent_id: null,
        user_id: null,
        author_name: `Czytelnik ${index + 1}`,
        text: 'Komentarz z bazy.',
        status: 'approved',
        created_at: new Date(now - index * 1000).toISOString(),
        edited_at: null,
        import_key: null,
      })
      .execute();
  }
  const started = Date.now();
  try {
    await createProjectCopy(projectDir);
    await astroBuild({ projectDir, contentDir, logFile: join(workDir, 'build.log') });
  } finally {
    await seed.close();
  }
  console.log(`[comments] fixture site built in ${((Date.now() - started) / 1000).toFixed(1)} s: ${join(projectDir, 'dist')}`);
  project.provide('comments', { dist: join(projectDir, 'dist'), contentDir, servicePort, workDir });
  return async () => {
    if (process.env['SZPALTA_TEST_KEEP_BUILD'] !== '1') await rm(workDir, { recursive: true, force: true });
  };
}
