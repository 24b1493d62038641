import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { asciiSlug } from '../src/utils/slug.ts';

/** A small seeded random generator (mulberry32): the same seed gives the same content on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = `prawo ochrona danych osobowych bezpieczeństwo sieci sklep internetowy konsument umowa regulamin
urząd kontrola kara administracyjna rozporządzenie ustawa nowelizacja projekt rząd sejm senat prezes spółka
klient bank płatność karta przelew oszustwo wiadomość link strona logowanie hasło kod aplikacja telefon
przedsiębiorca pracownik zgoda zgłoszenie naruszenie wyciek serwer chmura dostawca usługa platforma
sztuczna inteligencja algorytm model system ryzyko obowiązek termin wdrożenie dokumentacja audyt raport
sąd wyrok skarga odwołanie postępowanie decyzja inspektor rzecznik prawa obywatelskie europejski unijny
krajowy polski nowy ważny kolejny pierwszy ostatni duży mały szybki bezpieczny cyfrowy internetowy
firma branża rynek handel zakupy dostawa zwrot reklamacja gwarancja towar cena faktura podatek księgowość
według zdaniem ekspertów przede wszystkim jednak również także ponadto natomiast dlatego ponieważ chociaż
wprowadza zmienia nakłada przewiduje wymaga zapowiada ostrzega przypomina wyjaśnia podkreśla wskazuje
tysiące milionów złotych procent roku miesiąca tygodnia dni godzin osób użytkowników firm instytucji
dane informacje treści materiały pliki wiadomości komunikaty zgłoszenia skargi pytania odpowiedzi`
  .split(/\s+/)
  .filter((word) => word !== '');

const TAG_NAMES = [
  'Bezpieczeństwo',
  'Ochrona danych',
  'Prawa konsumenta',
  'Oszustwa',
  'Polityka',
  'Sztuczna inteligencja',
  'E-handel',
  'Płatności',
  'Bankowość',
  'RODO',
  'UODO',
  'UOKiK',
  'KSeF',
  'Podatki',
  'DSA',
  'AI Act',
  'Cyberbezpieczeństwo',
  'Phishing',
  'Ransomware',
  'Chmura',
  'Telekomunikacja',
  'Media',
  'Sądy',
  'Unia Europejska',
  'Sejm',
  'Rząd',
  'Samorządy',
  'Zdrowie',
  'Edukacja',
  'Praca',
  'Start-upy',
  'Fintech',
  'Kryptowaluty',
  'Reklama',
  'Influencerzy',
  'Prywatność',
  'Dzieci w sieci',
  'Dostępność',
  'Regulaminy',
  'Reklamacje',
];

const AUTHOR_NAMES = [
  'Anna Kowalska',
  'Jan Nowak',
  'Ewa Wiśniewska',
  'Piotr Wójcik',
  'Katarzyna Kamińska',
  'Tomasz Lewandowski',
  'Magdalena Zielińska',
  'Paweł Szymański',
  'Agnieszka Woźniak',
  'Michał Dąbrowski',
  'Joanna Kozłowska',
  'Łukasz Jankowski',
];

/** How many hero/figure images the generated content shares: a pool, whatever the number of articles. */
const IMAGE_COUNT = 6;

/** Article files being written at once while the next ones are generated. */
const WRITES_IN_FLIGHT = 64;

