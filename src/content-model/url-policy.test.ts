import { describe, expect, it } from 'vitest';
import { isAllowedUrl, isHttpsUrl, judgeUrl } from './url-policy.ts';

describe('the URL allow-list', () => {
  it('allows relative addresses, fragments and https, http, mailto, tel', () => {
    for (const url of [
      '/tagi/prawo/',
      '../images/a.jpg',
      '?q=1',
      '#przypisy',
      'https://a.example/',
      'HTTP://a.example',
      'mailto:a@b.pl',
      'tel:+48221234567',
      '//cdn.example/x',
    ]) {
      expect(isAllowedUrl(url), url).toBe(true);
    }
  });

  it('refuses every other scheme, however it is disguised', () => {
    for (const url of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:x',
      '\u0001javascript:x',
      'data:text/html,x',
      'vbscript:x',
      'blob:https://a/x',
      'file:///etc/passwd',
      'ftp://a.example/',
      'intent://x',
    ]) {
      expect(judgeUrl(url).kind, url).toBe('refused');
    }
  });

  it('accepts only real https addresses for Embed', () => {
    expect(isHttpsUrl('https://www.youtube.com/watch?v=1')).toBe(true);
    for (const url of ['http://a.example/', 'https://', '//a.example/', 'javascript:alert(1)//https://'])
      expect(isHttpsUrl(url), url).toBe(false);
  });
});
