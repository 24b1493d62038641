/** @jsxImportSource react */
import { useEffect, useState, type ReactNode } from 'react';
import type { MdxComponentName } from '../../../src/components/mdx/registry.ts';
import { isHttpsUrl } from '../../../src/content-model/url-policy.ts';

/**
 * React twins of the article components in `src/components/mdx/*.astro`, for the CMS
 * preview: the same elements and classes, so the site's stylesheet styles them the same.
 * The preview has no settings or image pipeline: the ad slot shows its label and size-less
 * box, the figure shows the original image.
 */

/** Texts of `src/i18n/ui.ts` that the components print (the preview is always Polish). */
const t = { photo: 'Foto', embedOpen: 'Otwórz w serwisie', advert: 'REKLAMA' };

export interface PreviewContext {
  /** A URL the preview can show for an image path written in an entry. */
  imageUrl: (path: string) => string | undefined;
}

/** What every preview component gets: the props as written in MDX, its content and the preview context. */
export interface PreviewProps {
  props: Partial<Record<string, string>>;
  children?: ReactNode;
  context: PreviewContext;
}

/**
 * An image of the entry. Its URL is asked of Decap after rendering: Decap's `getAsset` starts
 * loading an asset it has not seen by updating its store, which React forbids during another
 * component's render ("Cannot update a component while rendering a different component").
 * It is asked again after every render, since Decap re-renders the preview once the asset is in.
 */
export function PreviewImage({ path, alt, context }: { path: string | undefined; alt: string; context: PreviewContext }): ReactNode {
  const [url, setUrl] = useState<string | undefined>(undefined);
  useEffect(() => {
    setUrl(path ? context.imageUrl(path) : undefined);
  });
  return url ? <img src={url} alt={alt} loading="lazy" decoding="async" /> : null;
}

function Figure({ props: { src, alt, caption, credit }, context }: PreviewProps) {
  return (
    <figure className="figure">
      <PreviewImage path={src} alt={alt ?? ''} context={context} />
      {caption || credit ? (
        <figcaption>
          {caption}
          {caption && credit ? ' ' : null}
          {credit ? (
            <span className="figure__credit">
              {t.photo}: {credit}
            </span>
          ) : null}
        </figcaption>
      ) : null}
    </figure>
  );
}

function Callout({ props: { type = 'info', title }, children }: PreviewProps) {
  return (
    <aside className={`callout callout--${type}`} aria-label={title}>
      {title ? <p className="callout__title">{title}</p> : null}
      {children}
    </aside>
  );
}

function Quote({ props: { author, source }, children }: PreviewProps) {
  return (
    <figure className="quote">
      <blockquote>{children}</blockquote>
      {author || source ? (
        <figcaption>
          — {author}
          {author && source ? ', ' : null}
          {source ? <cite>{source}</cite> : null}
        </figcaption>
      ) : null}
    </figure>
  );
}

function Ad({ props: { slot } }: PreviewProps) {
  return (
    <aside className="ad" aria-label={t.advert} data-slot={slot ?? 'in-article'}>
      <span className="ad__label" aria-hidden="true">
        {t.advert}
      </span>
    </aside>
  );
}

function Embed({ props: { url = '', title, provider } }: PreviewProps) {
  let host: string;
  try {
    host = new URL(url).hostname.replace(/^www\./, '');
  } catch {
    host = url;
  }
  const providerName = provider ?? host;
  const safe = isHttpsUrl(url) ? url : undefined;
  return (
    <aside className="embed" aria-label={providerName}>
      <span className="embed__provider">{providerName}</span>
      <a href={safe} rel="noopener">
        {title}
      </a>
      <span className="sr-only">
        ({t.embedOpen} {providerName})
      </span>
    </aside>
  );
}

export type PreviewComponent = (props: PreviewProps) => ReactNode;

/** One preview component per registry name: a missing or extra one is a type error. */
export const previewComponents = { Figure, Callout, Quote, Ad, Embed } satisfies Record<MdxComponentName, PreviewComponent>;
