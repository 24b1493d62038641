/** The newsroom's time zone: dates are entered and shown in it, whatever the browser's. */
const TIME_ZONE = 'Europe/Warsaw';

/** How editors type a date and time. */
export const POLISH_DATE_TIME_HINT = 'DD.MM.RRRR GG:MM';

const pad = (value: number) => String(value).padStart(2, '0');

/** The UTC offset of `TIME_ZONE` at `instant`, in minutes (60 in winter, 120 in summer). */
function offsetMinutes(instant: Date): number {
  const name =
    new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, timeZoneName: 'longOffset' })
      .formatToParts(instant)
      .find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

const formatOffset = (minutes: number) =>
  `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;

/** The wall-clock parts of `instant` in the newsroom's time zone. */
function wallClock(instant: Date) {
  const shifted = new Date(instant.getTime() + offsetMinutes(instant) * 60_000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

/** The stored form of a wall-clock time in the newsroom's zone: `2026-11-14T09:00:00+01:00`. */
function stored(year: number, month: number, day: number, hour: number, minute: number): string {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  // The offset at the instant itself; near a change of time the first guess can be an hour off.
  let offset = offsetMinutes(new Date(asUtc - offsetMinutes(new Date(asUtc)) * 60_000));
  offset = offsetMinutes(new Date(asUtc - offset * 60_000));
  return `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:00${formatOffset(offset)}`;
}

/**
 * Reads a date as Polish editors write it: `14.11.2026 09:00` (also `14.11.2026, 9:00` and
 * `14.11.2026` for midnight) in the newsroom's time zone. Returns the stored form
 * (`2026-11-14T09:00:00+01:00`), or an error message in Polish.
 */
export function parsePolishDateTime(text: string): { value: string } | { error: string } {
  const match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,?\s+(\d{1,2}):(\d{2}))?$/.exec(text.trim());
  if (!match) return { error: `Wpisz datę jako ${POLISH_DATE_TIME_HINT}, np. 14.11.2026 09:00.` };
  const [day, month, year, hour, minute] = [match[1], match[2], match[3], match[4] ?? '0', match[5] ?? '0'].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return { error: `Nie ma takiego dnia: ${text.trim()}.` };
  if (hour > 23 || minute > 59) return { error: `Nie ma takiej godziny: ${pad(hour)}:${pad(minute)}.` };
  return { value: stored(year, month, day, hour, minute) };
}

/** A stored date (any ISO form) as editors read it, `14.11.2026 09:00` in the newsroom's zone; '' when it cannot be read. */
export function formatPolishDateTime(value: string | Date | null | undefined): string {
  if (!value) return '';
  const instant = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(instant.getTime())) return '';
  const { year, month, day, hour, minute } = wallClock(instant);
  return `${pad(day)}.${pad(month)}.${year} ${pad(hour)}:${pad(minute)}`;
}

/** Now, in the stored form, to the minute. */
export function nowStored(now = new Date()): string {
  const { year, month, day, hour, minute } = wallClock(now);
  return stored(year, month, day, hour, minute);
}
