import { pluralize, type PluralForms } from '../utils/plural.ts';

/** What the search page needs of Pagefind's browser API (`/pagefind/pagefind.js`). */
interface Pagefind {
  init(): Promise<void>;
  /** Adds another bundle's index (a shard of a sharded build) to this instance's searches. */
  mergeIndex(bundlePath: string): Promise<void>;
  debouncedSearch(query: string, options?: object, ms?: number): Promise<{ results: { data(): Promise<Result> }[] } | null>;
}

interface Result {
  url: string;
  excerpt: string;
  meta: { title?: string; date?: string; section?: string };
}

/** Pagefind is written next to its index at build time, so it is loaded at run time, not bundled. */
const PAGEFIND = '/pagefind/pagefind.js';

/** Results shown at once; the list is for finding an article, not browsing the archive. */
const MAX_RESULTS = 20;

/**
 * The excerpt as DOM nodes. Pagefind marks the matched words with `<mark>`; the excerpt is
 * parsed in an inert document and only its text and those marks are kept, so nothing from an
 * indexed page can become markup here.
 */
function excerptNodes(excerpt: string): Node[] {
  const parsed = new DOMParser().parseFromString(`<p>${excerpt}</p>`, 'text/html');
  return [...(parsed.body.firstElementChild?.childNodes ?? [])].map((node) => {
    if (node instanceof Element && node.tagName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      return mark;
    }
    return document.createTextNode(node.textContent ?? '');
  });
}

function resultItem(result: Result): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'search-result';
  if (result.meta.section) {
    const section = document.createElement('p');
    section.className = 'section-label';
    section.textContent = result.meta.section;
    item.append(section);
  }
  const heading = document.createElement('h2');
  heading.className = 'card__title';
  const link = document.createElement('a');
  link.href = result.url;
  link.textContent = result.meta.title ?? result.url;
  heading.append(link);
  item.append(heading);
  if (result.meta.date) {
    const meta = document.createElement('p');
    meta.className = 'card__meta';
    meta.textContent = result.meta.date;
    item.append(meta);
  }
  const excerpt = document.createElement('p');
  excerpt.className = 'search-result__excerpt';
  excerpt.append(...excerptNodes(result.excerpt));
  item.append(excerpt);
  return item;
}

/**
 * Runs the search page inside `root` (the `#search` element of `/szukaj/`): loads Pagefind,
 * searches as the reader types (and for `?q=` in the address) and lists the results with
 * the site's own styles: section, title, date and excerpt. When the index cannot be loaded
 * (the dev server before the first build) it shows the page's explanation instead.
 */
export async function search(root: HTMLElement | null): Promise<void> {
  if (!root) return;
  const input = root.querySelector<HTMLInputElement>('input[type="search"]');
  const status = root.querySelector<HTMLElement>('.search__status');
  const list = root.querySelector<HTMLOListElement>('.search__results');
  const unavailable = root.querySelector<HTMLElement>('.search__unavailable');
  if (!input || !status || !list || !unavailable) return;
  const locale = root.dataset['locale'] ?? 'pl-PL';
  const forms = JSON.parse(root.dataset['results'] ?? '{"other":""}') as PluralForms;

  let pagefind: Pagefind;
  try {
    pagefind = (await import(/* @vite-ignore */ PAGEFIND)) as Pagefind;
    await pagefind.init();
    // A sharded build has one bundle per article shard besides the main one: all are searched as one.
    const merged = JSON.parse(root.dataset['merge'] ?? '[]') as string[];
    for (const bundle of merged) await pagefind.mergeIndex(bundle);
  } catch {
    unavailable.hidden = false;
    return;
  }
  input.disabled = false;
  input.focus();

  const run = async () => {
    const query = input.value.trim();
    const url = new URL(location.href);
    if (query) url.searchParams.set('q', query);
    else url.searchParams.delete('q');
    history.replaceState(null, '', url);
    if (!query) {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    const found = await pagefind.debouncedSearch(query);
    // null: a newer query replaced this one while it waited.
    if (!found) return;
    const results = await Promise.all(found.results.slice(0, MAX_RESULTS).map((result) => result.data()));
    list.replaceChildren(...results.map(resultItem));
    status.textContent = results.length > 0 ? pluralize(found.results.length, forms, locale) : (root.dataset['noResults'] ?? '');
  };
  input.addEventListener('input', () => void run());
  root.querySelector('form')?.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  const initial = new URL(location.href).searchParams.get('q');
  if (initial) {
    input.value = initial;
    await run();
  }
}
