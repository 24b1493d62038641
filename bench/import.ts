/**
 * Benchmark of the WordPress importer (not a test): generates a WXR export with many posts
 * (classic and block content, captioned images, galleries, embeds, an unknown shortcode, links
 * between posts) and a matching uploads folder in a temporary directory, times
 * `npm run import:wordpress` over it and measures its peak memory, then builds the site from an
 * import of a smaller export of the same kind and measures that build.
 *
 *   npm run bench:import [-- --posts 10000 --build 1000 --keep --no-write]   (--build 0: the import alone)
 *
 * Writes its section of BENCHMARKS.md. The imported content must pass the content check (the
 * build runs it first), or the benchmark fails.
 */
import { createWriteStream } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { createProjectCopy, nodeBinary, ROOT } from '../tests/support/build.ts';
import { benchArgs } from './args.ts';
import { measure, type Measurement } from './measure.ts';
import { writeSection } from './report-section.ts';
import { seededRandom } from './synthetic-content.ts';

const values = benchArgs({ posts: 10_000, build: 1000 }, ['keep', 'no-write']);
const postCount = values.posts;
const buildCount = values.build;
const REPORT = join(ROOT, 'BENCHMARKS.md');
const SITE = 'https://archiwum.example';
const IMAGES = 30;
const TIME = '/usr/bin/time';

const words = (
  'prawo ochrona danych osobowych bezpieczeństwo sieci sklep internetowy konsument reklamacja umowa regulamin ' +
  'przedsiębiorca urząd kara wyciek informacji hasło logowanie bank przelew oszustwo fałszywy komunikat wiadomość ' +
  'zgłoszenie platforma użytkownik sąd wyrok ustawa rozporządzenie dyrektywa obowiązek termin żądanie zgoda źródło'
).split(' ');

function permalink(id: number): string {
  const day = new Date(Date.UTC(2015, 0, 1) + id * 3_600_000 * 7);
  const path = day.toISOString().slice(0, 10).replace(/-/g, '/');
  return `${SITE}/${path}/wpis-numer-${id}/`;
}

