import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import { loadConfig } from '../comments/config.ts';
import type { CommentTable } from '../comments/db.ts';
import { createService } from '../comments/service.ts';
import { postgresBin, startPostgres, type Postgres } from '../tests/comments/support/postgres.ts';
import { ROOT } from '../tests/support/build.ts';
import { writeSection } from './report-section.ts';

/**
 * `npm run bench:comments`: reading one article's comments (`GET /api/comments`, first page,
 * anonymous reader) at a steady load with autocannon on 127.0.0.1, with `--comments` (10,000)
 * approved comments stored on that article (one in five a reply), on SQLite and, when Debian's
 * PostgreSQL is installed, on PostgreSQL. Requests per second and latency percentiles go to
 * BENCHMARKS.md. `--no-write` only prints.
 */
const { values } = parseArgs({
  options: {
    comments: { type: 'string', default: '10000' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    'no-write': { type: 'boolean', default: false },
  },
});
const total = Number(values.comments);
const duration = Number(values.seconds);
const connections = Number(values.connections);

const contentDir = join(ROOT, 'content');
const firstArticle = (await readdir(join(contentDir, 'articles'))).find((name) => name.endsWith('.mdx'));
if (!firstArticle) throw new Error(`${contentDir}/articles has no article to comment on`);
const article = firstArticle.replace(/\.mdx$/, '');

interface Row {
  backend: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

async function run(backend: string, databaseUrl: string): Promise<Row> {
  const config = loadConfig(ROOT, {
    COMMENTS_DATABASE_URL: databaseUrl,
    COMMENTS_SECRET: randomBytes(32).toString('base64url'),
    COMMENTS_PORT: '0',
  });
  const service = await createService(config);
  const { db } = service.database;
  const start = Date.parse('2026-01-01T00:00:00Z');
  const parents: string[] = [];
  const rows: CommentTable[] = [];
  for (let index = 0; index < total; index += 1) {
    const reply = index % 5 === 4 && parents.length > 0;
    const id = randomUUID();
    if (!reply) parents.push(id);
    rows.push({
      id,
      article,
      parent_id: reply ? (parents[Math.floor(index / 7) % parents.length] as string) : null,
      user_id: null,
      author_name: `Czytelnik ${index % 300}`,
      text: `Komentarz numer ${index}. Zgadzam się z autorem, ale warto dodać, że przepisy wchodzą w życie etapami: https://szpalta.example/artykuly/${article}/`,
      status: 'approved',
      created_at: new Date(start + index * 60_000).toISOString(),
      edited_at: null,
      import_key: null,
    });
  }
  for (let offset = 0; offset < rows.length; offset += 500)
    await db
      .insertInto('comment')
      .values(rows.slice(offset, offset + 500))
      .execute();

  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const running = serve({ fetch: service.app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(running));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}/api/comments?article=${article}`;
  const check = await fetch(url);
  const body = (await check.json()) as { count: number; comments: unknown[] };
  if (!check.ok || body.count !== total)
    throw new Error(`${backend}: ${url} answered ${check.status} with count ${body.count}, expected ${total}`);
  const result = await autocannon({ url, connections, duration });
  // autocannon drops its last requests unanswered; their handlers finish before the database closes.
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  });
  await new Promise((resolve) => setTimeout(resolve, 2000));
  await service.close();
  return {
    backend,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

const loadBefore = loadavg()[0]?.toFixed(1) ?? 'unknown';
const results: Row[] = [];
const dir = await mkdtemp(join(tmpdir(), 'szpalta-bench-comments-'));
let postgres: Postgres | undefined;
try {
  results.push(await run('SQLite (better-sqlite3)', join(dir, 'bench.sqlite')));
  const bin = postgresBin();
  if (bin) {
    postgres = await startPostgres(bin);
    results.push(await run('PostgreSQL', postgres.url));
  } else {
    console.warn('[bench] PostgreSQL not found under /usr/lib/postgresql: measured SQLite only.');
  }
} finally {
  await postgres?.stop();
  await rm(dir, { recursive: true, force: true });
}

const table = [
  '| database | requests/s | p50 latency | p99 latency | errors |',
  '|---|---:|---:|---:|---:|',
  ...results.map(
    (row) =>
      `| ${row.backend} | ${Math.round(row.requestsPerSecond).toLocaleString('en')} | ${row.p50} ms | ${row.p99} ms | ${row.errors} |`,
  ),
].join('\n');
const section = `## Comment service

Written by \`npm run bench:comments\` (\`bench/comments.ts\`). One article with ${total.toLocaleString('en')} approved comments
(one in five a reply); an anonymous reader's \`GET /api/comments?article=…\` (the first 50 threads with their
replies and the approved count), ${connections} connections for ${duration} s with autocannon, the service and the
load generator on the same ${cpus().length}-core machine (127.0.0.1), ${new Date().toISOString().slice(0, 10)}; load average
before the run ${loadBefore}, so the machine was shared (figures on an idle machine are higher).

${table}
`;
console.log(`\n${section}`);
if (!values['no-write']) {
  await writeSection(join(ROOT, 'BENCHMARKS.md'), 'comments', section);
  console.log('[bench] wrote BENCHMARKS.md');
}
