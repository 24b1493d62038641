import { readFileSync } from 'node:fs';
import type { z } from 'astro/zod';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { settingsSchema, type ReferencedCollection } from '../../src/schemas/index.ts';
import { fieldTexts } from './labels.ts';
import { laterDayPattern } from './later-day.ts';
import { NEWSROOM_TIME_ZONE } from '../../src/utils/dates.ts';
import { fieldsOf, jsonSchemaOf, markerHelpers, type CmsField, type FieldContext } from './fields.ts';
import { collectionModel, MEDIA, type CollectionName } from '../../src/content-model/index.ts';
import { DEFAULT_PROXY_PORT, MDX_FORMAT, MDX_WIDGET, MODERATION_URL_KEY, SLUG_KEY, YAML_FORMAT } from './names.ts';

/**
 * The Decap CMS configuration, generated from the content schemas and the site settings.
 * Nothing here repeats a field definition: fields come from `src/schemas/`, their Polish
 * names from `labels.ts`.
 */

/** Largest image an editor may upload, in bytes. */
export const MAX_IMAGE_BYTES = 8_000_000;

/** Where uploads land: next to the content, where `astro:assets` finds and optimizes them. */
const mediaFolder = `content/${MEDIA.folder}`;
/** How an uploaded image is written in an entry: relative to the entry file. */
const publicFolder = `../${MEDIA.folder}`;

export interface CmsConfigOptions {
  /** Parsed `content/settings/site.yml`. */
  settings: unknown;
  /** URL of the local backend (`decap-server`) the admin tries when served from 127.0.0.1 or localhost. */
  localBackendUrl?: string;
}

interface Collection {
  name: string;
  label: string;
  label_singular?: string;
  [option: string]: unknown;
}

const referenceDisplayField: Record<ReferencedCollection, string> = {
  authors: 'name',
  tags: 'name',
  sponsors: 'name',
};

/** Options of every image field: JPEG, PNG or WebP up to the size limit, no external URLs. */
const imageOptions = {
  choose_url: false,
  media_library: { config: { max_file_size: MAX_IMAGE_BYTES, multiple: false } },
};

function fieldsFor(collection: string, schema: Parameters<typeof jsonSchemaOf>[0], used: Set<string>): CmsField[] {
  const context: FieldContext = {
    collection,
    texts: fieldTexts,
    used,
    displayField: (target) => referenceDisplayField[target],
    image: imageOptions,
  };
  return fieldsOf(jsonSchemaOf(schema), context);
}

/** The MDX body; its media library (for figures) has the same limits as the image fields. */
const bodyField = (hint: string): CmsField => ({
  name: 'body',
  label: 'Treść',
  widget: MDX_WIDGET,
  hint,
  media_library: imageOptions.media_library,
});