/** Writes an export of `count` posts to `file`, one item at a time. */
async function writeExport(file: string, count: number): Promise<void> {
  // Seeded, so every run imports the same export.
  const next = seededRandom(count);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  const sentence = () => {
    const length = 8 + Math.floor(next() * 12);
    const text = Array.from({ length }, () => pick(words)).join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const paragraph = () => Array.from({ length: 3 + Math.floor(next() * 3) }, sentence).join(' ');
  const out = createWriteStream(file);
  const write = (text: string) =>
    out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve()));
  await write(`<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Archiwum</title>
<link>${SITE}</link>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:base_blog_url>${SITE}</wp:base_blog_url>
`);
  for (let author = 1; author <= 12; author++) {
    await write(
      `<wp:author><wp:author_login><![CDATA[autor${author}]]></wp:author_login><wp:author_display_name><![CDATA[Autor Żółć ${author}]]></wp:author_display_name></wp:author>\n`,
    );
  }
  for (let image = 1; image <= IMAGES; image++) {
    await write(`<item><title>foto ${image}</title><wp:post_id>${900_000 + image}</wp:post_id><wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status>
<wp:attachment_url>${SITE}/wp-content/uploads/2020/01/foto-${image}.jpg</wp:attachment_url><excerpt:encoded><![CDATA[Zdjęcie numer ${image}. Foto: PAP]]></excerpt:encoded>
<wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value><![CDATA[Ilustracja ${image}]]></wp:meta_value></wp:postmeta></item>\n`);
  }
  for (let id = 1; id <= count; id++) {
    const image = 1 + (id % IMAGES);
    const other = 1 + Math.floor(next() * count);
    const block = id % 2 === 0;
    const body = block
      ? `<!-- wp:paragraph -->\n<p>${paragraph()} Zobacz <a href="${permalink(other)}">wpis ${other}</a> i {klamry}.</p>\n<!-- /wp:paragraph -->
<!-- wp:heading -->\n<h2 class="wp-block-heading">${sentence()}</h2>\n<!-- /wp:heading -->
<!-- wp:image {"id":${900_000 + image}} -->\n<figure class="wp-block-image"><img src="${SITE}/wp-content/uploads/2020/01/foto-${image}-1024x683.jpg" alt="Ilustracja ${image}"/><figcaption>${sentence()} Foto: PAP</figcaption></figure>\n<!-- /wp:image -->
<!-- wp:paragraph -->\n<p>${paragraph()}</p>\n<!-- /wp:paragraph -->
<!-- wp:quote -->\n<blockquote class="wp-block-quote"><p>${sentence()}</p><cite>Rzecznik urzędu</cite></blockquote>\n<!-- /wp:quote -->
<!-- wp:list -->\n<ul><li>${sentence()}</li><li>${sentence()}</li></ul>\n<!-- /wp:list -->
<!-- wp:embed {"url":"https://www.youtube.com/watch?v=v${id}"} -->\n<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">https://www.youtube.com/watch?v=v${id}</div></figure>\n<!-- /wp:embed -->
<!-- wp:paragraph -->\n<p>${paragraph()} (PAP)</p>\n<!-- /wp:paragraph -->`
      : `${paragraph()}\n${sentence()} &bdquo;Cytat&rdquo; *gwiazdki* i {klamry}.

[caption id="attachment_${900_000 + image}" width="640"]<img src="${SITE}/wp-content/uploads/2020/01/foto-${image}-1024x683.jpg" alt="Ilustracja ${image}" /> ${sentence()} Fot. Jan Nowak[/caption]

${paragraph()} Zobacz <a href="${permalink(other)}">wpis ${other}</a>.

[gallery ids="${900_000 + image},${900_000 + 1 + ((image + 1) % IMAGES)}"]

[related posts="3"]

${paragraph()}

[embed]https://www.youtube.com/watch?v=c${id}[/embed]

${paragraph()}`;
    const date = new Date(Date.UTC(2015, 0, 1) + id * 3_600_000 * 7).toISOString().replace('T', ' ').slice(0, 19);
    await write(`<item>
<title><![CDATA[Wpis numer ${id}: ${sentence()}]]></title>
<link>${permalink(id)}</link>
<dc:creator><![CDATA[autor${1 + (id % 12)}]]></dc:creator>
<content:encoded><![CDATA[${body}]]></content:encoded>
<excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>${id}</wp:post_id>
<wp:post_date_gmt>${date}</wp:post_date_gmt>
<wp:post_name>wpis-numer-${id}</wp:post_name>
<wp:status>${id % 50 === 0 ? 'draft' : 'publish'}</wp:status>
<wp:post_type>post</wp:post_type>
<category domain="category" nicename="dzial-${id % 40}"><![CDATA[Dział ${id % 40}]]></category>
<category domain="post_tag" nicename="temat-${id % 60}"><![CDATA[Temat ${id % 60}]]></category>
<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>${900_000 + image}</wp:meta_value></wp:postmeta>
<wp:comment><wp:comment_id>${id}</wp:comment_id><wp:comment_author>Czytelnik</wp:comment_author><wp:comment_date_gmt>${date}</wp:comment_date_gmt><wp:comment_content>Dziękuję.</wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_parent>0</wp:comment_parent></wp:comment>
</item>\n`);
  }
  await write('</channel>\n</rss>\n');
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

async function writeUploads(dir: string): Promise<void> {
  await mkdir(join(dir, '2020', '01'), { recursive: true });
  for (let image = 1; image <= IMAGES; image++) {
    await sharp({ create: { width: 800, height: 533, channels: 3, background: { r: (image * 37) % 255, g: 90, b: 140 } } })
      .jpeg({ quality: 70 })
      .toFile(join(dir, '2020', '01', `foto-${image}.jpg`));
  }
}

async function countFiles(dir: string): Promise<number> {
  return (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).length;
}

