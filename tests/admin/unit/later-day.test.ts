import { describe, expect, it } from 'vitest';
import { laterDayPattern } from '../../../admin/config/later-day.ts';

describe('laterDayPattern', () => {
  const later = new RegExp(laterDayPattern('2026-12-02'));

  it('matches dates and date-times on later days', () => {
    for (const value of ['2026-12-03', '2026-12-10T00:00:00+01:00', '2026-12-31', '2027-01-01T08:00:00Z', '2030-06-15', '2100-01-01']) {
      expect(later.test(value), value).toBe(true);
    }
  });

  it('does not match that day or earlier ones', () => {
    for (const value of ['2026-12-02T23:59:00+01:00', '2026-12-01', '2026-11-30', '2025-12-31', '1999-12-31', '']) {
      expect(later.test(value), value).toBe(false);
    }
  });

  it('refuses a malformed day', () => {
    expect(() => laterDayPattern('2.12.2026')).toThrow('is not a YYYY-MM-DD date');
  });
});
