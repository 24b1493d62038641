import type { APIRoute } from 'astro';
import { socialImagePng } from '../lib/brand.ts';
import { getSite } from '../lib/site.ts';

/** The default social-share image (`SOCIAL_IMAGE`), drawn from the settings' logo at build time. */
export const GET: APIRoute = async () => {
  const { settings } = await getSite();
  return new Response(new Uint8Array(await socialImagePng(settings)), { headers: { 'Content-Type': 'image/png' } });
};
