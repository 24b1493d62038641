/** The dates of an article that say when it last changed. */
export interface ChangeDates {
  pubDate: Date;
  updatedDate?: Date | undefined;
  corrections: readonly { date: Date }[];
}

/** When the article last changed: the latest of its publication, update and correction dates. */
export function lastModified({ pubDate, updatedDate, corrections }: ChangeDates): Date {
  const times = [pubDate, updatedDate, ...corrections.map((correction) => correction.date)]
    .filter((date): date is Date => date !== undefined)
    .map((date) => date.getTime());
  return new Date(Math.max(...times));
}

/** Whether the article changed after it was published (an update or a correction). */
export function wasModified(dates: ChangeDates): boolean {
  return lastModified(dates).getTime() > dates.pubDate.getTime();
}
