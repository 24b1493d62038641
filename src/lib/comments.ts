import { createHash } from 'node:crypto';

/**
 * Approved-comment counts per article slug, fetched once per build from the comment service
 * (`GET <comments.url>/api/counts`). When the service is configured but cannot be reached, or
 * answers with an error, the build goes on without counts: the pages say "Komentarze" without
 * a number, and a warning names the URL.
 */
export type CommentCounts = ReadonlyMap<string, number> | undefined;

/** Longest wait for the service at build time. */
const TIMEOUT_MS = 5000;

const cache = new Map<string, Promise<CommentCounts>>();

async function fetchCounts(serviceUrl: string): Promise<CommentCounts> {
  const url = new URL('/api/counts', serviceUrl).href;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const body = (await response.json()) as Record<string, unknown>;
    return new Map(Object.entries(body).filter((entry): entry is [string, number] => typeof entry[1] === 'number'));
  } catch (error) {
    console.warn(
      `[comments] ${url} could not be read (${error instanceof Error ? error.message : String(error)}): article pages are built without comment counts.`,
    );
    return undefined;
  }
}

/** The counts of this build (one request per build and service URL). */
export function getCommentCounts(serviceUrl: string): Promise<CommentCounts> {
  let counts = cache.get(serviceUrl);
  if (!counts) {
    counts = fetchCounts(serviceUrl);
    cache.set(serviceUrl, counts);
  }
  return counts;
}

/**
 * The inline script of article pages with comments. It does nothing until the reader presses
 * "Pokaż komentarze" (or arrives at `#komentarze`, as the e-mail confirmation link leads back):
 * then it imports the island from the comment service, so a page ships no script file before
 * that. Kept as a string so its hash can go into the page's CSP.
 */
export const COMMENTS_LOADER = `(() => {
  const open = (button) => {
    const section = button.closest('[data-comments]');
    button.disabled = true;
    import(section.dataset.island).then((island) => island.mount(section)).then(() => button.remove(), () => {
      button.disabled = false;
      section.querySelector('[data-comments-island]').textContent = section.dataset.failed;
    });
  };
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element && event.target.closest('[data-comments-open]');
    if (button) open(button);
  });
  const button = document.querySelector('[data-comments-open]');
  if (button && location.hash === '#komentarze') open(button);
})();`;

/** CSP source expression for `script-src` that allows `COMMENTS_LOADER`. */
export const COMMENTS_LOADER_HASH = `sha256-${createHash('sha256').update(COMMENTS_LOADER).digest('base64')}` as const;
