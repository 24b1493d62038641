/** @jsxImportSource react */
import type { PreviewTemplateComponentProps } from 'decap-cms-core';
import type { Map as ImmutableMap } from 'immutable';
import { useEffect, useState, type ReactNode } from 'react';
import { PreviewImage, type PreviewContext } from './components.tsx';

/**
 * Preview templates: an article and a static page laid out with the site's classes
 * (`src/pages/artykuly/[slug].astro`, `src/pages/[page].astro`), styled by the site's own
 * stylesheet, with the body rendered by `render.tsx` (loaded on first use, with the parser).
 */

type Renderer = typeof import('./render.tsx').renderBody;
let loaded: Promise<Renderer> | undefined;

function useRenderer(): Renderer | undefined {
  const [renderer, setRenderer] = useState<{ render: Renderer }>();
  useEffect(() => {
    let active = true;
    loaded ??= import('./render.tsx').then((module) => module.renderBody);
    void loaded.then((render) => {
      if (active) setRenderer({ render });
    });
    return () => {
      active = false;
    };
  }, []);
  return renderer?.render;
}

function contextOf(props: PreviewTemplateComponentProps): PreviewContext {
  return {
    imageUrl: (path) => {
      if (!path) return undefined;
      // Decap's AssetProxy carries the URL the preview can load (a blob: URL for new uploads).
      const url = (props.getAsset(path) as { url?: string } | undefined)?.url;
      return url === '' ? undefined : url;
    },
  };
}

function Body({ text, context }: { text: string; context: PreviewContext }): ReactNode {
  const render = useRenderer();
  return <div className="prose">{render ? render(text, context) : null}</div>;
}

const dateFormat = new Intl.DateTimeFormat('pl-PL', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Warsaw' });

const dayFormat = new Intl.DateTimeFormat('pl-PL', { dateStyle: 'long', timeZone: 'Europe/Warsaw' });

/** A correction's date as the site prints it ("3 grudnia 2026"). */
function formatDay(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : dayFormat.format(date);
}

function formatDate(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : dateFormat.format(date);
}

/** Names of referenced entries that Decap's relation widget loaded, else their slugs. */
function names(props: PreviewTemplateComponentProps, field: string, collection: string): string[] {
  const value = props.entry.getIn(['data', field]) as { toArray?: () => unknown[] } | string | undefined;
  const slugs = (typeof value === 'string' ? [value] : (value?.toArray?.() ?? [])).map(String);
  return slugs.map((slug) => {
    const name = props.fieldsMetaData.getIn([field, collection, slug, 'name']);
    return typeof name === 'string' ? name : slug;
  });
}

export function ArticlePreview(props: PreviewTemplateComponentProps): ReactNode {
  const data = (key: string) => props.entry.getIn(['data', key]);
  const context = contextOf(props);
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const hero = data('hero') as ImmutableMap<string, string> | undefined;
  const heroImage = hero?.get('image');
  const caption = hero?.get('caption');
  const credit = hero?.get('credit');
  const published = formatDate(data('pubDate'));
  const updated = formatDate(data('updatedDate'));
  const authors = names(props, 'authors', 'authors');
  const tags = names(props, 'tags', 'tags');
  const source = text(data('source'));
  const corrections = ((data('corrections') as { toJS?: () => unknown } | undefined)?.toJS?.() ?? []) as { date?: string; text?: string }[];
  return (
    <div className="container">
      <article className="article">
        <header>
          {data('sponsor') ? <span className="sponsored-label">Partner publikacji</span> : null}
          {tags[0] ? (
            <p className="section-label">
              <a>{tags[0]}</a>
            </p>
          ) : null}
          <h1 className="article__title">{text(data('title'))}</h1>
          <p className="lead">{text(data('lead'))}</p>
          <div className="byline">
            <p className="byline__authors">{authors.join(', ')}</p>
            {published ? (
              <p className="byline__meta">
                <time>{published}</time>
              </p>
            ) : null}
            {updated ? <p className="byline__updated">Aktualizacja: {updated}</p> : null}
          </div>
        </header>
        {heroImage ? (
          <figure className="figure figure--hero">
            <PreviewImage path={heroImage} alt={hero?.get('alt') ?? ''} context={context} />
            {caption || credit ? (
              <figcaption>
                {caption}
                {caption && credit ? ' ' : null}
                {credit ? <span className="figure__credit">Foto: {credit}</span> : null}
              </figcaption>
            ) : null}
          </figure>
        ) : null}
        <Body text={text(data('body')) ?? ''} context={context} />
        {source ? <p className="agency">({source})</p> : null}
        {corrections.length > 0 ? (
          <aside className="corrections" aria-label="Korekty">
            {corrections.map((correction, index) => (
              <p className="correction" key={index}>
                <strong>Korekta, {formatDay(correction.date) ?? '…'}:</strong> {correction.text}
              </p>
            ))}
          </aside>
        ) : null}
        {tags.length > 0 ? (
          <ul className="tag-list">
            {tags.map((tag) => (
              <li key={tag}>
                <a>{tag}</a>
              </li>
            ))}
          </ul>
        ) : null}
      </article>
    </div>
  );
}

export function PagePreview(props: PreviewTemplateComponentProps): ReactNode {
  const title = props.entry.getIn(['data', 'title']);
  const body = props.entry.getIn(['data', 'body']);
  return (
    <div className="container">
      <article className="article">
        <h1 className="article__title">{typeof title === 'string' ? title : null}</h1>
        <Body text={typeof body === 'string' ? body : ''} context={contextOf(props)} />
      </article>
    </div>
  );
}
