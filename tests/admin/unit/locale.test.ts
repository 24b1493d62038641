import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { enLocale, phraseKeys, plLocale } from '../../../admin/src/locale.ts';
import { ROOT } from '../support/cms.ts';

/** The Decap packages the admin bundles, whose code asks for phrases by key. */
const DECAP_PARTS = /^decap-cms-(core|ui-default|widget-[a-z]+|backend-[a-z]+|lib-[a-z]+|editor-component-image)$/;

/** Every literal phrase key (`t('editor.editorWidgets.object.expand')`) in the bundled Decap code. */
async function usedKeys(): Promise<Set<string>> {
  const keys = new Set<string>();
  const parts = (await readdir(join(ROOT, 'node_modules'))).filter((name) => DECAP_PARTS.test(name));
  expect(parts.length).toBeGreaterThan(10);
  for (const part of parts) {
    const dir = join(ROOT, 'node_modules', part, 'dist', 'esm');
    const files = (await readdir(dir, { recursive: true }).catch(() => [])).filter((file) => file.endsWith('.js'));
    for (const file of files) {
      const code = await readFile(join(dir, file), 'utf8');
      for (const match of code.matchAll(/\bt\(\s*['"`]([a-zA-Z]+(?:\.[a-zA-Z]+)+)['"`]/g)) keys.add(match[1] ?? '');
    }
  }
  return keys;
}

describe('admin locales', () => {
  it('translate every phrase the bundled Decap code asks for, in Polish and English', async () => {
    const used = await usedKeys();
    expect(used.size).toBeGreaterThan(150);
    const pl = new Set(phraseKeys(plLocale));
    const en = new Set(phraseKeys(enLocale));
    expect([...used].filter((key) => !pl.has(key))).toEqual([]);
    expect([...used].filter((key) => !en.has(key))).toEqual([]);
  });

  it('has every English phrase in Polish too', () => {
    const pl = new Set(phraseKeys(plLocale));
    expect(phraseKeys(enLocale).filter((key) => !pl.has(key))).toEqual([]);
  });

  it('uses no character the admin fonts lack (Decap’s full-width plus)', () => {
    const values = JSON.stringify(plLocale);
    expect(values).not.toMatch(/[\uFF01-\uFF5E]/);
  });
});
