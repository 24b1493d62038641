import { beforeAll, describe, expect, it } from 'vitest';
import type { FixtureArticle } from '../support/content.ts';
import { listFiles, loadFixture, readPage, type BuiltPage, type Fixture } from '../support/site.ts';

let fixture: Fixture;
const pages = new Map<string, BuiltPage>();

beforeAll(async () => {
  fixture = await loadFixture();
  for (const article of fixture.published) pages.set(article.slug, await readPage(fixture.dist, `/artykuly/${article.slug}/`));
});

function page(article: FixtureArticle): BuiltPage {
  const built = pages.get(article.slug);
  if (!built) throw new Error(`no page read for ${article.slug}`);
  return built;
}

const text = (value: string) => value.replace(/\s+/g, ' ').trim();

/** Top-level blocks of an MDX body that are Markdown paragraphs (not JSX, headings, lists or quotes). */
function topLevelBlocks(body: string): { paragraph: boolean }[] {
  const blocks: string[] = [];
  let open: string | undefined;
  for (const chunk of body.trim().split(/\n\s*\n/)) {
    // A JSX element with children spans several chunks until its closing tag.
    if (open !== undefined) {
      open += `\n\n${chunk}`;
      if (/<\/[A-Z]\w*>\s*$/.test(chunk)) {
        blocks.push(open);
        open = undefined;
      }
      continue;
    }
    if (/^<[A-Z]\w*(?:\s[^>]*)?>$/.test(chunk.split('\n')[0] ?? '') && !/<\/[A-Z]\w*>\s*$/.test(chunk)) open = chunk;
    else blocks.push(chunk);
  }
  return blocks.map((block) => ({ paragraph: !/^(?:<|#|>|[-*+] |\d+\. |```)/.test(block) }));
}

/** How many automatic in-article ads the body gets: after every N-th top-level paragraph that is not the last block. */
function expectedAutomaticAds(body: string, everyParagraphs: number): number {
  const blocks = topLevelBlocks(body);
  let paragraphs = 0;
  let ads = 0;
  blocks.forEach((block, index) => {
    if (!block.paragraph) return;
    paragraphs += 1;
    if (paragraphs % everyParagraphs === 0 && index < blocks.length - 1) ads += 1;
  });
  return ads;
}

describe('article pages', () => {
  it('exist for exactly the published articles', async () => {
    const built = (await listFiles(fixture.dist))
      .map((file) => /^artykuly\/([^/]+)\/index\.html$/.exec(file)?.[1])
      .filter((slug): slug is string => slug !== undefined)
      .sort();
    expect(built).toEqual(fixture.published.map((article) => article.slug).sort());
    expect(built.length).toBeGreaterThanOrEqual(6);
  });

  it('have one h1 headline with the title and the lead in p.lead', () => {
    for (const article of fixture.published) {
      const { $ } = page(article);
      expect($('h1').length, article.slug).toBe(1);
      // The page joins one-letter words with no-break spaces (Polish typography); the words are the title's.
      expect(text($('h1').text()), article.slug).toBe(text(article.title));
      expect(text($('p.lead').first().text()), article.slug).toBe(text(article.lead));
      expect($('title').text(), article.slug).toContain(article.title);
    }
  });

  it('have a byline linking every author with rel="author", in order', () => {
    for (const article of fixture.published) {
      const { $ } = page(article);
      const links = $('a[rel~="author"]').toArray();
      expect(
        links.map((link) => $(link).attr('href')),
        article.slug,
      ).toEqual(article.authors.map((slug) => `/autorzy/${slug}/`));
      expect(
        links.map((link) => text($(link).text())),
        article.slug,
      ).toEqual(article.authors.map((slug) => fixture.content.authors.get(slug)?.name));
    }
  });

  it('give the publication time in a machine-readable time element', () => {
    for (const article of fixture.published) {
      const { $ } = page(article);
      const times = $('time[datetime]')
        .toArray()
        .map((element) => Date.parse($(element).attr('datetime') ?? ''));
      expect(times, article.slug).toContain(article.pubDate.getTime());
      if (article.updatedDate) expect(times, article.slug).toContain(article.updatedDate.getTime());
    }
  });

  it('show the hero photo in a figure whose caption carries the caption and "Foto: <credit>"', () => {
    const withHero = fixture.published.filter((article) => article.hero);
    expect(withHero.length).toBeGreaterThanOrEqual(2);
    for (const article of withHero) {
      const { $ } = page(article);
      const hero = article.hero;
      if (!hero) continue;
      const figure = $('figure')
        .toArray()
        .find((element) => $(element).find('img').attr('alt') === hero.alt);
      expect(figure, `${article.slug}: a figure with the hero's alt text`).toBeDefined();
      const img = $(figure).find('img');
      expect(Number(img.attr('width')), article.slug).toBeGreaterThan(0);
      expect(Number(img.attr('height')), article.slug).toBeGreaterThan(0);
      const caption = text($(figure).find('figcaption').text());
      if (hero.caption) expect(caption, article.slug).toContain(hero.caption);
      if (hero.credit) expect(caption, article.slug).toContain(`Foto: ${hero.credit}`);
      if (!hero.caption && !hero.credit) expect($(figure).find('figcaption').length, article.slug).toBe(0);
    }
  });

  it('end the text with the agency in parentheses when the article has a source', () => {
    const withSource = fixture.published.filter((article) => article.source);
    expect(withSource.length).toBeGreaterThanOrEqual(1);
    for (const article of fixture.published) {
      const body = text(page(article).$('article').first().text());
      if (article.source) expect(body, article.slug).toContain(`(${article.source})`);
      else expect(body, article.slug).not.toMatch(/\((PAP|Reuters|AFP)\)/);
    }
  });

  it('link every tag with rel="tag", in order', () => {
    for (const article of fixture.published) {
      const { $ } = page(article);
      const links = $('a[rel~="tag"]').toArray();
      expect(
        links.map((link) => $(link).attr('href')),
        article.slug,
      ).toEqual(article.tags.map((slug) => `/tagi/${slug}/`));
      expect(
        links.map((link) => text($(link).text())),
        article.slug,
      ).toEqual(article.tags.map((slug) => fixture.content.tags.get(slug)?.name));
    }
  });

  it('have prev/next links that form one chain in date order, titled with the linked article', () => {
    const chain = fixture.published;
    chain.forEach((article, index) => {
      const { $ } = page(article);
      const nav = $('nav.prev-next');
      const older = chain[index + 1];
      const newer = chain[index - 1];
      const prev = nav.find('a[rel="prev"]');
      const next = nav.find('a[rel="next"]');
      expect(prev.length, `${article.slug}: rel=prev`).toBe(older ? 1 : 0);
      expect(next.length, `${article.slug}: rel=next`).toBe(newer ? 1 : 0);
      if (older) {
        expect(prev.attr('href'), article.slug).toBe(`/artykuly/${older.slug}/`);
        expect(text(prev.text()), article.slug).toBe(older.title);
      }
      if (newer) {
        expect(next.attr('href'), article.slug).toBe(`/artykuly/${newer.slug}/`);
        expect(text(next.text()), article.slug).toBe(newer.title);
      }
    });
  });
});

describe('ad slots on article pages', () => {
  const slotsWithCreative = () => fixture.content.settings.ads.slots.filter((slot) => slot.creative);

  it('are labelled "REKLAMA" and reserve the slot size before the ad loads', () => {
    let seen = 0;
    for (const article of fixture.published) {
      const { $ } = page(article);
      for (const element of $('.ad').toArray()) {
        seen += 1;
        const ad = $(element);
        const slot = fixture.content.settings.ads.slots.find((candidate) => candidate.id === ad.attr('data-slot'));
        expect(slot, `${article.slug}: .ad names a configured slot`).toBeDefined();
        if (!slot) continue;
        expect(text(ad.text()), article.slug).toContain('REKLAMA');
        const reserved = ad
          .find('[width][height]')
          .toArray()
          .some((box) => Number($(box).attr('width')) === slot.width && Number($(box).attr('height')) === slot.height);
        const aspect = (ad.attr('style') ?? '').replace(/\s/g, '').includes(`aspect-ratio:${slot.width}/${slot.height}`);
        expect(reserved || aspect, `${article.slug}: slot ${slot.id} reserves ${slot.width}×${slot.height}`).toBe(true);
      }
    }
    expect(seen).toBeGreaterThan(0);
  });

  it('are never rendered for a slot without a creative', () => {
    const empty = fixture.content.settings.ads.slots.filter((slot) => !slot.creative).map((slot) => slot.id);
    expect(empty.length).toBeGreaterThan(0);
    for (const article of fixture.published) {
      for (const id of empty) expect(page(article).$(`.ad[data-slot="${id}"]`).length, `${article.slug}: ${id}`).toBe(0);
    }
  });

  it('are absent from articles with ads: false, editor-placed ones included', () => {
    const adFree = fixture.published.filter((article) => !article.ads);
    expect(adFree.length).toBeGreaterThanOrEqual(1);
    expect(adFree.some((article) => /<Ad[\s/>]/.test(article.body))).toBe(true);
    for (const article of adFree) expect(page(article).$('.ad').length, article.slug).toBe(0);
  });

  it('appear in the body after every N paragraphs, or where the editor placed them', () => {
    const { everyParagraphs, inArticleSlot } = fixture.content.settings.ads;
    const slot = slotsWithCreative().find((candidate) => candidate.id === inArticleSlot);
    expect(slot, 'the fixture fills the in-article slot').toBeDefined();
    const withAds = fixture.published.filter((article) => article.ads);
    let automatic = 0;
    for (const article of withAds) {
      const placed = article.body.match(/<Ad[\s/>]/g)?.length ?? 0;
      const expected = placed > 0 ? placed : expectedAutomaticAds(article.body, everyParagraphs);
      automatic += placed > 0 ? 0 : expected;
      expect(page(article).$(`.prose .ad[data-slot="${inArticleSlot}"]`).length, article.slug).toBe(expected);
    }
    expect(automatic, 'the fixture has an article long enough for automatic ads').toBeGreaterThanOrEqual(2);
  });
});

describe('sponsored articles', () => {
  it('carry a sponsor block with the disclosure and a rel="sponsored" link; others none', () => {
    const sponsored = fixture.published.filter((article) => article.sponsor);
    expect(sponsored.length).toBeGreaterThanOrEqual(1);
    for (const article of fixture.published) {
      const { $ } = page(article);
      const block = $('.sponsor');
      if (!article.sponsor) {
        expect(block.length, article.slug).toBe(0);
        continue;
      }
      const sponsor = fixture.content.sponsors.get(article.sponsor);
      if (!sponsor) throw new Error(`fixture sponsor ${article.sponsor} missing`);
      expect(block.length, article.slug).toBe(1);
      expect(text(block.text()), article.slug).toContain(sponsor.disclosure);
      expect(text(block.text()), article.slug).toContain(sponsor.name);
      const link = block.find(`a[href="${sponsor.url}"]`);
      expect(link.length, article.slug).toBe(1);
      expect(link.attr('rel')?.split(/\s+/), article.slug).toContain('sponsored');
    }
  });
});

describe('newsletter form on article pages', () => {
  it('posts to the configured action with the configured field names', () => {
    const { action, emailField, hiddenFields } = fixture.content.settings.newsletter;
    expect(action).toBeDefined();
    for (const article of fixture.published) {
      const { $ } = page(article);
      const form = $(`form[action="${action}"]`);
      expect(form.length, article.slug).toBe(1);
      expect(form.attr('method')?.toLowerCase(), article.slug).toBe('post');
      expect(form.find(`input[type="email"][name="${emailField}"]`).length, article.slug).toBe(1);
      for (const [name, value] of Object.entries(hiddenFields)) {
        expect(form.find(`input[type="hidden"][name="${name}"]`).attr('value'), article.slug).toBe(value);
      }
    }
  });
});

describe('a title containing </script>', () => {
  const hostile = () => {
    const article = fixture.published.find((candidate) => candidate.title.includes('</script>'));
    if (!article) throw new Error('the fixture needs a published article whose title contains </script>');
    return article;
  };

  it('is printed as text, not markup', () => {
    const article = hostile();
    const { $ } = page(article);
    expect($('h1').text().replaceAll('\u00a0', ' ')).toBe(article.title);
    expect($('title').text()).toContain(article.title);
    // Inside an attribute value `</script>` is plain text; what matters is what a parser makes of it.
    expect($('meta[property="og:title"]').attr('content')).toBe(article.title);
    const code = $('script:not([type="application/ld+json"])').toArray();
    expect(code.some((script) => $(script).text().includes('alert('))).toBe(false);
    expect($('script:not([type="application/ld+json"])').length).toBe(
      page(fixture.published[0] as FixtureArticle).$('script:not([type="application/ld+json"])').length,
    );
  });

  it('stays inside its JSON-LD block', () => {
    const article = hostile();
    const { $ } = page(article);
    const blocks = $('script[type="application/ld+json"]').toArray();
    expect(blocks.length).toBeGreaterThanOrEqual(1);
    const headlines = blocks.map((block) => (JSON.parse($(block).text()) as { headline?: unknown }).headline);
    expect(headlines).toContain(article.title);
  });
});
