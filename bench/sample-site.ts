/**
 * `npm run bench:sample`: one cold build of the sample site (`content/`) in a private copy of
 * the project, with its wall time and peak memory, and the weight of each reader page type:
 * gzip HTML plus the CSS it links, and the bytes of JavaScript it loads (scripts it links and
 * inline code; JSON-LD is data and not counted). Prints a Markdown table; writes nothing.
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { load } from 'cheerio';
import { createProjectCopy, nodeBinary, ROOT } from '../tests/support/build.ts';
import { measure } from './measure.ts';

const work = await mkdtemp(join(tmpdir(), 'szpalta-sample-'));
const project = join(work, 'project');
await createProjectCopy(project);
const env: NodeJS.ProcessEnv = {
  ...process.env,
  SZPALTA_CONTENT_DIR: join(ROOT, 'content'),
  ASTRO_TELEMETRY_DISABLED: '1',
  NO_COLOR: '1',
};
const result = await measure(nodeBinary(), [join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], {
  cwd: project,
  env,
  logFile: join(work, 'build.log'),
});
const dist = join(project, 'dist');
const files = (await readdir(dist, { recursive: true })).filter((file) => file.endsWith('.html'));
const readerPages = files.filter((file) => !file.startsWith('pagefind/') && !file.startsWith('admin/'));

const gzip = (bytes: Buffer | string) => gzipSync(bytes, { level: 9 }).length;
const fileOf = (href: string) => join(dist, decodeURI(href.split(/[?#]/)[0] ?? '').replace(/^\//, ''));

async function weigh(file: string) {
  const html = await readFile(join(dist, file), 'utf8');
  const $ = load(html);
  let css = 0;
  for (const element of $('link[rel="stylesheet"]').toArray()) {
    const href = $(element).attr('href') ?? '';
    if (href.startsWith('/')) css += gzip(await readFile(fileOf(href)));
  }
  let js = 0;
  for (const element of $('script').toArray()) {
    const script = $(element);
    if (script.attr('type') === 'application/ld+json') continue;
    const src = script.attr('src');
    js += src ? (await readFile(fileOf(src))).length : Buffer.byteLength(script.text());
  }
  return { html: gzip(html), css, js };
}

const types: [string, (file: string) => boolean][] = [
  ['article', (file) => /^artykuly\/[^/]+\/index\.html$/.test(file)],
  ['home', (file) => file === 'index.html'],
  ['tag', (file) => /^tagi\/[^/]+\/index\.html$/.test(file)],
  ['author', (file) => /^autorzy\/[^/]+\/index\.html$/.test(file)],
  ['search', (file) => file === 'szukaj/index.html'],
];

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
console.log(`Sample site: ${readerPages.length} reader pages (${files.length} HTML files with Pagefind's and the admin's)`);
console.log(
  `Cold build: ${(result.wallMs / 1000).toFixed(1)} s, peak memory ${result.peakRssBytes ? `${(result.peakRssBytes / 1024 ** 3).toFixed(2)} GB` : 'not measured'} (${result.memoryMethod})\n`,
);
console.log('| page type | pages | gzip HTML + CSS (largest) | of which CSS | JavaScript (bytes, largest) |');
console.log('|---|---:|---:|---:|---:|');
for (const [type, matches] of types) {
  const weights = await Promise.all(readerPages.filter(matches).map(weigh));
  if (weights.length === 0) continue;
  const heaviest = weights.reduce((a, b) => (a.html + a.css >= b.html + b.css ? a : b));
  const js = Math.max(...weights.map((weight) => weight.js));
  console.log(`| ${type} | ${weights.length} | ${kB(heaviest.html + heaviest.css)} | ${kB(heaviest.css)} | ${js} |`);
}
await rm(work, { recursive: true, force: true });
