/**
 * Creates a new article: `npm run new -- "Tytuł artykułu"`.
 *
 * Writes `<content>/articles/<ascii-slug>.mdx` with valid front matter (the title, today's date
 * and time in the newsroom's zone, the first author, no tags, `draft: true`) and prints its path.
 * Refuses to overwrite an existing file. The content folder is `SZPALTA_CONTENT_DIR` or `content/`.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { stringify } from 'yaml';
import { contentDirFromEnvironment } from '../src/content-model/content-dir.ts';
import { newsroomTimestamp } from '../src/utils/dates.ts';
import { fileSlug } from '../src/content-model/model.ts';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const title = process.argv.slice(2).join(' ').trim();
if (!title) fail('Usage: npm run new -- "Tytuł artykułu"');
const slug = fileSlug(title);
if (!slug) fail(`The title "${title}" has no letters or digits to make a file name from.`);

const contentDir = resolve(contentDirFromEnvironment());
let authors: string[];
try {
  authors = readdirSync(join(contentDir, 'authors'))
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => name.replace(/\.ya?ml$/, ''))
    .sort();
} catch {
  authors = [];
}
const author = authors[0];
if (!author) fail(`There is no author in ${join(contentDir, 'authors')}: add one (a .yml file with "name: …") first.`);

const frontMatter = stringify(
  {
    title,
    lead: 'Jedno lub dwa zdania, które streszczają tekst i zachęcają do lektury.',
    pubDate: newsroomTimestamp(new Date()),
    authors: [author],
    tags: [],
    draft: true,
  },
  { lineWidth: 0 },
);
const body = '{/* Tu zacznij pisać tekst. Usuń "draft: true", gdy artykuł będzie gotowy do publikacji. */}\n';
const path = join(contentDir, 'articles', `${slug}.mdx`);
const shown = relative(process.cwd(), path).startsWith('..') ? path : relative(process.cwd(), path);
try {
  writeFileSync(path, `---\n${frontMatter}---\n\n${body}`, { flag: 'wx' });
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EEXIST') fail(`${shown} already exists; choose another title or edit that file.`);
  if (code === 'ENOENT') fail(`The folder ${join(contentDir, 'articles')} does not exist.`);
  throw error;
}
console.log(shown);
