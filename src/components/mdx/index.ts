import Ad from './Ad.astro';
import AutoAd from './AutoAd.astro';
import Callout from './Callout.astro';
import Embed from './Embed.astro';
import Figure from './Figure.astro';
import Nothing from './Nothing.astro';
import Quote from './Quote.astro';
import type { MdxComponentName } from './registry.ts';

/**
 * The Astro implementation of each component in `registry.ts`. The type makes a missing
 * or extra name a compile error, so the site, the check and the CMS cannot disagree.
 */
export const editorComponents = { Figure, Callout, Quote, Ad, Embed } satisfies Record<MdxComponentName, unknown>;

/** Name of the element the `auto-ad-slots` plugin inserts; not for editors. */
export const AUTO_AD_ELEMENT = 'AutoAd';

/**
 * Components handed to an article body's `<Content components={…} />`. An article with
 * `ads: false` shows no ad at all: neither automatic slots nor ones the editor placed.
 */
export function articleComponents({ ads }: { ads: boolean }) {
  return { ...editorComponents, Ad: ads ? Ad : Nothing, [AUTO_AD_ELEMENT]: ads ? AutoAd : Nothing };
}