/** The calendar day of `date` in the newsroom's time zone, as `YYYY-MM-DD`. */
function warsawDay(date: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: NEWSROOM_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

/** Every collection of the content model with its Decap fields. Throws when a label is missing or unused. */
export function cmsCollections(now = new Date()): Collection[] {
  const used = new Set<string>();
  /**
   * Folder, file type, format and file naming of a collection, from the content model. A new
   * entry's file name is the content model's `fileSlug` of its title or name, which the app puts
   * into the entry as `SLUG_KEY` before saving (Decap's own slug rules keep `_`, `~` and more).
   */
  const folder = (name: CollectionName) => {
    const model = collectionModel(name);
    return {
      folder: `content/${model.folder}`,
      media_folder: `/${mediaFolder}`,
      public_folder: publicFolder,
      extension: (model.extensions[0] ?? '').slice(1),
      format: model.format === 'mdx' ? MDX_FORMAT : YAML_FORMAT,
      identifier_field: model.slugFrom,
      slug: `{{fields.${SLUG_KEY}}}`,
    };
  };
  /** The CMS fields of a collection, from its schema in the content model. */
  const modelFields = (name: CollectionName) => fieldsFor(name, collectionModel(name).schema(markerHelpers), used);
  const settings = collectionModel('settings');
  const settingsFile = `content/${settings.folder}/${settings.names[0] ?? 'site'}${settings.extensions[0] ?? '.yml'}`;
  const collections: Collection[] = [
    {
      name: 'articles',
      label: 'Artykuły',
      label_singular: 'Artykuł',
      ...folder('articles'),
      create: true,
      // The list shows each article's status, date and first author; newest first.
      summary: "{{draft | ternary('[SZKIC] ', '')}}{{title}} · {{pubDate | date('DD.MM.YYYY HH:mm')}} · {{authors.0}}",
      sortable_fields: [
        { field: 'pubDate', label: 'Data publikacji', default_sort: 'desc' },
        { field: 'title', label: 'Tytuł' },
      ],
      view_filters: [
        { label: 'Szkice', field: 'draft', pattern: true },
        // Days after the one the configuration was generated on (every build and dev start).
        { label: 'Zaplanowane', field: 'pubDate', pattern: laterDayPattern(warsawDay(now)) },
      ],
      preview_path: 'artykuly/{{slug}}/',
      fields: [
        ...modelFields('articles'),
        bodyField('Akapity, śródtytuły, listy, linki i elementy z menu „Wstaw”. Tryb MDX pokazuje kod źródłowy.'),
      ],
    },
    {
      name: 'pages',
      label: 'Strony',
      label_singular: 'Strona',
      ...folder('pages'),
      create: true,
      preview_path: '{{slug}}/',
      fields: [...modelFields('pages'), bodyField('Treść strony.')],
    },
    {
      name: 'authors',
      label: 'Autorzy',
      label_singular: 'Autor',
      ...folder('authors'),
      create: true,
      preview_path: 'autorzy/{{slug}}/',
      fields: modelFields('authors'),
    },
    {
      name: 'tags',
      label: 'Tagi',
      label_singular: 'Tag',
      ...folder('tags'),
      create: true,
      preview_path: 'tagi/{{slug}}/',
      fields: modelFields('tags'),
    },
    {
      name: 'sponsors',
      label: 'Sponsorzy',
      label_singular: 'Sponsor',
      ...folder('sponsors'),
      create: true,
      fields: modelFields('sponsors'),
    },
    {
      name: 'redirects',
      label: 'Przekierowania',
      label_singular: 'Tabela przekierowań',
      ...folder('redirects'),
      create: true,
      fields: modelFields('redirects'),
    },
    {
      name: 'settings',
      label: 'Ustawienia',
      format: YAML_FORMAT,
      extension: 'yml',
      editor: { preview: false },
      files: [
        {
          name: 'site',
          label: 'Ustawienia serwisu',
          file: settingsFile,
          fields: modelFields('settings'),
        },
      ],
    },
  ];
  const unused = Object.keys(fieldTexts).filter((key) => !used.has(key));
  if (unused.length > 0) {
    throw new Error(`CMS config: labels without a schema field in admin/config/labels.ts: ${unused.join(', ')}`);
  }
  return collections;
}

type CmsSettings = NonNullable<z.output<ReturnType<typeof settingsSchema>>['cms']>;

/** Decap's `backend` for the `cms` section of the settings; see `src/schemas/settings.ts`. */
function productionBackend(cms: CmsSettings): Record<string, string> {
  const common = { repo: cms.repo, branch: cms.branch };
  switch (cms.backend) {
    case 'github': {
      // Decap opens `base_url/auth_endpoint` and accepts messages only from exactly `base_url`, an origin.
      const auth = new URL(cms.authUrl ?? '');
      return {
        name: 'github',
        ...common,
        ...(cms.apiRoot ? { api_root: cms.apiRoot.replace(/\/$/, '') } : {}),
        base_url: auth.origin,
        auth_endpoint: `${auth.pathname.replace(/^\/|\/$/g, '')}/auth`.replace(/^\//, ''),
        auth_scope: cms.scope,
      };
    }
    case 'gitlab': {
      const base = (cms.baseUrl ?? 'https://gitlab.com').replace(/\/$/, '');
      return {
        name: 'gitlab',
        ...common,
        auth_type: 'pkce',
        app_id: cms.appId ?? '',
        base_url: base,
        api_root: (cms.apiRoot ?? `${base}/api/v4`).replace(/\/$/, ''),
      };
    }
    case 'gitea': {
      const base = (cms.baseUrl ?? '').replace(/\/$/, '');
      return {
        name: 'gitea',
        ...common,
        app_id: cms.appId ?? '',
        base_url: base,
        api_root: (cms.apiRoot ?? `${base}/api/v1`).replace(/\/$/, ''),
      };
    }
  }
}

/** The production backend from the `cms` section of the settings; without one, GitHub with no repository. */
function backendOf(settings: unknown): Record<string, string> {
  const parsed = settingsSchema().safeParse(settings);
  const cms = parsed.success ? parsed.data.cms : undefined;
  // Without settings the branch is still the schema's default (Decap would assume "master").
  const branch = settingsSchema().shape.cms.unwrap().shape.branch.parse(undefined);
  return cms ? productionBackend(cms) : { name: 'github', branch };
}

/**
 * Origins the admin talks to besides its own and api.github.com (which its policy always
 * allows): a different API root and, for the PKCE backends, the host that issues tokens and
 * avatars. The admin build adds them to the page's Content Security Policy.
 */
export function backendOrigins(settings: unknown): string[] {
  const backend = backendOf(settings);
  const origins = new Set<string>();
  for (const key of ['api_root', ...(backend['name'] === 'github' ? [] : ['base_url'])]) {
    const url = backend[key];
    if (url) origins.add(new URL(url).origin);
  }
  origins.delete('https://api.github.com');
  return [...origins];
}

/** The whole Decap configuration object. */
export function cmsConfig({ settings, localBackendUrl }: CmsConfigOptions) {
  const site = settingsSchema().safeParse(settings);
  const backend = backendOf(settings);
  return {
    backend,
    // Decap's Gitea backend has no editorial workflow: entries are published when saved.
    ...(backend['name'] === 'gitea' ? {} : { publish_mode: 'editorial_workflow' }),
    local_backend: {
      url: localBackendUrl ?? `http://127.0.0.1:${DEFAULT_PROXY_PORT}/api/v1`,
      allowed_hosts: ['127.0.0.1', 'localhost'],
    },
    // The admin speaks the site's interface language.
    locale: site.success ? site.data.language : 'pl',
    ...(site.success ? { site_url: site.data.url, display_url: site.data.url } : {}),
    // Read by the admin's "Moderacja komentarzy" link (admin/src/moderation-link.ts).
    ...(site.success && site.data.comments?.enabled ? { [MODERATION_URL_KEY]: new URL('/moderacja/', site.data.comments.url).href } : {}),
    // The portal's logo on the login screen and in the header, instead of Decap's (the favicon's mark without one).
    logo: { src: site.success && site.data.logo ? site.data.logo.src : '/favicon.svg', show_in_header: true },
    media_folder: mediaFolder,
    public_folder: publicFolder,
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    collections: cmsCollections(),
  };
}

/** `config.yml` for the admin, generated for the content folder's settings. */
export function cmsConfigYaml(options: CmsConfigOptions): string {
  const header = '# Generated from src/schemas/ and content/settings/site.yml by admin/config/cms-config.ts. Do not edit.\n';
  return header + stringifyYaml(cmsConfig(options), { lineWidth: 0, aliasDuplicateObjects: false });
}

/** Reads the settings file of a content folder. */
export function readSettings(contentDir: string): unknown {
  return parseYaml(readFileSync(`${contentDir}/settings/site.yml`, 'utf8'));
}

/** Whether the settings name a production repository; without one only the local backend works. */
export function hasProductionRepo(settings: unknown): boolean {
  return 'repo' in backendOf(settings);
}
