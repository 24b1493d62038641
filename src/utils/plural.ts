/** The word forms a count may need, keyed by CLDR plural category (Polish uses one, few, many; English one, other). */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const rulesCache = new Map<string, Intl.PluralRules>();

/**
 * `count` followed by the right form of the noun, by the language's plural rules:
 * in Polish 1 artykuł, 2 artykuły, 5 artykułów, 22 artykuły; in English 1 article, 2 articles.
 */
export function pluralize(count: number, forms: PluralForms, locale: string): string {
  let rules = rulesCache.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    rulesCache.set(locale, rules);
  }
  const word = forms[rules.select(count)] ?? forms.other;
  return `${new Intl.NumberFormat(locale).format(count)} ${word}`;
}
