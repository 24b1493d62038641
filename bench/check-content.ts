/**
 * Benchmark of the content check (not a test): generates a content folder with many Polish
 * articles in a temporary directory and times `checkContent` over it, in this process and as
 * the `npm run check:content` command would run it.
 *
 *   npm run bench:check [-- --articles 5000 --runs 3 --workers N --keep]
 *
 * Prints the wall time of each run, the CPU time (all threads) and the peak resident memory,
 * and adds a row to the "Content check" section of BENCHMARKS.md with the machine's load. On a
 * busy machine the wall time mostly measures the other processes; the CPU time does not. The generated content is valid: the check must report no problems, or
 * the benchmark fails.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkContent, formatText } from '../content-check/index.ts';
import { benchArgs } from './args.ts';
import { writeSection } from './report-section.ts';
import { seededRandom } from './synthetic-content.ts';

const values = benchArgs({ articles: 5000, runs: 3, workers: undefined }, ['keep']);
const articleCount = values.articles;
const runs = values.runs;
const workers = values.workers;

const words = (
  'prawo ochrona danych osobowych bezpieczeństwo sieci sklep internetowy konsument reklamacja umowa ' +
  'regulamin przedsiębiorca urząd kara administracyjna wyciek informacji hasło logowanie bank przelew ' +
  'oszustwo fałszywy komunikat wiadomość zgłoszenie platforma użytkownik sąd wyrok orzeczenie ustawa ' +
  'rozporządzenie dyrektywa obowiązek termin żądanie zgoda przetwarzanie administrator podmiot ryzyko ' +
  'incydent zespół reagowania certyfikat faktura podatek źródło ważność uprawnienia dostęp łączność'
).split(' ');

const authors = Array.from({ length: 12 }, (_, index) => `autor-${index + 1}`);
const tags = Array.from({ length: 40 }, (_, index) => `temat-${index + 1}`);
const images = Array.from({ length: 20 }, (_, index) => `foto-${index + 1}.jpg`);

function sentence(next: () => number, length: number): string {
  const picked = Array.from({ length }, () => words[Math.floor(next() * words.length)] ?? 'prawo');
  const text = picked.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function paragraph(next: () => number, sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(next, 8 + Math.floor(next() * 10))).join(' ');
}

function article(index: number): string {
  // Seeded, so every run checks the same text.
  const next = seededRandom(index + 1);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  const day = String(1 + (index % 28)).padStart(2, '0');
  const month = String(1 + (index % 10)).padStart(2, '0');
  const other = `artykul-${(index * 7919) % articleCount}`;
  const blocks = [
    paragraph(next, 4),
    `## ${sentence(next, 4).slice(0, -1)}`,
    `${paragraph(next, 5)} Zobacz też [powiązany tekst](/artykuly/${other}/) i [temat](/tagi/${pick(tags)}/).`,
    `- ${sentence(next, 6)}\n- **${sentence(next, 3)}** i *${sentence(next, 3)}*\n- Cena \\{brutto\\}: 5 \\< 7 &gt; 3 „w cudzysłowie”`,
    paragraph(next, 6),
    `### ${sentence(next, 3).slice(0, -1)}`,
    paragraph(next, 5),
    index % 5 === 0
      ? `<Figure src="../images/${pick(images)}" alt="${sentence(next, 5)}" caption="${sentence(next, 6)}" credit="Szpalta" />`
      : paragraph(next, 3),
    index % 5 === 1 ? `<Callout type="warning" title="Uwaga">\n${paragraph(next, 2)}\n</Callout>` : paragraph(next, 4),
    index % 7 === 0 ? `<Quote author="Jan Kowalski" source="rzecznik">\n${sentence(next, 12)}\n</Quote>` : paragraph(next, 4),
    `## ${sentence(next, 3).slice(0, -1)}`,
    paragraph(next, 6),
    '{/* uwaga redakcji: sprawdzić przed publikacją */}',
    `${paragraph(next, 4)} Autor: [profil](/autorzy/${pick(authors)}/).`,
  ];
  // Two different tags: the schema refuses a tag listed twice.
  const firstTag = pick(tags);
  const secondTag = pick(tags.filter((tag) => tag !== firstTag));
  const front = [
    '---',
    `title: "${sentence(next, 7).slice(0, -1)}"`,
    `lead: "${sentence(next, 20)}"`,
    `pubDate: 2025-${month}-${day}T${String(index % 24).padStart(2, '0')}:00:00+01:00`,
    `authors: [${pick(authors)}]`,
    `tags: [${firstTag}, ${secondTag}]`,
    'hero:',
    `  image: ../images/${pick(images)}`,
    `  alt: "${sentence(next, 6)}"`,
    '---',
  ];
  return `${front.join('\n')}\n\n${blocks.join('\n\n')}\n`;
}

