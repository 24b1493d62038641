import { z } from 'astro/zod';
import { articleImagePath } from '../../src/components/mdx/registry.ts';
import { articleSchema, authorSchema, pageSchema, settingsSchema, slugPattern, sponsorSchema, tagSchema } from '../../src/schemas/index.ts';
import { SOURCE_KEY } from './formats/index.ts';
import { pruneEmpty } from './formats/yaml-patch.ts';

/**
 * The last check before Decap saves an entry: its data, as it will be written, against the
 * collection's schema from `src/schemas/`. Decap's own validation cannot express everything
 * the schemas say (fields required only once an optional group is filled in, a variant's
 * fields, custom rules), so a save the content check would refuse is stopped here with the
 * schema's messages. Loaded on the first save.
 */

const helpers = {
  /** A path the CMS writes for an image: `../images/<file>`. */
  image: () => articleImagePath,
  /** An entry of another collection, by its slug. */
  reference: () => z.string().regex(slugPattern, { error: 'must be the slug of an existing entry' }),
};

const schemas: Record<string, z.ZodType> = {
  articles: articleSchema(helpers),
  authors: authorSchema(helpers),
  tags: tagSchema(),
  sponsors: sponsorSchema(helpers),
  pages: pageSchema(),
  settings: settingsSchema(),
};

/** Problems of an entry's data, one line per field; empty when it may be saved. */
export function entryProblems(collection: string, data: Record<string, unknown>): string[] {
  const schema = schemas[collection];
  if (!schema) return [`Nieznana kolekcja „${collection}”`];
  const { [SOURCE_KEY]: _source, body: _body, ...fields } = data;
  const result = schema.safeParse(pruneEmpty(fields) ?? {});
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.') || '(wpis)'}: ${issue.message}`);
}
