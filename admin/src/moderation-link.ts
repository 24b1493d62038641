import { parse } from 'yaml';
import { MODERATION_URL_KEY } from '../config/names.ts';

/**
 * The corner of Decap's top bar with the site link and the account menu (its `SettingsDropdown`),
 * the same on the collection screens and in the editor's toolbar. Matched by the component's
 * name, which Decap's styled components carry in their class names.
 */
const TOP_BAR_CORNER = '[class*="-SettingsWrapper"]';

/** The link's looks beside Decap's site link: a red button with a focus ring that shows on white. */
const STYLE = `
.szpalta-moderation-link {
  flex: none;
  margin-right: 8px;
  padding: 8px 12px;
  border-radius: 4px;
  background: #b3121b;
  color: #fff;
  font: 600 14px system-ui, sans-serif;
  white-space: nowrap;
  text-decoration: none;
}
.szpalta-moderation-link:hover {
  background: #8c0e15;
}
.szpalta-moderation-link:focus-visible {
  outline: 3px solid #1e2532;
  outline-offset: 2px;
}
`;

/**
 * Adds "Moderacja komentarzy" to the CMS screen when the site has comments: a link to the
 * comment service's moderation page, read from the generated `config.yml`. Decap 3 has no API
 * for extra menu entries, so the link is put into the top bar's corner before the site link,
 * in the bar's own layout: it never covers a field, and it comes in the tab order with the
 * bar's other controls. Decap renders a new bar when the screen changes (collections, editor),
 * so the link moves into the bar on screen whenever it has left the page; the login screen has
 * no bar and no link.
 */
export async function addModerationLink(document: Document): Promise<void> {
  const response = await fetch('config.yml');
  if (!response.ok) return;
  const config = parse(await response.text()) as Record<string, unknown> | null;
  const url = config?.[MODERATION_URL_KEY];
  if (typeof url !== 'string') return;
  const style = document.createElement('style');
  style.textContent = STYLE;
  document.head.append(style);
  const link = document.createElement('a');
  link.href = url;
  link.textContent = 'Moderacja komentarzy';
  link.className = 'szpalta-moderation-link';
  const place = () => {
    if (!link.isConnected) document.querySelector(TOP_BAR_CORNER)?.prepend(link);
  };
  new MutationObserver(place).observe(document.body, { childList: true, subtree: true });
  place();
}
