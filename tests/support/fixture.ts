import { cp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The committed fixture content folder: settings, authors, tags, a sponsor, a page, images and dated articles. */
export const FIXTURE_DIR = fileURLToPath(new URL('../fixtures/site/', import.meta.url));

/** Fixture variants built by the site tests. */
export type Variant = 'full' | 'bare';

const HOUR = 60 * 60 * 1000;

/**
 * Articles written next to the committed ones at preparation time, dated relative to `clock`:
 * one inside and one outside the 48 hours that the Google News sitemap covers. Both are hours
 * away from that boundary, so the time the build takes cannot change the result.
 */
export function relativeArticles(clock: Date): Record<string, string> {
  const at = (hoursAgo: number) => new Date(clock.getTime() - hoursAgo * HOUR).toISOString();
  return {
    'alert-cert-dzisiaj.mdx': `---
title: CERT Polska ostrzega przed fałszywą aplikacją banku
lead: W sklepie z aplikacjami pojawiła się kopia aplikacji mobilnej jednego z banków.
pubDate: ${at(3)}
authors: [anna-kowalska]
tags: [bezpieczenstwo, prawo]
---

Fałszywa aplikacja prosi o login i hasło, a potem o kod z wiadomości SMS.

Bank zgłosił ją do usunięcia. Osoby, które ją zainstalowały, powinny zmienić hasło.
`,
    'przeglad-tygodnia.mdx': `---
title: Przegląd tygodnia w prawie nowych technologii
lead: Najważniejsze zmiany w przepisach z ostatnich siedmiu dni.
pubDate: ${at(60)}
authors: [anna-kowalska, jan-nowak]
tags: [prawo]
---

Sejm uchwalił nowelizację ustawy o świadczeniu usług drogą elektroniczną.

Rząd przyjął projekt ustawy o krajowym systemie cyberbezpieczeństwa.
`,
  };
}

/**
 * Settings of the `bare` variant: the same portal with no newsletter and no ad slots,
 * to prove that unconfigured features leave no trace in the markup, and with the English
 * interface, to prove that one setting switches it.
 */
const BARE_SETTINGS = `name: Szpalta Bez Dodatków
description: Wariant testowy bez newslettera i bez reklam.
url: https://bez-dodatkow.szpalta.example
language: en
pageSize: 2
`;

/**
 * Articles of the full fixture that the bare variant keeps: one long enough for automatic
 * in-article ads (which must vanish when no slot is configured), one short, the draft.
 */
const BARE_ARTICLES = ['phishing-na-klientow-bankow.mdx', 'xss-w-tytule.mdx', 'tajny-szkic.mdx'];

/**
 * Writes the content folder of `variant` into `target` (created, or emptied first).
 * `clock` anchors the relatively dated articles.
 */
export async function prepareFixture(variant: Variant, target: string, clock: Date): Promise<void> {
  await rm(target, { recursive: true, force: true });
  await mkdir(target, { recursive: true });
  await cp(FIXTURE_DIR, target, { recursive: true });
  if (variant === 'full') {
    for (const [file, text] of Object.entries(relativeArticles(clock))) {
      await writeFile(join(target, 'articles', file), text);
    }
    return;
  }
  await writeFile(join(target, 'settings', 'site.yml'), BARE_SETTINGS);
  for (const file of await readdir(join(target, 'articles'))) {
    if (!BARE_ARTICLES.includes(file)) await rm(join(target, 'articles', file));
  }
  await rm(join(target, 'sponsors'), { recursive: true });
  await mkdir(join(target, 'sponsors'));
}
