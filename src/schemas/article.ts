import { z } from 'astro/zod';
import { dateTime, optionalText, requiredText, slugPattern, text, uniqueList, wordpressOrigin, type SchemaHelpers } from './helpers.ts';

/** The hero photo shown above the article body and in cards, feeds and social previews. */
export const heroSchema = <I extends z.ZodType>(image: () => I) =>
  z.object({
    /** Local image file, relative to the article (`../images/2026/foo.jpg`); optimized by `astro:assets`. */
    image: image(),
    /** Alternative text for readers who cannot see the photo. Required: describe what the photo shows. */
    alt: requiredText('hero.alt (alternative text of the photo)'),
    /** Caption printed under the photo. Optional. */
    caption: optionalText(),
    /** Who holds the rights, printed as "Foto: …" (`PAP/EPA`). Optional. */
    credit: optionalText(),
  });

/**
 * An article: one MDX file in `content/articles/`. Its file name (without `.mdx`) is its slug
 * and its URL: `/artykuly/<slug>/`.
 */
export const articleSchema = <I extends z.ZodType, R extends z.ZodType>({ image, reference }: SchemaHelpers<I, R>) =>
  z.object({
    /** Headline. Required, at most 200 characters. */
    title: requiredText('title').max(200, { error: 'title must be at most 200 characters' }),
    /** Lead: one or two sentences under the headline, also the description in feeds and previews. Required. */
    lead: requiredText('lead').max(600, { error: 'lead must be at most 600 characters' }),
    /** Publication date and time. An article dated in the future is not built until a build runs after that time. */
    pubDate: dateTime,
    /** Date of the last significant update, shown as "Aktualizacja". Optional; must not be before `pubDate`. */
    updatedDate: dateTime.optional(),
    /**
     * Corrections of facts published after the first version, oldest first, as newsrooms print
     * them: each with its date and what was corrected. Shown at the end of the article
     * ("Korekta, 3 grudnia 2026: …"); the newest date becomes the article's `dateModified` and
     * the feed item's update time. Default: none.
     */
    corrections: z
      .array(
        z.object({
          /** When the correction was made; not before `pubDate`. */
          date: dateTime,
          /** What was wrong and what is right now, in one or two sentences. */
          text: requiredText('corrections.text').max(600, { error: 'corrections.text must be at most 600 characters' }),
        }),
      )
      .default([]),
    /** Authors, by the slug of their file in `content/authors/`. At least one. */
    authors: uniqueList(reference('authors'), 'author').min(1, { error: 'authors must name at least one author' }),
    /** Tags, by the slug of their file in `content/tags/`. Default: none. */
    tags: uniqueList(reference('tags'), 'tag').default([]),
    /** Hero photo with alt text, caption and credit. Optional. */
    hero: heroSchema(image).optional(),
    /** News agency the text comes from, printed as "(PAP)" at the end of the body. Optional. */
    source: text().min(1).max(40).optional(),
    /** Shown as the lead story on the home page (the newest featured article wins). Default: false. */
    featured: z.boolean().default(false),
    /** A draft is never built: not as a page, nor in any list, feed or sitemap. Default: false. */
    draft: z.boolean().default(false),
    /** Sponsor of the article, by the slug of its file in `content/sponsors/`; adds a sponsor block with the disclosure. Optional. */
    sponsor: reference('sponsors').optional(),
    /** Show the automatic ad slots in the body. Set to false to turn ads off for this article. Default: true. */
    ads: z.boolean().default(true),
    /** Reader comments under the article (when the site has them). Set to false to leave them out. Default: true. */
    comments: z.boolean().default(true),
    /** Origin of an article imported from WordPress (`npm run import:wordpress`); a new import finds the file by it. Written by the importer. Optional. */
    wordpress: wordpressOrigin.optional(),
  });

/** Article slugs are file names; the check and the CMS keep them to this form. */
export const articleSlugPattern = slugPattern;
