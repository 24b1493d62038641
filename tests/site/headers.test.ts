import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/build.ts';
import { headersFor, parseHeadersFile, type HeaderRule } from '../support/headers-file.ts';
import { fixtureSite } from '../support/site.ts';

/** A CSP as a map of directive name to its sources. */
function parsePolicy(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name = '', ...sources]) => [name.toLowerCase(), sources]),
  );
}

const rules = async () => parseHeadersFile(await readFile(join(ROOT, 'public', '_headers'), 'utf8'));
const rule = (all: HeaderRule[], pattern: string) => {
  const found = all.find((candidate) => candidate.pattern === pattern);
  if (!found) throw new Error(`public/_headers has no block for ${pattern}`);
  return found;
};

describe('public/_headers', () => {
  it('gives every path the headers a CSP meta tag cannot carry', async () => {
    const all = rule(await rules(), '/*').headers;
    const csp = parsePolicy(all.get('content-security-policy') ?? '');
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'self'"]);
    expect(all.get('x-content-type-options')).toBe('nosniff');
    expect(all.get('x-frame-options')).toBe('DENY');
    expect(['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin']).toContain(all.get('referrer-policy'));
    const permissions = all.get('permissions-policy') ?? '';
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment']) expect(permissions).toContain(`${feature}=()`);
    expect(all.get('strict-transport-security')).toMatch(/^max-age=\d{7,}/);
  });

  it('keeps the site-wide policy to directives the CMS can live with', async () => {
    // Hosts join the /* and /admin/* policies, and a browser enforces both: a script or style
    // directive in /* would block the CMS whatever /admin/* allows.
    const csp = parsePolicy(rule(await rules(), '/*').headers.get('content-security-policy') ?? '');
    const harmless = ['frame-ancestors', 'object-src', 'base-uri', 'upgrade-insecure-requests', 'block-all-mixed-content'];
    expect([...csp.keys()].filter((name) => !harmless.includes(name))).toEqual([]);
  });

  it('gives /admin/ its own policy, the same as the admin page declares apart from the local backend', async () => {
    const admin = parsePolicy(rule(await rules(), '/admin/*').headers.get('content-security-policy') ?? '');
    expect(admin.get('frame-ancestors')).toEqual(["'none'"]);
    expect(admin.get('object-src')).toEqual(["'none'"]);
    const page = await readFile(join(ROOT, 'admin', 'index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(page)?.[1];
    if (!meta) throw new Error('admin/index.html declares no CSP meta tag');
    const local = /^https?:\/\/(127\.0\.0\.1|localhost)(:\S*)?$/;
    const declared = parsePolicy(meta);
    for (const [name, sources] of declared) {
      expect(admin.get(name), `/admin/* ${name}`).toEqual(sources.filter((source) => !local.test(source)));
    }
    for (const name of admin.keys()) {
      if (name !== 'frame-ancestors') expect(declared.has(name), `admin/index.html declares ${name}`).toBe(true);
    }
  });

  it('gives admin pages both policies, as the hosts combine matching blocks', async () => {
    const all = await rules();
    const admin = headersFor(all, '/admin/index.html');
    expect(admin.get('content-security-policy')?.split(', ').length).toBe(2);
    expect(headersFor(all, '/artykuly/x/').get('content-security-policy')).toBe(rule(all, '/*').headers.get('content-security-policy'));
  });

  it('is copied into the built site', () => {
    expect(existsSync(join(fixtureSite().dist, '_headers'))).toBe(true);
  });
});
