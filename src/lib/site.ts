import { getEntry } from 'astro:content';
import { dictionaries, locales, type Dictionary, type UiLanguage } from '../i18n/ui.ts';
import { formatDate } from '../utils/dates.ts';
import { pluralize, type PluralForms } from '../utils/plural.ts';

/** The settings file every build reads: `content/settings/site.yml`. */
const SETTINGS_ID = 'site';

/** Site settings with their defaults applied, plus the interface helpers derived from them. */
export interface Site {
  settings: NonNullable<Awaited<ReturnType<typeof loadSettings>>>;
  language: UiLanguage;
  /** BCP 47 locale for `Intl` ("pl-PL"). */
  locale: string;
  /** Interface texts in the site's language. */
  t: Dictionary;
  /** A date for readers, in the site's language and the newsroom's time zone. */
  date: (date: Date, withTime?: boolean) => string;
  /** A count with the noun in the right plural form ("5 artykułów"). */
  count: (count: number, forms: PluralForms) => string;
}

async function loadSettings() {
  const entry = await getEntry('settings', SETTINGS_ID);
  if (!entry) throw new Error(`content/settings/${SETTINGS_ID}.yml is missing: the portal needs its site settings`);
  return entry.data;
}

let cached: Promise<Site> | undefined;

/** The resolved site configuration. Pages read settings only through this. */
export function getSite(): Promise<Site> {
  cached ??= loadSettings().then((settings) => {
    const language = settings.language;
    const locale = locales[language];
    return {
      settings,
      language,
      locale,
      t: dictionaries[language],
      date: (date, withTime = false) => formatDate(date, locale, withTime),
      count: (count, forms) => pluralize(count, forms, locale),
    };
  });
  return cached;
}
