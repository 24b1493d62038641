import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { z } from 'astro/zod';
import { cmsCollections, cmsConfig, cmsConfigYaml } from '../../../admin/config/cms-config.ts';
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
      settings: { name: 'S', description: 'D', url: 'https://s.example', cms: { repo: 'redakcja/portal', branch: 'produkcja' } },
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

  it('offers every registry component in the body editor, each prop with a Polish label', () => {
    expect(componentSpecs.map((spec) => spec.name)).toEqual(Object.keys(mdxComponents));
    for (const spec of componentSpecs) {
      expect(spec.props.map((prop) => prop.name)).toEqual(Object.keys(mdxComponents[spec.name].props.shape));
    }
  });
});
