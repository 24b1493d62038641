import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import { slugPattern } from '../src/schemas/helpers.ts';
import { CommentsConfigError, loadConfig } from './config.ts';
import type { CommentTable, Schema } from './db.ts';
import { createService } from './service.ts';

/**
 * One approved comment carried over from WordPress, as the WordPress importer writes them
 * (a JSON array of these; see comments/README.md):
 * `{ "article": "<slug>", "id": 123, "parent": 120 | null, "author": "Name", "date": "2019-05-01T10:00:00Z", "text": "plain text" }`.
 */
export interface ImportedComment {
  article: string;
  id: string | number;
  parent: string | number | null;
  author: string;
  date: string;
  text: string;
}

/** A problem in the import file, naming the entry and the field. */
export class ImportError extends Error {}

const TAG = /<\s*[/!?]?\s*[a-z][^>]*>/i;

/** Checks every entry before anything is written; throws `ImportError` with all problems found. */
export function validateImport(data: unknown, file: string, contentDir: string): ImportedComment[] {
  if (!Array.isArray(data)) throw new ImportError(`${file}: the file must hold a JSON array of comments`);
  const problems: string[] = [];
  const ids = new Set<string>();
  data.forEach((entry: unknown, index) => {
    const where = `${file}: entry ${index}`;
    if (typeof entry !== 'object' || entry === null) return problems.push(`${where}: not an object`);
    const record = entry as Record<string, unknown>;
    const { article, id, parent, author, date, text } = record;
    if (typeof article !== 'string' || !slugPattern.test(article)) problems.push(`${where}, field "article": must be an article slug`);
    else if (!existsSync(join(contentDir, 'articles', `${article}.mdx`)))
      problems.push(`${where}, field "article": no article "${article}" in ${join(contentDir, 'articles')}`);
    if ((typeof id !== 'string' && typeof id !== 'number') || String(id) === '')
      problems.push(`${where}, field "id": the WordPress comment id is required`);
    else if (ids.has(String(id))) problems.push(`${where}, field "id": ${String(id)} appears twice`);
    else ids.add(String(id));
    if (
      parent !== null &&
      parent !== undefined &&
      parent !== 0 &&
      parent !== '0' &&
      typeof parent !== 'string' &&
      typeof parent !== 'number'
    )
      problems.push(`${where}, field "parent": must be a comment id or null`);
    if (typeof author !== 'string' || author.trim() === '') problems.push(`${where}, field "author": the author's name is required`);
    if (typeof date !== 'string' || Number.isNaN(Date.parse(date))) problems.push(`${where}, field "date": must be an ISO 8601 date`);
    if (typeof text !== 'string' || text.trim() === '') problems.push(`${where}, field "text": must be non-empty plain text`);
    else if (TAG.test(text)) problems.push(`${where}, field "text": must be plain text, without HTML tags`);
    return undefined;
  });
  const entries = data as ImportedComment[];
  for (const [index, entry] of entries.entries()) {
    const parent = parentKey(entry);
    if (parent !== undefined && !ids.has(parent))
      problems.push(`${file}: entry ${index}, field "parent": no comment with id ${parent} in the file`);
  }
  if (problems.length > 0) throw new ImportError(problems.join('\n'));
  return entries;
}

const parentKey = (entry: ImportedComment) =>
  entry.parent === null || entry.parent === 0 || entry.parent === '0' ? undefined : String(entry.parent);

/**
 * Stores the comments as approved, in one transaction. Idempotent: each keeps its WordPress id
 * (`wordpress:<id>`), and an id already stored is left as it is. Replies to replies are attached
 * to their thread's first comment (the site shows one level of replies).
 */
export async function importComments(db: Kysely<Schema>, entries: ImportedComment[]): Promise<{ added: number; kept: number }> {
  const byId = new Map(entries.map((entry) => [String(entry.id), entry]));
  const topOf = (entry: ImportedComment): string => {
    let current = entry;
    for (let depth = 0; depth < 100; depth += 1) {
      const parent = parentKey(current);
      const next = parent === undefined ? undefined : byId.get(parent);
      if (!next) return String(current.id);
      current = next;
    }
    return String(current.id);
  };
  return db.transaction().execute(async (trx) => {
    const existing = new Map(
      (await trx.selectFrom('comment').select(['id', 'import_key']).where('import_key', 'like', 'wordpress:%').execute()).map((row) => [
        row.import_key as string,
        row.id,
      ]),
    );
    let added = 0;
    // Thread starters first, so replies find their parent's new id.
    const ordered = [...entries].sort((a, b) => Number(parentKey(a) !== undefined) - Number(parentKey(b) !== undefined));
    for (const entry of ordered) {
      const key = `wordpress:${String(entry.id)}`;
      if (existing.has(key)) continue;
      const top = topOf(entry);
      const parentId = top === String(entry.id) ? null : (existing.get(`wordpress:${top}`) ?? null);
      const row: CommentTable = {
        id: randomUUID(),
        article: entry.article,
        parent_id: parentId,
        user_id: null,
        author_name: entry.author.trim(),
        text: entry.text.replace(/\r\n?/g, '\n').trim(),
        status: 'approved',
        created_at: new Date(entry.date).toISOString(),
        edited_at: null,
        import_key: key,
      };
      await trx.insertInto('comment').values(row).execute();
      existing.set(key, row.id);
      added += 1;
    }
    return { added, kept: entries.length - added };
  });
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const file = process.argv[2];
  if (!file) {
    console.error('Usage: npm run comments:import -- <comments.json>');
    process.exit(2);
  }
  try {
    const config = loadConfig(fileURLToPath(new URL('../', import.meta.url)));
    const path = resolve(file);
    let data: unknown;
    try {
      data = JSON.parse(await readFile(path, 'utf8'));
    } catch (error) {
      throw new ImportError(`${path}: ${(error as Error).message}`);
    }
    const entries = validateImport(data, path, config.contentDir);
    const service = await createService(config);
    try {
      const { added, kept } = await importComments(service.database.db, entries);
      console.log(`${path}: ${added} comments imported, ${kept} already there.`);
    } finally {
      await service.close();
    }
  } catch (error) {
    if (error instanceof ImportError || error instanceof CommentsConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
