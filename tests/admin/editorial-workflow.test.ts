import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_CONTENT, git, useCms } from './support/cms.ts';
import { bodyEditor, chooseRelation, input, keepEvidence } from './support/ui.ts';

/**
 * The production publishing flow, run on a throwaway git repository through decap-server's
 * `git` mode: an editor saves a draft (a `cms/…` branch, nothing on main), marks it ready,
 * publishes, and the entry is merged into main.
 */

const TITLE = 'Przegląd tygodnia: RODO w sklepach';
const SLUG = 'przeglad-tygodnia-rodo-w-sklepach';
const BRANCH = `cms/articles/${SLUG}`;
const FILE = `content/articles/${SLUG}.mdx`;

// Publishing asks "Czy na pewno chcesz opublikować tę pozycję?".
const cms = useCms({ mode: 'git', content: FIXTURE_CONTENT, loggedIn: true, acceptDialogs: true });

const branches = async () => (await git(cms.repoDir, 'branch', '--list', '--format=%(refname:short)')).split('\n').filter(Boolean);
const status = async () => (await git(cms.repoDir, 'config', '--get', `branch.${BRANCH}.description`)).trim();
const onMain = async () =>
  git(cms.repoDir, 'show', `main:${FILE}`).then(
    (text) => text,
    () => undefined,
  );

describe('editorial workflow on a git repository', () => {
  it('saves a new article as a draft on its own branch', async () => {
    const { page } = cms;
    keepEvidence(page, 'workflow-draft');
    await page.goto(`${cms.adminUrl}#/collections/articles/new`);
    await input(page, 'Tytuł').fill(TITLE);
    await input(page, 'Lead').fill('Co zmieniło się w ochronie danych w handlu internetowym.');
    await input(page, 'Data publikacji').fill('05.05.2025 08:00');
    await chooseRelation(page, 'Autorzy', 'Jan Nowak');
    await bodyEditor(page).click();
    await page.keyboard.type('Urząd opublikował nowe wytyczne dla sklepów.');
    await page.getByRole('button', { name: 'Zapisz', exact: true }).click();
    await page.getByText('Pozycja zapisana').first().waitFor({ timeout: 20_000 });

    expect(await branches()).toContain(BRANCH);
    expect(await status()).toBe('decap-cms/draft');
    expect(await onMain()).toBeUndefined();
    expect(await git(cms.repoDir, 'show', `${BRANCH}:${FILE}`)).toContain('Urząd opublikował nowe wytyczne dla sklepów.');
  });

  it('marks the draft ready', async () => {
    const { page } = cms;
    keepEvidence(page, 'workflow-ready');
    await page.getByRole('button', { name: /^Status: / }).click();
    await page.getByText('Gotowe', { exact: true }).click();
    await page.getByText('Zaktualizowano status pozycji').first().waitFor({ timeout: 20_000 });
    expect(await status()).toBe('decap-cms/pending_publish');
    expect(await onMain()).toBeUndefined();
  });

  it('publishes: the entry is merged into main and its branch is gone', async () => {
    const { page } = cms;
    keepEvidence(page, 'workflow-publish');
    await page.getByRole('button', { name: 'Opublikuj', exact: true }).click();
    await page.getByText('Opublikuj teraz', { exact: true }).click();
    await page.getByText('Pozycja opublikowana').first().waitFor({ timeout: 20_000 });

    expect(await branches()).not.toContain(BRANCH);
    const published = await onMain();
    expect(published).toContain(`title: "${TITLE}"`);
    expect(published).toContain('Urząd opublikował nowe wytyczne dla sklepów.');
    // decap-server leaves main checked out, so the working tree (what a build reads) has the article too.
    expect((await git(cms.repoDir, 'branch', '--show-current')).trim()).toBe('main');
    expect(await readFile(join(cms.repoDir, FILE), 'utf8')).toBe(published);
    expect((await git(cms.repoDir, 'status', '--porcelain')).trim()).toBe('');
  });
});
