import { z } from 'astro/zod';
import { dateTime, optionalText, requiredText, wordpressOrigin } from './helpers.ts';

/** A static page (about, privacy policy, terms, contact): one MDX file in `content/pages/`, served at `/<slug>/`. */
export const pageSchema = () =>
  z.object({
    /** Page title. Required. */
    title: requiredText('title'),
    /** One sentence for search engines and previews. Optional. */
    description: optionalText(),
    /** Date of the last change, shown at the bottom. Optional. */
    updatedDate: dateTime.optional(),
    /** Origin of a page imported from WordPress (`npm run import:wordpress`); a new import finds the file by it. Written by the importer. Optional. */
    wordpress: wordpressOrigin.optional(),
  });
