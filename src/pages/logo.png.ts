import type { APIRoute } from 'astro';
import { publisherLogoPng } from '../lib/brand.ts';
import { getSite } from '../lib/site.ts';

/** The publisher logo of the structured data (`PUBLISHER_LOGO`), drawn from the settings' logo at build time. */
export const GET: APIRoute = async () => {
  const { settings } = await getSite();
  const { png } = await publisherLogoPng(settings);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
