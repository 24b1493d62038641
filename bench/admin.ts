/**
 * `npm run bench:admin [-- --runs 5]`: the admin's first-screen costs, measured (never asserted
 * by a test): the gzip JavaScript it loads before the login screen, and the time from navigation
 * to the login button in a fresh Chromium profile, for each run (cold browser each time).
 * Uses the admin test harness: decap-server over a copy of the fixture content, the admin built
 * with Vite, served from 127.0.0.1.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { load } from 'cheerio';
import { FIXTURE_CONTENT, startCms } from '../tests/admin/support/cms.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs takes a positive integer, got "${values.runs}"`);

const times: number[] = [];
let initialGzip = 0;
for (let run = 0; run < runs; run += 1) {
  const cms = await startCms({ mode: 'fs', content: FIXTURE_CONTENT });
  try {
    if (run === 0) {
      const admin = join(cms.workDir, 'site/admin');
      const $ = load(await readFile(join(admin, 'index.html'), 'utf8'));
      const files = [
        ...$('script[type="module"][src]')
          .map((_, element) => $(element).attr('src'))
          .get(),
        ...$('link[rel="modulepreload"][href]')
          .map((_, element) => $(element).attr('href'))
          .get(),
      ];
      for (const file of files) initialGzip += gzipSync(await readFile(join(admin, file.replace(/^\/admin\//, '')))).length;
    }
    const started = performance.now();
    await cms.page.goto(cms.adminUrl);
    await cms.page.getByRole('button', { name: 'Zaloguj się' }).waitFor();
    times.push(performance.now() - started);
  } finally {
    await cms.close();
  }
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)] ?? 0;
console.log(`admin initial JavaScript: ${(initialGzip / 1_000_000).toFixed(3)} MB gzip`);
console.log(
  `login screen in a fresh browser: median ${Math.round(median)} ms, range ${Math.round(times[0] ?? 0)}–${Math.round(times.at(-1) ?? 0)} ms over ${runs} runs`,
);
