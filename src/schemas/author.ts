import { z } from 'astro/zod';
import { linkTarget, optionalText, requiredText } from './helpers.ts';

/** A person who signs articles: one YAML file in `content/authors/`, named by the author's slug. */
export const authorSchema = <I extends z.ZodType>({ image }: { image: () => I }) =>
  z.object({
    /** Full name as printed in bylines. Required. */
    name: requiredText('name'),
    /** Role in the newsroom ("redaktor", "dziennikarka"). Optional. */
    role: optionalText(),
    /** A short biography shown on the author page and in the author box. Optional. */
    bio: optionalText(),
    /** Portrait, relative to the author file (`../images/authors/jan.jpg`). Optional. */
    photo: image().optional(),
    /** Links to the author's profiles or e-mail. Default: none. */
    links: z
      .array(
        z.object({
          /** Visible text of the link ("LinkedIn", "E-mail"). */
          label: requiredText('links[].label'),
          /** Where the link goes. */
          url: linkTarget,
        }),
      )
      .default([]),
  });
