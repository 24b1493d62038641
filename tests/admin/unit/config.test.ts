import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { z } from 'astro/zod';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { headersWithBackendOrigins, withBackendOrigins } from '../../../admin/build.ts';
import { ROOT } from '../../support/build.ts';
import { backendOrigins, cmsCollections, cmsConfig, cmsConfigYaml } from '../../../admin/config/cms-config.ts';
import { dateTimeFormat } from '../../../admin/config/fields.ts';
import { componentSpecs } from '../../../admin/src/mdx/components.ts';
import { COLLECTIONS } from '../../../src/content-model/index.ts';
import { SLUG_KEY } from '../../../admin/config/names.ts';
import { articleSchema, settingsSchema } from '../../../src/schemas/index.ts';

/**
 * The CMS configuration is generated from the schemas. These tests pin what it generates:
 * every collection's fields in outline and the component specs as inline snapshots (a change
 * to a schema, a label or the generator shows up in review), and the rules the generation
 * must keep (relations store slugs, dates carry their offset, uploads go to content/images).
 */

interface Field {
  name: string;
  widget: string;
  required?: boolean;
  fields?: Field[];
  [option: string]: unknown;
}

/**
 * One line per field, nested fields indented: `name widget "label"`, then what matters to an
 * editor: optional, the relation's collection, list bounds, select options, the pattern's message.
 */
function outline(fields: readonly Field[], depth = 0): string {
  return fields
    .flatMap((field) => {
      const notes = [
        field.required === false ? 'optional' : undefined,
        typeof field['collection'] === 'string' ? `→ ${field['collection']}` : undefined,
        field['multiple'] === true ? 'multiple' : undefined,
        typeof field['min'] === 'number' ? `min ${field['min']}` : undefined,
        typeof field['max'] === 'number' ? `max ${field['max']}` : undefined,
        Array.isArray(field['options'])
          ? `[${(field['options'] as (string | { value: unknown })[]).map((option) => (typeof option === 'string' ? option : String(option.value))).join(', ')}]`
          : undefined,
        Array.isArray(field['pattern']) ? `pattern: ${String(field['pattern'][1])}` : undefined,
      ].filter((note) => note !== undefined);
      const line = `${'  '.repeat(depth)}${field.name} ${field.widget} "${String(field['label'])}"${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`;
      const inner = field.fields ?? (field['field'] ? [field['field'] as Field] : []);
      return [line, ...(inner.length > 0 ? [outline(inner, depth + 1)] : [])];
    })
    .join('\n');
}

/** The generated fields of a collection (of its one file for a file collection), the body included. */
function allFieldsOf(collection: string): Field[] {
  const entry = cmsCollections().find((candidate) => candidate.name === collection);
  const files = entry?.['files'] as { fields: Field[] }[] | undefined;
  return files?.[0]?.fields ?? (entry?.['fields'] as Field[] | undefined) ?? [];
}

function fieldsOf(collection: string): Field[] {
  return allFieldsOf(collection).filter((field) => field.widget !== 'mdx');
}

const site = { name: 'S', description: 'D', url: 'https://s.example' };

