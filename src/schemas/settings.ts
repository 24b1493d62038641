import { z } from 'astro/zod';
import { linkTarget, optionalText, requiredText, text } from './helpers.ts';

/** A link in the header or footer navigation. */
const navLink = z.object({
  /** Visible text. */
  label: requiredText('label'),
  /** Site path (`/tagi/bezpieczenstwo/`) or absolute URL. */
  href: linkTarget,
});

/**
 * One advertisement that fills a slot. Either an image with a link, or an HTML snippet
 * from the ad server (trusted: settings are edited by the newsroom's administrators).
 */
const adCreative = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('image'),
    /** Image path under `public/` (`/ads/baner.png`). */
    src: requiredText('src'),
    /** Alternative text of the ad image. */
    alt: requiredText('alt'),
    /** Where a click leads; the link gets `rel="sponsored noopener"`. */
    href: linkTarget,
  }),
  z.object({
    kind: z.literal('html'),
    /** Markup inserted as is inside the slot. */
    html: requiredText('html'),
  }),
]);

/**
 * An ad slot: a named place on the page with reserved space, labelled "REKLAMA".
 * A slot with no creative renders nothing.
 */
const adSlot = z.object({
  /** Slot name used by pages and by `<Ad slot="…" />` in articles (`top`, `in-article`, `sidebar`). */
  id: z.string().regex(/^[a-z0-9-]+$/, { error: 'id must be lower-case letters, digits and hyphens' }),
  /** Reserved width in CSS pixels; with `height` it fixes the box so the page does not shift when the ad loads. */
  width: z.number().int().positive(),
  /** Reserved height in CSS pixels. */
  height: z.number().int().positive(),
  /** What fills the slot. Optional: an empty slot is not shown at all. */
  creative: adCreative.optional(),
});

/** Git hosts the CMS can commit to on the live site. */
export const CMS_BACKENDS = ['github', 'gitlab', 'gitea'] as const;

/** GitHub OAuth scopes: enough for a public content repository, and for a private one. */
export const GITHUB_SCOPES = ['public_repo', 'repo'] as const;

const httpUrl = (what: string) =>
  z.url({ protocol: /^https?$/, error: `${what} must be an absolute http(s) URL such as https://auth.szpalta.example` });

/**
 * The CMS in production (`admin/config/cms-config.ts` turns it into Decap's `backend`).
 * GitHub needs the auth service (`auth/`) for its login; GitLab and Gitea/Forgejo log in in
 * the browser with PKCE and need an OAuth application id instead.
 */
const cmsSettings = z
  .object({
    /** Git host: `github` (default), `gitlab`, or `gitea` (also Forgejo). */
    backend: z.enum(CMS_BACKENDS).default('github'),
    /** Repository as `owner/name` (GitLab: `group/subgroup/project` too). */
    repo: z.string().regex(/^[\w.-]+(?:\/[\w.-]+)+$/, { error: 'repo must look like owner/name' }),
    /** Branch the CMS commits to. Default: `main`. */
    branch: z.string().min(1).default('main'),
    /** GitHub: URL of the auth service (`auth/`, `npm run auth`) that runs the OAuth login. Required for `github`. */
    authUrl: httpUrl('authUrl').optional(),
    /** GitHub: OAuth scope, `public_repo` for a public content repository or `repo` for a private one. Default: `repo`. */
    scope: z.enum(GITHUB_SCOPES).default('repo'),
    /** GitLab and Gitea: id of the OAuth application (PKCE, no secret). Required for `gitlab` and `gitea`. */
    appId: z.string().trim().min(1).optional(),
    /** GitLab and Gitea: web address of the host. Default for GitLab: `https://gitlab.com`; required for Gitea. */
    baseUrl: httpUrl('baseUrl').optional(),
    /** API root, for GitHub Enterprise or a self-hosted GitLab/Gitea. Default: the host's public API (`…/api/v4`, `…/api/v1`). */
    apiRoot: httpUrl('apiRoot').optional(),
  })
  .superRefine((cms, context) => {
    // `params.fix` is the content check's advice line.
    const need = (field: 'authUrl' | 'appId' | 'baseUrl', why: string, fix: string) => {
      if (cms[field] === undefined)
        context.addIssue({ code: 'custom', path: [field], message: `${field} is required ${why}`, params: { fix } });
    };
    if (cms.backend === 'github') {
      need(
        'authUrl',
        'for the github backend: the URL of the auth service (see README, Deploying)',
        'add authUrl: https://auth.<your domain>',
      );
    } else {
      need(
        'appId',
        `for the ${cms.backend} backend: the id of its OAuth application`,
        `add appId: the application id ${cms.backend} shows`,
      );
    }
    if (cms.backend === 'gitea') {
      need('baseUrl', 'for the gitea backend: the web address of the Gitea or Forgejo host', 'add baseUrl: https://<your git host>');
    }
    if (cms.backend !== 'gitlab' && cms.repo.split('/').length !== 2) {
      context.addIssue({ code: 'custom', path: ['repo'], message: 'repo must look like owner/name', params: { fix: 'write owner/name' } });
    }
  });

