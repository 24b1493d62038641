/**
 * Polish labels and hints of every field the CMS shows, by `<collection>.<field path>`
 * (list items and union variants add no segment: `settings.navigation.label`).
 *
 * The fields themselves come from the schemas in `src/schemas/`; this file only names them
 * for editors. The generator refuses a schema field without an entry here and an entry
 * without a field, so the two cannot drift apart.
 */
export interface FieldText {
  /** Label above the field. */
  label: string;
  /** Help text under the label. */
  hint?: string;
  /** Edit a string in a multi-line box instead of a one-line input. */
  multiline?: true;
  /** Labels of enum values, by value. */
  options?: Record<string, string>;
}

export const fieldTexts: Record<string, FieldText> = {
  'articles.title': { label: 'Tytuł', hint: 'Najwyżej 200 znaków. Z tytułu powstaje adres artykułu.' },
  'articles.lead': {
    label: 'Lead',
    hint: 'Jedno lub dwa zdania pod tytułem; także opis w kanałach RSS i podglądach linków.',
    multiline: true,
  },
  'articles.pubDate': {
    label: 'Data publikacji',
    hint: 'Artykuł z datą w przyszłości pojawi się po pierwszej publikacji serwisu po tej chwili.',
  },
  'articles.updatedDate': { label: 'Data aktualizacji', hint: 'Pokazywana jako „Aktualizacja”. Nie wcześniej niż publikacja.' },
  'articles.corrections': {
    label: 'Korekty',
    hint: 'Sprostowania po publikacji. Pokazywane na końcu artykułu jako „Korekta, data: …” i w kanale RSS.',
  },
  'articles.corrections.date': { label: 'Data korekty' },
  'articles.corrections.text': { label: 'Co poprawiono', multiline: true },
  'articles.authors': { label: 'Autorzy' },
  'articles.tags': { label: 'Tagi' },
  'articles.hero': { label: 'Zdjęcie główne' },
  'articles.hero.image': { label: 'Plik zdjęcia', hint: 'JPEG, PNG lub WebP.' },
  'articles.hero.alt': { label: 'Tekst alternatywny', hint: 'Co widać na zdjęciu, dla osób, które go nie widzą.' },
  'articles.hero.caption': { label: 'Podpis' },
  'articles.hero.credit': { label: 'Autor zdjęcia', hint: 'Drukowany jako „Foto: …”, np. PAP/EPA.' },
  'articles.source': { label: 'Źródło', hint: 'Agencja, np. PAP; dopisywana na końcu tekstu.' },
  'articles.featured': { label: 'Wyróżniony na stronie głównej' },
  'articles.draft': { label: 'Szkic', hint: 'Szkic nie trafia na stronę ani do kanałów.' },
  'articles.sponsor': { label: 'Sponsor', hint: 'Dodaje blok sponsora z informacją o współpracy.' },
  'articles.ads': { label: 'Reklamy w treści', hint: 'Wyłącz, aby artykuł nie miał automatycznych miejsc reklamowych.' },
  'articles.comments': { label: 'Komentarze czytelników', hint: 'Wyłącz, aby pod artykułem nie było komentarzy.' },
  'articles.wordpress': { label: 'Import z WordPressa', hint: 'Wypełnia importer; nie zmieniaj.' },
  'articles.wordpress.id': { label: 'Identyfikator wpisu w WordPressie' },

  'authors.name': { label: 'Imię i nazwisko' },
  'authors.role': { label: 'Funkcja', hint: 'Np. redaktorka, dziennikarz.' },
  'authors.bio': { label: 'Biogram', multiline: true },
  'authors.photo': { label: 'Zdjęcie' },
  'redirects.name': { label: 'Nazwa', hint: 'Czego dotyczą przekierowania, np. Stary serwis WordPress.' },
  'redirects.redirects': { label: 'Przekierowania' },
  'redirects.redirects.from': { label: 'Stary adres', hint: 'Ścieżka od / do /, np. /2013/01/10/witaj/.' },
  'redirects.redirects.to': { label: 'Nowy adres', hint: 'Strona serwisu, np. /artykuly/witaj/.' },
  'authors.links': { label: 'Odnośniki' },
  'authors.links.label': { label: 'Tekst odnośnika', hint: 'Np. LinkedIn, E-mail.' },
  'authors.links.url': { label: 'Adres', hint: 'https://…, mailto:… albo ścieżka zaczynająca się od /.' },

  'tags.name': { label: 'Nazwa', hint: 'Z polskimi literami; z nazwy powstaje adres tagu.' },
  'tags.description': { label: 'Opis', multiline: true },

  'sponsors.name': { label: 'Nazwa' },
  'sponsors.url': { label: 'Strona sponsora' },
  'sponsors.disclosure': { label: 'Informacja o sponsorowaniu', hint: 'Domyślnie „Artykuł sponsorowany”.' },
  'sponsors.logo': { label: 'Logo' },

  'pages.title': { label: 'Tytuł' },
  'pages.description': { label: 'Opis', hint: 'Jedno zdanie dla wyszukiwarek i podglądów linków.', multiline: true },
  'pages.updatedDate': { label: 'Data ostatniej zmiany' },
  'pages.wordpress': { label: 'Import z WordPressa', hint: 'Wypełnia importer; nie zmieniaj.' },
  'pages.wordpress.id': { label: 'Identyfikator strony w WordPressie' },

  'settings.name': { label: 'Nazwa serwisu' },
  'settings.tagline': { label: 'Hasło pod nazwą' },
  'settings.logo': { label: 'Logo (winieta)', hint: 'Nagłówek, ekran logowania CMS, podglądy linków. Bez logo nagłówek pokazuje nazwę.' },
  'settings.logo.src': { label: 'Plik logo', hint: 'SVG lub PNG w public/, np. /logo.svg.' },
  'settings.logo.width': { label: 'Szerokość w nagłówku (px)' },
  'settings.logo.height': { label: 'Wysokość w nagłówku (px)' },
  'settings.description': { label: 'Opis serwisu', multiline: true },
  'settings.url': { label: 'Adres serwisu', hint: 'Pełny adres, np. https://szpalta.example' },
  'settings.language': { label: 'Język interfejsu', options: { pl: 'polski', en: 'angielski' } },
  'settings.pageSize': { label: 'Artykułów na stronie' },
  'settings.navigation': { label: 'Menu w nagłówku' },
  'settings.navigation.label': { label: 'Tekst' },
  'settings.navigation.href': { label: 'Adres', hint: 'Ścieżka, np. /tagi/bezpieczenstwo/, albo pełny adres.' },
  'settings.newsletter': { label: 'Newsletter' },
  'settings.newsletter.action': {
    label: 'Adres formularza zapisu',
    hint: 'Formularz dostawcy newslettera. Bez adresu ramka newslettera się nie pokazuje.',
  },
  'settings.newsletter.emailField': { label: 'Nazwa pola e-mail', hint: 'Domyślnie email.' },
  'settings.newsletter.hiddenFields': { label: 'Pola ukryte', hint: 'Dodatkowe pola wymagane przez dostawcę.' },
  'settings.ads': { label: 'Reklamy' },
  'settings.ads.everyParagraphs': { label: 'Reklama co ile akapitów' },
  'settings.ads.inArticleSlot': { label: 'Miejsce reklam w treści', hint: 'Identyfikator miejsca reklamowego.' },
  'settings.ads.slots': { label: 'Miejsca reklamowe' },
  'settings.ads.slots.id': { label: 'Identyfikator', hint: 'Małe litery, cyfry i łączniki, np. in-article.' },
  'settings.ads.slots.width': { label: 'Szerokość (px)' },
  'settings.ads.slots.height': { label: 'Wysokość (px)' },
  'settings.ads.slots.creative': { label: 'Kreacja', hint: 'Puste miejsce nie jest pokazywane.' },
  'settings.ads.slots.creative.kind': { label: 'Rodzaj', options: { image: 'obrazek z linkiem', html: 'kod HTML' } },
  'settings.ads.slots.creative.src': { label: 'Obrazek', hint: 'Ścieżka w public/, np. /ads/baner.png.' },
  'settings.ads.slots.creative.alt': { label: 'Tekst alternatywny' },
  'settings.ads.slots.creative.href': { label: 'Adres docelowy' },
  'settings.ads.slots.creative.html': { label: 'Kod HTML', multiline: true },
  'settings.footer': { label: 'Stopka' },
  'settings.footer.text': { label: 'Tekst stopki', multiline: true },
  'settings.footer.links': { label: 'Odnośniki w stopce' },
  'settings.footer.links.label': { label: 'Tekst' },
  'settings.footer.links.href': { label: 'Adres' },
  'settings.comments': { label: 'Komentarze', hint: 'Usługa komentarzy (npm run comments). Bez tej sekcji artykuły nie mają komentarzy.' },
  'settings.comments.enabled': { label: 'Komentarze włączone' },
  'settings.comments.url': { label: 'Adres usługi komentarzy', hint: 'Publiczny adres, np. https://komentarze.szpalta.example.' },
  'settings.comments.port': { label: 'Port usługi', hint: 'Port, na którym usługa słucha (domyślnie 4322).' },
  'settings.comments.moderation': {
    label: 'Moderacja wstępna',
    options: { first: 'pierwszy komentarz czytelnika', all: 'każdy komentarz', none: 'bez moderacji wstępnej' },
  },
  'settings.comments.closeAfterDays': { label: 'Zamknij dyskusję po (dniach)', hint: '0 – nigdy nie zamykaj.' },
  'settings.comments.maxLength': { label: 'Najdłuższy komentarz (znaki)' },
  'settings.cms': { label: 'Repozytorium CMS', hint: 'Gdzie CMS zapisuje zmiany w wersji produkcyjnej i jak loguje redakcję.' },
  'settings.cms.backend': { label: 'Serwis Git', options: { github: 'GitHub', gitlab: 'GitLab', gitea: 'Gitea / Forgejo' } },
  'settings.cms.repo': { label: 'Repozytorium', hint: 'W postaci właściciel/nazwa.' },
  'settings.cms.branch': { label: 'Gałąź', hint: 'Domyślnie main.' },
  'settings.cms.authUrl': { label: 'Adres usługi logowania', hint: 'Tylko GitHub: adres usługi z katalogu auth/.' },
  'settings.cms.scope': {
    label: 'Uprawnienia GitHub',
    hint: 'public_repo dla publicznego repozytorium, repo dla prywatnego.',
    options: { public_repo: 'public_repo (repozytorium publiczne)', repo: 'repo (repozytorium prywatne)' },
  },
  'settings.cms.appId': { label: 'Identyfikator aplikacji OAuth', hint: 'Tylko GitLab i Gitea (logowanie PKCE).' },
  'settings.cms.baseUrl': { label: 'Adres serwisu Git', hint: 'Tylko GitLab i Gitea, np. https://gitlab.com.' },
  'settings.cms.apiRoot': { label: 'Adres API', hint: 'Tylko dla własnej instalacji (GitHub Enterprise, GitLab, Gitea).' },
};

