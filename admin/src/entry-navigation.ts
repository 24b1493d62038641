/**
 * Opens every entry in an editor of its own when the address changes straight from one entry
 * to another (a bookmark, a link, an address typed or pasted).
 *
 * Decap renders all entries through one editor route and loads an entry only when that route
 * mounts (`Editor.componentDidMount` in decap-cms-core); moving from one entry's address to
 * another's keeps the mounted editor with the previous entry's draft under the new entry's
 * fields. The settings opened that way after an article show the article's values (an empty
 * portal name), and after a new article crash on its `ads` value ("Expected List value to be
 * an array … 'slots'", then "map is not a function"); saving them would overwrite the settings.
 * Such an address change is therefore taken away from Decap's router and the page is loaded
 * again at the new address, where Decap mounts a fresh editor; unsaved changes of the open
 * entry are guarded by Decap's own question before leaving the page.
 */

/** The entry an admin address opens: `#/collections/<name>/entries/<slug>` or `#/collections/<name>/new`. */
export interface EditorAddress {
  collection: string;
  /** The entry's slug; undefined for a new entry. */
  slug: string | undefined;
}

/** The entry `hash` opens in the editor, or undefined for any other screen. */
export function editorAddress(hash: string): EditorAddress | undefined {
  const path = hash.replace(/^#/, '').split('?')[0] ?? '';
  const match = /^\/collections\/([^/]+)\/(?:entries\/(.+?)|(new))\/?$/.exec(path);
  if (!match?.[1] || (match[2] === undefined && match[3] === undefined)) return undefined;
  return { collection: decodeURIComponent(match[1]), slug: match[2] === undefined ? undefined : decodeURIComponent(match[2]) };
}

/**
 * Whether going from the address `from` to `to` would leave Decap's editor with the previous
 * entry's draft. Decap handles itself: opening a new entry from an entry (it makes an empty
 * draft), and a new entry's own address after it is first saved (same collection).
 */
export function needsFreshEditor(from: string, to: string): boolean {
  const before = editorAddress(from);
  const after = editorAddress(to);
  if (!before || !after) return false;
  // A new entry after an entry gets an empty draft; after a new entry of another collection it does not.
  if (after.slug === undefined) return before.slug === undefined && before.collection !== after.collection;
  if (before.slug === undefined) return before.collection !== after.collection;
  return before.collection !== after.collection || before.slug !== after.slug;
}

/**
 * Installs the guard on `window`. Must run before Decap starts (`CMS.init()`), so that this
 * listener sees an address change before Decap's router does.
 */
export function freshEditorPerEntry(window: Window): void {
  // Chromium fires popstate and then hashchange for one address change; Decap's router may act on
  // either, so both are guarded, against the address the editor last showed.
  let shown = window.location.hash;
  const guard = (event: Event) => {
    const next = window.location.hash;
    if (next === shown) return;
    if (needsFreshEditor(shown, next)) {
      event.stopImmediatePropagation();
      window.location.reload();
      return;
    }
    shown = next;
  };
  window.addEventListener('popstate', guard);
  window.addEventListener('hashchange', guard);
}
