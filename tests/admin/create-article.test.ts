import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { load } from 'cheerio';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { slugPattern } from '../../src/schemas/index.ts';
import { astroBuild, createProjectCopy } from '../support/build.ts';
import { expectContentCheckPasses } from './support/content.ts';
import { FIXTURE_CONTENT, useCms } from './support/cms.ts';
import { bodyEditor, chooseRelation, field, input, insertExisting, keepEvidence, publishNow, uploadAndInsert } from './support/ui.ts';

/**
 * An editor creates an article in the admin, in real Chromium against decap-server over a
 * copy of the fixture content: Polish title, hero upload, a body with a heading, a list, a
 * link, a figure, a callout and text full of MDX's special characters. The saved file must
 * have an ASCII name, pass the content rules, build, and show the text literally.
 */

const TITLE = 'Zażółć gęślą jaźń: nowe przepisy o ochronie danych';
const SPECIAL = 'Znaki { } < > & " _ oraz pod_kreślenie i 2 < 3 > 1 & {x}.';

const cms = useCms({ mode: 'fs', content: FIXTURE_CONTENT, loggedIn: true });

describe('creating an article in the admin', () => {
  let file = '';

  it('publishes an article with every kind of content', async () => {
    const { page } = cms;
    keepEvidence(page, 'create-article');
    const before = new Set(await readdir(join(cms.contentDir, 'articles')));
    await page.goto(`${cms.adminUrl}#/collections/articles/new`);

    await input(page, 'Tytuł').fill(TITLE);
    await input(page, 'Lead').fill('Sejm przyjął ustawę; co zmienia się dla sklepów?');
    await input(page, 'Data publikacji').fill('01.06.2025 10:00');
    await chooseRelation(page, 'Autorzy', 'Anna Kowalska');
    await chooseRelation(page, 'Tagi', 'Prawo');
    await chooseRelation(page, 'Tagi', 'Ochrona danych');

    const hero = field(page, 'Zdjęcie główne');
    await hero.getByTestId('expand-button').click();
    await hero.getByRole('button', { name: 'Wybierz zdjęcie' }).click();
    const upload = join(cms.workDir, 'Zdjęcie Sejmu.jpg');
    await copyFile(join(FIXTURE_CONTENT, 'images/wykres.jpg'), upload);
    // Decap names uploads in ASCII too.
    await uploadAndInsert(page, upload, 'zdjecie-sejmu.jpg');
    await input(hero, 'Tekst alternatywny').fill('Sala posiedzeń Sejmu');
    await input(hero, 'Podpis').fill('Głosowanie nad ustawą');
    await input(hero, 'Autor zdjęcia').fill('PAP');

    const body = bodyEditor(page);
    await body.click();
    await page.getByLabel('Styl akapitu').selectOption('h2');
    await page.keyboard.type('Najważniejsze zmiany');
    await page.keyboard.press('Enter');
    await page.keyboard.type(SPECIAL);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Lista punktowana' }).click();
    await page.keyboard.type('pierwszy punkt');
    await page.keyboard.press('Enter');
    await page.keyboard.type('drugi punkt');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Więcej informacji: ');
    await page.keyboard.type('komunikat UODO');
    for (const _letter of 'komunikat UODO') await page.keyboard.press('Shift+ArrowLeft');
    await page.getByRole('button', { name: 'Link', exact: true }).click();
    await page.getByLabel('Adres linku').fill('https://uodo.gov.pl/pl/komunikat');
    await page.getByRole('button', { name: 'Zastosuj' }).click();

    await page.getByLabel('Wstaw element').selectOption('Figure');
    const figure = body.locator('.mdx-card--Figure');
    await figure.getByRole('button', { name: 'Wybierz z biblioteki…' }).click();
    await insertExisting(page, 'serwerownia.jpg');
    await figure.getByLabel('Tekst alternatywny *', { exact: true }).fill('Szafy serwerowe');
    await figure.getByLabel('Podpis', { exact: true }).fill('Serwerownia "w chmurze" & {dane}');
    await figure.getByLabel('Autor zdjęcia', { exact: true }).fill('Jan Fotograf');

    await page.getByLabel('Wstaw element').selectOption('Callout');
    const callout = body.locator('.mdx-card--Callout');
    await callout.getByLabel('Rodzaj', { exact: true }).selectOption('warning');
    await callout.getByLabel('Tytuł ramki', { exact: true }).fill('Uwaga');
    await callout.locator('.mdx-card__body p').click();
    await page.keyboard.type('Termin mija 30 czerwca.');

    await publishNow(page);

    const added = async () => (await readdir(join(cms.contentDir, 'articles'))).filter((name) => !before.has(name));
    await expect.poll(added, { timeout: 10_000 }).toHaveLength(1);
    file = (await added())[0] ?? '';
  }, 120_000);

  it('writes an ASCII file name and a file that passes the content check', async () => {
    expect(file).toMatch(/^[\x20-\x7e]+\.mdx$/);
    expect(file.replace(/\.mdx$/, '')).toMatch(slugPattern);
    await expectContentCheckPasses(cms.contentDir, [`articles/${file}`]);
    const text = await readFile(join(cms.contentDir, 'articles', file), 'utf8');
    const { data } = matter(text);
    expect(data).toMatchObject({
      title: TITLE,
      authors: ['anna-kowalska'],
      tags: ['prawo', 'ochrona-danych'],
      hero: { image: '../images/zdjecie-sejmu.jpg', alt: 'Sala posiedzeń Sejmu', caption: 'Głosowanie nad ustawą', credit: 'PAP' },
    });
    // An ISO date with the offset of the newsroom's time zone, unquoted.
    expect(text).toMatch(/^pubDate: 2025-06-01T10:00:00\+02:00$/m);
    // The upload landed in content/images, where astro:assets optimizes it.
    await readFile(join(cms.contentDir, 'images', 'zdjecie-sejmu.jpg'));
  });

  it('builds, and the page shows what the editor typed', async () => {
    expect(file, 'the article was not published').not.toBe('');
    const project = join(cms.workDir, 'project');
    await mkdir(project);
    await createProjectCopy(project);
    await astroBuild({ projectDir: project, contentDir: cms.contentDir, logFile: join(cms.workDir, 'build.log') });
    const out = join(project, 'dist');
    const html = await readFile(join(out, 'artykuly', file.replace(/\.mdx$/, ''), 'index.html'), 'utf8');
    const $ = load(html);
    const prose = $('.prose');
    expect(prose.find('h2').first().text()).toBe('Najważniejsze zmiany');
    // The site's typography turns straight quotes into curly ones and joins one-letter words to the
    // next with a no-break space; every other character must arrive as typed.
    const typed = (text: string) => text.replace(/[“”„]/g, '"').replaceAll('\u00a0', ' ');
    const texts = prose
      .find('p')
      .map((_, p) => typed($(p).text()))
      .get();
    expect(texts).toContain(SPECIAL);
    expect(
      prose
        .find('ul li')
        .map((_, li) => $(li).text())
        .get(),
    ).toEqual(['pierwszy punkt', 'drugi punkt']);
    expect(prose.find('a[href="https://uodo.gov.pl/pl/komunikat"]').text()).toBe('komunikat UODO');
    expect(typed(prose.find('figure.figure figcaption').text())).toContain('Serwerownia "w chmurze" & {dane}');
    const box = prose.find('aside.callout.callout--warning');
    expect(box.find('.callout__title').text()).toBe('Uwaga');
    expect(box.text()).toContain('Termin mija 30 czerwca.');
  }, 180_000);

  it('refuses to save a hero photo without its alternative text, naming the field', async () => {
    const { page } = cms;
    keepEvidence(page, 'create-article-invalid');
    const before = await readdir(join(cms.contentDir, 'articles'));
    await page.goto(`${cms.adminUrl}#/collections/articles/new`);
    await page.reload();
    await input(page, 'Tytuł').fill('Artykuł bez opisu zdjęcia');
    await input(page, 'Lead').fill('Lead.');
    await input(page, 'Data publikacji').fill('02.06.2025 10:00');
    await chooseRelation(page, 'Autorzy', 'Jan Nowak');
    const hero = field(page, 'Zdjęcie główne');
    await hero.getByTestId('expand-button').click();
    await hero.getByRole('button', { name: 'Wybierz zdjęcie' }).click();
    await insertExisting(page, 'telefon.jpg');
    await bodyEditor(page).click();
    await page.keyboard.type('Treść.');
    await page.getByRole('button', { name: 'Opublikuj', exact: true }).click();
    await page.getByText('Opublikuj teraz', { exact: true }).click();
    await page
      .getByText(/hero\.alt/)
      .first()
      .waitFor({ timeout: 10_000 });
    expect(await readdir(join(cms.contentDir, 'articles'))).toEqual(before);
  });

  it('refuses uploads other than JPEG, PNG and WebP', async () => {
    const { page } = cms;
    keepEvidence(page, 'create-article-upload-type');
    const gif = join(cms.workDir, 'animacja.gif');
    await writeFile(gif, Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64'));
    await page.goto(`${cms.adminUrl}#/collections/articles/new`);
    await page.reload();
    const hero = field(page, 'Zdjęcie główne');
    await hero.getByTestId('expand-button').click();
    await hero.getByRole('button', { name: 'Wybierz zdjęcie' }).click();
    // The alert blocks the page until it is answered, so it is answered as it opens.
    const messages: string[] = [];
    page.once('dialog', (dialog) => {
      messages.push(dialog.message());
      void dialog.accept();
    });
    await page.locator('input[type="file"]').setInputFiles(gif);
    expect(messages.join('\n')).toContain('animacja.gif: dozwolone są tylko zdjęcia JPEG, PNG lub WebP');
    await page.waitForTimeout(500);
    expect(await readdir(join(cms.contentDir, 'images'))).not.toContain('animacja.gif');
    expect(await page.getByText('animacja.gif').count()).toBe(0);
    // An SVG logo, which the content check and the build refuse too (the content model's one image rule).
    const svg = join(cms.workDir, 'tarcza.svg');
    await writeFile(svg, '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>\n');
    page.once('dialog', (dialog) => {
      messages.push(dialog.message());
      void dialog.accept();
    });
    await page.locator('input[type="file"]').setInputFiles(svg);
    expect(messages.join('\n')).toContain('tarcza.svg: plik SVG może zawierać skrypty, więc serwis go nie przyjmuje');
    await page.waitForTimeout(500);
    expect(await readdir(join(cms.contentDir, 'images'))).not.toContain('tarcza.svg');
  });
});
