import { readFileSync } from 'node:fs';
import type { z } from 'astro/zod';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import {
  articleSchema,
  authorSchema,
  pageSchema,
  settingsSchema,
  sponsorSchema,
  tagSchema,
  type ReferencedCollection,
} from '../../src/schemas/index.ts';
import { fieldTexts } from './labels.ts';
import { fieldsOf, jsonSchemaOf, markerHelpers, type CmsField, type FieldContext } from './fields.ts';
import { DEFAULT_PROXY_PORT, MDX_FORMAT, MDX_WIDGET, YAML_FORMAT } from './names.ts';

/**
 * The Decap CMS configuration, generated from the content schemas and the site settings.
 * Nothing here repeats a field definition: fields come from `src/schemas/`, their Polish
 * names from `labels.ts`.
 */

/** Largest image an editor may upload, in bytes. */
export const MAX_IMAGE_BYTES = 8_000_000;

/** Where uploads land: next to the content, where `astro:assets` finds and optimizes them. */
const mediaFolder = 'content/images';
/** How an uploaded image is written in an entry: relative to the entry file. */
const publicFolder = '../images';

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

/** Every collection of the content model with its Decap fields. Throws when a label is missing or unused. */
export function cmsCollections(): Collection[] {
  const used = new Set<string>();
  const folder = (name: string) => ({
    folder: `content/${name}`,
    media_folder: `/${mediaFolder}`,
    public_folder: publicFolder,
  });
  const collections: Collection[] = [
    {
      name: 'articles',
      label: 'Artykuły',
      label_singular: 'Artykuł',
      ...folder('articles'),
      extension: 'mdx',
      format: MDX_FORMAT,
      create: true,
      identifier_field: 'title',
      slug: '{{slug}}',
      summary: '{{title}}',
      sortable_fields: ['pubDate', 'title'],
      view_filters: [{ label: 'Szkice', field: 'draft', pattern: true }],
      preview_path: 'artykuly/{{slug}}/',
      fields: [
        ...fieldsFor('articles', articleSchema(markerHelpers), used),
        bodyField('Akapity, śródtytuły, listy, linki i elementy z menu „Wstaw”. Tryb MDX pokazuje kod źródłowy.'),
      ],
    },
    {
      name: 'pages',
      label: 'Strony',
      label_singular: 'Strona',
      ...folder('pages'),
      extension: 'mdx',
      format: MDX_FORMAT,
      create: true,
      identifier_field: 'title',
      slug: '{{slug}}',
      preview_path: '{{slug}}/',
      fields: [...fieldsFor('pages', pageSchema(), used), bodyField('Treść strony.')],
    },
    {
      name: 'authors',
      label: 'Autorzy',
      label_singular: 'Autor',
      ...folder('authors'),
      extension: 'yml',
      format: YAML_FORMAT,
      create: true,
      identifier_field: 'name',
      slug: '{{slug}}',
      preview_path: 'autorzy/{{slug}}/',
      fields: fieldsFor('authors', authorSchema(markerHelpers), used),
    },
    {
      name: 'tags',
      label: 'Tagi',
      label_singular: 'Tag',
      ...folder('tags'),
      extension: 'yml',
      format: YAML_FORMAT,
      create: true,
      identifier_field: 'name',
      slug: '{{slug}}',
      preview_path: 'tagi/{{slug}}/',
      fields: fieldsFor('tags', tagSchema(), used),
    },
    {
      name: 'sponsors',
      label: 'Sponsorzy',
      label_singular: 'Sponsor',
      ...folder('sponsors'),
      extension: 'yml',
      format: YAML_FORMAT,
      create: true,
      identifier_field: 'name',
      slug: '{{slug}}',
      fields: fieldsFor('sponsors', sponsorSchema(markerHelpers), used),
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
          file: 'content/settings/site.yml',
          fields: fieldsFor('settings', settingsSchema(), used),
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
    locale: 'pl',
    ...(site.success ? { site_url: site.data.url, display_url: site.data.url } : {}),
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
