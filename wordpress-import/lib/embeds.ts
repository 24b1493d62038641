/** An address the site shows as an `<Embed>` link card. */
export interface EmbedTarget {
  url: string;
  provider: string;
  /** What the reader finds there, in Polish (the Embed card's title). */
  title: string;
}

/** Services WordPress embeds by URL (its oEmbed providers), by host name. */
const PROVIDERS: { host: RegExp; provider: string; what: string }[] = [
  { host: /(?:^|\.)(?:youtube\.com|youtu\.be|youtube-nocookie\.com)$/, provider: 'YouTube', what: 'Film' },
  { host: /(?:^|\.)vimeo\.com$/, provider: 'Vimeo', what: 'Film' },
  { host: /(?:^|\.)(?:twitter\.com|x\.com)$/, provider: 'X', what: 'Wpis' },
  { host: /(?:^|\.)facebook\.com$/, provider: 'Facebook', what: 'Wpis' },
  { host: /(?:^|\.)instagram\.com$/, provider: 'Instagram', what: 'Wpis' },
  { host: /(?:^|\.)tiktok\.com$/, provider: 'TikTok', what: 'Film' },
  { host: /(?:^|\.)soundcloud\.com$/, provider: 'SoundCloud', what: 'Nagranie' },
  { host: /(?:^|\.)spotify\.com$/, provider: 'Spotify', what: 'Nagranie' },
  { host: /(?:^|\.)flickr\.com$/, provider: 'Flickr', what: 'Zdjęcia' },
  { host: /(?:^|\.)dailymotion\.com$/, provider: 'Dailymotion', what: 'Film' },
  { host: /(?:^|\.)slideshare\.net$/, provider: 'SlideShare', what: 'Prezentacja' },
  { host: /(?:^|\.)scribd\.com$/, provider: 'Scribd', what: 'Dokument' },
  { host: /(?:^|\.)wordpress\.tv$/, provider: 'WordPress.tv', what: 'Film' },
  { host: /(?:^|\.)ted\.com$/, provider: 'TED', what: 'Wykład' },
  { host: /(?:^|\.)reddit\.com$/, provider: 'Reddit', what: 'Wpis' },
  { host: /(?:^|\.)tumblr\.com$/, provider: 'Tumblr', what: 'Wpis' },
  { host: /(?:^|\.)imgur\.com$/, provider: 'Imgur', what: 'Obraz' },
  { host: /(?:^|\.)mixcloud\.com$/, provider: 'Mixcloud', what: 'Nagranie' },
];

/**
 * The Embed for an address of a known service, upgraded to https (the component accepts only
 * https); undefined for anything else, which is then dropped and reported.
 */
export function embedFor(address: string): EmbedTarget | undefined {
  let url: URL;
  try {
    url = new URL(address.trim().replace(/^\/\//, 'https://'));
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  url.protocol = 'https:';
  const host = url.hostname.toLowerCase();
  const known = PROVIDERS.find((candidate) => candidate.host.test(host));
  if (!known) return undefined;
  // Player addresses (youtube.com/embed/ID) become the page a reader can open.
  const youtube = /^\/embed\/([\w-]{6,})/.exec(url.pathname);
  if (known.provider === 'YouTube' && youtube)
    return { url: `https://www.youtube.com/watch?v=${youtube[1]}`, provider: 'YouTube', title: 'Film w serwisie YouTube' };
  return { url: url.href, provider: known.provider, title: `${known.what} w serwisie ${known.provider}` };
}