function generate(root: string): string {
  const content = join(root, 'content');
  for (const folder of ['articles', 'authors', 'tags', 'pages', 'settings', 'images'])
    mkdirSync(join(content, folder), { recursive: true });
  writeFileSync(
    join(content, 'settings', 'site.yml'),
    'name: Szpalta\ndescription: Benchmark\nurl: https://szpalta.example\npageSize: 10\nads:\n  slots:\n    - id: in-article\n      width: 300\n      height: 250\n',
  );
  for (const author of authors)
    writeFileSync(join(content, 'authors', `${author}.yml`), `name: Autor ${author.slice(6)}\nrole: redaktor\n`);
  for (const tag of tags) writeFileSync(join(content, 'tags', `${tag}.yml`), `name: Temat ${tag.slice(6)}\n`);
  writeFileSync(join(content, 'pages', 'o-nas.mdx'), '---\ntitle: O nas\n---\n\nRedakcja.\n');
  for (const image of images) writeFileSync(join(content, 'images', image), 'not decoded by the check');
  let bytes = 0;
  for (let index = 0; index < articleCount; index++) {
    const text = article(index);
    bytes += Buffer.byteLength(text);
    writeFileSync(join(content, 'articles', `artykul-${index}.mdx`), text);
  }
  console.log(`generated ${articleCount} articles, ${(bytes / 1e6).toFixed(1)} MB, in ${content}`);
  return content;
}

const REPORT = fileURLToPath(new URL('../BENCHMARKS.md', import.meta.url));
const COLUMNS = 9;

/** The rows already in the content check's section, padded to the current columns. */
async function earlierRows(): Promise<string[]> {
  const text = await readFile(REPORT, 'utf8').catch(() => '');
  const section = /<!-- section:content-check -->([\s\S]*?)<!-- \/section:content-check -->/.exec(text)?.[1] ?? '';
  return section
    .split('\n')
    .filter((line) => /^\| \d{4}-/.test(line))
    .map((line) => {
      const cells = line.split('|').length - 2;
      return `${line}${' – |'.repeat(Math.max(0, COLUMNS - cells))}`;
    });
}

/** Adds `row` to the content check's section of BENCHMARKS.md, below the earlier rows. */
async function writeReport(row: string): Promise<void> {
  const rows = [...(await earlierRows()), row];
  const body = [
    '## Content check',
    '',
    'Written by `npm run bench:check` (`bench/check-content.ts`): the content check over generated articles',
    '(Polish-like text with headings, lists, links, escapes and one component in five). Target: under 10 s',
    'for 5,000 articles. CPU time is user + system time of all threads: on the shared machine the wall',
    'time depends mostly on the load, the CPU time does not.',
    '',
    '| date | articles | in process, each run | as a command | peak RSS | workers | load average before → after (1, 5, 15 min) | CPU, in process | CPU, as a command |',
    '|---|---:|---|---:|---:|---:|---|---|---:|',
    ...rows,
    '',
    `Machine: ${cpus()[0]?.model.trim() ?? 'unknown'}, ${availableParallelism()} cores, Node ${process.versions.node}.`,
  ].join('\n');
  await writeSection(REPORT, 'content-check', body);
}

const root = mkdtempSync(join(tmpdir(), 'szpalta-bench-check-'));
try {
  const content = generate(root);
  const now = new Date('2026-11-22T12:00:00Z');
  const load = () =>
    loadavg()
      .map((value) => value.toFixed(1))
      .join(', ');
  const loadBefore = load();
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let run = 1; run <= runs; run++) {
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const result = await checkContent({ contentDir: content, now, ...(workers === undefined ? {} : { workers }) });
    const seconds = (performance.now() - started) / 1000;
    if (result.problems.length > 0) {
      console.error(formatText(result).split('\n').slice(0, 20).join('\n'));
      throw new Error('the generated content should pass the check');
    }
    const cpu = process.cpuUsage(cpuBefore);
    times.push(seconds);
    cpuTimes.push((cpu.user + cpu.system) / 1e6);
    console.log(`in process, run ${run}: ${result.files} files in ${seconds.toFixed(2)} s, CPU ${cpuTimes.at(-1)?.toFixed(2)} s`);
  }
  console.log(`in process: peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);

  const script = fileURLToPath(new URL('../scripts/check-content.ts', import.meta.url));
  const started = performance.now();
  const child = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `await import(${JSON.stringify(script)}); process.on('exit', () => { const usage = process.resourceUsage(); console.error('maxRSS ' + usage.maxRSS + ' cpu ' + (usage.userCPUTime + usage.systemCPUTime)); });`,
      '--',
      '--content-dir',
      content,
      '--now',
      now.toISOString(),
    ],
    { encoding: 'utf8' },
  );
  const seconds = (performance.now() - started) / 1000;
  const rss = /maxRSS (\d+)/.exec(child.stderr)?.[1];
  const childCpu = /cpu (\d+)/.exec(child.stderr)?.[1];
  const childCpuText = childCpu ? `${(Number(childCpu) / 1e6).toFixed(1)} s` : '?';
  if (child.status !== 0 && !rss) console.error(child.stderr);
  console.log(
    `as a command (node scripts/check-content.ts): exit ${child.status}, ${seconds.toFixed(2)} s wall, CPU ${childCpuText}, peak RSS ${rss ? (Number(rss) / 1024).toFixed(0) : '?'} MB`,
  );
  console.log(`last line: ${child.stdout.trim().split('\n').at(-1)}`);
  await writeReport(
    `| ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC | ${articleCount.toLocaleString('en')} | ${times.map((time) => `${time.toFixed(1)} s`).join(', ')} | ${seconds.toFixed(1)} s | ${rss ? (Number(rss) / 1024).toFixed(0) : '?'} MB | ${workers ?? 'default'} | ${loadBefore} → ${load()} | ${cpuTimes.map((time) => `${time.toFixed(1)} s`).join(', ')} | ${childCpuText} |`,
  );
} finally {
  if (values.keep) console.log(`kept ${root}`);
  else rmSync(root, { recursive: true, force: true });
}
