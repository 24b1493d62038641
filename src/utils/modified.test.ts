import { describe, expect, it } from 'vitest';
import { lastModified, wasModified } from './modified.ts';

const pubDate = new Date('2026-11-20T08:00:00Z');

describe('lastModified', () => {
  it('is the publication date of an article never changed', () => {
    expect(lastModified({ pubDate, corrections: [] })).toEqual(pubDate);
    expect(wasModified({ pubDate, corrections: [] })).toBe(false);
  });

  it('is the latest of the update and correction dates', () => {
    const updatedDate = new Date('2026-11-21T10:00:00Z');
    const corrections = [{ date: new Date('2026-11-23T09:00:00Z') }, { date: new Date('2026-11-22T09:00:00Z') }];
    expect(lastModified({ pubDate, updatedDate, corrections })).toEqual(new Date('2026-11-23T09:00:00Z'));
    expect(lastModified({ pubDate, updatedDate, corrections: [] })).toEqual(updatedDate);
    expect(wasModified({ pubDate, updatedDate, corrections: [] })).toBe(true);
  });
});
