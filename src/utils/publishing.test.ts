import { describe, expect, it } from 'vitest';
import { isPublished } from './publishing.ts';

const now = new Date('2026-11-22T12:00:00Z');

describe('isPublished', () => {
  it('publishes an article whose time has come', () => {
    expect(isPublished({ draft: false, pubDate: new Date('2026-11-22T11:59:59Z') }, now)).toBe(true);
    expect(isPublished({ draft: false, pubDate: now }, now)).toBe(true);
  });

  it('holds back a future-dated article until a build after its date', () => {
    const scheduled = { draft: false, pubDate: new Date('2026-11-22T12:00:01Z') };
    expect(isPublished(scheduled, now)).toBe(false);
    expect(isPublished(scheduled, new Date('2026-11-22T13:00:00Z'))).toBe(true);
  });

  it('never publishes a draft', () => {
    expect(isPublished({ draft: true, pubDate: new Date('2020-01-01T00:00:00Z') }, now)).toBe(false);
  });
});