/**
 * Polish labels of the props of the article components in `src/components/mdx/registry.ts`,
 * by `<Component>.<prop>`. The body editor's forms use them; a test checks that every prop
 * of the registry has one and no label is left over.
 */
export const componentPropTexts: Record<string, FieldText> = {
  'Figure.src': { label: 'Zdjęcie', hint: 'JPEG, PNG lub WebP z biblioteki mediów.' },
  'Figure.alt': { label: 'Tekst alternatywny', hint: 'Co widać na zdjęciu.' },
  'Figure.caption': { label: 'Podpis' },
  'Figure.credit': { label: 'Autor zdjęcia', hint: 'Drukowany jako „Foto: …”.' },
  'Callout.type': {
    label: 'Rodzaj',
    options: { info: 'informacja', warning: 'ostrzeżenie', important: 'ważne' },
  },
  'Callout.title': { label: 'Tytuł ramki' },
  'Quote.author': { label: 'Autor cytatu' },
  'Quote.source': { label: 'Funkcja lub źródło', hint: 'Np. rzecznik UODO, konferencja prasowa.' },
  'Ad.slot': { label: 'Miejsce reklamowe', hint: 'Identyfikator z ustawień; puste = miejsce w treści.' },
  'Embed.url': { label: 'Adres (https://)' },
  'Embed.title': { label: 'Tytuł odnośnika', hint: 'Co czytelnik znajdzie pod adresem.' },
  'Embed.provider': { label: 'Serwis', hint: 'Np. YouTube; domyślnie nazwa domeny.' },
};
