import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { z } from 'astro/zod';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { headersWithBackendOrigins, withBackendOrigins } from '../../../admin/build.ts';
import { ROOT } from '../../support/build.ts';
import { backendOrigins, cmsCollections, cmsConfig, cmsConfigYaml } from '../../../admin/config/cms-config.ts';
import { dateTimeFormat, jsonSchemaOf, markerHelpers } from '../../../admin/config/fields.ts';
import { componentSpecs } from '../../../admin/src/mdx/components.ts';
import { mdxComponents } from '../../../src/components/mdx/registry.ts';
import { COLLECTIONS } from '../../../src/content-model/index.ts';
import { SLUG_KEY } from '../../../admin/config/names.ts';
import { articleSchema, authorSchema, pageSchema, settingsSchema, sponsorSchema, tagSchema } from '../../../src/schemas/index.ts';

/**
 * The CMS configuration is generated from the schemas; these tests pin what the generation
 * must guarantee: every schema field is in the CMS with its required-ness, and nothing else.
 */

interface Field {
  name: string;
  widget: string;
  required?: boolean;
  fields?: Field[];
  [option: string]: unknown;
}

const schemas = {
  articles: articleSchema(markerHelpers),
  authors: authorSchema(markerHelpers),
  tags: tagSchema(),
  sponsors: sponsorSchema(markerHelpers),
  pages: pageSchema(),
  settings: settingsSchema(),
};

function fieldsOf(collection: string): Field[] {
  const entry = cmsCollections().find((candidate) => candidate.name === collection);
  const files = entry?.['files'] as { fields: Field[] }[] | undefined;
  return (files?.[0]?.fields ?? (entry?.['fields'] as Field[] | undefined) ?? []).filter((field) => field.widget !== 'mdx');
}

const site = { name: 'S', description: 'D', url: 'https://s.example' };

