import { describe, expect, it } from 'vitest';
import { formatDate, newsroomTimestamp } from './dates.ts';

describe('formatDate', () => {
  it('prints Polish month names in the genitive, in Warsaw time', () => {
    // 23:30 UTC on 21 November is already 22 November in Warsaw.
    expect(formatDate(new Date('2026-11-21T23:30:00Z'), 'pl-PL')).toBe('22 listopada 2026');
  });

  it('adds the hour on request', () => {
    expect(formatDate(new Date('2026-07-01T08:05:00Z'), 'pl-PL', true)).toBe('1 lipca 2026 10:05');
  });

  it('prints English dates', () => {
    expect(formatDate(new Date('2026-11-22T12:00:00Z'), 'en-GB')).toBe('22 November 2026');
  });
});

describe('newsroomTimestamp', () => {
  it('writes the Warsaw wall clock with its winter and summer offsets', () => {
    expect(newsroomTimestamp(new Date('2026-11-22T17:05:42Z'))).toBe('2026-11-22T18:05:00+01:00');
    expect(newsroomTimestamp(new Date('2026-07-01T22:30:00Z'))).toBe('2026-07-02T00:30:00+02:00');
  });
});
