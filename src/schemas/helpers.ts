import { z } from 'astro/zod';
import { imageTypeProblem } from '../content-model/image-rule.ts';
import { findForbiddenCharacter, isBlank } from '../content-model/text-rules.ts';

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

/** Refuses an image path of a type the content model's image rule refuses (an SVG logo, a GIF). */
export const imageTypeRule = (value: string, context: z.core.$RefinementCtx<string>) => {
  const problem = imageTypeProblem(value);
  if (problem) context.addIssue({ code: 'custom', message: problem.message, params: { fix: problem.fix } });
};

/**
 * Astro's `image()` behind the content model's image rule, for the site's collections: a path
 * of a refused type fails the build with the rule's message before Astro reads the file.
 */
export const ruledImage =
  <I extends z.ZodType>(image: () => I) =>
  (): I =>
    // Astro types `image()` by the image it resolves to, but the content layer hands it the path as written.
    z
      .string()
      .superRefine(imageTypeRule)
      .pipe(image() as unknown as z.ZodType<unknown, string>) as unknown as I;

/** An ASCII slug: lower-case letters, digits and single hyphens (`ochrona-danych`). */
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Refuses a character that cannot be shown nor written into XML (see `findForbiddenCharacter`). */
const noForbiddenCharacters = (value: string, context: z.core.$RefinementCtx<string>) => {
  const found = findForbiddenCharacter(value);
  if (found)
    context.addIssue({
      code: 'custom',
      message: `contains the invisible control character ${found.codePoint} at character ${found.index + 1}`,
      params: { fix: 'delete it (it usually comes with text pasted from another program) and retype the text around it' },
    });
};

/** Refuses text of only invisible characters (see `isBlank`); an empty string is left to `min(1)`. */
export const notBlank = (what: string) => (value: string, context: z.core.$RefinementCtx<string>) => {
  if (value !== '' && findForbiddenCharacter(value) === undefined && isBlank(value))
    context.addIssue({
      code: 'custom',
      message: `${what} must not be empty: it has only invisible characters`,
      params: { fix: `write the ${what.split(' ')[0] ?? what} text` },
    });
};

/**
 * Text an editor typed: trimmed, and refused when it holds a character that cannot be shown
 * nor written into XML (a control character, U+FFFE/U+FFFF, a lone surrogate).
 */
export const text = () => z.string().trim().superRefine(noForbiddenCharacters);

/** Optional text (see `text`). */
export const optionalText = () => text().optional();

/**
 * A non-empty, trimmed line of text (see `text`). Text of only whitespace and invisible
 * characters (zero-width spaces, direction marks) counts as empty.
 */
export const requiredText = (what: string) =>
  z
    .string({ error: `${what} is required` })
    .trim()
    .min(1, { error: `${what} must not be empty` })
    .superRefine(noForbiddenCharacters)
    .superRefine(notBlank(what));

/**
 * A list of references without repetitions: each repeated entry is refused once, at its first
 * repetition (`tags[3]`), with the number of copies, so thousands of repeats make one error.
 */
export const uniqueList = <T extends z.ZodType>(item: T, what: string) =>
  z.array(item).superRefine((list, context) => {
    const seen = new Map<string, { first: number; repeat?: number; count: number }>();
    list.forEach((value, index) => {
      // Astro's reference() gives `{ collection, id }`; the check's gives the id itself.
      const id = (value as { id?: unknown } | null)?.id;
      const key = typeof value === 'string' ? value : typeof id === 'string' ? id : JSON.stringify(value);
      const entry = seen.get(key);
      if (entry === undefined) seen.set(key, { first: index, count: 1 });
      else {
        entry.count += 1;
        entry.repeat ??= index;
      }
    });
    for (const [key, { first, repeat, count }] of seen) {
      if (repeat === undefined) continue;
      context.addIssue({
        code: 'custom',
        path: [repeat],
        message: `${what} "${key}" is listed ${count} times`,
        params: { fix: `keep only item ${first + 1}, remove the other ${count - 1}` },
      });
    }
  });

/** An absolute http(s) URL, or a site-relative path starting with `/`. */
export const linkTarget = text().refine((value) => /^(https?:\/\/|\/|mailto:)/.test(value), {
  error: 'must be an absolute http(s) URL, a mailto: link or a path starting with /',
});

/** Where an entry imported from WordPress came from. */
export const wordpressOrigin = z.object({
  /** ID of the post or page in the WordPress export (`<wp:post_id>`). */
  id: z.number().int().positive(),
});
const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:(?:[Tt]|[ \t]+)(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?[ \t]*(?:([Zz])|([-+])(\d{2}):?(\d{2})?)?)?$/;

/**
 * Reads `2026-11-22`, `2026-11-22T09:30:00+01:00` (also with a space, without seconds, with
 * `Z`) as a point in time; a date without a zone is UTC, as YAML reads it. Returns undefined
 * for anything else, including dates that do not exist (`2026-02-30`, `2026-13-45`) instead
 * of rolling them over into the next month.
 */
export function parseStrictDate(value: string): Date | undefined {
  const match = DATE.exec(value.trim());
  if (!match) return undefined;
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', , sign, offsetHours = '0', offsetMinutes = '0'] = match;
  const numbers = [year, month, day, hour, minute, second].map(Number) as [number, number, number, number, number, number];
  const [y, mo, d, h, mi, se] = numbers;
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth || h > 23 || mi > 59 || se > 59) return undefined;
  if (Number(offsetHours) > 14 || Number(offsetMinutes) > 59) return undefined;
  const offset = (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes));
  const milliseconds = fraction ? Math.round(Number(`0${fraction}`) * 1000) : 0;
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, se, milliseconds) - (sign ? offset : 0) * 60_000);
  // Years 0–99 are shifted by Date.UTC; the format allows any four digits.
  date.setUTCFullYear(y, mo - 1, d);
  return sign ? new Date(Date.UTC(y, mo - 1, d, h, mi, se, milliseconds) - offset * 60_000) : date;
}

/**
 * A point in time. YAML gives a `Date` for an unquoted ISO timestamp and a string for a
 * quoted one (the content check reads every date as text, to see impossible ones); both are
 * accepted. Anything that is not a real date is refused: `2026-02-30`, `~`, `true`, `1`.
 */
export const dateTime = z.preprocess(
  (value, context) => {
    if (typeof value !== 'string') return value;
    const date = parseStrictDate(value);
    if (date) return date;
    if (DATE.test(value.trim()))
      context.issues.push({
        code: 'custom',
        input: value,
        message: `${value.trim()} is not a real date`,
        params: {
          fix: 'check the month (01–12), the day (it must exist in that month) and the time; write YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS+01:00',
        },
      });
    return value;
  },
  z.date({ error: 'must be a date such as 2026-11-22 or 2026-11-22T09:30:00+01:00' }),
);
