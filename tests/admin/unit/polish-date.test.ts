import { describe, expect, it } from 'vitest';
import { formatPolishDateTime, nowStored, parsePolishDateTime } from '../../../admin/src/widgets/polish-date.ts';

describe('Polish dates in the CMS', () => {
  it('reads DD.MM.YYYY HH:mm in the newsroom’s zone, with the winter or summer offset', () => {
    expect(parsePolishDateTime('14.11.2026 09:00')).toEqual({ value: '2026-11-14T09:00:00+01:00' });
    expect(parsePolishDateTime('1.6.2025, 10:00')).toEqual({ value: '2025-06-01T10:00:00+02:00' });
    expect(parsePolishDateTime(' 03.12.2026 ')).toEqual({ value: '2026-12-03T00:00:00+01:00' });
  });

  it('gets the offset right around the changes of time', () => {
    expect(parsePolishDateTime('29.03.2026 01:30')).toEqual({ value: '2026-03-29T01:30:00+01:00' });
    expect(parsePolishDateTime('29.03.2026 03:30')).toEqual({ value: '2026-03-29T03:30:00+02:00' });
    expect(parsePolishDateTime('25.10.2026 04:00')).toEqual({ value: '2026-10-25T04:00:00+01:00' });
  });

  it('refuses other forms and impossible dates with a Polish message', () => {
    expect(parsePolishDateTime('11/14/2026 09:00')).toEqual({ error: 'Wpisz datę jako DD.MM.RRRR GG:MM, np. 14.11.2026 09:00.' });
    expect(parsePolishDateTime('31.11.2026 09:00')).toEqual({ error: 'Nie ma takiego dnia: 31.11.2026 09:00.' });
    expect(parsePolishDateTime('30.11.2026 24:10')).toEqual({ error: 'Nie ma takiej godziny: 24:10.' });
  });

  it('shows stored dates in Polish form and Warsaw time, whatever their offset', () => {
    expect(formatPolishDateTime('2026-11-14T09:00:00+01:00')).toBe('14.11.2026 09:00');
    expect(formatPolishDateTime('2026-11-14T08:00:00Z')).toBe('14.11.2026 09:00');
    expect(formatPolishDateTime('2025-06-01T10:00:00+02:00')).toBe('01.06.2025 10:00');
    expect(formatPolishDateTime('')).toBe('');
    expect(formatPolishDateTime('nonsense')).toBe('');
  });

  it('round-trips and gives now to the minute', () => {
    const value = nowStored(new Date('2026-07-04T12:34:56Z'));
    expect(value).toBe('2026-07-04T14:34:00+02:00');
    expect(parsePolishDateTime(formatPolishDateTime(value))).toEqual({ value });
  });
});
