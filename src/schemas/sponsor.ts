import { z } from 'astro/zod';
import { linkTarget, requiredText, text } from './helpers.ts';

/** A sponsor of articles: one YAML file in `content/sponsors/`, named by its slug. */
export const sponsorSchema = <I extends z.ZodType>({ image }: { image: () => I }) =>
  z.object({
    /** Sponsor's name as printed in the sponsor block. Required. */
    name: requiredText('name'),
    /** The sponsor's website; the link gets `rel="sponsored"`. Required. */
    url: linkTarget,
    /** Disclosure printed with the sponsored article. Default: "Artykuł sponsorowany". */
    disclosure: text().min(1).default('Artykuł sponsorowany'),
    /** Logo, relative to the sponsor file. Optional. */
    logo: image().optional(),
  });
