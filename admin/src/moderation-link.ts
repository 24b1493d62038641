import { parse } from 'yaml';
import { MODERATION_URL_KEY } from '../config/names.ts';

/**
 * Adds "Moderacja komentarzy" to the CMS screen when the site has comments: a link to the
 * comment service's moderation page, read from the generated `config.yml`. Decap 3 has no API
 * for extra menu entries, so the link is a fixed element of the admin page.
 */
export async function addModerationLink(document: Document): Promise<void> {
  const response = await fetch('config.yml');
  if (!response.ok) return;
  const config = parse(await response.text()) as Record<string, unknown> | null;
  const url = config?.[MODERATION_URL_KEY];
  if (typeof url !== 'string') return;
  const link = document.createElement('a');
  link.href = url;
  link.textContent = 'Moderacja komentarzy';
  link.className = 'szpalta-moderation-link';
  link.setAttribute(
    'style',
    'position:fixed;left:1rem;bottom:1rem;z-index:400;padding:.6rem 1rem;border-radius:.4rem;background:#b3121b;color:#fff;font:600 15px system-ui,sans-serif;text-decoration:none;box-shadow:0 2px 6px rgba(0,0,0,.3)',
  );
  document.body.append(link);
}
