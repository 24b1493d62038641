import { z } from 'astro/zod';

/** Names of the collections that other entries may point at. */
export type ReferencedCollection = 'authors' | 'tags' | 'sponsors';

/**
 * What a schema needs from the place that uses it.
 *
 * Astro passes its own `image()` (a local file that `astro:assets` optimizes) and
 * `reference()` (an entry of another collection). The content check passes plain
 * string validators with the same meaning, so every field is defined exactly once.
 */
export interface SchemaHelpers<Image extends z.ZodType, Reference extends z.ZodType> {
  image: () => Image;
  reference: (collection: ReferencedCollection) => Reference;
}

/** An ASCII slug: lower-case letters, digits and single hyphens (`ochrona-danych`). */
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A non-empty, trimmed line of text. */
export const requiredText = (what: string) =>
  z
    .string({ error: `${what} is required` })
    .trim()
    .min(1, { error: `${what} must not be empty` });

/** An absolute http(s) URL, or a site-relative path starting with `/`. */
export const linkTarget = z
  .string()
  .trim()
  .refine((value) => /^(https?:\/\/|\/|mailto:)/.test(value), {
    error: 'must be an absolute http(s) URL, a mailto: link or a path starting with /',
  });

/**
 * A point in time. YAML gives a `Date` for an unquoted ISO timestamp and a string
 * for a quoted one; both are accepted, anything that is not a real date is refused.
 */
export const dateTime = z.coerce.date({
  error: 'must be a date such as 2026-11-22 or 2026-11-22T09:30:00+01:00',
});

/** Where an entry imported from WordPress came from. */
export const wordpressOrigin = z.object({
  /** ID of the post or page in the WordPress export (`<wp:post_id>`). */
  id: z.number().int().positive(),
});
