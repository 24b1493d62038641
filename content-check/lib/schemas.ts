import { z } from 'astro/zod';
import { COLLECTIONS } from '../../src/content-model/model.ts';
import type { ReferencedCollection } from '../../src/schemas/index.ts';
import { checkImagePath, type FileIndex } from './files.ts';
import { closest } from './suggest.ts';
import type { CollectionName } from './types.ts';

/** The file being validated: `image()` paths are relative to it. Set before each parse. */
export interface SchemaScope {
  /** Path relative to the content folder. */
  relative: string;
}

const singular: Record<ReferencedCollection, string> = { authors: 'author', tags: 'tag', sponsors: 'sponsor' };

/**
 * The schemas of `src/schemas/` with the check's own `image()` and `reference()`: plain string
 * validators with Astro's meaning (an image file relative to the entry, the id of an existing
 * entry) and messages that say how to fix the value. Built once; `scope` names the file that
 * the next `safeParse` is about.
 */
export function createSchemas(index: FileIndex, ids: Record<ReferencedCollection, readonly string[]>) {
  const scope: SchemaScope = { relative: '' };
  const idSets = {
    authors: new Set(ids.authors),
    tags: new Set(ids.tags),
    sponsors: new Set(ids.sponsors),
  };

  const image = () =>
    z.string().superRefine((value, context) => {
      const problem = checkImagePath(value, scope.relative, index);
      if (problem) context.addIssue({ code: 'custom', message: problem.message, params: { fix: problem.fix } });
    });

  const reference = (collection: ReferencedCollection) =>
    z.string().superRefine((value, context) => {
      if (idSets[collection].has(value)) return;
      const what = singular[collection];
      const suggestion = closest(value, ids[collection]);
      const file = `${index.contentName}/${collection}/${value}.yml`;
      context.addIssue({
        code: 'custom',
        message: `unknown ${what} "${value}"`,
        params: {
          fix: suggestion
            ? `did you mean "${suggestion}"? Otherwise add ${file}`
            : `use the file name of ${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what} in ${index.contentName}/${collection}, or add ${file}`,
        },
      });
    });

  const schemas = Object.fromEntries(COLLECTIONS.map((model) => [model.name, model.schema({ image, reference })])) as Record<
    CollectionName,
    z.ZodType
  >;
  return { scope, schemas };
}

export type CheckSchemas = ReturnType<typeof createSchemas>;

interface Definition {
  type: string;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  innerType?: z.ZodType;
  element?: z.ZodType;
  in?: z.ZodType;
  options?: readonly z.ZodType[];
}

function definitionOf(schema: z.ZodType): Definition {
  return schema._zod.def;
}

/** Unwraps optional, default, nullable and pipe layers down to the schema that holds the shape. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    const definition = definitionOf(current);
    const inner = definition.innerType ?? (definition.type === 'pipe' ? definition.in : undefined);
    if (!inner) return current;
    current = inner;
  }
}

/** A field in the data that the schema does not define (and so silently drops). */
export interface UnknownField {
  path: (string | number)[];
  known: string[];
}

/**
 * Fields of `data` that `schema` does not know, at any depth of plain objects and lists.
 * Strict objects are skipped: zod already reports their extra keys.
 */
export function unknownFields(schema: z.ZodType, data: unknown, path: (string | number)[] = []): UnknownField[] {
  const definition = definitionOf(unwrap(schema));
  if (definition.type === 'array' && definition.element && Array.isArray(data)) {
    const element = definition.element;
    return data.flatMap((item, position) => unknownFields(element, item, [...path, position]));
  }
  if (definition.type !== 'object' || !definition.shape || data === null || typeof data !== 'object' || Array.isArray(data)) return [];
  if (definition.catchall) return [];
  const shape = definition.shape;
  const known = Object.keys(shape);
  const found: UnknownField[] = [];
  for (const [key, value] of Object.entries(data)) {
    const field = shape[key];
    if (field) found.push(...unknownFields(field, value, [...path, key]));
    else found.push({ path: [...path, key], known });
  }
  return found;
}