describe('generated CMS configuration', () => {
  // The outline of every collection's fields: a change to a schema, a label or a widget shows up here in review.
  it('gives articles these fields', () => {
    expect(outline(allFieldsOf('articles'))).toMatchInlineSnapshot(`
      "title string "Tytuł" (pattern: Najwyżej 200 znaków.)
      lead text "Lead" (pattern: Najwyżej 600 znaków.)
      pubDate datetime-pl "Data publikacji"
      updatedDate datetime-pl "Data aktualizacji" (optional)
      corrections list "Korekty" (optional)
        date datetime-pl "Data korekty"
        text text "Co poprawiono" (pattern: Najwyżej 600 znaków.)
      authors relation "Autorzy" (→ authors; multiple; min 1)
      tags relation "Tagi" (optional; → tags; multiple)
      hero object "Zdjęcie główne" (optional)
        image image "Plik zdjęcia" (optional)
        alt string "Tekst alternatywny" (optional)
        caption string "Podpis" (optional)
        credit string "Autor zdjęcia" (optional)
      source string "Źródło" (optional; pattern: Najwyżej 40 znaków.)
      featured boolean "Wyróżniony na stronie głównej" (optional)
      draft boolean "Szkic" (optional)
      sponsor relation "Sponsor" (optional; → sponsors)
      ads boolean "Reklamy w treści" (optional)
      comments boolean "Komentarze czytelników" (optional)
      wordpress object "Import z WordPressa" (optional)
        id number "Identyfikator wpisu w WordPressie" (optional; min 1)
      body mdx "Treść""
    `);
  });

  it('gives authors these fields', () => {
    expect(outline(allFieldsOf('authors'))).toMatchInlineSnapshot(`
      "name string "Imię i nazwisko"
      role string "Funkcja" (optional)
      bio text "Biogram" (optional)
      photo image "Zdjęcie" (optional)
      links list "Odnośniki" (optional)
        label string "Tekst odnośnika"
        url string "Adres""
    `);
  });

  it('gives tags these fields', () => {
    expect(outline(allFieldsOf('tags'))).toMatchInlineSnapshot(`
      "name string "Nazwa"
      description text "Opis" (optional)"
    `);
  });

  it('gives sponsors these fields', () => {
    expect(outline(allFieldsOf('sponsors'))).toMatchInlineSnapshot(`
      "name string "Nazwa"
      url string "Strona sponsora"
      disclosure string "Informacja o sponsorowaniu" (optional)
      logo image "Logo" (optional)"
    `);
  });

  it('gives pages these fields', () => {
    expect(outline(allFieldsOf('pages'))).toMatchInlineSnapshot(`
      "title string "Tytuł"
      description text "Opis" (optional)
      updatedDate datetime-pl "Data ostatniej zmiany" (optional)
      wordpress object "Import z WordPressa" (optional)
        id number "Identyfikator strony w WordPressie" (optional; min 1)
      body mdx "Treść""
    `);
  });

  it('gives the settings file these fields', () => {
    expect(outline(allFieldsOf('settings'))).toMatchInlineSnapshot(`
      "name string "Nazwa serwisu"
      tagline string "Hasło pod nazwą" (optional)
      logo object "Logo (winieta)" (optional)
        src string "Plik logo" (optional; pattern: Niepoprawny format. SVG lub PNG w public/, np. /logo.svg.)
        width number "Szerokość w nagłówku (px)" (optional; min 1)
        height number "Wysokość w nagłówku (px)" (optional; min 1)
      description text "Opis serwisu"
      url string "Adres serwisu" (pattern: Podaj pełny adres, np. https://…)
      language select "Język interfejsu" (optional; [pl, en])
      pageSize number "Artykułów na stronie" (optional; min 1; max 100)
      navigation list "Menu w nagłówku" (optional)
        label string "Tekst"
        href string "Adres"
      newsletter object "Newsletter" (optional)
        action string "Adres formularza zapisu" (optional)
        emailField string "Nazwa pola e-mail" (optional)
        hiddenFields keyvalue "Pola ukryte" (optional)
      ads object "Reklamy" (optional)
        everyParagraphs number "Reklama co ile akapitów" (optional; min 1)
        inArticleSlot string "Miejsce reklam w treści" (optional)
        slots list "Miejsca reklamowe" (optional)
          id string "Identyfikator" (pattern: Niepoprawny format. Małe litery, cyfry i łączniki, np. in-article.)
          width number "Szerokość (px)" (min 1)
          height number "Wysokość (px)" (min 1)
          creative object "Kreacja" (optional)
            kind select "Rodzaj" (optional; [image, html])
            src string "Obrazek" (optional)
            alt string "Tekst alternatywny" (optional)
            href string "Adres docelowy" (optional)
            html text "Kod HTML" (optional)
      footer object "Stopka" (optional)
        text text "Tekst stopki" (optional)
        links list "Odnośniki w stopce" (optional)
          label string "Tekst"
          href string "Adres"
      comments object "Komentarze" (optional)
        enabled boolean "Komentarze włączone" (optional)
        url string "Adres usługi komentarzy" (optional; pattern: Podaj pełny adres, np. https://…)
        port number "Port usługi" (optional; min 1; max 65535)
        moderation select "Moderacja wstępna" (optional; [first, all, none])
        closeAfterDays number "Zamknij dyskusję po (dniach)" (optional; min 0)
        maxLength number "Najdłuższy komentarz (znaki)" (optional; min 100; max 20000)
      cms object "Repozytorium CMS" (optional)
        backend select "Serwis Git" (optional; [github, gitlab, gitea])
        repo string "Repozytorium" (optional; pattern: Niepoprawny format. W postaci właściciel/nazwa.)
        branch string "Gałąź" (optional)
        authUrl string "Adres usługi logowania" (optional; pattern: Podaj pełny adres, np. https://…)
        scope select "Uprawnienia GitHub" (optional; [public_repo, repo])
        appId string "Identyfikator aplikacji OAuth" (optional)
        baseUrl string "Adres serwisu Git" (optional; pattern: Podaj pełny adres, np. https://…)
        apiRoot string "Adres API" (optional; pattern: Podaj pełny adres, np. https://…)"
    `);
  });

  it('lists, sorts and filters the articles by status and date', () => {
    const { fields: _fields, ...articles } = cmsCollections(new Date('2026-11-22T12:00:00+01:00')).find(
      (candidate) => candidate.name === 'articles',
    ) as Record<string, unknown>;
    expect(articles).toMatchInlineSnapshot(`
      {
        "create": true,
        "extension": "mdx",
        "folder": "content/articles",
        "format": "szpalta-mdx",
        "identifier_field": "title",
        "label": "Artykuły",
        "label_singular": "Artykuł",
        "media_folder": "/content/images",
        "name": "articles",
        "preview_path": "artykuly/{{slug}}/",
        "public_folder": "../images",
        "slug": "{{fields.__szpaltaSlug}}",
        "sortable_fields": [
          {
            "default_sort": "desc",
            "field": "pubDate",
            "label": "Data publikacji",
          },
          {
            "field": "title",
            "label": "Tytuł",
          },
        ],
        "summary": "{{draft | ternary('[SZKIC] ', '')}}{{title}} · {{pubDate | date('DD.MM.YYYY HH:mm')}} · {{authors.0}}",
        "view_filters": [
          {
            "field": "draft",
            "label": "Szkice",
            "pattern": true,
          },
          {
            "field": "pubDate",
            "label": "Zaplanowane",
            "pattern": "^(?:[3-9]|2[1-9]|20[3-9]|202[7-9]|2026-[2-9]|2026-1[2-9]|2026-11-[3-9]|2026-11-2[3-9])",
          },
        ],
      }
    `);
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

  it('offers the registry components in the body editor, each prop with a Polish label', () => {
    const lines = componentSpecs.flatMap((spec) => [
      `${spec.name} "${spec.label}"${spec.children ? ' wraps text' : ''}`,
      ...spec.props.map(
        (prop) =>
          `  ${prop.name}${prop.required ? '*' : ''} "${prop.label}"${prop.image ? ' image' : ''}${
            prop.options ? ` [${prop.options.map((option) => `${option.value}=${option.label}`).join(', ')}]` : ''
          }${prop.hint ? ` (${prop.hint})` : ''}`,
      ),
    ]);
    expect(lines.join('\n')).toMatchInlineSnapshot(`
      "Figure "Zdjęcie z podpisem"
        src* "Zdjęcie" image (JPEG, PNG lub WebP z biblioteki mediów.)
        alt* "Tekst alternatywny" (Co widać na zdjęciu.)
        caption "Podpis"
        credit "Autor zdjęcia" (Drukowany jako „Foto: …”.)
      Callout "Ramka" wraps text
        type "Rodzaj" [info=informacja, warning=ostrzeżenie, important=ważne]
        title "Tytuł ramki"
      Quote "Cytat" wraps text
        author "Autor cytatu"
        source "Funkcja lub źródło" (Np. rzecznik UODO, konferencja prasowa.)
      Ad "Miejsce reklamowe"
        slot "Miejsce reklamowe" (Identyfikator z ustawień; puste = miejsce w treści.)
      Embed "Osadzony odnośnik"
        url* "Adres (https://)"
        title* "Tytuł odnośnika" (Co czytelnik znajdzie pod adresem.)
        provider "Serwis" (Np. YouTube; domyślnie nazwa domeny.)"
    `);
  });
});
