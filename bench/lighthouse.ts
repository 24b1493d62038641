/**
 * Lighthouse scores (issue 5), not part of `npm test`: `npm run lighthouse [-- --content <dir>]`.
 *
 * Builds the portal from `content/` (or `--content`) in a private project copy, serves it on
 * 127.0.0.1 with the `_headers` rules, and runs Lighthouse with its default mobile settings in
 * Debian's Chromium on one page of each type. Prints the four category scores per page.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import lighthouse from 'lighthouse';
import { astroBuild, createProjectCopy, ROOT } from '../tests/support/build.ts';
import { CHROMIUM, CHROMIUM_FLAGS } from '../tests/support/browser.ts';
import { startStaticServer } from '../tests/support/static-server.ts';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

const { values } = parseArgs({
  options: { content: { type: 'string', default: join(ROOT, 'content') }, keep: { type: 'boolean', default: false } },
});
const contentDir = resolve(values.content);

/** Starts headless Chromium with a DevTools port of its choosing; resolves with the port. */
function startChromium(profile: string): Promise<{ port: number; process: ChildProcess }> {
  const child = spawn(
    CHROMIUM,
    [
      '--headless',
      ...CHROMIUM_FLAGS,
      `--user-data-dir=${profile}`,
      '--remote-debugging-address=127.0.0.1',
      '--remote-debugging-port=0',
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  return new Promise((resolvePort, reject) => {
    let output = '';
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`Chromium exited with code ${code}: ${output}`)));
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const port = /DevTools listening on ws:\/\/127\.0\.0\.1:(\d+)\//.exec(output)?.[1];
      if (port) resolvePort({ port: Number(port), process: child });
    });
  });
}

/** The first entry of a built folder (`dist/artykuly/<first>/`), for a page of that type. */
async function first(dist: string, folder: string): Promise<string> {
  const names = (await readdir(join(dist, folder))).filter((name) => !name.includes('.')).sort();
  if (!names[0]) throw new Error(`the build has no page under /${folder}/`);
  return `/${folder}/${names[0]}/`;
}

const work = await mkdtemp(join(tmpdir(), 'szpalta-lighthouse-'));
try {
  const project = join(work, 'project');
  console.log(`[lighthouse] building ${contentDir} in ${project}`);
  await createProjectCopy(project);
  await astroBuild({ projectDir: project, contentDir, logFile: join(work, 'build.log') });
  const dist = join(project, 'dist');
  const pages = {
    home: '/',
    article: await first(dist, 'artykuly'),
    tag: await first(dist, 'tagi'),
    author: await first(dist, 'autorzy'),
    search: '/szukaj/',
  };
  const server = await startStaticServer(dist);
  const chromium = await startChromium(join(work, 'profile'));
  const rows: Record<string, Record<string, number | string>> = {};
  try {
    for (const [type, path] of Object.entries(pages)) {
      const result = await lighthouse(`${server.origin}${path}`, {
        port: chromium.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
      const row: Record<string, number | string> = { path };
      for (const category of CATEGORIES) row[category] = Math.round((result.lhr.categories[category]?.score ?? 0) * 100);
      row['CLS'] = result.lhr.audits['cumulative-layout-shift']?.numericValue ?? 'n/a';
      rows[type] = row;
      console.log(`[lighthouse] ${type} ${path}: ${CATEGORIES.map((category) => `${category} ${row[category]}`).join(', ')}`);
      for (const category of CATEGORIES) {
        // Only audits that weigh in the score; insights and diagnostics carry no weight.
        const lost = result.lhr.categories[category]?.auditRefs
          .filter((ref) => ref.weight > 0)
          .map((ref) => result.lhr.audits[ref.id])
          .filter((audit) => audit?.score !== null && audit?.score !== undefined && audit.score < 1)
          .map((audit) => `${audit?.id ?? ''} (${audit?.displayValue ?? audit?.score ?? ''})`);
        if (lost && lost.length > 0) console.log(`             ${category} below 100 on: ${lost.join(', ')}`);
      }
    }
  } finally {
    chromium.process.removeAllListeners('exit');
    chromium.process.kill();
    await server.close();
  }
  console.table(rows);
} finally {
  if (values.keep) console.log(`[lighthouse] kept ${work}`);
  else await rm(work, { recursive: true, force: true });
}
