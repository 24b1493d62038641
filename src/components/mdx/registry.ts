import { z } from 'astro/zod';
import { isHttpsUrl } from '../../content-model/url-policy.ts';
import { IMAGE_TYPES_TEXT } from '../../content-model/model.ts';
import { imageTypeRule, notBlank, text } from '../../schemas/helpers.ts';

/**
 * The vocabulary editors may use inside article bodies, as data: names, what each
 * component is for, whether it wraps text, and its props.
 *
 * This one list is read by the site (which maps each name to an Astro component in
 * `index.ts`), by the content check (which refuses any other component and validates
 * props against these schemas) and by the CMS (which offers exactly these in its editor).
 * Props are strings in MDX (`<Callout type="warning">`), so every schema takes strings.
 * `label` is the component's name in the CMS, whose interface is Polish.
 */

/**
 * An image file next to the articles, written like a hero image: `../images/2026/foto.jpg`,
 * of a type the content model's image rule (`imageTypeProblem`) accepts.
 */
export const articleImagePath = z
  .string()
  .trim()
  .regex(/^\.\.\/images\/[\w./-]+$/, {
    error: `must be a ${IMAGE_TYPES_TEXT.en} file under content/images, written as ../images/<file>`,
  })
  .superRefine(imageTypeRule);

const optionalText = text().min(1).superRefine(notBlank('the value')).optional();

export const mdxComponents = {
  Figure: {
    label: 'Zdjęcie z podpisem',
    children: false,
    props: z.strictObject({
      /** The image, relative to the article: `../images/<file>`. */
      src: articleImagePath,
      /** Alternative text. Required. */
      alt: text().min(1, { error: 'alt (alternative text) must not be empty' }).superRefine(notBlank('alt (alternative text)')),
      /** Caption under the image. */
      caption: optionalText,
      /** Rights holder, printed as "Foto: …". */
      credit: optionalText,
    }),
  },
  Callout: {
    label: 'Ramka',
    children: true,
    props: z.strictObject({
      /** Look and meaning: `info` (default), `warning` (a fraud alert), `important`. */
      type: z.enum(['info', 'warning', 'important']).default('info'),
      /** Heading of the box. */
      title: optionalText,
    }),
  },
  Quote: {
    label: 'Cytat',
    children: true,
    props: z.strictObject({
      /** Who said it. */
      author: optionalText,
      /** Their role or where it was said ("rzecznik UODO", "konferencja prasowa"). */
      source: optionalText,
    }),
  },
  Ad: {
    label: 'Miejsce reklamowe',
    children: false,
    props: z.strictObject({
      /** Slot id from the site settings. Default: the in-article slot. An article that places its own slot gets no automatic ones. */
      slot: z
        .string()
        .regex(/^[a-z0-9-]+$/)
        .optional(),
    }),
  },
  Embed: {
    label: 'Osadzony odnośnik',
    children: false,
    props: z.strictObject({
      /** Address of the embedded material (video, post, document). https only. */
      url: text().superRefine((value, context) => {
        if (!isHttpsUrl(value))
          context.addIssue({
            code: 'custom',
            message: 'url must be an https:// address',
            params: { fix: 'write a full address starting with https://' },
          });
      }),
      /** What the reader will find there. Required: the embed is shown as a link card, with no third-party code. */
      title: text().min(1, { error: 'title must not be empty' }).superRefine(notBlank('title')),
      /** Name of the service ("YouTube", "X"). Default: the host name of the url. */
      provider: optionalText,
    }),
  },
} as const;

/** Name of a component editors may use. */
export type MdxComponentName = keyof typeof mdxComponents;

export const mdxComponentNames = Object.keys(mdxComponents) as MdxComponentName[];