/** The shape of the generated content, for the report. */
export interface SyntheticContent {
  articles: number;
  tags: number;
  authors: number;
  images: number;
  withComponents: number;
  slugs: string[];
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const quote = (text: string) => JSON.stringify(text);

/**
 * Writes a complete content folder of `count` synthetic articles into `dir`: settings with ad
 * slots and a newsletter, 40 tags, 12 authors, a sponsor, a page, six images, and articles of
 * about 800 words of Polish-like text, one in five using the editor components.
 */
export async function generateContent(dir: string, count: number, seed = 2026): Promise<SyntheticContent> {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const sentence = (min: number, max: number) => {
    const words = Array.from({ length: between(min, max) }, () => pick(WORDS));
    return `${capitalize(words.join(' '))}.`;
  };
  const paragraph = () => Array.from({ length: between(4, 7) }, () => sentence(8, 16)).join(' ');

  for (const folder of ['articles', 'authors', 'tags', 'sponsors', 'pages', 'settings', 'images']) {
    await mkdir(join(dir, folder), { recursive: true });
  }

  await writeFile(
    join(dir, 'settings', 'site.yml'),
    `name: Szpalta
tagline: Prawo i bezpieczeństwo w e-biznesie
description: Syntetyczna treść do pomiaru czasu budowania portalu.
url: https://szpalta.example
language: pl
pageSize: 10
navigation:
  - label: Bezpieczeństwo
    href: /tagi/bezpieczenstwo/
  - label: Szukaj
    href: /szukaj/
newsletter:
  action: https://newsletter.szpalta.example/subscribe
  emailField: email
ads:
  everyParagraphs: 4
  inArticleSlot: in-article
  slots:
    - id: top
      width: 970
      height: 250
      creative: { kind: image, src: /ads/top-970x250.png, alt: 'Reklama: konferencja', href: 'https://reklama.example/' }
    - id: in-article
      width: 300
      height: 250
      creative: { kind: image, src: /ads/in-article-300x250.png, alt: 'Reklama: kurs', href: 'https://reklama.example/kurs' }
    - id: sidebar
      width: 300
      height: 600
      creative: { kind: html, html: '<a href="https://reklama.example/audyt" rel="sponsored noopener">Audyt e-sklepu</a>' }
footer:
  links:
    - label: O nas
      href: /o-nas/
`,
  );

  const tagSlugs = TAG_NAMES.map((name) => asciiSlug(name));
  await Promise.all(
    TAG_NAMES.map((name, index) =>
      writeFile(join(dir, 'tags', `${tagSlugs[index] ?? ''}.yml`), `name: ${quote(name)}\ndescription: ${quote(sentence(8, 14))}\n`),
    ),
  );
  const authorSlugs = AUTHOR_NAMES.map((name) => asciiSlug(name));
  await Promise.all(
    AUTHOR_NAMES.map((name, index) =>
      writeFile(
        join(dir, 'authors', `${authorSlugs[index] ?? ''}.yml`),
        `name: ${quote(name)}\nrole: dziennikarz\nbio: ${quote(sentence(10, 18))}\n`,
      ),
    ),
  );
  await writeFile(join(dir, 'sponsors', 'bank-przykladowy.yml'), 'name: Bank Przykładowy\nurl: https://bank.example/\n');
  await writeFile(join(dir, 'pages', 'o-nas.mdx'), `---\ntitle: O nas\n---\n\n${paragraph()}\n`);

  for (let index = 0; index < IMAGE_COUNT; index += 1) {
    const hue = Math.round((360 * index) / IMAGE_COUNT);
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900"><rect width="1600" height="900" fill="hsl(${hue},45%,45%)"/><circle cx="${400 + index * 150}" cy="450" r="260" fill="hsl(${(hue + 180) % 360},50%,65%)"/></svg>`;
    await sharp(Buffer.from(svg))
      .jpeg({ quality: 75 })
      .toFile(join(dir, 'images', `zdjecie-${index + 1}.jpg`));
  }

  const now = Date.now();
  const slugs: string[] = [];
  const pending = new Set<Promise<void>>();
  const write = (path: string, text: string): Promise<void> => {
    const promise = writeFile(path, text).finally(() => pending.delete(promise));
    return promise;
  };
  let withComponents = 0;
  for (let index = 0; index < count; index += 1) {
    const title = sentence(6, 11).slice(0, -1);
    const slug = `${String(index + 1).padStart(5, '0')}-${asciiSlug(title).split('-').slice(0, 6).join('-')}`;
    slugs.push(slug);
    const authors = random() < 0.15 ? [pick(authorSlugs), pick(authorSlugs)] : [pick(authorSlugs)];
    const tags = new Set(Array.from({ length: between(2, 4) }, () => pick(tagSlugs)));
    const image = between(1, IMAGE_COUNT);
    const frontmatter = [
      `title: ${quote(title)}`,
      `lead: ${quote(`${sentence(12, 20)} ${sentence(8, 14)}`)}`,
      `pubDate: ${new Date(now - (index + 1) * 90 * 60 * 1000).toISOString()}`,
      `authors: [${[...new Set(authors)].join(', ')}]`,
      `tags: [${[...tags].join(', ')}]`,
      'hero:',
      `  image: ../images/zdjecie-${image}.jpg`,
      `  alt: ${quote(sentence(6, 10))}`,
      `  caption: ${quote(sentence(6, 12))}`,
      '  credit: Szpalta',
      ...(index % 3 === 0 ? ['source: PAP'] : []),
      ...(index % 50 === 0 ? ['featured: true'] : []),
      ...(index % 40 === 7 ? ['sponsor: bank-przykladowy'] : []),
      ...(index % 25 === 3 ? ['ads: false'] : []),
    ];
    const blocks: string[] = [];
    const paragraphs = between(11, 13);
    for (let block = 0; block < paragraphs; block += 1) {
      if (block === 4 || block === 8) blocks.push(`## ${sentence(3, 6).slice(0, -1)}`);
      blocks.push(paragraph());
    }
    if (index % 5 === 0) {
      withComponents += 1;
      blocks.splice(2, 0, `<Callout type="warning" title=${quote(sentence(3, 5).slice(0, -1))}>\n${sentence(10, 16)}\n</Callout>`);
      blocks.splice(5, 0, `<Quote author=${quote(pick(AUTHOR_NAMES))} source="rzecznik urzędu">\n${sentence(10, 16)}\n</Quote>`);
      blocks.splice(
        7,
        0,
        `<Figure src="../images/zdjecie-${between(1, IMAGE_COUNT)}.jpg" alt=${quote(sentence(5, 8))} caption=${quote(sentence(5, 9))} credit="Szpalta" />`,
      );
      blocks.push(
        `<Embed url="https://www.youtube.com/watch?v=bench${index}" title=${quote(sentence(4, 7).slice(0, -1))} provider="YouTube" />`,
      );
    }
    pending.add(write(join(dir, 'articles', `${slug}.mdx`), `---\n${frontmatter.join('\n')}\n---\n\n${blocks.join('\n\n')}\n`));
    // Streaming: at most WRITES_IN_FLIGHT articles are held in memory, whatever `count` is.
    if (pending.size >= WRITES_IN_FLIGHT) await Promise.race(pending);
  }
  await Promise.all(pending);
  return { articles: count, tags: TAG_NAMES.length, authors: AUTHOR_NAMES.length, images: IMAGE_COUNT, withComponents, slugs };
}