const mb = (bytes: number | undefined) => (bytes === undefined ? 'n/a' : `${(bytes / 1024 ** 2).toFixed(0)} MB`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Ends the run early (\`--build 0\`). */
class Skip extends Error {}

const work = await mkdtemp(join(tmpdir(), 'szpalta-bench-import-'));
try {
  const uploads = join(work, 'uploads');
  await writeUploads(uploads);

  /** Imports an export of `count` posts into a fresh copy of the fixture content; returns the measurement. */
  const importRun = async (
    count: number,
    name: string,
  ): Promise<{ measured: Measurement; cpuMs: number; contentDir: string; bytes: number; files: number }> => {
    const wxr = join(work, `${name}.xml`);
    await writeExport(wxr, count);
    const contentDir = join(work, name, 'content');
    await cp(join(ROOT, 'tests', 'wordpress-import', 'fixtures', 'content'), contentDir, { recursive: true });
    const args = [
      join(ROOT, 'wordpress-import', 'index.ts'),
      wxr,
      '--uploads',
      uploads,
      '--content-dir',
      contentDir,
      '--comments-out',
      join(work, name, 'comments.json'),
      '--json',
    ];
    console.log(`[bench] importing ${count} posts (${mb((await stat(wxr)).size)} of WXR)…`);
    // GNU time adds the CPU time: on a shared machine the wall time also counts waiting for a core.
    const logFile = join(work, `${name}-import.log`);
    const measured = await measure(TIME, ['-f', 'cpu %U %S', nodeBinary(), ...args], { cwd: ROOT, env: process.env, logFile });
    const log = await readFile(logFile, 'utf8');
    const report = JSON.parse(log.slice(log.indexOf('{'), log.lastIndexOf('}') + 1)) as { counts: Record<string, number> };
    const [user = 0, system = 0] = (/cpu ([\d.]+) ([\d.]+)/.exec(log) ?? []).slice(1).map(Number);
    const cpuMs = (user + system) * 1000;
    console.log(
      `[bench] ${seconds(measured.wallMs)} (CPU ${seconds(cpuMs)}), peak ${mb(measured.peakRssBytes)}: ${JSON.stringify(report.counts)}`,
    );
    return { measured, cpuMs, contentDir, bytes: (await stat(wxr)).size, files: await countFiles(contentDir) };
  };

  const big = await importRun(postCount, 'large');
  if (buildCount === 0) throw new Skip();
  const small = buildCount === postCount ? big : await importRun(buildCount, 'small');

  console.log(`[bench] building the site from ${buildCount} imported posts…`);
  const projectDir = join(work, 'project');
  await createProjectCopy(projectDir);
  const build = await measure(nodeBinary(), [join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], {
    cwd: projectDir,
    env: {
      ...process.env,
      SZPALTA_CONTENT_DIR: small.contentDir,
      SZPALTA_CACHE_DIR: join(projectDir, '.cache'),
      ASTRO_TELEMETRY_DISABLED: '1',
    },
    logFile: join(work, 'build.log'),
  });
  const pages = (await readdir(join(projectDir, 'dist'), { recursive: true })).filter((file) => file.endsWith('.html')).length;
  console.log(`[bench] build ${seconds(build.wallMs)}, peak ${mb(build.peakRssBytes)}, ${pages} HTML pages`);

  const date = new Date().toISOString().slice(0, 10);
  // The machine is shared: the 1-minute load average at the end says how busy it was.
  const load = loadavg()[0]?.toFixed(1) ?? 'n/a';
  const section = `## WordPress import

Written by \`npm run bench:import\` (\`bench/import.ts\`); do not edit by hand. A generated WXR export
(half classic posts with \`[caption]\`, \`[gallery]\`, \`[embed]\` and an unknown shortcode, half
Gutenberg posts with image, quote, list and embed blocks; every post with a featured image, two
tags, a comment and a link to another post; one in 50 a draft; ${IMAGES} distinct 800×533 JPEG
uploads referenced as size variants) is imported into a fresh content folder; then the site is
built from an import of ${buildCount.toLocaleString('en')} posts of the same kind. Targets (issue 8): import ≤ 60 s and ≤ 1 GB for 10,000 posts.

| what | posts | WXR | wall time | CPU time | peak memory | files | load average | date |
|---|---:|---:|---:|---:|---:|---:|---:|---|
| import | ${postCount.toLocaleString('en')} | ${mb(big.bytes)} | ${seconds(big.measured.wallMs)} | ${seconds(big.cpuMs)} | ${mb(big.measured.peakRssBytes)} | ${big.files.toLocaleString('en')} | ${load} | ${date} |
${small === big ? '' : `| import | ${buildCount.toLocaleString('en')} | ${mb(small.bytes)} | ${seconds(small.measured.wallMs)} | ${seconds(small.cpuMs)} | ${mb(small.measured.peakRssBytes)} | ${small.files.toLocaleString('en')} | ${load} | ${date} |\n`}| build of that import | ${buildCount.toLocaleString('en')} | | ${seconds(build.wallMs)} | | ${mb(build.peakRssBytes)} | ${pages.toLocaleString('en')} HTML pages | ${load} | ${date} |

The build was measured at ${buildCount.toLocaleString('en')} posts: on this shared ${cpus().length}-core, ${(totalmem() / 1024 ** 3).toFixed(0)} GB machine a
10,000-article build takes minutes and several GB (see the build benchmark above for how builds scale). Every
imported article uses a component (Figure, Embed, Quote), so every one is compiled as an MDX module, the
slow path of \`src/loaders/content.ts\`; the redirect pages add one small page per old address. Wall
times count waiting for a core while other work runs (load average column); CPU time does not.
`;
  console.log(`\n${section}`);
  if (!values['no-write']) {
    await writeSection(REPORT, 'wordpress-import', section);
    console.log(`[bench] wrote ${REPORT}`);
  }
} catch (error) {
  if (!(error instanceof Skip)) throw error;
  console.log('[bench] --build 0: no build, nothing written to BENCHMARKS.md');
} finally {
  if (values.keep) console.log(`[bench] kept ${work}`);
  else await rm(work, { recursive: true, force: true });
}