/** Site settings: `content/settings/site.yml`, edited by the CMS like any other content. */
export const settingsSchema = () =>
  z.object({
    /** Portal name shown in the header, titles and feeds. Required. */
    name: requiredText('name'),
    /** A short line under the name. Optional. */
    tagline: optionalText(),
    /**
     * The portal's logo (masthead): an SVG or PNG under `public/` with its intrinsic size. It is
     * shown in the header and on the CMS login screen, and rendered at build time into the
     * publisher logo of the structured data (`/logo.png`) and the default social-share image
     * (`/social.png`). Optional: without it the header shows the name in type.
     */
    logo: z
      .object({
        /** Path under `public/` (`/logo.svg`). */
        src: z
          .string()
          .regex(/^\/[\w./-]+\.(?:svg|png)$/, { error: 'logo.src must be a path under public/ ending in .svg or .png, such as /logo.svg' }),
        /** Width in CSS pixels at which the header shows it. */
        width: z.number().int().positive(),
        /** Height in CSS pixels at which the header shows it. */
        height: z.number().int().positive(),
      })
      .optional(),
    /** Description for search engines and the site feed. Required. */
    description: requiredText('description'),
    /** Absolute URL the site is served from, used for canonical links, feeds and sitemaps. */
    url: z.url({ error: 'url must be an absolute URL such as https://szpalta.example' }),
    /** Interface language: `pl` (default) or `en`. Article text is not translated. */
    language: z.enum(['pl', 'en']).default('pl'),
    /** Articles per page on the home archive, tag and author pages. Default: 10. */
    pageSize: z.number().int().min(1).max(100).default(10),
    /** Header navigation. Default: none. */
    navigation: z.array(navLink).default([]),
    /** Newsletter signup box. Without `action` the box is not shown. */
    newsletter: z
      .object({
        /** URL of the newsletter provider's signup form (the form posts there). */
        action: linkTarget.optional(),
        /** Name of the e-mail field the provider expects. Default: `email`. */
        emailField: text().min(1).default('email'),
        /** Extra hidden fields the provider needs (list id and the like). Default: none. */
        hiddenFields: z.record(text(), text()).default({}),
      })
      .default({ emailField: 'email', hiddenFields: {} }),
    /** Advertising. */
    ads: z
      .object({
        /** Put an automatic in-article slot after every N top-level paragraphs. Default: 4. */
        everyParagraphs: z.number().int().min(1).default(4),
        /** Slot id used for the automatic in-article ads. Default: `in-article`. */
        inArticleSlot: z.string().default('in-article'),
        /** All slots of the site. Default: none. */
        slots: z.array(adSlot).default([]),
      })
      .default({ everyParagraphs: 4, inArticleSlot: 'in-article', slots: [] }),
    /** Footer content. */
    footer: z
      .object({
        /** Text under the footer links (publisher, copyright). Optional. */
        text: optionalText(),
        /** Links in the footer (static pages, contact). Default: none. */
        links: z.array(navLink).default([]),
      })
      .default({ links: [] }),
    /**
     * Reader comments, served by the comment service (`comments/`, `npm run comments`). Without
     * this block, or with `enabled: false`, article pages have no comments section.
     */
    comments: z
      .object({
        /** Comments on or off for the whole site. Default: true. */
        enabled: z.boolean().default(true),
        /** Public URL of the comment service, where readers' browsers reach it (`https://komentarze.szpalta.example`). */
        url: z.url({ error: 'comments.url must be an absolute URL such as https://komentarze.szpalta.example' }),
        /** Port the service listens on (127.0.0.1 unless COMMENTS_HOST says otherwise). Default: 4322. */
        port: z.number().int().min(1).max(65535).default(4322),
        /** Who waits for a moderator: `first` (a reader's first comment), `all` (every comment), `none`. Default: `first`. */
        moderation: z.enum(['first', 'all', 'none']).default('first'),
        /** Close a thread this many days after the article's publication; 0 never closes. Default: 0. */
        closeAfterDays: z.number().int().min(0).default(0),
        /** Longest comment in characters. Default: 5000. */
        maxLength: z.number().int().min(100).max(20000).default(5000),
      })
      .optional(),
    /** Where the CMS commits in production, and how editors log in there. Without it only the local backend works. */
    cms: cmsSettings.optional(),
  });
