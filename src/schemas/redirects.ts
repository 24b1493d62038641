import { z } from 'astro/zod';
import { linkTarget, requiredText } from './helpers.ts';

/**
 * A redirect table: one YAML file in `content/redirects/` (the WordPress importer writes
 * `wordpress.yml`). The build turns every entry into a line of `dist/_redirects` (Netlify and
 * Cloudflare Pages) and a redirect page at the old address for hosts without redirect rules.
 */
export const redirectsSchema = () =>
  z.object({
    /** What the table is for ("Stary serwis WordPress"), shown in the CMS. Required. */
    name: requiredText('name'),
    /** Old addresses and where they are now. Default: none. */
    redirects: z
      .array(
        z.strictObject({
          /** The old address on this host: a path that starts and ends with `/` (`/2013/01/10/witaj/`), without `?` or `#`. */
          from: z.string().regex(/^\/(?:[^\s?#]+\/)?$/, {
            error: 'from must be a path that starts and ends with / (such as /2013/01/10/witaj/), without ? or #',
          }),
          /** Where readers go instead: a page of this site (`/artykuly/witaj/`) or an absolute address. */
          to: linkTarget,
        }),
      )
      .default([]),
  });
