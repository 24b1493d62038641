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

const TIMESTAMP_FORMAT = new Intl.DateTimeFormat('en-GB', {
  timeZone: NEWSROOM_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'longOffset',
});

/** `2026-11-22T18:05:00+01:00`: the moment as a Warsaw wall clock with its offset (whole minutes). */
export function newsroomTimestamp(moment: Date): string {
  const parts = Object.fromEntries(TIMESTAMP_FORMAT.formatToParts(moment).map((part) => [part.type, part.value]));
  const offset = String(parts['timeZoneName']).replace('GMT', '') || '+00:00';
  return `${parts['year']}-${parts['month']}-${parts['day']}T${parts['hour']}:${parts['minute']}:00${offset}`;
}
