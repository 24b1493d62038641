/**
 * Names shared by the generated configuration (Node) and the admin app (browser): the
 * custom formats and widgets the config refers to and the app registers.
 */

/** Format of MDX files with YAML frontmatter (`admin/src/formats/`). */
export const MDX_FORMAT = 'szpalta-mdx';
/** Format of YAML data files. */
export const YAML_FORMAT = 'szpalta-yaml';
/** The MDX body widget (`admin/src/mdx/`). */
export const MDX_WIDGET = 'mdx';
/** The widget of a map of strings (`admin/src/widgets/KeyValueControl.tsx`). */
export const KEYVALUE_WIDGET = 'keyvalue';

/** The date-and-time widget in Polish form (`admin/src/widgets/PolishDateTimeControl.tsx`). */
export const DATETIME_WIDGET = 'datetime-pl';

/** Where `decap-server` listens when the README's run command starts it. */
export const DEFAULT_PROXY_PORT = 8081;

/**
 * Entry data key that carries the file name (slug) of a new entry, computed with the content
 * model's `fileSlug` before saving (`admin/src/main.tsx`). The collections' `slug` template
 * uses it, so Decap names the file exactly as `npm run new` and the content check expect; the
 * formats never write it to a file.
 */
export const SLUG_KEY = '__szpaltaSlug';
/** Key of the generated `config.yml` with the comment moderation page's URL (Decap ignores unknown top-level keys). */
export const MODERATION_URL_KEY = 'szpalta_comments_moderation_url';
