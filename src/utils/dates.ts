/** The newsroom's time zone: dates are printed as readers in Poland see them, whatever the build machine's zone. */
export const NEWSROOM_TIME_ZONE = 'Europe/Warsaw';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${withTime}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
      timeZone: NEWSROOM_TIME_ZONE,
    });
    formatters.set(key, format);
  }
  return format;
}

/** A date for readers: "22 listopada 2026" (pl) or "November 22, 2026" (en); with `withTime`, the hour too. */
export function formatDate(date: Date, locale: string, withTime = false): string {
  return formatter(locale, withTime).format(date);
}