describe('generated CMS configuration', () => {
  it.each(Object.entries(schemas))('has exactly the fields of the %s schema, required where the schema requires them', (name, schema) => {
    const json = jsonSchemaOf(schema) as { properties: Record<string, unknown>; required?: string[] };
    const fields = fieldsOf(name);
    expect(fields.map((field) => field.name)).toEqual(Object.keys(json.properties));
    const required = new Set(json.required ?? []);
    for (const field of fields) expect([field.name, field.required !== false]).toEqual([field.name, required.has(field.name)]);
  });

  it('edits article bodies and page bodies with the MDX widget', () => {
    for (const name of ['articles', 'pages']) {
      const entry = cmsCollections().find((candidate) => candidate.name === name);
      expect((entry?.['fields'] as Field[]).at(-1)).toMatchObject({ name: 'body', widget: 'mdx' });
    }
  });

  it('uses relation widgets for authors, tags and the sponsor, storing slugs', () => {
    const byName = new Map(fieldsOf('articles').map((field) => [field.name, field]));
    expect(byName.get('authors')).toMatchObject({
      widget: 'relation',
      collection: 'authors',
      multiple: true,
      min: 1,
      value_field: '{{slug}}',
    });
    expect(byName.get('tags')).toMatchObject({ widget: 'relation', collection: 'tags', multiple: true, value_field: '{{slug}}' });
    expect(byName.get('sponsor')).toMatchObject({ widget: 'relation', collection: 'sponsors', value_field: '{{slug}}' });
  });

  it('writes dates in a form the schema accepts, with the offset', () => {
    const written = dayjs('2026-11-22T09:30:00+01:00').format(dateTimeFormat);
    expect(written).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    expect(articleSchema({ image: () => z.string(), reference: () => z.string() }).shape.pubDate.parse(written)).toBeInstanceOf(Date);
  });

  it('puts uploads where astro:assets optimizes them and writes them relative to the entry', () => {
    for (const entry of cmsCollections().filter((candidate) => 'folder' in candidate)) {
      expect(entry).toMatchObject({ media_folder: '/content/images', public_folder: '../images' });
    }
    const hero = fieldsOf('articles').find((field) => field.name === 'hero');
    expect(hero?.fields?.find((field) => field.name === 'image')).toMatchObject({ widget: 'image', choose_url: false });
  });

  it('takes the production repository from the settings and keeps the local backend for this machine', () => {
    const config = cmsConfig({
      settings: { ...site, cms: { repo: 'redakcja/portal', branch: 'produkcja', authUrl: 'https://auth.s.example' } },
    });
    expect(config).toMatchObject({
      backend: { name: 'github', repo: 'redakcja/portal', branch: 'produkcja' },
      publish_mode: 'editorial_workflow',
      locale: 'pl',
      local_backend: { url: 'http://127.0.0.1:8081/api/v1' },
      slug: { encoding: 'ascii', clean_accents: true },
    });
    expect(parse(cmsConfigYaml({ settings: {} }))).toMatchObject({ backend: { name: 'github', branch: 'main' } });
  });

  it("takes every collection's folder, file type and file naming from the content model", () => {
    const collections = cmsCollections();
    expect(collections.map((collection) => collection.name)).toEqual(COLLECTIONS.map((model) => model.name));
    for (const model of COLLECTIONS) {
      const collection = collections.find((candidate) => candidate.name === model.name);
      if (model.names !== 'slug') {
        expect(collection?.['files']).toMatchObject([
          { file: `content/${model.folder}/${model.names[0] ?? ''}${model.extensions[0] ?? ''}` },
        ]);
        continue;
      }
      expect(collection).toMatchObject({
        folder: `content/${model.folder}`,
        extension: model.extensions[0]?.slice(1),
        identifier_field: model.slugFrom,
        // Decap's own slug keeps _, ~ and more; the app puts the project's slug into this field before saving.
        slug: `{{fields.${SLUG_KEY}}}`,
      });
    }
  });

  it('logs in to GitHub through the auth service, with the scope of the settings', () => {
    const config = cmsConfig({
      settings: { ...site, cms: { repo: 'redakcja/portal', authUrl: 'https://auth.s.example', scope: 'public_repo' } },
    });
    expect(config.backend).toMatchInlineSnapshot(`
      {
        "auth_endpoint": "auth",
        "auth_scope": "public_repo",
        "base_url": "https://auth.s.example",
        "branch": "main",
        "name": "github",
        "repo": "redakcja/portal",
      }
    `);
    expect(config.publish_mode).toBe('editorial_workflow');
    expect(backendOrigins({ ...site, cms: { repo: 'a/b', authUrl: 'https://x.example' } })).toEqual([]);
  });

  it('serves the auth service from a path and GitHub Enterprise from its own API root', () => {
    const settings = {
      ...site,
      cms: { repo: 'redakcja/portal', authUrl: 'https://www.s.example/oauth/', apiRoot: 'https://ghe.s.example/api/v3/' },
    };
    expect(cmsConfig({ settings }).backend).toMatchInlineSnapshot(`
      {
        "api_root": "https://ghe.s.example/api/v3",
        "auth_endpoint": "oauth/auth",
        "auth_scope": "repo",
        "base_url": "https://www.s.example",
        "branch": "main",
        "name": "github",
        "repo": "redakcja/portal",
      }
    `);
    expect(backendOrigins(settings)).toEqual(['https://ghe.s.example']);
  });

  it('logs in to GitLab with PKCE, on gitlab.com or a self-hosted instance', () => {
    const onGitlabCom = { ...site, cms: { backend: 'gitlab', repo: 'redakcja/serwisy/portal', appId: 'a1b2c3' } };
    expect(cmsConfig({ settings: onGitlabCom }).backend).toMatchInlineSnapshot(`
      {
        "api_root": "https://gitlab.com/api/v4",
        "app_id": "a1b2c3",
        "auth_type": "pkce",
        "base_url": "https://gitlab.com",
        "branch": "main",
        "name": "gitlab",
        "repo": "redakcja/serwisy/portal",
      }
    `);
    expect(cmsConfig({ settings: onGitlabCom }).publish_mode).toBe('editorial_workflow');
    expect(backendOrigins(onGitlabCom)).toEqual(['https://gitlab.com']);
    const selfHosted = { ...site, cms: { backend: 'gitlab', repo: 'redakcja/portal', appId: 'a1', baseUrl: 'https://git.s.example/' } };
    expect(cmsConfig({ settings: selfHosted }).backend).toMatchObject({
      base_url: 'https://git.s.example',
      api_root: 'https://git.s.example/api/v4',
    });
  });

  it('logs in to Gitea or Forgejo with PKCE, without the editorial workflow Decap lacks there', () => {
    const settings = { ...site, cms: { backend: 'gitea', repo: 'redakcja/portal', appId: 'f00d', baseUrl: 'https://forgejo.s.example' } };
    const config = cmsConfig({ settings });
    expect(config.backend).toMatchInlineSnapshot(`
      {
        "api_root": "https://forgejo.s.example/api/v1",
        "app_id": "f00d",
        "base_url": "https://forgejo.s.example",
        "branch": "main",
        "name": "gitea",
        "repo": "redakcja/portal",
      }
    `);
    expect(config).not.toHaveProperty('publish_mode');
    expect(backendOrigins(settings)).toEqual(['https://forgejo.s.example']);
  });

  it('refuses a cms section that cannot log in, naming the field', () => {
    const problems = (cms: Record<string, unknown>) =>
      settingsSchema()
        .safeParse({ ...site, cms })
        .error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    expect(problems({ repo: 'a/b' })).toEqual([
      'cms.authUrl: authUrl is required for the github backend: the URL of the auth service (see README, Deploying)',
    ]);
    expect(problems({ backend: 'gitlab', repo: 'a/b' })).toEqual([
      'cms.appId: appId is required for the gitlab backend: the id of its OAuth application',
    ]);
    expect(problems({ backend: 'gitea', repo: 'a/b/c', appId: 'x' })).toEqual([
      'cms.baseUrl: baseUrl is required for the gitea backend: the web address of the Gitea or Forgejo host',
      'cms.repo: repo must look like owner/name',
    ]);
    expect(problems({ repo: 'a/b', authUrl: 'javascript:alert(1)' })?.[0]).toMatch(
      /^cms\.authUrl: authUrl must be an absolute http\(s\) URL/,
    );
  });

  it('lets the admin page reach the git host in its Content Security Policy', () => {
    const page =
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; img-src 'self' data:; connect-src 'self' https://api.github.com\" />";
    expect(withBackendOrigins(page, ['https://gitlab.com'])).toBe(
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; img-src 'self' data: https://gitlab.com; connect-src 'self' https://api.github.com https://gitlab.com\" />",
    );
    expect(() => withBackendOrigins(page, ['https://x.example" onload="'])).toThrow('is not a plain http(s) origin');
    expect(() => withBackendOrigins('<meta charset="utf-8">', [])).toThrow('no Content-Security-Policy');
  });

  it("lets the admin reach the git host under the policy of the static hosts' _headers file too", async () => {
    const headers = await readFile(join(ROOT, 'public/_headers'), 'utf8');
    const patched = headersWithBackendOrigins(headers, ['https://gitlab.com']);
    const changed = patched.split('\n').filter((line, index) => line !== headers.split('\n')[index]);
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatch(
      /^\s+Content-Security-Policy: default-src 'self';.* img-src [^;]* https:\/\/gitlab\.com;.* connect-src [^;]* https:\/\/gitlab\.com;/,
    );
    expect(headersWithBackendOrigins(headers, [])).toBe(headers);
  });

  it('offers every registry component in the body editor, each prop with a Polish label', () => {
    expect(componentSpecs.map((spec) => spec.name)).toEqual(Object.keys(mdxComponents));
    for (const spec of componentSpecs) {
      expect(spec.props.map((prop) => prop.name)).toEqual(Object.keys(mdxComponents[spec.name].props.shape));
    }
  });
});
