/**
 * A regular expression that matches ISO dates and date-times (`2026-12-03`, `2026-12-03T08:00:00+01:00`)
 * on a day later than `day` (`YYYY-MM-DD`), by comparing digit by digit: a later date has the
 * same digits up to some position and a larger digit there. Decap's list filters only match
 * field values against a pattern, so this is how the CMS lists scheduled articles.
 */
export function laterDayPattern(day: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`laterDayPattern: "${day}" is not a YYYY-MM-DD date`);
  const alternatives: string[] = [];
  for (let index = 0; index < day.length; index += 1) {
    const char = day[index] ?? '';
    if (char === '-' || char === '9') continue;
    alternatives.push(`${day.slice(0, index)}[${Number(char) + 1}-9]`);
  }
  return `^(?:${alternatives.join('|')})`;
}
