import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { contentDirFromEnvironment, resolveContentDir } from '../content-model/content-dir.ts';
import { readSettingsFile, SettingsFileError } from '../content-model/settings-file.ts';
import { readBuildSettings } from './build-settings.ts';

const workDir = mkdtempSync(join(tmpdir(), 'szpalta-build-settings-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

let count = 0;
/** Writes `yaml` as a settings file of its own and gives back its path. */
function settingsFile(yaml: string): string {
  const dir = join(workDir, String(++count), 'settings');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'site.yml');
  writeFileSync(file, yaml);
  return file;
}

const MINIMAL = 'name: Szpalta\ndescription: Wiadomości\nurl: https://szpalta.example\n';

describe('readBuildSettings', () => {
  it("takes the schema's defaults for what a minimal file leaves out", () => {
    expect(readBuildSettings(pathToFileURL(settingsFile(MINIMAL)))).toEqual({
      url: 'https://szpalta.example',
      adEveryParagraphs: 4,
      newsletterOrigin: undefined,
      commentsOrigin: undefined,
    });
  });

  it('reads the ad rhythm, the newsletter and the comment service', () => {
    const file = settingsFile(
      `${MINIMAL}ads:\n  everyParagraphs: 7\nnewsletter:\n  action: https://lista.example/zapisz?x=1\ncomments:\n  url: https://komentarze.example:8443/api\n`,
    );
    expect(readBuildSettings(pathToFileURL(file))).toEqual({
      url: 'https://szpalta.example',
      adEveryParagraphs: 7,
      newsletterOrigin: 'https://lista.example',
      commentsOrigin: 'https://komentarze.example:8443',
    });
  });

  it('allows no comment origin when comments are switched off, and no newsletter origin for a path on the site', () => {
    const file = settingsFile(
      `${MINIMAL}newsletter:\n  action: /newsletter/\ncomments:\n  enabled: false\n  url: https://komentarze.example\n`,
    );
    expect(readBuildSettings(pathToFileURL(file))).toMatchObject({ newsletterOrigin: undefined, commentsOrigin: undefined });
  });
});

describe('readSettingsFile', () => {
  const message = (yaml: string) => {
    const file = settingsFile(yaml);
    try {
      readSettingsFile(file);
    } catch (error) {
      expect(error).toBeInstanceOf(SettingsFileError);
      return (error as Error).message.replace(file, '<file>');
    }
    throw new Error('the settings were accepted');
  };

  it('names the file, line, column and field of a value the schema refuses', () => {
    expect(message(`${MINIMAL}ads:\n  everyParagraphs: 0\n`)).toMatchInlineSnapshot(
      `"<file>:5:20 ads.everyParagraphs: Too small: expected number to be >=1"`,
    );
  });

  it('names a missing required field at the start of the file', () => {
    expect(message('name: Szpalta\ndescription: Wiadomości\n')).toMatchInlineSnapshot(
      `"<file>:1:1 url: url must be an absolute URL such as https://szpalta.example"`,
    );
  });

  it('names the line of a YAML syntax error', () => {
    expect(message(`${MINIMAL}navigation:\n\t- label: x\n`)).toMatch(
      /^<file>:5:1 settings: invalid YAML: .*\(indent with spaces, not tabs\)$/,
    );
  });

  it('names a file that is not there', () => {
    expect(() => readSettingsFile(join(workDir, 'brak.yml'))).toThrow(/brak\.yml:1:1 settings: cannot read the site settings/);
  });
});

describe('the content folder', () => {
  it('is content/ unless SZPALTA_CONTENT_DIR says otherwise', () => {
    expect(contentDirFromEnvironment({})).toBe('content');
    expect(contentDirFromEnvironment({ SZPALTA_CONTENT_DIR: '' })).toBe('content');
    expect(contentDirFromEnvironment({ SZPALTA_CONTENT_DIR: 'fixtures/c' })).toBe('fixtures/c');
  });

  it('is resolved against the given root', () => {
    expect(resolveContentDir('/repo', {})).toBe('/repo/content');
    expect(resolveContentDir('/repo', { SZPALTA_CONTENT_DIR: 'inne' })).toBe('/repo/inne');
    expect(resolveContentDir('/repo', { SZPALTA_CONTENT_DIR: '/tmp/c' })).toBe('/tmp/c');
  });
});
