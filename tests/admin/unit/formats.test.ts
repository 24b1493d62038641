import { describe, expect, it } from 'vitest';
import { mdxFormat, SOURCE_KEY, yamlFormat } from '../../../admin/src/formats/index.ts';
import { patchYaml } from '../../../admin/src/formats/yaml-patch.ts';

/** The file formats write back only what changed: every other byte of a file stays. */

const ARTICLE = `---
title: "UODO: kara dla sklepu"
lead: Krótki lead.
pubDate: 2025-03-10T09:30:00+01:00
authors: [anna-kowalska]
tags: [prawo, rodo]   # kolejność ma znaczenie
hero:
  image: ../images/a.jpg
  alt: 'Zdjęcie'
---

Treść.
`;

describe('the MDX format', () => {
  it('gives the frontmatter fields, the body and the text they came from', () => {
    const data = mdxFormat.fromFile(ARTICLE);
    expect(data).toMatchObject({
      title: 'UODO: kara dla sklepu',
      pubDate: '2025-03-10T09:30:00+01:00',
      authors: ['anna-kowalska'],
      body: '\nTreść.\n',
    });
    expect(typeof data[SOURCE_KEY]).toBe('string');
  });

  it('writes an unchanged entry back byte for byte', () => {
    expect(mdxFormat.toFile(mdxFormat.fromFile(ARTICLE))).toBe(ARTICLE);
  });

  it('changes only the lines of the fields that changed, in their style', () => {
    const data = mdxFormat.fromFile(ARTICLE);
    const hero = data['hero'] as Record<string, string>;
    const edited = { ...data, tags: ['prawo', 'rodo', 'e-handel'], hero: { ...hero, alt: 'Nowe zdjęcie' }, body: '\nNowa treść.\n' };
    expect(mdxFormat.toFile(edited)).toBe(
      ARTICLE.replace('tags: [prawo, rodo]   # kolejność ma znaczenie', 'tags: [prawo, rodo, e-handel]')
        .replace("alt: 'Zdjęcie'", "alt: 'Nowe zdjęcie'")
        .replace('Treść.', 'Nowa treść.'),
    );
  });

  it('adds a new field after its predecessor in the form order, and drops emptied ones', () => {
    const data = mdxFormat.fromFile(ARTICLE);
    const { hero: _hero, ...rest } = data;
    const order = ['title', 'lead', 'pubDate', 'updatedDate', 'authors', 'tags', 'hero', 'source'];
    const text = mdxFormat.toFile({ ...rest, updatedDate: '2025-03-11T08:00:00+01:00', source: '' }, order);
    expect(text).toBe(
      ARTICLE.replace(
        'pubDate: 2025-03-10T09:30:00+01:00\n',
        'pubDate: 2025-03-10T09:30:00+01:00\nupdatedDate: 2025-03-11T08:00:00+01:00\n',
      ).replace("hero:\n  image: ../images/a.jpg\n  alt: 'Zdjęcie'\n", ''),
    );
  });

  it('writes a new entry with a blank line before the body and no empty fields', () => {
    const text = mdxFormat.toFile({ title: 'Nowy', lead: '', tags: ['prawo'], hero: { image: '', alt: '' }, body: 'Tekst.\n' }, [
      'title',
      'lead',
      'tags',
    ]);
    expect(text).toBe('---\ntitle: Nowy\ntags:\n  - prawo\n---\n\nTekst.\n');
  });
});

describe('the YAML format', () => {
  const SETTINGS = `# Ustawienia
name: Szpalta
navigation:
  - label: Prawo
    href: /tagi/prawo/
ads:
  everyParagraphs: 4   # co cztery akapity
  slots: []
`;

  it('keeps comments and untouched keys when a nested value changes', () => {
    const data = yamlFormat.fromFile(SETTINGS);
    const ads = data['ads'] as Record<string, unknown>;
    expect(yamlFormat.toFile({ ...data, ads: { ...ads, everyParagraphs: 5 } })).toBe(
      SETTINGS.replace('everyParagraphs: 4   # co cztery akapity', 'everyParagraphs: 5'),
    );
  });

  it('falls back to a fresh file when the text is not a mapping', () => {
    expect(patchYaml('- a\n- b\n', { name: 'x' })).toBe('name: x\n');
  });
});
